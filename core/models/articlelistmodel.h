#pragma once

#include "core/result.h"
#include "core/storage/articlerepository.h"

#include <QAbstractListModel>
#include <QHash>

namespace Gloss::Core {

class Database;

/// The library list: one row per stored article (title as DisplayRole; other fields as roles).
///
/// Two ways to fill it:
///  - lazy (use this): setDatabase(). The model loads only the ordered ids of the matching articles (8 bytes
///    each: 0.8 MB and ~20 ms for 100,000 articles), exposes them batchSize rows at a time through
///    canFetchMore()/fetchMore() as a view scrolls, and reads row data one page (batchSize rows, one query) at a
///    time into a cache of at most maxCachedPages pages. Opening a 100,000-article library reads one page;
///    memory stays flat however far the user scrolls. setFilter() narrows it to a collection, tag, reading
///    state or search query (ranked by SearchIndex); refresh() re-reads after a change with fine-grained
///    signals where it can (new imports on top are row inserts, same rows are dataChanged).
///  - eager: setArticles() with a ready list (small libraries, tests).
class ArticleListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListModel)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SiteRole,
        PublishedRole,
        AnnotationCountRole,
        UrlRole,
        VersionCountRole,
        ReadingStateRole, ///< "unread", "in_progress", "read"
    };

    /// Rows exposed per fetchMore() and read per query.
    static constexpr int batchSize = 200;
    /// Pages of row data kept in memory.
    static constexpr int maxCachedPages = 8;

    explicit ArticleListModel(QObject *parent = nullptr);

    /// Eager mode: replaces the rows (a reset).
    void setArticles(const QList<ArticleSummary> &articles);

    /// Lazy mode over `database` (not owned; it must outlive the model or be unset with nullptr first). Resets
    /// the model and loads the ids for the current filter. Errors: storage errors (the model is then empty).
    Result<void> setDatabase(Database *database);
    /// Lazy mode: shows only the articles passing `filter` and, when `search` is not empty, matching it (then
    /// in rank order, best first; SearchIndex::search syntax). A reset. Errors: storage errors, a search with
    /// nothing to search for (the model keeps its previous rows).
    Result<void> setFilter(const LibraryFilter &filter, const QString &search = {});
    LibraryFilter filter() const { return m_filter; }
    QString searchText() const { return m_search; }
    /// Lazy mode: re-reads the ids (after imports, deletions, annotation changes). Row inserts when only new
    /// articles came in on top, dataChanged when the rows are the same, otherwise a reset.
    Result<void> refresh();
    /// Lazy mode: article `id` changed (an annotation added, a new version): its row re-reads its data.
    void articleChanged(qint64 id);
    /// How many articles pass the filter (rowCount() grows towards it through fetchMore()).
    qsizetype totalCount() const;

    /// The row of article `id`, or -1 (in lazy mode also -1 while its row is not fetched yet; see revealArticle).
    int rowOf(qint64 id) const;
    /// Lazy mode: fetches rows until article `id` has one; returns it, or -1 when the filter hides the article.
    int revealArticle(qint64 id);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// A page of rows could not be read (the message is user-readable); those rows show empty.
    void loadFailed(const QString &message) const;

private:
    Result<QList<qint64>> loadIds(const LibraryFilter &filter, const QString &search) const;
    const ArticleSummary *summaryAt(int row) const;

    QList<ArticleSummary> m_articles; // eager mode
    Database *m_database = nullptr; // lazy mode when set
    LibraryFilter m_filter;
    QString m_search;
    QList<qint64> m_ids;
    int m_exposed = 0;
    mutable QHash<int, QList<ArticleSummary>> m_pages;
    mutable QList<int> m_pageUse; // least recently used first
};

} // namespace Gloss::Core

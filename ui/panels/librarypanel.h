#pragma once

#include "core/storage/articlerepository.h"

#include <QSet>
#include <QWidget>
#include <functional>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace Gloss::Core {
class ArticleListModel;
}

namespace Gloss::Ui {

/// The library list: every stored article as title over "site · date · annotations · reading state", with
/// a search box that filters live: the store's full-text search (setFullTextSearch) plus title, site and URL.
/// Activating one asks to open it.
class LibraryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPanel)
public:
    /// Reading state of an article for the list ("unread", "42%", "read"); empty hides it.
    using ReadingState = std::function<QString(qint64 articleId)>;
    /// The ids of the articles a full-text query finds (the panel does no I/O itself).
    using FullTextSearch = std::function<QSet<qint64>(const QString &query)>;

    explicit LibraryPanel(QWidget *parent = nullptr);

    void setArticles(const QList<Core::ArticleSummary> &articles);
    void setReadingState(ReadingState state);
    void setFullTextSearch(FullTextSearch search);
    /// Marks article `id` as the current row (without emitting articleRequested).
    void setCurrentArticle(qint64 id);
    /// Number of articles listed (after the search filter).
    int count() const;
    QLineEdit *searchField() const { return m_search; }
    QListView *view() const { return m_view; }

Q_SIGNALS:
    void articleRequested(qint64 id);

private:
    Core::ArticleListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_view = nullptr;
    ReadingState m_readingState;
    FullTextSearch m_fullTextSearch;
};

} // namespace Gloss::Ui

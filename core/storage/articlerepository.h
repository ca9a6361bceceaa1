#pragma once

#include "core/document/article.h"
#include "core/result.h"

#include <QList>

namespace Gloss::Core {

class Database;
struct Extraction;

/// What ArticleRepository::store did with an import.
struct ImportOutcome
{
    enum Kind { NewArticle, NewVersion, Unchanged };
    Kind kind = NewArticle;
    qint64 articleId = 0;
    qint64 versionId = 0; ///< the article's current version after the import
    qint64 previousVersionId = 0; ///< for NewVersion: the version that was current before
};

/// One row of the library list.
struct ArticleSummary
{
    qint64 id = 0;
    QString title;
    QString sourceUrl;
    QString siteName;
    QString published; ///< ISO 8601 UTC or empty
    QDateTime imported;
    int versions = 0;
    int annotations = 0;
    qsizetype textLength = 0; ///< reader text length in Unicode code points
    QString readingState; ///< "unread", "in_progress" or "read" (see ReadingStateRepository)
};

/// Which articles the library shows. Empty fields do not filter; set fields combine with AND.
struct LibraryFilter
{
    QString collection; ///< a collection name (case-insensitive); a name no collection has matches nothing
    QString tag; ///< a tag (case-insensitive)
    QString readingState; ///< "unread", "in_progress" or "read"

    bool isEmpty() const { return collection.isEmpty() && tag.isEmpty() && readingState.isEmpty(); }
};

/// Articles, their versions and snapshots. The only class with SQL about them (STYLE.md, "SQL").
class ArticleRepository final
{
public:
    explicit ArticleRepository(Database &database);

    /// Stores an import in one transaction. The snapshot is stored once per SHA-256; an article is matched by
    /// `snapshot.sourceUrl`: unseen -> NewArticle (version 1); seen with a different reader text -> NewVersion
    /// (the old versions are kept); seen with the same reader text -> Unchanged (nothing but the snapshot,
    /// if new, is written). Errors: storage failures (the transaction is rolled back).
    Result<ImportOutcome> store(const Snapshot &snapshot, const Extraction &extraction);

    /// The article with its current version. Errors: no such article.
    Result<Article> article(qint64 id) const;
    /// One version. Errors: no such version.
    Result<ArticleVersion> version(qint64 versionId) const;
    /// The snapshot with its decompressed bytes. Errors: no such snapshot.
    Result<Snapshot> snapshot(qint64 snapshotId) const;
    /// Every article, newest import first.
    Result<QList<ArticleSummary>> summaries() const;
    /// The articles passing `filter`, newest import first.
    Result<QList<ArticleSummary>> summaries(const LibraryFilter &filter) const;
    /// The summaries of `ids`, in the order given (ids not in the store are skipped). For the lazy library
    /// model: one query per page, so pass a page (a few hundred ids), not the whole library.
    Result<QList<ArticleSummary>> summaries(const QList<qint64> &ids) const;
    /// The ids of every article, by id.
    Result<QList<qint64>> articleIds() const;
    /// The ids of the articles passing `filter`, newest import first (the library order). An index-only scan:
    /// about 20 ms for 100,000 articles.
    Result<QList<qint64>> articleIds(const LibraryFilter &filter) const;
    /// How many articles the store holds.
    Result<qint64> count() const;

private:
    Database &m_database;
};

} // namespace Gloss::Core

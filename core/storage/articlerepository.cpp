#include "articlerepository.h"

#include "core/anchoring/codepointindex.h"
#include "core/extraction/extractor.h"
#include "database.h"
#include "sqlhelpers.h"

#include <QHash>
#include <QSqlRecord>

namespace Gloss::Core {

using namespace Sql;

namespace {

const QString versionColumns = QStringLiteral(
    "id, article_id, snapshot_id, number, title, byline, site_name, language, direction, published, modified, "
    "excerpt, lead_image, canonical_url, reader_html, reader_text, extractor_version, created");

ArticleVersion versionFromQuery(const QSqlQuery &q)
{
    ArticleVersion v;
    v.id = q.value(0).toLongLong();
    v.articleId = q.value(1).toLongLong();
    v.snapshotId = q.value(2).toLongLong();
    v.number = q.value(3).toInt();
    v.metadata.title = q.value(4).toString();
    v.metadata.byline = q.value(5).toString();
    v.metadata.siteName = q.value(6).toString();
    v.metadata.language = q.value(7).toString();
    v.metadata.direction = q.value(8).toString();
    v.metadata.published = q.value(9).toString();
    v.metadata.modified = q.value(10).toString();
    v.metadata.excerpt = q.value(11).toString();
    v.metadata.leadImage = q.value(12).toString();
    v.metadata.canonicalUrl = q.value(13).toString();
    v.readerHtml = q.value(14).toString();
    v.readerText = q.value(15).toString();
    v.extractorVersion = q.value(16).toString();
    v.created = timeFromText(q.value(17).toString());
    return v;
}

Result<qint64> storeSnapshot(QSqlDatabase db, const Snapshot &snapshot)
{
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM snapshots WHERE sha256 = ?"));
    find.addBindValue(snapshot.sha256);
    if (auto r = exec(find, QStringLiteral("Cannot look up the snapshot")); !r)
        return std::unexpected(r.error());
    if (find.next())
        return find.value(0).toLongLong();

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO snapshots (sha256, content_type, charset, source_url, fetched, size, "
                                  "data) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(snapshot.sha256);
    insert.addBindValue(text(snapshot.contentType));
    insert.addBindValue(text(snapshot.charset));
    insert.addBindValue(text(snapshot.sourceUrl));
    insert.addBindValue(timeToText(snapshot.fetched));
    insert.addBindValue(snapshot.bytes.size());
    insert.addBindValue(qCompress(snapshot.bytes, 6));
    if (auto r = exec(insert, QStringLiteral("Cannot save the original page")); !r)
        return std::unexpected(r.error());
    return insert.lastInsertId().toLongLong();
}

Result<qint64> insertVersion(QSqlDatabase db, qint64 articleId, qint64 snapshotId, int number, const Extraction &e)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO article_versions (article_id, snapshot_id, number, title, byline, site_name, language, "
        "direction, published, modified, excerpt, lead_image, canonical_url, reader_html, reader_text, "
        "text_length, extractor_version, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const ArticleMetadata &m = e.metadata;
    for (const QVariant &v : { QVariant(articleId), QVariant(snapshotId), QVariant(number), text(m.title),
             text(m.byline), text(m.siteName), text(m.language), text(m.direction), text(m.published), text(m.modified),
             text(m.excerpt), text(m.leadImage), text(m.canonicalUrl), text(e.readerHtml), text(e.readerText),
             QVariant(codePointLength(e.readerText)), text(e.extractorVersion),
             QVariant(timeToText(QDateTime::currentDateTimeUtc())) })
        q.addBindValue(v);
    if (auto r = exec(q, QStringLiteral("Cannot save the reader version")); !r)
        return std::unexpected(r.error());
    return q.lastInsertId().toLongLong();
}

} // namespace

ArticleRepository::ArticleRepository(Database &database)
    : m_database(database)
{ }

Result<ImportOutcome> ArticleRepository::store(const Snapshot &snapshot, const Extraction &extraction)
{
    ImportOutcome outcome;
    QSqlDatabase db = m_database.connection();
    auto r = m_database.transaction([&]() -> Result<void> {
        auto snapshotId = storeSnapshot(db, snapshot);
        if (!snapshotId)
            return std::unexpected(snapshotId.error());

        QSqlQuery find(db);
        find.prepare(QStringLiteral("SELECT a.id, a.current_version_id, v.reader_text, v.number FROM articles a "
                                    "LEFT JOIN article_versions v ON v.id = a.current_version_id "
                                    "WHERE a.source_url = ? ORDER BY a.id LIMIT 1"));
        find.addBindValue(snapshot.sourceUrl);
        if (auto e = exec(find, QStringLiteral("Cannot look up the article")); !e)
            return e;
        if (find.next()) {
            outcome.articleId = find.value(0).toLongLong();
            outcome.previousVersionId = find.value(1).toLongLong();
            if (find.value(2).toString() == extraction.readerText) {
                outcome.kind = ImportOutcome::Unchanged;
                outcome.versionId = outcome.previousVersionId;
                return {};
            }
            outcome.kind = ImportOutcome::NewVersion;
            auto versionId = insertVersion(db, outcome.articleId, *snapshotId, find.value(3).toInt() + 1, extraction);
            if (!versionId)
                return std::unexpected(versionId.error());
            outcome.versionId = *versionId;
        } else {
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT INTO articles (source_url, imported) VALUES (?, ?)"));
            insert.addBindValue(snapshot.sourceUrl);
            insert.addBindValue(timeToText(QDateTime::currentDateTimeUtc()));
            if (auto e = exec(insert, QStringLiteral("Cannot save the article")); !e)
                return e;
            outcome.kind = ImportOutcome::NewArticle;
            outcome.articleId = insert.lastInsertId().toLongLong();
            auto versionId = insertVersion(db, outcome.articleId, *snapshotId, 1, extraction);
            if (!versionId)
                return std::unexpected(versionId.error());
            outcome.versionId = *versionId;
        }
        QSqlQuery current(db);
        current.prepare(QStringLiteral("UPDATE articles SET current_version_id = ? WHERE id = ?"));
        current.addBindValue(outcome.versionId);
        current.addBindValue(outcome.articleId);
        return exec(current, QStringLiteral("Cannot save the article"));
    });
    if (!r)
        return std::unexpected(r.error());
    return outcome;
}

Result<Article> ArticleRepository::article(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT a.id, a.source_url, a.imported, a.current_version_id, s.sha256 FROM articles a "
                             "JOIN article_versions v ON v.id = a.current_version_id "
                             "JOIN snapshots s ON s.id = v.snapshot_id WHERE a.id = ?"));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot read article %1").arg(id)); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return fail(QStringLiteral("There is no article %1 in the library.").arg(id));
    Article a;
    a.id = q.value(0).toLongLong();
    a.sourceUrl = q.value(1).toString();
    a.imported = timeFromText(q.value(2).toString());
    a.currentVersionId = q.value(3).toLongLong();
    a.snapshotSha256 = q.value(4).toString();
    auto v = version(a.currentVersionId);
    if (!v)
        return std::unexpected(v.error());
    a.current = *v;
    return a;
}

Result<ArticleVersion> ArticleRepository::version(qint64 versionId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM article_versions WHERE id = ?").arg(versionColumns));
    q.addBindValue(versionId);
    if (auto r = exec(q, QStringLiteral("Cannot read version %1").arg(versionId)); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return fail(QStringLiteral("There is no article version %1.").arg(versionId));
    return versionFromQuery(q);
}

Result<Snapshot> ArticleRepository::snapshot(qint64 snapshotId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, sha256, content_type, charset, source_url, fetched, data FROM snapshots "
                             "WHERE id = ?"));
    q.addBindValue(snapshotId);
    if (auto r = exec(q, QStringLiteral("Cannot read snapshot %1").arg(snapshotId)); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return fail(QStringLiteral("There is no snapshot %1.").arg(snapshotId));
    Snapshot s;
    s.id = q.value(0).toLongLong();
    s.sha256 = q.value(1).toString();
    s.contentType = q.value(2).toString();
    s.charset = q.value(3).toString();
    s.sourceUrl = q.value(4).toString();
    s.fetched = timeFromText(q.value(5).toString());
    s.bytes = qUncompress(q.value(6).toByteArray());
    return s;
}

namespace {

const QString summaryColumns
    = QStringLiteral("SELECT a.id, v.title, a.source_url, v.site_name, v.published, a.imported, "
                     "(SELECT COUNT(*) FROM article_versions x WHERE x.article_id = a.id), "
                     "(SELECT COUNT(*) FROM annotations n WHERE n.article_id = a.id), v.text_length, "
                     "coalesce((SELECT r.state FROM reading_state r WHERE r.article_id = a.id), 'unread') "
                     "FROM articles a JOIN article_versions v ON v.id = a.current_version_id ");

ArticleSummary summaryFromQuery(const QSqlQuery &q)
{
    ArticleSummary s;
    s.id = q.value(0).toLongLong();
    s.title = q.value(1).toString();
    s.sourceUrl = q.value(2).toString();
    s.siteName = q.value(3).toString();
    s.published = q.value(4).toString();
    s.imported = timeFromText(q.value(5).toString());
    s.versions = q.value(6).toInt();
    s.annotations = q.value(7).toInt();
    s.textLength = q.value(8).toLongLong();
    s.readingState = q.value(9).toString();
    return s;
}

} // namespace

Result<QList<ArticleSummary>> ArticleRepository::summaries() const
{
    return summaries(LibraryFilter {});
}

Result<QList<ArticleSummary>> ArticleRepository::summaries(const LibraryFilter &filter) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    QVariantList values;
    q.prepare(
        summaryColumns + libraryFilterClause(filter, values) + QStringLiteral(" ORDER BY a.imported DESC, a.id DESC"));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (auto r = exec(q, QStringLiteral("Cannot list the library")); !r)
        return std::unexpected(r.error());
    QList<ArticleSummary> rows;
    while (q.next())
        rows.append(summaryFromQuery(q));
    return rows;
}

Result<QList<ArticleSummary>> ArticleRepository::summaries(const QList<qint64> &ids) const
{
    QList<ArticleSummary> rows;
    if (ids.isEmpty())
        return rows;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    QStringList marks(ids.size(), QStringLiteral("?"));
    q.prepare(summaryColumns + QStringLiteral("WHERE a.id IN (%1)").arg(marks.join(QLatin1Char(','))));
    for (qint64 id : ids)
        q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot list the library")); !r)
        return std::unexpected(r.error());
    QHash<qint64, ArticleSummary> byId;
    while (q.next()) {
        ArticleSummary s = summaryFromQuery(q);
        byId.insert(s.id, s);
    }
    rows.reserve(ids.size());
    for (qint64 id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.cend())
            rows.append(*it);
    }
    return rows;
}

Result<QList<qint64>> ArticleRepository::articleIds(const LibraryFilter &filter) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    QVariantList values;
    q.prepare(QStringLiteral("SELECT a.id FROM articles a") + libraryFilterClause(filter, values)
        + QStringLiteral(" ORDER BY a.imported DESC, a.id DESC"));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (auto r = exec(q, QStringLiteral("Cannot list the library")); !r)
        return std::unexpected(r.error());
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<qint64> ArticleRepository::count() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM articles"));
    if (auto r = exec(q, QStringLiteral("Cannot count the articles")); !r)
        return std::unexpected(r.error());
    q.next();
    return q.value(0).toLongLong();
}

Result<QList<qint64>> ArticleRepository::articleIds() const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM articles ORDER BY id"));
    if (auto r = exec(q, QStringLiteral("Cannot list the library")); !r)
        return std::unexpected(r.error());
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

} // namespace Gloss::Core

#include "articlelookup.h"

#include "database.h"
#include "sqlhelpers.h"

namespace Gloss::Core {

using namespace Sql;

ArticleLookup::ArticleLookup(Database &database)
    : m_database(database)
{
}

Result<std::optional<qint64>> ArticleLookup::bySourceUrl(const QString &url) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT a.id FROM articles a LEFT JOIN article_versions v ON v.id = a.current_version_id "
                             "WHERE a.source_url = ? OR (v.canonical_url <> '' AND v.canonical_url = ?) "
                             "ORDER BY a.source_url = ? DESC, a.id LIMIT 1"));
    q.addBindValue(url);
    q.addBindValue(url);
    q.addBindValue(url);
    if (auto r = exec(q, QStringLiteral("Cannot look up the article")); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<std::optional<qint64>> ArticleLookup::bySnapshotSha256(const QString &sha256) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT v.article_id FROM article_versions v JOIN snapshots s ON s.id = v.snapshot_id "
                             "WHERE s.sha256 = ? ORDER BY v.id DESC LIMIT 1"));
    q.addBindValue(sha256.toLower());
    if (auto r = exec(q, QStringLiteral("Cannot look up the article")); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

} // namespace Gloss::Core

#include "tagrepository.h"

#include "database.h"
#include "sqlhelpers.h"

namespace Gloss::Core {

using namespace Sql;

TagRepository::TagRepository(Database &database)
    : m_database(database)
{ }

Result<void> TagRepository::addTags(qint64 articleId, const QStringList &tags)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlDatabase db = m_database.connection();
        if (auto r = requireArticle(db, articleId); !r)
            return r;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO article_tags (article_id, tag, added) VALUES (?, ?, ?)"));
        const QString now = timeToText(QDateTime::currentDateTimeUtc());
        for (const QString &tag : tags) {
            const QString clean = tag.simplified();
            if (clean.isEmpty())
                return fail(QStringLiteral("A tag cannot be empty."));
            q.addBindValue(articleId);
            q.addBindValue(clean);
            q.addBindValue(now);
            if (auto r = exec(q, QStringLiteral("Cannot save the tag")); !r)
                return r;
        }
        return {};
    });
}

Result<void> TagRepository::removeTags(qint64 articleId, const QStringList &tags)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM article_tags WHERE article_id = ? AND tag = ?"));
        for (const QString &tag : tags) {
            q.addBindValue(articleId);
            q.addBindValue(tag.simplified());
            if (auto r = exec(q, QStringLiteral("Cannot remove the tag")); !r)
                return r;
        }
        return {};
    });
}

Result<QStringList> TagRepository::tagsOf(qint64 articleId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag"));
    q.addBindValue(articleId);
    if (auto r = exec(q, QStringLiteral("Cannot read the tags")); !r)
        return std::unexpected(r.error());
    QStringList list;
    while (q.next())
        list.append(q.value(0).toString());
    return list;
}

Result<QList<TagCount>> TagRepository::tags() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT tag, COUNT(*) FROM article_tags GROUP BY tag ORDER BY tag"));
    if (auto r = exec(q, QStringLiteral("Cannot read the tags")); !r)
        return std::unexpected(r.error());
    QList<TagCount> list;
    while (q.next())
        list.append(TagCount { q.value(0).toString(), q.value(1).toInt() });
    return list;
}

} // namespace Gloss::Core

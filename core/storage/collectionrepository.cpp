#include "collectionrepository.h"

#include "database.h"
#include "sqlhelpers.h"

namespace Gloss::Core {

using namespace Sql;

namespace {

const QString selectCollections
    = QStringLiteral("SELECT c.id, c.name, c.description, c.created, "
                     "(SELECT COUNT(*) FROM article_collections ac WHERE ac.collection_id = c.id) FROM collections c ");

Collection fromQuery(const QSqlQuery &q)
{
    Collection c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.description = q.value(2).toString();
    c.created = timeFromText(q.value(3).toString());
    c.articleCount = q.value(4).toInt();
    return c;
}

Result<QList<Collection>> readAll(QSqlQuery &q)
{
    if (auto r = exec(q, QStringLiteral("Cannot read the collections")); !r)
        return std::unexpected(r.error());
    QList<Collection> list;
    while (q.next())
        list.append(fromQuery(q));
    return list;
}

Result<bool> exists(QSqlDatabase db, const QString &table, qint64 id)
{
    // `table` is one of our own table names, never user input.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot read the library")); !r)
        return std::unexpected(r.error());
    return q.next();
}

} // namespace

CollectionRepository::CollectionRepository(Database &database)
    : m_database(database)
{ }

Result<Collection> CollectionRepository::create(const QString &name, const QString &description)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return fail(QStringLiteral("A collection needs a name."));
    Collection created;
    auto r = m_database.transaction([&]() -> Result<void> {
        auto existing = find(clean);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing)
            return fail(QStringLiteral("There is already a collection named \"%1\".").arg((*existing)->name));
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("INSERT INTO collections (name, description, created) VALUES (?, ?, ?)"));
        created.name = clean;
        created.description = description;
        created.created = QDateTime::currentDateTimeUtc();
        q.addBindValue(clean);
        q.addBindValue(text(description));
        q.addBindValue(timeToText(created.created));
        if (auto e = exec(q, QStringLiteral("Cannot save the collection")); !e)
            return e;
        created.id = q.lastInsertId().toLongLong();
        return {};
    });
    if (!r)
        return std::unexpected(r.error());
    return created;
}

Result<Collection> CollectionRepository::ensure(const QString &name)
{
    Collection found;
    auto r = m_database.transaction([&]() -> Result<void> {
        auto existing = find(name.simplified());
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing) {
            found = **existing;
            return {};
        }
        auto created = create(name);
        if (!created)
            return std::unexpected(created.error());
        found = *created;
        return {};
    });
    if (!r)
        return std::unexpected(r.error());
    return found;
}

Result<Collection> CollectionRepository::addArticles(const QString &name, const QList<qint64> &articleIds)
{
    Collection collection;
    auto r = m_database.transaction([&]() -> Result<void> {
        auto c = ensure(name);
        if (!c)
            return std::unexpected(c.error());
        collection = *c;
        return addArticles(collection.id, articleIds);
    });
    if (!r)
        return std::unexpected(r.error());
    collection.articleCount = 0; // as created or found, before the additions
    if (auto now = find(collection.name); now && *now)
        collection = **now;
    return collection;
}

Result<std::optional<Collection>> CollectionRepository::find(const QString &name) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(selectCollections + QStringLiteral("WHERE c.name = ?"));
    q.addBindValue(name.simplified());
    auto rows = readAll(q);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<Collection>();
    return std::optional<Collection>(rows->first());
}

Result<QList<Collection>> CollectionRepository::collections() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(selectCollections + QStringLiteral("ORDER BY c.name"));
    return readAll(q);
}

Result<QList<Collection>> CollectionRepository::forArticle(qint64 articleId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(selectCollections
        + QStringLiteral("WHERE c.id IN (SELECT collection_id FROM article_collections "
                         "WHERE article_id = ?) ORDER BY c.name"));
    q.addBindValue(articleId);
    return readAll(q);
}

Result<void> CollectionRepository::addArticles(qint64 collectionId, const QList<qint64> &articleIds)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlDatabase db = m_database.connection();
        auto found = exists(db, QStringLiteral("collections"), collectionId);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(QStringLiteral("There is no collection %1.").arg(collectionId));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO article_collections (collection_id, article_id, added) "
                                 "VALUES (?, ?, ?)"));
        const QString now = timeToText(QDateTime::currentDateTimeUtc());
        for (qint64 articleId : articleIds) {
            auto article = exists(db, QStringLiteral("articles"), articleId);
            if (!article)
                return std::unexpected(article.error());
            if (!*article)
                return fail(QStringLiteral("There is no article %1 in the library.").arg(articleId));
            q.addBindValue(collectionId);
            q.addBindValue(articleId);
            q.addBindValue(now);
            if (auto r = exec(q, QStringLiteral("Cannot add the article to the collection")); !r)
                return r;
        }
        return {};
    });
}

Result<void> CollectionRepository::removeArticles(qint64 collectionId, const QList<qint64> &articleIds)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlDatabase db = m_database.connection();
        auto found = exists(db, QStringLiteral("collections"), collectionId);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(QStringLiteral("There is no collection %1.").arg(collectionId));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM article_collections WHERE collection_id = ? AND article_id = ?"));
        for (qint64 articleId : articleIds) {
            q.addBindValue(collectionId);
            q.addBindValue(articleId);
            if (auto r = exec(q, QStringLiteral("Cannot remove the article from the collection")); !r)
                return r;
        }
        return {};
    });
}

Result<void> CollectionRepository::remove(qint64 collectionId)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM collections WHERE id = ?"));
        q.addBindValue(collectionId);
        if (auto r = exec(q, QStringLiteral("Cannot delete the collection")); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return fail(QStringLiteral("There is no collection %1.").arg(collectionId));
        return {};
    });
}

} // namespace Gloss::Core

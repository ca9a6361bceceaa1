#include "entityrepository.h"

#include "annotationrepository.h"

#include "database.h"
#include "sqlhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Gloss::Core {

using namespace Sql;

namespace {

QString aliasesToText(const QStringList &aliases)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(aliases)).toJson(QJsonDocument::Compact));
}

Entity fromQuery(const QSqlQuery &q)
{
    Entity e;
    e.id = q.value(0).toString();
    e.name = q.value(1).toString();
    e.type = q.value(2).toString();
    e.kbId = q.value(3).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(4).toByteArray()).array())
        e.aliases.append(v.toString());
    return e;
}

const QString columns = QStringLiteral("id, name, type, kb_id, aliases");

} // namespace

EntityRepository::EntityRepository(Database &database)
    : m_database(database)
{
}

Result<void> EntityRepository::insert(const Entity &entity)
{
    if (auto v = entity.validate(); !v)
        return v;
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("INSERT INTO entities (id, name, type, kb_id, aliases, created) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(entity.id);
        q.addBindValue(entity.name);
        q.addBindValue(text(entity.type));
        q.addBindValue(text(entity.kbId));
        q.addBindValue(aliasesToText(entity.aliases));
        q.addBindValue(timeToText(QDateTime::currentDateTimeUtc()));
        return exec(q, QStringLiteral("Cannot save the entity %1").arg(entity.name));
    });
}

Result<void> EntityRepository::update(const Entity &entity)
{
    if (auto v = entity.validate(); !v)
        return v;
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE entities SET name = ?, type = ?, kb_id = ?, aliases = ? WHERE id = ?"));
        q.addBindValue(entity.name);
        q.addBindValue(text(entity.type));
        q.addBindValue(text(entity.kbId));
        q.addBindValue(aliasesToText(entity.aliases));
        q.addBindValue(entity.id);
        if (auto r = exec(q, QStringLiteral("Cannot save the entity %1").arg(entity.name)); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return fail(QStringLiteral("There is no entity %1.").arg(entity.id));
        return {};
    });
}

Result<void> EntityRepository::remove(const QString &id)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM entities WHERE id = ?"));
        q.addBindValue(id);
        if (auto r = exec(q, QStringLiteral("Cannot delete the entity")); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return fail(QStringLiteral("There is no entity %1.").arg(id));
        return {};
    });
}

Result<Entity> EntityRepository::entity(const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM entities WHERE id = ?").arg(columns));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot read the entity")); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return fail(QStringLiteral("There is no entity %1.").arg(id));
    return fromQuery(q);
}

Result<QList<EntityUsage>> EntityRepository::all() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT e.id, e.name, e.type, e.kb_id, e.aliases, COUNT(a.id), COUNT(DISTINCT a.article_id) "
                             "FROM entities e LEFT JOIN annotations a ON a.entity_id = e.id "
                             "GROUP BY e.id ORDER BY e.name COLLATE NOCASE, e.id"));
    if (auto r = exec(q, QStringLiteral("Cannot list the entities")); !r)
        return std::unexpected(r.error());
    QList<EntityUsage> list;
    while (q.next())
        list.append(EntityUsage{fromQuery(q), q.value(5).toLongLong(), q.value(6).toLongLong()});
    return list;
}

Result<std::optional<Entity>> EntityRepository::findByKbId(const QString &kbId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM entities WHERE kb_id = ? ORDER BY created, id LIMIT 1").arg(columns));
    q.addBindValue(kbId);
    if (auto r = exec(q, QStringLiteral("Cannot look up the entity")); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::optional<Entity>();
    return std::optional<Entity>(fromQuery(q));
}

Result<std::optional<Entity>> EntityRepository::findByName(const QString &name, const QString &type) const
{
    // Names and aliases are compared case-insensitively in C++ (Unicode-aware), over the entities of `type`.
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM entities WHERE type = ? ORDER BY created, id").arg(columns));
    q.addBindValue(type);
    if (auto r = exec(q, QStringLiteral("Cannot look up the entity")); !r)
        return std::unexpected(r.error());
    while (q.next()) {
        Entity e = fromQuery(q);
        if (e.isKnownAs(name))
            return std::optional<Entity>(e);
    }
    return std::optional<Entity>();
}

Result<Entity> EntityRepository::giveKbId(Entity entity, const QString &kbId)
{
    entity.kbId = kbId;
    if (auto u = update(entity); !u)
        return std::unexpected(u.error());
    AnnotationRepository mentions(m_database);
    auto ids = mentionIds(entity.id);
    if (!ids)
        return std::unexpected(ids.error());
    for (const QString &id : std::as_const(*ids)) {
        auto mention = mentions.annotation(id);
        if (!mention)
            return std::unexpected(mention.error());
        if (!mention->kbId.isEmpty())
            continue;
        mention->kbId = kbId;
        if (auto u = mentions.update(*mention); !u)
            return std::unexpected(u.error());
    }
    return entity;
}

Result<QStringList> EntityRepository::mentionIds(const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id FROM annotations WHERE entity_id = ? ORDER BY article_id, start"));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot list the mentions")); !r)
        return std::unexpected(r.error());
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

Result<QList<EntityMention>> EntityRepository::mentions(const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT n.id, n.article_id, v.title, n.quote, n.label, n.start, n.status "
                             "FROM annotations n JOIN articles a ON a.id = n.article_id "
                             "JOIN article_versions v ON v.id = a.current_version_id "
                             "WHERE n.entity_id = ? ORDER BY v.title COLLATE NOCASE, n.article_id, n.start"));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot list the mentions")); !r)
        return std::unexpected(r.error());
    QList<EntityMention> list;
    while (q.next()) {
        EntityMention m;
        m.annotationId = q.value(0).toString();
        m.articleId = q.value(1).toLongLong();
        m.articleTitle = q.value(2).toString();
        m.quote = q.value(3).toString();
        m.label = q.value(4).toString();
        m.start = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
        m.orphaned = q.value(6).toString() == u"orphaned";
        list.append(m);
    }
    return list;
}

} // namespace Gloss::Core

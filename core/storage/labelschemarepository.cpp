#include "labelschemarepository.h"

#include "database.h"
#include "sqlhelpers.h"

namespace Gloss::Core {

using namespace Sql;

LabelSchemaRepository::LabelSchemaRepository(Database &database)
    : m_database(database)
{ }

Result<void> LabelSchemaRepository::save(const LabelSchema &schema)
{
    if (schema.id.isEmpty())
        return fail(QStringLiteral("A label schema needs an id."));
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("INSERT INTO label_schemas (id, name, version, definition, created, modified) "
                                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                                 "version = excluded.version, definition = excluded.definition, "
                                 "modified = excluded.modified"));
        const QString now = timeToText(QDateTime::currentDateTimeUtc());
        q.addBindValue(schema.id);
        q.addBindValue(text(schema.name));
        q.addBindValue(schema.version);
        q.addBindValue(QString::fromUtf8(schema.toJson()));
        q.addBindValue(now);
        q.addBindValue(now);
        return exec(q, QStringLiteral("Cannot save the label schema"));
    });
}

Result<LabelSchema> LabelSchemaRepository::schema(const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT definition FROM label_schemas WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot read the label schema")); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return fail(QStringLiteral("There is no label schema \"%1\" in the store.").arg(id));
    return LabelSchema::fromJson(q.value(0).toString().toUtf8(), QStringLiteral("stored schema %1").arg(id));
}

Result<QList<LabelSchema>> LabelSchemaRepository::schemas() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, definition FROM label_schemas ORDER BY id"));
    if (auto r = exec(q, QStringLiteral("Cannot read the label schemas")); !r)
        return std::unexpected(r.error());
    QList<LabelSchema> list;
    while (q.next()) {
        auto s = LabelSchema::fromJson(
            q.value(1).toString().toUtf8(), QStringLiteral("stored schema %1").arg(q.value(0).toString()));
        if (!s)
            return std::unexpected(s.error());
        list.append(*s);
    }
    return list;
}

Result<void> LabelSchemaRepository::remove(const QString &id)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM label_schemas WHERE id = ?"));
        q.addBindValue(id);
        if (auto r = exec(q, QStringLiteral("Cannot delete the label schema")); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return fail(QStringLiteral("There is no label schema \"%1\" in the store.").arg(id));
        return {};
    });
}

} // namespace Gloss::Core

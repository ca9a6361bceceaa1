#include "entity.h"

#include <QJsonArray>
#include <QUuid>

namespace Gloss::Core {

namespace {

/// Trimmed, non-empty aliases that differ (case-insensitively) from `name` and from each other, in order.
QStringList cleanAliases(const QString &name, const QStringList &aliases)
{
    QStringList out;
    for (const QString &alias : aliases) {
        const QString a = alias.trimmed();
        if (a.isEmpty() || a.compare(name.trimmed(), Qt::CaseInsensitive) == 0 || out.contains(a, Qt::CaseInsensitive))
            continue;
        out.append(a);
    }
    return out;
}

} // namespace

QStringList Entity::names() const
{
    return QStringList { name } + aliases;
}

bool Entity::isKnownAs(QStringView text) const
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return false;
    for (const QString &n : names())
        if (QStringView(n).trimmed().compare(t, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString Entity::kbUrl() const
{
    return isWikidataId(kbId) ? QStringLiteral("https://www.wikidata.org/wiki/") + kbId : QString();
}

QJsonObject Entity::toJson() const
{
    return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
        { QStringLiteral("aliases"), QJsonArray::fromStringList(aliases) }, { QStringLiteral("type"), type },
        { QStringLiteral("kbId"), kbId.isEmpty() ? QJsonValue() : QJsonValue(kbId) } };
}

Result<Entity> Entity::fromJson(const QJsonObject &object)
{
    Entity e;
    e.id = object.value(u"id").toString();
    e.name = object.value(u"name").toString();
    e.type = object.value(u"type").toString();
    e.kbId = object.value(u"kbId").toString();
    if (object.contains(u"aliases") && !object.value(u"aliases").isArray())
        return fail(QStringLiteral("aliases: must be an array of strings"));
    for (const QJsonValue &alias : object.value(u"aliases").toArray()) {
        if (!alias.isString())
            return fail(QStringLiteral("aliases: must be an array of strings"));
        e.aliases.append(alias.toString());
    }
    if (const Result<void> valid = e.validate(); !valid)
        return std::unexpected(valid.error());
    return e;
}

Result<void> Entity::validate() const
{
    if (QUuid::fromString(id).isNull())
        return fail(QStringLiteral("id: \"%1\" is not a UUID").arg(id));
    if (name.trimmed().isEmpty())
        return fail(QStringLiteral("name: an entity needs a name"));
    if (!kbId.isEmpty() && !isWikidataId(kbId))
        return fail(QStringLiteral("kbId: \"%1\" is not a Wikidata id such as Q7184").arg(kbId));
    return {};
}

bool Entity::isWikidataId(QStringView kbId)
{
    if (kbId.size() < 2 || kbId[0] != u'Q' || kbId[1] == u'0')
        return false;
    for (qsizetype i = 1; i < kbId.size(); ++i)
        if (kbId[i] < u'0' || kbId[i] > u'9')
            return false;
    return true;
}

Entity makeEntity(const QString &name, const QString &type, const QString &kbId, const QStringList &aliases)
{
    Entity e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.name = name.trimmed();
    e.type = type;
    e.kbId = kbId.trimmed();
    e.aliases = cleanAliases(e.name, aliases);
    return e;
}

Entity mergedEntity(const Entity &kept, const Entity &merged)
{
    Entity out = kept;
    out.aliases = cleanAliases(kept.name, kept.aliases + merged.names());
    if (out.kbId.isEmpty())
        out.kbId = merged.kbId;
    return out;
}

} // namespace Gloss::Core

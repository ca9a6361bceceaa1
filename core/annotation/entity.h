#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Gloss::Core {

/// A canonical entity of the registry shared across articles (a person, organisation, place...), to which
/// entity mentions link (Annotation::entityId). A plain value type: storing entities is the repositories' job.
struct Entity
{
    QString id; ///< UUID without braces
    QString name; ///< canonical name ("NATO")
    QStringList aliases; ///< other names it goes by ("North Atlantic Treaty Organization"), without `name`
    QString type; ///< an entity type of the label schema ("ORG")
    QString kbId; ///< knowledge-base id, a Wikidata QID such as "Q7184" (NATO); empty when none

    bool operator==(const Entity &) const = default;

    /// `name` followed by the aliases.
    QStringList names() const;
    /// Whether `text` is the name or an alias, ignoring case and surrounding white space.
    bool isKnownAs(QStringView text) const;
    /// The URL of the knowledge-base entry ("https://www.wikidata.org/wiki/Q7184"), empty without kbId.
    QString kbUrl() const;

    /// {"id", "name", "aliases", "type", "kbId"}: the form used by exports and the CLI's --json.
    QJsonObject toJson() const;
    /// Parses and validates toJson()'s form. Errors (Error::User) name the field: a missing or empty name, an
    /// id that is not a UUID, a kbId that is not a Wikidata QID.
    static Result<Entity> fromJson(const QJsonObject &object);

    /// Checks the invariants fromJson() checks, on a value built in code.
    Result<void> validate() const;
    /// Whether `kbId` is a Wikidata item id: "Q" and a positive decimal number without leading zeros.
    static bool isWikidataId(QStringView kbId);
};

/// A new entity with a fresh UUID; aliases are cleaned (see mergedEntity()).
Entity makeEntity(const QString &name, const QString &type, const QString &kbId = QString(),
    const QStringList &aliases = QStringList());

/// `kept` after merging `merged` into it (the "merge entities" command): kept's id, name and type; aliases
/// are kept's, then merged's name and aliases, without duplicates (case-insensitive) and without kept's
/// name; kbId is kept's, or merged's when kept has none. Mentions of `merged` are re-linked to kept.id by
/// the caller.
Entity mergedEntity(const Entity &kept, const Entity &merged);

} // namespace Gloss::Core

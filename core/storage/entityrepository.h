#pragma once

#include "core/annotation/entity.h"
#include "core/result.h"

#include <QList>

namespace Gloss::Core {

class Database;

/// An entity of the registry with how many mentions (entity annotations) link to it, across all articles.
struct EntityUsage
{
    Entity entity;
    qint64 mentions = 0;
    qint64 articles = 0;

    bool operator==(const EntityUsage &) const = default;
};

/// One mention of an entity (an entity annotation linked to it), with where it is: for the registry's list of
/// mentions across articles.
struct EntityMention
{
    QString annotationId;
    qint64 articleId = 0;
    QString articleTitle; ///< the title of the article's current version
    QString quote; ///< the mention's exact text
    QString label; ///< the mention's entity type
    qint64 start = -1; ///< code points into the reader text of the version it was made on; -1 when orphaned
    bool orphaned = false;

    bool operator==(const EntityMention &) const = default;
};

/// The entity registry shared across articles. The only class with SQL about entities.
class EntityRepository final
{
public:
    explicit EntityRepository(Database &database);

    /// Inserts a new entity (validated with Entity::validate()). Errors: invalid entity, duplicate id, storage.
    Result<void> insert(const Entity &entity);
    /// Replaces name, aliases, type and KB id of the entity with the same id. Errors: no such entity.
    Result<void> update(const Entity &entity);
    /// Deletes an entity; mentions that linked to it are unlinked (entity_id set to NULL). Errors: none such.
    Result<void> remove(const QString &id);

    /// One entity. Errors: no such entity.
    Result<Entity> entity(const QString &id) const;
    /// Every entity with its mention counts, by name.
    Result<QList<EntityUsage>> all() const;
    /// The entity with this KB id, if any (std::nullopt when none).
    Result<std::optional<Entity>> findByKbId(const QString &kbId) const;
    /// The entity of `type` known by `name` (its name or an alias, case-insensitive), if any.
    Result<std::optional<Entity>> findByName(const QString &name, const QString &type) const;
    /// Gives `entity` (which has none) the KB id `kbId`, and every mention of it that has no KB id of its own, so
    /// that every export agrees; returns the updated entity. Run inside a transaction to make it one step (the
    /// importers and `annotate --entity` do, when a mention with a KB id links to an entity found by its name).
    /// Errors: storage errors; no such entity.
    Result<Entity> giveKbId(Entity entity, const QString &kbId);
    /// The ids of the annotations that link to entity `id`.
    Result<QStringList> mentionIds(const QString &id) const;
    /// The mentions of entity `id` with their article's title and quote, by article title, article and
    /// position (one query). An unknown id has no mentions.
    Result<QList<EntityMention>> mentions(const QString &id) const;

private:
    Database &m_database;
};

} // namespace Gloss::Core

#pragma once

#include "core/annotation/labelschema.h"
#include "core/result.h"

#include <QList>

namespace Gloss::Core {

class Database;

/// Label schemas kept in the store (table label_schemas, schema step 2), so that a store carries the schemas its
/// annotations were made with. Stored as the schema's JSON file format (LabelSchema::toJson). The only class with
/// SQL about them.
class LabelSchemaRepository final
{
public:
    explicit LabelSchemaRepository(Database &database);

    /// Inserts or replaces the schema with `schema.id` (one transaction). Errors: an empty id, storage errors.
    Result<void> save(const LabelSchema &schema);
    /// One schema. Errors: no such schema; the stored JSON no longer parses (the message says where).
    Result<LabelSchema> schema(const QString &id) const;
    /// Every stored schema, by id.
    Result<QList<LabelSchema>> schemas() const;
    /// Deletes a schema (annotations keep their labels). Errors: no such schema.
    Result<void> remove(const QString &id);

private:
    Database &m_database;
};

} // namespace Gloss::Core

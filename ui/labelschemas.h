#pragma once

#include "core/annotation/labelschema.h"
#include "core/result.h"

#include <QStringList>

namespace Gloss::Core {
class Database;
}

namespace Gloss::Ui {

/// The schema id used when Preferences name none: "gloss-default" (resources/schemas/gloss-default.json).
QString fallbackLabelSchemaId();

/// The label schema called `id`: one stored in `database` (LabelSchemaRepository) wins over the built-in one
/// of the same id; an empty id and the legacy preference value "default" mean fallbackLabelSchemaId().
/// Errors: no stored or built-in schema has this id; the stored JSON does not parse.
Core::Result<Core::LabelSchema> resolveLabelSchema(Core::Database &database, const QString &id);

/// The ids a user can pick as the default schema: the built-in ones, then the stored ones not among them.
/// Storage errors leave just the built-in ones.
QStringList availableLabelSchemas(Core::Database &database);

} // namespace Gloss::Ui

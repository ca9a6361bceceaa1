#include "labelschemas.h"

#include "core/storage/labelschemarepository.h"

namespace Gloss::Ui {

QString fallbackLabelSchemaId()
{
    return QStringLiteral("gloss-default");
}

Core::Result<Core::LabelSchema> resolveLabelSchema(Core::Database &database, const QString &id)
{
    const QString wanted
        = id.trimmed().isEmpty() || id.trimmed() == u"default" ? fallbackLabelSchemaId() : id.trimmed();
    auto stored = Core::LabelSchemaRepository(database).schemas();
    if (stored)
        for (const Core::LabelSchema &s : std::as_const(*stored))
            if (s.id == wanted)
                return s;
    if (Core::LabelSchema::builtInIds().contains(wanted))
        return Core::LabelSchema::builtIn(wanted);
    if (!stored)
        return std::unexpected(stored.error());
    return Core::fail(
        QObject::tr("There is no label schema \"%1\"; using \"%2\".").arg(wanted, fallbackLabelSchemaId()));
}

QStringList availableLabelSchemas(Core::Database &database)
{
    QStringList ids = Core::LabelSchema::builtInIds();
    if (auto stored = Core::LabelSchemaRepository(database).schemas())
        for (const Core::LabelSchema &s : std::as_const(*stored))
            if (!ids.contains(s.id))
                ids << s.id;
    return ids;
}

} // namespace Gloss::Ui

#include "annotationcommands.h"

#include "core/storage/annotationrepository.h"

namespace Gloss::Core {

CreateAnnotationCommand::CreateAnnotationCommand(Database &database, Annotation annotation)
    : m_database(database)
    , m_annotation(std::move(annotation))
{
}

QString CreateAnnotationCommand::text() const
{
    switch (m_annotation.kind) {
    case AnnotationKind::Claim:
        return QStringLiteral("Mark claim");
    case AnnotationKind::Entity:
        return QStringLiteral("Tag entity %1").arg(m_annotation.label);
    case AnnotationKind::Note:
        return QStringLiteral("Add note");
    case AnnotationKind::Highlight:
        break;
    }
    return QStringLiteral("Highlight");
}

Result<void> CreateAnnotationCommand::redo()
{
    AnnotationRepository repository(m_database);
    auto existing = repository.forArticle(m_annotation.articleId);
    if (!existing)
        return std::unexpected(existing.error());
    const auto same = [this](const Annotation &a) {
        return a.id != m_annotation.id && a.kind == m_annotation.kind && a.label == m_annotation.label
               && a.status != AnchorStatus::Orphaned && a.position == m_annotation.position;
    };
    if (std::any_of(existing->cbegin(), existing->cend(), same))
        return fail(QStringLiteral("\"%1\" is already annotated as %2 there.")
                        .arg(m_annotation.quote.exact.left(60),
                             m_annotation.kind == AnnotationKind::Entity ? m_annotation.label : toString(m_annotation.kind)));
    return repository.insert(m_annotation);
}

Result<void> CreateAnnotationCommand::undo()
{
    return AnnotationRepository(m_database).remove(m_annotation.id);
}

DeleteAnnotationCommand::DeleteAnnotationCommand(Database &database, QString annotationId)
    : m_database(database)
    , m_id(std::move(annotationId))
{
}

QString DeleteAnnotationCommand::text() const
{
    return QStringLiteral("Delete annotation");
}

Result<void> DeleteAnnotationCommand::redo()
{
    AnnotationRepository repository(m_database);
    auto saved = repository.annotation(m_id);
    if (!saved)
        return std::unexpected(saved.error());
    m_saved = *saved;
    return repository.remove(m_id);
}

Result<void> DeleteAnnotationCommand::undo()
{
    return AnnotationRepository(m_database).insert(m_saved);
}

UpdateAnnotationCommand::UpdateAnnotationCommand(Database &database, Annotation updated, QString description)
    : m_database(database)
    , m_updated(std::move(updated))
    , m_description(std::move(description))
{
}

QString UpdateAnnotationCommand::text() const
{
    return m_description;
}

Result<void> UpdateAnnotationCommand::redo()
{
    AnnotationRepository repository(m_database);
    auto previous = repository.annotation(m_updated.id);
    if (!previous)
        return std::unexpected(previous.error());
    m_previous = *previous;
    return repository.update(m_updated);
}

Result<void> UpdateAnnotationCommand::undo()
{
    return AnnotationRepository(m_database).update(m_previous);
}

} // namespace Gloss::Core

#pragma once

#include "core/annotation/annotation.h"
#include "core/result.h"

#include <QString>

#include <memory>

namespace Gloss::Core {

class Database;

/// A user mutation of the store that can be undone (DESIGN.md, "Mutations"). Each redo()/undo() writes in
/// one transaction and returns an error (leaving the store as it was) when the write fails. The GUI wraps
/// commands in QUndoCommand (ui/annotationundo.h); the CLI and tests call redo() directly.
class Command
{
public:
    virtual ~Command() = default;
    /// A short description for the Edit menu ("Mark claim", "Delete annotation").
    virtual QString text() const = 0;
    virtual Result<void> redo() = 0;
    virtual Result<void> undo() = 0;
};

/// Creates an annotation; undo deletes it. redo() refuses (Error::User) an annotation identical to a stored
/// one: same article, kind, label and span.
class CreateAnnotationCommand final : public Command
{
public:
    CreateAnnotationCommand(Database &database, Annotation annotation);
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;
    const Annotation &annotation() const { return m_annotation; }

private:
    Database &m_database;
    Annotation m_annotation;
};

/// Deletes an annotation; undo restores it with every field, its id included.
class DeleteAnnotationCommand final : public Command
{
public:
    /// Errors are reported by redo(): no such annotation.
    DeleteAnnotationCommand(Database &database, QString annotationId);
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;

private:
    Database &m_database;
    QString m_id;
    Annotation m_saved;
};

/// Replaces an annotation's editable fields (label, note, attributes, entity link, KB id, position, status);
/// undo puts the previous value back.
class UpdateAnnotationCommand final : public Command
{
public:
    UpdateAnnotationCommand(Database &database, Annotation updated, QString description);
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;

private:
    Database &m_database;
    Annotation m_updated;
    Annotation m_previous;
    QString m_description;
};

} // namespace Gloss::Core

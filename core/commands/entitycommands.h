#pragma once

#include "core/annotation/entity.h"
#include "core/commands/annotationcommands.h"
#include "core/document/article.h"

#include <QHash>
#include <QStringList>

namespace Gloss::Core {

/// Adds an entity to the registry; undo removes it (and unlinks any mention linked meanwhile).
class CreateEntityCommand final : public Command
{
public:
    CreateEntityCommand(Database &database, Entity entity);
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;

private:
    Database &m_database;
    Entity m_entity;
};

/// Renames an entity, or changes its aliases, type or KB id; every mention follows, since mentions link by
/// id. Undo restores the previous value.
class UpdateEntityCommand final : public Command
{
public:
    UpdateEntityCommand(Database &database, Entity updated);
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;

private:
    Database &m_database;
    Entity m_updated;
    Entity m_previous;
};

/// Merges entity `mergedId` into `keptId` (mergedEntity()): every mention of the merged entity is re-linked
/// to the kept one, the kept entity takes the merged name as an alias (and its KB id if it had none), and the
/// merged entity is removed; all in one transaction. Undo restores both entities and every link.
/// Entities of different types are not merged (their mentions keep their labels): redo() then fails with
/// Error::User, "Cannot merge NATO (ORG) into Serbia (GPE): their types differ.", and writes nothing. An
/// entity without a type merges into a typed one; a typed one merged into an untyped one gives it its type.
/// Other errors: merging an entity into itself, an unknown id, storage failure.
class MergeEntitiesCommand final : public Command
{
public:
    MergeEntitiesCommand(Database &database, QString keptId, QString mergedId);
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;

private:
    Database &m_database;
    QString m_keptId;
    QString m_mergedId;
    Entity m_keptBefore;
    Entity m_merged;
    QStringList m_relinked;
    QHash<QString, QString> m_relinkedKbIds; ///< each relinked mention's own KB id before the merge
};

/// "Tag all occurrences": an entity mention of `type` on every whole-word occurrence of `quote` in `version`'s
/// reader text (case-sensitive; untaggedOccurrences(), whose word boundaries hold in scripts written without
/// spaces, such as Chinese and Japanese), linked to `entityId` (may be empty), skipping occurrences already
/// covered by an entity mention with the same span. Offsets are code points. Undo deletes the mentions it
/// created. Errors (from redo, Error::User): the quote is empty; it does not occur; it occurs only inside
/// longer words (the message says how often and gives one such word).
class TagAllOccurrencesCommand final : public Command
{
public:
    TagAllOccurrencesCommand(Database &database, ArticleVersion version, QString quote, QString type, QString entityId,
                             QString kbId, QString creator);
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;
    /// How many mentions the last redo() created and how many occurrences it skipped as already tagged.
    int created() const { return int(m_created.size()); }
    const QList<Annotation> &createdAnnotations() const { return m_created; }
    int skipped() const { return m_skipped; }

private:
    Database &m_database;
    ArticleVersion m_version;
    QString m_quote;
    QString m_type;
    QString m_entityId;
    QString m_kbId;
    QString m_creator;
    QList<Annotation> m_created;
    int m_skipped = 0;
    bool m_done = false;
};

/// Re-attaches an orphaned (or misplaced) annotation to [range.start, range.end) code points of `version`'s
/// reader text: new position, quote re-cut from the text, status Exact. Undo restores it as it was.
Result<std::unique_ptr<Command>> makeReattachCommand(Database &database, const Annotation &annotation,
                                                     const ArticleVersion &version, TextPositionSelector range);

} // namespace Gloss::Core

#pragma once

#include "core/commands/annotationcommands.h"

#include <memory>
#include <vector>

namespace Gloss::Core {

/// Several commands as one: redo() runs them in order and undo() in reverse order, each inside one
/// transaction, so the store sees all of them or none (a failing child rolls back the ones before it) and an
/// undo stack sees one step. Used to merge several entities into one survivor (a MergeEntitiesCommand per
/// merged entity).
class CommandGroup final : public Command
{
public:
    /// `commands` must not be empty (redo() then fails with Error::User).
    CommandGroup(Database &database, QString text, std::vector<std::unique_ptr<Command>> commands);
    ~CommandGroup() override;
    QString text() const override;
    Result<void> redo() override;
    Result<void> undo() override;
    qsizetype size() const { return qsizetype(m_commands.size()); }

private:
    Database &m_database;
    QString m_text;
    std::vector<std::unique_ptr<Command>> m_commands;
};

/// Merges every entity of `mergedIds` into `keptId` (MergeEntitiesCommand each; mergedEntity() says what the
/// survivor keeps) as one command and one transaction. `keptId` in `mergedIds` is skipped. Errors (from
/// redo; nothing is written): nothing to merge, an unknown id, entities whose types differ (the
/// MergeEntitiesCommand message, naming both).
std::unique_ptr<Command> makeMergeEntitiesCommand(
    Database &database, const QString &keptId, const QStringList &mergedIds);

} // namespace Gloss::Core

#include "commandgroup.h"

#include "core/commands/entitycommands.h"
#include "core/storage/database.h"

namespace Gloss::Core {

CommandGroup::CommandGroup(Database &database, QString text, std::vector<std::unique_ptr<Command>> commands)
    : m_database(database)
    , m_text(std::move(text))
    , m_commands(std::move(commands))
{ }

CommandGroup::~CommandGroup() = default;

QString CommandGroup::text() const
{
    return m_text;
}

Result<void> CommandGroup::redo()
{
    if (m_commands.empty())
        return fail(QStringLiteral("There is nothing to do."));
    return m_database.transaction([this]() -> Result<void> {
        for (const auto &c : m_commands)
            if (auto r = c->redo(); !r)
                return r;
        return {};
    });
}

Result<void> CommandGroup::undo()
{
    return m_database.transaction([this]() -> Result<void> {
        for (auto it = m_commands.rbegin(); it != m_commands.rend(); ++it)
            if (auto r = (*it)->undo(); !r)
                return r;
        return {};
    });
}

std::unique_ptr<Command> makeMergeEntitiesCommand(
    Database &database, const QString &keptId, const QStringList &mergedIds)
{
    std::vector<std::unique_ptr<Command>> merges;
    for (const QString &id : mergedIds)
        if (id != keptId)
            merges.push_back(std::make_unique<MergeEntitiesCommand>(database, keptId, id));
    const QString text = merges.size() > 1 ? QStringLiteral("Merge %1 entities").arg(merges.size() + 1)
                                           : QStringLiteral("Merge entities");
    return std::make_unique<CommandGroup>(database, text, std::move(merges));
}

} // namespace Gloss::Core

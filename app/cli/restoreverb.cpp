#include "clicommon.h"
#include "core/storage/backupmanager.h"
#include "verbs.h"

#include <QDir>

namespace Gloss::Cli {

int restoreVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("backup"),
        QStringLiteral("The backup to restore (see 'gloss-cli "
                       "backup')."),
        QStringLiteral("PATH"));
    parser.addOption(
        { QStringLiteral("force"), QStringLiteral("Restore even a backup that was made from another store.") });
    if (int rc = parseArguments(parser, QStringLiteral("restore"), arguments))
        return rc < 0 ? 0 : rc;
    if (parser.positionalArguments().size() != 1) {
        err() << "gloss-cli restore: name one backup file\n";
        return 2;
    }
    // The store is not opened: it may be the damaged file the backup replaces.
    const QString target
        = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Core::Database::defaultPath();
    auto kept = Core::BackupManager::restore(
        parser.positionalArguments().first(), target, parser.isSet(QStringLiteral("force")));
    if (!kept)
        return report(kept.error());
    err() << "gloss-cli: restored " << QDir::toNativeSeparators(target);
    if (!kept->isEmpty())
        err() << "; the previous store is kept at " << QDir::toNativeSeparators(*kept);
    err() << "\n";
    err().flush();
    return 0;
}

} // namespace Gloss::Cli

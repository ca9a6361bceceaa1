#include "clicommon.h"
#include "core/storage/backupmanager.h"
#include "verbs.h"

#include <QDir>

namespace Gloss::Cli {

int backupVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({ QStringLiteral("keep"), QStringLiteral("Without PATH: rolling backups to keep (default 7)."),
        QStringLiteral("N"), QStringLiteral("7") });
    parser.addPositionalArgument(QStringLiteral("path"),
        QStringLiteral("Where to write the copy (must not exist). Without it, a rolling "
                       "backup goes to the 'backups' folder next to the store."),
        QStringLiteral("[PATH]"));
    if (int rc = parseArguments(parser, QStringLiteral("backup"), arguments))
        return rc < 0 ? 0 : rc;
    const QStringList words = parser.positionalArguments();
    if (words.size() > 1) {
        err() << "gloss-cli backup: name at most one path\n";
        return 2;
    }
    bool ok = false;
    const int keep = parser.value(QStringLiteral("keep")).toInt(&ok);
    if (!ok || keep < 1) {
        err() << "gloss-cli backup: --keep takes a positive number\n";
        return 2;
    }
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
    QString written;
    if (words.isEmpty()) {
        auto r = Core::BackupManager(store->path(), keep).backup(*store);
        if (!r)
            return report(r.error());
        written = *r;
    } else {
        if (auto r = Core::BackupManager::writeCopy(*store, words.first()); !r)
            return report(r.error());
        written = words.first();
    }
    out() << QDir::toNativeSeparators(written) << '\n';
    out().flush();
    return 0;
}

} // namespace Gloss::Cli

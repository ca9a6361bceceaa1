#include "clicommon.h"

#include "core/storage/collectionrepository.h"

#include <QRegularExpression>

#include <cstdio>

namespace Gloss::Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"), QStringLiteral("The store (SQLite file); default: the user's data folder."),
                      QStringLiteral("PATH")});
    parser.addHelpOption();
}

int parseArguments(QCommandLineParser &parser, const QString &verb, const QStringList &arguments)
{
    parser.setApplicationDescription(QStringLiteral("gloss-cli %1").arg(verb));
    // "-5" would read as option "5": say what is wrong with it instead.
    static const QRegularExpression negativeNumber(QStringLiteral("^-[0-9]+$"));
    for (const QString &a : arguments) {
        if (negativeNumber.match(a).hasMatch()) {
            err() << "gloss-cli " << verb << ": '" << a << "' is not valid: ids and counts are positive numbers.\n";
            err().flush();
            return 2;
        }
    }
    if (!parser.parse(QStringList{QStringLiteral("gloss-cli %1").arg(verb)} + arguments)) {
        err() << "gloss-cli " << verb << ": " << parser.errorText() << "\n";
        err().flush();
        return 2;
    }
    if (parser.optionNames().contains(QStringLiteral("db")) && parser.value(QStringLiteral("db")).trimmed().isEmpty()) {
        err() << "gloss-cli " << verb << ": --db needs a file path (it is empty)\n";
        err().flush();
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return -1;
    }
    return 0;
}

Core::Result<std::unique_ptr<Core::Database>> openStore(const QCommandLineParser &parser)
{
    return Core::Database::open(parser.value(QStringLiteral("db")));
}

int report(const Core::Error &error)
{
    out().flush();
    err() << "gloss-cli: " << error.message << "\n";
    err().flush();
    return error.code;
}

std::optional<qint64> parseId(const QString &word)
{
    bool ok = false;
    const qint64 id = word.toLongLong(&ok);
    if (!ok || id <= 0) {
        report(Core::Error{QStringLiteral("'%1' is not an article id (a positive number).").arg(word),
                           Core::Error::Usage});
        return std::nullopt;
    }
    return id;
}

int checkCollection(Core::Database &store, const QString &name)
{
    if (name.isEmpty())
        return 0;
    auto found = Core::CollectionRepository(store).find(name);
    if (!found)
        return report(found.error());
    if (!*found)
        return report(Core::Error { QStringLiteral("There is no collection \"%1\" (gloss-cli collections lists them).")
                                        .arg(name),
            Core::Error::User });
    return 0;
}

std::optional<qint64> singleArticleId(const QCommandLineParser &parser, const QString &verb)
{
    if (parser.positionalArguments().size() != 1) {
        err() << "gloss-cli " << verb << ": name one article id\n";
        err().flush();
        return std::nullopt;
    }
    return parseId(parser.positionalArguments().first());
}

} // namespace Gloss::Cli

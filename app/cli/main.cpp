// gloss-cli: the command-line front end to gloss_core (DESIGN.md, "CLI conventions").
#include "clicommon.h"
#include "verbs.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <functional>
#include <map>

namespace {

struct Verb
{
    std::function<int(const QStringList &)> run;
    const char *synopsis;
};

const std::map<QString, Verb> &verbs()
{
    using namespace Gloss::Cli;
    static const std::map<QString, Verb> table{
        {QStringLiteral("import"), {importVerb, "import FILE|URL... [--collection NAME]   store articles"}},
        {QStringLiteral("list"), {listVerb, "list [--collection NAME] [--tag T] [--state S] [--json]   list stored articles"}},
        {QStringLiteral("show"), {showVerb, "show ID [--text|--html|--json]     print an article's reader version"}},
        {QStringLiteral("annotate"),
         {annotateVerb, "annotate ID --claim QUOTE | --entity TYPE QUOTE [--kb-id ID] [--all] | --highlight QUOTE | "
                       "--comment QUOTE --note TEXT [--occurrence N]"}},
        {QStringLiteral("annotations"), {annotationsVerb, "annotations ID [--json]           list annotations"}},
        {QStringLiteral("export"), {exportVerb, "export [--article ID...] [--format jsonld] [-o FILE|-]"}},
        {QStringLiteral("entities"), {entitiesVerb, "entities [--json] [--merge KEPT,MERGED] [--rename ID=NAME]"}},
        {QStringLiteral("import-annotations"),
         {importAnnotationsVerb, "import-annotations FILE [--format jsonld|brat] [--article ID]"}},
        {QStringLiteral("extract"), {extractVerb, "extract FILE... [--url URL] [--format text|html|json|jsonl]"}},
        {QStringLiteral("search"),
         {searchVerb, "search QUERY... [--json] [--limit N] [--collection NAME] [--tag T]   full-text search"}},
        {QStringLiteral("collections"),
         {collectionsVerb, "collections [--json] | collections add|remove NAME ID... | collections delete NAME"}},
        {QStringLiteral("tag"), {tagVerb, "tag ID [TAG...] [--remove]          add, remove or print tags"}},
        {QStringLiteral("backup"), {backupVerb, "backup [PATH] [--keep N]           copy the store (VACUUM INTO)"}},
        {QStringLiteral("restore"), {restoreVerb, "restore PATH [--force]             replace the store with a backup"}},
    };
    return table;
}

void printUsage(FILE *to)
{
    QTextStream s(to);
    s << "Usage: gloss-cli [--db PATH] VERB [options]   (--db PATH may also follow the verb)\n\nVerbs:\n";
    for (const auto &[name, verb] : verbs())
        s << "  " << verb.synopsis << '\n';
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Gloss"));
    QCoreApplication::setApplicationName(QStringLiteral("Gloss"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GLOSS_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == u"--version") {
        QTextStream(stdout) << "gloss-cli " << GLOSS_VERSION << '\n';
        return 0;
    }
    // `gloss-cli --db PATH VERB ...` (or --db=PATH) works too: a leading --db is handed to the verb.
    QStringList leading;
    while (!args.isEmpty()) {
        if (args.size() >= 2 && args.first() == u"--db") {
            leading << args.takeFirst();
            leading << args.takeFirst();
        } else if (args.first().startsWith(u"--db=")) {
            leading << args.takeFirst();
        } else {
            break;
        }
    }
    if (args.isEmpty()) {
        printUsage(stderr);
        return 2;
    }
    const QString verb = args.takeFirst();
    args = leading + args;
    const auto it = verbs().find(verb);
    if (it == verbs().end()) {
        QTextStream(stderr) << "gloss-cli: unknown verb '" << verb << "'\n\n";
        printUsage(stderr);
        return 2;
    }
    const int exitCode = it->second.run(args);
    // Data that could not be written (a full disk, a closed pipe) is an error, whatever the verb thought.
    Gloss::Cli::out().flush();
    if ((Gloss::Cli::out().status() == QTextStream::WriteFailed || std::fflush(stdout) != 0 || std::ferror(stdout))
        && exitCode == 0) {
        QTextStream(stderr) << "gloss-cli: cannot write to standard output (" << qt_error_string(errno) << ")\n";
        return 4;
    }
    return exitCode;
}

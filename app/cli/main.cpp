// gloss-cli: the command-line front end to gloss_core (DESIGN.md, "CLI conventions").
#include "verbs.h"

#include <QCoreApplication>
#include <QTextStream>

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
        {QStringLiteral("import"), {importVerb, "import FILE|URL... [--db PATH]   store articles"}},
        {QStringLiteral("list"), {listVerb, "list [--json] [--db PATH]          list stored articles"}},
        {QStringLiteral("show"), {showVerb, "show ID [--text|--html|--json]     print an article's reader version"}},
        {QStringLiteral("annotate"),
         {annotateVerb, "annotate ID --claim QUOTE | --entity TYPE QUOTE [--kb-id ID] [--occurrence N]"}},
        {QStringLiteral("annotations"), {annotationsVerb, "annotations ID [--json]           list annotations"}},
        {QStringLiteral("export"), {exportVerb, "export [--article ID...] [--format jsonld] [-o FILE|-]"}},
        {QStringLiteral("extract"), {extractVerb, "extract FILE... [--url URL] [--format text|html|json|jsonl]"}},
    };
    return table;
}

void printUsage(FILE *to)
{
    QTextStream s(to);
    s << "Usage: gloss-cli VERB [options]   (every verb takes --db PATH)\n\nVerbs:\n";
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
    const QString verb = args.takeFirst();
    const auto it = verbs().find(verb);
    if (it == verbs().end()) {
        QTextStream(stderr) << "gloss-cli: unknown verb '" << verb << "'\n\n";
        printUsage(stderr);
        return 2;
    }
    return it->second.run(args);
}

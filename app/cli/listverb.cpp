#include "clicommon.h"
#include "verbs.h"

#include "core/storage/articlerepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gloss::Cli {

int listVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    if (int rc = parseArguments(parser, QStringLiteral("list"), arguments))
        return rc < 0 ? 0 : rc;
    auto store = openStore(parser);
    if (!store)
        return 1;
    auto rows = Core::ArticleRepository(*store).summaries();
    if (!rows)
        return report(rows.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Core::ArticleSummary &s : *rows)
            array.append(QJsonObject{{QStringLiteral("id"), s.id},
                                     {QStringLiteral("title"), s.title},
                                     {QStringLiteral("url"), s.sourceUrl},
                                     {QStringLiteral("site"), s.siteName},
                                     {QStringLiteral("published"), s.published},
                                     {QStringLiteral("versions"), s.versions},
                                     {QStringLiteral("annotations"), s.annotations}});
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const Core::ArticleSummary &s : *rows)
            out() << s.id << '\t' << s.title << '\t' << s.siteName << '\t' << s.annotations << " annotations\n";
    }
    out().flush();
    return 0;
}

} // namespace Gloss::Cli

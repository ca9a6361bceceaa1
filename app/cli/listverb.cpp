#include "clicommon.h"
#include "verbs.h"

#include "core/storage/articlerepository.h"
#include "core/storage/collectionrepository.h"
#include "core/storage/readingstaterepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gloss::Cli {

int listVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("collection"), QStringLiteral("Only articles in this collection."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Only articles with this tag."), QStringLiteral("TAG")});
    parser.addOption({QStringLiteral("state"), QStringLiteral("Only articles in this reading state (unread, "
                                                              "in_progress, read)."),
                      QStringLiteral("STATE")});
    if (int rc = parseArguments(parser, QStringLiteral("list"), arguments))
        return rc < 0 ? 0 : rc;
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
    Core::LibraryFilter filter;
    filter.collection = parser.value(QStringLiteral("collection"));
    filter.tag = parser.value(QStringLiteral("tag"));
    filter.readingState = parser.value(QStringLiteral("state"));
    if (!filter.readingState.isEmpty() && !Core::readingStateFromString(filter.readingState)) {
        err() << "gloss-cli list: --state is one of unread, in_progress, read\n";
        return 2;
    }
    if (int rc = checkCollection(*store, filter.collection))
        return rc;
    auto rows = Core::ArticleRepository(*store).summaries(filter);
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

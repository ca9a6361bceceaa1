#include "clicommon.h"
#include "core/storage/searchindex.h"
#include "verbs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gloss::Cli {

int searchVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print a JSON array.") });
    parser.addOption({ QStringLiteral("limit"), QStringLiteral("At most N results (default 20)."), QStringLiteral("N"),
        QStringLiteral("20") });
    parser.addOption(
        { QStringLiteral("collection"), QStringLiteral("Only articles in this collection."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("tag"), QStringLiteral("Only articles with this tag."), QStringLiteral("TAG") });
    parser.addOption({ QStringLiteral("raw"),
        QStringLiteral("Pass the query to SQLite FTS5 unchanged (AND, OR, NOT, "
                       "NEAR, prefix*).") });
    parser.addPositionalArgument(QStringLiteral("query"),
        QStringLiteral("Words (all must occur), \"a phrase\", prefix*, OR between words."), QStringLiteral("QUERY..."));
    if (int rc = parseArguments(parser, QStringLiteral("search"), arguments))
        return rc < 0 ? 0 : rc;
    const QString query = parser.positionalArguments().join(QLatin1Char(' '));
    if (query.trimmed().isEmpty()) {
        err() << "gloss-cli search: give a query\n";
        return 2;
    }
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0) {
        err() << "gloss-cli search: --limit takes a whole number from 1 to 2147483647\n";
        return 2;
    }
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
    if (int rc = checkCollection(*store, parser.value(QStringLiteral("collection"))))
        return rc;
    Core::SearchOptions options;
    options.limit = limit;
    options.filter.collection = parser.value(QStringLiteral("collection"));
    options.filter.tag = parser.value(QStringLiteral("tag"));
    options.rawSyntax = parser.isSet(QStringLiteral("raw"));
    const bool json = parser.isSet(QStringLiteral("json"));
    if (json) {
        // Plain markers that JSON consumers can find; the text around them is not HTML-escaped.
        options.highlightOpen = QStringLiteral("<mark>");
        options.highlightClose = QStringLiteral("</mark>");
    }
    auto hits = Core::SearchIndex(*store).search(query, options);
    if (!hits)
        return report(hits.error());
    if (json) {
        QJsonArray array;
        for (const Core::SearchHit &h : *hits)
            array.append(QJsonObject { { QStringLiteral("id"), h.articleId }, { QStringLiteral("title"), h.title },
                { QStringLiteral("url"), h.sourceUrl }, { QStringLiteral("score"), h.score },
                { QStringLiteral("snippet"), h.snippet }, { QStringLiteral("matched"), h.matchedIn },
                { QStringLiteral("ranked"), h.ranked } });
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const Core::SearchHit &h : *hits)
            out() << h.articleId << '\t' << h.title << '\t' << QString::number(h.score, 'f', 2) << '\t'
                  << QString(h.snippet).replace(QLatin1Char('\n'), QLatin1Char(' ')) << '\n';
        if (hits->isEmpty())
            err() << "gloss-cli: no article matches\n";
    }
    out().flush();
    err().flush();
    return 0;
}

} // namespace Gloss::Cli

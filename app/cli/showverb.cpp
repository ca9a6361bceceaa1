#include "clicommon.h"
#include "verbs.h"

#include "core/anchoring/codepointindex.h"
#include "core/storage/articlerepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Gloss::Cli {

namespace {
QJsonObject metadataJson(const Core::ArticleMetadata &m)
{
    return QJsonObject{{QStringLiteral("title"), m.title},          {QStringLiteral("byline"), m.byline},
                       {QStringLiteral("siteName"), m.siteName},    {QStringLiteral("lang"), m.language},
                       {QStringLiteral("dir"), m.direction},        {QStringLiteral("publishedTime"), m.published},
                       {QStringLiteral("modifiedTime"), m.modified}, {QStringLiteral("excerpt"), m.excerpt},
                       {QStringLiteral("leadImage"), m.leadImage},  {QStringLiteral("canonicalUrl"), m.canonicalUrl}};
}
} // namespace

int showVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("text"), QStringLiteral("Print exactly the reader text that offsets index.")});
    parser.addOption({QStringLiteral("html"), QStringLiteral("Print the sanitized reader HTML.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print metadata, text and HTML as JSON.")});
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Article id (see 'gloss-cli list')."));
    if (int rc = parseArguments(parser, QStringLiteral("show"), arguments))
        return rc < 0 ? 0 : rc;
    if (int(parser.isSet(QStringLiteral("text"))) + int(parser.isSet(QStringLiteral("html")))
            + int(parser.isSet(QStringLiteral("json")))
        > 1) {
        err() << "gloss-cli show: give at most one of --text, --html, --json\n";
        return 2;
    }
    const auto id = singleArticleId(parser, QStringLiteral("show"));
    if (!id)
        return 2;
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
    auto article = Core::ArticleRepository(*store).article(*id);
    if (!article)
        return report(article.error());
    const Core::ArticleVersion &v = article->current;

    if (parser.isSet(QStringLiteral("text"))) {
        out() << v.readerText;
    } else if (parser.isSet(QStringLiteral("html"))) {
        out() << v.readerHtml << '\n';
    } else if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = metadataJson(v.metadata);
        o.insert(QStringLiteral("id"), article->id);
        o.insert(QStringLiteral("url"), article->sourceUrl);
        o.insert(QStringLiteral("version"), v.number);
        o.insert(QStringLiteral("snapshotSha256"), article->snapshotSha256);
        o.insert(QStringLiteral("extractorVersion"), v.extractorVersion);
        o.insert(QStringLiteral("textLength"), qint64(Core::codePointLength(v.readerText)));
        o.insert(QStringLiteral("text"), v.readerText);
        o.insert(QStringLiteral("html"), v.readerHtml);
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        const Core::ArticleMetadata &m = v.metadata;
        out() << m.title << '\n';
        for (const auto &[name, value] : {std::pair{"By", m.byline}, std::pair{"Site", m.siteName},
                                          std::pair{"Published", m.published}, std::pair{"Source", article->sourceUrl}})
            if (!value.isEmpty())
                out() << name << ": " << value << '\n';
        out() << "Version " << v.number << ", " << Core::codePointLength(v.readerText) << " characters\n\n"
              << v.readerText << '\n';
    }
    out().flush();
    return 0;
}

} // namespace Gloss::Cli

#include "clicommon.h"
#include "urlfetcher.h"
#include "verbs.h"

#include "core/anchoring/codepointindex.h"
#include "core/storage/articleimporter.h"
#include "core/storage/collectionrepository.h"

#include <QFileInfo>

namespace Gloss::Cli {

int importVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("sources"),
        QStringLiteral("Files (.html, .htm, .mhtml, .txt; .gz allowed) or http(s) URLs."),
        QStringLiteral("FILE|URL..."));
    parser.addOption({QStringLiteral("collection"), QStringLiteral("Also put the articles in this collection "
                                                                   "(created when new)."),
                      QStringLiteral("NAME")});
    if (int rc = parseArguments(parser, QStringLiteral("import"), arguments))
        return rc < 0 ? 0 : rc;
    const QStringList sources = parser.positionalArguments();
    if (sources.isEmpty()) {
        err() << "gloss-cli import: name at least one file or URL\n";
        return 2;
    }
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;

    // The collection is created with the first article put in it, so a failed import leaves none behind.
    const QString collection = parser.value(QStringLiteral("collection")).trimmed();
    if (parser.isSet(QStringLiteral("collection")) && collection.isEmpty()) {
        err() << "gloss-cli import: --collection needs a name\n";
        return 2;
    }

    Core::ArticleImporter importer(*store);
    int exitCode = 0;
    for (const QString &source : sources) {
        const QUrl url(source, QUrl::StrictMode);
        Core::Result<Core::ImportOutcome> outcome;
        if (url.scheme() == u"http" || url.scheme() == u"https") {
            auto page = fetchUrl(url);
            if (!page) {
                exitCode = report(page.error());
                continue;
            }
            outcome = importer.importBytes(page->bytes, page->url, page->contentType);
        } else if (url.scheme() == u"file" && !url.host().isEmpty() && url.host() != u"localhost") {
            exitCode = report(Core::Error { QStringLiteral("%1: a file: URL naming another host (%2) is not supported; "
                                                           "give a local path or file:///path.")
                                                .arg(source, url.host()),
                Core::Error::User });
            continue;
        } else if (url.scheme() == u"file") {
            outcome = importer.importFile(url.toLocalFile()); // as `show` prints sources
        } else if (source.contains(QStringLiteral("://")) && !QFileInfo::exists(source)) {
            exitCode = report(Core::Error { QStringLiteral("%1: unsupported URL scheme '%2' (Gloss imports http and "
                                                           "https URLs, file: URLs and files).")
                                                .arg(source, url.scheme()),
                Core::Error::User });
            continue;
        } else {
            outcome = importer.importFile(source);
        }
        if (!outcome) {
            exitCode = report(outcome.error());
            continue;
        }
        if (!collection.isEmpty()) {
            if (auto added = Core::CollectionRepository(*store).addArticles(collection, {outcome->articleId}); !added) {
                exitCode = report(added.error());
                continue;
            }
        }
        auto article = Core::ArticleRepository(*store).article(outcome->articleId);
        if (!article) {
            exitCode = report(article.error());
            continue;
        }
        if (outcome->kind == Core::ImportOutcome::NewVersion) {
            err() << "gloss-cli: " << source << ": the text changed; stored as version " << article->current.number;
            if (importer.reanchorReport().total() > 0)
                err() << "; annotations re-anchored: " << importer.reanchorReport().summary();
            err() << "\n";
        }
        else if (outcome->kind == Core::ImportOutcome::Unchanged)
            err() << "gloss-cli: " << source << ": already in the library, unchanged\n";
        err().flush();
        out() << article->id << '\t' << article->current.metadata.title << '\t'
              << Core::codePointLength(article->current.readerText) << '\n';
        out().flush();
    }
    return exitCode;
}

} // namespace Gloss::Cli

// gloss-cli extract FILE... [--url URL] [--format text|html|json|jsonl]: runs the extractor on files ("-" is
// standard input) without touching the store. jsonl writes the line format of ../shared/corpus/README.md (with
// "ms" per page).
#include "core/extraction/extractor.h"
#include "core/extraction/pagefile.h"
#include "verbs.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>

namespace Gloss::Cli {

namespace {

// The fields of a page: the corpus line format's, the rest of the metadata, and with `withHtml` the reader HTML
// (json has it; jsonl leaves it out, one line per page stays short).
QJsonObject toJson(const QString &file, const Core::Extraction &e, double ms, bool withHtml)
{
    const Core::ArticleMetadata &m = e.metadata;
    QJsonObject o {
        { QStringLiteral("file"), file },
        { QStringLiteral("text"), e.readerText },
        { QStringLiteral("title"), m.title },
        { QStringLiteral("byline"), m.byline },
        { QStringLiteral("excerpt"), m.excerpt },
        { QStringLiteral("siteName"), m.siteName },
        { QStringLiteral("lang"), m.language },
        { QStringLiteral("dir"), m.direction },
        { QStringLiteral("publishedTime"), e.publishedRaw.isEmpty() ? m.published : e.publishedRaw },
        { QStringLiteral("published"), m.published },
        { QStringLiteral("modified"), m.modified },
        { QStringLiteral("ms"), qRound(ms * 1000) / 1000.0 },
        { QStringLiteral("leadImage"), m.leadImage },
        { QStringLiteral("canonicalUrl"), m.canonicalUrl },
        { QStringLiteral("contentType"), e.contentType },
        { QStringLiteral("charset"), e.charset },
        { QStringLiteral("extractorVersion"), e.extractorVersion },
    };
    if (withHtml)
        o.insert(QStringLiteral("html"), e.readerHtml);
    return o;
}

// `object` as QJsonDocument::Indented writes it as an element of an array: every line indented four more
// spaces, no final newline (JSON escapes newlines inside strings, so every '\n' ends a line).
QByteArray indentedInArray(const QJsonDocument &object)
{
    QByteArray json = object.toJson(QJsonDocument::Indented);
    json.chop(1);
    json.replace('\n', "\n    ");
    return "    " + json;
}

// `text` as a page URL for links and images: an absolute http, https or file URL, else an empty QUrl.
QUrl pageUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return {};
    if ((url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty())
        return url;
    if (url.scheme() == u"file" && !url.path().isEmpty())
        return url;
    return {};
}

// The page named by a FILE argument; "-" is standard input. Read with the size limit (PageFile).
Core::Result<Core::PageInput> readPage(const QString &path)
{
    if (path != u"-")
        return Core::PageFile::read(path);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Core::fail(QStringLiteral("standard input: cannot be read (%1).").arg(in.errorString()));
    return Core::PageFile::read(in, QStringLiteral("standard input"));
}

} // namespace

int extractVerb(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Extract the reader view of files (no store involved)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("HTML, MHTML or text files (.gz allowed); - for standard input"), QStringLiteral("FILE..."));
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("Page URL (http, https or file) for links and images."), QStringLiteral("URL"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("text (default), html, json or jsonl."), QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("Ignored (no store is used)."), QStringLiteral("PATH"));
    const QCommandLineOption standfirstOption(QStringLiteral("standfirst"),
        QStringLiteral("Put the page's standfirst (the dek under the headline) in front of the body."));
    parser.addOptions({ urlOption, formatOption, dbOption, standfirstOption });
    if (!parser.parse(QStringList { QStringLiteral("gloss-cli extract") } + arguments)) {
        err << "gloss-cli extract: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"html" && format != u"json" && format != u"jsonl") {
        err << "gloss-cli extract: unknown format '" << format << "' (text, html, json or jsonl)\n";
        return 2;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << "gloss-cli extract: no input file\nUsage: gloss-cli extract FILE... [--url URL] "
               "[--format text|html|json|jsonl]\n";
        return 2;
    }
    const QUrl url = parser.isSet(urlOption) ? pageUrl(parser.value(urlOption)) : QUrl();
    if (parser.isSet(urlOption) && url.isEmpty()) {
        // The URL as given may hold a password ("ftp://user:pw@host"): it is not echoed.
        const QUrl given(parser.value(urlOption));
        const QString shown = given.userInfo().isEmpty() ? parser.value(urlOption)
                                                         : given.toString(QUrl::RemoveUserInfo);
        err << "gloss-cli extract: --url '" << shown
            << "' is not a page URL (give an http, https or file URL, e.g. https://example.com/page)\n";
        return 2;
    }
    int failures = 0;
    // The shape follows the arguments, not the outcome: one FILE gives one object (nothing when it failed),
    // several give an array of the successes, written as each is extracted so that memory holds one at a time.
    const bool jsonArray = format == u"json" && files.size() > 1;
    if (jsonArray)
        out << "[\n";
    bool firstText = true;
    bool firstJson = true;
    for (const QString &path : files) {
        auto page = readPage(path);
        if (!page) {
            err << "gloss-cli extract: " << page.error().message << '\n';
            ++failures;
            continue;
        }
        Core::ExtractOptions options;
        options.keepStandfirst = parser.isSet(standfirstOption);
        if (url.isValid())
            options.url = url;
        else if (path != u"-")
            options.url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        options.fileName = page->fileName;
        QElapsedTimer timer;
        timer.start();
        const auto result = Core::Extractor::extract(page->bytes, options);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!result) {
            err << "gloss-cli extract: " << (path == u"-" ? QStringLiteral("standard input") : path) << ": "
                << result.error().message << '\n';
            ++failures;
            continue;
        }
        if (format == u"text") {
            if (!firstText)
                out << "\n\f\n"; // form feed between documents
            out << result->readerText << '\n';
            firstText = false;
        } else if (format == u"html") {
            out << result->readerHtml;
        } else if (format == u"jsonl") {
            out << QString::fromUtf8(QJsonDocument(toJson(path, *result, ms, false)).toJson(QJsonDocument::Compact))
                << '\n';
        } else if (jsonArray) {
            if (!firstJson)
                out << ",\n";
            out << QString::fromUtf8(indentedInArray(QJsonDocument(toJson(path, *result, ms, true))));
            firstJson = false;
        } else {
            out << QString::fromUtf8(QJsonDocument(toJson(path, *result, ms, true)).toJson(QJsonDocument::Indented));
        }
        out.flush();
    }
    if (jsonArray)
        out << (firstJson ? "]\n" : "\n]\n");
    return failures == 0 ? 0 : 1;
}

} // namespace Gloss::Cli

#include "clicommon.h"
#include "verbs.h"

#include "core/storage/annotationimport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Gloss::Cli {

namespace {
Core::Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Core::fail(QStringLiteral("%1: cannot be read (%2).").arg(path, f.errorString()));
    return f.readAll();
}
} // namespace

int importAnnotationsVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("jsonld (W3C Web Annotation JSON-LD or JSON lines, "
                                                               "Hypothesis API results; default) or brat."),
                      QStringLiteral("FORMAT"), QStringLiteral("jsonld")});
    parser.addOption({QStringLiteral("article"), QStringLiteral("The stored article the annotations belong to (brat: "
                                                                "required; jsonld: overrides the target source)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("creator"), QStringLiteral("brat: annotator name (default: $USER)."),
                      QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The annotation file (brat: the .ann file; "
                                                                        "its .txt must be beside it)."));
    if (int rc = parseArguments(parser, QStringLiteral("import-annotations"), arguments))
        return rc < 0 ? 0 : rc;
    if (parser.positionalArguments().size() != 1) {
        err() << "gloss-cli import-annotations: name one file\n";
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"jsonld" && format != u"brat") {
        err() << "gloss-cli import-annotations: --format takes jsonld or brat\n";
        return 2;
    }
    std::optional<qint64> articleId;
    if (format == u"brat" && !parser.isSet(QStringLiteral("article"))) {
        err() << "gloss-cli import-annotations: brat needs --article ID\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("article"))) {
        articleId = parseId(parser.value(QStringLiteral("article")));
        if (!articleId)
            return 2;
    }
    auto bytes = readFile(path);
    if (!bytes)
        return report(bytes.error());
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;

    Core::AnnotationImport importer(*store);
    Core::Result<Core::ImportReport> result;
    if (format == u"brat") {
        const QFileInfo info(path);
        auto txt = readFile(info.dir().filePath(info.completeBaseName() + QStringLiteral(".txt")));
        if (!txt)
            return report(txt.error());
        QString creator = parser.value(QStringLiteral("creator"));
        if (creator.isEmpty())
            creator = qEnvironmentVariable("USER", QStringLiteral("gloss"));
        result = importer.importBrat(*articleId, QString::fromUtf8(*bytes), QString::fromUtf8(*txt), creator);
    } else {
        result = importer.importWebAnnotations(*bytes, articleId.value_or(0));
    }
    if (!result && format == u"jsonld" && !parser.isSet(QStringLiteral("format")) && path.endsWith(u".ann")) {
        Core::Error e = result.error();
        e.message += QStringLiteral(" (a .ann file is brat standoff: add --format brat --article ID)");
        return report(e);
    }
    if (!result)
        return report(result.error());
    for (const QString &message : std::as_const(result->messages))
        err() << "gloss-cli import-annotations: " << message << "\n";
    out() << result->read << " read, " << result->imported << " imported, " << result->orphaned << " orphaned, "
          << result->skipped << " skipped";
    // Why some were skipped although they matched: they are in the store already (same id), or the article
    // already has the same annotation (same span, kind and label) under another id.
    QStringList already;
    if (importer.alreadyStored() > 0)
        already << QStringLiteral("%1 already stored").arg(importer.alreadyStored());
    if (importer.alreadyAnnotated() > 0)
        already << QStringLiteral("%1 already annotated with the same span, kind and label")
                       .arg(importer.alreadyAnnotated());
    if (!already.isEmpty())
        out() << " (" << already.join(QStringLiteral(", ")) << ")";
    out() << "\n";
    out().flush();
    // Nothing placed, and not because it was all there already: say so in the exit code.
    if (result->read > 0 && result->imported + result->orphaned == 0
        && importer.alreadyStored() + importer.alreadyAnnotated() < result->read)
        return report(Core::Error{QStringLiteral("No annotation was imported: none matched a stored article (import "
                                                 "the article first, or name it with --article ID)."),
                                  Core::Error::User});
    return 0;
}

} // namespace Gloss::Cli

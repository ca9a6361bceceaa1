#include "clicommon.h"
#include "verbs.h"

#include "core/export/exporterregistry.h"
#include "core/storage/annotationexport.h"

#include <QDir>
#include <QTimeZone>
#include <QFile>
#include <QFileInfo>

namespace Gloss::Cli {

int exportVerb(const QStringList &arguments)
{
    const Core::ExporterRegistry registry;
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("article"), QStringLiteral("Export this article (repeatable; default: all)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("One of: %1 (default jsonld).").arg(registry.formats().join(QStringLiteral(", "))),
                      QStringLiteral("FORMAT"), QStringLiteral("jsonld")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Output file, '-' for stdout (default), or a folder for brat."),
                      QStringLiteral("FILE"), QStringLiteral("-")});
    parser.addOption({QStringLiteral("kind"), QStringLiteral("Only annotations of this kind (claim, entity, "
                                                             "highlight, note; repeatable)."),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("label"), QStringLiteral("Only annotations with this label (repeatable)."),
                      QStringLiteral("LABEL")});
    parser.addOption({QStringLiteral("creator"), QStringLiteral("Only annotations by this creator (repeatable)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("collection"), QStringLiteral("Only articles in this collection."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Only articles with this tag."), QStringLiteral("TAG")});
    parser.addOption({QStringLiteral("search"), QStringLiteral("Only articles matching this full-text query."),
                      QStringLiteral("QUERY")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("Only articles published (else imported) on or after "
                                                             "DATE (ISO 8601, e.g. 2020-10-01)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Only articles published (else imported) before DATE."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("offsets"), QStringLiteral("jsonl: count offsets in codepoints (default) or "
                                                                "utf16 (JavaScript string units)."),
                      QStringLiteral("UNIT"), QStringLiteral("codepoints")});
    parser.addOption({QStringLiteral("iob1"), QStringLiteral("conll: IOB1 tags instead of IOB2.")});
    parser.addOption({QStringLiteral("bom"), QStringLiteral("csv: start with a UTF-8 byte order mark (for "
                                                            "spreadsheets).")});
    parser.addOption({QStringLiteral("page-size"), QStringLiteral("jsonld: annotations per AnnotationPage (default: "
                                                                  "one page)."),
                      QStringLiteral("N")});
    if (int rc = parseArguments(parser, QStringLiteral("export"), arguments))
        return rc < 0 ? 0 : rc;
    if (!parser.positionalArguments().isEmpty()) {
        err() << "gloss-cli export: unexpected argument '" << parser.positionalArguments().first() << "'\n";
        return 2;
    }

    Core::AnnotationSelection selection;
    for (const QString &word : parser.values(QStringLiteral("article"))) {
        const auto id = parseId(word);
        if (!id)
            return 2;
        selection.articleIds.append(*id);
    }
    for (const QString &word : parser.values(QStringLiteral("kind"))) {
        const auto kind = Core::annotationKindFromString(word);
        if (!kind) {
            err() << "gloss-cli export: unknown kind '" << word << "' (claim, entity, highlight, note)\n";
            return 2;
        }
        selection.kinds.append(*kind);
    }
    selection.labels = parser.values(QStringLiteral("label"));
    selection.filter.collection = parser.value(QStringLiteral("collection"));
    selection.filter.tag = parser.value(QStringLiteral("tag"));
    selection.query = parser.value(QStringLiteral("search"));
    for (const auto &[name, bound] : {std::pair{QStringLiteral("from"), &selection.from},
                                      std::pair{QStringLiteral("to"), &selection.to}}) {
        if (!parser.isSet(name))
            continue;
        QDateTime t = QDateTime::fromString(parser.value(name), Qt::ISODate);
        if (!t.isValid())
            t = QDate::fromString(parser.value(name), Qt::ISODate).startOfDay(QTimeZone::utc());
        if (!t.isValid()) {
            err() << "gloss-cli export: --" << name << " takes an ISO 8601 date, e.g. 2020-10-01\n";
            return 2;
        }
        *bound = t.toUTC();
    }
    if (!selection.articleIds.isEmpty()
        && (!selection.filter.isEmpty() || !selection.query.isEmpty())) {
        err() << "gloss-cli export: --article cannot be combined with --collection, --tag or --search\n";
        return 2;
    }
    selection.creators = parser.values(QStringLiteral("creator"));

    Core::ExportOptions options;
    const QString offsets = parser.value(QStringLiteral("offsets"));
    if (offsets != u"codepoints" && offsets != u"utf16") {
        err() << "gloss-cli export: --offsets takes codepoints or utf16\n";
        return 2;
    }
    options.offsets = offsets == u"utf16" ? Core::ExportOptions::Offsets::Utf16 : Core::ExportOptions::Offsets::CodePoints;
    options.iob = parser.isSet(QStringLiteral("iob1")) ? Core::ExportOptions::Iob::Iob1 : Core::ExportOptions::Iob::Iob2;
    options.csvBom = parser.isSet(QStringLiteral("bom"));
    if (parser.isSet(QStringLiteral("page-size"))) {
        bool ok = false;
        options.pageSize = parser.value(QStringLiteral("page-size")).toLongLong(&ok);
        if (!ok || options.pageSize < 1) {
            err() << "gloss-cli export: --page-size takes a positive number\n";
            return 2;
        }
    }
    const QString format = parser.value(QStringLiteral("format"));
    auto exporter = registry.create(format, options);
    if (!exporter)
        return report(exporter.error());
    const QString output = parser.value(QStringLiteral("o"));
    if ((*exporter)->writesDirectory() && output == u"-") {
        err() << "gloss-cli export: the " << format << " format writes a folder; name it with -o\n";
        return 2;
    }
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;

    Core::Result<Core::ExportReport> result;
    if (output == u"-") {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return report(Core::Error{QStringLiteral("Cannot write to standard output."), Core::Error::Io});
        result = Core::exportAnnotations(*store, selection, **exporter, Core::ExportTarget{&stdoutFile, {}});
        if (result && (!stdoutFile.flush() || stdoutFile.error() != QFileDevice::NoError))
            return report(Core::Error{QStringLiteral("Cannot write to standard output: %1").arg(stdoutFile.errorString()),
                                      Core::Error::Io});
    } else {
        result = Core::exportToPath(*store, selection, format, options, output);
    }
    if (!result)
        return report(result.error());
    for (const QString &message : std::as_const(result->messages))
        err() << "gloss-cli export: " << message << "\n";
    err() << "gloss-cli export: " << result->written << " annotations from " << result->articles << " articles";
    if (result->skipped)
        err() << ", " << result->skipped << " skipped";
    err() << "\n";
    err().flush();
    return 0;
}

} // namespace Gloss::Cli

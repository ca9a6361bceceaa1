#include "exporterregistry.h"

#include "core/export/bratexporter.h"
#include "core/export/conllexporter.h"
#include "core/export/csvexporter.h"
#include "core/export/jsonldexporter.h"
#include "core/export/jsonlspansexporter.h"
#include "core/export/markdownexporter.h"

namespace Gloss::Core {

using namespace Qt::StringLiterals;

ExporterRegistry::ExporterRegistry()
{
    add(u"jsonld"_s, u"W3C Web Annotation JSON-LD: an AnnotationCollection with AnnotationPages"_s,
        [](const ExportOptions &o) { return std::make_unique<JsonLdExporter>(JsonLdExporter::Shape::Collection, o); });
    add(u"jsonld-lines"_s, u"W3C Web Annotation JSON-LD, one annotation per line"_s,
        [](const ExportOptions &o) { return std::make_unique<JsonLdExporter>(JsonLdExporter::Shape::Lines, o); });
    add(u"csv"_s, u"CSV (RFC 4180), one row per annotation"_s,
        [](const ExportOptions &o) { return std::make_unique<CsvExporter>(o); });
    add(u"brat"_s, u"brat standoff: a folder with ID.txt, ID.ann per article and annotation.conf"_s,
        [](const ExportOptions &o) { return std::make_unique<BratExporter>(o); });
    add(u"conll"_s, u"CoNLL-2003 token columns with IOB2 (or IOB1) entity tags"_s,
        [](const ExportOptions &o) { return std::make_unique<ConllExporter>(o); });
    add(u"jsonl"_s, u"JSON Lines, one article per line with its spans (doccano, spaCy)"_s,
        [](const ExportOptions &o) { return std::make_unique<JsonlSpansExporter>(o); });
    add(u"markdown"_s, u"Markdown notes per article"_s,
        [](const ExportOptions &o) { return std::make_unique<MarkdownExporter>(o); });
}

void ExporterRegistry::add(const QString &name, const QString &description, Factory factory)
{
    for (Entry &e : m_entries) {
        if (e.name == name) {
            e = Entry { name, description, std::move(factory) };
            return;
        }
    }
    m_entries.append(Entry { name, description, std::move(factory) });
}

QStringList ExporterRegistry::formats() const
{
    QStringList names;
    for (const Entry &e : m_entries)
        names.append(e.name);
    return names;
}

QString ExporterRegistry::description(const QString &name) const
{
    for (const Entry &e : m_entries)
        if (e.name == name)
            return e.description;
    return {};
}

Result<std::unique_ptr<Exporter>> ExporterRegistry::create(const QString &name, const ExportOptions &options) const
{
    for (const Entry &e : m_entries)
        if (e.name == name)
            return e.factory(options);
    return fail(u"Unknown export format \"%1\" (known: %2)"_s.arg(name, formats().join(u", "_s)), Error::Usage);
}

} // namespace Gloss::Core

#pragma once

#include "core/export/exporter.h"

#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace Gloss::Core {

/// Format name -> exporter factory. The constructor registers the built-in formats:
///   "jsonld"        W3C Web Annotation AnnotationCollection (JsonLdExporter)
///   "jsonld-lines"  one W3C annotation per line (JsonLdExporter)
///   "csv"           RFC 4180 table, one row per annotation (CsvExporter)
///   "brat"          brat standoff folder: ID.txt, ID.ann, annotation.conf (BratExporter)
///   "conll"         CoNLL-2003 columns, IOB2 or IOB1 (ConllExporter)
///   "jsonl"         one article per line with spans (JsonlSpansExporter)
///   "markdown"      notes per article (MarkdownExporter)
/// Not a singleton: construct one where needed (it is cheap).
class ExporterRegistry final
{
public:
    using Factory = std::function<std::unique_ptr<Exporter>(const ExportOptions &)>;

    ExporterRegistry();

    /// Adds or replaces a format.
    void add(const QString &name, const QString &description, Factory factory);
    /// Registered names in registration order.
    QStringList formats() const;
    /// One-line description of a format (empty when unknown).
    QString description(const QString &name) const;
    /// A new exporter for `name`; a Usage error listing the known formats when there is none.
    Result<std::unique_ptr<Exporter>> create(const QString &name, const ExportOptions &options = {}) const;

private:
    struct Entry
    {
        QString name;
        QString description;
        Factory factory;
    };
    QList<Entry> m_entries;
};

} // namespace Gloss::Core

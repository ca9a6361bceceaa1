#pragma once

#include "core/export/exporter.h"

#include <QMap>
#include <QSet>

namespace Gloss::Core {

/// brat standoff (https://brat.nlplab.org/standoff.html, "Annotation Data Format" on the brat wiki), written to
/// a folder: per article `<article id>.txt` (the reader text, UTF-8, no BOM) and `<article id>.ann`; at finish
/// `annotation.conf` (the entity types, claim labels and attributes used, plus ExportOptions::entityTypes and
/// claimLabels) and `tools.conf` (a Wikidata normalization entry).
///
/// .ann lines (tab-separated as brat requires):
///   T<n>  <type> <start> <end>[;<start> <end>...]  <covered text>   text-bound annotation; offsets are
///         characters of the .txt as brat (Python) counts them: Unicode code points, end exclusive. A span that
///         crosses line breaks is written as fragments without the newlines (brat cannot show a span over one);
///         the covered text joins the fragments with a space, as brat does.
///   A<n>  <name> T<n> [<value>]   a claim attribute; `true` is a binary attribute, `false` and null are
///         omitted; other values are written with whitespace, ',' and '|' replaced by '_'.
///   N<n>  Reference T<n> Wikidata:Q7184  <name>   the KB id (Wikidata ids as Wikidata:Q…, others KB:<id>)
///   #<n>  AnnotatorNotes T<n>  <note>   tabs and line breaks in notes become spaces.
/// Types: an entity's label, a claim's label, "highlight", "note" (whitespace replaced by '_').
/// Orphaned annotations are skipped and reported.
class BratExporter final : public Exporter
{
public:
    explicit BratExporter(ExportOptions options = {});

    QString format() const override;
    bool writesDirectory() const override { return true; }
    Result<void> begin(const ExportTarget &target) override;
    Result<void> writeArticle(const ExportArticle &article) override;
    Result<void> finish() override;

    /// The brat type of an annotation (see the class comment).
    static QString typeOf(const Annotation &annotation);
    /// `text` with whitespace (and, for values, ',' and '|') replaced by '_', so that it is one brat token.
    static QString token(const QString &text);
    /// "Wikidata:Q7184" for a Wikidata id, else "KB:<id>" (tokenised).
    static QString normalizationId(const QString &kbId);

private:
    Result<void> writeFile(const QString &name, const QByteArray &bytes) const;

    ExportOptions m_options;
    QString m_directory;
    QSet<QString> m_entityTypes;
    QSet<QString> m_claimTypes;
    QSet<QString> m_otherTypes;
    QMap<QString, QSet<QString>> m_attributes; ///< attribute name -> values seen ("" for binary)
};

} // namespace Gloss::Core

#pragma once

#include "core/export/exporter.h"

namespace Gloss::Core {

/// Markdown (CommonMark, https://spec.commonmark.org/) notes for note-takers (Obsidian and the like), per article:
///   # <title>
///   - Source: <url>            - Published: <date>           - By: <byline>
///   ## Claims and highlights   each claim, highlight and note as a blockquote of its quote, then a line with
///                              its kind, label and attributes, then its note
///   ## Entities                each distinct entity (type, name or quote, KB id) once, with its Wikidata link
///                              and the number of mentions
/// Written to a device (articles one after another, separated by a `---` rule), or to a folder with one
/// `<article id>.md` per article when ExportTarget::directory is set. Quoted text and notes are escaped so that
/// Markdown and HTML in them show as typed (backslash escapes of CommonMark §2.4). Orphaned annotations are
/// listed with "(orphaned)".
class MarkdownExporter final : public Exporter
{
public:
    explicit MarkdownExporter(ExportOptions options = {});

    QString format() const override;
    Result<void> begin(const ExportTarget &target) override;
    Result<void> writeArticle(const ExportArticle &article) override;
    Result<void> finish() override;

    /// `text` with every ASCII punctuation character that CommonMark could read as markup backslash-escaped.
    static QString escape(const QString &text);

private:
    ExportOptions m_options;
    QIODevice *m_device = nullptr;
    QString m_directory;
    qsizetype m_written = 0;
};

} // namespace Gloss::Core

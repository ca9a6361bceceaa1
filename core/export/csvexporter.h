#pragma once

#include "core/export/exporter.h"

namespace Gloss::Core {

/// CSV, RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): UTF-8, CRLF record ends, a header row, one row per
/// annotation. A field is enclosed in double quotes when it holds a comma, a double quote, CR or LF (RFC 4180
/// §2.6) or a TAB (for spreadsheet paste), and an inner double quote is doubled (§2.7). ExportOptions::csvBom starts
/// the file with U+FEFF.
///
/// Columns: article_id, article_url, article_title, version_id, annotation_id, kind, label, status, quote,
/// start, end, entity_id, entity_name, kb_id, attr_<name> for each ExportOptions::attributeColumns entry,
/// attributes (the other attributes as a compact JSON object, empty when none), note, creator, created,
/// modified. start/end are Unicode code points of the reader text, end exclusive, empty when orphaned.
///
/// Formula injection (OWASP "CSV Injection"): a text cell that begins with '=', '+', '-', '@', TAB or CR is
/// prefixed with an apostrophe ('), which spreadsheets show as text and do not evaluate; the number columns
/// (ids, start, end) are never prefixed. A reader that wants the original value drops that one apostrophe
/// from such cells.
class CsvExporter final : public Exporter
{
public:
    explicit CsvExporter(ExportOptions options = {});

    QString format() const override;
    Result<void> begin(const ExportTarget &target) override;
    Result<void> writeArticle(const ExportArticle &article) override;
    Result<void> finish() override;

    /// One field as written: neutralised (when `text`), then quoted when needed.
    static QByteArray field(const QString &value, bool text = true);

private:
    ExportOptions m_options;
    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
};

} // namespace Gloss::Core

#pragma once

#include "core/export/exporter.h"
#include "core/export/jsonwriter.h"

namespace Gloss::Core {

/// JSON Lines (https://jsonlines.org/), one article per line, in the span shape doccano and spaCy users load:
///   {"id": <article id>, "text": <reader text>,
///    "spans": [{"id": <annotation id>, "start": s, "end": e, "label": "GPE", "kind": "entity",
///               "kb_id": "Q2933" | null, "attributes": {...} (claims with attributes only),
///               "note": "..." (when there is one)}],
///    "meta": {"url", "title", "sha256", "version_id", "language", "direction", "published", "offsets"}}
/// Offsets index `text`: Unicode code points by default (Python's str), UTF-16 code units with
/// ExportOptions::Offsets::Utf16 (JavaScript's String); meta.offsets says which ("codepoints" | "utf16").
/// End exclusive. Orphaned annotations and positions beyond the text are skipped and reported.
class JsonlSpansExporter final : public Exporter
{
public:
    explicit JsonlSpansExporter(ExportOptions options = {});

    QString format() const override;
    Result<void> begin(const ExportTarget &target) override;
    Result<void> writeArticle(const ExportArticle &article) override;
    Result<void> finish() override;

private:
    ExportOptions m_options;
    QIODevice *m_device = nullptr;
    JsonWriter m_json;
};

} // namespace Gloss::Core

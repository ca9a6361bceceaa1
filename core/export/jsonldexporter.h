#pragma once

#include "core/export/exporter.h"
#include "core/export/jsonwriter.h"

namespace Gloss::Core {

/// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/ §5 Collections; the annotation shape
/// is documented on WebAnnotation).
///
/// Format "jsonld", ExportOptions::pageSize 0 (the default): one AnnotationCollection (§5.1) whose `first`
/// AnnotationPage (§5.2) is embedded and holds every annotation in `items`. `last` and `total` come after
/// the page, which is what lets the writer stream:
///   {"@context": [...], "id": "urn:uuid:…", "type": "AnnotationCollection", "label": …, "generator": …,
///    "generated": …, "first": {"id": …, "type": "AnnotationPage", "partOf": <collection id>,
///    "startIndex": 0, "items": [ … ]}, "last": <page id>, "total": N}
/// pageSize N > 0: a JSON-LD array of top-level nodes, the pages first (each with @context, `partOf`, `prev`
/// and `next` as IRIs, as §5.2 requires, N items each), then the collection with `first` and `last` as page
/// IRIs and `total`: [page 1, page 2, …, collection]. (Pages cannot be nested as `next` objects: the model
/// and the W3C test suite want IRIs there; the collection comes last because only then are total and last known.)
/// Page ids are UUIDv5 of the collection id and the page number, so an export with a fixed collectionId and
/// generated time is byte-for-byte reproducible.
///
/// Format "jsonld-lines": one annotation per line (JSON Lines, each with its own @context), no collection.
class JsonLdExporter final : public Exporter
{
public:
    enum class Shape { Collection, Lines };
    explicit JsonLdExporter(Shape shape, ExportOptions options = {});

    QString format() const override;
    Result<void> begin(const ExportTarget &target) override;
    Result<void> writeArticle(const ExportArticle &article) override;
    Result<void> finish() override;

private:
    QString pageId(qsizetype page) const;
    void writeCollectionHead();
    void openPage();
    void closePage(bool hasNext);
    Result<void> flush(bool force);

    Shape m_shape;
    ExportOptions m_options;
    QIODevice *m_device = nullptr;
    JsonWriter m_json;
    QString m_collectionId;
    qsizetype m_total = 0;
    qsizetype m_pages = 0; ///< pages opened so far
    qsizetype m_inPage = 0; ///< items in the open page
    bool m_pageOpen = false;
};

} // namespace Gloss::Core

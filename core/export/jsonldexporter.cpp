#include "jsonldexporter.h"

#include "core/export/webannotation.h"

#include <QIODevice>
#include <QUuid>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype flushThreshold = 1 << 20; // bytes buffered before a write to the device
}

JsonLdExporter::JsonLdExporter(Shape shape, ExportOptions options)
    : m_shape(shape)
    , m_options(std::move(options))
    , m_json(shape == Shape::Collection && m_options.pretty ? 2 : 0)
{ }

QString JsonLdExporter::format() const
{
    return m_shape == Shape::Collection ? u"jsonld"_s : u"jsonld-lines"_s;
}

QString JsonLdExporter::pageId(qsizetype page) const
{
    const QUuid ns = QUuid::fromString(QStringView(m_collectionId).mid(9));
    return "urn:uuid:"_L1 + QUuid::createUuidV5(ns, u"page-"_s + QString::number(page)).toString(QUuid::WithoutBraces);
}

Result<void> JsonLdExporter::begin(const ExportTarget &target)
{
    m_device = target.device;
    if (!m_device || !m_device->isWritable())
        return fail(u"The JSON-LD export needs an output file or stream open for writing"_s, Error::Usage);
    if (m_shape == Shape::Lines)
        return {};

    m_collectionId = m_options.collectionId;
    if (m_collectionId.isEmpty())
        m_collectionId = "urn:uuid:"_L1 + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_collectionId.startsWith("urn:uuid:"_L1) || QUuid::fromString(QStringView(m_collectionId).mid(9)).isNull())
        return fail(u"The collection id must be a urn:uuid: IRI, not \"%1\""_s.arg(m_collectionId), Error::Usage);
    if (m_options.pageSize > 0) {
        m_json.beginArray(); // pages first, the collection (with total and last) after them
        return flush(false);
    }
    writeCollectionHead();
    return flush(false);
}

void JsonLdExporter::writeCollectionHead()
{
    const QDateTime generated = m_options.generated.isValid() ? m_options.generated : QDateTime::currentDateTimeUtc();
    m_json.beginObject();
    m_json.key("@context"_L1);
    WebAnnotation::writeContext(m_json);
    m_json.member("id"_L1, QStringView(m_collectionId));
    m_json.member("type"_L1, "AnnotationCollection"_L1);
    if (!m_options.collectionLabel.isEmpty())
        m_json.member("label"_L1, QStringView(m_options.collectionLabel));
    m_json.key("generator"_L1);
    m_json.beginObject(true);
    m_json.member("type"_L1, "Software"_L1);
    m_json.member(
        "name"_L1, m_options.generatorName.isEmpty() ? u"Gloss " GLOSS_VERSION ""_s : m_options.generatorName);
    m_json.endObject();
    m_json.member("generated"_L1, WebAnnotation::dateTime(generated));
}

void JsonLdExporter::openPage()
{
    if (m_options.pageSize > 0) {
        // A top-level page of the array: it carries its own @context and links by IRI (model §5.2).
        m_json.beginObject();
        m_json.key("@context"_L1);
        WebAnnotation::writeContext(m_json);
    } else {
        m_json.key("first"_L1);
        m_json.beginObject();
    }
    m_json.member("id"_L1, pageId(m_pages));
    m_json.member("type"_L1, "AnnotationPage"_L1);
    m_json.member("partOf"_L1, QStringView(m_collectionId));
    if (m_pages > 0)
        m_json.member("prev"_L1, pageId(m_pages - 1));
    m_json.member("startIndex"_L1, qint64(m_total));
    m_json.key("items"_L1);
    m_json.beginArray();
    ++m_pages;
    m_inPage = 0;
    m_pageOpen = true;
}

void JsonLdExporter::closePage(bool hasNext)
{
    m_json.endArray(); // items
    if (hasNext)
        m_json.member("next"_L1, pageId(m_pages));
    m_json.endObject();
    m_pageOpen = false;
}

Result<void> JsonLdExporter::writeArticle(const ExportArticle &article)
{
    ++m_report.articles;
    for (const Annotation &annotation : article.annotations) {
        if (m_shape == Shape::Lines) {
            WebAnnotation::write(m_json, annotation, article, true);
            m_json.buffer().append('\n');
        } else {
            if (m_pageOpen && m_options.pageSize > 0 && m_inPage >= m_options.pageSize)
                closePage(true);
            if (!m_pageOpen)
                openPage();
            WebAnnotation::write(m_json, annotation, article, false);
            ++m_inPage;
        }
        ++m_total;
        ++m_report.written;
        if (auto r = flush(false); !r)
            return r;
    }
    return {};
}

Result<void> JsonLdExporter::finish()
{
    if (m_shape == Shape::Collection) {
        if (m_pageOpen)
            closePage(false);
        if (m_options.pageSize > 0) {
            writeCollectionHead();
            if (m_pages > 0)
                m_json.member("first"_L1, pageId(0));
        }
        if (m_pages > 0)
            m_json.member("last"_L1, pageId(m_pages - 1));
        m_json.member("total"_L1, qint64(m_total));
        m_json.endObject();
        if (m_options.pageSize > 0)
            m_json.endArray();
        m_json.buffer().append('\n');
    }
    return flush(true);
}

Result<void> JsonLdExporter::flush(bool force)
{
    if (!force && m_json.buffer().size() < flushThreshold)
        return {};
    auto r = writeAll(m_device, m_json.buffer());
    m_json.buffer().truncate(0);
    return r;
}

} // namespace Gloss::Core

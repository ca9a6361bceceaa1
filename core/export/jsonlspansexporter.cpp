#include "jsonlspansexporter.h"

#include "core/anchoring/codepointindex.h"

#include <QIODevice>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

JsonlSpansExporter::JsonlSpansExporter(ExportOptions options)
    : m_options(std::move(options))
{ }

QString JsonlSpansExporter::format() const
{
    return u"jsonl"_s;
}

Result<void> JsonlSpansExporter::begin(const ExportTarget &target)
{
    m_device = target.device;
    if (!m_device || !m_device->isWritable())
        return fail(u"The JSONL export needs an output file or stream open for writing"_s, Error::Usage);
    return {};
}

Result<void> JsonlSpansExporter::writeArticle(const ExportArticle &article)
{
    ++m_report.articles;
    const Article &a = article.article;
    const QString &text = a.current.readerText;
    const CodePointIndex index(text);
    const bool utf16 = m_options.offsets == ExportOptions::Offsets::Utf16;

    m_json.beginObject();
    m_json.member("id"_L1, qint64(a.id));
    m_json.member("text"_L1, text);
    m_json.key("spans"_L1);
    m_json.beginArray();
    for (const Annotation &an : article.annotations) {
        if (!an.position.isValid() || an.status == AnchorStatus::Orphaned) {
            skip(an.id, u"orphaned: no position in the current text"_s);
            continue;
        }
        if (an.position.end > index.codePointLength()) {
            skip(an.id,
                u"position %1-%2 is beyond the text (%3 code points)"_s.arg(an.position.start)
                    .arg(an.position.end)
                    .arg(index.codePointLength()));
            continue;
        }
        m_json.beginObject();
        m_json.member("id"_L1, an.id);
        m_json.member("start"_L1, qint64(utf16 ? index.toUtf16(an.position.start) : an.position.start));
        m_json.member("end"_L1, qint64(utf16 ? index.toUtf16(an.position.end) : an.position.end));
        m_json.member("label"_L1, an.label);
        m_json.member("kind"_L1, toString(an.kind));
        m_json.key("kb_id"_L1);
        if (an.kbId.isEmpty())
            m_json.null();
        else
            m_json.value(an.kbId);
        if (!an.attributes.isEmpty()) {
            m_json.key("attributes"_L1);
            m_json.value(QJsonValue(an.attributes));
        }
        if (!an.note.isEmpty())
            m_json.member("note"_L1, an.note);
        m_json.endObject();
        ++m_report.written;
    }
    m_json.endArray();
    const ArticleMetadata &meta = a.current.metadata;
    m_json.key("meta"_L1);
    m_json.beginObject();
    m_json.member("url"_L1, a.sourceUrl);
    m_json.member("title"_L1, meta.title);
    m_json.member("sha256"_L1, a.snapshotSha256);
    m_json.member("version_id"_L1, qint64(a.current.id));
    m_json.member("language"_L1, meta.language);
    m_json.member("direction"_L1, meta.direction);
    m_json.member("published"_L1, meta.published);
    m_json.member("offsets"_L1, utf16 ? "utf16"_L1 : "codepoints"_L1);
    m_json.endObject();
    m_json.endObject();
    m_json.buffer().append('\n');
    auto r = writeAll(m_device, m_json.buffer());
    m_json.buffer().truncate(0);
    return r;
}

Result<void> JsonlSpansExporter::finish()
{
    return {};
}

} // namespace Gloss::Core

#include "csvexporter.h"

#include "core/export/jsonwriter.h"
#include "core/export/webannotation.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype flushThreshold = 1 << 20;

QString attributeText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isNull() || v.isUndefined())
        return {};
    JsonWriter json;
    json.value(v);
    return QString::fromUtf8(json.buffer());
}

} // namespace

CsvExporter::CsvExporter(ExportOptions options)
    : m_options(std::move(options))
{ }

QString CsvExporter::format() const
{
    return u"csv"_s;
}

QByteArray CsvExporter::field(const QString &value, bool text)
{
    QByteArray bytes = value.toUtf8();
    if (text && !bytes.isEmpty()) {
        const char c = bytes.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            bytes.prepend('\'');
    }
    bool quote = false;
    for (const char c : std::as_const(bytes)) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n' || c == '\t') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return bytes;
    bytes.replace("\"", "\"\"");
    bytes.prepend('"');
    bytes.append('"');
    return bytes;
}

Result<void> CsvExporter::begin(const ExportTarget &target)
{
    m_device = target.device;
    if (!m_device || !m_device->isWritable())
        return fail(u"The CSV export needs an output file or stream open for writing"_s, Error::Usage);
    if (m_options.csvBom)
        m_buffer.append("\xEF\xBB\xBF");
    QStringList header { u"article_id"_s, u"article_url"_s, u"article_title"_s, u"version_id"_s, u"annotation_id"_s,
        u"kind"_s, u"label"_s, u"status"_s, u"quote"_s, u"start"_s, u"end"_s, u"entity_id"_s, u"entity_name"_s,
        u"kb_id"_s };
    for (const QString &name : std::as_const(m_options.attributeColumns))
        header.append(u"attr_"_s + name);
    header << u"attributes"_s << u"note"_s << u"creator"_s << u"created"_s << u"modified"_s;
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (i)
            m_buffer.append(',');
        m_buffer.append(field(header[i]));
    }
    m_buffer.append("\r\n");
    return {};
}

Result<void> CsvExporter::writeArticle(const ExportArticle &article)
{
    ++m_report.articles;
    const Article &a = article.article;
    const QByteArray articlePart
        = QByteArray::number(a.id) + ',' + field(a.sourceUrl) + ',' + field(a.current.metadata.title) + ',';
    for (const Annotation &an : article.annotations) {
        const bool positioned = an.position.isValid() && an.status != AnchorStatus::Orphaned;
        m_buffer.append(articlePart);
        m_buffer.append(QByteArray::number(an.versionId ? an.versionId : a.current.id)).append(',');
        m_buffer.append(field(an.id)).append(',');
        m_buffer.append(field(toString(an.kind))).append(',');
        m_buffer.append(field(an.label)).append(',');
        m_buffer.append(field(toString(an.status))).append(',');
        m_buffer.append(field(an.quote.exact)).append(',');
        if (positioned) {
            m_buffer.append(QByteArray::number(an.position.start)).append(',');
            m_buffer.append(QByteArray::number(an.position.end)).append(',');
        } else {
            m_buffer.append(",,");
        }
        m_buffer.append(field(an.entityId)).append(',');
        m_buffer.append(field(article.entityNames.value(an.entityId))).append(',');
        m_buffer.append(field(an.kbId)).append(',');
        QJsonObject rest = an.attributes;
        for (const QString &name : std::as_const(m_options.attributeColumns)) {
            m_buffer.append(field(attributeText(an.attributes.value(name)))).append(',');
            rest.remove(name);
        }
        m_buffer
            .append(field(
                rest.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact))))
            .append(',');
        m_buffer.append(field(an.note)).append(',');
        m_buffer.append(field(an.creator)).append(',');
        m_buffer.append(field(an.created.isValid() ? WebAnnotation::dateTime(an.created) : QString())).append(',');
        m_buffer.append(field(an.modified.isValid() ? WebAnnotation::dateTime(an.modified) : QString()));
        m_buffer.append("\r\n");
        ++m_report.written;
        if (m_buffer.size() >= flushThreshold) {
            auto r = writeAll(m_device, m_buffer);
            m_buffer.truncate(0);
            if (!r)
                return r;
        }
    }
    return {};
}

Result<void> CsvExporter::finish()
{
    auto r = writeAll(m_device, m_buffer);
    m_buffer.truncate(0);
    return r;
}

} // namespace Gloss::Core

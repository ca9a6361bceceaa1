#include "markdownexporter.h"

#include "core/export/jsonwriter.h"
#include "core/export/webannotation.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QIODevice>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

namespace {

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    JsonWriter json;
    json.value(v);
    return QString::fromUtf8(json.buffer());
}

/// Each line of `text` as a blockquote line; blank lines stay inside the quote.
QString blockquote(const QString &text)
{
    QString out;
    for (const QString &line : text.split(u'\n'))
        out += line.isEmpty() ? u">\n"_s : u"> "_s + line + u'\n';
    return out;
}

QString kbLink(const QString &kbId)
{
    const QString iri = WebAnnotation::kbIri(kbId);
    if (iri.startsWith(WebAnnotation::wikidataEntityPrefix))
        return u"[%1](https://www.wikidata.org/wiki/%1)"_s.arg(iri.mid(WebAnnotation::wikidataEntityPrefix.size()));
    if (iri.startsWith("http://"_L1) || iri.startsWith("https://"_L1))
        return u"<"_s + iri + u'>';
    return u'`' + kbId + u'`';
}

} // namespace

MarkdownExporter::MarkdownExporter(ExportOptions options)
    : m_options(std::move(options))
{ }

QString MarkdownExporter::format() const
{
    return u"markdown"_s;
}

QString MarkdownExporter::escape(const QString &text)
{
    // Inline markup anywhere; block markup only where a line starts (CommonMark §2.4: any ASCII punctuation
    // may be backslash-escaped, so escaping more than needed is harmless, just less readable).
    static const QString inlineSpecial = u"\\`*_[]<>|~"_s;
    static const QString lineStartSpecial = u"#-+=>"_s;
    QString out;
    out.reserve(text.size() + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const QChar next = i + 1 < text.size() ? text[i + 1] : QChar();
        bool escapeIt = inlineSpecial.contains(c);
        if (lineStart && lineStartSpecial.contains(c))
            escapeIt = true;
        // "1. " or "1) " at a line start would start an ordered list.
        if ((c == u'.' || c == u')') && (next.isNull() || next.isSpace())) {
            qsizetype j = i;
            while (j > 0 && text[j - 1].isDigit())
                --j;
            if (j < i && (j == 0 || text[j - 1] == u'\n'))
                escapeIt = true;
        }
        if (c == u'&' && (next.isLetter() || next == u'#')) // an entity reference such as &amp;
            escapeIt = true;
        if (escapeIt)
            out += u'\\';
        out += c;
        if (c == u'\n')
            lineStart = true;
        else if (!c.isSpace())
            lineStart = false;
    }
    return out;
}

Result<void> MarkdownExporter::begin(const ExportTarget &target)
{
    m_device = target.device;
    m_directory = target.directory;
    if (!m_directory.isEmpty()) {
        if (!QDir().mkpath(m_directory))
            return fail(u"Could not create the folder %1"_s.arg(m_directory), Error::Io);
        return {};
    }
    if (!m_device || !m_device->isWritable())
        return fail(u"The Markdown export needs an output file, stream or folder"_s, Error::Usage);
    return {};
}

Result<void> MarkdownExporter::writeArticle(const ExportArticle &article)
{
    ++m_report.articles;
    const Article &a = article.article;
    const ArticleMetadata &meta = a.current.metadata;
    QString md;
    md += u"# "_s + escape(meta.title.isEmpty() ? a.sourceUrl : meta.title) + u"\n\n"_s;
    if (!a.sourceUrl.isEmpty()) {
        const bool url = a.sourceUrl.startsWith("http://"_L1) || a.sourceUrl.startsWith("https://"_L1);
        md += u"- Source: "_s + (url ? u'<' + a.sourceUrl + u'>' : escape(a.sourceUrl)) + u'\n';
    }
    if (!meta.published.isEmpty())
        md += u"- Published: "_s + escape(meta.published) + u'\n';
    if (!meta.byline.isEmpty())
        md += u"- By: "_s + escape(meta.byline) + u'\n';
    if (!meta.siteName.isEmpty())
        md += u"- Site: "_s + escape(meta.siteName) + u'\n';
    if (!a.snapshotSha256.isEmpty())
        md += u"- Snapshot: `sha256:"_s + a.snapshotSha256 + u"`\n"_s;

    QString quotes;
    struct EntityRow
    {
        QString key, label, name, kbId;
        int mentions = 0;
    };
    QList<EntityRow> entities;
    QHash<QString, qsizetype> entityRow; // key -> index in entities
    for (const Annotation &an : article.annotations) {
        const bool orphaned = !an.position.isValid() || an.status == AnchorStatus::Orphaned;
        if (an.kind == AnnotationKind::Entity) {
            QString name = article.entityNames.value(an.entityId);
            if (name.isEmpty())
                name = an.quote.exact;
            const QString key
                = an.label + u'\x1f' + (an.entityId.isEmpty() ? (an.kbId.isEmpty() ? name : an.kbId) : an.entityId);
            if (const auto row = entityRow.constFind(key); row != entityRow.cend()) {
                ++entities[*row].mentions;
            } else {
                entityRow.insert(key, entities.size());
                entities.append(EntityRow { key, an.label, name, an.kbId, 1 });
            }
            ++m_report.written;
            continue;
        }
        quotes += blockquote(escape(an.quote.exact)) + u'\n';
        QStringList facts { u"**"_s + escape(toString(an.kind)) + u"**"_s };
        if (!an.label.isEmpty() && an.label != toString(an.kind))
            facts.append(escape(an.label));
        for (auto it = an.attributes.begin(); it != an.attributes.end(); ++it)
            facts.append(escape(it.key()) + u": "_s + escape(valueText(it.value())));
        if (orphaned)
            facts.append(u"(orphaned)"_s);
        quotes += facts.join(u" · "_s) + u'\n';
        if (!an.note.isEmpty()) {
            QString note = escape(an.note);
            note.replace(u'\n', u"  \n"_s); // hard line breaks keep the note's lines
            quotes += u"\nNote: "_s + note + u'\n';
        }
        quotes += u'\n';
        ++m_report.written;
    }
    while (quotes.endsWith(u"\n\n"_s))
        quotes.chop(1);
    if (!quotes.isEmpty())
        md += u"\n## Claims and highlights\n\n"_s + quotes;
    if (!entities.isEmpty()) {
        md += u"\n## Entities\n\n"_s;
        for (const EntityRow &e : std::as_const(entities)) {
            md += u"- **"_s + escape(e.name) + u"** ("_s + escape(e.label) + u')';
            if (!e.kbId.isEmpty())
                md += u" "_s + kbLink(e.kbId);
            if (e.mentions > 1)
                md += u", %1 mentions"_s.arg(e.mentions);
            md += u'\n';
        }
    }
    while (md.endsWith(u"\n\n"_s))
        md.chop(1);

    if (!m_directory.isEmpty()) {
        QFile file(QDir(m_directory).filePath(QString::number(a.id) + u".md"_s));
        const QByteArray bytes = md.toUtf8();
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()
            || !file.flush())
            return fail(u"Could not write %1: %2"_s.arg(file.fileName(), file.errorString()), Error::Io);
        return {};
    }
    if (m_written++ > 0)
        md.prepend(u"\n---\n\n"_s);
    return writeAll(m_device, md.toUtf8());
}

Result<void> MarkdownExporter::finish()
{
    return {};
}

} // namespace Gloss::Core

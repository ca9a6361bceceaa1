#include "bratexporter.h"

#include "core/anchoring/codepointindex.h"
#include "core/export/jsonwriter.h"

#include <QDir>
#include <QFile>
#include <algorithm>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

BratExporter::BratExporter(ExportOptions options)
    : m_options(std::move(options))
{ }

QString BratExporter::format() const
{
    return u"brat"_s;
}

QString BratExporter::token(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if (c.isSpace() || c == u',' || c == u'|')
            c = u'_';
    return out.isEmpty() ? u"_"_s : out;
}

QString BratExporter::typeOf(const Annotation &annotation)
{
    switch (annotation.kind) {
    case AnnotationKind::Highlight:
        return u"highlight"_s;
    case AnnotationKind::Note:
        return u"note"_s;
    case AnnotationKind::Claim:
        return token(annotation.label.isEmpty() ? u"claim"_s : annotation.label);
    case AnnotationKind::Entity:
        return token(annotation.label.isEmpty() ? u"entity"_s : annotation.label);
    }
    return u"highlight"_s;
}

QString BratExporter::normalizationId(const QString &kbId)
{
    QString id = kbId;
    if (id.startsWith("wikidata:"_L1, Qt::CaseInsensitive))
        id = id.mid(9);
    const bool wikidata = id.size() > 1 && (id[0] == u'Q' || id[0] == u'P' || id[0] == u'L')
        && std::all_of(id.cbegin() + 1, id.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    return wikidata ? u"Wikidata:"_s + id : u"KB:"_s + token(kbId);
}

Result<void> BratExporter::writeFile(const QString &name, const QByteArray &bytes) const
{
    // QFile rather than QSaveFile: an export writes thousands of files, and QSaveFile's fsync per file made
    // 1,000 articles take 10 s instead of 1 s. A failed export leaves a partial folder, which the report says.
    QFile file(QDir(m_directory).filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        return fail(u"Could not write %1: %2"_s.arg(file.fileName(), file.errorString()), Error::Io);
    return {};
}

Result<void> BratExporter::begin(const ExportTarget &target)
{
    if (target.directory.isEmpty())
        return fail(u"The brat export writes a folder: give a folder, not a file"_s, Error::Usage);
    if (!QDir().mkpath(target.directory))
        return fail(u"Could not create the folder %1"_s.arg(target.directory), Error::Io);
    m_directory = target.directory;
    for (const QString &t : std::as_const(m_options.entityTypes))
        m_entityTypes.insert(token(t));
    for (const QString &t : std::as_const(m_options.claimLabels))
        m_claimTypes.insert(token(t));
    return {};
}

Result<void> BratExporter::writeArticle(const ExportArticle &article)
{
    ++m_report.articles;
    const QString &text = article.article.current.readerText;
    const CodePointIndex index(text);
    QByteArray ann;
    int t = 0, attr = 0, norm = 0, note = 0;
    for (const Annotation &an : article.annotations) {
        if (!an.position.isValid() || an.status == AnchorStatus::Orphaned) {
            skip(an.id, u"orphaned: no position in the current text"_s);
            continue;
        }
        if (an.position.end > index.codePointLength() || an.position.start == an.position.end) {
            skip(an.id, u"empty or beyond the text (%1-%2)"_s.arg(an.position.start).arg(an.position.end));
            continue;
        }
        // Fragments: the span without its line breaks (UTF-16 positions, then reported in code points).
        const qsizetype u0 = index.toUtf16(an.position.start), u1 = index.toUtf16(an.position.end);
        QStringList ranges, pieces;
        for (qsizetype i = u0; i < u1;) {
            while (i < u1 && (text[i] == u'\n' || text[i] == u'\r'))
                ++i;
            qsizetype j = i;
            while (j < u1 && text[j] != u'\n' && text[j] != u'\r')
                ++j;
            if (j > i) {
                ranges.append(u"%1 %2"_s.arg(index.toCodePoints(i)).arg(index.toCodePoints(j)));
                pieces.append(text.mid(i, j - i));
            }
            i = j;
        }
        if (ranges.isEmpty()) {
            skip(an.id, u"covers only line breaks"_s);
            continue;
        }
        const QString type = typeOf(an);
        switch (an.kind) {
        case AnnotationKind::Entity:
            m_entityTypes.insert(type);
            break;
        case AnnotationKind::Claim:
            m_claimTypes.insert(type);
            break;
        default:
            m_otherTypes.insert(type);
            break;
        }
        const QString tid = u"T"_s + QString::number(++t);
        ann += (tid + u'\t' + type + u' ' + ranges.join(u';') + u'\t' + pieces.join(u' ') + u'\n').toUtf8();
        for (auto it = an.attributes.begin(); it != an.attributes.end(); ++it) {
            const QJsonValue v = it.value();
            if (v.isNull() || v.isUndefined() || (v.isBool() && !v.toBool()))
                continue;
            const QString name = token(it.key());
            QString value;
            if (!v.isBool()) {
                if (v.isString()) {
                    value = token(v.toString());
                } else {
                    JsonWriter json;
                    json.value(v);
                    value = token(QString::fromUtf8(json.buffer()));
                }
            }
            m_attributes[name].insert(value);
            ann += (u"A"_s + QString::number(++attr) + u'\t' + name + u' ' + tid
                + (value.isEmpty() ? QString() : u' ' + value) + u'\n')
                       .toUtf8();
        }
        if (!an.kbId.isEmpty()) {
            QString name = article.entityNames.value(an.entityId);
            if (name.isEmpty())
                name = pieces.join(u' ');
            ann += (u"N"_s + QString::number(++norm) + u"\tReference "_s + tid + u' ' + normalizationId(an.kbId) + u'\t'
                + name + u'\n')
                       .toUtf8();
        }
        if (!an.note.isEmpty()) {
            QString flat = an.note;
            for (QChar &c : flat)
                if (c == u'\t' || c == u'\n' || c == u'\r')
                    c = u' ';
            ann += (u"#"_s + QString::number(++note) + u"\tAnnotatorNotes "_s + tid + u'\t' + flat + u'\n').toUtf8();
        }
        ++m_report.written;
    }
    const QString base = QString::number(article.article.id);
    if (auto r = writeFile(base + u".txt"_s, text.toUtf8()); !r)
        return r;
    return writeFile(base + u".ann"_s, ann);
}

Result<void> BratExporter::finish()
{
    const auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.cbegin(), set.cend());
        list.sort();
        return list;
    };
    QStringList lines {
        u"# brat annotation configuration generated by Gloss (https://brat.nlplab.org/configuration.html)"_s,
        u"[entities]"_s
    };
    lines += sorted(m_entityTypes);
    lines += sorted(m_claimTypes);
    lines += sorted(m_otherTypes - m_entityTypes - m_claimTypes);
    lines << QString() << u"[relations]"_s << QString() << u"[events]"_s << QString() << u"[attributes]"_s;
    const QStringList claimTypes = sorted(m_claimTypes);
    const QString arg = claimTypes.isEmpty() ? u"<ENTITY>"_s : claimTypes.join(u'|');
    for (auto it = m_attributes.cbegin(); it != m_attributes.cend(); ++it) {
        QStringList values = sorted(it.value() - QSet<QString> { QString() });
        lines.append(it.key() + u"\tArg:"_s + arg + (values.isEmpty() ? QString() : u", Value:"_s + values.join(u'|')));
    }
    if (auto r = writeFile(u"annotation.conf"_s, (lines.join(u'\n') + u'\n').toUtf8()); !r)
        return r;
    const QByteArray tools = "# brat tools configuration generated by Gloss: where N (normalization) ids link to\n"
                             "[normalization]\n"
                             "Wikidata\tDB:wikidata, <URL>:https://www.wikidata.org/, "
                             "<URLBASE>:https://www.wikidata.org/wiki/%s\n";
    return writeFile(u"tools.conf"_s, tools);
}

} // namespace Gloss::Core

#include "bratimporter.h"

#include "core/anchoring/codepointindex.h"
#include "core/anchoring/textselectors.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonValue>
#include <QUuid>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

namespace {

const QUuid bratNamespace = QUuid::fromString(u"b7a3c1d2-5e6f-4a8b-9c0d-1e2f3a4b5c6d"_s);

QJsonValue typedValue(const QString &text)
{
    if (text == u"true")
        return true;
    if (text == u"false")
        return false;
    bool ok = false;
    const qint64 i = text.toLongLong(&ok);
    if (ok)
        return QJsonValue(i);
    const double d = text.toDouble(&ok);
    if (ok && !text.contains(u'_'))
        return d;
    return text;
}

} // namespace

Result<QList<Annotation>> BratImporter::read(
    const QString &ann, const QString &txt, const QString &readerText, const Options &options, ImportReport *report)
{
    ImportReport local;
    ImportReport &r = report ? *report : local;
    if (txt != readerText)
        return fail(u"The brat .txt differs from the stored reader text of article %1: its offsets would point "
                    "elsewhere"_s.arg(options.articleId));
    const CodePointIndex index(readerText);
    const QDateTime now = options.created.isValid() ? options.created : QDateTime::currentDateTimeUtc();

    QList<Annotation> out;
    QHash<QString, qsizetype> byTid; // T id -> index in out
    int lineNumber = 0;
    for (const QString &rawLine : ann.split(u'\n')) {
        ++lineNumber;
        QString line = rawLine;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cols = line.split(u'\t');
        const QString id = cols.value(0);
        const auto bad = [&](const QString &why) {
            ++r.skipped;
            r.messages.append(u"line %1 (%2): %3"_s.arg(lineNumber).arg(id, why));
        };
        if (id.startsWith(u'T')) {
            ++r.read;
            const QString spec = cols.value(1);
            const qsizetype space = spec.indexOf(u' ');
            if (cols.size() < 2 || space <= 0) {
                bad(u"malformed text-bound annotation"_s);
                continue;
            }
            const QString type = spec.left(space);
            qsizetype start = -1, end = -1;
            bool ok = true;
            for (const QString &range : spec.mid(space + 1).split(u';')) {
                const QStringList se = range.trimmed().split(u' ');
                bool ok1 = false, ok2 = false;
                const qsizetype s = se.value(0).toLongLong(&ok1), e = se.value(1).toLongLong(&ok2);
                if (se.size() != 2 || !ok1 || !ok2 || s < 0 || e < s) {
                    ok = false;
                    break;
                }
                start = start < 0 ? s : std::min(start, s);
                end = std::max(end, e);
            }
            if (!ok) {
                bad(u"malformed offsets"_s);
                continue;
            }
            if (end > index.codePointLength())
                return fail(u"brat annotation %1 ends at %2, beyond the text (%3 characters)"_s.arg(id).arg(end).arg(
                    index.codePointLength()));
            // The covered text (third column) should be the text at the offsets; a mismatch is worth a line.
            if (cols.size() > 2) {
                QStringList pieces;
                for (const QString &range : spec.mid(space + 1).split(u';')) {
                    const QStringList se = range.trimmed().split(u' ');
                    const qsizetype u0 = index.toUtf16(se[0].toLongLong()), u1 = index.toUtf16(se[1].toLongLong());
                    pieces.append(readerText.mid(u0, u1 - u0));
                }
                if (pieces.join(u' ') != cols[2])
                    r.messages.append(u"line %1 (%2): the text at %3 is not \"%4\""_s.arg(lineNumber)
                                          .arg(id, spec.mid(space + 1), cols[2]));
            }
            Annotation a;
            if (type == u"highlight")
                a.kind = AnnotationKind::Highlight;
            else if (type == u"note")
                a.kind = AnnotationKind::Note;
            else if (options.claimLabels.contains(type))
                a.kind = AnnotationKind::Claim;
            else
                a.kind = AnnotationKind::Entity;
            a.label = type;
            a.id = QUuid::createUuidV5(
                bratNamespace, u"%1:%2:%3"_s.arg(options.articleId).arg(type, spec.mid(space + 1)))
                       .toString(QUuid::WithoutBraces);
            a.articleId = options.articleId;
            a.versionId = options.versionId;
            a.position = TextPositionSelector { start, end };
            a.quote = quoteSelectorAt(readerText, a.position);
            a.status = AnchorStatus::Exact;
            a.creator = options.creator;
            a.created = now;
            a.modified = now;
            byTid.insert(id, out.size());
            out.append(a);
            ++r.imported;
        } else if (id.startsWith(u'A') || id.startsWith(u'M')) {
            const QStringList parts = cols.value(1).split(u' ');
            const auto it = byTid.constFind(parts.value(1));
            if (parts.size() < 2 || it == byTid.cend()) {
                bad(u"attribute of an unknown annotation"_s);
                continue;
            }
            out[*it].attributes.insert(
                parts[0], parts.size() > 2 ? typedValue(parts.mid(2).join(u' ')) : QJsonValue(true));
        } else if (id.startsWith(u'N')) {
            const QStringList parts = cols.value(1).split(u' ');
            const auto it = byTid.constFind(parts.value(1));
            if (parts.size() < 3 || it == byTid.cend()) {
                bad(u"normalization of an unknown annotation"_s);
                continue;
            }
            QString kb = parts[2];
            if (kb.startsWith("Wikidata:"_L1, Qt::CaseInsensitive))
                kb = kb.mid(9);
            else if (kb.startsWith("KB:"_L1))
                kb = kb.mid(3);
            out[*it].kbId = kb;
        } else if (id.startsWith(u'#')) {
            const QStringList parts = cols.value(1).split(u' ');
            const auto it = byTid.constFind(parts.value(1));
            if (parts.value(0) != u"AnnotatorNotes" || it == byTid.cend()) {
                bad(u"note on an unknown annotation"_s);
                continue;
            }
            out[*it].note = cols.mid(2).join(u'\t');
        } else {
            bad(u"relations, events and equivalences are not imported"_s);
        }
    }
    return out;
}

} // namespace Gloss::Core

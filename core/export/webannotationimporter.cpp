#include "webannotationimporter.h"

#include "core/export/webannotation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

namespace {

// Namespace of the UUIDv5 ids given to imported annotations whose own id is not a urn:uuid.
const QUuid importNamespace = QUuid::fromString(u"6f1b9a52-3c1e-4d5a-9b7e-2f0c8d4e1a63"_s);

QJsonArray asArray(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isUndefined() || v.isNull())
        return {};
    return QJsonArray { v };
}

QStringList types(const QJsonObject &o)
{
    QStringList out;
    for (const QJsonValue &t : asArray(o.value(u"type")))
        out.append(t.toString());
    for (const QJsonValue &t : asArray(o.value(u"@type")))
        out.append(t.toString());
    return out;
}

QString idOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    const QJsonObject o = v.toObject();
    return o.contains(u"id") ? o.value(u"id").toString() : o.value(u"@id").toString();
}

QDateTime parseTime(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString creatorName(const QJsonValue &v)
{
    if (v.isArray())
        return creatorName(v.toArray().first());
    QString s = v.isObject() ? v.toObject().value(u"name").toString() : v.toString();
    if (v.isObject() && s.isEmpty())
        s = v.toObject().value(u"nickname").toString();
    if (v.isObject() && s.isEmpty())
        s = idOf(v);
    if (s.startsWith("acct:"_L1)) // Hypothesis: acct:NAME@hypothes.is
        s = s.mid(5).section(u'@', 0, 0);
    return s;
}

void readSelectors(const QJsonValue &value, ImportedAnnotation &out, bool &found)
{
    for (const QJsonValue &sv : asArray(value)) {
        const QJsonObject s = sv.toObject();
        const QStringList t = types(s);
        if (t.contains(u"TextQuoteSelector"_s)) {
            out.annotation.quote = TextQuoteSelector { s.value(u"exact").toString(), s.value(u"prefix").toString(),
                s.value(u"suffix").toString() };
            found = true;
        } else if (t.contains(u"TextPositionSelector"_s)) {
            const qint64 start = s.value(u"start").toInteger(-1), end = s.value(u"end").toInteger(-1);
            if (start >= 0 && end >= start)
                out.annotation.position = TextPositionSelector { start, end };
            found = true;
        }
        if (s.contains(u"refinedBy"))
            readSelectors(s.value(u"refinedBy"), out, found);
    }
}

QString sha256Of(const QString &iri)
{
    return iri.startsWith("urn:sha256:"_L1) ? iri.mid(11).toLower() : QString();
}

} // namespace

std::optional<ImportedAnnotation> WebAnnotationImporter::readAnnotation(const QJsonObject &o, QString *why)
{
    ImportedAnnotation out;
    Annotation &a = out.annotation;
    const auto reject = [&](const QString &reason) -> std::optional<ImportedAnnotation> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    const bool hypothesisRow
        = o.contains(u"uri") && o.value(u"target").isArray() && !o.contains(u"motivation") && !o.contains(u"@context");

    // id
    const QString id = idOf(o);
    if (id.startsWith("urn:uuid:"_L1) && !QUuid::fromString(QStringView(id).mid(9)).isNull())
        a.id = id.mid(9).toLower();
    else if (!id.isEmpty())
        a.id = QUuid::createUuidV5(importNamespace, id).toString(QUuid::WithoutBraces);
    else
        a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // target: the first one with text selectors
    bool anchored = false;
    for (const QJsonValue &tv : asArray(o.value(u"target"))) {
        ImportedAnnotation candidate = out;
        bool found = false;
        QString source;
        if (tv.isString()) {
            source = tv.toString();
        } else {
            const QJsonObject t = tv.toObject();
            source = t.contains(u"source") ? idOf(t.value(u"source")) : idOf(t);
            readSelectors(t.value(u"selector"), candidate, found);
            const QJsonObject state = asArray(t.value(u"state")).first().toObject();
            candidate.snapshotSha256 = sha256Of(state.value(u"cached").toString());
            candidate.annotation.articleId = t.value(u"gloss:article").toInteger();
            candidate.annotation.versionId = t.value(u"gloss:version").toInteger();
            if (t.contains(u"styleClass"))
                candidate.annotation.label = asArray(t.value(u"styleClass")).first().toString();
        }
        if (source.isEmpty() && hypothesisRow)
            source = o.value(u"uri").toString();
        candidate.source = source;
        if (candidate.snapshotSha256.isEmpty())
            candidate.snapshotSha256 = sha256Of(source);
        if (found) {
            out = candidate;
            anchored = true;
            break;
        }
        if (out.source.isEmpty())
            out.source = source;
    }
    if (!anchored)
        return reject(u"no TextQuoteSelector or TextPositionSelector: not anchored in text"_s);

    // bodies
    QString motivation = asArray(o.value(u"motivation")).first().toString();
    QString classifying, tagging, comment, untypedText;
    for (const QJsonValue &bv : asArray(o.value(u"body"))) {
        if (bv.isString()) { // an IRI body: a link such as a Wikidata entity
            if (a.kbId.isEmpty())
                a.kbId = WebAnnotation::kbIdFromIri(bv.toString());
            continue;
        }
        const QJsonObject b = bv.toObject();
        const QStringList bt = types(b);
        const QString purpose = asArray(b.value(u"purpose")).first().toString();
        if (bt.contains(u"SpecificResource"_s)
            || (!b.contains(u"value") && (b.contains(u"source") || b.contains(u"id")))) {
            const QString iri = b.contains(u"source") ? idOf(b.value(u"source")) : idOf(b);
            if (!iri.isEmpty() && a.kbId.isEmpty()
                && (purpose.isEmpty() || purpose == u"identifying" || purpose == u"linking"))
                a.kbId = WebAnnotation::kbIdFromIri(iri);
            continue;
        }
        const QString value = b.value(u"value").toString();
        if (b.contains(u"gloss:attribute")) {
            a.attributes.insert(b.value(u"gloss:attribute").toString(),
                b.contains(u"gloss:value") ? b.value(u"gloss:value") : QJsonValue(value));
        } else if (purpose == u"classifying") {
            if (classifying.isEmpty())
                classifying = value;
        } else if (purpose == u"tagging") {
            if (tagging.isEmpty())
                tagging = value;
        } else if (purpose == u"commenting" || purpose == u"replying" || purpose == u"describing") {
            if (comment.isEmpty())
                comment = value;
        } else if (purpose.isEmpty() && untypedText.isEmpty()) {
            untypedText = value;
        }
    }
    if (hypothesisRow) {
        comment = o.value(u"text").toString();
        tagging = o.value(u"tags").toArray().first().toString();
    }
    if (comment.isEmpty() && (motivation == u"commenting" || motivation.isEmpty() || hypothesisRow))
        comment = untypedText;
    a.note = comment;

    if (motivation == u"classifying") {
        a.kind = AnnotationKind::Claim;
        a.label = classifying.isEmpty() ? (tagging.isEmpty() ? u"claim"_s : tagging) : classifying;
    } else if (motivation == u"identifying" || motivation == u"tagging") {
        a.kind = AnnotationKind::Entity;
        a.label = tagging.isEmpty() ? (classifying.isEmpty() ? u"MISC"_s : classifying) : tagging;
    } else if (motivation == u"highlighting") {
        a.kind = AnnotationKind::Highlight;
        if (a.label.isEmpty())
            a.label = tagging;
    } else if (motivation == u"commenting" || motivation == u"replying"
        || (motivation.isEmpty() && !comment.isEmpty())) {
        a.kind = AnnotationKind::Note;
        if (a.label.isEmpty())
            a.label = tagging.isEmpty() ? u"note"_s : tagging;
    } else {
        a.kind = AnnotationKind::Highlight;
        if (a.label.isEmpty())
            a.label = tagging;
    }

    a.creator = creatorName(o.contains(u"creator") ? o.value(u"creator") : o.value(u"user"));
    a.created = parseTime(o.value(u"created"));
    a.modified = parseTime(o.contains(u"modified") ? o.value(u"modified") : o.value(u"updated"));
    if (!a.modified.isValid())
        a.modified = a.created;
    a.entityId = o.value(u"gloss:entity").toString();
    if (const auto status = anchorStatusFromString(o.value(u"gloss:status").toString()))
        a.status = *status;
    if (a.status == AnchorStatus::Orphaned)
        a.position = TextPositionSelector {};
    return out;
}

Result<QList<ImportedAnnotation>> WebAnnotationImporter::read(const QByteArray &bytes, ImportReport *report)
{
    ImportReport local;
    ImportReport &r = report ? *report : local;
    QList<QJsonValue> documents;
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QJsonParseError error;
    const QJsonDocument whole = QJsonDocument::fromJson(data, &error);
    if (error.error == QJsonParseError::NoError) {
        documents.append(whole.isArray() ? QJsonValue(whole.array()) : QJsonValue(whole.object()));
    } else {
        // JSON Lines: every non-empty line one JSON value.
        const QList<QByteArray> lines = data.split('\n');
        int lineNumber = 0, good = 0;
        for (const QByteArray &line : lines) {
            ++lineNumber;
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError lineError;
            const QJsonDocument d = QJsonDocument::fromJson(line, &lineError);
            if (lineError.error != QJsonParseError::NoError) {
                ++r.skipped;
                r.messages.append(u"line %1: not JSON (%2)"_s.arg(lineNumber).arg(lineError.errorString()));
                continue;
            }
            ++good;
            documents.append(d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object()));
        }
        if (good == 0)
            return fail(u"Not W3C Web Annotation JSON or JSON Lines: %1 at byte %2"_s.arg(error.errorString())
                            .arg(error.offset));
    }

    QList<ImportedAnnotation> out;
    // Walk nodes: collections, pages, arrays and Hypothesis results hold annotations.
    std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &v) {
        if (v.isArray()) {
            for (const QJsonValue &item : v.toArray())
                walk(item);
            return;
        }
        const QJsonObject o = v.toObject();
        const QStringList t = types(o);
        if (t.contains(u"AnnotationCollection"_s)) {
            if (o.value(u"first").isObject())
                walk(o.value(u"first"));
            return;
        }
        if (t.contains(u"AnnotationPage"_s)) {
            walk(o.value(u"items"));
            if (o.value(u"next").isObject())
                walk(o.value(u"next"));
            return;
        }
        if (o.contains(u"rows") && o.value(u"rows").isArray()) {
            walk(o.value(u"rows"));
            return;
        }
        if (!t.contains(u"Annotation"_s) && !t.contains(u"oa:Annotation"_s) && !o.contains(u"target"))
            return; // some other node
        ++r.read;
        QString why;
        if (auto a = readAnnotation(o, &why)) {
            out.append(*a);
        } else {
            ++r.skipped;
            r.messages.append(u"%1: %2"_s.arg(idOf(o), why));
        }
    };
    for (const QJsonValue &d : std::as_const(documents))
        walk(d);
    return out;
}

} // namespace Gloss::Core

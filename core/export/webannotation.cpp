#include "webannotation.h"

#include "core/anchoring/textselectors.h"
#include "core/export/exporter.h"
#include "core/export/jsonwriter.h"

#include <QJsonObject>
#include <QUrl>
#include <limits>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

namespace {

bool isAbsoluteIri(const QString &text)
{
    // A scheme of 2+ letters (so that "C:\..." is not taken for one) and no whitespace.
    const qsizetype colon = text.indexOf(u':');
    if (colon < 2)
        return false;
    for (qsizetype i = 0; i < colon; ++i) {
        const QChar c = text[i];
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (i > 0 && ((c >= u'0' && c <= u'9') || c == u'+' || c == u'-' || c == u'.'));
        if (!ok)
            return false;
    }
    for (const QChar c : text)
        if (c.isSpace())
            return false;
    return true;
}

void writeTextualBody(JsonWriter &json, QLatin1StringView purpose, const QString &value)
{
    json.beginObject(true);
    json.member("type"_L1, "TextualBody"_L1);
    json.member("purpose"_L1, purpose);
    json.member("value"_L1, QStringView(value));
    json.member("format"_L1, "text/plain"_L1);
    json.endObject();
}

/// A highlight's label (a colour name such as "yellow") becomes a CSS class when it is a plain identifier.
bool isCssClassName(const QString &label)
{
    if (label.isEmpty())
        return false;
    for (qsizetype i = 0; i < label.size(); ++i) {
        const QChar c = label[i];
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_'
            || (i > 0 && ((c >= u'0' && c <= u'9') || c == u'-'));
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

void WebAnnotation::writeContext(JsonWriter &json)
{
    json.beginArray();
    json.value(contextIri);
    json.beginObject(true);
    json.member("gloss"_L1, namespaceIri);
    json.member("dcterms"_L1, "http://purl.org/dc/terms/"_L1);
    json.endObject();
    json.endArray();
}

QString WebAnnotation::sourceIri(const ExportArticle &article)
{
    const QString &url = article.article.sourceUrl;
    // A file:// URL names a path on the importing machine: the snapshot's hash identifies the article anywhere.
    const bool localFile = url.startsWith("file:"_L1, Qt::CaseInsensitive);
    if (isAbsoluteIri(url) && !(localFile && !article.article.snapshotSha256.isEmpty()))
        return url;
    if (!article.article.snapshotSha256.isEmpty())
        return "urn:sha256:"_L1 + article.article.snapshotSha256;
    // Neither: a file name without a hash (should not happen for stored articles).
    return "urn:gloss:article:"_L1 + QString::number(article.article.id);
}

QString WebAnnotation::kbIri(const QString &kbId)
{
    if (kbId.isEmpty())
        return {};
    QString id = kbId;
    if (id.startsWith("wikidata:"_L1, Qt::CaseInsensitive))
        id = id.mid(9);
    const bool wikidata = id.size() > 1 && (id[0] == u'Q' || id[0] == u'P' || id[0] == u'L')
        && std::all_of(id.cbegin() + 1, id.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (wikidata)
        return wikidataEntityPrefix + id;
    if (isAbsoluteIri(kbId))
        return kbId;
    return "urn:gloss:kb:"_L1 + QString::fromLatin1(QUrl::toPercentEncoding(kbId));
}

QString WebAnnotation::kbIdFromIri(const QString &iri)
{
    for (const auto prefix : { wikidataEntityPrefix, "https://www.wikidata.org/entity/"_L1,
             "https://www.wikidata.org/wiki/"_L1, "http://www.wikidata.org/wiki/"_L1 }) {
        if (iri.startsWith(prefix))
            return iri.mid(prefix.size());
    }
    if (iri.startsWith("urn:gloss:kb:"_L1))
        return QUrl::fromPercentEncoding(iri.mid(13).toLatin1());
    return iri;
}

QString WebAnnotation::motivation(const Annotation &annotation)
{
    switch (annotation.kind) {
    case AnnotationKind::Claim:
        return u"classifying"_s;
    case AnnotationKind::Entity:
        return annotation.kbId.isEmpty() ? u"tagging"_s : u"identifying"_s;
    case AnnotationKind::Highlight:
        return u"highlighting"_s;
    case AnnotationKind::Note:
        return u"commenting"_s;
    }
    return u"highlighting"_s;
}

QString WebAnnotation::dateTime(const QDateTime &time)
{
    // QDateTime::toString() costs microseconds, and an export formats 3 times per annotation, mostly the same
    // few instants: remember the last ones.
    thread_local qint64 lastMs[2] = { std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min() };
    thread_local QString lastText[2];
    thread_local int next = 0;
    const qint64 ms = time.toMSecsSinceEpoch();
    for (int i = 0; i < 2; ++i)
        if (lastMs[i] == ms)
            return lastText[i];
    const QString text = time.toUTC().toString(Qt::ISODateWithMs);
    lastMs[next] = ms;
    lastText[next] = text;
    next ^= 1;
    return text;
}

void WebAnnotation::write(JsonWriter &json, const Annotation &a, const ExportArticle &article, bool withContext)
{
    json.beginObject();
    if (withContext) {
        json.key("@context"_L1);
        writeContext(json);
    }
    json.member("id"_L1, QString(u"urn:uuid:"_s + a.id));
    json.member("type"_L1, "Annotation"_L1);
    json.member("motivation"_L1, QStringView(motivation(a)));
    if (a.created.isValid())
        json.member("created"_L1, QStringView(dateTime(a.created)));
    if (a.modified.isValid())
        json.member("modified"_L1, QStringView(dateTime(a.modified)));
    if (!a.creator.isEmpty()) {
        json.key("creator"_L1);
        json.beginObject(true);
        json.member("type"_L1, "Person"_L1);
        json.member("name"_L1, QStringView(a.creator));
        json.endObject();
    }

    const bool styled = a.kind == AnnotationKind::Highlight && isCssClassName(a.label);
    const bool hasLabelBody = !styled && !a.label.isEmpty();
    const bool hasBody = hasLabelBody || !a.attributes.isEmpty() || !a.kbId.isEmpty() || !a.note.isEmpty();
    if (hasBody) {
        json.key("body"_L1);
        json.beginArray();
        if (hasLabelBody)
            writeTextualBody(json, a.kind == AnnotationKind::Claim ? "classifying"_L1 : "tagging"_L1, a.label);
        for (auto it = a.attributes.begin(); it != a.attributes.end(); ++it) {
            json.beginObject(true);
            json.member("type"_L1, "TextualBody"_L1);
            json.member("purpose"_L1, "classifying"_L1);
            json.member("gloss:attribute"_L1, QStringView(it.key()));
            const QJsonValue v = it.value();
            if (v.isString()) {
                json.member("value"_L1, QStringView(v.toString()));
            } else {
                // TextualBody values are strings (§3.2.4); the typed value rides along for a lossless round trip.
                JsonWriter inner;
                inner.value(v);
                json.member("value"_L1, QStringView(QString::fromUtf8(inner.buffer())));
                json.key("gloss:value"_L1);
                json.value(v);
            }
            json.endObject();
        }
        if (!a.kbId.isEmpty()) {
            json.beginObject(true);
            json.member("type"_L1, "SpecificResource"_L1);
            json.member("purpose"_L1, "identifying"_L1);
            json.member("source"_L1, QStringView(kbIri(a.kbId)));
            if (const QString name = article.entityNames.value(a.entityId); !name.isEmpty())
                json.member("dcterms:title"_L1, QStringView(name));
            json.endObject();
        }
        if (!a.note.isEmpty())
            writeTextualBody(json, "commenting"_L1, a.note);
        json.endArray();
    }

    if (styled) {
        // §4.4: the target's styleClass names a class of this embedded stylesheet.
        json.key("stylesheet"_L1);
        json.beginObject(true);
        json.member("type"_L1, "CssStylesheet"_L1);
        json.member("value"_L1, QString(u'.' + a.label + u" { background-color: "_s + a.label + u"; }"_s));
        json.endObject();
    }

    const ArticleVersion &version = article.article.current;
    const ArticleMetadata &meta = version.metadata;
    json.key("target"_L1);
    json.beginObject();
    json.member("type"_L1, "SpecificResource"_L1);
    // The article's description is the same for all its annotations: serialize it once per article.
    thread_local struct
    {
        qint64 articleId = -1, versionId = -1;
        qsizetype depth = -1;
        int indent = -1;
        QString sourceUrl, sha256;
        QByteArray source, state;
    } cache;
    const qsizetype depth = json.depth() + json.baseDepth();
    if (cache.articleId != article.article.id || cache.versionId != version.id || cache.depth != depth
        || cache.indent != json.indent() || cache.sourceUrl != article.article.sourceUrl
        || cache.sha256 != article.article.snapshotSha256) {
        JsonWriter source(json.indent(), int(depth));
        source.beginObject(true);
        source.member("id"_L1, sourceIri(article));
        source.member("type"_L1, "Text"_L1);
        if (!meta.language.isEmpty())
            source.member("language"_L1, meta.language);
        if (meta.direction == "ltr"_L1 || meta.direction == "rtl"_L1)
            source.member("textDirection"_L1, meta.direction);
        if (!meta.title.isEmpty())
            source.member("dcterms:title"_L1, meta.title);
        source.endObject();
        JsonWriter state(json.indent(), int(depth));
        if (!article.article.snapshotSha256.isEmpty()) {
            state.beginObject(true);
            state.member("type"_L1, "TimeState"_L1);
            state.member("cached"_L1, QString(u"urn:sha256:"_s + article.article.snapshotSha256));
            const QDateTime when = version.created.isValid() ? version.created : article.article.imported;
            if (when.isValid())
                state.member("sourceDate"_L1, dateTime(when));
            state.endObject();
        }
        cache.articleId = article.article.id;
        cache.versionId = version.id;
        cache.depth = depth;
        cache.indent = json.indent();
        cache.sourceUrl = article.article.sourceUrl;
        cache.sha256 = article.article.snapshotSha256;
        cache.source = source.takeBuffer();
        cache.state = state.takeBuffer();
    }
    json.key("source"_L1);
    json.rawValue(cache.source);
    if (!cache.state.isEmpty()) {
        json.key("state"_L1);
        json.rawValue(cache.state);
    }
    if (styled)
        json.member("styleClass"_L1, QStringView(a.label));

    TextQuoteSelector quote = a.quote;
    if (quote.exact.isEmpty() && a.position.isValid())
        quote = quoteSelectorAt(version.readerText, a.position);
    json.key("selector"_L1);
    json.beginArray();
    json.beginObject(true);
    json.member("type"_L1, "TextQuoteSelector"_L1);
    json.member("exact"_L1, QStringView(quote.exact));
    if (!quote.prefix.isEmpty())
        json.member("prefix"_L1, QStringView(quote.prefix));
    if (!quote.suffix.isEmpty())
        json.member("suffix"_L1, QStringView(quote.suffix));
    json.endObject();
    if (a.position.isValid() && a.status != AnchorStatus::Orphaned) {
        json.beginObject(true);
        json.member("type"_L1, "TextPositionSelector"_L1);
        json.member("start"_L1, qint64(a.position.start));
        json.member("end"_L1, qint64(a.position.end));
        json.endObject();
    }
    json.endArray();
    json.member("gloss:article"_L1, qint64(article.article.id));
    json.member("gloss:version"_L1, qint64(a.versionId ? a.versionId : version.id));
    json.endObject(); // target

    if (!a.entityId.isEmpty())
        json.member("gloss:entity"_L1, QStringView(a.entityId));
    if (a.status != AnchorStatus::Exact)
        json.member("gloss:status"_L1, QStringView(toString(a.status)));
    json.endObject();
}

} // namespace Gloss::Core

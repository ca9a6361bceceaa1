#include "embeddedjson.h"

#include "htmldom.h"
#include "readerbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace Gloss::Core::EmbeddedJson {


QString findLongestBody(const QJsonValue &v, int depth)
{
    if (depth > 40)
        return {};
    QString best;
    if (v.isString()) {
        return v.toString();
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray()) {
            const QString s = findLongestBody(x, depth + 1);
            if (s.size() > best.size())
                best = s;
        }
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key().toLower();
            if (key.contains(u"url") || key.contains(u"image") || key.contains(u"script") || key == u"buildid")
                continue;
            const QString s = findLongestBody(it.value(), depth + 1);
            if (s.size() > best.size())
                best = s;
        }
    }
    return best;
}

// Prose, not a blob (an id, a URL, base64, a style sheet): long enough and with words (spaces) in it.
bool isProse(const QString &s)
{
    return s.size() > 300 && s.count(u' ') * 15 > s.size();
}

// The longest double-quoted string literal in JavaScript or JSON source that reads as prose, decoded, or empty.
// Serves Nuxt's state, which is either JSON (Nuxt 3's `__NUXT_DATA__`: a flat array whose strings are its
// elements) or a JavaScript expression (Nuxt 2's `window.__NUXT__=(function(a,b){return {...}}("...", ...))`,
// where the strings are arguments or object values): in both, every text the page renders is one literal.
// Literals use JSON's escapes (both serialisers write them with JSON.stringify), so each is decoded as a JSON
// string. Linear in the size of the source.
QString longestProseLiteral(const QString &source)
{
    QString best;
    const QChar *s = source.constData();
    const qsizetype n = source.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (s[i] != u'"')
            continue;
        qsizetype j = i + 1;
        while (j < n && s[j] != u'"') {
            if (s[j] == u'\\')
                ++j;
            ++j;
        }
        if (j >= n)
            break;
        // Only literals longer than the best so far can win: the others are not decoded.
        if (j - i - 1 > std::max<qsizetype>(300, best.size())) {
            const QString literal = u'[' + source.mid(i, j - i + 1) + u']';
            const QJsonDocument doc = QJsonDocument::fromJson(literal.toUtf8());
            const QString text = doc.array().at(0).toString();
            if (text.size() > best.size() && isProse(text))
                best = text;
        }
        i = j;
    }
    return best;
}

// An articleBody that is HTML with its markup escaped as entities ("&lt;p&gt;..."): some CMSs escape the body twice
// before they put it into JSON-LD. Returns the body with one level of entities decoded (libxml2's HTML parser does
// the decoding), or the body unchanged when it holds no escaped tags.
QString unescapeEscapedMarkup(const QString &body)
{
    if (!body.contains(u"&lt;") || !(body.contains(u"&lt;p") || body.contains(u"&lt;br") || body.contains(u"&lt;div")))
        return body;
    const QByteArray utf8 = QByteArrayLiteral("<html><body><div>") + body.toUtf8() + QByteArrayLiteral("</div></body></html>");
    xmlDocPtr doc = Dom::parseHtml(utf8);
    if (!doc)
        return body;
    QString decoded;
    if (xmlNode *r = xmlDocGetRootElement(doc)) {
        xmlChar *content = xmlNodeGetContent(r);
        decoded = QString::fromUtf8(reinterpret_cast<const char *>(content));
        xmlFree(content);
    }
    xmlFreeDoc(doc);
    return decoded.isEmpty() ? body : decoded;
}

// Adds a JSON-provided body (plain text with newlines, or an HTML fragment) to the builder.
void addJsonBody(const QString &body, ReaderBuilder &builder)
{
    if (body.contains(u"<p") || body.contains(u"<br") || body.contains(u"<div")) {
        const QByteArray utf8 = body.toUtf8();
        xmlDocPtr frag = Dom::parseHtml(utf8);
        if (frag) {
            if (xmlNode *r = xmlDocGetRootElement(frag))
                builder.add(r);
            xmlFreeDoc(frag);
        }
        return;
    }
    const QStringList paras
        = body.split(QRegularExpression(QStringLiteral("\\n\\s*\\n|\\r\\n|\\n")), Qt::SkipEmptyParts);
    for (const QString &p : paras)
        builder.addParagraph(p);
}

} // namespace Gloss::Core::EmbeddedJson

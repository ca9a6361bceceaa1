#include "metadataextractor.h"

#include "core/document/readerdocument.h"
#include "htmldom.h"
#include "publicationdate.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <cstring>

namespace Gloss::Core {

using namespace Dom;

namespace {

struct Collected
{
    QHash<QString, QString> meta; // lower-case key -> first value
    // <meta name="DC.Creator"> and the like, as "dc:creator": below every other source of the same key, and the
    // last one wins (Readability.js reads them that way; IETF drafts list the editor last).
    QHash<QString, QString> dottedNames;
    QString title;
    QString lang;
    QString dir;
    QString baseHref;
    QString canonical;
    QStringList jsonLd;
    QString nextData;
    QString nuxtData;
    QStringList h1s;
    QStringList h2s;
    QString relAuthor; // text of the first <a rel="author">
};

// A script that sets Nuxt 2's state: "window.__NUXT__=" followed by a JSON object or by a function call that
// returns one. Only the start of the script is looked at (scripts can be large and most are something else).
bool isNuxtAssignment(const xmlNode *script)
{
    const xmlNode *t = script->children;
    if (!t || (t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content)
        return false;
    const char *s = reinterpret_cast<const char *>(t->content);
    while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
        ++s;
    return std::strncmp(s, "window.__NUXT__", 15) == 0 || std::strncmp(s, "__NUXT__", 8) == 0;
}

void collect(xmlNode *n, Collected &c)
{
    for (xmlNode *e = n; e; e = e->next) {
        if (!isElement(e))
            continue;
        const Tag t = tagOf(e);
        switch (t) {
        case Tag::Html:
            c.lang = attrString(e, "lang").trimmed();
            if (c.lang.isEmpty())
                c.lang = attrString(e, "xml:lang").trimmed();
            c.dir = attrString(e, "dir").trimmed().toLower();
            break;
        case Tag::Title:
            if (c.title.isEmpty())
                c.title = innerText(e);
            continue;
        case Tag::Base:
            if (c.baseHref.isEmpty())
                c.baseHref = attrString(e, "href");
            continue;
        case Tag::Link: {
            const std::string rel = lower(attr(e, "rel"));
            if (rel == "canonical" && c.canonical.isEmpty())
                c.canonical = attrString(e, "href");
            continue;
        }
        case Tag::Meta: {
            const QString content = attrString(e, "content").trimmed();
            if (content.isEmpty())
                break;
            for (const char *keyAttr : { "property", "name", "itemprop" }) {
                const std::string_view v = attr(e, keyAttr);
                if (v.empty())
                    continue;
                // Space-separated properties ("dc:creator twitter:site") each count.
                const QStringList keys
                    = QString::fromUtf8(v.data(), qsizetype(v.size())).toLower().split(u' ', Qt::SkipEmptyParts);
                for (QString k : keys) {
                    k = k.trimmed();
                    if (std::strcmp(keyAttr, "name") == 0 && k.contains(u'.')) {
                        c.dottedNames.insert(k.replace(u'.', u':'), content);
                        continue;
                    }
                    if (!c.meta.contains(k))
                        c.meta.insert(k, content);
                }
            }
            break;
        }
        case Tag::Script: {
            const std::string type = lower(attr(e, "type"));
            if (type.find("ld+json") != std::string::npos) {
                QByteArray text;
                appendText(e, text);
                c.jsonLd << QString::fromUtf8(text);
            } else if (attr(e, "id") == "__NEXT_DATA__") {
                QByteArray text;
                appendText(e, text);
                c.nextData = QString::fromUtf8(text);
            } else if (c.nuxtData.isEmpty() && (attr(e, "id") == "__NUXT_DATA__" || isNuxtAssignment(e))) {
                QByteArray text;
                appendText(e, text);
                c.nuxtData = QString::fromUtf8(text);
            }
            continue;
        }
        case Tag::A:
            if (c.relAuthor.isEmpty() && lower(attr(e, "rel")).find("author") != std::string::npos) {
                const QString name = innerText(e);
                if (name.size() < 100)
                    c.relAuthor = name;
            }
            break;
        case Tag::H1:
            c.h1s << innerText(e);
            continue;
        case Tag::H2:
            c.h2s << innerText(e);
            continue;
        case Tag::Style:
        case Tag::Svg:
            continue;
        default:
            break;
        }
        if (e->children)
            collect(e->children, c);
    }
}

const QStringList &articleTypes()
{
    static const QStringList types = { QStringLiteral("Article"), QStringLiteral("AdvertiserContentArticle"),
        QStringLiteral("NewsArticle"), QStringLiteral("AnalysisNewsArticle"), QStringLiteral("AskPublicNewsArticle"),
        QStringLiteral("BackgroundNewsArticle"), QStringLiteral("OpinionNewsArticle"),
        QStringLiteral("ReportageNewsArticle"), QStringLiteral("ReviewNewsArticle"), QStringLiteral("Report"),
        QStringLiteral("SatiricalArticle"), QStringLiteral("ScholarlyArticle"),
        QStringLiteral("MedicalScholarlyArticle"), QStringLiteral("SocialMediaPosting"), QStringLiteral("BlogPosting"),
        QStringLiteral("LiveBlogPosting"), QStringLiteral("DiscussionForumPosting"), QStringLiteral("TechArticle"),
        QStringLiteral("APIReference"), QStringLiteral("WebPage") };
    return types;
}

bool isArticleType(const QJsonValue &type)
{
    if (type.isArray()) {
        for (const QJsonValue &v : type.toArray())
            if (isArticleType(v))
                return true;
        return false;
    }
    const QString t = type.toString();
    return articleTypes().contains(t) && t != u"WebPage";
}

// Every object of an article type in a JSON-LD value, in document order (arrays, @graph and mainEntity searched).
void findArticles(const QJsonValue &v, QList<QJsonObject> &out)
{
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            findArticles(x, out);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (isArticleType(o.value(u"@type"))) {
        out.append(o);
        return;
    }
    if (o.contains(u"@graph"))
        findArticles(o.value(u"@graph"), out);
    if (o.contains(u"mainEntity"))
        findArticles(o.value(u"mainEntity"), out);
}

// `u` without fragment, query-less trailing slash and scheme case: how two spellings of a page URL compare.
QString comparableUrl(const QString &u)
{
    QUrl url(u.trimmed());
    url.setFragment({});
    QString s = url.toString(QUrl::NormalizePathSegments);
    while (s.endsWith(u'/'))
        s.chop(1);
    return s.toLower();
}

// The URLs a JSON-LD article names for itself: url, @id, mainEntityOfPage (a string or an object's @id or url).
QStringList articleUrls(const QJsonObject &a)
{
    QStringList out;
    for (const QJsonValue &v : { a.value(u"url"), a.value(u"@id"), a.value(u"mainEntityOfPage") }) {
        if (v.isString())
            out << v.toString();
        else if (v.isObject())
            out << v.toObject().value(u"@id").toString() << v.toObject().value(u"url").toString();
    }
    out.removeAll(QString());
    return out;
}

double textSimilarity(const QString &a, const QString &b);

// The page's own article among several (a @graph may also describe related stories): the one whose URL is the
// page's (canonical, og:url or the address it was read from), else the one whose headline or name is most like the
// document title (Readability.js's _textSimilarity, either way round, over 0.75), else the first.
QJsonObject choosePageArticle(const QList<QJsonObject> &articles, const QStringList &pageUrls, const QString &title)
{
    if (articles.size() <= 1)
        return articles.isEmpty() ? QJsonObject() : articles.first();
    QStringList wanted;
    for (const QString &u : pageUrls)
        if (!u.trimmed().isEmpty())
            wanted << comparableUrl(u);
    for (const QJsonObject &a : articles)
        for (const QString &u : articleUrls(a))
            if (wanted.contains(comparableUrl(u)))
                return a;
    // Else the closest headline or name: the share of its words that the title holds, or of the title's words that
    // it holds (a title may add " - Site name"), whichever is higher; the best one over 0.75 wins.
    const QJsonObject *best = nullptr;
    double bestScore = 0.75;
    for (const QJsonObject &a : articles) {
        for (const QString &t : { a.value(u"headline").toString(), a.value(u"name").toString() }) {
            if (t.trimmed().isEmpty())
                continue;
            const double score = std::max(textSimilarity(t, title), textSimilarity(title, t));
            if (score > bestScore) {
                best = &a;
                bestScore = score;
            }
        }
    }
    return best ? *best : articles.first();
}

// The first object of schema.org type `type` in a JSON-LD value (arrays, @graph and mainEntity are searched).
QJsonObject findType(const QJsonValue &v, QStringView type)
{
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            if (const QJsonObject o = findType(x, type); !o.isEmpty())
                return o;
        return {};
    }
    if (!v.isObject())
        return {};
    const QJsonObject o = v.toObject();
    const QJsonValue t = o.value(u"@type");
    if (t.toString() == type)
        return o;
    if (t.isArray())
        for (const QJsonValue &x : t.toArray())
            if (x.toString() == type)
                return o;
    if (o.contains(u"@graph"))
        return findType(o.value(u"@graph"), type);
    if (o.contains(u"mainEntity"))
        return findType(o.value(u"mainEntity"), type);
    return {};
}

// Text of a HowToStep / HowToSection / HowToDirection (or a bare string), in document order, as HTML.
void appendHowToSteps(const QJsonValue &v, QString &html, int depth = 0)
{
    if (depth > 4)
        return;
    if (v.isString()) {
        html += u"<p>" + v.toString() + u"</p>";
        return;
    }
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            appendHowToSteps(x, html, depth + 1);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    const QString name = o.value(u"name").toString().trimmed();
    const QString text = o.value(u"text").toString().trimmed();
    if (!name.isEmpty() && !text.startsWith(name))
        html += u"<h3>" + name + u"</h3>";
    if (!text.isEmpty())
        html += text.startsWith(u'<') ? text : u"<p>" + text + u"</p>";
    appendHowToSteps(o.value(u"itemListElement"), html, depth + 1);
}

// The body of a schema.org HowTo (its description, then each step's name and text) as an HTML fragment, or empty.
// Pages that render their instructions with script ship them only in this JSON-LD.
QString howToBody(const QJsonValue &v)
{
    const QJsonObject h = findType(v, u"HowTo");
    if (h.isEmpty())
        return {};
    QString html;
    const QString description = h.value(u"description").toString().trimmed();
    if (!description.isEmpty())
        html += description.startsWith(u'<') ? description : u"<p>" + description + u"</p>";
    appendHowToSteps(h.value(u"step"), html);
    return html;
}

QString names(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isObject())
        return v.toObject().value(u"name").toString().trimmed();
    if (v.isArray()) {
        QStringList out;
        for (const QJsonValue &x : v.toArray()) {
            const QString n = names(x);
            if (!n.isEmpty())
                out << n;
        }
        return out.join(u", ");
    }
    return {};
}

// Runs of characters other than ASCII white space (what splitting on the regex \s+ and skipping empty parts
// counted, without compiling a regex on every call).
int wordCount(const QString &s)
{
    int words = 0;
    bool inWord = false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u' ' || u == u'\t' || u == u'\n' || u == u'\v' || u == u'\f' || u == u'\r') {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            ++words;
        }
    }
    return words;
}

// Readability.js _getArticleTitle.
QString articleTitle(const QString &original, const Collected &c)
{
    static const QRegularExpression sep(QStringLiteral(" [\\|\\-\\x{2013}\\x{2014}\\\\/>\\x{00BB}] "));
    static const QRegularExpression hierSep(QStringLiteral(" [\\\\/>\\x{00BB}] "));
    static const QRegularExpression firstPart(
        QStringLiteral("^[^\\|\\-\\x{2013}\\x{2014}\\\\/>\\x{00BB}]*[\\|\\-\\x{2013}\\x{2014}\\\\/>\\x{00BB}]"));
    static const QRegularExpression seps(QStringLiteral("[\\|\\-\\x{2013}\\x{2014}\\\\/>\\x{00BB}]+"));
    QString cur = original;
    bool hadHierarchical = false;
    if (original.contains(sep)) {
        hadHierarchical = original.contains(hierSep);
        qsizetype last = -1;
        auto it = sep.globalMatch(original);
        while (it.hasNext())
            last = it.next().capturedStart();
        cur = original.left(last);
        if (wordCount(cur) < 3)
            cur = QString(original).remove(firstPart);
    } else if (original.contains(u": ")) {
        bool match = false;
        for (const QString &h : c.h1s + c.h2s)
            if (h.trimmed() == original.trimmed())
                match = true;
        if (!match) {
            cur = original.mid(original.lastIndexOf(u':') + 1);
            if (wordCount(cur) < 3)
                cur = original.mid(original.indexOf(u':') + 1);
            else if (wordCount(original.left(original.indexOf(u':'))) > 5)
                cur = original;
        }
    } else if (original.size() > 150 || original.size() < 15) {
        if (c.h1s.size() == 1)
            cur = c.h1s.first();
    }
    cur = collapseWhitespace(cur);
    const int words = wordCount(cur);
    if (words <= 4 && (!hadHierarchical || words != wordCount(QString(original).remove(seps)) - 1))
        cur = original;
    return cur;
}

/// True when `s` has a letter of a script written without spaces between words (Han, kana, Thai, Lao, Khmer,
/// Myanmar), where counting words by spaces says nothing.
bool hasUnspacedScript(const QString &s)
{
    for (char32_t c : s.toUcs4()) {
        switch (QChar::script(c)) {
        case QChar::Script_Han:
        case QChar::Script_Hiragana:
        case QChar::Script_Katakana:
        case QChar::Script_Thai:
        case QChar::Script_Lao:
        case QChar::Script_Khmer:
        case QChar::Script_Myanmar:
            return true;
        default:
            break;
        }
    }
    return false;
}

/// `title` without a leading or trailing `siteName` set off by a separator ("标题 - 江南日报"), for titles in
/// scripts written without spaces: Readability's word-count rules (articleTitle) keep the site name there
/// whenever the rest has fewer than 3 space-separated words, which is every Chinese or Japanese title. Titles
/// in other scripts are left as Readability.js gives them (readability-test-pages expects that).
QString withoutSiteName(const QString &title, const QString &siteName)
{
    if (siteName.isEmpty() || title.size() <= siteName.size() + 3 || !hasUnspacedScript(title))
        return title;
    static const QString separators = QStringLiteral("|-\u2013\u2014\u00B7\u2022:/\u00BB_");
    auto isSeparator = [](QChar ch) { return separators.contains(ch); };
    if (title.endsWith(siteName, Qt::CaseInsensitive)) {
        QString rest = title.left(title.size() - siteName.size()).trimmed();
        if (!rest.isEmpty() && isSeparator(rest.back())) {
            rest.chop(1);
            rest = rest.trimmed();
            if (!rest.isEmpty())
                return rest;
        }
    }
    if (title.startsWith(siteName, Qt::CaseInsensitive)) {
        QString rest = title.mid(siteName.size()).trimmed();
        if (!rest.isEmpty() && isSeparator(rest.front())) {
            rest = rest.mid(1).trimmed();
            if (!rest.isEmpty())
                return rest;
        }
    }
    return title;
}

/// Readability.js's _textSimilarity: the share of `b`'s word characters (case-folded words, joined by spaces)
/// that is in words `a` also has; 1 when every word of `b` occurs in `a`.
double textSimilarity(const QString &a, const QString &b)
{
    static const QRegularExpression nonWord(QStringLiteral("\\W+"), QRegularExpression::UseUnicodePropertiesOption);
    const QStringList tokensA = a.toLower().split(nonWord, Qt::SkipEmptyParts);
    const QStringList tokensB = b.toLower().split(nonWord, Qt::SkipEmptyParts);
    if (tokensA.isEmpty() || tokensB.isEmpty())
        return 0;
    const QSet<QString> inA(tokensA.cbegin(), tokensA.cend());
    QStringList uniqueB;
    for (const QString &t : tokensB)
        if (!inA.contains(t))
            uniqueB << t;
    return 1.0 - double(uniqueB.join(QLatin1Char(' ')).size()) / double(tokensB.join(QLatin1Char(' ')).size());
}

QString unescapeEntities(QString s)
{
    if (!s.contains(u'&'))
        return s;
    s.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    s.replace(QStringLiteral("&apos;"), QStringLiteral("'"));
    s.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    s.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    s.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    static const QRegularExpression num(QStringLiteral("&#(?:x([0-9a-fA-F]+)|([0-9]+));"));
    QString out;
    qsizetype last = 0;
    auto it = num.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        const uint cp = m.captured(1).isEmpty() ? m.captured(2).toUInt() : m.captured(1).toUInt(nullptr, 16);
        if (cp > 0 && cp < 0x110000)
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1);
        last = m.capturedEnd();
    }
    out += QStringView(s).mid(last);
    out.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return out;
}

// `reference` resolved against `base`, when that is an http or https URL; else empty: a lead image or canonical URL
// that is "javascript:", "data:" or a local file is not one a reader can follow or load.
QString webUrl(const QUrl &base, const QString &reference)
{
    if (reference.trimmed().isEmpty())
        return {};
    const QUrl url = base.resolved(QUrl(reference.trimmed()));
    const bool web = url.scheme() == u"http" || url.scheme() == u"https";
    // A user name and password in a page's own URLs ("https://bob:hunter2@…") are never passed on.
    return web && url.isValid() && !url.host().isEmpty() ? url.toString(QUrl::RemoveUserInfo) : QString();
}

} // namespace

QString MetadataExtractor::cleanByline(const QString &byline)
{
    static const QRegularExpression by(QStringLiteral("^\\s*(by|von|par|por|door|di|av|af)\\s*[:\\-]?\\s+"),
        QRegularExpression::CaseInsensitiveOption);
    QString s = collapseWhitespace(byline);
    s.remove(by);
    // Trailing separators left from "Name — date" layouts.
    while (!s.isEmpty()
        && (s.back() == u'-' || s.back() == u'\u2014' || s.back() == u'\u2013' || s.back() == u'|' || s.back() == u','
            || s.back() == u' ' || s.back() == u'\u00B7'))
        s.chop(1);
    return s.trimmed();
}

MetadataExtractor::Page MetadataExtractor::read(xmlDocPtr doc, const QUrl &pageUrl)
{
    Collected c;
    if (xmlNode *root = xmlDocGetRootElement(doc))
        collect(root, c);
    for (auto it = c.dottedNames.cbegin(); it != c.dottedNames.cend(); ++it)
        if (!c.meta.contains(it.key()))
            c.meta.insert(it.key(), it.value());

    Page page;
    page.documentTitle = c.title;
    page.nextData = c.nextData;
    page.nuxtData = c.nuxtData;
    page.relAuthor = c.relAuthor;
    // A <base href> is resolved against the page URL and used only when it is an absolute http, https or file URL:
    // browsers ignore a "javascript:" or "data:" base, and one that stays relative cannot resolve anything. User
    // info (a "user:password@" given with the page URL) is dropped so that it cannot reach links and images.
    page.base = pageUrl.adjusted(QUrl::RemoveUserInfo);
    if (!c.baseHref.trimmed().isEmpty()) {
        const QUrl b = page.base.resolved(QUrl(c.baseHref.trimmed())).adjusted(QUrl::RemoveUserInfo);
        const QString scheme = b.scheme();
        if (b.isValid() && (scheme == u"http" || scheme == u"https" || scheme == u"file"))
            page.base = b;
    }

    // JSON-LD.
    QString ldTitle, ldByline, ldExcerpt, ldSite, ldPublished, ldModified, ldImage;
    for (const QString &raw : std::as_const(c.jsonLd)) {
        QString text = raw.trimmed();
        // CDATA wrappers and trailing semicolons appear in the wild.
        text.remove(QStringLiteral("<![CDATA["));
        text.remove(QStringLiteral("]]>"));
        while (text.endsWith(u';'))
            text.chop(1);
        const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8());
        if (json.isNull())
            continue;
        const QJsonValue top = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
        QList<QJsonObject> articles;
        findArticles(top, articles);
        const QJsonObject a = choosePageArticle(articles,
            { c.canonical, c.meta.value(QStringLiteral("og:url")), pageUrl.toString() }, articleTitle(c.title, c));
        if (a.isEmpty()) {
            if (page.jsonLdBody.isEmpty())
                page.jsonLdBody = howToBody(top);
            continue;
        }
        const QString name = a.value(u"name").toString().trimmed();
        const QString headline = a.value(u"headline").toString().trimmed();
        if (!name.isEmpty() && !headline.isEmpty() && name != headline) {
            // Both, and different: some sites put their own name in "name" and the title in "headline". As
            // Readability.js (_getJSONLD), the one that alone is like the document's title (site name removed;
            // word similarity > 0.75); when both or neither are, the one the document title contains, the
            // headline by default.
            const QString documentTitle = articleTitle(c.title, c);
            const bool headlineMatches = textSimilarity(headline, documentTitle) > 0.75;
            const bool nameMatches = textSimilarity(name, documentTitle) > 0.75;
            if (headlineMatches != nameMatches)
                ldTitle = headlineMatches ? headline : name;
            else
                ldTitle = c.title.contains(headline) || !c.title.contains(name) ? headline : name;
        } else {
            ldTitle = !name.isEmpty() ? name : headline;
        }
        ldByline = names(a.value(u"author"));
        ldExcerpt = a.value(u"description").toString().trimmed();
        ldSite = a.value(u"publisher").toObject().value(u"name").toString().trimmed();
        ldPublished = a.value(u"datePublished").toString().trimmed();
        ldModified = a.value(u"dateModified").toString().trimmed();
        const QJsonValue img = a.value(u"image");
        ldImage = img.isString() ? img.toString()
            : img.isObject()     ? img.toObject().value(u"url").toString()
            : img.isArray() && !img.toArray().isEmpty()
            ? (img.toArray().first().isString() ? img.toArray().first().toString()
                                                : img.toArray().first().toObject().value(u"url").toString())
            : QString();
        page.jsonLdBody = a.value(u"articleBody").toString();
        break;
    }

    auto meta = [&c](std::initializer_list<const char16_t *> keys) -> QString {
        for (const char16_t *k : keys) {
            const QString v = c.meta.value(QString::fromUtf16(k));
            if (!v.trimmed().isEmpty())
                return v.trimmed();
        }
        return {};
    };
    auto firstOf = [](std::initializer_list<QString> values) -> QString {
        for (const QString &v : values)
            if (!v.isEmpty())
                return v;
        return {};
    };

    ArticleMetadata &md = page.metadata;
    md.title = firstOf({ ldTitle,
        meta({ u"dc:title", u"dcterm:title", u"og:title", u"weibo:article:title", u"weibo:webpage:title", u"title",
            u"twitter:title", u"parsely-title" }) });
    if (md.title.isEmpty())
        md.title = articleTitle(c.title, c);
    QString authorMeta = meta({ u"dc:creator", u"dcterm:creator", u"author", u"parsely-author" });
    if (authorMeta.isEmpty()) {
        const QString a = meta({ u"article:author", u"og:article:author" });
        if (!a.startsWith(u"http"))
            authorMeta = a;
    }
    md.byline = firstOf({ ldByline, authorMeta });
    md.excerpt = firstOf({ ldExcerpt,
        meta({ u"dc:description", u"dcterm:description", u"og:description", u"weibo:article:description",
            u"weibo:webpage:description", u"description", u"twitter:description" }) });
    md.siteName = firstOf({ ldSite, meta({ u"og:site_name" }) });
    page.publishedRaw = firstOf({ ldPublished,
        meta({ u"article:published_time", u"parsely-pub-date", u"datepublished", u"og:published_time", u"pubdate",
            u"publishdate", u"publish-date", u"dc.date", u"date", u"sailthru.date" }) });
    md.published = PublicationDate::toIsoUtc(page.publishedRaw);
    md.modified = PublicationDate::toIsoUtc(firstOf(
        { ldModified, meta({ u"article:modified_time", u"og:updated_time", u"datemodified", u"last-modified" }) }));
    md.language = c.lang;
    if (md.language.isEmpty())
        md.language = meta({ u"og:locale", u"content-language", u"language", u"dc.language" }).replace(u'_', u'-');
    md.direction = (c.dir == u"rtl" || c.dir == u"ltr") ? c.dir : QString();
    const QString image
        = firstOf({ meta({ u"og:image", u"og:image:url", u"twitter:image", u"twitter:image:src" }), ldImage });
    md.leadImage = webUrl(page.base, image);
    md.canonicalUrl = webUrl(page.base, firstOf({ c.canonical, meta({ u"og:url" }) }));

    md.title = collapseWhitespace(unescapeEntities(md.title));
    md.byline = cleanByline(unescapeEntities(md.byline));
    md.excerpt = collapseWhitespace(unescapeEntities(md.excerpt));
    md.siteName = collapseWhitespace(unescapeEntities(md.siteName));
    md.title = withoutSiteName(md.title, md.siteName);
    capLengths(md);
    return page;
}

QString MetadataExtractor::shortened(const QString &text, qsizetype maxCodePoints, Cut cut)
{
    if (text.size() <= maxCodePoints)
        return text; // never more code points than UTF-16 units
    auto isPair = [&text](qsizetype i) { return text.at(i).isHighSurrogate() && text.at(i + 1).isLowSurrogate(); };
    // `end`: the UTF-16 index after the first maxCodePoints - 1 code points (one is left for the ellipsis).
    qsizetype end = 0;
    for (qsizetype points = 0; points < maxCodePoints; ++points) {
        if (end >= text.size())
            return text;
        end += end + 1 < text.size() && isPair(end) ? 2 : 1;
    }
    if (end >= text.size())
        return text;
    end -= end >= 2 && isPair(end - 2) ? 2 : 1;
    if (cut == Cut::Sentence) {
        // The last sentence end past the first fifth of the room: the text then ends as the page's sentence does.
        // A full stop after a capitalised word of up to three letters ends a title or an initial ("Sen.", "J."),
        // not a sentence.
        auto isAbbreviation = [&text](qsizetype stop) {
            qsizetype w = stop;
            while (w > 0 && text.at(w - 1).isLetter())
                --w;
            return stop - w <= 3 && stop > w && text.at(w).isUpper();
        };
        for (qsizetype k = end; k > end / 5; --k) {
            const QChar c = text.at(k - 1);
            const bool stop
                = ((c == u'!' || c == u'?' || (c == u'.' && !isAbbreviation(k - 1))) && text.at(k).isSpace())
                || c == u'\u3002' || c == u'\uFF01' || c == u'\uFF1F';
            if (stop)
                return text.left(k);
        }
    }
    // The last word boundary in the second half of the room; a text without one (a long token, or CJK written
    // without spaces) is cut at the limit.
    qsizetype k = end;
    if (!text.at(end).isSpace()) {
        qsizetype space = end - 1;
        while (space > end / 2 && !text.at(space).isSpace())
            --space;
        if (space > end / 2)
            k = space;
    }
    while (k > 0 && (text.at(k - 1).isSpace() || text.at(k - 1) == u',' || text.at(k - 1) == u';'))
        --k;
    return text.left(k) + u'\u2026';
}

void MetadataExtractor::capLengths(ArticleMetadata &md)
{
    md.title = shortened(md.title, kMaxTitleLength);
    md.byline = shortened(md.byline, kMaxBylineLength);
    md.siteName = shortened(md.siteName, kMaxSiteNameLength);
    md.excerpt = shortened(md.excerpt, kMaxExcerptLength, Cut::Sentence);
}

} // namespace Gloss::Core

#include "htmlextractor.h"

#include "core/logging.h"
#include "htmldom.h"
#include "metadataextractor.h"
#include "readerbuilder.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace Gloss::Core {

using namespace Dom;

namespace {

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
    | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;

// A standfirst this long (UTF-16 units) is the article's lead paragraph, not a one-line dek: it is kept in front of
// the body even without keepStandfirst. Trafilatura keeps such leads, and on the shared corpus no AEB ground truth
// drops one this long (the decks AEB leaves out run 50 to 140 characters; leads kept by trafilatura-eval 140 to 400).
constexpr qsizetype kLeadParagraphLength = 140;

// The prose climb (see Engine::run): how far up it looks, and the share of the page's prose (Info::goodText of
// <body>) an ancestor must hold to replace a winner that holds less than half of it.
constexpr int kProseClimbLevels = 8;
constexpr double kProseClimbShare = 0.85;
// The table climb (see Engine::run): prose (Info::goodText) beside a table that must be there for a winner inside the
// table to give way to the block that holds both.
constexpr int kTableClimbProse = 300;

enum Flag : unsigned { StripUnlikely = 1, WeightClasses = 2, CleanConditionally = 4 };

// Class/id keyword lists (substring tests on the lower-cased "class id" string), after Readability.js REGEXPS.
constexpr const char *kUnlikely[] = { "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community",
    "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies",
    "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
    "pagination", "pager", "popup", "yom-remote", "newsletter", "cookie", "consent", "modal", "subscribe", "donat",
    "rollover", "tooltip", "popover", "hovercard" };
// "Your browser is out of date" overlays: shown only to old browsers, never part of any article, and often the
// only well-formed prose on a page that renders its article with script.
constexpr const char *kBrowserWarning[] = { "outdated", "browser-update", "update-browser", "browserupgrade",
    "browser-upgrade", "old-browser", "oldbrowser", "unsupported-browser", "browser-warning", "browserwarning",
    "ie-overlay", "ieoverlay", "ie-warning", "iewarning", "browser-banner", "browserbanner" };
constexpr const char *kMaybe[] = { "and", "article", "body", "column", "content", "main", "mathjax", "shadow" };
constexpr const char *kNegative[] = { "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer",
    "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "widget", "taboola", "newsletter", "donat", "subscri", "byline",
    "author", "caption-credit" };
constexpr const char *kPositive[] = { "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
    "pagination", "post", "text", "blog", "story" };
// Boilerplate boxes inside the article (Trafilatura's discard XPaths, in keyword form).
constexpr const char *kBoilerplate[] = { "share", "social", "related", "recommend", "newsletter", "subscri", "donat",
    "promo", "most-popular", "mostpopular", "popular", "trending", "outbrain", "taboola", "author-bio", "authorbio",
    "about-author", "author-info", "read-more", "readmore", "also-read", "more-stories", "tags", "tag-list",
    "breadcrumb", "comment", "advert", "ad-slot", "adslot", "ad-container", "ad-wrapper", "ad-unit", "print", "toolbar",
    "signup", "sign-up", "cookie", "consent", "further-reading", "see-also", "nav" };

template <size_t N> bool containsAny(const std::string &s, const char *const (&words)[N])
{
    for (const char *w : words)
        if (s.find(w) != std::string::npos)
            return true;
    return false;
}

std::string classAndId(const xmlNode *e)
{
    std::string s = lower(attr(e, "class"));
    s += ' ';
    s += lower(attr(e, "id"));
    return s;
}

bool hasWord(const std::string &s, const char *w)
{
    // whole-token match (tokens separated by space, - or _)
    const size_t n = std::strlen(w);
    size_t pos = 0;
    while ((pos = s.find(w, pos)) != std::string::npos) {
        const bool left = pos == 0 || s[pos - 1] == ' ' || s[pos - 1] == '-' || s[pos - 1] == '_';
        const bool right = pos + n >= s.size() || s[pos + n] == ' ' || s[pos + n] == '-' || s[pos + n] == '_';
        if (left && right)
            return true;
        pos += n;
    }
    return false;
}

bool isAdClass(const std::string &s)
{
    return hasWord(s, "ad") || hasWord(s, "ads") || hasWord(s, "advert") || hasWord(s, "advertisement")
        || s.find("dfp") != std::string::npos;
}

int classWeight(const xmlNode *e)
{
    int w = 0;
    const std::string cls = lower(attr(e, "class"));
    const std::string id = lower(attr(e, "id"));
    auto weigh = [&w](const std::string &s) {
        if (s.empty())
            return;
        if (containsAny(s, kNegative) || s == "hid" || hasWord(s, "hid"))
            w -= 25;
        if (containsAny(s, kPositive))
            w += 25;
    };
    weigh(cls);
    weigh(id);
    return w;
}

// Class names that mean "not shown" (screen-reader-only text, hidden utility classes). Whole tokens only:
// "hidden-xs" hides on small screens and shows elsewhere.
bool hasHiddenClass(const xmlNode *e)
{
    const std::string_view cls = attr(e, "class");
    if (cls.empty())
        return false;
    static const char *const tokens[] = {"hidden", "sr-only", "visually-hidden", "visuallyhidden",
                                         "screen-reader-text", "screen-reader-only", "screenreader-only",
                                         "off-screen", "offscreen", "a11y-hidden", "u-hidden", "is-hidden",
                                         "element-invisible", "invisible", "d-none", "hide"};
    const std::string lowered = lower(cls);
    size_t pos = 0;
    while (pos < lowered.size()) {
        while (pos < lowered.size() && std::isspace(static_cast<unsigned char>(lowered[pos])))
            ++pos;
        size_t end = pos;
        while (end < lowered.size() && !std::isspace(static_cast<unsigned char>(lowered[end])))
            ++end;
        std::string_view token(lowered.data() + pos, end - pos);
        if (!token.empty() && token.front() == '!')
            token.remove_prefix(1); // Tailwind's "important" modifier: "!hidden" hides like "hidden"
        for (const char *t : tokens)
            if (token == t)
                return true;
        pos = end;
    }
    return false;
}

bool isHidden(const xmlNode *e)
{
    if (hasAttr(e, "hidden"))
        return true;
    if (lower(attr(e, "aria-hidden")) == "true" && lower(attr(e, "class")).find("fallback-image") == std::string::npos)
        return true;
    const std::string_view style = attr(e, "style");
    if (!style.empty()) {
        std::string s;
        for (char c : style)
            if (c != ' ' && c != '\t' && c != '\n')
                s += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
            return true;
    }
    return false;
}

bool isBlockForDivToP(Tag t)
{
    switch (t) {
    case Tag::Blockquote:
    case Tag::Dl:
    case Tag::Div:
    case Tag::Img:
    case Tag::Ol:
    case Tag::P:
    case Tag::Pre:
    case Tag::Table:
    case Tag::Ul:
    case Tag::Section:
    case Tag::Article:
    case Tag::H1:
    case Tag::H2:
    case Tag::H3:
    case Tag::H4:
    case Tag::H5:
    case Tag::H6:
    case Tag::Figure:
    case Tag::Header:
    case Tag::Footer:
    case Tag::Aside:
    case Tag::Main:
    case Tag::Form:
    case Tag::Li:
    case Tag::Tr:
    case Tag::Td:
        return true;
    default:
        return false;
    }
}

// Per-element numbers, found through xmlNode::_private (an index + 1 into Engine::m_info).
struct Info
{
    int text = 0; // code points, white space runs counted once
    int link = 0; // text inside <a>
    int commas = 0;
    int inlineText = 0; // text not inside block-level descendants
    int inlineCommas = 0;
    int goodText = 0; // text of prose paragraphs (long enough, few links) inside
    int preText = 0; // text before cleaning (what clean() sees of a subtree it has not entered yet)
    int preLink = 0; // text inside <a> before cleaning
    bool blockDesc = false;
    bool initialized = false;
    double score = 0;
};

struct TextCount
{
    int chars = 0;
    int commas = 0;
};

TextCount countText(const xmlChar *s)
{
    TextCount c;
    if (!s)
        return c;
    bool space = true;
    for (const unsigned char *p = s; *p; ++p) {
        const unsigned char b = *p;
        if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
            if (!space)
                ++c.chars;
            space = true;
            continue;
        }
        space = false;
        if ((b & 0xC0) != 0x80)
            ++c.chars;
        if (b == ',')
            ++c.commas;
        else if (b == 0xEF && p[1] == 0xBC && p[2] == 0x8C) // U+FF0C fullwidth comma
            ++c.commas;
        else if (b == 0xD8 && p[1] == 0x8C) // U+060C Arabic comma
            ++c.commas;
        else if (b == 0xE3 && p[1] == 0x80 && p[2] == 0x81) // U+3001 ideographic comma
            ++c.commas;
    }
    return c;
}

// Text counts of a text node, computed once: a text node's _private holds them packed (bit 0 set, characters in
// bits 1-31, commas in bits 32-63; an element's _private holds its Info index instead). The passes over the tree
// ask for the same text nodes again and again, and scanning their bytes was the largest cost of extraction.
TextCount textCount(const xmlNode *t)
{
    if constexpr (sizeof(quintptr) >= 8) {
        auto *node = const_cast<xmlNode *>(t);
        const auto packed = reinterpret_cast<quintptr>(node->_private);
        if (packed & 1)
            return { int((packed >> 1) & 0x7fffffff), int(packed >> 32) };
        const TextCount c = countText(t->content);
        node->_private = reinterpret_cast<void *>(
            (quintptr(quint32(c.commas)) << 32) | (quintptr(quint32(c.chars) & 0x7fffffff) << 1) | 1);
        return c;
    } else {
        return countText(t->content);
    }
}

int textLength(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE)
            n += textCount(c).chars;
        else if (isElement(c)) {
            const Tag t = tagOf(c);
            if (t != Tag::Script && t != Tag::Style && t != Tag::Noscript && t != Tag::Template)
                n += textLength(c);
        }
    }
    return n;
}

// textLength(e) <= limit, without walking more of the subtree than it takes to pass the limit.
bool textLengthAtMost(const xmlNode *e, int limit, int &n)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            n += textCount(c).chars;
        } else if (isElement(c)) {
            const Tag t = tagOf(c);
            if (t != Tag::Script && t != Tag::Style && t != Tag::Noscript && t != Tag::Template
                && !textLengthAtMost(c, limit, n))
                return false;
        }
        if (n > limit)
            return false;
    }
    return true;
}

bool textLengthAtMost(const xmlNode *e, int limit)
{
    int n = 0;
    return textLengthAtMost(e, limit, n);
}

// An embedded post (a tweet, an Instagram or Facebook post) is a quotation the article shows: the platforms'
// embed code is a <blockquote> with the post's text, inside wrappers named "social-embed" and the like.
bool isEmbeddedPost(const xmlNode *e)
{
    if (tagOf(e) == Tag::Blockquote) {
        const std::string cls = lower(attr(e, "class"));
        return cls.find("tweet") != std::string::npos || cls.find("instagram") != std::string::npos
            || cls.find("twitter") != std::string::npos || cls.find("facebook") != std::string::npos
            || cls.find("tiktok") != std::string::npos || cls.find("reddit") != std::string::npos
            || cls.find("embed") != std::string::npos || cls.find("mastodon") != std::string::npos;
    }
    for (const xmlNode *c = e->children; c; c = c->next)
        if (isElement(c) && isEmbeddedPost(c))
            return true;
    return false;
}

int linkTextLength(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next)
        if (isElement(c))
            n += tagOf(c) == Tag::A ? textLength(c) : linkTextLength(c);
    return n;
}

const QStringList &boilerplateLabels()
{
    // Short block texts that are page furniture in any article (lower case, without trailing punctuation).
    static const QStringList labels = { QStringLiteral("advertisement"), QStringLiteral("advertising"),
        QStringLiteral("ad"), QStringLiteral("ads"), QStringLiteral("anzeige"), QStringLiteral("werbung"),
        QStringLiteral("publicité"), QStringLiteral("sponsored"), QStringLiteral("sponsored content"),
        QStringLiteral("read more"), QStringLiteral("read also"), QStringLiteral("also read"),
        QStringLiteral("read next"), QStringLiteral("related"), QStringLiteral("related articles"),
        QStringLiteral("related stories"), QStringLiteral("related content"), QStringLiteral("related posts"),
        QStringLiteral("more stories"), QStringLiteral("more from"), QStringLiteral("you may also like"),
        QStringLiteral("you might also like"), QStringLiteral("recommended"), QStringLiteral("recommended for you"),
        QStringLiteral("most popular"), QStringLiteral("most read"), QStringLiteral("trending"),
        QStringLiteral("share"), QStringLiteral("share this"), QStringLiteral("share this article"),
        QStringLiteral("share this story"), QStringLiteral("share on facebook"), QStringLiteral("share on twitter"),
        QStringLiteral("tweet"), QStringLiteral("email"), QStringLiteral("print"), QStringLiteral("comments"),
        QStringLiteral("comment"), QStringLiteral("leave a comment"), QStringLiteral("subscribe"),
        QStringLiteral("sign up"), QStringLiteral("newsletter"), QStringLiteral("follow us"),
        QStringLiteral("skip to content"), QStringLiteral("skip advertisement"), QStringLiteral("continue reading"),
        QStringLiteral("click here"), QStringLiteral("back to top"), QStringLiteral("loading"),
        QStringLiteral("more about"), QStringLiteral("weiterlesen"), QStringLiteral("mehr zum thema"),
        QStringLiteral("lesen sie auch"), QStringLiteral("auch interessant"), QStringLiteral("teilen"),
        QStringLiteral("lire aussi"), QStringLiteral("anzeige"), QStringLiteral("- anzeige -"),
        QStringLiteral("-anzeige-"), QStringLiteral("zurück"), QStringLiteral("neueste artikel"),
        QStringLiteral("zum weiterlesen"), QStringLiteral("meistgelesen"), QStringLiteral("meist gelesen"),
        QStringLiteral("meist-diskutiert"), QStringLiteral("meistgelesene artikel"),
        QStringLiteral("quellen ausblenden"), QStringLiteral("quellen anzeigen"), QStringLiteral("bild anzeigen"),
        QStringLiteral("bild schließen"), QStringLiteral("pinnen"), QStringLiteral("drucken"), QStringLiteral("merken"),
        QStringLiteral("das könnte sie auch interessieren"), QStringLiteral("ähnliche artikel"),
        QStringLiteral("verwandte artikel"), QStringLiteral("weitere artikel"), QStringLiteral("beliebte artikel"),
        QStringLiteral("top-themen"), QStringLiteral("vea también"), QStringLiteral("lea también"),
        QStringLiteral("lee también"), QStringLiteral("te puede interesar"), QStringLiteral("relacionados"),
        QStringLiteral("noticias relacionadas"), QStringLiteral("mira también"), QStringLiteral("voir aussi"),
        QStringLiteral("sur le même sujet"), QStringLiteral("articles liés"), QStringLiteral("à lire également"),
        QStringLiteral("related topics"), QStringLiteral("more on this story"), QStringLiteral("most viewed"),
        QStringLiteral("latest news"), QStringLiteral("latest stories"), QStringLiteral("top stories"),
        QStringLiteral("editor's picks"), QStringLiteral("don't miss"), QStringLiteral("tags"),
        QStringLiteral("topics"), QStringLiteral("share this post"), QStringLiteral("like this"),
        QStringLiteral("reply"), QStringLiteral("report"), QStringLiteral("image"), QStringLiteral("photo"),
        QStringLiteral("video"), QStringLiteral("audio"), QStringLiteral("next article"),
        QStringLiteral("previous article"), QStringLiteral("next post"), QStringLiteral("previous post"),
        QStringLiteral("older posts"), QStringLiteral("newer posts"), QStringLiteral("advert"),
        QStringLiteral("getty images"), QStringLiteral("enlarge image"), QStringLiteral("enlarge"),
        QStringLiteral("expand"), QStringLiteral("close"), QStringLiteral("menu"), QStringLiteral("next"),
        QStringLiteral("previous"), QStringLiteral("prev"), QStringLiteral("weiter"),
        QStringLiteral("weitere artikel zum thema"), QStringLiteral("kommentierte artikel"),
        QStringLiteral("articles les plus lus"), QStringLiteral("les plus lus"), QStringLiteral("czytaj też"),
        QStringLiteral("originalartikel"), QStringLiteral("permalien"), QStringLiteral("permalink"),
        QStringLiteral("kommende events"), QStringLiteral("unsere partner"), QStringLiteral("más noticias"),
        QStringLiteral("más leídas"), QStringLiteral("lo más leído"), QStringLiteral("ultime notizie"),
        QStringLiteral("leggi anche"), QStringLiteral("potrebbe interessarti"), QStringLiteral("à lire aussi"),
        QStringLiteral("partager"), QStringLiteral("leer más"), QStringLiteral("compartir"), QStringLiteral("реклама"),
        QStringLiteral("广告") };
    return labels;
}

bool isBoilerplateLabel(const QString &text)
{
    if (text.size() > 40)
        return false;
    QString t = text.toLower().trimmed();
    while (!t.isEmpty()
        && (t.back() == u':' || t.back() == u'.' || t.back() == u'…' || t.back() == u'»' || t.back() == u'>'
            || t.back() == u' ' || t.back() == u'›' || t.back() == u'!'))
        t.chop(1);
    return boilerplateLabels().contains(t);
}

class Engine
{
public:
    Engine(xmlDocPtr doc, const MetadataExtractor::Page &page, unsigned flags)
        : m_doc(doc)
        , m_page(page)
        , m_flags(flags)
    { }

    // Runs the pipeline; returns the content roots (possibly empty).
    std::vector<xmlNode *> run();

    QString domByline;
    QString domPublished;
    QString standfirst; // the page's description as it stands in the markup (a lead paragraph), or empty
    unsigned usedFlags = 0; // the flags that changed anything on this page (a retry without the others is moot)
    QString articleDir; // dir attribute of the top candidate or its nearest ancestor that has one

private:
    Info &info(xmlNode *n)
    {
        auto idx = reinterpret_cast<quintptr>(n->_private);
        if (idx == 0) {
            m_info.emplace_back();
            idx = m_info.size();
            n->_private = reinterpret_cast<void *>(idx);
        }
        return m_info[idx - 1];
    }
    void clean(xmlNode *e, int inTable, int inCode);
    void scoreLooseRuns(xmlNode *e, std::vector<xmlNode *> &candidates);
    void countBeforeCleaning(xmlNode *e, bool inLink);
    // True when `e` holds more than half of the page's text, most of it outside links: a wrapper that libxml2
    // misnested or that a site named oddly, not the menu or box it looks like. Only for subtrees clean() has not
    // entered yet (the counts are those before cleaning).
    bool isPageWrapper(xmlNode *e)
    {
        const Info &i = info(e);
        return i.preText * 2 > m_bodyText && i.preLink * 2 < i.preText;
    }
    Info computeStats(xmlNode *e, bool inLink);
    void scoreParagraphs(xmlNode *e, std::vector<xmlNode *> &candidates);
    void addScore(xmlNode *e, int text, int commas, bool pseudo, std::vector<xmlNode *> &candidates);
    void initialize(xmlNode *e, std::vector<xmlNode *> &candidates);
    double linkDensity(xmlNode *e)
    {
        const Info &i = info(e);
        return i.text ? double(i.link) / i.text : 0;
    }
    void prepare(xmlNode *root);
    void findStandfirst(xmlNode *e, const QString &description, int budget);
    bool shouldRemoveConditionally(xmlNode *e);

    xmlDocPtr m_doc;
    const MetadataExtractor::Page &m_page;
    unsigned m_flags;
    std::vector<Info> m_info;
    bool m_titleHeadingRemoved = false;
    xmlNode *m_titleArticle = nullptr; // the <article> that held the page's headline, if any
    int m_bodyText = 0;
    int m_rootText = 0;
};

QStringList wordTokens(const QString &s)
{
    QStringList out;
    QString cur;
    for (const QChar c : s) {
        if (c.isLetterOrNumber() || c == u'_') {
            cur += c.toLower();
        } else if (!cur.isEmpty()) {
            out << cur;
            cur.clear();
        }
    }
    if (!cur.isEmpty())
        out << cur;
    return out;
}

bool similarTitle(const QString &heading, const QString &title)
{
    if (heading.isEmpty() || title.isEmpty() || heading.size() > title.size() * 2 + 20)
        return false;
    if (heading.compare(title, Qt::CaseInsensitive) == 0)
        return true;
    // Readability.js _textSimilarity(title, heading): 1 - (length of the heading's tokens that are not in the
    // title) / (length of all the heading's tokens), each joined by spaces.
    const QStringList ta = wordTokens(title);
    const QStringList tb = wordTokens(heading);
    if (ta.isEmpty() || tb.isEmpty())
        return false;
    qsizetype uniqueLen = 0, bLen = 0;
    for (const QString &t : tb) {
        bLen += t.size() + 1;
        if (!ta.contains(t))
            uniqueLen += t.size() + 1;
    }
    return 1.0 - double(uniqueLen) / double(std::max<qsizetype>(1, bLen)) > 0.75;
}

bool isDateline(const QString &text);

// "Joshua Sokol May 20, 2019" -> "Joshua Sokol": bylines often run into the date beside them.
QString trimTrailingDate(const QString &byline)
{
    static const QRegularExpression date(
        QStringLiteral(
            "[\\s,|·•\\-–—]*((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|"
            "\\d{1,2}\\.?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}|"
            "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}).*$"),
        QRegularExpression::CaseInsensitiveOption);
    QString s = byline;
    const auto m = date.match(s);
    if (m.hasMatch() && m.capturedStart() > 2)
        s.truncate(m.capturedStart());
    return s.trimmed();
}

const xmlNode *findItempropName(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (lower(attr(c, "itemprop")).find("name") != std::string::npos)
            return c;
        if (const xmlNode *d = findItempropName(c))
            return d;
    }
    return nullptr;
}

// The author's profile link inside a byline box ("<a href=/author/ben>Ben</a><div>Games Editor</div>"): its text is
// the name without the job title beside it.
const xmlNode *findAuthorLink(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (tagOf(c) == Tag::A) {
            if (lower(attr(c, "class")).find("author") != std::string::npos
                || lower(attr(c, "href")).find("/author/") != std::string::npos
                || lower(attr(c, "rel")).find("author") != std::string::npos)
                return c;
            continue;
        }
        if (const xmlNode *d = findAuthorLink(c))
            return d;
    }
    return nullptr;
}

bool containsHtmlBlocks(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        if (t == Tag::P || t == Tag::Div || t == Tag::Article || t == Tag::Section || t == Tag::Main || isHeading(t)
            || t == Tag::Ul || t == Tag::Footer || t == Tag::Table)
            return true;
        if (containsHtmlBlocks(c))
            return true;
    }
    return false;
}

void Engine::clean(xmlNode *e, int inTable, int inCode)
{
    xmlNode *c = e->children;
    while (c) {
        xmlNode *next = c->next;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
            remove(c);
            c = next;
            continue;
        }
        if (!isElement(c)) {
            c = next;
            continue;
        }
        const Tag t = tagOf(c);
        bool drop = false;
        bool softDrop = false; // dropped for what it looks like; kept when it holds most of the page
        switch (t) {
        case Tag::Nav:
        case Tag::Dialog:
            softDrop = true;
            break;
        case Tag::Script:
        case Tag::Style:
        case Tag::Template:
        case Tag::Iframe:
        case Tag::Object:
        case Tag::Embed:
        case Tag::Applet:
        case Tag::Frame:
        case Tag::Frameset:
        case Tag::Input:
        case Tag::Select:
        case Tag::Textarea:
        case Tag::Button:
        case Tag::Head:
        case Tag::Link:
        case Tag::Meta:
        case Tag::Base:
        case Tag::Canvas:
        case Tag::Audio:
        case Tag::Video:
        case Tag::Portal:
        case Tag::Noembed:
        case Tag::Noframes:
        case Tag::Label:
            drop = true;
            break;
        case Tag::Noscript: {
            // Keep a noscript image only when nothing else shows one here (lazy-loading fallbacks).
            bool hasImg = false;
            for (xmlNode *d = c->children; d; d = d->next)
                if (isElement(d) && tagOf(d) == Tag::Img)
                    hasImg = true;
            bool siblingImg = false;
            for (xmlNode *s = e->children; s; s = s->next)
                if (s != c && isElement(s) && (tagOf(s) == Tag::Img || tagOf(s) == Tag::Picture))
                    siblingImg = true;
            drop = !hasImg || siblingImg;
            // A page that renders its article with script may ship the article itself as the fallback.
            if (drop && info(c).preText > 199)
                drop = false;
            break;
        }
        default:
            break;
        }
        if ((t == Tag::Svg || t == Tag::Math) && !drop) {
            // libxml2 does not know SVG/MathML and nests what follows an unclosed one inside it; keep such
            // misnested HTML blocks, drop real drawings and formulas (their text is labels, not prose).
            if (containsHtmlBlocks(c)) {
                xmlNode *first = c->children;
                while (c->children) {
                    xmlNode *moved = c->children;
                    xmlUnlinkNode(moved);
                    // libxml2 merges a text node into the text before it: that node's cached counts are stale.
                    if (xmlNode *kept = xmlAddPrevSibling(c, moved); kept && kept->type == XML_TEXT_NODE)
                        kept->_private = nullptr;
                }
                remove(c);
                c = first ? first : next;
                continue;
            }
            drop = true;
        }
        if (!drop && !softDrop) {
            if (isHidden(c))
                drop = true;
            else if (hasHiddenClass(c))
                softDrop = true; // a "hidden" class may be a "show more" toggle around the article itself
        }
        if (!drop && !softDrop) {
            const std::string role = lower(attr(c, "role"));
            if (role == "menu" || role == "menubar" || role == "complementary" || role == "navigation"
                || role == "alert" || role == "alertdialog" || role == "dialog")
                softDrop = true;
        }
        if (softDrop && !drop) {
            // libxml2 nests the rest of the page inside an element it cannot close (unknown HTML5
            // elements, stray tags); such an element holds most of the text and is not what it looks like.
            if (isPageWrapper(c))
                softDrop = false;
            else
                drop = true;
        }
        if (!drop && t == Tag::A && domByline.isEmpty() && lower(attr(c, "rel")) == "author") {
            // <a rel="author">Name</a>: the byline. The link stays in the text (it is often inside a sentence).
            const QString name = innerText(c);
            if (!name.isEmpty() && name.size() < 100 && !isDateline(name))
                domByline = name;
        }
        std::string ci;
        if (!drop && t != Tag::Body && t != Tag::Html && t != Tag::A) {
            ci = classAndId(c);
            if (ci.size() > 1) {
                // Byline: keep its text for the metadata, drop the element.
                const std::string rel = lower(attr(c, "rel"));
                const std::string itemprop = lower(attr(c, "itemprop"));
                if ((rel == "author" || itemprop.find("author") != std::string::npos
                        || ci.find("byline") != std::string::npos || ci.find("author") != std::string::npos
                        || ci.find("dateline") != std::string::npos || ci.find("writtenby") != std::string::npos
                        || ci.find("p-author") != std::string::npos)
                    && t != Tag::Article && t != Tag::Main && t != Tag::Body) {
                    const QString text = innerText(c);
                    if (!text.isEmpty() && text.size() < 100) {
                        if (domByline.isEmpty()) {
                            // Prefer an itemprop=name descendant (Readability 0.6); a date is no byline.
                            const xmlNode *name = findItempropName(c);
                            if (!name)
                                name = findAuthorLink(c);
                            const QString raw = name ? innerText(name) : text;
                            const QString candidate = trimTrailingDate(raw);
                            const bool dateOnly = isDateline(raw) && !candidate.contains(u' ');
                            if (!candidate.isEmpty() && !dateOnly
                                && !(isDateline(candidate) && !candidate.startsWith(u"By ")))
                                domByline = candidate;
                        }
                        drop = true;
                    }
                }
                if (!drop && t != Tag::Article && t != Tag::Main && containsAny(ci, kBrowserWarning)
                    && !isPageWrapper(c))
                    drop = true;
                if (!drop && (m_flags & StripUnlikely) && inTable == 0 && inCode == 0 && t != Tag::Article
                    && t != Tag::Main && containsAny(ci, kUnlikely) && !containsAny(ci, kMaybe) && !isEmbeddedPost(c)) {
                    // A wrapper that holds most of the page ("above-footer", "page-header-and-body") is not
                    // boilerplate, whatever its name says.
                    drop = !((t == Tag::Div || t == Tag::Section) && isPageWrapper(c));
                    usedFlags |= drop ? unsigned(StripUnlikely) : 0u;
                }
            }
        }
        if (!drop && (t == Tag::H1 || t == Tag::H2) && !m_titleHeadingRemoved) {
            const QString text = innerText(c);
            if (similarTitle(text, m_page.metadata.title)) {
                m_titleHeadingRemoved = true;
                for (xmlNode *p = e; p && isElement(p); p = p->parent)
                    if (tagOf(p) == Tag::Article) {
                        m_titleArticle = p;
                        break;
                    }
                drop = true;
            }
        }
        if (!drop && t == Tag::Time && domPublished.isEmpty())
            domPublished = attrString(c, "datetime");
        if (drop) {
            remove(c);
        } else if (c->children) {
            clean(c, inTable + (t == Tag::Table), inCode + (t == Tag::Code || t == Tag::Pre));
        }
        c = next;
    }
}

// One pass over the whole tree before clean(): the text and link text of every subtree, so that clean() and the
// standfirst search read them instead of walking subtrees again.
void Engine::countBeforeCleaning(xmlNode *e, bool inLink)
{
    int text = 0, link = 0;
    const bool inA = inLink || tagOf(e) == Tag::A;
    for (xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            const int n = textCount(c).chars;
            text += n;
            link += inA ? n : 0;
        } else if (isElement(c)) {
            const Tag t = tagOf(c);
            if (t == Tag::Script || t == Tag::Style || t == Tag::Noscript || t == Tag::Template) {
                if (t == Tag::Noscript)
                    countBeforeCleaning(c, inA); // its own count decides whether it stays; not in its parent's
                continue;
            }
            countBeforeCleaning(c, inA);
            const Info &ci = info(c);
            text += ci.preText;
            link += ci.preLink;
        }
    }
    Info &mine = info(e);
    mine.preText = text;
    mine.preLink = link;
}

Info Engine::computeStats(xmlNode *e, bool inLink)
{
    Info sums;
    const Tag self = tagOf(e);
    const bool link = inLink || self == Tag::A;
    for (xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            const TextCount tc = textCount(c);
            sums.text += tc.chars;
            sums.commas += tc.commas;
            sums.inlineText += tc.chars;
            sums.inlineCommas += tc.commas;
            if (link)
                sums.link += tc.chars;
        } else if (isElement(c)) {
            const Info ci = computeStats(c, link);
            const Tag t = tagOf(c);
            sums.text += ci.text;
            sums.link += ci.link;
            sums.commas += ci.commas;
            const bool block = isBlockForDivToP(t) || ci.blockDesc;
            if (block)
                sums.blockDesc = true;
            else {
                sums.inlineText += ci.text;
                sums.inlineCommas += ci.commas;
            }
        }
    }
    // Prose mass: a paragraph-like element with enough text and few links counts whole; others pass up
    // what their children hold.
    const bool paragraphLike = self == Tag::P || self == Tag::Pre
        || (!sums.blockDesc && (self == Tag::Div || self == Tag::Section || self == Tag::Td));
    int good = 0;
    if (paragraphLike && sums.text >= 40 && sums.link * 3 < sums.text)
        good = sums.text;
    else
        for (xmlNode *c = e->children; c; c = c->next)
            if (isElement(c))
                good += info(c).goodText;
    Info &mine = info(e);
    mine.goodText = good;
    mine.text = sums.text;
    mine.link = sums.link;
    mine.commas = sums.commas;
    mine.inlineText = sums.inlineText;
    mine.inlineCommas = sums.inlineCommas;
    mine.blockDesc = sums.blockDesc;
    return mine;
}

void Engine::initialize(xmlNode *e, std::vector<xmlNode *> &candidates)
{
    Info &i = info(e);
    if (i.initialized)
        return;
    i.initialized = true;
    double s = 0;
    switch (tagOf(e)) {
    case Tag::Div:
        s = 5;
        break;
    case Tag::Pre:
    case Tag::Td:
    case Tag::Blockquote:
        s = 3;
        break;
    case Tag::Address:
    case Tag::Ol:
    case Tag::Ul:
    case Tag::Dl:
    case Tag::Dd:
    case Tag::Dt:
    case Tag::Li:
    case Tag::Form:
        s = -3;
        break;
    case Tag::H1:
    case Tag::H2:
    case Tag::H3:
    case Tag::H4:
    case Tag::H5:
    case Tag::H6:
    case Tag::Th:
        s = -5;
        break;
    default:
        break;
    }
    if (m_flags & WeightClasses) {
        const int w = classWeight(e);
        s += w;
        usedFlags |= w != 0 ? unsigned(WeightClasses) : 0u;
    }
    // Structural signals (Trafilatura): the page says where its article body is.
    const std::string itemprop = lower(attr(e, "itemprop"));
    if (itemprop.find("articlebody") != std::string::npos || itemprop.find("text") != std::string::npos)
        s += 25;
    const Tag t = tagOf(e);
    if (t == Tag::Article || t == Tag::Main || lower(attr(e, "role")) == "main")
        s += 10;
    i.score = s;
    candidates.push_back(e);
}

void Engine::addScore(xmlNode *e, int text, int commas, bool pseudo, std::vector<xmlNode *> &candidates)
{
    if (text < 25)
        return;
    const double score = 1 + commas + std::min(text / 100, 3);
    xmlNode *a = pseudo ? e : e->parent;
    for (int level = 0; a && level < 5; ++level, a = a->parent) {
        if (!isElement(a) || !a->parent || !isElement(a->parent))
            break;
        initialize(a, candidates);
        const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        info(a).score += score / divider;
    }
}

// Loose text among the blocks of e ("div to p"): each run of inline content between blocks and <br> line breaks
// is a paragraph of its own, as Readability.js makes it when it wraps phrasing content in <p>.
void Engine::scoreLooseRuns(xmlNode *e, std::vector<xmlNode *> &candidates)
{
    int text = 0, commas = 0;
    for (xmlNode *c = e->children;; c = c->next) {
        bool boundary = !c;
        if (c && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
            const TextCount tc = textCount(c);
            text += tc.chars;
            commas += tc.commas;
        } else if (c && isElement(c)) {
            const Tag t = tagOf(c);
            const Info &ci = info(c);
            if (t == Tag::Br || isBlockForDivToP(t) || ci.blockDesc)
                boundary = true;
            else {
                text += ci.text;
                commas += ci.commas;
            }
        }
        if (boundary) {
            if (text >= 25)
                addScore(e, text, commas, true, candidates);
            text = commas = 0;
        }
        if (!c)
            break;
    }
}

void Engine::scoreParagraphs(xmlNode *e, std::vector<xmlNode *> &candidates)
{
    for (xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        const Info &i = info(c);
        const bool scoreTag = t == Tag::P || t == Tag::Td || t == Tag::Pre
            || ((t == Tag::H2 || t == Tag::H3 || t == Tag::H4 || t == Tag::H5 || t == Tag::H6));
        const bool divLike
            = (t == Tag::Div || t == Tag::Section || t == Tag::Article || t == Tag::Font || t == Tag::Center
                || t == Tag::Span || t == Tag::Dd || t == Tag::Li || t == Tag::Blockquote || t == Tag::Other);
        if (scoreTag) {
            addScore(c, i.text, i.commas, false, candidates);
            if (t == Tag::Td && i.blockDesc)
                scoreParagraphs(c, candidates);
            continue;
        }
        if (divLike && !i.blockDesc) {
            if (t == Tag::Div || t == Tag::Section || t == Tag::Article || t == Tag::Other || t == Tag::Font
                || t == Tag::Center || t == Tag::Dd)
                addScore(c, i.text, i.commas, false, candidates);
            continue;
        }
        if (i.blockDesc && i.inlineText >= 25 && t != Tag::Body && t != Tag::Html) {
            scoreLooseRuns(c, candidates); // loose text among blocks ("div to p")
        }
        if (c->children)
            scoreParagraphs(c, candidates);
    }
}

void collectItempropBodies(xmlNode *e, std::vector<xmlNode *> &out)
{
    for (xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const std::string itemprop = lower(attr(c, "itemprop"));
        if (itemprop.find("articlebody") != std::string::npos || itemprop.find("blogpost") != std::string::npos)
            out.push_back(c);
        collectItempropBodies(c, out);
    }
}

xmlNode *uniqueItempropBody(xmlNode *body)
{
    std::vector<xmlNode *> found;
    collectItempropBodies(body, found);
    return found.size() == 1 ? found.front() : nullptr;
}

bool isDescendant(const xmlNode *n, const xmlNode *ancestor)
{
    for (const xmlNode *p = n; p; p = p->parent)
        if (p == ancestor)
            return true;
    return false;
}

int countTag(const xmlNode *e, Tag tag)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (tagOf(c) == tag)
            ++n;
        n += countTag(c, tag);
    }
    return n;
}

int countHeadingText(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (isHeading(tagOf(c)))
            n += int(innerText(c).size());
        else
            n += countHeadingText(c);
    }
    return n;
}

int listText(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        if (t == Tag::Ul || t == Tag::Ol)
            n += int(innerText(c).size());
        else
            n += listText(c);
    }
    return n;
}

bool hasAncestor(const xmlNode *e, Tag tag)
{
    for (const xmlNode *p = e->parent; p && isElement(p); p = p->parent)
        if (tagOf(p) == tag)
            return true;
    return false;
}

bool isDataTableElement(xmlNode *table)
{
    return ReaderBuilder::isDataTable(table);
}

bool hasBlockDescendant(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (isBlockForDivToP(tagOf(c)) || hasBlockDescendant(c))
            return true;
    }
    return false;
}

int commaCount(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE)
            n += textCount(c).commas;
        else if (isElement(c))
            n += commaCount(c);
    }
    return n;
}

int taggedTextLength(const xmlNode *e, bool (*match)(Tag))
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        n += match(tagOf(c)) ? textLength(c) : taggedTextLength(c, match);
    }
    return n;
}

// What _cleanConditionally weighs in a subtree, gathered in one walk (the same figures as textLength(),
// taggedTextLength() for lists and for headings, linkTextLength(), commaCount() and countTag() for <p>, <img>,
// <li> and <input>, which each walked the subtree again).
struct ConditionalTally
{
    int text = 0; // textLength()
    int listText = 0; // taggedTextLength(Ul or Ol)
    int headingText = 0; // taggedTextLength(isHeading)
    int linkText = 0; // linkTextLength()
    int commas = 0; // commaCount()
    int p = 0, img = 0, li = 0, input = 0;
};

// Each figure counts a text node when no script/style/noscript/template lies between it and where that figure
// starts counting (the element itself, or the list, heading or link that holds the text), as the separate walks
// did. `skip*`: such an element lies on that stretch of the path.
void tallyConditional(const xmlNode *e, ConditionalTally &t, bool skip, bool inList, bool skipList, bool inHeading,
    bool skipHeading, bool inLink, bool skipLink)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            const TextCount tc = textCount(c);
            t.commas += tc.commas;
            if (!skip)
                t.text += tc.chars;
            if (inList && !skipList)
                t.listText += tc.chars;
            if (inHeading && !skipHeading)
                t.headingText += tc.chars;
            if (inLink && !skipLink)
                t.linkText += tc.chars;
            continue;
        }
        if (!isElement(c))
            continue;
        const Tag tag = tagOf(c);
        t.p += tag == Tag::P;
        t.img += tag == Tag::Img;
        t.li += tag == Tag::Li;
        t.input += tag == Tag::Input;
        const bool skipped = tag == Tag::Script || tag == Tag::Style || tag == Tag::Noscript || tag == Tag::Template;
        // The outermost list / heading / link starts its count (an inner one is inside the outer one's text).
        const bool startsList = !inList && (tag == Tag::Ul || tag == Tag::Ol);
        const bool startsHeading = !inHeading && isHeading(tag);
        const bool startsLink = !inLink && tag == Tag::A;
        if (c->children)
            tallyConditional(c, t, skip || skipped, inList || startsList,
                startsList ? skipped : (skipList || skipped), inHeading || startsHeading,
                startsHeading ? skipped : (skipHeading || skipped), inLink || startsLink,
                startsLink ? skipped : (skipLink || skipped));
    }
}

// Readability.js _cleanConditionally for one element (lengths counted on the bytes, no string copies).
bool Engine::shouldRemoveConditionally(xmlNode *e)
{
    const Tag t = tagOf(e);
    if (t == Tag::Table && isDataTableElement(e))
        return false;
    if (t == Tag::Div && !hasBlockDescendant(e))
        return false; // Readability turns such a div into a paragraph before cleaning
    if (hasAncestor(e, Tag::Code) || hasAncestor(e, Tag::Pre))
        return false;
    for (const xmlNode *p = e->parent; p && isElement(p); p = p->parent)
        if (tagOf(p) == Tag::Table && isDataTableElement(const_cast<xmlNode *>(p)))
            return false;
    ConditionalTally tally;
    tallyConditional(e, tally, false, false, false, false, false, false, false);
    const int contentLength = tally.text;
    bool isList = t == Tag::Ul || t == Tag::Ol;
    if (!isList && contentLength > 0)
        isList = double(tally.listText) / contentLength > 0.9;
    const int weight = (m_flags & WeightClasses) ? classWeight(e) : 0;
    if (weight != 0)
        usedFlags |= WeightClasses;
    if (isEmbeddedPost(e))
        return false;
    if (weight < 0)
        return true;
    if (tally.commas >= 10)
        return false;
    const int p = tally.p;
    const int img = tally.img;
    const int li = tally.li - 100;
    const int input = tally.input;
    const double headingDensity = contentLength ? double(tally.headingText) / contentLength : 0;
    if (contentLength <= 45 && isBoilerplateLabel(innerText(e)))
        return true;
    const double linkDensity = contentLength ? double(tally.linkText) / contentLength : 0;
    const bool inFigure = hasAncestor(e, Tag::Figure);
    bool remove = (img > 1 && double(p) / img < 0.5 && !inFigure) || (!isList && li > p) || (input > p / 3)
        || (!isList && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && !inFigure)
        || (!isList && weight < 25 && linkDensity > 0.2) || (weight >= 25 && linkDensity > 0.5);
    if (isList && remove) {
        for (const xmlNode *c = e->children; c; c = c->next)
            if (isElement(c) && c->children && c->children->next)
                return remove;
        if (img == tally.li)
            return false;
    }
    return remove;
}

void Engine::prepare(xmlNode *root)
{
    // Post-order: children first, so a container is judged on what survives inside it.
    std::vector<xmlNode *> order;
    std::vector<std::pair<xmlNode *, bool>> stack { { root, false } };
    while (!stack.empty()) {
        auto [n, visited] = stack.back();
        stack.pop_back();
        if (visited) {
            order.push_back(n);
            continue;
        }
        stack.push_back({ n, true });
        for (xmlNode *c = n->last; c; c = c->prev)
            if (isElement(c))
                stack.push_back({ c, false });
    }
    const int rootText = std::max(1, textLength(root));
    for (xmlNode *n : order) {
        if (n == root || !n->parent)
            continue;
        const Tag t = tagOf(n);
        // Boilerplate boxes by class/id (share bars, related links, newsletter and donation appeals, ads).
        const std::string ci = classAndId(n);
        if (ci.size() > 1 && t != Tag::Article && t != Tag::Main && t != Tag::P) {
            if ((containsAny(ci, kBoilerplate) || isAdClass(ci)) && !isEmbeddedPost(n)) {
                const int len = textLength(n);
                if (len < rootText / 4 || len < 200) {
                    Dom::remove(n);
                    continue;
                }
            }
        }
        // Captions and credits that float outside any <figure> with no image beside them: the image they
        // describe is gone from the reader view (script galleries, background images), so the text would stand
        // alone.
        if (ci.size() > 1 && t != Tag::Figcaption && t != Tag::Figure
            && (ci.find("caption") != std::string::npos || ci.find("credit") != std::string::npos)
            && !hasAncestor(n, Tag::Figure) && countTag(n, Tag::Figure) == 0 && textLength(n) < 400
            && !(n->parent && countTag(n->parent, Tag::Img) > 0)) {
            Dom::remove(n);
            continue;
        }
        if ((t == Tag::H1 || t == Tag::H2 || t == Tag::H3) && (m_flags & WeightClasses) && classWeight(n) < 0) {
            usedFlags |= WeightClasses;
            Dom::remove(n);
            continue;
        }
        if ((m_flags & CleanConditionally)
            && (t == Tag::Form || t == Tag::Fieldset || t == Tag::Table || t == Tag::Ul || t == Tag::Ol || t == Tag::Div
                || t == Tag::Aside || t == Tag::Footer)) {
            if (shouldRemoveConditionally(n)) {
                usedFlags |= CleanConditionally;
                Dom::remove(n);
                continue;
            }
        }
        if (t == Tag::P || t == Tag::Span || t == Tag::Strong || t == Tag::B || t == Tag::Li || t == Tag::Div
            || isHeading(t)) {
            if (textLengthAtMost(n, 45) && isBoilerplateLabel(innerText(n))) {
                Dom::remove(n);
                continue;
            }
        }
    }
}

// The standfirst: a paragraph whose text is the page's own description (meta description / og:description,
// possibly cut short with an ellipsis). Pages often set it in the header beside the headline, outside the block
// that wins, and a reader wants it (Trafilatura keeps it too).
void Engine::findStandfirst(xmlNode *e, const QString &description, int budget)
{
    for (xmlNode *c = e->children; c && standfirst.isEmpty(); c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        if (t == Tag::Script || t == Tag::Style || t == Tag::Head || t == Tag::Noscript || t == Tag::Template
            || t == Tag::A || t == Tag::Nav || t == Tag::Footer)
            continue;
        const int len = info(c).preText;
        if (len < budget / 2)
            continue; // too short to hold it
        if ((t == Tag::P || t == Tag::Div || t == Tag::H2 || t == Tag::Span) && len <= budget * 3 / 2 + 20
            && !hasBlockDescendant(c) && !isHidden(c)) {
            const QString text = collapseWhitespace(innerText(c)).trimmed();
            QString d = description;
            while (d.endsWith(u'…') || d.endsWith(u'.') || d.endsWith(u' '))
                d.chop(1);
            if (text.size() >= 50 && text.startsWith(d.left(std::max<qsizetype>(50, d.size() - 5))))
                standfirst = text;
            continue;
        }
        if (c->children)
            findStandfirst(c, description, budget);
    }
}

std::vector<xmlNode *> Engine::run()
{
    xmlNode *root = xmlDocGetRootElement(m_doc);
    if (!root)
        return {};
    xmlNode *body = nullptr;
    for (xmlNode *c = root->children; c; c = c->next)
        if (isElement(c) && tagOf(c) == Tag::Body)
            body = c;
    if (!body)
        body = root;
    countBeforeCleaning(body, false);
    m_bodyText = info(body).preText;
    if (const QString d = collapseWhitespace(m_page.metadata.excerpt).trimmed(); d.size() >= 50)
        findStandfirst(body, d, int(d.size()));
    clean(body, 0, 0);
    computeStats(body, false);
    std::vector<xmlNode *> candidates;
    scoreParagraphs(body, candidates);

    xmlNode *top = nullptr;
    double topScore = 0;
    bool markedByPage = false;
    for (xmlNode *c : candidates) {
        Info &i = info(c);
        i.score *= (1 - linkDensity(c));
        if (!top || i.score > topScore) {
            top = c;
            topScore = i.score;
        }
    }
    // Schema.org microdata names the main content (itemprop="articleBody" or "blogPost"); when exactly one
    // element says so and it holds real prose, it outranks a heavier block elsewhere (Trafilatura trusts the
    // same markers first).
    if (xmlNode *marked = uniqueItempropBody(body); marked && marked != top) {
        const Info &mi = info(marked);
        if (mi.goodText >= 200 && mi.link * 3 < mi.text) {
            if (!mi.initialized) {
                std::vector<xmlNode *> dummy;
                initialize(marked, dummy);
            }
            top = marked;
            topScore = std::max(info(marked).score, topScore);
            info(marked).score = topScore;
            markedByPage = true;
        }
    }
    if (top && lcExtraction().isDebugEnabled()) {
        QString path;
        for (const xmlNode *p = top; p && isElement(p); p = p->parent)
            path = QString::fromUtf8(reinterpret_cast<const char *>(p->name)) + u'.'
                + QString::fromStdString(classAndId(p)).simplified().replace(u' ', u'.') + u" > " + path;
        qCDebug(lcExtraction) << "top candidate" << topScore << path;
    }
    std::vector<xmlNode *> content;
    if (!top || top == body) {
        content.push_back(body);
    } else {
        if (!markedByPage && m_titleArticle) {
            // Several posts on one page (infinite scroll, a feed, a recipe split into <article> boxes): the
            // <article> that holds the page's headline is the page's article, though another scores higher, as
            // long as it holds some prose (Trafilatura's heading proximity, at the level of <article> elements).
            xmlNode *otherArticle = nullptr;
            for (xmlNode *p = top; p && p != body && isElement(p); p = p->parent)
                if (tagOf(p) == Tag::Article) {
                    otherArticle = p;
                    break;
                }
            if (otherArticle && otherArticle != m_titleArticle && !isDescendant(otherArticle, m_titleArticle)
                && !isDescendant(m_titleArticle, otherArticle)
                && info(m_titleArticle).goodText * 10 >= info(top).goodText) {
                top = m_titleArticle;
                if (!info(top).initialized) {
                    std::vector<xmlNode *> dummy;
                    initialize(top, dummy);
                }
            }
        }
        if (!markedByPage) {
            // Readability: when several near-top candidates share an ancestor, the ancestor is the article.
            std::vector<xmlNode *> sorted = candidates;
            std::sort(
                sorted.begin(), sorted.end(), [this](xmlNode *a, xmlNode *b) { return info(a).score > info(b).score; });
            std::vector<xmlNode *> alternatives;
            for (size_t k = 1; k < sorted.size() && k < 5; ++k)
                if (info(sorted[k]).score / topScore >= 0.75)
                    alternatives.push_back(sorted[k]);
            if (alternatives.size() >= 3) {
                for (xmlNode *p = top->parent; p && p != body && isElement(p); p = p->parent) {
                    int containing = 0;
                    for (xmlNode *alt : alternatives)
                        if (isDescendant(alt, p))
                            ++containing;
                    if (containing >= 3) {
                        top = p;
                        break;
                    }
                }
            }
            if (!info(top).initialized) {
                std::vector<xmlNode *> dummy;
                initialize(top, dummy);
            }
            // Climb while the parent scores better.
            double lastScore = info(top).score;
            const double threshold = lastScore / 3;
            for (xmlNode *p = top->parent; p && p != body && isElement(p); p = p->parent) {
                const Info &pi = info(p);
                if (!pi.initialized)
                    continue;
                if (pi.score < threshold)
                    break;
                if (pi.score > lastScore) {
                    top = p;
                    break;
                }
                lastScore = pi.score;
            }
            // An only child is its parent.
            while (top->parent && top->parent != body && isElement(top->parent)) {
                int elements = 0;
                for (xmlNode *c = top->parent->children; c; c = c->next)
                    if (isElement(c))
                        ++elements;
                if (elements != 1)
                    break;
                top = top->parent;
            }
            // Trafilatura-style check on prose mass: when an ancestor holds clearly more prose than the winner
            // (an article split into sibling sections by figures or ads), the ancestor is the article.
            for (int steps = 0; steps < 3 && top->parent && top->parent != body && isElement(top->parent); ++steps) {
                xmlNode *p = top->parent;
                const Info &ti = info(top), &pi = info(p);
                const double ld = pi.text ? double(pi.link) / pi.text : 0;
                if (pi.goodText * 10 >= ti.goodText * 13 && ti.goodText > 0 && ld < 0.3)
                    top = p;
                else
                    break;
            }
            // A winner inside a table (a cell, a row) next to the paragraphs of the article: the table is a part of
            // the article (a list of names, a box of figures), and the block around it is the article.
            {
                xmlNode *table = nullptr;
                for (xmlNode *p = top; p && p != body && isElement(p); p = p->parent)
                    if (tagOf(p) == Tag::Table) {
                        table = p;
                        break;
                    }
                if (table && table->parent && table->parent != body && isElement(table->parent)) {
                    int prose = 0;
                    for (xmlNode *c = table->parent->children; c; c = c->next)
                        if (isElement(c) && c != table && tagOf(c) != Tag::Table)
                            prose += info(c).goodText;
                    if (prose >= kTableClimbProse)
                        top = table->parent;
                }
            }
            // A winner with under half of the page's prose is a part of the article (an intro box, one section,
            // one column of a layout grid): the nearest ancestor (at most kProseClimbLevels up) that holds
            // kProseClimbShare of it, with few links, is (Trafilatura's check of the parent when the chosen block
            // is a small part of it, measured against the whole page).
            // Only on the first pass: the passes with fewer cleaning rules count boilerplate as prose.
            if (const int pageProse = info(body).goodText;
                (m_flags & StripUnlikely) && pageProse > 0 && info(top).goodText * 2 < pageProse) {
                int levels = 0;
                for (xmlNode *p = top->parent; p && p != body && isElement(p) && levels < kProseClimbLevels;
                    p = p->parent, ++levels) {
                    const Info &pi = info(p);
                    if (pi.text && pi.link * 5 >= pi.text)
                        break; // link density 0.2: navigation and teaser grids, not the article
                    if (pi.goodText >= pageProse * kProseClimbShare) {
                        top = p;
                        break;
                    }
                }
            }
        }
        topScore = info(top).score;
        // The block chosen after the climbs, one ancestor a line ("tag<TAB>class id"), between FINALTOP and END
        // markers that analysis scripts look for.
        if (lcExtraction().isDebugEnabled()) {
            QString path;
            for (const xmlNode *p = top; p && isElement(p); p = p->parent)
                path = QString::fromUtf8(reinterpret_cast<const char *>(p->name)) + u'\t'
                    + QString::fromStdString(classAndId(p)).simplified() + u"\n" + path;
            qCDebug(lcExtraction).noquote() << QStringLiteral("FINALTOP\n") + path + QStringLiteral("END");
        }
        for (const xmlNode *p = top; p && isElement(p); p = p->parent) {
            const std::string d = lower(attr(p, "dir"));
            if (!d.empty()) {
                articleDir = QString::fromStdString(d);
                break;
            }
        }
        // Siblings that belong to the article.
        const double siblingThreshold = std::max(10.0, topScore * 0.2);
        const std::string topClass(attr(top, "class"));
        xmlNode *parent = top->parent;
        for (xmlNode *s = parent->children; s; s = s->next) {
            if (!isElement(s))
                continue;
            if (s == top) {
                content.push_back(s);
                continue;
            }
            if (markedByPage && (tagOf(s) == Tag::Article || countTag(s, Tag::Article) > 0))
                continue; // another post, not part of the one the page marked
            const Info &si = info(s);
            double bonus = 0;
            if (!topClass.empty() && attr(s, "class") == topClass)
                bonus += topScore * 0.2;
            if (si.initialized && si.score + bonus >= siblingThreshold) {
                content.push_back(s);
                continue;
            }
            const Tag st = tagOf(s);
            if (st == Tag::P || (st == Tag::Div && !si.blockDesc)) {
                const double ld = si.text ? double(si.link) / si.text : 0;
                if (si.text > 80 && ld < 0.25) {
                    content.push_back(s);
                } else if (si.text < 80 && si.text > 0 && ld == 0) {
                    const QString t = innerText(s);
                    if (t.endsWith(u'.') || t.contains(u". "))
                        content.push_back(s);
                }
            }
        }
    }
    for (xmlNode *c : content)
        prepare(c);
    return content;
}

QString findLongestBody(const QJsonValue &v, int depth = 0)
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
    xmlDocPtr doc = htmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8", kParseOptions);
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
        xmlDocPtr frag = htmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8", kParseOptions);
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

QString blockText(const ReaderNode &n)
{
    QString t;
    for (const InlineRun &r : n.runs)
        t += r.text;
    return t;
}

// Calls-to-action and page furniture that sit inside article containers: newsletter and app prompts,
// "follow us", "read more" teasers, copyright lines. Only short blocks are judged: up to 250 characters on all
// signals, up to kLongCallToAction on the phrases that no article sentence uses (a reprint notice run into one
// paragraph with its contact line).
constexpr qsizetype kLongCallToAction = 320;

// A literal prefilter for the call-to-action patterns below: every alternative of a pattern contains one of its
// literals, so when none occurs in the text (ASCII case folded), the pattern cannot match and PCRE2 need not
// run. The text is folded only when no character in it folds onto an ASCII letter under PCRE2's Unicode caseless
// matching (U+017F long s, U+212A Kelvin sign); otherwise the caller runs the pattern.
struct LiteralSet
{
    std::vector<std::string> byFirst[128];
    explicit LiteralSet(std::initializer_list<const char *> literals)
    {
        for (const char *l : literals)
            byFirst[static_cast<unsigned char>(l[0])].emplace_back(l); // every literal has two characters or more
    }
    // `folded`: the text with ASCII letters lower-cased, every other character as 0x80 (never in a literal).
    bool anyIn(const std::string &folded) const
    {
        const size_t n = folded.size();
        for (size_t i = 0; i < n; ++i) {
            const auto c = static_cast<unsigned char>(folded[i]);
            if (c >= 128)
                continue;
            for (const std::string &l : byFirst[c])
                if (l.size() <= n - i && folded[i + 1] == l[1]
                    && std::memcmp(folded.data() + i + 2, l.data() + 2, l.size() - 2) == 0)
                    return true;
        }
        return false;
    }
};

bool foldForPrefilter(const QString &text, std::string &folded)
{
    folded.resize(size_t(text.size()));
    const QChar *chars = text.constData();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = chars[i].unicode();
        if (u < 128)
            folded[size_t(i)] = char(u >= 'A' && u <= 'Z' ? u + 32 : u);
        else if (u == 0x017F || u == 0x212A)
            return false;
        else
            folded[size_t(i)] = char(0x80);
    }
    return true;
}

bool isCallToAction(const QString &text)
{
    if (text.size() > kLongCallToAction)
        return false;
    // Split in two so that PCRE2 can use its start-of-match optimisation: one alternative that may begin
    // anywhere (".{0,40}" after "^") in a single pattern made it try every alternative at every position.
    static const QRegularExpression anywhere(
        QStringLiteral(
            "(?:\\b|^)(subscribe (to|now|today|for)|sign up (for|to|here|now)|newsletters?\\b|click here|"
            "follow (us|him|her|me|them) (on|at)|follow @|download (the|our) app|get the app|"
            "all rights reserved|have a tip\\?|share this (article|story|post)|"
            "is not responsible for|enable javascript|update your browser|cookies? (policy|settings)|"
            "sign in to|log in to|create (a free |an )?account|already a subscriber|"
            "abonnieren|newsletter|jetzt (lesen|abonnieren|anmelden)|inscrivez-vous|abonnez-vous|suscríbete|"
            "\\bcopyright\\s*(©|\\(c\\)|@)?\\s*(19|20)\\d\\d\\b|(tell us|we want to hear) what you think|"
            "sharing is caring|this slideshow requires javascript|download (the|our) (\\w+ ){0,2}apps?\\b|"
            "s(i|í)guenos en|"
            "canal de (telegram|youtube|whatsapp)|cancela cuando quieras|letter to the editor via|"
            "contains references to products|als pdf herunterladen|do subskrypcji|"
            "reading time|min(ute)?s? read\\b|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura|"
            "copyrighted property|"
            "written permission|(sie sind|you are) (aktuell |currently )?(nicht|not) (eingeloggt|logged in)|"
            "gibt die meinung de[rs] autor|wurde (zuerst |erstmals )?(veröffentlicht|publiziert) "
            "(auf|bei|in)|"
            "(comentários|comments?|kommentare|comentarios)\\b.{0,80}\\b(moderad|moderat|aprovad|approv))"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression atStart(
        QStringLiteral(
            "^(this entry was posted\\b|der beitrag wurde am\\b|"
            "unless otherwise stated,? the content|sofern nicht anders (ausgewiesen|angegeben)|"
            "(warning|notice|deprecated): .{0,200}\\bon line \\d+|"
            ".{0,40}\\bshare (this|it|on)\\b|\\W*©|\\(?leggi anche|"
            "crédits? photos?|"
            "(tags|tagged with|schlagw(ö|o)rter|schlagworte|etiquetas)\\b|"
            "(jump|skip) to (navigation|search|content|main content)|"
            "(czytaj (też|także)|auch lesen|lesen sie auch|zum thema)\\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression prefix(
        QStringLiteral("^\\[?(read more|read next|read also|also read|related( articles?| stories| coverage| posts?)?|"
                       "see also|more from|more on this|watch|listen|recommended|trending|you may also like|"
                       "lesen sie (auch|mehr)|mehr zum thema|mehr dazu|siehe auch|weiterlesen|à lire aussi|lire aussi|"
                       "voir aussi|leer más|lea (también|más)|lee también|vea también|mira también|"
                       "advertisement|sponsored|anzeige)\\b\\s*[:|»>\\-–—]"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // One literal of each alternative of `anywhere`, `atStart` and `prefix` (see LiteralSet).
    static const LiteralSet anywhereLiterals { "subscribe ", "sign up ", "newsletter", "click here", "follow ",
        "download ", "get the app", "all rights reserved", "have a tip?", "share this ", "is not responsible for",
        "enable javascript", "update your browser", "cookie", "sign in to", "log in to", "account",
        "already a subscriber", "abonnieren", "jetzt ", "inscrivez-vous", "abonnez-vous", "suscr", "copyright",
        " what you think", "sharing is caring", "this slideshow requires javascript", "guenos en", "canal de ",
        "cancela cuando quieras", "letter to the editor via", "contains references to products",
        "als pdf herunterladen", "do subskrypcji", "reading time", " read", "tempo de leitura", "lesezeit",
        "temps de lecture", "tiempo de lectura", "written permission", "eingeloggt", "logged in",
        "gibt die meinung de", "wurde ", "modera", "aprovad", "approv" };
    static const LiteralSet atStartLiterals { "this entry was posted", "der beitrag wurde am",
        "unless otherwise stated", "sofern nicht anders", "on line ", "share ", "leggi anche", " photo", "tags",
        "tagged with", "schlagw", "etiquetas", "jump to ", "skip to ", "czytaj ", "auch lesen", "lesen sie auch",
        "zum thema" };
    std::string folded;
    const bool prefilter = foldForPrefilter(text, folded);
    const bool mayAnywhere = !prefilter || anywhereLiterals.anyIn(folded);
    if (text.size() > 250)
        return mayAnywhere && text.contains(anywhere); // a long paragraph only for what no article sentence says
    // `prefix` ends in one of these separators; `atStart` holds a literal or "©".
    static const QString separators = QStringLiteral(":|\u00bb>-\u2013\u2014");
    bool maySeparator = false;
    for (const QChar c : text)
        if (separators.contains(c)) {
            maySeparator = true;
            break;
        }
    const bool mayAtStart = !prefilter || text.contains(u'\u00a9') || atStartLiterals.anyIn(folded);
    if ((maySeparator && text.contains(prefix)) || (mayAtStart && text.contains(atStart))
        || (mayAnywhere && text.contains(anywhere)))
        return true;
    // SHOUTED one-liners with a verb of action ("GET FOX BUSINESS ON THE GO BY CLICKING HERE").
    int upper = 0, letters = 0;
    for (const QChar c : text)
        if (c.isLetter()) {
            ++letters;
            upper += c.isUpper();
        }
    if (letters >= 12 && upper * 10 >= letters * 9 && text.size() < 120) {
        static const QRegularExpression verbs(
            QStringLiteral("\\b(CLICK|READ|GET|WATCH|SUBSCRIBE|SIGN|FOLLOW|DOWNLOAD|LISTEN)\\b"));
        if (text.contains(verbs))
            return true;
    }
    return false;
}

// A photo credit on a line of its own ("Foto: Jane Doe", "© Jane Doe", "Jane Doe/Getty Images", "(Credit: iStock)"):
// it names who took a picture, not what the article says. Trafilatura's evaluation counts such lines as
// boilerplate, and AEB's ground truth leaves them out. Only short lines without a sentence in them are judged, and
// the caller asks only outside figures (Readability.js keeps a figure's credit with its caption).
bool isPhotoCredit(const QString &text)
{
    if (text.size() > 90 || text.size() < 3)
        return false;
    // Every alternative of the pattern needs a colon, the word "by", or an agency name at the start (after an
    // optional parenthesis): without any of these, the pattern need not run.
    const QChar first = text.at(text.at(0) == u'(' && text.size() > 1 ? 1 : 0);
    static const QString agencyInitials = QStringLiteral("gGiIsSuUwWpPkK\u017f\u212a");
    if (!text.contains(u':') && !text.contains(QLatin1String("by"), Qt::CaseInsensitive)
        && !agencyInitials.contains(first))
        return false;
    static const QRegularExpression credit(
        QStringLiteral("^\\(?(fotos?|bild(er|quelle)?|photos?( credit)?|images?( credit)?|credits?|quelle|titelbild|"
                       "fotograf(ie)?|foto ?credit|picture|bildnachweis)\\s*:|"
                       "^\\(?(photo|image|picture)s? by\\b|"
                       "\\((credits?|photos?|images?|fotos?|bild|quelle): [^()]{1,60}\\)$|"
                       "^\\(?(getty ?images|istock(photo)?(\\.com)?|shutterstock|unsplash|wenn\\.com|picture[ -]alliance|"
                       "imago( images)?|stock\\.adobe\\.com|keystone)( \\(ausschnitt\\))?\\)?$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (!text.contains(credit))
        return false;
    // "Photo by Jane Doe" is a credit, "Photos: the flood, day by day. It rose ..." a caption with sentences.
    return !text.contains(QLatin1String(". "));
}

// "553", "1/12", "(3)": counters and pagers, not prose (tables are exempt; the caller skips them).
bool isNumberOnly(const QString &text)
{
    if (text.size() > 12)
        return false;
    if (text.size() >= 3 && text.count(u'_') == text.size())
        return false; // "___": a section rule the article typed, part of its text
    for (const QChar c : text)
        if (c.isLetter())
            return false;
    return true;
}

bool isDateline(const QString &text)
{
    if (text.size() > 120 || text.endsWith(u'.'))
        return false;
    static const QRegularExpression lead(
        QStringLiteral("^(by|updated|published|posted|last updated|first published|veröffentlicht|aktualisiert|"
                       "stand|von|par|publié|mis à jour|por|publicado|actualizado)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression date(
        QStringLiteral(
            "\\b(\\d{1,2}[./-]\\d{1,2}[./"
            "-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.|uhr|h)?|"
            "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|"
            "\\d{1,2}\\.?\\s+(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\\.?\\s+\\d{4}|"
            "\\d{1,2} de [a-zç]+ de \\d{4})"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const int words = int(text.split(u' ', Qt::SkipEmptyParts).size());
    return words <= 16 && (text.contains(lead) || text.contains(date)) && (text.contains(date) || words <= 6);
}

bool endsAsSentence(const QString &t);

struct FilterState
{
    QSet<QString> seen;
    // Copies of each block text in the document, and copies still to come, keyed by the text's hash (not the
    // text: on a 100 MB page a second copy of every block would double the memory).
    QHash<size_t, int> occurrences;
    QHash<size_t, int> remaining;
    QString title;
    int textBlocks = 0;
    int index = 0;
};

// A block that is one link and nothing else: a teaser headline of a related article.
bool isLinkTeaser(const ReaderNode &n, const QString &text)
{
    if (text.size() > 160 || n.runs.isEmpty())
        return false;
    for (const InlineRun &r : n.runs)
        if (r.imageSrc.isEmpty() && r.href.isEmpty() && !r.text.trimmed().isEmpty())
            return false;
    const QChar last = text.back();
    return !(last == u'.' || last == u'!' || last == u'?' || last == u':');
}

// Every item of the list is one link and nothing else (and there are at least three).
bool isLinkList(const ReaderNode &list)
{
    int items = 0;
    for (const ReaderNode &li : list.children) {
        if (li.kind != ReaderNode::ListItem)
            return false;
        for (const ReaderNode &b : li.children) {
            if (!b.isTextBlock())
                return false;
            if (b.start < 0)
                continue;
            if (!isLinkTeaser(b, blockText(b)))
                return false;
        }
        ++items;
    }
    return items >= 3;
}

void countOccurrences(const QList<ReaderNode> &nodes, QHash<size_t, int> &occurrences)
{
    for (const ReaderNode &c : nodes) {
        if (c.isTextBlock() && c.start >= 0)
            ++occurrences[qHash(blockText(c))];
        countOccurrences(c.children, occurrences);
    }
}

void countTextBlocks(const QList<ReaderNode> &nodes, int &n)
{
    for (const ReaderNode &c : nodes) {
        if (c.isTextBlock() && c.start >= 0)
            ++n;
        countTextBlocks(c.children, n);
    }
}

// Drops repeated blocks (slideshow captions, sticky teasers), calls-to-action, furniture labels and the
// dateline/byline lines at the edges of the article. Works on a finalized document; finalize() again after.
void filterNodes(QList<ReaderNode> &nodes, FilterState &st, bool inTable, bool inFigure, bool inList = false)
{
    QList<ReaderNode> kept;
    kept.reserve(nodes.size());
    bool afterImage = false;
    for (ReaderNode &n : nodes) {
        const bool nextToImage = afterImage;
        afterImage = n.kind == ReaderNode::Image || n.kind == ReaderNode::Figure;
        if (n.isTextBlock() && n.start >= 0) {
            const int index = st.index++;
            const QString text = blockText(n);
            const size_t textHash = qHash(text);
            const int later = --st.remaining[textHash]; // copies of this text still to come
            bool drop = false;
            if (!inTable && n.kind != ReaderNode::Preformatted) {
                if (isBoilerplateLabel(text) || (!inFigure && isCallToAction(text)) || isNumberOnly(text)
                    || (!inFigure && isPhotoCredit(text)))
                    drop = true;
                else if ((index < 3 || index >= st.textBlocks - 2) && isDateline(text) && !text.contains(u"(@"))
                    drop = true;
                else if (index < 3 && similarTitle(text, st.title))
                    drop = true; // the headline again (the title is metadata)
                else if (!inFigure && !inList && n.kind == ReaderNode::Paragraph && isLinkTeaser(n, text))
                    drop = true;
                else if (text.size() >= 15
                    && (inFigure || text.size() < 100 || (nextToImage && st.occurrences.value(textHash) >= 2))) {
                    // Outside figures, a sentence at the very top that comes again further down is a
                    // "Highlights" box or pull quote set above the body: the copy in the running text stays.
                    if (st.seen.contains(text)) {
                        drop = true;
                    } else if (!inFigure && later > 0 && index < 4) {
                        drop = true;
                        // ... and the box's label ("Highlights") just before it goes with it.
                        if (!kept.isEmpty() && kept.back().isTextBlock() && kept.back().start >= 0) {
                            const QString label = blockText(kept.back());
                            if (label.size() < 30 && !endsAsSentence(label))
                                kept.removeLast();
                        }
                    } else
                        st.seen.insert(text);
                }
            }
            if (!drop)
                kept.append(std::move(n));
            continue;
        }
        // A list of teaser links (related articles) inside the body. Not a sub-list: links listed under an item
        // of the article's own list ("In progress:" followed by the bugs it names) are part of what it says.
        if (n.kind == ReaderNode::List && !inTable && !inList && isLinkList(n))
            continue;
        if (!n.children.isEmpty())
            filterNodes(n.children, st, inTable || n.kind == ReaderNode::Table,
                inFigure || n.kind == ReaderNode::Figure, inList || n.kind == ReaderNode::List);
        kept.append(std::move(n));
    }
    nodes = std::move(kept);
}

struct FlatBlock
{
    ReaderNode *node;
    bool inList;
    bool inTable;
};

void flatten(QList<ReaderNode> &nodes, std::vector<FlatBlock> &out, bool inList, bool inTable)
{
    for (ReaderNode &n : nodes) {
        if (n.isTextBlock()) {
            if (n.start >= 0)
                out.push_back({ &n, inList, inTable });
            continue;
        }
        flatten(n.children, out, inList || n.kind == ReaderNode::List, inTable || n.kind == ReaderNode::Table);
    }
}

bool endsAsSentence(const QString &t)
{
    if (t.isEmpty())
        return false;
    const QChar c = t.back();
    return c == u'.' || c == u'!' || c == u'?' || c == u'"' || c == u'\u201D' || c == u'\u201C' || c == u'\u00BB'
        || c == u'\u3002' || c == u'\uFF01' || c == u'\uFF1F' || c == u'\u2019' || c == u')' || c == u'\u2026';
}

// The end of an article is prose; what trails it (section labels, "Contact:", a heading with nothing under it,
// lists of links) is page furniture (Trafilatura's tail pruning, in block form).
void trimTail(ReaderDocument &doc)
{
    std::vector<FlatBlock> blocks;
    flatten(doc.nodes, blocks, false, false);
    if (blocks.size() < 6)
        return; // too little to tell prose from furniture
    int removed = 0;
    for (qsizetype i = qsizetype(blocks.size()) - 1; i > 0 && removed < 6; --i) {
        ReaderNode &n = *blocks[size_t(i)].node;
        if (blocks[size_t(i)].inTable || n.kind == ReaderNode::Preformatted)
            break;
        const QString t = blockText(n);
        bool junk = false;
        if (n.kind == ReaderNode::Heading)
            junk = t.size() <= 120;
        else if (blocks[size_t(i)].inList)
            junk = isLinkTeaser(n, t);
        else
            junk = (t.size() < 60 && !endsAsSentence(t) && !(t.startsWith(u'[') && t.endsWith(u']')))
                || (t.size() < 100 && t.endsWith(u':')); // "[Wired]" names the source the article quoted
        if (!junk)
            break;
        n.runs.clear();
        ++removed;
    }
    if (removed)
        doc.finalize();
}

void filterBlocks(ReaderDocument &doc, const QString &title)
{
    FilterState st;
    st.title = title;
    countTextBlocks(doc.nodes, st.textBlocks);
    countOccurrences(doc.nodes, st.occurrences);
    st.remaining = st.occurrences;
    filterNodes(doc.nodes, st, false, false);
    doc.finalize();
    trimTail(doc);
}

QString firstParagraph(const QList<ReaderNode> &nodes)
{
    for (const ReaderNode &n : nodes) {
        if (n.kind == ReaderNode::Paragraph && n.start >= 0)
            return blockText(n);
        if (n.kind == ReaderNode::Table || n.kind == ReaderNode::Figure)
            continue;
        const QString inner = firstParagraph(n.children);
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

HtmlExtractor::Output runOnce(
    const QByteArray &utf8Html, const QUrl &url, unsigned flags, bool keepStandfirst, unsigned &usedFlags)
{
    usedFlags = flags; // when parsing fails, assume everything mattered
    HtmlExtractor::Output out;
    xmlDocPtr doc = htmlReadMemory(utf8Html.constData(), int(utf8Html.size()),
        url.isValid() ? url.toEncoded().constData() : nullptr, "UTF-8", kParseOptions);
    if (!doc)
        return out;
    const MetadataExtractor::Page page = MetadataExtractor::read(doc, url);
    out.metadata = page.metadata;
    out.publishedRaw = page.publishedRaw;
    Engine engine(doc, page, flags);
    const std::vector<xmlNode *> content = engine.run();
    usedFlags = engine.usedFlags;
    ReaderBuilder builder(page.base);
    for (xmlNode *c : content)
        builder.add(c);
    // The tree is no longer needed: free it before the block passes (on a 100 MB page it is the biggest
    // thing in memory).
    xmlFreeDoc(doc);
    doc = nullptr;
    ReaderDocument &rd = builder.document();
    rd.finalize();
    filterBlocks(rd, page.metadata.title);
    // A standfirst outside the chosen block goes in front of the body (once: the body may hold it already).
    // Without keepStandfirst only a lead paragraph goes in (see kLeadParagraphLength), not a one-line dek.
    if ((keepStandfirst || engine.standfirst.size() >= kLeadParagraphLength) && !engine.standfirst.isEmpty()
        && !rd.nodes.isEmpty()
        && !rd.text().contains(engine.standfirst.left(60)) && !isCallToAction(engine.standfirst)) {
        ReaderNode lead;
        lead.kind = ReaderNode::Paragraph;
        lead.runs.append(InlineRun { engine.standfirst, 0, {}, {}, {} });
        rd.nodes.prepend(std::move(lead));
        rd.finalize();
    }

    // Thin markup: a JSON-LD articleBody or the state of a Next.js or Nuxt page holds the article. The state
    // replaces the markup body, never adds to it (below), so no text comes twice.
    const qsizetype domLength = rd.text().size();
    QString jsonBody = unescapeEscapedMarkup(page.jsonLdBody.trimmed());
    if (jsonBody.size() < 200 && !page.nextData.isEmpty() && domLength < 500) {
        const QJsonDocument next = QJsonDocument::fromJson(page.nextData.toUtf8());
        const QString longest = findLongestBody(next.object().value(u"props"));
        if (isProse(longest))
            jsonBody = longest;
    }
    if (jsonBody.size() < 200 && !page.nuxtData.isEmpty() && domLength < 500) {
        const QString longest = longestProseLiteral(page.nuxtData);
        if (isProse(longest))
            jsonBody = longest;
    }
    if (jsonBody.size() > 200 && collapseWhitespace(jsonBody).size() > domLength * 2) {
        ReaderBuilder jb(page.base);
        addJsonBody(jsonBody, jb);
        ReaderDocument &jd = jb.document();
        jd.finalize();
        if (jd.text().size() > domLength) {
            out.document = std::move(jd);
        } else {
            out.document = std::move(rd);
        }
    } else {
        out.document = std::move(rd);
    }
    if (engine.articleDir == u"rtl" || engine.articleDir == u"ltr")
        out.metadata.direction = engine.articleDir;
    if (out.metadata.excerpt.isEmpty())
        out.metadata.excerpt = firstParagraph(out.document.nodes);
    if (out.metadata.byline.isEmpty() && !engine.domByline.isEmpty())
        out.metadata.byline = MetadataExtractor::cleanByline(engine.domByline);
    // The rel="author" link may sit in a header that the cleaning removed before the byline scan reached it.
    if (out.metadata.byline.isEmpty() && !page.relAuthor.trimmed().isEmpty())
        out.metadata.byline = MetadataExtractor::cleanByline(page.relAuthor);
    if (out.metadata.published.isEmpty() && !engine.domPublished.isEmpty()) {
        out.metadata.published = MetadataExtractor::toIsoUtc(engine.domPublished);
        if (out.publishedRaw.isEmpty())
            out.publishedRaw = engine.domPublished;
    }
    return out;
}

} // namespace

HtmlExtractor::Output HtmlExtractor::extract(const QByteArray &utf8Html, const QUrl &url, bool keepStandfirst)
{
    // libxml2 must be initialised once before threads use it (extraction runs off the GUI thread).
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    Q_UNUSED(initialised);
    // Readability.js retries with fewer rules when the result is short: first without removing "unlikely"
    // elements, then without class weights, then without conditional cleaning; the longest result wins.
    static const unsigned attempts[] = { StripUnlikely | WeightClasses | CleanConditionally,
        WeightClasses | CleanConditionally, CleanConditionally, 0 };
    Output best;
    qsizetype bestLength = -1;
    unsigned used = ~0u;
    unsigned previous = 0;
    for (const unsigned flags : attempts) {
        // An attempt differs from the one before only by the flag it drops: when that flag changed nothing
        // there, this attempt would give the same result (a short page would otherwise be parsed four times).
        if (bestLength >= 0 && (previous & ~flags & used) == 0) {
            previous = flags;
            continue;
        }
        previous = flags;
        Output out = runOnce(utf8Html, url, flags, keepStandfirst, used);
        const qsizetype len = out.document.text().size();
        if (len > bestLength) {
            bestLength = len;
            best = std::move(out);
        }
        if (len >= 500)
            break;
    }
    best.document.lang = best.metadata.language;
    best.document.dir = best.metadata.direction;
    return best;
}

} // namespace Gloss::Core

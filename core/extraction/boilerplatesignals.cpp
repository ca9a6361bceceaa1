#include "boilerplatesignals.h"

#include <array>
#include <cctype>
#include <cstring>
#include <vector>

namespace Gloss::Core::Boilerplate {

using namespace Dom;

namespace {

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

// A keyword list for substring tests, indexed by first byte: the test looks only at the words that start with each
// byte of the haystack instead of searching the haystack once per word (clean() and prepare() test every element's
// class and id against some forty words).
class KeywordSet
{
public:
    template <size_t N> explicit KeywordSet(const char *const (&words)[N])
    {
        for (const char *w : words)
            m_byFirst[static_cast<unsigned char>(w[0])].emplace_back(w);
    }

    // True when any word occurs in `s`, as `s.find(word) != npos` for some word.
    bool foundIn(std::string_view s) const
    {
        for (size_t i = 0; i < s.size(); ++i)
            for (const std::string_view w : m_byFirst[static_cast<unsigned char>(s[i])])
                if (w.size() <= s.size() - i && std::memcmp(s.data() + i, w.data(), w.size()) == 0)
                    return true;
        return false;
    }

private:
    std::array<std::vector<std::string_view>, 256> m_byFirst;
};

const KeywordSet kUnlikelyWords(kUnlikely);
const KeywordSet kBrowserWarningWords(kBrowserWarning);
const KeywordSet kMaybeWords(kMaybe);
const KeywordSet kNegativeWords(kNegative);
const KeywordSet kPositiveWords(kPositive);
const KeywordSet kBoilerplateWords(kBoilerplate);

bool containsAny(const std::string &s, const KeywordSet &words)
{
    return words.foundIn(s);
}

bool hasWord(const std::string &s, const char *w);
void readCleanAttributesSlowly(const xmlNode *e, CleanAttributes &out);

} // namespace

// The lower-cased "class id" string of `e` into `out` (its capacity is reused: this runs for every element).
void classAndIdInto(std::string_view cls, std::string_view id, std::string &out)
{
    out.clear();
    appendLower(out, cls);
    out += ' ';
    appendLower(out, id);
}

void classAndIdInto(const xmlNode *e, std::string &out)
{
    classAndIdInto(attr(e, "class"), attr(e, "id"), out);
}

std::string classAndId(const xmlNode *e)
{
    std::string s;
    classAndIdInto(e, s);
    return s;
}

void readCleanAttributes(const xmlNode *e, CleanAttributes &out)
{
    enum : unsigned { Class = 1, Id = 2, Role = 4, Rel = 8, Itemprop = 16, Style = 32, AriaHidden = 64 };
    unsigned seen = 0;
    for (const xmlAttr *a = e->properties; a; a = a->next) {
        const auto *name = a->name;
        if (!name)
            continue;
        std::string_view *slot = nullptr;
        unsigned bit = 0;
        auto is = [name](const char *n) { return xmlStrcasecmp(name, reinterpret_cast<const xmlChar *>(n)) == 0; };
        switch (name[0] | 0x20) {
        case 'c':
            if (is("class"))
                slot = &out.cls, bit = Class;
            break;
        case 'i':
            if (is("id"))
                slot = &out.id, bit = Id;
            else if (is("itemprop"))
                slot = &out.itemprop, bit = Itemprop;
            break;
        case 'r':
            if (is("role"))
                slot = &out.role, bit = Role;
            else if (is("rel"))
                slot = &out.rel, bit = Rel;
            break;
        case 's':
            if (is("style"))
                slot = &out.style, bit = Style;
            break;
        case 'a':
            if (is("aria-hidden"))
                slot = &out.ariaHidden, bit = AriaHidden;
            break;
        case 'h':
            if (is("hidden"))
                out.hidden = true;
            break;
        default:
            break;
        }
        if (!slot || (seen & bit))
            continue;
        seen |= bit;
        const xmlNode *c = a->children;
        if (c && c->type == XML_TEXT_NODE && !c->next && c->content)
            *slot = reinterpret_cast<const char *>(c->content);
        else if (c)
            return readCleanAttributesSlowly(e, out); // a value split by entity references: rare
    }
}

namespace {

void readCleanAttributesSlowly(const xmlNode *e, CleanAttributes &out)
{
    // attr() keeps a split value in one per-thread buffer: copy each into storage that lives as long as the thread.
    thread_local std::string values[7];
    const char *const names[7] = { "class", "id", "role", "rel", "itemprop", "style", "aria-hidden" };
    std::string_view *slots[7] = { &out.cls, &out.id, &out.role, &out.rel, &out.itemprop, &out.style,
        &out.ariaHidden };
    for (int i = 0; i < 7; ++i) {
        values[i] = attr(e, names[i]);
        *slots[i] = values[i];
    }
    out.hidden = hasAttr(e, "hidden");
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

} // namespace

bool isAdClass(const std::string &s)
{
    return hasWord(s, "ad") || hasWord(s, "ads") || hasWord(s, "advert") || hasWord(s, "advertisement")
        || s.find("dfp") != std::string::npos;
}

int classWeight(const xmlNode *e)
{
    int w = 0;
    thread_local std::string cls, id; // capacity reused: this runs for every candidate
    cls.clear();
    appendLower(cls, attr(e, "class"));
    id.clear();
    appendLower(id, attr(e, "id"));
    auto weigh = [&w](const std::string &s) {
        if (s.empty())
            return;
        if (containsAny(s, kNegativeWords) || s == "hid" || hasWord(s, "hid"))
            w -= 25;
        if (containsAny(s, kPositiveWords))
            w += 25;
    };
    weigh(cls);
    weigh(id);
    return w;
}

// Class names that mean "not shown" (screen-reader-only text, hidden utility classes). Whole tokens only:
// "hidden-xs" hides on small screens and shows elsewhere.
bool hasHiddenClassLowered(std::string_view lowered)
{
    if (lowered.empty())
        return false;
    static const char *const tokens[] = {"hidden", "sr-only", "visually-hidden", "visuallyhidden",
                                         "screen-reader-text", "screen-reader-only", "screenreader-only",
                                         "off-screen", "offscreen", "a11y-hidden", "u-hidden", "is-hidden",
                                         "element-invisible", "invisible", "d-none", "hide"};
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

// isHidden() over attributes already read; `loweredClass` is the class attribute lower-cased.
bool isHidden(const CleanAttributes &a, std::string_view loweredClass)
{
    if (a.hidden)
        return true;
    if (equalsLower(a.ariaHidden, "true") && loweredClass.find("fallback-image") == std::string_view::npos)
        return true;
    if (!a.style.empty()) {
        thread_local std::string s;
        s.clear();
        for (char c : a.style)
            if (c != ' ' && c != '\t' && c != '\n')
                s += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
            return true;
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

bool hasUnlikelyWord(std::string_view classAndId)
{
    return kUnlikelyWords.foundIn(classAndId);
}

bool hasMaybeWord(std::string_view classAndId)
{
    return kMaybeWords.foundIn(classAndId);
}

bool hasBrowserWarningWord(std::string_view classAndId)
{
    return kBrowserWarningWords.foundIn(classAndId);
}

bool hasBoilerplateWord(std::string_view classAndId)
{
    return kBoilerplateWords.foundIn(classAndId);
}

} // namespace Gloss::Core::Boilerplate

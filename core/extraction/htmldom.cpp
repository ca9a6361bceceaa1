#include "htmldom.h"

#include "core/document/readerdocument.h"

#include <libxml/SAX2.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <string>
#include <vector>

namespace Gloss::Core::Dom {

namespace {

struct TagName
{
    std::string_view name;
    Tag tag;
};

// Sorted by length: kTagsFrom[n] is the first entry of length n, kTagsFrom[n + 1] the end of them.
constexpr TagName kTags[] = {
    { "a", Tag::A }, { "b", Tag::B }, { "i", Tag::I }, { "p", Tag::P }, { "q", Tag::Q }, { "s", Tag::S },
    { "u", Tag::U }, { "br", Tag::Br }, { "dd", Tag::Dd }, { "dl", Tag::Dl }, { "dt", Tag::Dt }, { "em", Tag::Em },
    { "h1", Tag::H1 }, { "h2", Tag::H2 }, { "h3", Tag::H3 }, { "h4", Tag::H4 }, { "h5", Tag::H5 }, { "h6", Tag::H6 },
    { "hr", Tag::Hr }, { "li", Tag::Li }, { "ol", Tag::Ol }, { "td", Tag::Td }, { "th", Tag::Th }, { "tr", Tag::Tr },
    { "tt", Tag::Tt }, { "ul", Tag::Ul }, { "col", Tag::Col }, { "del", Tag::Del }, { "dfn", Tag::Dfn },
    { "div", Tag::Div }, { "img", Tag::Img }, { "ins", Tag::Ins }, { "kbd", Tag::Kbd }, { "map", Tag::Map },
    { "nav", Tag::Nav }, { "pre", Tag::Pre }, { "sub", Tag::Sub }, { "sup", Tag::Sup }, { "svg", Tag::Svg },
    { "var", Tag::Var }, { "wbr", Tag::Wbr }, { "xmp", Tag::Xmp }, { "abbr", Tag::Abbr }, { "base", Tag::Base },
    { "body", Tag::Body }, { "cite", Tag::Cite }, { "code", Tag::Code }, { "font", Tag::Font },
    { "form", Tag::Form }, { "head", Tag::Head }, { "html", Tag::Html }, { "link", Tag::Link },
    { "main", Tag::Main }, { "mark", Tag::Mark }, { "math", Tag::Math }, { "menu", Tag::Menu },
    { "meta", Tag::Meta }, { "samp", Tag::Samp }, { "span", Tag::Span }, { "time", Tag::Time },
    { "aside", Tag::Aside }, { "audio", Tag::Audio }, { "embed", Tag::Embed }, { "frame", Tag::Frame },
    { "input", Tag::Input }, { "label", Tag::Label }, { "param", Tag::Param }, { "small", Tag::Small },
    { "style", Tag::Style }, { "table", Tag::Table }, { "tbody", Tag::Tbody }, { "tfoot", Tag::Tfoot },
    { "thead", Tag::Thead }, { "title", Tag::Title }, { "video", Tag::Video }, { "applet", Tag::Applet },
    { "button", Tag::Button }, { "canvas", Tag::Canvas }, { "center", Tag::Center }, { "dialog", Tag::Dialog },
    { "figure", Tag::Figure }, { "footer", Tag::Footer }, { "header", Tag::Header }, { "hgroup", Tag::Hgroup },
    { "iframe", Tag::Iframe }, { "legend", Tag::Legend }, { "object", Tag::Object }, { "option", Tag::Option },
    { "portal", Tag::Portal }, { "script", Tag::Script }, { "select", Tag::Select }, { "source", Tag::Source },
    { "strike", Tag::Strike }, { "strong", Tag::Strong }, { "address", Tag::Address }, { "article", Tag::Article },
    { "caption", Tag::Caption }, { "details", Tag::Details }, { "noembed", Tag::Noembed },
    { "picture", Tag::Picture }, { "section", Tag::Section }, { "summary", Tag::Summary },
    { "colgroup", Tag::Colgroup }, { "fieldset", Tag::Fieldset }, { "frameset", Tag::Frameset },
    { "noframes", Tag::Noframes }, { "noscript", Tag::Noscript }, { "optgroup", Tag::Optgroup },
    { "template", Tag::Template }, { "textarea", Tag::Textarea }, { "plaintext", Tag::Plaintext },
    { "blockquote", Tag::Blockquote }, { "figcaption", Tag::Figcaption },
};
constexpr std::size_t kLongestTag = 10;
constexpr auto kTagsFrom = [] {
    std::array<std::size_t, kLongestTag + 2> from {};
    for (std::size_t n = 0; n < from.size(); ++n)
        for (const TagName &t : kTags)
            from[n] += t.name.size() < n ? 1 : 0;
    return from;
}();

} // namespace

namespace {

Tag lookUpTag(const char *s)
{
    // By length, then comparing the bytes of the few names of that length.
    if (!s)
        return Tag::Other;
    std::size_t len = 0;
    while (len <= kLongestTag && s[len])
        ++len;
    if (len == 0 || len > kLongestTag)
        return Tag::Other;
    for (std::size_t i = kTagsFrom[len]; i < kTagsFrom[len + 1]; ++i)
        if (std::memcmp(s, kTags[i].name.data(), len) == 0)
            return kTags[i].tag;
    return Tag::Other;
}

// xmlNode::extra of an element holds its Tag + 1 once looked up (0: not yet). libxml2 uses the field only for
// XPath/XSLT and its text reader, none of which touches the documents extraction parses.
constexpr unsigned short kTagCached = 0x8000;

} // namespace

Tag tagOf(const xmlNode *n)
{
    // This runs for every element visit of every pass: the name is looked up once per element and kept in the node.
    if (n->type == XML_ELEMENT_NODE && (n->extra & kTagCached))
        return static_cast<Tag>(n->extra & ~kTagCached);
    const Tag t = lookUpTag(reinterpret_cast<const char *>(n->name));
    if (n->type == XML_ELEMENT_NODE && n->extra == 0)
        const_cast<xmlNode *>(n)->extra = static_cast<unsigned short>(kTagCached | static_cast<unsigned short>(t));
    return t;
}

std::string_view attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (xmlStrcasecmp(a->name, reinterpret_cast<const xmlChar *>(name)) != 0)
            continue;
        const xmlNode *c = a->children;
        if (!c)
            return {};
        if (c->type == XML_TEXT_NODE && !c->next && c->content)
            return reinterpret_cast<const char *>(c->content);
        // Rare: value split in several nodes (entity references). Keep a copy per thread.
        thread_local std::string buffer;
        buffer.clear();
        for (; c; c = c->next)
            if (c->content)
                buffer += reinterpret_cast<const char *>(c->content);
        return buffer;
    }
    return {};
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

bool hasAncestor(const xmlNode *e, Tag tag)
{
    for (const xmlNode *p = e->parent; p && isElement(p); p = p->parent)
        if (tagOf(p) == tag)
            return true;
    return false;
}

void appendText(const xmlNode *n, QByteArray &out)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            out += reinterpret_cast<const char *>(n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE && n->type != XML_HTML_DOCUMENT_NODE)
        return;
    for (const xmlNode *c = n->children; c; c = c->next)
        appendText(c, out);
}

QString innerText(const xmlNode *n)
{
    QByteArray bytes;
    appendText(n, bytes);
    return collapseWhitespace(QString::fromUtf8(bytes));
}

namespace {

// The HTML5 void elements that libxml2 2.9 does not know: it nests what follows them inside them.
bool nestsWhatFollows(const xmlChar *name)
{
    const auto *n = reinterpret_cast<const char *>(name);
    switch (n[0]) {
    case 'e': return strcmp(n, "embed") == 0;
    case 's': return strcmp(n, "source") == 0;
    case 't': return strcmp(n, "track") == 0;
    case 'w': return strcmp(n, "wbr") == 0;
    case 'k': return strcmp(n, "keygen") == 0;
    default: return false;
    }
}

// Moves the children of `n` to just after it, in order (libxml2 may merge a moved text node into the text node
// after `n`; nothing here keeps a pointer to a moved node).
void hoistChildren(xmlNode *n)
{
    while (xmlNode *last = n->last) {
        xmlUnlinkNode(last);
        xmlAddNextSibling(n, last);
    }
}

// What the parse saw, for parseHtml() to mend afterwards without walking the whole tree.
struct ParseWatch
{
    std::vector<xmlNode *> voids; // elements that nestsWhatFollows()
    int maxDepth = 0; // the deepest the parser's element stack went
};

// libxml2's SAX2 tree builder, plus a note of what parseHtml() has to mend.
void watchedStartElement(void *context, const xmlChar *name, const xmlChar **attributes)
{
    xmlSAX2StartElement(context, name, attributes);
    auto *ctxt = static_cast<htmlParserCtxtPtr>(context);
    auto *watch = static_cast<ParseWatch *>(ctxt->_private);
    watch->maxDepth = std::max(watch->maxDepth, ctxt->nodeNr);
    if (ctxt->node && nestsWhatFollows(name))
        watch->voids.push_back(ctxt->node);
}

// Every element deeper than kMaxTreeDepth becomes a sibling: a pre-order walk without recursion (the tree may be
// 100,000 levels deep), flattening the subtree of each element at that depth into a list of its children.
void flattenDeepElements(xmlNode *root)
{
    xmlNode *n = root;
    int depth = 0;
    while (n) {
        if (depth >= kMaxTreeDepth && isElement(n) && n->children) {
            // Each child in turn gives its children to the list, right after itself, so the document order stays.
            for (xmlNode *c = n->children; c; c = c->next)
                hoistChildren(c);
        }
        if (n->children) {
            n = n->children;
            ++depth;
            continue;
        }
        while (n && n != root && !n->next) {
            n = n->parent;
            --depth;
        }
        n = (n && n != root) ? n->next : nullptr;
    }
}

} // namespace

xmlDocPtr parseHtml(const QByteArray &utf8, const char *url)
{
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return nullptr;
    ParseWatch watch;
    ctxt->_private = &watch;
    ctxt->sax->startElement = watchedStartElement;
    xmlDocPtr doc = htmlCtxtReadMemory(ctxt, utf8.constData(), int(utf8.size()), url, "UTF-8", kParseOptions);
    htmlFreeParserCtxt(ctxt);
    if (!doc)
        return nullptr;
    for (xmlNode *v : watch.voids)
        if (v->children)
            hoistChildren(v);
    if (watch.maxDepth > kMaxTreeDepth)
        flattenDeepElements(xmlDocGetRootElement(doc));
    return doc;
}

namespace {

// HTML's ASCII white space (space, tab, LF, CR, FF).
bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The raw-text element (its content is not markup) whose start tag's name begins at `p[0]`, or empty.
std::string_view rawTextElementAt(const char *p, qsizetype left)
{
    static constexpr std::string_view s[] = { "script", "style" }, t[] = { "textarea", "title" }, x[] = { "xmp" },
                                      i[] = { "iframe" }, n[] = { "noembed", "noframes" };
    std::span<const std::string_view> names;
    switch (p[0] | 0x20) {
    case 's': names = s; break;
    case 't': names = t; break;
    case 'x': names = x; break;
    case 'i': names = i; break;
    case 'n': names = n; break;
    default: return {};
    }
    for (std::string_view name : names) {
        const auto len = qsizetype(name.size());
        if (len >= left || !equalsLower(std::string_view(p, name.size()), name))
            continue;
        const char after = p[len];
        if (isHtmlSpace(after) || after == '>' || after == '/')
            return name;
    }
    return {};
}

// Counts the attributes of the start tag whose name begins at `i`, as libxml2's tokenizer reads them (a quoted
// value may hold '>'); moves `i` past the tag's '>'.
qsizetype countAttributes(const char *p, qsizetype size, qsizetype &i)
{
    while (i < size && !isHtmlSpace(p[i]) && p[i] != '>')
        ++i; // the tag name
    qsizetype attributes = 0;
    bool afterEquals = false;
    while (i < size && p[i] != '>') {
        if (isHtmlSpace(p[i])) {
            ++i;
            continue;
        }
        if (p[i] == '=') {
            afterEquals = true;
            ++i;
            continue;
        }
        if (afterEquals && (p[i] == '"' || p[i] == '\'')) {
            const char *close = static_cast<const char *>(memchr(p + i + 1, p[i], std::size_t(size - i - 1)));
            i = close ? close - p + 1 : size;
            afterEquals = false;
            continue;
        }
        if (!afterEquals)
            ++attributes;
        afterEquals = false;
        while (i < size && !isHtmlSpace(p[i]) && p[i] != '>' && p[i] != '=')
            ++i;
    }
    ++i;
    return attributes;
}

} // namespace

AttributeLoad attributeLoad(const QByteArray &utf8)
{
    const char *p = utf8.constData();
    const qsizetype size = utf8.size();
    constexpr qsizetype kShortTag = 2 * kLargeTagAttributes; // bytes: an attribute takes two at least
    AttributeLoad load;
    const auto count = [&](qsizetype &at) {
        const qsizetype attributes = countAttributes(p, size, at);
        if (attributes > kLargeTagAttributes) {
            load.most = std::max(load.most, attributes);
            load.largeTagWork += double(attributes) * double(attributes);
        }
    };
    // Tags are skipped to their first '>' when that is near: they are too short to be large. A quoted '>' can make
    // that '>' a false end; then the rest of the tag reads as text, so a long run of text after a skipped tag has
    // that tag counted properly.
    qsizetype skippedTag = -1; // where the name of the last skipped tag begins, while its text run is read
    qsizetype i = 0;
    while (i < size) {
        const char *lt = static_cast<const char *>(memchr(p + i, '<', std::size_t(size - i)));
        const qsizetype runEnd = lt ? lt - p : size;
        if (skippedTag >= 0 && runEnd - i >= kShortTag) {
            i = skippedTag;
            skippedTag = -1;
            count(i);
            continue;
        }
        skippedTag = -1;
        if (!lt)
            break;
        i = runEnd + 1;
        if (i < size && p[i] == '!') {
            const QByteArrayView rest(p + i, size - i);
            const qsizetype end = rest.startsWith("!--") ? rest.indexOf("-->") : rest.indexOf('>');
            i = end < 0 ? size : i + end + 1;
            continue;
        }
        if (i >= size || !((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
            continue;
        ++load.startTags;
        const std::string_view raw = rawTextElementAt(p + i, size - i);
        const char *gt = static_cast<const char *>(memchr(p + i, '>', std::size_t(std::min(size - i, kShortTag))));
        if (gt) {
            if (raw.empty())
                skippedTag = i;
            i = gt - p + 1;
        } else {
            count(i);
        }
        if (!raw.empty()) {
            // Up to the matching end tag: "</script" and the like.
            while (i < size) {
                const char *lt2 = static_cast<const char *>(memchr(p + i, '<', std::size_t(size - i)));
                if (!lt2) {
                    i = size;
                    break;
                }
                i = lt2 - p + 1;
                if (i + 1 + qsizetype(raw.size()) <= size && p[i] == '/'
                    && equalsLower(std::string_view(p + i + 1, raw.size()), raw))
                    break;
            }
        }
    }
    return load;
}

bool isAmpImage(const xmlNode *n)
{
    const auto *name = reinterpret_cast<const char *>(n->name);
    return name && name[0] == 'a' && (strcmp(name, "amp-img") == 0 || strcmp(name, "amp-anim") == 0);
}

bool isAmpFurniture(const xmlNode *n)
{
    const auto *name = reinterpret_cast<const char *>(n->name);
    if (!name || strncmp(name, "amp-", 4) != 0)
        return false;
    static constexpr std::string_view furniture[] = { "ad", "embed", "sticky-ad", "auto-ads", "story-auto-ads",
        "analytics", "pixel", "consent", "user-notification", "sidebar", "mega-menu", "nested-menu", "social-share",
        "addthis", "call-tracking", "install-serviceworker", "web-push", "web-push-widget", "geo", "next-page",
        "iframe", "youtube", "vimeo", "dailymotion", "brightcove", "jwplayer", "twitter", "instagram", "facebook",
        "video", "video-iframe", "audio", "soundcloud", "recaptcha-input" };
    const std::string_view rest(name + 4);
    return std::find(std::begin(furniture), std::end(furniture), rest) != std::end(furniture);
}

void remove(xmlNode *n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

void appendLower(std::string &out, std::string_view s)
{
    const std::size_t from = out.size();
    out.append(s);
    for (std::size_t i = from; i < out.size(); ++i)
        if (out[i] >= 'A' && out[i] <= 'Z')
            out[i] = char(out[i] - 'A' + 'a');
}

bool equalsLower(std::string_view s, std::string_view lowerWord)
{
    if (s.size() != lowerWord.size())
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i] >= 'A' && s[i] <= 'Z' ? char(s[i] - 'A' + 'a') : s[i];
        if (c != lowerWord[i])
            return false;
    }
    return true;
}

} // namespace Gloss::Core::Dom

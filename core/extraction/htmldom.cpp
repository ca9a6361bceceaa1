#include "htmldom.h"

#include "core/document/readerdocument.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <strings.h>
#include <string>

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

bool nestsWhatFollows(const xmlNode *n)
{
    const Tag t = tagOf(n);
    if (t == Tag::Embed || t == Tag::Source || t == Tag::Wbr)
        return true;
    const auto *name = reinterpret_cast<const char *>(n->name);
    return t == Tag::Other && name && (strcasecmp(name, "track") == 0 || strcasecmp(name, "keygen") == 0);
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

} // namespace

xmlDocPtr parseHtml(const QByteArray &utf8, const char *url)
{
    xmlDocPtr doc = htmlReadMemory(utf8.constData(), int(utf8.size()), url, "UTF-8", kParseOptions);
    if (!doc)
        return nullptr;
    // Pre-order walk without recursion (the tree may be 100,000 levels deep before it is flattened).
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *n = root;
    int depth = 0;
    while (n) {
        if (isElement(n) && n->children) {
            if (nestsWhatFollows(n)) {
                hoistChildren(n);
            } else if (depth >= kMaxTreeDepth) {
                // Every descendant becomes a child of `n`: each child in turn gives its children to the list, right
                // after itself, so the document order stays.
                for (xmlNode *c = n->children; c; c = c->next)
                    hoistChildren(c);
            }
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
    return doc;
}

AttributeLoad attributeLoad(const QByteArray &utf8)
{
    const char *p = utf8.constData();
    const qsizetype size = utf8.size();
    const auto startsWithLower = [&](qsizetype at, std::string_view word) {
        if (at + qsizetype(word.size()) > size)
            return false;
        for (std::size_t k = 0; k < word.size(); ++k) {
            const char c = p[at + qsizetype(k)];
            if ((c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c) != word[k])
                return false;
        }
        return true;
    };
    static constexpr std::string_view rawText[]
        = { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes" };
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
    AttributeLoad load;
    qsizetype i = 0;
    while (i < size) {
        const char *lt = static_cast<const char *>(memchr(p + i, '<', std::size_t(size - i)));
        if (!lt)
            break;
        i = lt - p + 1;
        if (i < size && p[i] == '!') {
            const QByteArrayView rest(p + i, size - i);
            const qsizetype end = rest.startsWith("!--") ? rest.indexOf("-->") : rest.indexOf('>');
            i = end < 0 ? size : i + end + 1;
            continue;
        }
        if (i >= size || !((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
            continue;
        std::string_view raw;
        for (std::string_view r : rawText)
            if (startsWithLower(i, r) && (i + qsizetype(r.size()) >= size || isSpace(p[i + qsizetype(r.size())])
                    || p[i + qsizetype(r.size())] == '>' || p[i + qsizetype(r.size())] == '/'))
                raw = r;
        while (i < size && !isSpace(p[i]) && p[i] != '>')
            ++i; // the tag name
        qsizetype attributes = 0;
        bool afterEquals = false;
        while (i < size && p[i] != '>') {
            if (isSpace(p[i])) {
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
            while (i < size && !isSpace(p[i]) && p[i] != '>' && p[i] != '=')
                ++i;
        }
        load.most = std::max(load.most, attributes);
        if (attributes > kLargeTagAttributes)
            load.largeTagWork += double(attributes) * double(attributes);
        ++i;
        if (!raw.empty()) {
            // Up to the matching end tag: "</script" and the like.
            while (i < size) {
                const char *lt2 = static_cast<const char *>(memchr(p + i, '<', std::size_t(size - i)));
                if (!lt2) {
                    i = size;
                    break;
                }
                i = lt2 - p + 1;
                if (i < size && p[i] == '/' && startsWithLower(i + 1, raw))
                    break;
            }
        }
    }
    return load;
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

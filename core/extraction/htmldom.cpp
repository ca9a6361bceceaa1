#include "htmldom.h"

#include "core/document/readerdocument.h"

#include <string>
#include <unordered_map>

namespace Gloss::Core::Dom {

Tag tagOf(const xmlNode *n)
{
    static const std::unordered_map<std::string_view, Tag> table {
        { "a", Tag::A },
        { "abbr", Tag::Abbr },
        { "address", Tag::Address },
        { "applet", Tag::Applet },
        { "article", Tag::Article },
        { "aside", Tag::Aside },
        { "audio", Tag::Audio },
        { "b", Tag::B },
        { "base", Tag::Base },
        { "blockquote", Tag::Blockquote },
        { "body", Tag::Body },
        { "br", Tag::Br },
        { "button", Tag::Button },
        { "canvas", Tag::Canvas },
        { "caption", Tag::Caption },
        { "center", Tag::Center },
        { "cite", Tag::Cite },
        { "code", Tag::Code },
        { "col", Tag::Col },
        { "colgroup", Tag::Colgroup },
        { "dd", Tag::Dd },
        { "del", Tag::Del },
        { "details", Tag::Details },
        { "dfn", Tag::Dfn },
        { "dialog", Tag::Dialog },
        { "div", Tag::Div },
        { "dl", Tag::Dl },
        { "dt", Tag::Dt },
        { "em", Tag::Em },
        { "embed", Tag::Embed },
        { "fieldset", Tag::Fieldset },
        { "figcaption", Tag::Figcaption },
        { "figure", Tag::Figure },
        { "font", Tag::Font },
        { "footer", Tag::Footer },
        { "form", Tag::Form },
        { "frame", Tag::Frame },
        { "frameset", Tag::Frameset },
        { "h1", Tag::H1 },
        { "h2", Tag::H2 },
        { "h3", Tag::H3 },
        { "h4", Tag::H4 },
        { "h5", Tag::H5 },
        { "h6", Tag::H6 },
        { "head", Tag::Head },
        { "header", Tag::Header },
        { "hgroup", Tag::Hgroup },
        { "hr", Tag::Hr },
        { "html", Tag::Html },
        { "i", Tag::I },
        { "iframe", Tag::Iframe },
        { "img", Tag::Img },
        { "input", Tag::Input },
        { "ins", Tag::Ins },
        { "kbd", Tag::Kbd },
        { "label", Tag::Label },
        { "legend", Tag::Legend },
        { "li", Tag::Li },
        { "link", Tag::Link },
        { "main", Tag::Main },
        { "map", Tag::Map },
        { "mark", Tag::Mark },
        { "math", Tag::Math },
        { "menu", Tag::Menu },
        { "meta", Tag::Meta },
        { "nav", Tag::Nav },
        { "noembed", Tag::Noembed },
        { "noframes", Tag::Noframes },
        { "noscript", Tag::Noscript },
        { "object", Tag::Object },
        { "ol", Tag::Ol },
        { "optgroup", Tag::Optgroup },
        { "option", Tag::Option },
        { "p", Tag::P },
        { "param", Tag::Param },
        { "picture", Tag::Picture },
        { "plaintext", Tag::Plaintext },
        { "portal", Tag::Portal },
        { "pre", Tag::Pre },
        { "q", Tag::Q },
        { "s", Tag::S },
        { "samp", Tag::Samp },
        { "script", Tag::Script },
        { "section", Tag::Section },
        { "select", Tag::Select },
        { "small", Tag::Small },
        { "source", Tag::Source },
        { "span", Tag::Span },
        { "strike", Tag::Strike },
        { "strong", Tag::Strong },
        { "style", Tag::Style },
        { "sub", Tag::Sub },
        { "summary", Tag::Summary },
        { "sup", Tag::Sup },
        { "svg", Tag::Svg },
        { "table", Tag::Table },
        { "tbody", Tag::Tbody },
        { "td", Tag::Td },
        { "template", Tag::Template },
        { "textarea", Tag::Textarea },
        { "tfoot", Tag::Tfoot },
        { "th", Tag::Th },
        { "thead", Tag::Thead },
        { "time", Tag::Time },
        { "title", Tag::Title },
        { "tr", Tag::Tr },
        { "tt", Tag::Tt },
        { "u", Tag::U },
        { "ul", Tag::Ul },
        { "var", Tag::Var },
        { "video", Tag::Video },
        { "xmp", Tag::Xmp },
        { "wbr", Tag::Wbr },
    };
    if (!n->name)
        return Tag::Other;
    const auto it = table.find(reinterpret_cast<const char *>(n->name));
    return it == table.end() ? Tag::Other : it->second;
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

} // namespace Gloss::Core::Dom

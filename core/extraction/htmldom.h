#pragma once

// Small helpers over libxml2's HTML tree, shared by the extraction classes (internal header).

#include <QByteArray>
#include <QString>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string_view>

namespace Gloss::Core::Dom {

/// Element names the extractor distinguishes; everything else is Other.
enum class Tag : unsigned char {
    Other,
    A,
    Abbr,
    Address,
    Applet,
    Article,
    Aside,
    Audio,
    B,
    Base,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Cite,
    Code,
    Col,
    Colgroup,
    Dd,
    Del,
    Details,
    Dfn,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    Frame,
    Frameset,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Ins,
    Kbd,
    Label,
    Legend,
    Li,
    Link,
    Main,
    Map,
    Mark,
    Math,
    Menu,
    Meta,
    Nav,
    Noembed,
    Noframes,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    P,
    Param,
    Picture,
    Plaintext,
    Portal,
    Pre,
    Q,
    S,
    Samp,
    Script,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strike,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    Tt,
    U,
    Ul,
    Var,
    Video,
    Xmp,
    Wbr,
};

Tag tagOf(const xmlNode *n);

inline bool isElement(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE;
}

inline bool isHeading(Tag t)
{
    return t >= Tag::H1 && t <= Tag::H6;
}

/// Value of attribute `name` (lower-case) as UTF-8 bytes, or an empty view. Valid until the tree changes.
std::string_view attr(const xmlNode *n, const char *name);
inline bool hasAttr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (xmlStrcasecmp(a->name, reinterpret_cast<const xmlChar *>(name)) == 0)
            return true;
    return false;
}
inline QString attrString(const xmlNode *n, const char *name)
{
    const std::string_view v = attr(n, name);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

/// textContent of a subtree as UTF-8, appended to `out`.
void appendText(const xmlNode *n, QByteArray &out);
/// textContent with white space collapsed and trimmed.
QString innerText(const xmlNode *n);

/// Unlinks and frees `n`.
void remove(xmlNode *n);

/// ASCII-lower-cases `s` into a std::string.
std::string lower(std::string_view s);

} // namespace Gloss::Core::Dom

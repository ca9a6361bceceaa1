#pragma once

// Small helpers over libxml2's HTML tree, shared by the extraction classes (internal header).

#include <QByteArray>
#include <QString>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string_view>

namespace Gloss::Core::Dom {

/// libxml2 HTML parser options of every parse: recover from errors silently, no network, compact text nodes, and
/// the input taken as UTF-8 whatever it declares (it is decoded before).
inline constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
    | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;

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

/// Block-level for Readability.js's "div to p" (its DIV_TO_P_ELEMS and the HTML5 sectioning elements): an element
/// holding none of these reads as a paragraph.
bool isBlockForDivToP(Tag t);
/// `e` has an element descendant that isBlockForDivToP().
bool hasBlockDescendant(const xmlNode *e);
/// `n` is `ancestor` or lies under it.
bool isDescendant(const xmlNode *n, const xmlNode *ancestor);
/// An element ancestor of `e` (not `e` itself) is a `tag`.
bool hasAncestor(const xmlNode *e, Tag tag);
/// The `tag` elements under `e` (not counting `e`).
int countTag(const xmlNode *e, Tag tag);

/// Unlinks and frees `n`.
void remove(xmlNode *n);

/// ASCII-lower-cases `s` into a std::string.
std::string lower(std::string_view s);
/// Appends `s` ASCII-lower-cased to `out` (no allocation once `out` has the capacity).
void appendLower(std::string &out, std::string_view s);
/// lower(s) == lowerWord, without building the lower-cased copy. `lowerWord` must be lower case.
bool equalsLower(std::string_view s, std::string_view lowerWord);

} // namespace Gloss::Core::Dom

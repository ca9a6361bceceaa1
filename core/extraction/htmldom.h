#pragma once

// Small helpers over libxml2's HTML tree, shared by the extraction classes (internal header).

#include <QByteArray>
#include <QString>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string_view>

namespace Gloss::Core::Dom {

/// libxml2 HTML parser options of every parse: recover from errors silently, no network, compact text nodes, the
/// input taken as UTF-8 whatever it declares (it is decoded before), and no depth or text-node size limit (without
/// XML_PARSE_HUGE libxml2 stops at 256 levels of nesting or a 10 MB text node and drops the rest of the page;
/// parseHtml() bounds the depth instead). Input is at most 100 MB (Extractor), which bounds the rest.
inline constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
    | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;

/// Elements nested deeper than this are flattened by parseHtml(): Blink's HTML parser limit (512), past which a
/// browser adds elements as siblings. Every recursive walk of the extractor is bounded by it.
inline constexpr int kMaxTreeDepth = 512;

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

/// Parses UTF-8 HTML with kParseOptions and makes the tree what a browser builds where libxml2 differs:
/// - what follows an HTML5 void element that libxml2 does not know (`embed`, `source`, `track`, `wbr`, `keygen`)
///   is moved out of it, after it;
/// - below kMaxTreeDepth levels the elements are flattened into a list of siblings in document order (their text
///   and order kept, their nesting lost).
/// `url` is the document URL (nullptr: none). Returns nullptr when libxml2 cannot parse at all (out of memory).
/// The caller frees the document with xmlFreeDoc().
xmlDocPtr parseHtml(const QByteArray &utf8, const char *url = nullptr);

/// How much attribute checking libxml2's HTML parser will do on `utf8`: libxml2 compares each attribute with all
/// earlier ones of its tag, so a tag with k attributes costs k² comparisons (80,000 attributes: 11 s).
struct AttributeLoad {
    qsizetype most = 0; ///< the most attributes on one start tag with over kLargeTagAttributes of them, else 0
    double largeTagWork = 0; ///< sum of k² over the start tags with over kLargeTagAttributes attributes
    qsizetype startTags = 0; ///< start tags outside comments and raw text: an upper bound of the elements, bar the implied
};
/// Start tags with more attributes than this count towards AttributeLoad::largeTagWork; real pages stay far below.
inline constexpr qsizetype kLargeTagAttributes = 100;
/// Counts the attributes of every start tag as libxml2's HTML tokenizer reads them (comments and the content of
/// script, style, textarea, title, xmp, iframe, noembed and noframes skipped), in one pass over the bytes.
AttributeLoad attributeLoad(const QByteArray &utf8);

/// An AMP image (`amp-img`, `amp-anim`): an <img> under another name, with the same src, srcset and alt.
bool isAmpImage(const xmlNode *n);
/// AMP page furniture that never holds article text: ads (`amp-ad`, `amp-embed`, `amp-sticky-ad`, `amp-auto-ads`),
/// analytics and pixels, consent and notification prompts, menus and sidebars, share buttons, the next-page
/// teaser list, and embedded frames and players (`amp-iframe`, `amp-youtube`, ...; a fallback text inside them
/// is not content).
bool isAmpFurniture(const xmlNode *n);

/// Unlinks and frees `n`.
void remove(xmlNode *n);

/// ASCII-lower-cases `s` into a std::string.
std::string lower(std::string_view s);
/// Appends `s` ASCII-lower-cased to `out` (no allocation once `out` has the capacity).
void appendLower(std::string &out, std::string_view s);
/// lower(s) == lowerWord, without building the lower-cased copy. `lowerWord` must be lower case.
bool equalsLower(std::string_view s, std::string_view lowerWord);

} // namespace Gloss::Core::Dom

#include "readerbuilder.h"

#include "htmldom.h"
#include "htmlsanitizer.h"

namespace Gloss::Core {

using namespace Dom;

bool ReaderBuilder::isDataTable(xmlNode *table)
{
    const std::string role = lower(attr(table, "role"));
    if (role == "presentation")
        return false;
    if (lower(attr(table, "datatable")) == "0")
        return false;
    if (!attr(table, "summary").empty())
        return true;
    int rows = 0, maxCols = 0;
    bool nested = false, structural = false;
    // Walk rows: direct children, or rows inside thead/tbody/tfoot.
    std::vector<xmlNode *> todo { table };
    while (!todo.empty()) {
        xmlNode *n = todo.back();
        todo.pop_back();
        for (xmlNode *c = n->children; c; c = c->next) {
            if (!isElement(c))
                continue;
            const Tag t = tagOf(c);
            if (t == Tag::Caption) {
                if (c->children)
                    structural = true;
            } else if (t == Tag::Thead || t == Tag::Tfoot || t == Tag::Colgroup || t == Tag::Col || t == Tag::Th) {
                structural = true;
                todo.push_back(c);
            } else if (t == Tag::Tbody) {
                todo.push_back(c);
            } else if (t == Tag::Tr) {
                ++rows;
                int cols = 0;
                for (xmlNode *cell = c->children; cell; cell = cell->next) {
                    if (!isElement(cell))
                        continue;
                    const Tag ct = tagOf(cell);
                    if (ct == Tag::Th)
                        structural = true;
                    if (ct == Tag::Td || ct == Tag::Th) {
                        const int span = QByteArray(attr(cell, "colspan").data()).toInt();
                        cols += span > 0 ? span : 1;
                        for (xmlNode *d = cell->children; d; d = d->next)
                            if (isElement(d) && tagOf(d) == Tag::Table)
                                nested = true;
                    }
                }
                maxCols = std::max(maxCols, cols);
            }
        }
    }
    if (structural)
        return true;
    if (nested)
        return false;
    if (rows >= 10 || maxCols > 4)
        return true;
    return rows * maxCols > 10;
}

namespace {

bool isPlaceholder(const QString &src)
{
    if (src.isEmpty())
        return true;
    if (src.startsWith(u"data:", Qt::CaseInsensitive))
        return src.size() < 200 || src.startsWith(u"data:image/svg", Qt::CaseInsensitive);
    const QString l = src.toLower();
    return l.contains(u"placeholder") || l.contains(u"blank.gif") || l.contains(u"spacer.gif")
        || l.contains(u"pixel.gif") || l.contains(u"transparent.gif") || l.contains(u"lazy-load")
        || l.contains(u"lazyload") || l.contains(u"grey.gif") || l.contains(u"gray.gif");
}

int dimension(xmlNode *e, const char *name)
{
    const std::string_view v = attr(e, name);
    if (v.empty())
        return -1;
    bool ok = false;
    const int d = QByteArray(v.data(), qsizetype(v.size())).toInt(&ok);
    return ok ? d : -1;
}

} // namespace

ReaderBuilder::ReaderBuilder(QUrl base)
    : m_base(std::move(base))
{
    m_stack.emplace_back();
    m_stack.back().kind = ReaderNode::Quote; // the root; only its children matter
}

void ReaderBuilder::add(xmlNode *root)
{
    m_brRun = 0;
    walk(root);
    flush();
    // Close containers left open (none normally) and move the root's children into the document.
    while (m_stack.size() > 1)
        popContainer();
    // The first root's blocks become the document's list as they are (on a page of 200,000 paragraphs a second,
    // growing list would double the peak memory of the block model).
    QList<ReaderNode> &blocks = m_stack.front().children;
    if (m_doc.nodes.isEmpty()) {
        m_doc.nodes = std::move(blocks);
    } else {
        m_doc.nodes.reserve(m_doc.nodes.size() + blocks.size());
        for (ReaderNode &n : blocks)
            m_doc.nodes.append(std::move(n));
    }
    blocks = {};
}

void ReaderBuilder::addParagraph(const QString &text)
{
    ReaderNode p;
    p.kind = ReaderNode::Paragraph;
    p.runs.append(InlineRun { text, 0, {}, {}, {} });
    m_doc.nodes.append(std::move(p));
}

void ReaderBuilder::appendChild(ReaderNode &&node)
{
    ReaderNode &top = m_stack.back();
    // Keep the output well-formed for an HTML5 parser: lists hold list items, tables hold rows of cells.
    if (top.kind == ReaderNode::List && node.kind != ReaderNode::ListItem) {
        if (node.kind == ReaderNode::List && !top.children.isEmpty()) {
            top.children.last().children.append(std::move(node)); // a nested list belongs to the item before it
            return;
        }
        ReaderNode li;
        li.kind = ReaderNode::ListItem;
        li.children.append(std::move(node));
        top.children.append(std::move(li));
        return;
    }
    if (top.kind == ReaderNode::Table && node.kind != ReaderNode::TableRow && node.kind != ReaderNode::TableCaption) {
        ReaderNode cell;
        cell.kind = ReaderNode::TableCell;
        cell.children.append(std::move(node));
        ReaderNode row;
        row.kind = ReaderNode::TableRow;
        row.children.append(std::move(cell));
        top.children.append(std::move(row));
        return;
    }
    if (top.kind == ReaderNode::TableRow && node.kind != ReaderNode::TableCell) {
        ReaderNode cell;
        cell.kind = ReaderNode::TableCell;
        cell.children.append(std::move(node));
        top.children.append(std::move(cell));
        return;
    }
    top.children.append(std::move(node));
}

void ReaderBuilder::flush()
{
    if (!m_current.runs.isEmpty()) {
        bool any = false;
        for (const InlineRun &r : std::as_const(m_current.runs)) {
            if (!r.imageSrc.isEmpty()) {
                any = true;
                break;
            }
            for (const QChar c : r.text)
                if (!c.isSpace()) {
                    any = true;
                    break;
                }
            if (any)
                break;
        }
        if (any) {
            m_current.dir = m_dir;
            m_current.lang = m_lang;
            appendChild(std::move(m_current));
        }
    }
    m_current = ReaderNode {};
    m_current.kind = ReaderNode::Paragraph;
}

void ReaderBuilder::pushContainer(ReaderNode::Kind kind)
{
    flush();
    ReaderNode n;
    n.kind = kind;
    n.dir = m_dir;
    n.lang = m_lang;
    m_stack.push_back(std::move(n));
}

void ReaderBuilder::popContainer()
{
    flush();
    ReaderNode n = std::move(m_stack.back());
    m_stack.pop_back();
    if (!n.children.isEmpty() || n.kind == ReaderNode::TableCell)
        appendChild(std::move(n));
}

void ReaderBuilder::text(const char *utf8)
{
    if (!utf8 || !*utf8)
        return;
    if (m_pre == 0 && m_current.runs.isEmpty()) {
        // White space between tags, the most common text node, is dropped below when no run is open: tell it from
        // the bytes, without a QString for it (ASCII white space only; other text goes the long way).
        const char *p = utf8;
        while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
            ++p;
        if (!*p)
            return;
    }
    QString s = QString::fromUtf8(utf8);
    if (m_pre == 0) {
        bool blank = true;
        for (const QChar c : std::as_const(s))
            if (!c.isSpace()) {
                blank = false;
                break;
            }
        if (!blank)
            m_brRun = 0;
        else if (m_current.runs.isEmpty())
            return;
    }
    if (!m_current.runs.isEmpty()) {
        InlineRun &last = m_current.runs.last();
        if (last.imageSrc.isEmpty() && last.marks == m_marks && last.href == m_href) {
            last.text += s;
            return;
        }
    }
    m_current.runs.append(InlineRun { std::move(s), m_marks, m_href, {}, {} });
}

void ReaderBuilder::walkChildren(xmlNode *e)
{
    for (xmlNode *c = e->children; c; c = c->next)
        walk(c);
}

void ReaderBuilder::walk(xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        text(reinterpret_cast<const char *>(n->content));
        return;
    }
    if (n->type == XML_ELEMENT_NODE)
        element(n);
}

void ReaderBuilder::genericBlock(xmlNode *e)
{
    if (m_textLock > 0) {
        text(" ");
        walkChildren(e);
        text(" ");
        return;
    }
    flush();
    m_brRun = 0;
    walkChildren(e);
    flush();
}

namespace {

// Where lazy-loading scripts keep an image's real source: a URL, or a srcset.
constexpr const char *kLazySrc[] = { "data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src",
    "data-full-src", "data-lazy", "data-echo", "data-img-src", "data-image" };
constexpr const char *kLazySrcset[] = { "data-srcset", "data-lazy-srcset", "srcset" };

// A <noscript> beside `img` (same parent) holding an <img>.
bool hasNoscriptImageSibling(const xmlNode *img)
{
    if (!img->parent)
        return false;
    for (const xmlNode *s = img->parent->children; s; s = s->next)
        if (s != img && isElement(s) && tagOf(s) == Tag::Noscript)
            for (const xmlNode *c = s->children; c; c = c->next)
                if (isElement(c) && tagOf(c) == Tag::Img)
                    return true;
    return false;
}

} // namespace

bool ReaderBuilder::isPlaceholderOnly(const xmlNode *img)
{
    if (!isPlaceholder(attrString(img, "src").trimmed()))
        return false;
    for (const char *a : kLazySrc)
        if (!attr(img, a).empty())
            return false;
    for (const char *a : kLazySrcset)
        if (!attr(img, a).empty())
            return false;
    return true;
}

void ReaderBuilder::addImage(xmlNode *img)
{
    if (tagOf(img) == Tag::Img && isPlaceholderOnly(img) && hasNoscriptImageSibling(img))
        return; // the <noscript> image beside it is the real one
    const int w = dimension(img, "width"), h = dimension(img, "height");
    if ((w >= 0 && w <= 4) || (h >= 0 && h <= 4))
        return; // tracking pixels and spacers
    QString src = attrString(img, "src").trimmed();
    if (isPlaceholder(src)) {
        src.clear();
        for (const char *a : kLazySrc) {
            const QString v = attrString(img, a).trimmed();
            if (!v.isEmpty() && !v.startsWith(u'{')) {
                src = v;
                break;
            }
        }
        if (src.isEmpty()) {
            for (const char *a : kLazySrcset) {
                const QString v = attrString(img, a).trimmed();
                if (!v.isEmpty()) {
                    src = HtmlSanitizer::bestFromSrcset(v);
                    break;
                }
            }
        }
        if (src.isEmpty() && !m_pictureSrcset.isEmpty())
            src = HtmlSanitizer::bestFromSrcset(m_pictureSrcset);
        if (src.isEmpty())
            src = attrString(img, "src").trimmed(); // a data: image is better than nothing
    }
    const QString url = HtmlSanitizer::safeUrl(src, m_base, HtmlSanitizer::UrlKind::Image);
    if (url.isEmpty())
        return;
    const QString alt = collapseWhitespace(attrString(img, "alt"));
    bool currentHasText = false;
    for (const InlineRun &r : std::as_const(m_current.runs))
        if (!r.imageSrc.isEmpty() || !r.text.trimmed().isEmpty())
            currentHasText = true;
    if (currentHasText || m_textLock > 0) {
        m_current.runs.append(InlineRun { {}, 0, {}, url, alt });
        return;
    }
    flush();
    ReaderNode node;
    node.kind = ReaderNode::Image;
    node.src = url;
    node.alt = alt;
    appendChild(std::move(node));
}

namespace {

// Phrasing elements: a dir or lang on one of them applies inside a block, which the block model cannot say.
bool isPhrasing(Tag t)
{
    switch (t) {
    case Tag::A:
    case Tag::Abbr:
    case Tag::B:
    case Tag::Cite:
    case Tag::Code:
    case Tag::Dfn:
    case Tag::Em:
    case Tag::I:
    case Tag::Q:
    case Tag::S:
    case Tag::Samp:
    case Tag::Small:
    case Tag::Span:
    case Tag::Strike:
    case Tag::Strong:
    case Tag::Sub:
    case Tag::Sup:
    case Tag::Time:
    case Tag::Tt:
    case Tag::U:
    case Tag::Var:
    case Tag::Br:
    case Tag::Wbr:
    case Tag::Img:
        return true;
    default:
        return false;
    }
}

} // namespace

void ReaderBuilder::element(xmlNode *e)
{
    const Tag t = tagOf(e);
    // A block's own direction and language (an English paragraph in an Arabic article) go to the blocks made
    // inside it; the text before it is flushed first so that it keeps its own.
    if (e->properties && !isPhrasing(t) && m_textLock == 0) {
        const std::string_view d = attr(e, "dir"), l = attr(e, "lang");
        const bool hasDir = equalsLower(d, "rtl") || equalsLower(d, "ltr");
        if (hasDir || !l.empty()) {
            flush();
            const QString savedDir = m_dir, savedLang = m_lang;
            if (hasDir)
                m_dir = QString::fromLatin1(lower(d));
            if (!l.empty())
                m_lang = QString::fromUtf8(l.data(), qsizetype(l.size())).trimmed();
            elementContent(e, t);
            flush();
            m_dir = savedDir;
            m_lang = savedLang;
            return;
        }
    }
    elementContent(e, t);
}

void ReaderBuilder::elementContent(xmlNode *e, Tag t)
{
    if (t != Tag::Br && t != Tag::Wbr)
        m_brRun = 0;
    switch (t) {
    // Never content (the cleaner removes them; here for fragments that were not cleaned).
    case Tag::Script:
    case Tag::Style:
    case Tag::Template:
    case Tag::Iframe:
    case Tag::Object:
    case Tag::Embed:
    case Tag::Applet:
    case Tag::Frame:
    case Tag::Frameset:
    case Tag::Svg:
    case Tag::Math:
    case Tag::Input:
    case Tag::Select:
    case Tag::Option:
    case Tag::Optgroup:
    case Tag::Textarea:
    case Tag::Button:
    case Tag::Head:
    case Tag::Title:
    case Tag::Meta:
    case Tag::Link:
    case Tag::Base:
    case Tag::Param:
    case Tag::Canvas:
    case Tag::Audio:
    case Tag::Video:
    case Tag::Map:
    case Tag::Portal:
    case Tag::Noembed:
    case Tag::Noframes:
        return;
    case Tag::Br:
        if (m_pre > 0) {
            text("\n");
            return;
        }
        ++m_brRun;
        if (m_brRun >= 2 && m_textLock == 0) {
            flush();
            return;
        }
        text(" ");
        m_brRun = std::max(m_brRun, 1);
        return;
    case Tag::Wbr:
    case Tag::Source:
        // libxml2 does not know these HTML5 void elements and may nest what follows inside them.
        walkChildren(e);
        return;
    case Tag::Img:
        addImage(e);
        return;
    case Tag::Picture: {
        const QString saved = m_pictureSrcset;
        for (xmlNode *c = e->children; c; c = c->next)
            if (isElement(c) && tagOf(c) == Tag::Source && m_pictureSrcset.isEmpty()) {
                m_pictureSrcset = attrString(c, "srcset");
                if (m_pictureSrcset.isEmpty())
                    m_pictureSrcset = attrString(c, "data-srcset");
            }
        walkChildren(e);
        m_pictureSrcset = saved;
        return;
    }
    case Tag::A: {
        const QString saved = m_href;
        const QString href = HtmlSanitizer::safeUrl(attrString(e, "href"), m_base, HtmlSanitizer::UrlKind::Link);
        if (!href.isEmpty())
            m_href = href;
        walkChildren(e);
        m_href = saved;
        return;
    }
    case Tag::Em:
    case Tag::I:
    case Tag::Cite:
    case Tag::Dfn:
    case Tag::Var:
    case Tag::Strong:
    case Tag::B:
    case Tag::Code:
    case Tag::Kbd:
    case Tag::Samp:
    case Tag::Tt:
    case Tag::Sub:
    case Tag::Sup: {
        const unsigned saved = m_marks;
        if (t == Tag::Strong || t == Tag::B)
            m_marks |= InlineRun::Strong;
        else if (t == Tag::Code || t == Tag::Kbd || t == Tag::Samp || t == Tag::Tt)
            m_marks |= (m_pre > 0 ? 0u : unsigned(InlineRun::Code));
        else if (t == Tag::Sub)
            m_marks |= InlineRun::Subscript;
        else if (t == Tag::Sup)
            m_marks |= InlineRun::Superscript;
        else
            m_marks |= InlineRun::Emphasis;
        walkChildren(e);
        m_marks = saved;
        return;
    }
    case Tag::H1:
    case Tag::H2:
    case Tag::H3:
    case Tag::H4:
    case Tag::H5:
    case Tag::H6:
        if (m_textLock > 0) {
            genericBlock(e);
            return;
        }
        flush();
        m_current.kind = ReaderNode::Heading;
        m_current.level = int(t) - int(Tag::H1) + 1;
        ++m_textLock;
        walkChildren(e);
        --m_textLock;
        flush();
        return;
    case Tag::Pre:
        if (m_textLock > 0) {
            genericBlock(e);
            return;
        }
        flush();
        m_current.kind = ReaderNode::Preformatted;
        ++m_textLock;
        ++m_pre;
        walkChildren(e);
        --m_pre;
        --m_textLock;
        flush();
        return;
    case Tag::Hr:
        if (m_textLock > 0)
            return;
        flush();
        appendChild(ReaderNode { ReaderNode::Rule });
        return;
    case Tag::Ul:
    case Tag::Ol:
    case Tag::Menu:
        if (m_textLock > 0) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::List);
        m_stack.back().ordered = (t == Tag::Ol);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Li:
        if (m_textLock > 0 || m_stack.back().kind != ReaderNode::List) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::ListItem);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Blockquote:
        if (m_textLock > 0) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::Quote);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Figure:
        if (m_textLock > 0) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::Figure);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Figcaption:
        if (m_textLock > 0 || m_stack.back().kind != ReaderNode::Figure) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::FigureCaption);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Table:
        if (m_textLock > 0 || !isDataTable(e)) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::Table);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Caption:
        if (m_stack.back().kind != ReaderNode::Table) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::TableCaption);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Thead:
    case Tag::Tbody:
    case Tag::Tfoot:
        if (m_stack.back().kind == ReaderNode::Table)
            walkChildren(e);
        else
            genericBlock(e);
        return;
    case Tag::Tr:
        if (m_stack.back().kind != ReaderNode::Table) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::TableRow);
        walkChildren(e);
        popContainer();
        return;
    case Tag::Td:
    case Tag::Th: {
        if (m_stack.back().kind != ReaderNode::TableRow) {
            genericBlock(e);
            return;
        }
        pushContainer(ReaderNode::TableCell);
        ReaderNode &cell = m_stack.back();
        cell.header = (t == Tag::Th);
        cell.colSpan = std::clamp(QByteArray(attr(e, "colspan").data()).toInt(), 1, 100);
        cell.rowSpan = std::clamp(QByteArray(attr(e, "rowspan").data()).toInt(), 1, 1000);
        walkChildren(e);
        popContainer();
        return;
    }
    case Tag::Noscript: // only a noscript the cleaner kept (an image or the article fallback) gets here
    case Tag::P:
    case Tag::Div:
    case Tag::Section:
    case Tag::Article:
    case Tag::Main:
    case Tag::Header:
    case Tag::Footer:
    case Tag::Aside:
    case Tag::Nav:
    case Tag::Address:
    case Tag::Center:
    case Tag::Dl:
    case Tag::Dt:
    case Tag::Dd:
    case Tag::Details:
    case Tag::Summary:
    case Tag::Dialog:
    case Tag::Fieldset:
    case Tag::Legend:
    case Tag::Form:
    case Tag::Hgroup:
    case Tag::Body:
    case Tag::Html:
    case Tag::Col:
    case Tag::Colgroup:
        genericBlock(e);
        return;
    default:
        if (t == Tag::Other && isAmpImage(e)) {
            addImage(e);
            return;
        }
        // Inline or unknown (custom elements): transparent.
        walkChildren(e);
        return;
    }
}

} // namespace Gloss::Core

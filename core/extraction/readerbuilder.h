#pragma once

#include "core/document/readerdocument.h"
#include "htmldom.h"

#include <QUrl>
#include <libxml/tree.h>
#include <vector>

namespace Gloss::Core {

/// Turns (cleaned) libxml2 subtrees into a ReaderDocument: block elements become paragraphs, headings,
/// lists, quotes, preformatted blocks, data tables and figures; inline elements become marked runs; links and
/// images are resolved and filtered by HtmlSanitizer's URL policy; lazy images (`data-src`, `data-srcset`,
/// `srcset`, `<picture><source>`) are resolved. Two consecutive `<br>` end a paragraph; one `<br>` is a space.
/// Layout tables (no caption, th, thead, summary; few cells) are read as plain blocks (Readability's
/// `_isDataTable` test).
class ReaderBuilder final
{
public:
    explicit ReaderBuilder(QUrl base);

    /// Appends the content of `root` (the element itself included) to the document.
    void add(xmlNode *root);

    /// Appends a paragraph of plain text (used for JSON fallbacks).
    void addParagraph(const QString &text);

    /// Readability.js `_isDataTable`: a caption, th, thead/tfoot/colgroup or summary make a data table; nested
    /// tables and role=presentation make a layout table; else 10+ rows, 5+ columns or 11+ cells.
    static bool isDataTable(xmlNode *table);
    /// An <img> that shows nothing of its own: a placeholder src (empty, a tiny data: URL, "placeholder.gif",
    /// "blank.gif", ...) and no lazy-loading source (data-src and the like, srcset). Its <noscript> sibling's image
    /// is the real one (Readability.js's _unwrapNoscriptImages makes the same swap).
    static bool isPlaceholderOnly(const xmlNode *img);

    /// The document built so far (not finalized).
    ReaderDocument &document() { return m_doc; }

private:
    void walk(xmlNode *n);
    void element(xmlNode *e);
    void elementContent(xmlNode *e, Dom::Tag t);
    void text(const char *utf8);
    void flush();
    void appendChild(ReaderNode &&node);
    void pushContainer(ReaderNode::Kind kind);
    void popContainer();
    void addImage(xmlNode *img);
    void genericBlock(xmlNode *e);
    void walkChildren(xmlNode *e);

    QUrl m_base;
    ReaderDocument m_doc;
    std::vector<ReaderNode> m_stack; // open containers; m_stack[0] is the document root
    ReaderNode m_current; // the text block being filled
    unsigned m_marks = 0;
    QString m_href;
    int m_pre = 0; // inside <pre>
    int m_textLock = 0; // inside a heading or pre: nested blocks do not split the block
    int m_brRun = 0; // consecutive <br> with only white space between
    QString m_pictureSrcset;
    QString m_dir; // "rtl" or "ltr" from the nearest block element in the content that sets it, else empty
    QString m_lang; // lang from the nearest block element in the content that sets it, else empty
};

} // namespace Gloss::Core

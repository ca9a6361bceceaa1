#pragma once

#include <QList>
#include <QString>

namespace Gloss::Core {

/// One piece of inline content inside a text block: a run of already-collapsed text with its inline marks,
/// or an inline image (empty text). Runs are rendered as `<a>`, `<em>`, `<strong>`, `<code>`, `<sub>`,
/// `<sup>` around escaped text, so that the textContent of a block is exactly the concatenation of its runs.
struct InlineRun
{
    enum Mark : unsigned { Emphasis = 1, Strong = 2, Code = 4, Subscript = 8, Superscript = 16 };

    QString text; ///< collapsed text (no leading/trailing collapse artefacts beyond single spaces)
    unsigned marks = 0; ///< OR of Mark
    QString href; ///< absolute, already allowed URL when the run is inside a link; else empty
    QString imageSrc; ///< non-empty: the run is an inline image (text is then empty)
    QString imageAlt;
};

/// A node of the reader document. Text blocks (Paragraph, Heading, Preformatted) hold inline runs;
/// containers hold child nodes; Image and Rule are leaves without text.
struct ReaderNode
{
    enum Kind {
        Paragraph,
        Heading, ///< `level` 1..6
        Preformatted, ///< whitespace kept: newlines survive, blank-line runs become one newline
        List, ///< `ordered` tells ul from ol
        ListItem,
        Quote,
        Table,
        TableRow,
        TableCell, ///< `header` tells th from td
        TableCaption,
        Figure,
        FigureCaption,
        Image,
        Rule,
    };

    Kind kind = Paragraph;
    int level = 0;
    bool ordered = false;
    bool header = false;
    int colSpan = 1;
    int rowSpan = 1;
    QList<InlineRun> runs; ///< text blocks only
    QList<ReaderNode> children; ///< containers only
    QString src; ///< Image: absolute URL
    QString alt; ///< Image: alternative text (not part of the reader text)
    QString lang; ///< optional lang attribute carried to the output
    QString dir; ///< optional dir attribute carried to the output

    /// UTF-16 offset and length of the node's text in ReaderDocument::text() (filled by finalize()).
    qsizetype start = -1;
    qsizetype length = 0;

    bool isTextBlock() const { return kind == Paragraph || kind == Heading || kind == Preformatted; }
    bool isContainer() const { return !isTextBlock() && kind != Image && kind != Rule; }
};

/// The block model of a reader view, from which both the canonical reader text and the reader HTML are
/// generated, so that every rendered block's textContent is exactly its slice of the reader text.
///
/// Reader text rules (the anchoring substrate, DESIGN.md):
///  - one block per text block (paragraph, heading, list item text, quote paragraph, table cell, caption,
///    preformatted block), in document order; blocks are separated by exactly one blank line ("\n\n");
///  - inside a block, every run of white space (including U+00A0 and line breaks) is one U+0020 space, and
///    the block has no leading or trailing space; a `<br>` between words is a space;
///  - preformatted blocks keep their line breaks ("\n") and inner spacing; CR LF and CR become "\n"; blank
///    lines are removed (so "\n\n" only ever separates blocks); trailing white space of each line and the
///    indentation common to all lines are removed; U+00A0 becomes a space;
///  - C0 control characters other than those newlines are removed, and so are soft hyphens (U+00AD: a
///    line-breaking hint, invisible in running text, that would split words for search and anchoring); a C1
///    control (U+0080 to U+009F) becomes the windows-1252 character of its byte ("&#150;" is "–", as the WHATWG
///    HTML "numeric character reference end state" maps it), and the five that have none are removed;
///    text is in Unicode NFC (each run is
///    normalized; a combining mark split across inline elements is the only way to miss full NFC);
///  - empty blocks are dropped; the title is not part of the text (it is metadata).
/// Offsets (`ReaderNode::start`, `data-start`) are UTF-16 code units into that text (QString indices);
/// core/anchoring converts to code points.
class ReaderDocument final
{
public:
    QList<ReaderNode> nodes;
    QString lang; ///< language of the article (BCP 47), empty when unknown
    QString dir; ///< "ltr", "rtl" or empty

    /// Normalizes runs (NFC, whitespace at block edges), drops empty blocks and containers, and assigns
    /// offsets. Call once after building; text() and html() use the result.
    void finalize();

    /// The canonical reader text (see the class comment).
    const QString &text() const { return m_text; }

    /// The sanitized reader HTML fragment: a `<div class="gloss-article">` wrapper, block elements with
    /// `data-start`, escaped text, only allow-listed elements and attributes.
    QString html() const;

    /// Count of text blocks after finalize().
    int blockCount() const { return m_blocks; }

private:
    QString m_text;
    int m_blocks = 0;
};

/// Collapses white space of `s` to single spaces and trims it (the reader-text rule for one block).
QString collapseWhitespace(const QString &s);

} // namespace Gloss::Core

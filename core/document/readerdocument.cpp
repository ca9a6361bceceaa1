#include "readerdocument.h"

#include <algorithm>
#include <vector>

namespace Gloss::Core {

namespace {

inline bool isCollapsibleSpace(QChar c)
{
    // Called for every character of the reader text: ASCII is decided without a call.
    const char16_t u = c.unicode();
    if (u <= 0x20)
        return u == u' ' || u == u'\n' || u == u'\t' || u == u'\r' || u == u'\f';
    if (u < 0xa0)
        return false; // letters, and the C1 controls (not U+0085: see readerChar())
    return u == 0x00A0 || c.isSpace();
}

// Characters that never reach the reader text as they are: controls, U+FEFF and U+00AD SOFT HYPHEN (see the class
// comment). readerChar() says what becomes of them.
inline bool isDroppedControl(char16_t u)
{
    return (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u < 0xa0) || u == 0xFEFF || u == 0x00AD;
}

// `u` as it goes into the reader text, or 0 when it is dropped. A C1 control (U+0080 to U+009F) is the
// windows-1252 character of that byte: HTML reads a numeric character reference to one ("&#150;") as that
// character (WHATWG HTML, "numeric character reference end state", whose table of 27 this is) where libxml2
// gives the control, and raw ones are windows-1252 text decoded as Latin-1. The five without a windows-1252
// character (U+0081, U+008D, U+008F, U+0090, U+009D) are dropped with the other controls.
inline char16_t readerChar(char16_t u)
{
    static const char16_t c1[32] = { 0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
        0x203A, 0x0153, 0, 0x017E, 0x0178 };
    if (u >= 0x80 && u < 0xa0)
        return c1[u - 0x80];
    return isDroppedControl(u) ? 0 : u;
}

void appendEscaped(QString &out, QStringView text, bool attribute)
{
    // Spans without a character to escape are appended whole (one copy each, not one append per character).
    out.reserve(out.size() + text.size());
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QStringView entity;
        switch (text[i].unicode()) {
        case u'&':
            entity = u"&amp;";
            break;
        case u'<':
            entity = u"&lt;";
            break;
        case u'>':
            entity = u"&gt;";
            break;
        case u'"':
            if (attribute)
                entity = u"&quot;";
            break;
        default:
            break;
        }
        if (entity.isEmpty())
            continue;
        out.append(text.mid(start, i - start));
        out.append(entity);
        start = i + 1;
    }
    out.append(text.mid(start));
}

// Collapses white space across the runs of one (non-preformatted) text block and trims its edges.
void normalizeRuns(QList<InlineRun> &runs)
{
    bool lastWasSpace = true; // drops leading space
    for (InlineRun &run : runs) {
        if (!run.imageSrc.isEmpty())
            continue;
        // Fast path: a run that is already collapsed (finalize() runs again after every filtering pass) is kept
        // as it is, without a copy; only text with combining-range characters (U+0300 and up: below that,
        // every character is NFC already) goes through normalisation.
        const QChar *chars = run.text.constData();
        const qsizetype size = run.text.size();
        bool space = lastWasSpace;
        bool mayNeedNfc = false;
        qsizetype i = 0;
        for (; i < size; ++i) {
            const char16_t u = chars[i].unicode();
            if (u == u' ') {
                if (space)
                    break;
                space = true;
            } else if (u < 0x80) {
                if (u < 0x20 || u == 0x7f)
                    break;
                space = false;
            } else {
                if (isCollapsibleSpace(chars[i]) || isDroppedControl(u))
                    break;
                mayNeedNfc = mayNeedNfc || u >= 0x300;
                space = false;
            }
        }
        if (i == size) {
            lastWasSpace = space;
            if (mayNeedNfc)
                run.text = run.text.normalized(QString::NormalizationForm_C);
            continue;
        }
        QString out(size, Qt::Uninitialized);
        QChar *o = out.data();
        qsizetype k = 0;
        for (qsizetype j = 0; j < size; ++j) {
            const QChar c = chars[j];
            if (isCollapsibleSpace(c)) {
                if (!lastWasSpace) {
                    o[k++] = QChar(u' ');
                    lastWasSpace = true;
                }
            } else if (const char16_t r = readerChar(c.unicode())) {
                o[k++] = QChar(r);
                lastWasSpace = false;
            }
        }
        out.truncate(k);
        run.text = out.normalized(QString::NormalizationForm_C);
    }
    // Trailing space: remove from the last run that has text.
    for (qsizetype i = runs.size() - 1; i >= 0; --i) {
        if (!runs[i].imageSrc.isEmpty())
            continue;
        if (runs[i].text.isEmpty())
            continue;
        if (runs[i].text.endsWith(u' '))
            runs[i].text.chop(1);
        if (!runs[i].text.isEmpty())
            break;
    }
    runs.removeIf([](const InlineRun &r) { return r.imageSrc.isEmpty() && r.text.isEmpty(); });
}

// Preformatted text: lines split at CR LF, CR and LF; control characters dropped and U+00A0 made a space; trailing
// white space of every line, blank lines and the common indentation removed. One pass into one buffer (finalize()
// runs after every filtering pass, and a code block of a few thousand lines went through a list of lines each time).
void normalizePre(QList<InlineRun> &runs)
{
    QString all;
    for (const InlineRun &r : std::as_const(runs))
        all += r.text;
    const QChar *in = all.constData();
    const qsizetype size = all.size();
    QString buffer(size, Qt::Uninitialized); // the kept lines, cleaned, one after the other
    QChar *b = buffer.data();
    struct Line
    {
        qsizetype start;
        qsizetype length;
    };
    std::vector<Line> kept;
    qsizetype indent = -1;
    qsizetype lineStart = 0;
    qsizetype k = 0;
    auto endLine = [&] {
        while (k > lineStart && isCollapsibleSpace(b[k - 1]))
            --k;
        if (k == lineStart)
            return; // blank line
        qsizetype lead = 0;
        while (lineStart + lead < k && (b[lineStart + lead] == u' ' || b[lineStart + lead] == u'\t'))
            ++lead;
        indent = indent < 0 ? lead : std::min(indent, lead);
        kept.push_back({ lineStart, k - lineStart });
        lineStart = k;
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = in[i].unicode();
        if (u == u'\r' || u == u'\n') {
            if (u == u'\r' && i + 1 < size && in[i + 1] == u'\n')
                ++i;
            endLine();
        } else if (u == 0x00A0) {
            b[k++] = QChar(u' ');
        } else if (const char16_t r = readerChar(u)) {
            b[k++] = QChar(r);
        }
    }
    endLine();
    runs.clear();
    if (kept.empty())
        return;
    QString out;
    qsizetype length = qsizetype(kept.size()) - 1;
    for (const Line &l : kept)
        length += l.length - indent;
    out.reserve(length);
    for (const Line &l : kept) {
        if (!out.isEmpty())
            out += u'\n';
        out += QStringView(b + l.start + indent, l.length - indent);
    }
    runs.append(InlineRun { out.normalized(QString::NormalizationForm_C), InlineRun::Code, {}, {}, {} });
}

bool hasText(const QList<InlineRun> &runs)
{
    for (const InlineRun &r : runs)
        if (!r.text.isEmpty())
            return true;
    return false;
}

bool prune(ReaderNode &node);

// Prunes every node of `nodes` and removes those prune() drops, in place (finalize() runs after every filtering
// pass: most lists lose nothing, and rebuilding each one cost an allocation per container).
void pruneChildren(QList<ReaderNode> &nodes)
{
    qsizetype kept = 0;
    const qsizetype size = nodes.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (!prune(nodes[i]))
            continue;
        if (kept != i)
            nodes[kept] = std::move(nodes[i]);
        ++kept;
    }
    if (kept != size)
        nodes.erase(nodes.begin() + kept, nodes.end());
}

// Normalizes the tree in place; returns false when the node should be dropped.
bool prune(ReaderNode &node)
{
    if (node.isTextBlock()) {
        if (node.kind == ReaderNode::Preformatted)
            normalizePre(node.runs);
        else
            normalizeRuns(node.runs);
        if (hasText(node.runs))
            return true;
        // A paragraph holding only images becomes its images.
        if (node.kind == ReaderNode::Paragraph && !node.runs.isEmpty())
            return true;
        return false;
    }
    if (node.kind == ReaderNode::Image)
        return !node.src.isEmpty();
    if (node.kind == ReaderNode::Rule)
        return true;
    pruneChildren(node.children);
    if (node.kind == ReaderNode::TableCell)
        return true; // empty cells keep the table's shape; the row decides
    if (node.kind == ReaderNode::TableRow) {
        for (const ReaderNode &c : std::as_const(node.children))
            if (!c.children.isEmpty())
                return true;
        return false;
    }
    return !node.children.isEmpty();
}

// Upper bound of the reader text's length: every run plus a block separator per text block.
qsizetype textCapacity(const QList<ReaderNode> &nodes)
{
    qsizetype n = 0;
    for (const ReaderNode &node : nodes) {
        if (node.isTextBlock()) {
            n += 2;
            for (const InlineRun &r : node.runs)
                n += r.text.size();
        } else {
            n += textCapacity(node.children);
        }
    }
    return n;
}

void assignOffsets(ReaderNode &node, QString &text, int &blocks)
{
    if (node.isTextBlock()) {
        if (!hasText(node.runs))
            return; // image-only paragraph: no text, no offset
        if (!text.isEmpty())
            text += u"\n\n";
        node.start = text.size();
        for (const InlineRun &r : std::as_const(node.runs))
            text += r.text;
        node.length = text.size() - node.start;
        ++blocks;
        return;
    }
    const qsizetype before = text.size();
    for (ReaderNode &child : node.children)
        assignOffsets(child, text, blocks);
    if (text.size() != before) {
        node.start = before == 0 ? 0 : before + 2;
        node.length = text.size() - node.start;
    }
}

void renderRuns(QString &out, const QList<InlineRun> &runs)
{
    for (const InlineRun &r : runs) {
        if (!r.imageSrc.isEmpty()) {
            out += u"<img src=\"";
            appendEscaped(out, r.imageSrc, true);
            out += u"\" alt=\"";
            appendEscaped(out, r.imageAlt, true);
            out += u"\">";
            continue;
        }
        if (!r.href.isEmpty()) {
            out += u"<a href=\"";
            appendEscaped(out, r.href, true);
            out += u"\">";
        }
        if (r.marks & InlineRun::Strong)
            out += u"<strong>";
        if (r.marks & InlineRun::Emphasis)
            out += u"<em>";
        if (r.marks & InlineRun::Code)
            out += u"<code>";
        if (r.marks & InlineRun::Subscript)
            out += u"<sub>";
        if (r.marks & InlineRun::Superscript)
            out += u"<sup>";
        appendEscaped(out, r.text, false);
        if (r.marks & InlineRun::Superscript)
            out += u"</sup>";
        if (r.marks & InlineRun::Subscript)
            out += u"</sub>";
        if (r.marks & InlineRun::Code)
            out += u"</code>";
        if (r.marks & InlineRun::Emphasis)
            out += u"</em>";
        if (r.marks & InlineRun::Strong)
            out += u"</strong>";
        if (!r.href.isEmpty())
            out += u"</a>";
    }
}

void openTag(QString &out, QStringView tag, qsizetype start)
{
    out += u'<';
    out += tag;
    if (start >= 0) {
        out += u" data-start=\"";
        out += QString::number(start);
        out += u'"';
    }
}

// The article's own lang and dir (on the wrapper): a block repeats them only where it differs.
struct RenderContext
{
    QStringView lang;
    QStringView dir;
};

bool isSafeToken(QStringView s)
{
    for (const QChar c : s)
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_'))
            return false;
    return !s.isEmpty() && s.size() < 36;
}

// ` lang="…" dir="…"` of a block whose language or direction differs from the article's.
void appendLangDir(QString &out, const ReaderNode &node, const RenderContext &ctx)
{
    if (!node.lang.isEmpty() && node.lang != ctx.lang && isSafeToken(node.lang))
        out += u" lang=\"" + node.lang + u'"';
    if ((node.dir == u"rtl" || node.dir == u"ltr") && node.dir != ctx.dir)
        out += u" dir=\"" + node.dir + u'"';
}

void renderNode(QString &out, const ReaderNode &node, const RenderContext &ctx);

// Containers whose only child is one paragraph render that paragraph's runs directly (<li data-start>).
bool rendersInline(const ReaderNode &node)
{
    return node.children.size() == 1 && node.children.first().kind == ReaderNode::Paragraph
        && node.children.first().start >= 0;
}

void renderContainer(QString &out, const ReaderNode &node, const RenderContext &ctx, QStringView tag,
    QStringView extraAttributes = {})
{
    const bool inl = rendersInline(node);
    openTag(out, tag, inl ? node.children.first().start : -1);
    appendLangDir(out, inl ? node.children.first() : node, ctx);
    out += extraAttributes;
    out += u'>';
    if (inl) {
        renderRuns(out, node.children.first().runs);
    } else {
        for (const ReaderNode &c : node.children)
            renderNode(out, c, ctx);
    }
    out += u"</";
    out += tag;
    out += u">\n";
}

// `open`, every child rendered, `close`: the block containers without attributes of their own.
void renderWrapped(
    QString &out, const ReaderNode &node, const RenderContext &ctx, QStringView open, QStringView close)
{
    out += open;
    for (const ReaderNode &c : node.children)
        renderNode(out, c, ctx);
    out += close;
}

void renderNode(QString &out, const ReaderNode &node, const RenderContext &ctx)
{
    switch (node.kind) {
    case ReaderNode::Paragraph:
    case ReaderNode::Heading: {
        const QString tag
            = node.kind == ReaderNode::Heading ? u"h" + QString::number(qBound(1, node.level, 6)) : QStringLiteral("p");
        openTag(out, tag, node.start);
        appendLangDir(out, node, ctx);
        out += u'>';
        renderRuns(out, node.runs);
        out += u"</" + tag + u">\n";
        break;
    }
    case ReaderNode::Preformatted:
        openTag(out, u"pre", node.start);
        appendLangDir(out, node, ctx);
        out += u'>';
        for (const InlineRun &r : node.runs)
            appendEscaped(out, r.text, false);
        out += u"</pre>\n";
        break;
    case ReaderNode::List:
        renderWrapped(out, node, ctx, node.ordered ? u"<ol>\n" : u"<ul>\n", node.ordered ? u"</ol>\n" : u"</ul>\n");
        break;
    case ReaderNode::ListItem:
        renderContainer(out, node, ctx, u"li");
        break;
    case ReaderNode::Quote:
        renderWrapped(out, node, ctx, u"<blockquote>\n", u"</blockquote>\n");
        break;
    case ReaderNode::Table: {
        out += u"<table>\n";
        bool inBody = false;
        for (const ReaderNode &c : node.children) {
            if (c.kind == ReaderNode::TableRow && !inBody) {
                out += u"<tbody>\n";
                inBody = true;
            }
            renderNode(out, c, ctx);
        }
        if (inBody)
            out += u"</tbody>\n";
        out += u"</table>\n";
        break;
    }
    case ReaderNode::TableRow:
        renderWrapped(out, node, ctx, u"<tr>", u"</tr>\n");
        break;
    case ReaderNode::TableCell: {
        QString extra;
        if (node.colSpan > 1)
            extra += u" colspan=\"" + QString::number(node.colSpan) + u'"';
        if (node.rowSpan > 1)
            extra += u" rowspan=\"" + QString::number(node.rowSpan) + u'"';
        renderContainer(out, node, ctx, node.header ? u"th" : u"td", extra);
        break;
    }
    case ReaderNode::TableCaption:
        renderContainer(out, node, ctx, u"caption");
        break;
    case ReaderNode::Figure:
        renderWrapped(out, node, ctx, u"<figure>\n", u"</figure>\n");
        break;
    case ReaderNode::FigureCaption:
        renderContainer(out, node, ctx, u"figcaption");
        break;
    case ReaderNode::Image:
        out += u"<img src=\"";
        appendEscaped(out, node.src, true);
        out += u"\" alt=\"";
        appendEscaped(out, node.alt, true);
        out += u"\">\n";
        break;
    case ReaderNode::Rule:
        out += u"<hr>\n";
        break;
    }
}

} // namespace

QString collapseWhitespace(const QString &s)
{
    // Written through a pointer into a buffer of the input's size (the result is never longer).
    QString out(s.size(), Qt::Uninitialized);
    QChar *o = out.data();
    qsizetype k = 0;
    bool lastWasSpace = true;
    for (const QChar c : s) {
        if (isCollapsibleSpace(c)) {
            if (!lastWasSpace) {
                o[k++] = QChar(u' ');
                lastWasSpace = true;
            }
        } else if (const char16_t r = readerChar(c.unicode())) {
            o[k++] = QChar(r);
            lastWasSpace = false;
        }
    }
    if (k > 0 && o[k - 1] == u' ')
        --k;
    out.truncate(k);
    return out;
}

void ReaderDocument::finalize()
{
    pruneChildren(nodes);
    m_text.clear();
    m_text.reserve(textCapacity(nodes)); // one allocation of the right size instead of doublings
    m_blocks = 0;
    for (ReaderNode &n : nodes)
        assignOffsets(n, m_text, m_blocks);
}

QString ReaderDocument::html() const
{
    QString out;
    // The text, escaping, and tags with their data-start per block: reserved once (pages never touched
    // cost no memory), so that a 100 MB page is not copied on every doubling.
    out.reserve(m_text.size() * 3 / 2 + qsizetype(m_blocks) * 48 + 256);
    out += u"<div class=\"gloss-article\"";
    if (isSafeToken(lang))
        out += u" lang=\"" + lang + u'"';
    if (dir == u"rtl" || dir == u"ltr")
        out += u" dir=\"" + dir + u'"';
    out += u">\n";
    const RenderContext ctx { lang, dir };
    for (const ReaderNode &n : nodes)
        renderNode(out, n, ctx);
    out += u"</div>\n";
    return out;
}

} // namespace Gloss::Core

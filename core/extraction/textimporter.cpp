#include "textimporter.h"

#include "metadataextractor.h"
#include "publicationdate.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace Gloss::Core {

namespace {

// The title of a text whose only paragraph is its body: its first line, cut to this many code points at a sentence
// end or else a word boundary (a window or list title, not a sentence of the text's length).
constexpr qsizetype kFallbackTitleLength = 100;

// Stop phrases of page furniture (lower case). A match is strong evidence of boilerplate; the classifier
// still weighs it against length and punctuation, so one word in a long paragraph of prose is not enough.
const QStringList &stopPhrases()
{
    static const QStringList phrases = { QStringLiteral("notification"), QStringLiteral("stay up to date"),
        QStringLiteral("browser"), QStringLiteral("donat"), QStringLiteral("your support"),
        QStringLiteral("support us"), QStringLiteral("support our"), QStringLiteral("support now"),
        QStringLiteral("contribut"), QStringLiteral("subscri"), QStringLiteral("newsletter"), QStringLiteral("sign up"),
        QStringLiteral("sign in"), QStringLiteral("log in"), QStringLiteral("logged in"), QStringLiteral("login"),
        QStringLiteral("registering"), QStringLiteral("register"), QStringLiteral("cookie"),
        QStringLiteral("privacy policy"), QStringLiteral("privacy notice"), QStringLiteral("terms of use"),
        QStringLiteral("terms of service"), QStringLiteral("share this"), QStringLiteral("share on"),
        QStringLiteral("follow us"), QStringLiteral("click here"), QStringLiteral("refresh"), QStringLiteral("paywall"),
        QStringLiteral("advertis"), QStringLiteral("all rights reserved"), QStringLiteral("copyright"),
        QStringLiteral("\u00a9"), QStringLiteral("read more"), QStringLiteral("sponsored"), QStringLiteral("inbox"),
        QStringLiteral("email address"), QStringLiteral("enable javascript"), QStringLiteral("quality journalism"),
        QStringLiteral("independent journalism"), QStringLiteral("make a difference"),
        QStringLiteral("all the difference"), QStringLiteral("thank you for"), QStringLiteral("preferences"),
        QStringLiteral("download the app"), QStringLiteral("comments"), QStringLiteral("most popular"),
        QStringLiteral("related articles"), QStringLiteral("you may also like") };
    return phrases;
}

const QStringList &personWords()
{
    static const QStringList words = { QStringLiteral("you"), QStringLiteral("your"), QStringLiteral("yours"),
        QStringLiteral("we"), QStringLiteral("us"), QStringLiteral("our"), QStringLiteral("ours"),
        QStringLiteral("we're"), QStringLiteral("you're") };
    return words;
}

struct Para
{
    QString text; // collapsed
    QStringList lines; // original lines, trimmed
    bool list = false; // every line (two or more) is a list item: "1. ...", "a) ...", "- ...", "* ...", "• ..."
    bool ordered = false; // a numbered or lettered list
    double score = 0;
    enum Class { Bad, Neutral, Good } cls = Neutral;
};

// The list marker at the start of a line ("1.", "2)", "a.", "-", "*", "•"), with the space after it.
const QRegularExpression &listMarker()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:(\\d{1,3}|[a-zA-Z])[.)]|[-*\u2022\u00B7\u2013\u2014\u25AA\u25E6])\\s+(?=\\S)"));
    return re;
}

// How many of the stop phrases `lower` (lower-cased text) holds.
int stopPhraseHits(const QString &lower)
{
    int hits = 0;
    for (const QString &p : stopPhrases())
        if (lower.contains(p))
            ++hits;
    return hits;
}

bool hasStopPhrase(const QString &text)
{
    return stopPhraseHits(text.toLower()) > 0;
}

// The context-free class of a paragraph score (jusText's thresholds: 1 and -1).
Para::Class classOf(double score)
{
    return score >= 1 ? Para::Good : score <= -1 ? Para::Bad : Para::Neutral;
}

bool endsSentence(const QString &s)
{
    if (s.isEmpty())
        return false;
    const QChar c = s.back();
    return c == u'.' || c == u'!' || c == u'?' || c == u'\u201D' || c == u'"' || c == u'\u2019' || c == u')'
        || c == u'\u3002';
}

// Header lines are short: a byline or date line longer than this (UTF-16 code units) is prose.
constexpr qsizetype kMaxHeaderLine = 80;
// A header paragraph (the seed's "Via AP news wire / Tuesday 20 October 2020 12:32 EDT / tags") has at most this
// many lines, each under 100 code units.
constexpr qsizetype kMaxHeaderLines = 6;

// What a line of the header zone (right after the title) is.
enum class HeaderLine { None, Byline, Date, Name };

const QRegularExpression &dateRe()
{
    static const QRegularExpression date(
        QStringLiteral("\\b(\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}|"
                       "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|"
                       "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})\\b|"
                       "\\d{4}\\s*[\u5E74\uB144]\\s*\\d{1,2}\\s*[\u6708\uC6D4]\\s*\\d{1,2}\\s*[\u65E5\uC77C]?"),
        QRegularExpression::CaseInsensitiveOption);
    return date;
}

// "Date: 2021-03-04", "Author: Jane Smith", "Title: ...": the label's name (lower case) and the value after it.
std::pair<QString, QString> labelled(const QString &line)
{
    // "Label: value" (also with a full-width colon); labels in other languages read as their English one.
    static const QRegularExpression label(QStringLiteral("^([^\\s:\uFF1A]{1,20})\\s*[:\uFF1A]\\s*(\\S.*)$"));
    static const QHash<QString, QString> known = {
        { QStringLiteral("title"), QStringLiteral("title") }, { QStringLiteral("author"), QStringLiteral("author") },
        { QStringLiteral("authors"), QStringLiteral("authors") }, { QStringLiteral("by"), QStringLiteral("by") },
        { QStringLiteral("byline"), QStringLiteral("byline") }, { QStringLiteral("date"), QStringLiteral("date") },
        { QStringLiteral("published"), QStringLiteral("published") },
        { QStringLiteral("posted"), QStringLiteral("posted") }, { QStringLiteral("updated"), QStringLiteral("updated") },
        // Author: German, French, Spanish/Portuguese, Italian, Russian, Ukrainian, Chinese, Japanese, Korean, Arabic.
        { QStringLiteral("autor"), QStringLiteral("author") }, { QStringLiteral("autorin"), QStringLiteral("author") },
        { QStringLiteral("auteur"), QStringLiteral("author") }, { QStringLiteral("autore"), QStringLiteral("author") },
        { QStringLiteral("автор"), QStringLiteral("author") }, { QStringLiteral("作者"), QStringLiteral("author") },
        { QStringLiteral("記者"), QStringLiteral("author") }, { QStringLiteral("기자"), QStringLiteral("author") },
        { QStringLiteral("بقلم"), QStringLiteral("author") }, { QStringLiteral("الكاتب"), QStringLiteral("author") },
        // Date.
        { QStringLiteral("datum"), QStringLiteral("date") }, { QStringLiteral("fecha"), QStringLiteral("date") },
        { QStringLiteral("data"), QStringLiteral("date") }, { QStringLiteral("дата"), QStringLiteral("date") },
        { QStringLiteral("日期"), QStringLiteral("date") }, { QStringLiteral("日付"), QStringLiteral("date") },
        { QStringLiteral("날짜"), QStringLiteral("date") }, { QStringLiteral("التاريخ"), QStringLiteral("date") } };
    const QRegularExpressionMatch m = label.match(line);
    if (!m.hasMatch())
        return {};
    const auto it = known.constFind(m.captured(1).toLower());
    if (it == known.cend())
        return {};
    return { it.value(), m.captured(2).trimmed() };
}

// The date part of a date line ("March 4, 2021", "Tuesday 20 October 2020 12:32 EDT", "Date: 2021-03-04"), or
// empty: the line is short, holds a date, does not end like a sentence, and has at most 4 words besides the date
// (a weekday, a time zone, "Updated"), so "The vote is on 12 March 2024." is prose.
QString dateOf(const QString &line)
{
    const auto [label, value] = labelled(line);
    const QString v = label.isEmpty() ? line : value;
    if (!label.isEmpty() && label != u"date" && label != u"published" && label != u"posted" && label != u"updated")
        return {};
    if (v.size() > kMaxHeaderLine || v.endsWith(u'.') || !v.contains(dateRe()))
        return {};
    QString rest = v;
    rest.remove(dateRe());
    static const QRegularExpression word(QStringLiteral("\\p{L}+"));
    qsizetype words = 0;
    for (auto it = word.globalMatch(rest); it.hasNext(); it.next())
        ++words;
    return words <= 4 ? v : QString();
}

// The name of a byline ("By Jane Smith", "Via AP news wire", "Author: Jane Smith"), or empty. The word after
// "By"/"Via"/"From" must start with a capital and the line must not end like a sentence: "From the start, the
// plan was contested." is prose. `from` lines ("From Reuters") are header lines but name no author: `isByline`
// is then true and the result empty.
QString bylineOf(const QString &line, bool *isByline = nullptr)
{
    if (isByline)
        *isByline = false;
    if (line.size() > kMaxHeaderLine || endsSentence(line))
        return {};
    const auto [label, value] = labelled(line);
    if (label == u"author" || label == u"authors" || label == u"by" || label == u"byline") {
        if (isByline)
            *isByline = true;
        return value;
    }
    static const QRegularExpression by(
        QStringLiteral("^(by|via|from|von|par|por)\\s+(\\p{Lu}.*)$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = by.match(line);
    // CaseInsensitiveOption makes \p{Lu} match any letter: check the capital by hand.
    if (!m.hasMatch() || !m.captured(2).front().isUpper())
        return {};
    if (isByline)
        *isByline = true;
    if (m.captured(1).compare(u"from", Qt::CaseInsensitive) == 0)
        return {};
    QString name = m.captured(2);
    static const QRegularExpression wire(QStringLiteral("\\s+news wire$"), QRegularExpression::CaseInsensitiveOption);
    name.remove(wire);
    return name.trimmed();
}

// A bare name next to a date ("Jane Smith" above "2021-03-04"): two to four capitalised words, no digits.
bool looksLikeName(const QString &line)
{
    static const QRegularExpression name(
        QStringLiteral("^\\p{Lu}[\\p{L}'\u2019.-]*(\\s+\\p{Lu}[\\p{L}'\u2019.-]*){1,3}$"));
    return line.size() <= 40 && name.match(line).hasMatch();
}

HeaderLine headerLine(const QString &line)
{
    bool byline = false;
    bylineOf(line, &byline);
    if (byline)
        return HeaderLine::Byline;
    if (!dateOf(line).isEmpty())
        return HeaderLine::Date;
    return looksLikeName(line) ? HeaderLine::Name : HeaderLine::None;
}

// The number of lines of `lines` from `from` on that form a byline/date block: a run of header lines with at least
// one byline or date among them (a bare name counts only beside one); 0 when there is none.
qsizetype headerRun(const QStringList &lines, qsizetype from)
{
    qsizetype k = from;
    bool anchored = false;
    while (k < lines.size()) {
        const HeaderLine h = headerLine(lines.at(k));
        if (h == HeaderLine::None)
            break;
        anchored = anchored || h != HeaderLine::Name;
        ++k;
    }
    return anchored ? k - from : 0;
}

// Whether the paragraph is a byline/date block: a whole header run, or (the seed's wire-copy header) a few short
// lines of which one is a byline or date line and the others tags or a credit.
bool isHeaderParagraph(const Para &p)
{
    if (headerRun(p.lines, 0) == p.lines.size())
        return true;
    if (p.lines.size() > kMaxHeaderLines)
        return false;
    bool anchored = false;
    for (const QString &l : p.lines) {
        if (l.size() >= 100)
            return false;
        const HeaderLine h = headerLine(l);
        anchored = anchored || h == HeaderLine::Byline || h == HeaderLine::Date;
    }
    return anchored;
}

// Byline and publication date from the lines of a header block (the first of each wins; a bare name is the
// byline when no "By" line gives one).
void readHeader(const QStringList &lines, qsizetype from, qsizetype to, TextImporter::Output &out)
{
    QString name;
    // "By Jane Smith | March 4, 2021": a byline and a date on one line, split at the separator before the date.
    static const QRegularExpression separator(QStringLiteral("\\s+[|\u00B7\u2022\u2013\u2014/]\\s+|,\\s+(?=\\S+\\s+\\d)"));
    for (qsizetype i = from; i < to; ++i) {
        const QString &l = lines.at(i);
        if (const QString b = bylineOf(l); !b.isEmpty() && out.metadata.byline.isEmpty()) {
            out.metadata.byline = b;
            for (auto it = separator.globalMatch(b); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                const QString rest = b.mid(m.capturedEnd()).trimmed();
                if (const QString d = dateOf(rest); !d.isEmpty()) {
                    out.metadata.byline = b.left(m.capturedStart()).trimmed();
                    if (out.publishedRaw.isEmpty())
                        out.publishedRaw = d;
                    break;
                }
            }
        }
        else if (const QString d = dateOf(l); !d.isEmpty() && out.publishedRaw.isEmpty())
            out.publishedRaw = d;
        else if (name.isEmpty() && looksLikeName(l))
            name = l;
    }
    if (out.metadata.byline.isEmpty())
        out.metadata.byline = name;
}

// A line that can be the title by itself: short, not a byline or date line, not ending like a sentence ("?" and "!"
// headlines are titles; ".", ",", ";" and ":" endings are prose or a lead-in).
bool looksLikeTitle(const QString &line)
{
    const HeaderLine h = headerLine(line);
    if (line.size() > 150 || h == HeaderLine::Byline || h == HeaderLine::Date)
        return false;
    const QChar last = line.back();
    return last != u'.' && last != u',' && last != u';' && last != u':' && last != u'\u3002' && last != u'\u2026';
}

// When the first of `lines` is a title ("Title: ..." or a line that looks like one) standing alone or above
// byline/date lines: the number of lines of title and header (the rest of the paragraph is body); else -1. A first
// line followed by other text is the start of a (hard-wrapped) paragraph, not a title.
qsizetype titleHeader(const QStringList &lines)
{
    if (lines.isEmpty())
        return -1;
    const qsizetype header = headerRun(lines, 1);
    if (labelled(lines.constFirst()).first == u"title")
        return 1 + header;
    if (!looksLikeTitle(lines.constFirst()))
        return -1;
    return lines.size() == 1 || header > 0 ? 1 + header : -1;
}

// The reader block of a body paragraph: a list (its markers dropped, an item a paragraph) or a paragraph.
ReaderNode blockOf(const Para &p)
{
    ReaderNode node;
    if (!p.list) {
        node.kind = ReaderNode::Paragraph;
        node.runs.append(InlineRun { p.text, 0, {}, {}, {} });
        return node;
    }
    node.kind = ReaderNode::List;
    node.ordered = p.ordered;
    for (const QString &line : p.lines) {
        ReaderNode paragraph;
        paragraph.kind = ReaderNode::Paragraph;
        paragraph.runs.append(InlineRun { collapseWhitespace(QString(line).remove(listMarker())), 0, {}, {}, {} });
        ReaderNode item;
        item.kind = ReaderNode::ListItem;
        item.children.append(std::move(paragraph));
        node.children.append(std::move(item));
    }
    return node;
}

// The body: paragraphs from `bodyStart` on, neutral ones classified by their neighbours, boilerplate dropped, and
// only the segments of the article (see below) kept. Linear in the number of paragraphs.
ReaderDocument selectBody(const std::vector<Para> &paras, size_t bodyStart)
{
    ReaderDocument document;
    const size_t n = paras.size();
    if (bodyStart >= n) {
        document.finalize();
        return document;
    }
    // Context-sensitive pass (jusText): neutral paragraphs take the class of their nearest non-neutral neighbours
    // (the context-free classes, from `bodyStart` on). The nearest ones on each side are carried along in one
    // pass each way instead of searched for every paragraph (quadratic on a text of neutral paragraphs).
    std::vector<Para::Class> prev(n, Para::Neutral), cls(n);
    std::vector<double> score(n);
    Para::Class seen = Para::Neutral;
    for (size_t i = bodyStart; i < n; ++i) {
        prev[i] = seen;
        if (paras[i].cls != Para::Neutral)
            seen = paras[i].cls;
    }
    seen = Para::Neutral;
    auto weight = [](Para::Class c) { return c == Para::Good ? 0.5 : c == Para::Bad ? -0.5 : 0.0; };
    for (size_t i = n; i-- > bodyStart;) {
        cls[i] = paras[i].cls;
        score[i] = paras[i].score;
        if (cls[i] == Para::Neutral)
            cls[i] = score[i] + weight(prev[i]) + weight(seen) >= 0 ? Para::Good : Para::Bad;
        if (paras[i].cls != Para::Neutral)
            seen = paras[i].cls;
    }

    // The article is one contiguous run: a run of two or more boilerplate paragraphs (or one long one)
    // separates segments; keep the segment with the most text, and others only when comparable.
    struct Segment
    {
        size_t begin, end;
        qsizetype chars;
    };
    std::vector<Segment> segments;
    size_t i = bodyStart;
    while (i < n) {
        while (i < n && cls[i] == Para::Bad)
            ++i;
        if (i >= n)
            break;
        Segment s { i, i, 0 };
        size_t j = i;
        while (j < n) {
            if (cls[j] == Para::Good) {
                s.chars += paras[j].text.size();
                s.end = j + 1;
                ++j;
                continue;
            }
            // A bad paragraph: does the run of bad ones break the segment?
            size_t k = j;
            qsizetype badChars = 0;
            while (k < n && cls[k] == Para::Bad) {
                badChars += paras[k].text.size();
                ++k;
            }
            if (k - j >= 2 || badChars > 100 || k >= n)
                break;
            j = k;
        }
        segments.push_back(s);
        i = std::max(j, s.end);
        if (i == s.begin)
            ++i;
    }
    qsizetype best = 0;
    for (const Segment &s : segments)
        best = std::max(best, s.chars);
    for (const Segment &s : segments) {
        if (s.chars * 2 < best)
            continue;
        for (size_t k = s.begin; k < s.end; ++k)
            if (cls[k] == Para::Good)
                document.nodes.append(blockOf(paras[k]));
    }
    // No content paragraph at all (verse, a list of notes: short unpunctuated lines throughout): the file was
    // imported as an article, so its paragraphs are, bar those that are boilerplate by the stop-phrase lexicon.
    if (document.nodes.isEmpty())
        for (size_t k = bodyStart; k < n; ++k)
            if (!hasStopPhrase(paras[k].text) && paras[k].score > -1.5)
                document.nodes.append(blockOf(paras[k]));
    document.finalize();
    return document;
}

// The title derived from the body: its first block, cut at a sentence end or a word (MetadataExtractor::shortened).
QString derivedTitle(const ReaderDocument &document)
{
    const QString &text = document.text();
    const qsizetype end = text.indexOf(QStringLiteral("\n\n"));
    return MetadataExtractor::shortened(
        end < 0 ? text : text.left(end), kFallbackTitleLength, MetadataExtractor::Cut::Sentence);
}

} // namespace

double TextImporter::paragraphScore(const QString &paragraph)
{
    const QString text = collapseWhitespace(paragraph);
    const QString lower = text.toLower();
    static const QRegularExpression wordRe(QStringLiteral("[\\w'\u2019]+"));
    int words = 0, person = 0;
    // Quoted speech is reported prose: its "we" and "you" are not the page addressing the reader.
    static const QRegularExpression quoted(
        QStringLiteral("[\u201C\u201E\u00AB\"][^\u201D\u201C\u00BB\"]{0,400}[\u201D\u00BB\"]"));
    QString unquoted = lower;
    unquoted.replace(quoted, QStringLiteral(" q "));
    auto it = wordRe.globalMatch(unquoted);
    while (it.hasNext()) {
        QString w = it.next().captured();
        w.replace(u'\u2019', u'\'');
        ++words;
        if (personWords().contains(w))
            ++person;
    }
    double score = 0;
    // Length (jusText: short blocks are not evidence either way, long ones lean towards content).
    if (words >= 30)
        score += 1.5;
    else if (words >= 15)
        score += 1.0;
    else if (words < 6)
        score -= 0.5;
    // Sentence punctuation.
    if (endsSentence(text))
        score += 0.5;
    int stops = 0;
    for (const QChar c : text)
        if (c == u'.' || c == u'!' || c == u'?' || c == u',')
            ++stops;
    if (words >= 10 && stops == 0)
        score -= 0.5;
    // First/second person address.
    if (words > 0) {
        const double density = double(person) / words;
        if (density >= 0.1)
            score -= 2.5;
        else if (density >= 0.04)
            score -= 1.5;
        else if (person > 0)
            score -= 0.5;
    }
    // Stop phrases.
    score -= 1.5 * stopPhraseHits(lower);
    // Several short lines (datelines, captions, menus).
    const QStringList lines = paragraph.split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() >= 3) {
        int shortLines = 0;
        for (const QString &l : lines)
            if (l.trimmed().size() < 60)
                ++shortLines;
        if (shortLines * 2 > lines.size())
            score -= 1.5;
    }
    return score;
}

TextImporter::Output TextImporter::import(const QString &input)
{
    QString text = input;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    static const QRegularExpression blank(QStringLiteral("\\n[ \\t\\x{00A0}]*\\n"));
    const QStringList chunks = text.split(blank, Qt::SkipEmptyParts);

    std::vector<Para> paras;
    paras.reserve(chunks.size());
    // Markdown and similar plain-text markup: "# " heading markers are not text, and a line of "===" or "---"
    // (a Setext underline, a rule) is no text either.
    static const QRegularExpression headingMarker(QStringLiteral("^#{1,6}\\s+"));
    static const QRegularExpression ruleLine(QStringLiteral("^(={3,}|-{3,}|\\*{3,}|_{3,})$"));
    for (const QString &chunk : chunks) {
        Para p;
        for (const QString &l : chunk.split(u'\n', Qt::SkipEmptyParts)) {
            QString t = l.trimmed();
            if (ruleLine.match(t).hasMatch())
                continue;
            t.remove(headingMarker);
            if (!t.isEmpty())
                p.lines << t;
        }
        const QString joined = p.lines.join(u'\n');
        p.text = collapseWhitespace(joined);
        if (p.text.isEmpty())
            continue;
        p.score = paragraphScore(joined);
        if (p.lines.size() >= 2) {
            p.list = std::all_of(p.lines.cbegin(), p.lines.cend(),
                [](const QString &l) { return listMarker().match(l).hasMatch(); });
            p.ordered = p.list && p.lines.constFirst().front().isLetterOrNumber();
            // A list's items are short and often unpunctuated: not evidence of boilerplate by themselves, so the
            // paragraphs around it decide (unless it is a list of stop phrases: share links, menus).
            if (p.list && !hasStopPhrase(p.text))
                p.score = std::max(p.score, 0.0);
        }
        p.cls = classOf(p.score);
        paras.push_back(std::move(p));
    }

    Output out;
    // The top of the text: the first paragraph among the first 8 that is not boilerplate, or that is a title with
    // its byline/date lines (which the classifier, seeing short lines without sentences, calls boilerplate; a
    // boilerplate line alone, "Share this article", is not a title).
    auto isTitleWithHeader = [](const Para &p) { return p.lines.size() > 1 && titleHeader(p.lines) == p.lines.size(); };
    size_t top = 0;
    while (top < paras.size() && top < 8 && paras[top].cls == Para::Bad && !isTitleWithHeader(paras[top]))
        ++top;
    if (top == paras.size() || top == 8)
        top = 0;
    size_t bodyStart = top;
    const qsizetype header = top < paras.size() ? titleHeader(paras[top].lines) : -1;
    const bool titled = header >= 0;
    const Para topParagraph = top < paras.size() ? paras[top] : Para();
    if (titled) {
        Para &p = paras[top];
        const auto [label, value] = labelled(p.lines.constFirst());
        out.metadata.title = label.isEmpty() ? p.lines.constFirst() : value;
        readHeader(p.lines, 1, header, out);
        p.lines.remove(0, header);
        if (p.lines.isEmpty()) {
            bodyStart = top + 1;
        } else {
            p.text = collapseWhitespace(p.lines.join(u' '));
            p.score = paragraphScore(p.lines.join(u'\n'));
            p.cls = classOf(p.score);
        }
    }
    // Header zone: byline/date paragraphs right after the title, possibly after a standfirst of up to two
    // paragraphs (which becomes the excerpt and leaves the body); without a title, only at the very top.
    const size_t zoneEnd = std::min(paras.size(), bodyStart + (titled ? 3 : 1));
    for (size_t i = bodyStart; i < zoneEnd; ++i) {
        if (!isHeaderParagraph(paras[i]))
            continue;
        for (size_t k = bodyStart; k < i && out.metadata.excerpt.isEmpty(); ++k)
            out.metadata.excerpt = paras[k].text;
        size_t end = i;
        while (end < paras.size() && (end == i || headerRun(paras[end].lines, 0) == paras[end].lines.size())) {
            readHeader(paras[end].lines, 0, paras[end].lines.size(), out);
            ++end;
        }
        bodyStart = end;
        break;
    }

    out.document = selectBody(paras, bodyStart);
    if (!titled && !out.document.nodes.isEmpty())
        out.metadata.title = derivedTitle(out.document);
    if (out.document.nodes.isEmpty() && top < paras.size()) {
        // Taking the title and header left no body (a note of one paragraph): the text from the top paragraph on
        // is the body, and the title is derived from it.
        paras[top] = topParagraph;
        ReaderDocument whole = selectBody(paras, top);
        if (!whole.nodes.isEmpty()) {
            out.document = std::move(whole);
            out.metadata.title = derivedTitle(out.document);
            out.metadata.excerpt.clear();
            out.metadata.byline.clear();
            out.publishedRaw.clear();
        }
    }
    out.metadata.title = collapseWhitespace(out.metadata.title).normalized(QString::NormalizationForm_C);
    out.metadata.published = PublicationDate::toIsoUtc(out.publishedRaw);
    return out;
}

} // namespace Gloss::Core

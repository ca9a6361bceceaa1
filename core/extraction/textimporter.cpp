#include "textimporter.h"

#include "metadataextractor.h"

#include <QRegularExpression>

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
    double score = 0;
    enum Class { Bad, Neutral, Good } cls = Neutral;
};

bool endsSentence(const QString &s)
{
    if (s.isEmpty())
        return false;
    const QChar c = s.back();
    return c == u'.' || c == u'!' || c == u'?' || c == u'\u201D' || c == u'"' || c == u'\u2019' || c == u')'
        || c == u'\u3002';
}

bool looksLikeDateline(const QString &line)
{
    static const QRegularExpression date(
        QStringLiteral("\\b(\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}|"
                       "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|"
                       "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression by(
        QStringLiteral("^(by|via|from|von|par|por)\\s"), QRegularExpression::CaseInsensitiveOption);
    return line.size() < 100 && (line.contains(date) || line.contains(by));
}

// The body: paragraphs from `bodyStart` on, neutral ones classified by their neighbours, boilerplate dropped, and
// only the segments of the article (see below) kept. Takes `paras` by value: the context pass reclassifies them.
ReaderDocument selectBody(std::vector<Para> paras, size_t bodyStart)
{
    ReaderDocument document;
    // Context-sensitive pass (jusText): neutral paragraphs take the class of their neighbours.
    const size_t n = paras.size();
    for (size_t i = bodyStart; i < n; ++i) {
        if (paras[i].cls != Para::Neutral)
            continue;
        Para::Class prev = Para::Neutral, next = Para::Neutral;
        for (size_t k = i; k > bodyStart; --k)
            if (paras[k - 1].cls != Para::Neutral) {
                prev = paras[k - 1].cls;
                break;
            }
        for (size_t k = i + 1; k < n; ++k)
            if (paras[k].cls != Para::Neutral) {
                next = paras[k].cls;
                break;
            }
        auto weight = [](Para::Class c) { return c == Para::Good ? 0.5 : c == Para::Bad ? -0.5 : 0.0; };
        paras[i].score += weight(prev) + weight(next);
    }
    for (size_t i = bodyStart; i < n; ++i)
        if (paras[i].cls == Para::Neutral)
            paras[i].cls = paras[i].score >= 0 ? Para::Good : Para::Bad;

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
        while (i < n && paras[i].cls == Para::Bad)
            ++i;
        if (i >= n)
            break;
        Segment s { i, i, 0 };
        size_t j = i;
        while (j < n) {
            if (paras[j].cls == Para::Good) {
                s.chars += paras[j].text.size();
                s.end = j + 1;
                ++j;
                continue;
            }
            // A bad paragraph: does the run of bad ones break the segment?
            size_t k = j;
            qsizetype badChars = 0;
            while (k < n && paras[k].cls == Para::Bad) {
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
        for (size_t k = s.begin; k < s.end; ++k) {
            if (paras[k].cls != Para::Good)
                continue;
            ReaderNode node;
            node.kind = ReaderNode::Paragraph;
            node.runs.append(InlineRun { paras[k].text, 0, {}, {}, {} });
            document.nodes.append(std::move(node));
        }
    }
    document.finalize();
    return document;
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
    int hits = 0;
    for (const QString &p : stopPhrases())
        if (lower.contains(p))
            ++hits;
    score -= 1.5 * hits;
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
    for (const QString &chunk : chunks) {
        Para p;
        p.text = collapseWhitespace(chunk);
        if (p.text.isEmpty())
            continue;
        for (const QString &l : chunk.split(u'\n', Qt::SkipEmptyParts))
            if (!l.trimmed().isEmpty())
                p.lines << l.trimmed();
        p.score = paragraphScore(chunk);
        p.cls = p.score >= 1 ? Para::Good : p.score <= -1 ? Para::Bad : Para::Neutral;
        paras.push_back(std::move(p));
    }

    Output out;
    // Title: the first paragraph that is not boilerplate and reads like a headline (one line, no final stop).
    size_t bodyStart = 0;
    size_t titleIndex = paras.size();
    for (size_t i = 0; i < paras.size() && i < 8; ++i) {
        const Para &p = paras[i];
        if (p.cls == Para::Bad)
            continue;
        if (p.lines.size() == 1 && p.text.size() <= 200) {
            titleIndex = i;
        }
        break;
    }
    if (titleIndex == paras.size() && !paras.empty())
        titleIndex = 0; // the plain-text convention: the first line is the title
    const Para titleParagraph = titleIndex < paras.size() ? paras[titleIndex] : Para();
    if (!paras.empty()) {
        out.metadata.title = titleIndex < paras.size() ? paras[titleIndex].lines.value(0) : QString();
        if (titleIndex < paras.size() && paras[titleIndex].lines.size() > 1) {
            // The title is the first line; the rest of that chunk is body text.
            Para &p = paras[titleIndex];
            p.lines.removeFirst();
            p.text = collapseWhitespace(p.lines.join(u' '));
            bodyStart = titleIndex;
        } else {
            bodyStart = titleIndex + 1;
        }
    }
    // Header zone: a standfirst and a byline/date block right after the title.
    for (size_t i = bodyStart; i < paras.size() && i < bodyStart + 3; ++i) {
        bool dateline = false;
        for (const QString &l : paras[i].lines)
            if (looksLikeDateline(l))
                dateline = true;
        if (dateline) {
            for (size_t k = bodyStart; k < i; ++k)
                if (out.metadata.excerpt.isEmpty())
                    out.metadata.excerpt = paras[k].text;
            for (const QString &l : paras[i].lines) {
                static const QRegularExpression by(
                    QStringLiteral("^(by|via)\\s+"), QRegularExpression::CaseInsensitiveOption);
                if (l.contains(by) && out.metadata.byline.isEmpty()) {
                    QString b = l;
                    b.remove(by);
                    b.remove(QRegularExpression(
                        QStringLiteral("\\s+news wire$"), QRegularExpression::CaseInsensitiveOption));
                    out.metadata.byline = b.trimmed();
                }
            }
            bodyStart = i + 1;
            break;
        }
    }

    out.document = selectBody(paras, bodyStart);
    if (out.document.nodes.isEmpty() && titleIndex < paras.size()) {
        // Taking the title left no body (a note of one paragraph): the text is the body, from the title paragraph
        // on, and the title is its first line, shortened.
        paras[titleIndex] = titleParagraph;
        ReaderDocument whole = selectBody(std::move(paras), titleIndex);
        if (!whole.nodes.isEmpty()) {
            out.document = std::move(whole);
            out.metadata.title = MetadataExtractor::shortened(collapseWhitespace(titleParagraph.lines.value(0)),
                kFallbackTitleLength, MetadataExtractor::Cut::Sentence);
        }
    }
    out.metadata.title = collapseWhitespace(out.metadata.title).normalized(QString::NormalizationForm_C);
    return out;
}

} // namespace Gloss::Core

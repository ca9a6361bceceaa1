// anchoring_bench: time to re-anchor 10,000 annotations on a 100,000-word article after a 1% random edit,
// the share exact / moved / fuzzy / orphaned, and the number of annotations anchored onto wrong words,
// checked against the known truth of the edit (issue 4, "Measure it").
//
// Usage: anchoring_bench [--words N] [--annotations N] [--edit-rate F] [--seed N]
// Exit status 0 when no annotation landed on wrong words, 1 otherwise, 2 on bad arguments.

#include "core/anchoring/anchorresolver.h"
#include "core/anchoring/codepointindex.h"
#include "core/anchoring/reanchor.h"
#include "core/annotation/annotation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Gloss::Core;

namespace {

/// One word of the article with the separator that follows it (" ", ". ", ".\n\n", or "" at the end).
struct Word
{
    QString text;
    QString after;
    qsizetype source = -1; ///< index of the old word this one continues, -1 for an inserted word
    bool changed = false; ///< replaced by another word in the edit
};

/// A Zipf-distributed vocabulary of pronounceable pseudo-words, so that short words repeat thousands of times
/// (as "the" and "of" do) and only context tells their occurrences apart.
class Vocabulary
{
public:
    Vocabulary(int size, QRandomGenerator &rng)
    {
        static const char *const syllables[] = { "ba", "ko", "ri", "sen", "ta", "lu", "mer", "vo", "di", "na", "pel",
            "gra", "so", "tin", "ar", "que", "bel", "ion", "or", "ex" };
        const QStringList common = QStringLiteral("the of and to a in that is for on said was with as by at from "
                                                  "it be has have are but not this will")
                                       .split(u' ');
        for (const QString &w : common)
            m_words.append(w);
        while (m_words.size() < size) {
            QString w;
            const int parts = 1 + int(rng.bounded(4));
            for (int p = 0; p < parts; ++p)
                w += QString::fromLatin1(syllables[rng.bounded(int(std::size(syllables)))]);
            m_words.append(w);
        }
        double total = 0;
        for (int r = 1; r <= size; ++r) {
            total += 1.0 / r;
            m_cumulative.push_back(total);
        }
    }

    const QString &pick(QRandomGenerator &rng) const
    {
        const double x = rng.generateDouble() * m_cumulative.back();
        const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), x);
        return m_words[std::min<qsizetype>(it - m_cumulative.begin(), m_words.size() - 1)];
    }

private:
    QStringList m_words;
    std::vector<double> m_cumulative;
};

struct Layout
{
    QString text;
    std::vector<qsizetype> start; ///< code point start of each word
    std::vector<qsizetype> end; ///< code point end of each word (before its separator)
};

Layout layout(const std::vector<Word> &words)
{
    Layout l;
    qsizetype at = 0;
    for (const Word &w : words) {
        l.start.push_back(at);
        l.text += w.text;
        at += w.text.size(); // ASCII vocabulary: UTF-16 units == code points
        l.end.push_back(at);
        l.text += w.after;
        at += w.after.size();
    }
    return l;
}

double intersectionOverUnion(TextPositionSelector a, TextPositionSelector b)
{
    const qsizetype overlap = std::max<qsizetype>(0, std::min(a.end, b.end) - std::max(a.start, b.start));
    const qsizetype joint = std::max(a.end, b.end) - std::min(a.start, b.start);
    return joint > 0 ? double(overlap) / double(joint) : 0.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Re-anchoring benchmark (issue 4)."));
    parser.addHelpOption();
    const QCommandLineOption wordsOption(QStringLiteral("words"), QStringLiteral("Article length in words."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption annotationsOption(
        QStringLiteral("annotations"), QStringLiteral("Annotations."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption rateOption(QStringLiteral("edit-rate"), QStringLiteral("Share of words edited."),
        QStringLiteral("F"), QStringLiteral("0.01"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Print every miss."));
    parser.addOptions({ wordsOption, annotationsOption, rateOption, seedOption, verboseOption });
    parser.process(app);
    const bool verbose = parser.isSet(verboseOption);
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    const int wordCount = parser.value(wordsOption).toInt(&ok1);
    const int annotationCount = parser.value(annotationsOption).toInt(&ok2);
    const double editRate = parser.value(rateOption).toDouble(&ok3);
    const quint32 seed = parser.value(seedOption).toUInt(&ok4);
    if (!ok1 || !ok2 || !ok3 || !ok4 || wordCount < 100 || annotationCount < 1 || editRate < 0 || editRate > 1) {
        std::fprintf(stderr, "anchoring_bench: bad arguments (see --help)\n");
        return 2;
    }

    QRandomGenerator rng(seed);
    const Vocabulary vocabulary(5000, rng);

    // The old article.
    std::vector<Word> oldWords;
    int sentence = 0, paragraph = 0;
    for (int i = 0; i < wordCount; ++i) {
        Word w { vocabulary.pick(rng), QStringLiteral(" "), i };
        if (++sentence >= 8 + int(rng.bounded(14))) {
            sentence = 0;
            w.after = QStringLiteral(". ");
            if (++paragraph >= 4 + int(rng.bounded(5))) {
                paragraph = 0;
                w.after = QStringLiteral(".\n\n");
            }
        }
        oldWords.push_back(w);
    }
    oldWords.back().after = QStringLiteral(".");
    const Layout before = layout(oldWords);

    // Annotations: word-aligned spans of 1..12 words, some across sentence and paragraph breaks.
    struct Truth
    {
        int first;
        int last;
    };
    std::vector<Truth> spans;
    QList<Annotation> annotations;
    const AnchorResolver oldResolver(before.text);
    for (int i = 0; i < annotationCount; ++i) {
        const int first = int(rng.bounded(wordCount - 12));
        const int last = first + int(rng.bounded(12));
        spans.push_back({ first, last });
        Annotation a = makeAnnotation(AnnotationKind::Highlight, QStringLiteral("yellow"), QStringLiteral("bench"));
        a.position = TextPositionSelector { before.start[size_t(first)], before.end[size_t(last)] };
        a.quote = oldResolver.quoteAt(a.position);
        annotations.append(a);
    }

    // The edit: editRate of the words replaced, deleted or inserted (2 : 1 : 1), at random places.
    std::vector<Word> newWords = oldWords;
    const int edits = int(std::lround(wordCount * editRate));
    int replaced = 0, deleted = 0, inserted = 0;
    for (int e = 0; e < edits; ++e) {
        const size_t at = size_t(rng.bounded(int(newWords.size()) - 1));
        switch (rng.bounded(4)) {
        case 0:
        case 1: {
            QString other = vocabulary.pick(rng);
            while (other == newWords[at].text)
                other = vocabulary.pick(rng);
            newWords[at].text = other;
            newWords[at].changed = true;
            ++replaced;
            break;
        }
        case 2:
            newWords.erase(newWords.begin() + qsizetype(at));
            ++deleted;
            break;
        default:
            newWords.insert(newWords.begin() + qsizetype(at), Word { vocabulary.pick(rng), QStringLiteral(" "), -1 });
            ++inserted;
            break;
        }
    }
    const Layout after = layout(newWords);
    // Truth of the edit: where each old word went (-1: deleted), and whether it is unchanged.
    std::vector<qsizetype> newIndexOf(oldWords.size(), -1);
    std::vector<bool> unchanged(oldWords.size(), false);
    for (size_t j = 0; j < newWords.size(); ++j) {
        if (newWords[j].source >= 0) {
            newIndexOf[size_t(newWords[j].source)] = qsizetype(j);
            unchanged[size_t(newWords[j].source)] = !newWords[j].changed;
        }
    }

    std::printf("article: %d words, %lld code points; %d annotations; edit: %d words (%d replaced, %d deleted, "
                "%d inserted)\n",
        wordCount, qlonglong(before.text.size()), annotationCount, edits, replaced, deleted, inserted);

    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    const ReanchorReport report = reanchor(before.text, after.text, annotations);
    const qint64 elapsed = timer.elapsed();
    const double cpuMs = 1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC;

    // Judge each result against the truth.
    qsizetype intact = 0, intactWrong = 0, intactLost = 0, touched = 0, touchedWrong = 0, touchedPrecise = 0,
              touchedPartial = 0, touchedOrphaned = 0, destroyed = 0, destroyedAnchored = 0;
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        const Truth t = spans[size_t(i)];
        const Annotation &got = report.annotations[i];
        bool isIntact = true;
        for (int w = t.first; w <= t.last && isIntact; ++w)
            isIntact = unchanged[size_t(w)] && newIndexOf[size_t(w)] >= 0
                && newIndexOf[size_t(w)] - newIndexOf[size_t(t.first)] == w - t.first;
        if (isIntact) {
            ++intact;
            const TextPositionSelector truth { after.start[size_t(newIndexOf[size_t(t.first)])],
                after.end[size_t(newIndexOf[size_t(t.last)])] };
            // The same words one copy over are the same words when the edit inserted or deleted a copy next
            // to them ("on baarkota" -> "on on baarkota": either "on" is the old one).
            const auto sameWordsOneCopyOver = [&]() {
                const qsizetype j0 = newIndexOf[size_t(t.first)], j1 = newIndexOf[size_t(t.last)];
                const qsizetype width = j1 - j0;
                for (qsizetype k = j0 - 1; k >= 0 && newWords[size_t(k)].text == newWords[size_t(k + width + 1)].text;
                     --k)
                    if (after.start[size_t(k)] == got.position.start
                        && after.end[size_t(k + width)] == got.position.end)
                        return true;
                for (qsizetype k = j0 + 1; k + width < qsizetype(newWords.size())
                     && newWords[size_t(k + width)].text == newWords[size_t(k - 1)].text;
                     ++k)
                    if (after.start[size_t(k)] == got.position.start
                        && after.end[size_t(k + width)] == got.position.end)
                        return true;
                return false;
            };
            if (got.status == AnchorStatus::Orphaned)
                ++intactLost;
            else if (got.position != truth && !sameWordsOneCopyOver())
                ++intactWrong;
            if (verbose && got.status != AnchorStatus::Orphaned && got.position != truth && !sameWordsOneCopyOver()) {
                const auto cut = [&](TextPositionSelector p) { return after.text.mid(p.start, p.end - p.start); };
                std::printf("untouched but %s (score %.3f, q %.2f p %.2f s %.2f): quote \"%s\" [%s|%s] got \"%s\" "
                            "[%s|%s] at %lld, truth at %lld\n",
                    qPrintable(toString(got.status)), report.results[i].score, report.results[i].quoteSimilarity,
                    report.results[i].prefixSimilarity, report.results[i].suffixSimilarity,
                    qPrintable(annotations[i].quote.exact), qPrintable(annotations[i].quote.prefix),
                    qPrintable(annotations[i].quote.suffix), qPrintable(cut(got.position)),
                    qPrintable(got.quote.prefix), qPrintable(got.quote.suffix), qlonglong(got.position.start),
                    qlonglong(truth.start));
            }
            continue;
        }
        // Touched by the edit: the truth is the stretch from the first to the last word that survived or was
        // replaced (a replacement stands where the annotated word stood).
        qsizetype firstNew = -1, lastNew = -1;
        for (int w = t.first; w <= t.last; ++w) {
            if (newIndexOf[size_t(w)] < 0)
                continue;
            if (firstNew < 0)
                firstNew = newIndexOf[size_t(w)];
            lastNew = newIndexOf[size_t(w)];
        }
        if (firstNew < 0) { // every word deleted: anything anchored is on wrong words
            ++destroyed;
            // Deleting one of two identical neighbours ("the the" -> "the") reads the same whichever went.
            const auto sameWordsNextDoor = [&]() {
                const auto first
                    = std::upper_bound(after.end.begin(), after.end.end(), got.position.start) - after.end.begin();
                const auto last = std::lower_bound(after.start.begin(), after.start.end(), got.position.end)
                    - after.start.begin() - 1;
                if (first > last || last - first != t.last - t.first)
                    return false;
                const qsizetype source = newWords[size_t(first)].source;
                if (source != t.first - (t.last - t.first + 1) && source != t.last + 1)
                    return false;
                for (qsizetype k = 0; k <= last - first; ++k)
                    if (newWords[size_t(first + k)].source != source + k || newWords[size_t(first + k)].changed
                        || newWords[size_t(first + k)].text != oldWords[size_t(t.first + k)].text)
                        return false;
                return true;
            };
            if (got.status != AnchorStatus::Orphaned && !sameWordsNextDoor()) {
                ++destroyedAnchored;
                if (verbose) {
                    QStringList old;
                    for (int k = std::max(0, t.first - 3); k <= std::min(int(oldWords.size()) - 1, t.last + 3); ++k)
                        old << oldWords[size_t(k)].text
                                + ((k == t.first || k == t.last) ? QStringLiteral("|") : QString());
                    std::printf("deleted but %s (score %.3f, q %.2f p %.2f s %.2f): quote \"%s\" got \"%s\" [%s|%s]\n  "
                                " old: %s\n",
                        qPrintable(toString(got.status)), report.results[i].score, report.results[i].quoteSimilarity,
                        report.results[i].prefixSimilarity, report.results[i].suffixSimilarity,
                        qPrintable(annotations[i].quote.exact), qPrintable(got.quote.exact),
                        qPrintable(got.quote.prefix), qPrintable(got.quote.suffix), qPrintable(old.join(u' ')));
                }
            }
            continue;
        }
        ++touched;
        if (got.status == AnchorStatus::Orphaned) {
            ++touchedOrphaned;
            continue;
        }
        const TextPositionSelector truth { after.start[size_t(firstNew)], after.end[size_t(lastNew)] };
        const double iou = intersectionOverUnion(got.position, truth);
        // The words the result covers (any letter of theirs inside it), as indices into the new words.
        const auto firstCovered
            = std::upper_bound(after.end.begin(), after.end.end(), got.position.start) - after.end.begin();
        const auto lastCovered
            = std::lower_bound(after.start.begin(), after.start.end(), got.position.end) - after.start.begin() - 1;
        // An edit at an edge of the passage makes that edge ambiguous by as many words as it deleted there
        // plus the words inserted right next to it ("a a senbelta" minus one "a" reads the same whichever "a"
        // went): the result may reach that far beyond the surviving words, and no further.
        qsizetype slackLeft = 0, slackRight = 0;
        for (int w = t.first; w <= t.last && newIndexOf[size_t(w)] < 0; ++w)
            ++slackLeft;
        for (int w = t.last; w >= t.first && newIndexOf[size_t(w)] < 0; --w)
            ++slackRight;
        for (qsizetype j = firstNew - 1; j >= 0 && newWords[size_t(j)].source < 0; --j)
            ++slackLeft;
        for (qsizetype j = lastNew + 1; j < qsizetype(newWords.size()) && newWords[size_t(j)].source < 0; ++j)
            ++slackRight;
        // Likewise a run of identical words at an edge: deleting one "and" of "and and and" reads the same
        // whichever went.
        while (firstNew - slackLeft - 1 >= 0
            && newWords[size_t(firstNew - slackLeft - 1)].text == newWords[size_t(firstNew - slackLeft)].text)
            ++slackLeft;
        while (lastNew + slackRight + 1 < qsizetype(newWords.size())
            && newWords[size_t(lastNew + slackRight + 1)].text == newWords[size_t(lastNew + slackRight)].text)
            ++slackRight;
        const bool offTarget = firstCovered > lastCovered || lastCovered < firstNew || firstCovered > lastNew
            || firstCovered < firstNew - slackLeft || lastCovered > lastNew + slackRight;
        if (offTarget) {
            ++touchedWrong;
            if (verbose) {
                const auto cut = [&](TextPositionSelector p) { return after.text.mid(p.start, p.end - p.start); };
                std::printf("off target (%s, score %.3f, q %.2f p %.2f s %.2f): quote \"%s\" truth \"%s\" got \"%s\"\n",
                    qPrintable(toString(got.status)), report.results[i].score, report.results[i].quoteSimilarity,
                    report.results[i].prefixSimilarity, report.results[i].suffixSimilarity,
                    qPrintable(annotations[i].quote.exact), qPrintable(cut(truth)), qPrintable(cut(got.position)));
                QStringList around;
                for (qsizetype k = std::max<qsizetype>(0, firstNew - 4);
                     k <= std::min<qsizetype>(qsizetype(newWords.size()) - 1, lastNew + 4); ++k)
                    around << QStringLiteral("%1%2%3").arg(newWords[size_t(k)].text,
                        newWords[size_t(k)].source < 0    ? QStringLiteral("+")
                            : newWords[size_t(k)].changed ? QStringLiteral("*")
                                                          : QString(),
                        (k == firstNew || k == lastNew) ? QStringLiteral("|") : QString());
                QStringList old;
                for (int k = std::max(0, t.first - 3); k <= std::min(int(oldWords.size()) - 1, t.last + 3); ++k)
                    old << oldWords[size_t(k)].text + ((k == t.first || k == t.last) ? QStringLiteral("|") : QString())
                            + (newIndexOf[size_t(k)] < 0 ? QStringLiteral("-") : QString());
                std::printf("   old: %s\n   new: %s\n", qPrintable(old.join(u' ')), qPrintable(around.join(u' ')));
                std::printf("   stored [%s|%s]\n   text: %s\n", qPrintable(annotations[i].quote.prefix),
                            qPrintable(annotations[i].quote.suffix),
                            qPrintable(after.text.mid(std::max<qsizetype>(0, truth.start - 60), truth.end - truth.start + 120)));
            }
        } else if (iou == 1.0)
            ++touchedPrecise;
        else
            ++touchedPartial;
    }
    const qsizetype wrong = intactWrong + touchedWrong + destroyedAnchored;

    const auto share = [&](qsizetype n) { return 100.0 * double(n) / double(report.total()); };
    std::printf("re-anchor time: %lld ms wall clock, %.0f ms CPU, for %lld annotations (%.1f us each, wall)\n",
        qlonglong(elapsed), cpuMs, qlonglong(report.total()), 1000.0 * double(elapsed) / double(report.total()));
    std::printf("exact %lld (%.2f%%), moved %lld (%.2f%%), fuzzy %lld (%.2f%%), orphaned %lld (%.2f%%)\n",
        qlonglong(report.exact), share(report.exact), qlonglong(report.moved), share(report.moved),
        qlonglong(report.fuzzy), share(report.fuzzy), qlonglong(report.orphaned), share(report.orphaned));
    std::printf("truth: %lld untouched by the edit (%lld anchored elsewhere, %lld orphaned); %lld touched (%lld "
                "orphaned, %lld anchored off their words, %lld on exactly the surviving stretch, %lld on part of "
                "it); %lld with every word deleted (%lld anchored anyway)\n",
        qlonglong(intact), qlonglong(intactWrong), qlonglong(intactLost), qlonglong(touched),
        qlonglong(touchedOrphaned), qlonglong(touchedWrong), qlonglong(touchedPrecise), qlonglong(touchedPartial),
        qlonglong(destroyed), qlonglong(destroyedAnchored));
    std::printf("WRONG WORDS: %lld\n", qlonglong(wrong));
    return wrong == 0 ? 0 : 1;
}

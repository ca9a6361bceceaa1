#include "core/anchoring/anchorresolver.h"
#include "core/anchoring/codepointindex.h"
#include "core/anchoring/textselectors.h"

#include <QTest>

using namespace Gloss::Core;

// Readable QCOMPARE failures for the anchoring value types.
namespace QTest {
template <> inline char *toString(const Gloss::Core::TextPositionSelector &p)
{
    return qstrdup(QByteArray("[" + QByteArray::number(p.start) + ", " + QByteArray::number(p.end) + ")").constData());
}
} // namespace QTest

// Gloss::Core::toString(AnchorStatus) returns a QString and wins QTest's ADL lookup, so compare by name.
#define COMPARE_STATUS(actual, expected) QCOMPARE(Gloss::Core::toString(actual), Gloss::Core::toString(expected))

Q_DECLARE_METATYPE(Gloss::Core::AnchorStatus)

namespace {

/// A text written with the span in double brackets ("an [[event]] bonus"): the text without the brackets
/// and the span in code points. No brackets: span {-1, -1}.
struct Marked
{
    QString text;
    TextPositionSelector span;
};

Marked unmark(const QString &marked)
{
    Marked out;
    const qsizetype open = marked.indexOf(u"[[");
    if (open < 0) {
        out.text = marked;
        return out;
    }
    const qsizetype close = marked.indexOf(u"]]", open);
    out.text = marked.left(open) + marked.mid(open + 2, close - open - 2) + marked.mid(close + 2);
    const CodePointIndex index(out.text);
    out.span = TextPositionSelector { index.toCodePoints(open), index.toCodePoints(close - 2) };
    return out;
}

/// Code point span of the first occurrence of `needle` in `text`.
TextPositionSelector spanOf(const QString &text, const QString &needle)
{
    const qsizetype at = text.indexOf(needle);
    const CodePointIndex index(text);
    return TextPositionSelector { index.toCodePoints(at), index.toCodePoints(at + needle.size()) };
}

/// The text of `span` (code points) in `text`, through the one conversion place.
QString slice(const QString &text, TextPositionSelector span)
{
    const CodePointIndex index(text);
    const qsizetype from = index.toUtf16(span.start);
    return text.mid(from, index.toUtf16(span.end) - from);
}

} // namespace

class tst_AnchorResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolve_data();
    void resolve();
    void unicodeBeforeSpan_data();
    void unicodeBeforeSpan();
    void paragraphMovedFarAway_data();
    void paragraphMovedFarAway();
    void rewrittenInPlace_data();
    void rewrittenInPlace();
    void scoreFormula();
    void maxQuoteErrors_data();
    void maxQuoteErrors();
    void emptyQuoteIsOrphan();
};

void tst_AnchorResolver::resolve_data()
{
    QTest::addColumn<QString>("before"); // the text the annotation was made on, span in [[ ]]
    QTest::addColumn<QString>("after"); // the new text, expected span in [[ ]] (none: orphan)
    QTest::addColumn<AnchorStatus>("status");

    const QString twice = QStringLiteral("The event drew crowds, and an [[event]] bonus was paid to every volunteer.");
    QTest::newRow("same word twice: reload keeps the second") << twice << twice << AnchorStatus::Exact;
    QTest::newRow("same word twice: edit before it in the paragraph")
        << twice
        << QStringLiteral("The annual event drew large crowds, and an [[event]] bonus was paid to every volunteer.")
        << AnchorStatus::Moved;
    QTest::newRow("same word twice: edit after it in the paragraph")
        << twice << QStringLiteral("The event drew crowds, and an [[event]] bonus was paid to each of the volunteers.")
        << AnchorStatus::Exact;
    QTest::newRow("same word twice: first occurrence removed")
        << twice << QStringLiteral("It drew crowds, and an [[event]] bonus was paid to every volunteer.")
        << AnchorStatus::Moved;

    QTest::newRow("rewritten around it, weak lookalike remains: orphan")
        << QStringLiteral("Officials said [[unemployment fell to 4.2 percent in March]], the lowest level in a decade.")
        << QStringLiteral("In a separate report, employment fell to 2.4 per cent in Marchland, analysts noted without "
                          "further comment.")
        << AnchorStatus::Orphaned;
    QTest::newRow("rewritten sentence, only some words remain: orphan")
        << QStringLiteral("Officials said [[unemployment fell to 4.2 percent in March]], the lowest level in a decade.")
        << QStringLiteral("Critics argued that joblessness rose to 4.9 percent by April, citing regional data.")
        << AnchorStatus::Orphaned;

    QTest::newRow("short quote absent: orphan")
        << QStringLiteral("Serbia bought [[tanks]] from Russia last year, the ministry said.")
        << QStringLiteral("Serbia bought drones from Russia last year, the ministry said. Thanks to the deal, tasks "
                          "were shared.")
        << AnchorStatus::Orphaned;
    QTest::newRow("short quote present only in unrelated context: orphan")
        << QStringLiteral("Serbia bought [[tanks]] from Russia last year, the ministry said.")
        << QStringLiteral("Serbia bought drones from Russia last year, the ministry said. Elsewhere, tanks rolled "
                          "into the square.")
        << AnchorStatus::Orphaned;
    QTest::newRow("short quote, one letter changed in place: orphan, not fuzzy")
        << QStringLiteral("Serbia bought [[tanks]] from Russia last year, the ministry said.")
        << QStringLiteral("Serbia bought tasks from Russia last year, the ministry said.") << AnchorStatus::Orphaned;

    const QString paragraphs
        = QStringLiteral("Belgrade hosted the summit on Monday. The talks ran [[late.\n\nSerbia has "
                         "pledged]] to stay out of NATO, the minister said.");
    QTest::newRow("span across two paragraphs: reload") << paragraphs << paragraphs << AnchorStatus::Exact;
    QTest::newRow("span across two paragraphs: text inserted before")
        << paragraphs
        << QStringLiteral("Updated. Belgrade hosted the summit on Monday. The talks ran [[late.\n\nSerbia has "
                          "pledged]] to stay out of NATO, the minister said.")
        << AnchorStatus::Moved;

    QTest::newRow("typo fixed inside the quote: fuzzy")
        << QStringLiteral("On Tuesday the minister [[recieved the final report from the commission]] and left.")
        << QStringLiteral("On Tuesday the minister [[received the final report from the commission]] and left.")
        << AnchorStatus::Fuzzy;
    QTest::newRow("one word of a long quote changed: fuzzy")
        << QStringLiteral("Analysts said [[the central bank is expected to raise interest rates again in June]], "
                          "citing inflation.")
        << QStringLiteral("Analysts said [[the central bank is likely to raise interest rates again in June]], "
                          "citing inflation.")
        << AnchorStatus::Fuzzy;
    QTest::newRow("quote and context both rewritten: orphan")
        << QStringLiteral("Analysts said [[the central bank is expected to raise interest rates again in June]], "
                          "citing inflation.")
        << QStringLiteral("Nobody expected the bank to move. Rates will stay where they are until autumn, it said.")
        << AnchorStatus::Orphaned;
    QTest::newRow("short unique word, sentence before it rewritten, text after intact: moved")
        << QStringLiteral("The old treaty was signed in Vienna long ago. [[Slavic]] languages are spoken across the "
                          "region, the report said.")
        << QStringLiteral("A new agreement has now replaced the earlier pact. [[Slavic]] languages are spoken across "
                          "the region, the report said.")
        << AnchorStatus::Moved;
    QTest::newRow("whole sentence moved to the end: moved")
        << QStringLiteral("Intro words here. [[The committee approved the budget on Friday.]] Other news follows.")
        << QStringLiteral("Intro words here. Other news follows. [[The committee approved the budget on Friday.]]")
        << AnchorStatus::Moved;
}

void tst_AnchorResolver::resolve()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(AnchorStatus, status);
    const Marked old = unmark(before);
    const Marked now = unmark(after);
    const TextQuoteSelector quote = quoteSelectorAt(old.text, old.span);

    const AnchorResult result = AnchorResolver(now.text).resolve(quote, old.span);
    qDebug("%s score %.3f (quote %.2f, prefix %.2f, suffix %.2f)", qPrintable(toString(result.status)), result.score,
        result.quoteSimilarity, result.prefixSimilarity, result.suffixSimilarity);
    COMPARE_STATUS(result.status, status);
    QCOMPARE(result.position, now.span);
    if (result.isAnchored()) {
        QVERIFY2(result.score >= AnchorResolver::minimumScore, qPrintable(QString::number(result.score)));
        QCOMPARE(result.quote, quoteSelectorAt(now.text, now.span));
        QCOMPARE(result.quote.exact, slice(now.text, now.span));
    } else {
        QVERIFY2(result.score < AnchorResolver::minimumScore, qPrintable(QString::number(result.score)));
        QCOMPARE(result.quote, quote); // the orphan keeps its words
    }
    if (old.text.contains(u"\n\n") && result.isAnchored())
        QVERIFY(result.quote.exact.contains(u"\n\n"));

    // Without any position information the quote and its context alone must give the same answer.
    const AnchorResult blind = AnchorResolver(now.text).resolve(quote, TextPositionSelector {});
    QCOMPARE(blind.position, now.span);
}

void tst_AnchorResolver::rewrittenInPlace_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after"); // expected span in [[ ]] (none: orphan)
    const QString before = QStringLiteral(
        "The war ended in the spring of 1999 when [[NATO intervened in Serbia]] after the talks in France failed.");
    QTest::newRow("words inserted inside the quote: fuzzy in place")
        << before
        << QStringLiteral("The war ended in the spring of 1999 when [[NATO forces intervened in Serbia]] after the "
                          "talks in France failed.");
    QTest::newRow("a longer word inserted, a word changed: fuzzy in place")
        << before
        << QStringLiteral("The war ended in the spring of 1999 when [[NATO intervened militarily in Serbia]] after the "
                          "talks in France failed.");
    QTest::newRow("more than half the quote edited: orphan")
        << before
        << QStringLiteral("The war ended in the spring of 1999 when NATO troops intervened in Kosovo after the talks in "
                          "France failed.");
    QTest::newRow("quote rewritten beyond recognition: orphan")
        << before
        << QStringLiteral("The war ended in the spring of 1999 when the diplomats finally gave up after the talks in "
                          "France failed.");
    QTest::newRow("quote deleted: orphan")
        << before << QStringLiteral("The war ended in the spring of 1999 when after the talks in France failed.");
    QTest::newRow("context intact in two places: orphan")
        << before
        << QStringLiteral("The war ended in the spring of 1999 when the NATO jets struck after the talks in France "
                          "failed. The war ended in the spring of 1999 when NATO troops moved after the talks in "
                          "France failed.");
}

// Context on both sides intact around a stretch that is still recognisably the quote (at most half its characters
// edited): anchored there as fuzzy even past the edit cap, with and without a position hint.
void tst_AnchorResolver::rewrittenInPlace()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const Marked old = unmark(before);
    const Marked now = unmark(after);
    const TextQuoteSelector quote = quoteSelectorAt(old.text, old.span);
    for (const bool withHint : { true, false }) {
        const AnchorResult result
            = AnchorResolver(now.text).resolve(quote, withHint ? old.span : TextPositionSelector {});
        QCOMPARE(result.position, now.span);
        COMPARE_STATUS(result.status, now.span.isValid() ? AnchorStatus::Fuzzy : AnchorStatus::Orphaned);
        if (result.isAnchored())
            QCOMPARE(result.quote.exact, slice(now.text, now.span));
    }
}

void tst_AnchorResolver::unicodeBeforeSpan_data()
{
    QTest::addColumn<QString>("prefixText");
    QTest::addColumn<qsizetype>("prefixCodePoints");
    QTest::newRow("emoji") << QString::fromUtf8("Reaction 😀 online: ") << qsizetype(19);
    QTest::newRow("skin tone and zwj sequence") << QString::fromUtf8("Coder 👩🏽‍💻 wrote: ") << qsizetype(18);
    QTest::newRow("combining accent") << QString::fromUtf8("Cafe\u0301 owner said: ") << qsizetype(18);
    QTest::newRow("cjk") << QString::fromUtf8("北京消息 and 𠀀 reported: ") << qsizetype(21);
    QTest::newRow("right to left") << QString::fromUtf8("שלום עליכם and مرحبا said: ") << qsizetype(27);
    QTest::newRow("all of them") << QString::fromUtf8("😀 👩🏽‍💻 e\u0301 北京 𠀀 שלום مرحبا: ")
                                 << qsizetype(27);
}

void tst_AnchorResolver::unicodeBeforeSpan()
{
    QFETCH(QString, prefixText);
    QFETCH(qsizetype, prefixCodePoints);
    const QString quoteText = QStringLiteral("Serbia will stay out of NATO");
    const QString text = prefixText + quoteText + QStringLiteral(", he said.");
    QCOMPARE(codePointLength(prefixText), prefixCodePoints);
    const TextPositionSelector span { prefixCodePoints, prefixCodePoints + quoteText.size() };
    const TextQuoteSelector quote = quoteSelectorAt(text, span);
    QCOMPARE(quote.exact, quoteText);
    QCOMPARE(quote.prefix, prefixText.right(prefixText.size())); // whole prefix: shorter than 32 code points

    // Round trip: code points -> UTF-16 -> code points.
    const CodePointIndex index(text);
    QCOMPARE(index.toUtf16(span.start), prefixText.size());
    QCOMPARE(index.toCodePoints(prefixText.size()), span.start);

    // Reload: exact.
    const AnchorResult same = AnchorResolver(text).resolve(quote, span);
    COMPARE_STATUS(same.status, AnchorStatus::Exact);
    QCOMPARE(same.position, span);

    // Another astral emoji in front moves the span by one code point (two UTF-16 units).
    const QString edited = QString::fromUtf8("🎉") + text;
    const AnchorResult moved = AnchorResolver(edited).resolve(quote, span);
    COMPARE_STATUS(moved.status, AnchorStatus::Moved);
    QCOMPARE(moved.position, (TextPositionSelector { span.start + 1, span.end + 1 }));
    QCOMPARE(slice(edited, moved.position), quoteText);
}

void tst_AnchorResolver::paragraphMovedFarAway_data()
{
    QTest::addColumn<QString>("quoted");
    QTest::newRow("a word, with its context inside the paragraph") << QStringLiteral("debate");
    QTest::newRow("a whole sentence, distinctive on its own") << QStringLiteral("The committee approved the budget");
}

void tst_AnchorResolver::paragraphMovedFarAway()
{
    // A paragraph moved further than the local search window is still found, by the whole-text search.
    QFETCH(QString, quoted);
    QString filler;
    for (int i = 0; filler.size() < 3 * AnchorResolver::searchWindow; ++i)
        filler += QStringLiteral("Filler sentence number %1 says nothing much. ").arg(i);
    const QString moving = QStringLiteral("The committee approved the budget on Friday after a long debate in the "
                                          "chamber of deputies.");
    const QString lead = QStringLiteral("Lead sentence. ");
    const QString before = lead + moving + QStringLiteral("\n\n") + filler;
    const QString after = lead + filler + QStringLiteral("\n\n") + moving;
    const TextPositionSelector span = spanOf(before, quoted);
    const TextQuoteSelector quote = quoteSelectorAt(before, span);
    const AnchorResult result = AnchorResolver(after).resolve(quote, span);
    COMPARE_STATUS(result.status, AnchorStatus::Moved);
    QCOMPARE(result.position, spanOf(after, quoted));
}

void tst_AnchorResolver::scoreFormula()
{
    QCOMPARE(AnchorResolver::combinedScore(1, 1, 1, 1, 20), 1.0);
    QCOMPARE(AnchorResolver::combinedScore(1, 1, 1, -1, 20), 1.0);
    QCOMPARE(AnchorResolver::combinedScore(1, 0, 0, 0, 20), 0.5);
    QCOMPARE(AnchorResolver::combinedScore(0.75, 1, 1, 1, 20), 0.875);
    // Context counts only above chance (0.3).
    QCOMPARE(AnchorResolver::combinedScore(1, 0.3, 0.3, 1, 20), 0.6);
    // The exact quote in unrelated context, right at the hint, stays below the threshold.
    QVERIFY(AnchorResolver::combinedScore(1, 0.4, 0.4, 1, 20) < AnchorResolver::minimumScore);
    // A short quote weighs less: the same half-matching context is not enough for "the".
    QVERIFY(AnchorResolver::combinedScore(1, 0.6, 0.6, 1, 3) < AnchorResolver::combinedScore(1, 0.6, 0.6, 1, 20));
    QVERIFY(AnchorResolver::combinedScore(1, 0.6, 0.6, 1, 3) < AnchorResolver::minimumScore);
}

void tst_AnchorResolver::maxQuoteErrors_data()
{
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<int>("errors");
    QTest::newRow("1") << qsizetype(1) << 0;
    QTest::newRow("5 letters: exact only") << qsizetype(5) << 0;
    QTest::newRow("7") << qsizetype(7) << 0;
    QTest::newRow("8") << qsizetype(8) << 1;
    QTest::newRow("40") << qsizetype(40) << 9;
    QTest::newRow("1000") << qsizetype(1000) << 249;
}

void tst_AnchorResolver::maxQuoteErrors()
{
    QFETCH(qsizetype, length);
    QFETCH(int, errors);
    QCOMPARE(AnchorResolver::maxQuoteErrors(length), errors);
}

void tst_AnchorResolver::emptyQuoteIsOrphan()
{
    const AnchorResult r = AnchorResolver(QStringLiteral("text")).resolve(TextQuoteSelector {}, { 0, 0 });
    COMPARE_STATUS(r.status, AnchorStatus::Orphaned);
    QCOMPARE(r.position, TextPositionSelector {});
}

QTEST_GUILESS_MAIN(tst_AnchorResolver)
#include "tst_anchorresolver.moc"

#include "core/anchoring/anchorresolver.h"
#include "core/anchoring/codepointindex.h"
#include "core/anchoring/offsetmap.h"
#include "core/anchoring/reanchor.h"
#include "core/anchoring/textselectors.h"
#include "core/annotation/annotation.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

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

namespace {

Annotation annotationOn(const QString &text, TextPositionSelector span)
{
    Annotation a = makeAnnotation(AnnotationKind::Highlight, QStringLiteral("yellow"), QStringLiteral("test"));
    a.position = span;
    a.quote = quoteSelectorAt(text, span);
    return a;
}

/// Code point span of the n-th occurrence (0-based) of `needle` in `text`.
TextPositionSelector spanOf(const QString &text, const QString &needle, int occurrence = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = text.indexOf(needle, at + 1);
    Q_ASSERT(at >= 0);
    const CodePointIndex index(text);
    return TextPositionSelector { index.toCodePoints(at), index.toCodePoints(at + needle.size()) };
}

/// A long article of pseudo-random words from a small vocabulary, in sentences and paragraphs, so that short
/// quotes repeat many times and only their context tells them apart.
QString longArticle(int words, quint32 seed)
{
    static const QStringList vocabulary = QStringLiteral(
        "the a of and to in on for said minister government Serbia NATO Belgrade talks report president police "
        "year week Monday percent budget election vote court law news people city country army war peace deal "
        "bank rates inflation market share price energy gas oil road bridge school hospital doctor event bonus "
        "crowd volunteer official statement agency data study rise fall new old big small first last")
                                              .split(u' ');
    QRandomGenerator rng(seed);
    QString text;
    int inSentence = 0;
    int inParagraph = 0;
    for (int w = 0; w < words; ++w) {
        QString word = vocabulary[int(rng.bounded(vocabulary.size()))];
        if (inSentence == 0)
            word[0] = word[0].toUpper();
        text += word;
        ++inSentence;
        ++inParagraph;
        if (inSentence >= 8 + int(rng.bounded(10))) {
            text += u'.';
            inSentence = 0;
            if (inParagraph >= 60 + int(rng.bounded(60))) {
                text += QStringLiteral("\n\n");
                inParagraph = 0;
                continue;
            }
        }
        text += u' ';
    }
    return text.trimmed();
}

/// Word-aligned random spans of 1..12 words (code points).
QList<TextPositionSelector> randomSpans(const QString &text, int count, quint32 seed)
{
    QList<qsizetype> starts { 0 };
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text[i].isSpace() && i + 1 < text.size() && !text[i + 1].isSpace())
            starts.append(i + 1);
    const CodePointIndex index(text);
    QRandomGenerator rng(seed);
    QList<TextPositionSelector> spans;
    for (int i = 0; i < count; ++i) {
        const int first = int(rng.bounded(starts.size() - 13));
        const int words = 1 + int(rng.bounded(12));
        qsizetype end = starts[first + words] - 1;
        while (end > starts[first] && text[end - 1].isSpace())
            --end;
        spans.append({ index.toCodePoints(starts[first]), index.toCodePoints(end) });
    }
    return spans;
}

} // namespace

class tst_Reanchor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overlappingAndNested_data();
    void overlappingAndNested();
    void twoThousandAnnotationsReanchorExactly();
    void paragraphMovedInBatch();
    void orphanReattachesWhenItsWordsComeBack();
    void verifyKeepsStoredStatus();
    void offsetMap_data();
    void offsetMap();
    void summary();
};

void tst_Reanchor::overlappingAndNested_data()
{
    QTest::addColumn<bool>("reversedOrder");
    QTest::newRow("created left to right") << false;
    QTest::newRow("created right to left") << true;
}

void tst_Reanchor::overlappingAndNested()
{
    QFETCH(bool, reversedOrder);
    const QString text
        = QStringLiteral("Serbia has pledged to stay out of NATO, the minister said on Monday in Belgrade.");
    QStringList quotes { QStringLiteral("Serbia has pledged"), // overlaps the next
        QStringLiteral("pledged to stay out of NATO"), // overlaps both sides
        QStringLiteral("stay out"), // nested
        QStringLiteral("stay out"), // identical twin
        QStringLiteral("Serbia has pledged to stay out of NATO, the minister said"), // contains all
        QStringLiteral("NATO, the minister") };
    if (reversedOrder)
        std::reverse(quotes.begin(), quotes.end());
    QList<Annotation> annotations;
    for (const QString &q : quotes)
        annotations.append(annotationOn(text, spanOf(text, q)));

    // Reload: all exact, where they were.
    const ReanchorReport same = reanchor(text, text, annotations);
    QCOMPARE(same.exact, qsizetype(quotes.size()));
    for (qsizetype i = 0; i < quotes.size(); ++i)
        QCOMPARE(same.annotations[i].position, annotations[i].position);

    // Text added before all of them and a word changed after them: all moved by the same shift.
    const QString edited
        = QStringLiteral("Updated: ") + QString(text).replace(QStringLiteral("Monday"), QStringLiteral("Tuesday"));
    const ReanchorReport moved = reanchor(text, edited, annotations);
    QCOMPARE(moved.moved, qsizetype(quotes.size()));
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        QCOMPARE(moved.annotations[i].position.start, annotations[i].position.start + 9);
        QCOMPARE(moved.annotations[i].position.end, annotations[i].position.end + 9);
        QCOMPARE(moved.annotations[i].quote.exact, quotes[i]);
    }

    // A word inside the overlap changes: those containing it are fuzzy or orphaned, never elsewhere.
    const QString rewritten = QString(text).replace(QStringLiteral("pledged"), QStringLiteral("promised"));
    const ReanchorReport changed = reanchor(text, rewritten, annotations);
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        const Annotation &a = changed.annotations[i];
        if (!quotes[i].contains(u"pledged")) {
            // "promised" is one letter longer: what follows it moves by one code point.
            const TextPositionSelector expected = spanOf(rewritten, quotes[i]);
            QCOMPARE(a.position, expected);
            COMPARE_STATUS(a.status, expected == annotations[i].position ? AnchorStatus::Exact : AnchorStatus::Moved);
            continue;
        }
        if (a.status == AnchorStatus::Orphaned)
            continue;
        COMPARE_STATUS(a.status, AnchorStatus::Fuzzy);
        QCOMPARE(a.quote.exact, QString(quotes[i]).replace(QStringLiteral("pledged"), QStringLiteral("promised")));
    }
    QCOMPARE(changed.total(), qsizetype(quotes.size()));
}

void tst_Reanchor::twoThousandAnnotationsReanchorExactly()
{
    const QString text = longArticle(30000, 4);
    const QList<TextPositionSelector> spans = randomSpans(text, 2000, 5);
    const AnchorResolver resolver(text);
    QList<Annotation> annotations;
    for (const TextPositionSelector &span : spans) {
        Annotation a = makeAnnotation(AnnotationKind::Entity, QStringLiteral("ORG"), QStringLiteral("test"));
        a.position = span;
        a.quote = resolver.quoteAt(span);
        annotations.append(a);
    }
    QCOMPARE(annotations.first().quote, quoteSelectorAt(text, spans.first()));

    // After reload (same text): every one exact, in place, with the same quote.
    QElapsedTimer timer;
    timer.start();
    const ReanchorReport reload = reanchor(text, text, annotations);
    qDebug("2,000 annotations on %lld code points re-anchored after reload in %lld ms", resolver.length(),
        timer.elapsed());
    QCOMPARE(reload.exact, qsizetype(2000));
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        QCOMPARE(reload.annotations[i].position, annotations[i].position);
        QCOMPARE(reload.annotations[i].quote, annotations[i].quote);
    }

    // After a lead paragraph is inserted: every one moved by exactly its length.
    const QString lead = QString::fromUtf8("Editor’s note 🎉: this article was updated.\n\n");
    const qsizetype shift = codePointLength(lead);
    const ReanchorReport shifted = reanchor(text, QString(lead + text), annotations);
    QCOMPARE(shifted.moved, qsizetype(2000));
    for (qsizetype i = 0; i < annotations.size(); ++i)
        QCOMPARE(shifted.annotations[i].position,
            (TextPositionSelector { annotations[i].position.start + shift, annotations[i].position.end + shift }));
}

void tst_Reanchor::paragraphMovedInBatch()
{
    // The third paragraph moves to the end: its annotations are found there (the offset map cannot vouch for
    // them, so the whole text is searched); nothing lands anywhere else.
    const QString text = longArticle(6000, 11);
    QStringList paragraphs = text.split(QStringLiteral("\n\n"));
    QVERIFY(paragraphs.size() > 5);
    const QString moved = paragraphs.takeAt(2);
    paragraphs.append(moved);
    const QString edited = paragraphs.join(QStringLiteral("\n\n"));
    const qsizetype oldStart = text.indexOf(moved);
    const qsizetype newStart = edited.lastIndexOf(moved);

    const QList<TextPositionSelector> spans = randomSpans(text, 1500, 12);
    QList<Annotation> annotations;
    QList<TextPositionSelector> expected;
    for (const TextPositionSelector &span : spans) {
        const QString quote = text.mid(span.start, span.end - span.start); // ASCII text: code points == units
        if (quote.contains(u'\n'))
            continue;
        annotations.append(annotationOn(text, span));
        const bool inMoved = span.start >= oldStart && span.end <= oldStart + moved.size();
        qsizetype shift = 0;
        if (inMoved)
            shift = newStart - oldStart;
        else if (span.start > oldStart)
            shift = -(moved.size() + 2);
        expected.append({ span.start + shift, span.end + shift });
    }
    const ReanchorReport report = reanchor(text, edited, annotations);
    qsizetype inMovedAnchored = 0, inMovedTotal = 0;
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        const bool inMoved
            = annotations[i].position.start >= oldStart && annotations[i].position.end <= oldStart + moved.size();
        inMovedTotal += inMoved;
        if (report.annotations[i].status == AnchorStatus::Orphaned)
            continue;
        inMovedAnchored += inMoved;
        QCOMPARE(report.annotations[i].position, expected[i]);
    }
    QVERIFY(inMovedTotal > 10);
    qDebug("%lld of %lld annotations in the moved paragraph anchored; %s", inMovedAnchored, inMovedTotal,
        qPrintable(report.summary()));
    QVERIFY(inMovedAnchored * 10 >= inMovedTotal * 9);
    QVERIFY(report.orphaned * 50 <= report.total());
}

void tst_Reanchor::orphanReattachesWhenItsWordsComeBack()
{
    const QString v1 = QStringLiteral("The mayor opened the new bridge over the Sava on Saturday morning.");
    const QString v2 = QStringLiteral("The mayor spoke on Saturday morning.");
    const QList<Annotation> annotations { annotationOn(
        v1, spanOf(v1, QStringLiteral("the new bridge over the Sava"))) };
    const ReanchorReport r2 = reanchor(v1, v2, annotations);
    QCOMPARE(r2.orphaned, qsizetype(1));
    QCOMPARE(r2.annotations[0].position, TextPositionSelector {});
    QCOMPARE(r2.annotations[0].quote, annotations[0].quote); // listed with its words
    const ReanchorReport r3 = reanchor(v2, v1, r2.annotations);
    QCOMPARE(r3.moved, qsizetype(1));
    QCOMPARE(r3.annotations[0].position, annotations[0].position);
}

void tst_Reanchor::verifyKeepsStoredStatus()
{
    const QString v1
        = QStringLiteral("On Tuesday the minister recieved the final report from the commission and left.");
    const QString v2
        = QStringLiteral("On Tuesday the minister received the final report from the commission and left.");
    const QList<Annotation> annotations { annotationOn(
        v1, spanOf(v1, QStringLiteral("recieved the final report from the commission"))) };
    const ReanchorReport r = reanchor(v1, v2, annotations);
    QCOMPARE(r.fuzzy, qsizetype(1));
    QCOMPARE(r.annotations[0].quote.exact, QStringLiteral("received the final report from the commission"));
    const ReanchorReport check = verifyAnchors(v2, r.annotations);
    QCOMPARE(check.fuzzy, qsizetype(1));
    COMPARE_STATUS(check.annotations[0].status, AnchorStatus::Fuzzy);
    QCOMPARE(check.annotations[0].position, r.annotations[0].position);
}

void tst_Reanchor::offsetMap_data()
{
    QTest::addColumn<QString>("oldText");
    QTest::addColumn<QString>("newText");
    QTest::addColumn<QString>("word"); // a word present once in both
    QTest::newRow("identical") << QStringLiteral("alpha beta gamma delta") << QStringLiteral("alpha beta gamma delta")
                               << QStringLiteral("gamma");
    QTest::newRow("insertion before") << QStringLiteral("alpha beta gamma delta epsilon")
                                      << QStringLiteral("new words alpha beta gamma delta epsilon")
                                      << QStringLiteral("delta");
    QTest::newRow("edits on both sides") << QStringLiteral("one two three four five six seven eight nine ten")
                                         << QStringLiteral("one 2 three four five six seven eight 9 ten")
                                         << QStringLiteral("five");
}

void tst_Reanchor::offsetMap()
{
    QFETCH(QString, oldText);
    QFETCH(QString, newText);
    QFETCH(QString, word);
    const OffsetMap map(toCodePointString(oldText), toCodePointString(newText));
    QCOMPARE(map.map(oldText.indexOf(word)), newText.indexOf(word));
    QCOMPARE(map.map(oldText.size() + 10), newText.size()); // clamped
}

void tst_Reanchor::summary()
{
    ReanchorReport r;
    r.exact = 3;
    r.moved = 2;
    r.fuzzy = 1;
    QCOMPARE(r.summary(), QStringLiteral("3 exact, 2 moved, 1 fuzzy, 0 orphaned"));
    QCOMPARE(r.total(), qsizetype(6));
}

QTEST_GUILESS_MAIN(tst_Reanchor)
#include "tst_reanchor.moc"

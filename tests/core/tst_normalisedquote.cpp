#include "core/anchoring/codepointindex.h"
#include "core/anchoring/normalisedquote.h"

#include <QTest>

using namespace Gloss::Core;

class tst_NormalisedQuote : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void find_data();
    void find();
};

void tst_NormalisedQuote::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("exact");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("expected"); // the text the span must cover, empty: not found
    QTest::addColumn<int>("occurrence"); // which occurrence of `expected` in `text` (0-based)

    const QString paragraphs = QStringLiteral("First paragraph ends here.\n\nSecond begins there.");
    QTest::newRow("blank line between blocks, one space in the DOM")
        << paragraphs << QStringLiteral("here. Second") << QString() << QString() << QStringLiteral("here.\n\nSecond")
        << 0;
    QTest::newRow("tabs and newlines in the quote") << paragraphs << QStringLiteral(" ends\t here.\n") << QString()
                                                    << QString() << QStringLiteral("ends here.") << 0;
    QTest::newRow("case differs") << QStringLiteral("Serbia has pledged.") << QStringLiteral("SERBIA has") << QString()
                                  << QString() << QStringLiteral("Serbia has") << 0;
    const QString twice = QStringLiteral("The event drew crowds, and an event bonus was paid.");
    QTest::newRow("context picks the second") << twice << QStringLiteral("event") << QStringLiteral("crowds, and an ")
                                              << QStringLiteral(" bonus was") << QStringLiteral("event") << 1;
    QTest::newRow("context picks the first") << twice << QStringLiteral("event") << QStringLiteral("The ")
                                             << QStringLiteral(" drew crowds") << QStringLiteral("event") << 0;
    QTest::newRow("code points after emoji")
        << QString::fromUtf8("😀 👩🏽‍💻  Serbia\n has") << QStringLiteral("Serbia has") << QString()
        << QString() << QStringLiteral("Serbia\n has") << 0;
    QTest::newRow("absent") << twice << QStringLiteral("tanks") << QString() << QString() << QString() << 0;
    QTest::newRow("only white space") << twice << QStringLiteral("  ") << QString() << QString() << QString() << 0;
}

void tst_NormalisedQuote::find()
{
    QFETCH(QString, text);
    QFETCH(QString, exact);
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    QFETCH(QString, expected);
    QFETCH(int, occurrence);
    const std::optional<TextPositionSelector> found
        = findNormalisedQuote(text, TextQuoteSelector { exact, prefix, suffix });
    if (expected.isEmpty()) {
        QVERIFY(!found);
        return;
    }
    QVERIFY(found);
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = text.indexOf(expected, at + 1);
    const CodePointIndex index(text);
    QCOMPARE(found->start, index.toCodePoints(at));
    QCOMPARE(found->end, index.toCodePoints(at + expected.size()));
}

QTEST_GUILESS_MAIN(tst_NormalisedQuote)
#include "tst_normalisedquote.moc"

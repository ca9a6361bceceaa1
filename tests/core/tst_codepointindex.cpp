#include "core/anchoring/codepointindex.h"
#include "core/anchoring/textselectors.h"

#include <QTest>

using namespace Gloss::Core;

class tst_CodePointIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void splitPairMapsToPairStart();
    void quoteSelectorCountsCodePoints();
    void codePointString_data();
    void codePointString();
};

void tst_CodePointIndex::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<qsizetype>("expectedCodePointStart");
    QTest::newRow("ascii") << QStringLiteral("Serbia and NATO") << QStringLiteral("NATO") << qsizetype(11);
    QTest::newRow("emoji before") << QString::fromUtf8("a 😀 b NATO") << QStringLiteral("NATO") << qsizetype(6);
    QTest::newRow("combining accent before") << QString::fromUtf8("e\u0301t\u00e9 NATO") << QStringLiteral("NATO")
                                             << qsizetype(5);
    QTest::newRow("skin tone zwj") << QString::fromUtf8("👩🏽‍💻 NATO") << QStringLiteral("NATO") << qsizetype(5);
    QTest::newRow("cjk and rtl") << QString::fromUtf8("北京 שלום 𠀀 NATO") << QStringLiteral("NATO")
                                 << qsizetype(10);
}

void tst_CodePointIndex::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(qsizetype, expectedCodePointStart);
    const CodePointIndex index(text);
    const qsizetype u = text.indexOf(needle);
    QCOMPARE(index.toCodePoints(u), expectedCodePointStart);
    QCOMPARE(index.toUtf16(expectedCodePointStart), u);
    QCOMPARE(index.codePointLength(), qsizetype(text.toUcs4().size()));
    for (qsizetype c = 0; c <= index.codePointLength(); ++c)
        QCOMPARE(index.toCodePoints(index.toUtf16(c)), c);
}

void tst_CodePointIndex::splitPairMapsToPairStart()
{
    const QString text = QString::fromUtf8("x😀y");
    const CodePointIndex index(text);
    QCOMPARE(index.toCodePoints(2), qsizetype(1));
    QCOMPARE(index.toCodePoints(3), qsizetype(2));
}

void tst_CodePointIndex::quoteSelectorCountsCodePoints()
{
    const QString text = QString::fromUtf8("😀😀 Serbia has pledged to stay out of NATO.");
    const TextQuoteSelector q = quoteSelectorAt(text, {3, 9});
    QCOMPARE(q.exact, QStringLiteral("Serbia"));
    QCOMPARE(q.prefix, QString::fromUtf8("😀😀 "));
    QCOMPARE(q.suffix.size(), qsizetype(32));
}

void tst_CodePointIndex::codePointString_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << QStringLiteral("NATO");
    QTest::newRow("emoji and zwj") << QString::fromUtf8("a 👩🏽‍💻 b");
    QTest::newRow("combining, cjk, rtl, astral cjk") << QString::fromUtf8("e\u0301 北京 שלום 𠀀");
    QTest::newRow("lone surrogate") << (QStringLiteral("x") + QChar(0xD800) + QStringLiteral("y"));
}

void tst_CodePointIndex::codePointString()
{
    QFETCH(QString, text);
    const std::u32string cps = toCodePointString(text);
    const CodePointIndex index(text);
    QCOMPARE(qsizetype(cps.size()), index.codePointLength());
    // Every code point offset means the same place in both representations.
    for (qsizetype c = 0; c < qsizetype(cps.size()); ++c) {
        const qsizetype u = index.toUtf16(c);
        const bool pair = text[u].isHighSurrogate() && u + 1 < text.size() && text[u + 1].isLowSurrogate();
        const char32_t expected = pair ? QChar::surrogateToUcs4(text[u], text[u + 1])
            : text[u].isSurrogate()    ? char32_t(QChar::ReplacementCharacter)
                                       : char32_t(text[u].unicode());
        QCOMPARE(uint(cps[size_t(c)]), uint(expected));
    }
    if (!text.contains(QChar(0xD800)))
        QCOMPARE(fromCodePointString(cps), text);
}

QTEST_GUILESS_MAIN(tst_CodePointIndex)
#include "tst_codepointindex.moc"

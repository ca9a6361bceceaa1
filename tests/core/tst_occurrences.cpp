#include "core/anchoring/occurrences.h"

#include <QTest>

using namespace Gloss::Core;

Q_DECLARE_METATYPE(Qt::CaseSensitivity)

class tst_Occurrences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tagAll_data();
    void tagAll();
};

void tst_Occurrences::tagAll_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QList<qsizetype>>("tagged"); // starts of already tagged spans (same length as needle)
    QTest::addColumn<Qt::CaseSensitivity>("sensitivity");
    QTest::addColumn<QList<qsizetype>>("expected"); // code point starts found
    const QString nato = QStringLiteral("NATO said. NATOs and nato. NATO!");
    QTest::newRow("whole words, case-sensitive")
        << nato << QStringLiteral("NATO") << QList<qsizetype> {} << Qt::CaseSensitive << QList<qsizetype> { 0, 27 };
    QTest::newRow("case-insensitive") << nato << QStringLiteral("NATO") << QList<qsizetype> {} << Qt::CaseInsensitive
                                      << QList<qsizetype> { 0, 21, 27 };
    QTest::newRow("skips the already tagged")
        << nato << QStringLiteral("NATO") << QList<qsizetype> { 0 } << Qt::CaseSensitive << QList<qsizetype> { 27 };
    QTest::newRow("code points after an emoji")
        << QString::fromUtf8("😀 Serbia and 👩🏽‍💻 Serbia") << QStringLiteral("Serbia")
        << QList<qsizetype> {} << Qt::CaseSensitive << QList<qsizetype> { 2, 18 };
    QTest::newRow("not inside a word with a combining accent")
        << QString::fromUtf8("Beograde\u0301 Beograd") << QStringLiteral("Beograd") << QList<qsizetype> {}
        << Qt::CaseSensitive << QList<qsizetype> { 10 };
    // Scripts written without spaces between words: a Han, kana, Hangul or Thai character on either side of an
    // edge is a boundary, so a Latin name glued to Chinese text and a katakana word among kana are found.
    const QString zh = QString::fromUtf8("DeepMind的研究。据报道DeepMind称，但DeepMinds不是");
    QTest::newRow("Chinese: Latin quote beside Han")
        << zh << QStringLiteral("DeepMind") << QList<qsizetype> {} << Qt::CaseSensitive << QList<qsizetype> { 0, 15 };
    QTest::newRow("Chinese: Han quote inside Han")
        << QString::fromUtf8("新华社报道，新华社记者") << QString::fromUtf8("新华社") << QList<qsizetype> {}
        << Qt::CaseSensitive << QList<qsizetype> { 0, 6 };
    QTest::newRow("Japanese: katakana quote among kana")
        << QString::fromUtf8("イヌは子イヌとイヌ科のイヌを") << QString::fromUtf8("イヌ") << QList<qsizetype> {}
        << Qt::CaseSensitive << QList<qsizetype> { 0, 4, 7, 11 };
    QTest::newRow("Japanese: prolonged sound mark counts as kana")
        << QString::fromUtf8("コンピューターGloss、Gloss") << QStringLiteral("Gloss") << QList<qsizetype> {}
        << Qt::CaseSensitive << QList<qsizetype> { 7, 13 };
    QTest::newRow("Korean: particle after a name")
        << QString::fromUtf8("서울에서 서울은") << QString::fromUtf8("서울") << QList<qsizetype> {} << Qt::CaseSensitive
        << QList<qsizetype> { 0, 5 };
    QTest::newRow("Thai: no spaces between words")
        << QString::fromUtf8("ประเทศไทยมีกรุงเทพ") << QString::fromUtf8("ไทย") << QList<qsizetype> {}
        << Qt::CaseSensitive << QList<qsizetype> { 6 };
    QTest::newRow("Han outside the BMP (surrogate pairs)")
        << QString::fromUtf8("\U00020000\U00020001x \U00020001") << QString::fromUtf8("\U00020001")
        << QList<qsizetype> {} << Qt::CaseSensitive << QList<qsizetype> { 1, 4 };
    QTest::newRow("Latin still skips longer words")
        << QStringLiteral("Serbia and Serbian, Serbias; Serbia.") << QStringLiteral("Serbia") << QList<qsizetype> {}
        << Qt::CaseSensitive << QList<qsizetype> { 0, 29 };
    QTest::newRow("Latin quote inside a Cyrillic word is still inside a word")
        << QString::fromUtf8("Сербияabc abc") << QStringLiteral("abc") << QList<qsizetype> {} << Qt::CaseSensitive
        << QList<qsizetype> { 10 };
    QTest::newRow("emoji beside a name is a boundary")
        << QString::fromUtf8("😀Serbia") << QStringLiteral("Serbia") << QList<qsizetype> {} << Qt::CaseSensitive
        << QList<qsizetype> { 1 };
    QTest::newRow("empty needle") << nato << QString() << QList<qsizetype> {} << Qt::CaseSensitive
                                  << QList<qsizetype> {};
}

void tst_Occurrences::tagAll()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(QList<qsizetype>, tagged);
    QFETCH(Qt::CaseSensitivity, sensitivity);
    QFETCH(QList<qsizetype>, expected);
    const qsizetype length = needle.toUcs4().size(); // code points, as the spans count
    QList<TextPositionSelector> taggedSpans;
    for (const qsizetype start : tagged)
        taggedSpans.append({ start, start + length });
    QList<qsizetype> starts;
    for (const TextPositionSelector &span : untaggedOccurrences(text, needle, taggedSpans, sensitivity)) {
        QCOMPARE(span.end - span.start, length);
        starts.append(span.start);
    }
    QCOMPARE(starts, expected);
}

QTEST_GUILESS_MAIN(tst_Occurrences)
#include "tst_occurrences.moc"

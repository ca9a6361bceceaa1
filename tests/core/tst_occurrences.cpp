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
    QList<TextPositionSelector> taggedSpans;
    for (const qsizetype start : tagged)
        taggedSpans.append({ start, start + needle.size() });
    QList<qsizetype> starts;
    for (const TextPositionSelector &span : untaggedOccurrences(text, needle, taggedSpans, sensitivity)) {
        QCOMPARE(span.end - span.start, needle.size());
        starts.append(span.start);
    }
    QCOMPARE(starts, expected);
}

QTEST_GUILESS_MAIN(tst_Occurrences)
#include "tst_occurrences.moc"

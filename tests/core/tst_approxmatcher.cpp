#include "core/anchoring/approxmatcher.h"
#include "core/anchoring/codepointindex.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <vector>

using namespace Gloss::Core;

namespace {

std::u32string cps(const QString &s)
{
    return toCodePointString(s);
}

/// Reference: textbook O(nm) Levenshtein DP.
int naiveDistance(std::u32string_view a, std::u32string_view b)
{
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({ row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1) });
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// Reference: semi-global DP (free start and end in the text); entry j = best errors of a match ending at j.
std::vector<int> naiveSearchColumn(std::u32string_view pattern, std::u32string_view text)
{
    std::vector<int> column(pattern.size() + 1);
    for (size_t i = 0; i <= pattern.size(); ++i)
        column[i] = int(i);
    std::vector<int> bottom { int(pattern.size()) };
    for (size_t j = 1; j <= text.size(); ++j) {
        int diagonal = column[0];
        column[0] = 0;
        for (size_t i = 1; i <= pattern.size(); ++i) {
            const int up = column[i];
            column[i]
                = std::min({ column[i] + 1, column[i - 1] + 1, diagonal + (pattern[i - 1] == text[j - 1] ? 0 : 1) });
            diagonal = up;
        }
        bottom.push_back(column[pattern.size()]);
    }
    return bottom;
}

std::u32string randomString(QRandomGenerator &rng, int length, std::u32string_view alphabet)
{
    std::u32string s;
    for (int i = 0; i < length; ++i)
        s.push_back(alphabet[size_t(rng.bounded(int(alphabet.size())))]);
    return s;
}

} // namespace

class tst_ApproxMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void distance_data();
    void distance();
    void search_data();
    void search();
    void randomAgainstDynamicProgramming_data();
    void randomAgainstDynamicProgramming();
    void similarity();
};

void tst_ApproxMatcher::distance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("both empty") << QString() << QString() << 0;
    QTest::newRow("empty pattern") << QString() << QStringLiteral("abc") << 3;
    QTest::newRow("empty text") << QStringLiteral("abc") << QString() << 3;
    QTest::newRow("equal") << QStringLiteral("NATO") << QStringLiteral("NATO") << 0;
    QTest::newRow("kitten sitting") << QStringLiteral("kitten") << QStringLiteral("sitting") << 3;
    QTest::newRow("one insertion") << QStringLiteral("percent") << QStringLiteral("per cent") << 1;
    QTest::newRow("astral code points count once") << QString::fromUtf8("a😀b") << QString::fromUtf8("a😁b") << 1;
    QTest::newRow("combining accent is its own code point") << QString::fromUtf8("e\u0301") << QStringLiteral("e") << 1;
    const QString sixtyFour = QString(64, u'x');
    QTest::newRow("exactly 64") << sixtyFour << sixtyFour + u'y' << 1;
    QTest::newRow("65 vs 64") << QString(65, u'x') << sixtyFour << 1;
    QTest::newRow("200 with 3 edits") << QString(100, u'a') + QString(100, u'b')
                                      << QString(99, u'a') + u'c' + QString(99, u'b') + u'd' + u'e' << 3;
}

void tst_ApproxMatcher::distance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(ApproxMatcher::editDistance(cps(a), cps(b)), expected);
    QCOMPARE(ApproxMatcher::editDistance(cps(b), cps(a)), expected);
    QCOMPARE(naiveDistance(cps(a), cps(b)), expected);
}

void tst_ApproxMatcher::search_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxErrors");
    QTest::addColumn<QString>("expectedMatches"); // "start-end:errors" separated by spaces, code points
    QTest::newRow("exact once") << QStringLiteral("event") << QStringLiteral("the event") << 0
                                << QStringLiteral("4-9:0");
    QTest::newRow("exact twice") << QStringLiteral("event") << QStringLiteral("the event, an event bonus") << 0
                                 << QStringLiteral("4-9:0 14-19:0");
    QTest::newRow("one substitution") << QStringLiteral("recieved") << QStringLiteral("he received it") << 2
                                      << QStringLiteral("3-11:2");
    QTest::newRow("nothing within budget")
        << QStringLiteral("tanks") << QStringLiteral("drones and planes") << 1 << QString();
    QTest::newRow("offsets in code points")
        << QStringLiteral("NATO") << QString::fromUtf8("😀👩🏽‍💻 NATO") << 0 << QStringLiteral("6-10:0");
}

void tst_ApproxMatcher::search()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(int, maxErrors);
    QFETCH(QString, expectedMatches);
    QStringList got;
    for (const ApproxMatcher::Match &m : ApproxMatcher(cps(pattern)).search(cps(text), maxErrors))
        got.append(QStringLiteral("%1-%2:%3").arg(m.start).arg(m.end).arg(m.errors));
    QCOMPARE(got.join(u' '), expectedMatches);
}

void tst_ApproxMatcher::randomAgainstDynamicProgramming_data()
{
    QTest::addColumn<int>("patternLength");
    QTest::addColumn<int>("textLength");
    QTest::addColumn<QString>("alphabet");
    QTest::newRow("short, binary") << 5 << 60 << QStringLiteral("ab");
    QTest::newRow("one block, dna") << 40 << 200 << QStringLiteral("acgt");
    QTest::newRow("exactly one word") << 64 << 200 << QStringLiteral("acgt");
    QTest::newRow("two blocks") << 65 << 250 << QStringLiteral("acgt");
    QTest::newRow("three blocks, words") << 150 << 400 << QStringLiteral("abcdefgh ");
    QTest::newRow("long, non-latin") << 130 << 300 << QString::fromUtf8("αβγ😀");
}

void tst_ApproxMatcher::randomAgainstDynamicProgramming()
{
    QFETCH(int, patternLength);
    QFETCH(int, textLength);
    QFETCH(QString, alphabet);
    const std::u32string sigma = cps(alphabet);
    QRandomGenerator rng(uint(patternLength * 7919 + textLength));
    for (int round = 0; round < 40; ++round) {
        const std::u32string pattern = randomString(rng, 1 + int(rng.bounded(patternLength)), sigma);
        std::u32string text = randomString(rng, int(rng.bounded(textLength)), sigma);
        // Plant a mutated copy of the pattern so that there is something to find.
        if (!text.empty() && rng.bounded(2) == 0) {
            std::u32string copy = pattern;
            for (int e = 0; e < int(copy.size()) / 8; ++e)
                copy[size_t(rng.bounded(int(copy.size())))] = sigma[size_t(rng.bounded(int(sigma.size())))];
            text.insert(size_t(rng.bounded(int(text.size()))), copy);
        }
        const ApproxMatcher matcher(pattern);
        QCOMPARE(matcher.distance(text), naiveDistance(pattern, text));

        const int maxErrors = int(pattern.size()) / 4;
        const std::vector<int> bottom = naiveSearchColumn(pattern, text);
        const int bestPossible = *std::min_element(bottom.begin(), bottom.end());
        const QList<ApproxMatcher::Match> matches = matcher.search(text, maxErrors);
        int bestFound = int(pattern.size()) + 1;
        for (const ApproxMatcher::Match &m : matches) {
            QVERIFY(m.start >= 0 && m.start <= m.end && m.end <= qsizetype(text.size()));
            QCOMPARE(m.errors, bottom[size_t(m.end)]);
            QCOMPARE(naiveDistance(pattern, std::u32string_view(text).substr(size_t(m.start), size_t(m.end - m.start))),
                m.errors);
            bestFound = std::min(bestFound, m.errors);
        }
        if (bestPossible <= maxErrors)
            QCOMPARE(bestFound, bestPossible);
        else
            QVERIFY(matches.isEmpty());
    }
}

void tst_ApproxMatcher::similarity()
{
    QCOMPARE(ApproxMatcher::similarity(cps(QStringLiteral("abcd")), cps(QStringLiteral("abcd"))), 1.0);
    QCOMPARE(ApproxMatcher::similarity(cps(QStringLiteral("abcd")), cps(QStringLiteral("abce"))), 0.75);
    QCOMPARE(ApproxMatcher::similarity(cps(QStringLiteral("abcd")), cps(QString())), 0.0);
    QCOMPARE(ApproxMatcher::similarity(cps(QString()), cps(QString())), 1.0);
}

QTEST_GUILESS_MAIN(tst_ApproxMatcher)
#include "tst_approxmatcher.moc"

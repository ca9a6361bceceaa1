// The plain-text importer: the jusText-style paragraph classifier and the title/header rules.
#include "core/extraction/textimporter.h"

#include <QTest>

using namespace Gloss::Core;

class tst_TextImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifier_data();
    void classifier();
    void plainFile();
    void boilerplateInTheMiddle();
    void firstLineRunningOnIsBody();
    void header_data();
    void header();
    void neutralParagraphsTakeTheirNeighboursClass();
    void onlyBoilerplateGivesNoBody();
    void onlyParagraphIsTheBody_data();
    void onlyParagraphIsTheBody();
    void listsKeptAsLists();
    void unpunctuatedTextIsKept();
};

void tst_TextImporter::classifier_data()
{
    QTest::addColumn<QString>("paragraph");
    QTest::addColumn<bool>("boilerplate");
    // None of these sentences is in the seed; the classifier has to generalise.
    QTest::newRow("notification prompt") << QStringLiteral("Turn on notifications to get breaking news from us first.")
                                         << true;
    QTest::newRow("cookie notice") << QStringLiteral(
        "We use cookies to improve your experience. By continuing you accept our cookie policy.")
                                   << true;
    QTest::newRow("newsletter") << QStringLiteral(
        "Sign up to our daily newsletter and get the best stories in your inbox.")
                                << true;
    QTest::newRow("donation appeal") << QStringLiteral(
        "If you value our reporting, please consider a small donation: your support keeps us independent.")
                                     << true;
    QTest::newRow("login notice") << QStringLiteral("You have been logged out. Log in again to continue reading.")
                                  << true;
    QTest::newRow("share prompt") << QStringLiteral("Share this article on Twitter") << true;
    QTest::newRow("news prose") << QStringLiteral("The minister said on Monday that the new rail line would open in "
                                                  "2026, two years later than planned, because of rising costs.")
                                << false;
    QTest::newRow("quote with we") << QStringLiteral(
        "\u201cWe will not give up,\u201d the mayor told reporters outside the court, adding that the city would "
        "appeal the ruling within a month.")
                                   << false;
    QTest::newRow("long prose") << QStringLiteral(
        "Scientists at the institute measured the temperature of the lake every day for ten years, and found that the "
        "surface had warmed by almost one degree, with the largest change in late summer.")
                                << false;
}

void tst_TextImporter::classifier()
{
    QFETCH(QString, paragraph);
    QFETCH(bool, boilerplate);
    const double score = TextImporter::paragraphScore(paragraph);
    if (boilerplate)
        QVERIFY2(score < 0, qPrintable(QString::number(score)));
    else
        QVERIFY2(score > 0, qPrintable(QString::number(score)));
}

void tst_TextImporter::plainFile()
{
    const auto out = TextImporter::import(QStringLiteral("My notes\n\nFirst paragraph,\nwrapped.\n\n\nSecond one.\n"));
    QCOMPARE(out.metadata.title, QStringLiteral("My notes"));
    QCOMPARE(out.document.text(), QStringLiteral("First paragraph, wrapped.\n\nSecond one."));
}

void tst_TextImporter::boilerplateInTheMiddle()
{
    const QString text
        = QStringLiteral("Harbour bridge reopens after repairs\n\n"
                         "The harbour bridge reopened to traffic on Friday after eight months of repairs, the port "
                         "authority said in a statement.\n\n"
                         "Engineers replaced the worn bearings and repainted the steel, and the work finished two "
                         "weeks ahead of schedule.\n\n"
                         "Subscribe to our newsletter to get the latest local news in your inbox every morning.\n\n"
                         "Drivers had faced long detours through the city centre, and local shops reported fewer "
                         "customers during the closure.\n\n"
                         "We use cookies on this site. Accept cookies to continue.\n");
    const auto out = TextImporter::import(text);
    QCOMPARE(out.metadata.title, QStringLiteral("Harbour bridge reopens after repairs"));
    const QStringList blocks = out.document.text().split(QStringLiteral("\n\n"));
    QCOMPARE(blocks.size(), 3);
    QVERIFY(blocks.at(2).startsWith(QStringLiteral("Drivers had faced")));
}

// A first line followed by more text in the same paragraph is not a title: it is the start of a (hard-wrapped)
// paragraph, which stays whole in the body; the title is derived from it.
void tst_TextImporter::firstLineRunningOnIsBody()
{
    const auto out = TextImporter::import(QStringLiteral("Title line\nFirst body line of the same chunk.\n\nNext."));
    QCOMPARE(out.metadata.title, QStringLiteral("Title line First body line of the same chunk."));
    QCOMPARE(out.document.text(), QStringLiteral("Title line First body line of the same chunk.\n\nNext."));
}

namespace {
const char kP1[] = "The city council approved the new budget on Tuesday after a long debate about funding for public "
                   "transport and schools, officials said.";
const char kP2[] = "Opponents argued that the plan would raise taxes for small businesses, while supporters said it "
                   "was necessary to keep services running.";
const char kP3[] = "The mayor is expected to sign the measure next week, and the first projects could begin in the "
                   "spring, according to the council.";

// The three-paragraph article of the header cases, after `head`.
QString article(const char *head)
{
    return QString::fromUtf8(head) + QLatin1String(kP1) + u"\n\n" + QLatin1String(kP2) + u"\n\n" + QLatin1String(kP3)
        + u'\n';
}
} // namespace

void tst_TextImporter::header_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("byline");
    QTest::addColumn<QString>("publishedRaw");
    QTest::addColumn<QString>("published");
    QTest::addColumn<QStringList>("body");
    const QStringList three = { QLatin1String(kP1), QLatin1String(kP2), QLatin1String(kP3) };
    const QString title = QStringLiteral("Council approves new budget");
    // The first sentence of kP1 is over 100 code points: the derived title is cut at a word.
    const QString derived = QStringLiteral(
        "The city council approved the new budget on Tuesday after a long debate about funding for public\u2026");
    QTest::newRow("no heading line: title derived, first paragraph kept")
        << article("") << derived << QString() << QString() << QString() << three;
    QTest::newRow("title, By line and date line in one paragraph")
        << article("Council approves new budget\nBy Jane Smith\nMarch 4, 2021\n\n") << title
        << QStringLiteral("Jane Smith") << QStringLiteral("March 4, 2021") << QStringLiteral("2021-03-04T00:00:00Z")
        << three;
    QTest::newRow("By line and date line as paragraphs")
        << article("Council approves new budget\n\nBy Jane Smith\n\n4 March 2021\n\n") << title
        << QStringLiteral("Jane Smith") << QStringLiteral("4 March 2021") << QStringLiteral("2021-03-04T00:00:00Z")
        << three;
    QTest::newRow("bare name above an ISO date")
        << article("Council approves new budget\n\nJane Smith\n2021-03-04\n\n") << title << QStringLiteral("Jane Smith")
        << QStringLiteral("2021-03-04") << QStringLiteral("2021-03-04T00:00:00Z") << three;
    QTest::newRow("labelled header in Chinese, full-width colon")
        << article("Council approves new budget\n\n\u4F5C\u8005\uFF1A\u738B\u5C0F\u660E\n2021\u5E743\u67084\u65E5\n\n")
        << title << QStringLiteral("\u738B\u5C0F\u660E") << QStringLiteral("2021\u5E743\u67084\u65E5")
        << QStringLiteral("2021-03-04T00:00:00Z") << three;
    QTest::newRow("byline and date on one line")
        << article("Council approves new budget\nBy Jane Smith | March 4, 2021\n\n") << title
        << QStringLiteral("Jane Smith") << QStringLiteral("March 4, 2021") << QStringLiteral("2021-03-04T00:00:00Z")
        << three;
    QTest::newRow("Markdown heading marker") << article("# Council approves new budget\n\n") << title << QString()
                                             << QString() << QString() << three;
    QTest::newRow("Setext underline") << article("Council approves new budget\n===========================\n\n")
                                      << title << QString() << QString() << QString() << three;
    QTest::newRow("labelled author in Russian") << article("Council approves new budget\n\nАвтор: Иван Петров\n\n")
                                                << title << QStringLiteral("Иван Петров") << QString() << QString()
                                                << three;
    QTest::newRow("labelled header") << article(
        "Title: Council approves new budget\nAuthor: Jane Smith\nDate: 2021-03-04\n\n")
                                     << title << QStringLiteral("Jane Smith") << QStringLiteral("2021-03-04")
                                     << QStringLiteral("2021-03-04T00:00:00Z") << three;
    QTest::newRow("a sentence starting with From is prose")
        << article("Budget news\n\n")
               .replace(QLatin1String(kP2),
                   QStringLiteral("From the start, the plan was contested.\n\n") + QLatin1String(kP2))
        << QStringLiteral("Budget news") << QString() << QString() << QString()
        << QStringList { QLatin1String(kP1), QStringLiteral("From the start, the plan was contested."),
               QLatin1String(kP2), QLatin1String(kP3) };
    QTest::newRow("a sentence with a date is prose")
        << article("").replace(
               QLatin1String(kP2), QStringLiteral("The vote is on 12 March 2024.\n\n") + QLatin1String(kP2))
        << derived << QString() << QString() << QString()
        << QStringList { QLatin1String(kP1), QStringLiteral("The vote is on 12 March 2024."), QLatin1String(kP2),
               QLatin1String(kP3) };
    QTest::newRow("hard-wrapped paragraphs, no title line")
        << QStringLiteral("The city council approved the new budget on Tuesday after a long\n"
                          "debate about funding for public transport and schools, officials said.\n"
                          "Opponents argued that the plan would raise taxes for small\n"
                          "businesses, while supporters said it was necessary.\n\n"
                          "The mayor is expected to sign the measure next week, and the first\n"
                          "projects could begin in the spring, according to the council.\n")
        << derived << QString() << QString() << QString()
        << QStringList { QLatin1String(kP1)
                   + QStringLiteral(" Opponents argued that the plan would raise taxes for small businesses, while "
                                    "supporters said it was necessary."),
               QLatin1String(kP3) };
}

// The title line, the byline/date header block and the body (item by item: nothing of the body is lost to the
// header, and no header line is left in the body).
void tst_TextImporter::header()
{
    QFETCH(QString, text);
    QFETCH(QString, title);
    QFETCH(QString, byline);
    QFETCH(QString, publishedRaw);
    QFETCH(QString, published);
    QFETCH(QStringList, body);
    const auto out = TextImporter::import(text);
    QCOMPARE(out.document.text().split(QStringLiteral("\n\n")), body);
    QCOMPARE(out.metadata.title, title);
    QCOMPARE(out.metadata.byline, byline);
    QCOMPARE(out.publishedRaw, publishedRaw);
    QCOMPARE(out.metadata.published, published);
}

// The context pass: a neutral paragraph (short, no stop phrase) between boilerplate is dropped, one between prose
// is kept, however far the nearest classified paragraph is.
void tst_TextImporter::neutralParagraphsTakeTheirNeighboursClass()
{
    const QString neutral = QStringLiteral("A line of a few plain words, like this.");
    QVERIFY(qAbs(TextImporter::paragraphScore(neutral)) < 1);
    QStringList chunks = { QStringLiteral("Notes") };
    for (int i = 0; i < 50; ++i)
        chunks << neutral;
    const auto kept = TextImporter::import(chunks.join(QStringLiteral("\n\n")));
    QCOMPARE(kept.document.blockCount(), 50);
    const QString bad = QStringLiteral("Subscribe to our newsletter and turn on notifications in your browser.");
    const QString good = QLatin1String(kP1);
    const auto out = TextImporter::import(
        QStringList { QStringLiteral("Notes"), good, good, bad, neutral, bad, good }.join(QStringLiteral("\n\n")));
    QCOMPARE(out.document.text(), QStringList({ good, good, good }).join(QStringLiteral("\n\n")));
}

// A text of boilerplate only has no body (Extractor then refuses it), whatever its first line looks like.
void tst_TextImporter::onlyBoilerplateGivesNoBody()
{
    const auto out = TextImporter::import(
        QStringLiteral("Stay up to date with notifications from us\n\nSubscribe to our newsletter in your inbox.\n\n"
                       "We use cookies to improve your experience. Accept cookies to continue.\n"));
    QVERIFY(out.document.nodes.isEmpty());
}

void tst_TextImporter::onlyParagraphIsTheBody_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("title");
    QTest::newRow("short line") << QStringLiteral("Hello world.\n") << QStringLiteral("Hello world.");
    QTest::newRow("long line, title cut at a word")
        << QStringLiteral("The government announced a new policy on Monday that will change how schools are funded "
                          "across the country, officials said.\n")
        << QStringLiteral("The government announced a new policy on Monday that will change how schools are funded "
                          "across the\u2026");
    QTest::newRow("long line, title cut at a sentence") << QStringLiteral(
        "The government announced a new policy on Monday. Schools will be funded in a new way "
        "across the country, officials said.\n") << QStringLiteral("The government announced a new policy on Monday.");
}

// A text of one paragraph: taking its first line as the title would leave nothing, so the paragraph is the body.
void tst_TextImporter::onlyParagraphIsTheBody()
{
    QFETCH(QString, text);
    QFETCH(QString, title);
    const auto out = TextImporter::import(text);
    QCOMPARE(out.document.text(), text.trimmed());
    QCOMPARE(out.metadata.title, title);
}

namespace {
const QString kProse = QStringLiteral("The committee met on Tuesday to discuss the proposal in detail, and after several "
                                      "hours of debate the members agreed to postpone the vote until the spring.");
}

// Lists in a text (one item a line, "1." or "-" markers) are short unpunctuated lines, which alone read as
// boilerplate; between prose they are the article's, and they stay lists.
void tst_TextImporter::listsKeptAsLists()
{
    const auto out = TextImporter::import(u"Shopping List\n\n" + kProse
        + u"\n\n1. Buy milk from the store\n2. Buy eggs from the farm\n\n- apples and pears\n- oranges\n\n"
        + kProse + u'\n');
    QCOMPARE(out.metadata.title, QStringLiteral("Shopping List"));
    QCOMPARE(out.document.nodes.size(), 4);
    QCOMPARE(out.document.nodes.at(1).kind, ReaderNode::List);
    QVERIFY(out.document.nodes.at(1).ordered);
    QCOMPARE(out.document.nodes.at(1).children.size(), 2);
    QVERIFY(!out.document.nodes.at(2).ordered);
    QVERIFY(out.document.text().contains(QStringLiteral("Buy milk from the store\n\nBuy eggs from the farm")));
    QVERIFY(out.document.html().contains(QStringLiteral("<li data-start=")));
}

// Verse (no sentence punctuation anywhere) has no paragraph the classifier calls content; an imported file is an
// article, so its paragraphs are kept, bar stop-phrase boilerplate.
void tst_TextImporter::unpunctuatedTextIsKept()
{
    const auto out = TextImporter::import(QStringLiteral(
        "The Road Home\n\nI walked along the river road\nbeneath the heavy autumn sky\n\nThe houses leaned against "
        "the hill\nthe windows dark the chimneys cold\n\nSubscribe to our newsletter\n"));
    QCOMPARE(out.metadata.title, QStringLiteral("The Road Home"));
    QCOMPARE(out.document.nodes.size(), 2);
    QVERIFY(!out.document.text().contains(QStringLiteral("Subscribe")));
}

QTEST_GUILESS_MAIN(tst_TextImporter)
#include "tst_textimporter.moc"

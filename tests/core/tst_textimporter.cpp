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
    void firstLineIsTitle();
    void onlyParagraphIsTheBody_data();
    void onlyParagraphIsTheBody();
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

void tst_TextImporter::firstLineIsTitle()
{
    const auto out = TextImporter::import(QStringLiteral("Title line\nFirst body line of the same chunk.\n\nNext."));
    QCOMPARE(out.metadata.title, QStringLiteral("Title line"));
    QVERIFY(out.document.text().startsWith(QStringLiteral("First body line")));
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

QTEST_GUILESS_MAIN(tst_TextImporter)
#include "tst_textimporter.moc"

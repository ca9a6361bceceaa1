// Article metadata through the whole extractor: byline, title, site name, standfirst, JSON-LD, dates, URL
// fields and their caps.
#include "core/extraction/extractor.h"
#include "core/extraction/metadataextractor.h"
#include "core/extraction/publicationdate.h"
#include "core/extraction/textdecoder.h"
#include "extractionfixture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Gloss::Core;
using namespace ExtractionFixture;

class tst_Metadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bylineSources_data();
    void bylineSources();
    void bylinePrefixGoesWithTheName();
    void jsonLdGraphPicksThePagesArticle_data();
    void jsonLdGraphPicksThePagesArticle();
    void standfirstOnRequest();
    void jsonLdNameIsTheSiteName();
    void cjkTitleLosesSiteName();
    void metadataCapped();
    void metadataUrlsAreWebUrls_data();
    void metadataUrlsAreWebUrls();
    void shortened_data();
    void shortened();
    void baseHrefMustBeAWebUrl_data();
    void baseHrefMustBeAWebUrl();
    void dates_data();
    void dates();
};

void tst_Metadata::bylineSources_data()
{
    QTest::addColumn<QString>("head");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("byline");
    QTest::newRow("Dublin Core name, last creator")
        << QStringLiteral("<meta name=\"DC.Creator\" content=\"Kooman, F.\"><meta name=\"DC.Creator\" "
                          "content=\"Jong, Michiel de\">")
        << QString() << QStringLiteral("Jong, Michiel de");
    QTest::newRow("og:article:author") << QStringLiteral("<meta property=\"og:article:author\" content=\"BBC News\">")
                                       << QString() << QStringLiteral("BBC News");
    QTest::newRow("rel=author in a removed header")
        << QString()
        << QStringLiteral("<header class=\"entry-header\"><address class=\"vcard\"><a href=\"/author/mc\" "
                          "rel=\"author\">Mike Conley</a></address></header>")
        << QStringLiteral("Mike Conley");
    QTest::newRow("author link inside a byline box")
        << QString()
        << QStringLiteral("<div class=\"author\"><a class=\"author-link\" href=\"/author/ben\">Ben Silverman</a>"
                          "<div class=\"author-title\">Games Editor</div></div>")
        << QStringLiteral("Ben Silverman");
}

void tst_Metadata::bylineSources()
{
    QFETCH(QString, head);
    QFETCH(QString, before);
    QFETCH(QString, byline);
    const Extraction e = extractHtml(articlePage({}, head, before));
    QCOMPARE(e.metadata.byline, byline);
}

// A byline line inside the article ("Por <span class=byline>Josh Max</span>"): the name goes to the metadata, and the
// word before it goes with it instead of standing alone as a paragraph.
void tst_Metadata::bylinePrefixGoesWithTheName()
{
    const Extraction e = extractHtml(articlePage(QStringLiteral(
        "<p><span class=\"css-9v\">Por <span class=\"last-byline\" itemprop=\"name\">Josh Max</span></span></p>")));
    QCOMPARE(e.metadata.byline, QStringLiteral("Josh Max"));
    QVERIFY2(!e.readerText.contains(QStringLiteral("Por")), qPrintable(e.readerText));
    QCOMPARE(e.readerText.split(QStringLiteral("\n\n")).size(), 6);
}

void tst_Metadata::jsonLdGraphPicksThePagesArticle_data()
{
    QTest::addColumn<QString>("mainIds");
    QTest::addColumn<QString>("documentTitle");
    QTest::newRow("by mainEntityOfPage") << QStringLiteral("\"mainEntityOfPage\":\"https://example.org/news/story.html\",")
                                         << QStringLiteral("Fixture story");
    QTest::newRow("by @id with a fragment")
        << QStringLiteral("\"@id\":\"https://example.org/news/story.html#article\",") << QStringLiteral("Fixture story");
    QTest::newRow("by headline alone") << QString() << QStringLiteral("Fixture story");
    QTest::newRow("by headline, the title naming the site too")
        << QString() << QStringLiteral("Fixture story - Daily Planet Evening News");
}

// A @graph may describe related stories before the page's own: the page's is the one with the page's URL, else
// the one whose headline is the document title.
void tst_Metadata::jsonLdGraphPicksThePagesArticle()
{
    QFETCH(QString, mainIds);
    QFETCH(QString, documentTitle);
    const QString ld = u"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        u"{\"@type\":\"WebSite\",\"name\":\"Daily Planet\"},"
        u"{\"@type\":\"NewsArticle\",\"headline\":\"Related: another story\",\"author\":{\"name\":\"Wrong "
        u"Author\"},\"datePublished\":\"2019-01-01T00:00:00Z\"},"
        u"{\"@type\":\"NewsArticle\"," + mainIds + u"\"headline\":\"Fixture story\",\"author\":{\"name\":\"Jane "
        u"Right\"},\"datePublished\":\"2021-03-04T10:00:00Z\"}]}</script>";
    QString html = articlePage({}, ld);
    html.replace(QStringLiteral("<title>Fixture story</title>"), u"<title>" + documentTitle + u"</title>");
    const Extraction e = extractHtml(html);
    QCOMPARE(e.metadata.byline, QStringLiteral("Jane Right"));
    QCOMPARE(e.metadata.published, QStringLiteral("2021-03-04T10:00:00Z"));
}

// Some sites put their own name in JSON-LD "name" and the article's title in "headline"; the document title names
// both ("Headline words - Site"): the headline wins because it alone is like the document title.
void tst_Metadata::jsonLdNameIsTheSiteName()
{
    QString html = articlePage({},
        QStringLiteral("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
                       "\"NewsArticle\",\"name\":\"Daily Planet\",\"headline\":\"Harbour bridge reopens after "
                       "two-year closure\"}</script>"));
    html.replace(QStringLiteral("<title>Fixture story</title>"),
        QStringLiteral("<title>Harbour bridge reopens after two years of closure - Daily Planet</title>"));
    QCOMPARE(extractHtml(html).metadata.title, QStringLiteral("Harbour bridge reopens after two-year closure"));
}

// Readability's title rules keep "Title - Site" when the rest has under 3 words, which every Chinese title has
// (no spaces): a known site name is taken off there. Latin titles are left as Readability gives them.
void tst_Metadata::cjkTitleLosesSiteName()
{
    QString html = articlePage({}, QStringLiteral("<meta property=\"og:site_name\" content=\"江南日报\">"));
    html.replace(QStringLiteral("<title>Fixture story</title>"),
        QStringLiteral("<title>长江流域今年夏季降水偏少，专家呼吁加强节水 - 江南日报</title>"));
    QCOMPARE(extractHtml(html).metadata.title, QStringLiteral("长江流域今年夏季降水偏少，专家呼吁加强节水"));
    QCOMPARE(extractHtml(html).metadata.siteName, QStringLiteral("江南日报"));
}

void tst_Metadata::standfirstOnRequest()
{
    const QString dek = QStringLiteral(
        "The standfirst of the fixture story sums it up in one sentence that the page also uses as its description.");
    const QString head = u"<meta name=\"description\" content=\"" + dek + u"\">";
    const QString header = u"<header class=\"story-header\"><h2 class=\"dek\">" + dek + u"</h2></header>";
    const Extraction plain = extractHtml(articlePage({}, head, header));
    QVERIFY2(plain.readerText.startsWith(QStringLiteral("Paragraph 1")), qPrintable(plain.readerText));
    const Extraction with = extractHtml(articlePage({}, head, header), true);
    QVERIFY2(with.readerText.startsWith(dek + u"\n\nParagraph 1"), qPrintable(with.readerText));
    QCOMPARE(with.readerText.count(dek), 1);
}

void tst_Metadata::metadataCapped()
{
    const QString word = QStringLiteral("word ");
    const QString sentence = QStringLiteral("A sentence of the description. ");
    const QString head = u"<meta name=\"author\" content=\"" + word.repeated(100)
        + u"\"><meta property=\"og:site_name\" "
          u"content=\""
        + word.repeated(100) + u"\"><meta name=\"description\" content=\"" + sentence.repeated(100) + u"\">";
    QString html = articlePage({}, head);
    html.replace(QStringLiteral("<title>Fixture story</title>"), u"<title>" + word.repeated(300) + u"</title>");
    const Extraction e = extractHtml(html);
    QCOMPARE(e.metadata.title, word.repeated(99) + u"word\u2026");
    QCOMPARE(e.metadata.byline, word.repeated(39) + u"word\u2026");
    QCOMPARE(e.metadata.siteName, word.repeated(39) + u"word\u2026");
    QCOMPARE(e.metadata.excerpt, sentence.repeated(48).trimmed());
}

void tst_Metadata::metadataUrlsAreWebUrls_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("url");
    QTest::newRow("relative, resolved") << QStringLiteral("/img/lead.jpg")
                                        << QStringLiteral("https://example.org/img/lead.jpg");
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << QString();
    QTest::newRow("javascript, mixed case and blanks") << QStringLiteral(" JavaScript:alert(1)") << QString();
    QTest::newRow("data") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=") << QString();
    QTest::newRow("credentials dropped") << QStringLiteral("https://bob:hunter2@example.com/canon")
                                         << QStringLiteral("https://example.com/canon");
}

void tst_Metadata::metadataUrlsAreWebUrls()
{
    QFETCH(QString, reference);
    QFETCH(QString, url);
    const Extraction e = extractHtml(articlePage({},
        u"<meta property=\"og:image\" content=\"" + reference + u"\"><link rel=\"canonical\" href=\"" + reference
            + u"\">"));
    QCOMPARE(e.metadata.leadImage, url);
    QCOMPARE(e.metadata.canonicalUrl, url);
}

void tst_Metadata::shortened_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("max");
    QTest::addColumn<bool>("sentence");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fits") << QStringLiteral("Five code points: 😀😀😀") << 21 << false
                          << QStringLiteral("Five code points: 😀😀😀");
    QTest::newRow("word boundary") << QStringLiteral("one two three four") << 12 << false
                                   << QStringLiteral("one two\u2026");
    QTest::newRow("no space: at the limit, not inside a pair")
        << QStringLiteral("长江😀流域今年夏季降水偏少") << 4 << false << QStringLiteral("长江😀\u2026");
    QTest::newRow("sentence end") << QStringLiteral("First one. Second one is longer.") << 20 << true
                                  << QStringLiteral("First one.");
    QTest::newRow("not after a title") << QStringLiteral("Held by the late Sen. John McCain, it was.") << 30 << true
                                       << QStringLiteral("Held by the late Sen. John\u2026");
    QTest::newRow("no sentence end: word") << QStringLiteral("First one, second one is longer.") << 20 << true
                                           << QStringLiteral("First one, second\u2026");
}

void tst_Metadata::shortened()
{
    QFETCH(QString, text);
    QFETCH(int, max);
    QFETCH(bool, sentence);
    QFETCH(QString, expected);
    QCOMPARE(MetadataExtractor::shortened(
                 text, max, sentence ? MetadataExtractor::Cut::Sentence : MetadataExtractor::Cut::Word),
        expected);
}

void tst_Metadata::dates_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("iso");
    QTest::newRow("ISO, nanoseconds, +05:45")
        << QStringLiteral("2021-03-04T05:06:07.123456789+05:45") << QStringLiteral("2021-03-03T23:21:07Z");
    QTest::newRow("RFC 2822") << QStringLiteral("Thu, 04 Mar 2021 10:00:00 +0100")
                              << QStringLiteral("2021-03-04T09:00:00Z");
    QTest::newRow("full weekday and month")
        << QStringLiteral("Tuesday, 4 March 2021 10:00 GMT") << QStringLiteral("2021-03-04T10:00:00Z");
    QTest::newRow("month first, pm, EST")
        << QStringLiteral("March 4, 2021 at 10:30 pm EST") << QStringLiteral("2021-03-05T03:30:00Z");
    QTest::newRow("CJK") << QStringLiteral("2021年3月4日") << QStringLiteral("2021-03-04T00:00:00Z");
    QTest::newRow("Korean with time") << QStringLiteral("2021년 3월 4일 10:05")
                                      << QStringLiteral("2021-03-04T10:05:00Z");
    QTest::newRow("epoch seconds") << QStringLiteral("1614816000") << QStringLiteral("2021-03-04T00:00:00Z");
    QTest::newRow("epoch milliseconds") << QStringLiteral("1614816000000") << QStringLiteral("2021-03-04T00:00:00Z");
    QTest::newRow("before 1990") << QStringLiteral("1989-12-31") << QString();
    QTest::newRow("placeholder") << QStringLiteral("0000-00-00") << QString();
    QTest::newRow("far future") << QStringLiteral("9999-12-31T23:59:59Z") << QString();
    QTest::newRow("within a year of now") << QStringLiteral("2025-06-01") << QStringLiteral("2025-06-01T00:00:00Z");
    QTest::newRow("out of range month") << QStringLiteral("4 Smarch 2021") << QString();
    QTest::newRow("not a date") << QStringLiteral("yesterday") << QString();
}

// Dates as pages write them, parsed against a fixed time of extraction (2025-01-01).
void tst_Metadata::dates()
{
    QFETCH(QString, value);
    QFETCH(QString, iso);
    const QDateTime now(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());
    QCOMPARE(PublicationDate::toIsoUtc(value, now), iso);
}

void tst_Metadata::baseHrefMustBeAWebUrl_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("pageUrl");
    QTest::addColumn<QString>("link"); // what href="page.html" becomes
    const QString page = QStringLiteral("https://news.example/a/story.html");
    QTest::newRow("javascript: ignored") << QStringLiteral("javascript:alert(1)//") << page
                                         << QStringLiteral("https://news.example/a/page.html");
    QTest::newRow("data: ignored") << QStringLiteral("data:text/html,x") << page
                                   << QStringLiteral("https://news.example/a/page.html");
    QTest::newRow("relative, against the page") << QStringLiteral("../up/") << page
                                                << QStringLiteral("https://news.example/up/page.html");
    QTest::newRow("absolute http") << QStringLiteral("https://other.example/b/") << page
                                   << QStringLiteral("https://other.example/b/page.html");
    QTest::newRow("user info of the page URL dropped") << QString()
                                                       << QStringLiteral("https://user:secret@news.example/a/s.html")
                                                       << QStringLiteral("https://news.example/a/page.html");
    QTest::newRow("user info of the base dropped") << QStringLiteral("https://user:secret@other.example/b/") << page
                                                   << QStringLiteral("https://other.example/b/page.html");
}

// A <base> is used as browsers use it: resolved against the page URL, ignored unless http(s) or file; no
// credentials reach the links.
void tst_Metadata::baseHrefMustBeAWebUrl()
{
    QFETCH(QString, base);
    QFETCH(QString, pageUrl);
    QFETCH(QString, link);
    ExtractOptions o;
    o.fileName = QStringLiteral("page.html");
    o.url = QUrl(pageUrl);
    const QString head = base.isEmpty() ? QString() : u"<base href=\"" + base + u"\">";
    const QString html = articlePage(QStringLiteral("<p>See <a href=\"page.html\">the earlier story</a>, which runs "
                                                    "long enough, with commas, to count as prose here.</p>"),
        head + u"<link rel=\"canonical\" href=\"/c.html\">");
    const auto r = Extractor::extract(html.toUtf8(), o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY2(r->readerHtml.contains(u"href=\"" + link + u'"'), qPrintable(r->readerHtml));
    QVERIFY(!r->readerHtml.contains(QStringLiteral("secret")));
    QVERIFY(!r->metadata.canonicalUrl.contains(QStringLiteral("secret")));
}

QTEST_GUILESS_MAIN(tst_Metadata)
#include "tst_metadata.moc"

// Extractor end to end: the seed (HTML and text), fixtures per kind of input (main content, boilerplate, markup),
// and bad input. Decoding and metadata have their own suites (tst_decoding, tst_metadata).
#include "core/extraction/extractor.h"
#include "core/extraction/metadataextractor.h"
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

class tst_Extractor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedHtml();
    void seedText();
    void readerTextIsCanonical_data();
    void readerTextIsCanonical();
    void tableWithCaption();
    void lazyImagesResolved();
    void jsonLdOnlyBody();
    void jsonLdAndMarkupNotDuplicated();
    void nextDataBody();
    void nuxtStateBody_data();
    void nuxtStateBody();
    void nuxtStateAndMarkupNotDuplicated();
    void leadParagraphKept();
    void linkSubListKept();
    void brParagraphs();
    void looseTextRunsScored();
    void proseSplitAcrossSections();
    void tableBesideParagraphs();
    void headlineArticleChosen();
    void escapedJsonLdBody();
    void howToJsonLdBody();
    void softHyphensDropped();
    void hiddenElementsDropped();
    void mhtml();
    void blockFilters_data();
    void blockFilters();
    void highlightsBoxDropped();
    void tailAttributionsKept();
    void browserWarningOverlayDropped();
    void ampImagesKeptAmpFurnitureDropped();
    void noscriptImageReplacesPlaceholder();
    void blockDirectionAndLanguageKept();
    void authorBioBoxDropped_data();
    void authorBioBoxDropped();
    void badInput_data();
    void badInput();
};

void tst_Extractor::seedHtml()
{
    const Extraction e = extractFile(seedPath("independent-serbia-russia.html"));
    const QJsonObject expected = QJsonDocument::fromJson(readFile(seedPath("expected-metadata.json"))).object();
    qsizetype from = 0;
    for (const QString &p : expectedParagraphs()) {
        const qsizetype at = e.readerText.indexOf(p, from);
        QVERIFY2(at >= 0, qPrintable(u"missing or out of order: " + p));
        from = at + p.size();
    }
    for (const QJsonValue &v : expected.value(u"must_not_contain").toArray())
        QVERIFY2(!e.readerText.contains(v.toString()), qPrintable(v.toString()));
    QCOMPARE(e.metadata.title, expected.value(u"title").toString());
    QCOMPARE(e.metadata.byline, expected.value(u"byline").toString());
    QCOMPARE(e.metadata.siteName, expected.value(u"siteName").toString());
    QCOMPARE(e.metadata.published, expected.value(u"published").toString());
    QCOMPARE(e.metadata.excerpt, expected.value(u"excerpt").toString());
    // The page says lang="en-GB"; the expectation names the language ("en"): BCP 47 / RFC 4647 basic
    // filtering, where the range "en" matches the tag "en-GB". We keep the page's full tag.
    QCOMPARE(e.metadata.language.section(u'-', 0, 0).toLower(), expected.value(u"lang").toString());
    QCOMPARE(e.contentType, QStringLiteral("text/html"));
    QCOMPARE(e.charset, QStringLiteral("utf-8"));
    QCOMPARE(e.extractorVersion, Extractor::version());
    QVERIFY(!e.readerText.contains(e.metadata.title)); // the title is metadata, not body
}

void tst_Extractor::seedText()
{
    const Extraction e = extractFile(seedPath("independent-serbia-russia.txt"));
    QCOMPARE(e.readerText, QString::fromUtf8(readFile(seedPath("expected-body.txt"))).trimmed());
    const QJsonObject expected = QJsonDocument::fromJson(readFile(seedPath("expected-metadata.json"))).object();
    QCOMPARE(e.metadata.title, expected.value(u"title").toString());
    QCOMPARE(e.metadata.excerpt, expected.value(u"excerpt").toString());
    // The wire-copy header block ("Via AP news wire", "Tuesday 20 October 2020 12:32 EDT") gives byline and date.
    QCOMPARE(e.metadata.byline, expected.value(u"byline").toString());
    QCOMPARE(e.metadata.published, expected.value(u"published").toString());
    QCOMPARE(e.publishedRaw, QStringLiteral("Tuesday 20 October 2020 12:32 EDT"));
    QCOMPARE(e.contentType, QStringLiteral("text/plain"));
}

void tst_Extractor::readerTextIsCanonical_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("seed html") << seedPath("independent-serbia-russia.html");
    QTest::newRow("seed txt") << seedPath("independent-serbia-russia.txt");
    QTest::newRow("table") << fixture(QStringLiteral("table-caption.html"));
    QTest::newRow("lazy images") << fixture(QStringLiteral("lazy-image.html"));
    QTest::newRow("br paragraphs") << fixture(QStringLiteral("br-paragraphs.html"));
    QTest::newRow("shift_jis") << fixture(QStringLiteral("shiftjis-meta.html"));
}

void tst_Extractor::readerTextIsCanonical()
{
    QFETCH(QString, path);
    const QString t = extractFile(path).readerText;
    QVERIFY(!t.isEmpty());
    QCOMPARE(t, t.trimmed());
    QCOMPARE(t, t.normalized(QString::NormalizationForm_C));
    QVERIFY(!t.contains(QStringLiteral("\n\n\n")));
    QVERIFY(!t.contains(QStringLiteral("  ")));
    QVERIFY(!t.contains(u'\r'));
    QVERIFY(!t.contains(u'\t'));
    QVERIFY(!t.contains(QChar(0x00A0)));
    for (const QString &block : t.split(QStringLiteral("\n\n"))) {
        QVERIFY(!block.isEmpty());
        QCOMPARE(block, block.trimmed());
    }
}

void tst_Extractor::tableWithCaption()
{
    const Extraction e = extractFile(
        fixture(QStringLiteral("table-caption.html")), QStringLiteral("https://news.example.com/weather/rain.html"));
    QVERIFY(e.readerHtml.contains(QStringLiteral("<table>")));
    QVERIFY(e.readerHtml.contains(QStringLiteral("<caption data-start=")));
    QVERIFY(e.readerHtml.contains(QStringLiteral("<img src=\"https://news.example.com/img/rain-icon.png\"")));
    QVERIFY(e.readerText.contains(QStringLiteral("Monthly rainfall\n\nMonth\n\nRain (mm)\n\nJanuary\n\n81")));
    QVERIFY(e.readerText.contains(QStringLiteral("The closing paragraph")));
    QVERIFY(!e.readerText.startsWith(QStringLiteral("Rainfall table"))); // the h1 repeats the title
}

void tst_Extractor::lazyImagesResolved()
{
    const Extraction e
        = extractFile(fixture(QStringLiteral("lazy-image.html")), QStringLiteral("https://news.example.com/a/b.html"));
    // <base href> wins over the page URL.
    QVERIFY(e.readerHtml.contains(QStringLiteral("src=\"https://cdn.example.org/news/photos/lake.jpg\"")));
    QVERIFY(e.readerHtml.contains(QStringLiteral("src=\"https://img.example.org/wide.webp\"")));
    QVERIFY(e.readerHtml.contains(QStringLiteral("src=\"https://cdn.example.org/news/large.jpg\"")));
    QVERIFY(!e.readerHtml.contains(QStringLiteral("data:image/gif")));
    QVERIFY(e.readerHtml.contains(QStringLiteral("<a href=\"https://cdn.example.org/about.html\">")));
    QVERIFY(!e.readerHtml.contains(QStringLiteral("javascript")));
    QVERIFY(e.readerText.contains(QStringLiteral("See the about page and this trap.")));
    QVERIFY(e.readerHtml.contains(QStringLiteral("<figcaption data-start=")));
    QVERIFY(e.readerText.contains(QStringLiteral("The lake at dawn. Photo: A. Person")));
}

void tst_Extractor::jsonLdOnlyBody()
{
    const Extraction e = extractFile(fixture(QStringLiteral("jsonld-only.html")));
    QVERIFY(e.readerText.startsWith(QStringLiteral("First paragraph of a body that only exists")));
    QCOMPARE(e.readerText.count(QStringLiteral("Third paragraph closes")), 1);
    QCOMPARE(e.readerText.split(QStringLiteral("\n\n")).size(), 3);
    QCOMPARE(e.metadata.title, QStringLiteral("The body lives in JSON"));
    QCOMPARE(e.metadata.byline, QStringLiteral("Jane Writer"));
    QCOMPARE(e.metadata.published, QStringLiteral("2021-03-04T04:06:07Z"));
}

void tst_Extractor::jsonLdAndMarkupNotDuplicated()
{
    const QString para
        = QStringLiteral("The harbour bridge reopened to traffic on Friday after eight months of repairs, "
                         "the port authority said, and engineers replaced the worn bearings.");
    const QString html = u"<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                         u"\"headline\":\"Bridge\",\"articleBody\":\""
        + para + u" " + para + u"\"}</script></head><body><article><p>" + para + u"</p><p>" + para
        + u"</p></article></body></html>";
    ExtractOptions o;
    o.fileName = QStringLiteral("bridge.html");
    const auto r = Extractor::extract(html.toUtf8(), o);
    QVERIFY(r);
    QCOMPARE(r->readerText.count(QStringLiteral("The harbour bridge reopened")), 2); // the markup's two paragraphs
    QCOMPARE(r->readerText.split(QStringLiteral("\n\n")).size(), 2);
}

void tst_Extractor::nextDataBody()
{
    const QString body = QStringLiteral(
        "<p>A paragraph that only exists in the Next.js page state, long enough to be "
        "the article body of this page.</p><p>A second paragraph of state-only text, "
        "with some more words to make it clearly the article.</p><p>And a third one, "
        "so that the state holds far more text than the empty markup does, and it goes on for a while with "
        "commas, clauses and a few more words, because a body must be longer than "
        "five hundred characters before the extractor trusts page state.</p>");
    QString json = body;
    json.replace(u'"', QStringLiteral("\\\""));
    const QString html = u"<html><body><div id=\"__next\"><p>Loading</p></div><script id=\"__NEXT_DATA__\" "
                         u"type=\"application/json\">{\"props\":{\"pageProps\":{\"story\":{\"title\":\"T\","
                         u"\"body\":\""
        + json + u"\"}}},\"buildId\":\"x\"}</script></body></html>";
    ExtractOptions o;
    o.fileName = QStringLiteral("next.html");
    const auto r = Extractor::extract(html.toUtf8(), o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY2(r->readerText.startsWith(QStringLiteral("A paragraph that only exists in the Next.js page state")),
        qPrintable(r->readerText.left(200)));
    QCOMPARE(r->readerText.split(QStringLiteral("\n\n")).size(), 3);
}

void tst_Extractor::nuxtStateBody_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("first");
    QTest::newRow("Nuxt 3 __NUXT_DATA__") << QStringLiteral("nuxt-data.html")
                                          << QStringLiteral("The first paragraph of a story that exists only in the "
                                                            "Nuxt payload");
    QTest::newRow("Nuxt 2 window.__NUXT__") << QStringLiteral("nuxt-window.html")
                                            << QStringLiteral("The first paragraph of a story that exists only in the "
                                                              "window.__NUXT__ state");
}

void tst_Extractor::nuxtStateBody()
{
    // Thin markup ("Loading..."), the article in Nuxt's state: the state's HTML becomes the body, escapes decoded.
    QFETCH(QString, file);
    QFETCH(QString, first);
    const Extraction e = extractFile(fixture(file));
    QVERIFY2(e.readerText.startsWith(first), qPrintable(e.readerText.left(200)));
    const QStringList blocks = e.readerText.split(QStringLiteral("\n\n"));
    QCOMPARE(blocks.size(), 3);
    QVERIFY(blocks.at(2).startsWith(QStringLiteral("And a third one")));
    QVERIFY(!e.readerText.contains(u'<'));
    QVERIFY(!e.readerText.contains(QStringLiteral("Loading")));
    QVERIFY(!e.readerText.contains(QStringLiteral("Please wait")));
}

void tst_Extractor::nuxtStateAndMarkupNotDuplicated()
{
    // The server rendered the article and left the same text in the state: it comes once, from the markup.
    const Extraction e = extractFile(fixture(QStringLiteral("nuxt-duplicate.html")));
    QCOMPARE(e.readerText.count(QStringLiteral("A fifth and last paragraph closes it")), 1);
    QCOMPARE(e.readerText.count(QStringLiteral("The first paragraph of a story")), 1);
    QCOMPARE(e.readerText.split(QStringLiteral("\n\n")).size(), 5);
}

void tst_Extractor::leadParagraphKept()
{
    // A standfirst of lead-paragraph length goes in front of the body without keepStandfirst (a one-line dek does
    // not: standfirstOnRequest), and only once.
    const QString lead = QStringLiteral(
        "The lead of the fixture story tells the whole of it in two sentences that the page also uses as its "
        "description. It runs well past a one-line dek, as a news agency's lead paragraph does.");
    const QString head = u"<meta name=\"description\" content=\"" + lead + u"\">";
    const QString header = u"<header class=\"story-header\"><p class=\"lead\">" + lead + u"</p></header>";
    const Extraction e = extractHtml(articlePage({}, head, header));
    QVERIFY2(e.readerText.startsWith(lead + u"\n\nParagraph 1"), qPrintable(e.readerText));
    QCOMPARE(e.readerText.count(lead), 1);
}

void tst_Extractor::linkSubListKept()
{
    // Links listed under an item of the article's own list are content; a list of teaser links is not.
    const QString inner = QStringLiteral(
        "<ul><li>Work that landed this week, with a sentence that explains it properly.</li>"
        "<li>In progress:<ul><li><a href=\"https://bugs.example.org/1\">Bug 1 – Fullscreen window flickers</a></li>"
        "<li><a href=\"https://bugs.example.org/2\">Bug 2 – Add telemetry for the new mode</a></li>"
        "<li><a href=\"https://bugs.example.org/3\">Bug 3 – Prevent duplicate windows</a></li></ul></li></ul>"
        "<p>Paragraph 3b of the fixture story runs long enough to read as prose, with commas, clauses, and a stop.</p>"
        "<ul><li><a href=\"/news/a.html\">Another story from the same site</a></li>"
        "<li><a href=\"/news/b.html\">A second teaser headline</a></li>"
        "<li><a href=\"/news/c.html\">A third teaser headline</a></li></ul>");
    const Extraction e = extractHtml(articlePage(inner));
    QVERIFY2(e.readerText.contains(QStringLiteral("Bug 1 – Fullscreen window flickers")), qPrintable(e.readerText));
    QVERIFY(e.readerText.contains(QStringLiteral("Bug 3 – Prevent duplicate windows")));
    QVERIFY2(!e.readerText.contains(QStringLiteral("A second teaser headline")), qPrintable(e.readerText));
}

void tst_Extractor::brParagraphs()
{
    const Extraction e = extractFile(fixture(QStringLiteral("br-paragraphs.html")));
    const QStringList blocks = e.readerText.split(QStringLiteral("\n\n"));
    QCOMPARE(blocks.size(), 3);
    QVERIFY(blocks.at(0).startsWith(QStringLiteral("First paragraph line one continues on line two")));
    QVERIFY(blocks.at(1).startsWith(QStringLiteral("Second paragraph")));
    QVERIFY(blocks.at(2).startsWith(QStringLiteral("Third paragraph")));
}

void tst_Extractor::looseTextRunsScored()
{
    // Text set straight into a <div> with <br> between its paragraphs outweighs a box of one comma-heavy paragraph:
    // each run between line breaks scores as a paragraph of its own.
    const Extraction e = extractFile(fixture(QStringLiteral("loose-runs.html")));
    QVERIFY2(e.readerText.contains(QStringLiteral("The upper valley lies on the north bank")), qPrintable(e.readerText));
    QVERIFY(e.readerText.contains(QStringLiteral("minimum ageing times in barrel")));
}

void tst_Extractor::proseSplitAcrossSections()
{
    // An intro box wins on commas, but the sections beside it hold most of the page's prose: the block that
    // holds both is the article.
    const Extraction e = extractFile(fixture(QStringLiteral("prose-split.html")));
    QVERIFY2(e.readerText.startsWith(QStringLiteral("In short: the valley road")), qPrintable(e.readerText));
    QVERIFY(e.readerText.contains(QStringLiteral("Work on the road began in the spring")));
    QVERIFY(e.readerText.endsWith(QStringLiteral("thirty kilometres an hour for everyone.")));
    QVERIFY(!e.readerText.contains(QStringLiteral("Home")));
}

void tst_Extractor::tableBesideParagraphs()
{
    // A table cell of comma-separated names outscores the letter beside it: the letter and the table both stay.
    const Extraction e = extractFile(fixture(QStringLiteral("table-names.html")));
    QVERIFY2(e.readerText.startsWith(QStringLiteral("The undersigned write because")), qPrintable(e.readerText));
    QVERIFY(e.readerText.contains(QStringLiteral("The way to defeat bad ideas")));
    QVERIFY(e.readerText.contains(QStringLiteral("Ada Aldous, Ben Brook")));
}

void tst_Extractor::headlineArticleChosen()
{
    // Two posts on one page (infinite scroll): the one under the page's headline is the article, though the other
    // scores higher on commas.
    const Extraction e = extractFile(fixture(QStringLiteral("title-article.html")));
    QVERIFY2(e.readerText.startsWith(QStringLiteral("The friars of the old monastery")), qPrintable(e.readerText));
    QVERIFY(e.readerText.contains(QStringLiteral("the choir of the parish will sing")));
    QVERIFY2(!e.readerText.contains(QStringLiteral("budget")), qPrintable(e.readerText));
}

void tst_Extractor::escapedJsonLdBody()
{
    // A JSON-LD articleBody whose HTML arrives entity-escaped ("&lt;p&gt;") is decoded, not shown as markup.
    const Extraction e = extractFile(fixture(QStringLiteral("jsonld-escaped.html")));
    QVERIFY2(!e.readerText.contains(u'<') && !e.readerText.contains(u'&'), qPrintable(e.readerText));
    QVERIFY(e.readerText.startsWith(QString::fromUtf8("Em busca de uma solução para a crise")));
    QCOMPARE(e.readerText.split(QStringLiteral("\n\n")).size(), 2);
}

void tst_Extractor::howToJsonLdBody()
{
    // A page that renders its instructions with script ships them in a schema.org HowTo: description, then the
    // steps with their names.
    const Extraction e = extractFile(fixture(QStringLiteral("jsonld-howto.html")));
    const QStringList blocks = e.readerText.split(QStringLiteral("\n\n"));
    QCOMPARE(blocks.size(), 5);
    QVERIFY(blocks.at(0).startsWith(QStringLiteral("A round table gets a soft look")));
    QCOMPARE(blocks.at(1), QStringLiteral("Step 1: Measure the table"));
    QVERIFY(blocks.at(2).startsWith(QStringLiteral("Measure the diameter")));
    QCOMPARE(blocks.at(3), QStringLiteral("Step 2: Cut the fabric"));
}

void tst_Extractor::softHyphensDropped()
{
    // U+00AD marks where a word may break; it is no part of the word (search and quotes must find "Mittelalter").
    const QString inner = QString::fromUtf8("<p>Schon im Mit\u00adtel\u00adal\u00adter war der Wein "
                                            "das Aus\u00adh\u00e4n\u00adge\u00adschild der Region.</p>");
    const Extraction e = extractHtml(articlePage(inner));
    QVERIFY2(e.readerText.contains(QString::fromUtf8("Schon im Mittelalter war der Wein das Aush\u00e4ngeschild")),
        qPrintable(e.readerText));
    QVERIFY(!e.readerText.contains(QChar(0x00AD)));
    QVERIFY(!e.readerHtml.contains(QChar(0x00AD)));
}

void tst_Extractor::hiddenElementsDropped()
{
    const Extraction e = extractFile(fixture(QStringLiteral("hidden.html")));
    QVERIFY(!e.readerText.contains(QStringLiteral("HIDDEN")));
    QVERIFY(!e.readerText.contains(QStringLiteral("Advertisement")));
    QCOMPARE(e.readerText.split(QStringLiteral("\n\n")).size(), 3);
}

void tst_Extractor::mhtml()
{
    const Extraction e = extractFile(fixture(QStringLiteral("page.mhtml")));
    QCOMPARE(e.contentType, QStringLiteral("multipart/related"));
    QVERIFY(e.readerText.contains(QString::fromUtf8("with an equals sign and a café, encoded")));
    QCOMPARE(e.metadata.title, QStringLiteral("MHTML page"));
}

void tst_Extractor::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("a.html") << QStringLiteral("empty");
    QTest::newRow("png") << readFile(fixture(QStringLiteral("binary.png"))) << QStringLiteral("binary.png")
                         << QStringLiteral("PNG");
    QTest::newRow("png named html") << readFile(fixture(QStringLiteral("binary.png"))) << QStringLiteral("x.html")
                                    << QStringLiteral("PNG");
    QTest::newRow("nul bytes") << readFile(fixture(QStringLiteral("nul-bytes.html")))
                               << QStringLiteral("nul-bytes.html") << QStringLiteral("binary");
    QTest::newRow("pdf") << QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj") << QStringLiteral("a.txt")
                         << QStringLiteral("PDF");
    QTest::newRow("html without text") << readFile(fixture(QStringLiteral("empty-body.html")))
                                       << QStringLiteral("empty-body.html") << QStringLiteral("No readable text");
    QTest::newRow("white space only") << QByteArrayLiteral(" \n\n\t \n") << QStringLiteral("a.txt")
                                      << QStringLiteral("No readable text");
    QTest::newRow("mhtml without html") << QByteArrayLiteral("MIME-Version: 1.0\r\nContent-Type: multipart/related; "
                                                             "boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n"
                                                             "\r\nxx\r\n--b--\r\n")
                                        << QStringLiteral("a.mhtml") << QStringLiteral("no text/html part");
    const QByteArray base64Part
        = QByteArrayLiteral("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\""
                            "\r\n\r\n--b\r\nContent-Type: text/html\r\n"
                            "Content-Transfer-Encoding: base64\r\n\r\n%1\r\n--b--\r\n");
    const QByteArray html
        = QByteArrayLiteral("<html><body><p>An archived page with enough words in it.</p></body></html>");
    QByteArray corrupt = html.toBase64();
    corrupt[10] = '!';
    QTest::newRow("mhtml base64 with a foreign character")
        << QByteArray(base64Part).replace("%1", corrupt) << QStringLiteral("a.mhtml")
        << QStringLiteral("The MHTML's text/html part is not valid base64: '!' is not a base64 character");
    QTest::newRow("mhtml base64 with data after the padding")
        << QByteArray(base64Part).replace("%1", QByteArrayLiteral("PHA+aGk8L3A+==PHA+")) << QStringLiteral("a.mhtml")
        << QStringLiteral("not valid base64");
    QTest::newRow("mhtml base64 of a PNG")
        << QByteArray(base64Part).replace("%1", readFile(fixture(QStringLiteral("binary.png"))).toBase64())
        << QStringLiteral("a.mhtml") << QStringLiteral("The MHTML's text/html part is a PNG image");
    QTest::newRow("mhtml base64 of binary data")
        << QByteArray(base64Part).replace("%1", QByteArray(300, '\x01').toBase64()) << QStringLiteral("a.mhtml")
        << QStringLiteral("The MHTML's text/html part is binary data");
}

void tst_Extractor::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    QFETCH(QString, messagePart);
    ExtractOptions o;
    o.fileName = fileName;
    const auto r = Extractor::extract(bytes, o);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(r.error().message));
    QCOMPARE(r.error().code, int(Error::User));
}

void tst_Extractor::blockFilters_data()
{
    QTest::addColumn<QString>("inner");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("kept");
    QTest::newRow("underscore rule kept") << QStringLiteral("<p>___</p>") << QStringLiteral("\n\n___\n\n") << true;
    QTest::newRow("tailwind !hidden dropped")
        << QStringLiteral("<p class=\"!hidden md:block\">HIDDEN-TW text that is not shown to this reader.</p>")
        << QStringLiteral("HIDDEN-TW") << false;
    QTest::newRow("copyright line dropped")
        << QStringLiteral("<p>Copyright @ 2019 The Fixture Times.</p>") << QStringLiteral("Fixture Times") << false;
    QTest::newRow("feedback prompt dropped")
        << QStringLiteral("<p>Tell us what YOU think in the comments</p>") << QStringLiteral("YOU think") << false;
    QTest::newRow("related post teaser dropped")
        << QStringLiteral("<p>Related post: <a href=\"/other\">Pickled sprouts</a></p>") << QStringLiteral("Pickled")
        << false;
    QTest::newRow("app prompt dropped") << QStringLiteral(
        "<p>For the latest stories and breaking news updates download the Fixture News apps for iOS and Android.</p>")
                                        << QStringLiteral("Fixture News apps") << false;
    QTest::newRow("feedback request dropped")
        << QStringLiteral("<p>We want to hear what you think about this article.</p>") << QStringLiteral("hear what")
        << false;
    QTest::newRow("blog footer dropped") << QStringLiteral("<p>This entry was posted in Fixtures on May 6, 2014.</p>")
                                         << QStringLiteral("This entry") << false;
    QTest::newRow("PHP warning dropped") << QStringLiteral(
        "<p>Warning: Creating default object from empty value in /var/www/fixture.php on line 42</p>")
                                         << QStringLiteral("Creating default object") << false;
    QTest::newRow("exclaimed label dropped")
        << QStringLiteral("<h3>Das könnte Sie auch interessieren!</h3>") << QStringLiteral("interessieren") << false;
    QTest::newRow("photo credit dropped") << QStringLiteral("<p>Foto: Jane Doe/Fixture Agency</p>")
                                          << QStringLiteral("Jane Doe") << false;
    QTest::newRow("credit in parentheses dropped")
        << QStringLiteral("<p>The new mayor at the town hall (Credit: Fixture Images)</p>")
        << QStringLiteral("new mayor") << false;
    QTest::newRow("caption sentence kept")
        << QStringLiteral("<p>Photos: the flood rose overnight. It reached the square by noon.</p>")
        << QStringLiteral("the flood rose overnight") << true;
    QTest::newRow("long reprint notice dropped") << QStringLiteral(
        "<p>This article is the copyrighted property of The Fixture Times. Written permission must be obtained "
        "before reprint in online or print media. Reprinting without permission is a breach of copyright and the "
        "paper will take action against any site or publication that does so, as it has done in the past.</p>")
                                                 << QStringLiteral("copyrighted property") << false;
    QTest::newRow("syndication note kept") << QStringLiteral(
        "<p>This article was originally published by Example Magazine. Read the original article.</p>")
                                           << QStringLiteral("originally published by Example Magazine") << true;
}

void tst_Extractor::blockFilters()
{
    QFETCH(QString, inner);
    QFETCH(QString, text);
    QFETCH(bool, kept);
    const Extraction e = extractHtml(articlePage(inner));
    QVERIFY2(e.readerText.contains(QStringLiteral("Paragraph 6 of the fixture story")), qPrintable(e.readerText));
    QCOMPARE(e.readerText.contains(text), kept);
}

void tst_Extractor::highlightsBoxDropped()
{
    // A "Highlights" box above the body repeats a sentence of the body: the body's copy is the one kept.
    const QString quote = QStringLiteral("The committee may still appeal against the ruling.");
    const QString html = u"<!DOCTYPE html><html><head><title>Ruling</title></head><body><article><h1>Ruling</h1>"
                         u"<div class=\"box\"><p>Highlights</p><p>"
        + quote
        + u"</p></div><p>The court ruled on Monday after a long hearing, with a crowd outside, and a verdict that "
          u"surprised the lawyers on both sides.</p><p>"
        + quote
        + u"</p><p>The judge said the case had been difficult, and that the evidence, in the end, did not support "
          u"the charge that had been brought.</p></article></body></html>";
    const Extraction e = extractHtml(html);
    QVERIFY2(e.readerText.startsWith(QStringLiteral("The court ruled")), qPrintable(e.readerText));
    QCOMPARE(e.readerText.count(quote), 1);
    QVERIFY(e.readerText.contains(u"hearing, with a crowd outside, and a verdict that surprised the lawyers on both "
                                  u"sides.\n\n"
        + quote));
}

void tst_Extractor::tailAttributionsKept()
{
    // An embedded post's signature ("Name (@handle) date") is not a dateline, and "[Source]" after a quoted
    // passage names where it came from: neither is trailing furniture.
    const QString html = articlePage({}).replace(QStringLiteral("</article>"),
        QStringLiteral("<p>— Fixture Desk (@fixturedesk) October 9, 2018</p><p>[Wired]</p></article>"));
    const Extraction e = extractHtml(html);
    QVERIFY2(e.readerText.endsWith(QStringLiteral("\n\n— Fixture Desk (@fixturedesk) October 9, 2018\n\n[Wired]")),
        qPrintable(e.readerText.right(200)));
}

void tst_Extractor::browserWarningOverlayDropped()
{
    const QString overlay = QStringLiteral(
        "<div id=\"IE-overlay\"><h1>Dear readers,</h1><p>thank you for visiting our website. Unfortunately you are "
        "using Internet Explorer, an outdated browser that no longer supports our technology, so please update to a "
        "modern browser, for example Firefox, Chrome or Edge, to see every page as it is meant to be seen.</p></div>");
    const Extraction e = extractHtml(articlePage({}, {}, overlay));
    QVERIFY2(!e.readerText.contains(QStringLiteral("Internet Explorer")), qPrintable(e.readerText));
    QVERIFY(e.readerText.startsWith(QStringLiteral("Paragraph 1 of the fixture story")));
}

// An English paragraph in an Arabic article keeps its lang and dir in the reader HTML (else it renders right to
// left); blocks that say what the article says repeat nothing, and a dir on an inline element stays inside.
void tst_Extractor::blockDirectionAndLanguageKept()
{
    QString html = articlePage(QStringLiteral("<p dir=\"ltr\" lang=\"en\">An English paragraph inside an Arabic "
                                              "page, with enough words to be kept by the extractor.</p>"
                                              "<div dir=\"rtl\"><p>نص عربي طويل بما يكفي ليبقى في المقال، مع <span "
                                              "dir=\"ltr\">iPhone 15</span> في وسطه.</p></div>"));
    html.replace(QStringLiteral("<html lang=\"en\">"), QStringLiteral("<html lang=\"ar\" dir=\"rtl\">"));
    const Extraction e = extractHtml(html);
    QVERIFY2(e.readerHtml.contains(QStringLiteral("lang=\"en\" dir=\"ltr\">An English paragraph")),
        qPrintable(e.readerHtml));
    QVERIFY2(e.readerHtml.contains(QStringLiteral("\">نص عربي")), qPrintable(e.readerHtml)); // no dir="rtl" again
    QVERIFY(!e.readerHtml.contains(QStringLiteral("<span")));
}

// A lazy-loading placeholder with no lazy source beside a <noscript> image: the noscript image is the picture.
void tst_Extractor::noscriptImageReplacesPlaceholder()
{
    const Extraction e = extractHtml(articlePage(QStringLiteral(
        "<figure><img src=\"/img/placeholder.gif\" class=\"lazy\"><noscript><img src=\"/img/real.jpg\" "
        "alt=\"Real\"></noscript><figcaption>Caption</figcaption></figure>")));
    QVERIFY2(e.readerHtml.contains(QStringLiteral("<img src=\"https://example.org/img/real.jpg\" alt=\"Real\">")),
        qPrintable(e.readerHtml));
    QVERIFY(!e.readerHtml.contains(QStringLiteral("placeholder.gif")));
}

// AMP pages name their images amp-img and wrap ads in amp-ad, whose fallback text is no content.
void tst_Extractor::ampImagesKeptAmpFurnitureDropped()
{
    const Extraction e = extractHtml(articlePage(QStringLiteral(
        "<amp-img src=\"/img/lead.jpg\" width=\"800\" height=\"600\" alt=\"Lead photo\"></amp-img>"
        "<amp-ad width=\"300\" height=\"250\" type=\"doubleclick\"><div fallback>Ad text advertisement</div></amp-ad>"
        "<amp-sidebar layout=\"nodisplay\"><ul><li>Home</li><li>World</li></ul></amp-sidebar>")));
    QVERIFY2(e.readerHtml.contains(QStringLiteral("<img src=\"https://example.org/img/lead.jpg\" alt=\"Lead photo\">")),
        qPrintable(e.readerHtml));
    QVERIFY(!e.readerText.contains(QStringLiteral("Ad text")));
    QVERIFY(!e.readerText.contains(QStringLiteral("World")));
    QVERIFY(e.readerText.contains(QStringLiteral("Paragraph 6 of the fixture story")));
}

void tst_Extractor::authorBioBoxDropped_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<bool>("dropped");
    QTest::newRow("About the author") << QStringLiteral("<h3>About the author</h3>") << true;
    QTest::newRow("Autor:innen, wrapped") << QStringLiteral("<h2><span>Autor:innen</span></h2>") << true;
    QTest::newRow("À propos de l'auteur:") << QStringLiteral("<h4>À propos de l'auteur :</h4>") << true;
    QTest::newRow("a section heading that names authors") << QStringLiteral("<h3>Authors of the new law</h3>")
                                                          << false;
}

// A bio box whose class says nothing ("columns", "content") is known by its heading; the issue lists author bio
// boxes as boilerplate.
void tst_Extractor::authorBioBoxDropped()
{
    QFETCH(QString, heading);
    QFETCH(bool, dropped);
    const QString bio = QStringLiteral("<p>Born in 1983, she has written for the desk since 2015, mostly on "
                                       "transport, housing, and the budgets of small towns.</p>");
    const Extraction e = extractHtml(articlePage(u"<div class=\"columns\">" + heading + bio + u"</div>"));
    QCOMPARE(e.readerText.contains(QStringLiteral("Born in 1983")), !dropped);
    QVERIFY(e.readerText.contains(QStringLiteral("Paragraph 6 of the fixture story")));
}

QTEST_GUILESS_MAIN(tst_Extractor)
#include "tst_extractor.moc"

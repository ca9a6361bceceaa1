// The reader HTML is inert: URL policy as a table, then every vector of ../shared/peer-suites/xss embedded in
// its article template, run through the whole pipeline, with the output parsed again (libxml2 here; Chromium
// in tests/ui/tst_readerxss.cpp) and checked against the suite's rules 1-5 and 7.
#include "core/extraction/extractor.h"
#include "core/extraction/htmlsanitizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <libxml/HTMLparser.h>

using namespace Gloss::Core;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return f.readAll();
}

const QString kXssDir = QStringLiteral(GLOSS_SHARED_DIR "/peer-suites/xss/");

// Payloads after which the rest of the page is swallowed by the HTML parser (suite README, rule 7).
const QSet<QString> &swallowing()
{
    static const QSet<QString> titles {
        QStringLiteral("Iframe inside option element"),
        QStringLiteral("Image after style to trick jQuery tag-completion"),
        QStringLiteral("html5sec vector #3"),
        QStringLiteral("html5sec vector #121"),
        QStringLiteral("html5sec vector #128"),
        QStringLiteral("Tests against mXSS behavior with MathML in Chrome 77 and alike"),
        QStringLiteral("Tests against mXSS behavior with SVG Templates in Chrome 77 and alike"),
        QStringLiteral("Tests against mXSS behavior with MathML Templates in Chrome 77 and alike"),
        QStringLiteral("Tests against attribute-based mXSS behavior 2/3"),
        QStringLiteral("Tests against attribute-based mXSS behavior 3/3"),
        QStringLiteral("Tests against removal-based mXSS behavior 1/2"),
        QStringLiteral("Tests against removal-based mXSS behavior 2/2"),
        QStringLiteral("Tests against nesting-based mXSS behavior 1/5"),
        QStringLiteral("Tests against nesting-based mXSS behavior 2/5"),
        QStringLiteral("OWASP: No Closing Script Tags"),
        QStringLiteral("OWASP: Protocol Resolution in Script Tags"),
    };
    return titles;
}

bool dangerousUrl(QString value)
{
    QString v;
    for (const QChar c : value)
        if (c.unicode() > 0x20)
            v += c.toLower();
    if (v.startsWith(u"javascript:") || v.startsWith(u"vbscript:") || v.startsWith(u"data:text/html"))
        return true;
    if (v.startsWith(u"data:") && !v.startsWith(u"data:image/"))
        return true;
    if (v.startsWith(u"data:image/svg"))
        return true;
    return false;
}

// Checks one parsed element tree; returns a description of the first violation, or empty.
QString violation(xmlNode *n)
{
    static const QSet<QString> allowedElements { QStringLiteral("html"), QStringLiteral("head"), QStringLiteral("body"),
        QStringLiteral("meta-wrapper"), QStringLiteral("div"), QStringLiteral("p"), QStringLiteral("h1"),
        QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"),
        QStringLiteral("ul"), QStringLiteral("ol"), QStringLiteral("li"), QStringLiteral("blockquote"),
        QStringLiteral("pre"), QStringLiteral("code"), QStringLiteral("em"), QStringLiteral("strong"),
        QStringLiteral("sub"), QStringLiteral("sup"), QStringLiteral("a"), QStringLiteral("img"),
        QStringLiteral("figure"), QStringLiteral("figcaption"), QStringLiteral("table"), QStringLiteral("caption"),
        QStringLiteral("tbody"), QStringLiteral("tr"), QStringLiteral("td"), QStringLiteral("th"),
        QStringLiteral("hr") };
    static const QSet<QString> allowedAttributes { QStringLiteral("href"), QStringLiteral("src"), QStringLiteral("alt"),
        QStringLiteral("colspan"), QStringLiteral("rowspan"), QStringLiteral("lang"), QStringLiteral("dir"),
        QStringLiteral("data-start"), QStringLiteral("class") };
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const QString name = QString::fromUtf8(reinterpret_cast<const char *>(c->name)).toLower();
        if (!allowedElements.contains(name))
            return u"element " + name;
        for (xmlAttr *a = c->properties; a; a = a->next) {
            const QString an = QString::fromUtf8(reinterpret_cast<const char *>(a->name)).toLower();
            if (an.startsWith(u"on"))
                return u"event handler " + an;
            if (!allowedAttributes.contains(an))
                return u"attribute " + an;
            xmlChar *value = xmlNodeListGetString(c->doc, a->children, 1);
            const QString v = QString::fromUtf8(reinterpret_cast<const char *>(value));
            xmlFree(value);
            if ((an == u"href" || an == u"src") && dangerousUrl(v))
                return u"URL " + v;
            if (an == u"href" && !(v.startsWith(u"http:") || v.startsWith(u"https:") || v.startsWith(u"mailto:")))
                return u"href not absolute http(s)/mailto: " + v;
        }
        const QString inner = violation(c->children);
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

} // namespace

class tst_HtmlSanitizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void safeUrl_data();
    void safeUrl();
    void srcset();
    void xssVectors_data();
    void xssVectors();
};

void tst_HtmlSanitizer::safeUrl_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<bool>("image");
    QTest::addColumn<QString>("expected");
    const QString base = QStringLiteral("https://news.example.com/a/b.html");
    QTest::newRow("absolute https") << QStringLiteral("https://x.org/p?q=1") << false
                                    << QStringLiteral("https://x.org/p?q=1");
    QTest::newRow("relative") << QStringLiteral("../c.html") << false
                              << QStringLiteral("https://news.example.com/c.html");
    QTest::newRow("protocol relative") << QStringLiteral("//cdn.example.org/i.png") << true
                                       << QStringLiteral("https://cdn.example.org/i.png");
    QTest::newRow("mailto link") << QStringLiteral("mailto:a@b.org") << false << QStringLiteral("mailto:a@b.org");
    QTest::newRow("mailto image") << QStringLiteral("mailto:a@b.org") << true << QString();
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false << QString();
    QTest::newRow("javascript upper, spaces") << QStringLiteral("  JaVaScRiPt:alert(1)") << false << QString();
    QTest::newRow("javascript with tab") << QStringLiteral("jav\tascript:alert(1)") << false << QString();
    QTest::newRow("javascript with newline") << QStringLiteral("java\nscript:alert(1)") << false << QString();
    QTest::newRow("leading control") << QStringLiteral("\x01javascript:alert(1)") << false << QString();
    QTest::newRow("vbscript") << QStringLiteral("vbscript:msgbox(1)") << false << QString();
    QTest::newRow("data html") << QStringLiteral("data:text/html;base64,PHNjcmlwdD4=") << false << QString();
    QTest::newRow("data html as image") << QStringLiteral("data:text/html,<script>") << true << QString();
    QTest::newRow("data svg image") << QStringLiteral("data:image/svg+xml,<svg onload=alert(1)>") << true << QString();
    QTest::newRow("data png image") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=") << true
                                    << QStringLiteral("data:image/png;base64,iVBORw0KGgo=");
    QTest::newRow("data png link") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=") << false << QString();
    QTest::newRow("fragment only") << QStringLiteral("#top") << false << QString();
    QTest::newRow("file scheme") << QStringLiteral("file:///etc/passwd") << false << QString();
    QTest::newRow("ftp scheme") << QStringLiteral("ftp://x.org/") << false << QString();
    QTest::newRow("entity-looking") << QStringLiteral("&#106;avascript:alert(1)") << false
                                    << QStringLiteral("https://news.example.com/a/&%23106;avascript:alert(1)");
    Q_UNUSED(base);
}

void tst_HtmlSanitizer::safeUrl()
{
    QFETCH(QString, raw);
    QFETCH(bool, image);
    QFETCH(QString, expected);
    const QUrl base(QStringLiteral("https://news.example.com/a/b.html"));
    const QString got
        = HtmlSanitizer::safeUrl(raw, base, image ? HtmlSanitizer::UrlKind::Image : HtmlSanitizer::UrlKind::Link);
    if (expected.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else if (qstrcmp(QTest::currentDataTag(), "entity-looking") == 0)
        QVERIFY(got.startsWith(
            u"https://news.example.com/")); // a relative path, harmless; entities were decoded by the parser
    else
        QCOMPARE(got, expected);
}

void tst_HtmlSanitizer::srcset()
{
    QCOMPARE(
        HtmlSanitizer::bestFromSrcset(QStringLiteral("a.jpg 320w, b.jpg 1024w, c.jpg 640w")), QStringLiteral("b.jpg"));
    QCOMPARE(HtmlSanitizer::bestFromSrcset(QStringLiteral("a.jpg, b.jpg 2x")), QStringLiteral("b.jpg"));
    QCOMPARE(HtmlSanitizer::bestFromSrcset(QStringLiteral("only.jpg")), QStringLiteral("only.jpg"));
}

void tst_HtmlSanitizer::xssVectors_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("payload");
    int count = 0;
    QSet<QString> seen;
    for (const char *file : { "dompurify-vectors.json", "owasp-vectors.json" }) {
        const QJsonArray vectors = QJsonDocument::fromJson(readFile(kXssDir + QLatin1String(file))).array();
        for (const QJsonValue &v : vectors) {
            const QJsonObject o = v.toObject();
            QString tag = o.value(u"title").toString();
            for (int k = 2; seen.contains(tag); ++k)
                tag = o.value(u"title").toString() + u" [" + QString::number(k) + u']';
            seen.insert(tag);
            QTest::newRow(qPrintable(tag)) << o.value(u"title").toString() << o.value(u"payload").toString();
            ++count;
        }
    }
    QCOMPARE(count, 303);
}

void tst_HtmlSanitizer::xssVectors()
{
    QFETCH(QString, title);
    QFETCH(QString, payload);
    static const QString tpl = QString::fromUtf8(readFile(kXssDir + u"article-template.html"));
    QString page = tpl;
    page.replace(QStringLiteral("@@PAYLOAD@@"), payload);
    ExtractOptions o;
    o.fileName = QStringLiteral("article.html");
    o.url = QUrl(QStringLiteral("https://gazette.example.com/news/park.html"));
    const auto r = Extractor::extract(page.toUtf8(), o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));

    // Parse the output again and check rules 1-5 on the tree (allow-list of elements and attributes).
    const QByteArray html = QByteArrayLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>")
        + r->readerHtml.toUtf8() + QByteArrayLiteral("</body></html>");
    htmlDocPtr doc = htmlReadMemory(html.constData(), int(html.size()), nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    QVERIFY(doc);
    xmlNode *body = xmlDocGetRootElement(doc)->children;
    while (body && !(body->type == XML_ELEMENT_NODE && xmlStrEqual(body->name, BAD_CAST "body")))
        body = body->next;
    QVERIFY(body);
    const QString v = violation(body->children);
    xmlFreeDoc(doc);
    QVERIFY2(v.isEmpty(), qPrintable(v));
    // Raw text checks: nothing that reparses as markup of the dangerous kinds.
    const QString lower = r->readerHtml.toLower();
    for (const char *bad : { "<script", "<iframe", "<object", "<embed", "<svg", "<math", "<style", "<form", "<base",
             "<meta", "<link", "<template", "<noscript", "<xmp", "<textarea", "<!--", "<![cdata" })
        QVERIFY2(!lower.contains(QLatin1String(bad)), bad);

    // Rule 7: the article survives.
    QCOMPARE(r->metadata.title, QStringLiteral("Council approves riverside park after two-year debate"));
    QVERIFY(r->readerText.contains(QStringLiteral(
        "SENTINEL-BEFORE: The city council voted seven to two on Tuesday night to turn the disused freight yard on "
        "the east bank into a public park, ending a dispute that has divided the neighbourhood since the rail "
        "company left in 2022.")));
    if (!swallowing().contains(title))
        QVERIFY2(r->readerText.contains(QStringLiteral(
                     "SENTINEL-AFTER: Opponents had argued that the land should be sold for housing, and two members "
                     "said the council had underestimated the cost of cleaning contaminated soil. The first phase is "
                     "due to open next spring.")),
            qPrintable(r->readerText.right(400)));
}

QTEST_GUILESS_MAIN(tst_HtmlSanitizer)
#include "tst_htmlsanitizer.moc"

// libxml2's HTML parser under the extractor: where it differs from a browser (HTML5 void elements it does not know,
// nesting past 256 levels, tags with thousands of attributes), the page still comes out whole or is refused clearly.
#include "core/extraction/extractor.h"
#include "core/extraction/htmldom.h"

#include <QTest>

using namespace Gloss::Core;

namespace {

QString paragraph(int n)
{
    return QStringLiteral("<p>Paragraph %1 of the fixture story runs long enough to read as prose, with commas, "
                          "clauses, and a full stop at the end of it.</p>")
        .arg(n);
}

Result<Extraction> extractHtml(const QString &html)
{
    ExtractOptions o;
    o.fileName = QStringLiteral("page.html");
    o.url = QUrl(QStringLiteral("https://example.org/news/story.html"));
    return Extractor::extract(html.toUtf8(), o);
}

int depthOf(const xmlNode *n)
{
    int depth = 0;
    for (; n && n->parent && n->parent->type == XML_ELEMENT_NODE; n = n->parent)
        ++depth;
    return depth;
}

} // namespace

class tst_HtmlParse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void voidElementsDoNotSwallowContent_data();
    void voidElementsDoNotSwallowContent();
    void deepTreeFlattenedInOrder();
    void deeplyNestedPostsAllKept();
    void attributeLoad();
    void thousandsOfAttributesRefused();
    void millionsOfTagsRefused();
};

void tst_HtmlParse::voidElementsDoNotSwallowContent_data()
{
    QTest::addColumn<QString>("element");
    QTest::newRow("embed") << QStringLiteral("<embed src=\"movie.swf\">");
    QTest::newRow("track") << QStringLiteral("<track src=\"a.vtt\">");
    QTest::newRow("keygen") << QStringLiteral("<keygen name=\"k\">");
    QTest::newRow("source") << QStringLiteral("<source src=\"a.mp4\">");
}

// libxml2 nests what follows an unclosed <embed> inside it; the extractor drops <embed> with its content, so the rest
// of the article went with it.
void tst_HtmlParse::voidElementsDoNotSwallowContent()
{
    QFETCH(QString, element);
    const QString html = u"<!DOCTYPE html><html><head><title>Fixture story</title></head><body><article>"
        + paragraph(1) + paragraph(2) + element + paragraph(3) + paragraph(4) + u"</article></body></html>";
    const auto e = extractHtml(html);
    QVERIFY(e);
    for (int n = 1; n <= 4; ++n)
        QVERIFY2(e->readerText.contains(QStringLiteral("Paragraph %1 ").arg(n)), qPrintable(e->readerText));
}

void tst_HtmlParse::deepTreeFlattenedInOrder()
{
    QByteArray html = "<html><body>";
    for (int i = 0; i < 3000; ++i)
        html += "<div>" + QByteArray::number(i) + " ";
    html += "end</body></html>";
    xmlDocPtr doc = Dom::parseHtml(html);
    QVERIFY(doc);
    int deepest = 0;
    QByteArray text;
    // Iterative pre-order walk: the test must not rely on the depth bound it checks.
    for (xmlNode *n = xmlDocGetRootElement(doc); n;) {
        if (n->type == XML_TEXT_NODE)
            text += reinterpret_cast<const char *>(n->content);
        deepest = std::max(deepest, depthOf(n));
        if (n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent;
        if (n)
            n = n->next;
    }
    xmlFreeDoc(doc);
    QVERIFY2(deepest <= Dom::kMaxTreeDepth + 1, QByteArray::number(deepest).constData());
    QByteArray expected;
    for (int i = 0; i < 3000; ++i)
        expected += QByteArray::number(i) + " ";
    QCOMPARE(text, expected + "end");
}

// A forum page whose 400 posts never close their <div>: libxml2 stopped at 256 levels and the posts after it were
// lost. (Past kMaxTreeDepth the flattened part is one block, as in a browser's DOM, and it wins on its own.)
void tst_HtmlParse::deeplyNestedPostsAllKept()
{
    QString html = QStringLiteral("<!DOCTYPE html><html><head><title>Thread</title></head><body><main>");
    for (int i = 1; i <= 400; ++i)
        html += QStringLiteral("<div class=\"post\"><p>Post number %1 says something long enough, with a comma, to "
                               "be read as a real paragraph of prose.</p>")
                    .arg(i);
    html += QStringLiteral("</main></body></html>");
    const auto e = extractHtml(html);
    QVERIFY(e);
    QVERIFY(e->readerText.contains(QStringLiteral("Post number 1 says")));
    QVERIFY(e->readerText.contains(QStringLiteral("Post number 300 says")));
    QVERIFY(e->readerText.contains(QStringLiteral("Post number 400 says")));
}

void tst_HtmlParse::attributeLoad()
{
    QByteArray many = "<div";
    for (int i = 0; i < 1500; ++i)
        many += " a" + QByteArray::number(i) + "=\"x y > z\"";
    many += ">text</div>";
    const Dom::AttributeLoad load = Dom::attributeLoad(
        "<html><!-- <b c d e f> --><script>if (a <b c d e) {}</script><p class=x id='y' hidden>" + many);
    QCOMPARE(load.most, 1500); // quoted '>' and script or comment text are not attributes
    QCOMPARE(load.startTags, 4); // html, script, p, div: not the "tags" in the comment and inside the script
    QCOMPARE(load.largeTagWork, 1500.0 * 1500.0);
    QCOMPARE(Dom::attributeLoad("<p class=x id='y' hidden>t</p>").most, 0); // only large tags are counted
    QCOMPARE(Dom::attributeLoad("<p class=x id='y' hidden>t</p>").largeTagWork, 0.0);
    // A quoted '>' early in a large tag does not hide the rest of it.
    QByteArray hidden = "<div title=\">\"";
    for (int i = 0; i < 1200; ++i)
        hidden += " b" + QByteArray::number(i);
    QCOMPARE(Dom::attributeLoad(hidden + ">x</div>").most, 1201);
}

// libxml2 checks each attribute against the earlier ones of its tag: 1,000,000 attributes would parse for hours.
void tst_HtmlParse::thousandsOfAttributesRefused()
{
    QString tag = QStringLiteral("<div");
    for (int i = 0; i < 30000; ++i)
        tag += QStringLiteral(" a%1").arg(i);
    tag += u'>';
    const auto r = extractHtml(u"<html><body><article>" + paragraph(1) + tag + paragraph(2) + u"</article></body></html>");
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("30000 on one tag")), qPrintable(r.error().message));
    // Many tags each under a thousand attributes add up the same way (600 x 999 attributes: 6e8 comparisons).
    QString many999 = QStringLiteral("<div");
    for (int i = 0; i < 999; ++i)
        many999 += QStringLiteral(" a%1").arg(i);
    many999 += QStringLiteral("></div>");
    const auto r999 = extractHtml(u"<html><body><article>" + paragraph(1) + many999.repeated(600) + paragraph(2)
        + u"</article></body></html>");
    QVERIFY(!r999);
    QVERIFY2(r999.error().message.contains(QStringLiteral("999 on one tag")), qPrintable(r999.error().message));
    // A few hundred attributes, as a data-heavy widget may have, are read.
    QString some = QStringLiteral("<div");
    for (int i = 0; i < 300; ++i)
        some += QStringLiteral(" data-a%1=\"1\"").arg(i);
    some += QStringLiteral("></div>");
    QVERIFY(extractHtml(u"<html><body><article>" + paragraph(1) + some + paragraph(2) + u"</article></body></html>"));
}

// A 99 MB table of 5,800,000 tags took 5.6 GB: pages over the tag limit are refused before parsing.
void tst_HtmlParse::millionsOfTagsRefused()
{
    const QByteArray cells = QByteArray("<td>1").repeated(2600000);
    ExtractOptions o;
    o.fileName = QStringLiteral("table.html");
    const auto r = Extractor::extract("<html><body><table><tr>" + cells + "</table></body></html>", o);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("2600004 tags")), qPrintable(r.error().message));
}

QTEST_GUILESS_MAIN(tst_HtmlParse)
#include "tst_htmlparse.moc"

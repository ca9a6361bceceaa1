// The reader HTML and the reader text come from one block model: every element with data-start has exactly
// its slice of the reader text as textContent, and every block of the reader text is one such element.
// The HTML is parsed back with libxml2 (tests/ui/tst_readerxss.cpp does the same with Chromium's parser).
#include "core/document/readerdocument.h"
#include "core/extraction/extractor.h"

#include <QFile>
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

struct Block
{
    QString tag;
    QString parentTag;
    qsizetype start;
    QString text;
};

void textOf(xmlNode *n, QByteArray &out)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            out += reinterpret_cast<const char *>(c->content);
        else if (c->type == XML_ELEMENT_NODE)
            textOf(c, out);
    }
}

void collect(xmlNode *n, QList<Block> &blocks, QStringList &nonTextWithStart, QList<int> &nested, int depth)
{
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *start = xmlGetProp(c, reinterpret_cast<const xmlChar *>("data-start"));
        const QString tag = QString::fromUtf8(reinterpret_cast<const char *>(c->name));
        if (start) {
            QByteArray text;
            textOf(c, text);
            blocks.append(
                { tag, c->parent ? QString::fromUtf8(reinterpret_cast<const char *>(c->parent->name)) : QString(),
                    QByteArray(reinterpret_cast<const char *>(start)).toLongLong(), QString::fromUtf8(text) });
            xmlFree(start);
            if (depth > 0)
                nested.append(depth);
            static const QSet<QString> nonText { QStringLiteral("img"), QStringLiteral("figure"),
                QStringLiteral("table"), QStringLiteral("tr"), QStringLiteral("tbody"), QStringLiteral("ul"),
                QStringLiteral("ol"), QStringLiteral("blockquote"), QStringLiteral("div") };
            if (nonText.contains(tag))
                nonTextWithStart << tag;
            collect(c->children, blocks, nonTextWithStart, nested, depth + 1);
        } else {
            collect(c->children, blocks, nonTextWithStart, nested, depth);
        }
    }
}

QList<Block> blocksOf(const QString &html, QStringList *nonTextWithStart = nullptr, QList<int> *nested = nullptr)
{
    const QString page = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + u"</body></html>";
    const QByteArray bytes = page.toUtf8();
    htmlDocPtr doc = htmlReadMemory(bytes.constData(), int(bytes.size()), nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    QList<Block> blocks;
    QStringList bad;
    QList<int> nest;
    collect(xmlDocGetRootElement(doc), blocks, bad, nest, 0);
    xmlFreeDoc(doc);
    if (nonTextWithStart)
        *nonTextWithStart = bad;
    if (nested)
        *nested = nest;
    return blocks;
}

void checkMapping(const QString &text, const QString &html)
{
    QStringList nonText;
    QList<int> nested;
    const QList<Block> blocks = blocksOf(html, &nonText, &nested);
    QVERIFY2(nonText.isEmpty(), qPrintable(nonText.join(u',')));
    QVERIFY2(nested.isEmpty(), "a data-start element inside another");
    // HTML -> text: each element's textContent is its slice, and the slice is a whole block.
    QSet<qsizetype> starts;
    for (const Block &b : blocks) {
        QVERIFY2(b.start >= 0 && b.start + b.text.size() <= text.size(), qPrintable(b.tag));
        QCOMPARE(text.mid(b.start, b.text.size()), b.text);
        QVERIFY(b.start == 0 || text.mid(b.start - 2, 2) == u"\n\n");
        const qsizetype end = b.start + b.text.size();
        QVERIFY2(end == text.size() || text.mid(end, 2) == u"\n\n", qPrintable(b.text));
        QVERIFY(!starts.contains(b.start));
        starts.insert(b.start);
    }
    // text -> HTML: every block of the text is one element.
    qsizetype pos = 0;
    int count = 0;
    while (pos <= text.size()) {
        qsizetype end = text.indexOf(QStringLiteral("\n\n"), pos);
        if (end < 0)
            end = text.size();
        QVERIFY2(starts.contains(pos),
            qPrintable(u"no element for block at " + QString::number(pos) + u": " + text.mid(pos, end - pos)));
        ++count;
        pos = end + 2;
    }
    QCOMPARE(count, blocks.size());
}

} // namespace

class tst_ReaderDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyBlockType();
    void mappingHoldsOnFixtures_data();
    void mappingHoldsOnFixtures();
    void selectionOffsets();
    void builtModel();
};

void tst_ReaderDocument::everyBlockType()
{
    ExtractOptions o;
    o.fileName = QStringLiteral("all-blocks.html");
    o.url = QUrl(QStringLiteral("https://news.example.com/a/b.html"));
    const auto r = Extractor::extract(readFile(QStringLiteral(GLOSS_TEST_DATA "/extraction/all-blocks.html")), o);
    QVERIFY(r);
    checkMapping(r->readerText, r->readerHtml);
    const QList<Block> blocks = blocksOf(r->readerHtml);
    QSet<QString> kinds;
    for (const Block &b : blocks)
        kinds.insert(b.parentTag == u"blockquote" ? b.tag + u"@blockquote" : b.tag);
    for (const char *k : { "p", "h2", "h3", "h4", "li", "p@blockquote", "pre", "figcaption", "caption", "td", "th" })
        QVERIFY2(kinds.contains(QString::fromLatin1(k)), k);
    const QString &t = r->readerText;
    QVERIFY(t.contains(QStringLiteral("a link with & and <tags>, and lots of white space")));
    QVERIFY(t.contains(QString::fromUtf8("caf\u00e9 (NFC")));
    QVERIFY(t.contains(QStringLiteral("Line one line two after a single break.\n\nA new paragraph after two breaks.")));
    QVERIFY(t.contains(QStringLiteral("int main()\n{\n    return 0;   // keeps spaces\n}")));
    QVERIFY(t.contains(QStringLiteral("Second item with a nested list\n\nNested one\n\nNested two")));
    QVERIFY(t.contains(QStringLiteral("alpha\n\none\n\ntwo\n\nbeta & gamma")));
    QVERIFY(r->readerHtml.contains(QStringLiteral("<a href=\"https://news.example.com/rel\">")));
    QVERIFY(r->readerHtml.contains(QStringLiteral("colspan=\"2\"")));
    QVERIFY(!t.contains(QStringLiteral("Every block type"))); // the title heading is metadata
}

void tst_ReaderDocument::mappingHoldsOnFixtures_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("seed html") << QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");
    QTest::newRow("seed txt") << QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.txt");
    for (const char *f : { "table-caption.html", "lazy-image.html", "br-paragraphs.html", "hidden.html",
             "jsonld-only.html", "shiftjis-meta.html", "page.mhtml" })
        QTest::newRow(f) << QStringLiteral(GLOSS_TEST_DATA "/extraction/") + QLatin1String(f);
}

void tst_ReaderDocument::mappingHoldsOnFixtures()
{
    QFETCH(QString, path);
    ExtractOptions o;
    o.fileName = path.section(u'/', -1);
    const auto r = Extractor::extract(readFile(path), o);
    QVERIFY(r);
    checkMapping(r->readerText, r->readerHtml);
}

void tst_ReaderDocument::selectionOffsets()
{
    // What the GUI does: a selection inside a block maps to data-start + offset inside the block's text.
    ExtractOptions o;
    o.fileName = QStringLiteral("independent-serbia-russia.html");
    const auto r = Extractor::extract(
        readFile(QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html")), o);
    QVERIFY(r);
    const QString quote = QStringLiteral("has pledged to stay out of NATO");
    for (const Block &b : blocksOf(r->readerHtml)) {
        const qsizetype inBlock = b.text.indexOf(quote);
        if (inBlock < 0)
            continue;
        QCOMPARE(r->readerText.mid(b.start + inBlock, quote.size()), quote);
        QCOMPARE(b.start + inBlock, r->readerText.indexOf(quote));
        return;
    }
    QFAIL("quote not found in any block");
}

void tst_ReaderDocument::builtModel()
{
    ReaderDocument d;
    ReaderNode p;
    p.kind = ReaderNode::Paragraph;
    p.runs.append(InlineRun { QStringLiteral("  Hello \t\n "), 0, {}, {}, {} });
    p.runs.append(InlineRun {
        QStringLiteral(" <world> "), InlineRun::Strong, QStringLiteral("https://e.org/?a=1&b=\"2\""), {}, {} });
    p.runs.append(InlineRun { QStringLiteral("  "), 0, {}, {}, {} });
    d.nodes.append(p);
    ReaderNode empty;
    empty.kind = ReaderNode::Heading;
    empty.level = 2;
    empty.runs.append(InlineRun { QStringLiteral(" \u00a0 "), 0, {}, {}, {} });
    d.nodes.append(empty);
    ReaderNode pre;
    pre.kind = ReaderNode::Preformatted;
    pre.runs.append(InlineRun { QStringLiteral("\r\n  a\r\n\r\n\r\n  b  \n\n"), 0, {}, {}, {} });
    d.nodes.append(pre);
    d.finalize();
    QCOMPARE(d.text(), QStringLiteral("Hello <world>\n\na\nb"));
    QCOMPARE(d.blockCount(), 2);
    const QString html = d.html();
    QVERIFY(html.contains(
        QStringLiteral("<p data-start=\"0\">Hello <a "
                       "href=\"https://e.org/?a=1&amp;b=&quot;2&quot;\"><strong>&lt;world&gt;</strong></a></p>")));
    QVERIFY(html.contains(QStringLiteral("<pre data-start=\"15\">a\nb</pre>")));
    checkMapping(d.text(), html);
}

QTEST_GUILESS_MAIN(tst_ReaderDocument)
#include "tst_readerdocument.moc"

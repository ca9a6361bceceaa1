// Charsets and decoding through the whole extractor: BOMs, declarations, detection (uchardet, ICU), repairs of
// wrong declarations, UTF-16/32, 7-bit stateful charsets and character references.
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

class tst_Decoding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodings_data();
    void encodings();
    void declaredCharsetFromHttpHeader();
    void shortTextCharset_data();
    void shortTextCharset();
    void utf16WithoutBom_data();
    void utf16WithoutBom();
    void utf32WithBom_data();
    void utf32WithBom();
    void declaredUtf8ByEvidence_data();
    void declaredUtf8ByEvidence();
    void c1CharacterReferences();
    void wideHtmlDecidedOnItsText_data();
    void wideHtmlDecidedOnItsText();
    void sevenBitStatefulCharsets_data();
    void sevenBitStatefulCharsets();
};

void tst_Decoding::encodings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("charset");
    QTest::addColumn<QString>("needle");
    QTest::newRow("windows-1251 declared")
        << QStringLiteral("cp1251-meta.html") << QStringLiteral("windows-1251") << QStringLiteral("облачная погода");
    QTest::newRow("windows-1251 undeclared (uchardet)")
        << QStringLiteral("cp1251-undeclared.html") << QStringLiteral("windows-1251") << QStringLiteral("Синоптики");
    QTest::newRow("windows-1251 declared latin1 (wrong)")
        << QStringLiteral("cp1251-wrong-latin1.html") << QStringLiteral("windows-1251")
        << QStringLiteral("жители города");
    QTest::newRow("shift_jis") << QStringLiteral("shiftjis-meta.html") << QStringLiteral("shift_jis")
                               << QStringLiteral("東京は晴れ");
    QTest::newRow("euc-kr") << QStringLiteral("euckr-meta.html") << QStringLiteral("euc-kr")
                            << QStringLiteral("서울은 대체로");
    QTest::newRow("gb2312 label -> gb18030")
        << QStringLiteral("gb18030-meta.html") << QStringLiteral("gb18030") << QStringLiteral("北京天气晴朗");
    QTest::newRow("big5 undeclared, short (ICU's second opinion over uchardet's gb18030)")
        << QStringLiteral("big5-undeclared.html") << QStringLiteral("big5") << QStringLiteral("臺北是臺灣的首都");
    QTest::newRow("koi8-u undeclared (uchardet says koi8-r)")
        << QStringLiteral("koi8u-undeclared.html") << QStringLiteral("koi8-u") << QStringLiteral("Ґанок, їжак і єнот");
    QTest::newRow("iso-8859-2") << QStringLiteral("iso88592-meta.html") << QStringLiteral("iso-8859-2")
                                << QStringLiteral("žluťoučký kůň");
    QTest::newRow("latin1 undeclared") << QStringLiteral("latin1-undeclared.html") << QStringLiteral("windows-1252")
                                       << QStringLiteral("Straßen gesperrt");
    QTest::newRow("utf-8 BOM beats meta")
        << QStringLiteral("utf8-bom.html") << QStringLiteral("utf-8") << QStringLiteral("облачная погода");
    QTest::newRow("utf-8 with pasted windows-1252")
        << QStringLiteral("mixed-utf8-cp1252.html") << QStringLiteral("utf-8") << QStringLiteral("Grüße aus München");
    QTest::newRow("utf-8 declared latin1")
        << QStringLiteral("utf8-wrong-declared.html") << QStringLiteral("utf-8") << QStringLiteral("Bürgermeister");
}

void tst_Decoding::encodings()
{
    QFETCH(QString, file);
    QFETCH(QString, charset);
    QFETCH(QString, needle);
    const Extraction e = extractFile(fixture(file));
    QCOMPARE(e.charset, charset);
    QVERIFY2(e.readerText.contains(needle), qPrintable(e.readerText.left(200)));
    QVERIFY(!e.readerText.contains(QChar(0xFFFD)));
    QVERIFY(!e.metadata.title.isEmpty());
    QVERIFY(!e.metadata.title.contains(QChar(0xFFFD)));
}

void tst_Decoding::declaredCharsetFromHttpHeader()
{
    // No meta, no BOM: the HTTP Content-Type charset decides.
    const QByteArray html = QByteArrayLiteral("<html><body><article><p>")
        + QString::fromUtf8("Ceci est un paragraphe en français, assez long pour être l'article, "
                            "avec des virgules, des accents: é, è, à, ç.")
              .toLatin1()
        + QByteArrayLiteral("</p></article></body></html>");
    ExtractOptions o;
    o.contentType = QStringLiteral("text/html; charset=ISO-8859-1");
    const auto r = Extractor::extract(html, o);
    QVERIFY(r);
    QCOMPARE(r->charset, QStringLiteral("windows-1252"));
    QVERIFY(r->readerText.contains(QString::fromUtf8("français")));
}

void tst_Decoding::shortTextCharset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("charset"); // the bytes' real charset
    QTest::newRow("French and German in windows-1252")
        << QStringLiteral("Café société - naïve résumé. Überraschung für Müller.") << QByteArray("windows-1252");
    QTest::newRow("Polish in windows-1250")
        << QStringLiteral("Zażółć gęślą jaźń, powiedział łagodnie Paweł.") << QByteArray("windows-1250");
    QTest::newRow("Czech in windows-1250") << QStringLiteral(
        "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl děda. Ještě jednou, prosím, a pomalu, "
        "aby to bylo slyšet v celém domě.") << QByteArray("windows-1250");
}

void tst_Decoding::shortTextCharset()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, charset);
    QByteArray bytes;
    if (charset == "windows-1252")
        bytes = text.toLatin1(); // every character of the row is in Latin-1, which windows-1252 extends
    else {
        // Qt 6.4 has no windows-1250 codec without ICU support in QStringConverter: encode by table.
        static const QHash<QChar, char> cp1250 = { { u'ż', '\xBF' }, { u'ó', '\xF3' }, { u'ł', '\xB3' },
            { u'ć', '\xE6' }, { u'ę', '\xEA' }, { u'ś', '\x9C' }, { u'ą', '\xB9' }, { u'ź', '\x9F' }, { u'ń', '\xF1' },
            { u'Ł', '\xA3' }, { u'Z', 'Z' }, { u'ř', '\xF8' }, { u'í', '\xED' }, { u'š', '\x9A' }, { u'ž', '\x9E' },
            { u'ť', '\x9D' }, { u'č', '\xE8' }, { u'ý', '\xFD' }, { u'ů', '\xF9' }, { u'ň', '\xF2' }, { u'ú', '\xFA' },
            { u'ě', '\xEC' }, { u'ď', '\xEF' }, { u'á', '\xE1' }, { u'é', '\xE9' }, { u'Ř', '\xD8' } };
        for (const QChar c : text)
            bytes += c.unicode() < 0x80 ? char(c.unicode()) : cp1250.value(c, '?');
    }
    const TextDecoder::Decoded d = TextDecoder::decode(bytes, {}, false);
    QCOMPARE(d.charset, QString::fromLatin1(charset));
    QCOMPARE(d.text, text);
}

void tst_Decoding::utf16WithoutBom_data()
{
    QTest::addColumn<bool>("littleEndian");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("UTF-16LE text") << true << QStringLiteral("note.txt");
    QTest::newRow("UTF-16BE text") << false << QStringLiteral("note.txt");
    QTest::newRow("UTF-16LE html") << true << QStringLiteral("page.html");
}

void tst_Decoding::utf16WithoutBom()
{
    QFETCH(bool, littleEndian);
    QFETCH(QString, fileName);
    const QString sentence = QStringLiteral(
        "Ein Absatz über die Stadt, mit Kommas, Nebensätzen und einem Punkt am Ende, lang genug für einen Text.");
    const QString text = fileName.endsWith(u".html")
        ? QString(u"<html><head><meta charset=\"utf-16\"><title>T</title></head><body><article><p>" + sentence
            + u"</p><p>" + sentence + u"</p></article></body></html>")
        : QString(sentence + u"\n\n" + sentence + u"\n");
    QByteArray bytes;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (littleEndian)
            bytes += char(u & 0xFF), bytes += char(u >> 8);
        else
            bytes += char(u >> 8), bytes += char(u & 0xFF);
    }
    ExtractOptions o;
    o.fileName = fileName;
    const auto r = Extractor::extract(bytes, o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->charset, littleEndian ? QStringLiteral("utf-16le") : QStringLiteral("utf-16be"));
    QVERIFY2(r->readerText.startsWith(sentence), qPrintable(r->readerText));
}

void tst_Decoding::utf32WithBom_data()
{
    QTest::addColumn<bool>("littleEndian");
    QTest::newRow("UTF-32LE") << true;
    QTest::newRow("UTF-32BE") << false;
}

void tst_Decoding::utf32WithBom()
{
    QFETCH(bool, littleEndian);
    const QString text = QStringLiteral("Ein Absatz über die Stadt \U0001F600, mit Kommas und einem Punkt am Ende.");
    QByteArray bytes;
    for (const char32_t u : U'\uFEFF' + text.toStdU32String())
        for (int i = 0; i < 4; ++i)
            bytes += char(u >> (8 * (littleEndian ? i : 3 - i)));
    ExtractOptions o;
    o.fileName = QStringLiteral("note.txt");
    const auto r = Extractor::extract(bytes, o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->charset, littleEndian ? QStringLiteral("utf-32le") : QStringLiteral("utf-32be"));
    QCOMPARE(r->readerText, text);
}

void tst_Decoding::declaredUtf8ByEvidence_data()
{
    QTest::addColumn<QByteArray>("bytes"); // declared UTF-8
    QTest::addColumn<QString>("charset");
    QTest::addColumn<QString>("text");
    QTest::newRow("stray bytes beside valid UTF-8 keep it")
        << QByteArray("Caf\xe9 na\xefve \xe2\x82 \xf0\x9f\x98 \xff ok \xc3\xa9t\xc3\xa9") << QStringLiteral("utf-8")
        << QStringLiteral("Café naïve \uFFFD \uFFFD ÿ ok été");
    QTest::newRow("few broken sequences are U+FFFD") << QByteArray("\xc3\xa9t\xc3\xa9 ").repeated(25)
            + "caf\xe9" << QStringLiteral("utf-8") << QStringLiteral("été ").repeated(25) + u"caf\uFFFD";
    QTest::newRow("no valid sequence is windows-1252")
        << QByteArray("Caf\xe9 na\xefve \x93quoted\x94") << QStringLiteral("windows-1252")
        << QStringLiteral("Café naïve \u201Cquoted\u201D");
}

// A page declared UTF-8 with bytes that are not UTF-8: one stray byte must not turn the page's valid UTF-8 into
// windows-1252 mojibake ("été" read as "Ã©tÃ©").
void tst_Decoding::declaredUtf8ByEvidence()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, charset);
    QFETCH(QString, text);
    const TextDecoder::Decoded d = TextDecoder::decode(bytes, QStringLiteral("text/html; charset=utf-8"), false);
    QCOMPARE(d.charset, charset);
    QCOMPARE(d.text, text);
}

// HTML maps numeric references to C1 controls to windows-1252 characters (WHATWG HTML, "numeric character
// reference end state"); libxml2 gives the controls.
void tst_Decoding::c1CharacterReferences()
{
    QString html = articlePage(QStringLiteral("<p>Price &#128;5, &#x80;6 &#150; it&#146;s done&#133; a&#129;b.</p>"));
    html.replace(
        QStringLiteral("<title>Fixture story</title>"), QStringLiteral("<title>Fixture &#147;story&#148;</title>"));
    const Extraction e = extractHtml(html);
    QVERIFY2(e.readerText.contains(QStringLiteral("Price €5, €6 – it’s done… ab.")), qPrintable(e.readerText));
    QCOMPARE(e.metadata.title, QStringLiteral("Fixture “story”"));
}

void tst_Decoding::wideHtmlDecidedOnItsText_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bom");
    QTest::newRow("UTF-16LE mark, no name (standard input)") << QString() << QByteArray("\xFF\xFE");
    QTest::newRow("UTF-16LE mark, .php") << QStringLiteral("page.php") << QByteArray("\xFF\xFE");
    QTest::newRow("UTF-16LE sniffed, no suffix") << QStringLiteral("page") << QByteArray();
    QTest::newRow("UTF-32LE mark, no name") << QString() << QByteArray("\xFF\xFE\0\0", 4);
}

// UTF-16/32 HTML with a name that does not say HTML is HTML by its decoded text, not plain text showing markup.
void tst_Decoding::wideHtmlDecidedOnItsText()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bom);
    const QString html = articlePage({});
    QByteArray bytes = bom;
    for (const char32_t u : html.toStdU32String())
        for (int i = 0; i < (bom.size() == 4 ? 4 : 2); ++i)
            bytes += char(u >> (8 * i));
    ExtractOptions o;
    o.fileName = fileName;
    const auto r = Extractor::extract(bytes, o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->contentType, QStringLiteral("text/html"));
    QVERIFY2(!r->readerText.contains(u'<'), qPrintable(r->readerText));
    QVERIFY2(r->readerText.contains(QStringLiteral("Paragraph 1 of the fixture story")), qPrintable(r->readerText));
}

void tst_Decoding::sevenBitStatefulCharsets_data()
{
    QTest::addColumn<QByteArray>("bytes"); // an article paragraph in the charset
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("charset");
    QTest::addColumn<QString>("text");
    const QByteArray jp = "\x1b$BEl5~ET\x1b(B"; // 東京都 in ISO-2022-JP
    QTest::newRow("iso-2022-jp in a meta") << "<meta charset=\"iso-2022-jp\">" + jp << QString()
                                           << QStringLiteral("iso-2022-jp") << QStringLiteral("東京都");
    QTest::newRow("iso-2022-jp in the header")
        << jp << QStringLiteral("text/html; charset=ISO-2022-JP") << QStringLiteral("iso-2022-jp")
        << QStringLiteral("東京都");
    QTest::newRow("utf-7 in a meta") << QByteArray("<meta charset=\"utf-7\">+ZeVnLA-") << QString()
                                     << QStringLiteral("utf-7") << QStringLiteral("日本");
}

// 7-bit stateful text is valid UTF-8 (it is ASCII) but means something else: the declaration decides.
void tst_Decoding::sevenBitStatefulCharsets()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QString, charset);
    QFETCH(QString, text);
    const QByteArray page = "<html><head>" + bytes.left(bytes.indexOf('>') + 1) + "<title>T</title></head><body><p>"
        + bytes.mid(bytes.indexOf('>') + 1) + "</p></body></html>";
    const TextDecoder::Decoded d = TextDecoder::decodeUnlessUtf8(page, contentType, true);
    QCOMPARE(d.charset, charset);
    QVERIFY2(d.text.contains(text), qPrintable(d.text));
}

QTEST_GUILESS_MAIN(tst_Decoding)
#include "tst_decoding.moc"

#include "core/export/jsonwriter.h"
#include "core/export/webannotation.h"
#include "exportfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

using namespace Gloss::Core;

Q_DECLARE_METATYPE(Gloss::Core::ExportOptions)

class tst_JsonLdExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactBytes_data();
    void exactBytes();
    void parsesBackStrictly();
    void pagesChainAndCount();
    void emptyExportIsValid();
    void checkerReportsNoFailure_data();
    void checkerReportsNoFailure();
    void kbIris_data();
    void kbIris();
    void jsonStringEscapes_data();
    void jsonStringEscapes();
};

namespace {

ExportOptions paged()
{
    ExportOptions o = ExportFixture::options();
    o.pageSize = 5;
    return o;
}

QList<QJsonObject> annotationsOf(const QJsonObject &collection)
{
    QList<QJsonObject> out;
    for (QJsonObject page = collection.value(u"first").toObject(); !page.isEmpty();
         page = page.value(u"next").toObject()) {
        for (const QJsonValue &v : page.value(u"items").toArray())
            out.append(v.toObject());
    }
    return out;
}

QJsonObject selectorOf(const QJsonObject &annotation, QStringView type)
{
    for (const QJsonValue &s : annotation.value(u"target").toObject().value(u"selector").toArray())
        if (s.toObject().value(u"type").toString() == type)
            return s.toObject();
    return {};
}

} // namespace

void tst_JsonLdExport::exactBytes_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<ExportOptions>("options");
    QTest::addColumn<QString>("expected");
    QTest::newRow("collection, one page") << u"jsonld"_qs << ExportFixture::options() << u"fixture.jsonld"_qs;
    QTest::newRow("collection, pages of 5") << u"jsonld"_qs << paged() << u"fixture-paged.jsonld"_qs;
    QTest::newRow("one annotation per line")
        << u"jsonld-lines"_qs << ExportFixture::options() << u"fixture.jsonld-lines.jsonl"_qs;
}

void tst_JsonLdExport::exactBytes()
{
    QFETCH(QString, format);
    QFETCH(ExportOptions, options);
    QFETCH(QString, expected);
    QString error;
    const QByteArray bytes = ExportFixture::exportBytes(format, options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QString message;
    QVERIFY2(ExportFixture::matchesExpected(bytes, expected, &message), qPrintable(message));
}

void tst_JsonLdExport::parsesBackStrictly()
{
    QString error;
    const QByteArray bytes = ExportFixture::exportBytes(u"jsonld"_qs, ExportFixture::options(), &error);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonObject collection = doc.object();
    QCOMPARE(collection.value(u"type").toString(), u"AnnotationCollection"_qs);
    QCOMPARE(collection.value(u"@context").toArray().first().toString(), u"http://www.w3.org/ns/anno.jsonld"_qs);

    const QList<ExportArticle> articles = ExportFixture::articles();
    QList<Annotation> expected;
    QHash<QString, QString> textOf;
    for (const ExportArticle &a : articles) {
        expected += a.annotations;
        for (const Annotation &an : a.annotations)
            textOf.insert(an.id, a.article.current.readerText);
    }
    const QList<QJsonObject> items = annotationsOf(collection);
    QCOMPARE(items.size(), expected.size());
    QCOMPARE(collection.value(u"total").toInteger(), qint64(expected.size()));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject &item = items[i];
        const Annotation &an = expected[i];
        QCOMPARE(item.value(u"id").toString(), u"urn:uuid:"_qs + an.id);
        QCOMPARE(item.value(u"type").toString(), u"Annotation"_qs);
        QCOMPARE(item.value(u"motivation").toString(), WebAnnotation::motivation(an));
        const QJsonObject quote = selectorOf(item, u"TextQuoteSelector");
        QCOMPARE(quote.value(u"exact").toString(), an.quote.exact);
        const QJsonObject position = selectorOf(item, u"TextPositionSelector");
        if (an.status == AnchorStatus::Orphaned) {
            QVERIFY(position.isEmpty());
            continue;
        }
        // Independent check of the unit: slice the text as UCS-4 (one element per code point).
        const QList<uint> ucs4 = textOf.value(an.id).toUcs4();
        const qsizetype start = position.value(u"start").toInteger(-1);
        const qsizetype end = position.value(u"end").toInteger(-1);
        QVERIFY(start >= 0 && end <= ucs4.size() && start <= end);
        QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()) + start, end - start),
            quote.value(u"exact").toString());
        const QString prefix = quote.value(u"prefix").toString();
        QCOMPARE(
            QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()) + start - prefix.toUcs4().size(),
                prefix.toUcs4().size()),
            prefix);
    }
    // Spot checks of bodies: the KB id as an IRI body, the claim attributes with their typed values.
    const QJsonArray claimBody = items[0].value(u"body").toArray();
    QCOMPARE(claimBody.first().toObject().value(u"value").toString(), u"claim"_qs);
    bool sawScore = false;
    for (const QJsonValue &b : claimBody)
        if (b.toObject().value(u"gloss:attribute").toString() == u"score")
            sawScore = b.toObject().value(u"gloss:value").toInt() == 3;
    QVERIFY(sawScore);
    const QJsonArray asuncionBody = items[1].value(u"body").toArray();
    QCOMPARE(asuncionBody.last().toObject().value(u"source").toString(), u"http://www.wikidata.org/entity/Q2933"_qs);
    // The second article has no URL: its source is the snapshot's hash.
    const QJsonObject lastTarget = items.last().value(u"target").toObject();
    QCOMPARE(lastTarget.value(u"source").toObject().value(u"id").toString(),
        u"urn:sha256:"_qs + articles[1].article.snapshotSha256);
}

void tst_JsonLdExport::pagesChainAndCount()
{
    // Paged: [page 1, page 2, page 3, collection], pages linked by IRI.
    const QByteArray bytes = ExportFixture::exportBytes(u"jsonld"_qs, paged());
    const QJsonArray nodes = QJsonDocument::fromJson(bytes).array();
    QCOMPARE(nodes.size(), 4); // 13 annotations in pages of 5, then the collection
    const QJsonObject collection = nodes.last().toObject();
    QCOMPARE(collection.value(u"type").toString(), u"AnnotationCollection"_qs);
    qint64 startIndex = 0;
    QString previous;
    for (qsizetype i = 0; i + 1 < nodes.size(); ++i) {
        const QJsonObject page = nodes[i].toObject();
        QCOMPARE(page.value(u"type").toString(), u"AnnotationPage"_qs);
        QCOMPARE(page.value(u"startIndex").toInteger(), startIndex);
        QCOMPARE(page.value(u"partOf").toString(), collection.value(u"id").toString());
        QCOMPARE(page.value(u"prev").toString(), previous);
        if (i == 0)
            QCOMPARE(collection.value(u"first").toString(), page.value(u"id").toString());
        if (i + 2 == nodes.size()) {
            QVERIFY(!page.contains(u"next"));
            QCOMPARE(collection.value(u"last").toString(), page.value(u"id").toString());
        } else {
            QCOMPARE(page.value(u"next").toString(), nodes[i + 1].toObject().value(u"id").toString());
        }
        startIndex += page.value(u"items").toArray().size();
        previous = page.value(u"id").toString();
    }
    QCOMPARE(startIndex, collection.value(u"total").toInteger());
}

void tst_JsonLdExport::emptyExportIsValid()
{
    auto exporter = ExporterRegistry().create(u"jsonld"_qs, ExportFixture::options());
    QVERIFY(exporter.has_value());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY((*exporter)->begin(ExportTarget { &buffer, {} }).has_value());
    QVERIFY((*exporter)->finish().has_value());
    const QJsonObject o = QJsonDocument::fromJson(buffer.data()).object();
    QCOMPARE(o.value(u"total").toInteger(-1), 0);
    QVERIFY(!o.contains(u"first"));
}

void tst_JsonLdExport::checkerReportsNoFailure_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<ExportOptions>("options");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("jsonld") << u"jsonld"_qs << ExportFixture::options() << u"export.jsonld"_qs;
    QTest::newRow("jsonld paged") << u"jsonld"_qs << paged() << u"paged.jsonld"_qs;
    QTest::newRow("jsonld-lines") << u"jsonld-lines"_qs << ExportFixture::options() << u"export.jsonl"_qs;
}

void tst_JsonLdExport::checkerReportsNoFailure()
{
    QFETCH(QString, format);
    QFETCH(ExportOptions, options);
    QFETCH(QString, fileName);
    const QString checker = QStringLiteral(GLOSS_SHARED_DIR "/tools/check_web_annotation.py");
    if (!QFile::exists(checker) || !QFile::exists(u"/usr/bin/python3"_qs))
        QSKIP("check_web_annotation.py or /usr/bin/python3 is missing");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(fileName));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(ExportFixture::exportBytes(format, options));
    file.close();
    QProcess python;
    python.start(u"/usr/bin/python3"_qs, { checker, file.fileName() });
    QVERIFY(python.waitForFinished(120000));
    const QString out = QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError());
    if (python.exitCode() == 2 && out.contains(u"python3-jsonschema"))
        QSKIP("python3-jsonschema is not installed");
    QVERIFY2(python.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.trimmed().endsWith(u" 0 failed"), qPrintable(out));
    qInfo().noquote() << "checker:" << out.trimmed();
}

void tst_JsonLdExport::kbIris_data()
{
    QTest::addColumn<QString>("kbId");
    QTest::addColumn<QString>("iri");
    QTest::newRow("wikidata item") << u"Q7184"_qs << u"http://www.wikidata.org/entity/Q7184"_qs;
    QTest::newRow("prefixed") << u"Wikidata:Q7184"_qs << u"http://www.wikidata.org/entity/Q7184"_qs;
    QTest::newRow("an IRI already") << u"https://ror.org/02mhbdp94"_qs << u"https://ror.org/02mhbdp94"_qs;
    QTest::newRow("opaque") << u"my id/1"_qs << u"urn:gloss:kb:my%20id%2F1"_qs;
}

void tst_JsonLdExport::kbIris()
{
    QFETCH(QString, kbId);
    QFETCH(QString, iri);
    QCOMPARE(WebAnnotation::kbIri(kbId), iri);
    const QString back = WebAnnotation::kbIdFromIri(iri);
    QVERIFY(back == kbId || u"Wikidata:"_qs + back == kbId);
}

void tst_JsonLdExport::jsonStringEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("plain") << u"Serbia"_qs << QByteArray("\"Serbia\"");
    QTest::newRow("quote and backslash") << u"a\"b\\c"_qs << QByteArray("\"a\\\"b\\\\c\"");
    QTest::newRow("control characters") << QString::fromUtf16(u"\n\r\t\b\f\x01\x1f")
                                        << QByteArray("\"\\n\\r\\t\\b\\f\\u0001\\u001f\"");
    QTest::newRow("two, three and four bytes")
        << QString::fromUtf8("é北😀") << QByteArray("\"\xC3\xA9\xE5\x8C\x97\xF0\x9F\x98\x80\"");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QByteArray("\"\xEF\xBF\xBD\"");
    QTest::newRow("empty") << QString() << QByteArray("\"\"");
}

void tst_JsonLdExport::jsonStringEscapes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, json);
    QByteArray out = "x";
    JsonWriter::appendString(out, text);
    QCOMPARE(out, "x" + json);
    // And a strict reader gives the text back (a lone surrogate becomes U+FFFD).
    QJsonParseError error;
    const QJsonArray back = QJsonDocument::fromJson("[" + json + "]", &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    if (!text.contains(QChar(0xD800)))
        QCOMPARE(back.first().toString(), text);
}

QTEST_GUILESS_MAIN(tst_JsonLdExport)
#include "tst_jsonldexport.moc"

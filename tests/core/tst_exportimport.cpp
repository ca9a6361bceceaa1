#include "core/export/bratimporter.h"
#include "core/export/importmatcher.h"
#include "core/export/webannotation.h"
#include "core/export/webannotationimporter.h"
#include "exportfixture.h"

#include <QTemporaryDir>

using namespace Gloss::Core;

Q_DECLARE_METATYPE(Gloss::Core::ExportOptions)

// Importers: W3C JSON-LD (our exports, a Hypothesis API result, another tool's annotation) and brat, with
// ImportMatcher placing them on the fixture's articles. Round trip: export then import gives equal annotations.
class tst_ExportImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonLdRoundTrip_data();
    void jsonLdRoundTrip();
    void hypothesisRows();
    void otherToolAnnotation();
    void notJson();
    void bratRoundTrip();
    void bratRejectsDifferentText();
};

namespace {

/// The lookup a caller would write over its store: by source URL, then by snapshot hash.
ImportMatcher::Lookup fixtureLookup()
{
    return [](const ImportedAnnotation &item) -> std::optional<ImportArticle> {
        for (const ExportArticle &a : ExportFixture::articles()) {
            if (item.source == a.article.sourceUrl
                || (!item.snapshotSha256.isEmpty() && item.snapshotSha256 == a.article.snapshotSha256))
                return ImportArticle { a.article.id, a.article.current.id, a.article.current.readerText };
        }
        return std::nullopt;
    };
}

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(GLOSS_TEST_DATA "/export/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void tst_ExportImport::jsonLdRoundTrip_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<ExportOptions>("options");
    QTest::newRow("jsonld") << u"jsonld"_qs << ExportFixture::options();
    ExportOptions paged = ExportFixture::options();
    paged.pageSize = 4;
    QTest::newRow("jsonld paged") << u"jsonld"_qs << paged;
    QTest::newRow("jsonld-lines") << u"jsonld-lines"_qs << ExportFixture::options();
}

void tst_ExportImport::jsonLdRoundTrip()
{
    QFETCH(QString, format);
    QFETCH(ExportOptions, options);
    const QByteArray bytes = ExportFixture::exportBytes(format, options);
    ImportReport report;
    const auto read = WebAnnotationImporter::read(bytes, &report);
    QVERIFY2(read.has_value(), read ? "" : qPrintable(read.error().message));
    QList<Annotation> expected;
    for (const ExportArticle &a : ExportFixture::articles())
        expected += a.annotations;
    QCOMPARE(read->size(), expected.size());
    QCOMPARE(read->first().source, u"https://news.example/story?id=1&lang=en"_qs);
    QCOMPARE(read->last().snapshotSha256, ExportFixture::articles().last().article.snapshotSha256);

    ImportMatcher matcher(fixtureLookup());
    const QList<Annotation> placed = matcher.place(*read, report);
    QCOMPARE(placed.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Annotation &a = placed[i];
        const Annotation &e = expected[i];
        QCOMPARE(a.id, e.id);
        QCOMPARE(toString(a.kind), toString(e.kind));
        QCOMPARE(a.label, e.label);
        QCOMPARE(a.position, e.position);
        QCOMPARE(a.quote, e.quote);
        QCOMPARE(toString(a.status), toString(e.status));
        QCOMPARE(a.attributes, e.attributes);
        QCOMPARE(a.kbId, e.kbId);
        QCOMPARE(a.entityId, e.entityId);
        QCOMPARE(a.note, e.note);
        QCOMPARE(a.creator, e.creator);
        QCOMPARE(a.created, e.created);
        QCOMPARE(a.modified, e.modified);
        QVERIFY(a == e); // every field, ids of article and version included
    }
    QCOMPARE(report.read, expected.size());
    QCOMPARE(report.imported, expected.size() - 1);
    QCOMPARE(report.orphaned, 1);
    QCOMPARE(report.skipped, 0);
}

void tst_ExportImport::hypothesisRows()
{
    ImportReport report;
    const auto read = WebAnnotationImporter::read(readData(u"hypothesis.json"_qs), &report);
    QVERIFY(read.has_value());
    QCOMPARE(report.read, 3);
    QCOMPARE(read->size(), 2); // the page note has no selector
    QCOMPARE(report.skipped, 1);

    ImportMatcher matcher(fixtureLookup());
    const QList<Annotation> placed = matcher.place(*read, report);
    QCOMPARE(placed.size(), 1); // the other site's highlight has no stored article
    QCOMPARE(report.skipped, 2);
    QCOMPARE(report.imported, 1);
    const Annotation &a = placed.first();
    // Hypothesis counted UTF-16 units (46..57, the emoji counts 2); re-anchoring on the quote gives code points.
    QCOMPARE(a.position, (TextPositionSelector { 45, 56 }));
    QCOMPARE(toString(a.status), toString(AnchorStatus::Moved));
    QCOMPARE(a.quote.exact, QString::fromUtf8("北京 visitors"));
    QCOMPARE(toString(a.kind), toString(AnnotationKind::Note));
    QCOMPARE(a.label, u"tourism"_qs);
    QCOMPARE(a.creator, u"carol"_qs);
    QCOMPARE(a.note, u"Beijing visitors, counted in UTF-16 by the Hypothesis client"_qs);
    QCOMPARE(a.created, QDateTime(QDate(2020, 5, 10), QTime(10, 0, 0, 123), Qt::UTC));
    QCOMPARE(a.articleId, 7);
    QVERIFY(!a.id.isEmpty());
    // Stable ids: importing the same row again gives the same id.
    QCOMPARE(WebAnnotationImporter::read(readData(u"hypothesis.json"_qs))->first().annotation.id,
        read->first().annotation.id);
}

void tst_ExportImport::otherToolAnnotation()
{
    ImportReport report;
    const auto read = WebAnnotationImporter::read(readData(u"other-tool.jsonld"_qs), &report);
    QVERIFY(read.has_value());
    QCOMPARE(read->size(), 1);
    ImportMatcher matcher(fixtureLookup());
    const QList<Annotation> placed = matcher.place(*read, report);
    QCOMPARE(placed.size(), 1);
    const Annotation &a = placed.first();
    QCOMPARE(a.articleId, 8); // matched by urn:sha256 of the snapshot
    QCOMPARE(toString(a.kind), toString(AnnotationKind::Note));
    QCOMPARE(a.note, u"Check this name"_qs);
    QCOMPARE(a.creator, u"http://example.org/user/erin"_qs);
    QCOMPARE(a.position, (TextPositionSelector { 28, 37 }));
    QCOMPARE(toString(a.status), toString(AnchorStatus::Moved)); // found by quote: the file had no position
}

void tst_ExportImport::notJson()
{
    const auto read = WebAnnotationImporter::read("<html>not json</html>");
    QVERIFY(!read.has_value());
    QCOMPARE(read.error().code, int(Error::User));
}

void tst_ExportImport::bratRoundTrip()
{
    QTemporaryDir dir;
    auto exporter = ExporterRegistry().create(u"brat"_qs, ExportFixture::options());
    QVERIFY((*exporter)->begin(ExportTarget { nullptr, dir.path() }).has_value());
    const QList<ExportArticle> articles = ExportFixture::articles();
    for (const ExportArticle &a : articles)
        QVERIFY((*exporter)->writeArticle(a).has_value());
    QVERIFY((*exporter)->finish().has_value());

    for (const ExportArticle &article : articles) {
        const auto read = [&](const char *ext) {
            QFile f(dir.filePath(QString::number(article.article.id) + QLatin1String(ext)));
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        BratImporter::Options options;
        options.articleId = article.article.id;
        options.versionId = article.article.current.id;
        options.creator = u"importer"_qs;
        ImportReport report;
        const auto imported
            = BratImporter::read(read(".ann"), read(".txt"), article.article.current.readerText, options, &report);
        QVERIFY2(imported.has_value(), imported ? "" : qPrintable(imported.error().message));
        QList<Annotation> expected;
        for (const Annotation &a : article.annotations)
            if (a.status != AnchorStatus::Orphaned)
                expected.append(a);
        QCOMPARE(imported->size(), expected.size());
        QCOMPARE(report.skipped, 0);
        QVERIFY2(report.messages.isEmpty(), qPrintable(report.messages.join(u'\n'))); // covered texts agree
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Annotation &a = (*imported)[i];
            const Annotation &e = expected[i];
            QCOMPARE(toString(a.kind), toString(e.kind));
            if (e.kind != AnnotationKind::Highlight) // a highlight's colour has no place in brat
                QCOMPARE(a.label, e.label);
            QCOMPARE(a.position, e.position);
            QCOMPARE(a.quote, e.quote);
            QCOMPARE(a.kbId, e.kbId);
            QString note = e.note;
            note.replace(u'\t', u' ');
            QCOMPARE(a.note, note);
        }
        if (article.article.id == 7) {
            const QJsonObject attributes = imported->first().attributes;
            QCOMPARE(attributes.value(u"checkworthy"), QJsonValue(true));
            QCOMPARE(attributes.value(u"score"), QJsonValue(3));
            QCOMPARE(attributes.value(u"verdict").toString(), u"false__mostly"_qs); // brat values are one token
        }
        // Same file, same ids.
        QCOMPARE(
            BratImporter::read(read(".ann"), read(".txt"), article.article.current.readerText, options)->first().id,
            imported->first().id);
    }
}

void tst_ExportImport::bratRejectsDifferentText()
{
    const auto r = BratImporter::read(u"T1\tGPE 0 5\tParis\n"_qs, u"Paris is big."_qs, u"Paris is large."_qs, {});
    QVERIFY(!r.has_value());
    QVERIFY(r.error().message.contains(u"differs"));
    const auto beyond = BratImporter::read(u"T1\tGPE 0 50\tParis\n"_qs, u"Paris"_qs, u"Paris"_qs, {});
    QVERIFY(!beyond.has_value());
}

QTEST_GUILESS_MAIN(tst_ExportImport)
#include "tst_exportimport.moc"

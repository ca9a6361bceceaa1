// AnnotationImport against a store: the same annotations arriving in another format (other ids) are skipped
// as already annotated, not stored twice.
#include "core/commands/annotationbuilder.h"
#include "core/commands/entitycommands.h"
#include "core/storage/annotationexport.h"
#include "core/storage/annotationimport.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gloss::Core;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class tst_AnnotationImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameAnnotationsInAnotherFormatAreSkipped_data();
    void sameAnnotationsInAnotherFormatAreSkipped();
    void differentLabelOnTheSameSpanIsImported();

private:
    /// A fresh store holding the seed article (id 1).
    std::unique_ptr<Database> freshStore(const QString &name);
    QTemporaryDir m_dir;
    qsizetype m_count = 0; ///< annotations in the exported files
};

std::unique_ptr<Database> tst_AnnotationImport::freshStore(const QString &name)
{
    auto db = Database::open(m_dir.filePath(name));
    if (!db)
        return nullptr;
    auto outcome = ArticleImporter(**db).importFile(seed);
    if (!outcome || outcome->articleId != 1)
        return nullptr;
    return std::move(*db);
}

void tst_AnnotationImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The source store: every "Serbia" tagged GPE, "NATO" ORG, one claim; exported as brat and JSON-LD lines.
    auto db = freshStore(QStringLiteral("source.sqlite"));
    QVERIFY(db);
    const ArticleVersion version = ArticleRepository(*db).article(1)->current;
    QVERIFY(TagAllOccurrencesCommand(*db, version, QStringLiteral("Serbia"), QStringLiteral("GPE"), QString(),
                                     QString(), QStringLiteral("t"))
                .redo());
    QVERIFY(TagAllOccurrencesCommand(*db, version, QStringLiteral("NATO"), QStringLiteral("ORG"), QString(),
                                     QString(), QStringLiteral("t"))
                .redo());
    auto claim = annotationForQuote(version, QStringLiteral("has pledged to stay out of NATO"), 0,
                                    AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("t"));
    QVERIFY(claim);
    QVERIFY(AnnotationRepository(*db).insert(*claim));
    m_count = AnnotationRepository(*db).forArticle(1)->size();
    QVERIFY(m_count > 3);
    AnnotationSelection all;
    QVERIFY(exportToPath(*db, all, QStringLiteral("brat"), {}, m_dir.filePath(QStringLiteral("brat"))));
    QVERIFY(exportToPath(*db, all, QStringLiteral("jsonld-lines"), {}, m_dir.filePath(QStringLiteral("a.jsonl"))));
}

void tst_AnnotationImport::sameAnnotationsInAnotherFormatAreSkipped_data()
{
    QTest::addColumn<bool>("bratFirst");
    QTest::newRow("brat, then JSON-LD lines") << true;
    QTest::newRow("JSON-LD lines, then brat") << false;
}

void tst_AnnotationImport::sameAnnotationsInAnotherFormatAreSkipped()
{
    QFETCH(bool, bratFirst);
    auto db = freshStore(bratFirst ? QStringLiteral("brat-first.sqlite") : QStringLiteral("jsonld-first.sqlite"));
    QVERIFY(db);
    const QString ann = readAll(m_dir.filePath(QStringLiteral("brat/1.ann")));
    const QString txt = readAll(m_dir.filePath(QStringLiteral("brat/1.txt")));
    QVERIFY(!ann.isEmpty());
    const QByteArray jsonl = readAll(m_dir.filePath(QStringLiteral("a.jsonl"))).toUtf8();
    QVERIFY(!jsonl.isEmpty());

    AnnotationImport importer(*db);
    const auto importBrat = [&] { return importer.importBrat(1, ann, txt, QStringLiteral("t")); };
    const auto importJsonLd = [&] { return importer.importWebAnnotations(jsonl); };
    auto first = bratFirst ? importBrat() : importJsonLd();
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->imported, m_count);
    QCOMPARE(first->skipped, 0);
    QCOMPARE(importer.alreadyAnnotated(), 0);

    auto second = bratFirst ? importJsonLd() : importBrat();
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
    QCOMPARE(second->read, m_count);
    QCOMPARE(second->imported, 0);
    QCOMPARE(second->orphaned, 0);
    QCOMPARE(second->skipped, m_count);
    QCOMPARE(importer.alreadyAnnotated(), m_count);
    QCOMPARE(importer.alreadyStored(), 0);
    QVERIFY2(second->messages.join(u'\n').contains(QStringLiteral("\"Serbia\" is already annotated as GPE there")),
             qPrintable(second->messages.join(u'\n')));
    QCOMPARE(AnnotationRepository(*db).forArticle(1)->size(), m_count);

    // The same file once more: skipped by id, as before.
    auto third = bratFirst ? importJsonLd() : importBrat();
    QVERIFY(third);
    QCOMPARE(third->imported, 0);
    QCOMPARE(AnnotationRepository(*db).forArticle(1)->size(), m_count);
}

void tst_AnnotationImport::differentLabelOnTheSameSpanIsImported()
{
    auto db = freshStore(QStringLiteral("labels.sqlite"));
    QVERIFY(db);
    AnnotationImport importer(*db);
    QString ann = readAll(m_dir.filePath(QStringLiteral("brat/1.ann")));
    const QString txt = readAll(m_dir.filePath(QStringLiteral("brat/1.txt")));
    QVERIFY(importer.importBrat(1, ann, txt, QStringLiteral("t")));
    // The same spans as LOC instead of GPE: other annotations, imported (the rest keep their ids: stored).
    const qsizetype places = ann.count(QStringLiteral("\tGPE "));
    QVERIFY(places > 1);
    ann.replace(QStringLiteral("\tGPE "), QStringLiteral("\tLOC "));
    auto r = importer.importBrat(1, ann, txt, QStringLiteral("t"));
    QVERIFY(r);
    QCOMPARE(r->imported, places);
    QCOMPARE(importer.alreadyAnnotated(), 0);
    QCOMPARE(importer.alreadyStored(), m_count - places);
    QCOMPARE(AnnotationRepository(*db).forArticle(1)->size(), m_count + places);
}

QTEST_GUILESS_MAIN(tst_AnnotationImport)
#include "tst_annotationimport.moc"

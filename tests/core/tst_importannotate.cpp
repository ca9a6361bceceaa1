// The spine end to end through a temporary store: import, annotate by quote, undo, bad input.
#include "core/anchoring/codepointindex.h"
#include "core/commands/annotationbuilder.h"
#include "core/commands/annotationcommands.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"

#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gloss::Core;

namespace {
QString seedPath(const char *name)
{
    return QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/") + QLatin1String(name);
}
QString dataPath(const char *name)
{
    return QStringLiteral(GLOSS_TEST_DATA "/spine/") + QLatin1String(name);
}
qint64 countRows(Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    q.next();
    return q.value(0).toLongLong();
}
} // namespace

class tst_ImportAnnotate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importSeedStoresSnapshotAndVersion();
    void reimportUnchangedAddsNothing();
    void annotateOffsetsAreCodePoints();
    void ambiguousAndMissingQuotes();
    void undoRedoCreateAndDelete();
    void badInput_data();
    void badInput();
    void reimportChangedTextReanchors();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void tst_ImportAnnotate::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto db = Database::open(m_dir.filePath(QStringLiteral("store.sqlite")));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db = std::move(*db);
}

void tst_ImportAnnotate::importSeedStoresSnapshotAndVersion()
{
    ArticleImporter importer(*m_db);
    auto outcome = importer.importFile(seedPath("independent-serbia-russia.html"));
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    QCOMPARE(outcome->kind, ImportOutcome::NewArticle);
    auto article = ArticleRepository(*m_db).article(outcome->articleId);
    QVERIFY(article);
    QCOMPARE(article->current.metadata.title, QStringLiteral("Serbia mulls Russian Defense Ministry presence"));
    QVERIFY(article->current.readerText.contains(QStringLiteral("has pledged to stay out of NATO")));
    QCOMPARE(article->snapshotSha256.size(), 64);
    auto snapshot = ArticleRepository(*m_db).snapshot(article->current.snapshotId);
    QVERIFY(snapshot);
    QFile original(seedPath("independent-serbia-russia.html"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(snapshot->bytes, original.readAll());
    QCOMPARE(snapshot->contentType, QStringLiteral("text/html"));
}

void tst_ImportAnnotate::reimportUnchangedAddsNothing()
{
    const qint64 versions = countRows(*m_db, QStringLiteral("article_versions"));
    auto outcome = ArticleImporter(*m_db).importFile(seedPath("independent-serbia-russia.html"));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, ImportOutcome::Unchanged);
    QCOMPARE(countRows(*m_db, QStringLiteral("article_versions")), versions);
}

void tst_ImportAnnotate::annotateOffsetsAreCodePoints()
{
    auto outcome = ArticleImporter(*m_db).importFile(dataPath("offsets.txt"));
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    auto article = ArticleRepository(*m_db).article(outcome->articleId);
    QVERIFY(article);
    const QString &text = article->current.readerText;
    QVERIFY2(text.contains(QString::fromUtf8("café 😀")), qPrintable(text));

    auto annotation = annotationForQuote(article->current, QStringLiteral("Serbia has pledged to stay out of NATO"), 0,
                                         AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("tester"));
    QVERIFY(annotation);
    // Expected start: count code points in Python's way (one per scalar value).
    const qsizetype utf16Start = text.indexOf(QStringLiteral("Serbia has pledged"));
    const qsizetype expectedStart = text.left(utf16Start).toUcs4().size();
    QCOMPARE(annotation->position.start, expectedStart);
    QVERIFY(expectedStart < utf16Start); // the emoji counts once in code points, twice in UTF-16
    QCOMPARE(annotation->position.end - annotation->position.start, qsizetype(38));
    QCOMPARE(annotation->quote.exact, QStringLiteral("Serbia has pledged to stay out of NATO"));
    QCOMPARE(annotation->quote.prefix.toUcs4().size(), 32);

    QVERIFY(CreateAnnotationCommand(*m_db, *annotation).redo());
    auto stored = AnnotationRepository(*m_db).annotation(annotation->id);
    QVERIFY(stored);
    QCOMPARE(*stored, *annotation);
}

void tst_ImportAnnotate::ambiguousAndMissingQuotes()
{
    auto article = ArticleRepository(*m_db).article(1);
    QVERIFY(article);
    auto ambiguous = annotationForQuote(article->current, QStringLiteral("NATO"), 0, AnnotationKind::Entity,
                                        QStringLiteral("ORG"), QStringLiteral("t"));
    QVERIFY(!ambiguous);
    QVERIFY(ambiguous.error().message.contains(QStringLiteral("--occurrence")));
    auto second = annotationForQuote(article->current, QStringLiteral("NATO"), 2, AnnotationKind::Entity,
                                     QStringLiteral("ORG"), QStringLiteral("t"));
    QVERIFY(second);
    auto missing = annotationForQuote(article->current, QStringLiteral("Montenegro"), 0, AnnotationKind::Entity,
                                      QStringLiteral("GPE"), QStringLiteral("t"));
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QStringLiteral("does not occur")));
}

void tst_ImportAnnotate::undoRedoCreateAndDelete()
{
    auto article = ArticleRepository(*m_db).article(1);
    QVERIFY(article);
    auto annotation = annotationForQuote(article->current, QStringLiteral("Aleksandar Vucic"), 0,
                                         AnnotationKind::Entity, QStringLiteral("PERSON"), QStringLiteral("t"));
    QVERIFY(annotation);
    AnnotationRepository repo(*m_db);
    const qint64 before = *repo.count();
    CreateAnnotationCommand create(*m_db, *annotation);
    QVERIFY(create.redo());
    QCOMPARE(*repo.count(), before + 1);
    QVERIFY(create.undo());
    QCOMPARE(*repo.count(), before);
    QVERIFY(create.redo());

    DeleteAnnotationCommand remove(*m_db, annotation->id);
    QVERIFY(remove.redo());
    QVERIFY(!repo.annotation(annotation->id));
    QVERIFY(remove.undo());
    QCOMPARE(*repo.annotation(annotation->id), *annotation);
}

void tst_ImportAnnotate::badInput_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("binary file") << dataPath("binary.png") << QString();
    QTest::newRow("empty file") << dataPath("empty.html") << QStringLiteral("empty");
    QTest::newRow("missing file") << dataPath("no-such-file.html") << QStringLiteral("no such file");
    QTest::newRow("folder") << QStringLiteral(GLOSS_TEST_DATA) << QStringLiteral("folder");
}

void tst_ImportAnnotate::badInput()
{
    QFETCH(QString, path);
    QFETCH(QString, messagePart);
    const qint64 articles = countRows(*m_db, QStringLiteral("articles"));
    const qint64 snapshots = countRows(*m_db, QStringLiteral("snapshots"));
    auto outcome = ArticleImporter(*m_db).importFile(path);
    QVERIFY(!outcome);
    QVERIFY(!outcome.error().message.isEmpty());
    if (!messagePart.isEmpty())
        QVERIFY2(outcome.error().message.contains(messagePart), qPrintable(outcome.error().message));
    QCOMPARE(countRows(*m_db, QStringLiteral("articles")), articles);
    QCOMPARE(countRows(*m_db, QStringLiteral("snapshots")), snapshots);
}

void tst_ImportAnnotate::reimportChangedTextReanchors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("story.txt"));
    const auto write = [&path](const QString &text) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
    };
    const QString first = QStringLiteral("Belgrade talks\n\nThe talks in Belgrade ended on Tuesday without an agreement on the "
                                         "border, officials said.\n\nNATO has refused to comment on the possible "
                                         "opening of Russian Defense Ministry offices in Belgrade.\n");
    write(first);
    ArticleImporter importer(*m_db);
    auto outcome = importer.importFile(path);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    auto article = ArticleRepository(*m_db).article(outcome->articleId);
    QVERIFY(article);
    auto kept = annotationForQuote(article->current, QStringLiteral("NATO has refused to comment"), 0,
                                   AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("t"));
    auto dropped = annotationForQuote(article->current, QStringLiteral("without an agreement on the border"), 0,
                                      AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("t"));
    QVERIFY(kept && dropped);
    QVERIFY(AnnotationRepository(*m_db).insertAll({*kept, *dropped}));

    // The updated page: a new first paragraph, and the annotated words of the old first one rewritten.
    write(QStringLiteral("Belgrade talks\n\nUpdated at noon with reactions from the region and from Brussels.\n\n"
                         "Officials met again on Wednesday for a short session.\n\nNATO has refused to comment on "
                         "the possible opening of Russian Defense Ministry offices in Belgrade.\n"));
    auto second = importer.importFile(path);
    QVERIFY(second);
    QCOMPARE(second->kind, ImportOutcome::NewVersion);
    QCOMPARE(second->articleId, outcome->articleId);
    QCOMPARE(importer.reanchorReport().total(), qsizetype(2));
    QCOMPARE(importer.reanchorReport().orphaned, qsizetype(1));

    auto updated = ArticleRepository(*m_db).article(outcome->articleId);
    QVERIFY(updated);
    QCOMPARE(updated->current.number, 2);
    auto moved = AnnotationRepository(*m_db).annotation(kept->id);
    QVERIFY(moved);
    QCOMPARE(moved->versionId, updated->currentVersionId);
    QVERIFY(moved->status == AnchorStatus::Moved);
    const CodePointIndex index(updated->current.readerText);
    const qsizetype from = index.toUtf16(moved->position.start);
    QCOMPARE(updated->current.readerText.mid(from, index.toUtf16(moved->position.end) - from),
             QStringLiteral("NATO has refused to comment"));
    auto orphan = AnnotationRepository(*m_db).annotation(dropped->id);
    QVERIFY(orphan);
    QVERIFY(orphan->status == AnchorStatus::Orphaned);
    QCOMPARE(orphan->quote.exact, QStringLiteral("without an agreement on the border"));
    // The first version is kept.
    QVERIFY(ArticleRepository(*m_db).version(outcome->versionId));
}

QTEST_GUILESS_MAIN(tst_ImportAnnotate)
#include "tst_importannotate.moc"

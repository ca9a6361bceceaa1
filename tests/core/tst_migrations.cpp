// Every earlier schema version upgrades to the latest with its data intact (issue 5, "Schema and migrations").
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"
#include "core/storage/collectionrepository.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/readingstaterepository.h"
#include "core/storage/searchindex.h"
#include "core/storage/tagrepository.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gloss::Core;

namespace {

/// Builds a store at schema `version` with the migration steps themselves (as an older Gloss would have), and
/// fills it with the data that version can hold, with plain SQL as that Gloss wrote it.
bool buildAtVersion(const QString &path, int version)
{
    const QString name = QStringLiteral("old-%1").arg(version);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        QSqlQuery q(db);
        auto run = [&](const QString &sql) {
            if (ok && !q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        };
        run(QStringLiteral("PRAGMA journal_mode=WAL"));
        for (int step = 0; step < version; ++step) {
            run(QStringLiteral("BEGIN"));
            for (const QString &sql : migrations().at(step))
                run(sql);
            run(QStringLiteral("PRAGMA user_version=%1").arg(step + 1));
            run(QStringLiteral("COMMIT"));
        }
        // Schema 1 data.
        run(QStringLiteral("INSERT INTO snapshots (id, sha256, content_type, charset, source_url, fetched, size, data) "
                           "VALUES (1, 'abc', 'text/html', 'utf-8', 'https://example.org/a', "
                           "'2024-01-01T00:00:00.000Z', 3, x'00')"));
        run(QStringLiteral("INSERT INTO articles (id, source_url, imported) VALUES (1, 'https://example.org/a', "
                           "'2024-01-01T00:00:00.000Z')"));
        run(QStringLiteral(
            "INSERT INTO article_versions (id, article_id, snapshot_id, number, title, reader_html, reader_text, "
            "text_length, extractor_version, created) VALUES (1, 1, 1, 1, 'Zebrafish migrate north', "
            "'<p>x</p>', 'The Belgrade ministry denied the report.', 41, 'old/1', '2024-01-01T00:00:00.000Z')"));
        run(QStringLiteral("UPDATE articles SET current_version_id = 1 WHERE id = 1"));
        run(QStringLiteral("INSERT INTO entities (id, name, type, aliases, created) VALUES ('e1', 'Aleksandar Vucic', "
                           "'PERSON', '[\"Vučić\"]', '2024-01-01T00:00:00.000Z')"));
        run(QStringLiteral(
            "INSERT INTO annotations (id, article_id, version_id, kind, label, quote, start, \"end\", entity_id, note, "
            "created, modified) VALUES ('a1', 1, 1, 'claim', 'claim', 'ministry denied', 12, 27, 'e1', "
            "'checkworthy quokka', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')"));
        if (version >= 2) {
            run(QStringLiteral("INSERT INTO collections (id, name, created) VALUES (1, 'Balkans', "
                               "'2024-01-01T00:00:00.000Z')"));
            run(QStringLiteral("INSERT INTO article_collections (collection_id, article_id, added) VALUES (1, 1, "
                               "'2024-01-01T00:00:00.000Z')"));
            run(QStringLiteral("INSERT INTO article_tags (article_id, tag, added) VALUES (1, 'Serbia', "
                               "'2024-01-01T00:00:00.000Z')"));
            run(QStringLiteral("INSERT INTO reading_state (article_id, state, position, updated) VALUES (1, "
                               "'in_progress', 12, '2024-01-01T00:00:00.000Z')"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class tst_Migrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void everyEarlierVersionUpgrades_data();
    void everyEarlierVersionUpgrades();
    void latestSchemaHasEveryTable();
};

void tst_Migrations::everyEarlierVersionUpgrades_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < Database::schemaVersion(); ++v)
        QTest::addRow("from schema %d", v) << v;
}

void tst_Migrations::everyEarlierVersionUpgrades()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    QVERIFY(buildAtVersion(path, version));

    auto opened = Database::open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    Database &db = **opened;
    QCOMPARE(db.userVersion(), Database::schemaVersion());
    QVERIFY(db.integrityCheck());

    auto article = ArticleRepository(db).article(1);
    QVERIFY(article);
    QCOMPARE(article->current.metadata.title, QStringLiteral("Zebrafish migrate north"));
    QCOMPARE(article->current.readerText, QStringLiteral("The Belgrade ministry denied the report."));
    auto annotation = AnnotationRepository(db).annotation(QStringLiteral("a1"));
    QVERIFY(annotation);
    QCOMPARE(annotation->quote.exact, QStringLiteral("ministry denied"));
    QCOMPARE(annotation->position.start, 12);
    QCOMPARE(annotation->entityId, QStringLiteral("e1"));

    // Organising data survives; before schema 2 there was none and the tables are now empty and usable.
    auto collections = CollectionRepository(db).forArticle(1);
    QVERIFY(collections);
    QCOMPARE(collections->size(), version >= 2 ? 1 : 0);
    auto tags = TagRepository(db).tagsOf(1);
    QVERIFY(tags);
    QCOMPARE(*tags, version >= 2 ? QStringList { QStringLiteral("Serbia") } : QStringList {});
    auto state = ReadingStateRepository(db).state(1);
    QVERIFY(state);
    QCOMPARE(int(state->state), int(version >= 2 ? ReadingProgress::InProgress : ReadingProgress::Unread));
    QVERIFY(CollectionRepository(db).ensure(QStringLiteral("Later")));
    // Schema 4 gave the store its id (backups carry it) and the Gloss application id.
    QCOMPARE(db.storeId().size(), 32);
    QSqlQuery appId(db.connection());
    QVERIFY(appId.exec(QStringLiteral("PRAGMA application_id")) && appId.next());
    QCOMPARE(appId.value(0).toLongLong(), 1198288755LL); // "Glos"

    // The search index was filled from the existing rows: title, text, quote, note, entity name and alias.
    SearchIndex search(db);
    for (const char *word : { "zebrafish", "belgrade", "denied", "quokka", "vucic", "Vučić" }) {
        auto hits = search.search(QString::fromUtf8(word));
        QVERIFY2(hits, word);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().articleId, 1);
    }
}

void tst_Migrations::latestSchemaHasEveryTable()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("new.sqlite")));
    QVERIFY(db);
    QSqlQuery q((*db)->connection());
    for (const char *table :
        { "snapshots", "articles", "article_versions", "annotations", "entities", "collections", "article_collections",
            "article_tags", "reading_state", "label_schemas", "article_fts", "annotation_fts", "store_identity" }) {
        q.prepare(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE name = ?"));
        q.addBindValue(QString::fromLatin1(table));
        QVERIFY(q.exec());
        QVERIFY2(q.next(), table);
    }
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"

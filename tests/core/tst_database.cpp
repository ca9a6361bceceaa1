#include "core/storage/database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gloss::Core;

class tst_Database : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void freshFileReachesLatestSchema();
    void pragmasAreSet();
    void missingFolderIsAClearError();
    void nonSqliteFileIsNeverOverwritten();
    void newerSchemaIsRefused();
    void otherProgramsSqliteIsNeverWritten();
    void readOnlyStoreReadsAndRefusesWrites();
    void failedTransactionRollsBack();
    void checkpointsRunInTheBackground();
};

void tst_Database::freshFileReachesLatestSchema()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("g.sqlite")));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), Database::schemaVersion());
    QVERIFY(Database::schemaVersion() >= 1);
    // Opening again is a no-op migration.
    db->reset();
    auto again = Database::open(dir.filePath(QStringLiteral("g.sqlite")));
    QVERIFY(again);
}

void tst_Database::pragmasAreSet()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("g.sqlite")));
    QVERIFY(db);
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1); // NORMAL, with the background checkpointer (see Database)
    // Commits do not checkpoint (the background thread does, checkpointsRunInTheBackground), except as a
    // backstop once the WAL reaches 10,000 pages.
    QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && q.next());
    QCOMPARE(q.value(0).toInt(), 10000);
    QCOMPARE((*db)->storeId().size(), 32);
}

void tst_Database::missingFolderIsAClearError()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("no/such/folder/g.sqlite")));
    QVERIFY(!db);
    QVERIFY(db.error().message.contains(QStringLiteral("does not exist")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("no"))));
}

void tst_Database::nonSqliteFileIsNeverOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray content("These are my precious notes, not a database.\n");
    f.write(content);
    f.close();
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY(db.error().message.contains(QStringLiteral("not a Gloss (SQLite) database")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

void tst_Database::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(Database::schemaVersion() + 5)));
    }
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY(db.error().message.contains(QStringLiteral("newer Gloss")));
}

void tst_Database::otherProgramsSqliteIsNeverWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE foo (x INTEGER)")));
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO foo VALUES (42)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(QStringLiteral("another program")), qPrintable(db.error().message));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    // No tables, but header fields another program set; an "articles" table alone: refused, untouched too.
    const QList<QStringList> others {
        { QStringLiteral("PRAGMA application_id=1234") },
        { QStringLiteral("PRAGMA user_version=3") },
        { QStringLiteral("PRAGMA application_id=1234"), QStringLiteral("PRAGMA user_version=7") },
        { QStringLiteral("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT)"),
            QStringLiteral("PRAGMA user_version=2") },
    };
    for (qsizetype i = 0; i < others.size(); ++i) {
        const QString other = dir.filePath(QStringLiteral("other%1.sqlite").arg(i));
        {
            QSqlDatabase o = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("o"));
            o.setDatabaseName(other);
            QVERIFY(o.open());
            for (const QString &sql : others.at(i))
                QVERIFY(QSqlQuery(o).exec(sql));
            o.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("o"));
        QFile file(other);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        auto opened = Database::open(other);
        QVERIFY2(!opened, qPrintable(others.at(i).join(u"; ")));
        QVERIFY2(opened.error().message.contains(QStringLiteral("another program")), qPrintable(opened.error().message));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        file.close();
        QVERIFY(!QFileInfo::exists(other + QStringLiteral("-wal")));
    }
    // An empty SQLite file is fine: it becomes a store.
    const QString empty = dir.filePath(QStringLiteral("empty.sqlite"));
    {
        QSqlDatabase e = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("empty"));
        e.setDatabaseName(empty);
        QVERIFY(e.open());
        QVERIFY(QSqlQuery(e).exec(QStringLiteral("PRAGMA user_version=0")));
        e.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("empty"));
    QVERIFY(Database::open(empty));
}

void tst_Database::readOnlyStoreReadsAndRefusesWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QVERIFY((*db)->transaction([&]() -> Result<void> {
            QSqlQuery q((*db)->connection());
            if (!q.exec(QStringLiteral("INSERT INTO collections (name, created) VALUES ('Balkans', '2026-01-01')")))
                return fail(q.lastError().text());
            return {};
        }));
        QVERIFY(!(*db)->isReadOnly());
    }
    // Permissions cannot be taken away from root (CI), so the read-only mode is asked for; a store whose file or
    // folder is not writable opens the same way.
    auto db = Database::open(path, 5000, Database::Access::ReadOnly);
    QVERIFY2(db, db ? "" : qPrintable(db.error().message));
    QVERIFY((*db)->isReadOnly());
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM collections")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Balkans"));
    q.finish();
    auto r = (*db)->transaction([]() -> Result<void> { return {}; });
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("read-only")), qPrintable(r.error().message));
}

void tst_Database::failedTransactionRollsBack()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("g.sqlite")));
    QVERIFY(db);
    Database &d = **db;
    QSqlQuery(d.connection()).exec(QStringLiteral("CREATE TABLE t (x INTEGER)"));
    auto r = d.transaction([&]() -> Result<void> {
        QSqlQuery(d.connection()).exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        return fail(QStringLiteral("boom"));
    });
    QVERIFY(!r);
    QSqlQuery q(d.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM t")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

// With the writer's automatic checkpoint at 10,000 pages, the background thread copies the WAL into the database file
// when the commits pause: the file grows without any further write from this connection.
void tst_Database::checkpointsRunInTheBackground()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db);
    Database &d = **db;
    QVERIFY(QSqlQuery(d.connection()).exec(QStringLiteral("CREATE TABLE big (x BLOB)")));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 5000); // the migrations' commits, checkpointed
    const qint64 before = QFileInfo(path).size();
    auto r = d.transaction([&]() -> Result<void> {
        QSqlQuery q(d.connection());
        q.prepare(QStringLiteral("INSERT INTO big VALUES (?)"));
        q.addBindValue(QByteArray(2 * 1024 * 1024, 'x'));
        if (!q.exec())
            return fail(q.lastError().text());
        return {};
    });
    QVERIFY(r);
    QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 2 * 1024 * 1024); // committed into the WAL
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 2 * 1024 * 1024, 5000);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"

// The storage verbs of gloss-cli, run as a user would (the built binary through QProcess; no app sources).
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Runs `sql` on `path` through a plain connection; returns the first value, or "ERROR: ..." when it fails.
QString rawQuery(const QString &path, const QString &sql)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("ERROR: ") + db.lastError().text();
        QSqlQuery q(db);
        if (!q.exec(sql))
            result = QStringLiteral("ERROR: ") + q.lastError().text();
        else if (q.next())
            result = q.value(0).toString();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return result;
}

/// Scribbles over `path` as the tester did (16 seeded random bytes at the start of one page in the middle of the
/// file), choosing a page where SQLite's quick_check fails and VACUUM INTO reports "database or disk is full"
/// (what a damaged b-tree page often gives), or at least one where quick_check fails. Returns the page number.
int scribble(const QString &path, const QString &scratch)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return 0;
    const QByteArray original = f.readAll();
    const int pages = int(original.size() / 4096);
    int fallback = 0;
    for (int i = 0; i < pages; ++i) {
        const int page = pages / 2 + (i % 2 ? -(i + 1) / 2 : i / 2); // middle first, then outwards
        if (page < 1 || page >= pages)
            continue;
        QRandomGenerator rng { quint32(page) };
        QByteArray bytes(16, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(rng.bounded(256));
        f.seek(qint64(page) * 4096);
        f.write(bytes);
        f.flush();
        const QString check = rawQuery(path, QStringLiteral("PRAGMA quick_check"));
        if (check != u"ok") {
            QFile::remove(scratch);
            const QString vacuum = rawQuery(path, QStringLiteral("VACUUM INTO '%1'").arg(scratch));
            QFile::remove(scratch);
            if (vacuum.contains(QStringLiteral("full")))
                return page + 1;
            if (!fallback)
                fallback = page;
        }
        f.seek(0);
        f.write(original);
        f.flush();
    }
    if (fallback) {
        QRandomGenerator rng { quint32(fallback) };
        QByteArray bytes(16, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(rng.bounded(256));
        f.seek(qint64(fallback) * 4096);
        f.write(bytes);
        return fallback + 1;
    }
    return 0;
}

} // namespace

class tst_StorageCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importIntoCollectionAndList();
    void search();
    void tagsAndCollections();
    void backupAndRestore();
    void recoveryHintNamesOnlyThisStoresBackups();
    void restoreRefusesAnotherStoresBackupWithoutForce();
    void collectionsAddIsAllOrNothing();
    void damagedStoreIsNotWrittenAndBackupSaysDamaged();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(QStringList args, const QString &db = {})
    {
        args << QStringLiteral("--db") << (db.isEmpty() ? m_db : db);
        QProcess p;
        // GLOSS_CLI_UNDER_TEST runs these tests against another build of gloss-cli (e.g. an older one).
        p.start(qEnvironmentVariableIsSet("GLOSS_CLI_UNDER_TEST") ? qEnvironmentVariable("GLOSS_CLI_UNDER_TEST")
                                                                  : QStringLiteral(GLOSS_CLI),
            args);
        p.waitForFinished(60000);
        return Run { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    }
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_id = 0;
};

void tst_StorageCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
}

void tst_StorageCli::importIntoCollectionAndList()
{
    const Run import = cli(
        { QStringLiteral("import"), QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html"),
            QStringLiteral("--collection"), QStringLiteral("Seed corpus") });
    QVERIFY2(import.exitCode == 0, import.err.constData());
    m_id = import.out.split('\t').first().toLongLong();
    QVERIFY(m_id > 0);

    const Run list = cli({ QStringLiteral("list"), QStringLiteral("--collection"), QStringLiteral("seed corpus"),
        QStringLiteral("--json") });
    QCOMPARE(list.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    for (const char *key : { "id", "title", "url", "site", "published", "versions", "annotations" })
        QVERIFY2(row.contains(QLatin1String(key)), key);
    QCOMPARE(row.value(QStringLiteral("id")).toInteger(), m_id);
    QCOMPARE(row.value(QStringLiteral("versions")).toInt(), 1);

    const Run missing = cli({ QStringLiteral("list"), QStringLiteral("--collection"), QStringLiteral("Nope") });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("no collection"));
    const Run badState = cli({ QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("skimmed") });
    QCOMPARE(badState.exitCode, 2);
}

void tst_StorageCli::search()
{
    const Run json = cli({ QStringLiteral("search"), QStringLiteral("NATO"), QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray hits = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(hits.size(), 1);
    const QJsonObject hit = hits.first().toObject();
    QCOMPARE(hit.value(QStringLiteral("id")).toInteger(), m_id);
    QVERIFY(hit.value(QStringLiteral("score")).toDouble() > 0);
    QVERIFY(hit.value(QStringLiteral("title")).toString().contains(QStringLiteral("Serbia")));
    QVERIFY2(hit.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("<mark>NATO</mark>")),
        qPrintable(hit.value(QStringLiteral("snippet")).toString()));

    const Run text = cli({ QStringLiteral("search"), QStringLiteral("nato") });
    QCOMPARE(text.exitCode, 0);
    const QList<QByteArray> fields = text.out.trimmed().split('\t');
    QCOMPARE(fields.size(), 4);
    QCOMPARE(fields.at(0).toLongLong(), m_id);
    QVERIFY(fields.at(3).contains("[NATO]"));

    const Run none = cli({ QStringLiteral("search"), QStringLiteral("xylophonist") });
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.isEmpty());
    const Run empty = cli({ QStringLiteral("search"), QStringLiteral("...") });
    QCOMPARE(empty.exitCode, 1);
    const Run inOther
        = cli({ QStringLiteral("search"), QStringLiteral("NATO"), QStringLiteral("--tag"), QStringLiteral("unused") });
    QCOMPARE(inOther.exitCode, 0);
    QVERIFY(inOther.out.isEmpty());
}

void tst_StorageCli::tagsAndCollections()
{
    const QString id = QString::number(m_id);
    const Run tag = cli({ QStringLiteral("tag"), id, QStringLiteral("Serbia"), QStringLiteral("to check") });
    QCOMPARE(tag.exitCode, 0);
    QCOMPARE(tag.out, QByteArray("Serbia\nto check\n"));
    const Run byTag
        = cli({ QStringLiteral("list"), QStringLiteral("--tag"), QStringLiteral("serbia"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(byTag.out).array().size(), 1);
    QCOMPARE(cli({ QStringLiteral("tag"), QStringLiteral("999"), QStringLiteral("x") }).exitCode, 1);

    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("add"), QStringLiteral("Second"), id }).exitCode, 0);
    const Run list = cli({ QStringLiteral("collections"), QStringLiteral("--json") });
    QCOMPARE(list.exitCode, 0);
    const QJsonArray collections = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(collections.size(), 2);
    QCOMPARE(collections.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Second"));
    QCOMPARE(collections.at(1).toObject().value(QStringLiteral("articles")).toInt(), 1);
    QCOMPARE(
        cli({ QStringLiteral("collections"), QStringLiteral("remove"), QStringLiteral("Second"), id }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("delete"), QStringLiteral("Second") }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("delete"), QStringLiteral("Second") }).exitCode, 1);
    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("frobnicate") }).exitCode, 2);
}

void tst_StorageCli::backupAndRestore()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    const Run backup = cli({ QStringLiteral("backup"), copy });
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    QVERIFY(QFile::exists(copy));
    const Run again = cli({ QStringLiteral("backup"), copy });
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("never overwritten"));
    const Run rolling = cli({ QStringLiteral("backup") });
    QCOMPARE(rolling.exitCode, 0);
    QVERIFY(rolling.out.contains("/backups/cli-"));

    // Import more, then restore the copy: the extra article goes, the previous store is kept aside.
    QCOMPARE(cli({ QStringLiteral("tag"), QString::number(m_id), QStringLiteral("after-backup") }).exitCode, 0);
    const Run restore = cli({ QStringLiteral("restore"), copy });
    QVERIFY2(restore.exitCode == 0, restore.err.constData());
    QVERIFY(restore.err.contains("previous store is kept at"));
    const Run tags = cli({ QStringLiteral("tag"), QString::number(m_id) });
    QVERIFY(!tags.out.contains("after-backup"));
    QVERIFY(!QDir(m_dir.path()).entryList({ QStringLiteral("cli.sqlite.before-restore-*") }).isEmpty());
    const Run bad = cli({ QStringLiteral("restore"), m_dir.filePath(QStringLiteral("none.sqlite")) });
    QCOMPARE(bad.exitCode, 1);
}

// Every store in a folder shares backups/; the hint and a restore must only offer this store's own backups.
void tst_StorageCli::recoveryHintNamesOnlyThisStoresBackups()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    const QString page = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");
    QCOMPARE(cli({ QStringLiteral("import"), page }, a).exitCode, 0);
    const Run backupA = cli({ QStringLiteral("backup") }, a);
    QCOMPARE(backupA.exitCode, 0);
    const QString aBackup = QString::fromUtf8(backupA.out.trimmed());
    QVERIFY2(aBackup.contains(QStringLiteral("/backups/a-")), qPrintable(aBackup));

    // A text file and a truncated copy of a.sqlite: neither is offered a.sqlite's backup.
    const QString notDb = dir.filePath(QStringLiteral("notdb.sqlite"));
    QFile text(notDb);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("just some notes\n");
    text.close();
    const Run onText = cli({ QStringLiteral("list") }, notDb);
    QCOMPARE(onText.exitCode, 1);
    QVERIFY2(onText.err.contains("not a Gloss (SQLite) database"), onText.err.constData());
    QVERIFY2(!onText.err.contains("latest backup"), onText.err.constData());

    const QString truncated = dir.filePath(QStringLiteral("cut.sqlite"));
    {
        QFile in(a);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile cut(truncated);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(in.read(in.size() / 3));
    }
    // Restoring a's backup onto the text file (the old hint's advice) needs --force.
    const Run wrongRestore = cli({ QStringLiteral("restore"), aBackup }, notDb);
    QCOMPARE(wrongRestore.exitCode, 1);
    QVERIFY2(wrongRestore.err.contains("another store"), wrongRestore.err.constData());
    QVERIFY(text.open(QIODevice::ReadOnly));
    QCOMPARE(text.readAll(), QByteArray("just some notes\n"));
    text.close();

    const Run onCut = cli({ QStringLiteral("list") }, truncated);
    QVERIFY(onCut.exitCode != 0);
    QVERIFY2(!onCut.err.contains("latest backup"), onCut.err.constData());
    QVERIFY2(!onCut.err.contains(aBackup.toUtf8()), onCut.err.constData());

    // a.sqlite itself, damaged the same way, is offered its own backup.
    {
        QFile in(a);
        QVERIFY(in.open(QIODevice::ReadWrite));
        in.seek(100);
        in.write(QByteArray(3000, '\xA5'));
    }
    const Run onA = cli({ QStringLiteral("list") }, a);
    QVERIFY(onA.exitCode != 0);
    QVERIFY2(onA.err.contains(QByteArray(QByteArray("latest backup is ") + aBackup.toUtf8())), onA.err.constData());
}

void tst_StorageCli::restoreRefusesAnotherStoresBackupWithoutForce()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    const QString b = dir.filePath(QStringLiteral("b.sqlite"));
    QCOMPARE(cli({ QStringLiteral("import"),
                     QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html") },
                 a)
                 .exitCode,
        0);
    QCOMPARE(
        cli({ QStringLiteral("collections"), QStringLiteral("add"), QStringLiteral("Only in b"), QStringLiteral("1") },
            b)
            .exitCode,
        1); // b is empty: no article 1
    QCOMPARE(cli({ QStringLiteral("list") }, b).exitCode, 0);
    const Run backupA = cli({ QStringLiteral("backup") }, a);
    QCOMPARE(backupA.exitCode, 0);
    const QString aBackup = QString::fromUtf8(backupA.out.trimmed());
    const QByteArray before = fileHash(b);

    const Run refused = cli({ QStringLiteral("restore"), aBackup }, b);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("another store") && refused.err.contains("--force"), refused.err.constData());
    QCOMPARE(fileHash(b), before);

    const Run forced = cli({ QStringLiteral("restore"), aBackup, QStringLiteral("--force") }, b);
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    const Run list = cli({ QStringLiteral("list"), QStringLiteral("--json") }, b);
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);
    // Its own backups restore without --force.
    const Run own = cli({ QStringLiteral("backup") }, a);
    QCOMPARE(cli({ QStringLiteral("restore"), QString::fromUtf8(own.out.trimmed()) }, a).exitCode, 0);
}

void tst_StorageCli::collectionsAddIsAllOrNothing()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("c.sqlite"));
    const Run import = cli(
        { QStringLiteral("import"), QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html") },
        db);
    QCOMPARE(import.exitCode, 0);
    const QString id = QString::fromUtf8(import.out.split('\t').first());

    const Run missing = cli(
        { QStringLiteral("collections"), QStringLiteral("add"), QStringLiteral("newcoll"), QStringLiteral("999") }, db);
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("no article 999"), missing.err.constData());
    const Run mixed = cli(
        { QStringLiteral("collections"), QStringLiteral("add"), QStringLiteral("newcoll2"), id, QStringLiteral("999") },
        db);
    QCOMPARE(mixed.exitCode, 1);
    const Run list = cli({ QStringLiteral("collections"), QStringLiteral("--json") }, db);
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(QJsonDocument::fromJson(list.out).array().isEmpty(), list.out.constData());
    const Run inNone = cli({ QStringLiteral("list"), QStringLiteral("--collection"), QStringLiteral("newcoll2") }, db);
    QCOMPARE(inNone.exitCode, 1); // no such collection

    // Still works when every article exists; an existing collection is reused.
    QCOMPARE(
        cli({ QStringLiteral("collections"), QStringLiteral("add"), QStringLiteral("newcoll"), id }, db).exitCode, 0);
    QCOMPARE(
        cli({ QStringLiteral("collections"), QStringLiteral("add"), QStringLiteral("NEWCOLL"), id }, db).exitCode, 0);
    const Run after = cli({ QStringLiteral("collections"), QStringLiteral("--json") }, db);
    const QJsonArray rows = QJsonDocument::fromJson(after.out).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject().value(QStringLiteral("articles")).toInt(), 1);
}

// The tester's scrib.sqlite: random bytes in the middle of a store. Writes are refused with "damaged" (not
// "stored as version 2"), and a backup says "damaged" (not "the disk is full"); the file is never changed.
void tst_StorageCli::damagedStoreIsNotWrittenAndBackupSaysDamaged()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("scrib.sqlite"));
    QStringList pages;
    QDirIterator it(QStringLiteral(GLOSS_SHARED_DIR "/corpus/readability-test-pages"),
        { QStringLiteral("source.html") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        pages.append(it.next());
    pages.sort();
    pages = pages.mid(0, 8);
    QVERIFY(pages.size() == 8);
    const Run import = cli(QStringList { QStringLiteral("import") } + pages, db);
    QVERIFY2(import.exitCode == 0, import.err.constData());
    const Run backup = cli({ QStringLiteral("backup") }, db);
    QCOMPARE(backup.exitCode, 0);
    const QByteArray ownBackup = backup.out.trimmed();
    QVERIFY(!QFile::exists(db + QStringLiteral("-wal"))); // the CLI's close checkpointed everything

    const int page = scribble(db, dir.filePath(QStringLiteral("probe.sqlite")));
    QVERIFY2(page > 0, "no page whose damage quick_check sees");
    const QByteArray before = fileHash(db);

    const Run again = cli({ QStringLiteral("import"), pages.first() }, db);
    QCOMPARE(again.exitCode, 5);
    QVERIFY2(again.err.contains("is damaged"), again.err.constData());
    QVERIFY2(!again.err.contains("stored as version"), again.err.constData());
    QVERIFY2(again.err.contains(QByteArray(QByteArray("latest backup is ") + ownBackup)), again.err.constData());
    QCOMPARE(fileHash(db), before);

    const QString copy = dir.filePath(QStringLiteral("bk.sqlite"));
    const Run bk = cli({ QStringLiteral("backup"), copy }, db);
    QCOMPARE(bk.exitCode, 5);
    QVERIFY2(bk.err.contains("is damaged"), bk.err.constData());
    QVERIFY2(!bk.err.contains("disk is full"), bk.err.constData());
    QVERIFY(!QFile::exists(copy));
    QCOMPARE(fileHash(db), before);

    const Run tag = cli({ QStringLiteral("tag"), QStringLiteral("1"), QStringLiteral("x") }, db);
    QCOMPARE(tag.exitCode, 5);
    QCOMPARE(fileHash(db), before);
}

QTEST_GUILESS_MAIN(tst_StorageCli)
#include "tst_storagecli.moc"

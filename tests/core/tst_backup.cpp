// Backups (issue 5): VACUUM INTO copies, rolling once a day keeping N, restore that never destroys the store.
#include "core/storage/backupmanager.h"
#include "storagefixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Gloss::Core;
using namespace StorageFixture;

class tst_Backup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void copyIncludesUncheckpointedCommits();
    void copyNeverOverwrites();
    void rollingOncePerDayKeepsN();
    void backupIfDueFromAnotherThreadsConnection();
    void restoreKeepsThePreviousStore();
    void restoreRefusesBadBackups();
    void eachStoreHasItsOwnBackups();
};

void tst_Backup::copyIncludesUncheckpointedCommits()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("g.sqlite")));
    QVERIFY(db);
    auto a = storeArticle(**db, QStringLiteral("https://b.test/1"), QStringLiteral("One"), QStringLiteral("Text."));
    QVERIFY(a);
    QVERIFY(AnnotationRepository(**db).insert(annotationFor(**db, a->articleId, QStringLiteral("Text"), 0)));
    // The commits are still in the WAL (no checkpoint yet); the copy must have them.
    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    QVERIFY(BackupManager::writeCopy(**db, copy));
    QVERIFY(BackupManager::verify(copy));
    QVERIFY(!QFile::exists(copy + QStringLiteral(".partial")));
    auto c = Database::open(copy);
    QVERIFY(c);
    QCOMPARE(scalar(**c, QStringLiteral("SELECT COUNT(*) FROM annotations")), 1);
    QCOMPARE(scalar(**c, QStringLiteral("SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH 'text'")), 1);
}

void tst_Backup::copyNeverOverwrites()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("g.sqlite")));
    QVERIFY(db);
    const QString existing = dir.filePath(QStringLiteral("precious.txt"));
    QFile f(existing);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("mine");
    f.close();
    auto r = BackupManager::writeCopy(**db, existing);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("never overwritten")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("mine"));
    QVERIFY(!BackupManager::writeCopy(**db, dir.filePath(QStringLiteral("no/such/dir/x.sqlite"))));
}

void tst_Backup::rollingOncePerDayKeepsN()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db);
    BackupManager backups(path, 3);
    QCOMPARE(backups.folder(), dir.filePath(QStringLiteral("backups")));
    QVERIFY(backups.backups().isEmpty());
    QDateTime day = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    auto first = backups.backupIfDue(**db, day);
    QVERIFY(first);
    QVERIFY(first->has_value());
    QVERIFY(QFile::exists(**first));
    // Again the same day (start-up twice): nothing new.
    auto again = backups.backupIfDue(**db, day.addSecs(3 * 3600));
    QVERIFY(again);
    QVERIFY(!again->has_value());
    for (int i = 1; i <= 4; ++i) {
        auto next = backups.backupIfDue(**db, day.addDays(i));
        QVERIFY(next && next->has_value());
    }
    const QStringList kept = backups.backups();
    QCOMPARE(kept.size(), 3);
    QVERIFY(kept.first().contains(QStringLiteral("20260105T090000Z")));
    QVERIFY(kept.last().contains(QStringLiteral("20260103T090000Z")));
    QCOMPARE(backups.latest(), kept.first());
    // Files that are not ours are never touched by pruning.
    QFile other(QDir(backups.folder()).filePath(QStringLiteral("notes.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    QVERIFY(backups.backup(**db, day.addDays(10)));
    QVERIFY(QFile::exists(other.fileName()));
    QCOMPARE(backups.backups().size(), 3);
}

void tst_Backup::backupIfDueFromAnotherThreadsConnection()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db);
    QVERIFY(storeArticle(**db, QStringLiteral("https://b.test/t"), QStringLiteral("T"), QStringLiteral("Text.")));
    Result<std::optional<QString>> result = std::optional<QString>();
    std::unique_ptr<QThread> worker(QThread::create([&] { result = BackupManager(path).backupIfDue(path); }));
    worker->start();
    QVERIFY(worker->wait(30000));
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QVERIFY(result->has_value());
    QVERIFY(BackupManager::verify(**result));
}

void tst_Backup::restoreKeepsThePreviousStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    QString backup;
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QVERIFY(storeArticle(**db, QStringLiteral("https://b.test/1"), QStringLiteral("Before"), QStringLiteral("x")));
        auto b = BackupManager(path).backup(**db);
        QVERIFY(b);
        backup = *b;
        QVERIFY(storeArticle(**db, QStringLiteral("https://b.test/2"), QStringLiteral("After"), QStringLiteral("y")));
    }
    auto kept = BackupManager::restore(backup, path);
    QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
    QVERIFY(kept->contains(QStringLiteral(".before-restore-")));
    auto restored = Database::open(path);
    QVERIFY(restored);
    QCOMPARE(scalar(**restored, QStringLiteral("SELECT COUNT(*) FROM articles")), 1);
    QVERIFY((*restored)->integrityCheck());
    restored->reset();
    auto previous = Database::open(*kept);
    QVERIFY(previous);
    QCOMPARE(scalar(**previous, QStringLiteral("SELECT COUNT(*) FROM articles")), 2); // nothing lost
}

void tst_Backup::restoreRefusesBadBackups()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
    }
    const QString junk = dir.filePath(QStringLiteral("junk.sqlite"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a database at all");
    f.close();
    auto r = BackupManager::restore(junk, path);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("not a Gloss (SQLite) database")));
    QVERIFY(!BackupManager::restore(dir.filePath(QStringLiteral("missing.sqlite")), path));
    // The store is still there and usable.
    QVERIFY(Database::open(path));
    // A store another process has open (a Gloss window) is not replaced.
    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    {
        auto open = Database::open(path);
        QVERIFY(open);
        QVERIFY(BackupManager::writeCopy(**open, copy));
    }
    QProcess other;
    other.start(QStringLiteral(GLOSS_STOREWRITER), { path, QStringLiteral("--hold-lock"), QStringLiteral("20000") });
    QVERIFY(other.waitForStarted());
    QTRY_VERIFY(other.canReadLine());
    auto busy = BackupManager::restore(copy, path);
    QVERIFY(!busy);
    QVERIFY2(busy.error().message.contains(QStringLiteral("in use")), qPrintable(busy.error().message));
    other.kill();
    other.waitForFinished();
    QVERIFY(BackupManager::restore(copy, path));
}

// backups/ is shared by every store in a folder: each store lists, prunes and is offered only its own backups,
// and restore() refuses another store's backup unless forced.
void tst_Backup::eachStoreHasItsOwnBackups()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    const QString b = dir.filePath(QStringLiteral("b.sqlite"));
    auto dbA = Database::open(a);
    auto dbB = Database::open(b);
    QVERIFY(dbA && dbB);
    QVERIFY(!(*dbA)->storeId().isEmpty());
    QVERIFY((*dbA)->storeId() != (*dbB)->storeId());
    QVERIFY(storeArticle(**dbA, QStringLiteral("https://b.test/a"), QStringLiteral("In A"), QStringLiteral("a")));
    const QDateTime day = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    BackupManager backupsA(a, 2);
    BackupManager backupsB(b, 2);
    QStringList written;
    for (int i = 0; i < 3; ++i) {
        auto w = backupsA.backup(**dbA, day.addDays(i));
        QVERIFY(w);
        written.append(*w);
    }
    QVERIFY(backupsB.backup(**dbB, day));
    QVERIFY2(QFileInfo(written.last()).fileName() == QStringLiteral("a-20260103T090000Z.sqlite"),
        qPrintable(written.last()));
    QCOMPARE(backupsA.backups(), (QStringList { written.at(2), written.at(1) })); // pruned to 2, only a's
    QCOMPARE(backupsB.backups().size(), 1);
    QVERIFY(backupsB.latest().endsWith(QStringLiteral("/b-20260101T090000Z.sqlite")));
    QCOMPARE(BackupManager::storeIdOf(backupsA.latest()), (*dbA)->storeId());
    // A store with no backups of its own is offered none, even with other stores' backups beside it.
    QVERIFY(BackupManager(dir.filePath(QStringLiteral("c.sqlite"))).latest().isEmpty());
    // a's backup copied in under b's name is not offered to b (b's id is readable and differs).
    QVERIFY(QFile::copy(written.last(), QDir(backupsB.folder()).filePath(QStringLiteral("b-20270101T000000Z.sqlite"))));
    QVERIFY(backupsB.latest().endsWith(QStringLiteral("/b-20260101T090000Z.sqlite")));

    dbA->reset();
    dbB->reset();
    auto refused = BackupManager::restore(written.last(), b);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("another store")), qPrintable(refused.error().message));
    QVERIFY(BackupManager::restore(backupsB.latest(), b)); // its own
    QVERIFY(BackupManager::restore(written.last(), b, true)); // forced
    auto now = Database::open(b);
    QVERIFY(now);
    QCOMPARE(scalar(**now, QStringLiteral("SELECT COUNT(*) FROM articles")), 1);
}

QTEST_GUILESS_MAIN(tst_Backup)
#include "tst_backup.moc"

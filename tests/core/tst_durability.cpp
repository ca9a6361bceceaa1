// Durability (issue 5): SIGKILLed writers lose no committed annotation, a full disk rolls back, a locked store
// waits then says so, two writers on one file do not corrupt it, a damaged file is never overwritten.
// GLOSS_KILL_ROUNDS sets the number of kills (default 25; tests/scripts/kill-test.sh runs 250).
#include "core/storage/backupmanager.h"
#include "storagefixture.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Gloss::Core;
using namespace StorageFixture;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Writes 16 seeded random bytes at the start of one page in the middle of `path`, choosing a page where SQLite's
/// quick_check then fails and VACUUM INTO reports "database or disk is full" (SQLITE_FULL from a damaged b-tree,
/// the tester's scrib.sqlite), else any page where quick_check fails. Returns the 1-based page, 0 when none.
int scribble(const QString &path)
{
    auto raw = [&](const QString &sql) {
        QString result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("scribble"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                result = !q.exec(sql) ? q.lastError().text() : q.next() ? q.value(0).toString() : QString();
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("scribble"));
        return result;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return 0;
    const QByteArray original = f.readAll();
    const int pages = int(original.size() / 4096);
    const QString probe = path + QStringLiteral(".probe");
    int fallback = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < pages; ++i) {
            const int page = pages / 2 + (i % 2 ? -(i + 1) / 2 : i / 2); // the middle first, then outwards
            if (page < 1 || page >= pages || (pass == 1 && page != fallback))
                continue;
            QRandomGenerator rng { quint32(page) };
            QByteArray bytes(16, Qt::Uninitialized);
            for (char &b : bytes)
                b = char(rng.bounded(256));
            f.seek(qint64(page) * 4096);
            f.write(bytes);
            f.flush();
            if (pass == 1)
                return page + 1;
            if (raw(QStringLiteral("PRAGMA quick_check")) != u"ok") {
                QFile::remove(probe);
                const QString vacuum = raw(QStringLiteral("VACUUM INTO '%1'").arg(probe));
                QFile::remove(probe);
                if (vacuum.contains(QStringLiteral("full")))
                    return page + 1;
                if (!fallback)
                    fallback = page;
            }
            f.seek(0);
            f.write(original);
            f.flush();
        }
        if (!fallback)
            return 0;
    }
    return 0;
}

} // namespace

class tst_Durability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void killedWriterLosesNothing();
    void fullDiskRollsBackAndKeepsEarlierData();
    void lockedStoreWaitsThenSaysSo();
    void twoWritersOnOneFile();
    void nonSqliteFileIsNeverOverwrittenAndBackupOffered();
    void damagedSqliteFileIsNeverOverwritten();
    void damagedStoreRefusesWritesAndBackups();
};

void tst_Durability::killedWriterLosesNothing()
{
    const int rounds
        = qEnvironmentVariableIsSet("GLOSS_KILL_ROUNDS") ? qEnvironmentVariableIntValue("GLOSS_KILL_ROUNDS") : 25;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kill.sqlite"));
    QSet<QString> committed; // inserted, not deleted
    QSet<QString> deleted; // deletion committed
    QSet<QString> maybeDeleted; // deletion started, not confirmed
    QRandomGenerator rng(20261129);
    int killedRunning = 0;
    int killedBeforeFirstWrite = 0;
    qint64 articlesSeen = 0;
    for (int round = 0; round < rounds; ++round) {
        QProcess writer;
        writer.setProgram(QStringLiteral(GLOSS_STOREWRITER));
        writer.setArguments({ path, QString::number(round + 1) });
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start();
        QVERIFY(writer.waitForStarted());
        // Kill at a random point: after 0..40 reported writes plus a random 0..15 ms, so kills land in opening,
        // migrations, single inserts, batches, deletions, imports and checkpoints alike.
        // One round in eight kills 0..12 ms after the start, without waiting for any output: in start-up, open,
        // the migrations of a fresh file, or the first write.
        const bool early = rng.bounded(8) == 0;
        const int lines = early ? 0 : 1 + int(rng.bounded(40));
        QElapsedTimer t;
        t.start();
        while (lines > 0 && writer.state() == QProcess::Running && t.elapsed() < 10000) {
            writer.waitForReadyRead(20);
            if (writer.peek(1 << 20).count('\n') >= lines)
                break;
        }
        QThread::usleep(rng.bounded(early ? 12000 : 15000));
        if (writer.state() == QProcess::Running) {
            writer.kill(); // SIGKILL
            ++killedRunning;
        }
        QVERIFY(writer.waitForFinished(10000));
        const QByteArray err = writer.readAllStandardError();
        QVERIFY2(writer.exitStatus() == QProcess::CrashExit, err.constData());
        const QList<QByteArray> out = writer.readAllStandardOutput().split('\n');
        if (out.size() <= 1)
            ++killedBeforeFirstWrite; // during start-up, open or migration
        for (qsizetype i = 0; i + 1 < out.size(); ++i) { // the last piece is an incomplete line or empty
            const QByteArray &l = out.at(i);
            const QString id = QString::fromLatin1(l.mid(2));
            if (l.startsWith("I "))
                committed.insert(id);
            else if (l.startsWith("d "))
                maybeDeleted.insert(id);
            else if (l.startsWith("D ")) {
                maybeDeleted.remove(id);
                committed.remove(id);
                deleted.insert(id);
            } else if (l.startsWith("A "))
                ++articlesSeen;
        }

        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        auto check = (*db)->integrityCheck();
        QVERIFY2(check, qPrintable(check ? QString() : check.error().message));
        QSqlQuery fts((*db)->connection());
        QVERIFY2(fts.exec(QStringLiteral("INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")),
            "article_fts out of sync");
        QSqlQuery q((*db)->connection());
        q.setForwardOnly(true);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM annotations")));
        QSet<QString> stored;
        while (q.next())
            stored.insert(q.value(0).toString());
        for (const QString &id : std::as_const(committed)) {
            if (!maybeDeleted.contains(id))
                QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("round %1 lost %2").arg(round).arg(id)));
        }
        for (const QString &id : std::as_const(deleted))
            QVERIFY2(!stored.contains(id), qPrintable(QStringLiteral("round %1 resurrected %2").arg(round).arg(id)));
        // Anything stored but never reported was committed just before the kill: it counts from now on.
        for (const QString &id : std::as_const(stored))
            if (!deleted.contains(id))
                committed.insert(id);
        for (const QString &id : std::as_const(maybeDeleted))
            if (!stored.contains(id)) {
                committed.remove(id);
                deleted.insert(id);
            }
        maybeDeleted.clear();
    }
    qInfo("%d kills (%d of a running writer, %d before its first commit), %lld committed annotations checked, "
          "%lld deletions, %lld article imports",
        rounds, killedRunning, killedBeforeFirstWrite, qint64(committed.size()), qint64(deleted.size()), articlesSeen);
    QVERIFY(committed.size() > rounds); // the writers did real work
}

void tst_Durability::fullDiskRollsBackAndKeepsEarlierData()
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("full.sqlite")));
    QVERIFY(opened);
    Database &db = **opened;
    auto first = storeArticle(db, QStringLiteral("https://e.org/1"), QStringLiteral("Saved"),
        QStringLiteral("Saved before the disk filled up."));
    QVERIFY(first);
    const Annotation saved = annotationFor(db, first->articleId, QStringLiteral("Saved"), 0, QStringLiteral("keep"));
    QVERIFY(AnnotationRepository(db).insert(saved));
    const qint64 pages = scalar(db, QStringLiteral("PRAGMA page_count"));
    // The file may not grow beyond a few more pages: the same SQLITE_FULL a full disk gives.
    QVERIFY(scalar(db, QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 3)) > 0);

    auto big = storeArticle(
        db, QStringLiteral("https://e.org/2"), QStringLiteral("Too big"), QString(400000, QLatin1Char('x')));
    QVERIFY(!big);
    QVERIFY2(big.error().message.contains(QStringLiteral("the disk is full")), qPrintable(big.error().message));
    QCOMPARE(big.error().code, int(Error::Storage));

    QList<Annotation> many;
    for (int i = 0; i < 200; ++i)
        many.append(annotationFor(db, first->articleId, QStringLiteral("Saved"), 0, QString(2000, QLatin1Char('n'))));
    auto batch = AnnotationRepository(db).insertAll(many);
    QVERIFY(!batch);
    QVERIFY(batch.error().message.contains(QStringLiteral("the disk is full")));

    // Rolled back: nothing of either write is there, and what was saved before is intact.
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM articles")), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM annotations")), 1);
    auto back = AnnotationRepository(db).annotation(saved.id);
    QVERIFY(back);
    QCOMPARE(*back, saved);
    QVERIFY(db.integrityCheck());

    // Space again: writing works.
    QVERIFY(scalar(db, QStringLiteral("PRAGMA max_page_count = 1000000")) > 0);
    QVERIFY(AnnotationRepository(db).insertAll(many));
}

void tst_Durability::lockedStoreWaitsThenSaysSo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.sqlite"));
    qint64 articleId = 0;
    {
        auto db = Database::open(path);
        QVERIFY(db);
        auto a
            = storeArticle(**db, QStringLiteral("https://e.org/l"), QStringLiteral("Locked"), QStringLiteral("Text."));
        QVERIFY(a);
        articleId = a->articleId;
    }
    auto holdLock = [&](int ms, QProcess &p) {
        p.start(QStringLiteral(GLOSS_STOREWRITER), { path, QStringLiteral("--hold-lock"), QString::number(ms) });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY(p.canReadLine());
        QCOMPARE(p.readLine().trimmed(), QByteArray("locked"));
    };

    auto opened = Database::open(path, 400);
    QVERIFY(opened);
    Database &db = **opened;
    {
        // Another process holds the write lock longer than the busy timeout: a clear error after waiting.
        QProcess holder;
        holdLock(5000, holder);
        QElapsedTimer t;
        t.start();
        auto r = AnnotationRepository(db).insert(annotationFor(db, articleId, QStringLiteral("Text"), 0));
        const qint64 waited = t.elapsed();
        QVERIFY(!r);
        QVERIFY2(
            r.error().message.contains(QStringLiteral("locked by another program")), qPrintable(r.error().message));
        QVERIFY2(waited >= 350, qPrintable(QString::number(waited)));
        // Readers are never blocked by a writer in WAL mode.
        QVERIFY(ArticleRepository(db).article(articleId));
        holder.kill();
        holder.waitForFinished();
    }
    {
        // A lock released within the timeout: the write waits and succeeds.
        auto patient = Database::open(path, 10000);
        QVERIFY(patient);
        QProcess holder;
        holdLock(300, holder);
        auto r = AnnotationRepository(**patient).insert(annotationFor(**patient, articleId, QStringLiteral("Text"), 0));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY(holder.waitForFinished());
    }
}

void tst_Durability::twoWritersOnOneFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QVERIFY(storeArticle(**db, QStringLiteral("https://e.org/t"), QStringLiteral("Shared"),
            QStringLiteral("Two windows write here.")));
    }
    const int each = 150;
    QProcess a;
    QProcess b;
    a.start(QStringLiteral(GLOSS_STOREWRITER),
        { path, QStringLiteral("1"), QStringLiteral("--count"), QString::number(each) });
    b.start(QStringLiteral(GLOSS_STOREWRITER),
        { path, QStringLiteral("2"), QStringLiteral("--count"), QString::number(each) });
    QVERIFY(a.waitForFinished(60000));
    QVERIFY(b.waitForFinished(60000));
    QCOMPARE(a.exitCode(), 0);
    QCOMPARE(b.exitCode(), 0);
    QCOMPARE(a.readAllStandardOutput().count("I "), each);
    QCOMPARE(b.readAllStandardOutput().count("I "), each);
    auto db = Database::open(path);
    QVERIFY(db);
    QVERIFY((*db)->integrityCheck());
    QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM annotations")), 2 * each);
}

void tst_Durability::nonSqliteFileIsNeverOverwrittenAndBackupOffered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QString backup;
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QVERIFY(storeArticle(**db, QStringLiteral("https://e.org/c"), QStringLiteral("Kept"), QStringLiteral("Text.")));
        auto b = BackupManager(path).backup(**db);
        QVERIFY(b);
        backup = *b;
    }
    // Something else replaced the store (a sync tool, a user's mistake).
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("PK\x03\x04 this is a zip file, not a database");
    f.close();
    const QByteArray before = fileHash(path);
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY2(
        db.error().message.contains(QStringLiteral("not a Gloss (SQLite) database")), qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(backup), qPrintable(db.error().message));
    QCOMPARE(fileHash(path), before);
    QCOMPARE(BackupManager(path).latest(), backup);
}

void tst_Durability::damagedSqliteFileIsNeverOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QString backup;
    {
        auto db = Database::open(path);
        QVERIFY(db);
        for (int i = 0; i < 30; ++i)
            QVERIFY(storeArticle(**db, QStringLiteral("https://e.org/%1").arg(i), QStringLiteral("T"),
                QString(3000, QLatin1Char('a' + i % 26))));
        auto b = BackupManager(path).backup(**db);
        QVERIFY(b);
        backup = *b;
        QVERIFY(scalar(**db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) == 0);
    }
    // Damage page 1 past the 100-byte header: the schema cannot be read.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(100);
        f.write(QByteArray(3000, '\xA5'));
    }
    const QByteArray before = fileHash(path);
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(QStringLiteral("damaged")), qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(QStringLiteral("left untouched")), qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(backup), qPrintable(db.error().message));
    QCOMPARE(fileHash(path), before);

    // The offered backup restores, and the damaged file is kept aside, not deleted.
    auto kept = BackupManager::restore(backup, path);
    QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
    QVERIFY(kept->contains(QStringLiteral(".damaged-")));
    QCOMPARE(fileHash(*kept), before);
    auto restored = Database::open(path);
    QVERIFY(restored);
    QCOMPARE(scalar(**restored, QStringLiteral("SELECT COUNT(*) FROM articles")), 30);
}

// Random bytes in the middle of a store that SQLite still opens: the first write is refused (quick_check before
// the first write of a connection), later ones too, a backup says "damaged" rather than "the disk is full" (the
// SQLITE_FULL that VACUUM INTO gives for such a file), and the file is never changed.
void tst_Durability::damagedStoreRefusesWritesAndBackups()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scrib.sqlite"));
    QString backup;
    qint64 articleId = 0;
    {
        auto db = Database::open(path);
        QVERIFY(db);
        for (int i = 0; i < 40; ++i) {
            auto a = storeArticle(**db, QStringLiteral("https://e.org/%1").arg(i), QStringLiteral("Title %1").arg(i),
                QStringLiteral("Paragraph %1 of a story. ").arg(i).repeated(60 + i));
            QVERIFY(a);
            articleId = a->articleId;
            QVERIFY(AnnotationRepository(**db).insert(annotationFor(**db, articleId, QStringLiteral("story"), 0)));
        }
        auto b = BackupManager(path).backup(**db);
        QVERIFY(b);
        backup = *b;
    }
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))); // checkpointed and removed at close
    QVERIFY(scribble(path) > 0);
    const QByteArray before = fileHash(path);

    auto opened = Database::open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message)); // page 1 and the schema are fine
    Database &db = **opened;
    QVERIFY(!db.isDamaged());
    auto again = storeArticle(db, QStringLiteral("https://e.org/1"), QStringLiteral("Title 1"), QStringLiteral("New."));
    QVERIFY(!again);
    QCOMPARE(again.error().code, int(Error::Storage));
    QVERIFY2(again.error().message.contains(QStringLiteral("is damaged")), qPrintable(again.error().message));
    QVERIFY2(again.error().message.contains(backup), qPrintable(again.error().message));
    QVERIFY(db.isDamaged());
    auto note = AnnotationRepository(db).insert(annotationFor(db, articleId, QStringLiteral("story"), 0));
    QVERIFY(!note);
    QVERIFY(note.error().message.contains(QStringLiteral("is damaged")));

    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    auto written = BackupManager::writeCopy(db, copy);
    QVERIFY(!written);
    QVERIFY2(written.error().message.contains(QStringLiteral("is damaged")), qPrintable(written.error().message));
    QVERIFY2(!written.error().message.contains(QStringLiteral("disk is full")), qPrintable(written.error().message));
    QVERIFY(!QFile::exists(copy));
    // The rolling backup is refused too, so a damaged copy never pushes the good backups out.
    QVERIFY(!BackupManager(path).backup(db));
    QCOMPARE(BackupManager(path).backups(), QStringList { backup });
    opened->reset();
    QCOMPARE(fileHash(path), before);
}

QTEST_GUILESS_MAIN(tst_Durability)
#include "tst_durability.moc"

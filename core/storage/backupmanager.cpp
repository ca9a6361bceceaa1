#include "backupmanager.h"

#include "core/logging.h"
#include "database.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace Gloss::Core {

namespace {

QAtomicInt rawConnectionCounter;

const QString timeFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
const int stampLength = 16; // yyyyMMddTHHmmssZ

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

void syncFolder(const QString &folder)
{
    syncFile(folder); // a directory fsync makes the rename itself durable; harmless where unsupported
}

/// A plain QSQLITE connection that runs no pragmas and no migrations (for verify/restore), removed on scope
/// exit.
class RawConnection
{
public:
    RawConnection(const QString &path, bool readOnly)
        : m_name(QStringLiteral("gloss-raw-%1").arg(rawConnectionCounter.fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawConnection)
    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    void close()
    {
        QSqlDatabase d = db();
        if (d.isOpen())
            d.close();
    }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
};

/// VACUUM INTO a temporary name, then rename. `driverText`, when given, receives SQLite's message of a failed
/// VACUUM (for Database::explainError).
Result<void> vacuumInto(QSqlDatabase db, const QString &path, QString *driverText = nullptr)
{
    const QFileInfo info(path);
    if (info.exists())
        return fail(QStringLiteral("Cannot write the backup %1: the file exists (it is never overwritten).").arg(path));
    if (!info.absoluteDir().exists())
        return fail(
            QStringLiteral("Cannot write the backup %1: the folder %2 does not exist.").arg(path, info.absolutePath()),
            Error::Io);
    const QString partial = info.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial); // a leftover of a crashed backup: ours, never a user's file
    QSqlQuery q(db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(partial);
    if (!q.exec()) {
        const QString text = q.lastError().text();
        QFile::remove(partial);
        if (driverText)
            *driverText = text;
        return std::unexpected(storageError(QStringLiteral("Cannot write the backup %1").arg(path), text));
    }
    syncFile(partial);
    if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(info.absoluteFilePath()).constData()) != 0) {
        QFile::remove(partial);
        return fail(
            QStringLiteral("Cannot write the backup %1: renaming the finished copy failed.").arg(path), Error::Io);
    }
    syncFolder(info.absolutePath());
    return {};
}

/// True when another process has the SQLite store at `path` open: every connection to a WAL database holds a
/// shared lock on the "dead man switch" byte (offset 128) of the `-shm` file while it is open (SQLite's unix
/// VFS, os_unix.c UNIX_SHM_DMS). POSIX locks of this process are not reported, which is what we want here.
bool openElsewhere(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path + QStringLiteral("-shm")).constData(), O_RDWR);
    if (fd < 0)
        return false;
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 128;
    lock.l_len = 1;
    const bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

QString timeSuffix()
{
    return QDateTime::currentDateTimeUtc().toString(timeFormat);
}

} // namespace

QString BackupManager::defaultFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

BackupManager::BackupManager(const QString &databasePath, int keep, const QString &folder)
    : m_databasePath(QFileInfo(databasePath).absoluteFilePath())
    , m_folder(folder.isEmpty() ? defaultFolder(databasePath) : folder)
    , m_keep(std::max(1, keep))
    , m_stem(QFileInfo(databasePath).completeBaseName())
    , m_suffix(QFileInfo(databasePath).suffix())
{ }

QString BackupManager::fileName(const QDateTime &time, int n) const
{
    QString name = m_stem + QLatin1Char('-') + time.toUTC().toString(timeFormat);
    if (n > 0)
        name += QStringLiteral("-%1").arg(n);
    if (!m_suffix.isEmpty())
        name += QLatin1Char('.') + m_suffix;
    return name;
}

QDateTime BackupManager::timeOf(const QString &fileName) const
{
    // <stem>-<yyyyMMddTHHmmssZ>[-<n>][.<suffix>]
    QString rest = fileName;
    if (!m_suffix.isEmpty()) {
        if (!rest.endsWith(QLatin1Char('.') + m_suffix))
            return {};
        rest.chop(m_suffix.size() + 1);
    } else if (rest.contains(QLatin1Char('.'))) {
        return {};
    }
    if (!rest.startsWith(m_stem + QLatin1Char('-')))
        return {};
    rest = rest.mid(m_stem.size() + 1);
    if (rest.size() < stampLength)
        return {};
    const QString counter = rest.mid(stampLength);
    if (!counter.isEmpty()) {
        bool ok = false;
        if (!counter.startsWith(QLatin1Char('-')) || counter.mid(1).toInt(&ok) <= 0 || !ok)
            return {};
    }
    QDateTime t = QDateTime::fromString(rest.left(stampLength), timeFormat);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QStringList BackupManager::backups() const
{
    const QDir dir(m_folder);
    if (!dir.exists())
        return {};
    QStringList names;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
        if (timeOf(name).isValid())
            names.append(name);
    // Newest first: by time, then by counter (a second backup in the same second gets "-1").
    std::sort(names.begin(), names.end(), [this](const QString &a, const QString &b) {
        const QDateTime ta = timeOf(a);
        const QDateTime tb = timeOf(b);
        return ta != tb ? ta > tb : a.size() != b.size() ? a.size() > b.size() : a > b;
    });
    QStringList paths;
    for (const QString &n : std::as_const(names))
        paths.append(dir.absoluteFilePath(n));
    return paths;
}

QString BackupManager::latest() const
{
    const QStringList all = backups();
    if (all.isEmpty())
        return {};
    // The name says which store a backup is of; the store id inside says it too, when the store can still be
    // read (a backup copied in from elsewhere under this store's name is skipped).
    const QString id = storeIdOf(m_databasePath);
    if (id.isEmpty())
        return all.first();
    for (const QString &path : all) {
        const QString backupId = storeIdOf(path);
        if (backupId.isEmpty() || backupId == id)
            return path;
    }
    return {};
}

Result<QString> BackupManager::backup(Database &database, const QDateTime &now) const
{
    if (!QDir().mkpath(m_folder))
        return fail(QStringLiteral("Cannot create the backup folder %1.").arg(m_folder), Error::Io);
    QString path = QDir(m_folder).absoluteFilePath(fileName(now, 0));
    for (int n = 1; QFileInfo::exists(path); ++n)
        path = QDir(m_folder).absoluteFilePath(fileName(now, n));
    if (auto r = writeCopy(database, path); !r)
        return std::unexpected(r.error());
    qCInfo(lcStorage) << "backup written" << path;
    if (auto r = prune(); !r)
        return std::unexpected(r.error());
    return path;
}

Result<std::optional<QString>> BackupManager::backupIfDue(
    Database &database, const QDateTime &now, qint64 intervalSecs) const
{
    const QString newest = latest();
    if (!newest.isEmpty()) {
        const QDateTime last = timeOf(QFileInfo(newest).fileName());
        if (last.isValid() && last.secsTo(now.toUTC()) < intervalSecs && last <= now.toUTC())
            return std::optional<QString>();
    }
    auto written = backup(database, now);
    if (!written)
        return std::unexpected(written.error());
    return std::optional<QString>(*written);
}

Result<std::optional<QString>> BackupManager::backupIfDue(
    const QString &databasePath, const QDateTime &now, qint64 intervalSecs) const
{
    auto database = Database::open(databasePath);
    if (!database)
        return std::unexpected(database.error());
    return backupIfDue(**database, now, intervalSecs);
}

Result<void> BackupManager::prune() const
{
    const QStringList all = backups();
    for (qsizetype i = m_keep; i < all.size(); ++i) {
        if (!QFile::remove(all.at(i)))
            return fail(QStringLiteral("Cannot remove the old backup %1.").arg(all.at(i)), Error::Io);
    }
    return {};
}

Result<void> BackupManager::writeCopy(Database &database, const QString &path)
{
    // VACUUM INTO copies rows, not pages: from a damaged store it may fail (SQLITE_CORRUPT, or SQLITE_FULL,
    // "database or disk is full", with the disk nearly empty) or succeed and give a healthy-looking copy of
    // damaged data, which would then push the good backups out of the rolling set. Check the store first; the
    // check reads what VACUUM reads anyway.
    if (auto check = database.integrityCheck(true); !check) {
        if (!check.error().message.contains(QStringLiteral("damaged")))
            return std::unexpected(check.error());
        const QString details = check.error().message.section(QStringLiteral("is damaged: "), 1);
        return std::unexpected(database.explainError(QStringLiteral("Cannot write the backup %1").arg(path),
            QStringLiteral("database disk image is malformed: %1")
                .arg(details.isEmpty() ? check.error().message : details)));
    }
    QString driverText;
    if (auto r = vacuumInto(database.connection(), path, &driverText); !r) {
        if (driverText.isEmpty())
            return r;
        // VACUUM INTO reads every page: on a damaged store it fails, sometimes with SQLITE_FULL ("database or
        // disk is full") rather than SQLITE_CORRUPT. Say which it is (explainError checks the store).
        return std::unexpected(
            database.explainError(QStringLiteral("Cannot write the backup %1").arg(path), driverText, true));
    }
    return {};
}

QString BackupManager::storeIdOf(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return {};
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly) || f.read(16) != QByteArray("SQLite format 3\0", 16))
            return {};
    }
    RawConnection raw(QFileInfo(path).absoluteFilePath(), true);
    if (!raw.isOpen())
        return {};
    QSqlQuery q(raw.db());
    if (!q.exec(QStringLiteral("SELECT uuid FROM store_identity WHERE singleton = 1")) || !q.next())
        return {};
    return q.value(0).toString();
}

Result<void> BackupManager::verify(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return fail(QStringLiteral("%1: no such backup file.").arg(path));
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("%1: cannot be read (%2).").arg(path, f.errorString()));
        if (f.read(16) != QByteArray("SQLite format 3\0", 16))
            return fail(QStringLiteral("%1: is not a Gloss (SQLite) database.").arg(path));
    }
    RawConnection raw(info.absoluteFilePath(), true);
    if (!raw.isOpen())
        return std::unexpected(storageError(QStringLiteral("Cannot open the backup %1").arg(path), raw.error()));
    QSqlQuery q(raw.db());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return std::unexpected(
            storageError(QStringLiteral("Cannot check the backup %1").arg(path), q.lastError().text()));
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString());
    if (problems != QStringList { QStringLiteral("ok") })
        return fail(QStringLiteral("The backup %1 is damaged: %2").arg(path, problems.mid(0, 3).join(u"; ")));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return std::unexpected(
            storageError(QStringLiteral("Cannot read the backup %1").arg(path), q.lastError().text()));
    const int version = q.value(0).toInt();
    if (version > Database::schemaVersion())
        return fail(QStringLiteral("The backup %1 was written by a newer Gloss (schema %2; this one knows %3).")
                        .arg(path)
                        .arg(version)
                        .arg(Database::schemaVersion()));
    if (version < 1 || !q.exec(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE name = 'annotations'")) || !q.next())
        return fail(QStringLiteral("%1: is a SQLite database but not a Gloss store.").arg(path));
    return {};
}

Result<QString> BackupManager::restore(const QString &backupPath, const QString &databasePath, bool force)
{
    if (auto r = verify(backupPath); !r)
        return std::unexpected(r.error());
    if (!force) {
        // The store's own id, or when it cannot be read (damaged), the id in its own rolling backups.
        QString storeId = storeIdOf(databasePath);
        if (storeId.isEmpty()) {
            const QStringList own = BackupManager(databasePath).backups();
            if (!own.isEmpty())
                storeId = storeIdOf(own.first());
        }
        const QString backupId = storeIdOf(backupPath);
        if (!storeId.isEmpty() && !backupId.isEmpty() && storeId != backupId)
            return fail(QStringLiteral("The backup %1 was made from another store (id %2), not from %3 (id %4). "
                                       "Pass --force to replace the store with it anyway.")
                            .arg(backupPath, backupId, databasePath, storeId));
        // Nothing to compare with (the store is unreadable and has no backups of its own): a rolling backup
        // whose name says it is of another store is still refused.
        static const QRegularExpression rolling(QStringLiteral("^(.+)-\\d{8}T\\d{6}Z(-\\d+)?(\\.[^.]*)?$"));
        const QString name = QFileInfo(backupPath).fileName();
        if (storeId.isEmpty() && rolling.match(name).hasMatch() && !BackupManager(databasePath).timeOf(name).isValid())
            return fail(QStringLiteral("The backup %1 is named as a backup of another store (%2), not of %3. "
                                       "Pass --force to replace the store with it anyway.")
                            .arg(backupPath, rolling.match(name).captured(1), databasePath));
    }
    const QFileInfo target(databasePath);
    const QString dbPath = target.absoluteFilePath();
    if (!target.absoluteDir().exists())
        return fail(QStringLiteral("Cannot restore to %1: the folder %2 does not exist.")
                        .arg(databasePath, target.absolutePath()));
    if (QFileInfo(backupPath).absoluteFilePath() == dbPath)
        return fail(QStringLiteral("Cannot restore %1 onto itself.").arg(databasePath));

    const QString wal = dbPath + QStringLiteral("-wal");
    const QString shm = dbPath + QStringLiteral("-shm");
    const QString stamp = timeSuffix();
    QString keptAt;

    // 1. Copy the backup next to the store first, so that a failure here leaves the store untouched.
    const QString incoming = dbPath + QStringLiteral(".restore-partial");
    QFile::remove(incoming);
    if (!QFile::copy(backupPath, incoming)) {
        const QFileInfo folder(QFileInfo(dbPath).absolutePath());
        const QString why = folder.isWritable() ? QStringLiteral("is the disk full?")
                                                : QStringLiteral("you cannot write to the folder %1").arg(folder.filePath());
        return fail(QStringLiteral("Cannot copy the backup %1 next to %2 (%3).").arg(backupPath, databasePath, why),
            Error::Io);
    }
    syncFile(incoming);

    // 2. Keep what is there.
    if (target.exists() && target.size() > 0) {
        bool readable = false;
        {
            QFile f(dbPath);
            readable = f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
        }
        if (openElsewhere(dbPath)) {
            QFile::remove(incoming);
            return fail(QStringLiteral("Cannot restore: the store %1 is in use by another program. Close every "
                                       "Gloss window on it and try again.")
                            .arg(databasePath));
        }
        if (readable) {
            RawConnection raw(dbPath, false);
            QSqlQuery q(raw.db());
            // TRUNCATE moves every committed transaction from the WAL into the file and empties the WAL; it
            // reports busy while another connection is reading or writing, which means Gloss is still open.
            readable = raw.isOpen() && q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) && q.next();
            const bool busy = readable && q.value(0).toInt() != 0;
            q.finish(); // VACUUM refuses to run while a statement is active
            if (busy) {
                QFile::remove(incoming);
                return fail(QStringLiteral("Cannot restore: the store %1 is in use by another program. Close every "
                                           "Gloss window on it and try again.")
                                .arg(databasePath));
            }
            if (readable) {
                keptAt = dbPath + QStringLiteral(".before-restore-%1.sqlite").arg(stamp);
                // A store too damaged to copy is moved aside whole instead (below).
                if (auto r = vacuumInto(raw.db(), keptAt); !r) {
                    qCWarning(lcStorage) << "cannot copy the store before restoring:" << r.error().message;
                    readable = false;
                }
            }
            raw.close();
        }
        if (!readable) {
            keptAt = dbPath + QStringLiteral(".damaged-%1").arg(stamp);
            if (!QFile::rename(dbPath, keptAt)) {
                QFile::remove(incoming);
                return fail(QStringLiteral("Cannot move the damaged store %1 aside.").arg(databasePath), Error::Io);
            }
            QFile::rename(wal, keptAt + QStringLiteral("-wal"));
            QFile::rename(shm, keptAt + QStringLiteral("-shm"));
        }
    }
    // 3. A WAL left from the old store must never be applied to the restored file.
    QFile::remove(wal);
    QFile::remove(shm);
    if (::rename(QFile::encodeName(incoming).constData(), QFile::encodeName(dbPath).constData()) != 0) {
        QFile::remove(incoming);
        return fail(QStringLiteral("Cannot put the restored store in place at %1.").arg(databasePath), Error::Io);
    }
    syncFolder(target.absolutePath());
    qCInfo(lcStorage) << "restored" << backupPath << "to" << dbPath << "previous kept at" << keptAt;
    return keptAt;
}

} // namespace Gloss::Core

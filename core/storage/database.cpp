#include "database.h"

#include "backupmanager.h"
#include "core/logging.h"
#include "migrations.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QUrl>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Gloss::Core {

namespace {
QAtomicInt connectionCounter;

bool looksLikeSqlite(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

/// Error of open() for a file SQLite cannot read: a damaged file gets "left untouched" and the backup hint.
Error openError(const QString &path, const QString &driverText)
{
    Error e = storageError(QStringLiteral("Cannot open the database %1").arg(path), driverText);
    if (isCorruptionText(driverText))
        e.message += QStringLiteral(" The file was left untouched.") + backupHint(QFileInfo(path).absoluteFilePath());
    return e;
}

/// The first problems reported by `PRAGMA quick_check` on `db`, empty when it says "ok" (or cannot run for a
/// reason other than damage, which the next statement will report anyway).
QString quickCheckProblems(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA quick_check(5)"))) {
        const QString text = q.lastError().text();
        return isCorruptionText(text) ? text : QString();
    }
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString().remove(QStringLiteral("*** in database main ***")).simplified());
    if (problems == QStringList { QStringLiteral("ok") })
        return {};
    return problems.join(u"; ");
}

} // namespace

QString backupHint(const QString &path)
{
    const QString latest = BackupManager(path).latest();
    if (latest.isEmpty())
        return {};
    return QStringLiteral(" The latest backup is %1; restore it with: gloss-cli restore \"%1\" --db \"%2\"")
        .arg(QDir::toNativeSeparators(latest), QDir::toNativeSeparators(path));
}

bool isCorruptionText(const QString &driverText)
{
    const QString lower = driverText.toLower();
    return lower.contains(u"malformed") || lower.contains(u"not a database") || lower.contains(u"corrupt");
}

Error storageError(const QString &what, const QString &driverText)
{
    const QString lower = driverText.toLower();
    QString reason = driverText;
    // Corruption first: "database disk image is malformed" must not read as a disk problem.
    if (isCorruptionText(driverText))
        reason = QStringLiteral("the database file is damaged (%1)").arg(driverText);
    else if (lower.contains(u"full"))
        reason = QStringLiteral("the disk is full (%1)").arg(driverText);
    else if (lower.contains(u"locked") || lower.contains(u"busy"))
        reason = QStringLiteral("the database is locked by another program (%1)").arg(driverText);
    else if (lower.contains(u"readonly") || lower.contains(u"read-only"))
        reason = QStringLiteral("the database file, or its -wal or -shm file beside it, is read-only for you: check "
                                "their owner and permissions (%1)")
                     .arg(driverText);
    return Error { QStringLiteral("%1: %2").arg(what, reason), Error::Storage };
}

/// The background WAL checkpointer (see transaction()): a thread with its own connection that runs
/// `PRAGMA wal_checkpoint(PASSIVE)` when commits pause. PASSIVE never waits for readers or the writer; what it
/// cannot copy yet is copied by a later round, or by the last connection's close.
struct Database::Maintenance
{
    std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    quint64 commits = 0;
    std::thread thread;

    Maintenance(const QString &connectionName, const QString &path)
        : thread([this, connectionName, path] { run(connectionName, path); })
    { }
    ~Maintenance()
    {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        wake.notify_all();
        thread.join();
    }
    Q_DISABLE_COPY_MOVE(Maintenance)

    void run(const QString &connectionName, const QString &path)
    {
        using namespace std::chrono_literals;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=200"));
            if (db.open()) {
                QSqlQuery q(db);
                quint64 done = 0;
                std::unique_lock lock(mutex);
                while (!stop) {
                    wake.wait(lock, [&] { return stop || commits != done; });
                    // Checkpoint in the first pause of 100 ms after commits, and every 250 ms of uninterrupted
                    // writing: each complete checkpoint lets the writer start the WAL over, so that its commits
                    // overwrite WAL blocks that exist (a cheap fdatasync) instead of growing the file (each
                    // fsync then also commits the file system's journal, several ms here).
                    const auto burstStart = std::chrono::steady_clock::now();
                    while (!stop && std::chrono::steady_clock::now() - burstStart < 250ms) {
                        const quint64 seen = commits;
                        if (!wake.wait_for(lock, 100ms, [&] { return stop || commits != seen; }))
                            break; // a pause
                    }
                    if (stop)
                        break;
                    done = commits;
                    lock.unlock();
                    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                        qCDebug(lcStorage) << "background checkpoint:" << q.lastError().text();
                    q.finish();
                    lock.lock();
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }
};

int Database::schemaVersion()
{
    return int(migrations().size());
}

QString Database::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("gloss.sqlite"));
}

Database::Database(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{ }

Database::~Database()
{
    m_maintenance.reset(); // its connection closes first, so that ours is the last one and checkpoints the WAL
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString &requestedPath, int busyTimeoutMs, Access access)
{
    const QString path = requestedPath.isEmpty() ? defaultPath() : requestedPath;
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return fail(QStringLiteral("Cannot open the database %1: the folder %2 does not exist.")
                        .arg(path, info.absolutePath()));
    if (info.exists() && info.isDir())
        return fail(QStringLiteral("Cannot open the database %1: it is a folder.").arg(path));
    if (info.exists() && info.size() > 0 && !looksLikeSqlite(path))
        return fail(QStringLiteral("Cannot open the database %1: the file is not a Gloss (SQLite) database. "
                                   "It was left untouched; choose another path with --db, or restore a backup.%2")
                        .arg(path, backupHint(info.absoluteFilePath())));
    const bool existed = info.exists() && info.size() > 0;
    // A store the user may not write (file or folder permissions, read-only media) is opened read-only: it can
    // be listed, searched, exported and backed up. Without write access to the folder SQLite cannot create the
    // WAL index (-shm); with no WAL file left either, the file is opened as immutable (nothing else can change
    // it, as nobody can write there: https://sqlite.org/uri.html#uriimmutable).
    const bool folderWritable = QFileInfo(info.absolutePath()).isWritable();
    const bool readOnly = existed && (access == Access::ReadOnly || !info.isWritable() || !folderWritable);
    const bool immutable = readOnly && !folderWritable && !QFileInfo::exists(info.absoluteFilePath() + u"-wal");

    const QString name = QStringLiteral("gloss-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, info.absoluteFilePath()));
    database->m_readOnly = readOnly;

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
        if (readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (immutable) {
            options += QStringLiteral(";QSQLITE_OPEN_URI");
            db.setDatabaseName(QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded)
                + QStringLiteral("?immutable=1"));
        } else {
            db.setDatabaseName(info.absoluteFilePath());
        }
        db.setConnectOptions(options);
        if (!db.open())
            return std::unexpected(
                storageError(QStringLiteral("Cannot open the database %1").arg(path), db.lastError().text()));
    }
    QSqlQuery q(database->connection());
    // Reading the schema first touches page 1 and the schema table: a damaged file fails here, before any
    // pragma or migration writes to it (a damaged store is never written; see openError).
    if (existed && (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next()))
        return std::unexpected(openError(path, q.lastError().text()));
    if (existed) {
        // Another program's SQLite file is never written into: a Gloss store says so in its header
        // (application_id, schema step 4) or, from before step 4, has a schema version and the articles table.
        const qint64 objects = q.value(0).toLongLong();
        q.finish();
        auto pragmaValue = [&](const QString &sql) {
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
        };
        const qint64 applicationId = pragmaValue(QStringLiteral("PRAGMA application_id"));
        const qint64 userVersion = pragmaValue(QStringLiteral("PRAGMA user_version"));
        // Schema step 1's tables, all four: a lone "articles" table is a common name in other programs.
        const qint64 stepOneTables = pragmaValue(QStringLiteral(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('snapshots', 'articles', "
            "'article_versions', 'annotations')"));
        q.finish();
        const bool gloss
            = applicationId == kApplicationId || (applicationId == 0 && userVersion > 0 && stepOneTables == 4);
        // Another program's: it has tables, or it set the header fields SQLite leaves to the application
        // (application_id, user_version), without being a Gloss store.
        const bool blank = objects == 0 && applicationId == 0 && userVersion == 0;
        if (!gloss && !blank)
            return fail(QStringLiteral("Cannot open the database %1: it is a SQLite database of another program, not "
                                       "a Gloss store. It was left untouched; choose another path with --db.")
                            .arg(path));
        if (readOnly && userVersion < schemaVersion())
            return fail(QStringLiteral("Cannot open the database %1: it is read-only and was written by an older "
                                       "Gloss (schema %2 of %3). Copy it to a folder you can write to, so that it "
                                       "can be upgraded.")
                            .arg(path)
                            .arg(userVersion)
                            .arg(schemaVersion()));
    }
    if (readOnly) {
        if (!q.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
            return std::unexpected(openError(path, q.lastError().text()));
        return database;
    }
    // synchronous=NORMAL with the background checkpointer: see the class comment for why not FULL.
    // journal_size_limit keeps the WAL from staying at its high-water mark after a large import.
    const QStringList pragmas { QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"), QStringLiteral("PRAGMA journal_size_limit=67108864"),
        QStringLiteral("PRAGMA cache_size=-16384"),
        // Checkpoints run in the background thread (transaction()), not inside a user's commit. The writer's
        // own automatic checkpoint stays as a backstop at 10,000 pages (40 MB of WAL; SQLite's default is
        // 1,000), for writes made outside transaction() or a background thread that cannot keep up.
        QStringLiteral("PRAGMA wal_autocheckpoint=10000") };
    for (const QString &pragma : pragmas) {
        if (!q.exec(pragma))
            return std::unexpected(openError(path, q.lastError().text()));
    }
    if (auto migrated = database->migrate(); !migrated)
        return std::unexpected(migrated.error());
    return database;
}

Result<void> Database::setSynchronous(Synchronous mode)
{
    QSqlQuery q(connection());
    if (!q.exec(mode == Synchronous::Full ? QStringLiteral("PRAGMA synchronous=FULL")
                                          : QStringLiteral("PRAGMA synchronous=NORMAL")))
        return std::unexpected(storageError(QStringLiteral("Cannot set the synchronous mode"), q.lastError().text()));
    return {};
}

Result<void> Database::integrityCheck(bool quick) const
{
    QSqlQuery q(connection());
    if (!q.exec(quick ? QStringLiteral("PRAGMA quick_check") : QStringLiteral("PRAGMA integrity_check")))
        return std::unexpected(
            storageError(QStringLiteral("Cannot check the database %1").arg(m_path), q.lastError().text()));
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString().remove(QStringLiteral("*** in database main ***")).simplified());
    if (problems == QStringList { QStringLiteral("ok") })
        return {};
    return fail(
        QStringLiteral("The database %1 is damaged: %2").arg(m_path, problems.mid(0, 5).join(u"; ")), Error::Storage);
}

int Database::userVersion() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

qint64 Database::quickCheckLimitBytes()
{
    return 128LL * 1024 * 1024; // quick_check reads ~0.7 GB/s here: at most ~0.2 s, once per connection
}

QString Database::storeId() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT uuid FROM store_identity WHERE singleton = 1")) || !q.next())
        return {};
    return q.value(0).toString();
}

Error Database::damagedError(const QString &what, const QString &details)
{
    m_damaged = true;
    return Error { QStringLiteral("%1: the database file %2 is damaged (%3). Nothing was written to it.%4")
                       .arg(what, QDir::toNativeSeparators(m_path), details, backupHint(m_path)),
        Error::Storage };
}

Error Database::explainError(const QString &what, const QString &driverText, bool checkIntegrity)
{
    if (isCorruptionText(driverText))
        return damagedError(what, driverText);
    const QString lower = driverText.toLower();
    if (lower.contains(u"full")) {
        // SQLITE_FULL also comes from damaged files (VACUUM INTO of a file whose page counts make no sense); a
        // quick_check tells the two apart. It reads the whole file, hence the limit.
        if (checkIntegrity || QFileInfo(m_path).size() <= quickCheckLimitBytes()) {
            const QString problems = quickCheckProblems(connection());
            if (!problems.isEmpty())
                return damagedError(what, QStringLiteral("%1; SQLite said: %2").arg(problems, driverText));
        }
        Error e = storageError(what, driverText);
        const QStorageInfo disk(QFileInfo(m_path).absolutePath());
        if (disk.isValid())
            e.message += QStringLiteral(" (%1 MB free on %2)")
                             .arg(disk.bytesAvailable() / (1024 * 1024))
                             .arg(QDir::toNativeSeparators(disk.rootPath()));
        return e;
    }
    return storageError(what, driverText);
}

void Database::noteCommit()
{
    if (!m_maintenance)
        m_maintenance = std::make_unique<Maintenance>(m_connectionName + QStringLiteral("-maintenance"), m_path);
    {
        std::lock_guard lock(m_maintenance->mutex);
        ++m_maintenance->commits;
    }
    m_maintenance->wake.notify_all();
}

Result<void> Database::transaction(const std::function<Result<void>()> &work)
{
    QSqlDatabase db = connection();
    if (m_depth > 0) {
        ++m_depth;
        auto r = work();
        --m_depth;
        return r;
    }
    if (m_readOnly)
        return fail(QStringLiteral("Cannot save: the database %1 is read-only (file or folder permissions). It can "
                                   "be read, searched, exported and backed up; copy it to a folder you can write "
                                   "to in order to change it.")
                        .arg(QDir::toNativeSeparators(m_path)),
            Error::Storage);
    if (m_damaged)
        return fail(QStringLiteral("Cannot save: the database file %1 is damaged; nothing more is written to it.%2")
                        .arg(QDir::toNativeSeparators(m_path), backupHint(m_path)),
            Error::Storage);
    if (!m_writeChecked) {
        // A damaged file can answer reads with wrong data and no error (a cut text, another table's page) and
        // take writes that make it worse: check it once before the first write. O(size), hence the limit.
        m_writeChecked = true;
        const QFileInfo info(m_path);
        if (info.size() > 0 && info.size() <= quickCheckLimitBytes()) {
            const QString problems = quickCheckProblems(db);
            if (!problems.isEmpty())
                return std::unexpected(damagedError(QStringLiteral("Cannot save"), problems));
        }
    }
    // BEGIN IMMEDIATE takes the write lock up front, so a busy database fails here (after the busy
    // timeout) rather than half-way through the work.
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return std::unexpected(explainError(QStringLiteral("Cannot start writing"), begin.lastError().text()));
    ++m_depth;
    Result<void> r = work();
    --m_depth;
    QSqlQuery end(db);
    if (!r) {
        end.exec(QStringLiteral("ROLLBACK"));
        // A statement inside met a damaged page (the repositories' messages come from storageError()): from
        // now on the store is read-only, and the message says so with the backup hint.
        if (r.error().code == Error::Storage && r.error().message.contains(QStringLiteral("database file is damaged")))
            return std::unexpected(damagedError(QStringLiteral("Cannot save"), r.error().message));
        return r;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const QString text = end.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return std::unexpected(explainError(QStringLiteral("Cannot save"), text));
    }
    noteCommit();
    return {};
}

Result<void> Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return std::unexpected(
            storageError(QStringLiteral("Cannot read the database %1").arg(m_path), q.lastError().text()));
    const int current = q.value(0).toInt();
    const auto &steps = migrations();
    if (current > int(steps.size()))
        return fail(QStringLiteral("The database %1 was written by a newer Gloss (schema %2; this one knows %3).")
                        .arg(m_path)
                        .arg(current)
                        .arg(steps.size()));
    for (int version = current; version < int(steps.size()); ++version) {
        auto r = transaction([&]() -> Result<void> {
            for (const QString &statement : steps[version]) {
                QSqlQuery s(db);
                if (!s.exec(statement))
                    return std::unexpected(
                        storageError(QStringLiteral("Cannot upgrade the database to schema %1").arg(version + 1),
                            s.lastError().text()));
            }
            QSqlQuery v(db);
            if (!v.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1)))
                return std::unexpected(
                    storageError(QStringLiteral("Cannot set the schema version"), v.lastError().text()));
            return {};
        });
        if (!r)
            return r;
        qCDebug(lcStorage) << "migrated" << m_path << "to schema" << version + 1;
    }
    return {};
}

} // namespace Gloss::Core

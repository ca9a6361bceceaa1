#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>

namespace Gloss::Core {

/// The Gloss store: one SQLite file through QtSql (QSQLITE). Owns the connection and its setup:
/// `foreign_keys=ON`, `journal_mode=WAL`, a busy timeout, a 16 MB page cache, then the migrations keyed by
/// `PRAGMA user_version` (each step in its own transaction).
///
/// Durability: `synchronous=NORMAL` plus a background checkpointer. In WAL mode NORMAL never corrupts the file
/// and a commit that returned survives an application crash (the WAL frames are in the OS before the call
/// returns; tests/scripts/kill-test.sh SIGKILLs writers 250 times). What it skips is the fsync per commit, which
/// costs one device flush per user action (8 ms p99 on the CI VM, over the 5 ms insert target). Instead the
/// checkpointer thread runs `PRAGMA wal_checkpoint(PASSIVE)` in the first 100 ms pause after commits (at the
/// latest 250 ms into a burst), which fsyncs the WAL and the database: power loss or an OS crash can undo only
/// the commits of that last fraction of a second, and closing the store checkpoints everything.
/// Synchronous::Full is available for callers that want an fsync per commit.
///
/// WAL lets any number of readers (other windows, the backup) run beside one writer; two processes writing the
/// same file queue on the busy timeout (tst_durability). One Database per thread: a QSqlDatabase connection
/// must stay in the thread that opened it.
class Database final
{
public:
    /// The latest schema version (the value of `PRAGMA user_version` after migrations).
    static int schemaVersion();

    /// `<QStandardPaths::AppDataLocation>/gloss.sqlite`; the folder is created when missing.
    static QString defaultPath();

    /// Opens (or creates) the store at `path`; an empty `path` means defaultPath().
    /// Errors: the folder does not exist; the file exists but is not a SQLite database, or is another program's
    /// SQLite database (neither is ever written to); it is read-only and needs a schema upgrade; it cannot be
    /// opened, is locked past the busy timeout, or is corrupt; it has a newer schema. A damaged or
    /// foreign file is never written to, and the message names the latest backup in
    /// BackupManager::defaultFolder(path) when there is one (BackupManager::latest() gives the GUI its path).
    /// A store whose file or folder is not writable opens read-only (isReadOnly()).
    /// `busyTimeoutMs`: how long a statement waits for another connection's lock before failing (ms).
    /// `access`: ReadOnly opens an existing store read-only even when it could be written (tests, tools).
    enum class Access { ReadWrite, ReadOnly };
    static Result<std::unique_ptr<Database>> open(
        const QString &path, int busyTimeoutMs = 5000, Access access = Access::ReadWrite);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QSqlDatabase connection() const;
    QString path() const { return m_path; }

    /// How commits reach the disk in WAL mode (https://sqlite.org/pragma.html#pragma_synchronous).
    enum class Synchronous {
        Normal, ///< no fsync per commit (the default); survives an application crash (SIGKILL), and the background
                ///< checkpointer syncs within about 0.35 s of the last commit, so power loss can only undo those
        Full, ///< fsync of the WAL at every commit: a returned commit survives power loss, at one device fsync
              ///< per user action (3.7 ms median, 8 ms p99 on the CI VM's disk)
    };
    /// Changes the synchronous mode of this connection. Errors: storage errors.
    Result<void> setSynchronous(Synchronous mode);

    /// `PRAGMA integrity_check` (or the faster `quick_check`, which skips index-content checks).
    /// Errors: the check found problems (their first lines are in the message), or it could not run.
    Result<void> integrityCheck(bool quick = false) const;
    /// `PRAGMA user_version` (the schema version), -1 when it cannot be read.
    int userVersion() const;

    /// Runs `work` inside one transaction: commits when it returns a value, rolls back on an error.
    /// Nested calls join the outer transaction.
    /// A damaged store is never written: before the first write of this connection, a store of up to
    /// quickCheckLimitBytes() gets a `PRAGMA quick_check` (O(size): about 1.5 s per GB here, so larger stores are
    /// not checked up front; the daily backup reads every page of them), and once any statement reports
    /// corruption (SQLITE_CORRUPT / SQLITE_NOTADB) or a check fails, this and every later transaction is refused
    /// with an error that says the file is damaged and names the latest backup of this store (isDamaged()).
    /// After the first commit a background thread with its own connection runs the WAL checkpoints when the
    /// commits pause (`wal_autocheckpoint` on this connection is only a backstop at 10,000 pages), so a commit
    /// does not pay for copying the WAL into the database file.
    Result<void> transaction(const std::function<Result<void>()> &work);

    /// True once damage was found (a failed quick_check, or a statement that reported corruption).
    bool isDamaged() const { return m_damaged; }
    /// True when the store was opened read-only because its file or folder is not writable: reads work,
    /// transaction() fails with a message that says so.
    bool isReadOnly() const { return m_readOnly; }
    /// `PRAGMA application_id` of a Gloss store (schema step 4): "Glos" as a big-endian 32-bit integer.
    static constexpr qint64 kApplicationId = 1198288755;
    /// Stores up to this size (bytes) are quick-checked before their first write.
    static qint64 quickCheckLimitBytes();

    /// The random id of this store (schema 4, `store_identity`); backups carry it. Empty when unknown.
    QString storeId() const;

    /// A user-readable error for a failed statement on this store: storageError(), except that corruption marks
    /// the store damaged and adds the backup hint, and that "disk full" is checked against the store first
    /// (SQLite reports SQLITE_FULL for some damaged files, e.g. when VACUUM INTO reads one): with
    /// `checkIntegrity`, or for a store under quickCheckLimitBytes(), a quick_check that fails turns it into
    /// "damaged".
    Error explainError(const QString &what, const QString &driverText, bool checkIntegrity = false);

private:
    explicit Database(QString connectionName, QString path);
    Result<void> migrate();
    Error damagedError(const QString &what, const QString &details);
    void noteCommit();

    struct Maintenance;

    QString m_connectionName;
    QString m_path;
    int m_depth = 0;
    bool m_writeChecked = false;
    bool m_damaged = false;
    bool m_readOnly = false;
    std::unique_ptr<Maintenance> m_maintenance;
};

/// " The latest backup is ...; restore it with: gloss-cli restore ..." when a rolling backup of the store at
/// `path` exists (BackupManager::latest()), else empty.
QString backupHint(const QString &path);

/// True when `driverText` (a SQLite error message) reports a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB).
bool isCorruptionText(const QString &driverText);

/// Turns a failed QSqlQuery/QSqlDatabase error into a user-readable Error (code Storage),
/// recognising a full disk, a locked database and corruption.
Error storageError(const QString &what, const QString &driverText);

} // namespace Gloss::Core

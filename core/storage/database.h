#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace Gloss::Core {

/// The Gloss store: one SQLite file through QtSql (QSQLITE). Owns the connection and its setup:
/// `foreign_keys=ON`, `journal_mode=WAL`, `synchronous=FULL` (a committed annotation survives power loss,
/// at the cost of one extra fsync per commit, which a hand-annotation tool can afford), a busy timeout, then
/// the migrations keyed by `PRAGMA user_version` (each step in its own transaction).
class Database final
{
public:
    /// The latest schema version (the value of `PRAGMA user_version` after migrations).
    static int schemaVersion();

    /// `<QStandardPaths::AppDataLocation>/gloss.sqlite`; the folder is created when missing.
    static QString defaultPath();

    /// Opens (or creates) the store at `path`; an empty `path` means defaultPath().
    /// Errors: the folder does not exist; the file exists but is not a SQLite database (never overwritten);
    /// it cannot be opened, is locked past the busy timeout, or is corrupt; it has a newer schema.
    static Result<std::unique_ptr<Database>> open(const QString &path, int busyTimeoutMs = 5000);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QSqlDatabase connection() const;
    QString path() const { return m_path; }

    /// Runs `work` inside one transaction: commits when it returns a value, rolls back on an error.
    /// Nested calls join the outer transaction.
    Result<void> transaction(const std::function<Result<void>()> &work);

private:
    explicit Database(QString connectionName, QString path);
    Result<void> migrate();

    QString m_connectionName;
    QString m_path;
    int m_depth = 0;
};

/// Turns a failed QSqlQuery/QSqlDatabase error into a user-readable Error (code Storage),
/// recognising a full disk, a locked database and corruption.
Error storageError(const QString &what, const QString &driverText);

} // namespace Gloss::Core

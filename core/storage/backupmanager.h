#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace Gloss::Core {

class Database;

/// Backups of the store: consistent single-file copies made with `VACUUM INTO` (SQLite 3.27+, "VACUUM INTO"
/// in https://sqlite.org/lang_vacuum.html), which reads one snapshot of the database in a read transaction, so
/// writers in other connections are not blocked (WAL) and the copy includes every committed transaction, the
/// ones still in the WAL too. A copy is written under a temporary name and renamed into place, so a crash never
/// leaves a half-written file with a backup's name.
///
/// Rolling backups live in one folder (defaultFolder(): `backups/` next to the database, shared by every store in
/// that folder), named after the store they copy: `<store's base name>-YYYYMMDDTHHMMSSZ[-n].<store's suffix>`
/// (UTC; `gloss.sqlite` -> `gloss-20260101T090000Z.sqlite`), so that each store lists, prunes and suggests only
/// its own. Every backup also carries the store's id (Database::storeId(), schema 4), which restore() compares.
/// The GUI calls backupIfDue() once at start-up, off the GUI thread (it opens its own connection); the CLI has
/// `gloss-cli backup` and `restore`.
class BackupManager final
{
public:
    /// `<folder of databasePath>/backups`.
    static QString defaultFolder(const QString &databasePath);

    /// Rolling backups of the store at `databasePath` in `folder` (empty: defaultFolder(databasePath)), keeping
    /// the newest `keep` (at least 1).
    explicit BackupManager(const QString &databasePath, int keep = 7, const QString &folder = {});

    QString folder() const { return m_folder; }
    int keep() const { return m_keep; }

    /// This store's backups in the folder (by file name), newest first (absolute paths); empty when none.
    QStringList backups() const;
    /// The newest backup of this store, or an empty string. When the store can be read, a backup whose store id
    /// differs from the store's is skipped.
    QString latest() const;

    /// Writes a new backup of `database` into the folder now (creating the folder), then prunes to keep().
    /// Returns the new file's path. Errors: the folder cannot be created, the disk is full, storage errors.
    Result<QString> backup(Database &database, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    /// Once a day: when the newest backup is older than `intervalSecs` (default 24 h) before `now`, or there is
    /// none, writes one (backup()); otherwise does nothing and returns std::nullopt. Thread-safe when each thread
    /// passes its own Database (the overload below opens one).
    Result<std::optional<QString>> backupIfDue(Database &database,
        const QDateTime &now = QDateTime::currentDateTimeUtc(), qint64 intervalSecs = 24 * 3600) const;
    /// The same, opening its own connection to `databasePath`: call it from a worker thread
    /// (`QtConcurrent::run`) at start-up so the window is not held up by a large store.
    Result<std::optional<QString>> backupIfDue(const QString &databasePath,
        const QDateTime &now = QDateTime::currentDateTimeUtc(), qint64 intervalSecs = 24 * 3600) const;

    /// Deletes the oldest backups beyond keep(). Errors: a file cannot be removed.
    Result<void> prune() const;

    /// Writes a consistent copy of `database` to `path` (VACUUM INTO). Errors: `path` exists (it is never
    /// overwritten), its folder does not exist, the store is damaged (checked with quick_check when SQLite's
    /// error could mean either), the disk is full (the partial file is removed), storage errors.
    static Result<void> writeCopy(Database &database, const QString &path);

    /// The store id inside the Gloss store or backup at `path` (read-only), empty when it has none or cannot
    /// be read.
    static QString storeIdOf(const QString &path);

    /// Checks that `path` is a Gloss store a restore can use: a SQLite file whose integrity_check is ok and
    /// whose schema is not newer than this Gloss. Errors name what is wrong. The file is opened read-only.
    static Result<void> verify(const QString &path);

    /// Replaces the store at `databasePath` with a copy of the backup `backupPath` (verify() first). The store
    /// that was there is kept, never deleted: a readable store is copied (VACUUM INTO, WAL content included) to
    /// `<databasePath>.before-restore-<time>.sqlite`; an unreadable file is renamed to
    /// `<databasePath>.damaged-<time>`. Returns the path where the previous store was kept (empty when there was
    /// none). Close every Gloss window on the store first. Unless `force`, a backup of another store is refused:
    /// one whose store id differs from the store's (or, when the store cannot be read, from the id in the
    /// store's own newest rolling backup), or, when neither id is known, a rolling backup named after another
    /// store. Errors: the backup fails verify() or is another store's; the store is
    /// in use by another program; file-system errors (the store is then left as it was).
    static Result<QString> restore(const QString &backupPath, const QString &databasePath, bool force = false);

private:
    QString fileName(const QDateTime &time, int n) const;
    QDateTime timeOf(const QString &fileName) const;

    QString m_databasePath;
    QString m_folder;
    int m_keep = 7;
    QString m_stem;
    QString m_suffix;
};

} // namespace Gloss::Core

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

// " The latest backup is ...; restore it with ..." when a backup of `path` exists, else empty.
QString backupHint(const QString &path)
{
    const QString latest = BackupManager(BackupManager::defaultFolder(path)).latest();
    if (latest.isEmpty())
        return {};
    return QStringLiteral(" The latest backup is %1; restore it with: gloss-cli restore \"%1\" --db \"%2\"")
        .arg(QDir::toNativeSeparators(latest), QDir::toNativeSeparators(path));
}
} // namespace

Error storageError(const QString &what, const QString &driverText)
{
    const QString lower = driverText.toLower();
    QString reason = driverText;
    if (lower.contains(u"full"))
        reason = QStringLiteral("the disk is full (%1)").arg(driverText);
    else if (lower.contains(u"locked") || lower.contains(u"busy"))
        reason = QStringLiteral("the database is locked by another program (%1)").arg(driverText);
    else if (lower.contains(u"malformed") || lower.contains(u"not a database") || lower.contains(u"corrupt"))
        reason = QStringLiteral("the database file is damaged (%1)").arg(driverText);
    return Error { QStringLiteral("%1: %2").arg(what, reason), Error::Storage };
}

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

Result<std::unique_ptr<Database>> Database::open(const QString &requestedPath, int busyTimeoutMs)
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

    const QString name = QStringLiteral("gloss-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, info.absoluteFilePath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(info.absoluteFilePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        if (!db.open())
            return std::unexpected(
                storageError(QStringLiteral("Cannot open the database %1").arg(path), db.lastError().text()));
    }
    QSqlQuery q(database->connection());
    // Reading the schema first touches page 1 and the schema table: a damaged file fails here, before any
    // pragma or migration writes to it (a damaged store is never written; see openError).
    if (existed && (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next()))
        return std::unexpected(openError(path, q.lastError().text()));
    // synchronous=FULL: in WAL mode NORMAL may lose the last commits on power loss or an OS crash (never on an
    // application crash); FULL syncs the WAL at every commit so a saved annotation is on disk when the command
    // returns. One fsync per user action is cheap next to a person selecting text (see bench/storage_bench).
    // journal_size_limit keeps the WAL from staying at its high-water mark after a large import.
    const QStringList pragmas { QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("PRAGMA journal_size_limit=67108864"),
        QStringLiteral("PRAGMA cache_size=-16384") };
    for (const QString &pragma : pragmas) {
        if (!q.exec(pragma))
            return std::unexpected(openError(path, q.lastError().text()));
    }
    if (auto migrated = database->migrate(); !migrated)
        return std::unexpected(migrated.error());
    return database;
}

Error Database::openError(const QString &path, const QString &driverText)
{
    Error e = storageError(QStringLiteral("Cannot open the database %1").arg(path), driverText);
    const QString lower = driverText.toLower();
    if (lower.contains(u"malformed") || lower.contains(u"not a database") || lower.contains(u"corrupt"))
        e.message += QStringLiteral(" The file was left untouched.") + backupHint(QFileInfo(path).absoluteFilePath());
    return e;
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
        problems.append(q.value(0).toString());
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

Result<void> Database::transaction(const std::function<Result<void>()> &work)
{
    QSqlDatabase db = connection();
    if (m_depth > 0) {
        ++m_depth;
        auto r = work();
        --m_depth;
        return r;
    }
    // BEGIN IMMEDIATE takes the write lock up front, so a busy database fails here (after the busy
    // timeout) rather than half-way through the work.
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return std::unexpected(storageError(QStringLiteral("Cannot start writing"), begin.lastError().text()));
    ++m_depth;
    Result<void> r = work();
    --m_depth;
    QSqlQuery end(db);
    if (!r) {
        end.exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const QString text = end.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return std::unexpected(storageError(QStringLiteral("Cannot save"), text));
    }
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

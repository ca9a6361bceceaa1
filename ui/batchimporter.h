#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

namespace Gloss::Ui {

/// A page fetched for import: body bytes, final URL, Content-Type header.
struct FetchedPage
{
    QByteArray bytes;
    QUrl url;
    QString contentType;
};

/// Fetches an http(s) URL synchronously; it runs on the worker thread. The app passes its fetcher in.
using UrlFetcher = std::function<Core::Result<FetchedPage>(const QUrl &url)>;

/// The outcome of one source of a batch import.
struct BatchImportItem
{
    QString source; ///< the file path or URL as given
    qint64 articleId = 0; ///< 0 when it failed
    QString error; ///< the reason, when it failed
    bool ok() const { return articleId != 0; }
};

/// Imports many files or URLs off the GUI thread (QtConcurrent + QFutureWatcher), with progress and cancel.
/// The worker opens its OWN Database connection on the same file (QSqlDatabase connections belong to the
/// thread that made them); SQLite's WAL mode and busy timeout let the GUI's connection keep reading.
class BatchImporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchImporter)
public:
    BatchImporter(QString databasePath, UrlFetcher fetcher, QObject *parent = nullptr);
    ~BatchImporter() override;

    /// The importable files of a folder (.html, .htm, .mhtml, .mht, .txt; not recursive), sorted by name.
    static QStringList sourcesInFolder(const QString &folder);
    /// The URLs (or paths) of a list file: one per line; blank lines and lines starting with # are skipped.
    /// Errors: the file cannot be read.
    static Core::Result<QStringList> sourcesInListFile(const QString &path);

    /// Starts importing `sources` (paths or http(s) URLs). Does nothing while a batch runs.
    void start(const QStringList &sources);
    /// Stops after the source being imported now; finished() follows with what was done.
    void cancel();
    bool isRunning() const;
    /// Waits for the worker (tests and shutdown).
    void waitForFinished();

Q_SIGNALS:
    /// `done` of `total` sources finished; `current` is the one being imported next (empty at the end).
    void progressChanged(int done, int total);
    void finished(const QList<Gloss::Ui::BatchImportItem> &items, bool cancelled);

private:
    struct Shared;
    QString m_databasePath;
    UrlFetcher m_fetcher;
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<Shared> m_shared;
    int m_total = 0;
};

} // namespace Gloss::Ui

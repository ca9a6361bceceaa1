#include "batchimporter.h"

#include "core/storage/articleimporter.h"
#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QPromise>
#include <QtConcurrent>

namespace Gloss::Ui {

struct BatchImporter::Shared
{
    QMutex mutex;
    QList<BatchImportItem> items;
};

BatchImporter::BatchImporter(QString databasePath, UrlFetcher fetcher, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_fetcher(std::move(fetcher))
{
    connect(&m_watcher, &QFutureWatcher<void>::progressValueChanged, this,
        [this](int value) { Q_EMIT progressChanged(value, m_total); });
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        QList<BatchImportItem> items;
        {
            QMutexLocker lock(&m_shared->mutex);
            items = m_shared->items;
        }
        Q_EMIT progressChanged(int(items.size()), m_total);
        Q_EMIT finished(items, m_watcher.isCanceled());
    });
}

BatchImporter::~BatchImporter()
{
    if (isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

QStringList BatchImporter::sourcesInFolder(const QString &folder)
{
    const QDir dir(folder);
    QStringList out;
    for (const QString &name :
        dir.entryList({ QStringLiteral("*.html"), QStringLiteral("*.htm"), QStringLiteral("*.mhtml"),
                          QStringLiteral("*.mht"), QStringLiteral("*.txt") },
            QDir::Files | QDir::Readable, QDir::Name))
        out << dir.filePath(name);
    return out;
}

Core::Result<QStringList> BatchImporter::sourcesInListFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return Core::fail(tr("Cannot read %1: %2").arg(path, f.errorString()));
    QStringList out;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            out << line;
    }
    return out;
}

void BatchImporter::start(const QStringList &sources)
{
    if (isRunning())
        return;
    m_shared = std::make_shared<Shared>();
    m_total = int(sources.size());
    auto shared = m_shared;
    const QString path = m_databasePath;
    const UrlFetcher fetcher = m_fetcher;
    QFuture<void> future = QtConcurrent::run([shared, path, fetcher, sources](QPromise<void> &promise) {
        promise.setProgressRange(0, int(sources.size()));
        auto database = Core::Database::open(path);
        int done = 0;
        for (const QString &source : sources) {
            if (promise.isCanceled())
                break;
            BatchImportItem item;
            item.source = source;
            if (!database) {
                item.error = database.error().message;
            } else {
                const QUrl url(source, QUrl::StrictMode);
                Core::Result<Core::ImportOutcome> outcome;
                if (url.scheme() == u"http" || url.scheme() == u"https") {
                    if (!fetcher) {
                        outcome = Core::fail(tr("%1: fetching web pages is not available here.").arg(source));
                    } else if (auto page = fetcher(url); !page) {
                        outcome = std::unexpected(page.error());
                    } else {
                        outcome
                            = Core::ArticleImporter(**database).importBytes(page->bytes, page->url, page->contentType);
                    }
                } else {
                    outcome
                        = Core::ArticleImporter(**database).importFile(url.isLocalFile() ? url.toLocalFile() : source);
                }
                if (outcome)
                    item.articleId = outcome->articleId;
                else
                    item.error = outcome.error().message;
            }
            {
                QMutexLocker lock(&shared->mutex);
                shared->items << item;
            }
            promise.setProgressValue(++done);
        }
    });
    m_watcher.setFuture(future);
    Q_EMIT progressChanged(0, m_total);
}

void BatchImporter::cancel()
{
    m_watcher.cancel();
}

bool BatchImporter::isRunning() const
{
    return m_watcher.isRunning();
}

void BatchImporter::waitForFinished()
{
    m_watcher.waitForFinished();
}

} // namespace Gloss::Ui

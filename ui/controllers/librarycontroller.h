#pragma once

#include "core/result.h"
#include "ui/batchimporter.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QMimeData;
class QWidget;

namespace Gloss::Core {
class Database;
}

namespace Gloss::Ui {

class BatchImportDialog;
class LibraryPanel;
class PageCapture;

/// Getting articles in and listing them: import files (dialog or drag and drop), open a URL through WebEngine
/// (PageCapture -> MHTML snapshot -> import), batch import a folder or a list of URLs off the GUI thread,
/// the sample article, and refreshing the library list. Everything through core's ArticleImporter and
/// ArticleRepository.
class LibraryController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryController)
public:
    LibraryController(Core::Database &database, LibraryPanel *panel, QWidget *window);
    ~LibraryController() override;

    /// The fetcher batch imports use for http(s) lines (the app passes one; without it those lines fail).
    void setUrlFetcher(UrlFetcher fetcher) { m_fetcher = std::move(fetcher); }

    /// Imports one file synchronously and refreshes the list. Errors: those of ArticleImporter.
    Core::Result<qint64> importFile(const QString &path);
    /// Imports the bundled sample article (resources/samples/independent-serbia-russia.html).
    Core::Result<qint64> importSample();
    /// Loads `url` in WebEngine, snapshots it as MHTML and imports it; articleImported or errorOccurred follow.
    void importUrl(const QUrl &url);
    /// Starts a batch import of `sources` (paths or URLs) with a progress dialog; returns the dialog.
    BatchImportDialog *importBatch(const QStringList &sources);
    /// Files and URLs dropped on the window: one file or URL opens; several files run as a batch.
    bool handleDrop(const QMimeData *mime);
    static bool canDrop(const QMimeData *mime);

    void openFileDialog();
    void openUrlDialog();
    void batchFolderDialog();
    void batchListDialog();

    /// On a read-only store nothing is imported: the import functions fail (or report in message()) with
    /// readOnlyMessage() instead of trying, and handleDrop() declines drops.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }
    /// "Cannot import: the store is read-only …", naming `what` when it is not empty.
    static QString readOnlyMessage(const QString &what = {});

    /// Re-reads the library list from the store.
    void refresh();
    BatchImporter *batchImporter() const { return m_batch; }
    /// The reading state the list shows for article `id`, from the store: "unread", "42% read" or "read"
    /// (ReadingPositions::label(); the percentage is of the reader text's code points).
    QString readingStateText(qint64 id) const;

Q_SIGNALS:
    void articleImported(qint64 id);
    void errorOccurred(const QString &message);
    void message(const QString &text, int timeoutMs);

private:
    Core::Database &m_database;
    LibraryPanel *m_panel;
    QWidget *m_window;
    UrlFetcher m_fetcher;
    BatchImporter *m_batch = nullptr;
    PageCapture *m_capture = nullptr;
    bool m_readOnly = false;
    QHash<qint64, qsizetype> m_textLengths; ///< code points of each listed article's reader text
};

} // namespace Gloss::Ui

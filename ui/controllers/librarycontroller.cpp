#include "librarycontroller.h"

#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "core/storage/searchindex.h"
#include "readingpositions.h"
#include "ui/dialogs/batchimportdialog.h"
#include "ui/panels/librarypanel.h"
#include "ui/web/pagecapture.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMimeData>
#include <QWidget>

namespace Gloss::Ui {

namespace {
bool isWebUrl(const QUrl &url)
{
    return url.scheme() == u"http" || url.scheme() == u"https";
}
} // namespace

LibraryController::LibraryController(Core::Database &database, LibraryPanel *panel, QWidget *window)
    : QObject(window)
    , m_database(database)
    , m_panel(panel)
    , m_window(window)
{
    m_panel->setReadingState([this](qint64 id) { return readingStateText(id); });
    m_panel->setFullTextSearch([this](const QString &query) {
        Core::SearchOptions options;
        options.limit = 0;
        QSet<qint64> ids;
        // A query FTS cannot parse (a lone quote, say) finds nothing here; the title filter still applies.
        if (auto hits = Core::SearchIndex(m_database).matchingArticleIds(query, options); hits)
            ids = QSet<qint64>(hits->cbegin(), hits->cend());
        return ids;
    });
}

LibraryController::~LibraryController() = default;

QString LibraryController::readingStateText(qint64 id) const
{
    return ReadingPositions(m_database).label(id, m_textLengths.value(id));
}

void LibraryController::refresh()
{
    auto rows = Core::ArticleRepository(m_database).summaries();
    if (!rows) {
        Q_EMIT errorOccurred(rows.error().message);
        return;
    }
    m_textLengths.clear();
    for (const Core::ArticleSummary &row : std::as_const(*rows))
        m_textLengths.insert(row.id, row.textLength);
    m_panel->setArticles(*rows);
}

QString LibraryController::readOnlyMessage(const QString &what)
{
    return what.isEmpty()
        ? tr("Cannot import: the store is read-only (its file or folder is not writable).")
        : tr("Cannot import %1: the store is read-only (its file or folder is not writable).").arg(what);
}

Core::Result<qint64> LibraryController::importFile(const QString &path)
{
    if (m_readOnly)
        return Core::fail(readOnlyMessage(QFileInfo(path).fileName()), Core::Error::Storage);
    auto outcome = Core::ArticleImporter(m_database).importFile(path);
    if (!outcome)
        return std::unexpected(outcome.error());
    refresh();
    Q_EMIT articleImported(outcome->articleId);
    return outcome->articleId;
}

Core::Result<qint64> LibraryController::importSample()
{
    if (m_readOnly)
        return Core::fail(readOnlyMessage(tr("the sample article")), Core::Error::Storage);
    QFile f(QStringLiteral(":/gloss/samples/independent-serbia-russia.html"));
    if (!f.open(QIODevice::ReadOnly))
        return Core::fail(tr("The sample article is missing from this build."), Core::Error::Internal);
    auto outcome
        = Core::ArticleImporter(m_database)
              .importBytes(f.readAll(), QUrl(QStringLiteral("qrc:/gloss/samples/independent-serbia-russia.html")),
                  QStringLiteral("text/html"));
    if (!outcome)
        return std::unexpected(outcome.error());
    refresh();
    Q_EMIT articleImported(outcome->articleId);
    return outcome->articleId;
}

void LibraryController::importUrl(const QUrl &url)
{
    if (m_readOnly) {
        Q_EMIT message(readOnlyMessage(url.toDisplayString()), 8000);
        return;
    }
    if (!isWebUrl(url) && !url.isLocalFile()) {
        Q_EMIT errorOccurred(tr("%1 is not a web address (http or https).").arg(url.toDisplayString()));
        return;
    }
    if (!m_capture) {
        // Created on first use: WebEngine's network profile costs start-up time.
        m_capture = new PageCapture(this);
        connect(m_capture, &PageCapture::progressChanged, this,
            [this](int percent) { Q_EMIT message(tr("Loading… %1%").arg(percent), 0); });
        connect(m_capture, &PageCapture::failed, this, &LibraryController::errorOccurred);
        connect(m_capture, &PageCapture::captured, this, [this](const QByteArray &mhtml, const QUrl &finalUrl) {
            auto outcome
                = Core::ArticleImporter(m_database).importBytes(mhtml, finalUrl, QStringLiteral("multipart/related"));
            if (!outcome) {
                Q_EMIT errorOccurred(outcome.error().message);
                return;
            }
            refresh();
            Q_EMIT message(tr("Imported %1.").arg(finalUrl.toDisplayString()), 4000);
            Q_EMIT articleImported(outcome->articleId);
        });
    }
    if (m_capture->isBusy()) {
        Q_EMIT message(tr("Still loading the previous address."), 4000);
        return;
    }
    Q_EMIT message(tr("Loading %1…").arg(url.toDisplayString()), 0);
    m_capture->capture(url);
}

BatchImportDialog *LibraryController::importBatch(const QStringList &sources)
{
    if (m_readOnly) {
        Q_EMIT message(readOnlyMessage(), 8000);
        return nullptr;
    }
    if (!m_batch) {
        m_batch = new BatchImporter(m_database.path(), m_fetcher, this);
        connect(m_batch, &BatchImporter::finished, this, [this](const QList<BatchImportItem> &items, bool) {
            refresh();
            for (auto it = items.crbegin(); it != items.crend(); ++it) {
                if (it->ok()) {
                    Q_EMIT articleImported(it->articleId);
                    break;
                }
            }
        });
    }
    if (m_batch->isRunning()) {
        Q_EMIT message(tr("A batch import is already running."), 4000);
        return nullptr;
    }
    auto *dialog = new BatchImportDialog(m_batch, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(false);
    dialog->show();
    m_batch->start(sources);
    return dialog;
}

bool LibraryController::canDrop(const QMimeData *mime)
{
    return mime && (mime->hasUrls() || (mime->hasText() && isWebUrl(QUrl(mime->text().trimmed(), QUrl::StrictMode))));
}

bool LibraryController::handleDrop(const QMimeData *mime)
{
    if (!canDrop(mime))
        return false;
    if (m_readOnly) {
        Q_EMIT message(readOnlyMessage(), 8000);
        return false;
    }
    QList<QUrl> urls = mime->urls();
    if (urls.isEmpty())
        urls << QUrl(mime->text().trimmed(), QUrl::StrictMode);
    QStringList files;
    QList<QUrl> web;
    for (const QUrl &u : std::as_const(urls)) {
        if (u.isLocalFile()) {
            const QFileInfo info(u.toLocalFile());
            if (info.isDir())
                files << BatchImporter::sourcesInFolder(info.absoluteFilePath());
            else
                files << info.absoluteFilePath();
        } else if (isWebUrl(u)) {
            web << u;
        }
    }
    if (files.size() == 1 && web.isEmpty()) {
        if (auto r = importFile(files.first()); !r)
            Q_EMIT errorOccurred(r.error().message);
        return true;
    }
    if (files.isEmpty() && web.size() == 1) {
        importUrl(web.first());
        return true;
    }
    QStringList sources = files;
    for (const QUrl &u : std::as_const(web))
        sources << u.toString();
    if (!sources.isEmpty())
        importBatch(sources);
    return !sources.isEmpty();
}

void LibraryController::openFileDialog()
{
    if (m_readOnly) {
        Q_EMIT message(readOnlyMessage(), 8000);
        return;
    }
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_window, tr("Import articles"), {}, tr("Articles (*.html *.htm *.mhtml *.mht *.txt);;All files (*)"));
    if (paths.size() > 3) {
        importBatch(paths);
        return;
    }
    for (const QString &path : paths)
        if (auto r = importFile(path); !r)
            Q_EMIT errorOccurred(r.error().message);
}

void LibraryController::openUrlDialog()
{
    if (m_readOnly) {
        Q_EMIT message(readOnlyMessage(), 8000);
        return;
    }
    bool ok = false;
    const QString text = QInputDialog::getText(m_window, tr("Open URL"), tr("Web address of the article:"),
        QLineEdit::Normal, QStringLiteral("https://"), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    importUrl(QUrl::fromUserInput(text.trimmed()));
}

void LibraryController::batchFolderDialog()
{
    if (m_readOnly) {
        Q_EMIT message(readOnlyMessage(), 8000);
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Import every article in a folder"));
    if (folder.isEmpty())
        return;
    const QStringList sources = BatchImporter::sourcesInFolder(folder);
    if (sources.isEmpty()) {
        Q_EMIT errorOccurred(tr("%1 holds no .html, .mhtml or .txt files.").arg(folder));
        return;
    }
    importBatch(sources);
}

void LibraryController::batchListDialog()
{
    if (m_readOnly) {
        Q_EMIT message(readOnlyMessage(), 8000);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import a list of URLs"), {}, tr("Text files (*.txt *.list);;All files (*)"));
    if (path.isEmpty())
        return;
    auto sources = BatchImporter::sourcesInListFile(path);
    if (!sources) {
        Q_EMIT errorOccurred(sources.error().message);
        return;
    }
    importBatch(*sources);
}

} // namespace Gloss::Ui

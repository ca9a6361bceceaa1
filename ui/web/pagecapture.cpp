#include "pagecapture.h"

#include "core/extraction/pagefile.h"
#include "ui/logging.h"

#include <QTemporaryDir>
#include <QTimer>
#include <QWebEngineDownloadRequest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace Gloss::Ui {

PageCapture::PageCapture(QObject *parent)
    : QObject(parent)
    , m_profile(new QWebEngineProfile(this))
{
    connect(m_profile, &QWebEngineProfile::downloadRequested, this, &PageCapture::onDownload);
}

PageCapture::~PageCapture()
{
    delete m_page; // before the profile
}

void PageCapture::capture(const QUrl &url, int timeoutMs)
{
    if (m_busy)
        return;
    m_busy = true;
    m_url = url;
    const int serial = ++m_serial;
    m_dir = std::make_unique<QTemporaryDir>();
    delete m_page;
    m_page = new QWebEnginePage(m_profile, this);
    m_page->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
    m_page->settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    connect(m_page, &QWebEnginePage::loadProgress, this, &PageCapture::progressChanged);
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (!m_busy)
            return;
        if (!ok) {
            finish(tr("Could not load %1 (no network, or the address is wrong).").arg(m_url.toDisplayString()));
            return;
        }
        save();
    });
    QTimer::singleShot(timeoutMs, this, [this, serial] {
        if (m_busy && serial == m_serial)
            finish(tr("Loading %1 took too long.").arg(m_url.toDisplayString()));
    });
    m_page->load(url);
}

void PageCapture::save()
{
    m_page->save(m_dir->filePath(QStringLiteral("page.mhtml")), QWebEngineDownloadRequest::MimeHtmlSaveFormat);
}

void PageCapture::onDownload(QWebEngineDownloadRequest *download)
{
    if (!download->isSavePageDownload() || !m_busy) {
        download->cancel();
        return;
    }
    connect(download, &QWebEngineDownloadRequest::isFinishedChanged, this, [this, download] {
        if (!download->isFinished() || !m_busy)
            return;
        if (download->state() != QWebEngineDownloadRequest::DownloadCompleted) {
            finish(tr("Could not save %1 as a snapshot: %2")
                       .arg(m_url.toDisplayString(), download->interruptReasonString()));
            return;
        }
        // Read with the extractor's size limit: a huge page is refused here rather than read whole.
        auto page
            = Core::PageFile::read(download->downloadDirectory() + QLatin1Char('/') + download->downloadFileName());
        if (!page) {
            finish(tr("Could not read the saved snapshot: %1").arg(page.error().message));
            return;
        }
        finish({}, page->bytes);
    });
    download->accept();
}

void PageCapture::finish(const QString &error, const QByteArray &bytes)
{
    m_busy = false;
    const QUrl url = m_page ? m_page->url() : m_url;
    if (m_page)
        m_page->deleteLater();
    m_page = nullptr;
    if (!error.isEmpty()) {
        qCWarning(lcWeb) << error;
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT captured(bytes, url.isValid() ? url : m_url);
}

} // namespace Gloss::Ui

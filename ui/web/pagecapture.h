#pragma once

#include <QObject>
#include <QUrl>
#include <memory>

class QTemporaryDir;
class QWebEnginePage;
class QWebEngineProfile;
class QWebEngineDownloadRequest;

namespace Gloss::Ui {

/// File > Open URL: loads a web address in a hidden QWebEnginePage (scripts on, so that script-rendered pages
/// render) and saves the rendered page as one MHTML snapshot (QWebEnginePage::save with MimeHtmlSaveFormat),
/// which is then imported like a saved page: the reader text comes from the rendered DOM, and the original
/// looks right offline later. Uses its own off-the-record profile, separate from the offline one.
class PageCapture final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageCapture)
public:
    explicit PageCapture(QObject *parent = nullptr);
    ~PageCapture() override;

    /// Starts loading `url`; captured() or failed() follows (after at most `timeoutMs`).
    void capture(const QUrl &url, int timeoutMs = 60000);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void progressChanged(int percent);
    /// The MHTML bytes of the rendered page and the URL it ended at.
    void captured(const QByteArray &mhtml, const QUrl &url);
    void failed(const QString &message);

private:
    void save();
    void onDownload(QWebEngineDownloadRequest *download);
    void finish(const QString &error, const QByteArray &bytes = {});

    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QUrl m_url;
    bool m_busy = false;
    int m_serial = 0;
};

} // namespace Gloss::Ui

#include "originalview.h"

#include "ui/web/contentschemehandler.h"
#include "ui/web/offlineprofile.h"

#include <QDesktopServices>
#include <QWebEnginePage>
#include <QWebEngineSettings>

namespace Gloss::Ui {

namespace {
/// Decides navigation for stored snapshots (Ghostwriter's sandboxedwebpage is the model): the snapshot itself
/// loads; a clicked link opens in the system browser; anything else is refused.
class SnapshotPage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        if (url.scheme() == QLatin1String(ContentSchemeHandler::scheme))
            return true;
        if (type == NavigationTypeLinkClicked && isMainFrame
            && (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto"))
            QDesktopServices::openUrl(url);
        return false;
    }
};
} // namespace

OriginalView::OriginalView(OfflineProfile *profile, QWidget *parent)
    : QWebEngineView(parent)
    , m_profile(profile)
{
    setAccessibleName(tr("Original page"));
    auto *page = new SnapshotPage(profile, this);
    setPage(page);
    page->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    page->settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
}

void OriginalView::showSnapshot(qint64 articleId, const Core::Snapshot &snapshot)
{
    QByteArray mime = snapshot.contentType.toLatin1();
    if (mime.isEmpty())
        mime = QByteArrayLiteral("text/html");
    if (mime == "text/plain" || mime == "text/html") {
        if (!snapshot.charset.isEmpty())
            mime += ";charset=" + snapshot.charset.toLatin1();
    }
    load(m_profile->content()->publish(QStringLiteral("original/%1/%2").arg(articleId).arg(++m_loadSerial),
                                       snapshot.bytes, mime));
}

void OriginalView::clear()
{
    setHtml(QStringLiteral("<html><body></body></html>"));
}

} // namespace Gloss::Ui

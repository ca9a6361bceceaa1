#include "offlineprofile.h"

#include "contentschemehandler.h"
#include "ui/logging.h"

namespace Gloss::Ui {

OfflineInterceptor::OfflineInterceptor(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{
}

void OfflineInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QString scheme = info.requestUrl().scheme();
    if (scheme == QLatin1String(ContentSchemeHandler::scheme) || scheme == u"data" || scheme == u"qrc")
        return;
    if (m_remoteAllowed && (scheme == u"http" || scheme == u"https"))
        return;
    m_blocked.ref();
    qCDebug(lcWeb) << "blocked" << info.requestUrl().toDisplayString();
    info.block(true);
}

OfflineProfile::OfflineProfile(QObject *parent)
    : QWebEngineProfile(parent)
    , m_content(new ContentSchemeHandler(this))
    , m_interceptor(new OfflineInterceptor(this))
{
    installUrlSchemeHandler(ContentSchemeHandler::scheme, m_content);
    setUrlRequestInterceptor(m_interceptor);
}

} // namespace Gloss::Ui

#include "urlfetcher.h"

#include "core/extraction/extractor.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Gloss::Cli {

Core::Result<FetchedPage> fetchUrl(const QUrl &url)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Gloss/%1").arg(QStringLiteral(GLOSS_VERSION)));
    request.setTransferTimeout(30000);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > Core::Extractor::maxInputBytes)
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();

    const QString shown = url.adjusted(QUrl::RemoveUserInfo).toDisplayString();
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return Core::fail(QStringLiteral("%1: the download stopped: the page is larger than %2 bytes (the limit), or "
                                         "the request was cancelled.")
                              .arg(shown)
                              .arg(Core::Extractor::maxInputBytes));
    if (reply->error() == QNetworkReply::HostNotFoundError || reply->error() == QNetworkReply::UnknownNetworkError
        || reply->error() == QNetworkReply::TemporaryNetworkFailureError
        || reply->error() == QNetworkReply::NetworkSessionFailedError)
        return Core::fail(QStringLiteral("%1: cannot reach the host; is there a network connection? (%2)")
                              .arg(shown, reply->errorString()));
    if (reply->error() != QNetworkReply::NoError)
        return Core::fail(QStringLiteral("%1: the download failed: %2").arg(shown, reply->errorString()));
    FetchedPage page;
    page.bytes = reply->readAll();
    page.url = reply->url().adjusted(QUrl::RemoveUserInfo); // credentials are for the request, not the article
    page.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    return page;
}

} // namespace Gloss::Cli

#include "contentschemehandler.h"

#include <QBuffer>
#include <QUrl>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace Gloss::Ui {

void ContentSchemeHandler::registerScheme()
{
    QWebEngineUrlScheme s(scheme);
    s.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    s.setFlags(
        QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme | QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(s);
}

ContentSchemeHandler::ContentSchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{ }

QUrl ContentSchemeHandler::publish(
    const QString &key, const QByteArray &bytes, const QByteArray &mimeType, const QString &host)
{
    QMutexLocker lock(&m_mutex);
    m_resources.insert(host + QLatin1Char('/') + key, Resource { bytes, mimeType });
    QUrl url;
    url.setScheme(QString::fromLatin1(scheme));
    url.setHost(host);
    url.setPath(QLatin1Char('/') + key);
    return url;
}

void ContentSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QString key = job->requestUrl().host() + job->requestUrl().path();
    Resource resource;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_resources.constFind(key);
        if (it == m_resources.cend()) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        resource = *it;
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(resource.bytes);
    buffer->open(QIODevice::ReadOnly);
    job->reply(resource.mimeType, buffer);
}

} // namespace Gloss::Ui

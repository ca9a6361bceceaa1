#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QWebEngineUrlSchemeHandler>

namespace Gloss::Ui {

/// Serves stored content to the web views through the `gloss:` URL scheme (gloss://content/<key>), so that
/// nothing is fetched again and pages larger than setHtml()'s 2 MB limit load (kiwix-desktop's
/// urlschemehandler is the model). Call registerScheme() before the QApplication exists.
class ContentSchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContentSchemeHandler)
public:
    static constexpr const char *scheme = "gloss";

    /// Registers the scheme with QtWebEngine; must run before QApplication is constructed.
    static void registerScheme();

    explicit ContentSchemeHandler(QObject *parent = nullptr);

    /// Publishes `bytes` with MIME type `mimeType` (e.g. "text/html;charset=utf-8") under `key`;
    /// returns its URL. Publishing under the same key replaces the content. `host` is "content" (reader
    /// pages) or "original" (snapshots): a different host is a different site, so Chromium renders the two
    /// views in separate processes and a heavy original never holds up the reader.
    QUrl publish(const QString &key, const QByteArray &bytes, const QByteArray &mimeType,
        const QString &host = QStringLiteral("content"));

    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    struct Resource
    {
        QByteArray bytes;
        QByteArray mimeType;
    };
    QMutex m_mutex;
    QHash<QString, Resource> m_resources;
};

} // namespace Gloss::Ui

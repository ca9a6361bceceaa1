#pragma once

#include <QSet>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInterceptor>

namespace Gloss::Ui {

class ContentSchemeHandler;

/// Blocks every request that is not stored content (gloss:, data:, qrc:) unless remote content is allowed
/// (DESIGN.md, "Network": the reader view never touches the network; stored originals stay offline).
/// Blocked URLs are counted so that tests and the status bar can tell.
class OfflineInterceptor final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineInterceptor)
public:
    explicit OfflineInterceptor(QObject *parent = nullptr);
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    void setRemoteAllowed(bool allowed) { m_remoteAllowed = allowed; }
    int blockedCount() const { return m_blocked.loadRelaxed(); }

private:
    bool m_remoteAllowed = false;
    QAtomicInt m_blocked;
};

/// An off-the-record profile shared by Gloss's views: the gloss: scheme handler and the offline interceptor.
class OfflineProfile final : public QWebEngineProfile
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineProfile)
public:
    explicit OfflineProfile(QObject *parent = nullptr);
    ContentSchemeHandler *content() const { return m_content; }
    OfflineInterceptor *interceptor() const { return m_interceptor; }

private:
    ContentSchemeHandler *m_content = nullptr;
    OfflineInterceptor *m_interceptor = nullptr;
};

} // namespace Gloss::Ui

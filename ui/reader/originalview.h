#pragma once

#include "core/document/article.h"

#include <QWebEngineView>

namespace Gloss::Ui {

class OfflineProfile;

/// The original page, rendered from the stored snapshot (never fetched again): scripts off, remote requests
/// blocked by the profile's OfflineInterceptor, links opened in the system browser.
class OriginalView final : public QWebEngineView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OriginalView)
public:
    OriginalView(OfflineProfile *profile, QWidget *parent = nullptr);

    /// Shows the snapshot bytes with their content type and charset.
    void showSnapshot(qint64 articleId, const Core::Snapshot &snapshot);
    void clear();

private:
    OfflineProfile *m_profile = nullptr;
    int m_loadSerial = 0;
};

} // namespace Gloss::Ui

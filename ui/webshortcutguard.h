#pragma once

#include <QObject>

namespace Gloss::Ui {

/// Keeps Gloss's undo/redo and delete shortcuts working while a web view has the focus. Chromium claims
/// Ctrl+Z, Ctrl+Shift+Z and Delete as editing commands (it accepts their ShortcutOverride), although the
/// read-only pages have nothing to undo; this application-wide event filter declines the override for
/// events aimed at a child of a QWebEngineView, so the window's QActions get them.
class WebShortcutGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebShortcutGuard)
public:
    explicit WebShortcutGuard(QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace Gloss::Ui

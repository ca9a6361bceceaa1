#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QImage;
class QWidget;

namespace Gloss::Ui {

class MainWindow;

/// Saves a picture of the main window once both web panes have painted: it polls (every 100 ms, up to
/// `timeoutMs` milliseconds) until the reader view is ready with its highlights painted, the original page
/// has loaded and drawn its quote-anchored highlights (OriginalView::highlightsRendered()), and neither pane's
/// grab is one flat colour, on two polls in a row, rather than sleeping a fixed time (WebEngine grabs right
/// after loadFinished can be blank). With no article open, it waits for the original pane's empty page.
class Screenshotter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Screenshotter)
public:
    Screenshotter(MainWindow *window, QString path, int timeoutMs = 30000, QObject *parent = nullptr);

    void start();
    /// True when `image` has more than one colour (sampled on a 4-pixel grid).
    static bool hasContent(const QImage &image);

Q_SIGNALS:
    /// `ok` is false when the panes did not paint in time or the file could not be written.
    void finished(bool ok, const QString &message);

private:
    void poll();

    MainWindow *m_window;
    QString m_path;
    int m_timeoutMs;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    int m_readyPolls = 0; ///< consecutive polls that found everything painted
};

} // namespace Gloss::Ui

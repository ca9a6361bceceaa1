#include "screenshotter.h"

#include "articlesession.h"
#include "mainwindow.h"
#include "reader/originalview.h"
#include "reader/readerview.h"

#include <QImage>

namespace Gloss::Ui {

Screenshotter::Screenshotter(MainWindow *window, QString path, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(std::move(path))
    , m_timeoutMs(timeoutMs)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &Screenshotter::poll);
}

void Screenshotter::start()
{
    m_elapsed.start();
    m_timer.start();
}

bool Screenshotter::hasContent(const QImage &image)
{
    if (image.isNull())
        return false;
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            if (image.pixel(x, y) != first)
                return true;
    return false;
}

void Screenshotter::poll()
{
    const bool hasArticle = m_window->session()->hasArticle();
    bool painted = true;
    if (hasArticle) {
        const int anchored
            = int(std::count_if(m_window->session()->annotations().cbegin(), m_window->session()->annotations().cend(),
                [](const Core::Annotation &a) { return a.status != Core::AnchorStatus::Orphaned; }));
        painted = m_window->readerView()->isReady() && (anchored == 0 || m_window->readerView()->paintedMarks() > 0)
            && m_window->originalView()->isLoaded() && (anchored == 0 || m_window->originalView()->paintedMarks() > 0)
            && hasContent(m_window->readerView()->grab().toImage())
            && hasContent(m_window->originalView()->grab().toImage());
    }
    const bool timedOut = m_elapsed.elapsed() > m_timeoutMs;
    if (!painted && !timedOut)
        return;
    m_timer.stop();
    const QImage image = m_window->grab().toImage();
    if (!image.save(m_path)) {
        Q_EMIT finished(false, tr("Cannot write the screenshot %1.").arg(m_path));
        return;
    }
    if (!painted)
        Q_EMIT finished(false, tr("Saved %1, but the panes had not painted after %2 ms.").arg(m_path).arg(m_timeoutMs));
    else
        Q_EMIT finished(true,
            tr("Saved %1 (%2x%3) after %4 ms.")
                .arg(m_path)
                .arg(image.width())
                .arg(image.height())
                .arg(m_elapsed.elapsed()));
}

} // namespace Gloss::Ui

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
    OriginalView *original = m_window->originalView();
    bool painted = true;
    if (hasArticle) {
        const QList<Core::Annotation> &annotations = m_window->session()->annotations();
        const int anchored = int(std::count_if(annotations.cbegin(), annotations.cend(),
            [](const Core::Annotation &a) { return a.status != Core::AnchorStatus::Orphaned; }));
        // The original pane: loaded, given this article's annotations (after the reader has painted), its last
        // highlight pass finished and drawn in a frame. The pass's result alone comes back before the page has
        // drawn it, and a grab then shows neither the highlights nor the form fields switched off.
        painted = m_window->readerView()->isReady() && (anchored == 0 || m_window->readerView()->paintedMarks() > 0)
            && original->isLoaded() && original->annotationCount() == annotations.size()
            && original->highlightsRendered() && hasContent(m_window->readerView()->grab().toImage())
            && hasContent(original->grab().toImage());
    } else if (original->isVisible()) {
        // The first-run screen: the original pane's empty page (a line of text on the theme's background).
        painted = hasContent(original->grab().toImage());
    }
    // Ready on two polls in a row: the widgets show the pages' newest frames by then.
    m_readyPolls = painted ? m_readyPolls + 1 : 0;
    painted = m_readyPolls >= 2;
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

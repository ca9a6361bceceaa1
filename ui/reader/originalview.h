#pragma once

#include "core/annotation/annotation.h"
#include "core/document/article.h"
#include "ui/reader/highlightstyle.h"

#include <QWebEngineView>
#include <functional>
#include <optional>

namespace Gloss::Ui {

class OfflineProfile;

/// The original page, rendered from the stored snapshot (never fetched again): scripts off, remote requests
/// blocked by the profile's OfflineInterceptor, links opened in the system browser.
///
/// Highlights: the annotations are also painted here, anchored by quote in the page's DOM
/// (resources/reader/original.js, run with runJavaScript in QWebEngineScript::ApplicationWorld, an isolated
/// world that works although the page's own scripts are off). The page's selection is read back the same
/// way as a TextQuoteSelector, and a click on a highlight is reported as annotationClicked.
class OriginalView final : public QWebEngineView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OriginalView)
public:
    OriginalView(OfflineProfile *profile, QWidget *parent = nullptr);
    ~OriginalView() override;

    /// Shows the snapshot bytes with their content type and charset.
    void showSnapshot(qint64 articleId, const Core::Snapshot &snapshot);
    /// Shows the empty page (what the view shows before any article): a line of muted text on the theme's
    /// background.
    void clear();
    /// The reader theme ("light", "sepia", "dark"): the colours of the empty page. A stored original keeps its
    /// own colours (on white where it sets none, as a browser shows it).
    void setTheme(const QString &theme);
    QString theme() const { return m_theme; }
    /// True while the empty page is shown instead of a snapshot.
    bool isEmpty() const { return m_showingEmpty; }

    /// Paints these annotations by quote once the page has loaded (orphans too: their quote may still be in
    /// the original).
    void setAnnotations(const QList<Core::Annotation> &annotations);
    /// How many annotations the view was last given (set back to none by showSnapshot()).
    qsizetype annotationCount() const { return m_annotations.size(); }
    /// The label schema's colours for entity types without a built-in colour (see highlightColor()).
    void setEntityColors(const EntityColors &colors);
    /// Scrolls to an annotation's highlight and outlines it.
    void scrollToAnnotation(const QString &annotationId);
    /// Reads the page's selection; `done` gets the quote (whitespace-normalised, 32 characters of context),
    /// or nothing when the selection is empty.
    void requestSelection(const std::function<void(std::optional<Core::TextQuoteSelector>)> &done);
    /// Runs `script` in the isolated world where Gloss's script lives (tests query the DOM with it).
    void runScript(const QString &script, const std::function<void(const QVariant &)> &callback);

    /// True once the snapshot has loaded.
    bool isLoaded() const { return m_loaded; }
    /// Marks painted by the last pass, and how many annotations were found in the page.
    int paintedMarks() const { return m_paintedMarks; }
    int anchoredCount() const { return m_anchored; }
    /// True when the page has loaded and the last highlight pass asked for has finished (whether or not the
    /// quotes were found in this page).
    bool highlightsSettled() const { return m_loaded && m_paintSerial > 0 && m_doneSerial == m_paintSerial; }
    /// True when, besides highlightsSettled(), the page has drawn a frame with the last pass in it (its
    /// highlights, its form fields switched off): a grab of the view shows them. The result of a pass comes back
    /// before the page has drawn it; this waits two animation frames in the page. Stays false while the view is
    /// hidden (a hidden page draws no frames).
    bool highlightsRendered() const { return highlightsSettled() && m_renderedSerial == m_paintSerial; }
    /// Milliseconds the page's script spent on the last highlight pass (anchoring by quote and painting).
    double lastPaintMs() const { return m_lastPaintMs; }

Q_SIGNALS:
    void highlightsPainted(int marks, int anchored);
    /// The last highlight pass is in a frame the page has drawn (see highlightsRendered()).
    void highlightFrameRendered();
    void annotationClicked(const QString &annotationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void childEvent(QChildEvent *event) override;

private:
    void paintHighlights();
    void ensureScript(const std::function<void()> &then);
    void showEmptyPage();
    void waitForFrame(int serial, int attempt);

    OfflineProfile *m_profile = nullptr;
    QList<Core::Annotation> m_annotations;
    EntityColors m_entityColors;
    int m_loadSerial = 0;
    int m_paintSerial = 0;
    int m_doneSerial = 0;
    int m_renderedSerial = 0;
    QString m_theme = QStringLiteral("light");
    bool m_showingEmpty = false;
    bool m_loaded = false;
    int m_paintedMarks = 0;
    int m_anchored = 0;
    double m_lastPaintMs = 0;
    bool m_dying = false; ///< set in the destructor: the page runs pending callbacks as it goes
};

} // namespace Gloss::Ui

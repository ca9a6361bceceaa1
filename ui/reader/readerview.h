#pragma once

#include "core/anchoring/codepointindex.h"
#include "core/annotation/annotation.h"
#include "core/document/article.h"
#include "ui/reader/highlightstyle.h"
#include "ui/settings.h"

#include <QElapsedTimer>
#include <QWebEngineView>

namespace Gloss::Ui {

class OfflineProfile;
class ReaderBridge;

/// The reader view: the article's reader HTML in a QWebEngineView with Gloss's typography, highlights placed
/// by offsets, and the selection reported back as reader-text offsets (DESIGN.md, "Views"). Offsets in this
/// class's API are Unicode code points of the article's reader text; the page works in UTF-16 units and
/// the conversion happens here, through core's CodePointIndex.
///
/// Keyboard: Shift+arrows select from the first visible line (Ctrl+Shift by word, Alt+Shift by sentence),
/// arrows then move the caret, Escape clears (resources/reader/highlighter.js).
class ReaderView final : public QWebEngineView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderView)
public:
    ReaderView(OfflineProfile *profile, QWidget *parent = nullptr);
    ~ReaderView() override;

    /// Loads the article's current version, scrolled to `scrollFraction` (0..1) of its height once loaded, with
    /// `annotations` highlighted from the first frame (they travel inside the document). Highlights set later,
    /// before the page is ready, are painted once it is.
    void showArticle(
        const Core::Article &article, double scrollFraction = 0.0, const QList<Core::Annotation> &annotations = {});
    /// Shows an empty page (no article).
    void clear();
    /// Paints these annotations (orphans are skipped).
    void setAnnotations(const QList<Core::Annotation> &annotations);
    /// The label schema's colours for entity types reader.css does not style (see highlightInlineColor()).
    void setEntityColors(const EntityColors &colors);

    /// The current selection in code points, invalid (-1, -1) when nothing is selected.
    Core::TextPositionSelector selection() const { return m_selection; }
    /// Selects [start, end) code points in the page (as a user's drag would); selectionChanged follows.
    void selectRange(Core::TextPositionSelector range);
    /// Clears the page's selection.
    void clearSelection();
    /// Scrolls to an annotation's highlight and outlines it.
    void scrollToAnnotation(const QString &annotationId);
    /// "light", "sepia" or "dark" (an effective theme, not "system").
    void setTheme(const QString &theme);
    QString theme() const { return m_theme; }
    void setTypography(const Typography &typography);
    Typography typography() const { return m_typography; }

    /// True once the page has loaded and its script is connected.
    bool isReady() const { return m_ready; }
    /// Number of <mark> elements painted by the last highlight pass (for tests and screenshots).
    int paintedMarks() const { return m_paintedMarks; }
    /// Milliseconds from the last setAnnotations()/ready to the page's answer for that highlight pass.
    qint64 lastPaintMs() const { return m_lastPaintMs; }
    /// The estimated reading time of the shown article in minutes (0 when none).
    int readingMinutes() const { return m_readingMinutes; }
    /// Runs `script` in the page's main world (tests and the benchmark query the DOM with it).
    void runScript(const QString &script, const std::function<void(const QVariant &)> &callback);

    /// The HTML document shown for `article` (public for tests).
    static QByteArray documentHtml(const Core::Article &article, const QString &theme);
    /// `highlights`: the JSON list painted before the first frame (see highlighter.js), or empty.
    static QByteArray documentHtml(const Core::Article &article, const QString &theme, const Typography &typography,
        const QByteArray &highlights = {});

Q_SIGNALS:
    void selectionChanged(Core::TextPositionSelector selection);
    void annotationClicked(const QString &annotationId);
    void ready();
    void highlightsPainted(int marks);
    /// The user scrolled the article to `fraction` (0..1) of its height (debounced by the page).
    void readingPositionChanged(qint64 articleId, double fraction);

private:
    void paintHighlights();
    QByteArray highlightsJson() const;

    OfflineProfile *m_profile = nullptr;
    ReaderBridge *m_bridge = nullptr;
    Core::CodePointIndex m_index;
    QList<Core::Annotation> m_annotations;
    EntityColors m_entityColors;
    Core::TextPositionSelector m_selection;
    QString m_theme = QStringLiteral("light");
    Typography m_typography;
    qint64 m_articleId = 0;
    double m_initialScroll = 0.0;
    bool m_ready = false;
    bool m_annotationsChangedSinceLoad = false;
    int m_paintedMarks = 0;
    int m_loadSerial = 0;
    int m_paintSerial = 0;
    int m_readingMinutes = 0;
    qint64 m_lastPaintMs = 0;
    QElapsedTimer m_paintTimer;
    bool m_dying = false; ///< set in the destructor: the page runs pending callbacks as it goes
};

} // namespace Gloss::Ui

#pragma once

#include "core/anchoring/codepointindex.h"
#include "core/annotation/annotation.h"
#include "core/document/article.h"

#include <QWebEngineView>

namespace Gloss::Ui {

class OfflineProfile;
class ReaderBridge;

/// The reader view: the article's reader HTML in a QWebEngineView with Gloss's typography, highlights placed
/// by offsets, and the selection reported back as reader-text offsets (DESIGN.md, "Views"). Offsets in this
/// class's API are Unicode code points of the article's reader text; the page works in UTF-16 units and
/// the conversion happens here, through core's CodePointIndex.
class ReaderView final : public QWebEngineView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderView)
public:
    ReaderView(OfflineProfile *profile, QWidget *parent = nullptr);

    /// Loads the article's current version. Highlights set before the page is ready are painted once it is.
    void showArticle(const Core::Article &article);
    /// Shows an empty page (no article).
    void clear();
    /// Paints these annotations (orphans are skipped).
    void setAnnotations(const QList<Core::Annotation> &annotations);

    /// The current selection in code points, invalid (-1, -1) when nothing is selected.
    Core::TextPositionSelector selection() const { return m_selection; }
    /// Selects [start, end) code points in the page (as a user's drag would); selectionChanged follows.
    void selectRange(Core::TextPositionSelector range);
    /// Scrolls to an annotation's highlight and outlines it.
    void scrollToAnnotation(const QString &annotationId);
    /// Light, sepia or dark.
    void setTheme(const QString &theme);

    /// True once the page has loaded and its script is connected.
    bool isReady() const { return m_ready; }
    /// Number of <mark> elements painted by the last highlight pass (for tests and screenshots).
    int paintedMarks() const { return m_paintedMarks; }
    /// The HTML document shown for `article` (public for tests).
    static QByteArray documentHtml(const Core::Article &article, const QString &theme);

Q_SIGNALS:
    void selectionChanged(Core::TextPositionSelector selection);
    void annotationClicked(const QString &annotationId);
    void ready();
    void highlightsPainted(int marks);

private:
    void paintHighlights();

    OfflineProfile *m_profile = nullptr;
    ReaderBridge *m_bridge = nullptr;
    Core::CodePointIndex m_index;
    QList<Core::Annotation> m_annotations;
    Core::TextPositionSelector m_selection;
    QString m_theme = QStringLiteral("light");
    qint64 m_articleId = 0;
    bool m_ready = false;
    int m_paintedMarks = 0;
    int m_loadSerial = 0;
};

} // namespace Gloss::Ui

#include "originalview.h"

#include "ui/reader/highlightstyle.h"
#include "ui/reader/webresources.h"
#include "ui/web/contentschemehandler.h"
#include "ui/web/offlineprofile.h"

#include <QChildEvent>
#include <QDesktopServices>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QPointer>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QWebEngineSettings>

namespace Gloss::Ui {

namespace {

constexpr quint32 scriptWorld = QWebEngineScript::ApplicationWorld;
/// How often, and how many times, the page is asked whether it has drawn the last highlight pass (5 s in all:
/// a hidden page draws nothing, and the question stops).
constexpr int framePollMs = 50;
constexpr int framePollAttempts = 100;

/// Decides navigation for stored snapshots (Ghostwriter's sandboxedwebpage is the model): the snapshot itself
/// loads; a clicked link opens in the system browser; anything else is refused.
class SnapshotPage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        if (url.scheme() == QLatin1String(ContentSchemeHandler::scheme) || url.scheme() == u"data"
            || url.scheme() == u"about")
            return true;
        if (type == NavigationTypeLinkClicked && isMainFrame
            && (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto"))
            QDesktopServices::openUrl(url);
        return false;
    }
};

QString cssColor(const QColor &c)
{
    return QStringLiteral("rgba(%1, %2, %3, %4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alphaF(), 0, 'f', 2);
}

QString jsString(const QString &s)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { s }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString cssHex(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

} // namespace

OriginalView::OriginalView(OfflineProfile *profile, QWidget *parent)
    : QWebEngineView(parent)
    , m_profile(profile)
{
    setAccessibleName(tr("Original page"));
    setAccessibleDescription(tr("The stored original page, offline. Highlights are placed by quote; select text "
                                "and press C or E to annotate it in the reader text."));
    auto *page = new SnapshotPage(profile, this);
    setPage(page);
    page->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    page->settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    connect(this, &QWebEngineView::loadStarted, this, [this] {
        m_loaded = false;
        m_paintedMarks = 0;
        m_anchored = 0;
    });
    connect(this, &QWebEngineView::loadFinished, this, [this](bool ok) {
        if (m_showingEmpty) { // the empty page: nothing to anchor in, no snapshot loaded
            m_loaded = false;
            return;
        }
        m_loaded = ok;
        if (ok)
            paintHighlights();
    });
    showEmptyPage();
}

OriginalView::~OriginalView()
{
    m_dying = true;
    delete page(); // now, while this object is whole: pending script callbacks run and see m_dying
}

void OriginalView::showSnapshot(qint64 articleId, const Core::Snapshot &snapshot)
{
    m_annotations.clear();
    m_loaded = false; // the old page gets no highlights meant for the new one
    m_paintedMarks = 0;
    m_anchored = 0;
    m_showingEmpty = false;
    // A page that sets no background is drawn on white, as a browser shows it (the theme's dark background
    // would leave its default black text unreadable).
    page()->setBackgroundColor(Qt::white);
    QByteArray mime = snapshot.contentType.toLatin1();
    if (mime.isEmpty())
        mime = QByteArrayLiteral("text/html");
    if (mime == "text/plain" || mime == "text/html") {
        if (!snapshot.charset.isEmpty())
            mime += ";charset=" + snapshot.charset.toLatin1();
    }
    load(m_profile->content()->publish(QStringLiteral("original/%1/%2").arg(articleId).arg(++m_loadSerial),
        snapshot.bytes, mime, QStringLiteral("original")));
}

void OriginalView::clear()
{
    m_annotations.clear();
    showEmptyPage();
}

void OriginalView::setTheme(const QString &theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    if (m_showingEmpty)
        showEmptyPage();
}

void OriginalView::showEmptyPage()
{
    m_showingEmpty = true;
    m_loaded = false;
    m_paintedMarks = 0;
    m_anchored = 0;
    // The page background shows before the document paints: the theme's, not a white block in the dark theme.
    const QColor bg = themeBackground(m_theme);
    page()->setBackgroundColor(bg);
    const QString html
        = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
                         "html, body { height: 100%; margin: 0; } "
                         "body { background: %1; color: %2; color-scheme: %3; display: flex; align-items: center; "
                         "justify-content: center; text-align: center; padding: 0 2em; box-sizing: border-box; "
                         "font: 14px system-ui, 'DejaVu Sans', sans-serif; }"
                         "</style></head><body><p>%4</p></body></html>")
              .arg(cssHex(bg), cssHex(themeMutedText(m_theme)),
                  m_theme == u"dark" ? QStringLiteral("dark") : QStringLiteral("light"),
                  tr("The stored original of the article shows here.").toHtmlEscaped());
    setHtml(html);
}

void OriginalView::setAnnotations(const QList<Core::Annotation> &annotations)
{
    m_annotations = annotations;
    if (m_loaded)
        paintHighlights();
}

void OriginalView::setEntityColors(const EntityColors &colors)
{
    if (colors == m_entityColors)
        return;
    m_entityColors = colors;
    if (m_loaded)
        paintHighlights();
}

void OriginalView::ensureScript(const std::function<void()> &then)
{
    // The isolated world starts empty on every load: define Gloss's functions there once per document.
    QPointer<OriginalView> self(this);
    page()->runJavaScript(
        QStringLiteral("typeof glossOriginal !== 'undefined'"), scriptWorld, [self, then](const QVariant &defined) {
            if (!self || self->m_dying)
                return;
            if (defined.toBool()) {
                then();
                return;
            }
            self->page()->runJavaScript(resourceText(QStringLiteral(":/gloss/reader/marks.js"))
                    + resourceText(QStringLiteral(":/gloss/reader/original.js")) + QStringLiteral("\n;true"),
                scriptWorld, [self, then](const QVariant &) {
                    if (self && !self->m_dying)
                        then();
                });
        });
}

void OriginalView::paintHighlights()
{
    QJsonArray list;
    for (const Core::Annotation &a : std::as_const(m_annotations)) {
        if (a.quote.exact.isEmpty())
            continue;
        QJsonObject h { { QStringLiteral("id"), a.id }, { QStringLiteral("exact"), a.quote.exact },
            { QStringLiteral("prefix"), a.quote.prefix }, { QStringLiteral("suffix"), a.quote.suffix },
            { QStringLiteral("color"), cssColor(highlightColor(a, m_entityColors)) },
            { QStringLiteral("title"), highlightTooltip(a) } };
        if (a.kind == Core::AnnotationKind::Claim)
            h.insert(QStringLiteral("underline"), QStringLiteral("#c98a00"));
        list.append(h);
    }
    const QString js = QStringLiteral("JSON.stringify(glossOriginal.setHighlights(%1))")
                           .arg(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
    const int serial = ++m_paintSerial;
    QPointer<OriginalView> self(this);
    ensureScript([self, js, serial] {
        if (!self || self->m_dying)
            return;
        self->page()->runJavaScript(js, scriptWorld, [self, serial](const QVariant &result) {
            if (!self || self->m_dying || serial != self->m_paintSerial)
                return;
            const QJsonObject o = QJsonDocument::fromJson(result.toString().toUtf8()).object();
            self->m_paintedMarks = o.value(QStringLiteral("painted")).toInt();
            self->m_anchored = int(o.value(QStringLiteral("anchored")).toArray().size());
            self->m_lastPaintMs = o.value(QStringLiteral("ms")).toDouble();
            self->m_doneSerial = serial;
            Q_EMIT self->highlightsPainted(self->m_paintedMarks, self->m_anchored);
            if (self && !self->m_dying && serial == self->m_paintSerial) {
                self->page()->runJavaScript(QStringLiteral("glossOriginal.afterFrame(%1)").arg(serial), scriptWorld);
                self->waitForFrame(serial, 0);
            }
        });
    });
}

void OriginalView::waitForFrame(int serial, int attempt)
{
    // The pass's result comes back before the page has drawn it: a grab right then shows the page without its
    // highlights (the screenshot could be saved so). The page notes the pass two animation frames later, once
    // the frame with it has been produced; it is asked here until it has (or a newer pass or page supersedes it).
    QTimer::singleShot(framePollMs, this, [this, serial, attempt] {
        if (m_dying || serial != m_paintSerial || !m_loaded)
            return;
        QPointer<OriginalView> self(this);
        page()->runJavaScript(QStringLiteral("typeof glossOriginal !== 'undefined' ? glossOriginal.framed() : 0"),
            scriptWorld, [self, serial, attempt](const QVariant &framed) {
                if (!self || self->m_dying || serial != self->m_paintSerial)
                    return;
                if (framed.toInt() >= serial) {
                    self->m_renderedSerial = serial;
                    Q_EMIT self->highlightFrameRendered();
                } else if (attempt + 1 < framePollAttempts) {
                    self->waitForFrame(serial, attempt + 1);
                }
            });
    });
}

void OriginalView::scrollToAnnotation(const QString &annotationId)
{
    if (!m_loaded)
        return;
    const QString js = QStringLiteral("glossOriginal.focus(%1)").arg(jsString(annotationId));
    QPointer<OriginalView> self(this);
    ensureScript([self, js] {
        if (self && !self->m_dying)
            self->page()->runJavaScript(js, scriptWorld);
    });
}

void OriginalView::requestSelection(const std::function<void(std::optional<Core::TextQuoteSelector>)> &done)
{
    if (!m_loaded) {
        done(std::nullopt);
        return;
    }
    QPointer<OriginalView> self(this);
    ensureScript([self, done] {
        if (!self || self->m_dying) {
            done(std::nullopt);
            return;
        }
        self->page()->runJavaScript(
            QStringLiteral("JSON.stringify(glossOriginal.selection())"), scriptWorld, [done](const QVariant &result) {
                const QJsonObject o = QJsonDocument::fromJson(result.toString().toUtf8()).object();
                if (o.value(QStringLiteral("exact")).toString().isEmpty()) {
                    done(std::nullopt);
                    return;
                }
                done(Core::TextQuoteSelector { o.value(QStringLiteral("exact")).toString(),
                    o.value(QStringLiteral("prefix")).toString(), o.value(QStringLiteral("suffix")).toString() });
            });
    });
}

void OriginalView::runScript(const QString &script, const std::function<void(const QVariant &)> &callback)
{
    QPointer<OriginalView> self(this);
    ensureScript([self, script, callback] {
        if (self && !self->m_dying)
            self->page()->runJavaScript(script, scriptWorld, [self, callback](const QVariant &v) {
                if (self && !self->m_dying)
                    callback(v);
            });
    });
}

void OriginalView::childEvent(QChildEvent *event)
{
    // WebEngine renders into a child widget created lazily; clicks arrive there, not on the view.
    if (event->added() && event->child()->isWidgetType())
        event->child()->installEventFilter(this);
    QWebEngineView::childEvent(event);
}

bool OriginalView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease && m_loaded) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QPointF p = mouse->position();
            const QString js = QStringLiteral("glossOriginal.markAt(%1, %2)").arg(p.x()).arg(p.y());
            QPointer<OriginalView> self(this);
            ensureScript([self, js] {
                if (!self || self->m_dying)
                    return;
                self->page()->runJavaScript(js, scriptWorld, [self](const QVariant &id) {
                    if (self && !self->m_dying && !id.toString().isEmpty())
                        Q_EMIT self->annotationClicked(id.toString());
                });
            });
        }
    }
    return QWebEngineView::eventFilter(watched, event);
}

} // namespace Gloss::Ui

#include "readerview.h"

#include "readerbridge.h"
#include "readingtime.h"
#include "ui/logging.h"
#include "ui/reader/highlightstyle.h"
#include "ui/reader/webresources.h"
#include "ui/web/contentschemehandler.h"
#include "ui/web/offlineprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>

namespace Gloss::Ui {

namespace {

QWebEngineScript script(const QString &name, const QString &source)
{
    QWebEngineScript s;
    s.setName(name);
    s.setSourceCode(source);
    s.setInjectionPoint(QWebEngineScript::DocumentReady);
    s.setWorldId(QWebEngineScript::MainWorld);
    s.setRunsOnSubFrames(false);
    return s;
}

QString jsString(const QString &s)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { s }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString typographyJson(const Typography &t)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject { { QStringLiteral("family"), t.family }, { QStringLiteral("size"), t.fontSize },
                          { QStringLiteral("measure"), t.measure }, { QStringLiteral("lineHeight"), t.lineHeight } })
            .toJson(QJsonDocument::Compact));
}

/// The page of the reader view: navigation inside the page is refused; links are not followed.
class ReaderPage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        Q_UNUSED(isMainFrame);
        return type == NavigationTypeTyped || url.scheme() == QLatin1String(ContentSchemeHandler::scheme);
    }
};

} // namespace

ReaderView::ReaderView(OfflineProfile *profile, QWidget *parent)
    : QWebEngineView(parent)
    , m_profile(profile)
    , m_bridge(new ReaderBridge(this))
{
    setAccessibleName(tr("Reader view"));
    setAccessibleDescription(tr("The article as clean text. Shift+arrow keys select text; C marks a claim, E then "
                                "a digit tags an entity."));
    auto *webPage = new ReaderPage(profile, this);
    setPage(webPage);
    webPage->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
    webPage->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    webPage->settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    webPage->settings()->setAttribute(QWebEngineSettings::AutoLoadImages, true);

    auto *channel = new QWebChannel(webPage);
    channel->registerObject(QStringLiteral("glossBridge"), m_bridge);
    webPage->setWebChannel(channel);
    webPage->scripts().insert(
        script(QStringLiteral("qwebchannel"), resourceText(QStringLiteral(":/qtwebchannel/qwebchannel.js"))));
    webPage->scripts().insert(script(QStringLiteral("gloss-highlighter"),
        resourceText(QStringLiteral(":/gloss/reader/marks.js"))
            + resourceText(QStringLiteral(":/gloss/reader/highlighter.js"))));

    connect(m_bridge, &ReaderBridge::readyReported, this, [this](int marks) {
        m_ready = true;
        page()->runJavaScript(QStringLiteral("window.gloss.setTypography(%1); window.gloss.restoreScroll(%2)")
                                  .arg(typographyJson(m_typography))
                                  .arg(m_initialScroll),
            QWebEngineScript::MainWorld);
        if (m_annotationsChangedSinceLoad) {
            paintHighlights();
        } else {
            // Painted from the document's own list.
            m_lastPaintMs = m_paintTimer.elapsed();
            m_paintedMarks = marks;
            Q_EMIT highlightsPainted(marks);
        }
        Q_EMIT ready();
    });
    connect(m_bridge, &ReaderBridge::selectionReported, this, [this](int start, int end) {
        m_selection = start >= 0 && end > start
            ? Core::TextPositionSelector { m_index.toCodePoints(start), m_index.toCodePoints(end) }
            : Core::TextPositionSelector {};
        Q_EMIT selectionChanged(m_selection);
    });
    connect(m_bridge, &ReaderBridge::clickReported, this, &ReaderView::annotationClicked);
    connect(m_bridge, &ReaderBridge::scrollReported, this, [this](double fraction) {
        if (m_articleId)
            Q_EMIT readingPositionChanged(m_articleId, fraction);
    });
    connect(this, &QWebEngineView::loadStarted, this, [this] { m_ready = false; });
}

ReaderView::~ReaderView()
{
    m_dying = true;
    delete page(); // now, while this object is whole: pending script callbacks run and see m_dying
}

QByteArray ReaderView::documentHtml(const Core::Article &article, const QString &theme)
{
    return documentHtml(article, theme, Typography {});
}

QByteArray ReaderView::documentHtml(
    const Core::Article &article, const QString &theme, const Typography &typography, const QByteArray &highlights)
{
    const Core::ArticleMetadata &m = article.current.metadata;
    QStringList meta;
    if (!m.byline.isEmpty())
        meta << QStringLiteral("<bdi>%1</bdi>").arg(m.byline.toHtmlEscaped());
    if (!m.published.isEmpty()) {
        const QDateTime t = QDateTime::fromString(m.published, Qt::ISODate);
        meta << QStringLiteral("<bdi><time datetime=\"%1\">%2</time></bdi>")
                    .arg(m.published.toHtmlEscaped(),
                        t.isValid() ? t.toUTC().toString(QStringLiteral("d MMMM yyyy, HH:mm 'UTC'"))
                                    : m.published.toHtmlEscaped());
    }
    const Typography t = typography.clamped();
    const QString lang = m.language.isEmpty() ? QStringLiteral("und") : m.language;
    const QString dir = m.direction == u"rtl" ? QStringLiteral("rtl") : QStringLiteral("ltr");
    const QString rootStyle = QStringLiteral("--font-size:%1px;--measure:%2em;--line-height:%3")
                                  .arg(t.fontSize)
                                  .arg(t.measure)
                                  .arg(t.lineHeight);
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"%1\" dir=\"%2\" data-theme=\"%3\" data-family=\"%6\" style=\"%7\">"
        "<head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src gloss: data:; style-src "
        "'unsafe-inline'\">"
        "<title>%4</title><style>%5</style></head><body><article>")
                       .arg(lang.toHtmlEscaped(), dir, theme.toHtmlEscaped(), m.title.toHtmlEscaped(),
                           resourceText(QStringLiteral(":/gloss/reader/reader.css")), t.family, rootStyle);
    html += QStringLiteral("<header class=\"gloss-header\">");
    if (!m.siteName.isEmpty())
        html += QStringLiteral("<p class=\"gloss-site\">%1</p>").arg(m.siteName.toHtmlEscaped());
    html += QStringLiteral("<h1 class=\"gloss-title\">%1</h1>").arg(m.title.toHtmlEscaped());
    if (!meta.isEmpty())
        html += QStringLiteral("<p class=\"gloss-meta\">%1</p>").arg(meta.join(QStringLiteral(" &middot; ")));
    if (const int minutes = Ui::readingMinutes(article.current.readerText); minutes > 0)
        html += QStringLiteral("<p class=\"gloss-readtime\"><bdi>%1</bdi></p>")
                    .arg(readingTimeLabel(minutes).toHtmlEscaped());
    html += QStringLiteral("</header><div id=\"gloss-body\">") + article.current.readerHtml
        + QStringLiteral("</div></article>");
    if (!highlights.isEmpty() && highlights != "[]")
        html += QStringLiteral("<div id=\"gloss-initial\" hidden data-highlights=\"%1\"></div>")
                    .arg(QString::fromUtf8(highlights).toHtmlEscaped());
    html += QStringLiteral("</body></html>");
    return html.toUtf8();
}

void ReaderView::showArticle(
    const Core::Article &article, double scrollFraction, const QList<Core::Annotation> &annotations)
{
    m_paintTimer.start();
    m_articleId = article.id;
    m_index = Core::CodePointIndex(article.current.readerText);
    m_selection = {};
    m_annotations = annotations;
    m_annotationsChangedSinceLoad = false;
    m_paintedMarks = 0;
    m_ready = false; // now, not at loadStarted: until the new page reports, nothing is painted on the old one
    m_initialScroll = std::clamp(scrollFraction, 0.0, 1.0);
    m_readingMinutes = Ui::readingMinutes(article.current.readerText);
    const QUrl url = m_profile->content()->publish(QStringLiteral("reader/%1/%2").arg(article.id).arg(++m_loadSerial),
        documentHtml(article, m_theme, m_typography, highlightsJson()), QByteArrayLiteral("text/html;charset=utf-8"));
    load(url);
}

void ReaderView::clear()
{
    m_articleId = 0;
    m_index = {};
    m_annotations.clear();
    m_selection = {};
    m_readingMinutes = 0;
    setHtml(QStringLiteral("<html><body></body></html>"));
}

void ReaderView::setAnnotations(const QList<Core::Annotation> &annotations)
{
    if (!m_ready && annotations == m_annotations)
        return; // the page being loaded already carries them
    m_annotations = annotations;
    m_annotationsChangedSinceLoad = true;
    if (m_ready)
        paintHighlights();
}

void ReaderView::setEntityColors(const EntityColors &colors)
{
    if (colors == m_entityColors)
        return;
    m_entityColors = colors;
    m_annotationsChangedSinceLoad = true;
    if (m_ready)
        paintHighlights();
}

QByteArray ReaderView::highlightsJson() const
{
    QJsonArray list;
    for (const Core::Annotation &a : std::as_const(m_annotations)) {
        if (a.status == Core::AnchorStatus::Orphaned || !a.position.isValid())
            continue;
        QJsonObject h { { QStringLiteral("id"), a.id },
            { QStringLiteral("start"), qint64(m_index.toUtf16(a.position.start)) },
            { QStringLiteral("end"), qint64(m_index.toUtf16(a.position.end)) },
            { QStringLiteral("cls"), highlightClass(a) }, { QStringLiteral("title"), highlightTooltip(a) } };
        if (const QString color = highlightInlineColor(a, m_entityColors, m_theme); !color.isEmpty())
            h.insert(QStringLiteral("color"), color);
        list.append(h);
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

void ReaderView::paintHighlights()
{
    m_paintTimer.start();
    const QString js
        = QStringLiteral("window.gloss ? window.gloss.setHighlights(%1) : -1").arg(QString::fromUtf8(highlightsJson()));
    const int serial = ++m_paintSerial;
    page()->runJavaScript(js, QWebEngineScript::MainWorld, [this, serial](const QVariant &marks) {
        if (m_dying || serial != m_paintSerial)
            return; // a newer pass is on its way, or the view is going
        m_lastPaintMs = m_paintTimer.elapsed();
        m_paintedMarks = marks.toInt();
        Q_EMIT highlightsPainted(m_paintedMarks);
    });
}

void ReaderView::selectRange(Core::TextPositionSelector range)
{
    page()->runJavaScript(QStringLiteral("window.gloss && window.gloss.selectRange(%1, %2)")
                              .arg(m_index.toUtf16(range.start))
                              .arg(m_index.toUtf16(range.end)),
        QWebEngineScript::MainWorld);
}

void ReaderView::clearSelection()
{
    page()->runJavaScript(QStringLiteral("window.gloss && window.gloss.clearSelection()"), QWebEngineScript::MainWorld);
}

void ReaderView::scrollToAnnotation(const QString &annotationId)
{
    page()->runJavaScript(
        QStringLiteral("window.gloss && window.gloss.scrollToAnnotation(%1)").arg(jsString(annotationId)),
        QWebEngineScript::MainWorld);
}

void ReaderView::setTheme(const QString &theme)
{
    const bool repaint = theme != m_theme && !m_entityColors.isEmpty() && m_ready;
    m_theme = theme;
    if (repaint) // schema colours carry the theme's opacity
        paintHighlights();
    page()->runJavaScript(
        QStringLiteral("window.gloss && window.gloss.setTheme(%1)").arg(jsString(theme)), QWebEngineScript::MainWorld);
    // The page background shows before the document paints; keep it in the theme's colour.
    page()->setBackgroundColor(themeBackground(theme));
}

void ReaderView::setTypography(const Typography &typography)
{
    m_typography = typography.clamped();
    page()->runJavaScript(
        QStringLiteral("window.gloss && window.gloss.setTypography(%1)").arg(typographyJson(m_typography)),
        QWebEngineScript::MainWorld);
}

void ReaderView::runScript(const QString &script, const std::function<void(const QVariant &)> &callback)
{
    QPointer<ReaderView> self(this);
    page()->runJavaScript(script, QWebEngineScript::MainWorld, [self, callback](const QVariant &v) {
        if (self && !self->m_dying)
            callback(v);
    });
}

} // namespace Gloss::Ui

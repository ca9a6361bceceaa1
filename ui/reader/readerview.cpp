#include "readerview.h"

#include "readerbridge.h"
#include "ui/logging.h"
#include "ui/web/contentschemehandler.h"
#include "ui/web/offlineprofile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>

namespace Gloss::Ui {

namespace {

QString resourceText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcReader) << "missing resource" << path;
        return {};
    }
    return QString::fromUtf8(f.readAll());
}

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

QString highlightClass(const Core::Annotation &a)
{
    switch (a.kind) {
    case Core::AnnotationKind::Claim:
        return QStringLiteral("gloss-claim");
    case Core::AnnotationKind::Entity: {
        static const QStringList known{QStringLiteral("person"), QStringLiteral("org"), QStringLiteral("gpe"),
                                       QStringLiteral("loc"),    QStringLiteral("norp"), QStringLiteral("event"),
                                       QStringLiteral("misc")};
        QString label = a.label.toLower();
        if (label == u"per")
            label = QStringLiteral("person");
        return QStringLiteral("gloss-entity-") + (known.contains(label) ? label : QStringLiteral("other"));
    }
    case Core::AnnotationKind::Note:
    case Core::AnnotationKind::Highlight:
        break;
    }
    return QStringLiteral("gloss-highlight");
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
    auto *page = new ReaderPage(profile, this);
    setPage(page);
    page->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
    page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    page->settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    page->settings()->setAttribute(QWebEngineSettings::AutoLoadImages, true);

    auto *channel = new QWebChannel(page);
    channel->registerObject(QStringLiteral("glossBridge"), m_bridge);
    page->setWebChannel(channel);
    page->scripts().insert(script(QStringLiteral("qwebchannel"), resourceText(QStringLiteral(":/qtwebchannel/qwebchannel.js"))));
    page->scripts().insert(script(QStringLiteral("gloss-highlighter"), resourceText(QStringLiteral(":/gloss/reader/highlighter.js"))));

    connect(m_bridge, &ReaderBridge::readyReported, this, [this] {
        m_ready = true;
        paintHighlights();
        Q_EMIT ready();
    });
    connect(m_bridge, &ReaderBridge::selectionReported, this, [this](int start, int end) {
        m_selection = start >= 0 && end > start
                          ? Core::TextPositionSelector{m_index.toCodePoints(start), m_index.toCodePoints(end)}
                          : Core::TextPositionSelector{};
        Q_EMIT selectionChanged(m_selection);
    });
    connect(m_bridge, &ReaderBridge::clickReported, this, &ReaderView::annotationClicked);
    connect(this, &QWebEngineView::loadStarted, this, [this] { m_ready = false; });
}

QByteArray ReaderView::documentHtml(const Core::Article &article, const QString &theme)
{
    const Core::ArticleMetadata &m = article.current.metadata;
    QStringList meta;
    if (!m.byline.isEmpty())
        meta << m.byline.toHtmlEscaped();
    if (!m.published.isEmpty()) {
        const QDateTime t = QDateTime::fromString(m.published, Qt::ISODate);
        meta << QStringLiteral("<time datetime=\"%1\">%2</time>")
                    .arg(m.published.toHtmlEscaped(),
                         t.isValid() ? t.toUTC().toString(QStringLiteral("d MMMM yyyy, HH:mm 'UTC'")) : m.published.toHtmlEscaped());
    }
    const QString lang = m.language.isEmpty() ? QStringLiteral("und") : m.language;
    const QString dir = m.direction == u"rtl" ? QStringLiteral("rtl") : QStringLiteral("ltr");
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\" dir=\"%2\" data-theme=\"%3\"><head><meta charset=\"utf-8\">"
                                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src gloss: data:; style-src 'unsafe-inline'\">"
                                  "<title>%4</title><style>%5</style></head><body><article>")
                       .arg(lang.toHtmlEscaped(), dir, theme.toHtmlEscaped(), m.title.toHtmlEscaped(),
                            resourceText(QStringLiteral(":/gloss/reader/reader.css")));
    html += QStringLiteral("<header class=\"gloss-header\">");
    if (!m.siteName.isEmpty())
        html += QStringLiteral("<p class=\"gloss-site\">%1</p>").arg(m.siteName.toHtmlEscaped());
    html += QStringLiteral("<h1 class=\"gloss-title\">%1</h1>").arg(m.title.toHtmlEscaped());
    if (!meta.isEmpty())
        html += QStringLiteral("<p class=\"gloss-meta\">%1</p>").arg(meta.join(QStringLiteral(" &middot; ")));
    html += QStringLiteral("</header><div id=\"gloss-body\">") + article.current.readerHtml
            + QStringLiteral("</div></article></body></html>");
    return html.toUtf8();
}

void ReaderView::showArticle(const Core::Article &article)
{
    m_articleId = article.id;
    m_index = Core::CodePointIndex(article.current.readerText);
    m_selection = {};
    m_annotations.clear();
    m_paintedMarks = 0;
    const QUrl url = m_profile->content()->publish(
        QStringLiteral("reader/%1/%2").arg(article.id).arg(++m_loadSerial), documentHtml(article, m_theme),
        QByteArrayLiteral("text/html;charset=utf-8"));
    load(url);
}

void ReaderView::clear()
{
    m_articleId = 0;
    m_index = {};
    m_annotations.clear();
    m_selection = {};
    setHtml(QStringLiteral("<html><body></body></html>"));
}

void ReaderView::setAnnotations(const QList<Core::Annotation> &annotations)
{
    m_annotations = annotations;
    if (m_ready)
        paintHighlights();
}

void ReaderView::paintHighlights()
{
    QJsonArray list;
    for (const Core::Annotation &a : std::as_const(m_annotations)) {
        if (a.status == Core::AnchorStatus::Orphaned || !a.position.isValid())
            continue;
        QString title = a.kind == Core::AnnotationKind::Entity ? a.label : Core::toString(a.kind);
        if (!a.kbId.isEmpty())
            title += QStringLiteral(" · ") + a.kbId;
        if (!a.note.isEmpty())
            title += QStringLiteral("\n") + a.note;
        list.append(QJsonObject{{QStringLiteral("id"), a.id},
                                {QStringLiteral("start"), qint64(m_index.toUtf16(a.position.start))},
                                {QStringLiteral("end"), qint64(m_index.toUtf16(a.position.end))},
                                {QStringLiteral("cls"), highlightClass(a)},
                                {QStringLiteral("title"), title}});
    }
    const QString js = QStringLiteral("window.gloss ? window.gloss.setHighlights(%1) : -1")
                           .arg(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
    page()->runJavaScript(js, QWebEngineScript::MainWorld, [this](const QVariant &marks) {
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

void ReaderView::scrollToAnnotation(const QString &annotationId)
{
    page()->runJavaScript(QStringLiteral("window.gloss && window.gloss.scrollToAnnotation(%1)")
                              .arg(QString::fromUtf8(QJsonDocument(QJsonArray{annotationId}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)),
                          QWebEngineScript::MainWorld);
}

void ReaderView::setTheme(const QString &theme)
{
    m_theme = theme;
    page()->runJavaScript(QStringLiteral("window.gloss && window.gloss.setTheme('%1')").arg(theme),
                          QWebEngineScript::MainWorld);
}

} // namespace Gloss::Ui

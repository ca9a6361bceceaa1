// Rules 1-7 of ../shared/peer-suites/xss/README.md checked where they matter: in the DOM that Chromium (an
// HTML5 parser, unlike libxml2) builds from the serialized reader HTML. Every vector is embedded in the suite's
// article template, extracted, and loaded into a QWebEnginePage whose profile records and blocks every
// request (no network). The same pass checks the data-start mapping against Chromium's textContent.
#include "core/extraction/extractor.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>

using namespace Gloss::Core;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return f.readAll();
}

class RecordingInterceptor final : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (info.requestUrl().scheme() == u"data")
            return; // the page itself (setHtml) and inline images
        // Chromium asks for /favicon.ico by itself; that is the browser, not the reader HTML.
        if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeFavicon) {
            info.block(true);
            return;
        }
        if (info.resourceType() != QWebEngineUrlRequestInfo::ResourceTypeImage)
            nonImage << info.requestUrl().toString().left(120) + u" type " + QString::number(info.resourceType());
        info.block(true); // never reach the network
    }
    QStringList nonImage;
};

class WatchedPage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;
    int dialogs = 0;

protected:
    void javaScriptAlert(const QUrl &, const QString &) override { ++dialogs; }
    bool javaScriptConfirm(const QUrl &, const QString &) override
    {
        ++dialogs;
        return false;
    }
    bool javaScriptPrompt(const QUrl &, const QString &, const QString &, QString *) override
    {
        ++dialogs;
        return false;
    }
};

const char *kInspect = R"JS(
(function () {
  const out = {scripts: document.querySelectorAll('script').length, bad: [], blocks: []};
  const forbidden = ['iframe','frame','frameset','object','embed','applet','form','base','meta','link','portal',
                     'svg','math','style','template','input','button','textarea','select','noscript','xmp'];
  const urlAttrs = ['href','src','srcset','action','formaction','background','poster','data','xlink:href','ping'];
  for (const el of document.body.querySelectorAll('*')) {
    if (forbidden.includes(el.localName)) out.bad.push('element ' + el.localName);
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on')) out.bad.push('event handler ' + n);
      if (n === 'style') out.bad.push('style attribute');
      if (urlAttrs.includes(n)) {
        const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html')
            || (v.startsWith('data:') && !v.startsWith('data:image/')) || v.startsWith('data:image/svg'))
          out.bad.push('url ' + n + '=' + a.value.slice(0, 60));
      }
    }
  }
  for (const el of document.querySelectorAll('[data-start]'))
    out.blocks.push([parseInt(el.getAttribute('data-start')), el.textContent, el.localName]);
  return JSON.stringify(out);
})()
)JS";

} // namespace

class tst_ReaderXss : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void vectors_data();
    void vectors();
    void blockMappingInChromium();

private:
    QJsonObject load(const QString &readerHtml);

    QWebEngineProfile *m_profile = nullptr;
    RecordingInterceptor *m_interceptor = nullptr;
    WatchedPage *m_page = nullptr;
};

void tst_ReaderXss::initTestCase()
{
    m_profile = new QWebEngineProfile(this); // off the record
    m_interceptor = new RecordingInterceptor(this);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_page = new WatchedPage(m_profile, this);
    // Scripts on, so that a vector which survived would run and be caught (dialogs, requests).
    m_page->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
}

void tst_ReaderXss::cleanupTestCase()
{
    delete m_page;
    m_page = nullptr;
}

QJsonObject tst_ReaderXss::load(const QString &readerHtml)
{
    const QString html = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" "
                         u"href=\"data:,\"><title>reader</title></head><body>"
        + readerHtml + u"</body></html>";
    QSignalSpy loaded(m_page, &QWebEnginePage::loadFinished);
    m_page->setHtml(html, QUrl(QStringLiteral("https://gazette.example.com/news/park.html")));
    if (!loaded.wait(20000))
        return {};
    QString result;
    bool done = false;
    m_page->runJavaScript(QString::fromLatin1(kInspect), QWebEngineScript::ApplicationWorld, [&](const QVariant &v) {
        result = v.toString();
        done = true;
    });
    for (int i = 0; i < 2000 && !done; ++i)
        QTest::qWait(10);
    return QJsonDocument::fromJson(result.toUtf8()).object();
}

void tst_ReaderXss::vectors_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("payload");
    const QString dir = QStringLiteral(GLOSS_SHARED_DIR "/peer-suites/xss/");
    QSet<QString> seen;
    for (const char *file : { "dompurify-vectors.json", "owasp-vectors.json" }) {
        for (const QJsonValue &v : QJsonDocument::fromJson(readFile(dir + QLatin1String(file))).array()) {
            QString tag = v[u"title"].toString();
            for (int k = 2; seen.contains(tag); ++k)
                tag = v[u"title"].toString() + u" [" + QString::number(k) + u']';
            seen.insert(tag);
            QTest::newRow(qPrintable(tag)) << v[u"title"].toString() << v[u"payload"].toString();
        }
    }
}

void tst_ReaderXss::vectors()
{
    QFETCH(QString, title);
    QFETCH(QString, payload);
    static const QString tpl
        = QString::fromUtf8(readFile(QStringLiteral(GLOSS_SHARED_DIR "/peer-suites/xss/article-template.html")));
    QString page = tpl;
    page.replace(QStringLiteral("@@PAYLOAD@@"), payload);
    ExtractOptions o;
    o.fileName = QStringLiteral("article.html");
    o.url = QUrl(QStringLiteral("https://gazette.example.com/news/park.html"));
    const auto r = Extractor::extract(page.toUtf8(), o);
    QVERIFY(r);
    m_interceptor->nonImage.clear();
    m_page->dialogs = 0;
    const QJsonObject dom = load(r->readerHtml);
    QVERIFY(!dom.isEmpty());
    QCOMPARE(dom[u"scripts"].toInt(), 0); // rule 1
    QVERIFY2(dom[u"bad"].toArray().isEmpty(), // rules 2-5
        qPrintable(QString::fromUtf8(QJsonDocument(dom[u"bad"].toArray()).toJson(QJsonDocument::Compact))));
    QCOMPARE(m_page->dialogs, 0);
    QVERIFY2(m_interceptor->nonImage.isEmpty(), qPrintable(m_interceptor->nonImage.join(u"; "))); // rule 6
    // Rule 7 and the offset mapping, as Chromium sees the text.
    bool sentinel = false;
    for (const QJsonValue &b : dom[u"blocks"].toArray()) {
        const qsizetype start = b[0].toInteger();
        const QString text = b[1].toString();
        QCOMPARE(r->readerText.mid(start, text.size()), text);
        sentinel = sentinel || text.startsWith(QStringLiteral("SENTINEL-BEFORE: The city council voted"));
    }
    QVERIFY(sentinel);
    Q_UNUSED(title);
}

void tst_ReaderXss::blockMappingInChromium()
{
    ExtractOptions o;
    o.fileName = QStringLiteral("all-blocks.html");
    o.url = QUrl(QStringLiteral("https://news.example.com/a/b.html"));
    const auto r = Extractor::extract(readFile(QStringLiteral(GLOSS_TEST_DATA "/extraction/all-blocks.html")), o);
    QVERIFY(r);
    const QJsonObject dom = load(r->readerHtml);
    const QJsonArray blocks = dom[u"blocks"].toArray();
    QCOMPARE(blocks.size(), r->readerText.split(QStringLiteral("\n\n")).size());
    QSet<QString> tags;
    for (const QJsonValue &b : blocks) {
        const qsizetype start = b[0].toInteger();
        const QString text = b[1].toString();
        QCOMPARE(r->readerText.mid(start, text.size()), text);
        QVERIFY(start + text.size() == r->readerText.size() || r->readerText.mid(start + text.size(), 2) == u"\n\n");
        tags.insert(b[2].toString());
    }
    for (const char *t : { "p", "h2", "li", "pre", "td", "th", "caption", "figcaption" })
        QVERIFY2(tags.contains(QLatin1String(t)), t);
}

QTEST_MAIN(tst_ReaderXss)
#include "tst_readerxss.moc"

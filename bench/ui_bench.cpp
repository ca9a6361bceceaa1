// ui_bench: how long the GUI takes for what a user waits on.
//  1. start-up: QApplication to a shown, exposed main window (the library listed, the empty reader area),
//     and to the first article's reader page being ready (WebEngine's first page);
//  2. opening an article with 2,000 annotations: from openArticle() to the reader page ready with every
//     highlight painted, the highlight pass alone (setHighlights in the page), and the original page's
//     quote-anchored highlights;
//  3. repainting after one more annotation (what each C / E keystroke costs).
//  4. the same open until the highlights are on screen (the view's frame polled for their colours).
// Medians of several runs; figures in milliseconds. Waits run the event loop without sleeping (waitFor).
#include "core/commands/annotationbuilder.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "ui/articlesession.h"
#include "ui/mainwindow.h"
#include "ui/reader/originalview.h"
#include "ui/reader/readerview.h"
#include "ui/settings.h"
#include "ui/web/contentschemehandler.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QColor>
#include <QEventLoop>
#include <QImage>
#include <QTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QWebEnginePage>
#include <algorithm>

using namespace Gloss;

namespace {
qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

/// Runs the event loop until `done()` holds or `timeoutMs` pass; true when it holds. Not QTest::qWaitFor: that
/// one sleeps 10 ms between rounds of event processing, and a page load is hundreds of IPC round trips between
/// WebEngine's threads and the GUI thread, so it measured the sleeps (about 4 s per open) instead of the app.
template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

/// Pixels of `image` in a saturated colour: the highlights (the light theme's page and text are near grey).
int highlightPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < rgb.height(); y += 3) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 3) {
            const QRgb p = line[x];
            const int hi = std::max({ qRed(p), qGreen(p), qBlue(p) });
            const int lo = std::min({ qRed(p), qGreen(p), qBlue(p) });
            if (hi - lo > 40) // HSV saturation of about 0.16 and up: a highlight tint, not grey text or paper
                ++n;
        }
    }
    return n;
}

int fail(const char *what)
{
    out() << "timed out waiting for: " << what << '\n';
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer process;
    process.start();
    Ui::ContentSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QTemporaryDir dir;
    Ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setTheme(QStringLiteral("light"));
    auto db = Core::Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!db) {
        out() << "cannot open the database: " << db.error().message << '\n';
        return 1;
    }
    // A long article (about 12,000 words in 120 paragraphs), as a text file, so that 2,000 annotations sit at a
    // realistic density (one every six words) rather than piled on the same short text.
    QStringList paragraphs { QStringLiteral("A long report on the regional elections") };
    const QStringList sentences { QStringLiteral("The Electoral Commission said on Monday that turnout in the northern "
                                                 "districts rose to sixty-one percent."),
        QStringLiteral(
            "Maria Kovacs, who leads the opposition coalition, told reporters in Novi Sad that the count was fair."),
        QStringLiteral("Observers from the OSCE noted long queues at polling stations near the border with Hungary."),
        QStringLiteral(
            "The governing party promised new rail links between Belgrade and the southern towns before 2027."),
        QStringLiteral("According to the central bank, inflation fell for the third month in a row, to 4.2 percent."),
        QStringLiteral("Farmers in Vojvodina said the drought had cut the maize harvest by almost a quarter."),
        QStringLiteral("Analysts at the University of Belgrade expect a coalition government to be formed by October."),
        QStringLiteral("The European Commission welcomed the peaceful vote and urged progress on judicial reform.") };
    for (int p = 0; p < 120; ++p) {
        QStringList para;
        for (int k = 0; k < 12; ++k)
            para << sentences.at((p * 5 + k * 3) % sentences.size());
        paragraphs << para.join(QLatin1Char(' '));
    }
    auto imported = Core::ArticleImporter(**db).importBytes(paragraphs.join(QStringLiteral("\n\n")).toUtf8(),
        QUrl(QStringLiteral("file:///bench/long-report.txt")), QStringLiteral("text/plain"));
    if (!imported) {
        out() << "cannot import the article: " << imported.error().message << '\n';
        return 1;
    }
    const qint64 articleId = imported->articleId;

    // 1. Start-up to a usable window (the database is already open, as in main()).
    QElapsedTimer t;
    t.start();
    auto window = std::make_unique<Ui::MainWindow>(**db, &settings, QStringLiteral("bench"));
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return 1;
    const qint64 usable = t.elapsed();
    const qint64 sinceProcess = process.elapsed();

    // 2000 annotations: word-aligned spans of 1-4 words over the whole text, claims and entities, some nested.
    const Core::ArticleVersion version = Core::ArticleRepository(**db).article(articleId)->current;
    const QList<uint> cps = version.readerText.toUcs4();
    QList<qsizetype> wordStarts;
    for (qsizetype i = 0; i < cps.size(); ++i)
        if (QChar::isLetterOrNumber(cps.at(i)) && (i == 0 || !QChar::isLetterOrNumber(cps.at(i - 1))))
            wordStarts << i;
    auto wordEnd = [&](qsizetype i) {
        while (i < cps.size() && QChar::isLetterOrNumber(cps.at(i)))
            ++i;
        return i;
    };
    // One annotation every few words: spans of 1-3 words at distinct, sorted word starts; every tenth one is
    // a claim over a whole run of words that nests entity spans inside it.
    QRandomGenerator rng(42);
    QList<qsizetype> picks;
    for (qsizetype w = 0; w + 4 < wordStarts.size() && picks.size() < 2000; w += 3 + rng.bounded(4))
        picks << w;
    QList<Core::Annotation> many;
    const QStringList types { QStringLiteral("PERSON"), QStringLiteral("ORG"), QStringLiteral("GPE"),
        QStringLiteral("LOC") };
    for (qsizetype n = 0; n < picks.size(); ++n) {
        const qsizetype w = picks.at(n);
        const bool claim = n % 10 == 0;
        const qsizetype start = wordStarts.at(w);
        const qsizetype end = wordEnd(wordStarts.at(w + (claim ? 4 : rng.bounded(3))));
        auto a = Core::annotationForRange(version, { start, end },
            claim ? Core::AnnotationKind::Claim : Core::AnnotationKind::Entity,
            claim ? QStringLiteral("claim") : types.at(n % types.size()), QStringLiteral("bench"));
        if (a)
            many << *a;
    }
    if (auto r = Core::AnnotationRepository(**db).insertAll(many); !r) {
        out() << "cannot store the annotations: " << r.error().message << '\n';
        return 1;
    }

    // First article open also starts WebEngine's renderer: report it on its own.
    t.restart();
    window->openArticle(articleId);
    if (!waitFor(
            [&] { return window->readerView()->isReady() && window->readerView()->paintedMarks() > 0; }, 60000))
        return fail("window->readerView()->isReady() && window->readerView()->paintedMarks() > 0");
    const qint64 firstOpen = t.elapsed();

    // 2. Open with 2,000 annotations (warm): another article in between so that each run is a real open.
    auto other = Core::ArticleImporter(**db).importBytes(QByteArrayLiteral("Other\n\nAnother short article."),
        QUrl(QStringLiteral("file:///bench/other.txt")), QStringLiteral("text/plain"));
    // The same text without annotations, for the baseline of opening the page at all.
    auto bare = Core::ArticleImporter(**db).importBytes(paragraphs.join(QStringLiteral("\n\n")).toUtf8(),
        QUrl(QStringLiteral("file:///bench/long-report-bare.txt")), QStringLiteral("text/plain"));
    QList<qint64> baseline;
    // GLOSS_BENCH_HIDE_ORIGINAL=1 hides the original page, to tell its cost from the reader's.
    if (qEnvironmentVariableIsSet("GLOSS_BENCH_HIDE_ORIGINAL"))
        window->originalView()->setVisible(false);

    for (int run = 0; run < 5; ++run) {
        {
            QSignalSpy otherReady(window->readerView(), &Ui::ReaderView::ready);
            window->openArticle(other->articleId);
            if (!waitFor([&] { return otherReady.size() > 0; }, 20000))
                return fail("other article");
        }
        QSignalSpy ready(window->readerView(), &Ui::ReaderView::ready);
        t.restart();
        window->openArticle(bare->articleId);
        if (!waitFor([&] { return ready.size() > 0; }, 20000))
            return fail("bare article");
        baseline << t.elapsed();
    }
    QList<qint64> open, visible, paint, original, relabel, inPage, originalInPage;
    int marks = 0, anchored = 0;
    for (int run = 0; run < 7; ++run) {
        {
            QSignalSpy otherReady(window->readerView(), &Ui::ReaderView::ready);
            window->openArticle(other->articleId);
            if (!waitFor([&] { return otherReady.size() > 0; }, 20000))
                return fail("other article");
        }
        t.restart();
        window->openArticle(articleId);
        bool painted = false;
        auto c = QObject::connect(
            window->readerView(), &Ui::ReaderView::highlightsPainted, window.get(), [&](int m) { painted = m > 0; });
        if (!waitFor([&] { return painted; }, 30000))
            return fail("painted");
        open << t.elapsed();
        QObject::disconnect(c);
        // What the user sees: poll the reader's frame until highlight colours are on screen.
        if (!waitFor([&] { return highlightPixels(window->readerView()->grab().toImage()) > 900; }, 30000))
            return fail("highlights on screen");
        visible << t.elapsed();
        paint << window->readerView()->lastPaintMs();
        {
            QVariant v;
            bool got = false;
            window->readerView()->runScript(QStringLiteral("window.gloss.lastPaintMs"), [&](const QVariant &x) {
                v = x;
                got = true;
            });
            if (!waitFor([&] { return got; }, 10000))
                return fail("the page's paint time");
            inPage << qint64(v.toDouble());
        }
        marks = window->readerView()->paintedMarks();
        if (!waitFor(
                [&] { return window->originalView()->isLoaded() && window->originalView()->anchoredCount() > 0; },
                60000))
            return fail("window->originalView()->isLoaded() && window->originalView()->anchoredCount() > 0");
        original << t.elapsed();
        anchored = window->originalView()->anchoredCount();
        originalInPage << qint64(window->originalView()->lastPaintMs());

        // 3. One more annotation: store + repaint of all highlights.
        t.restart();
        painted = false;
        c = QObject::connect(
            window->readerView(), &Ui::ReaderView::highlightsPainted, window.get(), [&](int) { painted = true; });
        window->session()->annotate(
            { wordStarts.at(run), wordEnd(wordStarts.at(run)) }, Core::AnnotationKind::Claim, QStringLiteral("claim"));
        if (!waitFor([&] { return painted; }, 30000))
            return fail("painted");
        QObject::disconnect(c);
        relabel << t.elapsed();
    }

    out() << "ui_bench (" << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " cores, platform "
          << QGuiApplication::platformName() << ")\n";
    out() << "renderer processes: reader " << window->readerView()->page()->renderProcessPid() << ", original "
          << window->originalView()->page()->renderProcessPid() << '\n';
    out() << "start-up: main window shown and exposed      " << usable << " ms (" << sinceProcess
          << " ms since the process started)\n";
    out() << "first article open (starts the renderer)     " << firstOpen << " ms\n";
    out() << "switch from a loaded article to the same text without annotations: median " << median(baseline)
          << " ms over " << baseline.size() << " runs\n";
    out() << "open article with " << many.size() << " annotations, reader ready + " << marks
          << " marks painted: median " << median(open) << " ms over " << open.size() << " runs\n";
    out() << "  highlights on screen (polling the view's frame for their colours): median " << median(visible)
          << " ms\n";
    out() << "  of which: open to page ready, highlights included (painted before the first frame) median "
          << median(paint) << " ms\n";
    out() << "  of which JavaScript in the page              median " << median(inPage) << " ms\n";
    out() << "  original page painted too (" << anchored << " anchored by quote): median " << median(original)
          << " ms\n";
    out() << "  of which JavaScript in the original page     median " << median(originalInPage) << " ms\n";
    out() << "one more annotation: store + repaint all       median " << median(relabel) << " ms\n";
    out().flush();
    window.reset();
    return 0;
}

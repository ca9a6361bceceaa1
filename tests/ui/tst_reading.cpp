// Reading and the library with the real widgets: theme switch (page and widgets), typography, distraction-free
// mode, reading time and position, right-to-left and CJK articles, the empty state and the sample, batch import
// off the GUI thread, drag and drop, Preferences, window state, and the dark theme's contrast.
#include "core/anchoring/codepointindex.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "core/storage/readingstaterepository.h"
#include "ui/articlesession.h"
#include "ui/batchimporter.h"
#include "ui/controllers/librarycontroller.h"
#include "ui/dialogs/batchimportdialog.h"
#include "ui/dialogs/preferencesdialog.h"
#include "ui/emptystate.h"
#include "pagescript.h"
#include "ui/mainwindow.h"
#include "ui/panels/annotationeditor.h"
#include "ui/panels/annotationfilter.h"
#include "ui/panels/librarypanel.h"
#include "ui/reader/readerview.h"
#include "ui/reader/readingtime.h"
#include "ui/settings.h"
#include "ui/themecontroller.h"
#include "ui/viewactions.h"
#include "ui/web/contentschemehandler.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using GlossTest::evaluate;
using namespace Gloss;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");
const QString uiData = QStringLiteral(GLOSS_TEST_DATA "/ui");


double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}
} // namespace

class tst_Reading : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyStateThenSample();
    void themeSwitch();
    void typographyAndDistractionFree();
    void readingPositionRemembered();
    void rightToLeftAndCjkSelect_data();
    void rightToLeftAndCjkSelect();
    void batchImportThreeFiles();
    void batchImportReportsFailures();
    void dropFilesOntoWindow();
    void librarySearchFiltersLive();
    void preferencesApply();
    void windowStateRestored();
    void accessibleNamesEverywhere();
    void darkThemeContrast();
    void readingTime_data();
    void readingTime();
    void attributesText();

private:
    QString dbPath() const { return m_dir.filePath(QStringLiteral("r.sqlite")); }
    QTemporaryDir m_dir;
    std::unique_ptr<Ui::Settings> m_settings;
    std::unique_ptr<Core::Database> m_db;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void tst_Reading::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_Reading::init()
{
    QFile::remove(dbPath());
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Ui::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings->setTheme(QStringLiteral("light"));
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    m_db = std::move(*db);
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
}

void tst_Reading::cleanup()
{
    m_window.reset();
    m_db.reset();
    m_settings.reset();
}

void tst_Reading::emptyStateThenSample()
{
    // First run: no article, the empty state with its three buttons is what the reader area shows.
    auto *stack = m_window->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(m_window->emptyState()));
    QVERIFY(m_window->emptyState()->isVisible());
    QVERIFY(m_window->emptyState()->openFileButton()->isVisible());
    QVERIFY(m_window->emptyState()->openUrlButton()->isVisible());
    m_window->emptyState()->sampleButton()->click();
    QTRY_VERIFY(m_window->session()->hasArticle());
    QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(m_window->readerView()));
    QVERIFY(m_window->session()->article().current.metadata.title.contains(QStringLiteral("Serbia")));
    QCOMPARE(m_window->libraryPanel()->count(), 1);
}

void tst_Reading::themeSwitch()
{
    QVERIFY(m_window->importFile(seed));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    QCOMPARE(evaluate(m_window->readerView(), QStringLiteral("document.documentElement.dataset.theme")).toString(),
        QStringLiteral("light"));
    const QColor lightWindow = QApplication::palette().color(QPalette::Window);
    // Ctrl+Shift+D: dark theme for the page and the widgets.
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_settings->theme(), QStringLiteral("dark"));
    QTRY_COMPARE(evaluate(m_window->readerView(), QStringLiteral("document.documentElement.dataset.theme")).toString(),
        QStringLiteral("dark"));
    QCOMPARE(
        evaluate(m_window->readerView(), QStringLiteral("getComputedStyle(document.documentElement).backgroundColor"))
            .toString(),
        QStringLiteral("rgb(28, 29, 31)"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    // Sepia through the View menu's action; the widgets go back to the system palette.
    m_window->viewActions()->theme(QStringLiteral("sepia"))->trigger();
    QTRY_COMPARE(evaluate(m_window->readerView(), QStringLiteral("document.documentElement.dataset.theme")).toString(),
        QStringLiteral("sepia"));
    QCOMPARE(QApplication::palette().color(QPalette::Window), lightWindow);
    // "Follow system" picks light or dark from the desktop palette.
    m_window->viewActions()->theme(QStringLiteral("system"))->trigger();
    QCOMPARE(m_window->themeController()->effectiveTheme(),
        lightWindow.lightness() < 128 ? QStringLiteral("dark") : QStringLiteral("light"));
    // A new article opens in the current theme.
    m_window->viewActions()->theme(QStringLiteral("dark"))->trigger();
    QVERIFY(m_window->importFile(uiData + QStringLiteral("/cjk-article.html")));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    QCOMPARE(evaluate(m_window->readerView(), QStringLiteral("document.documentElement.dataset.theme")).toString(),
        QStringLiteral("dark"));
    m_window->viewActions()->theme(QStringLiteral("light"))->trigger();
}

void tst_Reading::typographyAndDistractionFree()
{
    QVERIFY(m_window->importFile(seed));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    const int before = m_settings->typography().fontSize;
    QTest::keyClick(m_window.get(), Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(m_settings->typography().fontSize, before + 1);
    QTRY_COMPARE(
        evaluate(m_window->readerView(), QStringLiteral("getComputedStyle(document.body).fontSize")).toString(),
        QStringLiteral("%1px").arg(before + 1));
    m_window->viewActions()->sansSerif()->trigger();
    QTRY_VERIFY(evaluate(m_window->readerView(), QStringLiteral("getComputedStyle(document.body).fontFamily"))
                    .toString()
                    .contains(QStringLiteral("Sans")));
    m_window->viewActions()->wider()->trigger();
    QTRY_COMPARE(evaluate(m_window->readerView(),
                     QStringLiteral("getComputedStyle(document.documentElement).getPropertyValue('--measure').trim()"))
                     .toString(),
        QStringLiteral("40em"));

    // F11: only the reader is left; F11 again restores the panes.
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_window->isDistractionFree());
    QVERIFY(!m_window->libraryPanel()->isVisible());
    QVERIFY(m_window->readerView()->isVisible());
    // Shortcuts keep working with the menu bar hidden.
    QTest::keyClick(m_window.get(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(m_settings->typography().fontSize, before);
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(!m_window->isDistractionFree());
    QVERIFY(m_window->libraryPanel()->isVisible());
}

void tst_Reading::readingPositionRemembered()
{
    // The position goes to the store (ReadingStateRepository, code points), not to QSettings.
    auto id = m_window->importFile(seed);
    QVERIFY(id);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    QVERIFY(m_window->readerView()->readingMinutes() >= 1);
    QCOMPARE(Core::toString(Core::ReadingStateRepository(*m_db).state(*id)->state),
        Core::toString(Core::ReadingProgress::Unread));
    const qsizetype length = Core::codePointLength(m_window->session()->article().current.readerText);
    QSignalSpy spy(m_window->readerView(), &Ui::ReaderView::readingPositionChanged);
    evaluate(m_window->readerView(),
        QStringLiteral("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)"));
    QTRY_COMPARE_WITH_TIMEOUT(Core::toString(Core::ReadingStateRepository(*m_db).state(*id)->state),
        Core::toString(Core::ReadingProgress::InProgress), 10000);
    const qint64 position = Core::ReadingStateRepository(*m_db).state(*id)->position;
    QVERIFY2(position > length * 4 / 10 && position < length * 6 / 10,
        qPrintable(QStringLiteral("%1 of %2").arg(position).arg(length)));
    const double saved = double(position) / double(length);
    QCOMPARE(m_window->libraryController()->readingStateText(*id),
        QStringLiteral("%1% read").arg(int(100 * position / length)));

    // Reopen: the page comes back at the same place.
    m_window.reset();
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(m_window->openArticle(*id));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::abs(evaluate(m_window->readerView(), QStringLiteral("window.gloss.scrollFraction()")).toDouble() - saved)
            < 0.05,
        10000);

    // Scrolled to the end: read, and it stays read when scrolled back up.
    evaluate(m_window->readerView(), QStringLiteral("window.scrollTo(0, document.documentElement.scrollHeight)"));
    QTRY_COMPARE_WITH_TIMEOUT(Core::toString(Core::ReadingStateRepository(*m_db).state(*id)->state),
        Core::toString(Core::ReadingProgress::Read), 10000);
    QCOMPARE(m_window->libraryController()->readingStateText(*id), QStringLiteral("read"));
    QSignalSpy scrolled(m_window->readerView(), &Ui::ReaderView::readingPositionChanged);
    evaluate(m_window->readerView(), QStringLiteral("window.scrollTo(0, 0)"));
    QTRY_VERIFY_WITH_TIMEOUT(!scrolled.isEmpty(), 10000);
    QCOMPARE(Core::toString(Core::ReadingStateRepository(*m_db).state(*id)->state),
        Core::toString(Core::ReadingProgress::Read));
}

void tst_Reading::rightToLeftAndCjkSelect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("dir");
    QTest::newRow("arabic") << QStringLiteral("rtl-article.html") << QStringLiteral("خالد المنصوري")
                            << QStringLiteral("rtl");
    QTest::newRow("chinese") << QStringLiteral("cjk-article.html") << QStringLiteral("武汉大学水利水电学院")
                             << QStringLiteral("ltr");
    QTest::newRow("japanese") << QStringLiteral("cjk-article.html") << QStringLiteral("最高気温")
                              << QStringLiteral("ltr");
}

void tst_Reading::rightToLeftAndCjkSelect()
{
    QFETCH(QString, file);
    QFETCH(QString, phrase);
    QFETCH(QString, dir);
    auto id = m_window->importFile(uiData + QLatin1Char('/') + file);
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    QCOMPARE(evaluate(m_window->readerView(), QStringLiteral("document.documentElement.dir")).toString(), dir);
    const QString text = m_window->session()->article().current.readerText;
    const qsizetype at = text.indexOf(phrase);
    QVERIFY2(at >= 0, qPrintable(text.left(300)));
    const qsizetype cp = text.left(at).toUcs4().size();
    const Core::TextPositionSelector range { cp, cp + phrase.toUcs4().size() };
    m_window->readerView()->selectRange(range);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->readerView()->selection(), range, 10000);
    // The browser's own idea of the selected text is the phrase.
    QCOMPARE(evaluate(m_window->readerView(), QStringLiteral("String(window.getSelection())")).toString(), phrase);
    m_window->claimAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->readerView()->paintedMarks(), 1, 10000);
    QCOMPARE(evaluate(m_window->readerView(), QStringLiteral("document.querySelector('mark.gloss-hl').textContent"))
                 .toString(),
        phrase);
    // Keyboard selection works in these scripts too (Shift+arrows from the first visible line).
    m_window->readerView()->clearSelection();
    QTRY_VERIFY(!m_window->readerView()->selection().isValid());
    m_window->readerView()->setFocus();
    QTRY_VERIFY(m_window->readerView()->focusProxy() && m_window->readerView()->focusProxy()->hasFocus());
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(m_window->readerView()->focusProxy(), Qt::Key_Right, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->selection().isValid(), 10000);
    QCOMPARE(m_window->readerView()->selection().start, 0);
    QCOMPARE(m_window->readerView()->selection().end, 4);
}

void tst_Reading::batchImportThreeFiles()
{
    const QStringList files = Ui::BatchImporter::sourcesInFolder(uiData + QStringLiteral("/batch"));
    QCOMPARE(files.size(), 3);
    auto *dialog = m_window->libraryController()->importBatch(files);
    QVERIFY(dialog);
    QSignalSpy progress(m_window->libraryController()->batchImporter(), &Ui::BatchImporter::progressChanged);
    QSignalSpy finished(m_window->libraryController()->batchImporter(), &Ui::BatchImporter::finished);
    QVERIFY(dialog->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const auto items = finished.first().at(0).value<QList<Ui::BatchImportItem>>();
    QCOMPARE(items.size(), 3);
    QVERIFY(std::all_of(items.cbegin(), items.cend(), [](const Ui::BatchImportItem &i) { return i.ok(); }));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 3);
    QCOMPARE(dialog->progressBar()->value(), 3);
    QCOMPARE(dialog->progressBar()->maximum(), 3);
    QVERIFY2(dialog->summary().startsWith(QStringLiteral("3 articles imported")), qPrintable(dialog->summary()));
    QCOMPARE(Core::ArticleRepository(*m_db).articleIds()->size(), 3);
    QCOMPARE(m_window->libraryPanel()->count(), 3);
    QTRY_VERIFY(m_window->session()->hasArticle()); // the last one is opened
}

void tst_Reading::batchImportReportsFailures()
{
    const QString list = m_dir.filePath(QStringLiteral("list.txt"));
    {
        QFile f(list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("# articles\n%1/batch/first.html\n\n%1/batch-bad.png\n%1/missing.html\n")
                    .arg(uiData)
                    .toUtf8());
    }
    auto sources = Ui::BatchImporter::sourcesInListFile(list);
    QVERIFY(sources);
    QCOMPARE(sources->size(), 3);
    auto *dialog = m_window->libraryController()->importBatch(*sources);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isDone(), 30000);
    const QString summary = dialog->summary();
    QVERIFY2(summary.contains(QStringLiteral("1 article imported, 2 failed")), qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("batch-bad.png")));
    QVERIFY(summary.contains(QStringLiteral("missing.html")));
    QCOMPARE(Core::ArticleRepository(*m_db).articleIds()->size(), 1);
}

void tst_Reading::dropFilesOntoWindow()
{
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(uiData + QStringLiteral("/rtl-article.html")) });
    QVERIFY(Ui::LibraryController::canDrop(&mime));
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_VERIFY(m_window->session()->hasArticle());
    QCOMPARE(m_window->session()->article().current.metadata.direction, QStringLiteral("rtl"));
    QMimeData text;
    text.setText(QStringLiteral("not a url"));
    QVERIFY(!Ui::LibraryController::canDrop(&text));
}

void tst_Reading::librarySearchFiltersLive()
{
    for (const QString &f : Ui::BatchImporter::sourcesInFolder(uiData + QStringLiteral("/batch")))
        QVERIFY(m_window->importFile(f));
    Ui::LibraryPanel *library = m_window->libraryPanel();
    QCOMPARE(library->count(), 3);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(library->searchField()->hasFocus());
    QTest::keyClicks(library->searchField(), QStringLiteral("museum"));
    QCOMPARE(library->count(), 1);
    library->searchField()->clear();
    QCOMPARE(library->count(), 3);
}

void tst_Reading::preferencesApply()
{
    Ui::PreferencesDialog dialog(m_settings.get(), { QStringLiteral("default") }, m_window.get());
    dialog.annotatorField()->setText(QStringLiteral("Ana Researcher"));
    dialog.themeField()->setCurrentIndex(dialog.themeField()->findData(QStringLiteral("sepia")));
    dialog.fontSizeField()->setValue(22);
    dialog.apply();
    QCOMPARE(m_settings->annotatorName(), QStringLiteral("Ana Researcher"));
    QCOMPARE(m_settings->theme(), QStringLiteral("sepia"));
    QCOMPARE(m_settings->typography().fontSize, 22);
    // The annotator name is the creator of the next annotation.
    QVERIFY(m_window->importFile(seed));
    auto id = m_window->session()->annotate({ 0, 6 }, Core::AnnotationKind::Claim, QStringLiteral("claim"));
    QVERIFY(id);
    QCOMPARE(m_window->session()->annotations().first().creator, QStringLiteral("Ana Researcher"));
    // Settings round-trip through the file.
    m_settings->sync();
    Ui::Settings again(m_dir.filePath(QStringLiteral("settings.ini")));
    QCOMPARE(again.typography().fontSize, 22);
    QCOMPARE(again.theme(), QStringLiteral("sepia"));
}

void tst_Reading::windowStateRestored()
{
    auto *splitter = m_window->findChild<QSplitter *>();
    QVERIFY(splitter);
    splitter->setSizes({ 300, 500, 300, 300 });
    const QList<int> sizes = splitter->sizes();
    m_window->close();
    m_window.reset();
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_window->resize(1400, 900);
    m_window->restoreState();
    m_window->show();
    QCOMPARE(m_window->findChild<QSplitter *>()->sizes(), sizes);
}

void tst_Reading::accessibleNamesEverywhere()
{
    QVERIFY(m_window->importFile(seed));
    QStringList missing;
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        const bool control = w->focusPolicy() != Qt::NoFocus && w->isVisibleTo(m_window.get());
        // The web views' render widgets are reached through their view, which has the name.
        bool insideWebView = false;
        for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
            insideWebView = insideWebView || p->inherits("QWebEngineView");
        if (!control || insideWebView || qobject_cast<QMenu *>(w) || w->inherits("QScrollBar")
            || w->inherits("QSplitterHandle") || w->inherits("QTabBar"))
            continue;
        QString name = w->accessibleName();
        if (auto *b = qobject_cast<QAbstractButton *>(w); b && name.isEmpty())
            name = b->text();
        if (name.isEmpty())
            missing << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('/') + w->objectName();
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    // Tab order goes library -> reader -> original -> annotations.
    QCOMPARE(m_window->libraryPanel()->nextInFocusChain() != nullptr, true);
}

void tst_Reading::darkThemeContrast()
{
    // The reader's dark theme (reader.css) and the dark widget palette meet WCAG 2.1 AA (4.5:1) for body text.
    QFile css(QStringLiteral(":/gloss/reader/reader.css"));
    QVERIFY(css.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(css.readAll());
    const qsizetype dark = text.indexOf(QStringLiteral(":root[data-theme=\"dark\"]"));
    QVERIFY(dark >= 0);
    const QString block = text.mid(dark, text.indexOf(QLatin1Char('}'), dark) - dark);
    auto colour = [&](const QString &var) {
        const QRegularExpression re(QStringLiteral("--%1:\\s*(#[0-9a-fA-F]{6})").arg(var));
        return QColor(re.match(block).captured(1));
    };
    const QColor bg = colour(QStringLiteral("bg"));
    QVERIFY(bg.isValid());
    QVERIFY(contrast(colour(QStringLiteral("fg")), bg) >= 7.0);
    QVERIFY(contrast(colour(QStringLiteral("muted")), bg) >= 4.5);
    QVERIFY(contrast(colour(QStringLiteral("link")), bg) >= 4.5);
    // Under every highlight, and where marks nest (a claim with an entity inside it, marks.js puts the longer
    // span outside): body text keeps 4.5:1. Nested marks stack their translucent tints unless reader.css gives an
    // inner mark an opaque base of the page background (then it shows its own tint over the page).
    const QColor fg = colour(QStringLiteral("fg"));
    auto tint = [&](const QString &var) {
        const QRegularExpression re(
            QStringLiteral("--%1:\\s*rgba\\((\\d+),\\s*(\\d+),\\s*(\\d+),\\s*([0-9.]+)\\)").arg(var));
        const QRegularExpressionMatch m = re.match(block);
        QColor c(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        c.setAlphaF(float(m.captured(4).toDouble()));
        return c;
    };
    auto over = [](const QColor &top, const QColor &below) {
        const double a = top.alphaF();
        return QColor::fromRgbF(float(top.redF() * a + below.redF() * (1 - a)),
            float(top.greenF() * a + below.greenF() * (1 - a)), float(top.blueF() * a + below.blueF() * (1 - a)));
    };
    const bool innerOnPage = text.contains(
        QStringLiteral(":root[data-theme=\"dark\"] mark.gloss-hl mark.gloss-hl { background: "
                       "linear-gradient(var(--mark-bg), var(--mark-bg)) var(--bg); }"));
    QVERIFY(innerOnPage);
    const QStringList tints { QStringLiteral("claim"), QStringLiteral("highlight"), QStringLiteral("person"),
        QStringLiteral("org"), QStringLiteral("gpe"), QStringLiteral("loc"), QStringLiteral("norp"),
        QStringLiteral("event"), QStringLiteral("misc") };
    for (const QString &outer : tints) {
        QVERIFY2(tint(outer).isValid() && tint(outer).alphaF() > 0, qPrintable(outer));
        const QColor alone = over(tint(outer), bg);
        QVERIFY2(contrast(fg, alone) >= 4.5, qPrintable(QStringLiteral("%1: %2").arg(outer).arg(contrast(fg, alone))));
        for (const QString &inner : tints) {
            const QColor nested = over(tint(inner), innerOnPage ? bg : alone);
            QVERIFY2(contrast(fg, nested) >= 4.5,
                qPrintable(QStringLiteral("%1 in %2: %3").arg(inner, outer).arg(contrast(fg, nested))));
        }
    }
    // Without the opaque base the tints would stack: a claim with an organisation in it drops below 4.5:1.
    QVERIFY(contrast(fg, over(tint(QStringLiteral("org")), over(tint(QStringLiteral("claim")), bg))) < 4.5);

    const QPalette p = Ui::ThemeController::darkPalette();
    QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7.0);
    QVERIFY(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 7.0);
    QVERIFY(contrast(p.color(QPalette::PlaceholderText), p.color(QPalette::Base)) >= 4.5);
    QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 4.5);
}

void tst_Reading::readingTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minutes");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("one word") << QStringLiteral("Hello") << 1;
    QTest::newRow("460 words") << QStringLiteral("word ").repeated(460) << 2;
    QTest::newRow("1500 han characters") << QString(1500, QChar(0x6C34)) << 3;
    QTest::newRow("arabic words") << QStringLiteral("كلمة ").repeated(690) << 3;
}

void tst_Reading::readingTime()
{
    QFETCH(QString, text);
    QFETCH(int, minutes);
    QCOMPARE(Ui::readingMinutes(text), minutes);
}

void tst_Reading::attributesText()
{
    const QJsonObject o = Ui::AnnotationEditor::attributesFromText(
        QStringLiteral("verdict: false claim\ncheckworthy: true\nscore: 2.5\n\nbroken line\n"));
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("false claim"));
    QCOMPARE(o.value(QStringLiteral("checkworthy")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("score")).toDouble(), 2.5);
    QCOMPARE(o.size(), 3);
    QCOMPARE(Ui::AnnotationEditor::attributesFromText(Ui::AnnotationEditor::attributesToText(o)), o);
}

int main(int argc, char **argv)
{
    Ui::ContentSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    tst_Reading test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_reading.moc"

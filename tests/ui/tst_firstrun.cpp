// What a new user sees first, with the real widgets: the first-run screen lays out fully at common window sizes,
// the annotations panel's filters read "All ..." before any article, the empty annotation editor shows no example
// that could pass for data, the original pane is themed before any article, counts read in proper English, and a
// screenshot waits until the original pane has drawn its highlights.
#include "core/commands/annotationbuilder.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "ui/articlesession.h"
#include "ui/emptystate.h"
#include "pagescript.h"
#include "ui/mainwindow.h"
#include "ui/panels/annotationeditor.h"
#include "ui/panels/annotationpanel.h"
#include "ui/panels/libraryitemdelegate.h"
#include "ui/panels/librarypanel.h"
#include "ui/plural.h"
#include "ui/reader/originalview.h"
#include "ui/reader/readerview.h"
#include "ui/reader/webresources.h"
#include "ui/screenshotter.h"
#include "ui/settings.h"
#include "ui/web/contentschemehandler.h"

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using GlossTest::evaluate;
using namespace Gloss;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");


/// The share of `image`'s pixels (sampled every 4 pixels) that are `colour`.
double shareOf(const QImage &image, const QColor &colour)
{
    int same = 0, all = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4, ++all)
            same += QColor(image.pixel(x, y)).rgb() == colour.rgb();
    return all ? double(same) / all : 0.0;
}
} // namespace

class tst_FirstRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void helpTextLaysOutFully_data();
    void helpTextLaysOutFully();
    void filtersReadAllBeforeAnyArticle();
    void editorHintOnlyWhenEditing();
    void originalPaneThemedBeforeAnyArticle();
    void countText_data();
    void countText();
    void libraryCountsInEnglish();
    void screenshotWaitsForOriginalHighlights();

private:
    QString dbPath() const { return m_dir.filePath(QStringLiteral("f.sqlite")); }
    void makeWindow(const QString &theme);
    QTemporaryDir m_dir;
    std::unique_ptr<Ui::Settings> m_settings;
    std::unique_ptr<Core::Database> m_db;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void tst_FirstRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_FirstRun::init()
{
    QFile::remove(dbPath());
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Ui::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    m_db = std::move(*db);
}

void tst_FirstRun::makeWindow(const QString &theme)
{
    m_settings->setTheme(theme);
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_FirstRun::cleanup()
{
    m_window.reset();
    m_db.reset();
    m_settings.reset();
}

void tst_FirstRun::helpTextLaysOutFully_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1600x1000") << QSize(1600, 1000);
    QTest::newRow("1200x800") << QSize(1200, 800);
    QTest::newRow("900x600") << QSize(900, 600);
}

void tst_FirstRun::helpTextLaysOutFully()
{
    // The paragraph under "Nothing to read yet" was laid out at its height for the column's width but placed at
    // a narrower width: its first and last lines were cut off.
    QFETCH(QSize, size);
    makeWindow(QStringLiteral("light"));
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    Ui::EmptyState *empty = m_window->emptyState();
    QVERIFY(empty->isVisible());
    QLabel *help = empty->helpLabel();
    QTRY_VERIFY(help->isVisible() && help->width() > 0);
    QApplication::processEvents();
    QVERIFY(help->text().startsWith(QStringLiteral("Import a saved page")));
    QVERIFY(help->text().endsWith(QStringLiteral("F1 lists every shortcut.")));
    // Tall enough for every wrapped line at the width it has.
    QVERIFY2(help->height() >= help->heightForWidth(help->width()),
        qPrintable(QStringLiteral("%1x%2, needs %3")
                       .arg(help->width())
                       .arg(help->height())
                       .arg(help->heightForWidth(help->width()))));
    // And all of it, title and buttons too, inside the pane without scrolling at these sizes.
    auto *scroll = empty->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QVERIFY(!scroll->verticalScrollBar()->isVisible());
    const QRect viewport = scroll->viewport()->rect();
    const QList<QWidget *> parts { empty->titleLabel(), help, empty->openFileButton(), empty->openUrlButton(),
        empty->sampleButton() };
    for (QWidget *w : parts) {
        const QRect r(w->mapTo(scroll->viewport(), QPoint(0, 0)), w->size());
        QVERIFY2(viewport.contains(r), qPrintable(w->objectName() + w->accessibleName()));
    }
    // The title and the paragraph do not overlap.
    QVERIFY(empty->titleLabel()->geometry().bottom() < help->geometry().top());
}

void tst_FirstRun::filtersReadAllBeforeAnyArticle()
{
    makeWindow(QStringLiteral("light"));
    Ui::AnnotationPanel *panel = m_window->annotationPanel();
    QCOMPARE(panel->kindFilterField()->currentText(), QStringLiteral("All kinds"));
    QCOMPARE(panel->labelFilterField()->currentText(), QStringLiteral("All labels"));
    QCOMPARE(panel->creatorFilterField()->currentText(), QStringLiteral("All annotators"));
    QCOMPARE(panel->entityFilterField()->currentText(), QStringLiteral("All entities"));
    QCOMPARE(panel->labelFilterField()->count(), 1);
    QVERIFY(panel->labelFilterField()->currentData().toString().isEmpty());
}

void tst_FirstRun::editorHintOnlyWhenEditing()
{
    // On the empty editor a greyed "verdict: supported / checkWorthiness: 4" read as stored data.
    Ui::AnnotationEditor editor;
    QVERIFY(editor.attributesEdit()->placeholderText().isEmpty());
    QVERIFY(editor.noteEdit()->placeholderText().isEmpty());
    QVERIFY(!editor.isEnabled());

    Core::Annotation a;
    a.id = QStringLiteral("urn:uuid:1");
    a.kind = Core::AnnotationKind::Claim;
    a.label = QStringLiteral("claim");
    a.quote.exact = QStringLiteral("Serbia");
    editor.setAnnotation(a);
    QVERIFY(editor.isEnabled());
    const QString hint = editor.attributesEdit()->placeholderText();
    QCOMPARE(hint, Ui::AnnotationEditor::attributesHint());
    QVERIFY(hint.contains(QStringLiteral("one per line")));
    // A hint, not a value: parsed as attributes it would be a key "Attributes, one per line as name", so check
    // that it does not look like a key: value pair at all.
    QVERIFY(!hint.contains(QLatin1Char('\n')));
    QVERIFY(!hint.startsWith(QStringLiteral("verdict")));
    QVERIFY(!editor.noteEdit()->placeholderText().isEmpty());

    editor.setAnnotation({});
    QVERIFY(editor.attributesEdit()->placeholderText().isEmpty());
}

void tst_FirstRun::originalPaneThemedBeforeAnyArticle()
{
    // In the dark theme the original pane was a white block before any article.
    makeWindow(QStringLiteral("dark"));
    Ui::OriginalView *original = m_window->originalView();
    QVERIFY(original->isEmpty());
    QCOMPARE(original->theme(), QStringLiteral("dark"));
    QCOMPARE(original->page()->backgroundColor(), Ui::themeBackground(QStringLiteral("dark")));
    // The empty page is drawn on the theme's background: most of the pane is that colour, and none is white.
    const QColor dark = Ui::themeBackground(QStringLiteral("dark"));
    QTRY_VERIFY_WITH_TIMEOUT(shareOf(original->grab().toImage(), dark) > 0.9, 20000);
    QCOMPARE(shareOf(original->grab().toImage(), Qt::white), 0.0);
    QVERIFY(!original->isLoaded()); // no snapshot: nothing to anchor in

    // Switching theme re-themes the empty page.
    m_settings->setTheme(QStringLiteral("sepia"));
    QTRY_COMPARE(original->theme(), QStringLiteral("sepia"));
    QCOMPARE(original->page()->backgroundColor(), Ui::themeBackground(QStringLiteral("sepia")));
    QTRY_VERIFY_WITH_TIMEOUT(
        shareOf(original->grab().toImage(), Ui::themeBackground(QStringLiteral("sepia"))) > 0.9, 20000);

    // A stored original keeps its own colours: it is drawn on white where it sets none, as in a browser.
    m_settings->setTheme(QStringLiteral("dark"));
    QVERIFY(m_window->importFile(seed));
    QTRY_VERIFY_WITH_TIMEOUT(original->isLoaded(), 20000);
    QVERIFY(!original->isEmpty());
    QCOMPARE(original->page()->backgroundColor(), QColor(Qt::white));
}

void tst_FirstRun::countText_data()
{
    QTest::addColumn<qint64>("n");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << qint64(0) << QStringLiteral("0 mentions");
    QTest::newRow("one") << qint64(1) << QStringLiteral("1 mention");
    QTest::newRow("two") << qint64(2) << QStringLiteral("2 mentions");
    QTest::newRow("eleven") << qint64(11) << QStringLiteral("11 mentions");
    QTest::newRow("twenty-one") << qint64(21) << QStringLiteral("21 mentions");
}

void tst_FirstRun::countText()
{
    QFETCH(qint64, n);
    QFETCH(QString, text);
    QCOMPARE(Ui::countText(n, QStringLiteral("%n mention"), QStringLiteral("%n mentions")), text);
}

void tst_FirstRun::libraryCountsInEnglish()
{
    makeWindow(QStringLiteral("light"));
    auto id = m_window->importFile(seed);
    QVERIFY(id);
    QListView *view = m_window->libraryPanel()->view();
    auto *delegate = qobject_cast<Ui::LibraryItemDelegate *>(view->itemDelegate());
    QVERIFY(delegate);
    auto detail = [&] { return delegate->detailText(view->model()->index(0, 0)); };
    QVERIFY2(detail().contains(QStringLiteral("0 annotations")), qPrintable(detail()));

    auto article = Core::ArticleRepository(*m_db).article(*id);
    QVERIFY(article);
    auto built = Core::annotationForQuote(article->current, QStringLiteral("Serbia"), 1, Core::AnnotationKind::Claim,
        QStringLiteral("claim"), QStringLiteral("tester"));
    QVERIFY(built);
    QVERIFY(Core::AnnotationRepository(*m_db).insert(*built));
    m_window->refreshLibrary();
    QTRY_VERIFY2(detail().contains(QStringLiteral("1 annotation")), qPrintable(detail()));
    QVERIFY2(!detail().contains(QStringLiteral("1 annotations")), qPrintable(detail()));
    QVERIFY2(!detail().contains(QStringLiteral("(s)")), qPrintable(detail()));
}

void tst_FirstRun::screenshotWaitsForOriginalHighlights()
{
    // A screenshot was saved once the original pane's highlight pass had returned, before the page had drawn
    // it: no highlights and the form fields still enabled in the picture.
    makeWindow(QStringLiteral("dark"));
    auto id = m_window->importFile(seed);
    QVERIFY(id);
    auto article = Core::ArticleRepository(*m_db).article(*id);
    QVERIFY(article);
    for (const QString &quote : { QStringLiteral("Serbia"), QStringLiteral("Russia"), QStringLiteral("Belgrade") }) {
        auto built = Core::annotationForQuote(
            article->current, quote, 1, Core::AnnotationKind::Entity, QStringLiteral("GPE"), QStringLiteral("tester"));
        if (built)
            QVERIFY(Core::AnnotationRepository(*m_db).insert(*built));
    }
    m_window->session()->reloadAnnotations();
    QVERIFY(!m_window->session()->annotations().isEmpty());

    const QString path = m_dir.filePath(QStringLiteral("shot.png"));
    Ui::Screenshotter shot(m_window.get(), path, 30000);
    QSignalSpy finished(&shot, &Ui::Screenshotter::finished);
    shot.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 40000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    // When it saved, the original pane had drawn its last highlight pass with this article's annotations.
    Ui::OriginalView *original = m_window->originalView();
    QVERIFY(original->highlightsRendered());
    QCOMPARE(original->annotationCount(), m_window->session()->annotations().size());
    QVERIFY(original->paintedMarks() > 0);
    QVERIFY(evaluate(original, QStringLiteral("document.querySelectorAll('mark.gloss-hl').length")).toInt() > 0);
    QVERIFY(!QImage(path).isNull());
}

int main(int argc, char **argv)
{
    Ui::ContentSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    tst_FirstRun test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_firstrun.moc"

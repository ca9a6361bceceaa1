// The GUI over a read-only store (Core::Database::isReadOnly()): every action that writes is disabled and a
// permanent status-bar badge says why, scrolling keeps the reading position in memory instead of failing on every
// scroll, imports are refused with one message. Also: check boxes stay visible in the dark theme, and a small
// window gives the library column a usable width without overriding a restored splitter.
#include "core/storage/articleimporter.h"
#include "core/storage/database.h"
#include "core/storage/readingstaterepository.h"
#include "pagescript.h"
#include "ui/annotationactions.h"
#include "ui/articlesession.h"
#include "ui/contraststyle.h"
#include "ui/controllers/librarycontroller.h"
#include "ui/emptystate.h"
#include "ui/mainwindow.h"
#include "ui/panels/annotationeditor.h"
#include "ui/panels/annotationpanel.h"
#include "ui/panels/entityregistry.h"
#include "ui/panels/librarypanel.h"
#include "ui/reader/readerview.h"
#include "ui/settings.h"
#include "ui/themecontroller.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOption>
#include <QTemporaryDir>
#include <QTest>

using GlossTest::evaluate;
using namespace Gloss;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");

/// Relative luminance difference, 0..255, of two colours.
int contrast(QColor a, QColor b)
{
    return std::abs(qGray(a.rgb()) - qGray(b.rgb()));
}
} // namespace

class tst_ReadOnly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void writingActionsDisabled();
    void badgeOnlyWhenReadOnly();
    void scrollingKeepsPositionInMemory();
    void importsRefusedWithOneMessage();
    void darkCheckBoxesVisible();
    void smallWindowLibraryWidth();
    void restoredSplitterWins();

private:
    QString dbPath() const { return m_dir.filePath(QStringLiteral("r.sqlite")); }
    void openStore(Core::Database::Access access);
    void makeWindow(QSize size = QSize(1400, 900));
    QTemporaryDir m_dir;
    std::unique_ptr<Ui::Settings> m_settings;
    std::unique_ptr<Core::Database> m_db;
    std::unique_ptr<Ui::MainWindow> m_window;
    qint64 m_articleId = 0;
};

void tst_ReadOnly::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // A store with one article, written once; the tests open it read-only (CI runs as root, where file
    // permissions do not bite, so Access::ReadOnly forces it).
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    auto outcome = Core::ArticleImporter(**db).importFile(seed);
    QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
    m_articleId = outcome->articleId;
}

void tst_ReadOnly::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<Ui::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
}

void tst_ReadOnly::openStore(Core::Database::Access access)
{
    auto db = Core::Database::open(dbPath(), 5000, access);
    QVERIFY(db);
    m_db = std::move(*db);
    QCOMPARE(m_db->isReadOnly(), access == Core::Database::Access::ReadOnly);
}

void tst_ReadOnly::makeWindow(QSize size)
{
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_ReadOnly::cleanup()
{
    m_window.reset();
    m_db.reset();
    m_settings.reset();
}

void tst_ReadOnly::writingActionsDisabled()
{
    openStore(Core::Database::Access::ReadOnly);
    makeWindow();
    QVERIFY(m_window->isReadOnly());
    QVERIFY(m_window->openArticle(m_articleId));
    Ui::AnnotationActions *actions = m_window->annotationActions();
    // A selection (or the focus in the original page) does not enable annotating.
    actions->setSelectionAvailable(true);
    QVERIFY(!actions->claim()->isEnabled());
    for (QAction *a : actions->entities())
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    QVERIFY(!actions->entityMenu()->isEnabled());
    for (QAction *a : { actions->note(), actions->reattach(), actions->tagAll(), actions->remove() })
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    // Moving between annotations is reading, not writing.
    QVERIFY(actions->next()->isEnabled());
    QVERIFY(actions->previous()->isEnabled());
    // A new label schema's entity actions come disabled too.
    actions->setEntityTypes(Ui::AnnotationActions::defaultEntityTypes());
    for (QAction *a : actions->entities())
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));

    for (QAction *a : m_window->storeWritingActions())
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    QCOMPARE(m_window->storeWritingActions().size(), 5);
    for (QPushButton *b : { m_window->emptyState()->openFileButton(), m_window->emptyState()->openUrlButton(),
             m_window->emptyState()->sampleButton() })
        QVERIFY(!b->isEnabled());

    Ui::AnnotationEditor *editor = m_window->annotationPanel()->editor();
    QVERIFY(editor->isReadOnly());
    QVERIFY(!editor->saveButton()->isEnabled());
    QVERIFY(!editor->reattachButton()->isEnabled());
    QVERIFY(editor->noteEdit()->isReadOnly());
    QVERIFY(editor->attributesEdit()->isReadOnly());
    QSignalSpy saves(editor, &Ui::AnnotationEditor::saveRequested);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(saves.count(), 0);

    m_window->openEntityRegistry();
    Ui::EntityRegistry *registry = m_window->entityRegistry();
    QVERIFY(registry->isReadOnly());
    QVERIFY(!registry->saveButton()->isEnabled());
    QVERIFY(!registry->mergeButton()->isEnabled());
    QVERIFY(!registry->typeField()->isEnabled());
    QVERIFY(registry->nameField()->isReadOnly());

    // The idle hint does not invite annotating.
    QVERIFY(!m_window->statusBar()->currentMessage().contains(QStringLiteral("press C")));
}

void tst_ReadOnly::badgeOnlyWhenReadOnly()
{
    openStore(Core::Database::Access::ReadOnly);
    makeWindow();
    QLabel *badge = m_window->readOnlyBadge();
    QVERIFY(badge);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("Read-only store"));
    for (const QString &word : { QStringLiteral("folder"), QStringLiteral("Reading, search, export and backup"),
             QStringLiteral("r.sqlite") })
        QVERIFY2(badge->toolTip().contains(word), qPrintable(badge->toolTip()));
    cleanup();

    init();
    openStore(Core::Database::Access::ReadWrite);
    makeWindow();
    QVERIFY(!m_window->isReadOnly());
    QVERIFY(!m_window->readOnlyBadge()->isVisible());
    for (QAction *a : m_window->storeWritingActions())
        QVERIFY2(a->isEnabled(), qPrintable(a->text()));
    QVERIFY(!m_window->annotationPanel()->editor()->isReadOnly());
    QVERIFY(m_window->annotationPanel()->editor()->saveButton()->isEnabledTo(m_window->annotationPanel()->editor()));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("press C")));
}

void tst_ReadOnly::scrollingKeepsPositionInMemory()
{
    openStore(Core::Database::Access::ReadOnly);
    makeWindow();
    QVERIFY(m_window->openArticle(m_articleId));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    const auto before = Core::ReadingStateRepository(*m_db).state(m_articleId);
    QVERIFY(before);
    QSignalSpy scrolled(m_window->readerView(), &Ui::ReaderView::readingPositionChanged);
    for (const char *to : { "0.3", "0.5" }) {
        evaluate(m_window->readerView(),
            QStringLiteral("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * %1)")
                .arg(QLatin1String(to)));
        const int count = scrolled.count();
        QTRY_VERIFY_WITH_TIMEOUT(scrolled.count() > count, 10000);
    }
    // No "Cannot save" (a modal box outside offscreen) and nothing written.
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(QStringLiteral("Cannot save")),
        qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(Core::ReadingStateRepository(*m_db).state(m_articleId)->position, before->position);
}

void tst_ReadOnly::importsRefusedWithOneMessage()
{
    openStore(Core::Database::Access::ReadOnly);
    makeWindow();
    auto r = m_window->importFile(seed);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("read-only")), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(QStringLiteral("independent-serbia-russia.html")));
    // Drops are declined with a status-bar message, never an error box.
    QSignalSpy errors(m_window->libraryController(), &Ui::LibraryController::errorOccurred);
    QSignalSpy messages(m_window->libraryController(), &Ui::LibraryController::message);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(seed) });
    QVERIFY(!m_window->libraryController()->handleDrop(&mime));
    QCOMPARE(errors.count(), 0);
    QCOMPARE(messages.count(), 1);
    // What `gloss FILE --db <read-only store>` reports: once, in the status bar (a box only with a display).
    const QString notice = Ui::LibraryController::readOnlyMessage(QStringLiteral("page.html"));
    QVERIFY(notice.contains(QStringLiteral("page.html")));
    m_window->showNotice(notice);
    QCOMPARE(m_window->statusBar()->currentMessage(), notice);
    QVERIFY(m_window->isVisible());
}

void tst_ReadOnly::darkCheckBoxesVisible()
{
    // Fusion drew the indicator border in Window.darker(140): on the dark palette, black on near-black.
    openStore(Core::Database::Access::ReadOnly);
    m_settings->setTheme(QStringLiteral("dark"));
    makeWindow();
    const QPalette palette = QApplication::palette();
    QVERIFY(palette.color(QPalette::Window).lightness() < 128);
    for (QCheckBox *box : { m_window->annotationPanel()->orphanedOnlyField(),
             m_window->annotationPanel()->groupByEntityField() }) {
        QVERIFY(box->isVisible());
        QVERIFY(contrast(box->palette().color(QPalette::WindowText), box->palette().color(QPalette::Window)) > 150);
        const QImage image = box->grab().toImage();
        QStyleOptionButton option;
        option.initFrom(box);
        const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
        QVERIFY(!indicator.isEmpty());
        int best = 0;
        const qreal dpr = image.devicePixelRatio();
        for (int y = indicator.top(); y <= indicator.bottom(); ++y)
            for (int x = indicator.left(); x <= indicator.right(); ++x)
                best = std::max(best,
                    contrast(image.pixelColor(int(x * dpr), int(y * dpr)), palette.color(QPalette::Window)));
        QVERIFY2(best >= 70, qPrintable(QStringLiteral("%1: border contrast %2").arg(box->text()).arg(best)));
    }
    // Light palettes pass through unchanged.
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    QCOMPARE(Ui::ContrastStyle::indicatorPalette(light).color(QPalette::Window), QColor(Qt::white));
}

void tst_ReadOnly::smallWindowLibraryWidth()
{
    openStore(Core::Database::Access::ReadOnly);
    makeWindow(QSize(900, 600));
    QTRY_COMPARE(m_window->size(), QSize(900, 600));
    QApplication::processEvents();
    const int library = m_window->libraryPanel()->width();
    const int annotations = m_window->annotationPanel()->width();
    QVERIFY2(library >= 170, qPrintable(QString::number(library)));
    QVERIFY2(annotations < library * 2, qPrintable(QStringLiteral("%1, %2").arg(library).arg(annotations)));
    // The search field's placeholder fits.
    QLineEdit *search = m_window->libraryPanel()->searchField();
    QVERIFY2(search->width() >= search->fontMetrics().horizontalAdvance(search->placeholderText()),
        qPrintable(QStringLiteral("%1 < %2").arg(search->width()).arg(
            search->fontMetrics().horizontalAdvance(search->placeholderText()))));
    // A large window keeps the usual proportions.
    cleanup();
    init();
    openStore(Core::Database::Access::ReadOnly);
    makeWindow(QSize(1600, 1000));
    QApplication::processEvents();
    QVERIFY(m_window->libraryPanel()->width() >= 220);
    QVERIFY2(m_window->emptyState()->width() > m_window->libraryPanel()->width() * 2,
        qPrintable(QStringLiteral("%1, %2").arg(m_window->emptyState()->width()).arg(m_window->libraryPanel()->width())));
}

void tst_ReadOnly::restoredSplitterWins()
{
    openStore(Core::Database::Access::ReadOnly);
    makeWindow(QSize(1400, 900));
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("panes"));
    QVERIFY(splitter);
    splitter->setSizes({ 400, 500, 200, 300 });
    QApplication::processEvents();
    const QList<int> sizes = splitter->sizes();
    m_window->close();
    cleanup();

    m_settings = std::make_unique<Ui::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    openStore(Core::Database::Access::ReadOnly);
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_window->resize(1400, 900);
    m_window->restoreState();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::processEvents();
    QCOMPARE(m_window->findChild<QSplitter *>(QStringLiteral("panes"))->sizes(), sizes);
}

QTEST_MAIN(tst_ReadOnly)
#include "tst_readonly.moc"

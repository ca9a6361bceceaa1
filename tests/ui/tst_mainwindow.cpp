// The GUI end to end with the real widgets: open the seed, select a phrase in the reader view, mark a claim,
// check the store, undo; and the screenshot path.
#include "core/storage/annotationrepository.h"
#include "core/storage/database.h"
#include "ui/annotationactions.h"
#include "ui/articlesession.h"
#include "ui/exportdialog.h"
#include "ui/mainwindow.h"
#include "ui/panels/annotationpanel.h"
#include "ui/panels/librarypanel.h"
#include "ui/reader/originalview.h"
#include "ui/reader/readerview.h"
#include "ui/screenshotter.h"
#include "ui/settings.h"
#include "ui/web/contentschemehandler.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Gloss;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");
const QString claimText = QStringLiteral("has pledged to stay out of NATO");
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void markClaimFromReaderSelection();
    void tagEntityAndDelete();
    void screenshotShowsBothPanes();
    void reopenShowsStoredHighlights();
    void exportDialogPreviewsAndWrites();
    void librarySearchUsesFullText();
    void tagAllOccurrencesFromTheKeyboard();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Ui::Settings> m_settings;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("gui.sqlite")); }
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // Preferences in a scratch INI file: the test neither reads nor writes the user's settings.
    m_settings = std::make_unique<Ui::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings->setTheme(QStringLiteral("light"));
}

void tst_MainWindow::markClaimFromReaderSelection()
{
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    Ui::MainWindow window(**db, m_settings.get(), QStringLiteral("tester"));
    window.resize(1400, 900);
    window.show();
    auto id = window.importFile(seed);
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QTRY_VERIFY_WITH_TIMEOUT(window.readerView()->isReady(), 20000);

    const Core::Article &article = window.session()->article();
    const qsizetype utf16 = article.current.readerText.indexOf(claimText);
    QVERIFY(utf16 > 0);
    const Core::TextPositionSelector range { article.current.readerText.left(utf16).toUcs4().size(),
        article.current.readerText.left(utf16).toUcs4().size() + claimText.size() };
    QSignalSpy selectionSpy(window.readerView(), &Ui::ReaderView::selectionChanged);
    window.readerView()->selectRange(range);
    QTRY_COMPARE_WITH_TIMEOUT(window.readerView()->selection(), range, 10000);
    QVERIFY(window.claimAction()->isEnabled());

    window.claimAction()->trigger();
    Core::AnnotationRepository repo(**db);
    auto stored = repo.forArticle(*id);
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QVERIFY(stored->first().kind == Core::AnnotationKind::Claim);
    QCOMPARE(stored->first().quote.exact, claimText);
    QCOMPARE(stored->first().position, range);
    QCOMPARE(window.annotationPanel()->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.readerView()->paintedMarks(), 1, 10000);

    window.undoAction()->trigger();
    QCOMPARE(repo.forArticle(*id)->size(), 0);
    QCOMPARE(window.annotationPanel()->count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.readerView()->paintedMarks(), 0, 10000);

    window.redoAction()->trigger();
    QCOMPARE(repo.forArticle(*id)->size(), 1);
}

void tst_MainWindow::tagEntityAndDelete()
{
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    Ui::MainWindow window(**db, m_settings.get(), QStringLiteral("tester"));
    window.show();
    QVERIFY(window.openArticle(1));
    QTRY_VERIFY_WITH_TIMEOUT(window.readerView()->isReady(), 20000);
    const QString text = window.session()->article().current.readerText;
    const qsizetype at = text.indexOf(QStringLiteral("Aleksandar Vucic"));
    const Core::TextPositionSelector range { text.left(at).toUcs4().size(), text.left(at).toUcs4().size() + 16 };
    window.readerView()->selectRange(range);
    QTRY_COMPARE_WITH_TIMEOUT(window.readerView()->selection(), range, 10000);
    window.entityAction(QStringLiteral("PERSON"))->trigger();
    Core::AnnotationRepository repo(**db);
    const QList<Core::Annotation> stored = *repo.forArticle(1);
    QCOMPARE(stored.size(), 2);
    const auto person
        = std::find_if(stored.cbegin(), stored.cend(), [](const Core::Annotation &a) { return a.label == u"PERSON"; });
    QVERIFY(person != stored.cend());
    QCOMPARE(person->quote.exact, QStringLiteral("Aleksandar Vucic"));

    window.annotationPanel()->setCurrentAnnotation(repo.forArticle(1)->first().id);
    window.deleteAction()->trigger();
    QCOMPARE(repo.forArticle(1)->size(), 1);
    window.undoAction()->trigger();
    QCOMPARE(repo.forArticle(1)->size(), 2);
}

void tst_MainWindow::screenshotShowsBothPanes()
{
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    Ui::MainWindow window(**db, m_settings.get(), QStringLiteral("tester"));
    window.resize(1400, 900);
    QVERIFY(window.openArticle(1));
    window.show();
    const QString out = m_dir.filePath(QStringLiteral("shot.png"));
    Ui::Screenshotter shot(&window, out, 30000);
    QSignalSpy done(&shot, &Ui::Screenshotter::finished);
    shot.start();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 40000);
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1400, 900));
    // Both panes, cut from the saved window image, have more than one colour.
    const QRect reader(window.readerView()->mapTo(&window, QPoint(0, 0)), window.readerView()->size());
    const QRect original(window.originalView()->mapTo(&window, QPoint(0, 0)), window.originalView()->size());
    QVERIFY(Ui::Screenshotter::hasContent(image.copy(reader)));
    QVERIFY(Ui::Screenshotter::hasContent(image.copy(original)));
}

void tst_MainWindow::reopenShowsStoredHighlights()
{
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    Ui::MainWindow window(**db, m_settings.get(), QStringLiteral("tester"));
    window.show();
    QVERIFY(window.openArticle(1));
    QCOMPARE(window.annotationPanel()->count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(window.readerView()->paintedMarks(), 2, 20000);
}

void tst_MainWindow::exportDialogPreviewsAndWrites()
{
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    Ui::ExportDialog dialog(**db, 1);
    dialog.setFormat(QStringLiteral("csv"));
    const QString preview = dialog.preview();
    QVERIFY2(preview.startsWith(QStringLiteral("article_id,")), qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("claim")));
    dialog.setFormat(QStringLiteral("jsonld"));
    const QString out = m_dir.filePath(QStringLiteral("dialog.jsonld"));
    dialog.setOutputPath(out);
    bool ok = false;
    const QString message = dialog.runExport(&ok);
    QVERIFY2(ok, qPrintable(message));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("AnnotationCollection"));
}

void tst_MainWindow::librarySearchUsesFullText()
{
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    Ui::MainWindow window(**db, QStringLiteral("tester"));
    window.show();
    QLineEdit *search = window.libraryPanel()->searchField();
    QCOMPARE(window.libraryPanel()->count(), 1);
    // Words only in the article body or in an annotation's entity, not in its title, site or URL.
    search->setText(QStringLiteral("warplanes"));
    QCOMPARE(window.libraryPanel()->count(), 1);
    search->setText(QStringLiteral("Vucic"));
    QCOMPARE(window.libraryPanel()->count(), 1);
    search->setText(QStringLiteral("zebra"));
    QCOMPARE(window.libraryPanel()->count(), 0);
    search->setText(QStringLiteral("mulls"));
    QCOMPARE(window.libraryPanel()->count(), 1);
    search->clear();
    QCOMPARE(window.libraryPanel()->count(), 1);
}

void tst_MainWindow::tagAllOccurrencesFromTheKeyboard()
{
    auto db = Core::Database::open(dbPath());
    QVERIFY(db);
    Ui::MainWindow window(**db, QStringLiteral("tester"));
    window.show();
    QVERIFY(window.openArticle(1));
    const QString text = window.session()->article().current.readerText;
    const qsizetype at = text.indexOf(QStringLiteral("NATO"));
    const qsizetype cp = text.left(at).toUcs4().size();
    auto id = window.session()->annotate({cp, cp + 4}, Core::AnnotationKind::Entity, QStringLiteral("ORG"));
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    window.annotationPanel()->setCurrentAnnotation(*id);
    const auto natoMentions = [&] {
        return std::count_if(window.session()->annotations().cbegin(), window.session()->annotations().cend(),
                             [](const Core::Annotation &a) { return a.label == u"ORG" && a.quote.exact == u"NATO"; });
    };
    QCOMPARE(natoMentions(), 1);
    window.annotationActions()->tagAll()->trigger();
    QCOMPARE(natoMentions(), qsizetype(text.count(QStringLiteral("NATO"))));
    window.undoAction()->trigger();
    QCOMPARE(natoMentions(), 1);
}

int main(int argc, char **argv)
{
    Ui::ContentSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    tst_MainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"

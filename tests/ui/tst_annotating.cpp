// Keyboard-first annotation with the real widgets: keyboard-only selection in the reader, C and "E, digit",
// undo/redo from the keyboard, N, J/K, Delete, the help overlay, the annotations panel's filters, grouping and
// side form, re-attaching an orphan, and highlights in both views (reader -> original DOM, original -> reader).
#include "core/commands/annotationbuilder.h"
#include "core/commands/annotationcommands.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/database.h"
#include "ui/annotationactions.h"
#include "ui/articlesession.h"
#include "ui/controllers/annotationcontroller.h"
#include "ui/helpoverlay.h"
#include "pagescript.h"
#include "ui/mainwindow.h"
#include "ui/panels/annotationeditor.h"
#include "ui/panels/annotationpanel.h"
#include "ui/reader/originalview.h"
#include "ui/reader/readerview.h"
#include "ui/settings.h"
#include "ui/web/contentschemehandler.h"

#include <QAction>
#include <QApplication>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using GlossTest::evaluate;
using namespace Gloss;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");

QList<Core::Annotation> stored(Core::Database &db, qint64 article)
{
    return *Core::AnnotationRepository(db).forArticle(article);
}


/// Sends a key to the widget that really receives keys in a web view (its focus proxy).
void key(QWidget *view, Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QWidget *target = view->focusProxy() ? view->focusProxy() : view;
    QTest::keyClick(target, k, mods);
}
} // namespace

class tst_Annotating : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void keyboardOnlyClaimAndEntity();
    void noteNextPreviousDelete();
    void helpOverlayListsShortcuts();
    void panelFiltersAndGrouping();
    void sideFormSavesNoteAndAttributes();
    void reattachOrphanToSelection();
    void readerHighlightAppearsInOriginalDom();
    void originalSelectionAnchorsInReaderText();
    void anchorQuote_data();
    void anchorQuote();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Ui::Settings> m_settings;
    std::unique_ptr<Core::Database> m_db;
    std::unique_ptr<Ui::MainWindow> m_window;
    qint64 m_article = 0;
};

void tst_Annotating::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<Ui::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings->setTheme(QStringLiteral("light"));
}

void tst_Annotating::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("a.sqlite")));
    auto db = Core::Database::open(m_dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db);
    m_db = std::move(*db);
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    auto id = m_window->importFile(seed);
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    m_article = *id;
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->originalView()->isLoaded(), 20000);
}

void tst_Annotating::cleanup()
{
    m_window.reset();
    m_db.reset();
}

void tst_Annotating::keyboardOnlyClaimAndEntity()
{
    Ui::ReaderView *reader = m_window->readerView();
    reader->setFocus();
    QTRY_VERIFY(reader->focusProxy() && reader->focusProxy()->hasFocus());
    const QString text = m_window->session()->article().current.readerText;

    // Ctrl+Shift+Right three times: the first three words of the article body, from the keyboard alone.
    for (int i = 0; i < 3; ++i)
        key(reader, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(reader->selection().isValid() && reader->selection().end > 10, 10000);
    const Core::TextPositionSelector claimRange = reader->selection();
    QCOMPARE(claimRange.start, 0);
    QTRY_VERIFY(m_window->claimAction()->isEnabled());
    key(reader, Qt::Key_C);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 1);
    Core::Annotation claim = stored(*m_db, m_article).first();
    QVERIFY(claim.kind == Core::AnnotationKind::Claim);
    QCOMPARE(claim.position, claimRange);
    QCOMPARE(claim.quote.exact, text.left(claim.quote.exact.size()));
    QTRY_COMPARE_WITH_TIMEOUT(reader->paintedMarks(), 1, 10000);

    // Escape clears; Ctrl+Shift+Right selects the first word; "E, 3" tags it GPE.
    key(reader, Qt::Key_Escape);
    QTRY_VERIFY(!reader->selection().isValid());
    key(reader, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(reader->selection().isValid(), 10000);
    key(reader, Qt::Key_E);
    key(reader, Qt::Key_3);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 2);
    const QList<Core::Annotation> both = stored(*m_db, m_article);
    const auto gpe
        = std::find_if(both.cbegin(), both.cend(), [](const Core::Annotation &a) { return a.label == u"GPE"; });
    QVERIFY(gpe != both.cend());
    QCOMPARE(gpe->quote.exact, QStringLiteral("Serbia"));

    // Letter keys work too: Escape, select, "E, O" -> ORG.
    key(reader, Qt::Key_Escape);
    key(reader, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(reader->selection().isValid(), 10000);
    key(reader, Qt::Key_E);
    key(reader, Qt::Key_O);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 3);

    // Undo and redo from the keyboard, with the focus still in the web view.
    key(reader, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 2);
    key(reader, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 1);
    key(reader, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 2);
    QCOMPARE(m_window->annotationPanel()->count(), 2);
}

void tst_Annotating::noteNextPreviousDelete()
{
    const Core::ArticleVersion &v = m_window->session()->article().current;
    for (const QString &q : { QStringLiteral("Aleksandar Vucic"), QStringLiteral("NATO") }) {
        auto a = Core::annotationForQuote(v, q, q == u"NATO" ? 1 : 0, Core::AnnotationKind::Entity,
            q == u"NATO" ? QStringLiteral("ORG") : QStringLiteral("PERSON"), QStringLiteral("t"));
        QVERIFY2(a, qPrintable(a ? QString() : a.error().message));
        QVERIFY(m_window->session()->annotate(a->position, a->kind, a->label));
    }
    QCOMPARE(m_window->annotationPanel()->count(), 2);
    const QList<Core::Annotation> list = stored(*m_db, m_article); // in text order
    m_window->annotationPanel()->setCurrentAnnotation({});
    m_window->readerView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_J);
    QCOMPARE(m_window->annotationPanel()->currentAnnotationId(), list.at(0).id);
    QTest::keyClick(m_window.get(), Qt::Key_J);
    QCOMPARE(m_window->annotationPanel()->currentAnnotationId(), list.at(1).id);
    QTest::keyClick(m_window.get(), Qt::Key_K);
    QCOMPARE(m_window->annotationPanel()->currentAnnotationId(), list.at(0).id);

    // N with no selection: the note field of the current annotation gets the focus; typing does not trigger
    // single-key shortcuts; Ctrl+Return saves.
    QTest::keyClick(m_window.get(), Qt::Key_N);
    QPlainTextEdit *note = m_window->annotationPanel()->editor()->noteEdit();
    QTRY_VERIFY(note->hasFocus());
    QTest::keyClicks(note, QStringLiteral("check the Nov claim"));
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(
        Core::AnnotationRepository(*m_db).annotation(list.at(0).id)->note, QStringLiteral("check the Nov claim"));
    QCOMPARE(stored(*m_db, m_article).size(), 2); // "c" and "n" typed into the note created nothing

    // Delete removes the current one; Ctrl+Z brings it back.
    m_window->annotationPanel()->view()->setFocus();
    QTest::keyClick(m_window->annotationPanel()->view(), Qt::Key_Delete);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*m_db, m_article).size(), 2);

    // N with a selection creates a note annotation on it.
    const Core::TextPositionSelector range { 0, 6 };
    m_window->readerView()->selectRange(range);
    QTRY_COMPARE(m_window->readerView()->selection(), range);
    m_window->annotationActions()->note()->trigger();
    QTRY_COMPARE(stored(*m_db, m_article).size(), 3);
    const QList<Core::Annotation> after = stored(*m_db, m_article);
    QVERIFY(std::any_of(
        after.cbegin(), after.cend(), [](const Core::Annotation &a) { return a.kind == Core::AnnotationKind::Note; }));
    QTRY_VERIFY(m_window->annotationPanel()->editor()->noteEdit()->hasFocus());
}

void tst_Annotating::helpOverlayListsShortcuts()
{
    QVERIFY(!m_window->helpOverlay()->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QVERIFY(m_window->helpOverlay()->isVisible());
    const QString text = m_window->helpOverlay()->text();
    QVERIFY2(text.contains(QStringLiteral("Mark Claim")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("E, 1")));
    QVERIFY(text.contains(QStringLiteral("Next Annotation")));
    QVERIFY(text.contains(QStringLiteral("Distraction-free")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!m_window->helpOverlay()->isVisible());
}

void tst_Annotating::panelFiltersAndGrouping()
{
    const Core::ArticleVersion &v = m_window->session()->article().current;
    const QString text = v.readerText;
    int serbias = 0;
    for (qsizetype at = text.indexOf(QStringLiteral("Serbia")); at >= 0 && serbias < 3;
         at = text.indexOf(QStringLiteral("Serbia"), at + 1)) {
        if (at + 6 < text.size() && text.at(at + 6).isLetter())
            continue; // "Serbian"
        const qsizetype cp = text.left(at).toUcs4().size();
        QVERIFY(m_window->session()->annotate({ cp, cp + 6 }, Core::AnnotationKind::Entity, QStringLiteral("GPE")));
        ++serbias;
    }
    QCOMPARE(serbias, 3);
    auto claim = Core::annotationForQuote(v, QStringLiteral("Aleksandar Vucic"), 0, Core::AnnotationKind::Claim,
        QStringLiteral("claim"), QStringLiteral("t"));
    QVERIFY(claim);
    QVERIFY(m_window->session()->annotate(claim->position, Core::AnnotationKind::Claim, QStringLiteral("claim")));
    Ui::AnnotationPanel *panel = m_window->annotationPanel();
    QCOMPARE(panel->count(), 4);

    Ui::AnnotationFilter f;
    f.kind = Core::AnnotationKind::Claim;
    panel->setFilter(f);
    QCOMPARE(panel->count(), 1);
    f = {};
    f.label = QStringLiteral("GPE");
    panel->setFilter(f);
    QCOMPARE(panel->count(), 3);
    f = {};
    f.orphanedOnly = true;
    panel->setFilter(f);
    QCOMPARE(panel->count(), 0);
    panel->setFilter({});

    panel->setGroupedByEntity(true);
    // One group row for the three "Serbia" mentions, one row for the claim.
    QCOMPARE(panel->view()->model()->rowCount(), 2);
    const QModelIndex group = panel->view()->model()->index(0, 0);
    QCOMPARE(panel->view()->model()->rowCount(group), 3);
    QVERIFY(group.data().toString().contains(QStringLiteral("(3)")));
    panel->setGroupedByEntity(false);
    QCOMPARE(panel->view()->model()->rowCount(), 4);
}

void tst_Annotating::sideFormSavesNoteAndAttributes()
{
    auto claim = Core::annotationForQuote(m_window->session()->article().current, QStringLiteral("Aleksandar Vucic"), 0,
        Core::AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("t"));
    QVERIFY(claim);
    auto id = m_window->session()->annotate(claim->position, Core::AnnotationKind::Claim, QStringLiteral("claim"));
    QVERIFY(id);
    Ui::AnnotationPanel *panel = m_window->annotationPanel();
    panel->setCurrentAnnotation(*id);
    Ui::AnnotationEditor *form = panel->editor();
    QCOMPARE(form->annotation().id, *id);
    form->noteEdit()->setPlainText(QStringLiteral("Source: AP"));
    form->attributesEdit()->setPlainText(QStringLiteral("verdict: unproven\ncheckworthy: true\nscore: 3"));
    form->noteEdit()->setFocus();
    QTRY_VERIFY(form->noteEdit()->hasFocus());
    QTest::keyClick(form->noteEdit(), Qt::Key_Return, Qt::ControlModifier);
    auto saved = Core::AnnotationRepository(*m_db).annotation(*id);
    QVERIFY(saved);
    QCOMPARE(saved->note, QStringLiteral("Source: AP"));
    QCOMPARE(saved->attributes.value(QStringLiteral("verdict")).toString(), QStringLiteral("unproven"));
    QCOMPARE(saved->attributes.value(QStringLiteral("checkworthy")).toBool(), true);
    QCOMPARE(saved->attributes.value(QStringLiteral("score")).toInt(), 3);
    // The hover text of the highlight carries label, attributes and note.
    const QString titleScript = QStringLiteral("(document.querySelector('mark.gloss-hl') || {}).title || ''");
    QTRY_VERIFY_WITH_TIMEOUT(
        evaluate(m_window->readerView(), titleScript).toString().contains(QStringLiteral("verdict: unproven")), 10000);
    QVERIFY(evaluate(m_window->readerView(), titleScript).toString().contains(QStringLiteral("Source: AP")));
    m_window->undoAction()->trigger();
    QCOMPARE(Core::AnnotationRepository(*m_db).annotation(*id)->note, QString());
}

void tst_Annotating::reattachOrphanToSelection()
{
    auto a = Core::annotationForQuote(m_window->session()->article().current, QStringLiteral("Aleksandar Vucic"), 0,
        Core::AnnotationKind::Entity, QStringLiteral("PERSON"), QStringLiteral("t"));
    QVERIFY(a);
    // Make it an orphan as re-anchoring would.
    a->status = Core::AnchorStatus::Orphaned;
    a->position = {};
    QVERIFY(Core::AnnotationRepository(*m_db).insert(*a));
    m_window->session()->reloadAnnotations();
    Ui::AnnotationPanel *panel = m_window->annotationPanel();
    Ui::AnnotationFilter orphans;
    orphans.orphanedOnly = true;
    panel->setFilter(orphans);
    QCOMPARE(panel->count(), 1);
    panel->setCurrentAnnotation(a->id);

    const QString text = m_window->session()->article().current.readerText;
    const qsizetype at = text.lastIndexOf(QStringLiteral("Vucic"));
    const qsizetype cp = text.left(at).toUcs4().size();
    m_window->readerView()->selectRange({ cp, cp + 5 });
    QTRY_COMPARE(m_window->readerView()->selection(), (Core::TextPositionSelector { cp, cp + 5 }));
    QTest::keyClick(m_window.get(), Qt::Key_R);
    auto fixed = Core::AnnotationRepository(*m_db).annotation(a->id);
    QVERIFY(fixed);
    QVERIFY(fixed->status == Core::AnchorStatus::Exact);
    QCOMPARE(fixed->quote.exact, QStringLiteral("Vucic"));
    QCOMPARE(fixed->position.start, cp);
    QCOMPARE(panel->count(), 0); // no orphans left under the filter
}

void tst_Annotating::readerHighlightAppearsInOriginalDom()
{
    const QString phrase = QStringLiteral("has pledged to stay out of NATO");
    auto a = Core::annotationForQuote(m_window->session()->article().current, phrase, 0, Core::AnnotationKind::Claim,
        QStringLiteral("claim"), QStringLiteral("t"));
    QVERIFY(a);
    m_window->readerView()->selectRange(a->position);
    QTRY_COMPARE(m_window->readerView()->selection(), a->position);
    m_window->claimAction()->trigger();
    const QString id = stored(*m_db, m_article).first().id;
    QTRY_VERIFY_WITH_TIMEOUT(m_window->originalView()->anchoredCount() == 1, 20000);

    QString marked;
    m_window->originalView()->runScript(
        QStringLiteral("Array.prototype.map.call(document.querySelectorAll('mark.gloss-hl[data-id=\"%1\"]'),"
                       " function (m) { return m.textContent; }).join('')")
            .arg(id),
        [&](const QVariant &v) { marked = v.toString(); });
    QTRY_VERIFY_WITH_TIMEOUT(!marked.isEmpty(), 10000);
    QCOMPARE(marked.simplified(), phrase);

    // Undo removes it from the original too.
    m_window->undoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->originalView()->paintedMarks(), 0, 10000);

    // Clicking a highlight in the panel scrolls both views to it (the original outlines it).
    m_window->redoAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->originalView()->anchoredCount() == 1, 20000);
    m_window->annotationController()->show(id);
    QTRY_VERIFY_WITH_TIMEOUT(
        evaluate(m_window->originalView(), QStringLiteral("document.querySelectorAll('mark.gloss-focus').length > 0"))
            .toBool(),
        10000);
}

void tst_Annotating::originalSelectionAnchorsInReaderText()
{
    // Select "Balkan country" in the original page's DOM (scripts there are off: the isolated world does it).
    const QString selectScript = QStringLiteral(
        "(function () {"
        " var w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, null);"
        " for (var t = w.nextNode(); t; t = w.nextNode()) {"
        "  var i = t.data.indexOf('Balkan country');"
        "  if (i >= 0 && t.parentNode.closest('p')) { var r = document.createRange(); r.setStart(t, i);"
        "   r.setEnd(t, i + 14); var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
        "   return true; } }"
        " return false; })()");
    QVERIFY(evaluate(m_window->originalView(), selectScript).toBool());

    std::optional<Core::TextQuoteSelector> quote;
    bool answered = false;
    m_window->originalView()->requestSelection([&](std::optional<Core::TextQuoteSelector> q) {
        quote = q;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    QVERIFY(quote);
    QCOMPARE(quote->exact, QStringLiteral("Balkan country"));
    QVERIFY(!quote->prefix.isEmpty());

    auto id
        = m_window->annotationController()->annotateQuote(*quote, Core::AnnotationKind::Entity, QStringLiteral("LOC"));
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    const Core::Annotation a = *Core::AnnotationRepository(*m_db).annotation(*id);
    QCOMPARE(a.quote.exact, QStringLiteral("Balkan country"));
    // The reader text at the stored offsets is the quote (the occurrence the original's context points at).
    const QString text = m_window->session()->article().current.readerText;
    const QList<uint> cps = text.toUcs4();
    QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()) + a.position.start,
                 a.position.end - a.position.start),
        QStringLiteral("Balkan country"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->readerView()->paintedMarks(), 1, 10000);

    // The same through the keyboard: select again (painting the highlight rebuilt those text nodes), focus the
    // original page, "E, 3".
    QTRY_VERIFY_WITH_TIMEOUT(m_window->originalView()->paintedMarks() > 0, 10000);
    QVERIFY(evaluate(m_window->originalView(), selectScript).toBool());
    m_window->originalView()->setFocus();
    QTRY_VERIFY(m_window->originalView()->focusProxy() && m_window->originalView()->focusProxy()->hasFocus());
    // Another label: core refuses a second annotation with the same label on the same span.
    QTRY_VERIFY(m_window->entityAction(QStringLiteral("GPE"))->isEnabled());
    key(m_window->originalView(), Qt::Key_E);
    key(m_window->originalView(), Qt::Key_3);
    QTRY_COMPARE_WITH_TIMEOUT(stored(*m_db, m_article).size(), 2, 10000);
}

void tst_Annotating::anchorQuote_data()
{
    QTest::addColumn<QString>("exact");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<qsizetype>("expectedStart");
    // Text: "the cat sat.\n\nthe cat ran. the dog"
    QTest::newRow("unique") << QStringLiteral("dog") << QString() << QString() << qsizetype(31);
    QTest::newRow("repeated, prefix decides")
        << QStringLiteral("the cat") << QStringLiteral("sat. ") << QStringLiteral(" ran.") << qsizetype(14);
    QTest::newRow("repeated, first") << QStringLiteral("the cat") << QString() << QStringLiteral(" sat.")
                                     << qsizetype(0);
    QTest::newRow("repeated, suffix decides")
        << QStringLiteral("the") << QString() << QStringLiteral(" dog") << qsizetype(27);
    QTest::newRow("case differs") << QStringLiteral("THE DOG") << QString() << QString() << qsizetype(27);
    QTest::newRow("across blocks, whitespace normalised")
        << QStringLiteral("sat. the cat ran") << QString() << QString() << qsizetype(8);
}

void tst_Annotating::anchorQuote()
{
    QFETCH(QString, exact);
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    QFETCH(qsizetype, expectedStart);
    Core::ArticleVersion v;
    v.readerText = QStringLiteral("the cat sat.\n\nthe cat ran. the dog");
    auto r = Ui::AnnotationController::anchorQuote(v, { exact, prefix, suffix });
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->start, expectedStart);
}

int main(int argc, char **argv)
{
    Ui::ContentSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    tst_Annotating test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_annotating.moc"

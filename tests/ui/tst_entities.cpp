// The entity registry (View > Entities…) over the store, merging through its widgets, the E keys from the active
// label schema, the annotations panel's creator filter. All with the real MainWindow.
#include "core/annotation/labelschema.h"
#include "core/commands/annotationbuilder.h"
#include "core/models/entitylistmodel.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "core/storage/entityrepository.h"
#include "core/storage/labelschemarepository.h"
#include "ui/annotationactions.h"
#include "ui/articlesession.h"
#include "ui/helpoverlay.h"
#include "pagescript.h"
#include "ui/mainwindow.h"
#include "ui/panels/annotationpanel.h"
#include "ui/panels/entityregistry.h"
#include "ui/reader/highlightstyle.h"
#include "ui/reader/readerview.h"
#include "ui/settings.h"
#include "ui/web/contentschemehandler.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Gloss;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");
const QString council = QStringLiteral(GLOSS_TEST_DATA "/ui/batch/first.html");

void key(QWidget *view, Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QWidget *target = view->focusProxy() ? view->focusProxy() : view;
    QTest::keyClick(target, k, mods);
}

QStringList shortcuts(QAction *a)
{
    QStringList out;
    if (a)
        for (const QKeySequence &k : a->shortcuts())
            out << k.toString(QKeySequence::PortableText);
    return out;
}

/// The registry's row (in the view's order) whose Name column reads `name`, or -1.
int rowNamed(Ui::EntityRegistry *registry, const QString &name)
{
    const QAbstractItemModel *m = registry->view()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, Core::EntityListModel::NameColumn).data().toString() == name)
            return r;
    return -1;
}

QString cell(Ui::EntityRegistry *registry, int row, int column)
{
    return registry->view()->model()->index(row, column).data().toString();
}

void clickRow(QTableView *view, int row, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    const QRect rect = view->visualRect(view->model()->index(row, Core::EntityListModel::NameColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, mods, rect.center());
}
} // namespace

class tst_Entities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void registryListsEntitiesWithCounts();
    void mergeThroughTheRegistry();
    void editAndShowMention();
    void entityKeysFollowTheSchema();
    void creatorFilter();

private:
    Core::Annotation mention(qint64 article, const QString &quote, int occurrence, const QString &type,
        const QString &entityId, const QString &creator = QStringLiteral("tester"));

    QTemporaryDir m_dir;
    std::unique_ptr<Ui::Settings> m_settings;
    std::unique_ptr<Core::Database> m_db;
    std::unique_ptr<Ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_seed = 0;
    qint64 m_council = 0;
    Core::Entity m_councilShort; ///< "Council": 1 mention in the council article
    Core::Entity m_cityCouncil; ///< "City council": 2 mentions, one in each article
    Core::Entity m_serbia; ///< "Serbia", Q403: 2 mentions in the seed
};

Core::Annotation tst_Entities::mention(qint64 article, const QString &quote, int occurrence, const QString &type,
    const QString &entityId, const QString &creator)
{
    auto a = Core::ArticleRepository(*m_db).article(article);
    if (!a)
        qFatal("%s", qPrintable(a.error().message));
    auto built = Core::annotationForQuote(a->current, quote, occurrence, Core::AnnotationKind::Entity, type, creator);
    if (!built)
        qFatal("%s", qPrintable(built.error().message));
    built->entityId = entityId;
    if (auto r = Core::AnnotationRepository(*m_db).insert(*built); !r)
        qFatal("%s", qPrintable(r.error().message));
    return *built;
}

void tst_Entities::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<Ui::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings->setTheme(QStringLiteral("light"));
}

void tst_Entities::init()
{
    m_settings->setDefaultLabelSchema(QStringLiteral("gloss-default"));
    QFile::remove(m_dir.filePath(QStringLiteral("e.sqlite")));
    auto db = Core::Database::open(m_dir.filePath(QStringLiteral("e.sqlite")));
    QVERIFY(db);
    m_db = std::move(*db);
    m_window = std::make_unique<Ui::MainWindow>(*m_db, m_settings.get(), QStringLiteral("tester"));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->entityRegistry()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());

    auto c = m_window->importFile(council);
    QVERIFY(c);
    m_council = *c;
    auto s = m_window->importFile(seed);
    QVERIFY(s);
    m_seed = *s;

    Core::EntityRepository entities(*m_db);
    m_councilShort = Core::makeEntity(QStringLiteral("Council"), QStringLiteral("ORG"));
    m_cityCouncil = Core::makeEntity(QStringLiteral("City council"), QStringLiteral("ORG"), QStringLiteral("Q1752346"));
    m_serbia = Core::makeEntity(QStringLiteral("Serbia"), QStringLiteral("GPE"), QStringLiteral("Q403"));
    for (const Core::Entity &e : { m_councilShort, m_cityCouncil, m_serbia })
        QVERIFY(entities.insert(e));
    mention(m_council, QStringLiteral("council"), 2, QStringLiteral("ORG"), m_councilShort.id);
    mention(m_council, QStringLiteral("city council"), 1, QStringLiteral("ORG"), m_cityCouncil.id);
    mention(m_seed, QStringLiteral("Belgrade"), 1, QStringLiteral("ORG"), m_cityCouncil.id);
    mention(m_seed, QStringLiteral("Serbia"), 1, QStringLiteral("GPE"), m_serbia.id);
    mention(m_seed, QStringLiteral("Serbia"), 2, QStringLiteral("GPE"), m_serbia.id);
    m_window->session()->reloadAnnotations();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->readerView()->isReady(), 20000);
}

void tst_Entities::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_db.reset();
}

void tst_Entities::registryListsEntitiesWithCounts()
{
    Ui::EntityRegistry *registry = m_window->entityRegistry();
    QVERIFY(!m_window->entityRegistryDock()->isVisible());
    // View > Entities… from its shortcut.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_window->entityRegistryDock()->isVisible());
    QTRY_VERIFY(registry->filterField()->hasFocus());
    QCOMPARE(registry->view()->model()->rowCount(), 3);

    const int city = rowNamed(registry, QStringLiteral("City council"));
    const int serbia = rowNamed(registry, QStringLiteral("Serbia"));
    QVERIFY(city >= 0 && serbia >= 0);
    QCOMPARE(cell(registry, city, Core::EntityListModel::TypeColumn), QStringLiteral("ORG"));
    QCOMPARE(cell(registry, city, Core::EntityListModel::KbIdColumn), QStringLiteral("Q1752346"));
    QCOMPARE(cell(registry, city, Core::EntityListModel::MentionsColumn), QStringLiteral("2"));
    QCOMPARE(cell(registry, city, Core::EntityListModel::ArticlesColumn), QStringLiteral("2"));
    QCOMPARE(cell(registry, serbia, Core::EntityListModel::MentionsColumn), QStringLiteral("2"));
    QCOMPARE(cell(registry, serbia, Core::EntityListModel::ArticlesColumn), QStringLiteral("1"));
    QCOMPARE(cell(registry, rowNamed(registry, QStringLiteral("Council")), Core::EntityListModel::MentionsColumn),
        QStringLiteral("1"));

    // Sorting by Mentions (descending after two clicks on the header).
    registry->view()->sortByColumn(Core::EntityListModel::MentionsColumn, Qt::DescendingOrder);
    QCOMPARE(cell(registry, 2, Core::EntityListModel::NameColumn), QStringLiteral("Council"));

    // The filter box matches names, types and KB ids.
    QTest::keyClicks(registry->filterField(), QStringLiteral("q403"));
    QCOMPARE(registry->view()->model()->rowCount(), 1);
    QCOMPARE(cell(registry, 0, Core::EntityListModel::NameColumn), QStringLiteral("Serbia"));
    registry->filterField()->clear();
    QTest::keyClicks(registry->filterField(), QStringLiteral("council"));
    QCOMPARE(registry->view()->model()->rowCount(), 2);

    // The mentions of the current entity, across articles.
    clickRow(registry->view(), rowNamed(registry, QStringLiteral("City council")));
    QCOMPARE(registry->currentId(), m_cityCouncil.id);
    QCOMPARE(registry->mentionsView()->topLevelItemCount(), 2);
    QStringList quotes;
    for (int i = 0; i < 2; ++i)
        quotes << registry->mentionsView()->topLevelItem(i)->text(1);
    quotes.sort();
    QCOMPARE(quotes, (QStringList { QStringLiteral("Belgrade"), QStringLiteral("city council") }));

    // Every control has an accessible name, and Tab walks them in order.
    const QList<QWidget *> controls { registry->filterField(), registry->view(), registry->mentionsView(),
        registry->nameField(), registry->typeField(), registry->kbIdField(), registry->saveButton(),
        registry->survivorField(), registry->mergeButton() };
    for (QWidget *w : controls)
        QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    // (Survivor and Merge are disabled with one entity selected, so Tab skips them here.)
    registry->filterField()->setFocus();
    for (qsizetype i = 1; i < controls.indexOf(registry->saveButton()); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), controls.at(i));
    }

    if (const QString out = qEnvironmentVariable("GLOSS_SCREENSHOT_DIR"); !out.isEmpty()) {
        m_window->resize(1600, 1000);
        registry->filterField()->clear();
        clickRow(registry->view(), rowNamed(registry, QStringLiteral("City council")));
        clickRow(registry->view(), rowNamed(registry, QStringLiteral("Council")), Qt::ControlModifier);
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(QDir(out).filePath(QStringLiteral("entity-registry-window.png"))));
        QVERIFY(m_window->entityRegistryDock()->grab().save(QDir(out).filePath(QStringLiteral("entity-registry.png"))));
    }
}

void tst_Entities::mergeThroughTheRegistry()
{
    Ui::EntityRegistry *registry = m_window->entityRegistry();
    m_window->entitiesAction()->trigger();
    QTRY_VERIFY(m_window->entityRegistryDock()->isVisible());
    QTest::keyClicks(registry->filterField(), QStringLiteral("council"));
    QCOMPARE(registry->view()->model()->rowCount(), 2);
    QVERIFY(!registry->mergeButton()->isEnabled());

    // Select both councils: click one, Ctrl+click the other.
    clickRow(registry->view(), 0);
    clickRow(registry->view(), 1, Qt::ControlModifier);
    QCOMPARE(registry->selectedIds().size(), 2);
    QVERIFY(registry->mergeButton()->isEnabled());
    // The survivor offered first is the one with more mentions; pick the other one from the keyboard.
    QComboBox *keep = registry->survivorField();
    QCOMPARE(keep->count(), 2);
    QCOMPARE(keep->currentData().toString(), m_cityCouncil.id);
    keep->setFocus();
    QTest::keyClick(keep, Qt::Key_Down);
    QCOMPARE(keep->currentData().toString(), m_councilShort.id);
    QTest::mouseClick(registry->mergeButton(), Qt::LeftButton);

    // The store: one council left, with the other's name as an alias, its KB id, and all three mentions.
    Core::EntityRepository entities(*m_db);
    QCOMPARE(entities.all()->size(), 2);
    QVERIFY(!entities.entity(m_cityCouncil.id));
    const Core::Entity kept = *entities.entity(m_councilShort.id);
    QCOMPARE(kept.name, QStringLiteral("Council"));
    QCOMPARE(kept.aliases, QStringList { QStringLiteral("City council") });
    QCOMPARE(kept.kbId, QStringLiteral("Q1752346"));
    QCOMPARE(entities.mentionIds(m_councilShort.id)->size(), 3);
    // The registry follows.
    QCOMPARE(registry->view()->model()->rowCount(), 1);
    QCOMPARE(cell(registry, 0, Core::EntityListModel::MentionsColumn), QStringLiteral("3"));
    QCOMPARE(cell(registry, 0, Core::EntityListModel::ArticlesColumn), QStringLiteral("2"));
    QCOMPARE(registry->currentId(), m_councilShort.id);
    QCOMPARE(registry->mentionsView()->topLevelItemCount(), 3);

    // One undo step restores both entities and every link; redo merges again.
    QVERIFY(m_window->undoAction()->isEnabled());
    m_window->undoAction()->trigger();
    QCOMPARE(entities.all()->size(), 3);
    QCOMPARE(entities.mentionIds(m_cityCouncil.id)->size(), 2);
    QCOMPARE(entities.mentionIds(m_councilShort.id)->size(), 1);
    QCOMPARE(*entities.entity(m_councilShort.id), m_councilShort);
    QCOMPARE(registry->view()->model()->rowCount(), 2);
    m_window->redoAction()->trigger();
    QCOMPARE(entities.all()->size(), 2);
    QCOMPARE(entities.mentionIds(m_councilShort.id)->size(), 3);

    // Entities of different types are not merged: select all (Ctrl+A in the table) with the filter cleared,
    // keep Serbia (GPE) over the council (ORG): refused with a message, nothing changes.
    registry->filterField()->clear();
    QCOMPARE(registry->view()->model()->rowCount(), 2);
    registry->view()->setFocus();
    QTest::keyClick(registry->view(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(registry->selectedIds().size(), 2);
    keep->setCurrentIndex(keep->findData(m_serbia.id));
    QTest::mouseClick(registry->mergeButton(), Qt::LeftButton);
    QCOMPARE(entities.all()->size(), 2);
    QCOMPARE(entities.mentionIds(m_serbia.id)->size(), 2);
    QCOMPARE(entities.mentionIds(m_councilShort.id)->size(), 3);
    QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("their types differ")),
        qPrintable(m_window->statusBar()->currentMessage()));
}

void tst_Entities::editAndShowMention()
{
    Ui::EntityRegistry *registry = m_window->entityRegistry();
    m_window->openEntityRegistry();
    clickRow(registry->view(), rowNamed(registry, QStringLiteral("Council")));
    QCOMPARE(registry->nameField()->text(), QStringLiteral("Council"));

    // Rename and give a KB id from the keyboard; Enter saves.
    registry->nameField()->setFocus();
    registry->nameField()->selectAll();
    QTest::keyClicks(registry->nameField(), QStringLiteral("Town council"));
    registry->kbIdField()->setFocus();
    QTest::keyClicks(registry->kbIdField(), QStringLiteral("Q42"));
    QTest::keyClick(registry->kbIdField(), Qt::Key_Return);
    Core::Entity saved = *Core::EntityRepository(*m_db).entity(m_councilShort.id);
    QCOMPARE(saved.name, QStringLiteral("Town council"));
    QCOMPARE(saved.kbId, QStringLiteral("Q42"));
    QVERIFY(rowNamed(registry, QStringLiteral("Town council")) >= 0);

    // An invalid KB id is refused and nothing changes.
    registry->kbIdField()->setText(QStringLiteral("not-a-qid"));
    QVERIFY(!registry->saveCurrent());
    QCOMPARE(Core::EntityRepository(*m_db).entity(m_councilShort.id)->kbId, QStringLiteral("Q42"));
    m_window->undoAction()->trigger();
    QCOMPARE(Core::EntityRepository(*m_db).entity(m_councilShort.id)->name, QStringLiteral("Council"));

    // Activating a mention in another article opens that article and selects the mention.
    clickRow(registry->view(), rowNamed(registry, QStringLiteral("City council")));
    QTreeWidget *mentions = registry->mentionsView();
    QTreeWidgetItem *other = nullptr;
    for (int i = 0; i < mentions->topLevelItemCount(); ++i)
        if (mentions->topLevelItem(i)->text(1) == u"city council")
            other = mentions->topLevelItem(i);
    QVERIFY(other);
    QCOMPARE(m_window->session()->article().id, m_seed);
    mentions->setFocus();
    mentions->setCurrentItem(other);
    QTest::keyClick(mentions, Qt::Key_Return);
    QTRY_COMPARE(m_window->session()->article().id, m_council);
    QString expected;
    const QList<Core::EntityMention> all = *Core::EntityRepository(*m_db).mentions(m_cityCouncil.id);
    for (const Core::EntityMention &m : all)
        if (m.articleId == m_council)
            expected = m.annotationId;
    QVERIFY(!expected.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->annotationPanel()->currentAnnotationId(), expected, 20000);
}

void tst_Entities::entityKeysFollowTheSchema()
{
    // Gloss default: the schema's letters and digits by position.
    QCOMPARE(m_window->labelSchema().id, QStringLiteral("gloss-default"));
    QCOMPARE(shortcuts(m_window->entityAction(QStringLiteral("GPE"))),
        (QStringList { QStringLiteral("E, 3"), QStringLiteral("E, G") }));
    QCOMPARE(shortcuts(m_window->entityAction(QStringLiteral("EVENT"))),
        (QStringList { QStringLiteral("E, 6"), QStringLiteral("E, E") }));
    QString help = m_window->helpOverlay()->text();
    QVERIFY2(help.contains(QStringLiteral("E, G")) && help.contains(QStringLiteral("Gloss default")), qPrintable(help));

    // CoNLL: another key map, in the actions and the help overlay alike.
    m_settings->setDefaultLabelSchema(QStringLiteral("conll"));
    QCOMPARE(m_window->labelSchema().id, QStringLiteral("conll"));
    QCOMPARE(m_window->entityTypes(),
        (QStringList { QStringLiteral("PER"), QStringLiteral("ORG"), QStringLiteral("LOC"), QStringLiteral("MISC") }));
    QVERIFY(!m_window->entityAction(QStringLiteral("GPE")));
    QCOMPARE(shortcuts(m_window->entityAction(QStringLiteral("LOC"))),
        (QStringList { QStringLiteral("E, 3"), QStringLiteral("E, L") }));
    help = m_window->helpOverlay()->text();
    QVERIFY2(help.contains(QStringLiteral("CoNLL-2003")) && help.contains(QStringLiteral("PER — Person"))
            && !help.contains(QStringLiteral("GPE")),
        qPrintable(help));

    // Driven from the keyboard: select the first word in the reader, "E, L" tags it LOC under CoNLL.
    Ui::ReaderView *reader = m_window->readerView();
    QTRY_VERIFY_WITH_TIMEOUT(reader->isReady(), 20000);
    reader->setFocus();
    QTRY_VERIFY(reader->focusProxy() && reader->focusProxy()->hasFocus());
    // The renderer may take the first key before its page has the focus (seen on a busy machine): press again
    // until a selection arrives (a later press selects one word more, which is as good here).
    for (int attempt = 0; attempt < 5 && !reader->selection().isValid(); ++attempt) {
        key(reader, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWaitFor([&] { return reader->selection().isValid(); }, 2000);
    }
    QVERIFY(reader->selection().isValid());
    QTRY_VERIFY(m_window->entityAction(QStringLiteral("LOC"))->isEnabled());
    const qsizetype before = Core::AnnotationRepository(*m_db).forArticle(m_seed)->size();
    key(reader, Qt::Key_E);
    key(reader, Qt::Key_L);
    QTRY_COMPARE(Core::AnnotationRepository(*m_db).forArticle(m_seed)->size(), before + 1);
    QStringList labels;
    const QList<Core::Annotation> now = *Core::AnnotationRepository(*m_db).forArticle(m_seed);
    for (const Core::Annotation &a : now)
        labels << a.label;
    QVERIFY2(labels.contains(QStringLiteral("LOC")), qPrintable(labels.join(u',')));

    // OntoNotes assigns digits itself: no positional digits then.
    m_settings->setDefaultLabelSchema(QStringLiteral("ontonotes"));
    QCOMPARE(shortcuts(m_window->entityAction(QStringLiteral("PERSON"))), QStringList { QStringLiteral("E, P") });
    QCOMPARE(shortcuts(m_window->entityAction(QStringLiteral("PERCENT"))), QStringList { QStringLiteral("E, 1") });

    // A schema kept in the store wins, and is offered by id.
    Core::LabelSchema custom;
    custom.id = QStringLiteral("custom");
    custom.name = QStringLiteral("Custom");
    custom.entityTypes = { { QStringLiteral("ALPHA"), QStringLiteral("Alpha"), QStringLiteral("#112233"),
        QStringLiteral("x"), QString() } };
    QVERIFY(Core::LabelSchemaRepository(*m_db).save(custom));
    m_settings->setDefaultLabelSchema(QStringLiteral("custom"));
    QCOMPARE(m_window->entityTypes(), QStringList { QStringLiteral("ALPHA") });
    QCOMPARE(shortcuts(m_window->entityAction(QStringLiteral("ALPHA"))),
        (QStringList { QStringLiteral("E, 1"), QStringLiteral("E, X") }));
    // Its colour paints an ALPHA mention in the reader (reader.css has no class for it) and its swatch.
    const Core::Annotation alpha = mention(m_seed, QStringLiteral("Belgrade"), 1, QStringLiteral("ALPHA"), QString());
    m_window->session()->reloadAnnotations();
    // The page repaints after the reload: ask it until the mark is there.
    const QString script = QStringLiteral("(function(){var m=document.querySelector('mark[data-id=\"%1\"]');"
                                          "return m ? getComputedStyle(m).backgroundColor : '';})()")
                               .arg(alpha.id);
    QTRY_VERIFY_WITH_TIMEOUT(!GlossTest::evaluate(m_window->readerView(), script).toString().isEmpty(), 10000);
    const QString background = GlossTest::evaluate(m_window->readerView(), script).toString();
    QCOMPARE(background, QStringLiteral("rgba(17, 34, 51, 0.3)"));
    QCOMPARE(Ui::highlightColor(alpha, { { QStringLiteral("ALPHA"), QColor(0x11, 0x22, 0x33) } }),
        QColor(0x11, 0x22, 0x33, 77));

    // An unknown id falls back to the default schema.
    m_settings->setDefaultLabelSchema(QStringLiteral("no-such-schema"));
    QCOMPARE(m_window->labelSchema().id, QStringLiteral("gloss-default"));
    QVERIFY(m_window->entityAction(QStringLiteral("GPE")));
}

void tst_Entities::creatorFilter()
{
    // Two more annotators on the seed article.
    Core::Annotation alice
        = mention(m_seed, QStringLiteral("Belgrade"), 2, QStringLiteral("GPE"), QString(), QStringLiteral("alice"));
    mention(m_seed, QStringLiteral("Belgrade"), 3, QStringLiteral("GPE"), QString(), QStringLiteral("bob"));
    mention(m_seed, QStringLiteral("Belgrade"), 4, QStringLiteral("GPE"), QString(), QStringLiteral("bob"));
    m_window->session()->reloadAnnotations();
    Ui::AnnotationPanel *panel = m_window->annotationPanel();
    QCOMPARE(panel->count(), 6);

    QComboBox *creator = panel->creatorFilterField();
    QVERIFY(!creator->accessibleName().isEmpty());
    QStringList offered;
    for (int i = 1; i < creator->count(); ++i)
        offered << creator->itemData(i).toString();
    QCOMPARE(offered, (QStringList { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("tester") }));

    // Pick "alice" from the keyboard: one annotation listed.
    creator->setFocus();
    QTest::keyClick(creator, Qt::Key_Down);
    QCOMPARE(creator->currentData().toString(), QStringLiteral("alice"));
    QCOMPARE(panel->filter().creator, QStringLiteral("alice"));
    QCOMPARE(panel->count(), 1);
    QCOMPARE(panel->view()->model()->index(0, 0).data(Ui::AnnotationPanel::IdRole).toString(), alice.id);
    QTest::keyClick(creator, Qt::Key_Down);
    QCOMPARE(panel->count(), 2);
    // Combined with the kind filter: bob's are entities, so "Claims" lists none.
    panel->kindFilterField()->setCurrentIndex(panel->kindFilterField()->findData(QStringLiteral("claim")));
    QCOMPARE(panel->count(), 0);
    panel->kindFilterField()->setCurrentIndex(0);
    // The filter survives a reload of the annotations.
    m_window->session()->reloadAnnotations();
    QCOMPARE(creator->currentData().toString(), QStringLiteral("bob"));
    QCOMPARE(panel->count(), 2);
    // setFilter() drives the widget too.
    Ui::AnnotationFilter f;
    f.creator = QStringLiteral("tester");
    panel->setFilter(f);
    QCOMPARE(creator->currentData().toString(), QStringLiteral("tester"));
    QCOMPARE(panel->count(), 3);
    panel->setFilter({});
    QCOMPARE(panel->count(), 6);

    // The entity filter: one item per entity, its mentions only (alice's and bob's Belgrade are one GPE).
    QComboBox *entity = panel->entityFilterField();
    QVERIFY(!entity->accessibleName().isEmpty());
    const int belgrade = entity->findText(QStringLiteral("Belgrade (GPE)"));
    QVERIFY2(belgrade > 0, qPrintable(entity->itemText(1)));
    entity->setCurrentIndex(belgrade);
    QCOMPARE(panel->count(), 3);
    QCOMPARE(panel->filter().entity, entity->itemData(belgrade).toString());
    creator->setCurrentIndex(creator->findData(QStringLiteral("bob")));
    QCOMPARE(panel->count(), 2);
    panel->setFilter({});
    QCOMPARE(entity->currentIndex(), 0);
    QCOMPARE(panel->count(), 6);
}

int main(int argc, char **argv)
{
    Ui::ContentSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    tst_Entities test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_entities.moc"

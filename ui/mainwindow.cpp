#include "mainwindow.h"

#include "annotationactions.h"
#include "articlesession.h"
#include "controllers/annotationcontroller.h"
#include "controllers/librarycontroller.h"
#include "controllers/readingpositions.h"
#include "core/anchoring/codepointindex.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "dialogs/preferencesdialog.h"
#include "emptystate.h"
#include "exportdialog.h"
#include "helpoverlay.h"
#include "labelschemas.h"
#include "panels/annotationpanel.h"
#include "panels/entityregistry.h"
#include "panels/librarypanel.h"
#include "plural.h"
#include "reader/originalview.h"
#include "reader/readerview.h"
#include "reader/readingtime.h"
#include "settings.h"
#include "themecontroller.h"
#include "viewactions.h"
#include "web/offlineprofile.h"
#include "webshortcutguard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

namespace Gloss::Ui {

QStringList MainWindow::entityTypes() const
{
    QStringList out;
    for (const EntityTypeKey &k : m_annotationActions->entityTypes())
        out << k.type;
    return out;
}

MainWindow::MainWindow(Core::Database &database, const QString &creator, QWidget *parent)
    : MainWindow(database, nullptr, creator, parent)
{ }

MainWindow::MainWindow(Core::Database &database, Settings *settings, const QString &creator, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_settings(settings ? settings : new Settings(this))
    , m_profile(new OfflineProfile(this))
    , m_session(new ArticleSession(
          database, m_settings->annotatorName().isEmpty() ? creator : m_settings->annotatorName(), this))
    , m_library(new LibraryPanel(this))
    , m_readerStack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_reader(new ReaderView(m_profile, this))
    , m_original(new OriginalView(m_profile, this))
    , m_annotations(new AnnotationPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_readingTime(new QLabel(this))
{
    setWindowTitle(tr("Gloss"));
    setAccessibleName(tr("Gloss"));
    setAcceptDrops(true);
    m_readOnly = database.isReadOnly();
    new WebShortcutGuard(this);
    m_theme = new ThemeController(m_settings, this);
    m_annotationActions = new AnnotationActions(m_session->undoStack(), AnnotationActions::defaultEntityTypes(), this);
    m_viewActions = new ViewActions(m_settings, this);
    m_annotationController
        = new AnnotationController(m_session, m_annotationActions, m_reader, m_original, m_annotations, this);
    m_libraryController = new LibraryController(database, m_library, this);
    m_registry = new EntityRegistry(m_session, this);
    buildLayout();
    createMenus();
    connectSignals();
    applyReadOnly();
    applyTheme(m_theme->effectiveTheme());
    m_reader->setTypography(m_settings->typography());
    m_help = new HelpOverlay(this);
    applyLabelSchema();
    connect(m_annotationActions, &AnnotationActions::entityTypesChanged, this, &MainWindow::updateHelp);
    refreshLibrary();
    showArticleView(false);
    statusBar()->showMessage(idleHint());
}

QString MainWindow::idleHint() const
{
    if (m_readOnly)
        return tr("This store is read-only: reading, search, export and backup work; annotating and importing are "
                  "off. F1 lists every shortcut.");
    return tr("Select text in the reader view, then press C to mark a claim or E and a digit to tag an entity. F1 "
              "lists every shortcut.");
}

void MainWindow::applyReadOnly()
{
    m_annotationActions->setReadOnly(m_readOnly);
    m_annotations->setReadOnly(m_readOnly);
    m_registry->setReadOnly(m_readOnly);
    m_libraryController->setReadOnly(m_readOnly);
    const QString why = LibraryController::readOnlyMessage();
    for (QAction *a : std::as_const(m_writingActions)) {
        a->setEnabled(!m_readOnly);
        if (m_readOnly)
            a->setStatusTip(why);
    }
    for (QPushButton *b : { m_empty->openFileButton(), m_empty->openUrlButton(), m_empty->sampleButton() }) {
        b->setEnabled(!m_readOnly);
        if (m_readOnly)
            b->setToolTip(why);
    }
    if (m_readOnly)
        m_empty->helpLabel()->setText(tr("This store is read-only (its file or folder is not writable), so nothing "
                                         "can be imported into it. Choose another database in Preferences, or fix "
                                         "the permissions, and start Gloss again."));
    m_readOnlyBadge->setToolTip(
        tr("<p>Gloss opened this store read-only because you cannot write to its file or to the folder it is in:<br>"
           "<code>%1</code></p>"
           "<p>Reading, search, export and backup still work. Annotating, editing entities and importing are off, "
           "and reading positions are kept only until Gloss quits.</p>"
           "<p>To annotate, make the file and its folder writable, or choose another database in Preferences, "
           "and start Gloss again.</p>")
            .arg(m_database.path().toHtmlEscaped()));
    m_readOnlyBadge->setVisible(m_readOnly);
}

void MainWindow::showNotice(const QString &message)
{
    m_notice = message;
    statusBar()->showMessage(message);
    if (QApplication::platformName() == u"offscreen" || QApplication::platformName() == u"minimal")
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Gloss"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::saveReadingPosition(qint64 articleId, double fraction)
{
    if (m_readOnly) {
        m_sessionPositions.insert(articleId, std::clamp(fraction, 0.0, 1.0));
        return;
    }
    auto r = ReadingPositions(m_database)
                 .save(articleId, Core::codePointLength(m_session->article().current.readerText), fraction);
    if (r)
        return;
    // Scrolling saves often: a failure is shown in a box once, then only in the status bar.
    if (std::exchange(m_positionErrorShown, true))
        statusBar()->showMessage(r.error().message, 8000);
    else
        showError(r.error().message);
}

MainWindow::~MainWindow()
{
    // The views' pages must go before the profile they use.
    delete m_reader;
    delete m_original;
}

void MainWindow::buildLayout()
{
    m_readerStack->addWidget(m_empty);
    m_readerStack->addWidget(m_reader);
    m_readerStack->setAccessibleName(tr("Reader"));
    m_reader->setAcceptDrops(false);
    m_original->setAcceptDrops(false);
    m_splitter->addWidget(m_library);
    m_splitter->addWidget(m_readerStack);
    m_splitter->addWidget(m_original);
    m_splitter->addWidget(m_annotations);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setStretchFactor(3, 2);
    m_splitter->setSizes({ 220, 560, 400, 260 });
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setObjectName(QStringLiteral("panes"));
    // In a small window the library kept only its minimum (its search field read "Search articl…") while the
    // annotations panel kept 300 px: the library gets a usable minimum, and applyDefaultSplitterSizes() shares
    // the width at the first show.
    m_library->setMinimumWidth(170);
    setCentralWidget(m_splitter);
    m_readingTime->setAccessibleName(tr("Reading time"));
    statusBar()->addPermanentWidget(m_readingTime);
    m_readOnlyBadge = new QLabel(tr("Read-only store"), this);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnlyBadge->setAccessibleName(tr("Read-only store"));
    m_readOnlyBadge->setFrameShape(QFrame::StyledPanel);
    m_readOnlyBadge->setMargin(1);
    QFont badgeFont = m_readOnlyBadge->font();
    badgeFont.setBold(true);
    m_readOnlyBadge->setFont(badgeFont);
    m_readOnlyBadge->hide();
    statusBar()->addPermanentWidget(m_readOnlyBadge);
    // Tab order follows the panes left to right.
    setTabOrder(m_library->searchField(), m_library->view());
    setTabOrder(m_library->view(), m_reader);
    setTabOrder(m_reader, m_original);
    setTabOrder(m_original, m_annotations);

    // The entity registry docks below the panes; it opens from View > Entities….
    m_registryDock = new QDockWidget(tr("Entities"), this);
    m_registryDock->setObjectName(QStringLiteral("entityRegistryDock"));
    m_registryDock->setAccessibleName(tr("Entity registry"));
    m_registryDock->setWidget(m_registry);
    m_registryDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_registryDock);
    m_registryDock->hide();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Import File…"), m_libraryController, &LibraryController::openFileDialog);
    open->setObjectName(QStringLiteral("importFile"));
    open->setShortcut(QKeySequence::Open);
    QAction *url = file->addAction(tr("Open &URL…"), m_libraryController, &LibraryController::openUrlDialog);
    url->setObjectName(QStringLiteral("openUrl"));
    url->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *folder
        = file->addAction(tr("Import a &Folder…"), m_libraryController, &LibraryController::batchFolderDialog);
    folder->setObjectName(QStringLiteral("importFolder"));
    QAction *list
        = file->addAction(tr("Import a &List of URLs…"), m_libraryController, &LibraryController::batchListDialog);
    list->setObjectName(QStringLiteral("importList"));
    QAction *sample = file->addAction(tr("Try the &Sample Article"), this, [this] {
        if (auto r = m_libraryController->importSample(); !r)
            showError(r.error().message);
    });
    sample->setObjectName(QStringLiteral("importSample"));
    m_writingActions = { open, url, folder, list, sample };
    file->addSeparator();
    QAction *exportAction = file->addAction(tr("&Export Annotations…"), this, &MainWindow::exportDialog);
    exportAction->setObjectName(QStringLiteral("export"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    addActions({ open, url, exportAction, quit });

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_annotationActions->undo());
    edit->addAction(m_annotationActions->redo());
    edit->addSeparator();
    QAction *prefs = edit->addAction(tr("&Preferences…"), this, &MainWindow::openPreferences);
    prefs->setObjectName(QStringLiteral("preferences"));
    prefs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    addAction(prefs);

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    m_annotationActions->populate(annotate);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewActions->populate(view);
    view->addSeparator();
    m_entitiesAction = view->addAction(tr("&Entities…"), this, &MainWindow::openEntityRegistry);
    m_entitiesAction->setObjectName(QStringLiteral("entities"));
    m_entitiesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_entitiesAction->setStatusTip(tr("Lists every entity with its mentions across articles; edit and merge them."));
    addAction(m_entitiesAction);
    m_remoteAction = view->addAction(tr("Allow &Remote Content in This Original"));
    m_remoteAction->setCheckable(true);
    m_remoteAction->setEnabled(false);
    connect(m_remoteAction, &QAction::toggled, this, &MainWindow::toggleRemoteContent);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_viewActions->help());

    m_reader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_reader, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_annotationActions->claim());
        menu.addMenu(m_annotationActions->entityMenu());
        menu.addAction(m_annotationActions->note());
        menu.exec(m_reader->mapToGlobal(pos));
    });
    m_original->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_original, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // The original has no selection signal: offer the actions and read the selection when one fires.
        m_annotationActions->setSelectionAvailable(true);
        QMenu menu(this);
        menu.addAction(m_annotationActions->claim());
        menu.addMenu(m_annotationActions->entityMenu());
        menu.exec(m_original->mapToGlobal(pos));
    });
}

void MainWindow::connectSignals()
{
    connect(m_library, &LibraryPanel::articleRequested, this, [this](qint64 id) {
        if (auto r = openArticle(id); !r)
            showError(r.error().message);
    });
    connect(m_libraryController, &LibraryController::articleImported, this, [this](qint64 id) {
        if (auto r = openArticle(id); !r)
            showError(r.error().message);
    });
    connect(m_libraryController, &LibraryController::errorOccurred, this, &MainWindow::showError);
    connect(m_libraryController, &LibraryController::message, statusBar(), &QStatusBar::showMessage);
    connect(m_empty, &EmptyState::openFileRequested, m_libraryController, &LibraryController::openFileDialog);
    connect(m_empty, &EmptyState::openUrlRequested, m_libraryController, &LibraryController::openUrlDialog);
    connect(m_empty, &EmptyState::sampleRequested, this, [this] {
        if (auto r = m_libraryController->importSample(); !r)
            showError(r.error().message);
    });

    connect(m_session, &ArticleSession::articleOpened, this, [this](const Core::Article &article) {
        showArticleView(true);
        auto position = m_sessionPositions.contains(article.id)
            ? Core::Result<double>(m_sessionPositions.value(article.id))
            : ReadingPositions(m_database).fraction(article.id, Core::codePointLength(article.current.readerText));
        if (!position)
            showError(position.error().message);
        m_reader->showArticle(article, position.value_or(0.0), m_session->annotations());
        m_profile->interceptor()->setRemoteAllowed(m_settings->remoteContentAllowed(article.id));
        {
            const QSignalBlocker blocker(m_remoteAction);
            m_remoteAction->setEnabled(true);
            m_remoteAction->setChecked(m_settings->remoteContentAllowed(article.id));
        }
        auto snapshot = Core::ArticleRepository(m_database).snapshot(article.current.snapshotId);
        if (snapshot)
            m_original->showSnapshot(article.id, *snapshot);
        else
            showError(snapshot.error().message);
        m_library->setCurrentArticle(article.id);
        m_settings->setLastArticle(article.id);
        const int minutes = m_reader->readingMinutes();
        m_readingTime->setText(minutes > 0 ? readingTimeLabel(minutes) : QString());
        setWindowTitle(tr("%1 — Gloss").arg(article.current.metadata.title));
    });
    connect(m_session, &ArticleSession::annotationsChanged, this, [this](const QList<Core::Annotation> &list) {
        m_reader->setAnnotations(list);
        m_annotations->setAnnotations(list);
    });
    // The original page is painted after the reader: both pages may share one renderer process, and anchoring
    // by quote in a long original must not hold up the reader.
    connect(m_reader, &ReaderView::highlightsPainted, this, [this] {
        if (m_session->hasArticle())
            m_original->setAnnotations(m_session->annotations());
        if (!m_pendingMention.isEmpty())
            m_annotationController->show(std::exchange(m_pendingMention, QString()));
    });
    connect(m_session->undoStack(), &QUndoStack::indexChanged, this, [this] {
        refreshLibrary();
        if (m_registryDock->isVisible())
            m_registry->refresh();
    });
    connect(m_session, &ArticleSession::annotationsChanged, this, [this] {
        if (m_registryDock->isVisible())
            m_registry->refresh();
    });
    connect(m_registry, &EntityRegistry::mentionActivated, this, &MainWindow::showMention);
    connect(m_registry, &EntityRegistry::errorOccurred, this, &MainWindow::showError);
    connect(m_registry, &EntityRegistry::message, statusBar(), &QStatusBar::showMessage);
    connect(m_session, &ArticleSession::errorOccurred, this, &MainWindow::showError);
    connect(m_annotationController, &AnnotationController::errorOccurred, this, &MainWindow::showError);
    connect(m_annotationController, &AnnotationController::message, statusBar(), &QStatusBar::showMessage);
    connect(m_reader, &ReaderView::selectionChanged, this, [this](Core::TextPositionSelector s) {
        if (s.isValid() && s.end > s.start)
            statusBar()->showMessage((m_readOnly ? tr("Selected %1 (%2–%3); the store is read-only, so it cannot be "
                                                      "annotated")
                                                 : tr("Selected %1 (%2–%3): C claim, E+digit entity, N note"))
                                         .arg(countText(s.end - s.start, tr("%n character"), tr("%n characters")))
                                         .arg(s.start)
                                         .arg(s.end));
        else if (!m_notice.isEmpty())
            statusBar()->showMessage(m_notice);
        else
            statusBar()->clearMessage();
        if (s.isValid() && s.end > s.start)
            m_notice.clear();
    });
    connect(m_reader, &ReaderView::readingPositionChanged, this, [this](qint64 id, double fraction) {
        if (m_session->hasArticle() && m_session->article().id == id)
            saveReadingPosition(id, fraction);
        m_library->view()->viewport()->update();
        if (m_viewActions->syncScroll()->isChecked() && m_original->isLoaded())
            m_original->runScript(
                QStringLiteral("window.scrollTo(0, %1 * Math.max(0, document.documentElement.scrollHeight"
                               " - window.innerHeight)); true")
                    .arg(fraction),
                [](const QVariant &) {});
    });
    // With the focus in the original page, C and E act on its selection (read when they fire).
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && (now == m_original || m_original->isAncestorOf(now)))
            m_annotationActions->setSelectionAvailable(true);
        else if (now && (now == m_reader || m_reader->isAncestorOf(now)))
            m_annotationActions->setSelectionAvailable(
                m_reader->selection().isValid() && m_reader->selection().end > m_reader->selection().start);
    });

    connect(m_theme, &ThemeController::effectiveThemeChanged, this, &MainWindow::applyTheme);
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key == u"reader/typography")
            m_reader->setTypography(m_settings->typography());
        if (key == u"annotation/annotator" && !m_settings->annotatorName().isEmpty())
            m_session->setCreator(m_settings->annotatorName());
        if (key == u"annotation/defaultSchema")
            applyLabelSchema();
    });
    connect(m_viewActions->distractionFree(), &QAction::toggled, this, &MainWindow::setDistractionFree);
    connect(m_viewActions->help(), &QAction::triggered, this, &MainWindow::openHelp);
    connect(m_viewActions->focusLibrary(), &QAction::triggered, this,
        [this] { m_library->view()->setFocus(Qt::ShortcutFocusReason); });
    connect(m_viewActions->focusReader(), &QAction::triggered, this,
        [this] { m_reader->setFocus(Qt::ShortcutFocusReason); });
    connect(m_viewActions->focusOriginal(), &QAction::triggered, this,
        [this] { m_original->setFocus(Qt::ShortcutFocusReason); });
    connect(m_viewActions->focusAnnotations(), &QAction::triggered, this,
        [this] { m_annotations->view()->setFocus(Qt::ShortcutFocusReason); });
    connect(m_viewActions->search(), &QAction::triggered, this, [this] {
        if (m_distractionFree)
            m_viewActions->distractionFree()->setChecked(false);
        m_library->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_library->searchField()->selectAll();
    });
}

QAction *MainWindow::claimAction() const
{
    return m_annotationActions->claim();
}

QAction *MainWindow::entityAction(const QString &type) const
{
    return m_annotationActions->entity(type);
}

QAction *MainWindow::deleteAction() const
{
    return m_annotationActions->remove();
}

QAction *MainWindow::undoAction() const
{
    return m_annotationActions->undo();
}

QAction *MainWindow::redoAction() const
{
    return m_annotationActions->redo();
}

Core::Result<qint64> MainWindow::importFile(const QString &path)
{
    return m_libraryController->importFile(path);
}

Core::Result<void> MainWindow::openArticle(qint64 id)
{
    if (m_session->hasArticle() && m_session->article().id == id)
        return {};
    return m_session->open(id);
}

void MainWindow::refreshLibrary()
{
    m_libraryController->refresh();
}

void MainWindow::restoreState()
{
    if (const QByteArray g = m_settings->windowGeometry(); !g.isEmpty())
        restoreGeometry(g);
    if (const QByteArray s = m_settings->splitterState(); !s.isEmpty() && m_splitter->restoreState(s))
        m_splitterSized = true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    if (!std::exchange(m_splitterSized, true))
        applyDefaultSplitterSizes();
    QMainWindow::showEvent(event);
}

void MainWindow::applyDefaultSplitterSizes()
{
    // The library and the annotations panel get a share of the width within sensible bounds; the reader and
    // the original page share the rest 3:2.
    const int width = std::max(m_splitter->width(), this->width());
    const int library = std::clamp(width * 17 / 100, 190, 300);
    const int annotations = std::clamp(width * 20 / 100, 250, 340);
    const int rest = std::max(0, width - library - annotations);
    m_splitter->setSizes({ library, rest * 3 / 5, rest - rest * 3 / 5, annotations });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_distractionFree)
        setDistractionFree(false);
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setSplitterState(m_splitter->saveState());
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_readOnly && LibraryController::canDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (m_libraryController->handleDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::setDistractionFree(bool on)
{
    if (on == m_distractionFree)
        return;
    m_distractionFree = on;
    if (on)
        m_splitterBeforeDistractionFree = m_splitter->saveState();
    if (on) {
        m_registryBeforeDistractionFree = m_registryDock->isVisible();
        m_registryDock->hide();
    } else if (m_registryBeforeDistractionFree) {
        m_registryDock->show();
    }
    m_library->setVisible(!on);
    m_original->setVisible(!on);
    m_annotations->setVisible(!on);
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    if (!on && !m_splitterBeforeDistractionFree.isEmpty())
        m_splitter->restoreState(m_splitterBeforeDistractionFree);
    {
        const QSignalBlocker blocker(m_viewActions->distractionFree());
        m_viewActions->distractionFree()->setChecked(on);
    }
    if (on)
        m_reader->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showArticleView(bool article)
{
    m_readerStack->setCurrentWidget(article ? static_cast<QWidget *>(m_reader) : m_empty);
}

void MainWindow::applyTheme(const QString &theme)
{
    m_reader->setTheme(theme);
    m_original->setTheme(theme);
}

void MainWindow::openHelp()
{
    if (m_help->isVisible())
        m_help->hide();
    else
        m_help->open();
}

void MainWindow::openPreferences()
{
    PreferencesDialog dialog(m_settings, availableLabelSchemas(m_database), this);
    dialog.exec();
}

void MainWindow::toggleRemoteContent(bool allowed)
{
    if (!m_session->hasArticle())
        return;
    m_settings->setRemoteContentAllowed(m_session->article().id, allowed);
    m_profile->interceptor()->setRemoteAllowed(allowed);
    m_original->reload();
    statusBar()->showMessage(
        allowed ? tr("Remote content allowed for this original.") : tr("Remote content blocked for this original."),
        4000);
}

void MainWindow::applyLabelSchema()
{
    auto schema = resolveLabelSchema(m_database, m_settings->defaultLabelSchema());
    if (!schema) {
        showError(schema.error().message);
        schema = Core::LabelSchema::builtIn(fallbackLabelSchemaId());
    }
    if (schema)
        m_schema = *schema;
    QStringList types;
    QHash<QString, QString> labels;
    EntityColors colors;
    for (const Core::LabelSchema::EntityType &t : std::as_const(m_schema.entityTypes)) {
        types << t.name;
        labels.insert(t.name, t.label);
        colors.insert(t.name.toUpper(), QColor(t.color));
    }
    m_reader->setEntityColors(colors);
    m_original->setEntityColors(colors);
    m_annotations->setEntityColors(colors);
    m_registry->setEntityTypes(types, labels);
    // entityTypesChanged() re-lists the keys in the help overlay.
    m_annotationActions->setEntityTypes(AnnotationActions::entityTypeKeys(m_schema));
    updateHelp();
}

void MainWindow::updateHelp()
{
    const QString annotate
        = m_schema.name.isEmpty() ? tr("Annotate") : tr("Annotate (entity keys of the %1 schema)").arg(m_schema.name);
    m_help->setSections({ { annotate, m_annotationActions->all() }, { tr("Read"), m_viewActions->all() },
        { tr("Library"),
            { findChild<QAction *>(QStringLiteral("importFile")), findChild<QAction *>(QStringLiteral("openUrl")),
                findChild<QAction *>(QStringLiteral("export")), findChild<QAction *>(QStringLiteral("preferences")),
                m_entitiesAction } } });
}

void MainWindow::openEntityRegistry()
{
    if (m_distractionFree)
        m_viewActions->distractionFree()->setChecked(false);
    m_registry->refresh();
    m_registryDock->show();
    m_registryDock->raise();
    m_registry->filterField()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showMention(qint64 articleId, const QString &annotationId)
{
    if (m_session->hasArticle() && m_session->article().id == articleId) {
        m_annotationController->show(annotationId);
        return;
    }
    m_pendingMention = annotationId;
    if (auto r = openArticle(articleId); !r) {
        m_pendingMention.clear();
        showError(r.error().message);
    }
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 8000);
    if (QApplication::platformName() != u"offscreen")
        QMessageBox::warning(this, tr("Gloss"), message);
}

void MainWindow::exportDialog()
{
    ExportDialog dialog(m_database, m_session->hasArticle() ? m_session->article().id : 0, this);
    dialog.exec();
}

} // namespace Gloss::Ui

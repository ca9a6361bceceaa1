#include "mainwindow.h"

#include "articlesession.h"
#include "exportdialog.h"
#include "panels/annotationpanel.h"
#include "panels/librarypanel.h"
#include "reader/originalview.h"
#include "reader/readerview.h"
#include "web/offlineprofile.h"

#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>

namespace Gloss::Ui {

QStringList MainWindow::entityTypes()
{
    return {QStringLiteral("PERSON"), QStringLiteral("ORG"),   QStringLiteral("GPE"), QStringLiteral("LOC"),
            QStringLiteral("NORP"),   QStringLiteral("EVENT"), QStringLiteral("MISC")};
}

MainWindow::MainWindow(Core::Database &database, const QString &creator, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_profile(new OfflineProfile(this))
    , m_session(new ArticleSession(database, creator, this))
    , m_library(new LibraryPanel(this))
    , m_reader(new ReaderView(m_profile, this))
    , m_original(new OriginalView(m_profile, this))
    , m_annotations(new AnnotationPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setWindowTitle(tr("Gloss"));
    m_splitter->addWidget(m_library);
    m_splitter->addWidget(m_reader);
    m_splitter->addWidget(m_original);
    m_splitter->addWidget(m_annotations);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setStretchFactor(3, 2);
    m_splitter->setSizes({220, 560, 400, 260});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    createActions();

    connect(m_library, &LibraryPanel::articleRequested, this, [this](qint64 id) {
        if (auto r = openArticle(id); !r)
            showError(r.error().message);
    });
    connect(m_session, &ArticleSession::articleOpened, this, [this](const Core::Article &article) {
        m_reader->showArticle(article);
        auto snapshot = Core::ArticleRepository(m_database).snapshot(article.current.snapshotId);
        if (snapshot)
            m_original->showSnapshot(article.id, *snapshot);
        else
            showError(snapshot.error().message);
        m_library->setCurrentArticle(article.id);
        setWindowTitle(tr("%1 — Gloss").arg(article.current.metadata.title));
    });
    connect(m_session, &ArticleSession::annotationsChanged, this, [this](const QList<Core::Annotation> &list) {
        m_reader->setAnnotations(list);
        m_annotations->setAnnotations(list);
    });
    connect(m_session, &ArticleSession::errorOccurred, this, &MainWindow::showError);
    connect(m_annotations, &AnnotationPanel::annotationActivated, m_reader, &ReaderView::scrollToAnnotation);
    connect(m_reader, &ReaderView::annotationClicked, m_annotations, &AnnotationPanel::setCurrentAnnotation);
    connect(m_reader, &ReaderView::selectionChanged, this, [this](Core::TextPositionSelector s) {
        const bool any = s.isValid() && s.end > s.start;
        m_claimAction->setEnabled(any);
        for (QAction *a : std::as_const(m_entityActions))
            a->setEnabled(any);
        if (any)
            statusBar()->showMessage(tr("Selected %1 characters (%2–%3)").arg(s.end - s.start).arg(s.start).arg(s.end));
        else
            statusBar()->clearMessage();
    });
    refreshLibrary();
    statusBar()->showMessage(tr("Select text in the reader view, then press C to mark a claim or E and a digit to tag an entity."));
}

MainWindow::~MainWindow()
{
    // The views' pages must go before the profile they use.
    delete m_reader;
    delete m_original;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Import File…"), this, &MainWindow::openFileDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *exportAction = file->addAction(tr("&Export Annotations…"), this, &MainWindow::exportDialog);
    exportAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    m_deleteAction = edit->addAction(tr("&Delete Annotation"), this, &MainWindow::deleteCurrentAnnotation);
    m_deleteAction->setShortcut(QKeySequence::Delete);

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    m_claimAction = annotate->addAction(tr("Mark &Claim"), this,
                                        [this] { annotateSelection(int(Core::AnnotationKind::Claim), QStringLiteral("claim")); });
    m_claimAction->setShortcut(QKeySequence(Qt::Key_C));
    m_claimAction->setEnabled(false);
    QMenu *entity = annotate->addMenu(tr("Tag &Entity"));
    int digit = 1;
    for (const QString &type : entityTypes()) {
        QAction *a = entity->addAction(type, this,
                                       [this, type] { annotateSelection(int(Core::AnnotationKind::Entity), type); });
        a->setShortcut(QKeySequence(QStringLiteral("E, %1").arg(digit++)));
        a->setEnabled(false);
        m_entityActions.insert(type, a);
    }
    const QList<QAction *> readerActions = QList<QAction *>{m_claimAction} + m_entityActions.values();
    m_reader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_reader, &QWidget::customContextMenuRequested, this, [this, entity](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_claimAction);
        menu.addMenu(entity);
        menu.exec(m_reader->mapToGlobal(pos));
    });
    Q_UNUSED(readerActions);
}

Core::Result<qint64> MainWindow::importFile(const QString &path)
{
    auto outcome = Core::ArticleImporter(m_database).importFile(path);
    if (!outcome)
        return std::unexpected(outcome.error());
    refreshLibrary();
    if (auto r = openArticle(outcome->articleId); !r)
        return std::unexpected(r.error());
    return outcome->articleId;
}

Core::Result<void> MainWindow::openArticle(qint64 id)
{
    return m_session->open(id);
}

void MainWindow::refreshLibrary()
{
    auto rows = Core::ArticleRepository(m_database).summaries();
    if (!rows) {
        showError(rows.error().message);
        return;
    }
    m_library->setArticles(*rows);
}

void MainWindow::annotateSelection(int kind, const QString &label)
{
    const Core::TextPositionSelector selection = m_reader->selection();
    if (!selection.isValid() || selection.end <= selection.start) {
        statusBar()->showMessage(tr("Select some text in the reader view first."), 4000);
        return;
    }
    auto id = m_session->annotate(selection, Core::AnnotationKind(kind), label);
    if (!id) {
        showError(id.error().message);
        return;
    }
    refreshLibrary();
    statusBar()->showMessage(tr("Saved %1.").arg(label), 3000);
}

void MainWindow::deleteCurrentAnnotation()
{
    const QString id = m_annotations->currentAnnotationId();
    if (id.isEmpty()) {
        statusBar()->showMessage(tr("Select an annotation in the list first."), 4000);
        return;
    }
    if (auto r = m_session->remove(id); !r)
        showError(r.error().message);
    refreshLibrary();
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 8000);
    if (QApplication::platformName() != u"offscreen")
        QMessageBox::warning(this, tr("Gloss"), message);
}

void MainWindow::openFileDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import articles"), {},
                                                            tr("Articles (*.html *.htm *.mhtml *.mht *.txt);;All files (*)"));
    for (const QString &path : paths)
        if (auto r = importFile(path); !r)
            showError(r.error().message);
}

void MainWindow::exportDialog()
{
    ExportDialog dialog(m_database, m_session->hasArticle() ? m_session->article().id : 0, this);
    dialog.exec();
}

} // namespace Gloss::Ui

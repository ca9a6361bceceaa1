#pragma once

#include "core/result.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QSplitter;

namespace Gloss::Core {
class Database;
}

namespace Gloss::Ui {

class AnnotationPanel;
class ArticleSession;
class LibraryPanel;
class OfflineProfile;
class OriginalView;
class ReaderView;

/// Gloss's main window: library list | reader view | original page | annotations. It only wires widgets to
/// the ArticleSession; the work is in core.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /// Entity types offered in the Annotate menu, with their shortcut digit (E then the digit).
    static QStringList entityTypes();

    MainWindow(Core::Database &database, const QString &creator, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Imports a file and opens it. Errors: those of ArticleImporter (shown to the user by the caller).
    Core::Result<qint64> importFile(const QString &path);
    /// Opens a stored article. Errors: no such article.
    Core::Result<void> openArticle(qint64 id);
    /// Re-reads the library list.
    void refreshLibrary();

    ReaderView *readerView() const { return m_reader; }
    OriginalView *originalView() const { return m_original; }
    ArticleSession *session() const { return m_session; }
    LibraryPanel *libraryPanel() const { return m_library; }
    AnnotationPanel *annotationPanel() const { return m_annotations; }
    QAction *claimAction() const { return m_claimAction; }
    QAction *entityAction(const QString &type) const { return m_entityActions.value(type); }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

private:
    void createActions();
    void annotateSelection(int kind, const QString &label);
    void deleteCurrentAnnotation();
    void showError(const QString &message);
    void openFileDialog();
    void exportDialog();

    Core::Database &m_database;
    OfflineProfile *m_profile = nullptr;
    ArticleSession *m_session = nullptr;
    LibraryPanel *m_library = nullptr;
    ReaderView *m_reader = nullptr;
    OriginalView *m_original = nullptr;
    AnnotationPanel *m_annotations = nullptr;
    QSplitter *m_splitter = nullptr;
    QAction *m_claimAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QHash<QString, QAction *> m_entityActions;
};

} // namespace Gloss::Ui

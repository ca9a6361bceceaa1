#pragma once

#include "core/annotation/labelschema.h"
#include "core/result.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace Gloss::Core {
class Database;
}

namespace Gloss::Ui {

class AnnotationActions;
class AnnotationController;
class AnnotationPanel;
class ArticleSession;
class EmptyState;
class EntityRegistry;
class HelpOverlay;
class LibraryController;
class LibraryPanel;
class OfflineProfile;
class OriginalView;
class ReaderView;
class Settings;
class ThemeController;
class ViewActions;

/// Gloss's main window: library | reader view | original page | annotations, in a splitter. It lays out
/// the widgets and connects them; the work is in the controllers (AnnotationController, LibraryController,
/// ThemeController), the action sets (AnnotationActions, ViewActions) and in core.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /// Uses the application's default Settings.
    MainWindow(Core::Database &database, const QString &creator, QWidget *parent = nullptr);
    /// Uses `settings` (not owned; it must outlive the window). The annotator name in Settings, when set,
    /// wins over `creator`.
    MainWindow(Core::Database &database, Settings *settings, const QString &creator, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Imports a file and opens it. Errors: those of ArticleImporter (shown to the user by the caller).
    Core::Result<qint64> importFile(const QString &path);
    /// Opens a stored article. Errors: no such article.
    Core::Result<void> openArticle(qint64 id);
    /// Re-reads the library list.
    void refreshLibrary();
    /// Restores the window geometry and splitter sizes saved at the last close.
    void restoreState();

    /// Entity types offered in the Annotate menu: those of the active label schema, in schema order.
    QStringList entityTypes() const;
    /// The active label schema: Settings::defaultLabelSchema() resolved by resolveLabelSchema(), or the
    /// built-in "gloss-default" when that fails (the error is shown). Its entity types and keys are the E keys
    /// and the help overlay's list; it follows changes of the preference.
    const Core::LabelSchema &labelSchema() const { return m_schema; }

    /// Shows the entity registry (View > Entities…, Ctrl+Shift+R), re-read from the store, with the focus in
    /// its filter field.
    void openEntityRegistry();
    EntityRegistry *entityRegistry() const { return m_registry; }
    QDockWidget *entityRegistryDock() const { return m_registryDock; }
    QAction *entitiesAction() const { return m_entitiesAction; }

    /// True when the store is read-only (Core::Database::isReadOnly()): every action that writes is disabled,
    /// reading positions are kept for this session only, and the status bar shows readOnlyBadge().
    bool isReadOnly() const { return m_readOnly; }
    /// The permanent "Read-only store" label in the status bar (hidden on a writable store).
    QLabel *readOnlyBadge() const { return m_readOnlyBadge; }
    /// The actions that write to the store (imports, the sample article), disabled on a read-only store.
    QList<QAction *> storeWritingActions() const { return m_writingActions; }
    /// Reports `message` once and without blocking: in the status bar until another message replaces it, and in a
    /// window-modal box when there is a display (not offscreen). For start-up notices such as a file that could
    /// not be imported into a read-only store.
    void showNotice(const QString &message);

    /// Hides everything but the reader (and shows it again).
    void setDistractionFree(bool on);
    bool isDistractionFree() const { return m_distractionFree; }

    ReaderView *readerView() const { return m_reader; }
    OriginalView *originalView() const { return m_original; }
    ArticleSession *session() const { return m_session; }
    LibraryPanel *libraryPanel() const { return m_library; }
    AnnotationPanel *annotationPanel() const { return m_annotations; }
    EmptyState *emptyState() const { return m_empty; }
    HelpOverlay *helpOverlay() const { return m_help; }
    Settings *settings() const { return m_settings; }
    AnnotationActions *annotationActions() const { return m_annotationActions; }
    ViewActions *viewActions() const { return m_viewActions; }
    AnnotationController *annotationController() const { return m_annotationController; }
    LibraryController *libraryController() const { return m_libraryController; }
    ThemeController *themeController() const { return m_theme; }
    QAction *claimAction() const;
    QAction *entityAction(const QString &type) const;
    QAction *deleteAction() const;
    QAction *undoAction() const;
    QAction *redoAction() const;
    QAction *remoteContentAction() const { return m_remoteAction; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildLayout();
    void createMenus();
    void connectSignals();
    void showError(const QString &message);
    void applyReadOnly();
    void applyDefaultSplitterSizes();
    void saveReadingPosition(qint64 articleId, double fraction);
    QString idleHint() const;
    void showArticleView(bool article);
    void applyTheme(const QString &theme);
    void openHelp();
    void openPreferences();
    void exportDialog();
    void toggleRemoteContent(bool allowed);
    void applyLabelSchema();
    void updateHelp();
    void showMention(qint64 articleId, const QString &annotationId);

    Core::Database &m_database;
    Settings *m_settings = nullptr;
    OfflineProfile *m_profile = nullptr;
    ArticleSession *m_session = nullptr;
    LibraryPanel *m_library = nullptr;
    QStackedWidget *m_readerStack = nullptr;
    EmptyState *m_empty = nullptr;
    ReaderView *m_reader = nullptr;
    OriginalView *m_original = nullptr;
    AnnotationPanel *m_annotations = nullptr;
    QSplitter *m_splitter = nullptr;
    HelpOverlay *m_help = nullptr;
    QLabel *m_readingTime = nullptr;
    QLabel *m_readOnlyBadge = nullptr;
    QList<QAction *> m_writingActions;
    QString m_notice; ///< showNotice()'s message, kept in the status bar until the first selection
    QHash<qint64, double> m_sessionPositions; ///< reading positions kept in memory on a read-only store
    bool m_readOnly = false;
    bool m_splitterSized = false; ///< restored from the settings, or given its default sizes at the first show
    bool m_positionErrorShown = false; ///< a failed position save is shown in a box once, then only in the status bar
    ThemeController *m_theme = nullptr;
    AnnotationActions *m_annotationActions = nullptr;
    ViewActions *m_viewActions = nullptr;
    AnnotationController *m_annotationController = nullptr;
    LibraryController *m_libraryController = nullptr;
    QAction *m_remoteAction = nullptr;
    QAction *m_entitiesAction = nullptr;
    EntityRegistry *m_registry = nullptr;
    QDockWidget *m_registryDock = nullptr;
    Core::LabelSchema m_schema;
    QString m_pendingMention; ///< an annotation to show once the article being opened is painted
    bool m_registryBeforeDistractionFree = false;
    QByteArray m_splitterBeforeDistractionFree;
    bool m_distractionFree = false;
};

} // namespace Gloss::Ui

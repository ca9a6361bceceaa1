#pragma once

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace Gloss::Core {
class Database;
struct AnnotationSelection;
} // namespace Gloss::Core

namespace Gloss::Ui {

/// File > Export: the same choices as `gloss-cli export` (format; the open article, or the library narrowed by
/// collection, tag and full-text query; annotation kinds, labels and creator), a preview of the first lines, and
/// the export itself off the GUI thread (its own store connection) with a progress bar and Cancel. The work is
/// core's exportToPath(); this dialog only collects the choices.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    /// `currentArticleId` 0 means no article is open (scope is the library).
    ExportDialog(Core::Database &database, qint64 currentArticleId, QWidget *parent = nullptr);
    ~ExportDialog() override;

    /// Runs the export synchronously with the dialog's current choices (tests, scripting). Returns a message
    /// for the user; `ok` says whether it succeeded.
    QString runExport(bool *ok);
    /// The first `lines` lines the export would write (the first matching article only), or why there are none.
    QString preview(int lines = 30);

    void setFormat(const QString &format);
    void setOutputPath(const QString &path);

private:
    Core::AnnotationSelection selection() const;
    bool anyKind() const;
    void chooseOutput();
    void startExport();
    void updatePreview();

    Core::Database &m_database;
    qint64 m_articleId = 0;
    QComboBox *m_format = nullptr;
    QRadioButton *m_currentOnly = nullptr;
    QLineEdit *m_collection = nullptr;
    QLineEdit *m_tag = nullptr;
    QLineEdit *m_query = nullptr;
    QList<QCheckBox *> m_kinds;
    QLineEdit *m_labels = nullptr;
    QLineEdit *m_creator = nullptr;
    QLineEdit *m_output = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    bool m_running = false;
};

} // namespace Gloss::Ui

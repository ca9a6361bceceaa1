#pragma once

#include "ui/batchimporter.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace Gloss::Ui {

/// Progress of a batch import: a progress bar, Cancel, and at the end a summary with every failure and its
/// reason. The work is BatchImporter's (off the GUI thread); the dialog only shows it.
class BatchImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchImportDialog)
public:
    BatchImportDialog(BatchImporter *importer, QWidget *parent = nullptr);

    QProgressBar *progressBar() const { return m_progress; }
    /// The summary shown at the end ("3 imported, 1 failed: ...").
    QString summary() const;
    bool isDone() const { return m_done; }

private:
    void showResult(const QList<BatchImportItem> &items, bool cancelled);

    BatchImporter *m_importer;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_failures = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_done = false;
};

} // namespace Gloss::Ui

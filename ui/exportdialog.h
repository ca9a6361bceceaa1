#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace Gloss::Core {
class Database;
}

namespace Gloss::Ui {

/// File > Export: the format, the scope (the open article or the whole library) and the output path; runs
/// core's exportAnnotations() and reports what was written.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    /// `currentArticleId` 0 means no article is open (scope is the library).
    ExportDialog(Core::Database &database, qint64 currentArticleId, QWidget *parent = nullptr);

    /// Runs the export with the dialog's current choices. Returns a message for the user, or an error.
    QString runExport(bool *ok);

    void setFormat(const QString &format);
    void setOutputPath(const QString &path);

private:
    void chooseOutput();

    Core::Database &m_database;
    qint64 m_articleId = 0;
    QComboBox *m_format = nullptr;
    QRadioButton *m_currentOnly = nullptr;
    QLineEdit *m_output = nullptr;
};

} // namespace Gloss::Ui

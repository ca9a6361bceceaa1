#include "exportdialog.h"

#include "core/export/exporterregistry.h"
#include "core/storage/annotationexport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>

namespace Gloss::Ui {

ExportDialog::ExportDialog(Core::Database &database, qint64 currentArticleId, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_articleId(currentArticleId)
    , m_format(new QComboBox(this))
    , m_currentOnly(new QRadioButton(tr("The open article"), this))
    , m_output(new QLineEdit(this))
{
    setWindowTitle(tr("Export Annotations"));
    const Core::ExporterRegistry registry;
    for (const QString &name : registry.formats())
        m_format->addItem(QStringLiteral("%1 — %2").arg(name, registry.description(name)), name);
    m_format->setAccessibleName(tr("Format"));

    auto *all = new QRadioButton(tr("The whole library"), this);
    m_currentOnly->setEnabled(currentArticleId != 0);
    (currentArticleId ? m_currentOnly : all)->setChecked(true);
    auto *scope = new QHBoxLayout;
    scope->addWidget(m_currentOnly);
    scope->addWidget(all);

    m_output->setText(QDir::home().filePath(QStringLiteral("gloss-annotations.jsonld")));
    m_output->setAccessibleName(tr("Output path"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseOutput);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output);
    outputRow->addWidget(browse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *run = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    run->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        bool ok = false;
        const QString message = runExport(&ok);
        if (ok) {
            QMessageBox::information(this, windowTitle(), message);
            accept();
        } else {
            QMessageBox::warning(this, windowTitle(), message);
        }
    });

    auto *form = new QFormLayout(this);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Annotations of:"), scope);
    form->addRow(tr("Save to:"), outputRow);
    form->addRow(buttons);
}

void ExportDialog::setFormat(const QString &format)
{
    m_format->setCurrentIndex(m_format->findData(format));
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_output->setText(path);
}

void ExportDialog::chooseOutput()
{
    const Core::ExporterRegistry registry;
    auto exporter = registry.create(m_format->currentData().toString());
    const QString path = exporter && (*exporter)->writesDirectory()
                             ? QFileDialog::getExistingDirectory(this, tr("Export to folder"), m_output->text())
                             : QFileDialog::getSaveFileName(this, tr("Export to file"), m_output->text());
    if (!path.isEmpty())
        m_output->setText(path);
}

QString ExportDialog::runExport(bool *ok)
{
    *ok = false;
    const Core::ExporterRegistry registry;
    auto exporter = registry.create(m_format->currentData().toString());
    if (!exporter)
        return exporter.error().message;
    Core::AnnotationSelection selection;
    if (m_currentOnly->isChecked() && m_articleId)
        selection.articleIds = {m_articleId};
    const QString path = m_output->text().trimmed();
    if (path.isEmpty())
        return tr("Choose where to save the export.");

    Core::ExportTarget target;
    QSaveFile file(path);
    if ((*exporter)->writesDirectory()) {
        if (!QDir().mkpath(path))
            return tr("Cannot create the folder %1.").arg(path);
        target.directory = path;
    } else {
        if (!file.open(QIODevice::WriteOnly))
            return tr("Cannot write %1: %2").arg(path, file.errorString());
        target.device = &file;
    }
    auto report = Core::exportAnnotations(m_database, selection, **exporter, target);
    if (!report) {
        file.cancelWriting();
        return report.error().message;
    }
    if (target.device && !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    *ok = true;
    return tr("Exported %1 annotations from %2 articles to %3.").arg(report->written).arg(report->articles).arg(path);
}

} // namespace Gloss::Ui

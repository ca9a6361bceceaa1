#include "batchimportdialog.h"

#include "ui/plural.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gloss::Ui {

BatchImportDialog::BatchImportDialog(BatchImporter *importer, QWidget *parent)
    : QDialog(parent)
    , m_importer(importer)
    , m_status(new QLabel(tr("Importing…"), this))
    , m_progress(new QProgressBar(this))
    , m_failures(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Batch import"));
    setAccessibleName(tr("Batch import"));
    auto *layout = new QVBoxLayout(this);
    m_status->setAccessibleName(tr("Import status"));
    m_progress->setAccessibleName(tr("Import progress"));
    m_failures->setAccessibleName(tr("Failures"));
    m_failures->setReadOnly(true);
    m_failures->setVisible(false);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_failures);
    layout->addWidget(m_buttons);
    resize(520, 160);
    connect(importer, &BatchImporter::progressChanged, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        if (!m_done)
            m_status->setText(tr("Imported %1 of %2…").arg(done).arg(total));
    });
    connect(importer, &BatchImporter::finished, this, &BatchImportDialog::showResult);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_done) {
            reject();
            return;
        }
        m_status->setText(tr("Cancelling after the current article…"));
        m_importer->cancel();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
}

void BatchImportDialog::showResult(const QList<BatchImportItem> &items, bool cancelled)
{
    m_done = true;
    int ok = 0;
    QStringList failures;
    for (const BatchImportItem &i : items) {
        if (i.ok())
            ++ok;
        else
            failures << QStringLiteral("%1\n    %2").arg(i.source, i.error);
    }
    QString text = countText(ok, tr("%n article imported"), tr("%n articles imported"));
    if (!failures.isEmpty())
        text += tr(", %n failed", nullptr, int(failures.size()));
    if (cancelled)
        text += tr(" (cancelled)");
    m_status->setText(text + QLatin1Char('.'));
    m_failures->setPlainText(failures.join(QLatin1Char('\n')));
    m_failures->setVisible(!failures.isEmpty());
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    connect(m_buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::accept);
    if (!failures.isEmpty())
        resize(width(), 320);
}

QString BatchImportDialog::summary() const
{
    QString s = m_status->text();
    if (!m_failures->toPlainText().isEmpty())
        s += QLatin1Char('\n') + m_failures->toPlainText();
    return s;
}

} // namespace Gloss::Ui

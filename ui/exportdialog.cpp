#include "exportdialog.h"

#include "core/export/exporterregistry.h"
#include "core/storage/annotationexport.h"
#include "core/storage/database.h"
#include "ui/plural.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QtConcurrent>

namespace Gloss::Ui {

namespace {
QStringList words(const QLineEdit *edit)
{
    QStringList list;
    for (const QString &w : edit->text().split(u',', Qt::SkipEmptyParts))
        if (!w.trimmed().isEmpty())
            list << w.trimmed();
    return list;
}

QString exportedText(qsizetype annotations, qsizetype articles, const QString &path)
{
    return ExportDialog::tr("Exported %1 from %2 to %3.")
        .arg(countText(annotations, ExportDialog::tr("%n annotation"), ExportDialog::tr("%n annotations")),
            countText(articles, ExportDialog::tr("%n article"), ExportDialog::tr("%n articles")), path);
}
} // namespace

ExportDialog::ExportDialog(Core::Database &database, qint64 currentArticleId, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_articleId(currentArticleId)
    , m_format(new QComboBox(this))
    , m_currentOnly(new QRadioButton(tr("The open article"), this))
    , m_collection(new QLineEdit(this))
    , m_tag(new QLineEdit(this))
    , m_query(new QLineEdit(this))
    , m_labels(new QLineEdit(this))
    , m_creator(new QLineEdit(this))
    , m_output(new QLineEdit(this))
    , m_preview(new QPlainTextEdit(this))
    , m_progress(new QProgressBar(this))
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    setWindowTitle(tr("Export Annotations"));
    const Core::ExporterRegistry registry;
    for (const QString &name : registry.formats())
        m_format->addItem(QStringLiteral("%1 — %2").arg(name, registry.description(name)), name);
    m_format->setAccessibleName(tr("Format"));

    auto *all = new QRadioButton(tr("The library"), this);
    m_currentOnly->setEnabled(currentArticleId != 0);
    (currentArticleId ? m_currentOnly : all)->setChecked(true);
    auto *scope = new QHBoxLayout;
    scope->addWidget(m_currentOnly);
    scope->addWidget(all);
    m_collection->setPlaceholderText(tr("any collection"));
    m_collection->setAccessibleName(tr("Collection"));
    m_tag->setPlaceholderText(tr("any tag"));
    m_tag->setAccessibleName(tr("Tag"));
    m_query->setPlaceholderText(tr("full-text search, e.g. NATO Belgrade"));
    m_query->setAccessibleName(tr("Search query"));
    for (QWidget *w : {static_cast<QWidget *>(m_collection), static_cast<QWidget *>(m_tag), static_cast<QWidget *>(m_query)})
        w->setEnabled(!currentArticleId);
    connect(all, &QRadioButton::toggled, this, [this](bool library) {
        m_collection->setEnabled(library);
        m_tag->setEnabled(library);
        m_query->setEnabled(library);
    });

    auto *kinds = new QHBoxLayout;
    for (const QString &kind : {QStringLiteral("claim"), QStringLiteral("entity"), QStringLiteral("highlight"), QStringLiteral("note")}) {
        auto *box = new QCheckBox(kind, this);
        box->setChecked(true);
        box->setAccessibleName(tr("Export %1 annotations").arg(kind));
        kinds->addWidget(box);
        m_kinds << box;
    }
    m_labels->setPlaceholderText(tr("all labels (or e.g. PERSON, ORG)"));
    m_labels->setAccessibleName(tr("Labels"));
    m_creator->setPlaceholderText(tr("every annotator"));
    m_creator->setAccessibleName(tr("Creator"));

    m_output->setText(QDir::home().filePath(QStringLiteral("gloss-annotations.jsonld")));
    m_output->setAccessibleName(tr("Output path"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseOutput);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output);
    outputRow->addWidget(browse);

    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setMinimumHeight(160);
    m_preview->setAccessibleName(tr("Preview of the first lines"));
    auto *refresh = new QPushButton(tr("Preview"), this);
    connect(refresh, &QPushButton::clicked, this, &ExportDialog::updatePreview);
    m_progress->setVisible(false);
    m_progress->setAccessibleName(tr("Export progress"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run = buttons->addButton(tr("Export"), QDialogButtonBox::ActionRole);
    m_run->setDefault(true);
    m_cancel = buttons->addButton(tr("Cancel Export"), QDialogButtonBox::ActionRole);
    m_cancel->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (!m_running)
            reject();
    });
    connect(m_run, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_cancelled->store(true); });

    auto *form = new QFormLayout(this);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Annotations of:"), scope);
    form->addRow(tr("Collection:"), m_collection);
    form->addRow(tr("Tag:"), m_tag);
    form->addRow(tr("Search:"), m_query);
    form->addRow(tr("Kinds:"), kinds);
    form->addRow(tr("Labels:"), m_labels);
    form->addRow(tr("Creator:"), m_creator);
    form->addRow(tr("Save to:"), outputRow);
    form->addRow(refresh, m_preview);
    form->addRow(m_progress);
    form->addRow(buttons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
}

ExportDialog::~ExportDialog()
{
    m_cancelled->store(true);
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
    auto exporter = Core::ExporterRegistry().create(m_format->currentData().toString());
    const QString path = exporter && (*exporter)->writesDirectory()
                             ? QFileDialog::getExistingDirectory(this, tr("Export to folder"), m_output->text())
                             : QFileDialog::getSaveFileName(this, tr("Export to file"), m_output->text());
    if (!path.isEmpty())
        m_output->setText(path);
}

Core::AnnotationSelection ExportDialog::selection() const
{
    Core::AnnotationSelection s;
    if (m_currentOnly->isChecked() && m_articleId) {
        s.articleIds = {m_articleId};
    } else {
        s.filter.collection = m_collection->text().trimmed();
        s.filter.tag = m_tag->text().trimmed();
        s.query = m_query->text().trimmed();
    }
    for (QCheckBox *box : m_kinds)
        if (box->isChecked())
            s.kinds << *Core::annotationKindFromString(box->text());
    if (s.kinds.size() == m_kinds.size())
        s.kinds.clear();
    s.labels = words(m_labels);
    if (!m_creator->text().trimmed().isEmpty())
        s.creators = {m_creator->text().trimmed()};
    return s;
}

bool ExportDialog::anyKind() const
{
    return std::any_of(m_kinds.cbegin(), m_kinds.cend(), [](const QCheckBox *box) { return box->isChecked(); });
}

QString ExportDialog::preview(int lines)
{
    if (!anyKind())
        return tr("Tick at least one kind of annotation.");
    auto exporter = Core::ExporterRegistry().create(m_format->currentData().toString());
    if (!exporter)
        return exporter.error().message;
    if ((*exporter)->writesDirectory())
        return tr("This format writes a folder (one .txt and one .ann file per article); no preview.");
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Core::AnnotationSelection first = selection();
    first.articleLimit = 1;
    auto report = Core::exportAnnotations(m_database, first, **exporter, Core::ExportTarget{&buffer, {}});
    if (!report)
        return report.error().message;
    if (report->written == 0)
        return tr("Nothing to export with these choices.");
    const QList<QByteArray> all = buffer.data().split('\n');
    return QString::fromUtf8(all.mid(0, lines).join('\n'));
}

void ExportDialog::updatePreview()
{
    m_preview->setPlainText(preview());
}

QString ExportDialog::runExport(bool *ok)
{
    const QString path = m_output->text().trimmed();
    *ok = false;
    if (!anyKind())
        return tr("Tick at least one kind of annotation.");
    if (path.isEmpty())
        return tr("Choose where to save the export.");
    auto report = Core::exportToPath(m_database, selection(), m_format->currentData().toString(), {}, path);
    *ok = bool(report);
    if (!report)
        return report.error().message;
    return exportedText(report->written, report->articles, path);
}

void ExportDialog::startExport()
{
    const QString path = m_output->text().trimmed();
    if (path.isEmpty() || !anyKind()) {
        QMessageBox::warning(this, windowTitle(),
                             path.isEmpty() ? tr("Choose where to save the export.") : tr("Tick at least one kind of annotation."));
        return;
    }
    m_running = true;
    m_cancelled->store(false);
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);

    // The worker opens its own connection: QtSql connections belong to the thread that made them.
    const QString dbPath = m_database.path();
    const Core::AnnotationSelection chosen = selection();
    const QString format = m_format->currentData().toString();
    const auto cancelled = m_cancelled;
    QPointer<QProgressBar> bar = m_progress;
    auto *watcher = new QFutureWatcher<Core::Result<Core::ExportReport>>(this);
    connect(watcher, &QFutureWatcher<Core::Result<Core::ExportReport>>::finished, this, [this, watcher, path] {
        const auto report = watcher->result();
        watcher->deleteLater();
        m_running = false;
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        m_progress->setVisible(false);
        if (!report) {
            QMessageBox::warning(this, windowTitle(), report.error().message);
            return;
        }
        QString message = exportedText(report->written, report->articles, path);
        if (report->skipped)
            message += QLatin1Char('\n') + tr("%1 could not be written in this format:").arg(report->skipped)
                       + QLatin1Char('\n') + report->messages.mid(0, 10).join(QLatin1Char('\n'));
        QMessageBox::information(this, windowTitle(), message);
        accept();
    });
    watcher->setFuture(QtConcurrent::run([dbPath, chosen, format, path, cancelled, bar]() -> Core::Result<Core::ExportReport> {
        auto db = Core::Database::open(dbPath);
        if (!db)
            return std::unexpected(db.error());
        return Core::exportToPath(**db, chosen, format, {}, path, [cancelled, bar](qsizetype done, qsizetype total) {
            QMetaObject::invokeMethod(
                qApp, [bar, done, total] {
                    if (bar) {
                        bar->setRange(0, int(total));
                        bar->setValue(int(done));
                    }
                },
                Qt::QueuedConnection);
            return !cancelled->load();
        });
    }));
}

} // namespace Gloss::Ui

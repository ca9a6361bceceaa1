#include "preferencesdialog.h"

#include "ui/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gloss::Ui {

PreferencesDialog::PreferencesDialog(Settings *settings, const QStringList &schemas, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_annotator(new QLineEdit(this))
    , m_schema(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_family(new QComboBox(this))
    , m_size(new QSpinBox(this))
    , m_measure(new QDoubleSpinBox(this))
    , m_lineHeight(new QDoubleSpinBox(this))
    , m_remote(new QCheckBox(tr("Allow remote content in original pages by default"), this))
    , m_database(new QLineEdit(this))
{
    setWindowTitle(tr("Preferences"));
    setAccessibleName(tr("Preferences"));
    auto *form = new QFormLayout;
    auto add = [this, form](const QString &label, QWidget *field, const QString &accessible) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        field->setAccessibleName(accessible);
        form->addRow(l, field);
    };
    m_annotator->setPlaceholderText(tr("Your name, stored as each annotation's creator"));
    add(tr("&Annotator name:"), m_annotator, tr("Annotator name"));
    m_schema->addItems(schemas.isEmpty() ? QStringList { QStringLiteral("default") } : schemas);
    m_schema->setEditable(true);
    add(tr("Default label &schema:"), m_schema, tr("Default label schema"));
    m_theme->addItem(tr("Follow system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Sepia"), QStringLiteral("sepia"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    add(tr("&Theme:"), m_theme, tr("Theme"));
    m_family->addItem(tr("Serif"), QStringLiteral("serif"));
    m_family->addItem(tr("Sans-serif"), QStringLiteral("sans"));
    add(tr("&Font:"), m_family, tr("Font family"));
    m_size->setRange(12, 32);
    m_size->setSuffix(tr(" px"));
    add(tr("Font si&ze:"), m_size, tr("Font size"));
    m_measure->setRange(24, 60);
    m_measure->setSingleStep(2);
    m_measure->setDecimals(0);
    m_measure->setSuffix(tr(" em"));
    add(tr("&Line width:"), m_measure, tr("Line width"));
    m_lineHeight->setRange(1.2, 2.2);
    m_lineHeight->setSingleStep(0.1);
    m_lineHeight->setDecimals(1);
    add(tr("Line &height:"), m_lineHeight, tr("Line height"));
    m_remote->setAccessibleName(tr("Allow remote content by default"));
    form->addRow(QString(), m_remote);
    auto *dbRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Choose the database file"));
    m_database->setPlaceholderText(tr("Default location"));
    dbRow->addWidget(m_database);
    dbRow->addWidget(browse);
    auto *dbLabel = new QLabel(tr("&Database:"), this);
    dbLabel->setBuddy(m_database);
    m_database->setAccessibleName(tr("Database location"));
    m_database->setToolTip(tr("Takes effect the next time Gloss starts."));
    form->addRow(dbLabel, dbRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Database file"), m_database->text(),
            tr("Gloss database (*.sqlite);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_database->setText(path);
    });
    load();
}

void PreferencesDialog::load()
{
    m_annotator->setText(m_settings->annotatorName());
    m_schema->setCurrentText(m_settings->defaultLabelSchema());
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_settings->theme())));
    const Typography t = m_settings->typography();
    m_family->setCurrentIndex(std::max(0, m_family->findData(t.family)));
    m_size->setValue(t.fontSize);
    m_measure->setValue(t.measure);
    m_lineHeight->setValue(t.lineHeight);
    m_remote->setChecked(m_settings->remoteContentDefault());
    m_database->setText(m_settings->databasePath());
}

void PreferencesDialog::apply()
{
    m_settings->setAnnotatorName(m_annotator->text());
    m_settings->setDefaultLabelSchema(m_schema->currentText());
    m_settings->setTheme(m_theme->currentData().toString());
    Typography t;
    t.family = m_family->currentData().toString();
    t.fontSize = m_size->value();
    t.measure = m_measure->value();
    t.lineHeight = m_lineHeight->value();
    m_settings->setTypography(t);
    m_settings->setRemoteContentDefault(m_remote->isChecked());
    m_settings->setDatabasePath(m_database->text().trimmed());
}

} // namespace Gloss::Ui

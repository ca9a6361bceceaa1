#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace Gloss::Ui {

class Settings;

/// Edit > Preferences: annotator name, default label schema, typography, theme, the default for remote
/// content in originals, and the database location (used from the next start). Writes to Settings on OK.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)
public:
    /// `schemas`: the label schemas to offer (the default one first).
    PreferencesDialog(Settings *settings, const QStringList &schemas, QWidget *parent = nullptr);

    /// Writes the form to Settings (what OK does).
    void apply();

    QLineEdit *annotatorField() const { return m_annotator; }
    QComboBox *themeField() const { return m_theme; }
    QSpinBox *fontSizeField() const { return m_size; }

private:
    void load();

    Settings *m_settings;
    QLineEdit *m_annotator = nullptr;
    QComboBox *m_schema = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_family = nullptr;
    QSpinBox *m_size = nullptr;
    QDoubleSpinBox *m_measure = nullptr;
    QDoubleSpinBox *m_lineHeight = nullptr;
    QCheckBox *m_remote = nullptr;
    QLineEdit *m_database = nullptr;
};

} // namespace Gloss::Ui

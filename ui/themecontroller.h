#pragma once

#include <QObject>
#include <QPalette>

namespace Gloss::Ui {

class Settings;

/// Turns the theme preference into the theme in effect ("light", "sepia" or "dark"): "system" follows the
/// desktop palette's window lightness (Qt 6.4 has no QStyleHints::colorScheme) and changes with it. A dark
/// theme also gives the widgets a dark Fusion palette so that the chrome matches the page.
class ThemeController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThemeController)
public:
    explicit ThemeController(Settings *settings, QObject *parent = nullptr);

    /// "light", "sepia" or "dark".
    QString effectiveTheme() const { return m_effective; }
    /// The dark palette used for the widgets in the dark theme (text on window at least 7:1).
    static QPalette darkPalette();

Q_SIGNALS:
    void effectiveThemeChanged(const QString &theme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();

    Settings *m_settings;
    QPalette m_systemPalette;
    QString m_effective;
    bool m_applyingPalette = false;
    bool m_darkApplied = false;
};

} // namespace Gloss::Ui

#include "themecontroller.h"

#include "contraststyle.h"
#include "settings.h"

#include <QApplication>
#include <QEvent>

namespace Gloss::Ui {

ThemeController::ThemeController(Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_systemPalette(QApplication::palette())
{
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key == u"reader/theme")
            update();
    });
    qApp->installEventFilter(this);
    update();
}

QPalette ThemeController::darkPalette()
{
    QPalette p;
    const QColor window(0x25, 0x26, 0x29), base(0x1c, 0x1d, 0x1f), text(0xe6, 0xe3, 0xdc), mid(0x3a, 0x3b, 0x3e);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x31, 0x35));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa9, 0xa5, 0x9c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2e, 0x2f, 0x33));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x46, 0x4a));
    p.setColor(QPalette::Midlight, mid);
    p.setColor(QPalette::Mid, mid);
    p.setColor(QPalette::Dark, QColor(0x15, 0x15, 0x17));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb8, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x7e, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x7e, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x7e, 0x78));
    return p;
}

bool ThemeController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange && !m_applyingPalette) {
        // The desktop changed its palette (e.g. switched to dark): remember it and follow when on "system".
        m_systemPalette = QApplication::palette();
        update();
    }
    return QObject::eventFilter(watched, event);
}

void ThemeController::update()
{
    QString theme = m_settings->theme();
    if (theme == u"system")
        theme = m_systemPalette.color(QPalette::Window).lightness() < 128 ? QStringLiteral("dark")
                                                                          : QStringLiteral("light");
    // Only an explicit dark choice repaints the widgets; "system" keeps the desktop's own palette.
    const bool dark = m_settings->theme() == u"dark";
    if (dark != m_darkApplied) {
        m_applyingPalette = true;
        if (dark)
            ContrastStyle::install(); // before the palette: a new style would reset it
        QApplication::setPalette(dark ? darkPalette() : m_systemPalette);
        m_applyingPalette = false;
        m_darkApplied = dark;
    }
    if (theme == m_effective)
        return;
    m_effective = theme;
    Q_EMIT effectiveThemeChanged(theme);
}

} // namespace Gloss::Ui

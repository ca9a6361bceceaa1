#pragma once

#include <QHash>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace Gloss::Ui {

class Settings;

/// The View menu's actions: theme (system, light, sepia, dark), typography steps (font size, line width,
/// line height, serif/sans), distraction-free mode (F11), the shortcut overlay (F1 or ?), and moving the focus
/// between panes (Ctrl+1..4, Ctrl+F for the library search). Theme and typography write to Settings; the
/// rest are plain actions that MainWindow connects.
class ViewActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewActions)
public:
    ViewActions(Settings *settings, QWidget *owner);

    QAction *theme(const QString &name) const { return m_themes.value(name); }
    QAction *distractionFree() const { return m_distractionFree; }
    QAction *help() const { return m_help; }
    QAction *fontLarger() const { return m_fontLarger; }
    QAction *fontSmaller() const { return m_fontSmaller; }
    QAction *wider() const { return m_wider; }
    QAction *narrower() const { return m_narrower; }
    QAction *lineHeight() const { return m_lineHeight; }
    QAction *sansSerif() const { return m_sans; }
    QAction *focusLibrary() const { return m_focusLibrary; }
    QAction *focusReader() const { return m_focusReader; }
    QAction *focusOriginal() const { return m_focusOriginal; }
    QAction *focusAnnotations() const { return m_focusAnnotations; }
    QAction *search() const { return m_search; }
    QAction *syncScroll() const { return m_syncScroll; }

    void populate(QMenu *menu) const;
    QList<QAction *> all() const;

private:
    QAction *make(const QString &text, const QKeySequence &key);
    void syncFromSettings();

    Settings *m_settings;
    QWidget *m_owner;
    QActionGroup *m_themeGroup = nullptr;
    QHash<QString, QAction *> m_themes;
    QAction *m_distractionFree = nullptr;
    QAction *m_help = nullptr;
    QAction *m_fontLarger = nullptr;
    QAction *m_fontSmaller = nullptr;
    QAction *m_wider = nullptr;
    QAction *m_narrower = nullptr;
    QAction *m_lineHeight = nullptr;
    QAction *m_sans = nullptr;
    QAction *m_focusLibrary = nullptr;
    QAction *m_focusReader = nullptr;
    QAction *m_focusOriginal = nullptr;
    QAction *m_focusAnnotations = nullptr;
    QAction *m_search = nullptr;
    QAction *m_syncScroll = nullptr;
};

} // namespace Gloss::Ui

#include "viewactions.h"

#include "settings.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QWidget>

namespace Gloss::Ui {

ViewActions::ViewActions(Settings *settings, QWidget *owner)
    : QObject(owner)
    , m_settings(settings)
    , m_owner(owner)
    , m_themeGroup(new QActionGroup(this))
{
    const QHash<QString, QString> names { { QStringLiteral("system"), tr("Follow &System") },
        { QStringLiteral("light"), tr("&Light") }, { QStringLiteral("sepia"), tr("&Sepia") },
        { QStringLiteral("dark"), tr("&Dark") } };
    for (const QString &theme : Settings::themes()) {
        QAction *a = make(names.value(theme), {});
        a->setCheckable(true);
        a->setData(theme);
        m_themeGroup->addAction(a);
        m_themes.insert(theme, a);
        connect(a, &QAction::triggered, this, [this, theme] { m_settings->setTheme(theme); });
    }
    m_themes.value(QStringLiteral("dark"))->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_themes.value(QStringLiteral("light"))->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));

    auto step = [this](auto change) {
        Typography t = m_settings->typography();
        change(t);
        m_settings->setTypography(t);
    };
    m_fontLarger = make(tr("&Larger Text"), QKeySequence::ZoomIn);
    connect(m_fontLarger, &QAction::triggered, this, [step] { step([](Typography &t) { t.fontSize += 1; }); });
    m_fontSmaller = make(tr("&Smaller Text"), QKeySequence::ZoomOut);
    connect(m_fontSmaller, &QAction::triggered, this, [step] { step([](Typography &t) { t.fontSize -= 1; }); });
    m_wider = make(tr("&Wider Lines"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
    connect(m_wider, &QAction::triggered, this, [step] { step([](Typography &t) { t.measure += 2; }); });
    m_narrower = make(tr("&Narrower Lines"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    connect(m_narrower, &QAction::triggered, this, [step] { step([](Typography &t) { t.measure -= 2; }); });
    m_lineHeight = make(tr("Cycle Line &Height"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(m_lineHeight, &QAction::triggered, this,
        [step] { step([](Typography &t) { t.lineHeight = t.lineHeight >= 1.95 ? 1.4 : t.lineHeight + 0.2; }); });
    m_sans = make(tr("Sans-serif &Font"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_sans->setCheckable(true);
    connect(m_sans, &QAction::triggered, this, [step](bool on) {
        step([on](Typography &t) { t.family = on ? QStringLiteral("sans") : QStringLiteral("serif"); });
    });

    m_distractionFree = make(tr("&Distraction-free Reading"), QKeySequence(Qt::Key_F11));
    m_distractionFree->setCheckable(true);
    m_syncScroll = make(tr("S&ynchronise Scrolling"), {});
    m_syncScroll->setCheckable(true);
    m_help = make(tr("&Keyboard Shortcuts"), QKeySequence(Qt::Key_F1));
    m_help->setShortcuts({ QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question) });
    m_focusLibrary = make(tr("Go to &Library"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_focusReader = make(tr("Go to &Reader"), QKeySequence(Qt::CTRL | Qt::Key_2));
    m_focusOriginal = make(tr("Go to &Original"), QKeySequence(Qt::CTRL | Qt::Key_3));
    m_focusAnnotations = make(tr("Go to &Annotations"), QKeySequence(Qt::CTRL | Qt::Key_4));
    m_search = make(tr("&Search Library"), QKeySequence::Find);

    syncFromSettings();
    connect(m_settings, &Settings::changed, this, &ViewActions::syncFromSettings);
}

QAction *ViewActions::make(const QString &text, const QKeySequence &key)
{
    auto *a = new QAction(text, m_owner);
    if (!key.isEmpty())
        a->setShortcut(key);
    m_owner->addAction(a);
    return a;
}

void ViewActions::syncFromSettings()
{
    if (QAction *a = m_themes.value(m_settings->theme()))
        a->setChecked(true);
    m_sans->setChecked(m_settings->typography().family == u"sans");
}

void ViewActions::populate(QMenu *menu) const
{
    QMenu *themes = menu->addMenu(tr("&Theme"));
    for (const QString &theme : Settings::themes())
        themes->addAction(m_themes.value(theme));
    QMenu *text = menu->addMenu(tr("&Typography"));
    text->addActions({ m_fontLarger, m_fontSmaller, m_wider, m_narrower, m_lineHeight, m_sans });
    menu->addAction(m_distractionFree);
    menu->addAction(m_syncScroll);
    menu->addSeparator();
    menu->addActions({ m_focusLibrary, m_focusReader, m_focusOriginal, m_focusAnnotations, m_search });
}

QList<QAction *> ViewActions::all() const
{
    return { m_themes.value(QStringLiteral("light")), m_themes.value(QStringLiteral("dark")), m_fontLarger,
        m_fontSmaller, m_wider, m_narrower, m_lineHeight, m_sans, m_distractionFree, m_focusLibrary, m_focusReader,
        m_focusOriginal, m_focusAnnotations, m_search, m_help };
}

} // namespace Gloss::Ui

#include "webshortcutguard.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWebEngineView>

namespace Gloss::Ui {

WebShortcutGuard::WebShortcutGuard(QObject *parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
}

bool WebShortcutGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (!key->matches(QKeySequence::Undo) && !key->matches(QKeySequence::Redo) && key->key() != Qt::Key_Delete
        && !(key->key() == Qt::Key_Z && key->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier)))
        return false;
    for (QObject *o = watched; o; o = o->parent()) {
        if (qobject_cast<QWebEngineView *>(o)) {
            event->ignore();
            return true; // not overridden: the shortcut map delivers it to the window's action
        }
    }
    return false;
}

} // namespace Gloss::Ui

#include "annotationactions.h"

#include "core/annotation/labelschema.h"

#include <QAction>
#include <QMenu>
#include <QUndoStack>
#include <QWidget>

namespace Gloss::Ui {

QList<EntityTypeKey> AnnotationActions::entityTypeKeys(const Core::LabelSchema &schema)
{
    bool schemaHasDigits = false;
    for (const Core::LabelSchema::EntityType &t : schema.entityTypes)
        schemaHasDigits |= t.shortcut.size() == 1 && t.shortcut.at(0).isDigit();
    QList<EntityTypeKey> keys;
    for (const Core::LabelSchema::EntityType &t : schema.entityTypes) {
        EntityTypeKey k { t.name, QChar(), QChar(), t.label == t.name ? QString() : t.label };
        if (t.shortcut.size() == 1) {
            const QChar c = t.shortcut.at(0);
            if (c.isDigit())
                k.digit = c;
            else if (c.isLetter())
                k.letter = c.toUpper();
        }
        if (!schemaHasDigits && keys.size() < 9)
            k.digit = QChar(char16_t(u'1' + keys.size()));
        keys << k;
    }
    return keys;
}

QList<EntityTypeKey> AnnotationActions::defaultEntityTypes()
{
    auto schema = Core::LabelSchema::builtIn(QStringLiteral("gloss-default"));
    return schema ? entityTypeKeys(*schema) : QList<EntityTypeKey> {};
}

AnnotationActions::AnnotationActions(QUndoStack *undoStack, const QList<EntityTypeKey> &entityTypes, QWidget *owner)
    : QObject(owner)
    , m_owner(owner)
{
    m_claim = make(tr("Mark &Claim"), { QKeySequence(Qt::Key_C) }, tr("Marks the selected text as a claim."));
    m_entityMenu = new QMenu(tr("Tag &Entity"), owner);
    m_entityMenu->setAccessibleName(tr("Tag entity"));
    setEntityTypes(entityTypes);
    m_note = make(tr("Add &Note"), { QKeySequence(Qt::Key_N) },
        tr("Adds a note: to the selected text as a new note, or else to the current annotation."));
    m_next = make(tr("&Next Annotation"), { QKeySequence(Qt::Key_J), QKeySequence(Qt::ALT | Qt::Key_Down) },
        tr("Moves to the next annotation in the text."));
    m_previous = make(tr("&Previous Annotation"), { QKeySequence(Qt::Key_K), QKeySequence(Qt::ALT | Qt::Key_Up) },
        tr("Moves to the previous annotation in the text."));
    m_reattach = make(tr("&Re-attach to Selection"), { QKeySequence(Qt::Key_R) },
        tr("Anchors the current (orphaned) annotation on the selected text."));
    m_tagAll = make(tr("Tag &All Occurrences"), { QKeySequence(Qt::Key_A) },
        tr("Tags every other whole-word occurrence of the current entity mention's words with its type and entity."));
    m_remove = make(tr("&Delete Annotation"), { QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace) },
        tr("Deletes the current annotation."));
    m_undo = undoStack->createUndoAction(owner, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = undoStack->createRedoAction(owner, tr("&Redo"));
    m_redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    owner->addAction(m_undo);
    owner->addAction(m_redo);
    setSelectionAvailable(false);
}

void AnnotationActions::setEntityTypes(const QList<EntityTypeKey> &entityTypes)
{
    for (QAction *a : std::as_const(m_entityList)) {
        m_owner->removeAction(a);
        a->deleteLater();
    }
    m_entityList.clear();
    m_entities.clear();
    m_entityMenu->clear();
    m_entityTypes = entityTypes;
    for (const EntityTypeKey &t : entityTypes) {
        QList<QKeySequence> keys;
        if (!t.digit.isNull())
            keys << QKeySequence(QStringLiteral("E, %1").arg(t.digit));
        if (!t.letter.isNull())
            keys << QKeySequence(QStringLiteral("E, %1").arg(t.letter));
        // The type name stays in the text (menus, the help overlay and tests find it there); the label explains it.
        const QString text = t.label.isEmpty() ? t.type : QStringLiteral("%1 — %2").arg(t.type, t.label);
        QAction *a = make(text, keys, tr("Tags the selected text as an entity of type %1.").arg(t.type));
        a->setData(t.type);
        a->setEnabled(m_selectionAvailable && !m_readOnly);
        connect(a, &QAction::triggered, this, [this, type = t.type] { Q_EMIT entityRequested(type); });
        m_entities.insert(t.type, a);
        m_entityList << a;
        m_entityMenu->addAction(a);
    }
    Q_EMIT entityTypesChanged();
}

QAction *AnnotationActions::make(const QString &text, const QList<QKeySequence> &keys, const QString &whatsThis)
{
    auto *a = new QAction(text, m_owner);
    a->setShortcuts(keys);
    a->setWhatsThis(whatsThis);
    a->setStatusTip(whatsThis);
    // Single-letter shortcuts must not fire while a text field has focus: QLineEdit/QPlainTextEdit accept
    // the ShortcutOverride for printable keys, so typing wins there.
    a->setShortcutContext(Qt::WindowShortcut);
    m_owner->addAction(a);
    return a;
}

void AnnotationActions::setSelectionAvailable(bool available)
{
    m_selectionAvailable = available;
    const bool enabled = available && !m_readOnly;
    m_claim->setEnabled(enabled);
    for (QAction *a : std::as_const(m_entityList))
        a->setEnabled(enabled);
}

void AnnotationActions::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QAction *a : { m_note, m_reattach, m_tagAll, m_remove })
        a->setEnabled(!readOnly);
    m_entityMenu->setEnabled(!readOnly);
    setSelectionAvailable(m_selectionAvailable);
}

void AnnotationActions::populate(QMenu *menu) const
{
    menu->addAction(m_claim);
    menu->addMenu(m_entityMenu);
    menu->addAction(m_note);
    menu->addSeparator();
    menu->addAction(m_next);
    menu->addAction(m_previous);
    menu->addSeparator();
    menu->addAction(m_reattach);
    menu->addAction(m_tagAll);
    menu->addAction(m_remove);
}

QList<QAction *> AnnotationActions::all() const
{
    return QList<QAction *> { m_claim } + m_entityList
        + QList<QAction *> { m_note, m_next, m_previous, m_reattach, m_tagAll, m_remove, m_undo, m_redo };
}

} // namespace Gloss::Ui

#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace Gloss::Core {
struct LabelSchema;
}

class QAction;
class QMenu;
class QUndoStack;
class QWidget;

namespace Gloss::Ui {

/// One entity type offered for tagging, with its keys: "E, digit" and "E, letter" (either may be null).
struct EntityTypeKey
{
    QString type; ///< "PERSON"
    QChar digit; ///< '1'
    QChar letter; ///< 'P' (upper case)
    QString label; ///< "Person"; empty means `type`

    bool operator==(const EntityTypeKey &) const = default;
};

/// The annotation actions and their keyboard shortcuts (brat/INCEpTION-style single keys): C claim,
/// E then a digit or letter per entity type, N note, J/K next/previous annotation, R re-attach an orphan to
/// the selection, Delete, Ctrl+Z / Ctrl+Shift+Z. Only actions: AnnotationController decides what they do.
/// The actions are added to `owner` so that their shortcuts work with the menu bar hidden.
class AnnotationActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationActions)
public:
    /// The keys of a label schema's entity types: each type's "shortcut" (a letter, stored upper case, or a
    /// digit). When no type of the schema has a digit shortcut, the first nine types also get the digits 1-9 in
    /// schema order, so that "E, digit" works with every schema; a schema that assigns digits itself (OntoNotes)
    /// keeps exactly its own keys.
    static QList<EntityTypeKey> entityTypeKeys(const Core::LabelSchema &schema);
    /// entityTypeKeys() of the built-in "gloss-default" schema (1/P PERSON, 2/O ORG, 3/G GPE, 4/L LOC, 5/N NORP,
    /// 6/E EVENT, 7/M MISC).
    static QList<EntityTypeKey> defaultEntityTypes();

    AnnotationActions(QUndoStack *undoStack, const QList<EntityTypeKey> &entityTypes, QWidget *owner);

    /// Replaces the entity actions (and the Tag Entity menu) by one per type of `entityTypes`; entityTypesChanged
    /// follows. The actions of the previous set are deleted.
    void setEntityTypes(const QList<EntityTypeKey> &entityTypes);
    const QList<EntityTypeKey> &entityTypes() const { return m_entityTypes; }

    QAction *claim() const { return m_claim; }
    QAction *entity(const QString &type) const { return m_entities.value(type); }
    QList<QAction *> entities() const { return m_entityList; }
    QAction *note() const { return m_note; }
    QAction *next() const { return m_next; }
    QAction *previous() const { return m_previous; }
    QAction *reattach() const { return m_reattach; }
    QAction *remove() const { return m_remove; }
    QAction *tagAll() const { return m_tagAll; }
    QAction *undo() const { return m_undo; }
    QAction *redo() const { return m_redo; }
    QMenu *entityMenu() const { return m_entityMenu; }

    /// Enables the actions that need a selection (never while read-only).
    void setSelectionAvailable(bool available);
    /// On a read-only store every action that writes (claim, entities, note, re-attach, tag all, delete) stays
    /// disabled whatever the selection; next/previous stay usable.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    /// Fills the Annotate menu.
    void populate(QMenu *menu) const;
    /// Every action with a shortcut, for the help overlay.
    QList<QAction *> all() const;

Q_SIGNALS:
    /// An entity action fired: tag the selection as `type`.
    void entityRequested(const QString &type);
    /// setEntityTypes() replaced the entity actions (the help overlay re-lists them).
    void entityTypesChanged();

private:
    QAction *make(const QString &text, const QList<QKeySequence> &keys, const QString &whatsThis);

    QWidget *m_owner;
    QAction *m_claim = nullptr;
    QAction *m_note = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_reattach = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_tagAll = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QMenu *m_entityMenu = nullptr;
    QHash<QString, QAction *> m_entities;
    QList<QAction *> m_entityList;
    QList<EntityTypeKey> m_entityTypes;
    bool m_selectionAvailable = false;
    bool m_readOnly = false;
};

} // namespace Gloss::Ui

#pragma once

#include "core/result.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTreeWidget;

namespace Gloss::Core {
class EntityListModel;
}

namespace Gloss::Ui {

class ArticleSession;

/// The entity registry (View > Entities…): every entity of the store with its type, KB id and how many
/// mentions it has in how many articles, filtered by a text box (name, aliases, type, KB id) and sortable by
/// any column. For the current entity it lists the mentions across articles (activating one asks to show it:
/// mentionActivated) and edits its name, type and KB id; with two or more entities selected, Merge folds them
/// into the one picked as survivor (mergedEntity() rules). Edits and merges are core commands run through
/// ArticleSession::execute(): one transaction each, one step on the session's undo stack.
///
/// Keyboard: Tab goes filter → entities → mentions → name → type → KB id → Save → survivor → Merge.
class EntityRegistry final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityRegistry)
public:
    /// `session` (not owned) provides the store and the undo stack.
    explicit EntityRegistry(ArticleSession *session, QWidget *parent = nullptr);

    /// Re-reads the registry from the store, keeping the selection where the entities still exist.
    void refresh();
    /// The entity types offered in the Type field and their human-readable labels (from the label schema).
    void setEntityTypes(const QStringList &types, const QHash<QString, QString> &labels);

    /// Ids of the selected entities, in the view's order.
    QStringList selectedIds() const;
    /// The id of the current entity (the one the mentions and the form show), or empty.
    QString currentId() const;
    /// Selects these entities (the first becomes current); unknown ids are skipped.
    void selectEntities(const QStringList &ids);

    /// Saves the form (name, type, KB id) to the current entity (UpdateEntityCommand). Errors: no current
    /// entity, an invalid value (empty name, a KB id that is not a Wikidata QID), storage.
    Core::Result<void> saveCurrent();
    /// Merges the selected entities into the survivor chosen in the Keep field (makeMergeEntitiesCommand).
    /// Errors: fewer than two entities selected, storage.
    Core::Result<void> mergeSelected();

    /// On a read-only store the registry only lists and shows: the form is read-only, Save and Merge disabled.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    Core::EntityListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterField() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QTreeWidget *mentionsView() const { return m_mentions; }
    QLineEdit *nameField() const { return m_name; }
    QComboBox *typeField() const { return m_type; }
    QLineEdit *kbIdField() const { return m_kbId; }
    QPushButton *saveButton() const { return m_save; }
    QComboBox *survivorField() const { return m_survivor; }
    QPushButton *mergeButton() const { return m_merge; }

Q_SIGNALS:
    /// The user activated a mention: open article `articleId` and show annotation `annotationId`.
    void mentionActivated(qint64 articleId, const QString &annotationId);
    void errorOccurred(const QString &message);
    void message(const QString &text, int timeoutMs);

private:
    void showCurrent();
    void updateMergeControls();
    void updateSummary();

    ArticleSession *m_session;
    Core::EntityListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_mentionsTitle = nullptr;
    QTreeWidget *m_mentions = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_kbId = nullptr;
    QPushButton *m_save = nullptr;
    QComboBox *m_survivor = nullptr;
    QPushButton *m_merge = nullptr;
    QStringList m_types;
    QHash<QString, QString> m_typeLabels;
    bool m_readOnly = false;
};

} // namespace Gloss::Ui

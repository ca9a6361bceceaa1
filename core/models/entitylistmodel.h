#pragma once

#include "core/storage/entityrepository.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Gloss::Core {

/// The entity registry as a table: one row per entity, columns Name, Type, KB id, Mentions (entity
/// annotations linked to it, across all articles) and Articles (how many articles those are in). Rows are in
/// the order given (sort through a QSortFilterProxyModel with SortRole; filter with SearchRole).
///
/// setEntities() updates with fine-grained signals: rows whose entity is gone are removed, changed rows emit
/// dataChanged, new entities are appended; there is no reset.
class EntityListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityListModel)
public:
    enum Column { NameColumn, TypeColumn, KbIdColumn, MentionsColumn, ArticlesColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the entity's UUID (QString), every column
        SortRole, ///< a value that sorts right: case-folded text, or the count as qint64
        SearchRole, ///< name, aliases, type, type label and KB id in one string, for filtering
    };

    explicit EntityListModel(QObject *parent = nullptr);

    /// Replaces the rows with `entities` (EntityRepository::all()), with the fine-grained signals above.
    void setEntities(const QList<EntityUsage> &entities);
    /// Human-readable names of entity types ("PERSON" -> "Person", from the label schema): shown as the Type
    /// column's tooltip and matched by SearchRole.
    void setTypeLabels(const QHash<QString, QString> &labels);

    const QList<EntityUsage> &entities() const { return m_rows; }
    /// The row of entity `id`, or -1.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<EntityUsage> m_rows;
    QHash<QString, QString> m_typeLabels;
};

} // namespace Gloss::Core

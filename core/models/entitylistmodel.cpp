#include "entitylistmodel.h"

#include <QSet>

namespace Gloss::Core {

EntityListModel::EntityListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EntityListModel::setEntities(const QList<EntityUsage> &entities)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < entities.size(); ++i)
        incoming.insert(entities.at(i).entity.id, i);
    // Remove the rows of entities that are gone, from the bottom up so that row numbers stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows.at(row).entity.id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    QSet<QString> present;
    for (int row = 0; row < m_rows.size(); ++row) {
        const EntityUsage &now = entities.at(incoming.value(m_rows.at(row).entity.id));
        present.insert(now.entity.id);
        if (m_rows.at(row) == now)
            continue;
        m_rows[row] = now;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    QList<EntityUsage> added;
    for (const EntityUsage &e : entities)
        if (!present.contains(e.entity.id))
            added.append(e);
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows.append(added);
        endInsertRows();
    }
}

void EntityListModel::setTypeLabels(const QHash<QString, QString> &labels)
{
    m_typeLabels = labels;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int EntityListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).entity.id == id)
            return row;
    return -1;
}

int EntityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntityListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EntityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EntityUsage &u = m_rows.at(index.row());
    const Entity &e = u.entity;
    switch (role) {
    case IdRole:
        return e.id;
    case SearchRole:
        return QStringList { e.names().join(QLatin1Char(' ')), e.type, m_typeLabels.value(e.type), e.kbId }.join(
            QLatin1Char(' '));
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return role == SortRole ? QVariant(e.name.toCaseFolded()) : QVariant(e.name);
        case TypeColumn:
            return e.type;
        case KbIdColumn:
            return e.kbId;
        case MentionsColumn:
            return role == Qt::DisplayRole ? QVariant(QString::number(u.mentions)) : QVariant(u.mentions);
        case ArticlesColumn:
            return role == Qt::DisplayRole ? QVariant(QString::number(u.articles)) : QVariant(u.articles);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && !e.aliases.isEmpty())
            return tr("Also known as: %1").arg(e.aliases.join(QStringLiteral(", ")));
        if (index.column() == TypeColumn)
            return m_typeLabels.value(e.type, e.type);
        if (index.column() == KbIdColumn && !e.kbId.isEmpty())
            return e.kbUrl();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MentionsColumn || index.column() == ArticlesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant EntityListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case KbIdColumn:
        return tr("KB id");
    case MentionsColumn:
        return tr("Mentions");
    case ArticlesColumn:
        return tr("Articles");
    default:
        return {};
    }
}

} // namespace Gloss::Core

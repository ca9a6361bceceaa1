#include "annotationlistmodel.h"

namespace Gloss::Core {

AnnotationListModel::AnnotationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void AnnotationListModel::setAnnotations(const QList<Annotation> &annotations)
{
    // Remove rows that are gone, then insert the new ones, so views keep their selection and scroll position.
    for (int row = int(m_annotations.size()) - 1; row >= 0; --row) {
        const QString &id = m_annotations.at(row).id;
        const bool kept = std::any_of(annotations.cbegin(), annotations.cend(),
                                      [&id](const Annotation &a) { return a.id == id; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_annotations.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < annotations.size(); ++row) {
        const Annotation &a = annotations.at(row);
        if (row < m_annotations.size() && m_annotations.at(row).id == a.id) {
            if (!(m_annotations.at(row) == a)) {
                m_annotations[row] = a;
                Q_EMIT dataChanged(index(row), index(row));
            }
            continue;
        }
        const int existing = rowOf(a.id);
        if (existing >= 0) {
            beginMoveRows({}, existing, existing, {}, row);
            m_annotations.move(existing, row);
            endMoveRows();
            m_annotations[row] = a;
            Q_EMIT dataChanged(index(row), index(row));
            continue;
        }
        beginInsertRows({}, row, row);
        m_annotations.insert(row, a);
        endInsertRows();
    }
}

int AnnotationListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_annotations.size(); ++i)
        if (m_annotations.at(i).id == id)
            return i;
    return -1;
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_annotations.size());
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Annotation &a = m_annotations.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString tag = a.kind == AnnotationKind::Entity ? a.label : toString(a.kind).toUpper();
        QString quote = a.quote.exact.simplified();
        if (quote.size() > 90)
            quote = quote.left(88) + QStringLiteral("…");
        QString line = QStringLiteral("%1  %2").arg(tag, quote);
        if (a.status == AnchorStatus::Orphaned)
            line += QStringLiteral("  (orphaned)");
        return line;
    }
    case Qt::ToolTipRole: {
        QString tip = a.quote.exact;
        if (!a.kbId.isEmpty())
            tip += QStringLiteral("\nKB: ") + a.kbId;
        if (!a.note.isEmpty())
            tip += QStringLiteral("\nNote: ") + a.note;
        return QString(tip + QStringLiteral("\n%1 · %2").arg(a.creator, a.created.toString(Qt::ISODate)));
    }
    case IdRole:
        return a.id;
    case KindRole:
        return toString(a.kind);
    case LabelRole:
        return a.label;
    case QuoteRole:
        return a.quote.exact;
    case StartRole:
        return qint64(a.position.start);
    case EndRole:
        return qint64(a.position.end);
    case StatusRole:
        return toString(a.status);
    default:
        return {};
    }
}

QHash<int, QByteArray> AnnotationListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(KindRole, "kind");
    names.insert(LabelRole, "label");
    names.insert(QuoteRole, "quote");
    names.insert(StartRole, "start");
    names.insert(EndRole, "end");
    names.insert(StatusRole, "status");
    return names;
}

} // namespace Gloss::Core

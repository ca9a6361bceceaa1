#pragma once

#include "core/annotation/annotation.h"

#include <QAbstractListModel>

namespace Gloss::Core {

/// The annotations of the open article, in text order (orphans last). DisplayRole is "LABEL  quote".
class AnnotationListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationListModel)
public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, LabelRole, QuoteRole, StartRole, EndRole, StatusRole };

    explicit AnnotationListModel(QObject *parent = nullptr);

    /// Replaces the rows (fine-grained: rows that stay keep their indexes' identity when ids match).
    void setAnnotations(const QList<Annotation> &annotations);
    const QList<Annotation> &annotations() const { return m_annotations; }
    /// The row of annotation `id`, or -1.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Annotation> m_annotations;
};

} // namespace Gloss::Core

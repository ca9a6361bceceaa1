#pragma once

#include "core/storage/articlerepository.h"

#include <QAbstractListModel>

namespace Gloss::Core {

/// The library list: one row per stored article (title as DisplayRole; other fields as roles).
class ArticleListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListModel)
public:
    enum Role { IdRole = Qt::UserRole + 1, SiteRole, PublishedRole, AnnotationCountRole, UrlRole };

    explicit ArticleListModel(QObject *parent = nullptr);

    /// Replaces the rows.
    void setArticles(const QList<ArticleSummary> &articles);
    /// The row of article `id`, or -1.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<ArticleSummary> m_articles;
};

} // namespace Gloss::Core

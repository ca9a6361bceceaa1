#include "articlelistmodel.h"

namespace Gloss::Core {

ArticleListModel::ArticleListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ArticleListModel::setArticles(const QList<ArticleSummary> &articles)
{
    beginResetModel();
    m_articles = articles;
    endResetModel();
}

int ArticleListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_articles.size(); ++i)
        if (m_articles.at(i).id == id)
            return i;
    return -1;
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_articles.size());
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArticleSummary &a = m_articles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return a.title.isEmpty() ? a.sourceUrl : a.title;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2\n%3 annotations").arg(a.title, a.sourceUrl).arg(a.annotations);
    case IdRole:
        return a.id;
    case SiteRole:
        return a.siteName;
    case PublishedRole:
        return a.published;
    case AnnotationCountRole:
        return a.annotations;
    case UrlRole:
        return a.sourceUrl;
    default:
        return {};
    }
}

QHash<int, QByteArray> ArticleListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(SiteRole, "site");
    names.insert(PublishedRole, "published");
    names.insert(AnnotationCountRole, "annotations");
    names.insert(UrlRole, "url");
    return names;
}

} // namespace Gloss::Core

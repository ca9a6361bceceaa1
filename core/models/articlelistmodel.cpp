#include "articlelistmodel.h"

#include "core/storage/searchindex.h"

#include <algorithm>

namespace Gloss::Core {

ArticleListModel::ArticleListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ArticleListModel::setArticles(const QList<ArticleSummary> &articles)
{
    beginResetModel();
    m_database = nullptr;
    m_ids.clear();
    m_exposed = 0;
    m_pages.clear();
    m_pageUse.clear();
    m_articles = articles;
    endResetModel();
}

Result<QList<qint64>> ArticleListModel::loadIds(const LibraryFilter &filter, const QString &search) const
{
    if (!m_database)
        return QList<qint64>();
    if (!search.trimmed().isEmpty()) {
        SearchOptions options;
        options.limit = 0;
        options.filter = filter;
        return SearchIndex(*m_database).matchingArticleIds(search, options);
    }
    return ArticleRepository(*m_database).articleIds(filter);
}

Result<void> ArticleListModel::setDatabase(Database *database)
{
    beginResetModel();
    m_articles.clear();
    m_database = database;
    m_exposed = 0;
    auto ids = loadIds(m_filter, m_search);
    m_ids = ids ? *ids : QList<qint64>();
    m_pages.clear();
    m_pageUse.clear();
    m_exposed = int(std::min<qsizetype>(batchSize, m_ids.size()));
    endResetModel();
    if (!ids)
        return std::unexpected(ids.error());
    return {};
}

Result<void> ArticleListModel::setFilter(const LibraryFilter &filter, const QString &search)
{
    auto ids = loadIds(filter, search);
    if (!ids)
        return std::unexpected(ids.error());
    beginResetModel();
    m_filter = filter;
    m_search = search;
    m_ids = *ids;
    m_pages.clear();
    m_pageUse.clear();
    m_exposed = int(std::min<qsizetype>(batchSize, m_ids.size()));
    endResetModel();
    return {};
}

Result<void> ArticleListModel::refresh()
{
    if (!m_database)
        return {};
    auto loaded = loadIds(m_filter, m_search);
    if (!loaded)
        return std::unexpected(loaded.error());
    const QList<qint64> &ids = *loaded;
    m_pages.clear();
    m_pageUse.clear();
    if (ids == m_ids) {
        if (m_exposed > 0)
            Q_EMIT dataChanged(index(0), index(m_exposed - 1));
        return {};
    }
    const qsizetype added = ids.size() - m_ids.size();
    if (added > 0 && std::equal(m_ids.cbegin(), m_ids.cend(), ids.cbegin() + added)) {
        beginInsertRows({}, 0, int(added) - 1);
        m_ids = ids;
        m_exposed += int(added);
        m_pages.clear(); // views may read rows between begin and end: drop what they cached from the old ids
        m_pageUse.clear();
        endInsertRows();
        if (m_exposed > added)
            Q_EMIT dataChanged(index(int(added)), index(m_exposed - 1));
        return {};
    }
    beginResetModel();
    m_ids = ids;
    m_exposed = int(std::min<qsizetype>(std::max(m_exposed, batchSize), m_ids.size()));
    m_pages.clear();
    m_pageUse.clear();
    endResetModel();
    return {};
}

void ArticleListModel::articleChanged(qint64 id)
{
    if (!m_database) {
        return;
    }
    const int row = int(m_ids.indexOf(id));
    if (row < 0)
        return;
    const int page = row / batchSize;
    m_pages.remove(page);
    m_pageUse.removeAll(page);
    if (row < m_exposed)
        Q_EMIT dataChanged(index(row), index(row));
}

qsizetype ArticleListModel::totalCount() const
{
    return m_database ? m_ids.size() : m_articles.size();
}

int ArticleListModel::rowOf(qint64 id) const
{
    if (m_database) {
        const int row = int(m_ids.indexOf(id));
        return row < m_exposed ? row : -1;
    }
    for (int i = 0; i < m_articles.size(); ++i)
        if (m_articles.at(i).id == id)
            return i;
    return -1;
}

int ArticleListModel::revealArticle(qint64 id)
{
    if (!m_database)
        return rowOf(id);
    const int row = int(m_ids.indexOf(id));
    if (row < 0)
        return -1;
    if (row >= m_exposed) {
        const int last = int(std::min<qsizetype>((row / batchSize + 1) * qsizetype(batchSize), m_ids.size()));
        beginInsertRows({}, m_exposed, last - 1);
        m_exposed = last;
        endInsertRows();
    }
    return row;
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_database ? m_exposed : int(m_articles.size());
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_database && m_exposed < m_ids.size();
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int last = int(std::min<qsizetype>(qsizetype(m_exposed) + batchSize, m_ids.size()));
    beginInsertRows({}, m_exposed, last - 1);
    m_exposed = last;
    endInsertRows();
}

const ArticleSummary *ArticleListModel::summaryAt(int row) const
{
    if (!m_database)
        return &m_articles.at(row);
    const int page = row / batchSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        const QList<qint64> ids = m_ids.mid(qsizetype(page) * batchSize, batchSize);
        auto rows = ArticleRepository(*m_database).summaries(ids);
        if (!rows) {
            Q_EMIT loadFailed(rows.error().message);
            return nullptr;
        }
        // A row deleted since the ids were read is missing from `rows`: keep positions aligned with ids.
        QList<ArticleSummary> aligned;
        aligned.reserve(ids.size());
        qsizetype next = 0;
        for (qint64 id : ids) {
            if (next < rows->size() && rows->at(next).id == id) {
                aligned.append(rows->at(next++));
            } else {
                ArticleSummary gone;
                gone.id = id;
                aligned.append(gone);
            }
        }
        if (m_pages.size() >= maxCachedPages && !m_pageUse.isEmpty())
            m_pages.remove(m_pageUse.takeFirst());
        it = m_pages.insert(page, aligned);
    }
    m_pageUse.removeAll(page);
    m_pageUse.append(page);
    const int offset = row - page * batchSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole && m_database)
        return m_ids.at(index.row()); // no page read for ids
    const ArticleSummary *a = summaryAt(index.row());
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return a->title.isEmpty() ? a->sourceUrl : a->title;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2\n%3 annotations").arg(a->title, a->sourceUrl).arg(a->annotations);
    case IdRole:
        return a->id;
    case SiteRole:
        return a->siteName;
    case PublishedRole:
        return a->published;
    case AnnotationCountRole:
        return a->annotations;
    case UrlRole:
        return a->sourceUrl;
    case VersionCountRole:
        return a->versions;
    case ReadingStateRole:
        return a->readingState;
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
    names.insert(VersionCountRole, "versions");
    names.insert(ReadingStateRole, "readingState");
    return names;
}

} // namespace Gloss::Core

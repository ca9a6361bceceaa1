#include "librarypanel.h"

#include "core/models/articlelistmodel.h"
#include "libraryitemdelegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalBlocker>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace Gloss::Ui {

namespace {
/// Keeps the articles the store's full-text search found (title, text, annotation quotes, notes, entity
/// names), and those whose title, site or URL contain every search word (so that a word still being typed
/// narrows the list at once).
class LibraryFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWords(const QString &text, QSet<qint64> fullTextHits)
    {
        m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        m_hits = std::move(fullTextHits);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (!m_words.isEmpty() && m_hits.contains(i.data(Core::ArticleListModel::IdRole).toLongLong()))
            return true;
        const QString hay = i.data(Qt::DisplayRole).toString() + QLatin1Char(' ')
            + i.data(Core::ArticleListModel::SiteRole).toString() + QLatin1Char(' ')
            + i.data(Core::ArticleListModel::UrlRole).toString();
        for (const QString &w : m_words)
            if (!hay.contains(w, Qt::CaseInsensitive))
                return false;
        return true;
    }

private:
    QStringList m_words;
    QSet<qint64> m_hits;
};
} // namespace

LibraryPanel::LibraryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new Core::ArticleListModel(this))
    , m_proxy(new LibraryFilter(this))
    , m_search(new QLineEdit(this))
    , m_view(new QListView(this))
{
    setAccessibleName(tr("Library panel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *title = new QLabel(tr("Library"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    m_search->setPlaceholderText(tr("Search articles (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search articles"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setWordWrap(true);
    m_view->setUniformItemSizes(false);
    m_view->setAccessibleName(tr("Library"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setItemDelegate(
        new LibraryItemDelegate([this](qint64 id) { return m_readingState ? m_readingState(id) : QString(); }, this));
    setTabOrder(m_search, m_view);
    connect(m_search, &QLineEdit::textChanged, this,
        [this](const QString &text) {
            const bool search = m_fullTextSearch && !text.trimmed().isEmpty();
            static_cast<LibraryFilter *>(m_proxy)->setWords(text, search ? m_fullTextSearch(text) : QSet<qint64>());
        });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0) {
            m_view->setFocus();
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT articleRequested(current.data(Core::ArticleListModel::IdRole).toLongLong());
    });
}

void LibraryPanel::setArticles(const QList<Core::ArticleSummary> &articles)
{
    const QSignalBlocker blocker(m_view->selectionModel());
    const qint64 current = m_view->currentIndex().data(Core::ArticleListModel::IdRole).toLongLong();
    m_model->setArticles(articles);
    if (current)
        setCurrentArticle(current);
}

void LibraryPanel::setFullTextSearch(FullTextSearch search)
{
    m_fullTextSearch = std::move(search);
}

void LibraryPanel::setReadingState(ReadingState state)
{
    m_readingState = std::move(state);
    m_view->viewport()->update();
}

void LibraryPanel::setCurrentArticle(qint64 id)
{
    const QSignalBlocker blocker(m_view->selectionModel());
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row)));
}

int LibraryPanel::count() const
{
    return m_proxy->rowCount();
}

} // namespace Gloss::Ui

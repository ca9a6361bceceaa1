#include "librarypanel.h"

#include "core/models/articlelistmodel.h"

#include <QLabel>
#include <QListView>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace Gloss::Ui {

LibraryPanel::LibraryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new Core::ArticleListModel(this))
    , m_view(new QListView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *title = new QLabel(tr("Library"), this);
    title->setStyleSheet(QStringLiteral("font-weight: bold"));
    layout->addWidget(title);
    layout->addWidget(m_view);
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setUniformItemSizes(false);
    m_view->setAccessibleName(tr("Library"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
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

void LibraryPanel::setCurrentArticle(qint64 id)
{
    const QSignalBlocker blocker(m_view->selectionModel());
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

int LibraryPanel::count() const
{
    return m_model->rowCount();
}

} // namespace Gloss::Ui

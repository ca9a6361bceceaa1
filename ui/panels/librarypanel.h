#pragma once

#include "core/storage/articlerepository.h"

#include <QWidget>

class QListView;

namespace Gloss::Core {
class ArticleListModel;
}

namespace Gloss::Ui {

/// The library list: every stored article; activating one asks to open it.
class LibraryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPanel)
public:
    explicit LibraryPanel(QWidget *parent = nullptr);

    void setArticles(const QList<Core::ArticleSummary> &articles);
    /// Marks article `id` as the current row (without emitting articleRequested).
    void setCurrentArticle(qint64 id);
    int count() const;

Q_SIGNALS:
    void articleRequested(qint64 id);

private:
    Core::ArticleListModel *m_model = nullptr;
    QListView *m_view = nullptr;
};

} // namespace Gloss::Ui

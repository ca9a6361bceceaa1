#pragma once

#include <QStyledItemDelegate>
#include <functional>

namespace Gloss::Ui {

/// Paints a library row: the title (bold, up to two lines) over a muted line "site · date · N annotations ·
/// reading state", from Core::ArticleListModel's roles.
class LibraryItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryItemDelegate)
public:
    explicit LibraryItemDelegate(std::function<QString(qint64)> readingState, QObject *parent = nullptr);

    /// The second line for a row.
    QString detailText(const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    std::function<QString(qint64)> m_readingState;
};

} // namespace Gloss::Ui

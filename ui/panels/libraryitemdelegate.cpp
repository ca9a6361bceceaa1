#include "libraryitemdelegate.h"

#include "core/models/articlelistmodel.h"
#include "ui/plural.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QTextLayout>

namespace Gloss::Ui {

namespace {
/// Lays `text` out in at most `maxLines` lines of `width`, eliding the last one; returns the lines' texts.
QStringList wrapLines(const QString &text, const QFont &font, int width, int maxLines)
{
    QStringList lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    while (lines.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1 && line.textStart() + line.textLength() < text.size())
            lines << QFontMetrics(font).elidedText(text.mid(line.textStart()), Qt::ElideRight, width);
        else
            lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

/// Each part isolated (U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE), so that an Arabic
/// site name does not reorder the date and counts around it.
QString isolate(const QString &s)
{
    return QChar(0x2068) + s + QChar(0x2069);
}
} // namespace

LibraryItemDelegate::LibraryItemDelegate(std::function<QString(qint64)> readingState, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_readingState(std::move(readingState))
{ }

QString LibraryItemDelegate::detailText(const QModelIndex &index) const
{
    QStringList parts;
    const QString site = index.data(Core::ArticleListModel::SiteRole).toString();
    if (!site.isEmpty())
        parts << site;
    const QDateTime published
        = QDateTime::fromString(index.data(Core::ArticleListModel::PublishedRole).toString(), Qt::ISODate);
    if (published.isValid())
        parts << published.toUTC().date().toString(QStringLiteral("d MMM yyyy"));
    const int annotations = index.data(Core::ArticleListModel::AnnotationCountRole).toInt();
    parts << countText(annotations, tr("%n annotation"), tr("%n annotations"));
    if (m_readingState) {
        const QString state = m_readingState(index.data(Core::ArticleListModel::IdRole).toLongLong());
        if (!state.isEmpty())
            parts << state;
    }
    for (QString &p : parts)
        p = isolate(p);
    return parts.join(QStringLiteral(" · "));
}

void LibraryItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect r = opt.rect.adjusted(6, 4, -6, -4);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    painter->save();
    QFont titleFont = opt.font;
    titleFont.setBold(true);
    painter->setFont(titleFont);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QFontMetrics tfm(titleFont);
    const QStringList lines = wrapLines(title, titleFont, r.width(), 2);
    int y = r.top();
    for (const QString &line : lines) {
        painter->drawText(QRect(r.left(), y, r.width(), tfm.lineSpacing()), Qt::AlignLeft | Qt::AlignTop, line);
        y += tfm.lineSpacing();
    }
    QFont small = opt.font;
    small.setPointSizeF(std::max(7.0, opt.font.pointSizeF() * 0.88));
    painter->setFont(small);
    QColor muted = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    if (!selected)
        muted = opt.palette.color(group, QPalette::PlaceholderText);
    painter->setPen(muted);
    y += 2;
    const QFontMetrics sfm(small);
    painter->drawText(QRect(r.left(), y, r.width(), sfm.lineSpacing()), Qt::AlignLeft | Qt::AlignTop,
        sfm.elidedText(detailText(index), Qt::ElideRight, r.width()));
    painter->restore();
}

QSize LibraryItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const QFontMetrics tfm(titleFont);
    const int width = std::max(120, (opt.widget ? opt.widget->width() : 240) - 24);
    const int titleHeight = int(wrapLines(opt.text, titleFont, width, 2).size()) * tfm.lineSpacing();
    return { width, titleHeight + QFontMetrics(opt.font).lineSpacing() + 12 };
}

} // namespace Gloss::Ui

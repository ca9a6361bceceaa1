#include "contraststyle.h"

#include <QApplication>
#include <QStyleOption>

namespace Gloss::Ui {

ContrastStyle::ContrastStyle()
    : QProxyStyle(QApplication::style()->name())
{ }

void ContrastStyle::install()
{
    if (!qobject_cast<ContrastStyle *>(QApplication::style()))
        QApplication::setStyle(new ContrastStyle);
}

QPalette ContrastStyle::indicatorPalette(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    if (window.lightness() >= 128)
        return palette;
    // Fusion's indicator outline is Window.darker(140) (lighter(110) when not focused): give it a Window from
    // which that comes out a mid grey, about 60 % of the way from the window to the text colour.
    const QColor text = palette.color(QPalette::WindowText);
    const QColor outline = QColor::fromRgbF(0.4f * window.redF() + 0.6f * text.redF(),
        0.4f * window.greenF() + 0.6f * text.greenF(), 0.4f * window.blueF() + 0.6f * text.blueF());
    QPalette p = palette;
    p.setColor(QPalette::Window, outline.lighter(140));
    return p;
}

void ContrastStyle::drawPrimitive(
    PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    if ((element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton) && option
        && option->palette.color(QPalette::Window).lightness() < 128) {
        // Copy the option as its own type: the base style casts it back.
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option)) {
            QStyleOptionButton copy(*button);
            copy.palette = indicatorPalette(option->palette);
            QProxyStyle::drawPrimitive(element, &copy, painter, widget);
            return;
        }
        if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option)) {
            QStyleOptionViewItem copy(*item);
            copy.palette = indicatorPalette(option->palette);
            QProxyStyle::drawPrimitive(element, &copy, painter, widget);
            return;
        }
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

} // namespace Gloss::Ui

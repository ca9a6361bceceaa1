#pragma once

#include <QProxyStyle>

namespace Gloss::Ui {

/// A proxy over the application's style that keeps check box and radio button indicators visible on a dark
/// palette. Fusion draws an indicator's border in the window colour darkened by 40 %, which on a dark window is
/// all but black on the (also dark) base: the "Orphaned only" box of the annotations panel could not be seen.
/// On a dark palette (window lightness under 128) the indicator is drawn with a border of the text colour
/// toned down against the window; light palettes and other primitives pass through unchanged.
class ContrastStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContrastStyle)
public:
    /// Wraps the application's current style (QProxyStyle takes it over).
    ContrastStyle();

    /// Installs a ContrastStyle over the application's style once (a no-op when one is installed).
    static void install();
    /// The palette an indicator is drawn with: `palette` itself unless it is dark.
    static QPalette indicatorPalette(const QPalette &palette);

    void drawPrimitive(
        PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const override;
};

} // namespace Gloss::Ui

#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QTextBrowser;

namespace Gloss::Ui {

/// The keyboard-shortcut overlay (F1 or ?): a translucent sheet over the window listing every action and
/// its keys, grouped by section, plus the reader's selection keys. Escape, F1 or a click closes it.
class HelpOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpOverlay)
public:
    struct Section
    {
        QString title;
        QList<QAction *> actions;
    };

    explicit HelpOverlay(QWidget *parent);

    void setSections(const QList<Section> &sections);
    /// Shows the overlay over the whole parent and gives it the focus.
    void open();
    /// The listing as plain text (for tests and the accessible description).
    QString text() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace Gloss::Ui

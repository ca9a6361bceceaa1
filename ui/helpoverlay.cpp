#include "helpoverlay.h"

#include <QAction>
#include <QKeyEvent>
#include <QPainter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Gloss::Ui {

HelpOverlay::HelpOverlay(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    setAccessibleName(tr("Keyboard shortcuts"));
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(60, 40, 60, 40);
    m_browser->setAccessibleName(tr("Keyboard shortcuts"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->installEventFilter(this);
    layout->addWidget(m_browser);
    hide();
    parent->installEventFilter(this);
}

void HelpOverlay::setSections(const QList<Section> &sections)
{
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p><table cellspacing='0' cellpadding='3' width='100%'><tr>")
                       .arg(tr("Keyboard shortcuts"),
                           tr("In the reader: Shift+arrows select from the first visible line, Ctrl+Shift+arrows by "
                              "word, Alt+Shift+arrows by sentence; arrows then move the caret; Escape clears. "
                              "Press Escape or F1 to close."));
    int column = 0;
    for (const Section &s : sections) {
        if (column == 2) {
            html += QStringLiteral("</tr><tr>");
            column = 0;
        }
        html += QStringLiteral("<td valign='top' width='50%'><h3>%1</h3><table cellpadding='2'>")
                    .arg(s.title.toHtmlEscaped());
        for (QAction *a : s.actions) {
            if (!a || a->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(keys.join(QStringLiteral(" / ")).toHtmlEscaped(),
                            a->text().remove(QLatin1Char('&')).toHtmlEscaped());
        }
        html += QStringLiteral("</table></td>");
        ++column;
    }
    html += QStringLiteral("</tr></table>");
    m_browser->setHtml(html);
    setAccessibleDescription(text());
}

QString HelpOverlay::text() const
{
    return m_browser->toPlainText();
}

void HelpOverlay::open()
{
    setGeometry(parentWidget()->rect());
    raise();
    show();
    m_browser->setFocus(Qt::ShortcutFocusReason);
}

void HelpOverlay::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QColor shade = palette().color(QPalette::Window);
    shade.setAlpha(235);
    p.fillRect(rect(), shade);
}

void HelpOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1 || event->key() == Qt::Key_Question) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void HelpOverlay::mousePressEvent(QMouseEvent *)
{
    hide();
}

bool HelpOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    if (watched == m_browser && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Escape || key == Qt::Key_F1 || key == Qt::Key_Question) {
            hide();
            return true;
        }
    }
    if (watched == m_browser && event->type() == QEvent::ShortcutOverride) {
        // While the overlay is open, its close keys are not the window's shortcuts.
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Escape || key == Qt::Key_F1 || key == Qt::Key_Question) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Gloss::Ui

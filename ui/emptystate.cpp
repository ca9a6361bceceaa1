#include "emptystate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Gloss::Ui {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_openFile(new QPushButton(tr("Open a &file…"), this))
    , m_openUrl(new QPushButton(tr("Open a &URL…"), this))
    , m_sample(new QPushButton(tr("Try the &sample article"), this))
{
    setAccessibleName(tr("Welcome"));
    setAutoFillBackground(true);
    // The content sits in a scroll area: a narrow or short pane scrolls instead of clipping the help text.
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *layout = new QVBoxLayout(content);
    layout->addStretch(2);
    m_title = new QLabel(tr("Nothing to read yet"), content);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_help = new QLabel(tr("Import a saved page (.html, .mhtml, .txt) or a web address, or drop files onto the "
                           "window. Then select text and press C to mark a claim, E and a digit to tag an entity; "
                           "F1 lists every shortcut."),
        content);
    m_help->setWordWrap(true);
    m_help->setAlignment(Qt::AlignCenter);
    m_help->setMaximumWidth(460);
    // A word-wrapped label gets its height from heightForWidth at the width the layout gives it. Given to a
    // QVBoxLayout with an alignment flag, its height is computed for the column's width but it is placed at its
    // (narrower) size hint, so the wrapped lines overflow and are clipped at top and bottom. Centred by
    // stretches in a row instead, the label's height is computed for the width it actually gets.
    m_help->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    auto *helpRow = new QHBoxLayout;
    helpRow->addStretch(1);
    helpRow->addWidget(m_help, 100);
    helpRow->addStretch(1);
    layout->addWidget(m_title);
    layout->addLayout(helpRow);
    layout->addSpacing(16);
    for (QPushButton *b : { m_openFile, m_openUrl, m_sample }) {
        b->setParent(content);
        b->setMinimumWidth(220);
        layout->addWidget(b, 0, Qt::AlignHCenter);
    }
    m_openFile->setAccessibleName(tr("Open a file"));
    m_openUrl->setAccessibleName(tr("Open a URL"));
    m_sample->setAccessibleName(tr("Try the sample article"));
    m_sample->setDefault(true);
    layout->addStretch(3);
    scroll->setWidget(content);
    // The page behind the scroll area is the pane's own background, not the viewport's base colour.
    scroll->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    setTabOrder(m_openFile, m_openUrl);
    setTabOrder(m_openUrl, m_sample);
    connect(m_openFile, &QPushButton::clicked, this, &EmptyState::openFileRequested);
    connect(m_openUrl, &QPushButton::clicked, this, &EmptyState::openUrlRequested);
    connect(m_sample, &QPushButton::clicked, this, &EmptyState::sampleRequested);
}

} // namespace Gloss::Ui

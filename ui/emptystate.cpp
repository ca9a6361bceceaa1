#include "emptystate.h"

#include <QLabel>
#include <QPushButton>
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
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    auto *title = new QLabel(tr("Nothing to read yet"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("Import a saved page (.html, .mhtml, .txt) or a web address, or drop files onto the "
                               "window. Then select text and press C to mark a claim, E and a digit to tag an entity; "
                               "F1 lists every shortcut."),
        this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(460);
    layout->addWidget(title);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(16);
    for (QPushButton *b : { m_openFile, m_openUrl, m_sample }) {
        b->setMinimumWidth(220);
        layout->addWidget(b, 0, Qt::AlignHCenter);
    }
    m_openFile->setAccessibleName(tr("Open a file"));
    m_openUrl->setAccessibleName(tr("Open a URL"));
    m_sample->setAccessibleName(tr("Try the sample article"));
    m_sample->setDefault(true);
    layout->addStretch(3);
    setTabOrder(m_openFile, m_openUrl);
    setTabOrder(m_openUrl, m_sample);
    connect(m_openFile, &QPushButton::clicked, this, &EmptyState::openFileRequested);
    connect(m_openUrl, &QPushButton::clicked, this, &EmptyState::openUrlRequested);
    connect(m_sample, &QPushButton::clicked, this, &EmptyState::sampleRequested);
}

} // namespace Gloss::Ui

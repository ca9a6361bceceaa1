#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Gloss::Ui {

/// What the reader area shows when no article is open (first run): a short welcome and three buttons,
/// open a file, open a URL, try the sample article.
class EmptyState final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)
public:
    explicit EmptyState(QWidget *parent = nullptr);

    QPushButton *openFileButton() const { return m_openFile; }
    QPushButton *openUrlButton() const { return m_openUrl; }
    QPushButton *sampleButton() const { return m_sample; }
    QLabel *titleLabel() const { return m_title; }
    /// The word-wrapped paragraph under the title: what to import and the first shortcuts.
    QLabel *helpLabel() const { return m_help; }

Q_SIGNALS:
    void openFileRequested();
    void openUrlRequested();
    void sampleRequested();

private:
    QPushButton *m_openFile = nullptr;
    QPushButton *m_openUrl = nullptr;
    QPushButton *m_sample = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_help = nullptr;
};

} // namespace Gloss::Ui

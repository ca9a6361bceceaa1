#pragma once

#include "core/annotation/annotation.h"

#include <QWidget>

class QListView;
class QLabel;

namespace Gloss::Core {
class AnnotationListModel;
}

namespace Gloss::Ui {

/// The annotations of the open article in text order; activating one asks to show it in the reader.
class AnnotationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationPanel)
public:
    explicit AnnotationPanel(QWidget *parent = nullptr);

    void setAnnotations(const QList<Core::Annotation> &annotations);
    /// The id of the selected annotation, or empty.
    QString currentAnnotationId() const;
    void setCurrentAnnotation(const QString &id);
    int count() const;

Q_SIGNALS:
    void annotationActivated(const QString &id);

private:
    Core::AnnotationListModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Gloss::Ui

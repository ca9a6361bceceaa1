#include "annotationpanel.h"

#include "core/models/annotationlistmodel.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace Gloss::Ui {

AnnotationPanel::AnnotationPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new Core::AnnotationListModel(this))
    , m_view(new QListView(this))
    , m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *title = new QLabel(tr("Annotations"), this);
    title->setStyleSheet(QStringLiteral("font-weight: bold"));
    layout->addWidget(title);
    layout->addWidget(m_view);
    layout->addWidget(m_summary);
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setAccessibleName(tr("Annotations"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT annotationActivated(index.data(Core::AnnotationListModel::IdRole).toString());
    });
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT annotationActivated(index.data(Core::AnnotationListModel::IdRole).toString());
    });
}

void AnnotationPanel::setAnnotations(const QList<Core::Annotation> &annotations)
{
    m_model->setAnnotations(annotations);
    int claims = 0, entities = 0;
    for (const Core::Annotation &a : annotations) {
        claims += a.kind == Core::AnnotationKind::Claim;
        entities += a.kind == Core::AnnotationKind::Entity;
    }
    m_summary->setText(tr("%1 claims, %2 entity mentions").arg(claims).arg(entities));
}

QString AnnotationPanel::currentAnnotationId() const
{
    return m_view->currentIndex().data(Core::AnnotationListModel::IdRole).toString();
}

void AnnotationPanel::setCurrentAnnotation(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

int AnnotationPanel::count() const
{
    return m_model->rowCount();
}

} // namespace Gloss::Ui

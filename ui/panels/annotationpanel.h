#pragma once

#include "core/annotation/annotation.h"
#include "ui/panels/annotationfilter.h"
#include "ui/reader/highlightstyle.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace Gloss::Ui {

class AnnotationEditor;

/// The annotations of the open article: filters (kind, label, creator, orphaned, text), the list in text
/// order or grouped by entity (mentions of one entity under one row), and the side form (AnnotationEditor)
/// for the current annotation's note and attributes. Orphans show their quote and can be re-attached.
/// Activating a row asks to show the annotation (annotationActivated).
class AnnotationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationPanel)
public:
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit AnnotationPanel(QWidget *parent = nullptr);

    void setAnnotations(const QList<Core::Annotation> &annotations);
    /// The label schema's colours for entity types without a built-in colour (the swatches).
    void setEntityColors(const EntityColors &colors);
    const QList<Core::Annotation> &annotations() const { return m_all; }
    /// The id of the selected annotation, or empty.
    QString currentAnnotationId() const;
    /// Selects annotation `id` (clearing filters that hide it) and shows it in the form.
    void setCurrentAnnotation(const QString &id);
    /// Number of annotations listed (after filtering).
    int count() const;

    void setFilter(const AnnotationFilter &filter);
    AnnotationFilter filter() const { return m_filter; }
    void setGroupedByEntity(bool grouped);
    bool isGroupedByEntity() const;

    AnnotationEditor *editor() const { return m_editor; }
    /// The editor's read-only mode (AnnotationEditor::setReadOnly()).
    void setReadOnly(bool readOnly);
    /// The filter fields (tests drive them as a user would).
    QComboBox *kindFilterField() const { return m_kind; }
    QComboBox *labelFilterField() const { return m_label; }
    /// Offers "All annotators" and every creator (annotator name) present in the article's annotations.
    QComboBox *creatorFilterField() const { return m_creator; }
    QComboBox *entityFilterField() const { return m_entity; }
    QCheckBox *orphanedOnlyField() const { return m_orphaned; }
    QCheckBox *groupByEntityField() const { return m_grouped; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void annotationActivated(const QString &id);
    void currentAnnotationChanged(const QString &id);
    void saveRequested(const Gloss::Core::Annotation &edited);
    void reattachRequested(const QString &annotationId);

private:
    void rebuild();
    void readFilterWidgets();
    QStandardItem *itemFor(const Core::Annotation &a) const;
    QModelIndex indexOf(const QString &id) const;
    void showCurrent();

    QList<Core::Annotation> m_all;
    EntityColors m_entityColors;
    AnnotationFilter m_filter;
    QComboBox *m_kind = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_creator = nullptr;
    QComboBox *m_entity = nullptr;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_orphaned = nullptr;
    QCheckBox *m_grouped = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    AnnotationEditor *m_editor = nullptr;
    int m_listed = 0;
    bool m_updatingWidgets = false;
};

} // namespace Gloss::Ui

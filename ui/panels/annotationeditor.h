#pragma once

#include "core/annotation/annotation.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Gloss::Ui {

/// The side form of the annotations panel: the current annotation's kind, label, quote and anchoring state,
/// its note and its attributes ("key: value" per line; values parse as JSON when they can, so "true" and
/// "3" stay typed). Save (Ctrl+Return) asks for an update; an orphan offers "Re-attach to selection".
/// The form only edits a copy: the change is applied by the caller through core's UpdateAnnotationCommand.
class AnnotationEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationEditor)
public:
    explicit AnnotationEditor(QWidget *parent = nullptr);

    /// Shows `annotation` (or clears the form for an empty id).
    void setAnnotation(const Core::Annotation &annotation);
    const Core::Annotation &annotation() const { return m_annotation; }
    /// The annotation with the form's note and attributes.
    Core::Annotation edited() const;
    /// On a read-only store the note and attributes show read-only and Save / Re-attach stay disabled.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *reattachButton() const { return m_reattach; }
    /// Puts the keyboard focus in the note field.
    void focusNote();
    QPlainTextEdit *noteEdit() const { return m_note; }
    QPlainTextEdit *attributesEdit() const { return m_attributes; }

    static QString attributesToText(const QJsonObject &attributes);
    static QJsonObject attributesFromText(const QString &text);
    /// The attributes field's placeholder: how to write attributes, worded so it cannot pass for stored data.
    static QString attributesHint();

Q_SIGNALS:
    void saveRequested(const Gloss::Core::Annotation &edited);
    void reattachRequested(const QString &annotationId);

private:
    Core::Annotation m_annotation;
    QLabel *m_heading = nullptr;
    QLabel *m_quote = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QPlainTextEdit *m_attributes = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_reattach = nullptr;
    bool m_readOnly = false;
};

} // namespace Gloss::Ui

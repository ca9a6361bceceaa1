#pragma once

#include "core/annotation/annotation.h"
#include "core/document/article.h"
#include "core/result.h"

#include <QObject>

#include <memory>

class QUndoStack;

namespace Gloss::Core {
class Command;
class Database;
} // namespace Gloss::Core

namespace Gloss::Ui {

/// The open article and its annotations, and the one way the GUI changes them: core commands pushed on a
/// QUndoStack (DESIGN.md, "Mutations"). Every change is written to the store at once, in its own transaction.
/// Offsets are Unicode code points of the current version's reader text.
class ArticleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleSession)
public:
    ArticleSession(Core::Database &database, QString creator, QObject *parent = nullptr);
    ~ArticleSession() override;

    QUndoStack *undoStack() const { return m_undoStack; }
    Core::Database &database() const { return m_database; }

    /// Opens an article: loads it and its annotations. Errors: no such article, storage failure.
    Core::Result<void> open(qint64 articleId);
    bool hasArticle() const { return m_article.id != 0; }
    const Core::Article &article() const { return m_article; }
    const QList<Core::Annotation> &annotations() const { return m_annotations; }

    /// Creates an annotation on [range.start, range.end) code points and stores it (undoable).
    /// Returns the new annotation's id. Errors: no article open, an empty or out-of-range span, storage.
    Core::Result<QString> annotate(Core::TextPositionSelector range, Core::AnnotationKind kind, const QString &label);
    /// Deletes an annotation (undoable). Errors: no such annotation, storage.
    Core::Result<void> remove(const QString &annotationId);

    void setCreator(const QString &creator) { m_creator = creator; }

    /// Runs `command` now and, when it succeeds, puts it on the undo stack. Errors: the command's own.
    Core::Result<void> execute(std::unique_ptr<Core::Command> command);
    /// Re-reads the annotations of the open article from the store and emits annotationsChanged.
    void reloadAnnotations();
    /// Reports an error from a command run by undo/redo.
    void reportError(const QString &message) { Q_EMIT errorOccurred(message); }

Q_SIGNALS:
    void articleOpened(const Gloss::Core::Article &article);
    void annotationsChanged(const QList<Gloss::Core::Annotation> &annotations);
    void errorOccurred(const QString &message);

private:
    Core::Database &m_database;
    QString m_creator;
    QUndoStack *m_undoStack = nullptr;
    Core::Article m_article;
    QList<Core::Annotation> m_annotations;
};

} // namespace Gloss::Ui

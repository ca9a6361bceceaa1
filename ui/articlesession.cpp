#include "articlesession.h"

#include "core/commands/annotationbuilder.h"
#include "core/commands/annotationcommands.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace Gloss::Ui {

namespace {

/// Adapts a core command to QUndoStack. The command has already run once when it is pushed, so the first
/// redo() that QUndoStack::push() makes is skipped.
class UndoAdapter final : public QUndoCommand
{
public:
    UndoAdapter(ArticleSession *session, std::unique_ptr<Core::Command> command)
        : QUndoCommand(command->text())
        , m_session(session)
        , m_command(std::move(command))
    {
    }

    void redo() override
    {
        if (m_firstRedo) {
            m_firstRedo = false;
            return;
        }
        if (auto r = m_command->redo(); !r)
            m_session->reportError(r.error().message);
        m_session->reloadAnnotations();
    }

    void undo() override
    {
        if (auto r = m_command->undo(); !r)
            m_session->reportError(r.error().message);
        m_session->reloadAnnotations();
    }

private:
    ArticleSession *m_session;
    std::unique_ptr<Core::Command> m_command;
    bool m_firstRedo = true;
};

} // namespace

ArticleSession::ArticleSession(Core::Database &database, QString creator, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_creator(std::move(creator))
    , m_undoStack(new QUndoStack(this))
{
}

ArticleSession::~ArticleSession() = default;

Core::Result<void> ArticleSession::open(qint64 articleId)
{
    auto article = Core::ArticleRepository(m_database).article(articleId);
    if (!article)
        return std::unexpected(article.error());
    auto annotations = Core::AnnotationRepository(m_database).forArticle(articleId);
    if (!annotations)
        return std::unexpected(annotations.error());
    m_undoStack->clear();
    m_article = *article;
    m_annotations = *annotations;
    Q_EMIT articleOpened(m_article);
    Q_EMIT annotationsChanged(m_annotations);
    return {};
}

Core::Result<QString> ArticleSession::annotate(Core::TextPositionSelector range, Core::AnnotationKind kind,
                                               const QString &label)
{
    if (!hasArticle())
        return Core::fail(tr("Open an article first."));
    auto annotation = Core::annotationForRange(m_article.current, range, kind, label, m_creator);
    if (!annotation)
        return std::unexpected(annotation.error());
    const QString id = annotation->id;
    if (auto r = execute(std::make_unique<Core::CreateAnnotationCommand>(m_database, *annotation)); !r)
        return std::unexpected(r.error());
    return id;
}

Core::Result<void> ArticleSession::remove(const QString &annotationId)
{
    return execute(std::make_unique<Core::DeleteAnnotationCommand>(m_database, annotationId));
}

Core::Result<void> ArticleSession::execute(std::unique_ptr<Core::Command> command)
{
    if (auto r = command->redo(); !r)
        return r;
    m_undoStack->push(new UndoAdapter(this, std::move(command)));
    reloadAnnotations();
    return {};
}

void ArticleSession::reloadAnnotations()
{
    if (!hasArticle())
        return;
    auto annotations = Core::AnnotationRepository(m_database).forArticle(m_article.id);
    if (!annotations) {
        Q_EMIT errorOccurred(annotations.error().message);
        return;
    }
    m_annotations = *annotations;
    Q_EMIT annotationsChanged(m_annotations);
}

} // namespace Gloss::Ui

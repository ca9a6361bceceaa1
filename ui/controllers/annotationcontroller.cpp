#include "annotationcontroller.h"

#include "core/anchoring/anchorresolver.h"
#include "core/commands/annotationbuilder.h"
#include "core/commands/annotationcommands.h"
#include "core/commands/entitycommands.h"
#include "quoteanchor.h"
#include "ui/plural.h"
#include "ui/annotationactions.h"
#include "ui/articlesession.h"
#include "ui/panels/annotationeditor.h"
#include "ui/panels/annotationpanel.h"
#include "ui/reader/originalview.h"
#include "ui/reader/readerview.h"

#include <QAction>

namespace Gloss::Ui {

AnnotationController::AnnotationController(ArticleSession *session, AnnotationActions *actions, ReaderView *reader,
    OriginalView *original, AnnotationPanel *panel, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_actions(actions)
    , m_reader(reader)
    , m_original(original)
    , m_panel(panel)
{
    connect(actions->claim(), &QAction::triggered, this,
        [this] { annotate(Core::AnnotationKind::Claim, QStringLiteral("claim")); });
    connect(actions, &AnnotationActions::entityRequested, this,
        [this](const QString &type) { annotate(Core::AnnotationKind::Entity, type); });
    connect(actions->note(), &QAction::triggered, this, &AnnotationController::addNote);
    connect(actions->next(), &QAction::triggered, this, &AnnotationController::goToNext);
    connect(actions->previous(), &QAction::triggered, this, &AnnotationController::goToPrevious);
    connect(actions->remove(), &QAction::triggered, this, &AnnotationController::deleteCurrent);
    connect(actions->reattach(), &QAction::triggered, this, [this] { reattach(m_panel->currentAnnotationId()); });
    connect(actions->tagAll(), &QAction::triggered, this, &AnnotationController::tagAllOccurrences);
    connect(panel, &AnnotationPanel::saveRequested, this, &AnnotationController::save);
    connect(panel, &AnnotationPanel::reattachRequested, this, &AnnotationController::reattach);
    connect(panel, &AnnotationPanel::annotationActivated, this, [this](const QString &id) {
        if (m_reader)
            m_reader->scrollToAnnotation(id);
        if (m_original)
            m_original->scrollToAnnotation(id);
    });
    // A click on a highlight in one view shows it in the other and in the panel.
    connect(reader, &ReaderView::annotationClicked, this, [this](const QString &id) {
        m_panel->setCurrentAnnotation(id);
        if (m_original)
            m_original->scrollToAnnotation(id);
    });
    connect(original, &OriginalView::annotationClicked, this, [this](const QString &id) {
        m_panel->setCurrentAnnotation(id);
        if (m_reader)
            m_reader->scrollToAnnotation(id);
    });
    // The original view has no selection signal (its scripts are off): C and E stay enabled while it has
    // the focus, and the selection is read when the action fires.
    connect(reader, &ReaderView::selectionChanged, this,
        [this](Core::TextPositionSelector s) { m_actions->setSelectionAvailable(s.isValid() && s.end > s.start); });
}

Core::Result<Core::TextPositionSelector> AnnotationController::anchorQuote(
    const Core::ArticleVersion &version, const Core::TextQuoteSelector &quote)
{
    // The exact quote (whitespace-normalised), the occurrence whose context agrees best.
    if (const auto found = findNormalisedQuote(version.readerText, quote))
        return *found;
    // Not there word for word (the page and the extraction differ): core's fuzzy anchoring decides.
    const Core::AnchorResolver resolver(version.readerText);
    const Core::AnchorResult r = resolver.resolve(quote, Core::TextPositionSelector {});
    if (r.status == Core::AnchorStatus::Orphaned || !r.position.isValid() || r.position.end <= r.position.start)
        return Core::fail(tr("The selected text of the original page is not in the reader text."));
    return r.position;
}

void AnnotationController::created(const Core::Result<QString> &id, const QString &label)
{
    if (!id) {
        Q_EMIT errorOccurred(id.error().message);
        return;
    }
    m_panel->setCurrentAnnotation(*id);
    Q_EMIT annotationCreated(*id);
    Q_EMIT message(tr("Saved %1.").arg(label), 3000);
}

void AnnotationController::annotate(Core::AnnotationKind kind, const QString &label)
{
    if (!m_session->hasArticle()) {
        Q_EMIT message(tr("Open an article first."), 4000);
        return;
    }
    const bool fromOriginal = m_original && m_original->hasFocus()
        ? true
        : (m_original && m_original->focusProxy() && m_original->focusProxy()->hasFocus());
    if (fromOriginal) {
        QPointer<AnnotationController> self(this);
        m_original->requestSelection([self, kind, label](std::optional<Core::TextQuoteSelector> quote) {
            if (!self)
                return;
            if (!quote) {
                Q_EMIT self->message(tr("Select some text in the original page first."), 4000);
                return;
            }
            self->created(self->annotateQuote(*quote, kind, label), label);
        });
        return;
    }
    const Core::TextPositionSelector selection = m_reader ? m_reader->selection() : Core::TextPositionSelector {};
    if (!selection.isValid() || selection.end <= selection.start) {
        Q_EMIT message(tr("Select some text in the reader view first (Shift+arrow keys or the mouse)."), 4000);
        return;
    }
    created(m_session->annotate(selection, kind, label), label);
}

Core::Result<QString> AnnotationController::annotateQuote(
    const Core::TextQuoteSelector &quote, Core::AnnotationKind kind, const QString &label)
{
    if (!m_session->hasArticle())
        return Core::fail(tr("Open an article first."));
    auto position = anchorQuote(m_session->article().current, quote);
    if (!position)
        return std::unexpected(position.error());
    return m_session->annotate(*position, kind, label);
}

void AnnotationController::addNote()
{
    const Core::TextPositionSelector selection = m_reader ? m_reader->selection() : Core::TextPositionSelector {};
    if (selection.isValid() && selection.end > selection.start) {
        auto id = m_session->annotate(selection, Core::AnnotationKind::Note, QStringLiteral("note"));
        created(id, tr("note"));
        if (id)
            m_panel->editor()->focusNote();
        return;
    }
    if (m_panel->currentAnnotationId().isEmpty()) {
        Q_EMIT message(tr("Select text to annotate with a note, or pick an annotation first."), 4000);
        return;
    }
    m_panel->editor()->focusNote();
}

void AnnotationController::step(int direction)
{
    QList<Core::Annotation> anchored;
    for (const Core::Annotation &a : m_session->annotations())
        if (a.status != Core::AnchorStatus::Orphaned && a.position.isValid())
            anchored << a;
    if (anchored.isEmpty()) {
        Q_EMIT message(tr("No annotations in this article."), 3000);
        return;
    }
    std::stable_sort(anchored.begin(), anchored.end(),
        [](const Core::Annotation &x, const Core::Annotation &y) { return x.position.start < y.position.start; });
    const QString current = m_panel->currentAnnotationId();
    qsizetype at = -1;
    for (qsizetype i = 0; i < anchored.size(); ++i)
        if (anchored.at(i).id == current)
            at = i;
    qsizetype next = at < 0 ? (direction > 0 ? 0 : anchored.size() - 1) : at + direction;
    if (next < 0 || next >= anchored.size()) {
        next = (next + anchored.size()) % anchored.size(); // wrap around
        Q_EMIT message(
            direction > 0 ? tr("Wrapped to the first annotation.") : tr("Wrapped to the last annotation."), 2000);
    }
    show(anchored.at(next).id);
}

void AnnotationController::goToNext()
{
    step(+1);
}

void AnnotationController::goToPrevious()
{
    step(-1);
}

void AnnotationController::show(const QString &annotationId)
{
    m_panel->setCurrentAnnotation(annotationId);
    if (m_reader)
        m_reader->scrollToAnnotation(annotationId);
    if (m_original)
        m_original->scrollToAnnotation(annotationId);
}

void AnnotationController::deleteCurrent()
{
    const QString id = m_panel->currentAnnotationId();
    if (id.isEmpty()) {
        Q_EMIT message(tr("Pick an annotation first (J/K or the list)."), 4000);
        return;
    }
    if (auto r = m_session->remove(id); !r)
        Q_EMIT errorOccurred(r.error().message);
    else
        Q_EMIT message(tr("Deleted. Ctrl+Z undoes."), 3000);
}

void AnnotationController::save(const Core::Annotation &edited)
{
    if (edited.id.isEmpty())
        return;
    Core::Annotation a = edited;
    a.modified = QDateTime::currentDateTimeUtc();
    if (auto r = m_session->execute(
            std::make_unique<Core::UpdateAnnotationCommand>(m_session->database(), a, tr("Edit annotation")));
        !r)
        Q_EMIT errorOccurred(r.error().message);
    else
        Q_EMIT message(tr("Annotation saved."), 2000);
}

void AnnotationController::tagAllOccurrences()
{
    const QString id = m_panel->currentAnnotationId();
    const auto &list = m_session->annotations();
    const auto it = std::find_if(list.cbegin(), list.cend(), [&id](const Core::Annotation &a) { return a.id == id; });
    if (it == list.cend() || it->kind != Core::AnnotationKind::Entity || it->status == Core::AnchorStatus::Orphaned) {
        Q_EMIT message(tr("Pick an entity mention first (J/K or the list)."), 4000);
        return;
    }
    auto command = std::make_unique<Core::TagAllOccurrencesCommand>(m_session->database(), m_session->article().current,
                                                                    it->quote.exact, it->label, it->entityId, it->kbId,
                                                                    it->creator);
    Core::TagAllOccurrencesCommand *tagAll = command.get();
    const QString quote = it->quote.exact;
    if (auto r = m_session->execute(std::move(command)); !r) {
        Q_EMIT errorOccurred(r.error().message);
        return;
    }
    Q_EMIT message(countText(tagAll->created(), tr("Tagged %n more occurrence of \u201c%1\u201d."),
                       tr("Tagged %n more occurrences of \u201c%1\u201d."))
                       .arg(quote), 4000);
}

void AnnotationController::reattach(const QString &annotationId)
{
    if (annotationId.isEmpty()) {
        Q_EMIT message(tr("Pick the orphaned annotation to re-attach first."), 4000);
        return;
    }
    const Core::TextPositionSelector selection = m_reader ? m_reader->selection() : Core::TextPositionSelector {};
    if (!selection.isValid() || selection.end <= selection.start) {
        Q_EMIT message(tr("Select the text in the reader view to re-attach the annotation to."), 4000);
        return;
    }
    const auto &list = m_session->annotations();
    const auto it
        = std::find_if(list.cbegin(), list.cend(), [&](const Core::Annotation &a) { return a.id == annotationId; });
    if (it == list.cend())
        return;
    auto anchor = Core::annotationForRange(m_session->article().current, selection, it->kind, it->label, it->creator);
    if (!anchor) {
        Q_EMIT errorOccurred(anchor.error().message);
        return;
    }
    Core::Annotation a = *it;
    a.position = anchor->position;
    a.quote = anchor->quote;
    a.versionId = m_session->article().current.id;
    a.status = Core::AnchorStatus::Exact;
    a.modified = QDateTime::currentDateTimeUtc();
    if (auto r = m_session->execute(
            std::make_unique<Core::UpdateAnnotationCommand>(m_session->database(), a, tr("Re-attach annotation")));
        !r)
        Q_EMIT errorOccurred(r.error().message);
    else
        Q_EMIT message(tr("Re-attached."), 3000);
}

} // namespace Gloss::Ui

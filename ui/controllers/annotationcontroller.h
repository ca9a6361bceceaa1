#pragma once

#include "core/annotation/annotation.h"
#include "core/document/article.h"
#include "core/result.h"

#include <QObject>
#include <QPointer>

namespace Gloss::Ui {

class AnnotationActions;
class AnnotationPanel;
class ArticleSession;
class OriginalView;
class ReaderView;

/// What the annotation actions do: annotate the selection of the reader view, or of the original view
/// (anchored into the reader text by quote), add notes, move between annotations, delete, save the side
/// form, re-attach orphans. Every change goes through ArticleSession (core commands on the undo stack).
class AnnotationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationController)
public:
    AnnotationController(ArticleSession *session, AnnotationActions *actions, ReaderView *reader,
        OriginalView *original, AnnotationPanel *panel, QObject *parent = nullptr);

    /// Anchors a quote read from the original page (whitespace-normalised, with context) in `version`'s reader
    /// text: the whitespace-normalised exact quote, of several occurrences the one whose context agrees best
    /// (findNormalisedQuote); failing that, core's fuzzy AnchorResolver. Errors: the quote is not in the text.
    static Core::Result<Core::TextPositionSelector> anchorQuote(
        const Core::ArticleVersion &version, const Core::TextQuoteSelector &quote);

    /// Annotates the selection of the focused view (reader, or original when it has the focus).
    void annotate(Core::AnnotationKind kind, const QString &label);
    /// Annotates a quote selected in the original page.
    Core::Result<QString> annotateQuote(
        const Core::TextQuoteSelector &quote, Core::AnnotationKind kind, const QString &label);
    void addNote();
    void goToNext();
    void goToPrevious();
    void deleteCurrent();
    void save(const Core::Annotation &edited);
    void reattach(const QString &annotationId);
    /// "Tag all occurrences" of the current entity mention: its type and registry entity on every other
    /// whole-word occurrence of its words (core's TagAllOccurrencesCommand; one undo step).
    void tagAllOccurrences();
    /// Shows one annotation everywhere: selected in the panel, scrolled to in both views.
    void show(const QString &annotationId);

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    void errorOccurred(const QString &message);
    /// An annotation was created by an action (for the library's counts).
    void annotationCreated(const QString &id);

private:
    void step(int direction);
    void created(const Core::Result<QString> &id, const QString &label);

    ArticleSession *m_session;
    AnnotationActions *m_actions;
    QPointer<ReaderView> m_reader;
    QPointer<OriginalView> m_original;
    AnnotationPanel *m_panel;
};

} // namespace Gloss::Ui

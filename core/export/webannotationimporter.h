#pragma once

#include "core/export/importreport.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Gloss::Core {

/// Reads W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/) into Annotation values, without
/// touching storage: matching to stored articles and re-anchoring is ImportMatcher's job.
///
/// Accepted input: one JSON document or JSON Lines; a document may be an annotation, an array of nodes (our
/// paged export), an AnnotationCollection with embedded `first`/`next` pages, an AnnotationPage, or a
/// Hypothesis API search result ({"rows": [...]}, each row {id, uri, text, tags, user, created, updated,
/// target: [{source, selector: [...]}]}). Per annotation:
///   id          urn:uuid:X -> X; any other id -> UUIDv5 of it (stable, so a re-import is idempotent)
///   kind        from motivation: classifying -> claim, identifying/tagging -> entity, highlighting ->
///               highlight, commenting/replying -> note; none: note when there is a text body, else highlight
///   label       the classifying (claim) or tagging (entity, note) TextualBody's value, a highlight's
///               target styleClass; Hypothesis: the first tag
///   attributes  TextualBodies with gloss:attribute (typed from gloss:value when present)
///   kbId        a SpecificResource/IRI body with purpose identifying (Wikidata IRIs -> "Q…")
///   note        the commenting TextualBody (Hypothesis: `text`)
///   quote, position  from the target's TextQuoteSelector and TextPositionSelector (also inside refinedBy);
///               RangeSelector and others are ignored
///   creator     a name (Agent `name`/`nickname`, an IRI, or Hypothesis "acct:NAME@host" -> NAME)
/// An annotation without a TextQuoteSelector or TextPositionSelector is skipped (not text-anchored).
class WebAnnotationImporter final
{
public:
    /// Parses `bytes`. Annotations that cannot be read are counted in `report` (skipped, with a message) and
    /// left out; the whole call fails (Error::User) only when the input is neither JSON nor JSON Lines.
    static Result<QList<ImportedAnnotation>> read(const QByteArray &bytes, ImportReport *report = nullptr);

    /// One annotation object (W3C or Hypothesis row); std::nullopt with `why` set when it cannot be used.
    static std::optional<ImportedAnnotation> readAnnotation(const QJsonObject &object, QString *why = nullptr);
};

} // namespace Gloss::Core

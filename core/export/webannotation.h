#pragma once

#include "core/annotation/annotation.h"

#include <QString>

namespace Gloss::Core {

class JsonWriter;
struct ExportArticle;

/// The mapping between Gloss annotations and the W3C Web Annotation Data Model
/// (https://www.w3.org/TR/annotation-model/, Recommendation 2017-02-23), shared by the JSON-LD exporter and
/// importer. One annotation becomes:
///   id          "urn:uuid:<Annotation::id>"                                          (§3.1)
///   type        "Annotation"
///   motivation  claim: classifying; entity: identifying with a KB id, else tagging;  (§3.3.5)
///               highlight: highlighting; note: commenting
///   created, modified (xsd:dateTime UTC with ms), creator {"type":"Person","name"}  (§3.3.1)
///   body        [label TextualBody (purpose classifying for claims, tagging otherwise),
///                one TextualBody per claim attribute (purpose classifying, "gloss:attribute": name,
///                value as a string, "gloss:value" the typed JSON value when not a string),
///                the KB id as a SpecificResource (purpose identifying, source = IRI such as
///                http://www.wikidata.org/entity/Q7184), the note as a TextualBody (purpose commenting)]
///               A highlight's label (its colour) is instead the target's styleClass with an embedded
///               CssStylesheet (§4.4) when it is a CSS identifier, else a TextualBody (purpose tagging).
///   target      SpecificResource (§4) {source: the article as an External Web Resource {id: its URL, or
///               urn:sha256:<snapshot hash> when it has none or a file: one; type Text; language;
///               textDirection; dcterms:title}, state: TimeState {cached: urn:sha256:<snapshot hash>,
///               sourceDate} (§4.3.1), selector: [TextQuoteSelector (§4.2.4), TextPositionSelector (§4.2.5)]}.
///               The selectors refer to the reader text of the version; positions are Unicode code points,
///               end exclusive. An orphaned annotation has only the quote selector.
///   gloss:article, gloss:version (ids), gloss:entity (registry entity id), gloss:status (anchor status
///   when not exact): Gloss terms in the namespace `namespaceIri`, declared in the @context.
class WebAnnotation final
{
public:
    static constexpr QLatin1StringView contextIri { "http://www.w3.org/ns/anno.jsonld" };
    static constexpr QLatin1StringView namespaceIri { "https://gloss.example/ns#" };
    static constexpr QLatin1StringView wikidataEntityPrefix { "http://www.wikidata.org/entity/" };

    /// Writes the @context value: ["http://www.w3.org/ns/anno.jsonld", {"gloss": ..., "dcterms": ...}].
    static void writeContext(JsonWriter &json);
    /// Writes one annotation object. `withContext` adds "@context" (for a standalone annotation or a line of
    /// jsonld-lines); inside a collection the annotations inherit the collection's context.
    static void write(JsonWriter &json, const Annotation &annotation, const ExportArticle &article, bool withContext);

    /// The IRI of the article: its source URL when that is an absolute URL other than file:, else
    /// urn:sha256:<snapshot hash>.
    static QString sourceIri(const ExportArticle &article);
    /// "Q7184" -> http://www.wikidata.org/entity/Q7184; "wikidata:Q7184" likewise; an absolute IRI as is;
    /// anything else as "urn:gloss:kb:<id>" (percent-encoded).
    static QString kbIri(const QString &kbId);
    /// The inverse of kbIri().
    static QString kbIdFromIri(const QString &iri);
    /// The motivation for an annotation (see the class comment).
    static QString motivation(const Annotation &annotation);
    /// ISO 8601 UTC with milliseconds ("2026-11-29T10:00:00.123Z"), as the model's xsd:dateTime.
    static QString dateTime(const QDateTime &time);
};

} // namespace Gloss::Core

#pragma once

#include "core/anchoring/textselectors.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Gloss::Core {

/// What an annotation marks. Stored as the lower-case names "claim", "entity", "highlight", "note".
enum class AnnotationKind { Claim, Entity, Highlight, Note };

QString toString(AnnotationKind kind);
/// Parses "claim" / "entity" / "highlight" / "note"; std::nullopt for anything else.
std::optional<AnnotationKind> annotationKindFromString(QStringView name);

/// How an annotation sits on the current version's reader text (see AnchorResolver).
enum class AnchorStatus { Exact, Moved, Fuzzy, Orphaned };
QString toString(AnchorStatus status);
std::optional<AnchorStatus> anchorStatusFromString(QStringView name);

/// One annotation of an article (a value type). Offsets are Unicode code points of the reader text of
/// version `versionId`, end exclusive; both -1 when the annotation is orphaned.
struct Annotation
{
    QString id;                 ///< UUID without braces
    qint64 articleId = 0;
    qint64 versionId = 0;       ///< the version `position` refers to
    AnnotationKind kind = AnnotationKind::Highlight;
    QString label;              ///< claim: "claim"; entity: its type ("PERSON", "ORG", ...); highlight: a colour name
    TextQuoteSelector quote;
    TextPositionSelector position;
    AnchorStatus status = AnchorStatus::Exact;
    QString kbId;               ///< knowledge-base id, e.g. "Q7184" (Wikidata), empty when none
    QString entityId;           ///< the registry entity an entity mention links to, empty when none
    QString note;
    QString creator;
    QJsonObject attributes;     ///< claim attributes from the label schema (check-worthiness, verdict, ...)
    QDateTime created;          ///< UTC, millisecond precision
    QDateTime modified;         ///< UTC, millisecond precision

    bool operator==(const Annotation &) const = default;
};

/// A new annotation with a fresh UUID and created == modified == now (UTC, ms precision).
Annotation makeAnnotation(AnnotationKind kind, const QString &label, const QString &creator);

} // namespace Gloss::Core

#pragma once

#include "core/annotation/annotation.h"

#include <QList>
#include <QString>
#include <optional>

namespace Gloss::Ui {

/// Which annotations the annotations panel lists: by kind, label, creator, entity (the mentions of one entity,
/// by entityGroupKey()), orphaned state and a text (matched case-insensitively against quote, label, note and
/// KB id). Empty fields match everything.
struct AnnotationFilter
{
    std::optional<Core::AnnotationKind> kind;
    QString label;
    QString creator;
    QString entity; ///< an entityGroupKey(): only that entity's mentions
    bool orphanedOnly = false;
    QString text;

    bool accepts(const Core::Annotation &annotation) const;
    QList<Core::Annotation> apply(const QList<Core::Annotation> &annotations) const;
};

/// The key that groups entity mentions: the registry entity when linked, else the KB id, else type + the
/// case-folded quote ("PERSON|aleksandar vucic"). Claims and notes get their own id (no grouping).
QString entityGroupKey(const Core::Annotation &annotation);

} // namespace Gloss::Ui

#pragma once

#include "core/annotation/annotation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Gloss::Core {

/// One annotation read from an import file, before it is matched to a stored article.
/// `annotation.position` is as the file gave it (code points per the W3C model; tools that count UTF-16 units,
/// such as Hypothesis, are corrected by re-anchoring on the quote). `articleId`/`versionId` are 0 unless the
/// file carried Gloss's own gloss:article / gloss:version terms (hints only: match by `source`/`snapshotSha256`).
struct ImportedAnnotation
{
    Annotation annotation;
    QString source; ///< the target's source IRI (article URL, or urn:sha256:<hash>); empty when none
    QString snapshotSha256; ///< lower-case hex from a urn:sha256: source or a TimeState `cached`; empty when none
};

/// Counts and readable lines of what an import did.
struct ImportReport
{
    qsizetype read = 0; ///< annotations found in the input
    qsizetype imported = 0; ///< placed on an article (exact, moved or fuzzy)
    qsizetype orphaned = 0; ///< matched to an article, but the quote was not found: kept as orphans
    qsizetype skipped = 0; ///< not imported: unreadable, not text-anchored, or no matching article
    QStringList messages; ///< one line per skipped annotation or problem
};

} // namespace Gloss::Core

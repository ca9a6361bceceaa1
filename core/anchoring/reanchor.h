#pragma once

#include "core/anchoring/anchorresult.h"
#include "core/annotation/annotation.h"

#include <QList>
#include <QString>

namespace Gloss::Core {

/// What re-anchoring an article's annotations onto a new reader text did (see reanchor()).
struct ReanchorReport
{
    /// The input annotations in input order, updated for the new text: `position` (code points of the new
    /// text; {-1, -1} when orphaned), `status`, and `quote` (re-cut from the new text when anchored, so that
    /// quote.exact is always the text at `position`; kept as it was when orphaned, so the orphan can be listed
    /// with its original words and re-attached). `versionId`, `modified` and everything else are untouched:
    /// the caller sets `versionId` to the new version.
    QList<Annotation> annotations;
    /// One AnchorResult per input annotation, same order (scores and similarities for diagnostics).
    QList<AnchorResult> results;
    qsizetype exact = 0;
    qsizetype moved = 0;
    qsizetype fuzzy = 0;
    qsizetype orphaned = 0;

    qsizetype total() const { return exact + moved + fuzzy + orphaned; }
    /// "12 exact, 3 moved, 1 fuzzy, 0 orphaned" (for the CLI and a status bar).
    QString summary() const;
};

/// Re-anchors `annotations` anchored on `oldText` (their `position` and `quote` are in code points / text of
/// `oldText`, i.e. they were stored against the previous current version) onto `newText` (both UTF-16
/// QStrings: the reader texts of two versions of one article). Call it once per version change, when the new
/// ArticleVersion is stored, and store the returned annotations (with versionId set to the new version) and
/// statuses in the same transaction; show summary() to the user.
///
/// An OffsetMap between the two texts maps each stored start to a hint in the new text, then
/// AnchorResolver::resolve() places the annotation (position check -> exact quote search -> approximate
/// search -> orphan), searching only near the hint where the map shows that the passage's surroundings kept
/// their place. Annotations already orphaned (status Orphaned or invalid position) are searched for by quote
/// alone, so they re-attach if their words come back. When the texts are equal the position check settles
/// every annotation whose stored quote matches its position.
/// Never fails. Cost: O(|old| + |new|) to prepare, then ~10 us per annotation on average (10,000 annotations
/// on a 100,000-word article after a 1% edit: ~0.1 s CPU; see bench/anchoring_bench.cpp).
ReanchorReport reanchor(QStringView oldText, QStringView newText, const QList<Annotation> &annotations);

/// Checks `annotations` stored against `text` itself (their position is in code points of `text`): same as
/// reanchor(text, text, annotations), except that an annotation found exactly at its stored position keeps
/// its stored status (a Moved or Fuzzy from the last re-anchoring stays so). Listing needs no call at all:
/// the stored status and position are the result of the last reanchor(); this is a consistency check.
ReanchorReport verifyAnchors(QStringView text, const QList<Annotation> &annotations);

} // namespace Gloss::Core

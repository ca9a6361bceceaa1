#pragma once

#include "core/anchoring/textselectors.h"
#include "core/annotation/annotation.h"

namespace Gloss::Core {

/// The outcome of resolving one annotation's selectors against a text (see AnchorResolver).
///
/// `status`: Exact = the quote is still at the stored position; Moved = the exact quote was found at another
/// position; Fuzzy = an approximate match of the quote was accepted; Orphaned = no candidate reached
/// AnchorResolver::minimumScore, so the annotation is not placed anywhere.
struct AnchorResult
{
    AnchorStatus status = AnchorStatus::Orphaned;
    /// [start, end) in Unicode code points of the resolved text; {-1, -1} when orphaned.
    TextPositionSelector position;
    /// The quote selector of `position` in the resolved text (exact, prefix, suffix as there); the stored
    /// quote unchanged when orphaned.
    TextQuoteSelector quote;
    /// Combined score in [0, 1] of the accepted candidate; for an orphan, of the best rejected candidate (0 when
    /// there was none) - below AnchorResolver::minimumScore unless the context veto rejected it. See
    /// AnchorResolver for the formula.
    double score = 0.0;
    double quoteSimilarity = 0.0; ///< 1 - edits / quote length, in [0, 1]
    double prefixSimilarity = 0.0; ///< similarity of the stored prefix to the text before `position`
    double suffixSimilarity = 0.0; ///< similarity of the stored suffix to the text after `position`
    int errors = 0; ///< edits between the stored quote and the text at `position`

    bool isAnchored() const { return status != AnchorStatus::Orphaned; }
};

} // namespace Gloss::Core

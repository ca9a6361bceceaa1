#pragma once

#include "core/anchoring/textselectors.h"

#include <QStringView>
#include <optional>

namespace Gloss::Core {

/// Finds a quote taken from somewhere whose white space differs from the reader text's (the original page's
/// DOM, a PDF, a pasted passage): both sides are compared with every run of white space as one space and no
/// white space at either end, first exactly, then case-folded. Of several occurrences, the one whose prefix
/// and suffix agree best (edit-distance similarity, see ApproxMatcher::similarity) with the text before and
/// after it wins; on a tie, the first.
///
/// Returns [start, end) in Unicode code points of `readerText` (from the first to the last non-space code
/// point of the occurrence), or std::nullopt when the quote is empty or not there word for word; for
/// approximate matches use AnchorResolver.
std::optional<TextPositionSelector> findNormalisedQuote(QStringView readerText, const TextQuoteSelector &quote);

} // namespace Gloss::Core

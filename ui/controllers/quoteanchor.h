#pragma once

#include "core/anchoring/textselectors.h"

#include <QString>
#include <optional>

namespace Gloss::Ui {

/// Finds a quote read from the original page's DOM in an article's reader text. Both sides are compared
/// whitespace-normalised (every run of white space is one space, as original.js flattens the DOM and as the
/// reader text joins blocks with a blank line), first case-sensitively, then ignoring case. Of several
/// occurrences, the one whose `prefix` and `suffix` agree best with the text around it wins (aligned character
/// agreement, as resources/reader/original.js scores). Returns [start, end) in Unicode code points of
/// `readerText`, or nothing.
///
/// This is anchoring logic that belongs in core/anchoring (next to AnchorResolver, which handles the fuzzy
/// case); it sits here until core offers a whitespace-normalised quote search.
std::optional<Core::TextPositionSelector> findNormalisedQuote(
    const QString &readerText, const Core::TextQuoteSelector &quote);

} // namespace Gloss::Ui

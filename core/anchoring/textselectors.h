#pragma once

#include <QString>

namespace Gloss::Core {

/// W3C Web Annotation TextQuoteSelector (§4.2.4): the quoted text with context on either side.
struct TextQuoteSelector
{
    QString exact;
    QString prefix; ///< up to TextQuoteSelector::contextLength code points before `exact`
    QString suffix; ///< up to TextQuoteSelector::contextLength code points after `exact`

    static constexpr qsizetype contextLength = 32; ///< code points
    bool operator==(const TextQuoteSelector &) const = default;
};

/// W3C Web Annotation TextPositionSelector (§4.2.5): [start, end) in Unicode code points of the reader text.
struct TextPositionSelector
{
    qsizetype start = -1;
    qsizetype end = -1;

    bool isValid() const { return start >= 0 && end >= start; }
    bool operator==(const TextPositionSelector &) const = default;
};

/// Builds the quote selector for [start, end) code points of `text`, with 32 code points of context.
/// Out-of-range positions are clamped to the text.
TextQuoteSelector quoteSelectorAt(QStringView text, TextPositionSelector position);

} // namespace Gloss::Core

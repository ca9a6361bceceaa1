#pragma once

#include <QtGlobal>
#include <string_view>
#include <utility>
#include <vector>

namespace Gloss::Core {

/// A fast, approximate map from code point offsets of an old text to code point offsets of a new version of
/// it, used as the search hint when re-anchoring (reanchor()). It is a hint only: AnchorResolver checks every
/// mapped position against the quote, so a wrong mapping costs time, never a wrong anchor.
///
/// Algorithm (patience-diff style, after Bram Cohen's patience diff): the common prefix and suffix of the two
/// texts are matched directly; in between, every pair of adjacent whitespace-separated words that occurs
/// exactly once in each text is a candidate anchor, and the longest increasing subsequence of those pairs
/// (O(k log k)) gives a monotone alignment. An offset maps by the shift of the nearest anchor at or before it.
/// Building is O(n + k log k) for texts of n code points; map() is O(log k).
class OffsetMap final
{
public:
    /// Builds the map between two code point strings (see toCodePointString()).
    OffsetMap(std::u32string_view oldText, std::u32string_view newText);

    /// Old offset (code points) -> new offset (code points), clamped to [0, new length].
    qsizetype map(qsizetype oldOffset) const;
    /// True when old [oldStart, oldEnd) (code points) lies between two alignment points at most `slack` code
    /// points outside it, and the new text between those points differs in length by at most `slack`: the
    /// passage's surroundings kept their place, so its words, if they survive, are near map(oldStart).
    bool isAligned(qsizetype oldStart, qsizetype oldEnd, qsizetype slack = 256) const;
    /// Number of alignment points found (for tests and diagnostics).
    qsizetype anchorCount() const { return qsizetype(m_anchors.size()); }

private:
    std::vector<std::pair<qsizetype, qsizetype>> m_anchors; ///< (old, new), strictly increasing in both
    qsizetype m_newLength = 0;
};

} // namespace Gloss::Core

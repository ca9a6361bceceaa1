#pragma once

#include <QList>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Gloss::Core {

/// Bit-parallel approximate string matching under the Levenshtein (unit-cost edit) distance.
///
/// Algorithm: G. Myers, "A fast bit-vector algorithm for approximate string matching based on dynamic
/// programming", J. ACM 46(3), 1999, in the formulation of H. Hyyrö, "Explaining and extending the
/// bit-parallel approximate string matching algorithm of Myers" (2001). Each text character advances one
/// column of the dynamic-programming matrix in O(ceil(m / 64)) word operations: patterns of up to 64 code
/// points use one machine word; longer patterns use Myers' block-based variant (section 4 of the paper), with
/// the horizontal delta carried from block to block. Match starts are found as in Hypothesis's
/// approx-string-match: by running the reversed pattern backwards from each match end.
///
/// Units: everything here counts Unicode code points. Pattern and text are std::u32string_view (one char32_t
/// per code point, see toCodePointString() in codepointindex.h), so an index into them is a code point offset.
/// No function fails; an empty pattern matches everywhere with 0 errors and has distance |text| to any text.
class ApproxMatcher final
{
public:
    /// One approximate occurrence of the pattern: text[start, end) in code points, `errors` edits away.
    struct Match
    {
        qsizetype start = 0;
        qsizetype end = 0;
        int errors = 0;
        bool operator==(const Match &) const = default;
    };

    /// Prepares the pattern (code points). Cost O(m + 256 * ceil(m / 64)).
    explicit ApproxMatcher(std::u32string_view pattern);

    /// Pattern length in code points.
    qsizetype patternLength() const { return qsizetype(m_pattern.size()); }

    /// Semi-global search: every place where some substring text[start, end) is at most `maxErrors` edits from
    /// the whole pattern. One match is reported per local minimum of the error count along the text (the
    /// first end of a plateau), so an exact occurrence is reported once, not once per end within `maxErrors`.
    /// Among the starts giving that error count, the one making the match length closest to the pattern length
    /// is chosen. Matches are in text order; offsets are code points of `text`. Cost O(n * ceil(m / 64)) plus
    /// O((m + maxErrors) * ceil(m / 64)) per reported match.
    QList<Match> search(std::u32string_view text, int maxErrors) const;

    /// Levenshtein distance between the whole pattern and the whole of `text` (code points). O(|text| * ceil(m/64)).
    int distance(std::u32string_view text) const;

    /// Levenshtein distance between two code point strings.
    static int editDistance(std::u32string_view a, std::u32string_view b);

    /// 1 - distance(a, b) / max(|a|, |b|), in [0, 1]; 1 for two empty strings.
    static double similarity(std::u32string_view a, std::u32string_view b);

private:
    /// The match-position bit masks (Myers' Peq table) of one pattern, ceil(m / 64) words per character.
    class Masks
    {
    public:
        explicit Masks(std::u32string_view pattern);
        const std::uint64_t *of(char32_t c) const;
        qsizetype blocks() const { return m_blocks; }

    private:
        qsizetype m_blocks = 0;
        std::vector<std::uint64_t> m_latin1; ///< 256 rows for U+0000..U+00FF
        std::vector<char32_t> m_otherKeys; ///< sorted code points >= U+0100 in the pattern
        std::vector<std::uint64_t> m_other; ///< one row per m_otherKeys entry
        std::vector<std::uint64_t> m_zero; ///< row for characters not in the pattern
    };

    /// Bottom-row score after every column of `text`; `global` makes row 0 count insertions (D[0][j] = j).
    template <typename Sink> void run(const Masks &masks, std::u32string_view text, bool global, Sink &&sink) const;
    qsizetype findStart(std::u32string_view text, qsizetype end, int errors) const;

    std::u32string m_pattern;
    Masks m_forward;
    Masks m_reverse;
};

} // namespace Gloss::Core

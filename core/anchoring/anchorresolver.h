#pragma once

#include "core/anchoring/anchorresult.h"
#include "core/anchoring/codepointindex.h"
#include "core/anchoring/textselectors.h"

#include <QString>
#include <optional>
#include <string>

namespace Gloss::Core {

/// Places annotations on one text (an article version's reader text) from their W3C selectors, and says
/// honestly when it cannot (AnchorStatus::Orphaned) instead of moving them onto other words.
///
/// All offsets in this class are Unicode code points of the text (the unit of TextPositionSelector); the
/// constructor takes the QString (UTF-16) once and converts it with toCodePointString(). resolve() is const
/// and keeps no state, so one resolver may serve several threads.
///
/// ## Algorithm (resolve)
/// 1. **Position check**: the text at the stored position (and at the hint, when one is given) equals the
///    quote and both context strings match exactly -> accepted at once.
/// 2. **Exact search** for the quote, first within `searchWindow` code points of the hint, then (unless a
///    candidate scored at least `confidentScore` there) in the whole text. Each occurrence is scored with its
///    prefix, suffix and distance from the hint, so that of two occurrences of the same word the one whose
///    context matches wins ("the event ... an event bonus").
/// 3. **Approximate search** (only when no candidate reached `confidentScore`): Myers' bit-parallel matcher
///    (ApproxMatcher) finds the places at most `maxQuoteErrors(quote length)` edits from the quote, first near
///    the hint, then in the whole text. Edit distance places a match but is blind to words at its ends (after
///    "pledged" -> "promised" it starts as happily at "romised"; after a deleted first word it borrows the
///    previous word to save edits), so each approximate match gets its ends from aligning prefix + quote +
///    suffix with the text around it: word by word (punctuation marks count as words) where the quote begins
///    and ends at word boundaries (substituting a word costs 0.5 + half the two words' normalised edit
///    distance, or 1 for words shorter than 4; inserting or deleting one costs 1), else character by
///    character.
///    Only such aligned spans are scored, and their edits must still be within the cap.
/// 4. The best-scoring candidate (of those within `tieTolerance` of the best, the nearest to the hint) is
///    accepted if its score is at least `minimumScore`, unless the **context veto** applies: the last 16 code
///    points of the stored prefix followed, a quote's length later, by the first 16 of the stored suffix stand
///    intact around some other stretch of text nearby. That stretch is where the annotated words were, and they
///    were rewritten or deleted, so a copy of the quote next to it is not them ("na the the" -> "na and
///    the"). Otherwise the annotation is **orphaned**. Unlike Hypothesis (which always returns its best
///    approximate match), a weak lookalike never wins just because it is the least bad.
/// 5. **Rewritten in place**: when no candidate passed at all (the veto did not reject one), a quote of at least
///    `informativeLength` code points whose stored context (16 code points each side, as for the veto) stands
///    intact around exactly one stretch near the hint (or in the whole text without one), no more than twice
///    the quote's length, is anchored there as Fuzzy if that stretch is at most half the quote's length in
///    edits away from it (Hypothesis's match-quote allows as much): "NATO intervened in Serbia" -> "NATO forces
///    intervened in Serbia" keeps its claim although 7 insertions exceed the edit cap. Both sides of the
///    context vouch for the place; the result's score may then be under `minimumScore`.
/// Candidates never cut a word where the stored quote did not (a quote that began and ended on word
/// boundaries is not found inside a longer word: "vo" in "vosen").
///
/// ## Score
/// With q = 1 - quoteEdits / |quote|; p and s = similarity (1 - edit distance / longer length) of the stored
/// prefix and suffix to the 32 code points before / after the candidate; c(x) = max(0, (x - 0.3) / 0.7), the
/// context agreement above chance (two unrelated 32-code-point stretches of English prose already score
/// 0.15 (median) to 0.35 (99th percentile), syllable-rich text up to ~0.45); h = max(0, 1 - |start - hint| /
/// positionScale); and w = 50 * min(1, |quote| / 16), the quote's weight:
///
///     score = (w q + 20 c(p) + 20 c(s) + 10 h) / (w + 50)     (without a hint: (w q + 20 c(p) + 20 c(s)) / (w + 40))
///
/// The weights follow Hypothesis's match-quote (quote 50, prefix 20, suffix 20), with two changes: the
/// position weighs 10 instead of 2, so that it breaks ties between equal passages without outvoting the
/// text; and a quote shorter than 16 code points weighs proportionally less, because "the" or "on" found
/// exactly says little by itself: its context must carry the decision.
/// Exception: when the exact quote is at least `distinctiveLength` (24) code points long and occurs exactly
/// once in the whole text, p = s = 1: context only serves to tell repeated strings apart, and a
/// sentence-length string that occurs once is its own evidence (a sentence moved to another paragraph). A
/// shorter quote gets the same credit when it occurs once and one side of its stored context (16+ code points)
/// stands exactly intact beside it ("Slavic" after the sentence before it was rewritten).
///
/// ## Threshold and why
/// `minimumScore` = 0.75, plus a hard cap on the quote's edits, `maxQuoteErrors(n) = floor((n - 4) / 4)`:
/// - The exact quote (16+ code points) in unrelated context scores 0.5 + 0.1 h, plus at most ~0.08 for chance
///   agreement of prose: an orphan, not a silent move. With one side of its context intact and the other
///   rewritten it scores 0.7 + 0.1 h: kept where it was, orphaned if it would also have to jump elsewhere.
///   A 3-letter word needs both sides of its context about three-quarters intact where it was (0.75 is
///   reached at p = s = 0.74, h = 1).
/// - A quote with a quarter of its characters edited but its context intact scores 0.875 near the hint:
///   accepted as fuzzy. A lookalike whose context was rewritten too (q ~0.8, p, s ~0.3) scores ~0.5: orphan.
/// - A word edited in each context string (p, s ~0.75) costs ~0.14: the exact quote still scores ~0.86.
/// - The edit cap keeps the quote itself recognisable: at most a quarter of its characters may change, less a
///   4-character allowance, so a quote of 4-7 characters ("tanks", "Vucic") anchors only exactly, because
///   one edit to a short word makes another word (tanks/tasks, fell/felt).
/// Measured (bench/anchoring_bench.cpp, 10,000 annotations, 100,000 words, 1% word edits, 30 seeds): no
/// annotation on wrong words; ~1.2% orphaned, of which ~0.08% (of all) were on words the edit did not touch.
/// With step 5 (seeds 1-8): still none on wrong words; 0.35-0.55% orphaned instead of 1.0-1.3% (5% word
/// edits: 4.1% instead of 7.5%).
/// The tests in tests/core/tst_anchorresolver.cpp and tst_reanchor.cpp pin these cases.
class AnchorResolver final
{
public:
    static constexpr double quoteWeight = 50.0;
    static constexpr double prefixWeight = 20.0;
    static constexpr double suffixWeight = 20.0;
    static constexpr double positionWeight = 10.0;
    /// Below this combined score an annotation is orphaned.
    static constexpr double minimumScore = 0.75;
    /// At or above this score a candidate found near the hint is taken without searching the whole text.
    static constexpr double confidentScore = 0.9;
    /// Quote length (code points) from which the quote term has its full weight; shorter quotes weigh
    /// proportionally less, so that their context must carry the decision.
    static constexpr qsizetype informativeLength = 16;
    /// Candidates within this score of the best count as tied; the one nearest the hint wins.
    static constexpr double tieTolerance = 0.02;
    /// Distance from the hint (code points) at which the position term reaches 0.
    static constexpr qsizetype positionScale = 4096;
    /// An exact quote at least this long (code points) that occurs once in the whole text is its own evidence:
    /// its context terms count as 1 (a moved sentence keeps its anchor although its neighbours changed).
    static constexpr qsizetype distinctiveLength = 24;
    /// Half-width (code points) of the search with SearchScope::NearHint: the caller vouches that the passage
    /// is within a few hundred code points of the hint (reanchor() uses OffsetMap::isAligned with 256).
    static constexpr qsizetype nearWindow = 1024;
    /// Half-width (code points) of the first, local search around the hint.
    static constexpr qsizetype searchWindow = 4096;

    /// Context similarity expected between unrelated strings of prose; only agreement above it counts.
    static constexpr double contextChance = 0.3;

    /// Where resolve() may look beyond the position check.
    enum class SearchScope {
        WholeText, ///< near the hint first, then (unless a confident candidate was found) everywhere
        NearHint, ///< only within nearWindow of the hint: for callers that know the passage did not move
    };

    /// Prepares `text` (UTF-16, converted once to code points). O(n).
    explicit AnchorResolver(QStringView text);

    /// The largest number of edits an approximate match of a quote of `quoteLength` code points may carry:
    /// floor((quoteLength - 4) / 4), at least 0.
    static int maxQuoteErrors(qsizetype quoteLength);

    /// Resolves one annotation. `quote` is its stored TextQuoteSelector; `stored` its stored position (code
    /// points, possibly of an older version of the text; invalid when unknown or orphaned): the result is
    /// AnchorStatus::Exact only when the quote is found at exactly that position. `hint` (code points of THIS
    /// text) is where to look first; it defaults to `stored.start`. Never fails: the worst outcome is an
    /// orphan. An empty quote is always orphaned. `scope` NearHint (ignored without a hint) limits the search to
    /// the window around the hint; reanchor() uses it where an OffsetMap shows the passage's surroundings kept
    /// their place, which makes re-anchoring after small edits cheap.
    AnchorResult resolve(const TextQuoteSelector &quote, const TextPositionSelector &stored,
        std::optional<qsizetype> hint = std::nullopt, SearchScope scope = SearchScope::WholeText) const;

    /// The score formula above for given similarities; `positionSimilarity` < 0 means "no hint";
    /// `quoteLength` in code points.
    static double combinedScore(double quoteSimilarity, double prefixSimilarity, double suffixSimilarity,
        double positionSimilarity, qsizetype quoteLength);

    /// The quote selector (exact + 32 code points of context each side) of [start, end) code points of this
    /// text, clamped to the text. Same result as quoteSelectorAt(), in O(length of the slices).
    TextQuoteSelector quoteAt(TextPositionSelector position) const;

    /// Length of the text in code points.
    qsizetype length() const { return qsizetype(m_text.size()); }
    /// The text as code points (index = code point offset).
    std::u32string_view codePoints() const { return m_text; }

private:
    std::u32string m_text;
};

} // namespace Gloss::Core

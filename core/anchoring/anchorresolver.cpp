#include "anchorresolver.h"

#include "approxmatcher.h"

#include <QList>
#include <algorithm>
#include <cmath>
#include <optional>

namespace Gloss::Core {

namespace {

struct Candidate
{
    qsizetype start = -1;
    qsizetype end = -1;
    int errors = 0;
    double quote = 0.0;
    double prefix = 0.0;
    double suffix = 0.0;
    double score = -1.0;
};

/// Scores candidate spans of one quote against the text. Prefix and suffix matchers are built on first use.
class Scorer
{
public:
    Scorer(std::u32string_view text, std::u32string_view quote, std::u32string_view prefix, std::u32string_view suffix,
        std::optional<qsizetype> hint)
        : m_text(text)
        , m_quote(quote)
        , m_prefix(prefix)
        , m_suffix(suffix)
        , m_hint(hint)
    { }

    /// Scores text[start, end) as a match with `errors` edits. `distinctive`: the exact quote occurs once in
    /// the text and is at least AnchorResolver::distinctiveLength long, so the context terms of the score are 1.
    Candidate evaluate(qsizetype start, qsizetype end, int errors, bool distinctive = false)
    {
        Candidate c;
        c.start = start;
        c.end = end;
        c.errors = errors;
        c.quote = 1.0 - double(errors) / double(std::max<size_t>(1, m_quote.size()));
        const qsizetype context = TextQuoteSelector::contextLength;
        const qsizetype preStart = std::max<qsizetype>(0, start - context);
        const std::u32string_view before = m_text.substr(size_t(preStart), size_t(start - preStart));
        const std::u32string_view after
            = m_text.substr(size_t(end), size_t(std::min<qsizetype>(context, qsizetype(m_text.size()) - end)));
        c.prefix = similarity(before, m_prefix, m_prefixMatcher);
        c.suffix = similarity(after, m_suffix, m_suffixMatcher);
        double position = -1.0;
        if (m_hint)
            position = std::max(0.0, 1.0 - double(std::abs(start - *m_hint)) / double(AnchorResolver::positionScale));
        const qsizetype length = qsizetype(m_quote.size());
        c.score = distinctive ? AnchorResolver::combinedScore(c.quote, 1.0, 1.0, position, length)
                              : AnchorResolver::combinedScore(c.quote, c.prefix, c.suffix, position, length);
        return c;
    }

private:
    static double similarity(
        std::u32string_view found, std::u32string_view stored, std::optional<ApproxMatcher> &matcher)
    {
        if (found == stored)
            return 1.0;
        const size_t longest = std::max(found.size(), stored.size());
        if (stored.empty() || found.empty())
            return 0.0;
        if (!matcher)
            matcher.emplace(stored);
        return 1.0 - double(matcher->distance(found)) / double(longest);
    }

    std::u32string_view m_text;
    std::u32string_view m_quote;
    std::u32string_view m_prefix;
    std::u32string_view m_suffix;
    std::optional<qsizetype> m_hint;
    std::optional<ApproxMatcher> m_prefixMatcher;
    std::optional<ApproxMatcher> m_suffixMatcher;
};

bool isSpace(char32_t c)
{
    return QChar::isSpace(c);
}

bool isWordChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing;
}

/// Where `quote` lies in text[start - |prefix| - slack, end + |suffix| + slack) when prefix + quote + suffix
/// is aligned with it as a whole (Levenshtein DP with traceback, free text ends): [quote start, quote end) in
/// code points of `text`. Text inserted at a boundary of the quote is left outside it. std::nullopt when the
/// table would exceed ~2M cells (very long quotes, whose ends matter little).
std::optional<std::pair<qsizetype, qsizetype>> alignContext(std::u32string_view text, std::u32string_view prefix,
    std::u32string_view quote, std::u32string_view suffix, qsizetype start, qsizetype end, qsizetype slack)
{
    const qsizetype n = qsizetype(text.size());
    const qsizetype from = std::max<qsizetype>(0, start - qsizetype(prefix.size()) - slack);
    const qsizetype to = std::min(n, end + qsizetype(suffix.size()) + slack);
    std::u32string pattern;
    pattern.reserve(prefix.size() + quote.size() + suffix.size());
    pattern.append(prefix).append(quote).append(suffix);
    const qsizetype rows = qsizetype(pattern.size()) + 1;
    const qsizetype cols = to - from + 1;
    if (rows * cols > 2'000'000 || rows > 60'000 || cols < 2) // costs are 16-bit
        return std::nullopt;
    std::vector<std::uint16_t> d(size_t(rows * cols));
    const auto at = [&](qsizetype i, qsizetype j) -> std::uint16_t & { return d[size_t(i * cols + j)]; };
    for (qsizetype j = 0; j < cols; ++j)
        at(0, j) = 0; // the alignment may start anywhere in the window
    for (qsizetype i = 1; i < rows; ++i) {
        at(i, 0) = std::uint16_t(i);
        const char32_t p = pattern[size_t(i - 1)];
        for (qsizetype j = 1; j < cols; ++j) {
            const int diagonal = at(i - 1, j - 1) + (p == text[size_t(from + j - 1)] ? 0 : 1);
            const int up = at(i - 1, j) + 1; // pattern character deleted
            const int left = at(i, j - 1) + 1; // text character inserted
            at(i, j) = std::uint16_t(std::min({ diagonal, up, left }));
        }
    }
    qsizetype j = 0;
    for (qsizetype c = 1; c < cols; ++c)
        if (at(rows - 1, c) < at(rows - 1, j))
            j = c;
    const qsizetype quoteBegin = qsizetype(prefix.size());
    const qsizetype quoteEnd = quoteBegin + qsizetype(quote.size());
    qsizetype alignedStart = -1, alignedEnd = -1;
    for (qsizetype i = rows - 1;;) {
        // Going back, row quoteEnd is walked right to left over text inserted after the quote: its leftmost
        // column ends the quote. Row quoteBegin is first reached at its rightmost column, after any text
        // inserted before the quote: that column starts it.
        if (i == quoteEnd)
            alignedEnd = j;
        if (i == quoteBegin && alignedStart < 0)
            alignedStart = j;
        if (i == 0)
            break;
        const char32_t p = pattern[size_t(i - 1)];
        if (j > 0 && at(i, j) == at(i - 1, j - 1) + (p == text[size_t(from + j - 1)] ? 0 : 1)) {
            --i;
            --j;
        } else if (at(i, j) == at(i - 1, j) + 1) {
            --i;
        } else {
            --j;
        }
    }
    if (alignedStart < 0)
        alignedStart = 0;
    if (alignedEnd < 0 || alignedEnd <= alignedStart)
        return std::nullopt;
    return std::pair { from + alignedStart, from + alignedEnd };
}

struct Token
{
    qsizetype start = 0; ///< code points
    qsizetype end = 0;
};

/// Words (runs of letters, digits and combining marks) and single other non-space characters (punctuation),
/// with their code point offsets (+ `offset`).
std::vector<Token> tokenize(std::u32string_view text, qsizetype offset = 0)
{
    std::vector<Token> tokens;
    const qsizetype n = qsizetype(text.size());
    for (qsizetype i = 0; i < n;) {
        if (isSpace(text[size_t(i)])) {
            ++i;
            continue;
        }
        const qsizetype start = i++;
        if (isWordChar(text[size_t(start)]))
            while (i < n && isWordChar(text[size_t(i)]))
                ++i;
        tokens.push_back(Token { offset + start, offset + i });
    }
    return tokens;
}

/// The word-level counterpart of alignContext() for quotes that begin and end at word boundaries: aligns the
/// words (and punctuation marks, see tokenize()) of prefix + quote + suffix with those of the window
/// (substituting a word costs 0.5 plus half the two words' normalised edit distance, or 1 when either has
/// fewer than 4 code points; inserting or deleting one costs 1), so that "insert a word before the quote, delete one
/// inside it" is not mistaken for "the quote now begins one word earlier", as character alignment may.
std::optional<std::pair<qsizetype, qsizetype>> alignWords(std::u32string_view text, std::u32string_view prefix,
    std::u32string_view quote, std::u32string_view suffix, qsizetype start, qsizetype end, qsizetype slack)
{
    const qsizetype n = qsizetype(text.size());
    const qsizetype from = std::max<qsizetype>(0, start - qsizetype(prefix.size()) - slack);
    const qsizetype to = std::min(n, end + qsizetype(suffix.size()) + slack);
    const std::vector<Token> window = tokenize(text.substr(size_t(from), size_t(to - from)), from);
    std::vector<std::u32string_view> pattern;
    for (const std::u32string_view part : { prefix, quote, suffix })
        for (const Token &t : tokenize(part))
            pattern.push_back(part.substr(size_t(t.start), size_t(t.end - t.start)));
    const qsizetype quoteBegin = qsizetype(tokenize(prefix).size());
    const qsizetype quoteEnd = quoteBegin + qsizetype(tokenize(quote).size());
    const qsizetype rows = qsizetype(pattern.size()) + 1;
    const qsizetype cols = qsizetype(window.size()) + 1;
    if (quoteEnd == quoteBegin || cols < 2 || rows * cols > 1'000'000)
        return std::nullopt;
    std::vector<double> d(size_t(rows * cols), 0.0);
    const auto at = [&](qsizetype i, qsizetype j) -> double & { return d[size_t(i * cols + j)]; };
    const auto substitution = [&](qsizetype i, qsizetype j) {
        const std::u32string_view a = pattern[size_t(i - 1)];
        const std::u32string_view b = text.substr(
            size_t(window[size_t(j - 1)].start), size_t(window[size_t(j - 1)].end - window[size_t(j - 1)].start));
        // Any change makes a word another word (at least 0.5); similar long words ("recieved") cost less than
        // unrelated ones, which cost as much as an insertion. Short words that differ are simply different
        // words: "of" and "on" are not a typo of each other.
        if (a == b)
            return 0.0;
        if (a.size() < 4 || b.size() < 4)
            return 1.0;
        return 0.5 + 0.5 * (1.0 - ApproxMatcher::similarity(a, b));
    };
    // Of equally good alignments, the one giving the quote the fewest window words: each window word taken into
    // the quote costs a hair more (an edit at both the quote's last word and the next is then read as two
    // substitutions, not as a word inserted into the quote).
    constexpr double inside = 1e-3;
    const auto insertCost = [&](qsizetype i) { return 1.0 + (i > quoteBegin && i < quoteEnd ? inside : 0.0); };
    std::vector<double> costs(size_t(rows * cols), 0.0); // diagonal costs, kept for the traceback
    for (qsizetype i = 1; i < rows; ++i) {
        at(i, 0) = double(i);
        const double diagonalExtra = (i > quoteBegin && i <= quoteEnd) ? inside : 0.0;
        for (qsizetype j = 1; j < cols; ++j) {
            const double diagonal = substitution(i, j) + diagonalExtra;
            costs[size_t(i * cols + j)] = diagonal;
            at(i, j) = std::min({ at(i - 1, j - 1) + diagonal, at(i - 1, j) + 1.0, at(i, j - 1) + insertCost(i) });
        }
    }
    qsizetype j = 0;
    for (qsizetype c = 1; c < cols; ++c)
        if (at(rows - 1, c) < at(rows - 1, j))
            j = c;
    qsizetype alignedStart = -1, alignedEnd = -1;
    for (qsizetype i = rows - 1;;) {
        if (i == quoteEnd)
            alignedEnd = j;
        if (i == quoteBegin && alignedStart < 0)
            alignedStart = j;
        if (i == 0)
            break;
        if (j > 0 && at(i, j) == at(i - 1, j - 1) + costs[size_t(i * cols + j)]) {
            --i;
            --j;
        } else if (at(i, j) == at(i - 1, j) + 1.0) {
            --i;
        } else {
            --j;
        }
    }
    // Columns count window words consumed: the quote starts at word alignedStart, ends after word alignedEnd - 1.
    if (alignedStart < 0 || alignedEnd <= alignedStart || alignedStart >= qsizetype(window.size()))
        return std::nullopt;
    return std::pair { window[size_t(alignedStart)].start, window[size_t(alignedEnd - 1)].end };
}

/// Better = higher score; on a tie, the earlier start (deterministic).
bool better(const Candidate &a, const Candidate &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.start >= 0 && (b.start < 0 || a.start < b.start);
}

} // namespace

AnchorResolver::AnchorResolver(QStringView text)
    : m_text(toCodePointString(text))
{ }

int AnchorResolver::maxQuoteErrors(qsizetype quoteLength)
{
    return int(std::max<qsizetype>(0, (quoteLength - 4) / 4));
}

double AnchorResolver::combinedScore(double quoteSimilarity, double prefixSimilarity, double suffixSimilarity,
    double positionSimilarity, qsizetype quoteLength)
{
    // A short quote is weak evidence of its own ("the" is everywhere): its weight grows with its length.
    const double quoteTerm = quoteWeight * std::min(1.0, double(quoteLength) / double(informativeLength));
    // Context counts only its agreement above chance: unrelated prose already scores ~0.15-0.45.
    const auto aboveChance
        = [](double similarity) { return std::max(0.0, (similarity - contextChance) / (1.0 - contextChance)); };
    double raw = quoteTerm * quoteSimilarity + prefixWeight * aboveChance(prefixSimilarity)
        + suffixWeight * aboveChance(suffixSimilarity);
    double max = quoteTerm + prefixWeight + suffixWeight;
    if (positionSimilarity >= 0.0) {
        raw += positionWeight * positionSimilarity;
        max += positionWeight;
    }
    return raw / max;
}

TextQuoteSelector AnchorResolver::quoteAt(TextPositionSelector position) const
{
    const qsizetype n = length();
    const qsizetype start = std::clamp<qsizetype>(position.start, 0, n);
    const qsizetype end = std::clamp<qsizetype>(position.end, start, n);
    const qsizetype prefixStart = std::max<qsizetype>(0, start - TextQuoteSelector::contextLength);
    const qsizetype suffixEnd = std::min(n, end + TextQuoteSelector::contextLength);
    const std::u32string_view all = m_text;
    return TextQuoteSelector { fromCodePointString(all.substr(size_t(start), size_t(end - start))),
        fromCodePointString(all.substr(size_t(prefixStart), size_t(start - prefixStart))),
        fromCodePointString(all.substr(size_t(end), size_t(suffixEnd - end))) };
}

AnchorResult AnchorResolver::resolve(const TextQuoteSelector &quote, const TextPositionSelector &stored,
    std::optional<qsizetype> hint, SearchScope scope) const
{
    AnchorResult result;
    result.position = TextPositionSelector {};
    result.quote = quote;
    const std::u32string exact = toCodePointString(quote.exact);
    if (exact.empty())
        return result;
    const std::u32string prefix = toCodePointString(quote.prefix);
    const std::u32string suffix = toCodePointString(quote.suffix);
    const std::u32string_view text = m_text;
    const qsizetype n = length();
    const qsizetype m = qsizetype(exact.size());
    if (!hint && stored.isValid())
        hint = stored.start;
    if (hint)
        hint = std::clamp<qsizetype>(*hint, 0, n);

    Scorer scorer(text, exact, prefix, suffix, hint);
    // A candidate may not cut a word where the stored quote did not: "vo" is not found inside "vosen".
    const bool startsOnBoundary = prefix.empty() || !isWordChar(prefix.back()) || !isWordChar(exact.front());
    const bool endsOnBoundary = suffix.empty() || !isWordChar(suffix.front()) || !isWordChar(exact.back());
    const auto cutsWord = [&](qsizetype at) {
        return at > 0 && at < n && isWordChar(text[size_t(at - 1)]) && isWordChar(text[size_t(at)]);
    };
    Candidate best;
    std::vector<Candidate> acceptable; // every candidate at or above minimumScore
    const auto consider = [&](const Candidate &c) {
        if ((startsOnBoundary && cutsWord(c.start)) || (endsOnBoundary && cutsWord(c.end)))
            return;
        if (better(c, best))
            best = c;
        if (c.score >= minimumScore && c.errors <= maxQuoteErrors(m))
            acceptable.push_back(c);
    };
    // Of the candidates within tieTolerance of the best score, the one nearest the hint: context similarities
    // differ by noise when an edit put the same word twice in a row ("on on"), and the hint, not that noise,
    // then knows which one is the old one.
    const auto choose = [&]() {
        Candidate top;
        for (const Candidate &c : acceptable)
            if (better(c, top))
                top = c;
        Candidate chosen = top;
        for (const Candidate &c : acceptable) {
            if (c.score < top.score - tieTolerance)
                continue;
            const qsizetype dc = hint ? std::abs(c.start - *hint) : 0;
            const qsizetype dk = hint ? std::abs(chosen.start - *hint) : 0;
            if (dc < dk || (dc == dk && better(c, chosen)))
                chosen = c;
        }
        return chosen;
    };
    const auto accept = [&](Candidate c) {
        // A fuzzy match neither begins nor ends with white space the quote does not have.
        if (c.errors > 0) {
            qsizetype a = c.start, b = c.end;
            while (a < b && isSpace(text[size_t(a)]) && !isSpace(exact.front()))
                ++a;
            while (b > a && isSpace(text[size_t(b - 1)]) && !isSpace(exact.back()))
                --b;
            if ((a != c.start || b != c.end) && b > a) {
                const int errors = ApproxMatcher(exact).distance(text.substr(size_t(a), size_t(b - a)));
                const Candidate trimmed = scorer.evaluate(a, b, errors);
                if (trimmed.score >= minimumScore && errors <= maxQuoteErrors(m))
                    c = trimmed;
            }
        }
        AnchorResult r;
        if (c.errors == 0)
            r.status = (stored.isValid() && stored.start == c.start && stored.end == c.end) ? AnchorStatus::Exact
                                                                                            : AnchorStatus::Moved;
        else
            r.status = AnchorStatus::Fuzzy;
        r.position = TextPositionSelector { c.start, c.end };
        r.quote = quoteAt(r.position);
        r.score = c.score;
        r.quoteSimilarity = c.quote;
        r.prefixSimilarity = c.prefix;
        r.suffixSimilarity = c.suffix;
        r.errors = c.errors;
        return r;
    };
    const auto exactAt = [&](qsizetype start) {
        return start >= 0 && start + m <= n && text.substr(size_t(start), size_t(m)) == exact;
    };

    // The veto: where the stored context still stands intact around some other stretch of text, that stretch
    // is where the annotated words were, and they were rewritten or deleted; a copy of the quote elsewhere
    // ("na the the" -> "na and the": the second "the" is not the annotated one) is then not them.
    // Stretches [start, end) of text in [from, to) that the last 16 code points of the stored prefix and the first
    // 16 of the stored suffix stand intact around, at most maxGap apart. None when either is under 8.
    const auto contextSlots = [&](qsizetype from, qsizetype to, qsizetype maxGap) {
        std::vector<std::pair<qsizetype, qsizetype>> slots;
        const qsizetype tail = std::min<qsizetype>(16, qsizetype(prefix.size()));
        const qsizetype head = std::min<qsizetype>(16, qsizetype(suffix.size()));
        if (tail < 8 || head < 8)
            return slots;
        const std::u32string_view prefixTail = std::u32string_view(prefix).substr(prefix.size() - size_t(tail));
        const std::u32string_view suffixHead = std::u32string_view(suffix).substr(0, size_t(head));
        from = std::max<qsizetype>(0, from);
        to = std::min(n, to);
        for (qsizetype at = from; at + tail <= to;) {
            const auto found = text.substr(size_t(at), size_t(to - at)).find(prefixTail);
            if (found == std::u32string_view::npos)
                break;
            const qsizetype slotStart = at + qsizetype(found) + tail;
            const qsizetype searchEnd = std::min(n, slotStart + maxGap + head);
            const auto next = text.substr(size_t(slotStart), size_t(searchEnd - slotStart)).find(suffixHead);
            if (next != std::u32string_view::npos)
                slots.emplace_back(slotStart, slotStart + qsizetype(next));
            at = slotStart - tail + 1;
        }
        return slots;
    };
    const auto contextSlotDisagrees = [&](const Candidate &c) {
        const qsizetype maxGap = m + maxQuoteErrors(m) + 16;
        const qsizetype around = hint ? std::min(*hint, c.start) : c.start;
        const qsizetype from = around - maxGap - 16 - 64;
        const qsizetype to = std::max(hint.value_or(c.end), c.end) + maxGap + 16 + 64;
        for (const auto &[slotStart, slotEnd] : contextSlots(from, to, maxGap)) {
            const bool inside = c.start < std::max(slotEnd, slotStart + 1) && c.end > slotStart - 1
                && c.start >= slotStart - 1 && c.end <= slotEnd + 1;
            if (!inside)
                return true;
        }
        return false;
    };

    // 1. Position check at the stored position and at the hint.
    QList<qsizetype> checked;
    for (const std::optional<qsizetype> at : { std::optional<qsizetype>(stored.isValid() ? stored.start : -1), hint }) {
        if (!at || *at < 0 || checked.contains(*at) || !exactAt(*at))
            continue;
        checked.append(*at);
        const Candidate c = scorer.evaluate(*at, *at + m, 0);
        if (c.prefix == 1.0 && c.suffix == 1.0 && !(startsOnBoundary && cutsWord(c.start))
            && !(endsOnBoundary && cutsWord(c.end)))
            return accept(c);
        consider(c);
    }

    // 2. Exact search, near the hint first.
    qsizetype occurrences = 0;
    qsizetype lastOccurrence = -1;
    const auto exactSearch = [&](qsizetype from, qsizetype to) {
        from = std::max<qsizetype>(0, from);
        to = std::min(n, to);
        if (to - from < m)
            return;
        const std::u32string_view range = text.substr(size_t(from), size_t(to - from));
        for (size_t found = range.find(exact); found != std::u32string_view::npos;
             found = range.find(exact, found + 1)) {
            const qsizetype start = from + qsizetype(found);
            consider(scorer.evaluate(start, start + m, 0));
            ++occurrences;
            lastOccurrence = start;
        }
    };
    // 3. Approximate search.
    const int maxErrors = maxQuoteErrors(m);
    std::optional<ApproxMatcher> matcher;
    // A span and, where it cuts a word the stored quote did not cut, its ends moved to the nearest word
    // boundaries: edit distance is blind to words ("pledged" -> "promised" aligns as well from "romised").
    const auto considerSpan = [&](qsizetype start, qsizetype end, int knownErrors) {
        if (!matcher)
            matcher.emplace(exact);
        QList<qsizetype> starts { start }, ends { end };
        if (startsOnBoundary && cutsWord(start)) {
            qsizetype left = start, right = start;
            while (left > 0 && isWordChar(text[size_t(left - 1)]) && start - left <= maxErrors)
                --left;
            while (right < end && isWordChar(text[size_t(right)]) && right - start <= maxErrors)
                ++right;
            starts << left << right;
        }
        if (endsOnBoundary && cutsWord(end)) {
            qsizetype left = end, right = end;
            while (right < n && isWordChar(text[size_t(right)]) && right - end <= maxErrors)
                ++right;
            while (left > start && isWordChar(text[size_t(left - 1)]) && end - left <= maxErrors)
                --left;
            ends << right << left;
        }
        for (const qsizetype a : starts) {
            for (const qsizetype b : ends) {
                if (b <= a)
                    continue;
                const int errors = (a == start && b == end && knownErrors >= 0)
                    ? knownErrors
                    : matcher->distance(text.substr(size_t(a), size_t(b - a)));
                if (errors <= maxErrors)
                    consider(scorer.evaluate(a, b, errors));
            }
        }
    };
    const auto approxSearch = [&](qsizetype from, qsizetype to) {
        if (maxErrors == 0)
            return;
        from = std::max<qsizetype>(0, from);
        to = std::min(n, to);
        if (to - from < m - maxErrors)
            return;
        if (!matcher)
            matcher.emplace(exact);
        const auto matches = matcher->search(text.substr(size_t(from), size_t(to - from)), maxErrors);
        for (const ApproxMatcher::Match &match : matches)
            considerSpan(from + match.start, from + match.end, match.errors);
    };

    const bool nearOnly = hint && scope == SearchScope::NearHint;
    const qsizetype halfWindow = nearOnly ? nearWindow : searchWindow;
    const bool local = hint && n > 2 * halfWindow + m;
    const qsizetype windowFrom = local ? *hint - halfWindow : 0;
    const qsizetype windowTo = local ? *hint + m + halfWindow : n;
    exactSearch(windowFrom, windowTo);
    if (local && !nearOnly && best.score < confidentScore) {
        exactSearch(0, windowFrom + m - 1);
        exactSearch(windowTo - m + 1, n);
    }
    const bool searchedWholeText = !local || (!nearOnly && best.score < confidentScore);
    // Is the quote distinctive (one occurrence in the whole text)? Only worth a count over the whole text
    // when the credit could change the outcome.
    // A shorter quote is as good as distinctive when it occurs once and one side of its stored context (16 code
    // points or more) stands exactly intact next to it: "Slavic" after its preceding sentence was rewritten.
    const auto oneSideIntact = [&]() {
        if (occurrences == 0 || lastOccurrence < 0)
            return false;
        const Candidate c = scorer.evaluate(lastOccurrence, lastOccurrence + m, 0);
        return (c.prefix == 1.0 && prefix.size() >= 16) || (c.suffix == 1.0 && suffix.size() >= 16);
    };
    if (occurrences > 0 && best.score < (searchedWholeText ? confidentScore : minimumScore)
        && (m >= distinctiveLength || oneSideIntact())) {
        qsizetype total = occurrences;
        if (!searchedWholeText) {
            total = 0;
            for (size_t found = text.find(exact); found != std::u32string_view::npos && total < 2;
                 found = text.find(exact, found + 1))
                ++total;
        }
        if (total == 1)
            consider(scorer.evaluate(lastOccurrence, lastOccurrence + m, 0, true));
    }
    if (best.score < confidentScore) {
        approxSearch(windowFrom, windowTo);
        if (local && !nearOnly && best.score < confidentScore) {
            // Overlap by the longest possible match so that nothing straddling the window edge is lost.
            const qsizetype overlap = m + maxErrors;
            approxSearch(0, windowFrom + overlap);
            approxSearch(windowTo - overlap, n);
        }
    }

    // The quote's own edit distance decides where an approximate match lies, not where its ends are: an edited
    // word at an end can be matched by taking a neighbouring word in or leaving one out at similar cost. The
    // best approximate candidates get their ends from aligning prefix + quote + suffix with the text instead.
    if (!acceptable.empty()) {
        std::vector<Candidate> approximate;
        std::vector<Candidate> kept;
        for (const Candidate &c : acceptable)
            (c.errors > 0 ? approximate : kept).push_back(c);
        std::sort(approximate.begin(), approximate.end(), better);
        approximate.erase(
            std::unique(approximate.begin(), approximate.end(),
                [](const Candidate &a, const Candidate &b) { return a.start == b.start && a.end == b.end; }),
            approximate.end());
        acceptable = std::move(kept);
        // Word alignment where the quote begins and ends at word boundaries, character alignment else.
        const bool wordAligned = startsOnBoundary && endsOnBoundary;
        // Only aligned spans survive: an unaligned match that borrowed context characters to save edits
        // ("basoar and" matched by "on ar. and" after "basoar" was deleted) is not offered at all.
        for (size_t i = 0; i < approximate.size() && i < 16; ++i) {
            const Candidate &c = approximate[i];
            const auto span = wordAligned ? alignWords(text, prefix, exact, suffix, c.start, c.end, maxErrors + 8)
                                          : alignContext(text, prefix, exact, suffix, c.start, c.end, maxErrors + 8);
            if (span)
                considerSpan(span->first, span->second, -1);
            else
                acceptable.push_back(c);
        }
    }

    if (!acceptable.empty()) {
        const Candidate chosen = choose();
        if (!contextSlotDisagrees(chosen))
            return accept(chosen);
    }

    // 5. Rewritten in place: no candidate passed, but the stored context stands intact around one stretch near
    // the hint, and that stretch is still recognisably the quote (at most half its characters edited, as
    // Hypothesis's match-quote allows: "NATO intervened" -> "NATO forces intervened"). The context on both
    // sides vouches for the place, so the quote may change more than the edit cap allows a match found by
    // the quote alone. Only for informative quotes (16+ code points): a short word edited in place is another
    // word (tanks/tasks), and stays an orphan.
    // Not when a candidate passed and the veto rejected it: the quote then stands intact elsewhere, and which of
    // the two places holds the annotated words is not clear.
    if (m >= informativeLength && acceptable.empty()) {
        const qsizetype maxGap = 2 * m;
        const auto slots = hint ? contextSlots(*hint - positionScale, *hint + m + positionScale, maxGap)
                                : contextSlots(0, n, maxGap);
        if (slots.size() == 1) {
            auto [a, b] = slots.front();
            while (a < b && isSpace(text[size_t(a)]) && !isSpace(exact.front()))
                ++a;
            while (b > a && isSpace(text[size_t(b - 1)]) && !isSpace(exact.back()))
                --b;
            if (b - a >= m / 2 && !(startsOnBoundary && cutsWord(a)) && !(endsOnBoundary && cutsWord(b))) {
                const int errors = ApproxMatcher(exact).distance(text.substr(size_t(a), size_t(b - a)));
                if (errors > 0 && errors <= m / 2) {
                    Candidate c = scorer.evaluate(a, b, errors);
                    return accept(c);
                }
            }
        }
    }
    result.score = std::max(0.0, best.score);
    result.quoteSimilarity = best.start >= 0 ? best.quote : 0.0;
    result.prefixSimilarity = best.start >= 0 ? best.prefix : 0.0;
    result.suffixSimilarity = best.start >= 0 ? best.suffix : 0.0;
    result.errors = best.start >= 0 ? best.errors : 0;
    return result;
}

} // namespace Gloss::Core

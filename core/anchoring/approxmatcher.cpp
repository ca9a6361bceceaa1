#include "approxmatcher.h"

#include <algorithm>
#include <cstdlib>

namespace Gloss::Core {

namespace {

constexpr qsizetype wordBits = 64;

std::u32string reversed(std::u32string_view s)
{
    return std::u32string(s.rbegin(), s.rend());
}

/// Advances one 64-row block of the DP column by one text character (Myers 1999, Fig. 9 / section 4).
/// `hin` is the horizontal delta (-1, 0, +1) entering the block's top row; returns the delta leaving its
/// bottom row, read at bit `high`.
inline int advanceBlock(std::uint64_t &pv, std::uint64_t &mv, std::uint64_t eq, int hin, std::uint64_t high)
{
    const std::uint64_t xv = eq | mv;
    if (hin < 0)
        eq |= 1;
    const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    std::uint64_t ph = mv | ~(xh | pv);
    std::uint64_t mh = pv & xh;
    int hout = 0;
    if (ph & high)
        hout = 1;
    else if (mh & high)
        hout = -1;
    ph <<= 1;
    mh <<= 1;
    if (hin < 0)
        mh |= 1;
    else if (hin > 0)
        ph |= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    return hout;
}

} // namespace

ApproxMatcher::Masks::Masks(std::u32string_view pattern)
    : m_blocks(std::max<qsizetype>(1, (qsizetype(pattern.size()) + wordBits - 1) / wordBits))
    , m_latin1(size_t(256 * m_blocks), 0)
    , m_zero(size_t(m_blocks), 0)
{
    for (const char32_t c : pattern)
        if (c >= 256)
            m_otherKeys.push_back(c);
    std::sort(m_otherKeys.begin(), m_otherKeys.end());
    m_otherKeys.erase(std::unique(m_otherKeys.begin(), m_otherKeys.end()), m_otherKeys.end());
    m_other.assign(m_otherKeys.size() * size_t(m_blocks), 0);
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char32_t c = pattern[i];
        std::uint64_t *row = nullptr;
        if (c < 256) {
            row = &m_latin1[size_t(c) * size_t(m_blocks)];
        } else {
            const auto it = std::lower_bound(m_otherKeys.begin(), m_otherKeys.end(), c);
            row = &m_other[size_t(it - m_otherKeys.begin()) * size_t(m_blocks)];
        }
        row[i / wordBits] |= std::uint64_t(1) << (i % wordBits);
    }
}

const std::uint64_t *ApproxMatcher::Masks::of(char32_t c) const
{
    if (c < 256)
        return &m_latin1[size_t(c) * size_t(m_blocks)];
    const auto it = std::lower_bound(m_otherKeys.begin(), m_otherKeys.end(), c);
    if (it == m_otherKeys.end() || *it != c)
        return m_zero.data();
    return &m_other[size_t(it - m_otherKeys.begin()) * size_t(m_blocks)];
}

ApproxMatcher::ApproxMatcher(std::u32string_view pattern)
    : m_pattern(pattern)
    , m_forward(pattern)
    , m_reverse(reversed(pattern))
{ }

template <typename Sink>
void ApproxMatcher::run(const Masks &masks, std::u32string_view text, bool global, Sink &&sink) const
{
    const qsizetype m = patternLength();
    const qsizetype blocks = masks.blocks();
    // Column 0 is D[i][0] = i: every vertical delta +1.
    std::vector<std::uint64_t> pv(size_t(blocks), ~std::uint64_t(0));
    std::vector<std::uint64_t> mv(size_t(blocks), 0);
    const std::uint64_t lastHigh = std::uint64_t(1) << ((m - 1) % wordBits);
    const std::uint64_t fullHigh = std::uint64_t(1) << (wordBits - 1);
    int score = int(m);
    if (blocks == 1) {
        std::uint64_t p = pv[0], v = mv[0];
        for (size_t j = 0; j < text.size(); ++j) {
            score += advanceBlock(p, v, *masks.of(text[j]), global ? 1 : 0, lastHigh);
            if (!sink(qsizetype(j) + 1, score))
                return;
        }
        return;
    }
    for (size_t j = 0; j < text.size(); ++j) {
        const std::uint64_t *eq = masks.of(text[j]);
        int carry = global ? 1 : 0;
        for (qsizetype b = 0; b < blocks; ++b)
            carry = advanceBlock(pv[size_t(b)], mv[size_t(b)], eq[b], carry, b + 1 == blocks ? lastHigh : fullHigh);
        score += carry;
        if (!sink(qsizetype(j) + 1, score))
            return;
    }
}

qsizetype ApproxMatcher::findStart(std::u32string_view text, qsizetype end, int errors) const
{
    const qsizetype m = patternLength();
    const qsizetype from = std::max<qsizetype>(0, end - m - errors);
    const std::u32string back = reversed(text.substr(size_t(from), size_t(end - from)));
    // Column j of the reversed run scores the pattern against text[end - j, end).
    qsizetype bestLength = 0;
    int bestScore = int(m);
    const auto better = [m](qsizetype length, qsizetype than) {
        return std::abs(length - m) < std::abs(than - m)
            || (std::abs(length - m) == std::abs(than - m) && length > than);
    };
    run(m_reverse, back, true, [&](qsizetype length, int score) {
        if (score < bestScore || (score == bestScore && better(length, bestLength))) {
            bestScore = score;
            bestLength = length;
        }
        return true;
    });
    return end - bestLength;
}

QList<ApproxMatcher::Match> ApproxMatcher::search(std::u32string_view text, int maxErrors) const
{
    QList<Match> matches;
    const qsizetype m = patternLength();
    if (m == 0)
        return matches;
    maxErrors = std::max(0, maxErrors);
    QList<std::pair<qsizetype, int>> ends;
    int previous = int(m);
    qsizetype candidate = -1;
    bool descending = false;
    run(m_forward, text, false, [&](qsizetype end, int score) {
        if (score < previous) {
            candidate = end;
            descending = true;
        } else if (score > previous) {
            if (descending && previous <= maxErrors)
                ends.append({ candidate, previous });
            descending = false;
        }
        previous = score;
        return true;
    });
    if (descending && previous <= maxErrors)
        ends.append({ candidate, previous });
    matches.reserve(ends.size());
    for (const auto &[end, errors] : ends)
        matches.append(Match { findStart(text, end, errors), end, errors });
    return matches;
}

int ApproxMatcher::distance(std::u32string_view text) const
{
    int result = int(patternLength());
    if (result == 0)
        return int(text.size());
    run(m_forward, text, true, [&](qsizetype, int score) {
        result = score;
        return true;
    });
    return result;
}

int ApproxMatcher::editDistance(std::u32string_view a, std::u32string_view b)
{
    if (a.empty())
        return int(b.size());
    if (b.empty())
        return int(a.size());
    // The shorter string as pattern keeps the block count low.
    if (a.size() > b.size())
        std::swap(a, b);
    return ApproxMatcher(a).distance(b);
}

double ApproxMatcher::similarity(std::u32string_view a, std::u32string_view b)
{
    const size_t longest = std::max(a.size(), b.size());
    if (longest == 0)
        return 1.0;
    return 1.0 - double(editDistance(a, b)) / double(longest);
}

} // namespace Gloss::Core

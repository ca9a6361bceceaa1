#include "offsetmap.h"

#include <QChar>
#include <QHash>
#include <algorithm>
#include <cstdlib>
#include <functional>

namespace Gloss::Core {

namespace {

struct Token
{
    qsizetype start = 0;
    size_t hash = 0;
};

bool isSpace(char32_t c)
{
    return c < 0x10000 ? QChar(char16_t(c)).isSpace() : false;
}

/// Word bigrams (a word and the next) of text[from, to), each with the start of its first word.
std::vector<Token> bigrams(std::u32string_view text, qsizetype from, qsizetype to)
{
    std::vector<std::pair<qsizetype, size_t>> words;
    qsizetype i = from;
    while (i < to) {
        while (i < to && isSpace(text[size_t(i)]))
            ++i;
        const qsizetype start = i;
        while (i < to && !isSpace(text[size_t(i)]))
            ++i;
        if (i > start)
            words.emplace_back(start, std::hash<std::u32string_view> {}(text.substr(size_t(start), size_t(i - start))));
    }
    std::vector<Token> out;
    out.reserve(words.size());
    for (size_t w = 0; w + 1 < words.size(); ++w)
        out.push_back(
            Token { words[w].first, words[w].second * 1000003u ^ (words[w + 1].second + 0x9e3779b97f4a7c15u) });
    return out;
}

/// hash -> index of the only token with it, or -1 when it occurs more than once.
QHash<size_t, qsizetype> uniqueIndex(const std::vector<Token> &tokens)
{
    QHash<size_t, qsizetype> index;
    index.reserve(qsizetype(tokens.size()));
    for (size_t t = 0; t < tokens.size(); ++t) {
        auto it = index.find(tokens[t].hash);
        if (it == index.end())
            index.insert(tokens[t].hash, qsizetype(t));
        else
            it.value() = -1;
    }
    return index;
}

} // namespace

OffsetMap::OffsetMap(std::u32string_view oldText, std::u32string_view newText)
    : m_newLength(qsizetype(newText.size()))
{
    const qsizetype oldLength = qsizetype(oldText.size());
    qsizetype head = 0;
    const qsizetype shorter = std::min(oldLength, m_newLength);
    while (head < shorter && oldText[size_t(head)] == newText[size_t(head)])
        ++head;
    qsizetype tail = 0;
    while (tail < shorter - head && oldText[size_t(oldLength - 1 - tail)] == newText[size_t(m_newLength - 1 - tail)])
        ++tail;

    m_anchors.emplace_back(0, 0);
    if (head == oldLength && head == m_newLength)
        return;

    const std::vector<Token> oldTokens = bigrams(oldText, head, oldLength - tail);
    const std::vector<Token> newTokens = bigrams(newText, head, m_newLength - tail);
    const QHash<size_t, qsizetype> oldUnique = uniqueIndex(oldTokens);
    const QHash<size_t, qsizetype> newUnique = uniqueIndex(newTokens);

    // Pairs unique in both, in old order; then the longest subsequence increasing in new order.
    std::vector<std::pair<qsizetype, qsizetype>> pairs;
    for (size_t t = 0; t < oldTokens.size(); ++t) {
        if (oldUnique.value(oldTokens[t].hash, -1) != qsizetype(t))
            continue;
        const qsizetype other = newUnique.value(oldTokens[t].hash, -1);
        if (other >= 0)
            pairs.emplace_back(oldTokens[t].start, newTokens[size_t(other)].start);
    }
    std::vector<qsizetype> tailIndex; // tailIndex[len - 1] = index into pairs ending an LIS of len
    std::vector<qsizetype> previous(pairs.size(), -1);
    for (size_t i = 0; i < pairs.size(); ++i) {
        const auto pos = std::lower_bound(tailIndex.begin(), tailIndex.end(), pairs[i].second,
            [&](qsizetype idx, qsizetype value) { return pairs[size_t(idx)].second < value; });
        if (pos != tailIndex.begin())
            previous[i] = *(pos - 1);
        if (pos == tailIndex.end())
            tailIndex.push_back(qsizetype(i));
        else
            *pos = qsizetype(i);
    }
    std::vector<std::pair<qsizetype, qsizetype>> chain;
    for (qsizetype i = tailIndex.empty() ? -1 : tailIndex.back(); i >= 0; i = previous[size_t(i)])
        chain.push_back(pairs[size_t(i)]);
    std::reverse(chain.begin(), chain.end());

    if (head > 0)
        m_anchors.emplace_back(head, head); // marks the end of the common prefix (shift 0 up to here)
    for (const auto &anchor : chain)
        if (anchor.first > m_anchors.back().first && anchor.second > m_anchors.back().second)
            m_anchors.push_back(anchor);
    const qsizetype oldTail = oldLength - tail;
    const qsizetype newTail = m_newLength - tail;
    if (tail > 0 && oldTail >= m_anchors.back().first && newTail >= m_anchors.back().second) {
        // A pure insertion or deletion leaves oldTail (or newTail) equal to the last anchor: the common suffix
        // then starts right there, and its shift is the one that holds from that offset on.
        if (oldTail == m_anchors.back().first)
            m_anchors.pop_back();
        m_anchors.emplace_back(oldTail, newTail);
    }
    // The two ends of the texts align too.
    if (oldLength > m_anchors.back().first && m_newLength > m_anchors.back().second)
        m_anchors.emplace_back(oldLength, m_newLength);
}

bool OffsetMap::isAligned(qsizetype oldStart, qsizetype oldEnd, qsizetype slack) const
{
    const auto after = std::lower_bound(m_anchors.begin(), m_anchors.end(), oldEnd,
        [](const std::pair<qsizetype, qsizetype> &a, qsizetype value) { return a.first < value; });
    auto before = std::upper_bound(m_anchors.begin(), m_anchors.end(), oldStart,
        [](qsizetype value, const std::pair<qsizetype, qsizetype> &a) { return value < a.first; });
    if (after == m_anchors.end() || before == m_anchors.begin())
        return false;
    --before;
    if (oldStart - before->first > slack || after->first - oldEnd > slack)
        return false;
    const qsizetype oldSpan = after->first - before->first;
    const qsizetype newSpan = after->second - before->second;
    return std::abs(newSpan - oldSpan) <= slack;
}

qsizetype OffsetMap::map(qsizetype oldOffset) const
{
    auto it = std::upper_bound(m_anchors.begin(), m_anchors.end(), oldOffset,
        [](qsizetype value, const std::pair<qsizetype, qsizetype> &a) { return value < a.first; });
    if (it != m_anchors.begin())
        --it;
    return std::clamp<qsizetype>(it->second + (oldOffset - it->first), 0, m_newLength);
}

} // namespace Gloss::Core

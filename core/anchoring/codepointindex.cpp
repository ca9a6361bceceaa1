#include "codepointindex.h"

#include <algorithm>

namespace Gloss::Core {

CodePointIndex::CodePointIndex(QStringView text)
    : m_utf16Length(text.size())
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i].isHighSurrogate() && text[i + 1].isLowSurrogate()) {
            m_pairs.append(i);
            ++i;
        }
    }
}

qsizetype CodePointIndex::toCodePoints(qsizetype utf16Offset) const
{
    const qsizetype u = std::clamp<qsizetype>(utf16Offset, 0, m_utf16Length);
    // Pairs that start strictly before u each count one code point for two units; a pair that starts at
    // u - 1 is split by u, so u is moved back to the pair's start.
    const auto it = std::lower_bound(m_pairs.cbegin(), m_pairs.cend(), u);
    qsizetype before = it - m_pairs.cbegin();
    qsizetype unit = u;
    if (before > 0 && m_pairs[before - 1] == u - 1) {
        --before;
        unit = u - 1;
    }
    return unit - before;
}

qsizetype CodePointIndex::toUtf16(qsizetype codePointOffset) const
{
    const qsizetype c = std::clamp<qsizetype>(codePointOffset, 0, codePointLength());
    // The code point index of pair k is m_pairs[k] - k; count the pairs that start before code point c.
    qsizetype lo = 0, hi = m_pairs.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_pairs[mid] - mid < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return c + lo;
}

qsizetype codePointLength(QStringView text)
{
    return CodePointIndex(text).codePointLength();
}

qsizetype utf16ToCodePoints(QStringView text, qsizetype utf16Offset)
{
    return CodePointIndex(text).toCodePoints(utf16Offset);
}

qsizetype codePointsToUtf16(QStringView text, qsizetype codePointOffset)
{
    return CodePointIndex(text).toUtf16(codePointOffset);
}

std::u32string toCodePointString(QStringView text)
{
    std::u32string out;
    out.reserve(size_t(text.size()));
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
            out.push_back(char32_t(QChar::surrogateToUcs4(c, text[i + 1])));
            ++i;
        } else if (c.isSurrogate()) {
            out.push_back(char32_t(QChar::ReplacementCharacter));
        } else {
            out.push_back(char32_t(c.unicode()));
        }
    }
    return out;
}

QString fromCodePointString(std::u32string_view codePoints)
{
    QString out;
    out.reserve(qsizetype(codePoints.size()));
    for (const char32_t cp : codePoints) {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            out.append(QChar(QChar::ReplacementCharacter));
        else if (QChar::requiresSurrogates(cp))
            out.append(QChar(QChar::highSurrogate(cp))).append(QChar(QChar::lowSurrogate(cp)));
        else
            out.append(QChar(char16_t(cp)));
    }
    return out;
}

} // namespace Gloss::Core

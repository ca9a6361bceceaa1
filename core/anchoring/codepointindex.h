#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <string>
#include <string_view>

namespace Gloss::Core {

/// The one place that converts text offsets between QString's UTF-16 code units and Unicode code points
/// (the unit of W3C Web Annotation selectors, §4.2.4 TextPositionSelector, and of brat and Python).
/// Built once per text in O(n); each conversion is O(log s), s = number of surrogate pairs in the text.
/// An offset that falls between the two halves of a surrogate pair maps to the start of that pair.
class CodePointIndex final
{
public:
    CodePointIndex() = default;
    explicit CodePointIndex(QStringView text);

    /// UTF-16 offset (0..utf16Length) -> code point offset. Out-of-range offsets are clamped.
    qsizetype toCodePoints(qsizetype utf16Offset) const;
    /// Code point offset (0..codePointLength) -> UTF-16 offset. Out-of-range offsets are clamped.
    qsizetype toUtf16(qsizetype codePointOffset) const;

    qsizetype utf16Length() const { return m_utf16Length; }
    qsizetype codePointLength() const { return m_utf16Length - m_pairs.size(); }

private:
    QList<qsizetype> m_pairs;     ///< UTF-16 index of each high surrogate that starts a valid pair, ascending
    qsizetype m_utf16Length = 0;
};

/// One-off conversions (build a CodePointIndex for many offsets on the same text).
qsizetype codePointLength(QStringView text);
qsizetype utf16ToCodePoints(QStringView text, qsizetype utf16Offset);
qsizetype codePointsToUtf16(QStringView text, qsizetype codePointOffset);

/// The text as a sequence of Unicode code points (one char32_t per code point), so that an index into the
/// result IS a code point offset. A lone surrogate becomes U+FFFD and still counts as one code point, exactly
/// as CodePointIndex counts it, so offsets agree. O(n). Used by the matchers of core/anchoring.
std::u32string toCodePointString(QStringView text);
/// Inverse of toCodePointString for valid code points (surrogate pairs are re-encoded; invalid values become U+FFFD).
QString fromCodePointString(std::u32string_view codePoints);

} // namespace Gloss::Core

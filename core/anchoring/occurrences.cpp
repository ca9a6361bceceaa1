#include "occurrences.h"

#include "codepointindex.h"

#include <QSet>

namespace Gloss::Core {

namespace {

bool continuesWord(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

/// Scripts whose text runs words together without spaces (or, for Hangul, glues particles to words).
bool writtenWithoutSpaces(char32_t c)
{
    // The prolonged sound mark (and its half-width form) is Common script but only ever written in kana.
    if (c == 0x30FC || c == 0xFF70)
        return true;
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Bopomofo:
    case QChar::Script_Hangul:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
    case QChar::Script_Yi:
        return true;
    default:
        return false;
    }
}

/// The code point that ends just before UTF-16 index `at` of `s` (`at` > 0).
char32_t codePointBefore(QStringView s, qsizetype at)
{
    const QChar low = s[at - 1];
    if (low.isLowSurrogate() && at >= 2 && s[at - 2].isHighSurrogate())
        return QChar::surrogateToUcs4(s[at - 2], low);
    return low.unicode();
}

/// The code point that starts at UTF-16 index `at` of `s` (`at` < s.size()).
char32_t codePointAt(QStringView s, qsizetype at)
{
    const QChar high = s[at];
    if (high.isHighSurrogate() && at + 1 < s.size() && s[at + 1].isLowSurrogate())
        return QChar::surrogateToUcs4(high, s[at + 1]);
    return high.unicode();
}

} // namespace

bool isWordBoundary(char32_t before, char32_t after)
{
    if (!continuesWord(before) || !continuesWord(after))
        return true;
    return writtenWithoutSpaces(before) || writtenWithoutSpaces(after);
}

QList<TextPositionSelector> untaggedOccurrences(QStringView text, QStringView needle,
    const QList<TextPositionSelector> &tagged, Qt::CaseSensitivity sensitivity, bool wholeWords)
{
    QList<TextPositionSelector> out;
    if (needle.isEmpty())
        return out;
    QSet<std::pair<qsizetype, qsizetype>> taken;
    for (const TextPositionSelector &t : tagged)
        taken.insert({ t.start, t.end });
    const CodePointIndex index(text);
    const char32_t first = codePointAt(needle, 0);
    const char32_t last = codePointBefore(needle, needle.size());
    for (qsizetype at = text.indexOf(needle, 0, sensitivity); at >= 0; at = text.indexOf(needle, at + 1, sensitivity)) {
        const qsizetype end = at + needle.size();
        if (wholeWords
            && ((at > 0 && !isWordBoundary(codePointBefore(text, at), first))
                || (end < text.size() && !isWordBoundary(last, codePointAt(text, end)))))
            continue;
        const TextPositionSelector span { index.toCodePoints(at), index.toCodePoints(end) };
        if (!taken.contains({ span.start, span.end }))
            out.append(span);
    }
    return out;
}

} // namespace Gloss::Core

#pragma once

#include "core/anchoring/textselectors.h"

#include <QList>
#include <QStringView>

namespace Gloss::Core {

/// "Tag all occurrences": every occurrence of `needle` in `text` that no span of `tagged` already covers
/// exactly, as [start, end) in Unicode code points of `text`, in text order. With `wholeWords`, an occurrence
/// must not continue a word on either side ("NATO" is not found in "NATOs"; see isWordBoundary()). Matching is
/// literal (after `sensitivity`); an empty needle finds nothing. O(|text|).
QList<TextPositionSelector> untaggedOccurrences(QStringView text, QStringView needle,
    const QList<TextPositionSelector> &tagged, Qt::CaseSensitivity sensitivity = Qt::CaseSensitive,
    bool wholeWords = true);

/// Whether `before` and `after` (code points, not UTF-16 units) may lie on two sides of a word edge, for the
/// whole-word test of untaggedOccurrences(). False only when both continue a word (letters, digits,
/// combining marks) of scripts that separate words with spaces. A character of a script written without
/// spaces between words (Han, Hiragana, Katakana and the prolonged sound mark, Bopomofo, Hangul (particles
/// attach to nouns), Thai, Lao, Khmer, Myanmar, Yi) on either side is always a boundary, since such text has
/// no separator to check: "DeepMind的" ends "DeepMind", "子イヌと" holds "イヌ". This is a script check, not
/// dictionary segmentation (UAX #29 and ICU's dictionary would not split some compounds a user selects).
bool isWordBoundary(char32_t before, char32_t after);

} // namespace Gloss::Core

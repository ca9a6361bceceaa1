#pragma once

#include "core/anchoring/textselectors.h"

#include <QList>
#include <QStringView>

namespace Gloss::Core {

/// "Tag all occurrences": every occurrence of `needle` in `text` that no span of `tagged` already covers
/// exactly, as [start, end) in Unicode code points of `text`, in text order. With `wholeWords`, an occurrence
/// must not continue a word on either side ("NATO" is not found in "NATOs"), judged on letters, digits and
/// combining marks. Matching is literal (after `sensitivity`); an empty needle finds nothing. O(|text|).
QList<TextPositionSelector> untaggedOccurrences(QStringView text, QStringView needle,
    const QList<TextPositionSelector> &tagged, Qt::CaseSensitivity sensitivity = Qt::CaseSensitive,
    bool wholeWords = true);

} // namespace Gloss::Core

#include "textselectors.h"

#include "codepointindex.h"

#include <algorithm>

namespace Gloss::Core {

TextQuoteSelector quoteSelectorAt(QStringView text, TextPositionSelector position)
{
    const CodePointIndex index(text);
    const qsizetype cpLength = index.codePointLength();
    const qsizetype start = std::clamp<qsizetype>(position.start, 0, cpLength);
    const qsizetype end = std::clamp<qsizetype>(position.end, start, cpLength);
    const qsizetype prefixStart = std::max<qsizetype>(0, start - TextQuoteSelector::contextLength);
    const qsizetype suffixEnd = std::min(cpLength, end + TextQuoteSelector::contextLength);

    const auto slice = [&](qsizetype from, qsizetype to) {
        const qsizetype a = index.toUtf16(from);
        return text.mid(a, index.toUtf16(to) - a).toString();
    };
    return TextQuoteSelector{slice(start, end), slice(prefixStart, start), slice(end, suffixEnd)};
}

} // namespace Gloss::Core

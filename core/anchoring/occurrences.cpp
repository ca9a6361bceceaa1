#include "occurrences.h"

#include "codepointindex.h"

#include <QSet>

namespace Gloss::Core {

namespace {

bool continuesWord(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

} // namespace

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
    for (qsizetype at = text.indexOf(needle, 0, sensitivity); at >= 0; at = text.indexOf(needle, at + 1, sensitivity)) {
        const qsizetype end = at + needle.size();
        if (wholeWords
            && ((at > 0 && continuesWord(text[at - 1]) && continuesWord(needle.front()))
                || (end < text.size() && continuesWord(text[end]) && continuesWord(needle.back()))))
            continue;
        const TextPositionSelector span { index.toCodePoints(at), index.toCodePoints(end) };
        if (!taken.contains({ span.start, span.end }))
            out.append(span);
    }
    return out;
}

} // namespace Gloss::Core

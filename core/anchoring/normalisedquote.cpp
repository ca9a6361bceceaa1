#include "normalisedquote.h"

#include "approxmatcher.h"
#include "codepointindex.h"

#include <QChar>
#include <string>
#include <vector>

namespace Gloss::Core {

namespace {

/// Code points with white space runs collapsed to one space and trimmed; origin[i] is the code point offset
/// in the source of normalised code point i.
struct Normalised
{
    std::u32string text;
    std::vector<qsizetype> origin;
};

Normalised normalise(std::u32string_view source, bool fold)
{
    Normalised out;
    bool pendingSpace = false;
    for (size_t i = 0; i < source.size(); ++i) {
        const char32_t c = source[i];
        if (QChar::isSpace(c)) {
            pendingSpace = !out.text.empty();
            continue;
        }
        if (pendingSpace) {
            out.text.push_back(U' ');
            out.origin.push_back(qsizetype(i) - 1);
            pendingSpace = false;
        }
        out.text.push_back(fold ? char32_t(QChar::toCaseFolded(c)) : c);
        out.origin.push_back(qsizetype(i));
    }
    return out;
}

} // namespace

std::optional<TextPositionSelector> findNormalisedQuote(QStringView readerText, const TextQuoteSelector &quote)
{
    const std::u32string source = toCodePointString(readerText);
    for (const bool fold : { false, true }) {
        const Normalised text = normalise(source, fold);
        const std::u32string exact = normalise(toCodePointString(quote.exact), fold).text;
        const std::u32string prefix = normalise(toCodePointString(quote.prefix), fold).text;
        const std::u32string suffix = normalise(toCodePointString(quote.suffix), fold).text;
        if (exact.empty())
            return std::nullopt;
        const std::u32string_view haystack = text.text;
        qsizetype best = -1;
        double bestScore = -1.0;
        for (size_t at = haystack.find(exact); at != std::u32string_view::npos; at = haystack.find(exact, at + 1)) {
            // The context as the normalised text has it, one joining space skipped on each side.
            size_t before = at;
            if (before > 0 && haystack[before - 1] == U' ')
                --before;
            size_t after = at + exact.size();
            if (after < haystack.size() && haystack[after] == U' ')
                ++after;
            const size_t p = std::min(prefix.size(), before);
            const size_t s = std::min(suffix.size(), haystack.size() - after);
            const double score
                = (prefix.empty() ? 0.0
                                  : ApproxMatcher::similarity(std::u32string_view(prefix).substr(prefix.size() - p),
                                      haystack.substr(before - p, p)))
                + (suffix.empty() ? 0.0
                                  : ApproxMatcher::similarity(
                                      std::u32string_view(suffix).substr(0, s), haystack.substr(after, s)));
            if (score > bestScore) {
                bestScore = score;
                best = qsizetype(at);
            }
        }
        if (best >= 0)
            return TextPositionSelector { text.origin[size_t(best)], text.origin[size_t(best) + exact.size() - 1] + 1 };
    }
    return std::nullopt;
}

} // namespace Gloss::Core

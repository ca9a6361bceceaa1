#include "quoteanchor.h"

#include <QList>

namespace Gloss::Ui {

namespace {
struct Normalised
{
    QList<char32_t> text; ///< whitespace-collapsed code points
    QList<qsizetype> origin; ///< code point offset in the original text of each normalised code point
    qsizetype length = 0; ///< code point length of the original
};

Normalised normalise(const QString &s, bool fold)
{
    Normalised n;
    bool space = true; // drop leading white space
    qsizetype cp = 0;
    for (const char32_t c : s.toUcs4()) {
        if (QChar::isSpace(c)) {
            if (!space) {
                n.text << U' ';
                n.origin << cp;
            }
            space = true;
        } else {
            n.text << (fold ? QChar::toCaseFolded(c) : c);
            n.origin << cp;
            space = false;
        }
        ++cp;
    }
    while (!n.text.isEmpty() && n.text.last() == U' ') {
        n.text.removeLast();
        n.origin.removeLast();
    }
    n.length = cp;
    return n;
}

double agreement(const QList<char32_t> &a, qsizetype aFrom, qsizetype aStep, const QList<char32_t> &b, qsizetype bFrom,
    qsizetype bStep, qsizetype n)
{
    if (n <= 0)
        return 0;
    qsizetype same = 0;
    for (qsizetype i = 0; i < n; ++i)
        same += a.at(aFrom + i * aStep) == b.at(bFrom + i * bStep);
    return double(same) / double(n);
}
} // namespace

std::optional<Core::TextPositionSelector> findNormalisedQuote(
    const QString &readerText, const Core::TextQuoteSelector &quote)
{
    for (const bool fold : { false, true }) {
        const Normalised text = normalise(readerText, fold);
        const Normalised exact = normalise(quote.exact, fold);
        const Normalised prefix = normalise(quote.prefix, fold);
        const Normalised suffix = normalise(quote.suffix, fold);
        const qsizetype m = exact.text.size();
        if (m == 0 || m > text.text.size())
            return std::nullopt;
        qsizetype best = -1;
        double bestScore = -1;
        for (qsizetype i = 0; i + m <= text.text.size(); ++i) {
            if (text.text.at(i) != exact.text.at(0)
                || !std::equal(exact.text.cbegin(), exact.text.cend(), text.text.cbegin() + i))
                continue;
            // Context: compare backwards from the match start (skipping one joining space) and forwards from its end.
            qsizetype before = i - 1;
            if (before >= 0 && text.text.at(before) == U' ')
                --before;
            qsizetype after = i + m;
            if (after < text.text.size() && text.text.at(after) == U' ')
                ++after;
            const qsizetype np = std::min(prefix.text.size(), before + 1);
            const qsizetype ns = std::min(suffix.text.size(), text.text.size() - after);
            const double score = agreement(text.text, before, -1, prefix.text, prefix.text.size() - 1, -1, np)
                + agreement(text.text, after, 1, suffix.text, 0, 1, ns);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best >= 0)
            return Core::TextPositionSelector { text.origin.at(best), text.origin.at(best + m - 1) + 1 };
    }
    return std::nullopt;
}

} // namespace Gloss::Ui

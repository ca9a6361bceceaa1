#include "reanchor.h"

#include "anchorresolver.h"
#include "offsetmap.h"

#include <optional>

namespace Gloss::Core {

QString ReanchorReport::summary() const
{
    return QStringLiteral("%1 exact, %2 moved, %3 fuzzy, %4 orphaned").arg(exact).arg(moved).arg(fuzzy).arg(orphaned);
}

ReanchorReport reanchor(QStringView oldText, QStringView newText, const QList<Annotation> &annotations)
{
    ReanchorReport report;
    report.annotations.reserve(annotations.size());
    report.results.reserve(annotations.size());
    const AnchorResolver resolver(newText);
    std::optional<OffsetMap> offsets;
    if (oldText != newText)
        offsets.emplace(toCodePointString(oldText), resolver.codePoints());

    for (const Annotation &annotation : annotations) {
        const bool placed = annotation.status != AnchorStatus::Orphaned && annotation.position.isValid();
        const TextPositionSelector stored = placed ? annotation.position : TextPositionSelector {};
        std::optional<qsizetype> hint;
        if (placed)
            hint = offsets ? offsets->map(stored.start) : stored.start;
        // Where the surroundings of the passage kept their place, its words (if they survived) are near the
        // hint: searching the whole text could only find a copy elsewhere, which is not what was annotated.
        const bool aligned = placed && offsets && offsets->isAligned(stored.start, stored.end);
        const AnchorResult result = resolver.resolve(annotation.quote, stored, hint,
            aligned ? AnchorResolver::SearchScope::NearHint : AnchorResolver::SearchScope::WholeText);

        Annotation updated = annotation;
        updated.status = result.status;
        updated.position = result.position;
        if (result.isAnchored())
            updated.quote = result.quote;
        switch (result.status) {
        case AnchorStatus::Exact:
            ++report.exact;
            break;
        case AnchorStatus::Moved:
            ++report.moved;
            break;
        case AnchorStatus::Fuzzy:
            ++report.fuzzy;
            break;
        case AnchorStatus::Orphaned:
            ++report.orphaned;
            break;
        }
        report.annotations.append(std::move(updated));
        report.results.append(result);
    }
    return report;
}

ReanchorReport verifyAnchors(QStringView text, const QList<Annotation> &annotations)
{
    ReanchorReport report = reanchor(text, text, annotations);
    // An annotation still exactly where it was stored keeps the status its last re-anchoring gave it.
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        if (report.results[i].status != AnchorStatus::Exact || annotations[i].status == AnchorStatus::Exact)
            continue;
        --report.exact;
        report.annotations[i].status = annotations[i].status;
        report.results[i].status = annotations[i].status;
        switch (annotations[i].status) {
        case AnchorStatus::Moved:
            ++report.moved;
            break;
        case AnchorStatus::Fuzzy:
            ++report.fuzzy;
            break;
        default:
            ++report.exact;
            break;
        }
    }
    return report;
}

} // namespace Gloss::Core

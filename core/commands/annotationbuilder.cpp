#include "annotationbuilder.h"

#include "core/anchoring/codepointindex.h"
#include "core/anchoring/occurrences.h"

namespace Gloss::Core {

Result<Annotation> annotationForRange(const ArticleVersion &version, TextPositionSelector position,
                                      AnnotationKind kind, const QString &label, const QString &creator)
{
    const qsizetype length = codePointLength(version.readerText);
    if (!position.isValid() || position.start == position.end)
        return fail(QStringLiteral("Select some text first: the span is empty."));
    if (position.end > length)
        return fail(QStringLiteral("The span %1-%2 lies outside the article text (%3 code points).")
                        .arg(position.start)
                        .arg(position.end)
                        .arg(length));
    Annotation a = makeAnnotation(kind, label, creator);
    a.articleId = version.articleId;
    a.versionId = version.id;
    a.position = position;
    a.quote = quoteSelectorAt(version.readerText, position);
    a.status = AnchorStatus::Exact;
    return a;
}

Result<Annotation> annotationForQuote(const ArticleVersion &version, const QString &quote, int occurrence,
                                      AnnotationKind kind, const QString &label, const QString &creator)
{
    const QString needle = quote.normalized(QString::NormalizationForm_C).simplified();
    if (needle.isEmpty())
        return fail(QStringLiteral("The quote is empty."));
    const QString &text = version.readerText;
    // Whole-word occurrences, as "tag all occurrences" counts them ("Russia" is not the start of "Russian");
    // only when the quote never stands as whole words is it looked for inside words.
    QList<TextPositionSelector> hits = untaggedOccurrences(text, needle, {}, Qt::CaseSensitive, true);
    if (hits.isEmpty())
        hits = untaggedOccurrences(text, needle, {}, Qt::CaseSensitive, false);
    if (hits.isEmpty())
        return fail(QStringLiteral("The quote \"%1\" does not occur in the article text.").arg(needle));
    if (occurrence == 0 && hits.size() > 1)
        return fail(QStringLiteral("The quote \"%1\" occurs %2 times; say which with --occurrence N (1 to %2).")
                        .arg(needle)
                        .arg(hits.size()));
    if (occurrence < 0 || occurrence > hits.size())
        return fail(QStringLiteral("The quote \"%1\" occurs %2 %3; there is no occurrence %4.")
                        .arg(needle)
                        .arg(hits.size())
                        .arg(hits.size() == 1 ? QStringLiteral("time") : QStringLiteral("times"))
                        .arg(occurrence));
    return annotationForRange(version, hits.at(occurrence == 0 ? 0 : occurrence - 1), kind, label, creator);
}

} // namespace Gloss::Core

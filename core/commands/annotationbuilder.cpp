#include "annotationbuilder.h"

#include "core/anchoring/codepointindex.h"

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
    QList<qsizetype> hits;
    for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
        hits.append(at);
    if (hits.isEmpty())
        return fail(QStringLiteral("The quote \"%1\" does not occur in the article text.").arg(needle));
    if (occurrence == 0 && hits.size() > 1)
        return fail(QStringLiteral("The quote \"%1\" occurs %2 times; say which with --occurrence N (1 to %2).")
                        .arg(needle)
                        .arg(hits.size()));
    if (occurrence < 0 || occurrence > hits.size())
        return fail(QStringLiteral("The quote \"%1\" occurs %2 time(s); there is no occurrence %3.")
                        .arg(needle)
                        .arg(hits.size())
                        .arg(occurrence));
    const qsizetype at = hits.at(occurrence == 0 ? 0 : occurrence - 1);
    const CodePointIndex index(text);
    return annotationForRange(version, {index.toCodePoints(at), index.toCodePoints(at + needle.size())}, kind, label,
                              creator);
}

} // namespace Gloss::Core

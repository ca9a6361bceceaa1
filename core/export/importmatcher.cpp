#include "importmatcher.h"

#include "core/anchoring/anchorresolver.h"
#include "core/anchoring/codepointindex.h"

namespace Gloss::Core {

using namespace Qt::StringLiterals;

namespace {

/// The one place where `quote` occurs with its prefix and suffix (of whatever length the other tool stored)
/// matching exactly, in UTF-16 units of `text`; -1 when there is none or more than one. Other tools store
/// shorter contexts than Gloss's 32 code points; AnchorResolver scores context against 32 code points, so
/// such a quote is settled here first and only the rest goes through the resolver's search.
qsizetype uniqueExactMatch(const QString &text, const TextQuoteSelector &quote)
{
    qsizetype found = -1;
    for (qsizetype at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
        if (!QStringView(text).first(at).endsWith(quote.prefix)
            || !QStringView(text).sliced(at + quote.exact.size()).startsWith(quote.suffix))
            continue;
        if (found >= 0)
            return -1;
        found = at;
    }
    return found;
}

} // namespace

ImportMatcher::ImportMatcher(Lookup lookup)
    : m_lookup(std::move(lookup))
{ }

ImportMatcher::~ImportMatcher() = default;

QList<Annotation> ImportMatcher::place(const QList<ImportedAnnotation> &items, ImportReport &report)
{
    QList<Annotation> out;
    out.reserve(items.size());
    for (const ImportedAnnotation &item : items) {
        const std::optional<ImportArticle> article = m_lookup ? m_lookup(item) : std::nullopt;
        if (!article) {
            ++report.skipped;
            report.messages.append(u"%1: no stored article for %2"_s.arg(
                item.annotation.id, item.source.isEmpty() ? u"(no source)"_s : item.source));
            continue;
        }
        if (!m_resolver || m_cachedVersion != article->versionId) {
            m_resolver = std::make_unique<AnchorResolver>(article->readerText);
            m_cachedVersion = article->versionId;
        }
        Annotation a = item.annotation;
        a.articleId = article->articleId;
        a.versionId = article->versionId;
        TextQuoteSelector quote = a.quote;
        if (quote.exact.isEmpty() && a.position.isValid()) // position only: take the text there
            quote = m_resolver->quoteAt(a.position);
        AnchorResult r = m_resolver->resolve(quote, a.position);
        if (!r.isAnchored() && !quote.exact.isEmpty()) {
            if (const qsizetype at = uniqueExactMatch(article->readerText, quote); at >= 0) {
                const CodePointIndex index(article->readerText);
                r.position
                    = TextPositionSelector { index.toCodePoints(at), index.toCodePoints(at + quote.exact.size()) };
                r.status = r.position == a.position ? AnchorStatus::Exact : AnchorStatus::Moved;
                r.quote = m_resolver->quoteAt(r.position);
            }
        }
        a.status = r.status;
        a.position = r.position;
        a.quote = r.isAnchored() ? r.quote : quote;
        if (r.isAnchored()) {
            ++report.imported;
        } else {
            ++report.orphaned;
            report.messages.append(
                u"%1: quote not found in article %2, kept as an orphan"_s.arg(a.id).arg(a.articleId));
        }
        out.append(a);
    }
    return out;
}

} // namespace Gloss::Core

#pragma once

#include "core/export/importreport.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace Gloss::Core {

class AnchorResolver;

/// The stored article an imported annotation belongs to: ids and the reader text of the version to anchor on.
struct ImportArticle
{
    qint64 articleId = 0;
    qint64 versionId = 0;
    QString readerText;
};

/// Places imported annotations on stored articles, storage-free: the caller's `lookup` finds the article
/// (typically by ImportedAnnotation::source = the article's source URL, or snapshotSha256 = its snapshot hash;
/// std::nullopt when there is none), and each annotation is re-anchored on that article's reader text by its
/// quote with AnchorResolver (exact position -> quote search -> approximate -> orphan). Positions that a tool
/// counted in UTF-16 units, or on another rendering of the page, are thereby corrected.
class ImportMatcher final
{
public:
    using Lookup = std::function<std::optional<ImportArticle>(const ImportedAnnotation &)>;

    explicit ImportMatcher(Lookup lookup);
    ~ImportMatcher();

    /// The annotations to store, in input order: placed ones (status Exact, Moved or Fuzzy; `position` and
    /// `quote` re-cut from the reader text; articleId and versionId set) and orphans (position {-1,-1}, status
    /// Orphaned, quote as imported). Those without a matching article are left out. `report` counts
    /// imported / orphaned / skipped and names each skipped annotation.
    QList<Annotation> place(const QList<ImportedAnnotation> &items, ImportReport &report);

private:
    Lookup m_lookup;
    qint64 m_cachedVersion = -1;
    std::unique_ptr<AnchorResolver> m_resolver; ///< for the last version seen (imports come article by article)
};

} // namespace Gloss::Core

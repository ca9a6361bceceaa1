#pragma once

#include "core/result.h"

#include <QList>
#include <QStringList>

namespace Gloss::Core {

class Database;

/// A free tag with the number of articles carrying it.
struct TagCount
{
    QString tag;
    int articles = 0;
};

/// Free tags on articles. Tags are trimmed, inner whitespace collapsed, compared case-insensitively (ASCII); the
/// first spelling stored is kept. The only class with SQL about tags. Every write is one transaction.
class TagRepository final
{
public:
    explicit TagRepository(Database &database);

    /// Adds tags to an article (already there: no change). Errors: an empty tag, no such article.
    Result<void> addTags(qint64 articleId, const QStringList &tags);
    /// Removes tags from an article (absent: no change).
    Result<void> removeTags(qint64 articleId, const QStringList &tags);
    /// The tags of one article, sorted.
    Result<QStringList> tagsOf(qint64 articleId) const;
    /// Every tag in use, sorted, with article counts.
    Result<QList<TagCount>> tags() const;

private:
    Database &m_database;
};

} // namespace Gloss::Core

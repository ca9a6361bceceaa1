#pragma once

#include "core/annotation/annotation.h"
#include "core/result.h"

#include <QList>

namespace Gloss::Core {

class Database;

/// Annotations of articles. The only class with SQL about annotations. Offsets are Unicode code points of
/// the reader text of the annotation's `versionId`; an orphan has start/end stored as NULL (-1 in memory).
class AnnotationRepository final
{
public:
    explicit AnnotationRepository(Database &database);

    /// Inserts a new annotation (its `id` must be unused). One transaction. Errors: duplicate id, unknown
    /// article or version, storage failure (rolled back).
    Result<void> insert(const Annotation &annotation);
    /// Inserts several in one transaction (all or none).
    Result<void> insertAll(const QList<Annotation> &annotations);
    /// Replaces every field of the stored annotation with the same id. Errors: no such annotation.
    Result<void> update(const Annotation &annotation);
    /// Deletes by id. Errors: no such annotation.
    Result<void> remove(const QString &id);

    /// One annotation. Errors: no such annotation.
    Result<Annotation> annotation(const QString &id) const;
    /// An article's annotations ordered by start (orphans last), then creation time.
    Result<QList<Annotation>> forArticle(qint64 articleId) const;
    /// How many annotations the store holds.
    Result<qint64> count() const;

private:
    Database &m_database;
};

} // namespace Gloss::Core

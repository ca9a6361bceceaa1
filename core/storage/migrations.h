#pragma once

#include <QStringList>
#include <vector>

namespace Gloss::Core {

/// The schema as an ordered list of steps: step n (0-based) takes `PRAGMA user_version` from n to n + 1.
/// Each step's statements run inside one transaction (Database::migrate). Never edit a released step;
/// append a new one.
const std::vector<QStringList> &migrations();

/// The statements that rebuild the annotation search rows (quotes, notes, linked entity names) of the articles
/// whose ids `articleIdsQuery` (an SQL subquery) returns. Used by schema step 3 and SearchIndex::rebuild().
QStringList annotationSearchRebuildStatements(const QString &articleIdsQuery);

/// The statement that fills `cjk_fts` (schema step 5: the trigram index of current versions holding CJK or
/// Hangul text) from the tables; it must start empty. Used by step 5 and SearchIndex::rebuild().
QString cjkSearchRebuildStatement();

} // namespace Gloss::Core

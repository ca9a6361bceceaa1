#pragma once

#include "core/result.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// Small helpers shared by the repositories (private to core/storage).
namespace Gloss::Core::Sql {

/// UTC timestamps are stored as ISO 8601 text with milliseconds ("2020-10-20T16:32:00.000Z").
inline QString timeToText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime timeFromText(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

/// Executes a prepared query; the error names `what`.
inline Result<void> exec(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return std::unexpected(storageError(what, q.lastError().text()));
    return {};
}

/// A NULL for empty strings would change comparisons; store empty strings, never NULL text.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

/// " WHERE ..." for `filter` over `articles a` (empty when it filters nothing) with its values to bind, in order.
inline QString libraryFilterClause(const LibraryFilter &filter, QVariantList &values)
{
    QStringList conditions;
    if (!filter.collection.isEmpty()) {
        conditions.append(QStringLiteral("a.id IN (SELECT ac.article_id FROM article_collections ac JOIN collections c "
                                         "ON c.id = ac.collection_id WHERE c.name = ?)"));
        values.append(filter.collection.simplified());
    }
    if (!filter.tag.isEmpty()) {
        conditions.append(QStringLiteral("a.id IN (SELECT t.article_id FROM article_tags t WHERE t.tag = ?)"));
        values.append(filter.tag.simplified());
    }
    if (!filter.readingState.isEmpty()) {
        conditions.append(QStringLiteral("coalesce((SELECT r.state FROM reading_state r WHERE r.article_id = a.id), "
                                         "'unread') = ?"));
        values.append(filter.readingState);
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

/// Succeeds when article `articleId` is stored; a user error naming it otherwise.
inline Result<void> requireArticle(const QSqlDatabase &db, qint64 articleId)
{
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT 1 FROM articles WHERE id = ?"));
    find.addBindValue(articleId);
    if (auto r = exec(find, QStringLiteral("Cannot read the library")); !r)
        return r;
    if (!find.next())
        return fail(QStringLiteral("There is no article %1 in the library.").arg(articleId));
    return {};
}

} // namespace Gloss::Core::Sql

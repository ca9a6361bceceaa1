#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Gloss::Core {

class Database;

/// A collection: a project or corpus that articles belong to (an article can be in several).
struct Collection
{
    qint64 id = 0;
    QString name; ///< unique, compared case-insensitively (ASCII)
    QString description;
    QDateTime created; ///< UTC
    int articleCount = 0; ///< filled by collections() and find()
};

/// Collections and their articles. The only class with SQL about them. Every write is one transaction.
class CollectionRepository final
{
public:
    explicit CollectionRepository(Database &database);

    /// Creates a collection. Errors: empty name, a collection with that name exists, storage failure.
    Result<Collection> create(const QString &name, const QString &description = {});
    /// The collection named `name` (case-insensitive), created when missing (one transaction).
    Result<Collection> ensure(const QString &name);
    /// The collection named `name` (case-insensitive), or std::nullopt.
    Result<std::optional<Collection>> find(const QString &name) const;
    /// Every collection by name, with article counts.
    Result<QList<Collection>> collections() const;
    /// The collections article `articleId` is in, by name.
    Result<QList<Collection>> forArticle(qint64 articleId) const;

    /// Adds articles to a collection (already there: no change). All or none. Errors: no such collection or
    /// article.
    Result<void> addArticles(qint64 collectionId, const QList<qint64> &articleIds);
    /// Adds articles to the collection named `name`, creating it when missing, all in one transaction: when an
    /// article does not exist, nothing is written (no new empty collection either). Errors: empty name, no such
    /// article, storage failure.
    Result<Collection> addArticles(const QString &name, const QList<qint64> &articleIds);
    /// Removes articles from a collection (the articles stay in the library). Errors: no such collection.
    Result<void> removeArticles(qint64 collectionId, const QList<qint64> &articleIds);
    /// Deletes a collection (never its articles). Errors: no such collection.
    Result<void> remove(qint64 collectionId);

private:
    Database &m_database;
};

} // namespace Gloss::Core

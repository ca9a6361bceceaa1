#pragma once

#include "core/result.h"

#include <QString>

#include <optional>

namespace Gloss::Core {

class Database;

/// Finds stored articles by what other tools know of them: a URL or a snapshot hash. SQL lives here and in
/// the other repositories only.
class ArticleLookup final
{
public:
    explicit ArticleLookup(Database &database);

    /// The article imported from `url` (its source URL), or whose current version's canonical URL is `url`.
    Result<std::optional<qint64>> bySourceUrl(const QString &url) const;
    /// The article one of whose versions was extracted from the snapshot with this SHA-256 (lower-case hex).
    Result<std::optional<qint64>> bySnapshotSha256(const QString &sha256) const;

private:
    Database &m_database;
};

} // namespace Gloss::Core

#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace Gloss::Core {

class Database;

/// Where a reader is in an article. An article with no stored state is Unread.
struct ReadingProgress
{
    enum State { Unread, InProgress, Read };
    State state = Unread;
    qint64 position = 0; ///< Unicode code points into the current version's reader text (InProgress), else 0
    QDateTime updated; ///< UTC; invalid for an article never opened
};

/// "unread", "in_progress", "read" (the stored names).
QString toString(ReadingProgress::State state);
std::optional<ReadingProgress::State> readingStateFromString(QStringView name);

/// Reading state of articles. The only class with SQL about it. Every write is one transaction.
class ReadingStateRepository final
{
public:
    explicit ReadingStateRepository(Database &database);

    /// Stores the state (and position, in code points, kept only for InProgress). Errors: no such article,
    /// negative position.
    Result<void> setState(qint64 articleId, ReadingProgress::State state, qint64 position = 0);
    /// The stored state; Unread with position 0 when there is none.
    Result<ReadingProgress> state(qint64 articleId) const;

private:
    Database &m_database;
};

} // namespace Gloss::Core

#include "readingstaterepository.h"

#include "database.h"
#include "sqlhelpers.h"

namespace Gloss::Core {

using namespace Sql;

QString toString(ReadingProgress::State state)
{
    switch (state) {
    case ReadingProgress::InProgress:
        return QStringLiteral("in_progress");
    case ReadingProgress::Read:
        return QStringLiteral("read");
    case ReadingProgress::Unread:
        break;
    }
    return QStringLiteral("unread");
}

std::optional<ReadingProgress::State> readingStateFromString(QStringView name)
{
    if (name == u"unread")
        return ReadingProgress::Unread;
    if (name == u"in_progress")
        return ReadingProgress::InProgress;
    if (name == u"read")
        return ReadingProgress::Read;
    return std::nullopt;
}

ReadingStateRepository::ReadingStateRepository(Database &database)
    : m_database(database)
{ }

Result<void> ReadingStateRepository::setState(qint64 articleId, ReadingProgress::State state, qint64 position)
{
    if (position < 0)
        return fail(QStringLiteral("A reading position cannot be negative."));
    return m_database.transaction([&]() -> Result<void> {
        QSqlDatabase db = m_database.connection();
        if (auto r = requireArticle(db, articleId); !r)
            return r;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO reading_state (article_id, state, position, updated) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (article_id) DO UPDATE SET state = excluded.state, "
                                 "position = excluded.position, updated = excluded.updated"));
        q.addBindValue(articleId);
        q.addBindValue(toString(state));
        q.addBindValue(state == ReadingProgress::InProgress ? position : 0);
        q.addBindValue(timeToText(QDateTime::currentDateTimeUtc()));
        return exec(q, QStringLiteral("Cannot save the reading state"));
    });
}

Result<ReadingProgress> ReadingStateRepository::state(qint64 articleId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT state, position, updated FROM reading_state WHERE article_id = ?"));
    q.addBindValue(articleId);
    if (auto r = exec(q, QStringLiteral("Cannot read the reading state")); !r)
        return std::unexpected(r.error());
    ReadingProgress p;
    if (q.next()) {
        p.state = readingStateFromString(q.value(0).toString()).value_or(ReadingProgress::Unread);
        p.position = q.value(1).toLongLong();
        p.updated = timeFromText(q.value(2).toString());
    }
    return p;
}

} // namespace Gloss::Core

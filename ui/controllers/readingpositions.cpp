#include "readingpositions.h"

#include "core/storage/readingstaterepository.h"

#include <QCoreApplication>
#include <cmath>

namespace Gloss::Ui {

ReadingPositions::ReadingPositions(Core::Database &database)
    : m_database(database)
{ }

Core::Result<double> ReadingPositions::fraction(qint64 articleId, qsizetype textLength) const
{
    auto state = Core::ReadingStateRepository(m_database).state(articleId);
    if (!state)
        return std::unexpected(state.error());
    if (state->state != Core::ReadingProgress::InProgress || textLength <= 0)
        return 0.0;
    return std::clamp(double(state->position) / double(textLength), 0.0, 1.0);
}

Core::Result<void> ReadingPositions::save(qint64 articleId, qsizetype textLength, double fraction)
{
    Core::ReadingStateRepository repository(m_database);
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (fraction >= readThreshold())
        return repository.setState(articleId, Core::ReadingProgress::Read);
    auto state = repository.state(articleId);
    if (!state)
        return std::unexpected(state.error());
    if (state->state == Core::ReadingProgress::Read)
        return {};
    const auto position = qint64(std::llround(fraction * double(std::max<qsizetype>(textLength, 0))));
    return repository.setState(articleId, Core::ReadingProgress::InProgress, position);
}

QString ReadingPositions::label(qint64 articleId, qsizetype textLength) const
{
    auto state = Core::ReadingStateRepository(m_database).state(articleId);
    if (!state)
        return {};
    switch (state->state) {
    case Core::ReadingProgress::Read:
        return QCoreApplication::translate("Gloss::Ui::ReadingPositions", "read");
    case Core::ReadingProgress::InProgress:
        return QCoreApplication::translate("Gloss::Ui::ReadingPositions", "%1% read")
            .arg(textLength > 0 ? int(100 * state->position / textLength) : 0);
    case Core::ReadingProgress::Unread:
        break;
    }
    return QCoreApplication::translate("Gloss::Ui::ReadingPositions", "unread");
}

} // namespace Gloss::Ui

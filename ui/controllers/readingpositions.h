#pragma once

#include "core/result.h"

#include <QString>

namespace Gloss::Core {
class Database;
}

namespace Gloss::Ui {

/// Reading positions per article, kept in the store (core's ReadingStateRepository: unread, in progress at a
/// position, read) and translated for the reader view, which scrolls by fraction of the page height.
///
/// The store keeps a position in Unicode code points of the current reader text; the reader view reports and
/// restores a fraction 0..1 of its scrollable height. The two are converted proportionally over the text
/// length (position = round(fraction × length)): exact at both ends and close enough in between, since the
/// reader text and the page grow together. A fraction of readThreshold() or more marks the article read; a read
/// article stays read (scrolling back up does not make it unread again) and opens at the top.
class ReadingPositions final
{
public:
    explicit ReadingPositions(Core::Database &database);

    /// From this fraction of the page on, an article counts as read.
    static constexpr double readThreshold() { return 0.97; }

    /// Where to scroll article `articleId` (reader text of `textLength` code points) when it opens: a fraction
    /// 0..1. Unread and read articles open at 0. Errors: storage.
    Core::Result<double> fraction(qint64 articleId, qsizetype textLength) const;
    /// Stores that the reader is at `fraction` (clamped to 0..1) of article `articleId`. Errors: no such
    /// article, storage.
    Core::Result<void> save(qint64 articleId, qsizetype textLength, double fraction);
    /// The library's reading-state text: "unread", "42% read" or "read" (empty on a storage error).
    QString label(qint64 articleId, qsizetype textLength) const;

private:
    Core::Database &m_database;
};

} // namespace Gloss::Ui

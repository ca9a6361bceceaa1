#pragma once

#include <QDateTime>
#include <QString>

// Publication dates as pages and text files write them, read into ISO 8601 UTC.
namespace Gloss::Core::PublicationDate {

/// Publication dates before this year are placeholders ("0000-00-00") or misread numbers.
inline constexpr int kEarliestYear = 1990;

/// A publication date as ISO 8601 UTC: "2020-10-20T16:32:00+00:00", "2015-07-24T05:36:09+0100", "Tue, 20 Oct
/// 2020 16:32:00 GMT", "Tuesday, 4 March 2021 10:00 GMT", "March 4, 2021", "2021年3月4日", Unix time in 10
/// digits (seconds) or 13 (milliseconds), ... -> "2020-10-20T16:32:00Z" (a time without a zone is taken as
/// UTC). Empty when the value is not a recognisable date-time, or is before kEarliestYear or more than a year
/// after `now` (the time of extraction).
QString toIsoUtc(const QString &value, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace Gloss::Core::PublicationDate

#include "publicationdate.h"

#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>
#include <optional>

namespace Gloss::Core::PublicationDate {

namespace {

// A month name or its abbreviation ("March", "Mar", "Sept"), in English, as 1 to 12; 0 when it is none.
int monthNumber(const QString &name)
{
    static const char16_t *const months[]
        = { u"jan", u"feb", u"mar", u"apr", u"may", u"jun", u"jul", u"aug", u"sep", u"oct", u"nov", u"dec" };
    static const char16_t *const full[] = { u"january", u"february", u"march", u"april", u"may", u"june", u"july",
        u"august", u"september", u"october", u"november", u"december" };
    const QString n = name.toLower();
    for (int i = 0; i < 12; ++i)
        if (n == QStringView(months[i]) || n == QStringView(full[i]) || (i == 8 && n == u"sept"))
            return i + 1;
    return 0;
}

// A time zone as written after an RFC 2822-like date: "GMT", "UTC", "UT", "Z", "+0100", "-05:00" or a North
// American zone of RFC 2822 section 4.3 ("EST", "PDT"), as seconds east of UTC; nullopt when unknown.
std::optional<int> zoneOffset(const QString &zone)
{
    if (zone.isEmpty())
        return 0; // no zone: taken as UTC, like an ISO 8601 time without one
    const QString z = zone.toUpper();
    if (z == u"GMT" || z == u"UTC" || z == u"UT" || z == u"Z")
        return 0;
    static const QHash<QString, int> american = { { QStringLiteral("EST"), -5 }, { QStringLiteral("EDT"), -4 },
        { QStringLiteral("CST"), -6 }, { QStringLiteral("CDT"), -5 }, { QStringLiteral("MST"), -7 },
        { QStringLiteral("MDT"), -6 }, { QStringLiteral("PST"), -8 }, { QStringLiteral("PDT"), -7 } };
    if (american.contains(z))
        return american.value(z) * 3600;
    static const QRegularExpression numeric(QStringLiteral("^([+-])(\\d\\d):?(\\d\\d)$"));
    const auto m = numeric.match(z);
    if (!m.hasMatch() || m.captured(2).toInt() > 14 || m.captured(3).toInt() > 59)
        return std::nullopt;
    const int seconds = m.captured(2).toInt() * 3600 + m.captured(3).toInt() * 60;
    return m.captured(1) == u"-" ? -seconds : seconds;
}

// A date, an optional time and an optional zone as numbers; invalid when any is out of range.
QDateTime dateTimeOf(int year, int month, int day, int hour, int minute, int second, int offsetSeconds)
{
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone(offsetSeconds));
}

// The date-time forms pages write besides ISO 8601 and strict RFC 2822: English day-month-year and
// month-day-year with full or abbreviated names and an optional weekday, time and zone ("Tuesday, 4 March 2021
// 10:00 GMT", "March 4, 2021 at 10:00 am EST"); Chinese, Japanese and Korean year-month-day ("2021年3月4日 10:00",
// "2021년 3월 4일"); and Unix time, as 10 digits of seconds or 13 of milliseconds. Invalid when none fits.
QDateTime parseLooseDateTime(const QString &v)
{
    static const QRegularExpression epoch(QStringLiteral("^(\\d{10})(\\d{3})?$"));
    if (const auto m = epoch.match(v); m.hasMatch())
        return QDateTime::fromSecsSinceEpoch(m.captured(1).toLongLong(), QTimeZone::utc());
    static const QString time
        = QStringLiteral("(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d\\d)(?::(\\d\\d))?\\s*([ap]\\.?m\\.?)?)?"
                         "(?:\\s*\\(?([A-Za-z]{1,4}|[+-]\\d\\d:?\\d\\d)\\)?)?$");
    static const QString weekday
        = QStringLiteral("^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?");
    static const QRegularExpression dayMonth(
        weekday + u"(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})" + time,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression monthDay(
        weekday + u"([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + time,
        QRegularExpression::CaseInsensitiveOption);
    auto build = [](int year, int month, int day, const QRegularExpressionMatch &m) -> QDateTime {
        int hour = m.captured(4).toInt();
        const QString half = m.captured(7).toLower();
        if (!half.isEmpty() && (hour < 1 || hour > 12))
            return {};
        if (half.startsWith(u'p') && hour < 12)
            hour += 12;
        else if (half.startsWith(u'a') && hour == 12)
            hour = 0;
        const std::optional<int> offset = zoneOffset(m.captured(8));
        if (month == 0 || !offset)
            return {};
        return dateTimeOf(year, month, day, hour, m.captured(5).toInt(), m.captured(6).toInt(), *offset);
    };
    if (const auto m = dayMonth.match(v); m.hasMatch())
        return build(m.captured(3).toInt(), monthNumber(m.captured(2)), m.captured(1).toInt(), m);
    if (const auto m = monthDay.match(v); m.hasMatch())
        return build(m.captured(3).toInt(), monthNumber(m.captured(1)), m.captured(2).toInt(), m);
    static const QRegularExpression cjk(
        QStringLiteral("^(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]"
                       "(?:\\s*(\\d{1,2})\\s*[:時时시]\\s*(\\d{1,2})\\s*[分분]?(?:\\s*(\\d{1,2})\\s*[秒초]?)?)?$"));
    if (const auto m = cjk.match(v); m.hasMatch())
        return dateTimeOf(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(),
            m.captured(5).toInt(), m.captured(6).toInt(), 0);
    return {};
}

} // namespace

QString toIsoUtc(const QString &value, const QDateTime &now)
{
    QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(v, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        // "+0100" offsets, a space instead of the T, and more than three digits of a second.
        static const QRegularExpression offset(QStringLiteral("([+-]\\d\\d)(\\d\\d)$"));
        static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
        QString w = v;
        w.replace(offset, QStringLiteral("\\1:\\2"));
        w.replace(fraction, QStringLiteral("\\1"));
        if (w.size() > 10 && w.at(10) == u' ')
            w[10] = u'T';
        dt = QDateTime::fromString(w, Qt::ISODateWithMs);
    }
    if (!dt.isValid())
        dt = QDateTime::fromString(v, Qt::RFC2822Date);
    if (!dt.isValid())
        dt = parseLooseDateTime(v);
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc()); // no offset given: take it as UTC rather than the machine's zone
    dt = dt.toUTC();
    if (dt.date().year() < kEarliestYear || dt > now.toUTC().addYears(1))
        return {}; // a placeholder ("0000-00-00", "9999-12-31") or a misread number, not when the page came out
    return dt.toString(u"yyyy-MM-ddTHH:mm:ss") + u'Z';
}

} // namespace Gloss::Core::PublicationDate

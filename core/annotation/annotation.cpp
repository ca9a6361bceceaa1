#include "annotation.h"

#include <QUuid>

#include <array>
#include <utility>

namespace Gloss::Core {

namespace {
constexpr std::array kindNames{std::pair{AnnotationKind::Claim, u"claim"}, std::pair{AnnotationKind::Entity, u"entity"},
                               std::pair{AnnotationKind::Highlight, u"highlight"},
                               std::pair{AnnotationKind::Note, u"note"}};
constexpr std::array statusNames{std::pair{AnchorStatus::Exact, u"exact"}, std::pair{AnchorStatus::Moved, u"moved"},
                                 std::pair{AnchorStatus::Fuzzy, u"fuzzy"},
                                 std::pair{AnchorStatus::Orphaned, u"orphaned"}};

template<typename Table, typename E>
QString nameOf(const Table &table, E value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QString::fromUtf16(name);
    return {};
}

template<typename E, typename Table>
std::optional<E> valueOf(const Table &table, QStringView name)
{
    for (const auto &[v, n] : table)
        if (name == QStringView(n))
            return v;
    return std::nullopt;
}
} // namespace

QString toString(AnnotationKind kind)
{
    return nameOf(kindNames, kind);
}

std::optional<AnnotationKind> annotationKindFromString(QStringView name)
{
    return valueOf<AnnotationKind>(kindNames, name);
}

QString toString(AnchorStatus status)
{
    return nameOf(statusNames, status);
}

std::optional<AnchorStatus> anchorStatusFromString(QStringView name)
{
    return valueOf<AnchorStatus>(statusNames, name);
}

Annotation makeAnnotation(AnnotationKind kind, const QString &label, const QString &creator)
{
    Annotation a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.kind = kind;
    a.label = label;
    a.creator = creator;
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second(), now.time().msec()));
    a.created = now;
    a.modified = now;
    return a;
}

} // namespace Gloss::Core

#include "annotationfilter.h"

namespace Gloss::Ui {

bool AnnotationFilter::accepts(const Core::Annotation &a) const
{
    if (kind && a.kind != *kind)
        return false;
    if (!label.isEmpty() && a.label.compare(label, Qt::CaseInsensitive) != 0)
        return false;
    if (!creator.isEmpty() && a.creator != creator)
        return false;
    if (!entity.isEmpty() && (a.kind != Core::AnnotationKind::Entity || entityGroupKey(a) != entity))
        return false;
    if (orphanedOnly && a.status != Core::AnchorStatus::Orphaned)
        return false;
    if (!text.isEmpty()) {
        const QString t = text.trimmed();
        if (!a.quote.exact.contains(t, Qt::CaseInsensitive) && !a.label.contains(t, Qt::CaseInsensitive)
            && !a.note.contains(t, Qt::CaseInsensitive) && !a.kbId.contains(t, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

QList<Core::Annotation> AnnotationFilter::apply(const QList<Core::Annotation> &annotations) const
{
    QList<Core::Annotation> out;
    for (const Core::Annotation &a : annotations)
        if (accepts(a))
            out << a;
    return out;
}

QString entityGroupKey(const Core::Annotation &a)
{
    if (a.kind != Core::AnnotationKind::Entity)
        return a.id;
    if (!a.entityId.isEmpty())
        return QStringLiteral("entity|") + a.entityId;
    if (!a.kbId.isEmpty())
        return QStringLiteral("kb|") + a.kbId;
    return a.label + QLatin1Char('|') + a.quote.exact.simplified().toCaseFolded();
}

} // namespace Gloss::Ui

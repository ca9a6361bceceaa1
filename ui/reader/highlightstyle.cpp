#include "highlightstyle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace Gloss::Ui {

namespace {
QString entityKey(const Core::Annotation &a)
{
    static const QStringList known { QStringLiteral("person"), QStringLiteral("org"), QStringLiteral("gpe"),
        QStringLiteral("loc"), QStringLiteral("norp"), QStringLiteral("event"), QStringLiteral("misc") };
    QString label = a.label.toLower();
    if (label == u"per")
        label = QStringLiteral("person");
    return known.contains(label) ? label : QStringLiteral("other");
}

QString valueText(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &x : v.toArray())
            parts << valueText(x);
        return parts.join(QStringLiteral(", "));
    }
    return v.toString();
}
} // namespace

QString highlightClass(const Core::Annotation &a)
{
    switch (a.kind) {
    case Core::AnnotationKind::Claim:
        return QStringLiteral("gloss-claim");
    case Core::AnnotationKind::Entity:
        return QStringLiteral("gloss-entity-") + entityKey(a);
    case Core::AnnotationKind::Note:
        return QStringLiteral("gloss-highlight gloss-note");
    case Core::AnnotationKind::Highlight:
        break;
    }
    return QStringLiteral("gloss-highlight");
}

QString highlightInlineColor(const Core::Annotation &a, const EntityColors &schemaColors, const QString &theme)
{
    if (a.kind != Core::AnnotationKind::Entity || entityKey(a) != u"other")
        return {};
    const QColor c = schemaColors.value(a.label.toUpper());
    if (!c.isValid())
        return {};
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(c.red())
        .arg(c.green())
        .arg(c.blue())
        .arg(theme == u"dark" ? QStringLiteral("0.40") : QStringLiteral("0.30"));
}

QColor highlightColor(const Core::Annotation &a, const EntityColors &schemaColors)
{
    if (a.kind == Core::AnnotationKind::Claim)
        return QColor(255, 196, 0, 115);
    if (a.kind == Core::AnnotationKind::Entity) {
        const QString k = entityKey(a);
        if (k == u"person")
            return QColor(64, 156, 255, 77);
        if (k == u"org")
            return QColor(46, 184, 114, 77);
        if (k == u"gpe")
            return QColor(222, 92, 140, 77);
        if (k == u"loc")
            return QColor(150, 110, 220, 77);
        if (k == u"norp")
            return QColor(240, 128, 48, 77);
        if (k == u"event")
            return QColor(0, 170, 190, 77);
        if (QColor c = schemaColors.value(a.label.toUpper()); c.isValid()) {
            c.setAlpha(77);
            return c;
        }
        return QColor(140, 140, 140, 82);
    }
    return QColor(255, 240, 80, 140);
}

QString highlightTooltip(const Core::Annotation &a)
{
    QString title = a.kind == Core::AnnotationKind::Entity ? a.label
        : a.kind == Core::AnnotationKind::Claim
        ? QCoreApplication::translate("Gloss::Ui::Highlight", "Claim")
        : (a.kind == Core::AnnotationKind::Note ? QCoreApplication::translate("Gloss::Ui::Highlight", "Note")
                                                : QCoreApplication::translate("Gloss::Ui::Highlight", "Highlight"));
    if (a.kind == Core::AnnotationKind::Claim && !a.label.isEmpty() && a.label != u"claim")
        title += QStringLiteral(": ") + a.label;
    if (!a.kbId.isEmpty())
        title += QStringLiteral(" · ") + a.kbId;
    for (auto it = a.attributes.constBegin(); it != a.attributes.constEnd(); ++it)
        title += QStringLiteral("\n") + it.key() + QStringLiteral(": ") + valueText(it.value());
    if (!a.note.isEmpty())
        title += QStringLiteral("\n— ") + a.note;
    return title;
}

} // namespace Gloss::Ui

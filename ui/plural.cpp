#include "plural.h"

namespace Gloss::Ui {

QString countText(qint64 n, const QString &one, const QString &many)
{
    QString text = n == 1 ? one : many;
    return text.replace(QStringLiteral("%n"), QString::number(n));
}

} // namespace Gloss::Ui

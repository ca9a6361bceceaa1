#include "webresources.h"

#include "ui/logging.h"

#include <QFile>
#include <QHash>

namespace Gloss::Ui {

QString resourceText(const QString &path)
{
    static QHash<QString, QString> cache;
    if (const auto it = cache.constFind(path); it != cache.cend())
        return *it;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcReader) << "missing resource" << path;
        return {};
    }
    const QString text = QString::fromUtf8(f.readAll());
    cache.insert(path, text);
    return text;
}

} // namespace Gloss::Ui

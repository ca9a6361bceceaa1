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

QColor themeBackground(const QString &theme)
{
    if (theme == u"dark")
        return QColor(0x1c, 0x1d, 0x1f);
    if (theme == u"sepia")
        return QColor(0xf4, 0xec, 0xd8);
    return QColor(0xfb, 0xfa, 0xf7);
}

QColor themeMutedText(const QString &theme)
{
    if (theme == u"dark")
        return QColor(0xa9, 0xa5, 0x9c);
    if (theme == u"sepia")
        return QColor(0x6f, 0x60, 0x4a);
    return QColor(0x5f, 0x5e, 0x58);
}

} // namespace Gloss::Ui

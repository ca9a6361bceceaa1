#include "exporter.h"

#include <QIODevice>

namespace Gloss::Core {

Result<void> Exporter::writeAll(QIODevice *device, const QByteArray &bytes)
{
    if (!device || !device->isWritable())
        return fail(QStringLiteral("The export target is not open for writing"), Error::Io);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const qint64 n = device->write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return fail(QStringLiteral("Could not write the export: %1").arg(device->errorString()), Error::Io);
        done += n;
    }
    return {};
}

void Exporter::skip(const QString &id, const QString &reason)
{
    ++m_report.skipped;
    m_report.skippedIds.append(id);
    m_report.messages.append(QStringLiteral("%1: %2").arg(id, reason));
}

} // namespace Gloss::Core

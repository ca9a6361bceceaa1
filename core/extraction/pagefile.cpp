#include "pagefile.h"

#include "extractor.h"
#include "gzip.h"

#include <QFile>
#include <QFileInfo>

namespace Gloss::Core {

namespace {

Error tooLarge(const QString &name, qint64 size)
{
    return Error { QStringLiteral("%1: %2").arg(name, Extractor::tooLargeMessage(size)), Error::User };
}

} // namespace

Result<PageInput> PageFile::read(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("%1: no such file.").arg(path));
    if (info.isDir())
        return fail(QStringLiteral("%1: is a folder, not an article file.").arg(path));
    // A device or pipe has no size to check: read() stops one byte past the limit.
    if (info.isFile() && info.size() > Extractor::maxInputBytes)
        return std::unexpected(tooLarge(path, info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return fail(QStringLiteral("%1: cannot be read (%2).").arg(path, file.errorString()));
    return read(file, path);
}

Result<PageInput> PageFile::read(QIODevice &device, const QString &name)
{
    constexpr qint64 chunk = 1 << 16;
    const qint64 cap = Extractor::maxInputBytes + 1;
    QByteArray bytes;
    if (!device.isSequential())
        bytes.reserve(qsizetype(std::min(device.size() + 1, cap)));
    while (bytes.size() < cap) {
        const qsizetype before = bytes.size();
        bytes.resize(before + qsizetype(std::min(chunk, cap - before)));
        const qint64 n = device.read(bytes.data() + before, bytes.size() - before);
        if (n < 0)
            return fail(QStringLiteral("%1: cannot be read (%2).").arg(name, device.errorString()));
        bytes.resize(before + qsizetype(n));
        if (n == 0)
            break; // end of input
    }
    if (bytes.size() > Extractor::maxInputBytes)
        return std::unexpected(tooLarge(name, device.isSequential() ? 0 : std::max(device.size(), cap)));
    if (bytes.isEmpty())
        return fail(QStringLiteral("%1: is empty.").arg(name));

    PageInput page { std::move(bytes), QFileInfo(name).fileName() };
    // gzip is recognised by its magic number whatever the name, so standard input and a page saved without the
    // `.gz` read as the same file named `.gz` does.
    if (Gzip::isGzip(page.bytes)) {
        auto inflated = Gzip::decompress(page.bytes, Extractor::maxInputBytes);
        if (!inflated)
            return fail(QStringLiteral("%1: %2").arg(name, inflated.error().message), inflated.error().code);
        if (inflated->isEmpty())
            return fail(QStringLiteral("%1: is empty once decompressed.").arg(name));
        page.bytes = std::move(*inflated);
        if (page.fileName.endsWith(u".gz"))
            page.fileName.chop(3);
    }
    return page;
}

} // namespace Gloss::Core

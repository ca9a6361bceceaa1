#include "gzip.h"

#include <zlib.h>

namespace Gloss::Core {

bool Gzip::isGzip(const QByteArray &bytes)
{
    return bytes.size() >= 2 && uchar(bytes[0]) == 0x1f && uchar(bytes[1]) == 0x8b;
}

Result<QByteArray> Gzip::decompress(const QByteArray &bytes, qsizetype maxBytes)
{
    z_stream zs {};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return fail(QStringLiteral("Could not initialise zlib."), Error::Internal);
    QByteArray out;
    out.resize(std::min(std::max<qsizetype>(bytes.size() * 4, 4096), maxBytes));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    zs.avail_in = uInt(bytes.size());
    qsizetype produced = 0;
    for (;;) {
        if (produced == out.size()) {
            if (out.size() >= maxBytes) {
                inflateEnd(&zs);
                return fail(
                    QStringLiteral("The decompressed data is larger than the limit of %1 bytes.").arg(maxBytes));
            }
            out.resize(std::min(out.size() * 2, maxBytes));
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        zs.avail_out = uInt(out.size() - produced);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        produced = out.size() - zs.avail_out;
        if (rc == Z_STREAM_END) {
            // RFC 1952 section 2.2: a gzip file is a series of members (`cat a.gz b.gz`, bgzip). Bytes after the
            // last member that are not another member are ignored, as gzip(1) ignores trailing garbage.
            const QByteArray rest = QByteArray::fromRawData(reinterpret_cast<const char *>(zs.next_in),
                qsizetype(zs.avail_in));
            if (!isGzip(rest))
                break;
            inflateReset(&zs);
            continue;
        }
        if (zs.avail_in == 0 && (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_out != 0))) {
            // The input ended inside a member: what was decoded is only part of the page.
            inflateEnd(&zs);
            return fail(QStringLiteral("The gzip data is cut short after %1 bytes (%2 bytes decompressed).")
                            .arg(bytes.size())
                            .arg(produced));
        }
        if (rc != Z_OK) {
            inflateEnd(&zs);
            return fail(QStringLiteral("The gzip data is corrupt."));
        }
    }
    inflateEnd(&zs);
    out.resize(produced);
    return out;
}

} // namespace Gloss::Core

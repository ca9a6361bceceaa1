#pragma once

#include "core/result.h"

#include <QByteArray>

namespace Gloss::Core {

/// gzip (RFC 1952) decompression through zlib, for corpus pages stored as `.html.gz`.
class Gzip final
{
public:
    /// True when `bytes` start with the gzip magic number.
    static bool isGzip(const QByteArray &bytes);

    /// The decompressed bytes; fails on corrupt input or when the output would exceed `maxBytes`.
    static Result<QByteArray> decompress(const QByteArray &bytes, qsizetype maxBytes = 200LL * 1024 * 1024);
};

} // namespace Gloss::Core

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

    /// The decompressed bytes. Errors (code User): corrupt input; output larger than `maxBytes` bytes (no more
    /// than `maxBytes` is ever allocated). A truncated stream gives what it holds.
    static Result<QByteArray> decompress(const QByteArray &bytes, qsizetype maxBytes);
};

} // namespace Gloss::Core

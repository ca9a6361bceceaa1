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

    /// The decompressed bytes of every member in turn (RFC 1952 section 2.2: a gzip file is a series of members;
    /// bytes after the last member that do not start another one are ignored, as gzip(1) does). Errors (code
    /// User): corrupt input; input that ends inside a member (a truncated file gives no partial output); output
    /// larger than `maxBytes` bytes in total (no more than `maxBytes` is ever allocated).
    static Result<QByteArray> decompress(const QByteArray &bytes, qsizetype maxBytes);
};

} // namespace Gloss::Core

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace Gloss::Core {

/// The bytes of a page read from a file or a stream, ready for Extractor::extract.
struct PageInput
{
    QByteArray bytes; ///< the page; decompressed when the input was gzip-compressed
    QString fileName; ///< the file's name for ExtractOptions::fileName, without a `.gz` when decompressed
};

/// Reads page files for extraction and import (gloss-cli extract and import, the app's imports) so that no
/// input is read past Extractor::maxInputBytes: a regular file over the limit is refused before it is read,
/// and a device or pipe is read up to the limit + 1 byte and refused when it gives more. Input whose bytes start
/// with the gzip magic number is decompressed (Gzip, every member), under the same limit, whatever its name.
class PageFile final
{
public:
    /// Reads the file at `path`. Errors (code User; messages start with "PATH: "): no such file, a folder,
    /// larger than Extractor::maxInputBytes (before or after decompression), unreadable, empty, corrupt or
    /// truncated gzip.
    static Result<PageInput> read(const QString &path);

    /// Reads `device` (open for reading; a file, pipe or standard input) to its end, at most
    /// Extractor::maxInputBytes. `name` is used in messages ("NAME: ...") and as the file name; gzip bytes are
    /// decompressed as read() does. Errors: as read(), except that the device is not checked to exist.
    static Result<PageInput> read(QIODevice &device, const QString &name);
};

} // namespace Gloss::Core

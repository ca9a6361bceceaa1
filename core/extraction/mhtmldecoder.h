#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Gloss::Core {

/// Reads the HTML part of an MHTML archive (RFC 2557 multipart/related; RFC 2045 transfer encodings).
class MhtmlDecoder final
{
public:
    struct Part
    {
        QByteArray bytes; ///< decoded body of the first text/html part
        QString contentType; ///< its Content-Type (may carry a charset parameter)
        QString location; ///< its Content-Location (the page URL), or the archive's Snapshot-Content-Location
    };

    /// True when `bytes` start like a MIME message with a multipart/related Content-Type header.
    static bool looksLikeMhtml(const QByteArray &bytes);

    /// The first text/html part, decoded. Errors (code User): no multipart boundary, no text/html part, or a base64
    /// part that is not valid base64 ("The MHTML's text/html part is not valid base64: ...").
    static Result<Part> htmlPart(const QByteArray &bytes);

    /// Decodes base64 (RFC 2045 section 6.8). White space is skipped; a character outside the alphabet, data after
    /// the "=" padding, more than two "=", padding that does not complete the last group of four, or a last group
    /// of one character is an error (its message names the fault, without a full stop). Missing padding is
    /// accepted (an archive cut short).
    static Result<QByteArray> decodeBase64(const QByteArray &in);

    /// Decodes quoted-printable (RFC 2045 section 6.7), soft line breaks included.
    static QByteArray decodeQuotedPrintable(const QByteArray &in);
};

} // namespace Gloss::Core

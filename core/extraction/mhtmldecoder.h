#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

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

    /// The text/html part, or nothing when there is none.
    static std::optional<Part> htmlPart(const QByteArray &bytes);

    /// Decodes quoted-printable (RFC 2045 section 6.7), soft line breaks included.
    static QByteArray decodeQuotedPrintable(const QByteArray &in);
};

} // namespace Gloss::Core

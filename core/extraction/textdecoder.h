#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Gloss::Core {

/// Bytes -> text with the charset decided as browsers do (WHATWG Encoding "encoding sniffing", simplified):
/// byte order mark (UTF-8, UTF-16 and, beyond WHATWG, UTF-32), then the charset of an HTTP Content-Type header,
/// then (HTML only) a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KiB (after the HTML5
/// prescan), then uchardet's guess, else UTF-8 (if valid) or windows-1252. A declared charset that the bytes
/// contradict (declared single-byte Latin but the bytes are valid multi-byte UTF-8, or declared UTF-8 but
/// invalid) yields to detection.
///
/// A page declared UTF-8 that is not valid throughout is decided by evidence, its valid multi-byte sequences
/// against its invalid bytes: few invalid bytes (at most one per 50 valid sequences, of which there are 20 or
/// more) are broken UTF-8 and decode as U+FFFD, as in a browser; more are windows-1252 pasted into UTF-8 and
/// decode per sequence (valid UTF-8 as UTF-8, a stray byte as windows-1252, a cut-off sequence as U+FFFD), so
/// that one stray byte cannot turn the page into mojibake. Only when the valid sequences are as few as chance
/// gives in legacy text (none; or under one per 20 invalid bytes; or fewer than the invalid bytes and detection
/// reads the page as a legacy charset other than windows-1252, such as GB18030 or ISO-8859-2) does the page go
/// to detection (windows-1252 by default).
/// Decoding uses ICU converters (any charset ICU knows; labels are mapped as the WHATWG table maps them,
/// e.g. iso-8859-1 and us-ascii decode as windows-1252, gb2312 as GB18030).
class TextDecoder final
{
public:
    struct Decoded
    {
        QString text;
        QString charset; ///< lower-case canonical name actually used ("utf-8", "windows-1251", "utf-32le", ...)
    };

    /// Decodes `bytes`. `contentType` is an HTTP Content-Type value or empty; `html` enables the meta prescan.
    static Decoded decode(const QByteArray &bytes, const QString &contentType, bool html);

    /// The charset decode() would use, without decoding when the answer is UTF-8 (the common case: valid
    /// UTF-8 decodes the same under any ASCII-compatible declaration, and a Latin declaration over valid
    /// non-ASCII UTF-8 is stale). A declared 7-bit stateful charset (ISO-2022-JP/KR/CN, HZ-GB-2312, UTF-7; in
    /// `contentType` or, when `html`, a `<meta>`) is always decoded. Empty `Decoded::text` means "use the bytes
    /// as UTF-8 (minus any BOM)".
    static Decoded decodeUnlessUtf8(const QByteArray &bytes, const QString &contentType, bool html);

    /// "utf-32le" or "utf-32be" when `bytes` start with a UTF-32 byte order mark, else empty.
    static QString utf32Bom(const QByteArray &bytes);

    /// "utf-16le" or "utf-16be" when `bytes` (without a byte order mark) look like UTF-16 text: in the first
    /// 4 KiB, NUL bytes fill one byte of most 16-bit units and almost never the other (Latin, Cyrillic, Greek
    /// and most other alphabetic text); else empty. CJK text in UTF-16 without a BOM is not recognised.
    static QString sniffUtf16(const QByteArray &bytes);

    /// The charset parameter of a Content-Type value ("text/html; charset=Shift_JIS" -> "shift_jis"), or empty.
    static QString charsetFromContentType(const QString &contentType);

    /// The charset declared by `<meta>` in the first bytes of an HTML document, or empty.
    static QString charsetFromMeta(const QByteArray &bytes);

    /// Decodes `bytes` with the named charset (lenient: invalid sequences become U+FFFD). Empty when the
    /// charset is unknown to ICU.
    static std::optional<QString> decodeWith(const QByteArray &bytes, const QString &charset);
};

} // namespace Gloss::Core

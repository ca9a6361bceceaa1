#pragma once

#include "core/document/article.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Gloss::Core {

/// What is known about an input besides its bytes.
struct ExtractOptions
{
    QUrl url;              ///< page URL (for absolute links and images); a file:// URL for local files
    QString contentType;   ///< HTTP Content-Type header when fetched (may carry "; charset=..."), else empty
    QString fileName;      ///< local file name, used to recognise .txt / .html / .mhtml when there is no type
};

/// The reader version of one input.
struct Extraction
{
    ArticleMetadata metadata;
    /// Sanitized reader-view body fragment. Every block element carries `data-start`: the UTF-16 offset of
    /// its text in `readerText`; its textContent equals that slice of `readerText` exactly.
    QString readerHtml;
    /// Canonical reader text: blocks separated by one blank line ("\n\n"), whitespace collapsed, NFC.
    QString readerText;
    QString contentType;      ///< "text/html", "text/plain" or "multipart/related"
    QString charset;          ///< the charset used to decode the bytes ("utf-8", "windows-1251", ...)
    QString extractorVersion; ///< Extractor::version()
};

/// Reader-view extraction: decode -> parse (libxml2) -> main content -> sanitize -> metadata.
class Extractor final
{
public:
    /// Extracts the reader version of `bytes` (HTML, MHTML or plain text; at most 100 MB).
    /// Errors (code User): empty input, binary or unrecognised content, no readable text, input too large.
    static Result<Extraction> extract(const QByteArray &bytes, const ExtractOptions &options);

    /// The extractor's version string, stored with every article version ("gloss-extract/N").
    static QString version();
};

} // namespace Gloss::Core

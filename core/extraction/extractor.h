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
    QUrl url; ///< page URL (for absolute links and images); a file:// URL for local files
    QString contentType; ///< HTTP Content-Type header when fetched (may carry "; charset=..."), else empty
    QString fileName; ///< local file name, used to recognise .txt / .html / .mhtml when there is no type
    bool keepStandfirst = false; ///< put the page's standfirst (dek) in front of the body; see HtmlExtractor
};

/// The reader version of one input.
struct Extraction
{
    ArticleMetadata metadata;
    /// Sanitized reader-view body fragment. Every block element carries `data-start`: the UTF-16 offset of
    /// its text in `readerText`; its textContent equals that slice of `readerText` exactly.
    QString readerHtml;
    /// Canonical reader text: blocks separated by one blank line ("\n\n"), whitespace collapsed, NFC, no
    /// leading or trailing white space, the title not included. The full rules (pre blocks, controls, offsets
    /// in UTF-16 code units) are documented on ReaderDocument (core/document/readerdocument.h).
    QString readerText;
    QString contentType; ///< "text/html", "text/plain" or "multipart/related"
    QString charset; ///< the charset used to decode the bytes ("utf-8", "windows-1251", ...)
    QString extractorVersion; ///< Extractor::version()
    /// The publication time exactly as the page states it (metadata.published is its ISO 8601 UTC form);
    /// empty when unknown. Scorers that compare against Readability.js want this raw form.
    QString publishedRaw;
};

/// Reader-view extraction: decode -> parse (libxml2) -> main content -> sanitize -> metadata.
///
/// The kind of input is decided by content sniffing first (binary signatures and NUL bytes are refused;
/// MIME headers with multipart/related are MHTML; markup at the start is HTML), then by `options.contentType`
/// and the file name (.txt, .html/.htm/.xhtml, .mht/.mhtml). HTML goes through TextDecoder (charset),
/// HtmlExtractor (main content, metadata) and the block model (readerdocument.h), which generates both the
/// reader text and the sanitized reader HTML; plain text goes through TextImporter (jusText-style classifier).
class Extractor final
{
public:
    /// The largest input extract() takes, in bytes: 100 MiB (104,857,600 bytes). Page readers (PageFile) and
    /// downloads stop after one byte more.
    static constexpr qsizetype maxInputBytes = 100LL * 1024 * 1024;

    /// Extracts the reader version of `bytes` (HTML, MHTML or plain text; at most maxInputBytes).
    /// Errors (code User): empty input, binary or unrecognised content, no readable text, input too large.
    static Result<Extraction> extract(const QByteArray &bytes, const ExtractOptions &options);

    /// The one-line message for an input over maxInputBytes, as extract() and PageFile give it: "The input is
    /// 104857601 bytes; the limit is 104857600 bytes (100 MiB)." `size` in bytes; 0 when the input is only known
    /// to exceed the limit (a stream read up to it): "The input is larger than the limit of ...".
    static QString tooLargeMessage(qint64 size);

    /// The extractor's version string, stored with every article version ("gloss-extract/N").
    static QString version();
};

} // namespace Gloss::Core

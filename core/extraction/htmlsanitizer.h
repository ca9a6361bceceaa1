#pragma once

#include <QString>
#include <QUrl>

namespace Gloss::Core {

/// The URL and attribute policy of the reader view. The reader HTML is generated from the block model
/// (core/document/readerdocument.h), which emits only an allow-list of elements (p, h1-h6, ul, ol, li,
/// blockquote, pre, code, em, strong, sub, sup, a, img, figure, figcaption, table, caption, tbody, tr, td, th,
/// hr, div) and attributes (href, src, alt, colspan, rowspan, lang, dir, data-start, class on the wrapper), with
/// all text escaped; so nothing from the page is ever copied through as markup. What remains to police is
/// URLs, which this class does (OWASP XSS Filter Evasion cheat sheet; WHATWG URL parsing strips ASCII tab
/// and newline inside URLs and leading/trailing C0 controls and spaces, so we do too before we look at the
/// scheme).
class HtmlSanitizer final
{
public:
    enum class UrlKind { Link, Image };

    /// Returns `raw` as an absolute (or, when `base` is not http(s), relative) URL that is safe to put in an
    /// `href` (Link: http, https, mailto, relative) or `src` (Image: http, https, relative, and
    /// `data:image/{png,jpeg,gif,webp,avif,bmp}`), or an empty string when it is not allowed.
    /// Fragment-only links ("#top") come back empty too: they point nowhere in the reader view.
    static QString safeUrl(const QString &raw, const QUrl &base, UrlKind kind);

    /// The best image URL from a `srcset` value (the candidate with the largest width or density).
    static QString bestFromSrcset(const QString &srcset);
};

} // namespace Gloss::Core

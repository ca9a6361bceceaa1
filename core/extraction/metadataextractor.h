#pragma once

#include "core/document/article.h"

#include <QString>
#include <QUrl>
#include <libxml/tree.h>

namespace Gloss::Core {

/// Page-level metadata read from an HTML tree before any content is removed: `<html lang dir>`, `<title>`,
/// `<meta>` (OpenGraph, Twitter, Dublin Core, parse.ly, `name="author"`...), `<link rel=canonical>`, `<base>`
/// and JSON-LD (schema.org Article types, also inside `@graph`). Precedence follows Readability.js
/// (`_getArticleMetadata`, `_getJSONLD`): JSON-LD, then Dublin Core, then OpenGraph, then plain names, then
/// Twitter. The title falls back to Readability's `_getArticleTitle` (the `<title>` without its site-name part).
///
/// Limits: title, byline, site name and excerpt are capped (capLengths(), the k...Length constants, in Unicode
/// code points); the lead image and canonical URL are kept only when, resolved against the page URL (or its
/// `<base href>`), they are http or https URLs (not "javascript:", "data:" or a local file).
class MetadataExtractor final
{
public:
    static constexpr qsizetype kMaxTitleLength = 500; ///< code points, cut at a word boundary with "…"
    static constexpr qsizetype kMaxBylineLength = 200; ///< code points, cut at a word boundary with "…"
    static constexpr qsizetype kMaxSiteNameLength = 200; ///< code points, cut at a word boundary with "…"
    /// Code points, cut at a sentence end (or a word boundary with "…"). Readability's excerpt is the article's
    /// first paragraph, and readability-test-pages expects ones of up to 1,031 characters.
    static constexpr qsizetype kMaxExcerptLength = 1500;

    /// Where shortened() may cut.
    enum class Cut { Word, Sentence };

    struct Page
    {
        ArticleMetadata metadata; ///< title, byline, excerpt, siteName, language, direction, published (ISO UTC)...
        QString publishedRaw; ///< the publication time as written on the page
        QString documentTitle; ///< raw `<title>`
        QString jsonLdBody; ///< JSON-LD `articleBody` (or a HowTo's description and steps as HTML), or empty
        QString nextData; ///< raw JSON of `<script id="__NEXT_DATA__">` (Next.js state), or empty
        /// Nuxt state as the page ships it, or empty: the JSON of `<script id="__NUXT_DATA__">` (Nuxt 3, a flat
        /// array of values) or the script `window.__NUXT__=...` (Nuxt 2: an object literal or a function call
        /// that returns one; JavaScript, not JSON)
        QString nuxtData;
        QUrl base; ///< URL for resolving relative references (`<base href>` against the page URL)
        QString relAuthor; ///< text of the page's first `<a rel="author">` (a byline of last resort), or empty
    };

    static Page read(xmlDocPtr doc, const QUrl &pageUrl);

    /// `text` when it has at most `maxCodePoints` (2 or more) Unicode code points; else its start, cut at the last
    /// word boundary in the second half of the room (at the limit when there is none: a long token, or CJK
    /// written without spaces) and ended with "…", within the limit. With Cut::Sentence, the last sentence end
    /// ("." "!" "?" before a space, "。") past the first fifth of the room is taken first, without the
    /// ellipsis.
    static QString shortened(const QString &text, qsizetype maxCodePoints, Cut cut = Cut::Word);

    /// Caps title, byline, site name and excerpt of `md` at the k...Length limits (shortened()).
    static void capLengths(ArticleMetadata &md);

    /// Removes a leading "By"/"Von"/"Par"/"Por" and surrounding white space from a byline.
    static QString cleanByline(const QString &byline);
};

} // namespace Gloss::Core

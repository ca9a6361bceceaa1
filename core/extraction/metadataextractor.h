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
class MetadataExtractor final
{
public:
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

    /// "2020-10-20T16:32:00+00:00", "2015-07-24T05:36:09+0100", "Tue, 20 Oct 2020 16:32:00 GMT", ... ->
    /// "2020-10-20T16:32:00Z"; empty when the value is not a recognisable date-time.
    static QString toIsoUtc(const QString &value);

    /// Removes a leading "By"/"Von"/"Par"/"Por" and surrounding white space from a byline.
    static QString cleanByline(const QString &byline);
};

} // namespace Gloss::Core

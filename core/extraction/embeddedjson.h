#pragma once

// Article bodies that a page carries as data instead of markup (internal header of the HTML extractor): a JSON-LD
// `articleBody`, the state of a Next.js (`__NEXT_DATA__`) or Nuxt (`__NUXT__`, `__NUXT_DATA__`) page. The
// extractor uses them when the markup is thin (see HtmlExtractor::extract).

#include <QJsonValue>
#include <QString>

namespace Gloss::Core {
class ReaderBuilder;
}

namespace Gloss::Core::EmbeddedJson {

/// The longest string under `v` (Next.js page props), skipping keys that hold URLs, images, scripts or the build
/// id; at most 40 levels deep.
QString findLongestBody(const QJsonValue &v, int depth = 0);
/// Prose, not a blob (an id, a URL, base64, a style sheet): more than 300 UTF-16 units, with a space in every 15.
bool isProse(const QString &s);
/// The longest double-quoted string literal of JavaScript or JSON source that reads as prose, decoded as a JSON
/// string, or empty (Nuxt 2's state expression, Nuxt 3's flat array). Linear in the size of the source.
QString longestProseLiteral(const QString &source);
/// A body whose HTML markup is escaped as entities ("&lt;p&gt;...") with one level of entities decoded, or `body`
/// unchanged when it holds no escaped tags.
QString unescapeEscapedMarkup(const QString &body);
/// Adds a JSON-provided body to `builder`: an HTML fragment through the parser, plain text as one paragraph per
/// line or blank-line-separated block.
void addJsonBody(const QString &body, ReaderBuilder &builder);

} // namespace Gloss::Core::EmbeddedJson

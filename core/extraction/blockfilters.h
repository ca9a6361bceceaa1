#pragma once

// Filters over the reader document's text blocks (internal header of the HTML extractor): what only reads as page
// furniture once it is text. Calls to action, boilerplate labels, datelines at the edges, the headline again,
// one-link teasers, repeated gallery captions, photo credits outside figures, a "Highlights" box the body repeats,
// and section labels trailing the article (see HtmlExtractor for the list and its sources).

#include <QString>

namespace Gloss::Core {
class ReaderDocument;
struct ReaderNode;
}

namespace Gloss::Core::BlockFilters {

/// A short label that is never article text on its own ("Advertisement", "Read more", "Share", in several
/// languages): up to 40 UTF-16 units, compared lower-cased and without trailing punctuation (: . … » > › !).
bool isBoilerplateLabel(const QString &text);
/// The heading of an author bio box ("About the author", "Autor:innen", "Über die Autorin", "À propos de l'auteur",
/// "Sobre el autor"): up to 40 UTF-16 units, compared lower-cased without trailing punctuation.
bool isAuthorBioHeading(const QString &text);
/// `heading` says what `title` says: equal ignoring case, or Readability.js's `_textSimilarity(title, heading)`
/// above 0.75 (the share of the heading's word tokens, weighted by length, that the title holds).
bool similarTitle(const QString &heading, const QString &title);
/// The text of a text block: its runs, concatenated.
QString blockText(const ReaderNode &n);
/// A call to action or page furniture (newsletter and app prompts, "follow us", "read more" teasers, copyright
/// lines, reading times). Only texts of up to 320 UTF-16 units are judged.
bool isCallToAction(const QString &text);
/// A date line ("May 20, 2019", "Updated: 20.05.2019 14:03", "By Jane Doe"): up to 120 UTF-16 units and 16
/// words, not ending in a full stop, holding a date or time (numeric, ISO, or with an English, German, French,
/// Spanish or Portuguese month name), or led by "By", "Updated", "Published" and the like in at most 6 words.
bool isDateline(const QString &text);
/// Runs every block filter over `doc` (`title`: the page's headline), then finalizes it.
void filterBlocks(ReaderDocument &doc, const QString &title);

} // namespace Gloss::Core::BlockFilters

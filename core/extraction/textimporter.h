#pragma once

#include "core/document/article.h"
#include "core/document/readerdocument.h"

#include <QString>
#include <QStringList>

namespace Gloss::Core {

/// Plain-text import. The rules, in order:
///
/// Paragraphs. Paragraphs are separated by blank lines (a line of spaces, tabs or U+00A0 is blank); CR LF and CR
/// are line breaks. The lines of one paragraph are joined with single spaces: hard-wrapped prose is one
/// paragraph, and so, by the reader-text rules (ReaderDocument: inside a block every line break is a space, as
/// a `<br>` is on the HTML path), is a stanza of verse or an address; line breaks inside a paragraph are not kept.
/// A paragraph of two or more lines that all start with a list marker ("1.", "2)", "a.", "-", "*", "•") is a list:
/// one item a line, markers dropped, numbered or lettered ones ordered.
///
/// Title. The top of the text is the first paragraph among the first 8 that the classifier does not call
/// boilerplate. Its first line is the title when it is "Title: ..." (the value is the title), or when it looks
/// like one: at most 150 UTF-16 code units, not a byline or date line, not ending in ".", ",", ";", ":", "…" or
/// "。" ("?" and "!" headlines are titles), and either alone in its paragraph (a blank line follows) or followed
/// by byline/date lines. Otherwise (a first line that runs on into more text: a paragraph, often hard-wrapped)
/// there is no title line: the whole top paragraph stays in the body and the title is derived from the first
/// block of the body, shortened to 100 code points (at a sentence end past the first 20, else at a word boundary
/// with "…"; see MetadataExtractor::shortened()). The same derived title is used when taking the title line would
/// leave no body (a note of one paragraph): the text from the top paragraph on is then the body.
///
/// Byline and date. Right after the title (in the title's paragraph, or in up to three paragraphs after it, of
/// which the ones before the header become the standfirst: metadata.excerpt, not body) a header block gives the
/// byline and the publication date; without a title line, only a header block at the very top is read. Header
/// lines are at most 80 code units:
///  - a byline: "By NAME", "Via NAME", "Von/Par/Por NAME", "Author: NAME" or "By: NAME", where NAME starts with a
///    capital and the line does not end like a sentence; metadata.byline is NAME without the prefix (and
///    without a trailing "news wire"). "From NAME" is a header line that names no author. "From the start, the
///    plan was contested." is prose;
///  - a date: a line holding a date ("4 March 2021", "March 4, 2021", "2021-03-04", "04.03.2021"), not ending
///    in ".", with at most 4 other words (a weekday, a time zone), or "Date:"/"Published:"/"Posted:"/"Updated:"
///    and such a value. The line as written (without its label) is Output::publishedRaw, and
///    metadata.published is its ISO 8601 UTC form (PublicationDate::toIsoUtc(), empty when unparsable);
///  - a bare name (two to four capitalised words, "Jane Smith") is the byline when it stands beside a date or
///    byline line and no "By" line gives one.
/// A header paragraph is a paragraph of header lines only (several such paragraphs in a row are one block), or
/// up to 6 lines under 100 code units of which one is a byline or date line (wire copy: "Via AP news wire /
/// Tuesday 20 October 2020 12:32 EDT / tags / photo credit"); the whole block leaves the body.
///
/// Body. Boilerplate paragraphs (notification prompts, donation appeals, login/registration notices, cookie
/// notices, newsletter sign-ups, share prompts, photo captions) are dropped. The paragraph classifier follows
/// jusText (Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora", 2011): each paragraph gets a
/// context-free class from its length, its share of sentence punctuation, its density of first- and
/// second-person address ("you", "your", "we", "us", "our", the typical voice of appeals and prompts), and
/// matches against a lexicon of boilerplate stop phrases ("donation", "subscribe", "log in", "notifications",
/// "cookies", ...); then short and borderline paragraphs take the class of their nearest non-neutral neighbours
/// (context-sensitive pass). The article is the longest contiguous run of content (runs of two or more
/// boilerplate paragraphs, or one over 100 code units, separate runs); runs of comparable length are kept too.
/// A list is not boilerplate for its short unpunctuated lines alone: unless it holds a stop phrase, its neighbours
/// decide. A text in which no paragraph is content (verse, notes) keeps the paragraphs that hold no stop phrase;
/// a text with none of those either gives an empty document (Extractor refuses it: "No readable text").
///
/// Cost: linear in the length of the text (one pass per rule; no paragraph looks at more than its neighbours).
class TextImporter final
{
public:
    struct Output
    {
        ReaderDocument document;
        ArticleMetadata metadata; ///< title, byline, excerpt (standfirst), published (ISO 8601 UTC)
        QString publishedRaw; ///< the date line as written (without a "Date:" label); empty when there is none
    };

    /// Imports `text` (already decoded; any line ending) by the rules above. Never fails: a text without
    /// content gives an empty document.
    static Output import(const QString &text);

    /// Classifier score of one paragraph: > 0 reads as article prose, < 0 as boilerplate (for tests).
    static double paragraphScore(const QString &paragraph);
};

} // namespace Gloss::Core

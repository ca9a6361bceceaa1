#pragma once

#include "core/document/article.h"
#include "core/document/readerdocument.h"

#include <QString>
#include <QStringList>

namespace Gloss::Core {

/// Plain-text import: the first line that is not page furniture is the title, paragraphs are separated by
/// blank lines, and boilerplate paragraphs (notification prompts, donation appeals, login/registration notices,
/// cookie notices, newsletter sign-ups, share prompts, datelines, photo captions) are dropped.
///
/// The paragraph classifier follows jusText (Pomikálek, "Removing Boilerplate and Duplicate Content from Web
/// Corpora", 2011): each paragraph gets a context-free class from its length, its share of sentence
/// punctuation, its density of first- and second-person address ("you", "your", "we", "us", "our", the
/// typical voice of appeals and prompts), and matches against a lexicon of boilerplate stop phrases
/// ("donation", "subscribe", "log in", "notifications", "cookies", ...); then short and borderline paragraphs
/// take the class of their neighbours (context-sensitive pass). A header zone of title, standfirst and
/// byline/date lines is recognised at the top: the standfirst becomes the excerpt.
///
/// When taking the title would leave no body (a note of one paragraph), the text from the title paragraph on is
/// the body, and the title is its first line shortened to 100 code points (at a sentence end past the first 20,
/// else at a word boundary with "…"; see MetadataExtractor::shortened()).
class TextImporter final
{
public:
    struct Output
    {
        ReaderDocument document;
        ArticleMetadata metadata;
    };

    static Output import(const QString &text);

    /// Classifier score of one paragraph: > 0 reads as article prose, < 0 as boilerplate (for tests).
    static double paragraphScore(const QString &paragraph);
};

} // namespace Gloss::Core

#pragma once

// Text work behind SearchIndex that needs no database: reading a search-box query, and making snippets from an
// article's text. Offsets and lengths here are UTF-16 code units (QString indices).

#include <QList>
#include <QString>
#include <QStringList>

namespace Gloss::Core::SearchText {

/// A double-quoted FTS5 string: the tokenizer splits it, so punctuation inside can never be FTS5 syntax.
QString quoted(const QString &s);
/// True when `s` has a letter or digit.
bool hasWordCharacter(const QString &s);

/// One item of a search-box query, in order: a "quoted phrase" (its text without the quotes), a word
/// (`prefix`: it ended in `*`, which is dropped from `text`), or the operator OR.
struct QueryItem
{
    enum Kind { Word, Phrase, Or };
    Kind kind = Word;
    QString text;
    bool prefix = false;
};
/// The items of a search-box query (SearchIndex::search's syntax): words split at white space, a `"` opens a
/// phrase up to the next `"` (or the end), a word that is exactly `OR` is the operator. Nothing is dropped here.
QList<QueryItem> queryItems(const QString &query);

/// One phrase of a search-box query (see SearchIndex::matchExpression), as folded tokens; `prefix`: the last
/// token matches any token it begins.
struct QueryPhrase
{
    QStringList tokens;
    bool prefix = false;
};
/// The phrases of a search-box query's words and quoted phrases (queryItems()), each case-folded and without
/// Latin diacritics as the index's tokenizer sees them; items without a token are left out.
QList<QueryPhrase> queryPhrases(const QString &query);

/// A snippet like FTS5's `snippet(t, -1, open, close, '…', windowTokens)`: `windowTokens` tokens of `text`
/// around its first phrase match (two tokens before it, for context), every match inside wrapped in
/// open/close, '…' where the text was cut. Reads the text only up to the end of that window. Empty when
/// nothing matches.
QString localSnippet(const QString &text, const QList<QueryPhrase> &phrases, const QString &open, const QString &close,
    int windowTokens = 16);

/// A search-box query read for substring search in the CJK articles (cjk_fts): clauses that must all match,
/// each a list of alternatives joined by OR (as in FTS5, OR binds tighter than the implicit AND); every term is a
/// run of word characters as typed (a trailing * is dropped: a substring covers a prefix; a phrase's words are
/// terms of their own). Empty when there is nothing such a search can add: no term holds a CJK character and
/// one is shorter than three characters (it would match inside almost any word).
QList<QStringList> substringClauses(const QString &query);
/// Occurrences of `term` in `text` (case-insensitive, as the trigram tokenizer compares).
int occurrences(const QString &text, const QString &term);
/// A snippet of `text` around the first occurrence of any of `terms`: 20 characters (UTF-16 units) before it
/// and 60 after, every occurrence inside wrapped in open/close, '…' where the text was cut. Empty when none
/// occurs.
QString substringSnippet(const QString &text, const QStringList &terms, const QString &open, const QString &close);

} // namespace Gloss::Core::SearchText

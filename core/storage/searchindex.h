#pragma once

#include "core/result.h"
#include "core/storage/articlerepository.h"

#include <QList>
#include <QString>

namespace Gloss::Core {

class Database;

/// One article found by SearchIndex::search().
struct SearchHit
{
    qint64 articleId = 0;
    QString title;
    QString sourceUrl;
    double score = 0; ///< relevance, higher is better: -bm25 (Robertson/Sparck Jones BM25, k1 = 1.2, b = 0.75)
    QString snippet; ///< about 16 tokens around the best match, matches wrapped in the options' markers
    QString matchedIn; ///< "text" (title or reader text) or "annotations" (quotes, notes, entity names)
    /// False (with score 0) when the hit was not ranked by BM25: the query was a phrase or prefix matching more than
    /// SearchOptions::rankWindow articles (the hits are then the newest matches, newest first; the GUI can say
    /// "showing the newest"), or it is a substring hit in CJK text (after the ranked hits, most occurrences first).
    bool ranked = true;
};

/// Options of SearchIndex::search().
struct SearchOptions
{
    int limit = 50; ///< at most this many hits; <= 0 means every hit (the library filter uses that)
    int offset = 0;
    LibraryFilter filter; ///< restricts hits to a collection / tag / reading state
    QString highlightOpen = QStringLiteral("["); ///< put before each matching token in the snippet
    QString highlightClose = QStringLiteral("]"); ///< ... and after it
    /// Without a filter, when more than this many articles match one index, only the newest rankWindow of them
    /// (by version/article id) are ranked: ranking cost grows with the number of matches (about 6 µs each), and
    /// a word in most of 100,000 articles would otherwise take 300-500 ms. A phrase or prefix query with more
    /// than rankWindow / 5 matches is not ranked at all (see SearchHit::ranked): its newest matches are listed,
    /// with snippets made from their text. <= 0: rank every match.
    int rankWindow = 5000;
    bool rawSyntax = false; ///< pass the query to FTS5 unchanged (AND/OR/NOT, NEAR, prefixes; no column
                            ///< filters: the query runs on both indexes, whose columns differ)
};

/// Full-text search over the library with SQLite FTS5 (https://sqlite.org/fts5.html). Two indexes, both kept in
/// sync by triggers (schema step 3) inside the writing transaction, so no code path can forget them:
///  - `article_fts`: title and reader text of every article's current version (external content over
///    article_versions; title weighted 5x);
///  - `annotation_fts`: per article, its annotation quotes, notes and the names and aliases of linked entities.
/// An article's score is its better score of the two. Tokenizer `unicode61 remove_diacritics 2`: case-folds every
/// script (Latin, Greek, Cyrillic, ...); diacritics are removed from Latin letters only: "São" matches "sao" and
/// "SAO", decomposed accents too, but a Greek tonos still distinguishes ("ελλαδα" does not find "Ελλάδα"). CJK text has
/// no spaces and unicode61 splits only at spaces and punctuation, so a run of Chinese/Japanese characters up to the
/// next punctuation mark is ONE token: it matches a query for the whole run, or a prefix query ("東京*"), but not
/// a word inside the run. For that, a third index, `cjk_fts` (schema step 5), holds the current versions whose
/// title or text has a CJK or Hangul character, with FTS5's trigram tokenizer: a search-box query also finds the
/// CJK articles whose title or text contains each of its words anywhere (three characters or more through the
/// trigram index, shorter ones by LIKE over those articles only), Latin words and numbers glued to CJK text too
/// ("DeepMind" in "DeepMind新电脑", "2014" in "2014年", "Metro" in "Metro는"); OR joins alternatives. Latin-only
/// queries with a word shorter than three characters skip this (it would match inside almost any word).
/// Such substring hits come after the ranked hits, most occurrences first, with score 0 and ranked false
/// (tst_search::cjkWords).
/// Cost: a word of three characters or more is an index lookup; a shorter one scans the CJK articles' text
/// (about 5.5 ms per 1,000 articles of 1,700 characters here).
class SearchIndex final
{
public:
    explicit SearchIndex(Database &database);

    /// Ranked hits for `query`, best first. The default syntax is the search box's: words (all must occur,
    /// in any order and any indexed field), "quoted phrases", a trailing * for a prefix (`polit*`), and OR
    /// between words; every other character is taken literally (no FTS5 syntax errors from user input).
    /// Errors: an empty query; with rawSyntax, a query FTS5 rejects (the message says why); storage errors.
    /// Cost (bench/storage_bench, 100,000 articles): a word in 2% of the articles about 15 ms with 50 snippets;
    /// the work grows with the matches up to rankWindow.
    Result<QList<SearchHit>> search(const QString &query, const SearchOptions &options = {}) const;

    /// Every matching article id, best first, without snippets (cheaper): for filtering the library model
    /// (ArticleListModel::setFilter). When more than options.rankWindow articles match, the ids come in library
    /// order (newest import first) instead, unranked. options.limit is honoured only for ranked results.
    Result<QList<qint64>> matchingArticleIds(const QString &query, const SearchOptions &options = {}) const;

    /// The FTS5 MATCH expression for a search-box query (see search()). Errors: nothing to search for.
    static Result<QString> matchExpression(const QString &query);

    /// Re-creates the three indexes from the tables (after a bulk load with triggers dropped, or to repair).
    /// One transaction. Errors: storage failures.
    Result<void> rebuild();

private:
    struct Ranked
    {
        qint64 articleId = 0;
        double bm25 = 0;
    };
    Result<QList<qint64>> wordMatchingArticleIds(const QString &query, const SearchOptions &options) const;
    Result<QList<SearchHit>> wordSearch(const QString &query, const SearchOptions &options) const;
    Result<QList<Ranked>> rank(const QString &match, const SearchOptions &options) const;
    Result<QList<SearchHit>> searchUnfiltered(
        const QString &query, const QString &match, const SearchOptions &options) const;
    /// The CJK articles (cjk_fts) whose current title or text satisfies every clause of SearchText::
    /// substringClauses() (one of its alternatives occurs as a substring), most occurrences first, ranked false
    /// with score 0; with `withSnippets`, a snippet around the first occurrence for each hit returned. Empty for
    /// no clauses.
    Result<QList<SearchHit>> cjkSubstringHits(
        const QList<QStringList> &clauses, const SearchOptions &options, bool withSnippets) const;
    /// matchExpression() of `query`, or the query itself with options.rawSyntax. Errors: nothing to search for.
    static Result<QString> matchFor(const QString &query, const SearchOptions &options);

    Database &m_database;
};

} // namespace Gloss::Core

#include "searchindex.h"

#include "database.h"
#include "migrations.h"
#include "searchtext.h"
#include "sqlhelpers.h"

#include <QHash>
#include <QSet>
#include <QRegularExpression>
#include <algorithm>

namespace Gloss::Core {

using namespace Sql;
using namespace SearchText;

namespace {

Error queryError(const QString &driverText)
{
    const QString lower = driverText.toLower();
    if (lower.contains(u"fts5") || lower.contains(u"syntax error") || lower.contains(u"no such column"))
        return Error { QStringLiteral("The search query is not valid: %1").arg(driverText), Error::User };
    return storageError(QStringLiteral("Cannot search"), driverText);
}

} // namespace

SearchIndex::SearchIndex(Database &database)
    : m_database(database)
{ }

Result<QString> SearchIndex::matchExpression(const QString &query)
{
    QStringList parts; // terms and "OR"
    bool lastWasTerm = false;
    for (const QueryItem &item : queryItems(query)) {
        if (item.kind == QueryItem::Or) {
            if (lastWasTerm) {
                parts.append(item.text);
                lastWasTerm = false;
            }
            continue;
        }
        if (!hasWordCharacter(item.text))
            continue;
        parts.append(quoted(item.text) + (item.prefix ? QStringLiteral("*") : QString()));
        lastWasTerm = true;
    }
    if (!parts.isEmpty() && parts.constLast() == u"OR")
        parts.removeLast();
    if (parts.isEmpty())
        return fail(QStringLiteral("Type a word to search for."));
    return parts.join(QLatin1Char(' '));
}

Result<QString> SearchIndex::matchFor(const QString &query, const SearchOptions &options)
{
    auto match = options.rawSyntax ? Result<QString>(query.trimmed()) : matchExpression(query);
    if (match && match->isEmpty())
        return fail(QStringLiteral("Type a word to search for."));
    return match;
}

Result<QList<SearchIndex::Ranked>> SearchIndex::rank(const QString &match, const SearchOptions &options) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    QVariantList filterValues;
    const QString filter = libraryFilterClause(options.filter, filterValues);
    // Each index ranks its own matches; an article keeps its better score. bm25() is negative, lower is better.
    // Column weights: a title match counts 5 times a body match.
    QString sql = QStringLiteral(
        "SELECT h.article_id, min(h.score) AS s FROM ("
        "SELECT v.article_id AS article_id, bm25(article_fts, 5.0, 1.0) AS score FROM article_fts "
        "JOIN article_versions v ON v.id = article_fts.rowid WHERE article_fts MATCH ? "
        "UNION ALL "
        "SELECT annotation_fts.rowid AS article_id, bm25(annotation_fts, 2.0, 2.0, 2.0) AS score FROM annotation_fts "
        "WHERE annotation_fts MATCH ?) h ");
    if (!filter.isEmpty())
        sql += QStringLiteral("JOIN articles a ON a.id = h.article_id") + filter;
    sql += QStringLiteral(" GROUP BY h.article_id ORDER BY s, h.article_id");
    if (options.limit > 0)
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
    q.prepare(sql);
    q.addBindValue(match);
    q.addBindValue(match);
    for (const QVariant &v : std::as_const(filterValues))
        q.addBindValue(v);
    if (options.limit > 0) {
        q.addBindValue(options.limit);
        q.addBindValue(std::max(0, options.offset));
    }
    if (!q.exec())
        return std::unexpected(queryError(q.lastError().text()));
    QList<Ranked> ranked;
    while (q.next())
        ranked.append(Ranked { q.value(0).toLongLong(), q.value(1).toDouble() });
    return ranked;
}

Result<QList<qint64>> SearchIndex::matchingArticleIds(const QString &query, const SearchOptions &options) const
{
    auto words = wordMatchingArticleIds(query, options);
    if (!words || options.rawSyntax)
        return words;
    SearchOptions all = options;
    all.limit = 0;
    all.offset = 0;
    auto substrings = cjkSubstringHits(substringClauses(query), all, false);
    if (!substrings)
        return std::unexpected(substrings.error());
    QSet<qint64> seen(words->cbegin(), words->cend());
    for (const SearchHit &h : std::as_const(*substrings))
        if (!seen.contains(h.articleId))
            words->append(h.articleId);
    return words;
}

Result<QList<qint64>> SearchIndex::wordMatchingArticleIds(const QString &query, const SearchOptions &options) const
{
    auto match = matchFor(query, options);
    if (!match)
        return std::unexpected(match.error());
    QSqlDatabase db = m_database.connection();
    if (options.rankWindow > 0) {
        // More matches than the window in either index: every match in library order (newest import first),
        // unranked; ranking tens of thousands of rows costs hundreds of milliseconds (see rankWindow).
        bool over = false;
        for (const QString &table : { QStringLiteral("article_fts"), QStringLiteral("annotation_fts") }) {
            QSqlQuery probe(db);
            probe.prepare(QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH ? LIMIT 1 OFFSET ?").arg(table));
            probe.addBindValue(*match);
            probe.addBindValue(options.rankWindow);
            if (!probe.exec())
                return std::unexpected(queryError(probe.lastError().text()));
            over = over || probe.next();
        }
        if (over) {
            QVariantList values;
            QString filter = libraryFilterClause(options.filter, values);
            filter = filter.isEmpty() ? QStringLiteral(" WHERE ") : filter + QStringLiteral(" AND ");
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT a.id FROM articles a") + filter
                + QStringLiteral("(a.current_version_id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?) "
                                 "OR a.id IN (SELECT rowid FROM annotation_fts WHERE annotation_fts MATCH ?)) "
                                 "ORDER BY a.imported DESC, a.id DESC"));
            for (const QVariant &v : std::as_const(values))
                q.addBindValue(v);
            q.addBindValue(*match);
            q.addBindValue(*match);
            if (!q.exec())
                return std::unexpected(queryError(q.lastError().text()));
            QList<qint64> ids;
            while (q.next())
                ids.append(q.value(0).toLongLong());
            return ids;
        }
    }
    auto ranked = rank(*match, options);
    if (!ranked)
        return std::unexpected(ranked.error());
    QList<qint64> ids;
    ids.reserve(ranked->size());
    for (const Ranked &r : std::as_const(*ranked))
        ids.append(r.articleId);
    return ids;
}

Result<QList<SearchHit>> SearchIndex::search(const QString &query, const SearchOptions &options) const
{
    const QList<QStringList> clauses = options.rawSyntax ? QList<QStringList>() : substringClauses(query);
    if (clauses.isEmpty())
        return wordSearch(query, options);
    // Word hits first (ranked), then the substring hits not among them: page over the two lists together.
    SearchOptions first = options;
    first.offset = 0;
    first.limit = options.limit > 0 ? std::max(0, options.offset) + options.limit : 0;
    auto words = wordSearch(query, first);
    if (!words)
        return words;
    auto substrings = cjkSubstringHits(clauses, first, true);
    if (!substrings)
        return std::unexpected(substrings.error());
    QSet<qint64> seen;
    for (const SearchHit &h : std::as_const(*words))
        seen.insert(h.articleId);
    for (const SearchHit &h : std::as_const(*substrings))
        if (!seen.contains(h.articleId))
            words->append(h);
    const qsizetype from = std::min<qsizetype>(words->size(), std::max(0, options.offset));
    return words->mid(from, options.limit > 0 ? options.limit : -1);
}

Result<QList<SearchHit>> SearchIndex::cjkSubstringHits(
    const QList<QStringList> &clauses, const SearchOptions &options, bool withSnippets) const
{
    if (clauses.isEmpty())
        return QList<SearchHit> {};
    QStringList terms;
    for (const QStringList &clause : clauses)
        terms += clause;
    // Candidates from the longest term that must occur (a clause without OR): the trigram index for three
    // characters or more, else LIKE over cjk_fts (a scan of the CJK articles only); with OR everywhere, every
    // CJK article. Every clause is then checked and counted here.
    QString longest;
    for (const QStringList &clause : clauses)
        if (clause.size() == 1 && clause.first().toUcs4().size() > longest.toUcs4().size())
            longest = clause.first();
    const bool indexed = longest.toUcs4().size() >= 3;
    QVariantList values;
    QString filter = libraryFilterClause(options.filter, values);
    filter = filter.isEmpty() ? QStringLiteral(" WHERE ") : filter + QStringLiteral(" AND ");
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.id, c.title, c.reader_text, a.source_url, c.rowid FROM cjk_fts c "
                             "JOIN articles a ON a.current_version_id = c.rowid")
        + filter
        + (longest.isEmpty() ? QStringLiteral("1")
                : indexed    ? QStringLiteral("cjk_fts MATCH ?")
                             : QStringLiteral("(c.title LIKE ? ESCAPE '\\' OR c.reader_text LIKE ? ESCAPE '\\')")));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (longest.isEmpty()) {
        // no bound value: every CJK article is a candidate
    } else if (indexed) {
        q.addBindValue(quoted(longest));
    } else {
        QString pattern = longest;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        q.addBindValue(pattern);
        q.addBindValue(pattern);
    }
    if (!q.exec())
        return std::unexpected(queryError(q.lastError().text()));
    struct Found
    {
        SearchHit hit;
        int count = 0;
        qint64 rowid = 0; // in cjk_fts, to read the text again for a snippet
    };
    QList<Found> found;
    while (q.next()) {
        const QString title = q.value(1).toString();
        const QString text = q.value(2).toString();
        int count = 0;
        bool all = true;
        for (const QStringList &clause : clauses) {
            int inClause = 0;
            for (const QString &term : clause)
                inClause += occurrences(title, term) * 5 + occurrences(text, term); // a title match counts 5
            all = all && inClause > 0;
            count += inClause;
        }
        if (!all)
            continue;
        Found f;
        f.hit.articleId = q.value(0).toLongLong();
        f.hit.title = title;
        f.hit.sourceUrl = q.value(3).toString();
        f.hit.matchedIn = QStringLiteral("text");
        f.count = count;
        f.rowid = q.value(4).toLongLong();
        found.append(f);
    }
    q.finish();
    std::stable_sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        return a.count != b.count ? a.count > b.count : a.hit.articleId > b.hit.articleId;
    });
    // Snippets for the hits returned only: the text of every match is not kept while counting.
    QSqlQuery text(m_database.connection());
    text.setForwardOnly(true);
    text.prepare(QStringLiteral("SELECT title, reader_text FROM cjk_fts WHERE rowid = ?"));
    QList<SearchHit> hits;
    for (const Found &f : std::as_const(found)) {
        if (options.limit > 0 && hits.size() >= options.limit)
            break;
        hits.append(f.hit);
        hits.last().score = 0;
        hits.last().ranked = false;
        if (!withSnippets)
            continue;
        text.addBindValue(f.rowid);
        if (auto e = exec(text, QStringLiteral("Cannot read the search results")); !e)
            return std::unexpected(e.error());
        if (text.next()) {
            QString &snippet = hits.last().snippet;
            snippet = substringSnippet(text.value(1).toString(), terms, options.highlightOpen, options.highlightClose);
            if (snippet.isEmpty())
                snippet = substringSnippet(text.value(0).toString(), terms, options.highlightOpen, options.highlightClose);
        }
        text.finish();
    }
    return hits;
}

Result<QList<SearchHit>> SearchIndex::wordSearch(const QString &query, const SearchOptions &options) const
{
    auto match = matchFor(query, options);
    if (!match)
        return std::unexpected(match.error());
    if (options.filter.isEmpty())
        return searchUnfiltered(query, *match, options);
    auto ranked = rank(*match, options);
    if (!ranked)
        return std::unexpected(ranked.error());

    QSqlDatabase db = m_database.connection();
    // Snippets only for the hits returned: snippet() re-reads and re-tokenizes the text, too slow for every match.
    QSqlQuery text(db);
    text.prepare(QStringLiteral("SELECT snippet(article_fts, -1, ?, ?, '…', 16) FROM article_fts "
                                "WHERE article_fts MATCH ? AND article_fts.rowid = ?"));
    QSqlQuery notes(db);
    notes.prepare(QStringLiteral("SELECT snippet(annotation_fts, -1, ?, ?, '…', 16) FROM annotation_fts "
                                 "WHERE annotation_fts MATCH ? AND annotation_fts.rowid = ?"));
    QSqlQuery article(db);
    article.prepare(QStringLiteral("SELECT v.title, a.source_url, a.current_version_id FROM articles a "
                                   "JOIN article_versions v ON v.id = a.current_version_id WHERE a.id = ?"));
    QList<SearchHit> hits;
    for (const Ranked &r : std::as_const(*ranked)) {
        SearchHit hit;
        hit.articleId = r.articleId;
        hit.score = -r.bm25;
        article.addBindValue(r.articleId);
        if (auto e = exec(article, QStringLiteral("Cannot read the search results")); !e)
            return std::unexpected(e.error());
        if (!article.next())
            continue;
        hit.title = article.value(0).toString();
        hit.sourceUrl = article.value(1).toString();
        const qint64 versionId = article.value(2).toLongLong();
        article.finish();
        for (QSqlQuery *q : { &text, &notes }) {
            q->addBindValue(options.highlightOpen);
            q->addBindValue(options.highlightClose);
            q->addBindValue(*match);
            q->addBindValue(q == &text ? versionId : r.articleId);
            if (!q->exec())
                return std::unexpected(queryError(q->lastError().text()));
            if (q->next()) {
                hit.snippet = q->value(0).toString();
                hit.matchedIn = q == &text ? QStringLiteral("text") : QStringLiteral("annotations");
                q->finish();
                break;
            }
        }
        hits.append(hit);
    }
    return hits;
}

Result<QList<SearchHit>> SearchIndex::searchUnfiltered(
    const QString &query, const QString &match, const SearchOptions &options) const
{
    // Each index returns its own top (offset + limit) by `ORDER BY rank`: FTS5 then sorts internally and runs
    // snippet() only for the rows returned (about 3x faster than ordering by an explicit bm25() call). The global
    // top k by "better score of the two" is always inside the union of the two top-k lists.
    QSqlDatabase db = m_database.connection();
    const int wanted = options.limit > 0 ? std::max(0, options.offset) + options.limit : -1;
    struct Found
    {
        qint64 rowid = 0;
        double rank = 0;
        QString snippet;
    };
    // A phrase ("a b") or a prefix (abc*) in the expression (see matchExpression and the FTS5 query syntax).
    static const QRegularExpression phraseOrPrefix(QStringLiteral("\"[^\"]*\\s[^\"]*\"|\\*|\\bNEAR\\b"));
    const bool costlyToRank = phraseOrPrefix.match(match).hasMatch();
    bool unranked = false;
    // The query's phrases, for snippets made here rather than by FTS5 (search-box syntax only).
    const QList<QueryPhrase> phrases = options.rawSyntax ? QList<QueryPhrase>() : queryPhrases(query);
    // Walking a phrase's matches checks positions in every candidate, and ranking it costs a phrase count over
    // the whole index: such queries are ranked only up to a fifth of rankWindow matches.
    const int costlyWindow = std::max(1, options.rankWindow / 5);
    auto top = [&](const QString &table) -> Result<QList<Found>> {
        // `table` is one of our two table names, never user input.
        // Ranking reads every match (BM25 needs each row's term frequencies and length). When more than
        // rankWindow rows match, rank only the newest rankWindow of them: find the rowid of the rankWindow-th
        // newest match first (a plain walk of the doclist, no scoring), then rank with rowid >= it.
        qint64 fromRowid = 0;
        if (options.rankWindow > 0 && costlyToRank && !phrases.isEmpty()) {
            // A prefix or phrase: every FTS5 query on it first merges the doclists of all the prefix's terms
            // (or checks the phrase's positions) over the whole index, the bulk of its cost (~8 ms per 20,000
            // articles for a prefix in 89% of them). So one walk answers both questions: are there more than
            // rankWindow matches, and which are the newest. Over the window, the newest `wanted` are listed
            // unranked with snippets made here from their text, instead of a second FTS5 query that would merge
            // the doclists again.
            QSqlQuery walk(db);
            walk.setForwardOnly(true);
            walk.prepare(
                QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH ? ORDER BY rowid DESC LIMIT ?").arg(table));
            walk.addBindValue(match);
            // Enough for the page asked for (within rankWindow, as for the other queries) and for the test.
            walk.addBindValue(
                std::max(costlyWindow, wanted < 0 ? options.rankWindow : std::min(wanted, options.rankWindow)));
            if (!walk.exec())
                return std::unexpected(queryError(walk.lastError().text()));
            QList<qint64> newest;
            while (walk.next())
                newest.append(walk.value(0).toLongLong());
            walk.finish();
            if (newest.size() >= costlyWindow) {
                unranked = true;
                const bool articles = table == u"article_fts";
                QSqlQuery text(db);
                text.setForwardOnly(true);
                text.prepare(articles
                        ? QStringLiteral("SELECT reader_text, title FROM article_versions WHERE id = ?")
                        : QStringLiteral("SELECT quotes, notes, entities FROM annotation_fts WHERE rowid = ?"));
                QList<Found> found;
                for (qint64 rowid : std::as_const(newest)) {
                    if (wanted >= 0 && found.size() >= wanted)
                        break;
                    text.addBindValue(rowid);
                    if (auto e = exec(text, QStringLiteral("Cannot read the search results")); !e)
                        return std::unexpected(e.error());
                    Found f { rowid, 0, {} };
                    if (text.next()) {
                        for (int column = 0; column < (articles ? 2 : 3) && f.snippet.isEmpty(); ++column)
                            f.snippet = localSnippet(
                                text.value(column).toString(), phrases, options.highlightOpen, options.highlightClose);
                    }
                    text.finish();
                    found.append(f);
                }
                return found;
            }
        } else if (options.rankWindow > 0) {
            QSqlQuery probe(db);
            probe.setForwardOnly(true);
            probe.prepare(QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?")
                              .arg(table));
            probe.addBindValue(match);
            probe.addBindValue(options.rankWindow - 1);
            if (!probe.exec())
                return std::unexpected(queryError(probe.lastError().text()));
            if (probe.next())
                fromRowid = probe.value(0).toLongLong();
        }
        // FTS5's bm25() first counts the documents of each phrase over the whole index (fts5_aux.c,
        // fts5Bm25GetData -> xQueryPhrase): cheap for a word's doclist, but for a phrase or a prefix matching
        // most of the library it means position checks or doclist merges over every match (0.2-0.4 s at
        // 100,000 articles). Such queries, when over the window, list the newest matches unranked instead.
        const bool newestFirst = fromRowid > 0 && costlyToRank;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT rowid, %2, snippet(%1, -1, ?, ?, '…', 16) FROM %1 WHERE %1 MATCH ? "
                                 "AND rowid >= ? ORDER BY %3 LIMIT ?")
                      .arg(table, newestFirst ? QStringLiteral("0") : QStringLiteral("rank"),
                          newestFirst ? QStringLiteral("rowid DESC") : QStringLiteral("rank")));
        if (newestFirst)
            unranked = true;
        q.addBindValue(options.highlightOpen);
        q.addBindValue(options.highlightClose);
        q.addBindValue(match);
        q.addBindValue(fromRowid);
        q.addBindValue(wanted);
        if (!q.exec())
            return std::unexpected(queryError(q.lastError().text()));
        QList<Found> found;
        while (q.next())
            found.append(Found { q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toString() });
        return found;
    };
    auto text = top(QStringLiteral("article_fts"));
    if (!text)
        return std::unexpected(text.error());
    auto notes = top(QStringLiteral("annotation_fts"));
    if (!notes)
        return std::unexpected(notes.error());

    QSqlQuery version(db);
    version.prepare(QStringLiteral("SELECT a.id, v.title, a.source_url FROM article_versions v "
                                   "JOIN articles a ON a.id = v.article_id AND a.current_version_id = v.id "
                                   "WHERE v.id = ?"));
    QSqlQuery article(db);
    article.prepare(QStringLiteral("SELECT a.id, v.title, a.source_url FROM articles a "
                                   "JOIN article_versions v ON v.id = a.current_version_id WHERE a.id = ?"));
    QHash<qint64, SearchHit> byArticle;
    auto merge = [&](QSqlQuery &lookup, const QList<Found> &found, const QString &where) -> Result<void> {
        for (const Found &f : found) {
            lookup.addBindValue(f.rowid);
            if (auto e = exec(lookup, QStringLiteral("Cannot read the search results")); !e)
                return e;
            if (!lookup.next())
                continue;
            const qint64 id = lookup.value(0).toLongLong();
            auto it = byArticle.find(id);
            if (it == byArticle.end() || -f.rank > it->score) {
                SearchHit hit;
                hit.articleId = id;
                hit.title = lookup.value(1).toString();
                hit.sourceUrl = lookup.value(2).toString();
                hit.score = -f.rank;
                hit.snippet = f.snippet;
                hit.matchedIn = where;
                byArticle.insert(id, hit);
            }
            lookup.finish();
        }
        return {};
    };
    if (auto r = merge(version, *text, QStringLiteral("text")); !r)
        return std::unexpected(r.error());
    if (auto r = merge(article, *notes, QStringLiteral("annotations")); !r)
        return std::unexpected(r.error());
    QList<SearchHit> hits = byArticle.values();
    if (unranked) {
        // Newest first (a higher id was stored later), every hit flagged as not ranked.
        for (SearchHit &h : hits) {
            h.ranked = false;
            h.score = 0;
        }
        std::sort(
            hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) { return a.articleId > b.articleId; });
        const qsizetype from = std::min<qsizetype>(hits.size(), std::max(0, options.offset));
        return hits.mid(from, options.limit > 0 ? options.limit : -1);
    }
    std::sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) {
        return a.score != b.score ? a.score > b.score : a.articleId < b.articleId;
    });
    const qsizetype from = std::min<qsizetype>(hits.size(), std::max(0, options.offset));
    hits = hits.mid(from, options.limit > 0 ? options.limit : -1);
    return hits;
}

Result<void> SearchIndex::rebuild()
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlDatabase db = m_database.connection();
        QStringList statements {
            QStringLiteral("INSERT INTO article_fts (article_fts) VALUES ('delete-all')"),
            QStringLiteral("INSERT INTO article_fts (rowid, title, reader_text) SELECT id, title, reader_text "
                           "FROM article_versions WHERE id IN (SELECT current_version_id FROM articles)"),
            QStringLiteral("DELETE FROM annotation_fts"),
            QStringLiteral("DELETE FROM cjk_fts"),
            cjkSearchRebuildStatement(),
        };
        statements.append(annotationSearchRebuildStatements(QStringLiteral("SELECT id FROM articles")).constLast());
        for (const QString &sql : std::as_const(statements)) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                return std::unexpected(
                    storageError(QStringLiteral("Cannot rebuild the search index"), q.lastError().text()));
        }
        return {};
    });
}

} // namespace Gloss::Core

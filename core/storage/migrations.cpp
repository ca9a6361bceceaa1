#include "migrations.h"

#include "database.h"

namespace Gloss::Core {

namespace {

// Tokenizer of both FTS tables: Unicode 6.1 word rules, case folding, diacritics removed from Latin letters
// (also those composed with combining marks, "remove_diacritics 2"). CJK has no spaces, and unicode61 splits
// only at separators and punctuation, so a run of Chinese or Japanese text up to the next punctuation mark is
// one token: a query matches such text only as a whole run or as a prefix ("東京*"). See SearchIndex.
const QString tokenizer = QStringLiteral("tokenize = 'unicode61 remove_diacritics 2'");

// Rebuilds the annotation_fts rows of the articles selected by `articles` (a subquery returning article ids):
// one row per article (rowid = article id) holding every quote, every note, and the names and aliases of the
// entities its annotations link to. One row per article keeps deletion by rowid (FTS5 cannot delete by an
// unindexed column without a scan) and needs no stable integer key on annotations (their key is a UUID, and
// VACUUM may renumber implicit rowids).
QStringList rebuildAnnotationRows(const QString &articles)
{
    return {
        QStringLiteral("DELETE FROM annotation_fts WHERE rowid IN (%1);").arg(articles),
        QStringLiteral(
            "INSERT INTO annotation_fts (rowid, quotes, notes, entities) "
            "SELECT a.article_id, group_concat(a.quote, ' … '), coalesce(group_concat(NULLIF(a.note, ''), ' … '), ''), "
            "coalesce((SELECT group_concat(e.name || coalesce(' ' || (CASE WHEN json_valid(e.aliases) THEN "
            "(SELECT group_concat(j.value, ' ') FROM json_each(e.aliases) j WHERE j.type = 'text') END), ''), ' … ') "
            "FROM entities e WHERE e.id IN (SELECT x.entity_id FROM annotations x WHERE x.article_id = a.article_id "
            "AND x.entity_id IS NOT NULL)), '') "
            "FROM annotations a WHERE a.article_id IN (%1) GROUP BY a.article_id;")
            .arg(articles),
    };
}

QString trigger(const QString &head, const QStringList &body)
{
    return head + QStringLiteral(" BEGIN ") + body.join(QLatin1Char(' ')) + QStringLiteral(" END");
}

QStringList searchIndexStep()
{
    const QString deleteCurrent = QStringLiteral(
        "INSERT INTO article_fts (article_fts, rowid, title, reader_text) SELECT 'delete', id, title, reader_text "
        "FROM article_versions WHERE id = %1;");
    const QString insertCurrent = QStringLiteral(
        "INSERT INTO article_fts (rowid, title, reader_text) SELECT id, title, reader_text FROM article_versions "
        "WHERE id = %1;");
    return {
        // Titles and reader text of each article's current version. External content: the text is read from
        // article_versions (rowid = version id, an INTEGER PRIMARY KEY, stable under VACUUM), so it is not
        // stored twice. Versions are immutable; the triggers below still follow any edit of a current one.
        QStringLiteral("CREATE VIRTUAL TABLE article_fts USING fts5(title, reader_text, content = 'article_versions', "
                       "content_rowid = 'id', %1)")
            .arg(tokenizer),
        QStringLiteral("CREATE VIRTUAL TABLE annotation_fts USING fts5(quotes, notes, entities, %1)").arg(tokenizer),
        // The `rank` of each index (what "ORDER BY rank" sorts by): BM25 with a title match worth 5 body matches.
        // Sorting by rank lets FTS5 evaluate snippet() for the returned rows only.
        QStringLiteral("INSERT INTO article_fts (article_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)')"),
        QStringLiteral("INSERT INTO annotation_fts (annotation_fts, rank) VALUES ('rank', 'bm25(2.0, 2.0, 2.0)')"),
        trigger(QStringLiteral("CREATE TRIGGER article_fts_ai AFTER INSERT ON articles "
                               "WHEN new.current_version_id IS NOT NULL"),
            { insertCurrent.arg(QStringLiteral("new.current_version_id")) }),
        trigger(QStringLiteral("CREATE TRIGGER article_fts_au AFTER UPDATE OF current_version_id ON articles "
                               "WHEN old.current_version_id IS NOT new.current_version_id"),
            { deleteCurrent.arg(QStringLiteral("old.current_version_id")),
                insertCurrent.arg(QStringLiteral("new.current_version_id")) }),
        trigger(QStringLiteral("CREATE TRIGGER article_fts_bd BEFORE DELETE ON articles"),
            { deleteCurrent.arg(QStringLiteral("old.current_version_id")) }),
        trigger(QStringLiteral("CREATE TRIGGER version_fts_bu BEFORE UPDATE OF title, reader_text ON article_versions "
                               "WHEN EXISTS (SELECT 1 FROM articles WHERE current_version_id = old.id)"),
            { QStringLiteral("INSERT INTO article_fts (article_fts, rowid, title, reader_text) "
                             "VALUES ('delete', old.id, old.title, old.reader_text);") }),
        trigger(QStringLiteral("CREATE TRIGGER version_fts_au AFTER UPDATE OF title, reader_text ON article_versions "
                               "WHEN EXISTS (SELECT 1 FROM articles WHERE current_version_id = new.id)"),
            { QStringLiteral("INSERT INTO article_fts (rowid, title, reader_text) "
                             "VALUES (new.id, new.title, new.reader_text);") }),
        trigger(QStringLiteral("CREATE TRIGGER annotation_fts_ai AFTER INSERT ON annotations"),
            rebuildAnnotationRows(QStringLiteral("SELECT new.article_id"))),
        trigger(QStringLiteral("CREATE TRIGGER annotation_fts_ad AFTER DELETE ON annotations"),
            rebuildAnnotationRows(QStringLiteral("SELECT old.article_id"))),
        trigger(QStringLiteral("CREATE TRIGGER annotation_fts_au AFTER UPDATE OF article_id, quote, note, entity_id "
                               "ON annotations"),
            rebuildAnnotationRows(QStringLiteral("SELECT old.article_id UNION SELECT new.article_id"))),
        trigger(QStringLiteral("CREATE TRIGGER entity_fts_au AFTER UPDATE OF name, aliases ON entities"),
            rebuildAnnotationRows(QStringLiteral("SELECT article_id FROM annotations WHERE entity_id = new.id"))),
        // Existing data.
        QStringLiteral("INSERT INTO article_fts (rowid, title, reader_text) SELECT id, title, reader_text "
                       "FROM article_versions WHERE id IN (SELECT current_version_id FROM articles)"),
        rebuildAnnotationRows(QStringLiteral("SELECT id FROM articles")).constLast(),
    };
}

// Step 5: substring search for CJK text. unicode61 keeps a run of Chinese or Japanese characters as one token
// (see `tokenizer`), so a word inside a run cannot be found in article_fts. cjk_fts indexes the current versions
// whose title or text holds a CJK or Hangul character with FTS5's trigram tokenizer (SQLite 3.34+), which
// matches any substring of three or more characters; shorter words are found by LIKE over this table alone.
// Own content (the text is stored again, but only for these articles), so its rows can be deleted by rowid.
// Rowid = version id. The character class covers CJK radicals to unified ideographs (U+2E80-U+9FFF: kana,
// bopomofo, Hangul jamo, Extension A), Hangul syllables (U+AC00-U+D7AF) and compatibility ideographs
// (U+F900-U+FAFF); SQLite's GLOB compares code points in [...] ranges.
QString cjkCondition(const QString &version)
{
    const QString cjk = QStringLiteral("'*[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]*'");
    return QStringLiteral("(%1.title GLOB %2 OR %1.reader_text GLOB %2)").arg(version, cjk);
}

QStringList cjkSearchStep()
{
    const QString insertCurrent = QStringLiteral(
        "INSERT INTO cjk_fts (rowid, title, reader_text) SELECT v.id, v.title, v.reader_text FROM article_versions v "
        "WHERE v.id = %1 AND ") + cjkCondition(QStringLiteral("v")) + QLatin1Char(';');
    const QString deleteCurrent = QStringLiteral("DELETE FROM cjk_fts WHERE rowid = %1;");
    return {
        QStringLiteral("CREATE VIRTUAL TABLE cjk_fts USING fts5(title, reader_text, tokenize = 'trigram')"),
        trigger(QStringLiteral("CREATE TRIGGER cjk_fts_ai AFTER INSERT ON articles "
                               "WHEN new.current_version_id IS NOT NULL"),
            { insertCurrent.arg(QStringLiteral("new.current_version_id")) }),
        trigger(QStringLiteral("CREATE TRIGGER cjk_fts_au AFTER UPDATE OF current_version_id ON articles "
                               "WHEN old.current_version_id IS NOT new.current_version_id"),
            { deleteCurrent.arg(QStringLiteral("old.current_version_id")),
                insertCurrent.arg(QStringLiteral("new.current_version_id")) }),
        trigger(QStringLiteral("CREATE TRIGGER cjk_fts_bd BEFORE DELETE ON articles"),
            { deleteCurrent.arg(QStringLiteral("old.current_version_id")) }),
        trigger(QStringLiteral("CREATE TRIGGER cjk_version_au AFTER UPDATE OF title, reader_text ON article_versions "
                               "WHEN EXISTS (SELECT 1 FROM articles WHERE current_version_id = new.id)"),
            { deleteCurrent.arg(QStringLiteral("new.id")), insertCurrent.arg(QStringLiteral("new.id")) }),
        // Existing data.
        cjkSearchRebuildStatement(),
    };
}

} // namespace

QString cjkSearchRebuildStatement()
{
    return QStringLiteral("INSERT INTO cjk_fts (rowid, title, reader_text) SELECT v.id, v.title, v.reader_text "
                          "FROM article_versions v JOIN articles a ON a.current_version_id = v.id WHERE ")
        + cjkCondition(QStringLiteral("v"));
}

QStringList annotationSearchRebuildStatements(const QString &articleIdsQuery)
{
    return rebuildAnnotationRows(articleIdsQuery);
}

const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> steps {
        // 1: snapshots, articles, versions, annotations, entities.
        {
            QStringLiteral(R"(CREATE TABLE snapshots (
                id INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL UNIQUE,
                content_type TEXT NOT NULL,
                charset TEXT NOT NULL DEFAULT '',
                source_url TEXT NOT NULL DEFAULT '',
                fetched TEXT NOT NULL,
                size INTEGER NOT NULL,
                data BLOB NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                source_url TEXT NOT NULL,
                imported TEXT NOT NULL,
                current_version_id INTEGER))"),
            QStringLiteral("CREATE INDEX articles_source ON articles(source_url)"),
            QStringLiteral(R"(CREATE TABLE article_versions (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
                number INTEGER NOT NULL,
                title TEXT NOT NULL DEFAULT '',
                byline TEXT NOT NULL DEFAULT '',
                site_name TEXT NOT NULL DEFAULT '',
                language TEXT NOT NULL DEFAULT '',
                direction TEXT NOT NULL DEFAULT '',
                published TEXT NOT NULL DEFAULT '',
                modified TEXT NOT NULL DEFAULT '',
                excerpt TEXT NOT NULL DEFAULT '',
                lead_image TEXT NOT NULL DEFAULT '',
                canonical_url TEXT NOT NULL DEFAULT '',
                reader_html TEXT NOT NULL,
                reader_text TEXT NOT NULL,
                text_length INTEGER NOT NULL DEFAULT 0,
                extractor_version TEXT NOT NULL,
                created TEXT NOT NULL,
                UNIQUE (article_id, number)))"),
            QStringLiteral(R"(CREATE TABLE entities (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                type TEXT NOT NULL DEFAULT '',
                kb_id TEXT NOT NULL DEFAULT '',
                aliases TEXT NOT NULL DEFAULT '[]',
                created TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE annotations (
                id TEXT PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                version_id INTEGER NOT NULL REFERENCES article_versions(id),
                kind TEXT NOT NULL CHECK (kind IN ('claim', 'entity', 'highlight', 'note')),
                label TEXT NOT NULL DEFAULT '',
                quote TEXT NOT NULL,
                prefix TEXT NOT NULL DEFAULT '',
                suffix TEXT NOT NULL DEFAULT '',
                start INTEGER,
                "end" INTEGER,
                status TEXT NOT NULL DEFAULT 'exact',
                kb_id TEXT NOT NULL DEFAULT '',
                entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
                note TEXT NOT NULL DEFAULT '',
                creator TEXT NOT NULL DEFAULT '',
                attributes TEXT NOT NULL DEFAULT '{}',
                created TEXT NOT NULL,
                modified TEXT NOT NULL,
                CHECK (start IS NULL OR ("end" IS NOT NULL AND "end" >= start))))"),
            QStringLiteral("CREATE INDEX annotations_article ON annotations(article_id, start)"),
            QStringLiteral("CREATE INDEX annotations_entity ON annotations(entity_id)"),
        },
        // 2: organising (collections, tags), reading state, label schemas, the library's sort index.
        {
            QStringLiteral(R"(CREATE TABLE collections (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                description TEXT NOT NULL DEFAULT '',
                created TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE article_collections (
                collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                added TEXT NOT NULL,
                PRIMARY KEY (collection_id, article_id)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX article_collections_article ON article_collections(article_id)"),
            QStringLiteral(R"(CREATE TABLE article_tags (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                tag TEXT NOT NULL COLLATE NOCASE,
                added TEXT NOT NULL,
                PRIMARY KEY (article_id, tag)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX article_tags_tag ON article_tags(tag, article_id)"),
            QStringLiteral(R"(CREATE TABLE reading_state (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                state TEXT NOT NULL CHECK (state IN ('unread', 'in_progress', 'read')),
                position INTEGER NOT NULL DEFAULT 0,
                updated TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE label_schemas (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                definition TEXT NOT NULL,
                created TEXT NOT NULL,
                modified TEXT NOT NULL))"),
            // The library list is ordered newest import first; this index makes its id scan index-only.
            QStringLiteral("CREATE INDEX articles_imported ON articles(imported, id)"),
            QStringLiteral("CREATE INDEX articles_current ON articles(current_version_id)"),
        },
        // 3: full-text search (FTS5), kept in sync by triggers so that every writer (repositories, commands,
        // other engineers' code, plain SQL in a migration) updates it in the same transaction.
        searchIndexStep(),
        // 4: the store's identity. application_id marks the file as a Gloss store (the SQLite header field meant
        // for that, https://sqlite.org/fileformat.html#application_id; "Glos"); store_identity holds a random id
        // made once per store, which VACUUM INTO copies into every backup, so a restore can tell a backup of this
        // store from a backup of another one (BackupManager::restore).
        {
            QStringLiteral("PRAGMA application_id = %1").arg(Database::kApplicationId),
            QStringLiteral(R"(CREATE TABLE store_identity (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                uuid TEXT NOT NULL,
                created TEXT NOT NULL))"),
            QStringLiteral(
                "INSERT INTO store_identity (singleton, uuid, created) VALUES (1, lower(hex(randomblob(16))), "
                "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"),
        },
        // 5: substring search in CJK text (cjkSearchStep).
        cjkSearchStep(),
    };
    return steps;
}

} // namespace Gloss::Core

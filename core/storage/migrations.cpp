#include "migrations.h"

namespace Gloss::Core {

const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> steps{
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
    };
    return steps;
}

} // namespace Gloss::Core

#pragma once

#include "core/anchoring/reanchor.h"
#include "core/extraction/extractor.h"
#include "core/result.h"
#include "core/storage/articlerepository.h"

namespace Gloss::Core {

class Database;

/// Import: original bytes -> Snapshot (SHA-256, content type, charset) -> Extractor -> ArticleRepository.
/// Nothing is written unless extraction succeeds; the store is then written in one transaction. When the
/// import adds a new version of an article (its reader text changed), the article's annotations are
/// re-anchored onto the new version in the same transaction (reanchor(): exact, moved, fuzzy or orphaned;
/// DESIGN.md "Versions and anchoring"), so re-anchoring runs once per version change.
class ArticleImporter final
{
public:
    explicit ArticleImporter(Database &database);

    /// Imports a local file (.html/.htm, .mhtml/.mht, .txt, each also gzip-compressed as .gz), read by PageFile.
    /// The source URL is its file:// URL; the snapshot is the page as extracted (decompressed), as gloss-cli
    /// extract reads it. Errors: missing or unreadable file, a folder, larger than Extractor::maxInputBytes
    /// (before or after decompression), empty, corrupt gzip, not HTML or text.
    Result<ImportOutcome> importFile(const QString &path);

    /// Imports bytes already fetched from `url`. `contentType` is the HTTP Content-Type header, if any.
    /// Errors: larger than Extractor::maxInputBytes, those of Extractor::extract, storage errors.
    Result<ImportOutcome> importBytes(const QByteArray &bytes, const QUrl &url, const QString &contentType = {});

    /// What re-anchoring did in the last import that added a version (empty report otherwise).
    const ReanchorReport &reanchorReport() const { return m_reanchorReport; }

private:
    Result<ImportOutcome> importPage(
        const QByteArray &bytes, const QUrl &url, const QString &contentType, const QString &fileName);
    Result<void> reanchorAnnotations(const ImportOutcome &outcome);

    Database &m_database;
    ReanchorReport m_reanchorReport;
};

} // namespace Gloss::Core

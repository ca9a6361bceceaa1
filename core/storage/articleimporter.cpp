#include "articleimporter.h"

#include "annotationrepository.h"
#include "core/extraction/pagefile.h"
#include "database.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QMap>

namespace Gloss::Core {

ArticleImporter::ArticleImporter(Database &database)
    : m_database(database)
{
}

Result<ImportOutcome> ArticleImporter::importFile(const QString &path)
{
    auto page = PageFile::read(path);
    if (!page)
        return std::unexpected(page.error());
    return importPage(page->bytes, QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()), {}, page->fileName);
}

Result<ImportOutcome> ArticleImporter::importBytes(const QByteArray &bytes, const QUrl &url, const QString &contentType)
{
    return importPage(bytes, url, contentType, url.isLocalFile() ? url.toLocalFile() : url.path());
}

Result<ImportOutcome> ArticleImporter::importPage(
    const QByteArray &bytes, const QUrl &pageUrl, const QString &contentType, const QString &fileName)
{
    // Credentials in the URL (https://user:password@host/) are for fetching; they are not stored or used as a base.
    const QUrl url = pageUrl.adjusted(QUrl::RemoveUserInfo);
    const QString shown = url.isLocalFile() ? url.toLocalFile() : url.toDisplayString();
    ExtractOptions options;
    options.url = url;
    options.contentType = contentType;
    options.fileName = fileName;
    auto extraction = Extractor::extract(bytes, options);
    if (!extraction)
        return fail(QStringLiteral("%1: %2").arg(shown, extraction.error().message), extraction.error().code);

    Snapshot snapshot;
    snapshot.bytes = bytes;
    snapshot.contentType = extraction->contentType;
    snapshot.charset = extraction->charset;
    snapshot.sourceUrl = url.toString(QUrl::FullyEncoded);
    snapshot.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    snapshot.fetched = QDateTime::currentDateTimeUtc();

    m_reanchorReport = {};
    ImportOutcome outcome;
    auto r = m_database.transaction([&]() -> Result<void> {
        auto stored = ArticleRepository(m_database).store(snapshot, *extraction);
        if (!stored)
            return std::unexpected(stored.error());
        outcome = *stored;
        if (outcome.kind == ImportOutcome::NewVersion)
            return reanchorAnnotations(outcome);
        return {};
    });
    if (!r) {
        m_reanchorReport = {};
        return std::unexpected(r.error());
    }
    return outcome;
}

Result<void> ArticleImporter::reanchorAnnotations(const ImportOutcome &outcome)
{
    ArticleRepository articles(m_database);
    AnnotationRepository annotations(m_database);
    auto list = annotations.forArticle(outcome.articleId);
    if (!list)
        return std::unexpected(list.error());
    auto newVersion = articles.version(outcome.versionId);
    if (!newVersion)
        return std::unexpected(newVersion.error());

    // Annotations normally all sit on the previous version; group by version anyway, so that an annotation
    // left on an older version (e.g. by an interrupted import of an earlier Gloss) is re-anchored from the
    // text its offsets refer to.
    QMap<qint64, QList<Annotation>> byVersion;
    for (const Annotation &a : std::as_const(*list))
        byVersion[a.versionId].append(a);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = byVersion.cbegin(); it != byVersion.cend(); ++it) {
        auto oldVersion = articles.version(it.key());
        if (!oldVersion)
            return std::unexpected(oldVersion.error());
        ReanchorReport report = reanchor(oldVersion->readerText, newVersion->readerText, it.value());
        for (Annotation &a : report.annotations) {
            a.versionId = outcome.versionId;
            a.modified = now;
            if (auto u = annotations.update(a); !u)
                return u;
        }
        m_reanchorReport.exact += report.exact;
        m_reanchorReport.moved += report.moved;
        m_reanchorReport.fuzzy += report.fuzzy;
        m_reanchorReport.orphaned += report.orphaned;
        m_reanchorReport.annotations += report.annotations;
        m_reanchorReport.results += report.results;
    }
    return {};
}

} // namespace Gloss::Core

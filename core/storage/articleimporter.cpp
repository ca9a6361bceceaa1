#include "articleimporter.h"

#include "database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace Gloss::Core {

ArticleImporter::ArticleImporter(Database &database)
    : m_database(database)
{
}

Result<ImportOutcome> ArticleImporter::importFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("%1: no such file.").arg(path));
    if (info.isDir())
        return fail(QStringLiteral("%1: is a folder, not an article file.").arg(path));
    if (info.size() > maxInputBytes)
        return fail(QStringLiteral("%1: the file is %2 MB; Gloss imports files up to %3 MB.")
                        .arg(path)
                        .arg(info.size() / (1024 * 1024))
                        .arg(maxInputBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot be read (%2).").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return fail(QStringLiteral("%1: the file is empty.").arg(path));
    return importBytes(bytes, QUrl::fromLocalFile(info.absoluteFilePath()));
}

Result<ImportOutcome> ArticleImporter::importBytes(const QByteArray &bytes, const QUrl &url, const QString &contentType)
{
    if (bytes.size() > maxInputBytes)
        return fail(QStringLiteral("%1: the page is larger than %2 MB.")
                        .arg(url.toDisplayString())
                        .arg(maxInputBytes / (1024 * 1024)));
    ExtractOptions options;
    options.url = url;
    options.contentType = contentType;
    options.fileName = url.isLocalFile() ? url.toLocalFile() : url.path();
    auto extraction = Extractor::extract(bytes, options);
    if (!extraction)
        return fail(QStringLiteral("%1: %2").arg(url.isLocalFile() ? url.toLocalFile() : url.toDisplayString(),
                                                 extraction.error().message),
                    extraction.error().code);

    Snapshot snapshot;
    snapshot.bytes = bytes;
    snapshot.contentType = extraction->contentType;
    snapshot.charset = extraction->charset;
    snapshot.sourceUrl = url.toString(QUrl::FullyEncoded);
    snapshot.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    snapshot.fetched = QDateTime::currentDateTimeUtc();
    return ArticleRepository(m_database).store(snapshot, *extraction);
}

} // namespace Gloss::Core

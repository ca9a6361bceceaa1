#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Gloss::Core {

/// Reader-view metadata of one article version. Times are ISO 8601 strings in UTC ("2020-10-20T16:32:00Z"),
/// empty when unknown. `direction` is "ltr" or "rtl"; `language` a BCP 47 tag ("en", "en-GB").
struct ArticleMetadata
{
    QString title;
    QString byline;       ///< author(s), without a leading "By "
    QString siteName;
    QString language;
    QString direction;
    QString published;
    QString modified;
    QString excerpt;      ///< description or standfirst
    QString leadImage;    ///< absolute URL
    QString canonicalUrl; ///< absolute URL
};

/// An immutable original as imported: the bytes exactly as read or fetched.
struct Snapshot
{
    qint64 id = 0;
    QByteArray bytes;
    QString contentType; ///< "text/html", "text/plain", "multipart/related" (MHTML)
    QString charset;     ///< the charset the extractor decoded with
    QString sourceUrl;   ///< http(s) URL, or a file:// URL of the imported file
    QString sha256;      ///< lower-case hex of SHA-256 over `bytes`
    QDateTime fetched;   ///< UTC
};

/// One extraction of an article: the reader text is the anchoring substrate (DESIGN.md).
struct ArticleVersion
{
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 snapshotId = 0;
    int number = 1;             ///< 1 for the first version of an article, then 2, 3, ...
    ArticleMetadata metadata;
    QString readerHtml;         ///< sanitized body fragment; block elements carry data-start (see ReaderDocument)
    QString readerText;         ///< canonical plain text (NFC, blocks separated by one blank line)
    QString extractorVersion;
    QDateTime created;          ///< UTC
};

/// A stored article: a source with its current version.
struct Article
{
    qint64 id = 0;
    QString sourceUrl;          ///< the URL or file name it was imported from
    QDateTime imported;         ///< UTC, first import
    qint64 currentVersionId = 0;
    ArticleVersion current;     ///< the current version (filled by ArticleRepository::article)
    QString snapshotSha256;     ///< of the current version's snapshot
};

} // namespace Gloss::Core

#pragma once

// Helpers for the storage tests: synthetic articles and annotations written through the real repositories.
#include "core/annotation/annotation.h"
#include "core/extraction/extractor.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QSqlQuery>

namespace StorageFixture {

/// Stores an article with reader text `text` from `url` (a new version when the URL is known).
inline Gloss::Core::Result<Gloss::Core::ImportOutcome> storeArticle(
    Gloss::Core::Database &db, const QString &url, const QString &title, const QString &text)
{
    using namespace Gloss::Core;
    Extraction e;
    e.metadata.title = title;
    e.metadata.siteName = QStringLiteral("Example News");
    e.metadata.published = QStringLiteral("2024-05-01T10:00:00Z");
    e.readerText = text;
    e.readerHtml = QStringLiteral("<p data-start=\"0\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
    e.contentType = QStringLiteral("text/html");
    e.charset = QStringLiteral("utf-8");
    e.extractorVersion = QStringLiteral("test/1");
    Snapshot s;
    s.bytes = (QStringLiteral("<html><title>") + title + QStringLiteral("</title><body>") + text
        + QStringLiteral("</body></html>"))
                  .toUtf8();
    s.contentType = e.contentType;
    s.charset = e.charset;
    s.sourceUrl = url;
    s.sha256 = QString::fromLatin1(QCryptographicHash::hash(s.bytes, QCryptographicHash::Sha256).toHex());
    s.fetched = QDateTime::currentDateTimeUtc();
    return ArticleRepository(db).store(s, e);
}

/// An annotation of `quote` at code point `start` of article `articleId`'s current version.
inline Gloss::Core::Annotation annotationFor(
    Gloss::Core::Database &db, qint64 articleId, const QString &quote, qint64 start, const QString &note = {})
{
    using namespace Gloss::Core;
    Annotation a = makeAnnotation(AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("tester"));
    a.articleId = articleId;
    a.versionId = ArticleRepository(db).article(articleId)->currentVersionId;
    a.quote.exact = quote;
    a.position.start = start;
    a.position.end = start + quote.size();
    a.note = note;
    return a;
}

inline qint64 scalar(Gloss::Core::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace StorageFixture

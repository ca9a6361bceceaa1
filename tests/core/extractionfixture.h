#pragma once

// Helpers of the extraction tests: the shared seed and test-data paths, and extraction of a file or of an HTML
// string that must succeed.

#include "core/extraction/extractor.h"

#include <QFile>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtGlobal>

namespace ExtractionFixture {

using namespace Gloss::Core;

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return f.readAll();
}

inline QString seedPath(const char *name)
{
    return QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/") + QLatin1String(name);
}

inline QString fixture(const QString &name)
{
    return QStringLiteral(GLOSS_TEST_DATA "/extraction/") + name;
}

inline Extraction extractFile(const QString &path, const QString &url = {})
{
    ExtractOptions o;
    o.fileName = path.section(u'/', -1);
    o.url = url.isEmpty() ? QUrl::fromLocalFile(path) : QUrl(url);
    auto r = Extractor::extract(readFile(path), o);
    if (!r)
        qFatal("extraction of %s failed: %s", qPrintable(path), qPrintable(r.error().message));
    return *r;
}

inline Extraction extractHtml(const QString &html, bool keepStandfirst = false)
{
    ExtractOptions o;
    o.fileName = QStringLiteral("page.html");
    o.url = QUrl(QStringLiteral("https://example.org/news/story.html"));
    o.keepStandfirst = keepStandfirst;
    auto r = Extractor::extract(html.toUtf8(), o);
    if (!r)
        qFatal("extraction failed: %s", qPrintable(r.error().message));
    return *r;
}

// A page whose article holds `inner` between six prose paragraphs (three before, three after).
inline QString articlePage(const QString &inner, const QString &head = {}, const QString &beforeArticle = {})
{
    QString prose;
    for (int i = 1; i <= 3; ++i)
        prose += QStringLiteral("<p>Paragraph %1 of the fixture story runs long enough to read as prose, with commas, "
                                "clauses, and a full stop at the end of it.</p>")
                     .arg(i);
    QString tail;
    for (int i = 4; i <= 6; ++i)
        tail += QStringLiteral("<p>Paragraph %1 of the fixture story runs long enough to read as prose, with commas, "
                               "clauses, and a full stop at the end of it.</p>")
                    .arg(i);
    return u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fixture story</title>" + head
        + u"</head><body>" + beforeArticle + u"<article><h1>Fixture story</h1>" + prose + inner + tail
        + u"</article></body></html>";
}

inline QStringList expectedParagraphs()
{
    return QString::fromUtf8(readFile(seedPath("expected-body.txt"))).trimmed().split(QStringLiteral("\n\n"));
}

} // namespace ExtractionFixture

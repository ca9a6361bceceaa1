#pragma once

// The small fixture every export test writes: emoji, a combining accent, CJK and RTL text, a quote with
// commas, newlines and double quotes, formula-looking notes, nested entities, an orphaned annotation and an
// article without a URL. Offsets are computed here with CodePointIndex, and checked independently (by
// slicing QString::toUcs4()) in the tests.

#include "core/anchoring/codepointindex.h"
#include "core/anchoring/textselectors.h"
#include "core/export/exporter.h"

#include <QJsonObject>

namespace ExportFixture {

using namespace Gloss::Core;

inline QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 1, 2), QTime(3, minute, 5, 678), Qt::UTC);
}

/// An annotation on `text` over the `occurrence`-th (0-based) match of `needle`.
inline Annotation span(const ExportArticle &a, const QString &id, AnnotationKind kind, const QString &label,
    const QString &needle, int occurrence = 0)
{
    const QString &text = a.article.current.readerText;
    qsizetype u = -1;
    for (int i = 0; i <= occurrence; ++i)
        u = text.indexOf(needle, u + 1);
    Q_ASSERT(u >= 0);
    const CodePointIndex index(text);
    Annotation an;
    an.id = id;
    an.articleId = a.article.id;
    an.versionId = a.article.current.id;
    an.kind = kind;
    an.label = label;
    an.position = TextPositionSelector { index.toCodePoints(u), index.toCodePoints(u + needle.size()) };
    an.quote = quoteSelectorAt(text, an.position);
    an.creator = QStringLiteral("alice");
    an.created = at(4);
    an.modified = at(9);
    return an;
}

inline QList<ExportArticle> articles()
{
    ExportArticle first;
    first.article.id = 7;
    first.article.sourceUrl = QStringLiteral("https://news.example/story?id=1&lang=en");
    first.article.imported = at(0);
    first.article.snapshotSha256 = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    first.article.currentVersionId = 70;
    ArticleVersion &v = first.article.current;
    v.id = 70;
    v.articleId = 7;
    v.number = 2;
    v.created = at(1);
    v.metadata.title = QString::fromUtf8("Guaraní, \"quotes\", and 北京");
    v.metadata.byline = QString::fromUtf8("Ana Pérez");
    v.metadata.siteName = QStringLiteral("News Example");
    v.metadata.language = QStringLiteral("en");
    v.metadata.direction = QStringLiteral("ltr");
    v.metadata.published = QStringLiteral("2024-05-01T08:00:00Z");
    // "g\u0303" is g + COMBINING TILDE (no precomposed form, so it survives NFC).
    v.readerText = QString::fromUtf8("Guaraní speakers in Asunción say g\u0303uahẽ 😀 to 北京 visitors and שלום to "
                                     "others.\n\n\"We will, frankly, never agree,\" said the minister.\n\n"
                                     "Barack Obama visited the New York Stock Exchange in New York.");

    Annotation claim = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000001"), AnnotationKind::Claim,
        QStringLiteral("claim"), QString::fromUtf8("to others.\n\n\"We will, frankly, never agree,\""));
    claim.attributes = QJsonObject { { QStringLiteral("checkworthy"), true },
        { QStringLiteral("verdict"), QStringLiteral("false, mostly") }, { QStringLiteral("score"), 3 } };
    claim.note = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
    Annotation asuncion = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000002"), AnnotationKind::Entity,
        QStringLiteral("GPE"), QString::fromUtf8("Asunción"));
    asuncion.kbId = QStringLiteral("Q2933");
    asuncion.entityId = QStringLiteral("ent-asuncion");
    Annotation guarani = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000003"), AnnotationKind::Entity,
        QStringLiteral("NORP"), QString::fromUtf8("Guaraní"));
    Annotation beijing = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000004"), AnnotationKind::Entity,
        QStringLiteral("GPE"), QString::fromUtf8("北京"));
    beijing.kbId = QStringLiteral("Q956");
    Annotation highlight = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000005"),
        AnnotationKind::Highlight, QStringLiteral("yellow"), QString::fromUtf8("g\u0303uahẽ 😀"));
    highlight.note = QStringLiteral("@everyone:\tlook -1");
    Annotation shalom = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000006"), AnnotationKind::Note,
        QStringLiteral("note"), QString::fromUtf8("שלום"));
    shalom.note = QString::fromUtf8("+ Hebrew \"shalom\", right-to-left");
    Annotation obama = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000007"), AnnotationKind::Entity,
        QStringLiteral("PERSON"), QStringLiteral("Barack Obama"));
    obama.kbId = QStringLiteral("Q76");
    obama.entityId = QStringLiteral("ent-obama");
    Annotation nyse = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000008"), AnnotationKind::Entity,
        QStringLiteral("ORG"), QStringLiteral("New York Stock Exchange"));
    nyse.kbId = QStringLiteral("Q13677");
    Annotation nestedNy = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-000000000009"), AnnotationKind::Entity,
        QStringLiteral("GPE"), QStringLiteral("New York"));
    nestedNy.kbId = QStringLiteral("Q60");
    nestedNy.entityId = QStringLiteral("ent-nyc");
    Annotation ny = span(first, QStringLiteral("0b7e6c6a-0000-4000-8000-00000000000a"), AnnotationKind::Entity,
        QStringLiteral("GPE"), QStringLiteral("New York"), 1);
    ny.kbId = QStringLiteral("Q60");
    ny.entityId = QStringLiteral("ent-nyc");
    Annotation orphan;
    orphan.id = QStringLiteral("0b7e6c6a-0000-4000-8000-00000000000b");
    orphan.articleId = 7;
    orphan.versionId = 70;
    orphan.kind = AnnotationKind::Claim;
    orphan.label = QStringLiteral("claim");
    orphan.quote = TextQuoteSelector { QStringLiteral("a sentence that was removed"), QStringLiteral("Before "), {} };
    orphan.status = AnchorStatus::Orphaned;
    orphan.creator = QStringLiteral("bob");
    orphan.created = at(5);
    orphan.modified = at(5);
    first.annotations = { claim, asuncion, guarani, beijing, highlight, shalom, obama, nyse, nestedNy, ny, orphan };
    first.entityNames = { { QStringLiteral("ent-obama"), QStringLiteral("Barack Obama") },
        { QStringLiteral("ent-nyc"), QStringLiteral("New York City") },
        { QStringLiteral("ent-asuncion"), QString::fromUtf8("Asunción") } };

    ExportArticle second;
    second.article.id = 8;
    second.article.sourceUrl = QStringLiteral("jerusalem.txt"); // a file name: the source IRI is the snapshot hash
    second.article.imported = at(2);
    second.article.snapshotSha256 = QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    second.article.currentVersionId = 80;
    second.article.current.id = 80;
    second.article.current.articleId = 8;
    second.article.current.created = at(2);
    second.article.current.metadata.title = QString::fromUtf8("ירושלים");
    second.article.current.metadata.language = QStringLiteral("he");
    second.article.current.metadata.direction = QStringLiteral("rtl");
    second.article.current.readerText
        = QString::fromUtf8("ירושלים\n\n🕍 ירושלים היא עיר. Jerusalem is a city.");
    Annotation jer = span(second, QStringLiteral("0b7e6c6a-0000-4000-8000-00000000000c"), AnnotationKind::Entity,
        QStringLiteral("GPE"), QString::fromUtf8("ירושלים"), 1);
    jer.kbId = QStringLiteral("Q1218");
    Annotation jerLatin = span(second, QStringLiteral("0b7e6c6a-0000-4000-8000-00000000000d"), AnnotationKind::Entity,
        QStringLiteral("GPE"), QStringLiteral("Jerusalem"));
    jerLatin.kbId = QStringLiteral("Q1218");
    jerLatin.creator = QStringLiteral("bob");
    second.annotations = { jer, jerLatin };
    return { first, second };
}

/// Options that make every export reproducible.
inline ExportOptions options()
{
    ExportOptions o;
    o.collectionId = QStringLiteral("urn:uuid:5a0c4f1e-6b2d-4c8e-9f10-2a3b4c5d6e7f");
    o.generated = QDateTime(QDate(2026, 1, 2), QTime(12, 0), Qt::UTC);
    o.generatorName = QStringLiteral("Gloss test");
    o.attributeColumns = { QStringLiteral("verdict") };
    return o;
}

} // namespace ExportFixture

#include "core/export/exporterregistry.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

namespace ExportFixture {

/// Runs exporter `format` over the fixture into memory; a test failure message in `error` otherwise.
inline QByteArray exportBytes(
    const QString &format, const ExportOptions &opts, QString *error = nullptr, ExportReport *report = nullptr)
{
    auto exporter = ExporterRegistry().create(format, opts);
    if (!exporter) {
        if (error)
            *error = exporter.error().message;
        return {};
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportTarget target { &buffer, {} };
    auto r = (*exporter)->begin(target);
    for (const ExportArticle &a : articles())
        if (r)
            r = (*exporter)->writeArticle(a);
    if (r)
        r = (*exporter)->finish();
    if (!r && error)
        *error = r.error().message;
    if (report)
        *report = (*exporter)->report();
    return buffer.data();
}

/// Compares `actual` with tests/data/export/`name`. With GLOSS_UPDATE_EXPORT_FIXTURES=1 in the environment
/// the file is (re)written instead: review the diff before committing it.
inline bool matchesExpected(const QByteArray &actual, const QString &name, QString *message)
{
    const QString path = QStringLiteral(GLOSS_TEST_DATA "/export/") + name;
    if (qEnvironmentVariableIntValue("GLOSS_UPDATE_EXPORT_FIXTURES") == 1) {
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(actual);
        return true;
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *message = QStringLiteral("missing fixture %1").arg(path);
        return false;
    }
    const QByteArray expected = in.readAll();
    if (expected == actual)
        return true;
    qsizetype i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
        ++i;
    *message = QStringLiteral("%1 differs at byte %2:\nexpected: %3\nactual:   %4")
                   .arg(name)
                   .arg(i)
                   .arg(QString::fromUtf8(expected.mid(std::max<qsizetype>(0, i - 40), 120)),
                       QString::fromUtf8(actual.mid(std::max<qsizetype>(0, i - 40), 120)));
    return false;
}

} // namespace ExportFixture

// AnnotationImport against a store: the same annotations arriving in another format (other ids) are skipped
// as already annotated, not stored twice.
#include "core/commands/annotationbuilder.h"
#include "core/commands/entitycommands.h"
#include "core/storage/annotationexport.h"
#include "core/storage/annotationimport.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "core/storage/entityrepository.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Gloss::Core;

namespace {
const QString seed = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html");

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/// A brat T line tagging the first `quote` of `text` as `type` (ASCII text: code points are UTF-16 units).
QString tLine(int n, const QString &type, const QString &text, const QString &quote)
{
    const qsizetype start = text.indexOf(quote);
    return QStringLiteral("T%1\t%2 %3 %4\t%5\n").arg(n).arg(type).arg(start).arg(start + quote.size()).arg(quote);
}

/// The entity mentions of `articleId`, by position.
QList<Annotation> mentionsOf(Database &db, qint64 articleId)
{
    QList<Annotation> out;
    const QList<Annotation> all = AnnotationRepository(db).forArticle(articleId).value_or(QList<Annotation>());
    for (const Annotation &a : all)
        if (a.kind == AnnotationKind::Entity)
            out.append(a);
    std::sort(out.begin(), out.end(), [](const Annotation &l, const Annotation &r) {
        return l.position.start < r.position.start;
    });
    return out;
}
} // namespace

class tst_AnnotationImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameAnnotationsInAnotherFormatAreSkipped_data();
    void sameAnnotationsInAnotherFormatAreSkipped();
    void differentLabelOnTheSameSpanIsImported();
    void bratMentionsAreLinkedToEntities();
    void bratMentionsOfAnotherArticleLinkToTheSameEntity();
    void bratNormalizationsGiveTheEntityItsKbId();
    void credentialsInTheUrlAreNotStored();

private:
    /// A fresh store holding the seed article (id 1).
    std::unique_ptr<Database> freshStore(const QString &name);
    /// Adds a plain-text article; returns its id and reader text (the brat .txt).
    std::pair<qint64, QString> addTextArticle(Database &db, const QString &text, const QString &url);
    QTemporaryDir m_dir;
    qsizetype m_count = 0; ///< annotations in the exported files
};

std::unique_ptr<Database> tst_AnnotationImport::freshStore(const QString &name)
{
    auto db = Database::open(m_dir.filePath(name));
    if (!db)
        return nullptr;
    auto outcome = ArticleImporter(**db).importFile(seed);
    if (!outcome || outcome->articleId != 1)
        return nullptr;
    return std::move(*db);
}

std::pair<qint64, QString> tst_AnnotationImport::addTextArticle(Database &db, const QString &text, const QString &url)
{
    // A title line first: a text file's first line is its title, not reader text.
    const QByteArray bytes = QStringLiteral("A second article\n\n%1").arg(text).toUtf8();
    auto outcome = ArticleImporter(db).importBytes(bytes, QUrl(url), QStringLiteral("text/plain"));
    if (!outcome) {
        qWarning() << outcome.error().message;
        return {0, QString()};
    }
    return {outcome->articleId, ArticleRepository(db).article(outcome->articleId)->current.readerText};
}

void tst_AnnotationImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The source store: every "Serbia" tagged GPE, "NATO" ORG, one claim; exported as brat and JSON-LD lines.
    auto db = freshStore(QStringLiteral("source.sqlite"));
    QVERIFY(db);
    const ArticleVersion version = ArticleRepository(*db).article(1)->current;
    QVERIFY(TagAllOccurrencesCommand(*db, version, QStringLiteral("Serbia"), QStringLiteral("GPE"), QString(),
                                     QString(), QStringLiteral("t"))
                .redo());
    QVERIFY(TagAllOccurrencesCommand(*db, version, QStringLiteral("NATO"), QStringLiteral("ORG"), QString(),
                                     QString(), QStringLiteral("t"))
                .redo());
    auto claim = annotationForQuote(version, QStringLiteral("has pledged to stay out of NATO"), 0,
                                    AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("t"));
    QVERIFY(claim);
    QVERIFY(AnnotationRepository(*db).insert(*claim));
    m_count = AnnotationRepository(*db).forArticle(1)->size();
    QVERIFY(m_count > 3);
    AnnotationSelection all;
    QVERIFY(exportToPath(*db, all, QStringLiteral("brat"), {}, m_dir.filePath(QStringLiteral("brat"))));
    QVERIFY(exportToPath(*db, all, QStringLiteral("jsonld-lines"), {}, m_dir.filePath(QStringLiteral("a.jsonl"))));
}

void tst_AnnotationImport::sameAnnotationsInAnotherFormatAreSkipped_data()
{
    QTest::addColumn<bool>("bratFirst");
    QTest::newRow("brat, then JSON-LD lines") << true;
    QTest::newRow("JSON-LD lines, then brat") << false;
}

void tst_AnnotationImport::sameAnnotationsInAnotherFormatAreSkipped()
{
    QFETCH(bool, bratFirst);
    auto db = freshStore(bratFirst ? QStringLiteral("brat-first.sqlite") : QStringLiteral("jsonld-first.sqlite"));
    QVERIFY(db);
    const QString ann = readAll(m_dir.filePath(QStringLiteral("brat/1.ann")));
    const QString txt = readAll(m_dir.filePath(QStringLiteral("brat/1.txt")));
    QVERIFY(!ann.isEmpty());
    const QByteArray jsonl = readAll(m_dir.filePath(QStringLiteral("a.jsonl"))).toUtf8();
    QVERIFY(!jsonl.isEmpty());

    AnnotationImport importer(*db);
    const auto importBrat = [&] { return importer.importBrat(1, ann, txt, QStringLiteral("t")); };
    const auto importJsonLd = [&] { return importer.importWebAnnotations(jsonl); };
    auto first = bratFirst ? importBrat() : importJsonLd();
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->imported, m_count);
    QCOMPARE(first->skipped, 0);
    QCOMPARE(importer.alreadyAnnotated(), 0);

    auto second = bratFirst ? importJsonLd() : importBrat();
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
    QCOMPARE(second->read, m_count);
    QCOMPARE(second->imported, 0);
    QCOMPARE(second->orphaned, 0);
    QCOMPARE(second->skipped, m_count);
    QCOMPARE(importer.alreadyAnnotated(), m_count);
    QCOMPARE(importer.alreadyStored(), 0);
    QVERIFY2(second->messages.join(u'\n').contains(QStringLiteral("\"Serbia\" is already annotated as GPE there")),
             qPrintable(second->messages.join(u'\n')));
    QCOMPARE(AnnotationRepository(*db).forArticle(1)->size(), m_count);
    // The source's mentions had no entity: either format links them on import to registry entities.
    const QList<Annotation> mentions = mentionsOf(*db, 1);
    QVERIFY(!mentions.isEmpty());
    for (const Annotation &m : mentions)
        QVERIFY2(!m.entityId.isEmpty(), qPrintable(m.quote.exact));
    QCOMPARE(importer.linkedExisting(), 0);
    QCOMPARE(EntityRepository(*db).all()->size(), 2); // Serbia (GPE), NATO (ORG)

    // The same file once more: skipped by id, as before.
    auto third = bratFirst ? importJsonLd() : importBrat();
    QVERIFY(third);
    QCOMPARE(third->imported, 0);
    QCOMPARE(AnnotationRepository(*db).forArticle(1)->size(), m_count);

    // Mentions stored unlinked (by an import from before mentions were linked) get their link from a re-import
    // that skips them.
    for (Annotation m : mentions) {
        m.entityId.clear();
        QVERIFY(AnnotationRepository(*db).update(m));
    }
    auto again = importBrat();
    QVERIFY(again);
    QCOMPARE(again->imported, 0);
    QCOMPARE(importer.linkedExisting(), mentions.size());
    for (const Annotation &m : mentionsOf(*db, 1))
        QVERIFY2(!m.entityId.isEmpty(), qPrintable(m.quote.exact));
}

void tst_AnnotationImport::differentLabelOnTheSameSpanIsImported()
{
    auto db = freshStore(QStringLiteral("labels.sqlite"));
    QVERIFY(db);
    AnnotationImport importer(*db);
    QString ann = readAll(m_dir.filePath(QStringLiteral("brat/1.ann")));
    const QString txt = readAll(m_dir.filePath(QStringLiteral("brat/1.txt")));
    QVERIFY(importer.importBrat(1, ann, txt, QStringLiteral("t")));
    // The same spans as LOC instead of GPE: other annotations, imported (the rest keep their ids: stored).
    const qsizetype places = ann.count(QStringLiteral("\tGPE "));
    QVERIFY(places > 1);
    ann.replace(QStringLiteral("\tGPE "), QStringLiteral("\tLOC "));
    auto r = importer.importBrat(1, ann, txt, QStringLiteral("t"));
    QVERIFY(r);
    QCOMPARE(r->imported, places);
    QCOMPARE(importer.alreadyAnnotated(), 0);
    QCOMPARE(importer.alreadyStored(), m_count - places);
    QCOMPARE(AnnotationRepository(*db).forArticle(1)->size(), m_count + places);
}

void tst_AnnotationImport::bratMentionsAreLinkedToEntities()
{
    auto db = freshStore(QStringLiteral("brat-entities.sqlite"));
    QVERIFY(db);
    AnnotationImport importer(*db);
    auto r = importer.importBrat(1, readAll(m_dir.filePath(QStringLiteral("brat/1.ann"))),
                                 readAll(m_dir.filePath(QStringLiteral("brat/1.txt"))), QStringLiteral("t"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->imported, m_count);

    // One entity per name and type, created in the import; every mention of it links to it.
    auto all = EntityRepository(*db).all();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    const QList<Annotation> mentions = mentionsOf(*db, 1);
    QCOMPARE(mentions.size(), m_count - 1); // all but the claim
    for (const EntityUsage &u : std::as_const(*all)) {
        QVERIFY2((u.entity.name == u"NATO" && u.entity.type == u"ORG")
                     || (u.entity.name == u"Serbia" && u.entity.type == u"GPE"),
                 qPrintable(u.entity.name));
        QVERIFY(u.entity.kbId.isEmpty());
        qsizetype expected = 0;
        for (const Annotation &m : mentions)
            if (m.label == u.entity.type) {
                QCOMPARE(m.entityId, u.entity.id);
                ++expected;
            }
        QCOMPARE(u.mentions, expected);
    }
    const QList<Annotation> stored = *AnnotationRepository(*db).forArticle(1);
    for (const Annotation &a : stored)
        if (a.kind != AnnotationKind::Entity)
            QVERIFY(a.entityId.isEmpty());
}

void tst_AnnotationImport::bratMentionsOfAnotherArticleLinkToTheSameEntity()
{
    auto db = freshStore(QStringLiteral("brat-two-articles.sqlite"));
    QVERIFY(db);
    AnnotationImport importer(*db);
    QVERIFY(importer.importBrat(1, readAll(m_dir.filePath(QStringLiteral("brat/1.ann"))),
                                readAll(m_dir.filePath(QStringLiteral("brat/1.txt"))), QStringLiteral("t")));
    EntityRepository entities(*db);
    auto serbia = entities.findByName(QStringLiteral("Serbia"), QStringLiteral("GPE"));
    QVERIFY(serbia && *serbia);
    Entity known = **serbia;
    known.aliases = {QStringLiteral("Republic of Serbia")};
    QVERIFY(entities.update(known));

    const QString second = QStringLiteral("SERBIA voted. The Republic of Serbia and the Kremlin met.\n");
    const auto [id, text] = addTextArticle(*db, second, QStringLiteral("https://example.org/second"));
    QVERIFY(id > 1);
    // The name in another case, an alias, a name of another type, a new name.
    const QString ann = tLine(1, QStringLiteral("GPE"), text, QStringLiteral("SERBIA"))
        + tLine(2, QStringLiteral("GPE"), text, QStringLiteral("Republic of Serbia"))
        + tLine(3, QStringLiteral("ORG"), text, QStringLiteral("SERBIA"))
        + tLine(4, QStringLiteral("ORG"), text, QStringLiteral("Kremlin"));
    auto r = importer.importBrat(id, ann, text, QStringLiteral("t"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->imported, 4);

    const QList<Annotation> mentions = mentionsOf(*db, id);
    QCOMPARE(mentions.size(), 4);
    const auto mention = [&](const QString &label, const QString &quote) {
        for (const Annotation &m : mentions)
            if (m.label == label && m.quote.exact == quote)
                return m;
        return Annotation();
    };
    QCOMPARE(mention(QStringLiteral("GPE"), QStringLiteral("SERBIA")).entityId, known.id);
    QCOMPARE(mention(QStringLiteral("GPE"), QStringLiteral("Republic of Serbia")).entityId, known.id);
    const QString asOrg = mention(QStringLiteral("ORG"), QStringLiteral("SERBIA")).entityId;
    QVERIFY(!asOrg.isEmpty() && asOrg != known.id);
    QCOMPARE(entities.entity(asOrg)->type, QStringLiteral("ORG"));
    auto kremlin = entities.findByName(QStringLiteral("kremlin"), QStringLiteral("ORG"));
    QVERIFY(kremlin && *kremlin);
    QCOMPARE((*kremlin)->name, QStringLiteral("Kremlin"));
    QCOMPARE(mention(QStringLiteral("ORG"), QStringLiteral("Kremlin")).entityId, (*kremlin)->id);
    QCOMPARE(entities.all()->size(), 4); // Serbia GPE, NATO ORG, SERBIA ORG, Kremlin ORG
    const auto inFirst = mentionsOf(*db, 1);
    const auto places = std::count_if(inFirst.cbegin(), inFirst.cend(),
                                      [](const Annotation &m) { return m.label == u"GPE"; });
    QCOMPARE(entities.mentions(known.id)->size(), places + 2);
}

void tst_AnnotationImport::bratNormalizationsGiveTheEntityItsKbId()
{
    auto db = freshStore(QStringLiteral("brat-kb.sqlite"));
    QVERIFY(db);
    const QString text = ArticleRepository(*db).article(1)->current.readerText;
    AnnotationImport importer(*db);
    // Article 1: "Serbia" with its Wikidata id; "NATO" without one.
    QString ann = tLine(1, QStringLiteral("GPE"), text, QStringLiteral("Serbia"))
        + QStringLiteral("N1\tReference T1 Wikidata:Q403\tSerbia\n")
        + tLine(2, QStringLiteral("ORG"), text, QStringLiteral("NATO"));
    auto r = importer.importBrat(1, ann, text, QStringLiteral("t"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->imported, 2);
    EntityRepository entities(*db);
    auto serbia = entities.findByKbId(QStringLiteral("Q403"));
    QVERIFY(serbia && *serbia);
    QCOMPARE((*serbia)->name, QStringLiteral("Serbia"));
    QCOMPARE((*serbia)->type, QStringLiteral("GPE"));
    auto nato = entities.findByName(QStringLiteral("NATO"), QStringLiteral("ORG"));
    QVERIFY(nato && *nato);
    QVERIFY((*nato)->kbId.isEmpty());
    const QList<Annotation> first = mentionsOf(*db, 1);
    QCOMPARE(first.size(), 2);
    for (const Annotation &m : first)
        QCOMPARE(m.entityId, m.label == u"GPE" ? (*serbia)->id : (*nato)->id);

    // Article 2: another text with Q403 links by the KB id; NATO with its id links by name and teaches the
    // entity (and its earlier mention) the id.
    const auto [id, text2] = addTextArticle(*db, QStringLiteral("Belgrade said the alliance, the North Atlantic one, "
                                                                "NATO, is not its business.\n"),
                                            QStringLiteral("https://example.org/kb"));
    QVERIFY(id > 1);
    ann = tLine(1, QStringLiteral("GPE"), text2, QStringLiteral("Belgrade"))
        + QStringLiteral("N1\tReference T1 Wikidata:Q403\tBelgrade\n")
        + tLine(2, QStringLiteral("ORG"), text2, QStringLiteral("NATO"))
        + QStringLiteral("N2\tReference T2 Wikidata:Q7184\tNATO\n");
    r = importer.importBrat(id, ann, text2, QStringLiteral("t"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->imported, 2);
    const QList<Annotation> second = mentionsOf(*db, id);
    QCOMPARE(second.size(), 2);
    QCOMPARE(second[0].entityId, (*serbia)->id);
    QCOMPARE(second[0].kbId, QStringLiteral("Q403"));
    QCOMPARE(second[1].entityId, (*nato)->id);
    QCOMPARE(entities.entity((*nato)->id)->kbId, QStringLiteral("Q7184"));
    for (const Annotation &m : mentionsOf(*db, 1))
        QCOMPARE(m.kbId, m.label == u"GPE" ? QStringLiteral("Q403") : QStringLiteral("Q7184"));
    QCOMPARE(entities.all()->size(), 2);
}

// Credentials in a page URL (https://user:password@host/) are for the fetch: the stored source URL drops them.
void tst_AnnotationImport::credentialsInTheUrlAreNotStored()
{
    auto db = freshStore(QStringLiteral("credentials.sqlite"));
    QVERIFY(db);
    const auto [id, text] = addTextArticle(*db, QStringLiteral("A line of text."),
        QStringLiteral("https://user:secret@news.example/a/story.txt"));
    QVERIFY(id > 0);
    QCOMPARE(ArticleRepository(*db).article(id)->sourceUrl, QStringLiteral("https://news.example/a/story.txt"));
}

QTEST_GUILESS_MAIN(tst_AnnotationImport)
#include "tst_annotationimport.moc"

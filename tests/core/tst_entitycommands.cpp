// Entity registry commands: each one done, undone and redone, comparing the stored state.
#include "core/commands/annotationbuilder.h"
#include "core/commands/commandgroup.h"
#include "core/commands/entitycommands.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "core/storage/entityrepository.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gloss::Core;

namespace {
struct State
{
    QList<Annotation> annotations;
    QList<EntityUsage> entities;
};
bool operator==(const State &a, const State &b)
{
    return a.annotations == b.annotations && a.entities == b.entities;
}
} // namespace

class tst_EntityCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tagAllOccurrencesSkipsTagged();
    void mergeRelinksEveryMention();
    void mergeSeveralInOneStep();
    void renameKeepsMentionsLinked();
    void reattachOrphan();
    void updateLabelAttributeAndLink_data();
    void updateLabelAttributeAndLink();
    void tagAllInTextWithoutSpaces_data();
    void tagAllInTextWithoutSpaces();
    void tagAllOnlyInsideWordsSaysSo();
    void mergeRefusesDifferentTypes();

private:
    State state() const;
    void undoRedo(Command &command, const State &before);
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    ArticleVersion m_version;
};

State tst_EntityCommands::state() const
{
    return State{*AnnotationRepository(*m_db).forArticle(m_version.articleId), *EntityRepository(*m_db).all()};
}

void tst_EntityCommands::undoRedo(Command &command, const State &before)
{
    const State after = state();
    QVERIFY(!(after == before));
    QVERIFY(command.undo());
    QVERIFY(state() == before);
    QVERIFY(command.redo());
    QVERIFY(state() == after);
}

void tst_EntityCommands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto db = Database::open(m_dir.filePath(QStringLiteral("e.sqlite")));
    QVERIFY(db);
    m_db = std::move(*db);
    auto outcome = ArticleImporter(*m_db).importFile(QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html"));
    QVERIFY(outcome);
    m_version = ArticleRepository(*m_db).article(outcome->articleId)->current;
}

void tst_EntityCommands::tagAllOccurrencesSkipsTagged()
{
    const Entity nato = makeEntity(QStringLiteral("NATO"), QStringLiteral("ORG"), QStringLiteral("Q7184"));
    CreateEntityCommand create(*m_db, nato);
    const State empty = state();
    QVERIFY(create.redo());
    undoRedo(create, empty);

    // One occurrence tagged by hand first: "tag all" must skip it.
    auto first = annotationForQuote(m_version, QStringLiteral("NATO"), 1, AnnotationKind::Entity, QStringLiteral("ORG"),
                                    QStringLiteral("t"));
    QVERIFY(first);
    first->entityId = nato.id;
    QVERIFY(AnnotationRepository(*m_db).insert(*first));

    const State before = state();
    TagAllOccurrencesCommand tagAll(*m_db, m_version, QStringLiteral("NATO"), QStringLiteral("ORG"), nato.id,
                                    nato.kbId, QStringLiteral("t"));
    QVERIFY(tagAll.redo());
    const int occurrences = int(m_version.readerText.count(QStringLiteral("NATO")));
    QCOMPARE(tagAll.skipped(), 1);
    QCOMPARE(tagAll.created(), occurrences - 1);
    QCOMPARE(EntityRepository(*m_db).mentionIds(nato.id)->size(), occurrences);
    undoRedo(tagAll, before);
}

void tst_EntityCommands::mergeRelinksEveryMention()
{
    const Entity alliance = makeEntity(QStringLiteral("North Atlantic Treaty Organization"), QStringLiteral("ORG"));
    QVERIFY(EntityRepository(*m_db).insert(alliance));
    auto mention = annotationForQuote(m_version, QStringLiteral("NATO member states"), 0, AnnotationKind::Entity,
                                      QStringLiteral("ORG"), QStringLiteral("t"));
    QVERIFY(mention);
    mention->entityId = alliance.id;
    QVERIFY(AnnotationRepository(*m_db).insert(*mention));
    auto nato = EntityRepository(*m_db).findByKbId(QStringLiteral("Q7184"));
    QVERIFY(nato && *nato);
    const qsizetype natoMentions = EntityRepository(*m_db).mentionIds((*nato)->id)->size();

    const State before = state();
    MergeEntitiesCommand merge(*m_db, (*nato)->id, alliance.id);
    QVERIFY(merge.redo());
    QVERIFY(!EntityRepository(*m_db).entity(alliance.id));
    auto kept = EntityRepository(*m_db).entity((*nato)->id);
    QVERIFY(kept);
    QVERIFY(kept->aliases.contains(QStringLiteral("North Atlantic Treaty Organization")));
    QCOMPARE(EntityRepository(*m_db).mentionIds(kept->id)->size(), natoMentions + 1);
    QCOMPARE(AnnotationRepository(*m_db).annotation(mention->id)->kbId, QStringLiteral("Q7184"));
    undoRedo(merge, before);
    QVERIFY(!MergeEntitiesCommand(*m_db, kept->id, kept->id).redo());
}

void tst_EntityCommands::mergeSeveralInOneStep()
{
    // Three spellings of one place, with 2, 1 and 1 mentions; merged into the first in one command.
    const Entity serbia = makeEntity(QStringLiteral("Serbia"), QStringLiteral("GPE"));
    const Entity republic
        = makeEntity(QStringLiteral("Republic of Serbia"), QStringLiteral("GPE"), QStringLiteral("Q403"));
    const Entity srbija = makeEntity(QStringLiteral("Srbija"), QStringLiteral("GPE"));
    const QList<std::pair<Entity, QList<std::pair<QString, int>>>> plan {
        { serbia, { { QStringLiteral("Serbia"), 1 }, { QStringLiteral("Serbia"), 2 } } },
        { republic, { { QStringLiteral("Serbia"), 3 } } },
        { srbija, { { QStringLiteral("Belgrade"), 1 } } },
    };
    for (const auto &[entity, quotes] : plan) {
        QVERIFY(EntityRepository(*m_db).insert(entity));
        for (const auto &[quote, occurrence] : quotes) {
            auto a = annotationForQuote(
                m_version, quote, occurrence, AnnotationKind::Entity, QStringLiteral("GPE"), QStringLiteral("t"));
            QVERIFY2(a, qPrintable(a ? QString() : a.error().message));
            a->entityId = entity.id;
            QVERIFY(AnnotationRepository(*m_db).insert(*a));
        }
    }
    // The registry's list of mentions across articles (one article here), in text order.
    const QList<EntityMention> mentions = *EntityRepository(*m_db).mentions(serbia.id);
    QCOMPARE(mentions.size(), 2);
    QCOMPARE(mentions.first().quote, QStringLiteral("Serbia"));
    QCOMPARE(mentions.first().articleId, m_version.articleId);
    QVERIFY(!mentions.first().articleTitle.isEmpty());
    QVERIFY(mentions.first().start < mentions.last().start);
    QVERIFY(EntityRepository(*m_db).mentions(QStringLiteral("no-such-id"))->isEmpty());

    // An unknown id among those merged: nothing changes (one transaction).
    const State before = state();
    auto failing = makeMergeEntitiesCommand(*m_db, serbia.id, { republic.id, QStringLiteral("no-such-id") });
    QVERIFY(!failing->redo());
    QVERIFY(state() == before);

    auto merge = makeMergeEntitiesCommand(*m_db, serbia.id, { serbia.id, republic.id, srbija.id });
    QCOMPARE(merge->text(), QStringLiteral("Merge 3 entities"));
    QVERIFY(merge->redo());
    QVERIFY(!EntityRepository(*m_db).entity(republic.id));
    QVERIFY(!EntityRepository(*m_db).entity(srbija.id));
    const Entity kept = *EntityRepository(*m_db).entity(serbia.id);
    QCOMPARE(kept.aliases, (QStringList { QStringLiteral("Republic of Serbia"), QStringLiteral("Srbija") }));
    QCOMPARE(kept.kbId, QStringLiteral("Q403"));
    QCOMPARE(EntityRepository(*m_db).mentionIds(serbia.id)->size(), 4);
    undoRedo(*merge, before);
    QVERIFY(!makeMergeEntitiesCommand(*m_db, serbia.id, { serbia.id })->redo());
}

void tst_EntityCommands::renameKeepsMentionsLinked()
{
    auto nato = EntityRepository(*m_db).findByKbId(QStringLiteral("Q7184"));
    QVERIFY(nato && *nato);
    Entity renamed = **nato;
    renamed.name = QStringLiteral("NATO alliance");
    const State before = state();
    UpdateEntityCommand update(*m_db, renamed);
    QVERIFY(update.redo());
    QCOMPARE(EntityRepository(*m_db).entity(renamed.id)->name, QStringLiteral("NATO alliance"));
    undoRedo(update, before);
}

void tst_EntityCommands::reattachOrphan()
{
    auto claim = annotationForQuote(m_version, QStringLiteral("refused to join Western sanctions"), 0,
                                    AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("t"));
    QVERIFY(claim);
    claim->status = AnchorStatus::Orphaned;
    claim->position = {};
    QVERIFY(AnnotationRepository(*m_db).insert(*claim));
    const State before = state();
    const qsizetype at = m_version.readerText.indexOf(QStringLiteral("refused to join Western sanctions against Russia"));
    const qsizetype cp = m_version.readerText.left(at).toUcs4().size();
    auto reattach = makeReattachCommand(*m_db, *claim, m_version, {cp, cp + 48});
    QVERIFY(reattach);
    QVERIFY((*reattach)->redo());
    auto stored = AnnotationRepository(*m_db).annotation(claim->id);
    QVERIFY(stored->status == AnchorStatus::Exact);
    QCOMPARE(stored->quote.exact, QStringLiteral("refused to join Western sanctions against Russia"));
    undoRedo(**reattach, before);
}

void tst_EntityCommands::updateLabelAttributeAndLink_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("change label") << QStringLiteral("label");
    QTest::newRow("set attribute") << QStringLiteral("attribute");
    QTest::newRow("link entity") << QStringLiteral("link");
    QTest::newRow("unlink entity") << QStringLiteral("unlink");
    QTest::newRow("edit note") << QStringLiteral("note");
}

void tst_EntityCommands::updateLabelAttributeAndLink()
{
    QFETCH(QString, change);
    auto mention = annotationForQuote(m_version, QStringLiteral("Informer"), 0, AnnotationKind::Entity,
                                      QStringLiteral("ORG"), QStringLiteral("t"));
    QVERIFY(mention);
    const Entity informer = makeEntity(QStringLiteral("Informer"), QStringLiteral("ORG"));
    QVERIFY(EntityRepository(*m_db).insert(informer));
    if (change == u"unlink")
        mention->entityId = informer.id;
    QVERIFY(AnnotationRepository(*m_db).insert(*mention));

    Annotation updated = *mention;
    if (change == u"label")
        updated.label = QStringLiteral("MISC");
    else if (change == u"attribute")
        updated.attributes.insert(QStringLiteral("stance"), QStringLiteral("pro-government"));
    else if (change == u"link")
        updated.entityId = informer.id;
    else if (change == u"unlink")
        updated.entityId.clear();
    else
        updated.note = QStringLiteral("a tabloid daily");
    const State before = state();
    UpdateAnnotationCommand update(*m_db, updated, change);
    QVERIFY(update.redo());
    QCOMPARE(*AnnotationRepository(*m_db).annotation(mention->id), updated);
    undoRedo(update, before);
    QVERIFY(AnnotationRepository(*m_db).remove(mention->id));
    QVERIFY(EntityRepository(*m_db).remove(informer.id));
}

void tst_EntityCommands::tagAllInTextWithoutSpaces_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("quote");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("expected"); // whole-word occurrences in the fixture
    // "DeepMinds" in the Chinese fixture is inside a longer (Latin) word and is not tagged.
    QTest::newRow("Chinese, Latin name between Han") << QStringLiteral("deepmind-zh.txt") << QStringLiteral("DeepMind")
                                                     << QStringLiteral("ORG") << 4;
    QTest::newRow("Japanese, katakana among kana") << QStringLiteral("inu-ja.txt") << QString::fromUtf8("イヌ")
                                                   << QStringLiteral("MISC") << 5;
}

void tst_EntityCommands::tagAllInTextWithoutSpaces()
{
    QFETCH(QString, fixture);
    QFETCH(QString, quote);
    QFETCH(QString, type);
    QFETCH(int, expected);
    const QString path = QFINDTESTDATA(QStringLiteral("../data/cjk/") + fixture);
    QVERIFY(!path.isEmpty());
    auto outcome = ArticleImporter(*m_db).importFile(path);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    const ArticleVersion version = ArticleRepository(*m_db).article(outcome->articleId)->current;
    QVERIFY(version.readerText.contains(quote));

    TagAllOccurrencesCommand tagAll(*m_db, version, quote, type, QString(), QString(), QStringLiteral("t"));
    auto r = tagAll.redo();
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(tagAll.created(), expected);
    QCOMPARE(tagAll.skipped(), 0);
    for (const Annotation &a : tagAll.createdAnnotations())
        QCOMPARE(a.quote.exact, quote);
    QCOMPARE(AnnotationRepository(*m_db).forArticle(version.articleId)->size(), expected);

    // Again: every occurrence is already tagged.
    TagAllOccurrencesCommand again(*m_db, version, quote, type, QString(), QString(), QStringLiteral("t"));
    QVERIFY(again.redo());
    QCOMPARE(again.created(), 0);
    QCOMPARE(again.skipped(), expected);
    QVERIFY(tagAll.undo());
    QVERIFY(AnnotationRepository(*m_db).forArticle(version.articleId)->isEmpty());
}

void tst_EntityCommands::tagAllOnlyInsideWordsSaysSo()
{
    // "Serbi" stands only inside "Serbia", "Serbian"...: the error says it occurs, but not as a whole word.
    const qsizetype count = m_version.readerText.count(QStringLiteral("Serbi"));
    QVERIFY(count > 1);
    const State before = state();
    TagAllOccurrencesCommand tagAll(*m_db, m_version, QStringLiteral("Serbi"), QStringLiteral("GPE"), QString(),
                                    QString(), QStringLiteral("t"));
    auto r = tagAll.redo();
    QVERIFY(!r);
    QVERIFY2(r.error().message.startsWith(
                 QStringLiteral("\"Serbi\" occurs %1 times, but only inside longer words").arg(count)),
             qPrintable(r.error().message));
    QVERIFY(state() == before);

    TagAllOccurrencesCommand absent(*m_db, m_version, QStringLiteral("Montenegro joins"), QStringLiteral("GPE"),
                                    QString(), QString(), QStringLiteral("t"));
    r = absent.redo();
    QVERIFY(!r);
    QCOMPARE(r.error().message, QStringLiteral("\"Montenegro joins\" does not occur in the article text."));
}

void tst_EntityCommands::mergeRefusesDifferentTypes()
{
    const Entity place = makeEntity(QStringLiteral("Serbia"), QStringLiteral("GPE"));
    const Entity alliance = makeEntity(QStringLiteral("NATO"), QStringLiteral("ORG"));
    const Entity untyped = makeEntity(QStringLiteral("Republika Srbija"), QString());
    for (const Entity &e : { place, alliance, untyped })
        QVERIFY(EntityRepository(*m_db).insert(e));
    auto mention = annotationForQuote(m_version, QStringLiteral("NATO"), 1, AnnotationKind::Entity,
                                      QStringLiteral("ORG"), QStringLiteral("t"));
    QVERIFY(mention);
    mention->entityId = alliance.id;
    QVERIFY(AnnotationRepository(*m_db).insert(*mention));

    const State before = state();
    const QString expected = QStringLiteral("Cannot merge NATO (ORG) into Serbia (GPE): their types differ.");
    MergeEntitiesCommand merge(*m_db, place.id, alliance.id);
    auto r = merge.redo();
    QVERIFY(!r);
    QCOMPARE(r.error().message, expected);
    QCOMPARE(r.error().code, int(Error::User));
    QVERIFY(state() == before);
    // The registry's multi-merge: one mismatch among several refuses them all.
    auto group = makeMergeEntitiesCommand(*m_db, place.id, { place.id, untyped.id, alliance.id });
    r = group->redo();
    QVERIFY(!r);
    QCOMPARE(r.error().message, expected);
    QVERIFY(state() == before);

    // An entity without a type merges into a typed one, and a typed one into an untyped one (which takes its type).
    MergeEntitiesCommand intoTyped(*m_db, place.id, untyped.id);
    QVERIFY(intoTyped.redo());
    QCOMPARE(EntityRepository(*m_db).entity(place.id)->type, QStringLiteral("GPE"));
    QVERIFY(intoTyped.undo());
    MergeEntitiesCommand intoUntyped(*m_db, untyped.id, place.id);
    QVERIFY(intoUntyped.redo());
    QCOMPARE(EntityRepository(*m_db).entity(untyped.id)->type, QStringLiteral("GPE"));
    undoRedo(intoUntyped, before);
    QVERIFY(intoUntyped.undo());
    QVERIFY(state() == before);

    QVERIFY(AnnotationRepository(*m_db).remove(mention->id));
    for (const Entity &e : { place, alliance, untyped })
        QVERIFY(EntityRepository(*m_db).remove(e.id));
}

QTEST_GUILESS_MAIN(tst_EntityCommands)
#include "tst_entitycommands.moc"

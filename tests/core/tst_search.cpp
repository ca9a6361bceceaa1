// Full-text search (issue 5): ranking, snippets, accents and scripts, sync with every write, query syntax.
#include "core/storage/collectionrepository.h"
#include "core/storage/searchindex.h"
#include "storagefixture.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gloss::Core;
using namespace StorageFixture;

class tst_Search : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_db.reset(); }
    void titleRanksAboveBodyAndSnippetHighlights();
    void accentsAndScripts_data();
    void accentsAndScripts();
    void cjkIsOneTokenPerRun();
    void cjkWords();
    void annotationsFollowEveryWrite();
    void entityNamesAndRenames();
    void newVersionReplacesText();
    void userInputNeverBreaksTheQuery_data();
    void userInputNeverBreaksTheQuery();
    void rawSyntaxErrorIsClear();
    void collectionFilterAndPaging();
    void rebuildGivesSameResults();
    void unrankedSnippetsAreCutAroundTheMatch();

private:
    qint64 add(const QString &url, const QString &title, const QString &text)
    {
        auto r = storeArticle(*m_db, url, title, text);
        return r ? r->articleId : -1;
    }
    static QList<qint64> sorted(QList<qint64> list)
    {
        std::sort(list.begin(), list.end());
        return list;
    }
    QList<qint64> ids(const QString &query, const SearchOptions &options = {})
    {
        QList<qint64> out;
        auto hits = SearchIndex(*m_db).search(query, options);
        if (!hits) {
            qWarning() << hits.error().message;
            return { -1 };
        }
        for (const SearchHit &h : *hits)
            out.append(h.articleId);
        return out;
    }
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;
};

void tst_Search::init()
{
    QStandardPaths::setTestModeEnabled(true);
    auto db = Database::open(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_n)));
    QVERIFY(db);
    m_db = std::move(*db);
}

void tst_Search::titleRanksAboveBodyAndSnippetHighlights()
{
    const qint64 body = add(QStringLiteral("https://e.org/1"), QStringLiteral("Weather report"),
        QStringLiteral("Rain in the north. The referendum was mentioned once, in passing."));
    const qint64 title = add(QStringLiteral("https://e.org/2"), QStringLiteral("Referendum called"),
        QStringLiteral("Parliament voted on Tuesday to hold a vote next spring."));
    add(QStringLiteral("https://e.org/3"), QStringLiteral("Sports"), QStringLiteral("Nothing relevant here."));
    auto hits = SearchIndex(*m_db).search(QStringLiteral("referendum"));
    QVERIFY(hits);
    QCOMPARE(hits->size(), 2);
    QCOMPARE(hits->at(0).articleId, title);
    QCOMPARE(hits->at(1).articleId, body);
    QVERIFY(hits->at(0).score > hits->at(1).score);
    QCOMPARE(hits->at(0).title, QStringLiteral("Referendum called"));
    QCOMPARE(hits->at(0).matchedIn, QStringLiteral("text"));
    QVERIFY2(hits->at(1).snippet.contains(QStringLiteral("[referendum]")), qPrintable(hits->at(1).snippet));
}

void tst_Search::accentsAndScripts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("found");
    QTest::newRow("accent folded") << QStringLiteral("Protests in São Paulo grew.") << QStringLiteral("sao paulo")
                                   << true;
    QTest::newRow("accent in query") << QStringLiteral("The cafe closed.") << QStringLiteral("café") << true;
    QTest::newRow("decomposed accent") << QStringLiteral("Vuc\u030Cic\u0301 spoke.") << QStringLiteral("vucic") << true;
    QTest::newRow("serbian latin") << QStringLiteral("Predsednik Vučić je rekao.") << QStringLiteral("VUCIC") << true;
    QTest::newRow("cyrillic case") << QStringLiteral("Заявление Москвы о Сербии.") << QStringLiteral("МОСКВЫ") << true;
    QTest::newRow("greek case") << QStringLiteral("Η Ελλάδα και η Σερβία.") << QStringLiteral("ΕΛΛΆΔΑ") << true;
    // remove_diacritics folds Latin letters only: a Greek tonos still counts (documented in SearchIndex).
    QTest::newRow("greek tonos kept") << QStringLiteral("Η Ελλάδα και η Σερβία.") << QStringLiteral("ελλαδα") << false;
    QTest::newRow("arabic") << QStringLiteral("قالت الحكومة في بلغراد") << QStringLiteral("بلغراد") << true;
    QTest::newRow("different word") << QStringLiteral("The cafe closed.") << QStringLiteral("cafeteria") << false;
    QTest::newRow("prefix") << QStringLiteral("Politicians argued.") << QStringLiteral("polit*") << true;
}

void tst_Search::accentsAndScripts()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(bool, found);
    const qint64 id = add(QStringLiteral("https://e.org/x"), QStringLiteral("Untitled"), text);
    QCOMPARE(ids(query), found ? QList<qint64> { id } : QList<qint64> {});
}

void tst_Search::cjkIsOneTokenPerRun()
{
    // unicode61 splits CJK only at punctuation and spaces: "東京都に住む人々" is one token of the word index, where
    // whole runs and prefixes match (ranked); a word inside a run is found by the trigram index (cjkWords).
    const qint64 id = add(QStringLiteral("https://e.org/jp"), QStringLiteral("ニュース"),
        QStringLiteral("東京都に住む人々。大阪でも同じ。"));
    QCOMPARE(ids(QStringLiteral("東京都に住む人々")), QList<qint64> { id });
    QCOMPARE(ids(QStringLiteral("東京*")), QList<qint64> { id });
    QCOMPARE(ids(QStringLiteral("ニュース")), QList<qint64> { id });
    auto hits = SearchIndex(*m_db).search(QStringLiteral("東京都に住む人々"));
    QVERIFY(hits && hits->size() == 1);
    QVERIFY(hits->at(0).score > 0); // a word-index hit, ranked by BM25
}

void tst_Search::cjkWords()
{
    const qint64 jp = add(QStringLiteral("https://e.org/jp"), QStringLiteral("ニュース"),
        QStringLiteral("東京都に住む人々。大阪でも同じ。東京の話。"));
    const qint64 zh = add(QStringLiteral("https://e.org/zh"), QStringLiteral("新闻"),
        QStringLiteral("塞尔维亚总统武契奇在贝尔格莱德表示，塞尔维亚不会加入北约。"));
    const qint64 ko = add(QStringLiteral("https://e.org/ko"), QStringLiteral("뉴스"),
        QStringLiteral("대통령은 서울에서 기자들에게 말했다. Reuters reported."));
    const qint64 en = add(QStringLiteral("https://e.org/en"), QStringLiteral("News"),
        QStringLiteral("Nothing in Japanese here; Tokyo and Seoul only in English."));
    Q_UNUSED(en);
    // Words inside a run: two characters (LIKE over the CJK articles), three or more (trigram index).
    QCOMPARE(ids(QStringLiteral("住む")), QList<qint64> { jp });
    QCOMPARE(ids(QStringLiteral("東京")), QList<qint64> { jp });
    QCOMPARE(ids(QStringLiteral("大阪でも")), QList<qint64> { jp });
    QCOMPARE(ids(QStringLiteral("北约")), QList<qint64> { zh });
    QCOMPARE(ids(QStringLiteral("贝尔格莱德")), QList<qint64> { zh });
    QCOMPARE(ids(QStringLiteral("서울")), QList<qint64> { ko }); // Hangul: "서울에서" is one unicode61 token
    // Every word must match: a CJK word and a word of the word index; two CJK words.
    QCOMPARE(ids(QStringLiteral("서울 reuters")), QList<qint64> { ko });
    QCOMPARE(ids(QStringLiteral("서울 tokyo")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("住む 大阪")), QList<qint64> { jp });
    QCOMPARE(ids(QStringLiteral("住む 北约")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("京都大学")), QList<qint64> {});
    // Latin words and numbers glued to CJK text; OR between CJK words.
    const qint64 mixed = add(QStringLiteral("https://e.org/mixed"), QStringLiteral("DeepMind新电脑"),
        QStringLiteral("谷歌在2014年收购了DeepMind公司。서울Metro는 요금을 올렸다."));
    QCOMPARE(ids(QStringLiteral("DeepMind")), QList<qint64> { mixed });
    QCOMPARE(ids(QStringLiteral("2014")), QList<qint64> { mixed });
    QCOMPARE(ids(QStringLiteral("Metro 요금")), QList<qint64> { mixed });
    QCOMPARE(sorted(ids(QStringLiteral("住む OR 北约"))), sorted({ jp, zh }));
    QCOMPARE(ids(QStringLiteral("住む OR 没有的词")), QList<qint64> { jp });
    QCOMPARE(ids(QStringLiteral("DeepMind OR 没有的词")), QList<qint64> { mixed });
    // Snippets mark the word; the hit says it is a text match with score 0 (after ranked hits).
    auto hits = SearchIndex(*m_db).search(QStringLiteral("住む"));
    QVERIFY(hits);
    QCOMPARE(hits->size(), 1);
    QVERIFY2(hits->at(0).snippet.contains(QStringLiteral("[住む]")), qPrintable(hits->at(0).snippet));
    QCOMPARE(hits->at(0).score, 0.0);
    QVERIFY(!hits->at(0).ranked);
    QCOMPARE(hits->at(0).title, QStringLiteral("ニュース"));
    // The library filter applies (a collection without the article finds nothing).
    QVERIFY(CollectionRepository(*m_db).create(QStringLiteral("Balkans")));
    SearchOptions inCollection;
    inCollection.filter.collection = QStringLiteral("Balkans");
    QCOMPARE(ids(QStringLiteral("北约"), inCollection), QList<qint64> {});
    // The index follows a new version and a rebuild.
    auto next = storeArticle(*m_db, QStringLiteral("https://e.org/zh"), QStringLiteral("新闻"),
        QStringLiteral("塞尔维亚总统在贝尔格莱德发表讲话。"));
    QVERIFY(next);
    QCOMPARE(ids(QStringLiteral("北约")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("讲话")), QList<qint64> { zh });
    QVERIFY(SearchIndex(*m_db).rebuild());
    QCOMPARE(ids(QStringLiteral("讲话")), QList<qint64> { zh });
    QCOMPARE(ids(QStringLiteral("住む")), QList<qint64> { jp });
}

void tst_Search::annotationsFollowEveryWrite()
{
    const qint64 id = add(QStringLiteral("https://e.org/a"), QStringLiteral("Budget"),
        QStringLiteral("The minister promised lower taxes."));
    AnnotationRepository repo(*m_db);
    Annotation a = annotationFor(*m_db, id, QStringLiteral("promised lower taxes"), 13, QStringLiteral("wombat"));
    QVERIFY(repo.insert(a));
    auto hits = SearchIndex(*m_db).search(QStringLiteral("wombat"));
    QVERIFY(hits);
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->first().matchedIn, QStringLiteral("annotations"));
    QVERIFY(hits->first().snippet.contains(QStringLiteral("[wombat]")));

    a.note = QStringLiteral("platypus");
    QVERIFY(repo.update(a));
    QCOMPARE(ids(QStringLiteral("wombat")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("platypus")), QList<qint64> { id });

    Annotation b = annotationFor(*m_db, id, QStringLiteral("minister"), 4, QStringLiteral("echidna"));
    QVERIFY(repo.insert(b));
    QCOMPARE(ids(QStringLiteral("echidna platypus")), QList<qint64> { id });
    QVERIFY(repo.remove(a.id));
    QCOMPARE(ids(QStringLiteral("platypus")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("echidna")), QList<qint64> { id });
    QVERIFY(repo.remove(b.id));
    QCOMPARE(ids(QStringLiteral("echidna")), QList<qint64> {});
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM annotation_fts")), 0);
}

void tst_Search::entityNamesAndRenames()
{
    const qint64 id = add(
        QStringLiteral("https://e.org/e"), QStringLiteral("Visit"), QStringLiteral("The president arrived in Moscow."));
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO entities (id, name, type, aliases, created) VALUES (?, ?, ?, ?, ?)"));
    for (const QVariant &v : { QVariant(QStringLiteral("ent-1")), QVariant(QStringLiteral("Aleksandar Vučić")),
             QVariant(QStringLiteral("PERSON")), QVariant(QStringLiteral("[\"AV\", 7]")),
             QVariant(QStringLiteral("2024-01-01T00:00:00.000Z")) })
        q.addBindValue(v);
    QVERIFY(q.exec());
    Annotation a = annotationFor(*m_db, id, QStringLiteral("president"), 4);
    a.kind = AnnotationKind::Entity;
    a.label = QStringLiteral("PERSON");
    a.entityId = QStringLiteral("ent-1");
    QVERIFY(AnnotationRepository(*m_db).insert(a));
    QCOMPARE(ids(QStringLiteral("vucic")), QList<qint64> { id });
    QCOMPARE(ids(QStringLiteral("AV")), QList<qint64> { id });

    QVERIFY(q.exec(QStringLiteral("UPDATE entities SET name = 'Serbian President' WHERE id = 'ent-1'")));
    QCOMPARE(ids(QStringLiteral("vucic")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("serbian")), QList<qint64> { id });
    // Deleting the entity unlinks the mention (ON DELETE SET NULL), and the index follows.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM entities WHERE id = 'ent-1'")));
    QCOMPARE(ids(QStringLiteral("serbian")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("president")), QList<qint64> { id });
    QVERIFY(m_db->integrityCheck());
}

void tst_Search::newVersionReplacesText()
{
    const QString url = QStringLiteral("https://e.org/v");
    const qint64 id = add(url, QStringLiteral("Draft"), QStringLiteral("Early text about aardvarks."));
    QCOMPARE(ids(QStringLiteral("aardvarks")), QList<qint64> { id });
    auto second = storeArticle(*m_db, url, QStringLiteral("Final"), QStringLiteral("Corrected text about badgers."));
    QVERIFY(second);
    QCOMPARE(second->kind, ImportOutcome::NewVersion);
    QCOMPARE(ids(QStringLiteral("aardvarks")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("draft")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("badgers final")), QList<qint64> { id });
    // Deleting the article removes it from both indexes.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(id)));
    QCOMPARE(ids(QStringLiteral("badgers")), QList<qint64> {});
    QVERIFY(q.exec(QStringLiteral("INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")));
    QVERIFY(m_db->integrityCheck());
}

void tst_Search::userInputNeverBreaksTheQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("hits");
    QTest::newRow("unbalanced quote") << QStringLiteral("\"u.s. senate") << 1;
    QTest::newRow("punctuation") << QStringLiteral("U.S. (senate) C++") << 0;
    QTest::newRow("fts operators as words") << QStringLiteral("NEAR( senate AND") << 0;
    QTest::newRow("column filter lookalike") << QStringLiteral("title:senate") << 0;
    QTest::newRow("phrase") << QStringLiteral("\"senate voted\"") << 1;
    QTest::newRow("phrase wrong order") << QStringLiteral("\"voted senate\"") << 0;
    QTest::newRow("or") << QStringLiteral("senate OR zzzz") << 1;
    QTest::newRow("trailing or") << QStringLiteral("senate OR") << 1;
    QTest::newRow("hyphen word") << QStringLiteral("well-known") << 1;
}

void tst_Search::userInputNeverBreaksTheQuery()
{
    QFETCH(QString, query);
    QFETCH(int, hits);
    add(QStringLiteral("https://e.org/q"), QStringLiteral("Vote"),
        QStringLiteral("The U.S. senate voted on a well-known and AND-heavy bill."));
    auto result = SearchIndex(*m_db).search(query);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->size(), hits);
}

void tst_Search::rawSyntaxErrorIsClear()
{
    add(QStringLiteral("https://e.org/r"), QStringLiteral("Vote"), QStringLiteral("The senate voted."));
    SearchOptions raw;
    raw.rawSyntax = true;
    auto ok = SearchIndex(*m_db).search(QStringLiteral("senat* NOT zebra"), raw);
    QVERIFY(ok);
    QCOMPARE(ok->size(), 1);
    auto bad = SearchIndex(*m_db).search(QStringLiteral("senate AND ("), raw);
    QVERIFY(!bad);
    QVERIFY2(bad.error().message.startsWith(QStringLiteral("The search query is not valid")),
        qPrintable(bad.error().message));
    QCOMPARE(bad.error().code, int(Error::User));
    auto empty = SearchIndex(*m_db).search(QStringLiteral("  ... "));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, int(Error::User));
}

void tst_Search::collectionFilterAndPaging()
{
    QList<qint64> all;
    for (int i = 0; i < 12; ++i)
        all.append(add(QStringLiteral("https://e.org/p%1").arg(i), QStringLiteral("Item %1").arg(i),
            QStringLiteral("A story about lemurs %1.").arg(QString(i, QLatin1Char('x')))));
    auto c = CollectionRepository(*m_db).create(QStringLiteral("Madagascar"));
    QVERIFY(c);
    QVERIFY(CollectionRepository(*m_db).addArticles(c->id, { all.at(3), all.at(5) }));
    SearchOptions options;
    options.filter.collection = QStringLiteral("madagascar");
    auto inCollection = ids(QStringLiteral("lemurs"), options);
    std::sort(inCollection.begin(), inCollection.end());
    QCOMPARE(inCollection, (QList<qint64> { all.at(3), all.at(5) }));

    SearchOptions page;
    page.limit = 5;
    QList<qint64> paged;
    for (page.offset = 0; page.offset < 15; page.offset += 5)
        paged += ids(QStringLiteral("lemurs"), page);
    QCOMPARE(paged.size(), 12);
    SearchOptions everything;
    everything.limit = 0;
    QCOMPARE(paged, ids(QStringLiteral("lemurs"), everything));
    // Only the newest rankWindow matches are ranked.
    SearchOptions window;
    window.rankWindow = 3;
    auto newest = ids(QStringLiteral("lemurs"), window);
    std::sort(newest.begin(), newest.end());
    QCOMPARE(newest, all.mid(9));
    // A phrase over the window is not ranked (bm25 would walk every match): newest first, flagged.
    auto phrase = SearchIndex(*m_db).search(QStringLiteral("\"about lemurs\""), window);
    QVERIFY(phrase);
    QCOMPARE(phrase->size(), 3);
    QCOMPARE(phrase->at(0).articleId, all.last());
    QVERIFY(!phrase->at(0).ranked);
    QVERIFY2(phrase->at(0).snippet.contains(QStringLiteral("[about lemurs]")), qPrintable(phrase->at(0).snippet));
    // A prefix over the window: the same, with snippets made from the text (no second FTS5 query).
    auto prefix = SearchIndex(*m_db).search(QStringLiteral("LÉMU*"), window);
    QVERIFY(prefix);
    QCOMPARE(prefix->size(), 3);
    QCOMPARE(prefix->at(0).articleId, all.last());
    QVERIFY(!prefix->at(0).ranked);
    QCOMPARE(prefix->at(0).snippet, QStringLiteral("A story about [lemurs] xxxxxxxxxxx."));
    QCOMPARE(prefix->at(0).matchedIn, QStringLiteral("text"));
    auto single = SearchIndex(*m_db).search(QStringLiteral("lemurs"), window);
    QVERIFY(single->at(0).ranked);
    // The library filter over the window: every match, in library order (newest import first).
    auto filterIds = SearchIndex(*m_db).matchingArticleIds(QStringLiteral("lemurs"), window);
    QVERIFY(filterIds);
    QList<qint64> reversed(all.crbegin(), all.crend());
    QCOMPARE(*filterIds, reversed);
    auto matching = SearchIndex(*m_db).matchingArticleIds(QStringLiteral("lemurs"), everything);
    QVERIFY(matching);
    QCOMPARE(*matching, paged);
}

void tst_Search::rebuildGivesSameResults()
{
    const qint64 id
        = add(QStringLiteral("https://e.org/b"), QStringLiteral("Rebuild"), QStringLiteral("Narwhals and walruses."));
    QVERIFY(AnnotationRepository(*m_db).insert(
        annotationFor(*m_db, id, QStringLiteral("Narwhals"), 0, QStringLiteral("tusks"))));
    QVERIFY(SearchIndex(*m_db).rebuild());
    QCOMPARE(ids(QStringLiteral("walruses")), QList<qint64> { id });
    QCOMPARE(ids(QStringLiteral("tusks")), QList<qint64> { id });
    QVERIFY(m_db->integrityCheck());
}

// Over the window a prefix or phrase query lists the newest matches with snippets made from their text: 16
// tokens from two before the first match, every match inside marked, '…' where the text was cut.
void tst_Search::unrankedSnippetsAreCutAroundTheMatch()
{
    QStringList words;
    for (int i = 0; i < 40; ++i)
        words.append(QStringLiteral("w%1").arg(i));
    words[20] = QStringLiteral("Zoölogists");
    words[21] = QStringLiteral("zoology");
    words[30] = QStringLiteral("zoo");
    add(QStringLiteral("https://e.org/old"), QStringLiteral("Old"), QStringLiteral("zoo keepers."));
    add(QStringLiteral("https://e.org/zoo"), QStringLiteral("Zoo"), words.join(QLatin1Char(' ')) + u'.');
    SearchOptions window;
    window.rankWindow = 1;
    window.limit = 1;
    auto hits = SearchIndex(*m_db).search(QStringLiteral("zoo*"), window);
    QVERIFY(hits);
    QCOMPARE(hits->size(), 1);
    QVERIFY(!hits->first().ranked);
    QCOMPARE(hits->first().snippet,
        QStringLiteral("…w18 w19 [Zoölogists] [zoology] w22 w23 w24 w25 w26 w27 w28 w29 [zoo] w31 w32 w33…"));
    auto phrase = SearchIndex(*m_db).search(QStringLiteral("\"w38 w39\""), window);
    QVERIFY(phrase);
    QCOMPARE(
        phrase->first().snippet, QStringLiteral("…w24 w25 w26 w27 w28 w29 zoo w31 w32 w33 w34 w35 w36 w37 [w38 w39]."));
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"

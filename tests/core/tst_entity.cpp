#include "core/annotation/entity.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace Gloss::Core;

class tst_Entity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void makeEntityCleansAliases();
    void wikidataIds_data();
    void wikidataIds();
    void knownAs();
    void merge();
    void jsonRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
};

void tst_Entity::makeEntityCleansAliases()
{
    const Entity nato = makeEntity(QStringLiteral(" NATO "), QStringLiteral("ORG"), QStringLiteral("Q7184"),
        { QStringLiteral("North Atlantic Treaty Organization"), QStringLiteral("nato"), QStringLiteral(" "),
            QStringLiteral("north atlantic treaty organization"), QStringLiteral("the Alliance") });
    QVERIFY(!QUuid::fromString(nato.id).isNull());
    QVERIFY(!nato.id.startsWith(u'{'));
    QCOMPARE(nato.name, QStringLiteral("NATO"));
    QCOMPARE(nato.aliases,
        (QStringList { QStringLiteral("North Atlantic Treaty Organization"), QStringLiteral("the Alliance") }));
    QCOMPARE(nato.kbUrl(), QStringLiteral("https://www.wikidata.org/wiki/Q7184"));
    QVERIFY(nato.validate().has_value());
    QVERIFY(makeEntity(QStringLiteral("a"), QString()).id != makeEntity(QStringLiteral("a"), QString()).id);
}

void tst_Entity::wikidataIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("NATO") << QStringLiteral("Q7184") << true;
    QTest::newRow("Belgrade") << QStringLiteral("Q3711") << true;
    QTest::newRow("Serbia") << QStringLiteral("Q403") << true;
    QTest::newRow("lower-case q") << QStringLiteral("q403") << false;
    QTest::newRow("leading zero") << QStringLiteral("Q0403") << false;
    QTest::newRow("property, not item") << QStringLiteral("P31") << false;
    QTest::newRow("no number") << QStringLiteral("Q") << false;
    QTest::newRow("url") << QStringLiteral("https://www.wikidata.org/wiki/Q403") << false;
}

void tst_Entity::wikidataIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(Entity::isWikidataId(id), valid);
    Entity e = makeEntity(QStringLiteral("x"), QStringLiteral("GPE"));
    e.kbId = id;
    QCOMPARE(e.validate().has_value(), valid);
}

void tst_Entity::knownAs()
{
    const Entity serbia = makeEntity(QStringLiteral("Serbia"), QStringLiteral("GPE"), QStringLiteral("Q403"),
        { QStringLiteral("Republic of Serbia"), QString::fromUtf8("Србија") });
    QVERIFY(serbia.isKnownAs(u"serbia"));
    QVERIFY(serbia.isKnownAs(u"  REPUBLIC OF SERBIA "));
    QVERIFY(serbia.isKnownAs(QString::fromUtf8("србија")));
    QVERIFY(!serbia.isKnownAs(u"Serb"));
    QVERIFY(!serbia.isKnownAs(u""));
    QCOMPARE(serbia.names().size(), 3);
}

void tst_Entity::merge()
{
    const Entity kept
        = makeEntity(QStringLiteral("NATO"), QStringLiteral("ORG"), QString(), { QStringLiteral("the Alliance") });
    const Entity merged = makeEntity(QStringLiteral("North Atlantic Treaty Organization"), QStringLiteral("ORG"),
        QStringLiteral("Q7184"), { QStringLiteral("OTAN"), QStringLiteral("nato") });
    const Entity result = mergedEntity(kept, merged);
    QCOMPARE(result.id, kept.id);
    QCOMPARE(result.name, QStringLiteral("NATO"));
    QCOMPARE(result.aliases,
        (QStringList { QStringLiteral("the Alliance"), QStringLiteral("North Atlantic Treaty Organization"),
            QStringLiteral("OTAN") }));
    QCOMPARE(result.kbId, QStringLiteral("Q7184"));
    // kept's kbId wins when both have one.
    Entity keptWithId = kept;
    keptWithId.kbId = QStringLiteral("Q1");
    QCOMPARE(mergedEntity(keptWithId, merged).kbId, QStringLiteral("Q1"));
}

void tst_Entity::jsonRoundTrip()
{
    const Entity belgrade = makeEntity(
        QStringLiteral("Belgrade"), QStringLiteral("GPE"), QStringLiteral("Q3711"), { QStringLiteral("Beograd") });
    const Result<Entity> back = Entity::fromJson(belgrade.toJson());
    QVERIFY(back.has_value());
    QCOMPARE(*back, belgrade);
    QVERIFY(belgrade.toJson().contains(u"kbId"));
    QVERIFY(makeEntity(QStringLiteral("x"), QString()).toJson().value(u"kbId").isNull());
}

void tst_Entity::jsonErrors_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("error");
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QTest::newRow("no id") << QJsonObject { { QStringLiteral("name"), QStringLiteral("x") } } << QStringLiteral("id:");
    QTest::newRow("no name") << QJsonObject { { QStringLiteral("id"), id } } << QStringLiteral("name:");
    QTest::newRow("bad kbId") << QJsonObject { { QStringLiteral("id"), id },
        { QStringLiteral("name"), QStringLiteral("x") }, { QStringLiteral("kbId"), QStringLiteral("wd:Q1") } }
                              << QStringLiteral("kbId:");
    QTest::newRow("aliases not strings") << QJsonObject { { QStringLiteral("id"), id },
        { QStringLiteral("name"), QStringLiteral("x") }, { QStringLiteral("aliases"), QJsonArray({ 1, 2 }) } }
                                         << QStringLiteral("aliases:");
}

void tst_Entity::jsonErrors()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, error);
    const Result<Entity> e = Entity::fromJson(object);
    QVERIFY(!e.has_value());
    QVERIFY2(e.error().message.startsWith(error), qPrintable(e.error().message));
}

QTEST_GUILESS_MAIN(tst_Entity)
#include "tst_entity.moc"

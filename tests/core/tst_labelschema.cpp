#include "core/annotation/jsonlocator.h"
#include "core/annotation/labelschema.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Gloss::Core;

class tst_LabelSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtIns_data();
    void builtIns();
    void glossDefaultClaimAttributes();
    void errorsNameLineAndField_data();
    void errorsNameLineAndField();
    void validateAttributes_data();
    void validateAttributes();
    void shortcutsAndLookups();
    void fromFile();
    void jsonLocator();
};

void tst_LabelSchema::builtIns_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("types");
    QTest::newRow("conll") << QStringLiteral("conll")
                           << QStringList { QStringLiteral("PER"), QStringLiteral("ORG"), QStringLiteral("LOC"),
                                  QStringLiteral("MISC") };
    QTest::newRow("ontonotes") << QStringLiteral("ontonotes")
                               << QStringLiteral("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE "
                                                 "DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL")
                                      .split(u' ');
    QTest::newRow("gloss default") << QStringLiteral("gloss-default")
                                   << QStringLiteral("PERSON ORG GPE LOC NORP EVENT MISC").split(u' ');
}

void tst_LabelSchema::builtIns()
{
    QFETCH(QString, id);
    QFETCH(QStringList, types);
    QVERIFY(LabelSchema::builtInIds().contains(id));
    const Result<LabelSchema> schema = LabelSchema::builtIn(id);
    QVERIFY2(schema.has_value(), schema ? "" : qPrintable(schema.error().message));
    QCOMPARE(schema->id, id);
    QStringList names;
    QSet<QString> colors, shortcuts;
    for (const LabelSchema::EntityType &t : schema->entityTypes) {
        names.append(t.name);
        QVERIFY2(!colors.contains(t.color), qPrintable(t.name));
        colors.insert(t.color);
        QVERIFY2(!t.shortcut.isEmpty() && !shortcuts.contains(t.shortcut), qPrintable(t.name));
        shortcuts.insert(t.shortcut);
    }
    QCOMPARE(names, types);
    // Round trip through the file format.
    const Result<LabelSchema> again = LabelSchema::fromJson(schema->toJson());
    QVERIFY(again.has_value());
    QCOMPARE(*again, *schema);
}

void tst_LabelSchema::glossDefaultClaimAttributes()
{
    const LabelSchema schema = LabelSchema::builtIn(QStringLiteral("gloss-default")).value();
    const LabelSchema::ClaimAttribute *type = schema.claimAttribute(u"claimType");
    QVERIFY(type);
    QCOMPARE(type->values,
        (QStringList { QStringLiteral("statistical"), QStringLiteral("causal"), QStringLiteral("prediction"),
            QStringLiteral("quote-attribution"), QStringLiteral("other") }));
    const LabelSchema::ClaimAttribute *worth = schema.claimAttribute(u"checkWorthiness");
    QVERIFY(worth);
    QCOMPARE(worth->type, LabelSchema::AttributeType::Integer);
    QCOMPARE(worth->minimum, 1);
    QCOMPARE(worth->maximum, 5);
    QVERIFY(schema.claimAttribute(u"stance"));
    QCOMPARE(schema.claimAttribute(u"verdict")->values,
        (QStringList { QStringLiteral("supported"), QStringLiteral("refuted"), QStringLiteral("not-enough-info"),
            QStringLiteral("unverified") }));
    QCOMPARE(schema.claimAttribute(u"claimant")->type, LabelSchema::AttributeType::Entity);
    QCOMPARE(schema.claimAttribute(u"evidenceUrl")->type, LabelSchema::AttributeType::Url);
    QCOMPARE(schema.defaultAttributes(), (QJsonObject { { QStringLiteral("verdict"), QStringLiteral("unverified") } }));
}

void tst_LabelSchema::errorsNameLineAndField_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected"); // a substring of the message; several separated by " && "

    const auto schema = [](const QString &entityTypes, const QString &claimAttributes = QString()) -> QString {
        return QStringLiteral("{\n  \"id\": \"mine\",\n  \"name\": \"Mine\",\n  \"entityTypes\": [\n") + entityTypes
            + QStringLiteral("\n  ],\n  \"claimAttributes\": [\n") + claimAttributes + QStringLiteral("\n  ]\n}\n");
    };
    const QString person = QStringLiteral("    { \"name\": \"PERSON\", \"color\": \"#ff0000\", \"shortcut\": \"p\" }");

    QTest::newRow("syntax error: line and column") << QStringLiteral("{\n  \"id\": \"mine\"\n  \"name\": \"Mine\"\n}")
                                                   << QStringLiteral("line 3, column 4: JSON syntax error");
    QTest::newRow("not an object") << QStringLiteral("[]")
                                   << QStringLiteral("line 1: (schema): a label schema must be a JSON object");
    QTest::newRow("missing id") << QStringLiteral("{\n  \"name\": \"x\",\n  \"entityTypes\": []\n}")
                                << QStringLiteral("line 1: (schema): missing \"id\"");
    QTest::newRow("bad id") << QStringLiteral(
        "{\n  \"id\": \"My Schema\",\n  \"name\": \"x\",\n  \"entityTypes\": []\n}")
                            << QStringLiteral("line 2: id: \"My Schema\" is not an id");
    QTest::newRow("bad colour") << schema(person + QStringLiteral(",\n    { \"name\": \"ORG\", \"color\": \"#zzz\" }"))
                                << QStringLiteral(
                                       "line 6: entityTypes[1].color: \"#zzz\" is not a colour of the form #RRGGBB");
    QTest::newRow("misspelt field")
        << schema(QStringLiteral("    { \"name\": \"ORG\",\n      \"colour\": \"#00ff00\" }"))
        << QStringLiteral("line 6: entityTypes[0].colour: unknown field && line 5: entityTypes[0]: missing \"color\"");
    QTest::newRow("duplicate shortcut")
        << schema(
               person + QStringLiteral(",\n    { \"name\": \"PLACE\", \"color\": \"#00ff00\", \"shortcut\": \"P\" }"))
        << QStringLiteral("line 6: entityTypes[1].shortcut: \"P\" is already the shortcut of another type");
    QTest::newRow("duplicate type") << schema(person + u",\n" + person)
                                    << QStringLiteral("line 6: entityTypes[1].name: \"PERSON\" is defined twice");
    QTest::newRow("lower-case type name")
        << schema(QStringLiteral("    { \"name\": \"person\", \"color\": \"#ff0000\" }"))
        << QStringLiteral("line 5: entityTypes[0].name: \"person\" is not a type name");
    QTest::newRow("choice without values")
        << schema(person, QStringLiteral("    { \"name\": \"verdict\", \"type\": \"choice\" }"))
        << QStringLiteral("line 8: claimAttributes[0]: a choice needs \"values\"");
    QTest::newRow("unknown attribute type")
        << schema(person, QStringLiteral("    { \"name\": \"verdict\",\n      \"type\": \"enum\" }"))
        << QStringLiteral("line 9: claimAttributes[0].type: \"enum\" is not one of choice, integer");
    QTest::newRow("integer bounds reversed")
        << schema(person,
               QStringLiteral(
                   "    { \"name\": \"worth\", \"type\": \"integer\",\n      \"minimum\": 5,\n      \"maximum\": 1 }"))
        << QStringLiteral("line 10: claimAttributes[0].maximum: 1 is less than the minimum 5");
    QTest::newRow("default not allowed") << schema(person,
        QStringLiteral(
            "    { \"name\": \"verdict\", \"type\": \"choice\", \"values\": [\"a\", \"b\"],\n      \"default\": \"c\" "
            "}")) << QStringLiteral("line 9: claimAttributes[0].default: \"c\" is not one of a, b");
    QTest::newRow("value listed twice") << schema(person,
        QStringLiteral(
            "    { \"name\": \"verdict\", \"type\": \"choice\",\n      \"values\": [\"a\",\n        \"a\"] }"))
                                        << QStringLiteral(
                                               "line 10: claimAttributes[0].values[1]: \"a\" is listed twice");
    QTest::newRow("duplicate key") << QStringLiteral(
        "{\n  \"id\": \"mine\",\n  \"name\": \"Mine\",\n  \"name\": \"Again\",\n  \"entityTypes\": []\n}")
                                   << QStringLiteral("line 4: name: duplicate field");
}

void tst_LabelSchema::errorsNameLineAndField()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const Result<LabelSchema> schema = LabelSchema::fromJson(json.toUtf8(), QStringLiteral("mine.json"));
    QVERIFY(!schema.has_value());
    QCOMPARE(schema.error().code, int(Error::User));
    for (const QString &part : expected.split(QStringLiteral(" && "))) {
        QVERIFY2(schema.error().message.contains(QStringLiteral("mine.json: ") + part),
            qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(part, schema.error().message)));
    }
}

void tst_LabelSchema::validateAttributes_data()
{
    QTest::addColumn<QByteArray>("attributes");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("empty") << QByteArray("{}") << QString();
    QTest::newRow("all valid") << QByteArray(
        R"({"claimType": "statistical", "checkWorthiness": 4, "stance": "opposes", "verdict": "refuted",
                          "claimant": "6f1c2f5e-4a57-4bde-9c2a-5b2d3f6a7e10", "evidenceUrl": "https://example.org/a"})")
                               << QString();
    QTest::newRow("unset value") << QByteArray(R"({"stance": null})") << QString();
    QTest::newRow("out of range") << QByteArray(R"({"checkWorthiness": 7})")
                                  << QStringLiteral("checkWorthiness: 7 is not between 1 and 5");
    QTest::newRow("not an integer") << QByteArray(R"({"checkWorthiness": 2.5})")
                                    << QStringLiteral("checkWorthiness: 2.5 is not an integer");
    QTest::newRow("unknown choice") << QByteArray(R"({"verdict": "true"})")
                                    << QStringLiteral("verdict: \"true\" is not one of supported, refuted");
    QTest::newRow("not http") << QByteArray(R"({"evidenceUrl": "ftp://example.org/x"})")
                              << QStringLiteral("evidenceUrl: \"ftp://example.org/x\" is not an http(s) URL");
    QTest::newRow("claimant not an entity id")
        << QByteArray(R"({"claimant": "NATO"})") << QStringLiteral("claimant: \"NATO\" is not an entity id");
    QTest::newRow("unknown attribute") << QByteArray(R"({"colour": "red"})")
                                       << QStringLiteral("colour: not an attribute of the schema \"gloss-default\"");
}

void tst_LabelSchema::validateAttributes()
{
    QFETCH(QByteArray, attributes);
    QFETCH(QString, error);
    const LabelSchema schema = LabelSchema::builtIn(QStringLiteral("gloss-default")).value();
    const Result<void> result = schema.validateAttributes(QJsonDocument::fromJson(attributes).object());
    if (error.isEmpty()) {
        QVERIFY2(result.has_value(), result ? "" : qPrintable(result.error().message));
    } else {
        QVERIFY(!result.has_value());
        QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
    }
}

void tst_LabelSchema::shortcutsAndLookups()
{
    const LabelSchema schema = LabelSchema::builtIn(QStringLiteral("ontonotes")).value();
    QCOMPARE(schema.entityTypeForShortcut(u"P")->name, QStringLiteral("PERSON"));
    QCOMPARE(schema.entityTypeForShortcut(u"g")->name, QStringLiteral("GPE"));
    QVERIFY(!schema.entityTypeForShortcut(u"!"));
    QCOMPARE(schema.entityType(u"WORK_OF_ART")->label, QStringLiteral("Work of art"));
    QVERIFY(!schema.entityType(u"person"));
    QVERIFY(schema.claimAttributes.isEmpty());
    QVERIFY(!LabelSchema::builtIn(QStringLiteral("nope")).has_value());
}

void tst_LabelSchema::fromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("custom.json"));
    LabelSchema schema = LabelSchema::builtIn(QStringLiteral("conll")).value();
    schema.id = QStringLiteral("custom");
    schema.entityTypes.append({ QStringLiteral("WEAPON"), QStringLiteral("Weapon"), QStringLiteral("#123456"),
        QStringLiteral("w"), QString() });
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(schema.toJson());
    file.close();
    const Result<LabelSchema> loaded = LabelSchema::fromFile(path);
    QVERIFY(loaded.has_value());
    QCOMPARE(*loaded, schema);

    const Result<LabelSchema> missing = LabelSchema::fromFile(dir.filePath(QStringLiteral("missing.json")));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, int(Error::Io));
}

void tst_LabelSchema::jsonLocator()
{
    const QByteArray json = "{\n  \"a\": [\n    {\"b\": 1},\n    {\"c\": \"x\\\"y\"}\n  ],\n  \"d\": true\n}";
    const JsonLocator locator(json);
    QCOMPARE(locator.lineOf(QStringLiteral("a")), 2);
    QCOMPARE(locator.lineOf(QStringLiteral("a[0].b")), 3);
    QCOMPARE(locator.lineOf(QStringLiteral("a[1].c")), 4);
    QCOMPARE(locator.lineOf(QStringLiteral("a[1].missing")), 4); // nearest enclosing
    QCOMPARE(locator.lineOf(QStringLiteral("d")), 6);
    QCOMPARE(JsonLocator::lineAndColumn(json, json.indexOf("\"d\"")), (std::pair<int, int> { 6, 3 }));
}

QTEST_GUILESS_MAIN(tst_LabelSchema)
#include "tst_labelschema.moc"

// The storage verbs of gloss-cli, run as a user would (the built binary through QProcess; no app sources).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_StorageCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importIntoCollectionAndList();
    void search();
    void tagsAndCollections();
    void backupAndRestore();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(QStringList args, const QString &db = {})
    {
        args << QStringLiteral("--db") << (db.isEmpty() ? m_db : db);
        QProcess p;
        p.start(QStringLiteral(GLOSS_CLI), args);
        p.waitForFinished(60000);
        return Run { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    }
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_id = 0;
};

void tst_StorageCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
}

void tst_StorageCli::importIntoCollectionAndList()
{
    const Run import = cli(
        { QStringLiteral("import"), QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/independent-serbia-russia.html"),
            QStringLiteral("--collection"), QStringLiteral("Seed corpus") });
    QVERIFY2(import.exitCode == 0, import.err.constData());
    m_id = import.out.split('\t').first().toLongLong();
    QVERIFY(m_id > 0);

    const Run list = cli({ QStringLiteral("list"), QStringLiteral("--collection"), QStringLiteral("seed corpus"),
        QStringLiteral("--json") });
    QCOMPARE(list.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    for (const char *key : { "id", "title", "url", "site", "published", "versions", "annotations" })
        QVERIFY2(row.contains(QLatin1String(key)), key);
    QCOMPARE(row.value(QStringLiteral("id")).toInteger(), m_id);
    QCOMPARE(row.value(QStringLiteral("versions")).toInt(), 1);

    const Run missing = cli({ QStringLiteral("list"), QStringLiteral("--collection"), QStringLiteral("Nope") });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("no collection"));
    const Run badState = cli({ QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("skimmed") });
    QCOMPARE(badState.exitCode, 2);
}

void tst_StorageCli::search()
{
    const Run json = cli({ QStringLiteral("search"), QStringLiteral("NATO"), QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray hits = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(hits.size(), 1);
    const QJsonObject hit = hits.first().toObject();
    QCOMPARE(hit.value(QStringLiteral("id")).toInteger(), m_id);
    QVERIFY(hit.value(QStringLiteral("score")).toDouble() > 0);
    QVERIFY(hit.value(QStringLiteral("title")).toString().contains(QStringLiteral("Serbia")));
    QVERIFY2(hit.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("<mark>NATO</mark>")),
        qPrintable(hit.value(QStringLiteral("snippet")).toString()));

    const Run text = cli({ QStringLiteral("search"), QStringLiteral("nato") });
    QCOMPARE(text.exitCode, 0);
    const QList<QByteArray> fields = text.out.trimmed().split('\t');
    QCOMPARE(fields.size(), 4);
    QCOMPARE(fields.at(0).toLongLong(), m_id);
    QVERIFY(fields.at(3).contains("[NATO]"));

    const Run none = cli({ QStringLiteral("search"), QStringLiteral("xylophonist") });
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.isEmpty());
    const Run empty = cli({ QStringLiteral("search"), QStringLiteral("...") });
    QCOMPARE(empty.exitCode, 1);
    const Run inOther
        = cli({ QStringLiteral("search"), QStringLiteral("NATO"), QStringLiteral("--tag"), QStringLiteral("unused") });
    QCOMPARE(inOther.exitCode, 0);
    QVERIFY(inOther.out.isEmpty());
}

void tst_StorageCli::tagsAndCollections()
{
    const QString id = QString::number(m_id);
    const Run tag = cli({ QStringLiteral("tag"), id, QStringLiteral("Serbia"), QStringLiteral("to check") });
    QCOMPARE(tag.exitCode, 0);
    QCOMPARE(tag.out, QByteArray("Serbia\nto check\n"));
    const Run byTag
        = cli({ QStringLiteral("list"), QStringLiteral("--tag"), QStringLiteral("serbia"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(byTag.out).array().size(), 1);
    QCOMPARE(cli({ QStringLiteral("tag"), QStringLiteral("999"), QStringLiteral("x") }).exitCode, 1);

    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("add"), QStringLiteral("Second"), id }).exitCode, 0);
    const Run list = cli({ QStringLiteral("collections"), QStringLiteral("--json") });
    QCOMPARE(list.exitCode, 0);
    const QJsonArray collections = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(collections.size(), 2);
    QCOMPARE(collections.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Second"));
    QCOMPARE(collections.at(1).toObject().value(QStringLiteral("articles")).toInt(), 1);
    QCOMPARE(
        cli({ QStringLiteral("collections"), QStringLiteral("remove"), QStringLiteral("Second"), id }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("delete"), QStringLiteral("Second") }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("delete"), QStringLiteral("Second") }).exitCode, 1);
    QCOMPARE(cli({ QStringLiteral("collections"), QStringLiteral("frobnicate") }).exitCode, 2);
}

void tst_StorageCli::backupAndRestore()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    const Run backup = cli({ QStringLiteral("backup"), copy });
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    QVERIFY(QFile::exists(copy));
    const Run again = cli({ QStringLiteral("backup"), copy });
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("never overwritten"));
    const Run rolling = cli({ QStringLiteral("backup") });
    QCOMPARE(rolling.exitCode, 0);
    QVERIFY(rolling.out.contains("/backups/gloss-"));

    // Import more, then restore the copy: the extra article goes, the previous store is kept aside.
    QCOMPARE(cli({ QStringLiteral("tag"), QString::number(m_id), QStringLiteral("after-backup") }).exitCode, 0);
    const Run restore = cli({ QStringLiteral("restore"), copy });
    QVERIFY2(restore.exitCode == 0, restore.err.constData());
    QVERIFY(restore.err.contains("previous store is kept at"));
    const Run tags = cli({ QStringLiteral("tag"), QString::number(m_id) });
    QVERIFY(!tags.out.contains("after-backup"));
    QVERIFY(!QDir(m_dir.path()).entryList({ QStringLiteral("cli.sqlite.before-restore-*") }).isEmpty());
    const Run bad = cli({ QStringLiteral("restore"), m_dir.filePath(QStringLiteral("none.sqlite")) });
    QCOMPARE(bad.exitCode, 1);
}

QTEST_GUILESS_MAIN(tst_StorageCli)
#include "tst_storagecli.moc"

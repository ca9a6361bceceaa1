// gloss-cli end to end: import, show, annotate, annotations, export, and bad input (exit codes, messages, and
// a store left unchanged).
#include "core/extraction/extractor.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/resource.h>
#include <sys/stat.h>

namespace {
const QString seedDir = QStringLiteral(GLOSS_SHARED_DIR "/corpus/seed/");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

constexpr qint64 limit = Gloss::Core::Extractor::maxInputBytes;

// A file of `size` zero bytes that takes no room on the disk (a sparse file).
bool writeSparse(const QString &path, qint64 size)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.resize(size);
}

// The file at `path` compressed by the gzip program (Debian's gzip is essential; the test links no zlib).
bool writeGzipped(const QString &path, const QString &source)
{
    QProcess gzip;
    gzip.setStandardInputFile(source);
    gzip.setStandardOutputFile(path);
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c"), QStringLiteral("-n")});
    return gzip.waitForFinished(60000) && gzip.exitStatus() == QProcess::NormalExit && gzip.exitCode() == 0;
}
} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importShowAnnotateExport();
    void showTextIsExactlyTheReaderText();
    void exportImportRoundTrip();
    void conllKeepsAnEntityInOneSentence();
    void exportSelection_data();
    void exportSelection();
    void writeFailuresAreErrors();
    void annotateErrors_data();
    void annotateErrors();
    void badImports_data();
    void badImports();
    void databaseInMissingFolder();
    void usageErrors();
    void annotateAllWithoutSpaces();
    void mergeRefusesDifferentTypes();
    void importSkipsWhatIsAlreadyAnnotated();
    void bratImportLinksEntities();
    void tooLargeFilesAreRefusedBeforeReading();
    void devicesAreReadUpToTheLimit();
    void extractJsonShapeFollowsTheArguments();
    void importReadsGzipAsExtractDoes();
    void extractRejectsABadUrl_data();
    void extractRejectsABadUrl();
    void extractFolderAndStandardInput();
    void gzipMembersTruncationAndStandardInput();
    void extractJsonArrayIsWrittenAsItGoes();

private:
    // `stdinFile`: the child's standard input; `limitMemory`: run it with 2 GB of address space, so that reading
    // a huge input whole fails at once (std::bad_alloc) instead of filling the machine's memory.
    Run run(const QStringList &args, const QString &stdinFile = {}, bool limitMemory = false);
    QString db() const { return m_dir.filePath(QStringLiteral("cli.sqlite")); }
    QTemporaryDir m_dir;
};

Run tst_Cli::run(const QStringList &args, const QString &stdinFile, bool limitMemory)
{
    QProcess p;
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    if (limitMemory)
        p.setChildProcessModifier([] {
            const rlimit space{2LL << 30, 2LL << 30};
            setrlimit(RLIMIT_AS, &space);
        });
    p.start(QStringLiteral(GLOSS_CLI), args);
    if (!p.waitForFinished(60000))
        return {};
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               QString::fromUtf8(p.readAllStandardError())};
}

void tst_Cli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run r = run({QStringLiteral("import"), seedDir + QStringLiteral("independent-serbia-russia.html"),
                       QStringLiteral("--db"), db()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QByteArray> fields = r.out.trimmed().split('\t');
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0), QByteArray("1"));
    QCOMPARE(fields.at(1), QByteArray("Serbia mulls Russian Defense Ministry presence"));
    QVERIFY(fields.at(2).toInt() > 1000);
}

void tst_Cli::importShowAnnotateExport()
{
    Run r = run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--claim"),
                 QStringLiteral("has pledged to stay out of NATO"), QStringLiteral("--db"), db()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--entity"), QStringLiteral("ORG"),
             QStringLiteral("NATO"), QStringLiteral("--occurrence"), QStringLiteral("1"), QStringLiteral("--kb-id"),
             QStringLiteral("Q7184"), QStringLiteral("--db"), db()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = run({QStringLiteral("annotations"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--db"), db()});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 2);
    for (const QJsonValue &v : list) {
        QVERIFY(v[QStringLiteral("start")].isDouble());
        QCOMPARE(v[QStringLiteral("status")].toString(), QStringLiteral("exact"));
    }

    const QString out = m_dir.filePath(QStringLiteral("export.jsonld"));
    r = run({QStringLiteral("export"), QStringLiteral("--article"), QStringLiteral("1"), QStringLiteral("--format"),
             QStringLiteral("jsonld"), QStringLiteral("-o"), out, QStringLiteral("--db"), db()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject collection = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(collection[QStringLiteral("type")].toString(), QStringLiteral("AnnotationCollection"));
    QVERIFY(collection[QStringLiteral("@context")].toString().contains(QStringLiteral("anno.jsonld"))
            || collection[QStringLiteral("@context")].isArray());
    QCOMPARE(collection[QStringLiteral("total")].toInt(), 2);

    // The same export on stdout.
    r = run({QStringLiteral("export"), QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("--db"), db()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("total")].toInt(), 2);
}

void tst_Cli::showTextIsExactlyTheReaderText()
{
    const Run text = run({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--text"), QStringLiteral("--db"), db()});
    QCOMPARE(text.exitCode, 0);
    const Run json = run({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--db"), db()});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(QString::fromUtf8(text.out), o[QStringLiteral("text")].toString());
    QCOMPARE(o[QStringLiteral("title")].toString(), QStringLiteral("Serbia mulls Russian Defense Ministry presence"));
    // --db may come before the verb too.
    const Run before = run({QStringLiteral("--db"), db(), QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--text")});
    QCOMPARE(before.exitCode, 0);
    QCOMPARE(before.out, text.out);
}

void tst_Cli::exportImportRoundTrip()
{
    // Richer annotations first: a claim with attributes and a note, every NATO tagged and linked to Q7184.
    Run r = run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--claim"),
                 QStringLiteral("the only remaining close Russian ally in the region"), QStringLiteral("--attr"),
                 QStringLiteral("verdict=supported"), QStringLiteral("--note"), QStringLiteral("=1+1, \"quoted\""),
                 QStringLiteral("--db"), db()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--entity"), QStringLiteral("GPE"),
             QStringLiteral("Belgrade"), QStringLiteral("--all"), QStringLiteral("--kb-id"), QStringLiteral("Q3711"),
             QStringLiteral("--db"), db()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString file = m_dir.filePath(QStringLiteral("roundtrip.jsonld"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("-o"), file, QStringLiteral("--db"), db()}).exitCode, 0);

    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), seedDir + QStringLiteral("independent-serbia-russia.html"),
                  QStringLiteral("--db"), other}).exitCode, 0);
    r = run({QStringLiteral("import-annotations"), file, QStringLiteral("--db"), other});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(" 0 orphaned, 0 skipped"), r.out.constData());

    const Run mine = run({QStringLiteral("annotations"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--db"), db()});
    const Run theirs = run({QStringLiteral("annotations"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--db"), other});
    QVERIFY(QJsonDocument::fromJson(mine.out).array().size() >= 4);
    QCOMPARE(QJsonDocument::fromJson(theirs.out), QJsonDocument::fromJson(mine.out));
    const Run entities = run({QStringLiteral("entities"), QStringLiteral("--json"), QStringLiteral("--db"), other});
    QVERIFY(entities.out.contains("Q3711"));

    // Importing the same file again adds nothing.
    r = run({QStringLiteral("import-annotations"), file, QStringLiteral("--db"), other});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(" 0 imported"));
}

void tst_Cli::conllKeepsAnEntityInOneSentence()
{
    const QString store = m_dir.filePath(QStringLiteral("conll.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral(GLOSS_TEST_DATA "/spine/abbreviation.txt"),
                  QStringLiteral("--db"), store}).exitCode, 0);
    QCOMPARE(run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--entity"), QStringLiteral("PERSON"),
                  QString::fromUtf8("👩🏽‍⚕️ Dr. José"), QStringLiteral("--db"), store}).exitCode, 0);
    const Run r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("conll"),
                       QStringLiteral("--db"), store});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Dr _ _ I-PERSON\n. _ _ I-PERSON\nJos\xc3\xa9 _ _ I-PERSON\n"), r.out.constData());
}

void tst_Cli::exportSelection_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("any");
    QTest::newRow("search hit") << QStringList{QStringLiteral("--search"), QStringLiteral("Vucic")} << true;
    QTest::newRow("search miss") << QStringList{QStringLiteral("--search"), QStringLiteral("zebra")} << false;
    QTest::newRow("published in range") << QStringList{QStringLiteral("--from"), QStringLiteral("2020-10-01"),
                                                       QStringLiteral("--to"), QStringLiteral("2020-11-01")}
                                        << true;
    QTest::newRow("published before range") << QStringList{QStringLiteral("--from"), QStringLiteral("2021-01-01")} << false;
    QTest::newRow("unknown collection") << QStringList{QStringLiteral("--collection"), QStringLiteral("nope")} << false;
    QTest::newRow("kind and label") << QStringList{QStringLiteral("--kind"), QStringLiteral("entity"),
                                                   QStringLiteral("--label"), QStringLiteral("ORG")}
                                    << true;
}

void tst_Cli::exportSelection()
{
    QFETCH(QStringList, options);
    QFETCH(bool, any);
    const Run r = run(QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonl"),
                                  QStringLiteral("--db"), db()}
                      + options);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(!r.out.trimmed().isEmpty(), any);
    if (options.contains(QStringLiteral("--kind")))
        QVERIFY(!r.out.contains("\"claim\""));
}

void tst_Cli::writeFailuresAreErrors()
{
    if (!QFileInfo(QStringLiteral("/dev/full")).exists())
        QSKIP("no /dev/full here");
    QProcess p;
    p.setStandardOutputFile(QStringLiteral("/dev/full"));
    p.start(QStringLiteral(GLOSS_CLI), {QStringLiteral("export"), QStringLiteral("--db"), db()});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 4);
    QVERIFY(p.readAllStandardError().contains("No space left"));
    const Run r = run({QStringLiteral("export"), QStringLiteral("-o"), QStringLiteral("/dev/full"), QStringLiteral("--db"), db()});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(!QFileInfo(QStringLiteral("/dev/full")).isFile()); // still the device, not replaced by a file
}

void tst_Cli::annotateErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("missing quote") << QStringList{QStringLiteral("1"), QStringLiteral("--claim"), QStringLiteral("Montenegro joins")}
                                   << 1 << QStringLiteral("does not occur");
    QTest::newRow("ambiguous quote") << QStringList{QStringLiteral("1"), QStringLiteral("--entity"), QStringLiteral("GPE"), QStringLiteral("Belgrade")}
                                     << 1 << QStringLiteral("--occurrence");
    QTest::newRow("no such occurrence") << QStringList{QStringLiteral("1"), QStringLiteral("--entity"), QStringLiteral("GPE"),
                                                       QStringLiteral("Belgrade"), QStringLiteral("--occurrence"), QStringLiteral("99")}
                                        << 1 << QStringLiteral("no occurrence 99");
    QTest::newRow("no such article") << QStringList{QStringLiteral("42"), QStringLiteral("--claim"), QStringLiteral("NATO")}
                                     << 1 << QStringLiteral("no article 42");
    QTest::newRow("no mode") << QStringList{QStringLiteral("1")} << 2 << QStringLiteral("exactly one");
}

void tst_Cli::annotateErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);
    const QByteArray before = fileHash(db());
    const Run r = run(QStringList{QStringLiteral("annotate")} + args + QStringList{QStringLiteral("--db"), db()});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    QCOMPARE(fileHash(db()), before);
}

void tst_Cli::badImports_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("binary") << QStringLiteral(GLOSS_TEST_DATA "/spine/binary.png") << QString();
    QTest::newRow("empty") << QStringLiteral(GLOSS_TEST_DATA "/spine/empty.html") << QStringLiteral("empty");
    QTest::newRow("missing") << QStringLiteral(GLOSS_TEST_DATA "/spine/nothing-here.html") << QStringLiteral("no such file");
    QTest::newRow("ftp url") << QStringLiteral("ftp://example.com/article.html") << QStringLiteral("unsupported URL scheme 'ftp'");
}

void tst_Cli::badImports()
{
    QFETCH(QString, path);
    QFETCH(QString, messagePart);
    const Run before = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--db"), db()});
    const Run r = run({QStringLiteral("import"), path, QStringLiteral("--db"), db()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith(QStringLiteral("gloss-cli: ")));
    if (!messagePart.isEmpty())
        QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    const Run after = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--db"), db()});
    QCOMPARE(after.out, before.out);
}

void tst_Cli::databaseInMissingFolder()
{
    const QString path = m_dir.filePath(QStringLiteral("no/such/dir/x.sqlite"));
    const Run r = run({QStringLiteral("import"), seedDir + QStringLiteral("independent-serbia-russia.html"),
                       QStringLiteral("--db"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no"))));
}

void tst_Cli::usageErrors()
{
    QCOMPARE(run({}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("show"), QStringLiteral("--bogus"), QStringLiteral("1")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("show"), QStringLiteral("abc"), QStringLiteral("--db"), db()}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("nope"), QStringLiteral("--db"), db()}).exitCode, 2);
    // A negative id is named as such, not read as an unknown option.
    const Run negative = run({QStringLiteral("show"), QStringLiteral("-1"), QStringLiteral("--db"), db()});
    QCOMPARE(negative.exitCode, 2);
    QVERIFY2(negative.err.contains(QStringLiteral("'-1' is not valid")), qPrintable(negative.err));
    // An unknown collection is an error, not an empty result.
    const Run unknown = run({QStringLiteral("search"), QStringLiteral("Serbia"), QStringLiteral("--collection"),
        QStringLiteral("Nope"), QStringLiteral("--db"), db()});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("no collection \"Nope\"")), qPrintable(unknown.err));
    // --db=PATH before the verb; a file: URL imports the file (as `show` prints sources).
    QCOMPARE(run({QStringLiteral("--db=") + db(), QStringLiteral("list")}).exitCode, 0);
    const Run fileUrl = run({QStringLiteral("import"),
        QUrl::fromLocalFile(seedDir + QStringLiteral("independent-serbia-russia.html")).toString(), QStringLiteral("--db"), db()});
    QCOMPARE(fileUrl.exitCode, 0);
    QVERIFY2(fileUrl.err.contains(QStringLiteral("already in the library")), qPrintable(fileUrl.err));
}

void tst_Cli::annotateAllWithoutSpaces()
{
    // Chinese and Japanese run words together: "--all" finds "DeepMind" before 的 and イヌ among kana.
    const QString store = m_dir.filePath(QStringLiteral("cjk.sqlite"));
    for (const char *name : {"deepmind-zh.txt", "inu-ja.txt"})
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral(GLOSS_TEST_DATA "/cjk/") + QLatin1String(name),
                      QStringLiteral("--db"), store}).exitCode, 0);
    Run r = run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--entity"), QStringLiteral("ORG"),
                 QStringLiteral("DeepMind"), QStringLiteral("--all"), QStringLiteral("--db"), store});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("tagged 4 occurrences, 0 already tagged")), qPrintable(r.err));
    QCOMPARE(r.out.count('\n'), 4);
    r = run({QStringLiteral("annotate"), QStringLiteral("2"), QStringLiteral("--entity"), QStringLiteral("MISC"),
             QString::fromUtf8("イヌ"), QStringLiteral("--all"), QStringLiteral("--db"), store});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("tagged 5 occurrences")), qPrintable(r.err));

    // Only inside longer words: the message says so, and nothing is written.
    const QByteArray before = fileHash(store);
    r = run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--entity"), QStringLiteral("ORG"),
             QStringLiteral("Deep"), QStringLiteral("--all"), QStringLiteral("--db"), store});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("\"Deep\" occurs 5 times, but only inside longer words")), qPrintable(r.err));
    QCOMPARE(fileHash(store), before);
}

void tst_Cli::mergeRefusesDifferentTypes()
{
    const QString store = m_dir.filePath(QStringLiteral("merge.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), seedDir + QStringLiteral("independent-serbia-russia.html"),
                  QStringLiteral("--db"), store}).exitCode, 0);
    for (const auto &[type, quote] : {std::pair{"GPE", "Serbia"}, std::pair{"ORG", "NATO"}}) {
        const Run r = run({QStringLiteral("annotate"), QStringLiteral("1"), QStringLiteral("--entity"),
                           QLatin1String(type), QLatin1String(quote), QStringLiteral("--occurrence"),
                           QStringLiteral("1"), QStringLiteral("--db"), store});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    const Run list = run({QStringLiteral("entities"), QStringLiteral("--json"), QStringLiteral("--db"), store});
    QString serbia, nato;
    for (const QJsonValue &e : QJsonDocument::fromJson(list.out).array())
        (e[QStringLiteral("name")].toString() == u"Serbia" ? serbia : nato) = e[QStringLiteral("id")].toString();
    QVERIFY(!serbia.isEmpty() && !nato.isEmpty());

    const QByteArray before = fileHash(store);
    const Run r = run({QStringLiteral("entities"), QStringLiteral("--merge"), serbia + u',' + nato,
                       QStringLiteral("--db"), store});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Cannot merge NATO (ORG) into Serbia (GPE): their types differ.")),
             qPrintable(r.err));
    QCOMPARE(fileHash(store), before);
}

void tst_Cli::importSkipsWhatIsAlreadyAnnotated()
{
    // merge.sqlite (above) holds two mentions; exported as brat and JSON-LD lines, imported one after the other.
    const QString source = m_dir.filePath(QStringLiteral("merge.sqlite"));
    const QString brat = m_dir.filePath(QStringLiteral("dup-brat"));
    const QString jsonl = m_dir.filePath(QStringLiteral("dup.jsonl"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("brat"), QStringLiteral("-o"),
                  brat, QStringLiteral("--db"), source}).exitCode, 0);
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonld-lines"),
                  QStringLiteral("-o"), jsonl, QStringLiteral("--db"), source}).exitCode, 0);

    const QString store = m_dir.filePath(QStringLiteral("dup.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), seedDir + QStringLiteral("independent-serbia-russia.html"),
                  QStringLiteral("--db"), store}).exitCode, 0);
    Run r = run({QStringLiteral("import-annotations"), QStringLiteral("--format"), QStringLiteral("brat"),
                 QStringLiteral("--article"), QStringLiteral("1"), brat + QStringLiteral("/1.ann"),
                 QStringLiteral("--db"), store});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("2 read, 2 imported, 0 orphaned, 0 skipped\n"), r.out.constData());
    r = run({QStringLiteral("import-annotations"), jsonl, QStringLiteral("--db"), store});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("2 read, 0 imported, 0 orphaned, 2 skipped (2 already annotated with the same span, "
                              "kind and label)\n"),
             r.out.constData());
    QVERIFY2(r.err.contains(QStringLiteral("\"Serbia\" is already annotated as GPE there")), qPrintable(r.err));
    const Run list = run({QStringLiteral("annotations"), QStringLiteral("1"), QStringLiteral("--json"),
                          QStringLiteral("--db"), store});
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 2);
}

void tst_Cli::bratImportLinksEntities()
{
    // dup-brat (above): "Serbia" GPE and "NATO" ORG; Serbia gets a Wikidata normalization.
    QFile file(m_dir.filePath(QStringLiteral("dup-brat/1.ann")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString ann = QString::fromUtf8(file.readAll());
    const qsizetype gpe = ann.indexOf(QStringLiteral("\tGPE "));
    QVERIFY(gpe > 0);
    const QString tid = ann.left(gpe).section(u'\n', -1);
    ann += QStringLiteral("N9\tReference %1 Wikidata:Q403\tSerbia\n").arg(tid);
    const QString annPath = m_dir.filePath(QStringLiteral("dup-brat/linked.ann"));
    QFile out(annPath);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(ann.toUtf8()) > 0);
    out.close();
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("dup-brat/1.txt")),
                        m_dir.filePath(QStringLiteral("dup-brat/linked.txt"))));

    const QString store = m_dir.filePath(QStringLiteral("brat-entities.sqlite"));
    QCOMPARE(run({QStringLiteral("import"), seedDir + QStringLiteral("independent-serbia-russia.html"),
                  QStringLiteral("--db"), store}).exitCode, 0);
    const Run r = run({QStringLiteral("import-annotations"), QStringLiteral("--format"), QStringLiteral("brat"),
                       QStringLiteral("--article"), QStringLiteral("1"), annPath, QStringLiteral("--db"), store});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray entities = QJsonDocument::fromJson(
        run({QStringLiteral("entities"), QStringLiteral("--json"), QStringLiteral("--db"), store}).out).array();
    QCOMPARE(entities.size(), 2);
    QJsonObject idByName;
    for (const QJsonValue &e : entities) {
        idByName.insert(e[QStringLiteral("name")].toString(), e[QStringLiteral("id")].toString());
        QCOMPARE(e[QStringLiteral("mentions")].toInt(), 1);
        const bool serbia = e[QStringLiteral("name")].toString() == u"Serbia";
        QCOMPARE(e[QStringLiteral("kbId")].toString(), serbia ? QStringLiteral("Q403") : QString());
    }
    const Run list = run({QStringLiteral("annotations"), QStringLiteral("1"), QStringLiteral("--json"),
                          QStringLiteral("--db"), store});
    const QJsonArray mentions = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(mentions.size(), 2);
    for (const QJsonValue &m : mentions)
        QCOMPARE(m[QStringLiteral("entityId")].toString(),
                 idByName.value(m[QStringLiteral("quote")].toString()).toString());
}

void tst_Cli::tooLargeFilesAreRefusedBeforeReading()
{
    // One byte over the limit: the message gives both sizes so that they differ.
    const QString over = m_dir.filePath(QStringLiteral("over.html"));
    QVERIFY(writeSparse(over, limit + 1));
    const QString store = m_dir.filePath(QStringLiteral("large.sqlite"));
    for (const QString &verb : {QStringLiteral("extract"), QStringLiteral("import")}) {
        const Run r = run({verb, over, QStringLiteral("--db"), store});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("%1 bytes").arg(limit + 1)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("%1 bytes (100 MiB)").arg(limit)), qPrintable(r.err));
    }
    // 3 GB: refused from its size, not read (reading it would not fit in the child's address space).
    const QString huge = m_dir.filePath(QStringLiteral("huge.html"));
    QVERIFY(writeSparse(huge, 3LL << 30));
    const Run r = run({QStringLiteral("extract"), huge}, {}, true);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("%1 bytes").arg(3LL << 30)), qPrintable(r.err));
    QVERIFY(QFile::remove(huge));
}

void tst_Cli::devicesAreReadUpToTheLimit()
{
    const QString zero = QStringLiteral("/dev/zero");
    if (!QFileInfo(zero).exists())
        QSKIP("no /dev/zero");
    const QString store = m_dir.filePath(QStringLiteral("device.sqlite"));
    const QString tooLarge = QStringLiteral("larger than the limit of %1 bytes").arg(limit);
    for (const QString &verb : {QStringLiteral("extract"), QStringLiteral("import")}) {
        const Run r = run({verb, zero, QStringLiteral("--db"), store}, {}, true);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(tooLarge), qPrintable(r.err));
    }
    // Standard input is a stream too.
    const Run r = run({QStringLiteral("extract"), QStringLiteral("-")}, zero, true);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("gloss-cli extract: standard input: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(tooLarge), qPrintable(r.err));
}

void tst_Cli::extractJsonShapeFollowsTheArguments()
{
    const QString html = seedDir + QStringLiteral("independent-serbia-russia.html");
    const QString text = seedDir + QStringLiteral("independent-serbia-russia.txt");
    const QString missing = m_dir.filePath(QStringLiteral("missing.html"));
    const QString json = QStringLiteral("--format=json");

    Run r = run({QStringLiteral("extract"), json, html});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(r.out).isObject());

    r = run({QStringLiteral("extract"), json, missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("no such file")), qPrintable(r.err));

    // Several FILEs: always an array, of the successes only; the failure does not stop the others.
    r = run({QStringLiteral("extract"), json, missing, html});
    QCOMPARE(r.exitCode, 1);
    QJsonArray array = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.first()[QStringLiteral("file")].toString(), html);

    r = run({QStringLiteral("extract"), json, missing, missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(QJsonDocument::fromJson(r.out).isArray());
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);

    r = run({QStringLiteral("extract"), json, html, text});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);

    // jsonl: the same fields but the reader HTML, one line per page.
    r = run({QStringLiteral("extract"), QStringLiteral("--format=jsonl"), html});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject line = QJsonDocument::fromJson(r.out.trimmed()).object();
    for (const char *field : {"text", "title", "byline", "canonicalUrl", "leadImage", "charset", "contentType",
             "extractorVersion", "published", "ms"})
        QVERIFY2(line.contains(QLatin1String(field)), field);
    QVERIFY(!line.contains(QStringLiteral("html")));
    QCOMPARE(line[QStringLiteral("charset")].toString(), QStringLiteral("utf-8"));
}

void tst_Cli::importReadsGzipAsExtractDoes()
{
    const QString html = seedDir + QStringLiteral("independent-serbia-russia.html");
    const QString gz = m_dir.filePath(QStringLiteral("serbia.html.gz"));
    QVERIFY(writeGzipped(gz, html));
    const QString store = m_dir.filePath(QStringLiteral("gzip.sqlite"));
    Run r = run({QStringLiteral("import"), gz, QStringLiteral("--db"), store});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.startsWith("1\tSerbia mulls Russian Defense Ministry presence\t"));

    // The reader text is extract's, and the snapshot is the decompressed page.
    const Run extracted = run({QStringLiteral("extract"), gz});
    QCOMPARE(extracted.exitCode, 0);
    r = run({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--text"), QStringLiteral("--db"), store});
    QCOMPARE(r.out.trimmed(), extracted.out.trimmed());
    r = run({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--db"), store});
    QFile original(html);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(r.out)[QStringLiteral("snapshotSha256")].toString().toLatin1(),
             QCryptographicHash::hash(original.readAll(), QCryptographicHash::Sha256).toHex());

    // Decompressed, a page is held to the same limit.
    const QString over = m_dir.filePath(QStringLiteral("bomb-source.html"));
    QVERIFY(writeSparse(over, limit + 1));
    const QString bomb = m_dir.filePath(QStringLiteral("bomb.html.gz"));
    QVERIFY(writeGzipped(bomb, over));
    for (const QString &verb : {QStringLiteral("extract"), QStringLiteral("import")}) {
        r = run({verb, bomb, QStringLiteral("--db"), store});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("larger than the limit of %1 bytes").arg(limit)), qPrintable(r.err));
    }
}

void tst_Cli::extractRejectsABadUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("words") << QStringLiteral("not a url at all");
    QTest::newRow("colons") << QStringLiteral("::::");
    QTest::newRow("space in host") << QStringLiteral("http://exa mple.com/");
    QTest::newRow("no host") << QStringLiteral("https://");
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com/page.html");
    QTest::newRow("relative") << QStringLiteral("page.html");
}

void tst_Cli::extractRejectsABadUrl()
{
    QFETCH(QString, url);
    const QString html = seedDir + QStringLiteral("independent-serbia-russia.html");
    const Run r = run({QStringLiteral("extract"), html, QStringLiteral("--url"), url});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("--url '%1' is not a page URL").arg(url)), qPrintable(r.err));
    QCOMPARE(run({QStringLiteral("extract"), html, QStringLiteral("--url"), QStringLiteral("https://example.com/a")})
                 .exitCode,
             0);
    // A password in a refused URL is not echoed.
    const Run secret = run({QStringLiteral("extract"), html, QStringLiteral("--url"),
                            QStringLiteral("ftp://user:hunter2@example.com/a")});
    QCOMPARE(secret.exitCode, 2);
    QVERIFY2(!secret.err.contains(QStringLiteral("hunter2")), qPrintable(secret.err));
}

void tst_Cli::extractFolderAndStandardInput()
{
    // A folder is named as import names it.
    for (const QString &verb : {QStringLiteral("extract"), QStringLiteral("import")}) {
        const Run r = run({verb, m_dir.path(), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("dir.sqlite"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(m_dir.path() + QStringLiteral(": is a folder")), qPrintable(r.err));
    }
    // "-" reads standard input: the same reader text as the file.
    const QString html = seedDir + QStringLiteral("independent-serbia-russia.html");
    const Run fromFile = run({QStringLiteral("extract"), html});
    const Run fromStdin = run({QStringLiteral("extract"), QStringLiteral("-")}, html);
    QVERIFY2(fromStdin.exitCode == 0, qPrintable(fromStdin.err));
    QVERIFY(!fromStdin.out.isEmpty());
    QCOMPARE(fromStdin.out, fromFile.out);
}

// A gzip file is a series of members (RFC 1952 section 2.2); a cut-off one is an error, not a shorter article;
// gzip on standard input is recognised by its magic number.
void tst_Cli::gzipMembersTruncationAndStandardInput()
{
    const QString html = seedDir + QStringLiteral("independent-serbia-russia.html");
    QFile source(html);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray page = source.readAll();
    const QString half1 = m_dir.filePath(QStringLiteral("half1.html"));
    const QString half2 = m_dir.filePath(QStringLiteral("half2.html"));
    for (const auto &[path, bytes] :
         {std::pair{half1, page.left(page.size() / 2)}, std::pair{half2, page.mid(page.size() / 2)}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    }
    const QString gz1 = m_dir.filePath(QStringLiteral("half1.gz")), gz2 = m_dir.filePath(QStringLiteral("half2.gz"));
    QVERIFY(writeGzipped(gz1, half1) && writeGzipped(gz2, half2));
    QFile a(gz1), b(gz2);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray member1 = a.readAll();
    const QString multi = m_dir.filePath(QStringLiteral("multi.html.gz"));
    QFile m(multi);
    QVERIFY(m.open(QIODevice::WriteOnly) && m.write(member1 + b.readAll()) > 0);
    m.close();

    const Run whole = run({QStringLiteral("extract"), html});
    QCOMPARE(whole.exitCode, 0);
    Run r = run({QStringLiteral("extract"), multi});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, whole.out);
    r = run({QStringLiteral("extract"), QStringLiteral("-")}, multi);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, whole.out);

    const QString cut = m_dir.filePath(QStringLiteral("cut.html.gz"));
    QFile c(cut);
    QVERIFY(c.open(QIODevice::WriteOnly) && c.write(member1.left(member1.size() * 3 / 4)) > 0);
    c.close();
    for (const QString &verb : {QStringLiteral("extract"), QStringLiteral("import")}) {
        r = run({verb, cut, QStringLiteral("--db"), m_dir.filePath(QStringLiteral("cut.sqlite"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("The gzip data is cut short after")), qPrintable(r.err));
    }
}

// Several FILEs in --format json: each object is written when its file is extracted, not held to the end (20
// large pages held 10 GB). The second FILE is a FIFO that the test fills only once the first object is out.
void tst_Cli::extractJsonArrayIsWrittenAsItGoes()
{
    const QString html = seedDir + QStringLiteral("independent-serbia-russia.html");
    const QString fifo = m_dir.filePath(QStringLiteral("second.html"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess p;
    p.start(QStringLiteral(GLOSS_CLI), {QStringLiteral("extract"), QStringLiteral("--format=json"), html, fifo});
    QByteArray out;
    // The wait only guards against a hang: without streaming nothing comes before the FIFO is written.
    while (!out.contains("\n    }") && p.waitForReadyRead(30000))
        out += p.readAllStandardOutput();
    QVERIFY2(out.startsWith("[\n    {\n") && out.contains("\n    }"), out.constData());
    QFile writer(fifo);
    QVERIFY(writer.open(QIODevice::WriteOnly));
    QFile source(html);
    QVERIFY(source.open(QIODevice::ReadOnly));
    writer.write(source.readAll());
    writer.close();
    QVERIFY(p.waitForFinished(60000));
    out += p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 0);
    QJsonParseError error;
    const QJsonArray array = QJsonDocument::fromJson(out, &error).array();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(1)[QStringLiteral("file")].toString(), fifo);
    QCOMPARE(array.at(1)[QStringLiteral("text")], array.at(0)[QStringLiteral("text")]);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"

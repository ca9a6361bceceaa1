// storage_bench: the store at library scale (issue 5, "Measure it").
//
//   storage_bench [--articles N] [--annotations K] [--db PATH] [--reuse] [--single N] [--inserts N] [--no-view]
//
// Generates a store of N articles (default 100,000; reader text ~5 KB of Zipf-distributed words, an original
// of ~50 KB after compression) with K annotations per article (default 10: 1,000,000 for the default size),
// all written through ArticleRepository::store and AnnotationRepository::insertAll, then measures:
//   import throughput (articles/s; the first --single articles one transaction each, the rest in batches),
//   open + first page of the lazy library model (in a fresh child process, which also reports its peak RSS),
//   annotation insert latency p50/p99 (--inserts single-annotation transactions, synchronous=NORMAL; then FULL),
//   FTS query latency p50/p99 over 20 queries (top 50 with snippets), database size per article, peak RSS.
// --reuse measures an existing store at --db without generating. The store is deleted at the end unless --db
// is given.
#include "core/annotation/annotation.h"
#include "core/extraction/extractor.h"
#include "core/models/articlelistmodel.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "core/storage/searchindex.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <sys/resource.h>

using namespace Gloss::Core;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype i = std::min<qsizetype>(values.size() - 1, qsizetype(std::ceil(p * double(values.size()))) - 1);
    return values.at(std::max<qsizetype>(0, i));
}

/// A deterministic vocabulary of pronounceable pseudo-words; rank 0 is the most frequent.
QStringList vocabulary(int size)
{
    static const char *onsets[] = { "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
        "br", "st", "tr", "pl", "gr", "sh", "ch", "kr" };
    static const char *vowels[] = { "a", "e", "i", "o", "u", "ai", "ou", "ia", "é", "ö" };
    QRandomGenerator rng(42);
    QStringList words;
    QSet<QString> seen;
    while (words.size() < size) {
        const int syllables = 1 + int(rng.bounded(3)) + (words.size() > 2000 ? 1 : 0);
        QString w;
        for (int s = 0; s < syllables; ++s)
            w += QString::fromUtf8(onsets[rng.bounded(int(std::size(onsets)))])
                + QString::fromUtf8(vowels[rng.bounded(int(std::size(vowels)))]);
        if (!seen.contains(w)) {
            seen.insert(w);
            words.append(w);
        }
    }
    return words;
}

/// Zipf-like (s = 1) word ranks: log-uniform over [1, size].
int zipfRank(QRandomGenerator &rng, int size)
{
    return std::min(size - 1, int(std::pow(double(size), rng.generateDouble())) - 1);
}

QString sentence(QRandomGenerator &rng, const QStringList &words, int count)
{
    QString s;
    for (int i = 0; i < count; ++i) {
        if (i)
            s += QLatin1Char(' ');
        s += words.at(zipfRank(rng, int(words.size())));
    }
    s[0] = s[0].toUpper();
    return s + QLatin1Char('.');
}

QString readerText(QRandomGenerator &rng, const QStringList &words, int targetChars)
{
    QString text;
    while (text.size() < targetChars) {
        if (!text.isEmpty())
            text += QStringLiteral("\n\n");
        QString paragraph;
        const int sentences = 2 + int(rng.bounded(5));
        for (int i = 0; i < sentences; ++i) {
            if (i)
                paragraph += QLatin1Char(' ');
            paragraph += sentence(rng, words, 8 + int(rng.bounded(14)));
        }
        text += paragraph;
    }
    return text;
}

/// An original page whose zlib-compressed size is about 50 KB: the article in markup plus incompressible
/// "scripts and images" (base64 of random bytes compresses to ~76%).
QByteArray original(QRandomGenerator &rng, const QString &title, const QString &text)
{
    QByteArray noise(49 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < noise.size(); i += 4) {
        const quint32 r = rng.generate();
        std::memcpy(noise.data() + i, &r, std::min<qsizetype>(4, noise.size() - i));
    }
    return "<!doctype html><html><head><title>" + title.toUtf8() + "</title><script>var blob=\""
        + noise.toBase64().left(64 * 1024) + "\";</script></head><body><article><p>"
        + text.toUtf8().replace("\n\n", "</p><p>") + "</p></article></body></html>";
}

struct Generated
{
    double seconds = 0;
    double singleSeconds = 0;
    int single = 0;
    qint64 annotations = 0;
    double annotationSeconds = 0;
};

Result<Generated> generate(Database &db, int articles, int perArticle, int single)
{
    const QStringList words = vocabulary(30000);
    QRandomGenerator rng(7);
    ArticleRepository repo(db);
    AnnotationRepository notes(db);
    Generated g;
    QElapsedTimer total;
    total.start();
    const int batch = 250;
    QElapsedTimer report;
    report.start();
    for (int start = 0; start < articles;) {
        const bool singles = start < single;
        const int end = singles ? start + 1 : std::min(articles, start + batch);
        QElapsedTimer t;
        t.start();
        auto r = db.transaction([&]() -> Result<void> {
            for (int i = start; i < end; ++i) {
                Extraction e;
                e.metadata.title = sentence(rng, words, 6 + int(rng.bounded(5))).chopped(1);
                e.metadata.siteName = QStringLiteral("Site %1").arg(rng.bounded(200));
                e.metadata.published = QDateTime::currentDateTimeUtc().addSecs(-qint64(i) * 600).toString(Qt::ISODate);
                e.readerText = readerText(rng, words, 5000);
                e.readerHtml = QStringLiteral("<p>")
                    + QString(e.readerText).replace(QStringLiteral("\n\n"), QStringLiteral("</p><p>"))
                    + QStringLiteral("</p>");
                e.contentType = QStringLiteral("text/html");
                e.charset = QStringLiteral("utf-8");
                e.extractorVersion = QStringLiteral("bench/1");
                Snapshot s;
                s.bytes = original(rng, e.metadata.title, e.readerText);
                s.contentType = e.contentType;
                s.charset = e.charset;
                s.sourceUrl = QStringLiteral("https://news%1.example/%2").arg(i % 200).arg(i);
                s.sha256 = QString::fromLatin1(QCryptographicHash::hash(s.bytes, QCryptographicHash::Sha256).toHex());
                s.fetched = QDateTime::currentDateTimeUtc();
                auto stored = repo.store(s, e);
                if (!stored)
                    return std::unexpected(stored.error());
                QList<Annotation> list;
                for (int k = 0; k < perArticle; ++k) {
                    Annotation a = makeAnnotation(k % 3 ? AnnotationKind::Entity : AnnotationKind::Claim,
                        k % 3 ? QStringLiteral("PERSON") : QStringLiteral("claim"), QStringLiteral("bench"));
                    a.articleId = stored->articleId;
                    a.versionId = stored->versionId;
                    const int from = int(rng.bounded(int(e.readerText.size()) - 80));
                    const int length = 10 + int(rng.bounded(60));
                    a.quote.exact = e.readerText.mid(from, length);
                    a.quote.prefix = e.readerText.mid(std::max(0, from - 32), std::min(32, from));
                    a.quote.suffix = e.readerText.mid(from + length, 32);
                    a.position.start = from;
                    a.position.end = from + length;
                    if (rng.bounded(5) == 0)
                        a.note = sentence(rng, words, 5 + int(rng.bounded(10)));
                    list.append(a);
                }
                QElapsedTimer at;
                at.start();
                if (auto ins = notes.insertAll(list); !ins)
                    return ins;
                g.annotationSeconds += double(at.nsecsElapsed()) / 1e9;
                g.annotations += list.size();
            }
            return {};
        });
        if (!r)
            return std::unexpected(r.error());
        if (singles)
            g.singleSeconds += double(t.nsecsElapsed()) / 1e9;
        start = end;
        if (report.elapsed() > 15000) {
            report.restart();
            QTextStream(stderr) << "  generated " << start << " / " << articles << " articles ("
                                << int(double(start) / (double(total.elapsed()) / 1000.0)) << " articles/s)\n";
        }
    }
    g.single = std::min(single, articles);
    g.seconds = double(total.nsecsElapsed()) / 1e9;
    return g;
}

const QStringList &benchQueries()
{
    // Twenty search-box queries over the generated vocabulary (rank r = the r-th most frequent word): single
    // words from frequent to rare, two and three words, a phrase, prefixes. The generator is deterministic, so
    // the words are the same on every run.
    static const QStringList queries = [] {
        const QStringList w = vocabulary(30000);
        return QStringList { w.at(150), w.at(400), w.at(800), w.at(1500), w.at(3000), w.at(6000), w.at(12000),
            w.at(25000), w.at(200) + QLatin1Char(' ') + w.at(900), w.at(500) + QLatin1Char(' ') + w.at(4000),
            w.at(1000) + QLatin1Char(' ') + w.at(2000) + QLatin1Char(' ') + w.at(3000),
            w.at(2500) + QStringLiteral(" OR ") + w.at(7000),
            QLatin1Char('"') + w.at(0) + QLatin1Char(' ') + w.at(1) + QLatin1Char('"'),
            w.at(9000).left(4) + QLatin1Char('*'), w.at(16000), w.at(700) + QLatin1Char(' ') + w.at(20000), w.at(350),
            w.at(5000) + QLatin1Char(' ') + w.at(5001), w.at(10000), w.at(1200) };
    }();
    return queries;
}

/// The library view in a fresh process: open, first page, then the search box. Prints "key value" lines.
int viewPhase(const QString &path)
{
    QElapsedTimer t;
    t.start();
    auto db = Database::open(path);
    if (!db) {
        QTextStream(stderr) << db.error().message << '\n';
        return 3;
    }
    const double openMs = double(t.nsecsElapsed()) / 1e6;
    ArticleListModel model;
    if (auto r = model.setDatabase(db->get()); !r) {
        QTextStream(stderr) << r.error().message << '\n';
        return 3;
    }
    int rows = std::min(50, model.rowCount());
    qint64 checksum = 0;
    for (int row = 0; row < rows; ++row)
        checksum += model.data(model.index(row), Qt::DisplayRole).toString().size()
            + model.data(model.index(row), ArticleListModel::AnnotationCountRole).toInt();
    const double firstPageMs = double(t.nsecsElapsed()) / 1e6;
    out() << "open_ms " << openMs << "\nfirst_page_ms " << firstPageMs << "\nrows_total " << model.totalCount()
          << "\nfirst_page_rows " << rows << "\n";
    out() << "rss_after_first_page_mb " << peakRssMb() << "\n";

    // Scroll to the end (fetchMore all the way) and touch every row, as a user dragging the scroll bar would.
    QElapsedTimer s;
    s.start();
    while (model.canFetchMore({}))
        model.fetchMore({});
    for (int row = 0; row < model.rowCount(); ++row)
        checksum += model.data(model.index(row), Qt::DisplayRole).toString().size();
    out() << "scroll_all_ms " << double(s.nsecsElapsed()) / 1e6 << "\nrss_after_scroll_mb " << peakRssMb() << "\n";

    SearchIndex search(**db);
    QList<double> times;
    for (const QString &q : benchQueries()) {
        QElapsedTimer qt;
        qt.start();
        auto hits = search.search(q);
        const double ms = double(qt.nsecsElapsed()) / 1e6;
        if (!hits) {
            QTextStream(stderr) << q << ": " << hits.error().message << '\n';
            return 3;
        }
        SearchOptions all;
        all.limit = 0;
        const auto total = search.matchingArticleIds(q, all);
        times.append(ms);
        out() << "query " << ms << " ms, " << (total ? total->size() : -1) << " matching articles: " << q << "\n";
    }
    out() << "fts_p50_ms " << percentile(times, 0.5) << "\nfts_p99_ms " << percentile(times, 0.99) << "\n";
    // Worst case, reported apart: a word in (nearly) every article (all of them ranked to pick the top 50).
    {
        QElapsedTimer qt;
        qt.start();
        auto hits = search.search(vocabulary(30000).at(3));
        out() << "fts_most_common_word_ms " << double(qt.nsecsElapsed()) / 1e6 << "\n";
        Q_UNUSED(hits);
    }
    // The search box filtering the library model (every match, ranked).
    {
        QElapsedTimer qt;
        qt.start();
        auto r = model.setFilter({}, benchQueries().at(2));
        out() << "model_search_filter_ms " << double(qt.nsecsElapsed()) / 1e6 << " rows " << model.totalCount()
              << (r ? "" : " (failed)") << "\n";
        qt.restart();
        r = model.setFilter({}, vocabulary(30000).at(3));
        out() << "model_search_filter_common_word_ms " << double(qt.nsecsElapsed()) / 1e6 << " rows "
              << model.totalCount() << (r ? "" : " (failed)") << "\n";
    }
    out() << "view_peak_rss_mb " << peakRssMb() << "\nchecksum " << checksum << "\n";
    out().flush();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, const QString &fallback) {
        const int i = int(args.indexOf(QString::fromLatin1(name)));
        return i > 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    if (args.contains(QStringLiteral("--view-only")))
        return viewPhase(option("--view-only", {}));

    const int articles = option("--articles", QStringLiteral("100000")).toInt();
    const int perArticle = option("--annotations", QStringLiteral("10")).toInt();
    const int single = option("--single", QStringLiteral("300")).toInt();
    const int inserts = option("--inserts", QStringLiteral("1000")).toInt();
    const bool reuse = args.contains(QStringLiteral("--reuse"));
    QTemporaryDir tmp(QDir::current().filePath(QStringLiteral("storage-bench-XXXXXX")));
    const QString path = option("--db", tmp.filePath(QStringLiteral("bench.sqlite")));
    if (!reuse && QFileInfo::exists(path)) {
        QTextStream(stderr) << path << " exists; pass --reuse to measure it, or another --db\n";
        return 2;
    }

    auto opened = Database::open(path);
    if (!opened) {
        QTextStream(stderr) << opened.error().message << '\n';
        return 3;
    }
    Database &db = **opened;
    out() << "store " << path << "\n";
    if (!reuse) {
        out() << "generating " << articles << " articles, " << qint64(articles) * perArticle << " annotations\n";
        out().flush();
        auto g = generate(db, articles, perArticle, single);
        if (!g) {
            QTextStream(stderr) << g.error().message << '\n';
            return 3;
        }
        const double batchedSeconds = g->seconds - g->singleSeconds;
        out() << "import_total_s " << g->seconds << "\n";
        out() << "import_articles_per_s " << double(articles) / g->seconds << " (incl. " << perArticle
              << " annotations each)\n";
        if (g->single > 0)
            out() << "import_one_transaction_each_per_s " << double(g->single) / g->singleSeconds << " (first "
                  << g->single << ")\n";
        if (articles > g->single)
            out() << "import_batched_per_s " << double(articles - g->single) / batchedSeconds
                  << " (250 per transaction)\n";
        out() << "annotation_bulk_per_s " << double(g->annotations) / g->annotationSeconds << "\n";
        out() << "generate_peak_rss_mb " << peakRssMb() << "\n";
        out().flush();
    }

    // Insert latency: one annotation per transaction, as the GUI and CLI write them; with the store's
    // synchronous=NORMAL (the store's setting, see Database), then for comparison with FULL (an fsync per commit).
    if (args.contains(QStringLiteral("--autocheckpoint"))) {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(option("--autocheckpoint", {}).toInt()));
    }
    for (const auto mode : { Database::Synchronous::Normal, Database::Synchronous::Full }) {
        const char *name = mode == Database::Synchronous::Full ? "full_" : "";
        if (auto r = db.setSynchronous(mode); !r)
            return 3;
        auto ids = ArticleRepository(db).articleIds();
        QRandomGenerator rng(mode == Database::Synchronous::Full ? 99 : 98);
        AnnotationRepository repo(db);
        ArticleRepository articlesRepo(db);
        QList<double> times;
        for (int i = 0; i < inserts && ids && !ids->isEmpty(); ++i) {
            const qint64 id = ids->at(rng.bounded(int(ids->size())));
            auto article = articlesRepo.article(id);
            Annotation a = makeAnnotation(AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("latency"));
            a.articleId = id;
            a.versionId = article->currentVersionId;
            a.quote.exact = article->current.readerText.mid(100, 40);
            a.position.start = 100;
            a.position.end = 140;
            a.note = QStringLiteral("latency probe %1").arg(i);
            QElapsedTimer t;
            t.start();
            auto r = repo.insert(a);
            times.append(double(t.nsecsElapsed()) / 1e6);
            if (!r) {
                QTextStream(stderr) << r.error().message << '\n';
                return 3;
            }
        }
        out() << "insert_" << name << "p50_ms " << percentile(times, 0.5) << "\ninsert_" << name << "p99_ms "
              << percentile(times, 0.99) << "\ninsert_" << name << "max_ms " << percentile(times, 1.0) << " ("
              << times.size() << " inserts)\n";
        out().flush();
    }
    if (auto r = db.setSynchronous(Database::Synchronous::Normal); !r)
        return 3;
    {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const qint64 count = ArticleRepository(db).count().value_or(1);
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    out() << "articles " << count << "\ndb_size_mb " << double(bytes) / 1048576.0 << "\nbytes_per_article "
          << bytes / std::max<qint64>(1, count) << "\n";
    out().flush();
    opened->reset();
    if (args.contains(QStringLiteral("--no-view")))
        return 0;

    QProcess view;
    view.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    view.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--view-only"), path });
    view.waitForFinished(-1);
    out() << view.readAllStandardOutput();
    out() << "bench_peak_rss_mb " << peakRssMb() << "\n";
    out().flush();
    return view.exitCode();
}

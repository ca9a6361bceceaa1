// gloss-bench-extract: extraction speed over a corpus folder, in one process on one thread.
//
//   gloss-bench-extract DIR [--repeat N] [--limit N]
//
// Reads every *.html, *.htm, *.html.gz and *.htm.gz under DIR into memory first (gunzipped), then for each
// page times (a) a bare libxml2 parse of the page's UTF-8 bytes (the same parser options as the extractor) and
// (b) the whole Extractor::extract (decode, parse, metadata, content, block model, reader text and HTML).
// Prints pages/s, mean/median/p95 ms per page, peak RSS, and the share of time that is HTML parsing.
#include "core/extraction/extractor.h"
#include "core/extraction/pagefile.h"
#include "core/extraction/textdecoder.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <algorithm>
#include <libxml/HTMLparser.h>
#include <numeric>
#include <sys/resource.h>
#include <time.h>
#include <vector>

using namespace Gloss::Core;

namespace {

struct Page
{
    QString path;
    QByteArray bytes;
    QByteArray utf8;
};

// Per-page times are thread CPU time, not wall time: on a shared machine they stay meaningful when other
// processes compete for the cores (wall time is printed too).
double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    int repeat = 1;
    int limit = -1;
    QString dir;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--repeat" && i + 1 < args.size())
            repeat = std::max(1, args[++i].toInt());
        else if (args[i] == u"--limit" && i + 1 < args.size())
            limit = args[++i].toInt();
        else if (args[i] == u"-h" || args[i] == u"--help") {
            out << "Usage: gloss-bench-extract DIR [--repeat N] [--limit N]\n";
            return 0;
        } else
            dir = args[i];
    }
    if (dir.isEmpty()) {
        err << "Usage: gloss-bench-extract DIR [--repeat N] [--limit N]\n";
        return 2;
    }
    std::vector<Page> pages;
    QDirIterator it(dir,
        { QStringLiteral("*.html"), QStringLiteral("*.htm"), QStringLiteral("*.html.gz"), QStringLiteral("*.htm.gz") },
        QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        if (path.endsWith(u"/expected.html"))
            continue; // readability-test-pages ground truth
        if (limit >= 0 && qsizetype(pages.size()) >= limit)
            break;
        auto page = PageFile::read(path); // decompresses .gz
        if (!page)
            continue;
        Page p { path, std::move(page->bytes), {} };
        const TextDecoder::Decoded d = TextDecoder::decode(p.bytes, {}, true);
        p.utf8 = d.text.toUtf8();
        pages.push_back(std::move(p));
    }
    if (pages.empty()) {
        err << "gloss-bench-extract: no pages under " << dir << '\n';
        return 1;
    }
    xmlInitParser();
    std::vector<double> extractMs, parseMs;
    qint64 totalBytes = 0;
    int failures = 0;
    QElapsedTimer wall;
    wall.start();
    double extractTotal = 0, parseTotal = 0;
    for (int r = 0; r < repeat; ++r) {
        for (const Page &p : pages) {
            double t0 = cpuMs();
            htmlDocPtr doc = htmlReadMemory(p.utf8.constData(), int(p.utf8.size()), nullptr, "UTF-8",
                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT
                    | HTML_PARSE_IGNORE_ENC);
            xmlFreeDoc(doc);
            const double pm = cpuMs() - t0;
            ExtractOptions o;
            o.fileName = QFileInfo(p.path).fileName().remove(QStringLiteral(".gz"));
            t0 = cpuMs();
            const auto result = Extractor::extract(p.bytes, o);
            const double em = cpuMs() - t0;
            if (!result)
                ++failures;
            parseMs.push_back(pm);
            extractMs.push_back(em);
            parseTotal += pm;
            extractTotal += em;
            totalBytes += p.bytes.size();
        }
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const double n = double(extractMs.size());
    out << "pages:            " << pages.size() << " x " << repeat << " (" << failures << " failed), "
        << QString::number(double(totalBytes) / n / 1024.0, 'f', 1) << " KiB mean page\n";
    out << "throughput:       " << QString::number(n / (extractTotal / 1000.0), 'f', 1)
        << " pages/s (extraction, CPU time), " << QString::number(n / (double(wall.nsecsElapsed()) / 1e9), 'f', 1)
        << " pages/s wall incl. the bare-parse runs\n";
    out << "extract ms/page:  mean " << QString::number(extractTotal / n, 'f', 3) << "  median "
        << QString::number(percentile(extractMs, 0.5), 'f', 3) << "  p95 "
        << QString::number(percentile(extractMs, 0.95), 'f', 3) << "  max "
        << QString::number(percentile(extractMs, 1.0), 'f', 3) << '\n';
    out << "bare parse ms:    mean " << QString::number(parseTotal / n, 'f', 3) << "  median "
        << QString::number(percentile(parseMs, 0.5), 'f', 3) << '\n';
    out << "time share:       parse " << QString::number(100.0 * parseTotal / extractTotal, 'f', 1)
        << "%  extraction (everything else) "
        << QString::number(100.0 * (extractTotal - parseTotal) / extractTotal, 'f', 1)
        << "%; median page: extract/parse = "
        << QString::number(percentile(extractMs, 0.5) / std::max(1e-9, percentile(parseMs, 0.5)), 'f', 2) << "x\n";
    out << "peak RSS:         " << QString::number(double(usage.ru_maxrss) / 1024.0, 'f', 1) << " MiB\n";
    return failures == int(n) ? 1 : 0;
}

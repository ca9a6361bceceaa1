// export_bench: time and peak memory of exporting 1,000,000 annotations in every format (issue 6: under 10 s
// each for JSONL, CSV and JSON-LD). Articles are built once (a pool reused with new ids, so that building them
// is not timed) and streamed through each exporter into a temporary file (a folder for brat, `--null` for
// /dev/null). Wall time and the process's CPU time (user + system) are printed: on a loaded machine only the
// second is comparable between runs. Peak RSS is the process's high-water mark (VmHWM), reset before each format
// through /proc/self/clear_refs, so each figure is that format's own peak, the ~pool included.
//
// Usage: export_bench [--annotations N] [--per-article N] [--formats a,b,...] [--null]
// Exit status 0 when every export succeeded, 1 otherwise, 2 on bad arguments.

#include "core/export/exporterregistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>
#include <sys/resource.h>

using namespace Gloss::Core;
using namespace Qt::StringLiterals;

namespace {

qint64 statusKb(const char *key)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toLongLong();
    return -1;
}

/// User + system CPU seconds of this process so far: on a shared, loaded machine this is the figure that does
/// not depend on what else runs (wall time does).
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void resetPeak()
{
    QFile f(u"/proc/self/clear_refs"_s);
    if (f.open(QIODevice::WriteOnly))
        f.write("5"); // Linux >= 4.0: reset VmHWM to the current RSS
}

qint64 du(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return info.size();
    qint64 total = 0;
    for (const QFileInfo &f : QDir(path).entryInfoList(QDir::Files))
        total += f.size();
    return total;
}

/// One article of `count` annotations over a text of mixed scripts (Latin, an emoji, CJK, Hebrew).
ExportArticle makeArticle(qint64 id, int count, QRandomGenerator &random)
{
    static const QStringList words { u"Serbia"_s, u"and"_s, u"NATO"_s, u"said"_s, u"the"_s, u"minister"_s,
        u"Belgrade"_s, u"on"_s, u"Tuesday"_s, u"😀"_s, u"北京"_s, u"שלום"_s, u"café"_s, u"agreement"_s, u"\"quoted,"_s,
        u"talks"_s };
    static const QStringList labels { u"PERSON"_s, u"ORG"_s, u"GPE"_s, u"LOC"_s, u"NORP"_s, u"EVENT"_s };
    ExportArticle a;
    a.article.id = id;
    a.article.sourceUrl = u"https://news.example/article/%1"_s.arg(id);
    a.article.snapshotSha256 = QString::fromLatin1(QByteArray(64, 'a'));
    a.article.current.id = id * 10;
    a.article.current.metadata.title = u"Article %1"_s.arg(id);
    a.article.current.metadata.language = u"en"_s;
    a.article.current.created = QDateTime::currentDateTimeUtc();
    QString text;
    QList<std::pair<qsizetype, qsizetype>> spans; // code points
    qsizetype cp = 0;
    for (int i = 0; i < count * 6; ++i) {
        const QString &w = words[random.bounded(words.size())];
        if (i % 6 == 2)
            spans.append({ cp, cp + w.toUcs4().size() });
        text += w;
        cp += w.toUcs4().size();
        if (i % 60 == 59) {
            text += u".\n\n"_s;
            cp += 3;
        } else {
            text += u' ';
            ++cp;
        }
    }
    a.article.current.readerText = text;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count && i < spans.size(); ++i) {
        Annotation an;
        an.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        an.articleId = id;
        an.versionId = id * 10;
        an.position = TextPositionSelector { spans[i].first, spans[i].second };
        an.quote = quoteSelectorAt(text, an.position);
        an.creator = u"bench"_s;
        an.created = now;
        an.modified = now;
        switch (i % 4) {
        case 0:
            an.kind = AnnotationKind::Claim;
            an.label = u"claim"_s;
            an.attributes = QJsonObject { { u"checkworthy"_s, true }, { u"verdict"_s, u"false"_s } };
            an.note = u"=needs a source, \"really\""_s;
            break;
        case 3:
            an.kind = AnnotationKind::Highlight;
            an.label = u"yellow"_s;
            break;
        default:
            an.kind = AnnotationKind::Entity;
            an.label = labels[i % labels.size()];
            an.kbId = u"Q%1"_s.arg(random.bounded(1, 100000));
        }
        a.annotations.append(an);
    }
    return a;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Time and peak RSS of exporting N annotations per format."_s);
    parser.addHelpOption();
    parser.addOption({ u"annotations"_s, u"Annotations in all (default 1000000)."_s, u"N"_s, u"1000000"_s });
    parser.addOption({ u"per-article"_s, u"Annotations per article (default 1000)."_s, u"N"_s, u"1000"_s });
    parser.addOption({ u"formats"_s, u"Comma-separated formats (default: all)."_s, u"LIST"_s });
    parser.addOption({ u"null"_s, u"Write to /dev/null instead of a temporary file."_s });
    parser.process(app);
    bool ok1 = false, ok2 = false;
    const qint64 total = parser.value(u"annotations"_s).toLongLong(&ok1);
    const int perArticle = parser.value(u"per-article"_s).toInt(&ok2);
    if (!ok1 || !ok2 || total <= 0 || perArticle <= 0) {
        std::fprintf(stderr, "export_bench: --annotations and --per-article take positive numbers\n");
        return 2;
    }
    const ExporterRegistry registry;
    const QStringList formats
        = parser.isSet(u"formats"_s) ? parser.value(u"formats"_s).split(u',') : registry.formats();

    QRandomGenerator random(42);
    QList<ExportArticle> pool;
    for (int i = 0; i < 8; ++i)
        pool.append(makeArticle(i + 1, perArticle, random));
    const qint64 articles = (total + perArticle - 1) / perArticle;
    std::printf("%lld annotations in %lld articles of %d (text %lld UTF-16 units each); pool RSS %lld MB\n",
        static_cast<long long>(total), static_cast<long long>(articles), perArticle,
        static_cast<long long>(pool.first().article.current.readerText.size()),
        static_cast<long long>(statusKb("VmRSS:") / 1024));
    std::printf("%-13s %9s %9s %12s %11s %10s\n", "format", "wall s", "CPU s", "annot./s", "peak RSS MB", "output MB");

    int status = 0;
    for (const QString &format : formats) {
        QTemporaryDir dir;
        auto exporter = registry.create(format);
        if (!exporter) {
            std::fprintf(stderr, "export_bench: %s\n", qPrintable(exporter.error().message));
            return 2;
        }
        const QString out = dir.filePath(u"out"_s);
        QFile file(parser.isSet(u"null"_s) ? u"/dev/null"_s : out);
        ExportTarget target;
        if ((*exporter)->writesDirectory()) {
            target.directory = out;
        } else {
            if (!file.open(QIODevice::WriteOnly)) {
                std::fprintf(stderr, "export_bench: cannot write %s\n", qPrintable(file.fileName()));
                return 1;
            }
            target.device = &file;
        }
        resetPeak();
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = cpuSeconds();
        auto r = (*exporter)->begin(target);
        qint64 left = total;
        for (qint64 i = 0; r && left > 0; ++i) {
            ExportArticle a = pool[i % pool.size()];
            a.article.id = i + 1;
            if (left < a.annotations.size())
                a.annotations.resize(left);
            left -= a.annotations.size();
            r = (*exporter)->writeArticle(a);
        }
        if (r)
            r = (*exporter)->finish();
        file.close();
        const double seconds = timer.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds() - cpuStart;
        if (!r) {
            std::fprintf(stderr, "export_bench: %s: %s\n", qPrintable(format), qPrintable(r.error().message));
            status = 1;
            continue;
        }
        std::printf("%-13s %9.2f %9.2f %12.0f %11lld %10.0f\n", qPrintable(format), seconds, cpu, total / seconds,
            static_cast<long long>(statusKb("VmHWM:") / 1024), du(out) / 1e6);
        std::fflush(stdout);
    }
    return status;
}

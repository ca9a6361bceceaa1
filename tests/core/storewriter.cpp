// gloss_storewriter: a helper process for tst_durability and tests/scripts/kill-test.sh. It writes to a store
// through the real repositories and reports each write on stdout only after its transaction committed, so a
// parent that kills it with SIGKILL knows what must be in the store:
//   "I <id>"  annotation <id> committed        "d <id>" about to delete <id>   "D <id>" deletion committed
//   "A <id>"  article <id> (new or new version) committed
// Usage: gloss_storewriter DB SEED [--count N]   (write forever, or N annotation inserts, then exit 0)
//        gloss_storewriter DB --hold-lock MS     (take the write lock, print "locked", hold it MS ms, exit)
#include "core/storage/annotationrepository.h"
#include "storagefixture.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QThread>
#include <cstdio>
#include <unistd.h>

using namespace Gloss::Core;

namespace {

void say(const QByteArray &line)
{
    const QByteArray l = line + '\n';
    // write(2) straight to the pipe: nothing sits in a stdio buffer when the kill comes.
    qsizetype done = 0;
    while (done < l.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, l.constData() + done, size_t(l.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

int die(const Error &e)
{
    std::fprintf(stderr, "storewriter: %s\n", qPrintable(e.message));
    return 3;
}

QString words(QRandomGenerator &rng, int count)
{
    static const char *vocabulary[]
        = { "minister", "denied", "report", "election", "border", "talks", "army", "budget", "court", "protest",
              "energy", "treaty", "Belgrade", "Moscow", "São", "Paulo", "Vučić", "council", "vote", "claim" };
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(QString::fromUtf8(vocabulary[rng.bounded(int(std::size(vocabulary)))]));
    return out.join(QLatin1Char(' ')) + QLatin1Char('.');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    auto opened = Database::open(args.at(1));
    if (!opened)
        return die(opened.error());
    Database &db = **opened;

    if (args.at(2) == u"--hold-lock") {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return 3;
        say("locked");
        QThread::msleep(args.value(3).toULong());
        q.exec(QStringLiteral("ROLLBACK"));
        return 0;
    }

    QRandomGenerator rng(args.at(2).toUInt());
    const int count = args.indexOf(QStringLiteral("--count")) > 0
        ? args.value(args.indexOf(QStringLiteral("--count")) + 1).toInt()
        : -1;
    AnnotationRepository annotations(db);
    ArticleRepository articles(db);

    auto article = [&](int n) -> Result<qint64> {
        auto r = StorageFixture::storeArticle(db, QStringLiteral("https://kill.test/%1").arg(n),
            QStringLiteral("Article %1").arg(n), words(rng, 200 + int(rng.bounded(400))));
        if (!r)
            return std::unexpected(r.error());
        say("A " + QByteArray::number(r->articleId));
        return r->articleId;
    };
    auto ids = articles.articleIds();
    if (!ids)
        return die(ids.error());
    QList<qint64> known = *ids;
    if (known.isEmpty()) {
        auto id = article(0);
        if (!id)
            return die(id.error());
        known.append(*id);
    }

    auto makeOne = [&](qint64 articleId) {
        const QString quote = words(rng, 1 + int(rng.bounded(4)));
        Annotation a = makeAnnotation(AnnotationKind::Claim, QStringLiteral("claim"), QStringLiteral("writer"));
        a.articleId = articleId;
        a.versionId = articles.article(articleId)->currentVersionId;
        a.quote.exact = quote;
        a.position.start = rng.bounded(1000);
        a.position.end = a.position.start + quote.size();
        a.note = rng.bounded(3) == 0 ? words(rng, 3 + int(rng.bounded(10))) : QString();
        return a;
    };

    for (int done = 0; count < 0 || done < count;) {
        const int op = count < 0 ? int(rng.bounded(100)) : 0;
        const qint64 articleId = known.at(rng.bounded(int(known.size())));
        if (op < 65) {
            Annotation a = makeOne(articleId);
            if (auto r = annotations.insert(a); !r)
                return die(r.error());
            say("I " + a.id.toLatin1());
            ++done;
        } else if (op < 80) {
            QList<Annotation> batch;
            for (int i = 0; i < 5; ++i)
                batch.append(makeOne(articleId));
            if (auto r = annotations.insertAll(batch); !r)
                return die(r.error());
            for (const Annotation &a : batch)
                say("I " + a.id.toLatin1());
        } else if (op < 90) {
            auto list = annotations.forArticle(articleId);
            if (!list)
                return die(list.error());
            if (list->isEmpty())
                continue;
            const QString id = list->at(rng.bounded(int(list->size()))).id;
            say("d " + id.toLatin1());
            if (auto r = annotations.remove(id); !r)
                return die(r.error());
            say("D " + id.toLatin1());
        } else {
            // A new article, or a new version of a known one (bigger transactions: snapshot, version, FTS).
            auto id = article(int(rng.bounded(50)));
            if (!id)
                return die(id.error());
            if (!known.contains(*id))
                known.append(*id);
        }
    }
    return 0;
}

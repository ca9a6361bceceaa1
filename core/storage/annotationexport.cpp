#include "annotationexport.h"

#include "annotationrepository.h"
#include "articlerepository.h"
#include "entityrepository.h"
#include "searchindex.h"

#include "core/export/exporterregistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Gloss::Core {

bool AnnotationSelection::accepts(const Annotation &a) const
{
    return (kinds.isEmpty() || kinds.contains(a.kind)) && (labels.isEmpty() || labels.contains(a.label))
           && (creators.isEmpty() || creators.contains(a.creator));
}

bool AnnotationSelection::acceptsDate(const Article &article) const
{
    if (!from.isValid() && !to.isValid())
        return true;
    QDateTime when = QDateTime::fromString(article.current.metadata.published, Qt::ISODate);
    if (!when.isValid())
        when = article.imported;
    return (!from.isValid() || when >= from) && (!to.isValid() || when < to);
}

Result<ExportReport> exportAnnotations(Database &database, const AnnotationSelection &selection, Exporter &exporter,
                                       const ExportTarget &target,
                                       const std::function<bool(qsizetype, qsizetype)> &progress)
{
    ArticleRepository articles(database);
    AnnotationRepository annotations(database);
    QList<qint64> ids = selection.articleIds;
    if (ids.isEmpty()) {
        SearchOptions search;
        search.limit = 0;
        search.filter = selection.filter;
        auto all = selection.query.trimmed().isEmpty() ? articles.articleIds(selection.filter)
                                                       : SearchIndex(database).matchingArticleIds(selection.query, search);
        if (!all)
            return std::unexpected(all.error());
        ids = *all;
        std::sort(ids.begin(), ids.end());
    }
    // Entity names for the formats that print them (CSV, brat, Markdown); the registry is small next to the
    // annotations, so it is read once.
    QHash<QString, QString> entityNames;
    auto entities = EntityRepository(database).all();
    if (!entities)
        return std::unexpected(entities.error());
    for (const EntityUsage &e : std::as_const(*entities))
        entityNames.insert(e.entity.id, e.entity.name);

    if (auto r = exporter.begin(target); !r)
        return std::unexpected(r.error());
    qsizetype done = 0;
    qsizetype written = 0;
    for (qint64 id : std::as_const(ids)) {
        if (selection.articleLimit > 0 && written >= selection.articleLimit)
            break;
        auto article = articles.article(id);
        if (!article)
            return std::unexpected(article.error());
        auto list = annotations.forArticle(id);
        if (!list)
            return std::unexpected(list.error());
        ExportArticle item;
        item.article = *article;
        for (const Annotation &a : std::as_const(*list))
            if (!a.entityId.isEmpty() && entityNames.contains(a.entityId))
                item.entityNames.insert(a.entityId, entityNames.value(a.entityId));
        for (const Annotation &a : std::as_const(*list))
            if (selection.accepts(a))
                item.annotations.append(a);
        const bool wanted = selection.acceptsDate(item.article)
                            && (!item.annotations.isEmpty() || selection.includeArticlesWithoutAnnotations
                                || !selection.articleIds.isEmpty());
        if (wanted) {
            if (auto r = exporter.writeArticle(item); !r)
                return std::unexpected(r.error());
            ++written;
        }
        ++done;
        if (progress && !progress(done, ids.size()))
            return fail(QStringLiteral("The export was cancelled."));
    }
    if (auto r = exporter.finish(); !r)
        return std::unexpected(r.error());
    return exporter.report();
}

Result<ExportReport> exportToPath(Database &database, const AnnotationSelection &selection, const QString &format,
                                  const ExportOptions &options, const QString &path,
                                  const std::function<bool(qsizetype, qsizetype)> &progress)
{
    auto exporter = ExporterRegistry().create(format, options);
    if (!exporter)
        return std::unexpected(exporter.error());
    const auto writeError = [&path](const QString &why) {
        return std::unexpected(Error{QStringLiteral("Cannot write %1: %2").arg(path, why), Error::Io});
    };
    ExportTarget target;
    if ((*exporter)->writesDirectory()) {
        if (!QDir().mkpath(path))
            return writeError(QStringLiteral("the folder cannot be created"));
        target.directory = path;
        return exportAnnotations(database, selection, **exporter, target, progress);
    }
    // A regular file is replaced all or nothing; a device or pipe must be written in place, since QSaveFile
    // would rename a temporary file over it.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        QFile device(path);
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return writeError(device.errorString());
        target.device = &device;
        auto report = exportAnnotations(database, selection, **exporter, target, progress);
        if (report && device.error() != QFileDevice::NoError)
            return writeError(device.errorString());
        return report;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file.errorString());
    target.device = &file;
    auto report = exportAnnotations(database, selection, **exporter, target, progress);
    if (!report) {
        file.cancelWriting();
        return report;
    }
    if (!file.commit())
        return writeError(file.errorString());
    return report;
}

} // namespace Gloss::Core

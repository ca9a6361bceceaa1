#include "annotationimport.h"

#include "annotationrepository.h"
#include "articlelookup.h"
#include "articlerepository.h"
#include "database.h"
#include "entityrepository.h"

#include "core/annotation/entity.h"
#include "core/export/bratimporter.h"
#include "core/export/importmatcher.h"
#include "core/export/webannotationimporter.h"

#include <QHash>

#include <algorithm>

namespace Gloss::Core {

AnnotationImport::AnnotationImport(Database &database)
    : m_database(database)
{
}

Result<void> AnnotationImport::store(QList<Annotation> annotations, ImportReport &report)
{
    m_alreadyStored = 0;
    m_alreadyAnnotated = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_database.transaction([&]() -> Result<void> {
        AnnotationRepository repository(m_database);
        EntityRepository entities(m_database);
        // Per article, the placed annotations it holds (stored, then imported here), to skip the same annotation
        // arriving under another id (another format's export of it), as CreateAnnotationCommand refuses one.
        QHash<qint64, QList<Annotation>> placed;
        const auto placedOn = [&](qint64 articleId) -> Result<QList<Annotation> *> {
            auto it = placed.find(articleId);
            if (it == placed.end()) {
                auto stored = repository.forArticle(articleId);
                if (!stored)
                    return std::unexpected(stored.error());
                QList<Annotation> anchored;
                for (const Annotation &s : std::as_const(*stored))
                    if (s.status != AnchorStatus::Orphaned)
                        anchored.append(s);
                it = placed.insert(articleId, anchored);
            }
            return &*it;
        };
        for (Annotation &a : annotations) {
            if (!a.created.isValid())
                a.created = now;
            if (!a.modified.isValid())
                a.modified = a.created;
            if (repository.annotation(a.id)) {
                ++m_alreadyStored;
                ++report.skipped;
                if (a.status == AnchorStatus::Orphaned)
                    --report.orphaned;
                else
                    --report.imported;
                report.messages << QStringLiteral("%1: already stored, skipped").arg(a.id);
                continue;
            }
            if (a.status != AnchorStatus::Orphaned) {
                auto same = placedOn(a.articleId);
                if (!same)
                    return std::unexpected(same.error());
                const bool duplicate = std::any_of((*same)->cbegin(), (*same)->cend(), [&a](const Annotation &s) {
                    return s.kind == a.kind && s.label == a.label && s.position == a.position;
                });
                if (duplicate) {
                    ++m_alreadyAnnotated;
                    ++report.skipped;
                    --report.imported;
                    report.messages << QStringLiteral("%1: \"%2\" is already annotated as %3 there, skipped")
                                           .arg(a.id,
                                                a.quote.exact.left(60),
                                                a.kind == AnnotationKind::Entity ? a.label : toString(a.kind));
                    continue;
                }
                (*same)->append(a);
            }
            if (!a.entityId.isEmpty() && !entities.entity(a.entityId)) {
                Entity e = makeEntity(a.quote.exact.simplified(), a.label, Entity::isWikidataId(a.kbId) ? a.kbId : QString());
                e.id = a.entityId;
                if (auto r = entities.insert(e); !r)
                    return r;
            }
            if (auto r = repository.insert(a); !r)
                return r;
        }
        return {};
    });
}

Result<ImportReport> AnnotationImport::importWebAnnotations(const QByteArray &bytes, qint64 articleId)
{
    ImportReport report;
    auto items = WebAnnotationImporter::read(bytes, &report);
    if (!items)
        return std::unexpected(items.error());
    if (items->isEmpty())
        return fail(QStringLiteral("No W3C Web Annotation with a text quote selector was found (%1).")
                        .arg(report.messages.isEmpty() ? QStringLiteral("is it an annotation file?")
                                                       : report.messages.first()));
    if (articleId != 0) {
        if (auto article = ArticleRepository(m_database).article(articleId); !article)
            return std::unexpected(article.error());
    }

    ArticleLookup lookup(m_database);
    ArticleRepository articles(m_database);
    QHash<qint64, ImportArticle> cache;
    ImportMatcher matcher([&](const ImportedAnnotation &item) -> std::optional<ImportArticle> {
        std::optional<qint64> id;
        if (articleId != 0)
            id = articleId;
        if (!id && !item.snapshotSha256.isEmpty())
            if (auto found = lookup.bySnapshotSha256(item.snapshotSha256); found)
                id = *found;
        if (!id && !item.source.isEmpty())
            if (auto found = lookup.bySourceUrl(item.source); found)
                id = *found;
        if (!id)
            return std::nullopt;
        if (!cache.contains(*id)) {
            auto article = articles.article(*id);
            if (!article)
                return std::nullopt;
            cache.insert(*id, ImportArticle{article->id, article->currentVersionId, article->current.readerText});
        }
        return cache.value(*id);
    });
    const QList<Annotation> placed = matcher.place(*items, report);
    if (auto r = store(placed, report); !r)
        return std::unexpected(r.error());
    return report;
}

Result<ImportReport> AnnotationImport::importBrat(qint64 articleId, const QString &ann, const QString &txt,
                                                  const QString &creator)
{
    auto article = ArticleRepository(m_database).article(articleId);
    if (!article)
        return std::unexpected(article.error());
    ImportReport report;
    BratImporter::Options options;
    options.articleId = articleId;
    options.versionId = article->currentVersionId;
    options.creator = creator;
    auto annotations = BratImporter::read(ann, txt, article->current.readerText, options, &report);
    if (!annotations)
        return std::unexpected(annotations.error());
    if (auto r = store(*annotations, report); !r)
        return std::unexpected(r.error());
    return report;
}

} // namespace Gloss::Core

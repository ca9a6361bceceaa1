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

namespace {

/// The registry entity an imported entity mention without a link belongs to, resolved as `annotate --entity`
/// resolves one: the entity with the mention's Wikidata id, else the one of the mention's type (label) known by
/// its text (name or alias, case-insensitive), else a new one (name: the text, type: the label, the Wikidata id),
/// inserted here. An entity found by name that has no KB id learns the mention's, and so do its earlier mentions
/// that have none (so that every export agrees). A Wikidata id that is already another type's entity is not
/// taken over: the mention links by name, with a message. std::nullopt when the mention has no text to name one.
Result<std::optional<Entity>> resolveEntity(Database &database, const Annotation &a, QStringList &messages)
{
    EntityRepository entities(database);
    const QString name = a.quote.exact.simplified();
    QString kbId = Entity::isWikidataId(a.kbId) ? a.kbId : QString();
    if (!kbId.isEmpty()) {
        auto byKb = entities.findByKbId(kbId);
        if (!byKb)
            return std::unexpected(byKb.error());
        if (*byKb && (*byKb)->type == a.label)
            return *byKb;
        if (*byKb) {
            messages << QStringLiteral("%1: %2 is already the %3 entity \"%4\"; \"%5\" (%6) is linked by its name")
                            .arg(a.id, kbId, (*byKb)->type, (*byKb)->name, name.left(60), a.label);
            kbId.clear();
        }
    }
    if (name.isEmpty())
        return std::optional<Entity>();
    auto byName = entities.findByName(name, a.label);
    if (!byName)
        return std::unexpected(byName.error());
    if (*byName && (kbId.isEmpty() || (*byName)->kbId.isEmpty() || (*byName)->kbId == kbId)) {
        if ((*byName)->kbId.isEmpty() && !kbId.isEmpty()) {
            auto taught = entities.giveKbId(**byName, kbId);
            if (!taught)
                return std::unexpected(taught.error());
            return std::optional<Entity>(*taught);
        }
        return std::optional<Entity>(**byName);
    }
    const Entity e = makeEntity(name, a.label, kbId);
    if (auto r = entities.insert(e); !r)
        return std::unexpected(r.error());
    return std::optional<Entity>(e);
}

} // namespace

Result<void> AnnotationImport::store(QList<Annotation> annotations, ImportReport &report, EntityLinking linking)
{
    m_alreadyStored = 0;
    m_alreadyAnnotated = 0;
    m_linkedExisting = 0;
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
        // The entity an imported entity mention links to (empty when none): the one it names, created when the
        // registry lacks it (name: the mention's quote, type: its label, KB id); for a mention without a link,
        // with EntityLinking::Resolve, the one resolveEntity() finds or creates.
        const auto linkFor = [&](Annotation &a) -> Result<void> {
            if (a.kind != AnnotationKind::Entity)
                return {};
            if (a.entityId.isEmpty()) {
                if (linking != EntityLinking::Resolve)
                    return {};
                auto e = resolveEntity(m_database, a, report.messages);
                if (!e)
                    return std::unexpected(e.error());
                if (!*e)
                    return {};
                a.entityId = (*e)->id;
                if (a.kbId.isEmpty())
                    a.kbId = (*e)->kbId;
                return {};
            }
            if (entities.entity(a.entityId))
                return {};
            const QString kbId = Entity::isWikidataId(a.kbId) ? a.kbId : QString();
            Entity e = makeEntity(a.quote.exact.simplified(), a.label, kbId);
            e.id = a.entityId;
            return entities.insert(e);
        };
        // A stored entity mention that the import skips as a duplicate of `a` but that has no entity link gets
        // the link `a` brings (or resolves to), so that importing the same mentions again, in any format, can
        // fill the links an earlier import did not make (a brat import before mentions were linked).
        const auto fillLink = [&](const QString &storedId, Annotation &a) -> Result<void> {
            auto stored = repository.annotation(storedId);
            if (!stored)
                return std::unexpected(stored.error());
            if (stored->kind != AnnotationKind::Entity || !stored->entityId.isEmpty() || a.kind != stored->kind
                || a.label != stored->label)
                return {};
            if (auto r = linkFor(a); !r)
                return r;
            if (a.entityId.isEmpty())
                return {};
            stored->entityId = a.entityId;
            if (stored->kbId.isEmpty())
                stored->kbId = a.kbId;
            if (auto r = repository.update(*stored); !r)
                return r;
            if (auto it = placed.find(stored->articleId); it != placed.end())
                for (Annotation &p : *it)
                    if (p.id == stored->id)
                        p = *stored;
            ++m_linkedExisting;
            const auto entity = entities.entity(stored->entityId);
            report.messages << QStringLiteral("%1: the stored mention \"%2\" had no entity, linked it to \"%3\" (%4)")
                                   .arg(stored->id, stored->quote.exact.left(60),
                                        entity ? entity->name : stored->entityId, stored->label);
            return {};
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
                if (auto r = fillLink(a.id, a); !r)
                    return r;
                continue;
            }
            QList<Annotation> *same = nullptr;
            if (a.status != AnchorStatus::Orphaned) {
                auto list = placedOn(a.articleId);
                if (!list)
                    return std::unexpected(list.error());
                same = *list;
                const auto duplicate = std::find_if(same->cbegin(), same->cend(), [&a](const Annotation &s) {
                    return s.kind == a.kind && s.label == a.label && s.position == a.position;
                });
                if (duplicate != same->cend()) {
                    const QString storedId = duplicate->id;
                    ++m_alreadyAnnotated;
                    ++report.skipped;
                    --report.imported;
                    report.messages << QStringLiteral("%1: \"%2\" is already annotated as %3 there, skipped")
                                           .arg(a.id,
                                                a.quote.exact.left(60),
                                                a.kind == AnnotationKind::Entity ? a.label : toString(a.kind));
                    if (auto r = fillLink(storedId, a); !r)
                        return r;
                    continue;
                }
            }
            if (auto r = linkFor(a); !r)
                return r;
            if (same)
                same->append(a);
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
    // Mentions without a link (files from other tools) are linked as brat's are, so that the registry covers them.
    if (auto r = store(placed, report, EntityLinking::Resolve); !r)
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
    if (auto r = store(*annotations, report, EntityLinking::Resolve); !r)
        return std::unexpected(r.error());
    return report;
}

} // namespace Gloss::Core

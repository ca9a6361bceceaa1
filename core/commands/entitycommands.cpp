#include "entitycommands.h"

#include "annotationbuilder.h"
#include "core/anchoring/occurrences.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/database.h"
#include "core/storage/entityrepository.h"

namespace Gloss::Core {

namespace {

/// The word of `text` around `span` (code points): the span widened up to the word boundaries of
/// untaggedOccurrences() (at most 30 code points each way, for the message).
QString enclosingWord(const QString &text, TextPositionSelector span)
{
    const QList<uint> ucs4 = text.toUcs4();
    qsizetype start = span.start;
    qsizetype end = span.end;
    while (start > 0 && span.start - start < 30 && !isWordBoundary(ucs4.at(start - 1), ucs4.at(start)))
        --start;
    while (end < ucs4.size() && end - span.end < 30 && !isWordBoundary(ucs4.at(end - 1), ucs4.at(end)))
        ++end;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData() + start), end - start);
}

} // namespace

CreateEntityCommand::CreateEntityCommand(Database &database, Entity entity)
    : m_database(database)
    , m_entity(std::move(entity))
{
}

QString CreateEntityCommand::text() const
{
    return QStringLiteral("Add entity %1").arg(m_entity.name);
}

Result<void> CreateEntityCommand::redo()
{
    return EntityRepository(m_database).insert(m_entity);
}

Result<void> CreateEntityCommand::undo()
{
    return EntityRepository(m_database).remove(m_entity.id);
}

UpdateEntityCommand::UpdateEntityCommand(Database &database, Entity updated)
    : m_database(database)
    , m_updated(std::move(updated))
{
}

QString UpdateEntityCommand::text() const
{
    return QStringLiteral("Edit entity %1").arg(m_updated.name);
}

Result<void> UpdateEntityCommand::redo()
{
    EntityRepository repository(m_database);
    auto previous = repository.entity(m_updated.id);
    if (!previous)
        return std::unexpected(previous.error());
    m_previous = *previous;
    return repository.update(m_updated);
}

Result<void> UpdateEntityCommand::undo()
{
    return EntityRepository(m_database).update(m_previous);
}

MergeEntitiesCommand::MergeEntitiesCommand(Database &database, QString keptId, QString mergedId)
    : m_database(database)
    , m_keptId(std::move(keptId))
    , m_mergedId(std::move(mergedId))
{
}

QString MergeEntitiesCommand::text() const
{
    return QStringLiteral("Merge entities");
}

Result<void> MergeEntitiesCommand::redo()
{
    if (m_keptId == m_mergedId)
        return fail(QStringLiteral("An entity cannot be merged into itself."));
    return m_database.transaction([this]() -> Result<void> {
        EntityRepository entities(m_database);
        AnnotationRepository annotations(m_database);
        auto kept = entities.entity(m_keptId);
        if (!kept)
            return std::unexpected(kept.error());
        auto merged = entities.entity(m_mergedId);
        if (!merged)
            return std::unexpected(merged.error());
        auto mentions = entities.mentionIds(m_mergedId);
        if (!mentions)
            return std::unexpected(mentions.error());
        // Mentions keep their labels: merging an ORG into a GPE would link ORG mentions to a place.
        if (!kept->type.isEmpty() && !merged->type.isEmpty()
            && kept->type.compare(merged->type, Qt::CaseInsensitive) != 0)
            return fail(QStringLiteral("Cannot merge %1 (%2) into %3 (%4): their types differ.")
                            .arg(merged->name, merged->type, kept->name, kept->type));
        m_keptBefore = *kept;
        m_merged = *merged;
        m_relinked = *mentions;
        m_relinkedKbIds.clear();
        Entity result = mergedEntity(*kept, *merged);
        if (result.type.isEmpty())
            result.type = merged->type;
        for (const QString &id : std::as_const(m_relinked)) {
            auto a = annotations.annotation(id);
            if (!a)
                return std::unexpected(a.error());
            m_relinkedKbIds.insert(id, a->kbId);
            a->entityId = result.id;
            if (a->kbId.isEmpty() || a->kbId == merged->kbId)
                a->kbId = result.kbId;
            if (auto u = annotations.update(*a); !u)
                return u;
        }
        if (auto u = entities.update(result); !u)
            return u;
        return entities.remove(m_mergedId);
    });
}

Result<void> MergeEntitiesCommand::undo()
{
    return m_database.transaction([this]() -> Result<void> {
        EntityRepository entities(m_database);
        AnnotationRepository annotations(m_database);
        if (auto r = entities.insert(m_merged); !r)
            return r;
        if (auto r = entities.update(m_keptBefore); !r)
            return r;
        for (const QString &id : std::as_const(m_relinked)) {
            auto a = annotations.annotation(id);
            if (!a)
                return std::unexpected(a.error());
            a->entityId = m_merged.id;
            // A mention's own KB id may differ from its entity's (or be empty): put back what it had.
            a->kbId = m_relinkedKbIds.value(id, m_merged.kbId);
            if (auto u = annotations.update(*a); !u)
                return u;
        }
        return {};
    });
}

TagAllOccurrencesCommand::TagAllOccurrencesCommand(Database &database, ArticleVersion version, QString quote,
                                                   QString type, QString entityId, QString kbId, QString creator)
    : m_database(database)
    , m_version(std::move(version))
    , m_quote(std::move(quote))
    , m_type(std::move(type))
    , m_entityId(std::move(entityId))
    , m_kbId(std::move(kbId))
    , m_creator(std::move(creator))
{
}

QString TagAllOccurrencesCommand::text() const
{
    return QStringLiteral("Tag all occurrences of %1").arg(m_quote);
}

Result<void> TagAllOccurrencesCommand::redo()
{
    // A redo after an undo puts back the very same mentions (same ids), so that later commands that refer to
    // them still apply.
    if (m_done)
        return AnnotationRepository(m_database).insertAll(m_created);
    const QString needle = m_quote.normalized(QString::NormalizationForm_C).simplified();
    if (needle.isEmpty())
        return fail(QStringLiteral("The quote is empty."));
    AnnotationRepository annotations(m_database);
    auto existing = annotations.forArticle(m_version.articleId);
    if (!existing)
        return std::unexpected(existing.error());
    QList<TextPositionSelector> tagged;
    for (const Annotation &a : std::as_const(*existing))
        if (a.kind == AnnotationKind::Entity && a.status != AnchorStatus::Orphaned)
            tagged.append(a.position);
    const QList<TextPositionSelector> all = untaggedOccurrences(m_version.readerText, needle, {});
    const QList<TextPositionSelector> spans = untaggedOccurrences(m_version.readerText, needle, tagged);
    m_created.clear();
    m_skipped = int(all.size() - spans.size());
    for (const TextPositionSelector &span : spans) {
        auto a = annotationForRange(m_version, span, AnnotationKind::Entity, m_type, m_creator);
        if (!a)
            return std::unexpected(a.error());
        a->entityId = m_entityId;
        a->kbId = m_kbId;
        m_created.append(*a);
    }
    if (m_created.isEmpty() && m_skipped == 0) {
        // Say why nothing was tagged: the quote may be there, but only as part of longer words ("Serbi" in
        // "Serbia"), which "tag all" leaves alone while tagging one occurrence would not.
        const QList<TextPositionSelector> inside
            = untaggedOccurrences(m_version.readerText, needle, {}, Qt::CaseSensitive, false);
        if (!inside.isEmpty())
            return fail(QStringLiteral("\"%1\" occurs %2 %3, but only inside longer words (such as \"%4\"); tag "
                                       "occurrences one at a time, or select the whole word.")
                            .arg(needle)
                            .arg(inside.size())
                            .arg(inside.size() == 1 ? QStringLiteral("time") : QStringLiteral("times"))
                            .arg(enclosingWord(m_version.readerText, inside.first())));
        return fail(QStringLiteral("\"%1\" does not occur in the article text.").arg(needle));
    }
    auto r = annotations.insertAll(m_created);
    m_done = bool(r);
    return r;
}

Result<void> TagAllOccurrencesCommand::undo()
{
    return m_database.transaction([this]() -> Result<void> {
        AnnotationRepository annotations(m_database);
        for (const Annotation &a : std::as_const(m_created))
            if (auto r = annotations.remove(a.id); !r)
                return r;
        return {};
    });
}

Result<std::unique_ptr<Command>> makeReattachCommand(Database &database, const Annotation &annotation,
                                                     const ArticleVersion &version, TextPositionSelector range)
{
    auto placed = annotationForRange(version, range, annotation.kind, annotation.label, annotation.creator);
    if (!placed)
        return std::unexpected(placed.error());
    Annotation updated = annotation;
    updated.versionId = version.id;
    updated.position = placed->position;
    updated.quote = placed->quote;
    updated.status = AnchorStatus::Exact;
    updated.modified = placed->modified;
    return std::unique_ptr<Command>(
        std::make_unique<UpdateAnnotationCommand>(database, updated, QStringLiteral("Re-attach annotation")));
}

} // namespace Gloss::Core

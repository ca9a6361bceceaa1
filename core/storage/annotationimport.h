#pragma once

#include "core/export/importreport.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Gloss::Core {

class Database;

/// Imports annotation sets into the store (issue 6, "Import"), in one transaction each (all or nothing).
/// Annotations whose id is already stored are skipped (so importing the same file twice adds nothing), and so
/// are placed annotations whose article already has one with the same span (start and end, code points), kind
/// and label under another id (the same annotations exported in another format, or earlier in the same file),
/// as `annotate` refuses them; both count as ImportReport::skipped, with a message each. Entity links to an
/// entity the registry lacks create it (name: the mention's quote, type: its label, KB id). When a skipped
/// annotation's stored twin is an entity mention without a link and the imported one has (or, from brat,
/// resolves to) an entity, the stored mention gets that link (linkedExisting(), a message each).
class AnnotationImport final
{
public:
    explicit AnnotationImport(Database &database);

    /// W3C Web Annotation JSON-LD (an AnnotationCollection, paged or not, one annotation, a JSON-LD lines file,
    /// or a Hypothesis API search result), as read by WebAnnotationImporter. Each annotation is matched to a
    /// stored article by its target source (the article's source or canonical URL) or snapshot hash
    /// (urn:sha256:), then re-anchored on the article's current reader text by its quote (ImportMatcher).
    /// With `articleId` != 0 every annotation is placed on that article, whatever its target source says (for
    /// annotations made on another copy of the same text). Annotations without a `created` time get the
    /// import time. Errors: unreadable input or no annotation in it (nothing is written), an unknown
    /// `articleId`, storage failure (rolled back).
    Result<ImportReport> importWebAnnotations(const QByteArray &bytes, qint64 articleId = 0);

    /// brat standoff for stored article `articleId`: `ann` is the .ann file, `txt` the .txt beside it, which
    /// must equal the article's current reader text (offsets are code points of it). brat has no entity links:
    /// each entity mention is linked as `annotate --entity` links one, to the registry entity with its Wikidata
    /// id (from an `N` normalization line such as `Reference T1 Wikidata:Q403`), else the one of its type known
    /// by its text (name or alias, case-insensitive), else a new entity (name: the text, type: the label, the
    /// Wikidata id), created in the import's transaction. Errors: no such article, a .txt that differs,
    /// malformed lines, storage failure.
    Result<ImportReport> importBrat(qint64 articleId, const QString &ann, const QString &txt, const QString &creator);

    /// How many of the last import's annotations were skipped because their id was already stored.
    qsizetype alreadyStored() const { return m_alreadyStored; }
    /// How many of the last import's annotations were skipped because the article already has an annotation
    /// with the same span (start and end in code points), kind and label (under another id: the same
    /// annotations imported before from another format, or made by hand).
    qsizetype alreadyAnnotated() const { return m_alreadyAnnotated; }
    /// How many stored entity mentions without an entity link the last import linked (each one skipped as
    /// already stored or already annotated, whose imported twin has a link).
    qsizetype linkedExisting() const { return m_linkedExisting; }

private:
    /// AsGiven: mentions keep the entity link the file gives (none when none); Resolve: mentions without one
    /// are linked to a registry entity found or created (brat, which cannot carry links, and W3C files from
    /// other tools, which do not).
    enum class EntityLinking { AsGiven, Resolve };
    Result<void> store(QList<Annotation> annotations, ImportReport &report, EntityLinking linking);

    Database &m_database;
    qsizetype m_alreadyStored = 0;
    qsizetype m_alreadyAnnotated = 0;
    qsizetype m_linkedExisting = 0;
};

} // namespace Gloss::Core

#pragma once

#include "core/annotation/annotation.h"
#include "core/export/exporter.h"
#include "core/result.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace Gloss::Core {

class Database;

/// Which annotations an export takes. Empty lists mean "all".
struct AnnotationSelection
{
    QList<qint64> articleIds;           ///< articles, in this order; empty: every article, by id
    QList<AnnotationKind> kinds;
    QStringList labels;
    QStringList creators;
    bool includeArticlesWithoutAnnotations = false;

    /// True when `annotation` passes the kind, label and creator filters.
    bool accepts(const Annotation &annotation) const;
};

/// Streams a selection from the store through `exporter` into `target`, one article at a time (memory stays
/// bounded by the largest article). `progress(done, total)` is called after each article; returning false
/// cancels (the result is then an error "cancelled"). Errors: unknown article ids, storage and write errors.
Result<ExportReport> exportAnnotations(Database &database, const AnnotationSelection &selection, Exporter &exporter,
                                       const ExportTarget &target,
                                       const std::function<bool(qsizetype, qsizetype)> &progress = {});

} // namespace Gloss::Core

#pragma once

#include "core/annotation/annotation.h"
#include "core/export/exporter.h"
#include "core/result.h"
#include "core/storage/articlerepository.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace Gloss::Core {

class Database;

/// Which annotations an export takes. Empty lists and fields mean "all"; set ones combine with AND.
struct AnnotationSelection
{
    QList<qint64> articleIds;           ///< articles, in this order; empty: every article matching the rest, by id
    LibraryFilter filter;               ///< collection, tag, reading state (when articleIds is empty)
    QString query;                      ///< a full-text search (SearchIndex syntax), when articleIds is empty
    QDateTime from;                     ///< articles published (else imported) at or after this time (UTC)
    QDateTime to;                       ///< ... and before this time; invalid: no bound
    QList<AnnotationKind> kinds;
    QStringList labels;
    QStringList creators;
    bool includeArticlesWithoutAnnotations = false;
    qsizetype articleLimit = 0;         ///< stop after writing this many articles (a preview); 0: no limit

    /// True when `annotation` passes the kind, label and creator filters.
    bool accepts(const Annotation &annotation) const;
    /// True when `article` falls in the date range (published time, else import time).
    bool acceptsDate(const Article &article) const;
};

/// Streams a selection from the store through `exporter` into `target`, one article at a time (memory stays
/// bounded by the largest article). `progress(done, total)` is called after each article; returning false
/// cancels (the result is then an error "cancelled"). Errors: unknown article ids, storage and write errors.
Result<ExportReport> exportAnnotations(Database &database, const AnnotationSelection &selection, Exporter &exporter,
                                       const ExportTarget &target,
                                       const std::function<bool(qsizetype, qsizetype)> &progress = {});

/// Exports a selection in `format` (an ExporterRegistry name) to `path`: a folder for formats that write one
/// (brat; created when missing), else a file written all-or-nothing through QSaveFile (a device or pipe such as
/// /dev/stdout is written in place). `progress` as for exportAnnotations(). Errors: unknown format (Usage),
/// unwritable path or write failure (Io; a partly written file is discarded), cancelled, storage.
Result<ExportReport> exportToPath(Database &database, const AnnotationSelection &selection, const QString &format,
                                  const ExportOptions &options, const QString &path,
                                  const std::function<bool(qsizetype, qsizetype)> &progress = {});

} // namespace Gloss::Core

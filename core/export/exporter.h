#pragma once

#include "core/annotation/annotation.h"
#include "core/document/article.h"
#include "core/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace Gloss::Core {

/// One article of an export with the annotations to write for it.
/// `article.current` is the version the annotations' offsets refer to: its readerText is the text that
/// start/end (Unicode code points, end exclusive) index, its metadata gives title, language and dates.
/// Annotations whose position is invalid (orphaned) are written where the format can say so (JSON-LD: quote
/// only; CSV, Markdown: empty offsets) and skipped with a report line where it cannot (brat, CoNLL, JSONL).
struct ExportArticle
{
    Article article;
    QList<Annotation> annotations;
    QHash<QString, QString> entityNames; ///< optional: registry entity id -> display name (CSV, brat, Markdown)
};

/// Format options; each exporter reads the ones that concern it and ignores the rest.
struct ExportOptions
{
    enum class Offsets { CodePoints, Utf16 };
    enum class Iob { Iob2, Iob1 };

    // jsonld / jsonld-lines
    QString collectionId; ///< "urn:uuid:..." IRI of the AnnotationCollection; empty: a fresh UUID
    QString collectionLabel = QStringLiteral("Gloss annotations");
    QDateTime generated; ///< the collection's `generated` time (UTC); invalid: now
    qsizetype pageSize = 0; ///< annotations per AnnotationPage; 0: one page holding every annotation
    bool pretty = true; ///< jsonld: indent with 2 spaces (jsonld-lines is always one line each)

    // jsonl spans
    Offsets offsets = Offsets::CodePoints; ///< jsonl: Utf16 for JavaScript tools (String.length units)

    // conll
    Iob iob = Iob::Iob2;

    // csv
    bool csvBom = false; ///< start with U+FEFF so that spreadsheets read UTF-8
    QStringList attributeColumns; ///< csv: claim attributes with a column of their own (others go to "attributes")

    // brat: labels to declare in annotation.conf even when no annotation uses them (e.g. from the label schema)
    QStringList entityTypes;
    QStringList claimLabels;

    QString generatorName; ///< jsonld: the `generator` Software name; empty: "Gloss <version>"
};

/// Where an exporter writes: a device (every format but brat) or a folder (brat; markdown optionally, one
/// file per article). The device must be open for writing and stays owned by the caller.
struct ExportTarget
{
    QIODevice *device = nullptr;
    QString directory;
};

/// What an export could not express. `skippedIds` lists annotation ids, `messages` readable lines for stderr.
struct ExportReport
{
    qsizetype articles = 0;
    qsizetype written = 0; ///< annotations written
    qsizetype skipped = 0; ///< annotations not written (orphaned, overlapping entity in CoNLL, ...)
    QStringList skippedIds;
    QStringList messages;
};

/// A streaming writer of annotation sets: begin(), then writeArticle() once per article in any number, then
/// finish(). Memory stays bounded by one article (plus the format's small per-label state); output is
/// flushed to the device as it is produced. Every step returns an Error (code Io) when the device or a file
/// cannot be written; after an error the exporter must not be used further.
class Exporter
{
public:
    virtual ~Exporter() = default;

    /// The registry name ("jsonld", "csv", ...).
    virtual QString format() const = 0;
    /// True when the target is a folder (ExportTarget::directory) rather than a device.
    virtual bool writesDirectory() const { return false; }

    virtual Result<void> begin(const ExportTarget &target) = 0;
    virtual Result<void> writeArticle(const ExportArticle &article) = 0;
    virtual Result<void> finish() = 0;

    /// Counts and the reasons of every skipped annotation; complete after finish().
    const ExportReport &report() const { return m_report; }

protected:
    /// Writes `bytes` fully to `device`; an Io error naming the device's errorString() otherwise.
    static Result<void> writeAll(QIODevice *device, const QByteArray &bytes);
    /// Records that annotation `id` was not written, with a reason for the report.
    void skip(const QString &id, const QString &reason);

    ExportReport m_report;
};

} // namespace Gloss::Core

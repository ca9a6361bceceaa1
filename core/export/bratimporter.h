#pragma once

#include "core/export/importreport.h"
#include "core/result.h"

#include <QDateTime>
#include <QStringList>

namespace Gloss::Core {

/// Reads a brat standoff `.ann` (https://brat.nlplab.org/standoff.html) into Annotation values for one stored
/// article whose reader text equals the document's `.txt` (brat offsets index that text in code points).
///   T lines -> annotations: kind from the type ("highlight", "note", a claim label of `claimLabels` -> claim,
///              anything else -> an entity of that type); position = first fragment start .. last fragment end
///   A lines -> attributes (a binary attribute -> true; a value that is a JSON number/true/false -> typed,
///              else the string)
///   N lines -> kbId (Wikidata:Q7184 -> "Q7184", KB:x -> "x", other DB:ID kept whole)
///   #  AnnotatorNotes -> note
/// Relations (R), events (E), equivalences (*) and other lines are counted as skipped with a message.
/// Annotation ids are UUIDv5 of the article id, type and offsets, so importing the same file twice gives the
/// same ids.
class BratImporter final
{
public:
    struct Options
    {
        qint64 articleId = 0;
        qint64 versionId = 0;
        QString creator;
        QDateTime created; ///< invalid: now (UTC, ms)
        QStringList claimLabels { QStringLiteral("claim") }; ///< brat types imported as claims
    };

    /// Errors: Error::User when `txt` differs from `readerText` (the offsets would point elsewhere) or an
    /// annotation's offsets fall outside the text. Lines that cannot be read are skipped and reported.
    static Result<QList<Annotation>> read(const QString &ann, const QString &txt, const QString &readerText,
        const Options &options, ImportReport *report = nullptr);
};

} // namespace Gloss::Core

#pragma once

#include "core/export/exporter.h"

namespace Gloss::Core {

/// CoNLL-2003 NER columns (Tjong Kim Sang & De Meulder, "Introduction to the CoNLL-2003 Shared Task:
/// Language-Independent Named Entity Recognition", CoNLL 2003): one token per line as
///   <token> _ _ <tag>
/// (the POS and chunk columns are "_": Gloss has neither), a blank line after each sentence, and per article a
/// `-DOCSTART- -X- -X- O` line followed by a blank line. Tokens are the word segments of the reader text from
/// QTextBoundaryFinder (ICU, UAX #29) without the whitespace ones; sentences are its sentence segments, so a
/// block (paragraph) break always ends a sentence. Only entity annotations are written.
///
/// Tags: IOB2 (default; B- on the first token of every entity) or IOB1 (ExportOptions::Iob::Iob1, the
/// original CoNLL-2003 scheme; B- only on the first token of an entity that directly follows another entity
/// of the same type). A token gets the type of the entity it overlaps.
///
/// One tag per token cannot express overlapping or nested entities: they are resolved by keeping the
/// earliest-starting, then the longest entity, and every other entity that overlaps a kept one is skipped and
/// named in report() (count and ids), never dropped silently. Entities whose edges fall inside a token are
/// written (the whole token is tagged) and listed in report().messages as not aligned.
class ConllExporter final : public Exporter
{
public:
    explicit ConllExporter(ExportOptions options = {});

    QString format() const override;
    Result<void> begin(const ExportTarget &target) override;
    Result<void> writeArticle(const ExportArticle &article) override;
    Result<void> finish() override;

    /// A token: its text and [start, end) in UTF-16 units of the text it was cut from.
    struct Token
    {
        qsizetype start = 0;
        qsizetype end = 0;
        bool sentenceStart = false;
    };
    /// The tokens of `text` (UTF-16 offsets), as written by this exporter.
    static QList<Token> tokenize(const QString &text);

private:
    ExportOptions m_options;
    QIODevice *m_device = nullptr;
    qsizetype m_notEntities = 0;
};

} // namespace Gloss::Core

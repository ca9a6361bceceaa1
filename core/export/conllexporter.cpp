#include "conllexporter.h"

#include "core/anchoring/codepointindex.h"

#include <QIODevice>
#include <QTextBoundaryFinder>
#include <algorithm>

namespace Gloss::Core {

using namespace Qt::StringLiterals;

ConllExporter::ConllExporter(ExportOptions options)
    : m_options(std::move(options))
{ }

QString ConllExporter::format() const
{
    return u"conll"_s;
}

Result<void> ConllExporter::begin(const ExportTarget &target)
{
    m_device = target.device;
    if (!m_device || !m_device->isWritable())
        return fail(u"The CoNLL export needs an output file or stream open for writing"_s, Error::Usage);
    return {};
}

QList<ConllExporter::Token> ConllExporter::tokenize(const QString &text)
{
    QList<qsizetype> sentenceStarts;
    QTextBoundaryFinder sentences(QTextBoundaryFinder::Sentence, text);
    for (qsizetype p = sentences.toNextBoundary(); p >= 0 && p < text.size(); p = sentences.toNextBoundary())
        sentenceStarts.append(p);

    QList<Token> tokens;
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, text);
    qsizetype from = 0;
    auto nextSentence = sentenceStarts.cbegin();
    bool newSentence = true;
    for (qsizetype to = words.toNextBoundary(); to >= 0; from = to, to = words.toNextBoundary()) {
        while (nextSentence != sentenceStarts.cend() && *nextSentence <= from) {
            newSentence = true;
            ++nextSentence;
        }
        if (to <= from)
            continue;
        bool blank = true;
        for (qsizetype i = from; i < to && blank; ++i)
            blank = text[i].isSpace() || text[i].category() == QChar::Other_Format;
        if (blank)
            continue;
        tokens.append(Token { from, to, newSentence });
        newSentence = false;
    }
    return tokens;
}

Result<void> ConllExporter::writeArticle(const ExportArticle &article)
{
    ++m_report.articles;
    const QString &text = article.article.current.readerText;
    const CodePointIndex index(text);

    // Entities in UTF-16 units, earliest first, then longest; overlaps with a kept entity are reported.
    struct Span
    {
        qsizetype start, end;
        const Annotation *annotation;
    };
    QList<Span> spans;
    for (const Annotation &an : article.annotations) {
        if (an.kind != AnnotationKind::Entity) {
            ++m_notEntities;
            continue;
        }
        if (!an.position.isValid() || an.status == AnchorStatus::Orphaned) {
            skip(an.id, u"orphaned: no position in the current text"_s);
            continue;
        }
        if (an.position.end > index.codePointLength() || an.position.start == an.position.end) {
            skip(an.id, u"empty or beyond the text"_s);
            continue;
        }
        spans.append(Span { index.toUtf16(an.position.start), index.toUtf16(an.position.end), &an });
    }
    std::stable_sort(spans.begin(), spans.end(),
        [](const Span &a, const Span &b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
    QList<Span> kept;
    qsizetype overlapped = 0;
    for (const Span &s : std::as_const(spans)) {
        if (!kept.isEmpty() && s.start < kept.last().end) {
            ++overlapped;
            skip(s.annotation->id,
                u"overlaps or is nested in entity %1; CoNLL has one tag per token"_s.arg(kept.last().annotation->id));
            continue;
        }
        kept.append(s);
    }
    if (overlapped)
        m_report.messages.append(
            u"article %1: %2 overlapping or nested entities not written"_s.arg(article.article.id).arg(overlapped));

    const QList<Token> tokens = tokenize(text);
    QByteArray out = "-DOCSTART- -X- -X- O\n";
    auto span = kept.cbegin();
    const Annotation *previousEntity = nullptr; // the entity of the previous token, in this sentence
    QList<const Annotation *> aligned;
    for (const Token &token : tokens) {
        while (span != kept.cend() && span->end <= token.start)
            ++span;
        // A sentence break the segmenter puts inside an entity ("Dr. José") is not taken: one mention stays
        // one entity in one sentence.
        const bool insideEntity = span != kept.cend() && span->start < token.start;
        if (token.sentenceStart && !insideEntity) {
            out.append('\n');
            previousEntity = nullptr;
        }
        QByteArray tag = "O";
        const Annotation *entity = nullptr;
        if (span != kept.cend() && span->start < token.end) {
            entity = span->annotation;
            if ((span->start > token.start || span->end < token.end) && !aligned.contains(entity)) {
                aligned.append(entity);
                m_report.messages.append(
                    u"%1: entity edges fall inside a token; the whole token is tagged"_s.arg(entity->id));
            }
            QString label = entity->label.isEmpty() ? u"MISC"_s : entity->label;
            for (QChar &c : label)
                if (c.isSpace())
                    c = u'_'; // the tag is one column
            const QByteArray type = label.toUtf8();
            bool begins = entity != previousEntity;
            if (m_options.iob == ExportOptions::Iob::Iob1)
                begins = begins && previousEntity && previousEntity->label == entity->label;
            tag = (begins ? "B-" : "I-") + type;
        }
        previousEntity = entity;
        out.append(QStringView(text).mid(token.start, token.end - token.start).toUtf8());
        out.append(" _ _ ").append(tag).append('\n');
    }
    out.append('\n');
    m_report.written += kept.size();
    return writeAll(m_device, out);
}

Result<void> ConllExporter::finish()
{
    if (m_notEntities > 0)
        m_report.messages.append(
            u"%1 claims, highlights and notes are not part of a CoNLL export (entities only)"_s.arg(m_notEntities));
    return {};
}

} // namespace Gloss::Core

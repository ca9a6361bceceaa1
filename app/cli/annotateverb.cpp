#include "clicommon.h"
#include "verbs.h"

#include "core/commands/annotationbuilder.h"
#include "core/commands/annotationcommands.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Gloss::Cli {

namespace {
QString defaultCreator()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("gloss") : user;
}
} // namespace

int annotateVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("claim"), QStringLiteral("Mark QUOTE as a claim."), QStringLiteral("QUOTE")});
    parser.addOption({QStringLiteral("entity"), QStringLiteral("Tag the quote (the positional argument) as an entity "
                                                               "of TYPE (PERSON, ORG, GPE, LOC, NORP, EVENT, MISC...)."),
                      QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("highlight"), QStringLiteral("Highlight QUOTE."), QStringLiteral("QUOTE")});
    parser.addOption({QStringLiteral("kb-id"), QStringLiteral("Knowledge-base id of the entity (e.g. Q7184)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("occurrence"), QStringLiteral("Which occurrence of the quote (1-based)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("note"), QStringLiteral("A free-text note."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("creator"), QStringLiteral("Annotator name (default: $USER)."),
                      QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Article id."));
    parser.addPositionalArgument(QStringLiteral("quote"), QStringLiteral("With --entity: the quote."), QStringLiteral("[QUOTE]"));
    if (int rc = parseArguments(parser, QStringLiteral("annotate"), arguments))
        return rc < 0 ? 0 : rc;

    const QStringList positional = parser.positionalArguments();
    const int modes = int(parser.isSet(QStringLiteral("claim"))) + int(parser.isSet(QStringLiteral("entity")))
                      + int(parser.isSet(QStringLiteral("highlight")));
    if (modes != 1) {
        err() << "gloss-cli annotate: give exactly one of --claim QUOTE, --entity TYPE QUOTE, --highlight QUOTE\n";
        return 2;
    }
    const bool entity = parser.isSet(QStringLiteral("entity"));
    if (positional.size() != (entity ? 2 : 1)) {
        err() << "gloss-cli annotate: usage: annotate ID --claim QUOTE | --entity TYPE QUOTE [--kb-id ID] "
                 "[--occurrence N]\n";
        return 2;
    }
    const auto id = parseId(positional.first());
    if (!id)
        return 2;
    int occurrence = 0;
    if (parser.isSet(QStringLiteral("occurrence"))) {
        bool ok = false;
        occurrence = parser.value(QStringLiteral("occurrence")).toInt(&ok);
        if (!ok || occurrence < 1) {
            err() << "gloss-cli annotate: --occurrence takes a number from 1\n";
            return 2;
        }
    }
    Core::AnnotationKind kind = Core::AnnotationKind::Claim;
    QString label = QStringLiteral("claim");
    QString quote = parser.value(QStringLiteral("claim"));
    if (entity) {
        kind = Core::AnnotationKind::Entity;
        label = parser.value(QStringLiteral("entity")).trimmed().toUpper();
        quote = positional.at(1);
        static const QRegularExpression typePattern(QStringLiteral("^[A-Z][A-Z0-9_-]*$"));
        if (!typePattern.match(label).hasMatch()) {
            err() << "gloss-cli annotate: '" << parser.value(QStringLiteral("entity"))
                  << "' is not an entity type (letters, digits, _ or -, e.g. PERSON)\n";
            return 2;
        }
    } else if (parser.isSet(QStringLiteral("highlight"))) {
        kind = Core::AnnotationKind::Highlight;
        label = QStringLiteral("yellow");
        quote = parser.value(QStringLiteral("highlight"));
    }

    auto store = openStore(parser);
    if (!store)
        return 1;
    auto article = Core::ArticleRepository(*store).article(*id);
    if (!article)
        return report(article.error());
    auto annotation = Core::annotationForQuote(article->current, quote, occurrence, kind, label,
                                               parser.isSet(QStringLiteral("creator"))
                                                   ? parser.value(QStringLiteral("creator"))
                                                   : defaultCreator());
    if (!annotation)
        return report(annotation.error());
    annotation->kbId = parser.value(QStringLiteral("kb-id")).trimmed();
    annotation->note = parser.value(QStringLiteral("note"));
    Core::CreateAnnotationCommand command(*store, *annotation);
    if (auto r = command.redo(); !r)
        return report(r.error());
    out() << annotation->id << '\t' << Core::toString(kind) << '\t' << label << '\t' << annotation->position.start
          << '\t' << annotation->position.end << '\n';
    out().flush();
    return 0;
}

int annotationsVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Article id."));
    if (int rc = parseArguments(parser, QStringLiteral("annotations"), arguments))
        return rc < 0 ? 0 : rc;
    if (parser.positionalArguments().size() != 1) {
        err() << "gloss-cli annotations: name one article id\n";
        return 2;
    }
    const auto id = parseId(parser.positionalArguments().first());
    if (!id)
        return 2;
    auto store = openStore(parser);
    if (!store)
        return 1;
    if (auto article = Core::ArticleRepository(*store).article(*id); !article)
        return report(article.error());
    auto list = Core::AnnotationRepository(*store).forArticle(*id);
    if (!list)
        return report(list.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Core::Annotation &a : *list) {
            const bool orphan = a.status == Core::AnchorStatus::Orphaned;
            array.append(QJsonObject{
                {QStringLiteral("id"), a.id},
                {QStringLiteral("kind"), Core::toString(a.kind)},
                {QStringLiteral("label"), a.label},
                {QStringLiteral("quote"), a.quote.exact},
                {QStringLiteral("prefix"), a.quote.prefix},
                {QStringLiteral("suffix"), a.quote.suffix},
                {QStringLiteral("start"), orphan ? QJsonValue() : QJsonValue(qint64(a.position.start))},
                {QStringLiteral("end"), orphan ? QJsonValue() : QJsonValue(qint64(a.position.end))},
                {QStringLiteral("status"), Core::toString(a.status)},
                {QStringLiteral("kbId"), a.kbId},
                {QStringLiteral("note"), a.note},
                {QStringLiteral("creator"), a.creator},
                {QStringLiteral("created"), a.created.toString(Qt::ISODateWithMs)},
            });
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const Core::Annotation &a : *list)
            out() << a.id << '\t' << Core::toString(a.kind) << '\t' << a.label << '\t' << a.position.start << '-'
                  << a.position.end << '\t' << Core::toString(a.status) << '\t' << a.quote.exact << '\n';
    }
    out().flush();
    return 0;
}

} // namespace Gloss::Cli

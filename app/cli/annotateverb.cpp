#include "clicommon.h"
#include "verbs.h"

#include "core/commands/annotationbuilder.h"
#include "core/annotation/labelschema.h"
#include "core/commands/annotationcommands.h"
#include "core/commands/entitycommands.h"
#include "core/storage/database.h"
#include "core/storage/entityrepository.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/articlerepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gloss::Cli {

namespace {
QString defaultCreator()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("gloss") : user;
}

/// The label schema named by --schema: a built-in id or a JSON file.
Core::Result<Core::LabelSchema> loadSchema(const QString &nameOrPath)
{
    if (Core::LabelSchema::builtInIds().contains(nameOrPath))
        return Core::LabelSchema::builtIn(nameOrPath);
    if (!QFileInfo::exists(nameOrPath))
        return Core::fail(QStringLiteral("'%1' is neither a built-in label schema (%2) nor a schema file.")
                              .arg(nameOrPath, Core::LabelSchema::builtInIds().join(QStringLiteral(", "))));
    auto schema = Core::LabelSchema::fromFile(nameOrPath);
    if (!schema)
        return Core::fail(schema.error().message);
    return schema;
}

/// The registry entity a new mention links to: the one with this KB id, else the one of this type known by
/// this name; a new one when there is none (its creation is added to `created`).
Core::Result<Core::Entity> resolveEntity(Core::Database &db, const QString &name, const QString &type,
                                         const QString &kbId, bool *isNew)
{
    Core::EntityRepository entities(db);
    *isNew = false;
    if (!kbId.isEmpty()) {
        auto byKb = entities.findByKbId(kbId);
        if (!byKb)
            return std::unexpected(byKb.error());
        if (*byKb && (*byKb)->type != type)
            return Core::fail(QStringLiteral("%1 is already the %2 entity \"%3\"; tag the mention as %2, or check the "
                                             "knowledge-base id.")
                                  .arg(kbId, (*byKb)->type, (*byKb)->name));
        if (*byKb)
            return **byKb;
    }
    auto byName = entities.findByName(name, type);
    if (!byName)
        return std::unexpected(byName.error());
    if (*byName && (kbId.isEmpty() || (*byName)->kbId.isEmpty() || (*byName)->kbId == kbId)) {
        // The entity learns its KB id: its earlier mentions carry it too, so that every export agrees.
        if ((*byName)->kbId.isEmpty() && !kbId.isEmpty())
            return entities.giveKbId(**byName, kbId);
        return **byName;
    }
    *isNew = true;
    return Core::makeEntity(name, type, kbId);
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
    parser.addOption({QStringLiteral("highlight"), QStringLiteral("Highlight QUOTE (colour: --color)."),
                      QStringLiteral("QUOTE")});
    parser.addOption({QStringLiteral("color"), QStringLiteral("Highlight colour name (default yellow)."),
                      QStringLiteral("NAME"), QStringLiteral("yellow")});
    parser.addOption({QStringLiteral("comment"), QStringLiteral("Attach a note (--note TEXT) to QUOTE."),
                      QStringLiteral("QUOTE")});
    parser.addOption({QStringLiteral("kb-id"), QStringLiteral("Knowledge-base id of the entity (e.g. Q7184)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("occurrence"), QStringLiteral("Which occurrence of the quote (1-based)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("note"), QStringLiteral("A free-text note."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("creator"), QStringLiteral("Annotator name (default: $USER)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("schema"),
                      QStringLiteral("Label schema: %1, or a JSON file (default gloss-default).")
                          .arg(Core::LabelSchema::builtInIds().join(QStringLiteral(", "))),
                      QStringLiteral("ID|FILE"), QStringLiteral("gloss-default")});
    parser.addOption({QStringLiteral("attr"), QStringLiteral("A claim attribute from the schema, e.g. verdict=refuted "
                                                             "(repeatable)."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption({QStringLiteral("entity-name"), QStringLiteral("Canonical name of the entity in the registry "
                                                                    "(default: the quote)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("With --entity: tag every occurrence of the quote "
                                                            "(skipping ones already tagged).")});
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Article id."));
    parser.addPositionalArgument(QStringLiteral("quote"), QStringLiteral("With --entity: the quote."), QStringLiteral("[QUOTE]"));
    if (int rc = parseArguments(parser, QStringLiteral("annotate"), arguments))
        return rc < 0 ? 0 : rc;

    const QStringList positional = parser.positionalArguments();
    const int modes = int(parser.isSet(QStringLiteral("claim"))) + int(parser.isSet(QStringLiteral("entity")))
                      + int(parser.isSet(QStringLiteral("highlight"))) + int(parser.isSet(QStringLiteral("comment")));
    if (modes != 1) {
        err() << "gloss-cli annotate: give exactly one of --claim QUOTE, --entity TYPE QUOTE, --highlight QUOTE, "
                 "--comment QUOTE\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("comment")) && parser.value(QStringLiteral("note")).trimmed().isEmpty()) {
        err() << "gloss-cli annotate: --comment needs --note TEXT\n";
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
    } else if (parser.isSet(QStringLiteral("highlight"))) {
        kind = Core::AnnotationKind::Highlight;
        label = parser.value(QStringLiteral("color")).trimmed().toLower();
        quote = parser.value(QStringLiteral("highlight"));
    } else if (parser.isSet(QStringLiteral("comment"))) {
        kind = Core::AnnotationKind::Note;
        label = QStringLiteral("note");
        quote = parser.value(QStringLiteral("comment"));
    }

    auto schema = loadSchema(parser.value(QStringLiteral("schema")));
    if (!schema)
        return report(schema.error());
    if (entity && !schema->entityType(label)) {
        QStringList names;
        for (const auto &type : std::as_const(schema->entityTypes))
            names << type.name;
        return report(Core::Error{QStringLiteral("'%1' is not an entity type of the schema %2 (%3).")
                                      .arg(label, schema->id, names.join(QStringLiteral(", "))),
                                  Core::Error::User});
    }
    QJsonObject attributes;
    if (kind == Core::AnnotationKind::Claim) {
        attributes = schema->defaultAttributes();
        for (const QString &pair : parser.values(QStringLiteral("attr"))) {
            const qsizetype eq = pair.indexOf(u'=');
            if (eq <= 0) {
                err() << "gloss-cli annotate: --attr takes NAME=VALUE, not '" << pair << "'\n";
                return 2;
            }
            const QString name = pair.left(eq);
            const QString value = pair.mid(eq + 1);
            const auto *attribute = schema->claimAttribute(name);
            bool isNumber = false;
            const int number = value.toInt(&isNumber);
            if (attribute && attribute->type == Core::LabelSchema::AttributeType::Integer && isNumber)
                attributes.insert(name, number);
            else if (attribute && attribute->type == Core::LabelSchema::AttributeType::Boolean
                     && (value == u"true" || value == u"false"))
                attributes.insert(name, value == u"true");
            else
                attributes.insert(name, value);
        }
        if (auto valid = schema->validateAttributes(attributes); !valid)
            return report(valid.error());
    } else if (parser.isSet(QStringLiteral("attr"))) {
        err() << "gloss-cli annotate: --attr is for claims\n";
        return 2;
    }
    const QString kbId = parser.value(QStringLiteral("kb-id")).trimmed();
    if (parser.isSet(QStringLiteral("kb-id")) && !Core::Entity::isWikidataId(kbId)) {
        err() << "gloss-cli annotate: --kb-id takes a Wikidata id such as Q7184, not '" << kbId << "'\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("all")) && (!entity || occurrence != 0)) {
        err() << "gloss-cli annotate: --all goes with --entity and without --occurrence\n";
        return 2;
    }
    const QString creator = parser.isSet(QStringLiteral("creator")) ? parser.value(QStringLiteral("creator"))
                                                                     : defaultCreator();

    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
    auto article = Core::ArticleRepository(*store).article(*id);
    if (!article)
        return report(article.error());

    // The mention(s), the registry entity they link to and its creation go in one transaction.
    QList<Core::Annotation> created;
    auto written = store->transaction([&]() -> Core::Result<void> {
        Core::Entity linked;
        if (entity) {
            bool isNew = false;
            const QString name = parser.isSet(QStringLiteral("entity-name"))
                                     ? parser.value(QStringLiteral("entity-name")).simplified()
                                     : quote.simplified();
            auto e = resolveEntity(*store, name, label, kbId, &isNew);
            if (!e)
                return std::unexpected(e.error());
            linked = *e;
            if (isNew)
                if (auto r = Core::CreateEntityCommand(*store, linked).redo(); !r)
                    return r;
        }
        if (parser.isSet(QStringLiteral("all"))) {
            Core::TagAllOccurrencesCommand tagAll(*store, article->current, quote, label, linked.id, linked.kbId, creator);
            if (auto r = tagAll.redo(); !r)
                return r;
            err() << "gloss-cli annotate: tagged " << tagAll.created()
                  << (tagAll.created() == 1 ? " occurrence, " : " occurrences, ") << tagAll.skipped()
                  << " already tagged\n";
            created = tagAll.createdAnnotations();
            return {};
        }
        auto annotation = Core::annotationForQuote(article->current, quote, occurrence, kind, label, creator);
        if (!annotation)
            return std::unexpected(annotation.error());
        annotation->kbId = entity ? linked.kbId : kbId;
        annotation->entityId = linked.id;
        annotation->note = parser.value(QStringLiteral("note"));
        annotation->attributes = attributes;
        if (auto r = Core::CreateAnnotationCommand(*store, *annotation).redo(); !r)
            return r;
        created.append(*annotation);
        return {};
    });
    if (!written)
        return report(written.error());
    for (const Core::Annotation &a : std::as_const(created))
        out() << a.id << '\t' << Core::toString(a.kind) << '\t' << a.label << '\t' << a.position.start << '\t'
              << a.position.end << '\n';
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
    const auto id = singleArticleId(parser, QStringLiteral("annotations"));
    if (!id)
        return 2;
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
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
                {QStringLiteral("entityId"), a.entityId.isEmpty() ? QJsonValue() : QJsonValue(a.entityId)},
                {QStringLiteral("attributes"), a.attributes},
                {QStringLiteral("note"), a.note},
                {QStringLiteral("creator"), a.creator},
                {QStringLiteral("created"), a.created.toString(Qt::ISODateWithMs)},
            });
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const Core::Annotation &a : *list) {
            const QString span = a.status == Core::AnchorStatus::Orphaned
                                     ? QStringLiteral("-")
                                     : QStringLiteral("%1-%2").arg(a.position.start).arg(a.position.end);
            out() << a.id << '\t' << Core::toString(a.kind) << '\t' << a.label << '\t' << span << '\t'
                  << Core::toString(a.status) << '\t' << a.quote.exact << '\n';
        }
    }
    out().flush();
    return 0;
}

} // namespace Gloss::Cli

#include "clicommon.h"
#include "verbs.h"

#include "core/commands/entitycommands.h"
#include "core/storage/entityrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Gloss::Cli {

int entitiesVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("merge"), QStringLiteral("Merge entity MERGED into KEPT (ids); every mention "
                                                              "follows."),
                      QStringLiteral("KEPT,MERGED")});
    parser.addOption({QStringLiteral("rename"), QStringLiteral("Rename entity ID to NAME (the old name becomes an "
                                                               "alias)."),
                      QStringLiteral("ID=NAME")});
    if (int rc = parseArguments(parser, QStringLiteral("entities"), arguments))
        return rc < 0 ? 0 : rc;
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;

    if (parser.isSet(QStringLiteral("merge"))) {
        const QStringList ids = parser.value(QStringLiteral("merge")).split(u',');
        if (ids.size() != 2) {
            err() << "gloss-cli entities: --merge takes KEPT,MERGED\n";
            return 2;
        }
        Core::MergeEntitiesCommand merge(*store, ids.at(0).trimmed(), ids.at(1).trimmed());
        if (auto r = merge.redo(); !r)
            return report(r.error());
    }
    if (parser.isSet(QStringLiteral("rename"))) {
        const QString value = parser.value(QStringLiteral("rename"));
        const qsizetype eq = value.indexOf(u'=');
        if (eq <= 0 || value.mid(eq + 1).trimmed().isEmpty()) {
            err() << "gloss-cli entities: --rename takes ID=NAME\n";
            return 2;
        }
        auto entity = Core::EntityRepository(*store).entity(value.left(eq).trimmed());
        if (!entity)
            return report(entity.error());
        Core::Entity renamed = *entity;
        renamed.name = value.mid(eq + 1).simplified();
        if (!renamed.aliases.contains(entity->name, Qt::CaseInsensitive) && renamed.name != entity->name)
            renamed.aliases.prepend(entity->name);
        renamed.aliases.removeAll(renamed.name);
        if (auto r = Core::UpdateEntityCommand(*store, renamed).redo(); !r)
            return report(r.error());
    }

    auto list = Core::EntityRepository(*store).all();
    if (!list)
        return report(list.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Core::EntityUsage &u : std::as_const(*list)) {
            QJsonObject o = u.entity.toJson();
            o.insert(QStringLiteral("mentions"), u.mentions);
            o.insert(QStringLiteral("articles"), u.articles);
            array.append(o);
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const Core::EntityUsage &u : std::as_const(*list))
            out() << u.entity.id << '\t' << u.entity.type << '\t' << u.entity.name << '\t'
                  << (u.entity.kbId.isEmpty() ? QStringLiteral("-") : u.entity.kbId) << '\t' << u.mentions
                  << " mentions in " << u.articles << " articles\n";
    }
    out().flush();
    return 0;
}

} // namespace Gloss::Cli

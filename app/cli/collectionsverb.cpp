#include "clicommon.h"
#include "core/storage/collectionrepository.h"
#include "verbs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gloss::Cli {

int collectionsVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print a JSON array (listing).") });
    parser.addPositionalArgument(QStringLiteral("action"),
        QStringLiteral("Nothing: list collections. add NAME ID...: put articles in a "
                       "collection (created when new). remove NAME ID...: take them out. "
                       "delete NAME: delete the collection (never its articles)."),
        QStringLiteral("[add|remove|delete NAME [ID...]]"));
    if (int rc = parseArguments(parser, QStringLiteral("collections"), arguments))
        return rc < 0 ? 0 : rc;
    const QStringList words = parser.positionalArguments();
    const QString action = words.value(0);
    if (!words.isEmpty() && action != u"add" && action != u"remove" && action != u"delete") {
        err() << "gloss-cli collections: unknown action '" << action << "' (add, remove, delete)\n";
        return 2;
    }
    if (!words.isEmpty() && (words.size() < 2 || (action != u"delete" && words.size() < 3))) {
        err() << "gloss-cli collections: " << action << " needs a collection name"
              << (action == u"delete" ? "" : " and article ids") << "\n";
        return 2;
    }
    QList<qint64> ids;
    for (const QString &word : words.mid(2)) {
        const auto id = parseId(word);
        if (!id)
            return 2;
        ids.append(*id);
    }
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
    Core::CollectionRepository repo(*store);

    if (words.isEmpty()) {
        auto list = repo.collections();
        if (!list)
            return report(list.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const Core::Collection &c : *list)
                array.append(QJsonObject { { QStringLiteral("id"), c.id }, { QStringLiteral("name"), c.name },
                    { QStringLiteral("description"), c.description }, { QStringLiteral("articles"), c.articleCount } });
            out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        } else {
            for (const Core::Collection &c : *list)
                out() << c.name << '\t' << c.articleCount << " articles\n";
        }
        out().flush();
        return 0;
    }

    const QString name = words.at(1);
    if (action == u"add") {
        // One transaction: an unknown article leaves no new, empty collection behind.
        if (auto r = repo.addArticles(name, ids); !r)
            return report(r.error());
        return 0;
    }
    auto collection = repo.find(name);
    if (!collection)
        return report(collection.error());
    if (!*collection)
        return report(Core::Error { QStringLiteral("There is no collection \"%1\".").arg(name), Core::Error::User });
    auto r = action == u"remove" ? repo.removeArticles((*collection)->id, ids) : repo.remove((*collection)->id);
    if (!r)
        return report(r.error());
    return 0;
}

} // namespace Gloss::Cli

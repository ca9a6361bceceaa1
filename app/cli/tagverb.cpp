#include "clicommon.h"
#include "core/storage/tagrepository.h"
#include "verbs.h"

namespace Gloss::Cli {

int tagVerb(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({ QStringLiteral("remove"), QStringLiteral("Remove the tags instead of adding them.") });
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Article id."), QStringLiteral("ID"));
    parser.addPositionalArgument(
        QStringLiteral("tags"), QStringLiteral("Tags to add (none: print the tags)."), QStringLiteral("[TAG...]"));
    if (int rc = parseArguments(parser, QStringLiteral("tag"), arguments))
        return rc < 0 ? 0 : rc;
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        err() << "gloss-cli tag: name an article id\n";
        return 2;
    }
    const auto id = parseId(words.first());
    if (!id)
        return 2;
    auto opened = openStore(parser);
    if (!opened)
        return report(opened.error());
    auto &store = *opened;
    Core::TagRepository repo(*store);
    const QStringList tags = words.mid(1);
    if (!tags.isEmpty()) {
        auto r = parser.isSet(QStringLiteral("remove")) ? repo.removeTags(*id, tags) : repo.addTags(*id, tags);
        if (!r)
            return report(r.error());
    }
    auto now = repo.tagsOf(*id);
    if (!now)
        return report(now.error());
    for (const QString &t : *now)
        out() << t << '\n';
    out().flush();
    return 0;
}

} // namespace Gloss::Cli

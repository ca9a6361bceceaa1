#pragma once

#include <QStringList>

// One function per gloss-cli verb, each in its own file (<verb>verb.cpp). `arguments` are the words after the
// verb. Each prints data to stdout and messages to stderr and returns the exit code of DESIGN.md's CLI
// conventions: 0 success, 1 user error (bad input, not found, ambiguous), 2 usage error, 3+ internal failure.
namespace Gloss::Cli {

int importVerb(const QStringList &arguments);
int showVerb(const QStringList &arguments);
int listVerb(const QStringList &arguments);
int annotateVerb(const QStringList &arguments);
int annotationsVerb(const QStringList &arguments);
int exportVerb(const QStringList &arguments);
int extractVerb(const QStringList &arguments);
int searchVerb(const QStringList &arguments);
int collectionsVerb(const QStringList &arguments);
int tagVerb(const QStringList &arguments);
int backupVerb(const QStringList &arguments);
int restoreVerb(const QStringList &arguments);
int entitiesVerb(const QStringList &arguments);
int importAnnotationsVerb(const QStringList &arguments);

} // namespace Gloss::Cli

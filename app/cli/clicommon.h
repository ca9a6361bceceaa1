#pragma once

#include "core/result.h"
#include "core/storage/database.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

// Shared plumbing of the gloss-cli verbs: option parsing, opening the store, printing errors.
namespace Gloss::Cli {

QTextStream &out();
QTextStream &err();

/// Adds the options every verb takes (--db PATH, --help).
void addCommonOptions(QCommandLineParser &parser);

/// Parses `arguments` (the words after the verb). Returns 0 to go on, or the exit code to return now
/// (2 after printing a usage error, 0 after --help).
int parseArguments(QCommandLineParser &parser, const QString &verb, const QStringList &arguments);

/// Opens the store named by --db (or the default one). Errors: those of Core::Database::open; report() prints
/// one and gives its exit code (1 for a wrong --db: missing folder, not a Gloss store; 5 for a store that
/// cannot be opened: locked, damaged, unreadable).
Core::Result<std::unique_ptr<Core::Database>> openStore(const QCommandLineParser &parser);

/// Prints "gloss-cli: MESSAGE" on stderr and returns the error's exit code.
int report(const Core::Error &error);

/// Parses an article id; prints an error and returns std::nullopt when it is not a positive integer.
std::optional<qint64> parseId(const QString &word);

/// The one positional argument of `verb`, an article id; prints a usage error and returns std::nullopt when
/// there is not exactly one or it is not an id (the verb then exits 2).
std::optional<qint64> singleArticleId(const QCommandLineParser &parser, const QString &verb);

/// 0 when `name` is empty or names a collection of `store`; else reports "There is no collection ..." (or the
/// storage error) and returns the exit code: an unknown collection is an error, not an empty result.
int checkCollection(Core::Database &store, const QString &name);

} // namespace Gloss::Cli

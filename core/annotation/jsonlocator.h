#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Gloss::Core {

/// Line numbers of the values in a JSON text, by path, so that validation errors can name "line 12" as well
/// as the field ("entityTypes[2].color"). QJsonDocument keeps no positions; this is a small second scan of
/// the same UTF-8 bytes (RFC 8259 grammar, no validation beyond what it needs: run it on text that
/// QJsonDocument::fromJson accepted).
///
/// Paths: "" is the root; object members append ".key" (no leading dot at the root: "entityTypes"); array
/// elements append "[i]" (0-based). Lines are 1-based.
class JsonLocator final
{
public:
    explicit JsonLocator(const QByteArray &json);

    /// Line of the value at `path` (for an object member: the line of its key), or of the nearest enclosing
    /// path that was found, or 1.
    int lineOf(const QString &path) const;
    /// Paths of object members that occur more than once in their object (QJsonDocument keeps only the last).
    const QList<QString> &duplicateKeys() const { return m_duplicates; }

    /// 1-based line and column (in bytes) of byte `offset` in `json`, e.g. for QJsonParseError::offset.
    static std::pair<int, int> lineAndColumn(const QByteArray &json, qsizetype offset);

private:
    void skipSpace();
    void parseValue(const QString &path);
    QString parseString();

    QByteArray m_json;
    qsizetype m_pos = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
    QList<QString> m_duplicates;
};

} // namespace Gloss::Core

#include "jsonlocator.h"

#include <QSet>

namespace Gloss::Core {

JsonLocator::JsonLocator(const QByteArray &json)
    : m_json(json)
{
    skipSpace();
    if (m_pos < m_json.size())
        parseValue(QString());
}

std::pair<int, int> JsonLocator::lineAndColumn(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return { line, column };
}

int JsonLocator::lineOf(const QString &path) const
{
    QString p = path;
    while (true) {
        const auto it = m_lines.constFind(p);
        if (it != m_lines.constEnd())
            return it.value();
        if (p.isEmpty())
            return 1;
        // Drop the last ".key" or "[i]".
        const qsizetype dot = p.lastIndexOf(u'.');
        const qsizetype bracket = p.lastIndexOf(u'[');
        p.truncate(std::max<qsizetype>(0, std::max(dot, bracket)));
    }
}

void JsonLocator::skipSpace()
{
    while (m_pos < m_json.size()) {
        const char c = m_json[m_pos];
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            return;
        ++m_pos;
    }
}

QString JsonLocator::parseString()
{
    // At the opening quote; returns the decoded text (escapes other than \" and \\ are kept raw: the text is
    // used as a key only).
    QByteArray out;
    ++m_pos;
    while (m_pos < m_json.size() && m_json[m_pos] != '"') {
        if (m_json[m_pos] == '\\' && m_pos + 1 < m_json.size()) {
            const char next = m_json[m_pos + 1];
            if (next == '"' || next == '\\' || next == '/')
                out.append(next);
            else
                out.append('\\').append(next);
            m_pos += 2;
            continue;
        }
        if (m_json[m_pos] == '\n')
            ++m_line;
        out.append(m_json[m_pos++]);
    }
    ++m_pos; // closing quote
    return QString::fromUtf8(out);
}

void JsonLocator::parseValue(const QString &path)
{
    skipSpace();
    if (m_pos >= m_json.size())
        return;
    if (!m_lines.contains(path))
        m_lines.insert(path, m_line);
    const char c = m_json[m_pos];
    if (c == '{') {
        ++m_pos;
        QSet<QString> seen;
        while (true) {
            skipSpace();
            if (m_pos >= m_json.size() || m_json[m_pos] == '}') {
                ++m_pos;
                return;
            }
            if (m_json[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            const int keyLine = m_line;
            const QString key = parseString();
            const QString child = path.isEmpty() ? key : path + u'.' + key;
            if (seen.contains(key))
                m_duplicates.append(child);
            seen.insert(key);
            m_lines.insert(child, keyLine);
            skipSpace();
            if (m_pos < m_json.size() && m_json[m_pos] == ':')
                ++m_pos;
            const int before = m_lines.value(child);
            parseValue(child);
            m_lines.insert(child, before); // an object member is reported at its key's line
        }
    }
    if (c == '[') {
        ++m_pos;
        int index = 0;
        while (true) {
            skipSpace();
            if (m_pos >= m_json.size() || m_json[m_pos] == ']') {
                ++m_pos;
                return;
            }
            if (m_json[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            parseValue(path + u'[' + QString::number(index++) + u']');
        }
    }
    if (c == '"') {
        parseString();
        return;
    }
    // Number or literal.
    while (m_pos < m_json.size()) {
        const char d = m_json[m_pos];
        if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\r' || d == '\n')
            return;
        ++m_pos;
    }
}

} // namespace Gloss::Core

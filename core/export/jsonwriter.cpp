#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <algorithm>
#include <cmath>

namespace Gloss::Core {

JsonWriter::JsonWriter(int indent, int baseDepth)
    : m_indent(indent)
    , m_baseDepth(baseDepth)
{ }

QByteArray JsonWriter::takeBuffer()
{
    QByteArray out;
    out.swap(m_out);
    return out;
}

void JsonWriter::newline(qsizetype level)
{
    if (m_indent <= 0)
        return;
    static constexpr char spaces[] = "                                                                ";
    m_out.append('\n');
    for (qsizetype n = (level + m_baseDepth) * m_indent; n > 0; n -= qsizetype(sizeof spaces - 1))
        m_out.append(spaces, std::min<qsizetype>(n, sizeof spaces - 1));
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_stack.isEmpty())
        return;
    Level &top = m_stack.last();
    if (top.singleLine) {
        if (top.count++ > 0)
            m_out.append(m_indent > 0 ? ", " : ",");
        return;
    }
    if (top.count++ > 0)
        m_out.append(',');
    newline(m_stack.size());
}

void JsonWriter::open(char bracket, bool object, bool singleLine)
{
    beforeValue();
    m_out.append(bracket);
    const bool inherited = !m_stack.isEmpty() && m_stack.last().singleLine;
    m_stack.append(Level { object, singleLine || inherited, 0 });
}

void JsonWriter::close(char bracket)
{
    const Level top = m_stack.takeLast();
    if (top.count > 0 && !top.singleLine)
        newline(m_stack.size());
    m_out.append(bracket);
}

void JsonWriter::beginObject(bool singleLine)
{
    open('{', true, singleLine);
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::beginArray(bool singleLine)
{
    open('[', false, singleLine);
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::key(QStringView name)
{
    beforeValue();
    appendString(m_out, name);
    m_out.append(m_indent > 0 ? ": " : ":");
    m_afterKey = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    beforeValue();
    m_out.append('"').append(name.data(), name.size()).append('"'); // keys given as Latin-1 literals need no escaping
    m_out.append(m_indent > 0 ? ": " : ":");
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    appendString(m_out, text);
}

void JsonWriter::value(QLatin1StringView text)
{
    // Mostly ASCII constants ("TextualBody"): copy them as they are when nothing needs escaping or encoding.
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
    });
    if (!plain) {
        value(QStringView(QString(text)));
        return;
    }
    beforeValue();
    m_out.append('"').append(text.data(), text.size()).append('"');
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    m_out.append(QByteArray::number(number));
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_out.append(flag ? "true" : "false");
}

void JsonWriter::rawValue(const QByteArray &json)
{
    beforeValue();
    m_out.append(json);
}

void JsonWriter::null()
{
    beforeValue();
    m_out.append("null");
}

void JsonWriter::value(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        break;
    case QJsonValue::Bool:
        value(json.toBool());
        break;
    case QJsonValue::Double: {
        const double d = json.toDouble();
        beforeValue();
        if (d == double(qint64(d)) && std::abs(d) < 9007199254740992.0)
            m_out.append(QByteArray::number(qint64(d)));
        else
            m_out.append(QByteArray::number(d, 'g', 17));
        break;
    }
    case QJsonValue::String:
        value(QStringView(json.toString()));
        break;
    case QJsonValue::Array:
        beginArray();
        for (const QJsonValue &v : json.toArray())
            value(v);
        endArray();
        break;
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject o = json.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            key(QStringView(it.key()));
            value(it.value());
        }
        endObject();
        break;
    }
    }
}

void JsonWriter::appendString(QByteArray &out, QStringView text)
{
    // Encodes UTF-16 to UTF-8 straight into `out` (no temporary): this is the hot loop of every JSON export.
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype n = text.size();
    const qsizetype start = out.size();
    out.resize(start + 2 + 3 * n); // worst case without escapes: 3 bytes per UTF-16 unit
    char *p = out.data() + start;
    *p++ = '"';
    const char16_t *s = text.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *p++ = char(c);
                continue;
            }
            // An escape takes up to 6 bytes: grow (keeping our position) before writing it.
            const qsizetype at = p - out.data();
            out.resize(out.size() + 6);
            p = out.data() + at;
            *p++ = '\\';
            switch (c) {
            case '"':
                *p++ = '"';
                break;
            case '\\':
                *p++ = '\\';
                break;
            case '\n':
                *p++ = 'n';
                break;
            case '\r':
                *p++ = 'r';
                break;
            case '\t':
                *p++ = 't';
                break;
            case '\b':
                *p++ = 'b';
                break;
            case '\f':
                *p++ = 'f';
                break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[c >> 4];
                *p++ = hex[c & 0xF];
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            const char32_t u = QChar::surrogateToUcs4(c, s[++i]);
            *p++ = char(0xF0 | (u >> 18));
            *p++ = char(0x80 | ((u >> 12) & 0x3F));
            *p++ = char(0x80 | ((u >> 6) & 0x3F));
            *p++ = char(0x80 | (u & 0x3F));
        } else {
            const char16_t u = QChar::isSurrogate(c) ? char16_t(0xFFFD) : c; // a lone surrogate is not UTF-8
            *p++ = char(0xE0 | (u >> 12));
            *p++ = char(0x80 | ((u >> 6) & 0x3F));
            *p++ = char(0x80 | (u & 0x3F));
        }
    }
    *p++ = '"';
    out.truncate(p - out.data());
}

} // namespace Gloss::Core

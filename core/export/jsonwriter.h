#pragma once

#include <QByteArray>
#include <QList>
#include <QStringView>

class QJsonValue;

namespace Gloss::Core {

/// A small streaming JSON (RFC 8259) writer that keeps keys in the order they are written, so that an
/// export's bytes are stable and readable (QJsonObject sorts its keys and needs the whole document in memory).
/// Output is UTF-8; strings are escaped per RFC 8259 §7 (", \, and U+0000..U+001F; everything else raw).
/// Output accumulates in buffer(); the caller drains it to a device whenever it wishes (takeBuffer()).
/// Misuse (a value where a key is expected) is a programming error and is not checked at run time.
class JsonWriter final
{
public:
    /// `indent` > 0 pretty-prints with that many spaces per level; 0 writes compact JSON.
    explicit JsonWriter(int indent = 0, int baseDepth = 0);

    /// `singleLine`: when pretty-printing, write this container and everything in it on one line
    /// (`{"type": "Person", "name": "alice"}`), for small leaf objects; no effect on compact output.
    void beginObject(bool singleLine = false);
    void endObject();
    void beginArray(bool singleLine = false);
    void endArray();
    /// The next value belongs to this key (inside an object).
    void key(QStringView name);
    void key(QLatin1StringView name);

    void value(QStringView text);
    void value(const QString &text) { value(QStringView(text)); }
    void value(QLatin1StringView text);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(bool flag);
    void null();
    /// Any QJsonValue, objects and arrays included (their keys in QJsonObject's sorted order).
    void value(const QJsonValue &json);

    /// A value already serialized by a JsonWriter with the same indent() and baseDepth() = depth() + baseDepth()
    /// of this one (so that pretty-printing lines up), appended as is.
    void rawValue(const QByteArray &json);

    /// key(name) then value(v), for the common case.
    template <typename K, typename V> void member(K name, const V &v)
    {
        key(name);
        value(v);
    }

    /// Depth of open objects/arrays (0 between top-level values).
    qsizetype depth() const { return m_stack.size(); }
    int indent() const { return m_indent; }
    int baseDepth() const { return m_baseDepth; }
    QByteArray &buffer() { return m_out; }
    /// Returns and clears what has been written so far.
    QByteArray takeBuffer();

    /// Appends `text` as a JSON string literal (quotes included) to `out`.
    static void appendString(QByteArray &out, QStringView text);

private:
    void beforeValue();
    void newline(qsizetype level);

    struct Level
    {
        bool object = false;
        bool singleLine = false;
        qsizetype count = 0;
    };
    void open(char bracket, bool object, bool singleLine);
    void close(char bracket);
    QList<Level> m_stack;
    QByteArray m_out;
    int m_indent = 0;
    int m_baseDepth = 0;
    bool m_afterKey = false;
};

} // namespace Gloss::Core

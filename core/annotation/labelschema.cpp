#include "labelschema.h"

#include "jsonlocator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUuid>
#include <array>
#include <cmath>
#include <utility>

namespace Gloss::Core {

namespace {

constexpr std::array attributeTypeNames { std::pair { LabelSchema::AttributeType::Choice, u"choice" },
    std::pair { LabelSchema::AttributeType::Integer, u"integer" },
    std::pair { LabelSchema::AttributeType::Boolean, u"boolean" },
    std::pair { LabelSchema::AttributeType::Text, u"text" }, std::pair { LabelSchema::AttributeType::Url, u"url" },
    std::pair { LabelSchema::AttributeType::Entity, u"entity" } };

QString quoted(const QJsonValue &value)
{
    if (value.isString())
        return u'"' + value.toString() + u'"';
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    return value.isArray() ? QStringLiteral("an array") : QStringLiteral("an object");
}

/// Why `value` is not a valid value of `attribute`, or an empty string when it is.
QString problemWith(const LabelSchema::ClaimAttribute &attribute, const QJsonValue &value)
{
    using Type = LabelSchema::AttributeType;
    switch (attribute.type) {
    case Type::Choice:
        if (!value.isString() || !attribute.values.contains(value.toString()))
            return QStringLiteral("%1 is not one of %2")
                .arg(quoted(value), attribute.values.join(QStringLiteral(", ")));
        return {};
    case Type::Integer: {
        const double d = value.toDouble(std::nan(""));
        if (!value.isDouble() || d != std::floor(d))
            return QStringLiteral("%1 is not an integer").arg(quoted(value));
        if (d < attribute.minimum || d > attribute.maximum)
            return QStringLiteral("%1 is not between %2 and %3")
                .arg(quoted(value))
                .arg(attribute.minimum)
                .arg(attribute.maximum);
        return {};
    }
    case Type::Boolean:
        return value.isBool() ? QString() : QStringLiteral("%1 is not true or false").arg(quoted(value));
    case Type::Text:
        return value.isString() ? QString() : QStringLiteral("%1 is not a string").arg(quoted(value));
    case Type::Url: {
        const QUrl url(value.toString(), QUrl::StrictMode);
        if (!value.isString() || !url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
            || url.host().isEmpty())
            return QStringLiteral("%1 is not an http(s) URL").arg(quoted(value));
        return {};
    }
    case Type::Entity:
        if (!value.isString() || QUuid::fromString(value.toString()).isNull())
            return QStringLiteral("%1 is not an entity id (a UUID)").arg(quoted(value));
        return {};
    }
    return {};
}

/// Collects "<source>: line L: <path>: <message>" lines.
class Problems
{
public:
    Problems(const QString &source, const JsonLocator &locator)
        : m_source(source)
        , m_locator(locator)
    { }

    void add(const QString &path, const QString &message)
    {
        QString line = QStringLiteral("line %1: %2: %3")
                           .arg(m_locator.lineOf(path))
                           .arg(path.isEmpty() ? QStringLiteral("(schema)") : path, message);
        m_lines.append(m_source.isEmpty() ? line : m_source + QStringLiteral(": ") + line);
    }
    bool isEmpty() const { return m_lines.isEmpty(); }
    QString text() const { return m_lines.join(u'\n'); }

    /// Reports keys of `object` (at `path`) not in `allowed`.
    void unknownKeys(const QJsonObject &object, const QString &path, std::initializer_list<QStringView> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool known = false;
            for (const QStringView key : allowed)
                known = known || it.key() == key;
            if (!known) {
                const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
                add(child, QStringLiteral("unknown field (expected one of: %1)").arg([&] {
                    QStringList names;
                    for (const QStringView key : allowed)
                        names.append(key.toString());
                    return names.join(QStringLiteral(", "));
                }()));
            }
        }
    }

private:
    QString m_source;
    const JsonLocator &m_locator;
    QStringList m_lines;
};

QString joinPath(const QString &path, QStringView key)
{
    return path.isEmpty() ? key.toString() : path + u'.' + key;
}

} // namespace

QString LabelSchema::toString(AttributeType type)
{
    for (const auto &[t, name] : attributeTypeNames)
        if (t == type)
            return QString::fromUtf16(name);
    return {};
}

std::optional<LabelSchema::AttributeType> LabelSchema::attributeTypeFromString(QStringView name)
{
    for (const auto &[t, n] : attributeTypeNames)
        if (name == QStringView(n))
            return t;
    return std::nullopt;
}

Result<LabelSchema> LabelSchema::fromJson(const QByteArray &json, const QString &sourceName)
{
    const QString prefix = sourceName.isEmpty() ? QString() : sourceName + QStringLiteral(": ");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = JsonLocator::lineAndColumn(json, parseError.offset);
        return fail(QStringLiteral("%1line %2, column %3: JSON syntax error: %4")
                        .arg(prefix)
                        .arg(line)
                        .arg(column)
                        .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(QStringLiteral("%1line 1: (schema): a label schema must be a JSON object").arg(prefix));

    const JsonLocator locator(json);
    Problems problems(sourceName, locator);
    for (const QString &path : locator.duplicateKeys())
        problems.add(path, QStringLiteral("duplicate field"));

    const QJsonObject root = document.object();
    problems.unknownKeys(
        root, QString(), { u"id", u"name", u"description", u"version", u"entityTypes", u"claimAttributes" });
    LabelSchema schema;

    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    if (!root.contains(u"id"))
        problems.add(QString(), QStringLiteral("missing \"id\""));
    else if (!root.value(u"id").isString() || !idPattern.match(root.value(u"id").toString()).hasMatch())
        problems.add(QStringLiteral("id"),
            QStringLiteral("%1 is not an id (lower-case letters, digits, '-', '_')").arg(quoted(root.value(u"id"))));
    else
        schema.id = root.value(u"id").toString();

    if (!root.value(u"name").isString() || root.value(u"name").toString().trimmed().isEmpty())
        problems.add(root.contains(u"name") ? QStringLiteral("name") : QString(),
            root.contains(u"name") ? QStringLiteral("must be a non-empty string") : QStringLiteral("missing \"name\""));
    else
        schema.name = root.value(u"name").toString();

    if (root.contains(u"description")) {
        if (root.value(u"description").isString())
            schema.description = root.value(u"description").toString();
        else
            problems.add(QStringLiteral("description"), QStringLiteral("must be a string"));
    }
    if (root.contains(u"version")) {
        const QJsonValue v = root.value(u"version");
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < 1)
            problems.add(QStringLiteral("version"), QStringLiteral("%1 is not a positive integer").arg(quoted(v)));
        else
            schema.version = v.toInt();
    }

    // Entity types.
    static const QRegularExpression typePattern(QStringLiteral("^[A-Z][A-Z0-9_-]*$"));
    static const QRegularExpression colorPattern(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!root.contains(u"entityTypes")) {
        problems.add(QString(), QStringLiteral("missing \"entityTypes\" (an array, possibly empty)"));
    } else if (!root.value(u"entityTypes").isArray()) {
        problems.add(QStringLiteral("entityTypes"), QStringLiteral("must be an array"));
    } else {
        const QJsonArray types = root.value(u"entityTypes").toArray();
        QSet<QString> names, shortcuts;
        for (qsizetype i = 0; i < types.size(); ++i) {
            const QString path = QStringLiteral("entityTypes[%1]").arg(i);
            if (!types[i].isObject()) {
                problems.add(path, QStringLiteral("must be an object"));
                continue;
            }
            const QJsonObject o = types[i].toObject();
            problems.unknownKeys(o, path, { u"name", u"label", u"color", u"shortcut", u"description" });
            EntityType type;
            const QJsonValue name = o.value(u"name");
            if (!o.contains(u"name"))
                problems.add(path, QStringLiteral("missing \"name\""));
            else if (!name.isString() || !typePattern.match(name.toString()).hasMatch())
                problems.add(joinPath(path, u"name"),
                    QStringLiteral("%1 is not a type name (upper-case letters, digits, '_', '-')").arg(quoted(name)));
            else if (names.contains(name.toString()))
                problems.add(joinPath(path, u"name"), QStringLiteral("%1 is defined twice").arg(quoted(name)));
            else
                type.name = name.toString();
            names.insert(name.toString());

            if (o.contains(u"label") && !o.value(u"label").isString())
                problems.add(joinPath(path, u"label"), QStringLiteral("must be a string"));
            type.label = o.value(u"label").toString(type.name);
            if (type.label.isEmpty())
                type.label = type.name;

            const QJsonValue color = o.value(u"color");
            if (!o.contains(u"color"))
                problems.add(path, QStringLiteral("missing \"color\""));
            else if (!color.isString() || !colorPattern.match(color.toString()).hasMatch())
                problems.add(joinPath(path, u"color"),
                    QStringLiteral("%1 is not a colour of the form #RRGGBB").arg(quoted(color)));
            else
                type.color = color.toString().toLower();

            if (o.contains(u"shortcut")) {
                const QJsonValue key = o.value(u"shortcut");
                const QString k = key.toString().toLower();
                if (!key.isString() || k.size() != 1 || !k[0].isLetterOrNumber() || k[0].unicode() > 0x7f)
                    problems.add(joinPath(path, u"shortcut"),
                        QStringLiteral("%1 is not a single letter or digit").arg(quoted(key)));
                else if (shortcuts.contains(k))
                    problems.add(joinPath(path, u"shortcut"),
                        QStringLiteral("%1 is already the shortcut of another type").arg(quoted(key)));
                else
                    type.shortcut = k;
                shortcuts.insert(k);
            }
            if (o.contains(u"description") && !o.value(u"description").isString())
                problems.add(joinPath(path, u"description"), QStringLiteral("must be a string"));
            type.description = o.value(u"description").toString();
            schema.entityTypes.append(type);
        }
    }

    // Claim attributes.
    static const QRegularExpression attributePattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
    if (root.contains(u"claimAttributes") && !root.value(u"claimAttributes").isArray()) {
        problems.add(QStringLiteral("claimAttributes"), QStringLiteral("must be an array"));
    } else {
        const QJsonArray attributes = root.value(u"claimAttributes").toArray();
        QSet<QString> names;
        for (qsizetype i = 0; i < attributes.size(); ++i) {
            const QString path = QStringLiteral("claimAttributes[%1]").arg(i);
            if (!attributes[i].isObject()) {
                problems.add(path, QStringLiteral("must be an object"));
                continue;
            }
            const QJsonObject o = attributes[i].toObject();
            problems.unknownKeys(o, path,
                { u"name", u"label", u"type", u"values", u"minimum", u"maximum", u"required", u"default",
                    u"description" });
            ClaimAttribute attribute;
            const QJsonValue name = o.value(u"name");
            if (!o.contains(u"name"))
                problems.add(path, QStringLiteral("missing \"name\""));
            else if (!name.isString() || !attributePattern.match(name.toString()).hasMatch())
                problems.add(joinPath(path, u"name"),
                    QStringLiteral("%1 is not an attribute name (a letter, then letters, digits, '_')")
                        .arg(quoted(name)));
            else if (names.contains(name.toString()))
                problems.add(joinPath(path, u"name"), QStringLiteral("%1 is defined twice").arg(quoted(name)));
            else
                attribute.name = name.toString();
            names.insert(name.toString());
            if (o.contains(u"label") && !o.value(u"label").isString())
                problems.add(joinPath(path, u"label"), QStringLiteral("must be a string"));
            attribute.label = o.value(u"label").toString();
            if (attribute.label.isEmpty())
                attribute.label = attribute.name;
            if (o.contains(u"description") && !o.value(u"description").isString())
                problems.add(joinPath(path, u"description"), QStringLiteral("must be a string"));
            attribute.description = o.value(u"description").toString();

            const std::optional<AttributeType> type = attributeTypeFromString(o.value(u"type").toString());
            if (!o.contains(u"type")) {
                problems.add(path, QStringLiteral("missing \"type\""));
                continue;
            }
            if (!type) {
                problems.add(joinPath(path, u"type"),
                    QStringLiteral("%1 is not one of choice, integer, boolean, text, url, entity")
                        .arg(quoted(o.value(u"type"))));
                continue;
            }
            attribute.type = *type;
            if (attribute.type == AttributeType::Choice) {
                const QJsonValue values = o.value(u"values");
                if (!values.isArray() || values.toArray().isEmpty()) {
                    problems.add(o.contains(u"values") ? joinPath(path, u"values") : path,
                        QStringLiteral("a choice needs \"values\": a non-empty array of strings"));
                } else {
                    const QJsonArray list = values.toArray();
                    for (qsizetype v = 0; v < list.size(); ++v) {
                        const QString valuePath = joinPath(path, u"values") + QStringLiteral("[%1]").arg(v);
                        if (!list[v].isString() || list[v].toString().isEmpty())
                            problems.add(
                                valuePath, QStringLiteral("%1 is not a non-empty string").arg(quoted(list[v])));
                        else if (attribute.values.contains(list[v].toString()))
                            problems.add(valuePath, QStringLiteral("%1 is listed twice").arg(quoted(list[v])));
                        else
                            attribute.values.append(list[v].toString());
                    }
                }
            } else if (o.contains(u"values")) {
                problems.add(joinPath(path, u"values"), QStringLiteral("only a choice has values"));
            }
            if (attribute.type == AttributeType::Integer) {
                for (const QStringView bound : { QStringView(u"minimum"), QStringView(u"maximum") }) {
                    const QJsonValue b = o.value(bound);
                    if (!o.contains(bound))
                        problems.add(path, QStringLiteral("an integer needs \"%1\"").arg(bound));
                    else if (!b.isDouble() || b.toDouble() != std::floor(b.toDouble()))
                        problems.add(joinPath(path, bound), QStringLiteral("%1 is not an integer").arg(quoted(b)));
                }
                attribute.minimum = o.value(u"minimum").toInt();
                attribute.maximum = o.value(u"maximum").toInt();
                if (o.value(u"minimum").isDouble() && o.value(u"maximum").isDouble()
                    && attribute.minimum > attribute.maximum)
                    problems.add(joinPath(path, u"maximum"),
                        QStringLiteral("%1 is less than the minimum %2").arg(attribute.maximum).arg(attribute.minimum));
            } else {
                for (const QStringView bound : { QStringView(u"minimum"), QStringView(u"maximum") })
                    if (o.contains(bound))
                        problems.add(joinPath(path, bound), QStringLiteral("only an integer has bounds"));
            }
            if (o.contains(u"required")) {
                if (!o.value(u"required").isBool())
                    problems.add(joinPath(path, u"required"), QStringLiteral("must be true or false"));
                attribute.required = o.value(u"required").toBool();
            }
            if (o.contains(u"default")) {
                const QString why = problemWith(attribute, o.value(u"default"));
                if (!why.isEmpty())
                    problems.add(joinPath(path, u"default"), why);
                else
                    attribute.defaultValue = o.value(u"default");
            }
            schema.claimAttributes.append(attribute);
        }
    }

    if (!problems.isEmpty())
        return fail(problems.text());
    return schema;
}

Result<LabelSchema> LabelSchema::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot read the schema: %2").arg(path, file.errorString()), Error::Io);
    return fromJson(file.readAll(), path);
}

QByteArray LabelSchema::toJson() const
{
    QJsonObject root;
    root.insert(u"id", id);
    root.insert(u"name", name);
    if (!description.isEmpty())
        root.insert(u"description", description);
    root.insert(u"version", version);
    QJsonArray types;
    for (const EntityType &t : entityTypes) {
        QJsonObject o { { QStringLiteral("name"), t.name }, { QStringLiteral("label"), t.label },
            { QStringLiteral("color"), t.color } };
        if (!t.shortcut.isEmpty())
            o.insert(u"shortcut", t.shortcut);
        if (!t.description.isEmpty())
            o.insert(u"description", t.description);
        types.append(o);
    }
    root.insert(u"entityTypes", types);
    QJsonArray attributes;
    for (const ClaimAttribute &a : claimAttributes) {
        QJsonObject o { { QStringLiteral("name"), a.name }, { QStringLiteral("label"), a.label },
            { QStringLiteral("type"), toString(a.type) } };
        if (a.type == AttributeType::Choice)
            o.insert(u"values", QJsonArray::fromStringList(a.values));
        if (a.type == AttributeType::Integer) {
            o.insert(u"minimum", a.minimum);
            o.insert(u"maximum", a.maximum);
        }
        if (a.required)
            o.insert(u"required", true);
        if (!a.defaultValue.isNull() && !a.defaultValue.isUndefined())
            o.insert(u"default", a.defaultValue);
        if (!a.description.isEmpty())
            o.insert(u"description", a.description);
        attributes.append(o);
    }
    root.insert(u"claimAttributes", attributes);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QStringList LabelSchema::builtInIds()
{
    return { QStringLiteral("conll"), QStringLiteral("ontonotes"), QStringLiteral("gloss-default") };
}

Result<LabelSchema> LabelSchema::builtIn(const QString &id)
{
    if (!builtInIds().contains(id))
        return fail(QStringLiteral("No built-in label schema \"%1\" (built in: %2)")
                        .arg(id, builtInIds().join(QStringLiteral(", "))));
    QFile file(QStringLiteral(":/schemas/%1.json").arg(id));
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("The built-in label schema \"%1\" is missing from the resources").arg(id), Error::Internal);
    return fromJson(file.readAll(), file.fileName());
}

const LabelSchema::EntityType *LabelSchema::entityType(QStringView name) const
{
    for (const EntityType &t : entityTypes)
        if (t.name == name)
            return &t;
    return nullptr;
}

const LabelSchema::EntityType *LabelSchema::entityTypeForShortcut(QStringView key) const
{
    if (key.isEmpty())
        return nullptr;
    for (const EntityType &t : entityTypes)
        if (!t.shortcut.isEmpty() && QStringView(t.shortcut).compare(key, Qt::CaseInsensitive) == 0)
            return &t;
    return nullptr;
}

const LabelSchema::ClaimAttribute *LabelSchema::claimAttribute(QStringView name) const
{
    for (const ClaimAttribute &a : claimAttributes)
        if (a.name == name)
            return &a;
    return nullptr;
}

QJsonObject LabelSchema::defaultAttributes() const
{
    QJsonObject defaults;
    for (const ClaimAttribute &a : claimAttributes)
        if (!a.defaultValue.isNull() && !a.defaultValue.isUndefined())
            defaults.insert(a.name, a.defaultValue);
    return defaults;
}

Result<void> LabelSchema::validateAttributes(const QJsonObject &attributes) const
{
    QStringList problems;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const ClaimAttribute *attribute = claimAttribute(it.key());
        if (!attribute) {
            problems.append(QStringLiteral("%1: not an attribute of the schema \"%2\"").arg(it.key(), id));
            continue;
        }
        if (it.value().isNull())
            continue; // unset
        const QString why = problemWith(*attribute, it.value());
        if (!why.isEmpty())
            problems.append(it.key() + QStringLiteral(": ") + why);
    }
    for (const ClaimAttribute &a : claimAttributes)
        if (a.required && (attributes.value(a.name).isNull() || attributes.value(a.name).isUndefined()))
            problems.append(a.name + QStringLiteral(": required"));
    if (!problems.isEmpty())
        return fail(problems.join(u'\n'));
    return {};
}

} // namespace Gloss::Core

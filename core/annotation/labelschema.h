#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Gloss::Core {

/// A label schema: the entity types an annotator can tag (with colours and shortcut keys) and the research
/// attributes a claim carries (with their allowed values). A plain value type; storage is not its concern.
///
/// Schemas are JSON files (UTF-8) of this shape; the built-in ones are resources/schemas/*.json, compiled in
/// under ":/schemas/":
///
///     {
///       "id": "gloss-default",            // required: lower-case letters, digits, '-', '_'
///       "name": "Gloss default",          // required: shown to the user
///       "description": "...",             // optional
///       "version": 1,                     // optional positive integer, default 1
///       "entityTypes": [                  // required (may be empty)
///         { "name": "PERSON",             // required, unique: upper-case letters, digits, '_', '-'
///           "label": "Person",            // optional, default = name
///           "color": "#e6194b",           // required: #RRGGBB
///           "shortcut": "p",              // optional: one letter or digit, unique (case-insensitive)
///           "description": "..." }        // optional
///       ],
///       "claimAttributes": [              // optional (default: none)
///         { "name": "verdict",            // required, unique: a letter, then letters, digits, '_'
///           "label": "Verdict",           // optional, default = name
///           "type": "choice",             // required: choice | integer | boolean | text | url | entity
///           "values": ["supported", ...], // choice only, required: non-empty, unique strings
///           "minimum": 1, "maximum": 5,   // integer only, required, minimum <= maximum
///           "required": false,            // optional
///           "default": "unverified",      // optional; must itself be a valid value
///           "description": "..." }        // optional
///       ]
///     }
///
/// Unknown keys are errors (a misspelt "colour" must not silently vanish). Every error names the line (1-based)
/// and the field path, e.g. `my.json: line 12: entityTypes[2].color: "#zzz" is not a colour of the form #RRGGBB`.
struct LabelSchema
{
    struct EntityType
    {
        QString name; ///< the label stored on entity annotations ("PERSON")
        QString label; ///< human-readable ("Person")
        QString color; ///< "#rrggbb", lower-case
        QString shortcut; ///< one letter (lower-case) or digit, or empty
        QString description;
        bool operator==(const EntityType &) const = default;
    };

    enum class AttributeType { Choice, Integer, Boolean, Text, Url, Entity };

    struct ClaimAttribute
    {
        QString name; ///< key in Annotation::attributes ("checkWorthiness")
        QString label;
        AttributeType type = AttributeType::Text;
        QStringList values; ///< Choice: the allowed values
        int minimum = 0; ///< Integer: inclusive bounds
        int maximum = 0;
        bool required = false;
        QJsonValue defaultValue; ///< Null when none
        QString description;
        bool operator==(const ClaimAttribute &) const = default;
    };

    QString id;
    QString name;
    QString description;
    int version = 1;
    QList<EntityType> entityTypes;
    QList<ClaimAttribute> claimAttributes;

    bool operator==(const LabelSchema &) const = default;

    /// Parses and validates a schema. `sourceName` (a file name) prefixes every message. Errors: Error::User
    /// with one line per problem: "<source>: line L: <field>: <problem>"; a JSON syntax error gives line and
    /// column from QJsonParseError's byte offset.
    static Result<LabelSchema> fromJson(const QByteArray &json, const QString &sourceName = QString());
    /// Reads and parses a schema file (Error::Io when it cannot be read).
    static Result<LabelSchema> fromFile(const QString &path);
    /// The schema as JSON in the file format above (indented); fromJson(toJson()) == *this.
    QByteArray toJson() const;

    /// Ids of the built-in schemas: "conll" (PER, ORG, LOC, MISC), "ontonotes" (18 types), "gloss-default".
    static QStringList builtInIds();
    /// A built-in schema by id (Error::User for an unknown id).
    static Result<LabelSchema> builtIn(const QString &id);

    /// The entity type called `name` (exact match), or nullptr.
    const EntityType *entityType(QStringView name) const;
    /// The entity type whose shortcut is `key` (case-insensitive), or nullptr.
    const EntityType *entityTypeForShortcut(QStringView key) const;
    /// The claim attribute called `name`, or nullptr.
    const ClaimAttribute *claimAttribute(QStringView name) const;
    /// The attribute defaults of this schema (attributes with a "default"), for a new claim.
    QJsonObject defaultAttributes() const;
    /// Checks a claim's attributes (Annotation::attributes) against the schema: every key is a known attribute,
    /// every value has the attribute's type and range, and required attributes are present. Error::User listing
    /// every problem, one per line ("checkWorthiness: 7 is not between 1 and 5").
    Result<void> validateAttributes(const QJsonObject &attributes) const;

    static QString toString(AttributeType type);
    static std::optional<AttributeType> attributeTypeFromString(QStringView name);
};

} // namespace Gloss::Core

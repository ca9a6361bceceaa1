#pragma once

#include "core/annotation/annotation.h"

#include <QColor>
#include <QHash>
#include <QString>

namespace Gloss::Ui {

/// The CSS class of an annotation's highlight in the reader view (resources/reader/reader.css):
/// "gloss-claim", "gloss-entity-person" ... "gloss-entity-other", "gloss-note", "gloss-highlight".
QString highlightClass(const Core::Annotation &annotation);
/// Colours of entity types by type name ("PERSON"), from the active label schema's `color` fields.
using EntityColors = QHash<QString, QColor>;

/// The highlight colour (with alpha) for views without Gloss's stylesheet: the original page and the
/// annotations panel's swatches. Same hues as reader.css's light theme for the built-in entity types; an entity
/// type outside them takes its colour from `schemaColors` (at 30% opacity), else grey.
QColor highlightColor(const Core::Annotation &annotation, const EntityColors &schemaColors = {});
/// The CSS background for an entity type outside reader.css's built-in ones that `schemaColors` gives a colour:
/// "rgba(r, g, b, a)" with the opacity of reader.css's entity colours in `theme` (0.30 light and sepia, 0.40
/// dark). Empty for claims, notes, highlights and the built-in types, which reader.css styles per theme.
QString highlightInlineColor(
    const Core::Annotation &annotation, const EntityColors &schemaColors, const QString &theme);
/// The hover text of a highlight: label (and KB id), claim attributes one per line, the note.
QString highlightTooltip(const Core::Annotation &annotation);

} // namespace Gloss::Ui

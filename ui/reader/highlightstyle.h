#pragma once

#include "core/annotation/annotation.h"

#include <QColor>
#include <QString>

namespace Gloss::Ui {

/// The CSS class of an annotation's highlight in the reader view (resources/reader/reader.css):
/// "gloss-claim", "gloss-entity-person" ... "gloss-entity-other", "gloss-note", "gloss-highlight".
QString highlightClass(const Core::Annotation &annotation);
/// The highlight colour (with alpha) for views without Gloss's stylesheet: the original page and the
/// annotations panel's swatches. Same hues as reader.css's light theme.
QColor highlightColor(const Core::Annotation &annotation);
/// The hover text of a highlight: label (and KB id), claim attributes one per line, the note.
QString highlightTooltip(const Core::Annotation &annotation);

} // namespace Gloss::Ui

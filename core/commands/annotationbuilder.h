#pragma once

#include "core/annotation/annotation.h"
#include "core/document/article.h"
#include "core/result.h"

namespace Gloss::Core {

/// Builds a new annotation on [start, end) of `version`'s reader text, offsets in Unicode code points,
/// end exclusive, with its TextQuoteSelector (32 code points of context). Errors: an empty or
/// out-of-range span.
Result<Annotation> annotationForRange(const ArticleVersion &version, TextPositionSelector position,
                                      AnnotationKind kind, const QString &label, const QString &creator);

/// Finds `quote` in `version`'s reader text and builds the annotation on it. The quote is compared after
/// NFC normalisation and whitespace collapsing (as the reader text was built), as whole words (as "tag all
/// occurrences" does), or inside words when it never stands as whole words. `occurrence` is 1-based; 0
/// means "the only one". Errors: the quote is empty or absent; it occurs more than once and no occurrence
/// was given (the message says how many); the occurrence does not exist.
Result<Annotation> annotationForQuote(const ArticleVersion &version, const QString &quote, int occurrence,
                                      AnnotationKind kind, const QString &label, const QString &creator);

} // namespace Gloss::Core

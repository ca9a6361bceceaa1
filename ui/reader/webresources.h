#pragma once

#include <QColor>
#include <QString>

namespace Gloss::Ui {

/// The text of a compiled-in resource (":/gloss/reader/...", ":/qtwebchannel/qwebchannel.js"); empty, with a
/// warning on gloss.ui.reader, when it is missing. Resources are read once and cached.
QString resourceText(const QString &path);

/// The page background of a reader theme ("light", "sepia", "dark"; anything else is light), as reader.css's
/// --bg: what a web view paints before its document does.
QColor themeBackground(const QString &theme);
/// The secondary text colour of a reader theme, as reader.css's --muted.
QColor themeMutedText(const QString &theme);

} // namespace Gloss::Ui

#pragma once

#include <QString>

namespace Gloss::Ui {

/// The text of a compiled-in resource (":/gloss/reader/...", ":/qtwebchannel/qwebchannel.js"); empty, with a
/// warning on gloss.ui.reader, when it is missing. Resources are read once and cached.
QString resourceText(const QString &path);

} // namespace Gloss::Ui

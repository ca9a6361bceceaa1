#pragma once

#include <QString>

namespace Gloss::Ui {

/// A count and its noun in English, "1 mention", "2 mentions", "0 mentions": `one` and `many` are the two forms
/// (each through tr()), with %n where the number goes. Gloss ships no .ts translations, so
/// tr("%n mention(s)", nullptr, n) would show the "(s)" as written; the choice between the forms is made here.
QString countText(qint64 n, const QString &one, const QString &many);

} // namespace Gloss::Ui

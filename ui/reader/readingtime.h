#pragma once

#include <QString>
#include <QStringView>

namespace Gloss::Ui {

/// Estimated reading time of a text in whole minutes (at least 1 for a non-empty text). Words of
/// space-separated scripts are read at 230 a minute; Han, Hiragana, Katakana and Hangul characters (written
/// without spaces) at 500 a minute, the usual silent-reading rates for adult readers (Brysbaert, "How many
/// words do we read per minute?", J. Memory and Language 109, 2019; Trauzettel-Klosinski et al., IReST, 2012).
int readingMinutes(QStringView text);

/// "4 min read" / "1 min read", translated.
QString readingTimeLabel(int minutes);

} // namespace Gloss::Ui

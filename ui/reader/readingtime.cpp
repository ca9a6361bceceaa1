#include "readingtime.h"

#include <QCoreApplication>
#include <cmath>

namespace Gloss::Ui {

namespace {
bool isCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF)
        || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}
} // namespace

int readingMinutes(QStringView text)
{
    qsizetype words = 0, cjk = 0;
    bool inWord = false;
    for (const char32_t c : text.toUcs4()) {
        if (isCjk(c)) {
            ++cjk;
            inWord = false;
        } else if (QChar::isLetterOrNumber(c)) {
            if (!inWord)
                ++words;
            inWord = true;
        } else if (QChar::isSpace(c) || QChar::isPunct(c)) {
            inWord = false;
        }
    }
    if (words == 0 && cjk == 0)
        return 0;
    const double minutes = double(words) / 230.0 + double(cjk) / 500.0;
    return std::max(1, int(std::lround(minutes)));
}

QString readingTimeLabel(int minutes)
{
    return QCoreApplication::translate("Gloss::Ui::ReadingTime", "%n min read", nullptr, std::max(1, minutes));
}

} // namespace Gloss::Ui

#include "textdecoder.h"

#include <QList>
#include <algorithm>
#include <cstring>
#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

namespace Gloss::Core {

namespace {

// UTF-32 code units (little- or big-endian) to text; a unit that is no Unicode scalar value (a surrogate, or
// above U+10FFFF) becomes U+FFFD, and trailing bytes short of a unit are dropped.
QString decodeUtf32(const QByteArray &bytes, bool littleEndian)
{
    QString out;
    out.reserve(bytes.size() / 4);
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    for (qsizetype i = 0; i + 4 <= bytes.size(); i += 4) {
        const char32_t u = littleEndian
            ? char32_t(p[i]) | char32_t(p[i + 1]) << 8 | char32_t(p[i + 2]) << 16 | char32_t(p[i + 3]) << 24
            : char32_t(p[i + 3]) | char32_t(p[i + 2]) << 8 | char32_t(p[i + 1]) << 16 | char32_t(p[i]) << 24;
        const bool scalar = u < 0x110000 && (u < 0xD800 || u > 0xDFFF);
        out += QStringView(QChar::fromUcs4(scalar ? u : char32_t(QChar::ReplacementCharacter)));
    }
    return out;
}

// The length in bytes (2 to 4) of the multi-byte UTF-8 sequence starting at `p` (a lead byte of 0x80 or more):
// a lead byte from 0xC2 to 0xF4 followed by its continuation bytes before `end`; 0 when there is none. Lenient:
// overlong three- and four-byte forms and surrogates pass (isValidUtf8 is the strict check).
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = *p;
    const int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    bool ok = n > 0 && c >= 0xC2 && c <= 0xF4 && end - p > n;
    for (int i = 1; ok && i <= n; ++i)
        ok = (p[i] & 0xC0) == 0x80;
    return ok ? n + 1 : 0;
}

// Counts valid multi-byte UTF-8 sequences and bytes that do not start one.
void countUtf8(const QByteArray &bytes, int &valid, int &invalid)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    valid = invalid = 0;
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        if (const int length = utf8SequenceLength(p, end)) {
            ++valid;
            p += length;
        } else {
            ++invalid;
            ++p;
        }
    }
}

// The length of the maximal subpart of an invalid UTF-8 sequence at `p` (WHATWG Encoding, UTF-8 decoder: a
// lead byte and the continuation bytes it accepts before the sequence breaks off), at least 1. A browser shows
// one U+FFFD per subpart.
int invalidSubpartLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = *p;
    const int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
    if (n == 0 || c < 0xC2 || c > 0xF4)
        return 1;
    int k = 1;
    while (k <= n && p + k < end && (p[k] & 0xC0) == 0x80)
        ++k;
    return k;
}

// Pages that are UTF-8 with pieces pasted in windows-1252 (a template in one encoding, a database field in
// the other): valid UTF-8 sequences decode as UTF-8, a stray byte as windows-1252, and a multi-byte sequence
// that breaks off after its lead and some continuation bytes (a character cut short: no windows-1252 text
// has such runs) as one U+FFFD, as a browser shows it.
QString decodeMixedUtf8(const QByteArray &bytes)
{
    static const char16_t cp1252[32] = { 0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
        0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178 };
    QString out;
    out.reserve(bytes.size());
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            out += QChar(char16_t(c));
            ++p;
            continue;
        }
        if (const int length = utf8SequenceLength(p, end)) {
            out += QString::fromUtf8(reinterpret_cast<const char *>(p), length);
            p += length;
        } else if (const int cut = invalidSubpartLength(p, end); cut > 1) {
            out += QChar(QChar::ReplacementCharacter);
            p += cut;
        } else {
            out += QChar(c < 0xA0 ? cp1252[c - 0x80] : char16_t(c));
            ++p;
        }
    }
    return out;
}

// UTF-8 with a few broken sequences (a CMS that cut text in the middle of a character) is still UTF-8:
// true when at least 20 multi-byte sequences are valid and at most one in fifty is not (counts of countUtf8).
bool isMostlyUtf8(int valid, int invalid)
{
    return valid >= 20 && invalid * 50 <= valid;
}

bool isValidUtf8(const QByteArray &bytes, bool *hasNonAscii = nullptr)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    bool nonAscii = false;
    while (p < end) {
        // ASCII runs eight bytes at a time (most of an HTML page is ASCII markup).
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        nonAscii = true;
        int n = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
            if (c < 0xC2)
                return false;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
            if (c > 0xF4)
                return false;
        } else {
            return false;
        }
        if (end - p <= n) {
            // A sequence cut at the end of the buffer (truncated download) still counts as UTF-8.
            for (const unsigned char *q = p + 1; q < end; ++q)
                if ((*q & 0xC0) != 0x80)
                    return false;
            break;
        }
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        p += n + 1;
    }
    if (hasNonAscii)
        *hasNonAscii = nonAscii;
    return true;
}

// Maps a charset label to the name we decode with, as the WHATWG Encoding Standard does for the labels
// that matter (latin1 and ascii are windows-1252 on the web; gb2312/gbk are gb18030; ...).
QString canonicalCharset(QString label)
{
    label = label.trimmed().toLower();
    if (label.startsWith(u'"') || label.startsWith(u'\''))
        label = label.mid(1);
    while (label.endsWith(u'"') || label.endsWith(u'\'') || label.endsWith(u';'))
        label.chop(1);
    if (label.isEmpty())
        return {};
    if (label == u"utf8" || label == u"utf-8" || label == u"unicode-1-1-utf-8" || label == u"x-unicode20utf8")
        return QStringLiteral("utf-8");
    if (label == u"iso-8859-1" || label == u"iso8859-1" || label == u"latin1" || label == u"latin-1"
        || label == u"us-ascii" || label == u"ascii" || label == u"cp1252" || label == u"windows-1252"
        || label == u"iso_8859-1" || label == u"l1" || label == u"x-cp1252" || label == u"ansi_x3.4-1968")
        return QStringLiteral("windows-1252");
    if (label == u"gb2312" || label == u"gbk" || label == u"x-gbk" || label == u"gb18030" || label == u"cp936"
        || label == u"chinese" || label == u"csgb2312")
        return QStringLiteral("gb18030");
    if (label == u"shift_jis" || label == u"shift-jis" || label == u"sjis" || label == u"x-sjis"
        || label == u"windows-31j" || label == u"ms932" || label == u"ms_kanji" || label == u"csshiftjis")
        return QStringLiteral("shift_jis");
    if (label == u"euc-kr" || label == u"ks_c_5601-1987" || label == u"windows-949" || label == u"cp949"
        || label == u"uhc")
        return QStringLiteral("euc-kr");
    if (label == u"iso-8859-9" || label == u"latin5")
        return QStringLiteral("windows-1254");
    if (label == u"tis-620" || label == u"iso-8859-11")
        return QStringLiteral("windows-874");
    if (label == u"csiso2022jp")
        return QStringLiteral("iso-2022-jp");
    if (label == u"csiso2022kr")
        return QStringLiteral("iso-2022-kr");
    if (label == u"unicode-1-1-utf-7" || label == u"csunicode11utf7")
        return QStringLiteral("utf-7");
    if (label == u"utf-16" || label == u"utf-16le" || label == u"utf-16be")
        return QStringLiteral("utf-8"); // a meta tag cannot declare UTF-16 of an ASCII-compatible stream
    if (label.startsWith(u"cp125"))
        return u"windows-125" + label.mid(5);
    if (label.startsWith(u"win-125") || label.startsWith(u"win125"))
        return u"windows-125" + label.right(1);
    return label;
}

// True for the charsets whose bytes are all 7-bit and switch meaning with escape or shift sequences (ISO-2022,
// HZ, UTF-7): their text is valid ASCII, so only the declaration tells it apart from UTF-8.
bool isSevenBitStateful(const QString &cs)
{
    return cs.startsWith(u"iso-2022-") || cs == u"hz-gb-2312" || cs == u"utf-7";
}

// The ICU converter name for a canonical charset.
QByteArray icuName(const QString &charset)
{
    if (charset == u"shift_jis")
        return QByteArrayLiteral("windows-31j");
    if (charset == u"euc-kr")
        return QByteArrayLiteral("windows-949");
    if (charset == u"big5")
        return QByteArrayLiteral("windows-950");
    return charset.toLatin1();
}

bool isLatinSingleByte(const QString &cs)
{
    return cs == u"windows-1252" || cs == u"iso-8859-15" || cs == u"iso-8859-2" || cs == u"windows-1250"
        || cs == u"windows-1254" || cs == u"iso-8859-9";
}

int highByteCount(const QByteArray &bytes)
{
    int n = 0;
    for (const char c : bytes)
        n += (static_cast<unsigned char>(c) >= 0x80);
    return n;
}

// Bytes 0x80..0xFF that are a letter in the Central European charset but a symbol (or nothing) in
// windows-1252: "ł" is 0xB3 in windows-1250 and "³" in windows-1252. Text with none of them reads as well in
// windows-1252, whose letters there ("ï", "è", "ñ") are as plausible as windows-1250's ("ď", "č", "ń").
bool hasCentralEuropeanOnlyLetter(const QByteArray &bytes, bool iso)
{
    static const char win1250[] = ".............C.C.............C...C.C.C.........C...C.....C..C.CC"; // 0x80..0xBF
    static const char iso88592[] = ".................................C.C.CC..C.CC.CC.C.C..CC.C.CC.CC";
    const char *map = iso ? iso88592 : win1250;
    int czech = 0, hungarian = 0, western = 0;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 && c < 0xC0 && map[c - 0x80] == 'C')
            return true;
        // "ě", "ř", "ů" (and capitals) are everywhere in Czech; their windows-1252 readings "ì", "ø", "ù" are
        // rare in Western languages.
        if (!iso && (c == 0xEC || c == 0xF8 || c == 0xF9 || c == 0xCC || c == 0xD8 || c == 0xD9))
            ++czech;
        // Hungarian "ő", "ű" (and capitals) read "õ", "û" in windows-1252; Portuguese and French text that has
        // those also has "ã", "à", "è", "ê" or "ç", which Hungarian does not.
        if (c == 0xF5 || c == 0xFB || c == 0xD5 || c == 0xDB)
            ++hungarian;
        if (c == 0xE3 || c == 0xE0 || c == 0xE8 || c == 0xEA || c == 0xE7 || c == 0xC3 || c == 0xC0 || c == 0xC8
            || c == 0xCA || c == 0xC7)
            ++western;
    }
    return czech >= 2 || (hungarian >= 2 && western == 0);
}

// uchardet reads short Big5 text as GB18030 (both are two-byte encodings over much the same byte ranges). ICU's
// charset detector (ucsdet, used by ICU's CharsetDetector) scores each against the most frequent characters of
// traditional and simplified Chinese: between the two, the one it is more confident of. Empty when ICU has
// no opinion on either.
QString chineseSecondOpinion(const QByteArray &bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status))
        return {};
    ucsdet_setText(detector, bytes.constData(), int32_t(bytes.size()), &status);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &count, &status);
    int big5 = -1, gb = -1;
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
        const char *name = ucsdet_getName(matches[i], &status);
        const int confidence = ucsdet_getConfidence(matches[i], &status);
        if (name && qstrcmp(name, "Big5") == 0)
            big5 = std::max(big5, confidence);
        else if (name && qstrcmp(name, "GB18030") == 0)
            gb = std::max(gb, confidence);
    }
    ucsdet_close(detector);
    if (big5 < 0 && gb < 0)
        return {};
    return big5 > gb ? QStringLiteral("big5") : QStringLiteral("gb18030");
}

QString detect(const QByteArray &bytes)
{
    uchardet_t ud = uchardet_new();
    const qsizetype n = qMin<qsizetype>(bytes.size(), 256 * 1024);
    uchardet_handle_data(ud, bytes.constData(), size_t(n));
    uchardet_data_end(ud);
    const QString guess = QString::fromLatin1(uchardet_get_charset(ud)).toLower();
    uchardet_delete(ud);
    if (guess.isEmpty() || guess == u"ascii")
        return {};
    if (guess == u"iso-8859-1")
        return QStringLiteral("windows-1252");
    const QString cs = canonicalCharset(guess);
    // On a short text uchardet often calls Western European prose Central European ("naïve" has one byte
    // that reads "naďve" in windows-1250). Unless some byte is a letter only in the Central European reading
    // ("ł", "ą", "ś", "ť"), take windows-1252, the web's default.
    if ((cs == u"windows-1250" || cs == u"iso-8859-2") && highByteCount(bytes.left(n)) < 256
        && !hasCentralEuropeanOnlyLetter(bytes.left(n), cs == u"iso-8859-2"))
        return QStringLiteral("windows-1252");
    // KOI8-U is KOI8-R with the Ukrainian letters і, ї, є, ґ (and capitals) where KOI8-R has box-drawing
    // characters, which prose never uses: uchardet knows only KOI8-R.
    if (cs == u"koi8-r") {
        static constexpr unsigned char ukrainian[] = { 0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD };
        const QByteArrayView head(bytes.constData(), n);
        for (const unsigned char b : ukrainian)
            if (head.contains(char(b)))
                return QStringLiteral("koi8-u");
    }
    if (cs == u"gb18030" || cs == u"big5") {
        if (const QString second = chineseSecondOpinion(bytes.left(n)); !second.isEmpty())
            return second;
    }
    return cs;
}

// Whether bytes declared UTF-8 that are not valid throughout are still UTF-8 with stray bytes (true), or are in
// another charset (false) and go to detection. `valid` and `invalid` are countUtf8's counts; the few-invalid
// case (isMostlyUtf8) is decided before. Valid multi-byte sequences are the evidence: in windows-1252 (or
// ISO-8859-x) text they need a letter from "Â" to "ô" followed right away by one to three symbols from 0x80 to
// 0xBF, which real text almost never has, so one per twenty stray bytes is far more than chance and the page
// keeps its UTF-8 (a stray "é" cannot turn every "été" into "Ã©tÃ©"). Legacy double-byte text (GB18030, Big5,
// EUC) forms valid UTF-8 pairs by chance much more often: when detection reads the bytes as anything other than
// windows-1252, that reading wins.
bool declaredUtf8HoldsUtf8(const QByteArray &bytes, int valid, int invalid)
{
    if (valid == 0)
        return false;
    if (valid >= invalid)
        return true;
    if (valid * 20 < invalid)
        return false;
    const QString guess = detect(bytes);
    return guess.isEmpty() || guess == u"windows-1252" || guess == u"utf-8";
}

} // namespace

QString TextDecoder::charsetFromContentType(const QString &contentType)
{
    const qsizetype i = contentType.indexOf(u"charset", 0, Qt::CaseInsensitive);
    if (i < 0)
        return {};
    qsizetype j = contentType.indexOf(u'=', i);
    if (j < 0)
        return {};
    QString value = contentType.mid(j + 1);
    const qsizetype semi = value.indexOf(u';');
    if (semi >= 0)
        value.truncate(semi);
    return canonicalCharset(value);
}

QString TextDecoder::charsetFromMeta(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(16 * 1024).toLower();
    qsizetype pos = 0;
    while ((pos = head.indexOf("<meta", pos)) >= 0) {
        const qsizetype end = head.indexOf('>', pos);
        if (end < 0)
            break;
        const QByteArray tag = head.mid(pos, end - pos);
        pos = end;
        const qsizetype c = tag.indexOf("charset");
        if (c < 0)
            continue;
        qsizetype k = c + 7;
        while (k < tag.size() && (tag[k] == ' ' || tag[k] == '\t' || tag[k] == '\n' || tag[k] == '\r'))
            ++k;
        if (k >= tag.size() || tag[k] != '=')
            continue;
        ++k;
        while (k < tag.size() && (tag[k] == ' ' || tag[k] == '"' || tag[k] == '\'' || tag[k] == '\t'))
            ++k;
        qsizetype e = k;
        while (e < tag.size()
            && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' || tag[e] == '_' || tag[e] == '.'
                || tag[e] == ':'))
            ++e;
        if (e > k)
            return canonicalCharset(QString::fromLatin1(tag.mid(k, e - k)));
    }
    return {};
}

std::optional<QString> TextDecoder::decodeWith(const QByteArray &bytes, const QString &charset)
{
    if (charset == u"utf-8")
        return QString::fromUtf8(bytes);
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(icuName(charset).constData(), &status);
    if (U_FAILURE(status) || !conv)
        return std::nullopt;
    QString out;
    out.resize(bytes.size() * 2 + 16);
    status = U_ZERO_ERROR;
    int32_t len = ucnv_toUChars(conv, reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), bytes.constData(),
        int32_t(bytes.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        out.resize(len + 1);
        len = ucnv_toUChars(conv, reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), bytes.constData(),
            int32_t(bytes.size()), &status);
    }
    ucnv_close(conv);
    if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING)
        return std::nullopt;
    out.resize(len);
    return out;
}

QString TextDecoder::utf32Bom(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)))
        return QStringLiteral("utf-32le");
    if (bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return QStringLiteral("utf-32be");
    return {};
}

QString TextDecoder::sniffUtf16(const QByteArray &bytes)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return {};
    qsizetype evenNul = 0, oddNul = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenNul += bytes[i] == 0;
        oddNul += bytes[i + 1] == 0;
    }
    const qsizetype units = n / 2;
    if (oddNul * 10 >= units * 3 && evenNul * 50 <= units)
        return QStringLiteral("utf-16le");
    if (evenNul * 10 >= units * 3 && oddNul * 50 <= units)
        return QStringLiteral("utf-16be");
    return {};
}

TextDecoder::Decoded TextDecoder::decodeUnlessUtf8(const QByteArray &bytes, const QString &contentType, bool html)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return { QString(), QStringLiteral("utf-8") };
    if (!bytes.startsWith("\xFF\xFE") && !bytes.startsWith("\xFE\xFF") && utf32Bom(bytes).isEmpty()
        && sniffUtf16(bytes).isEmpty()) {
        const QString declared = charsetFromContentType(contentType);
        const bool asciiCompatible = declared.isEmpty() || declared == u"utf-8" || !declared.startsWith(u"utf-");
        // Text in a 7-bit stateful charset is valid UTF-8 (all ASCII) but means something else: a declaration of
        // one, in the header or in a <meta>, must decode with it. (Only all-ASCII pages can be such text, so the
        // <meta> is read for those alone.)
        bool nonAscii = false;
        if (asciiCompatible && isValidUtf8(bytes, &nonAscii) && !isSevenBitStateful(declared)
            && !(html && !nonAscii && declared.isEmpty() && isSevenBitStateful(charsetFromMeta(bytes))))
            return { QString(), QStringLiteral("utf-8") };
    }
    return decode(bytes, contentType, html);
}

TextDecoder::Decoded TextDecoder::decode(const QByteArray &bytes, const QString &contentType, bool html)
{
    // 1. Byte order mark (UTF-32 first: its little-endian mark starts like UTF-16's).
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return { QString::fromUtf8(bytes.mid(3)), QStringLiteral("utf-8") };
    if (const QString utf32 = utf32Bom(bytes); !utf32.isEmpty())
        return { decodeUtf32(bytes.mid(4), utf32 == u"utf-32le"), utf32 };
    if (bytes.startsWith("\xFF\xFE"))
        return { QString::fromUtf16(reinterpret_cast<const char16_t *>(bytes.constData() + 2), (bytes.size() - 2) / 2),
            QStringLiteral("utf-16le") };
    if (bytes.startsWith("\xFE\xFF")) {
        QString s((bytes.size() - 2) / 2, Qt::Uninitialized);
        for (qsizetype i = 0; i < s.size(); ++i)
            s[i] = QChar(char16_t((uchar(bytes[2 + 2 * i]) << 8) | uchar(bytes[3 + 2 * i])));
        return { s, QStringLiteral("utf-16be") };
    }

    // 2. UTF-16 without a byte order mark (Windows tools write such files): the NUL bytes give it away.
    if (const QString u16 = sniffUtf16(bytes); !u16.isEmpty()) {
        const qsizetype units = bytes.size() / 2;
        QString s(units, Qt::Uninitialized);
        const bool le = u16 == u"utf-16le";
        for (qsizetype i = 0; i < units; ++i) {
            const auto a = uchar(bytes[2 * i]), b = uchar(bytes[2 * i + 1]);
            s[i] = QChar(char16_t(le ? (b << 8) | a : (a << 8) | b));
        }
        return { s, u16 };
    }

    bool nonAscii = false;
    bool utf8 = isValidUtf8(bytes, &nonAscii);
    int validSequences = 0, invalidBytes = 0; // of UTF-8, counted when it is not valid throughout
    if (!utf8)
        countUtf8(bytes, validSequences, invalidBytes);
    if (!utf8 && isMostlyUtf8(validSequences, invalidBytes)) {
        utf8 = true; // decoded leniently: the broken sequences become U+FFFD
        nonAscii = true;
    }
    QList<QString> declared;
    declared << charsetFromContentType(contentType);
    if (html)
        declared << charsetFromMeta(bytes);
    for (const QString &cs : std::as_const(declared)) {
        if (cs.isEmpty())
            continue;
        if (cs == u"utf-8") {
            if (utf8)
                return { QString::fromUtf8(bytes), cs };
            if (declaredUtf8HoldsUtf8(bytes, validSequences, invalidBytes))
                return { decodeMixedUtf8(bytes), cs }; // UTF-8 with stray bytes: repair them
            break; // declared UTF-8 but it is not: detect
        }
        if (utf8 && nonAscii && cs != u"utf-7")
            return { QString::fromUtf8(bytes), QStringLiteral("utf-8") }; // a stale declaration
        if (isLatinSingleByte(cs) && highByteCount(bytes) >= 16) {
            // A Latin declaration over bytes that clearly are something else (Cyrillic, CJK): trust detection.
            const QString guess = detect(bytes);
            if (!guess.isEmpty() && !isLatinSingleByte(guess) && guess != u"utf-8" && !guess.startsWith(u"iso-8859")
                && !guess.startsWith(u"windows-125") && !guess.startsWith(u"mac")) {
                if (auto s = decodeWith(bytes, guess))
                    return { *s, guess };
            } else if (!guess.isEmpty() && guess != cs
                && (guess == u"windows-1251" || guess == u"koi8-r" || guess == u"iso-8859-5" || guess == u"windows-1253"
                    || guess == u"iso-8859-7")) {
                if (auto s = decodeWith(bytes, guess))
                    return { *s, guess };
            }
        }
        if (auto s = decodeWith(bytes, cs))
            return { *s, cs };
    }
    if (utf8)
        return { QString::fromUtf8(bytes), QStringLiteral("utf-8") };
    const QString guess = detect(bytes);
    if (!guess.isEmpty() && guess != u"utf-8") {
        if (auto s = decodeWith(bytes, guess))
            return { *s, guess };
    }
    return { *decodeWith(bytes, QStringLiteral("windows-1252")), QStringLiteral("windows-1252") };
}

} // namespace Gloss::Core

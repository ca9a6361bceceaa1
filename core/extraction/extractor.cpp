#include "extractor.h"

#include "core/logging.h"
#include "htmldom.h"
#include "htmlextractor.h"
#include "metadataextractor.h"
#include "mhtmldecoder.h"
#include "textdecoder.h"
#include "textimporter.h"

#include <QFileInfo>
#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace Gloss::Core {

namespace {

// Dom::AttributeLoad::largeTagWork a page may have: 10,000 attributes on one tag (1e8) take 0.23 s to parse, so
// this is about a second of attribute checking. Real pages have a few dozen attributes per tag and count nothing.
constexpr double kMaxLargeTagWork = 4e8;
// Start tags a page may have. Each element costs about 250 bytes in libxml2's tree and up to 700 in the block model
// (a table cell is a cell, a paragraph and a run): 2,000,000 paragraphs peak at 1.5 GB, and a 99 MB table of
// 5,800,000 tags took 5.6 GB. Real pages have at most a few hundred thousand.
constexpr qsizetype kMaxStartTags = 2500000;

// A short name of the binary format when `bytes` start with a well-known signature, else empty.
QString binarySignature(const QByteArray &bytes)
{
    struct Magic
    {
        const char *prefix;
        int size;
        const char *name;
    };
    static const Magic magics[] = {
        { "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
        { "\xFF\xD8\xFF", 3, "a JPEG image" },
        { "GIF8", 4, "a GIF image" },
        { "%PDF", 4, "a PDF document" },
        { "PK\x03\x04", 4, "a ZIP archive (or an Office document)" },
        { "\x1F\x8B", 2, "gzip-compressed data" },
        { "BZh", 3, "bzip2-compressed data" },
        { "\x7F"
          "ELF",
            4, "an executable" },
        { "RIFF", 4, "a RIFF file (audio, video or image)" },
        { "\x00\x00\x01\x00", 4, "an icon" },
        { "SQLite format 3", 15, "an SQLite database" },
        { "\xFD"
          "7zXZ",
            5, "xz-compressed data" },
        { "7z\xBC\xAF", 4, "a 7-Zip archive" },
        { "OggS", 4, "an Ogg media file" },
        { "ID3", 3, "an MP3 file" },
        { "wOFF", 4, "a web font" },
    };
    for (const Magic &m : magics)
        if (bytes.size() >= m.size && std::memcmp(bytes.constData(), m.prefix, size_t(m.size)) == 0)
            return QString::fromLatin1(m.name);
    if (bytes.size() > 12 && bytes.mid(4, 4) == "ftyp")
        return QStringLiteral("an MP4/QuickTime media file");
    if (bytes.size() > 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("a WebP image");
    return {};
}

#if defined(__SSE2__) && defined(__GNUC__)
// The control and NUL byte counts of looksBinary() 32 bytes at a time, on processors with AVX2 (the caller asks);
// `i` is where it stopped. Per-byte counters (a match is -1, subtracted) are summed before they can wrap at 255.
__attribute__((target("avx2"))) void countControlsAvx2(
    const unsigned char *data, qsizetype n, qsizetype &i, qsizetype &controls, qsizetype &nuls)
{
    const __m256i maxControl = _mm256_set1_epi8(0x1f);
    const __m256i zero = _mm256_setzero_si256();
    const __m256i allowed[] = { _mm256_set1_epi8('\n'), _mm256_set1_epi8('\r'), _mm256_set1_epi8('\t'),
        _mm256_set1_epi8('\f'), _mm256_set1_epi8(0x1b) };
    while (i + 32 <= n) {
        __m256i controlCounts = zero;
        __m256i nulCounts = zero;
        for (int block = 0; block < 255 && i + 32 <= n; ++block, i += 32) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(data + i));
            __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(v, maxControl), v); // v <= 0x1f, unsigned
            for (const __m256i &a : allowed)
                control = _mm256_andnot_si256(_mm256_cmpeq_epi8(v, a), control);
            controlCounts = _mm256_sub_epi8(controlCounts, control);
            nulCounts = _mm256_sub_epi8(nulCounts, _mm256_cmpeq_epi8(v, zero));
        }
        const __m256i c = _mm256_sad_epu8(controlCounts, zero);
        const __m256i z = _mm256_sad_epu8(nulCounts, zero);
        controls += qsizetype(_mm256_extract_epi64(c, 0) + _mm256_extract_epi64(c, 1) + _mm256_extract_epi64(c, 2)
            + _mm256_extract_epi64(c, 3));
        nuls += qsizetype(_mm256_extract_epi64(z, 0) + _mm256_extract_epi64(z, 1) + _mm256_extract_epi64(z, 2)
            + _mm256_extract_epi64(z, 3));
    }
}
#endif

bool looksBinary(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF") || !TextDecoder::utf32Bom(bytes).isEmpty()
        || !TextDecoder::sniffUtf16(bytes).isEmpty())
        return false; // UTF-16 and UTF-32 text have NUL bytes
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    // Control bytes other than white space and ESC, and NUL bytes among them. The sniff reads up to 64 KiB of every
    // page: 32 bytes at a time with AVX2, 16 with SSE2 (the scalar loop cost as much as a tenth of the extraction
    // outside the parse on a median page), byte by byte for the rest.
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    qsizetype controls = 0;
    qsizetype nuls = 0;
    qsizetype i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2)
        countControlsAvx2(data, n, i, controls, nuls);
#endif
#if defined(__SSE2__)
    const __m128i maxControl = _mm_set1_epi8(0x1f);
    const __m128i zero = _mm_setzero_si128();
    const __m128i allowed[] = { _mm_set1_epi8('\n'), _mm_set1_epi8('\r'), _mm_set1_epi8('\t'), _mm_set1_epi8('\f'),
        _mm_set1_epi8(0x1b) };
    // Per-byte counters (a match is -1, subtracted), summed into the totals before they can wrap at 255.
    auto sum = [&zero](__m128i counts) {
        const __m128i s = _mm_sad_epu8(counts, zero);
        return qsizetype(_mm_cvtsi128_si32(s)) + qsizetype(_mm_cvtsi128_si32(_mm_srli_si128(s, 8)));
    };
    while (i + 16 <= n) {
        __m128i controlCounts = zero;
        __m128i nulCounts = zero;
        for (int block = 0; block < 255 && i + 16 <= n; ++block, i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
            __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, maxControl), v); // v <= 0x1f, unsigned
            for (const __m128i &a : allowed)
                control = _mm_andnot_si128(_mm_cmpeq_epi8(v, a), control);
            controlCounts = _mm_sub_epi8(controlCounts, control);
            nulCounts = _mm_sub_epi8(nulCounts, _mm_cmpeq_epi8(v, zero));
        }
        controls += sum(controlCounts);
        nuls += sum(nulCounts);
    }
#endif
    for (; i < n; ++i) {
        const unsigned c = data[i];
        controls += (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f') & (c != 0x1b);
        nuls += c == 0;
    }
    if (nuls * 100 > n)
        return true; // a stray NUL is an attack or a glitch; many are a binary (or BOM-less UTF-16) file
    return controls > n / 50 + 2;
}

// What `bytes` are when they are binary rather than text ("a PNG image", "binary data"), else empty: the checks
// extract() makes on its input, for content that came out of a container (an MHTML part).
QString binaryContent(const QByteArray &bytes)
{
    const QString signature = binarySignature(bytes);
    if (!signature.isEmpty())
        return signature;
    return looksBinary(bytes) ? QStringLiteral("binary data") : QString();
}

// The first 2,048 characters of `bytes` as ASCII-compatible bytes for looksLikeHtml(): the bytes themselves, or
// for UTF-16 and UTF-32 (a byte order mark, or sniffed), the text decoded and re-encoded as UTF-8.
QByteArray sniffHead(const QByteArray &bytes)
{
    const bool wide = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")
        || !TextDecoder::utf32Bom(bytes).isEmpty() || !TextDecoder::sniffUtf16(bytes).isEmpty();
    if (!wide)
        return bytes.left(2048);
    // 8,196 bytes hold 2,048 UTF-32 characters after a 4-byte mark; a character cut at the end is harmless.
    return TextDecoder::decode(bytes.left(8196), QString(), false).text.left(2048).toUtf8();
}

bool looksLikeHtml(const QByteArray &bytes)
{
    const QByteArray head = sniffHead(bytes).trimmed().toLower();
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml"))
        return true;
    for (const char *tag : { "<html", "<head", "<body", "<meta ", "<title", "<p>", "<div", "<article", "<br",
             "<!doctype", "<table", "<h1", "<script" })
        if (head.contains(tag))
            return head.startsWith('<') || head.indexOf('<') < 256;
    return false;
}

enum class Kind { Html, Text, Mhtml };

} // namespace

QString Extractor::version()
{
    return QStringLiteral("gloss-extract/1");
}

QString Extractor::tooLargeMessage(qint64 size)
{
    const QString limit = QStringLiteral("%1 bytes (%2 MiB)").arg(maxInputBytes).arg(maxInputBytes >> 20);
    if (size <= 0)
        return QStringLiteral("The input is larger than the limit of %1.").arg(limit);
    return QStringLiteral("The input is %1 bytes; the limit is %2.").arg(size).arg(limit);
}

Result<Extraction> Extractor::extract(const QByteArray &bytes, const ExtractOptions &options)
{
    if (bytes.isEmpty())
        return fail(QStringLiteral("The input is empty."));
    if (bytes.size() > maxInputBytes)
        return fail(tooLargeMessage(bytes.size()));
    const QString signature = binarySignature(bytes);
    if (!signature.isEmpty())
        return fail(QStringLiteral("The input is %1, not an HTML page or a text file.").arg(signature));
    if (looksBinary(bytes))
        return fail(QStringLiteral("The input is binary data, not an HTML page or a text file (text in UTF-16 or "
                                   "UTF-32 needs a byte order mark unless it is mostly alphabetic)."));

    const QString type = options.contentType.section(u';', 0, 0).trimmed().toLower();
    const QString suffix = QFileInfo(options.fileName).suffix().toLower();
    Kind kind;
    if (MhtmlDecoder::looksLikeMhtml(bytes) || type == u"multipart/related" || type == u"message/rfc822"
        || suffix == u"mht" || suffix == u"mhtml")
        kind = Kind::Mhtml;
    else if (type == u"text/html" || type == u"application/xhtml+xml")
        kind = Kind::Html;
    else if (type == u"text/plain")
        kind = Kind::Text;
    else if (suffix == u"txt" || suffix == u"text")
        kind = looksLikeHtml(bytes) && sniffHead(bytes).trimmed().startsWith('<') ? Kind::Html : Kind::Text;
    else if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml" || suffix == u"shtml")
        kind = Kind::Html;
    else
        kind = looksLikeHtml(bytes) ? Kind::Html : Kind::Text;

    Extraction e;
    e.extractorVersion = version();
    QByteArray htmlBytes = bytes;
    QString htmlContentType = options.contentType;
    QUrl url = options.url;
    if (kind == Kind::Mhtml) {
        const auto part = MhtmlDecoder::htmlPart(bytes);
        if (!part)
            return std::unexpected(part.error());
        if (const QString binary = binaryContent(part->bytes); !binary.isEmpty())
            return fail(QStringLiteral("The MHTML's text/html part is %1, not HTML.").arg(binary));
        htmlBytes = part->bytes;
        htmlContentType = part->contentType;
        if ((!url.isValid() || url.isLocalFile() || url.isEmpty()) && !part->location.isEmpty())
            url = QUrl(part->location);
        e.contentType = QStringLiteral("multipart/related");
    }

    if (kind == Kind::Text) {
        const TextDecoder::Decoded decoded = TextDecoder::decode(bytes, options.contentType, false);
        TextImporter::Output out = TextImporter::import(decoded.text);
        e.contentType = QStringLiteral("text/plain");
        e.charset = decoded.charset;
        e.metadata = out.metadata;
        e.publishedRaw = out.publishedRaw;
        e.readerText = out.document.text();
        e.readerHtml = out.document.html();
    } else {
        const TextDecoder::Decoded decoded = TextDecoder::decodeUnlessUtf8(htmlBytes, htmlContentType, true);
        QByteArray utf8;
        if (decoded.text.isEmpty() && decoded.charset == u"utf-8")
            utf8 = htmlBytes.startsWith("\xEF\xBB\xBF") ? htmlBytes.mid(3) : htmlBytes;
        else
            utf8 = decoded.text.toUtf8();
        if (utf8.contains('\0'))
            utf8.replace('\0', QByteArray()); // libxml2 stops at NUL; browsers drop it too
        const Dom::AttributeLoad load = Dom::attributeLoad(utf8);
        if (load.startTags > kMaxStartTags)
            return fail(QStringLiteral("The page has %1 tags; Gloss reads pages of up to %2 (a page this big would take "
                                       "gigabytes of memory).")
                            .arg(load.startTags)
                            .arg(kMaxStartTags));
        if (load.largeTagWork > kMaxLargeTagWork)
            return fail(QStringLiteral("The page has start tags with hundreds of attributes or more (the most: %1 on "
                                       "one tag); parse time grows with the square of that number, so Gloss does "
                                       "not read it.")
                            .arg(load.most));
        HtmlExtractor::Output out = HtmlExtractor::extract(utf8, url, options.keepStandfirst);
        if (e.contentType.isEmpty())
            e.contentType = QStringLiteral("text/html");
        e.charset = decoded.charset;
        e.metadata = out.metadata;
        e.publishedRaw = out.publishedRaw;
        e.readerText = out.document.text();
        e.readerHtml = out.document.html();
    }
    if (e.readerText.trimmed().isEmpty())
        return fail(QStringLiteral("No readable text was found in the input."));
    MetadataExtractor::capLengths(e.metadata); // the excerpt or byline may come from the body (a huge paragraph)
    qCDebug(lcExtraction) << "extracted" << e.readerText.size() << "UTF-16 units from" << options.fileName;
    return e;
}

} // namespace Gloss::Core

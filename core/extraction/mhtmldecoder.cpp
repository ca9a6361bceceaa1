#include "mhtmldecoder.h"

#include <QList>

namespace Gloss::Core {

namespace {

struct Headers
{
    QList<std::pair<QByteArray, QByteArray>> fields; // lower-case name, value (unfolded)
    QByteArray value(const QByteArray &name) const
    {
        for (const auto &[n, v] : fields)
            if (n == name)
                return v;
        return {};
    }
};

// Parses headers from `data` at `pos`; leaves `pos` after the blank line.
Headers parseHeaders(const QByteArray &data, qsizetype &pos)
{
    Headers h;
    while (pos < data.size()) {
        qsizetype eol = data.indexOf('\n', pos);
        if (eol < 0)
            eol = data.size();
        QByteArray line = data.mid(pos, eol - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = eol + 1;
        if (line.isEmpty())
            break;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !h.fields.isEmpty()) {
            h.fields.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        h.fields.append({ line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
    }
    return h;
}

QByteArray parameter(const QByteArray &value, const QByteArray &name)
{
    const QByteArray lower = value.toLower();
    qsizetype i = lower.indexOf(QByteArray(name + '='));
    if (i < 0)
        return {};
    i += name.size() + 1;
    if (i < value.size() && value[i] == '"') {
        const qsizetype end = value.indexOf('"', i + 1);
        return value.mid(i + 1, end < 0 ? -1 : end - i - 1);
    }
    qsizetype end = i;
    while (end < value.size() && value[end] != ';' && value[end] != ' ')
        ++end;
    return value.mid(i, end - i);
}

bool isBase64Space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool isBase64Letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

} // namespace

Result<QByteArray> MhtmlDecoder::decodeBase64(const QByteArray &in)
{
    QByteArray letters;
    letters.reserve(in.size());
    qsizetype padding = 0;
    for (const char c : in) {
        if (isBase64Space(c))
            continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        if (!isBase64Letter(c)) {
            const auto u = static_cast<unsigned char>(c);
            return fail(u >= 0x21 && u < 0x7f
                    ? QStringLiteral("'%1' is not a base64 character").arg(QLatin1Char(c))
                    : QStringLiteral("byte 0x%1 is not a base64 character").arg(u, 2, 16, QLatin1Char('0')));
        }
        if (padding > 0)
            return fail(QStringLiteral("data follows the \"=\" padding"));
        letters += c;
    }
    // A final group of one letter holds no whole byte; padding must complete the last group of four.
    const qsizetype rest = letters.size() % 4;
    if (rest == 1 || padding > 2 || (padding > 0 && (rest + padding) % 4 != 0))
        return fail(QStringLiteral("the \"=\" padding is wrong"));
    return QByteArray::fromBase64(letters);
}

bool MhtmlDecoder::looksLikeMhtml(const QByteArray &bytes)
{
    // An archive starts with header fields; a page that starts with markup is not one (the common case,
    // answered without copying and lower-casing its first 4 KiB).
    for (const char c : bytes) {
        if (c == '<')
            return false;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\xEF' && c != '\xBB' && c != '\xBF')
            break;
    }
    const QByteArray head = bytes.left(4096).toLower();
    return head.contains("content-type: multipart/related") || head.contains("content-type:multipart/related")
        || (head.startsWith("from:") && head.contains("multipart/related"))
        || (head.startsWith("mime-version:") && head.contains("multipart/related"));
}

QByteArray MhtmlDecoder::decodeQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < in.size() && in[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
            i += 2;
            continue;
        }
        if (i + 2 < in.size() && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
            out += char(hex(in[i + 1]) * 16 + hex(in[i + 2]));
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

Result<MhtmlDecoder::Part> MhtmlDecoder::htmlPart(const QByteArray &bytes)
{
    qsizetype pos = 0;
    const Headers top = parseHeaders(bytes, pos);
    const QByteArray type = top.value("content-type");
    const QByteArray boundary = parameter(type, "boundary");
    const QString snapshotLocation = QString::fromUtf8(top.value("snapshot-content-location"));
    if (boundary.isEmpty())
        return fail(QStringLiteral("The MHTML archive has no multipart boundary, so it holds no text/html part."));
    const QByteArray delimiter = QByteArray("--") + boundary;
    qsizetype start = bytes.indexOf(delimiter, pos);
    while (start >= 0) {
        qsizetype p = start + delimiter.size();
        if (bytes.mid(p, 2) == "--")
            break; // closing delimiter
        while (p < bytes.size() && bytes[p] != '\n')
            ++p;
        ++p;
        const Headers h = parseHeaders(bytes, p);
        const qsizetype next = bytes.indexOf(delimiter, p);
        QByteArray body = bytes.mid(p, next < 0 ? -1 : next - p);
        const QByteArray ctype = h.value("content-type");
        if (ctype.toLower().startsWith("text/html")) {
            const QByteArray enc = h.value("content-transfer-encoding").toLower();
            if (enc == "quoted-printable")
                body = decodeQuotedPrintable(body);
            else if (enc == "base64") {
                Result<QByteArray> decoded = decodeBase64(body);
                if (!decoded)
                    return fail(QStringLiteral("The MHTML's text/html part is not valid base64: %1.")
                                    .arg(decoded.error().message));
                body = std::move(*decoded);
            }
            Part part;
            part.bytes = body;
            part.contentType = QString::fromUtf8(ctype);
            part.location = QString::fromUtf8(h.value("content-location"));
            if (part.location.isEmpty())
                part.location = snapshotLocation;
            return part;
        }
        start = next;
    }
    return fail(QStringLiteral("The MHTML archive holds no text/html part."));
}

} // namespace Gloss::Core

#include "htmlsanitizer.h"

#include <QStringList>

namespace Gloss::Core {

QString HtmlSanitizer::safeUrl(const QString &raw, const QUrl &base, UrlKind kind)
{
    // Strip what the URL parser strips: leading/trailing C0 controls and spaces, and every tab/CR/LF inside.
    QString s;
    s.reserve(raw.size());
    for (const QChar c : raw) {
        const char16_t u = c.unicode();
        if (u == u'\t' || u == u'\n' || u == u'\r')
            continue;
        s += c;
    }
    qsizetype b = 0, e = s.size();
    while (b < e && s.at(b).unicode() <= 0x20)
        ++b;
    while (e > b && s.at(e - 1).unicode() <= 0x20)
        --e;
    s = s.mid(b, e - b);
    if (s.isEmpty())
        return {};
    for (const QChar c : std::as_const(s))
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return {}; // control characters inside: not a URL a page would mean
    if (kind == UrlKind::Link && s.startsWith(u'#'))
        return {};

    // Scheme: letters, digits, + - . before the first ':' (and before any / ? #).
    qsizetype colon = -1;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u':') {
            colon = i;
            break;
        }
        if (c == u'/' || c == u'?' || c == u'#' || c == u'\\')
            break;
        if (!(c.isLetterOrNumber() || c == u'+' || c == u'-' || c == u'.') || c.unicode() > 0x7f)
            break; // not a scheme: a relative reference
    }
    if (colon >= 0) {
        const QString scheme = s.left(colon).toLower();
        if (scheme == u"http" || scheme == u"https") {
            const QUrl u(s);
            return u.isValid() ? QString::fromUtf8(u.toEncoded()) : QString();
        }
        if (scheme == u"mailto")
            return kind == UrlKind::Link ? s : QString();
        if (scheme == u"data" && kind == UrlKind::Image) {
            const QString head = s.mid(5, 20).toLower();
            static const QStringList allowed { QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                QStringLiteral("image/jpg"), QStringLiteral("image/gif"), QStringLiteral("image/webp"),
                QStringLiteral("image/avif"), QStringLiteral("image/bmp") };
            for (const QString &a : allowed)
                if (head.startsWith(a)
                    && (head.size() == a.size() || head.at(a.size()) == u';' || head.at(a.size()) == u','))
                    return s;
            return {};
        }
        return {};
    }
    // Relative (including protocol-relative "//host/x").
    if (base.isValid() && (base.scheme() == u"http" || base.scheme() == u"https")) {
        const QUrl resolved = base.resolved(QUrl(s));
        if (!resolved.isValid())
            return {};
        const QString scheme = resolved.scheme();
        if (scheme != u"http" && scheme != u"https")
            return {};
        return QString::fromUtf8(resolved.toEncoded());
    }
    if (s.startsWith(u"//"))
        return u"https:" + s;
    const QUrl rel(s);
    return rel.isValid() ? QString::fromUtf8(rel.toEncoded()) : QString();
}

QString HtmlSanitizer::bestFromSrcset(const QString &srcset)
{
    QString best;
    double bestValue = -1;
    // Candidates are separated by commas that follow a descriptor or URL; URLs may themselves hold commas
    // (rare), so split on ", " and "," followed by a non-digit conservatively.
    const QStringList parts = srcset.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QStringList words = part.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        double value = 1;
        if (words.size() > 1) {
            const QString d = words.at(1);
            bool ok = false;
            const double v = d.left(d.size() - 1).toDouble(&ok);
            if (ok)
                value = d.endsWith(u'x') ? v * 1000 : v;
        }
        if (value > bestValue) {
            bestValue = value;
            best = words.first();
        }
    }
    return best;
}

} // namespace Gloss::Core

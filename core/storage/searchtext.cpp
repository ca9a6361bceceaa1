#include "searchtext.h"

#include <QRegularExpression>
#include <algorithm>
#include <limits>

namespace Gloss::Core::SearchText {


QString quoted(const QString &s)
{
    QString inner = s;
    inner.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + inner + QLatin1Char('"');
}

bool hasWordCharacter(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

namespace {

/// Case-folds and removes diacritics, as the index's tokenizer does for Latin letters (`unicode61
/// remove_diacritics 2`); close enough for highlighting (a Greek tonos is dropped here too).
QString fold(QStringView s)
{
    bool ascii = true;
    for (QChar c : s)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return s.toString().toLower();
    const QString d = s.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(d.size());
    for (QChar c : d)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toCaseFolded();
    return out;
}

struct Token
{
    qsizetype start = 0; ///< UTF-16 offsets in the text
    qsizetype end = 0;
    QString folded;
};

/// Runs of letters, digits and combining marks (unicode61's token characters, near enough for snippets), read
/// one at a time so that a snippet stops reading a long text once it has its window.
class Tokenizer
{
public:
    explicit Tokenizer(const QString &text)
        : m_text(text)
    { }
    bool next(Token &t)
    {
        const qsizetype n = m_text.size();
        while (m_at < n && !isTokenChar(m_text.at(m_at)))
            ++m_at;
        if (m_at >= n)
            return false;
        const qsizetype start = m_at;
        while (m_at < n && isTokenChar(m_text.at(m_at)))
            ++m_at;
        t = Token { start, m_at, fold(QStringView(m_text).mid(start, m_at - start)) };
        return true;
    }

private:
    static bool isTokenChar(QChar c) { return c.isLetterOrNumber() || c.isMark() || c.isSurrogate(); }
    const QString &m_text;
    qsizetype m_at = 0;
};

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    Tokenizer tokenizer(text);
    Token t;
    while (tokenizer.next(t))
        tokens.append(t);
    return tokens;
}

} // namespace

QList<QueryItem> queryItems(const QString &query)
{
    QList<QueryItem> items;
    qsizetype i = 0;
    const qsizetype n = query.size();
    while (i < n) {
        if (query.at(i).isSpace()) {
            ++i;
            continue;
        }
        if (query.at(i) == u'"') {
            const qsizetype close = query.indexOf(u'"', i + 1);
            items.append(QueryItem { QueryItem::Phrase, query.mid(i + 1, close < 0 ? -1 : close - i - 1), false });
            i = close < 0 ? n : close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < n && !query.at(end).isSpace())
            ++end;
        QString word = query.mid(i, end - i);
        i = end;
        if (word == u"OR") {
            items.append(QueryItem { QueryItem::Or, word, false });
            continue;
        }
        const bool prefix = word.size() > 1 && word.endsWith(u'*');
        if (prefix)
            word.chop(1);
        items.append(QueryItem { QueryItem::Word, word, prefix });
    }
    return items;
}

QList<QueryPhrase> queryPhrases(const QString &query)
{
    QList<QueryPhrase> phrases;
    for (const QueryItem &item : queryItems(query)) {
        if (item.kind == QueryItem::Or)
            continue;
        QueryPhrase p;
        for (const Token &t : tokenize(item.text))
            p.tokens.append(t.folded);
        p.prefix = item.prefix;
        if (!p.tokens.isEmpty())
            phrases.append(p);
    }
    return phrases;
}

QString localSnippet(const QString &text, const QList<QueryPhrase> &phrases, const QString &open, const QString &close,
    int windowTokens)
{
    qsizetype longest = 1;
    for (const QueryPhrase &p : phrases)
        longest = std::max(longest, qsizetype(p.tokens.size()));
    Tokenizer tokenizer(text);
    QList<Token> tokens;
    bool more = true;
    auto fill = [&](qsizetype count) {
        Token t;
        while (more && tokens.size() < count)
            more = tokenizer.next(t) && (tokens.append(t), true);
    };
    // The length of the phrase match starting at token i (0: none).
    auto matchAt = [&](qsizetype i) -> qsizetype {
        fill(i + longest);
        qsizetype matched = 0;
        for (const QueryPhrase &p : phrases) {
            const qsizetype len = p.tokens.size();
            if (i + len > tokens.size())
                continue;
            bool ok = true;
            for (qsizetype k = 0; k < len && ok; ++k) {
                const QString &want = p.tokens.at(k);
                const QString &have = tokens.at(i + k).folded;
                ok = (p.prefix && k == len - 1) ? have.startsWith(want) : have == want;
            }
            if (ok)
                matched = std::max(matched, len);
        }
        return matched;
    };
    qsizetype first = -1;
    for (qsizetype i = 0; first < 0; ++i) {
        fill(i + 1);
        if (i >= tokens.size())
            return {};
        if (matchAt(i) > 0)
            first = i;
    }
    qsizetype start = std::max<qsizetype>(0, first - 2);
    fill(start + windowTokens + 1); // one more, to know whether the text goes on
    if (tokens.size() - start < windowTokens) // near the end: a full window, as FTS5 gives
        start = std::max<qsizetype>(0, tokens.size() - windowTokens);
    const qsizetype lastToken = std::min<qsizetype>(tokens.size() - 1, start + windowTokens - 1);
    const bool cutEnd = lastToken < tokens.size() - 1;
    const qsizetype from = start == 0 ? 0 : tokens.at(start).start;
    const qsizetype to = cutEnd ? tokens.at(lastToken).end : text.size();
    QString out = start == 0 ? QString() : QStringLiteral("…");
    qsizetype at = from;
    for (qsizetype i = first; i <= lastToken;) {
        const qsizetype len = matchAt(i);
        if (len == 0 || i + len - 1 > lastToken) {
            ++i;
            continue;
        }
        const qsizetype a = tokens.at(i).start;
        const qsizetype b = tokens.at(i + len - 1).end;
        out += QStringView(text).mid(at, a - at) + open + QStringView(text).mid(a, b - a) + close;
        at = b;
        i += len;
    }
    out += QStringView(text).mid(at, to - at);
    if (cutEnd)
        out += QStringLiteral("…");
    return out;
}

namespace {

/// CJK ideographs, kana, Hangul: the characters of cjk_fts's condition (migrations.cpp, schema step 5).
bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool hasCjk(QStringView s)
{
    for (char32_t c : s.toUcs4())
        if (isCjk(c))
            return true;
    return false;
}

} // namespace

QList<QStringList> substringClauses(const QString &query)
{
    QList<QStringList> clauses;
    bool orNext = false;
    bool cjk = false;
    qsizetype shortest = std::numeric_limits<qsizetype>::max();
    for (const QString &word : query.split(QRegularExpression(QStringLiteral("[\\s\"]+")), Qt::SkipEmptyParts)) {
        if (word == u"OR") {
            orNext = !clauses.isEmpty();
            continue;
        }
        Tokenizer tokens(word);
        Token t;
        while (tokens.next(t)) {
            const QString term = word.mid(t.start, t.end - t.start);
            cjk = cjk || hasCjk(term);
            shortest = std::min(shortest, qsizetype(term.toUcs4().size()));
            if (orNext)
                clauses.last().append(term);
            else
                clauses.append(QStringList { term });
            orNext = false;
        }
    }
    if (!cjk && shortest < 3)
        return {};
    return clauses;
}

int occurrences(const QString &text, const QString &term)
{
    int n = 0;
    for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive))
        ++n;
    return n;
}

QString substringSnippet(const QString &text, const QStringList &terms, const QString &open, const QString &close)
{
    qsizetype first = -1;
    for (const QString &term : terms) {
        const qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    if (first < 0)
        return {};
    qsizetype from = std::max<qsizetype>(0, first - 20);
    qsizetype to = std::min<qsizetype>(text.size(), first + 60);
    if (from > 0 && text.at(from).isLowSurrogate())
        --from;
    if (to < text.size() && text.at(to).isLowSurrogate())
        ++to;
    QString out = from > 0 ? QStringLiteral("…") : QString();
    qsizetype at = from;
    while (at < to) {
        qsizetype next = -1;
        qsizetype length = 0;
        for (const QString &term : terms) {
            const qsizetype found = text.indexOf(term, at, Qt::CaseInsensitive);
            if (found >= 0 && found + term.size() <= to && (next < 0 || found < next || (found == next && term.size() > length))) {
                next = found;
                length = term.size();
            }
        }
        if (next < 0)
            break;
        out += QStringView(text).mid(at, next - at) + open + QStringView(text).mid(next, length) + close;
        at = next + length;
    }
    out += QStringView(text).mid(at, to - at);
    if (to < text.size())
        out += QStringLiteral("…");
    return out.simplified();
}

} // namespace Gloss::Core::SearchText

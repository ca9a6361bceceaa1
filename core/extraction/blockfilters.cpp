#include "blockfilters.h"

#include "core/document/readerdocument.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <algorithm>
#include <bitset>
#include <cstring>
#include <string>
#include <vector>

namespace Gloss::Core::BlockFilters {

namespace {

const QSet<QString> &boilerplateLabels()
{
    // Short block texts that are page furniture in any article (lower case, without trailing punctuation). A set:
    // every short element of the content is looked up.
    static const QSet<QString> labels = { QStringLiteral("advertisement"), QStringLiteral("advertising"),
        QStringLiteral("ad"), QStringLiteral("ads"), QStringLiteral("anzeige"), QStringLiteral("werbung"),
        QStringLiteral("publicité"), QStringLiteral("sponsored"), QStringLiteral("sponsored content"),
        QStringLiteral("read more"), QStringLiteral("read also"), QStringLiteral("also read"),
        QStringLiteral("read next"), QStringLiteral("related"), QStringLiteral("related articles"),
        QStringLiteral("related stories"), QStringLiteral("related content"), QStringLiteral("related posts"),
        QStringLiteral("more stories"), QStringLiteral("more from"), QStringLiteral("you may also like"),
        QStringLiteral("you might also like"), QStringLiteral("recommended"), QStringLiteral("recommended for you"),
        QStringLiteral("most popular"), QStringLiteral("most read"), QStringLiteral("trending"),
        QStringLiteral("share"), QStringLiteral("share this"), QStringLiteral("share this article"),
        QStringLiteral("share this story"), QStringLiteral("share on facebook"), QStringLiteral("share on twitter"),
        QStringLiteral("tweet"), QStringLiteral("email"), QStringLiteral("print"), QStringLiteral("comments"),
        QStringLiteral("comment"), QStringLiteral("leave a comment"), QStringLiteral("subscribe"),
        QStringLiteral("sign up"), QStringLiteral("newsletter"), QStringLiteral("follow us"),
        QStringLiteral("skip to content"), QStringLiteral("skip advertisement"), QStringLiteral("continue reading"),
        QStringLiteral("click here"), QStringLiteral("back to top"), QStringLiteral("loading"),
        QStringLiteral("more about"), QStringLiteral("weiterlesen"), QStringLiteral("mehr zum thema"),
        QStringLiteral("lesen sie auch"), QStringLiteral("auch interessant"), QStringLiteral("teilen"),
        QStringLiteral("lire aussi"), QStringLiteral("anzeige"), QStringLiteral("- anzeige -"),
        QStringLiteral("-anzeige-"), QStringLiteral("zurück"), QStringLiteral("neueste artikel"),
        QStringLiteral("zum weiterlesen"), QStringLiteral("meistgelesen"), QStringLiteral("meist gelesen"),
        QStringLiteral("meist-diskutiert"), QStringLiteral("meistgelesene artikel"),
        QStringLiteral("quellen ausblenden"), QStringLiteral("quellen anzeigen"), QStringLiteral("bild anzeigen"),
        QStringLiteral("bild schließen"), QStringLiteral("pinnen"), QStringLiteral("drucken"), QStringLiteral("merken"),
        QStringLiteral("das könnte sie auch interessieren"), QStringLiteral("ähnliche artikel"),
        QStringLiteral("verwandte artikel"), QStringLiteral("weitere artikel"), QStringLiteral("beliebte artikel"),
        QStringLiteral("top-themen"), QStringLiteral("vea también"), QStringLiteral("lea también"),
        QStringLiteral("lee también"), QStringLiteral("te puede interesar"), QStringLiteral("relacionados"),
        QStringLiteral("noticias relacionadas"), QStringLiteral("mira también"), QStringLiteral("voir aussi"),
        QStringLiteral("sur le même sujet"), QStringLiteral("articles liés"), QStringLiteral("à lire également"),
        QStringLiteral("related topics"), QStringLiteral("more on this story"), QStringLiteral("most viewed"),
        QStringLiteral("latest news"), QStringLiteral("latest stories"), QStringLiteral("top stories"),
        QStringLiteral("editor's picks"), QStringLiteral("don't miss"), QStringLiteral("tags"),
        QStringLiteral("topics"), QStringLiteral("share this post"), QStringLiteral("like this"),
        QStringLiteral("reply"), QStringLiteral("report"), QStringLiteral("image"), QStringLiteral("photo"),
        QStringLiteral("video"), QStringLiteral("audio"), QStringLiteral("next article"),
        QStringLiteral("previous article"), QStringLiteral("next post"), QStringLiteral("previous post"),
        QStringLiteral("older posts"), QStringLiteral("newer posts"), QStringLiteral("advert"),
        QStringLiteral("getty images"), QStringLiteral("enlarge image"), QStringLiteral("enlarge"),
        QStringLiteral("expand"), QStringLiteral("close"), QStringLiteral("menu"), QStringLiteral("next"),
        QStringLiteral("previous"), QStringLiteral("prev"), QStringLiteral("weiter"),
        QStringLiteral("weitere artikel zum thema"), QStringLiteral("kommentierte artikel"),
        QStringLiteral("articles les plus lus"), QStringLiteral("les plus lus"), QStringLiteral("czytaj też"),
        QStringLiteral("originalartikel"), QStringLiteral("permalien"), QStringLiteral("permalink"),
        QStringLiteral("kommende events"), QStringLiteral("unsere partner"), QStringLiteral("más noticias"),
        QStringLiteral("más leídas"), QStringLiteral("lo más leído"), QStringLiteral("ultime notizie"),
        QStringLiteral("leggi anche"), QStringLiteral("potrebbe interessarti"), QStringLiteral("à lire aussi"),
        QStringLiteral("partager"), QStringLiteral("leer más"), QStringLiteral("compartir"), QStringLiteral("реклама"),
        QStringLiteral("广告") };
    return labels;
}

} // namespace

bool isBoilerplateLabel(const QString &text)
{
    if (text.size() > 40)
        return false;
    QString t = text.toLower().trimmed();
    while (!t.isEmpty()
        && (t.back() == u':' || t.back() == u'.' || t.back() == u'…' || t.back() == u'»' || t.back() == u'>'
            || t.back() == u' ' || t.back() == u'›' || t.back() == u'!'))
        t.chop(1);
    return boilerplateLabels().contains(t);
}

bool isAuthorBioHeading(const QString &text)
{
    if (text.size() > 40)
        return false;
    static const QRegularExpression re(
        QStringLiteral("^(about the authors?|the authors?|authors?|about me|"
                       "(über (den|die) )?autor(in|en|innen|:innen|\\*innen)?|zu(r|m) autor(in)?|"
                       "(à propos de )?l'auteur|(à propos des |les )?auteurs|(sobre )?el autor|(sobre )?os autores|"
                       "(sobre )?o autor|l'autore|gli autori|over de auteur|de auteur|o autorze|об авторе)$"),
        QRegularExpression::CaseInsensitiveOption);
    QString t = text.trimmed();
    while (!t.isEmpty() && (t.back() == u':' || t.back() == u'.'))
        t.chop(1);
    return re.match(t.simplified()).hasMatch();
}

namespace {

QStringList wordTokens(const QString &s)
{
    QStringList out;
    QString cur;
    for (const QChar c : s) {
        if (c.isLetterOrNumber() || c == u'_') {
            cur += c.toLower();
        } else if (!cur.isEmpty()) {
            out << cur;
            cur.clear();
        }
    }
    if (!cur.isEmpty())
        out << cur;
    return out;
}

} // namespace

bool similarTitle(const QString &heading, const QString &title)
{
    if (heading.isEmpty() || title.isEmpty() || heading.size() > title.size() * 2 + 20)
        return false;
    if (heading.compare(title, Qt::CaseInsensitive) == 0)
        return true;
    // Readability.js _textSimilarity(title, heading): 1 - (length of the heading's tokens that are not in the
    // title) / (length of all the heading's tokens), each joined by spaces.
    const QStringList ta = wordTokens(title);
    const QStringList tb = wordTokens(heading);
    if (ta.isEmpty() || tb.isEmpty())
        return false;
    qsizetype uniqueLen = 0, bLen = 0;
    for (const QString &t : tb) {
        bLen += t.size() + 1;
        if (!ta.contains(t))
            uniqueLen += t.size() + 1;
    }
    return 1.0 - double(uniqueLen) / double(std::max<qsizetype>(1, bLen)) > 0.75;
}

QString blockText(const ReaderNode &n)
{
    QString t;
    for (const InlineRun &r : n.runs)
        t += r.text;
    return t;
}

namespace {

// Calls-to-action and page furniture that sit inside article containers: newsletter and app prompts,
// "follow us", "read more" teasers, copyright lines. Only short blocks are judged: up to 250 characters on all
// signals, up to kLongCallToAction on the phrases that no article sentence uses (a reprint notice run into one
// paragraph with its contact line).
constexpr qsizetype kLongCallToAction = 320;

// A literal prefilter for the call-to-action patterns below: every alternative of a pattern contains one of its
// literals, so when none occurs in the text (ASCII case folded), the pattern cannot match and PCRE2 need not
// run. The text is folded only when no character in it folds onto an ASCII letter under PCRE2's Unicode caseless
// matching (U+017F long s, U+212A Kelvin sign); otherwise the caller runs the pattern.
struct LiteralSet
{
    std::vector<std::string> byFirst[128];
    std::bitset<128 * 128> pairs; // the first two characters of every literal: most positions are ruled out by them
    explicit LiteralSet(std::initializer_list<const char *> literals)
    {
        for (const char *l : literals) {
            byFirst[static_cast<unsigned char>(l[0])].emplace_back(l); // every literal has two characters or more
            pairs.set(size_t(static_cast<unsigned char>(l[0])) * 128 + static_cast<unsigned char>(l[1]));
        }
    }
    // `folded`: the text with ASCII letters lower-cased, every other character as 0x80 (never in a literal).
    bool anyIn(const std::string &folded) const
    {
        const size_t n = folded.size();
        for (size_t i = 0; i + 1 < n; ++i) {
            const auto c = static_cast<unsigned char>(folded[i]);
            const auto d = static_cast<unsigned char>(folded[i + 1]);
            if (c >= 128 || d >= 128 || !pairs.test(size_t(c) * 128 + d))
                continue;
            for (const std::string &l : byFirst[c])
                if (l.size() <= n - i && folded[i + 1] == l[1]
                    && std::memcmp(folded.data() + i + 2, l.data() + 2, l.size() - 2) == 0)
                    return true;
        }
        return false;
    }
};

bool foldForPrefilter(const QString &text, std::string &folded)
{
    folded.resize(size_t(text.size()));
    const QChar *chars = text.constData();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = chars[i].unicode();
        if (u < 128)
            folded[size_t(i)] = char(u >= 'A' && u <= 'Z' ? u + 32 : u);
        else if (u == 0x017F || u == 0x212A)
            return false;
        else
            folded[size_t(i)] = char(0x80);
    }
    return true;
}

} // namespace

bool isCallToAction(const QString &text)
{
    if (text.size() > kLongCallToAction)
        return false;
    // Split in two so that PCRE2 can use its start-of-match optimisation: one alternative that may begin
    // anywhere (".{0,40}" after "^") in a single pattern made it try every alternative at every position.
    static const QRegularExpression anywhere(
        QStringLiteral(
            "(?:\\b|^)(subscribe (to|now|today|for)|sign up (for|to|here|now)|newsletters?\\b|click here|"
            "follow (us|him|her|me|them) (on|at)|follow @|download (the|our) app|get the app|"
            "all rights reserved|have a tip\\?|share this (article|story|post)|"
            "is not responsible for|enable javascript|update your browser|cookies? (policy|settings)|"
            "sign in to|log in to|create (a free |an )?account|already a subscriber|"
            "abonnieren|newsletter|jetzt (lesen|abonnieren|anmelden)|inscrivez-vous|abonnez-vous|suscríbete|"
            "\\bcopyright\\s*(©|\\(c\\)|@)?\\s*(19|20)\\d\\d\\b|(tell us|we want to hear) what you think|"
            "sharing is caring|this slideshow requires javascript|download (the|our) (\\w+ ){0,2}apps?\\b|"
            "s(i|í)guenos en|"
            "canal de (telegram|youtube|whatsapp)|cancela cuando quieras|letter to the editor via|"
            "contains references to products|als pdf herunterladen|do subskrypcji|"
            "reading time|min(ute)?s? read\\b|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura|"
            "copyrighted property|"
            "written permission|(sie sind|you are) (aktuell |currently )?(nicht|not) (eingeloggt|logged in)|"
            "gibt die meinung de[rs] autor|wurde (zuerst |erstmals )?(veröffentlicht|publiziert) "
            "(auf|bei|in)|"
            "(comentários|comments?|kommentare|comentarios)\\b.{0,80}\\b(moderad|moderat|aprovad|approv))"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression atStart(
        QStringLiteral(
            "^(this entry was posted\\b|der beitrag wurde am\\b|"
            "unless otherwise stated,? the content|sofern nicht anders (ausgewiesen|angegeben)|"
            "(warning|notice|deprecated): .{0,200}\\bon line \\d+|"
            ".{0,40}\\bshare (this|it|on)\\b|\\W*©|\\(?leggi anche|"
            "crédits? photos?|"
            "(tags|tagged with|schlagw(ö|o)rter|schlagworte|etiquetas)\\b|"
            "(jump|skip) to (navigation|search|content|main content)|"
            "(czytaj (też|także)|auch lesen|lesen sie auch|zum thema)\\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression prefix(
        QStringLiteral("^\\[?(read more|read next|read also|also read|related( articles?| stories| coverage| posts?)?|"
                       "see also|more from|more on this|watch|listen|recommended|trending|you may also like|"
                       "lesen sie (auch|mehr)|mehr zum thema|mehr dazu|siehe auch|weiterlesen|à lire aussi|lire aussi|"
                       "voir aussi|leer más|lea (también|más)|lee también|vea también|mira también|"
                       "advertisement|sponsored|anzeige)\\b\\s*[:|»>\\-–—]"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // One literal of each alternative of `anywhere`, `atStart` and `prefix` (see LiteralSet).
    static const LiteralSet anywhereLiterals { "subscribe ", "sign up ", "newsletter", "click here", "follow ",
        "download ", "get the app", "all rights reserved", "have a tip?", "share this ", "is not responsible for",
        "enable javascript", "update your browser", "cookie", "sign in to", "log in to", "account",
        "already a subscriber", "abonnieren", "jetzt ", "inscrivez-vous", "abonnez-vous", "suscr", "copyright",
        " what you think", "sharing is caring", "this slideshow requires javascript", "guenos en", "canal de ",
        "cancela cuando quieras", "letter to the editor via", "contains references to products",
        "als pdf herunterladen", "do subskrypcji", "reading time", " read", "tempo de leitura", "lesezeit",
        "temps de lecture", "tiempo de lectura", "written permission", "eingeloggt", "logged in",
        "gibt die meinung de", "wurde ", "modera", "aprovad", "approv" };
    static const LiteralSet atStartLiterals { "this entry was posted", "der beitrag wurde am",
        "unless otherwise stated", "sofern nicht anders", "on line ", "share ", "leggi anche", " photo", "tags",
        "tagged with", "schlagw", "etiquetas", "jump to ", "skip to ", "czytaj ", "auch lesen", "lesen sie auch",
        "zum thema" };
    std::string folded;
    const bool prefilter = foldForPrefilter(text, folded);
    const bool mayAnywhere = !prefilter || anywhereLiterals.anyIn(folded);
    if (text.size() > 250)
        return mayAnywhere && text.contains(anywhere); // a long paragraph only for what no article sentence says
    // `prefix` ends in one of these separators (: | » > - – —); `atStart` holds a literal or "©".
    bool maySeparator = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u':' || u == u'|' || u == 0x00bb || u == u'>' || u == u'-' || u == 0x2013 || u == 0x2014) {
            maySeparator = true;
            break;
        }
    }
    const bool mayAtStart = !prefilter || text.contains(u'\u00a9') || atStartLiterals.anyIn(folded);
    if ((maySeparator && text.contains(prefix)) || (mayAtStart && text.contains(atStart))
        || (mayAnywhere && text.contains(anywhere)))
        return true;
    // SHOUTED one-liners with a verb of action ("GET FOX BUSINESS ON THE GO BY CLICKING HERE").
    if (text.size() >= 120)
        return false;
    int upper = 0, letters = 0;
    for (const QChar c : text)
        if (c.isLetter()) {
            ++letters;
            upper += c.isUpper();
        }
    if (letters >= 12 && upper * 10 >= letters * 9 && text.size() < 120) {
        static const QRegularExpression verbs(
            QStringLiteral("\\b(CLICK|READ|GET|WATCH|SUBSCRIBE|SIGN|FOLLOW|DOWNLOAD|LISTEN)\\b"));
        if (text.contains(verbs))
            return true;
    }
    return false;
}

namespace {

// A photo credit on a line of its own ("Foto: Jane Doe", "© Jane Doe", "Jane Doe/Getty Images", "(Credit: iStock)"):
// it names who took a picture, not what the article says. Trafilatura's evaluation counts such lines as
// boilerplate, and AEB's ground truth leaves them out. Only short lines without a sentence in them are judged, and
// the caller asks only outside figures (Readability.js keeps a figure's credit with its caption).
bool isPhotoCredit(const QString &text)
{
    if (text.size() > 90 || text.size() < 3)
        return false;
    // Every alternative of the pattern needs a colon, the word "by", or an agency name at the start (after an
    // optional parenthesis): without any of these, the pattern need not run.
    const QChar first = text.at(text.at(0) == u'(' && text.size() > 1 ? 1 : 0);
    static const QString agencyInitials = QStringLiteral("gGiIsSuUwWpPkK\u017f\u212a");
    if (!text.contains(u':') && !text.contains(QLatin1String("by"), Qt::CaseInsensitive)
        && !agencyInitials.contains(first))
        return false;
    static const QRegularExpression credit(
        QStringLiteral("^\\(?(fotos?|bild(er|quelle)?|photos?( credit)?|images?( credit)?|credits?|quelle|titelbild|"
                       "fotograf(ie)?|foto ?credit|picture|bildnachweis)\\s*:|"
                       "^\\(?(photo|image|picture)s? by\\b|"
                       "\\((credits?|photos?|images?|fotos?|bild|quelle): [^()]{1,60}\\)$|"
                       "^\\(?(getty ?images|istock(photo)?(\\.com)?|shutterstock|unsplash|wenn\\.com|picture[ -]alliance|"
                       "imago( images)?|stock\\.adobe\\.com|keystone)( \\(ausschnitt\\))?\\)?$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (!text.contains(credit))
        return false;
    // "Photo by Jane Doe" is a credit, "Photos: the flood, day by day. It rose ..." a caption with sentences.
    return !text.contains(QLatin1String(". "));
}

// "553", "1/12", "(3)": counters and pagers, not prose (tables are exempt; the caller skips them).
bool isNumberOnly(const QString &text)
{
    if (text.size() > 12)
        return false;
    if (text.size() >= 3 && text.count(u'_') == text.size())
        return false; // "___": a section rule the article typed, part of its text
    for (const QChar c : text)
        if (c.isLetter())
            return false;
    return true;
}

} // namespace

bool isDateline(const QString &text)
{
    if (text.size() > 120 || text.endsWith(u'.'))
        return false;
    static const QRegularExpression lead(
        QStringLiteral("^(by|updated|published|posted|last updated|first published|veröffentlicht|aktualisiert|"
                       "stand|von|par|publié|mis à jour|por|publicado|actualizado)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression date(
        QStringLiteral(
            "\\b(\\d{1,2}[./-]\\d{1,2}[./"
            "-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.|uhr|h)?|"
            "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|"
            "\\d{1,2}\\.?\\s+(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\\.?\\s+\\d{4}|"
            "\\d{1,2} de [a-zç]+ de \\d{4})"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const int words = int(text.split(u' ', Qt::SkipEmptyParts).size());
    return words <= 16 && (text.contains(lead) || text.contains(date)) && (text.contains(date) || words <= 6);
}

namespace {

bool endsAsSentence(const QString &t);

struct FilterState
{
    QSet<QString> seen;
    // Copies of each block text in the document, and copies still to come, keyed by the text's hash (not the
    // text: on a 100 MB page a second copy of every block would double the memory).
    QHash<size_t, int> occurrences;
    QHash<size_t, int> remaining;
    QString title;
    int textBlocks = 0;
    int index = 0;
};

// A block that is one link and nothing else: a teaser headline of a related article.
bool isLinkTeaser(const ReaderNode &n, const QString &text)
{
    if (text.size() > 160 || n.runs.isEmpty())
        return false;
    for (const InlineRun &r : n.runs)
        if (r.imageSrc.isEmpty() && r.href.isEmpty() && !r.text.trimmed().isEmpty())
            return false;
    const QChar last = text.back();
    return !(last == u'.' || last == u'!' || last == u'?' || last == u':');
}

// Every item of the list is one link and nothing else (and there are at least three).
bool isLinkList(const ReaderNode &list)
{
    int items = 0;
    for (const ReaderNode &li : list.children) {
        if (li.kind != ReaderNode::ListItem)
            return false;
        for (const ReaderNode &b : li.children) {
            if (!b.isTextBlock())
                return false;
            if (b.start < 0)
                continue;
            if (!isLinkTeaser(b, blockText(b)))
                return false;
        }
        ++items;
    }
    return items >= 3;
}

void countOccurrences(const QList<ReaderNode> &nodes, QHash<size_t, int> &occurrences)
{
    for (const ReaderNode &c : nodes) {
        if (c.isTextBlock() && c.start >= 0)
            ++occurrences[qHash(blockText(c))];
        countOccurrences(c.children, occurrences);
    }
}

void countTextBlocks(const QList<ReaderNode> &nodes, int &n)
{
    for (const ReaderNode &c : nodes) {
        if (c.isTextBlock() && c.start >= 0)
            ++n;
        countTextBlocks(c.children, n);
    }
}

// Drops repeated blocks (slideshow captions, sticky teasers), calls-to-action, furniture labels and the
// dateline/byline lines at the edges of the article. Works on a finalized document; finalize() again after.
void filterNodes(QList<ReaderNode> &nodes, FilterState &st, bool inTable, bool inFigure, bool inList = false)
{
    QList<ReaderNode> kept;
    kept.reserve(nodes.size());
    bool afterImage = false;
    for (ReaderNode &n : nodes) {
        const bool nextToImage = afterImage;
        afterImage = n.kind == ReaderNode::Image || n.kind == ReaderNode::Figure;
        if (n.isTextBlock() && n.start >= 0) {
            const int index = st.index++;
            const QString text = blockText(n);
            const size_t textHash = qHash(text);
            const int later = --st.remaining[textHash]; // copies of this text still to come
            bool drop = false;
            if (!inTable && n.kind != ReaderNode::Preformatted) {
                if (isBoilerplateLabel(text) || (!inFigure && isCallToAction(text)) || isNumberOnly(text)
                    || (!inFigure && isPhotoCredit(text)))
                    drop = true;
                else if ((index < 3 || index >= st.textBlocks - 2) && isDateline(text) && !text.contains(u"(@"))
                    drop = true;
                else if (index < 3 && similarTitle(text, st.title))
                    drop = true; // the headline again (the title is metadata)
                else if (!inFigure && !inList && n.kind == ReaderNode::Paragraph && isLinkTeaser(n, text))
                    drop = true;
                else if (text.size() >= 15
                    && (inFigure || text.size() < 100 || (nextToImage && st.occurrences.value(textHash) >= 2))) {
                    // Outside figures, a sentence at the very top that comes again further down is a
                    // "Highlights" box or pull quote set above the body: the copy in the running text stays.
                    if (st.seen.contains(text)) {
                        drop = true;
                    } else if (!inFigure && later > 0 && index < 4) {
                        drop = true;
                        // ... and the box's label ("Highlights") just before it goes with it.
                        if (!kept.isEmpty() && kept.back().isTextBlock() && kept.back().start >= 0) {
                            const QString label = blockText(kept.back());
                            if (label.size() < 30 && !endsAsSentence(label))
                                kept.removeLast();
                        }
                    } else
                        st.seen.insert(text);
                }
            }
            if (!drop)
                kept.append(std::move(n));
            continue;
        }
        // A list of teaser links (related articles) inside the body. Not a sub-list: links listed under an item
        // of the article's own list ("In progress:" followed by the bugs it names) are part of what it says.
        if (n.kind == ReaderNode::List && !inTable && !inList && isLinkList(n))
            continue;
        if (!n.children.isEmpty())
            filterNodes(n.children, st, inTable || n.kind == ReaderNode::Table,
                inFigure || n.kind == ReaderNode::Figure, inList || n.kind == ReaderNode::List);
        kept.append(std::move(n));
    }
    nodes = std::move(kept);
}

struct FlatBlock
{
    ReaderNode *node;
    bool inList;
    bool inTable;
};

void flatten(QList<ReaderNode> &nodes, std::vector<FlatBlock> &out, bool inList, bool inTable)
{
    for (ReaderNode &n : nodes) {
        if (n.isTextBlock()) {
            if (n.start >= 0)
                out.push_back({ &n, inList, inTable });
            continue;
        }
        flatten(n.children, out, inList || n.kind == ReaderNode::List, inTable || n.kind == ReaderNode::Table);
    }
}

bool endsAsSentence(const QString &t)
{
    if (t.isEmpty())
        return false;
    const QChar c = t.back();
    return c == u'.' || c == u'!' || c == u'?' || c == u'"' || c == u'\u201D' || c == u'\u201C' || c == u'\u00BB'
        || c == u'\u3002' || c == u'\uFF01' || c == u'\uFF1F' || c == u'\u2019' || c == u')' || c == u'\u2026';
}

// The end of an article is prose; what trails it (section labels, "Contact:", a heading with nothing under it,
// lists of links) is page furniture (Trafilatura's tail pruning, in block form).
void trimTail(ReaderDocument &doc)
{
    std::vector<FlatBlock> blocks;
    flatten(doc.nodes, blocks, false, false);
    if (blocks.size() < 6)
        return; // too little to tell prose from furniture
    int removed = 0;
    for (qsizetype i = qsizetype(blocks.size()) - 1; i > 0 && removed < 6; --i) {
        ReaderNode &n = *blocks[size_t(i)].node;
        if (blocks[size_t(i)].inTable || n.kind == ReaderNode::Preformatted)
            break;
        const QString t = blockText(n);
        bool junk = false;
        if (n.kind == ReaderNode::Heading)
            junk = t.size() <= 120;
        else if (blocks[size_t(i)].inList)
            junk = isLinkTeaser(n, t);
        else
            junk = (t.size() < 60 && !endsAsSentence(t) && !(t.startsWith(u'[') && t.endsWith(u']')))
                || (t.size() < 100 && t.endsWith(u':')); // "[Wired]" names the source the article quoted
        if (!junk)
            break;
        n.runs.clear();
        ++removed;
    }
    if (removed)
        doc.finalize();
}

} // namespace

void filterBlocks(ReaderDocument &doc, const QString &title)
{
    FilterState st;
    st.title = title;
    countTextBlocks(doc.nodes, st.textBlocks);
    countOccurrences(doc.nodes, st.occurrences);
    st.remaining = st.occurrences;
    filterNodes(doc.nodes, st, false, false);
    doc.finalize();
    trimTail(doc);
}

} // namespace Gloss::Core::BlockFilters

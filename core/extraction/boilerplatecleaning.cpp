#include "contentengine.h"

#include "blockfilters.h"
#include "boilerplatesignals.h"
#include "core/document/readerdocument.h"
#include "readerbuilder.h"
#include "textcounts.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace Gloss::Core {

using namespace Dom;
using namespace Boilerplate;
using namespace BlockFilters;
using namespace TextCounts;

namespace {

// Text (UTF-16 units) up to which a block led by an author heading is a bio box; a longer one is an article about
// an author, or a page's whole content.
constexpr int kBioBoxText = 1500;

// "Joshua Sokol May 20, 2019" -> "Joshua Sokol": bylines often run into the date beside them.
QString trimTrailingDate(const QString &byline)
{
    static const QRegularExpression date(
        QStringLiteral(
            "[\\s,|·•\\-–—]*((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|"
            "\\d{1,2}\\.?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}|"
            "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}).*$"),
        QRegularExpression::CaseInsensitiveOption);
    QString s = byline;
    const auto m = date.match(s);
    if (m.hasMatch() && m.capturedStart() > 2)
        s.truncate(m.capturedStart());
    return s.trimmed();
}

// "Por <span class=byline>Josh Max</span>": with the name gone, the word before it ("By", "Por", "Von", "Par", "Di")
// is all that is left of the line. True when `whole` is `name` after one short word of letters.
bool isBylinePrefixOf(const QString &whole, const QString &name)
{
    if (name.isEmpty() || !whole.endsWith(name))
        return false;
    const QString prefix = whole.first(whole.size() - name.size()).trimmed();
    if (prefix.isEmpty() || prefix.size() > 4)
        return false;
    return std::all_of(prefix.begin(), prefix.end(), [](QChar ch) { return ch.isLetter(); });
}

const xmlNode *findItempropName(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (lower(attr(c, "itemprop")).find("name") != std::string::npos)
            return c;
        if (const xmlNode *d = findItempropName(c))
            return d;
    }
    return nullptr;
}

// The author's profile link inside a byline box ("<a href=/author/ben>Ben</a><div>Games Editor</div>"): its text is
// the name without the job title beside it.
const xmlNode *findAuthorLink(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (tagOf(c) == Tag::A) {
            if (lower(attr(c, "class")).find("author") != std::string::npos
                || lower(attr(c, "href")).find("/author/") != std::string::npos
                || lower(attr(c, "rel")).find("author") != std::string::npos)
                return c;
            continue;
        }
        if (const xmlNode *d = findAuthorLink(c))
            return d;
    }
    return nullptr;
}

bool containsHtmlBlocks(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        if (t == Tag::P || t == Tag::Div || t == Tag::Article || t == Tag::Section || t == Tag::Main || isHeading(t)
            || t == Tag::Ul || t == Tag::Footer || t == Tag::Table)
            return true;
        if (containsHtmlBlocks(c))
            return true;
    }
    return false;
}

int listText(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        if (t == Tag::Ul || t == Tag::Ol)
            n += int(innerText(c).size());
        else
            n += listText(c);
    }
    return n;
}

bool isDataTableElement(xmlNode *table)
{
    return ReaderBuilder::isDataTable(table);
}

int commaCount(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE)
            n += textCount(c).commas;
        else if (isElement(c))
            n += commaCount(c);
    }
    return n;
}

int taggedTextLength(const xmlNode *e, bool (*match)(Tag))
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        n += match(tagOf(c)) ? textLength(c) : taggedTextLength(c, match);
    }
    return n;
}

// What _cleanConditionally weighs in a subtree, gathered in one walk (the same figures as textLength(),
// taggedTextLength() for lists and for headings, linkTextLength(), commaCount() and countTag() for <p>, <img>,
// <li> and <input>, which each walked the subtree again).
struct ConditionalTally
{
    int text = 0; // textLength()
    int listText = 0; // taggedTextLength(Ul or Ol)
    int headingText = 0; // taggedTextLength(isHeading)
    int linkText = 0; // linkTextLength()
    int commas = 0; // commaCount()
    int p = 0, img = 0, li = 0, input = 0;
};

// Each figure counts a text node when no script/style/noscript/template lies between it and where that figure
// starts counting (the element itself, or the list, heading or link that holds the text), as the separate walks
// did. `skip*`: such an element lies on that stretch of the path.
void tallyConditional(const xmlNode *e, ConditionalTally &t, bool skip, bool inList, bool skipList, bool inHeading,
    bool skipHeading, bool inLink, bool skipLink)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            const TextCount tc = textCount(c);
            t.commas += tc.commas;
            if (!skip)
                t.text += tc.chars;
            if (inList && !skipList)
                t.listText += tc.chars;
            if (inHeading && !skipHeading)
                t.headingText += tc.chars;
            if (inLink && !skipLink)
                t.linkText += tc.chars;
            continue;
        }
        if (!isElement(c))
            continue;
        const Tag tag = tagOf(c);
        t.p += tag == Tag::P;
        t.img += tag == Tag::Img;
        t.li += tag == Tag::Li;
        t.input += tag == Tag::Input;
        const bool skipped = tag == Tag::Script || tag == Tag::Style || tag == Tag::Noscript || tag == Tag::Template;
        // The outermost list / heading / link starts its count (an inner one is inside the outer one's text).
        const bool startsList = !inList && (tag == Tag::Ul || tag == Tag::Ol);
        const bool startsHeading = !inHeading && isHeading(tag);
        const bool startsLink = !inLink && tag == Tag::A;
        if (c->children)
            tallyConditional(c, t, skip || skipped, inList || startsList,
                startsList ? skipped : (skipList || skipped), inHeading || startsHeading,
                startsHeading ? skipped : (skipHeading || skipped), inLink || startsLink,
                startsLink ? skipped : (skipLink || skipped));
    }
}

} // namespace

void ContentEngine::clean(xmlNode *e, int inTable, int inCode)
{
    xmlNode *c = e->children;
    while (c) {
        xmlNode *next = c->next;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
            remove(c);
            c = next;
            continue;
        }
        if (!isElement(c)) {
            c = next;
            continue;
        }
        const Tag t = tagOf(c);
        bool drop = false;
        bool softDrop = false; // dropped for what it looks like; kept when it holds most of the page
        switch (t) {
        case Tag::Nav:
        case Tag::Dialog:
            softDrop = true;
            break;
        case Tag::Script:
        case Tag::Style:
        case Tag::Template:
        case Tag::Iframe:
        case Tag::Object:
        case Tag::Embed:
        case Tag::Applet:
        case Tag::Frame:
        case Tag::Frameset:
        case Tag::Input:
        case Tag::Select:
        case Tag::Textarea:
        case Tag::Button:
        case Tag::Head:
        case Tag::Link:
        case Tag::Meta:
        case Tag::Base:
        case Tag::Canvas:
        case Tag::Audio:
        case Tag::Video:
        case Tag::Portal:
        case Tag::Noembed:
        case Tag::Noframes:
        case Tag::Label:
            drop = true;
            break;
        case Tag::Noscript: {
            // Keep a noscript image only when nothing else shows one here (lazy-loading fallbacks).
            bool hasImg = false;
            for (xmlNode *d = c->children; d; d = d->next)
                if (isElement(d) && tagOf(d) == Tag::Img)
                    hasImg = true;
            bool siblingImg = false;
            for (xmlNode *s = e->children; s; s = s->next)
                if (s != c && isElement(s)
                    && ((tagOf(s) == Tag::Img && !ReaderBuilder::isPlaceholderOnly(s)) || tagOf(s) == Tag::Picture))
                    siblingImg = true; // a placeholder beside the <noscript> shows nothing: its image is the one
            drop = !hasImg || siblingImg;
            // A page that renders its article with script may ship the article itself as the fallback.
            if (drop && info(c).preText > 199)
                drop = false;
            break;
        }
        default:
            break;
        }
        if (t == Tag::Other && !drop && isAmpFurniture(c))
            drop = true;
        if ((t == Tag::Svg || t == Tag::Math) && !drop) {
            // libxml2 does not know SVG/MathML and nests what follows an unclosed one inside it; keep such
            // misnested HTML blocks, drop real drawings and formulas (their text is labels, not prose).
            if (containsHtmlBlocks(c)) {
                xmlNode *first = c->children;
                while (c->children) {
                    xmlNode *moved = c->children;
                    xmlUnlinkNode(moved);
                    // libxml2 merges a text node into the text before it: that node's cached counts are stale.
                    if (xmlNode *kept = xmlAddPrevSibling(c, moved); kept && kept->type == XML_TEXT_NODE)
                        kept->_private = nullptr;
                }
                remove(c);
                c = first ? first : next;
                continue;
            }
            drop = true;
        }
        CleanAttributes attrs;
        if (!drop)
            readCleanAttributes(c, attrs);
        // m_ci: "class id" lower-cased; its first attrs.cls.size() bytes are the class alone.
        classAndIdInto(attrs.cls, attrs.id, m_ci);
        const std::string_view loweredClass(m_ci.data(), attrs.cls.size());
        if (!drop && !softDrop) {
            if (isHidden(attrs, loweredClass))
                drop = true;
            else if (hasHiddenClassLowered(loweredClass))
                softDrop = true; // a "hidden" class may be a "show more" toggle around the article itself
        }
        if (!drop && !softDrop) {
            const std::string_view role = attrs.role;
            if (equalsLower(role, "menu") || equalsLower(role, "menubar") || equalsLower(role, "complementary")
                || equalsLower(role, "navigation") || equalsLower(role, "alert") || equalsLower(role, "alertdialog")
                || equalsLower(role, "dialog"))
                softDrop = true;
        }
        if (softDrop && !drop) {
            // libxml2 nests the rest of the page inside an element it cannot close (unknown HTML5
            // elements, stray tags); such an element holds most of the text and is not what it looks like.
            if (isPageWrapper(c))
                softDrop = false;
            else
                drop = true;
        }
        if (!drop && t == Tag::A && domByline.isEmpty() && equalsLower(attrs.rel, "author")) {
            // <a rel="author">Name</a>: the byline. The link stays in the text (it is often inside a sentence).
            const QString name = innerText(c);
            if (!name.isEmpty() && name.size() < 100 && !isDateline(name))
                domByline = name;
        }
        if (!drop && t != Tag::Body && t != Tag::Html && t != Tag::A) {
            const std::string &ci = m_ci;
            if (ci.size() > 1) {
                // Byline: keep its text for the metadata, drop the element.
                const bool relAuthor = equalsLower(attrs.rel, "author");
                m_itemprop.clear();
                appendLower(m_itemprop, attrs.itemprop);
                const std::string &itemprop = m_itemprop;
                if ((relAuthor || itemprop.find("author") != std::string::npos
                        || ci.find("byline") != std::string::npos || ci.find("author") != std::string::npos
                        || ci.find("dateline") != std::string::npos || ci.find("writtenby") != std::string::npos
                        || ci.find("p-author") != std::string::npos)
                    && t != Tag::Article && t != Tag::Main && t != Tag::Body) {
                    const QString text = innerText(c);
                    if (!text.isEmpty() && text.size() < 100) {
                        if (domByline.isEmpty()) {
                            // Prefer an itemprop=name descendant (Readability 0.6); a date is no byline.
                            const xmlNode *name = findItempropName(c);
                            if (!name)
                                name = findAuthorLink(c);
                            const QString raw = name ? innerText(name) : text;
                            const QString candidate = trimTrailingDate(raw);
                            const bool dateOnly = isDateline(raw) && !candidate.contains(u' ');
                            if (!candidate.isEmpty() && !dateOnly
                                && !(isDateline(candidate) && !candidate.startsWith(u"By ")))
                                domByline = candidate;
                        }
                        drop = true;
                        // (The text count first: `e` is often the whole article, whose text is long to collect.)
                        if (info(e).preText <= text.size() + 8 && tagOf(e) != Tag::Article
                            && tagOf(e) != Tag::Main && tagOf(e) != Tag::Body && tagOf(e) != Tag::Html
                            && isBylinePrefixOf(innerText(e).simplified(), text.simplified()))
                            m_orphanedBylineLine = e; // removed by the caller once this loop is done with e
                    }
                }
                if (!drop && t != Tag::Article && t != Tag::Main && hasBrowserWarningWord(ci)
                    && !isPageWrapper(c))
                    drop = true;
                if (!drop && (m_flags & StripUnlikely) && inTable == 0 && inCode == 0 && t != Tag::Article
                    && t != Tag::Main && hasUnlikelyWord(ci) && !hasMaybeWord(ci) && !isEmbeddedPost(c)) {
                    // A wrapper that holds most of the page ("above-footer", "page-header-and-body") is not
                    // boilerplate, whatever its name says.
                    drop = !((t == Tag::Div || t == Tag::Section) && isPageWrapper(c));
                    usedFlags |= drop ? unsigned(StripUnlikely) : 0u;
                }
            }
        }
        if (!drop && (t == Tag::Div || t == Tag::Section || t == Tag::Aside) && info(c).preText < kBioBoxText) {
            // An author bio box, named by its heading rather than its class: a small block led by "About the
            // author", "Autor:innen" or the like.
            xmlNode *first = c->children;
            while (first && !(isElement(first) || (first->type == XML_TEXT_NODE && textCount(first).chars > 0)))
                first = first->next;
            if (first && isElement(first) && isHeading(tagOf(first)) && isAuthorBioHeading(innerText(first)))
                drop = true;
        }
        if (!drop && (t == Tag::H1 || t == Tag::H2) && !m_titleHeadingRemoved) {
            const QString text = innerText(c);
            if (similarTitle(text, m_page.metadata.title)) {
                m_titleHeadingRemoved = true;
                for (xmlNode *p = e; p && isElement(p); p = p->parent)
                    if (tagOf(p) == Tag::Article) {
                        m_titleArticle = p;
                        break;
                    }
                drop = true;
            }
        }
        if (!drop && t == Tag::Time && domPublished.isEmpty())
            domPublished = attrString(c, "datetime");
        if (drop) {
            remove(c);
        } else if (c->children) {
            clean(c, inTable + (t == Tag::Table), inCode + (t == Tag::Code || t == Tag::Pre));
            if (m_orphanedBylineLine == c) {
                m_orphanedBylineLine = nullptr;
                remove(c);
            }
        }
        c = next;
    }
}

// One pass over the whole tree before clean(): the text and link text of every subtree, so that clean() and the
// standfirst search read them instead of walking subtrees again.
void ContentEngine::countBeforeCleaning(xmlNode *e, bool inLink)
{
    int text = 0, link = 0;
    const bool inA = inLink || tagOf(e) == Tag::A;
    for (xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            const int n = textCount(c).chars;
            text += n;
            link += inA ? n : 0;
        } else if (isElement(c)) {
            const Tag t = tagOf(c);
            if (t == Tag::Script || t == Tag::Style || t == Tag::Noscript || t == Tag::Template) {
                if (t == Tag::Noscript)
                    countBeforeCleaning(c, inA); // its own count decides whether it stays; not in its parent's
                continue;
            }
            countBeforeCleaning(c, inA);
            const Info &ci = info(c);
            text += ci.preText;
            link += ci.preLink;
        }
    }
    Info &mine = info(e);
    mine.preText = text;
    mine.preLink = link;
}

// Readability.js _cleanConditionally for one element (lengths counted on the bytes, no string copies).
bool ContentEngine::shouldRemoveConditionally(xmlNode *e)
{
    const Tag t = tagOf(e);
    if (t == Tag::Table && isDataTableElement(e))
        return false;
    if (t == Tag::Div && !hasBlockDescendant(e))
        return false; // Readability turns such a div into a paragraph before cleaning
    if (hasAncestor(e, Tag::Code) || hasAncestor(e, Tag::Pre))
        return false;
    for (const xmlNode *p = e->parent; p && isElement(p); p = p->parent)
        if (tagOf(p) == Tag::Table && isDataTableElement(const_cast<xmlNode *>(p)))
            return false;
    ConditionalTally tally;
    tallyConditional(e, tally, false, false, false, false, false, false, false);
    const int contentLength = tally.text;
    bool isList = t == Tag::Ul || t == Tag::Ol;
    if (!isList && contentLength > 0)
        isList = double(tally.listText) / contentLength > 0.9;
    const int weight = (m_flags & WeightClasses) ? classWeight(e) : 0;
    if (weight != 0)
        usedFlags |= WeightClasses;
    if (isEmbeddedPost(e))
        return false;
    if (weight < 0)
        return true;
    if (tally.commas >= 10)
        return false;
    const int p = tally.p;
    const int img = tally.img;
    const int li = tally.li - 100;
    const int input = tally.input;
    const double headingDensity = contentLength ? double(tally.headingText) / contentLength : 0;
    if (contentLength <= 45 && isBoilerplateLabel(innerText(e)))
        return true;
    const double linkDensity = contentLength ? double(tally.linkText) / contentLength : 0;
    const bool inFigure = hasAncestor(e, Tag::Figure);
    bool remove = (img > 1 && double(p) / img < 0.5 && !inFigure) || (!isList && li > p) || (input > p / 3)
        || (!isList && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && !inFigure)
        || (!isList && weight < 25 && linkDensity > 0.2) || (weight >= 25 && linkDensity > 0.5);
    if (isList && remove) {
        for (const xmlNode *c = e->children; c; c = c->next)
            if (isElement(c) && c->children && c->children->next)
                return remove;
        if (img == tally.li)
            return false;
    }
    return remove;
}

void ContentEngine::prepare(xmlNode *root)
{
    // Post-order: children first, so a container is judged on what survives inside it.
    std::vector<xmlNode *> order;
    std::vector<std::pair<xmlNode *, bool>> stack { { root, false } };
    while (!stack.empty()) {
        auto [n, visited] = stack.back();
        stack.pop_back();
        if (visited) {
            order.push_back(n);
            continue;
        }
        stack.push_back({ n, true });
        for (xmlNode *c = n->last; c; c = c->prev)
            if (isElement(c))
                stack.push_back({ c, false });
    }
    const int rootText = std::max(1, textLength(root));
    for (xmlNode *n : order) {
        if (n == root || !n->parent)
            continue;
        const Tag t = tagOf(n);
        // Boilerplate boxes by class/id (share bars, related links, newsletter and donation appeals, ads).
        classAndIdInto(n, m_ci);
        const std::string &ci = m_ci;
        if (ci.size() > 1 && t != Tag::Article && t != Tag::Main && t != Tag::P) {
            if ((hasBoilerplateWord(ci) || isAdClass(ci)) && !isEmbeddedPost(n)) {
                const int len = textLength(n);
                if (len < rootText / 4 || len < 200) {
                    Dom::remove(n);
                    continue;
                }
            }
        }
        // Captions and credits that float outside any <figure> with no image beside them: the image they
        // describe is gone from the reader view (script galleries, background images), so the text would stand
        // alone.
        if (ci.size() > 1 && t != Tag::Figcaption && t != Tag::Figure
            && (ci.find("caption") != std::string::npos || ci.find("credit") != std::string::npos)
            && !hasAncestor(n, Tag::Figure) && countTag(n, Tag::Figure) == 0 && textLength(n) < 400
            && !(n->parent && countTag(n->parent, Tag::Img) > 0)) {
            Dom::remove(n);
            continue;
        }
        if ((t == Tag::H1 || t == Tag::H2 || t == Tag::H3) && (m_flags & WeightClasses) && classWeight(n) < 0) {
            usedFlags |= WeightClasses;
            Dom::remove(n);
            continue;
        }
        if ((m_flags & CleanConditionally)
            && (t == Tag::Form || t == Tag::Fieldset || t == Tag::Table || t == Tag::Ul || t == Tag::Ol || t == Tag::Div
                || t == Tag::Aside || t == Tag::Footer)) {
            if (shouldRemoveConditionally(n)) {
                usedFlags |= CleanConditionally;
                Dom::remove(n);
                continue;
            }
        }
        if (t == Tag::P || t == Tag::Span || t == Tag::Strong || t == Tag::B || t == Tag::Li || t == Tag::Div
            || isHeading(t)) {
            if (textLengthAtMost(n, 45) && isBoilerplateLabel(innerText(n))) {
                Dom::remove(n);
                continue;
            }
        }
    }
}

// The standfirst: a paragraph whose text is the page's own description (meta description / og:description,
// possibly cut short with an ellipsis). Pages often set it in the header beside the headline, outside the block
// that wins, and a reader wants it (Trafilatura keeps it too).
void ContentEngine::findStandfirst(xmlNode *e, const QString &description, int budget)
{
    for (xmlNode *c = e->children; c && standfirst.isEmpty(); c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        if (t == Tag::Script || t == Tag::Style || t == Tag::Head || t == Tag::Noscript || t == Tag::Template
            || t == Tag::A || t == Tag::Nav || t == Tag::Footer)
            continue;
        const int len = info(c).preText;
        if (len < budget / 2)
            continue; // too short to hold it
        if ((t == Tag::P || t == Tag::Div || t == Tag::H2 || t == Tag::Span) && len <= budget * 3 / 2 + 20
            && !hasBlockDescendant(c) && !isHidden(c)) {
            const QString text = collapseWhitespace(innerText(c)).trimmed();
            QString d = description;
            while (d.endsWith(u'…') || d.endsWith(u'.') || d.endsWith(u' '))
                d.chop(1);
            if (text.size() >= 50 && text.startsWith(d.left(std::max<qsizetype>(50, d.size() - 5))))
                standfirst = text;
            continue;
        }
        if (c->children)
            findStandfirst(c, description, budget);
    }
}

} // namespace Gloss::Core

#include "contentengine.h"

#include "blockfilters.h"
#include "boilerplatesignals.h"
#include "core/document/readerdocument.h"
#include "core/logging.h"
#include "textcounts.h"

#include <QStringList>
#include <algorithm>

namespace Gloss::Core {

using namespace Dom;
using namespace Boilerplate;
using namespace BlockFilters;
using namespace TextCounts;

namespace {

// The prose climb (see ContentEngine::run): how far up it looks, and the share of the page's prose (Info::goodText of
// <body>) an ancestor must hold to replace a winner that holds less than half of it.
constexpr int kProseClimbLevels = 8;
constexpr double kProseClimbShare = 0.85;
// The table climb (see ContentEngine::run): prose (Info::goodText) beside a table that must be there for a winner inside the
// table to give way to the block that holds both.
constexpr int kTableClimbProse = 300;

} // namespace

std::vector<xmlNode *> ContentEngine::run()
{
    xmlNode *root = xmlDocGetRootElement(m_doc);
    if (!root)
        return {};
    xmlNode *body = nullptr;
    for (xmlNode *c = root->children; c; c = c->next)
        if (isElement(c) && tagOf(c) == Tag::Body)
            body = c;
    if (!body)
        body = root;
    countBeforeCleaning(body, false);
    m_bodyText = info(body).preText;
    if (const QString d = collapseWhitespace(m_page.metadata.excerpt).trimmed(); d.size() >= 50)
        findStandfirst(body, d, int(d.size()));
    clean(body, 0, 0);
    m_orphanedBylineLine = nullptr;
    computeStats(body, false);
    std::vector<xmlNode *> candidates;
    scoreParagraphs(body, candidates);

    xmlNode *top = nullptr;
    double topScore = 0;
    bool markedByPage = false;
    for (xmlNode *c : candidates) {
        Info &i = info(c);
        i.score *= (1 - linkDensity(c));
        if (!top || i.score > topScore) {
            top = c;
            topScore = i.score;
        }
    }
    // Schema.org microdata names the main content (itemprop="articleBody" or "blogPost"); when exactly one
    // element says so and it holds real prose, it outranks a heavier block elsewhere (Trafilatura trusts the
    // same markers first).
    if (xmlNode *marked = uniqueItempropBody(body); marked && marked != top) {
        const Info &mi = info(marked);
        if (mi.goodText >= 200 && mi.link * 3 < mi.text) {
            if (!mi.initialized) {
                std::vector<xmlNode *> dummy;
                initialize(marked, dummy);
            }
            top = marked;
            topScore = std::max(info(marked).score, topScore);
            info(marked).score = topScore;
            markedByPage = true;
        }
    }
    if (top && lcExtraction().isDebugEnabled()) {
        QString path;
        for (const xmlNode *p = top; p && isElement(p); p = p->parent)
            path = QString::fromUtf8(reinterpret_cast<const char *>(p->name)) + u'.'
                + QString::fromStdString(classAndId(p)).simplified().replace(u' ', u'.') + u" > " + path;
        qCDebug(lcExtraction) << "top candidate" << topScore << path;
    }
    std::vector<xmlNode *> content;
    if (!top || top == body) {
        content.push_back(body);
    } else {
        if (!markedByPage && m_titleArticle) {
            // Several posts on one page (infinite scroll, a feed, a recipe split into <article> boxes): the
            // <article> that holds the page's headline is the page's article, though another scores higher, as
            // long as it holds some prose (Trafilatura's heading proximity, at the level of <article> elements).
            xmlNode *otherArticle = nullptr;
            for (xmlNode *p = top; p && p != body && isElement(p); p = p->parent)
                if (tagOf(p) == Tag::Article) {
                    otherArticle = p;
                    break;
                }
            if (otherArticle && otherArticle != m_titleArticle && !isDescendant(otherArticle, m_titleArticle)
                && !isDescendant(m_titleArticle, otherArticle)
                && info(m_titleArticle).goodText * 10 >= info(top).goodText) {
                top = m_titleArticle;
                if (!info(top).initialized) {
                    std::vector<xmlNode *> dummy;
                    initialize(top, dummy);
                }
            }
        }
        if (!markedByPage) {
            // Readability: when several near-top candidates share an ancestor, the ancestor is the article.
            std::vector<xmlNode *> sorted = candidates;
            std::sort(
                sorted.begin(), sorted.end(), [this](xmlNode *a, xmlNode *b) { return info(a).score > info(b).score; });
            std::vector<xmlNode *> alternatives;
            for (size_t k = 1; k < sorted.size() && k < 5; ++k)
                if (info(sorted[k]).score / topScore >= 0.75)
                    alternatives.push_back(sorted[k]);
            if (alternatives.size() >= 3) {
                for (xmlNode *p = top->parent; p && p != body && isElement(p); p = p->parent) {
                    int containing = 0;
                    for (xmlNode *alt : alternatives)
                        if (isDescendant(alt, p))
                            ++containing;
                    if (containing >= 3) {
                        top = p;
                        break;
                    }
                }
            }
            if (!info(top).initialized) {
                std::vector<xmlNode *> dummy;
                initialize(top, dummy);
            }
            // Climb while the parent scores better.
            double lastScore = info(top).score;
            const double threshold = lastScore / 3;
            for (xmlNode *p = top->parent; p && p != body && isElement(p); p = p->parent) {
                const Info &pi = info(p);
                if (!pi.initialized)
                    continue;
                if (pi.score < threshold)
                    break;
                if (pi.score > lastScore) {
                    top = p;
                    break;
                }
                lastScore = pi.score;
            }
            // An only child is its parent.
            while (top->parent && top->parent != body && isElement(top->parent)) {
                int elements = 0;
                for (xmlNode *c = top->parent->children; c; c = c->next)
                    if (isElement(c))
                        ++elements;
                if (elements != 1)
                    break;
                top = top->parent;
            }
            // Trafilatura-style check on prose mass: when an ancestor holds clearly more prose than the winner
            // (an article split into sibling sections by figures or ads), the ancestor is the article.
            for (int steps = 0; steps < 3 && top->parent && top->parent != body && isElement(top->parent); ++steps) {
                xmlNode *p = top->parent;
                const Info &ti = info(top), &pi = info(p);
                const double ld = pi.text ? double(pi.link) / pi.text : 0;
                if (pi.goodText * 10 >= ti.goodText * 13 && ti.goodText > 0 && ld < 0.3)
                    top = p;
                else
                    break;
            }
            // A winner inside a table (a cell, a row) next to the paragraphs of the article: the table is a part of
            // the article (a list of names, a box of figures), and the block around it is the article.
            {
                xmlNode *table = nullptr;
                for (xmlNode *p = top; p && p != body && isElement(p); p = p->parent)
                    if (tagOf(p) == Tag::Table) {
                        table = p;
                        break;
                    }
                if (table && table->parent && table->parent != body && isElement(table->parent)) {
                    int prose = 0;
                    for (xmlNode *c = table->parent->children; c; c = c->next)
                        if (isElement(c) && c != table && tagOf(c) != Tag::Table)
                            prose += info(c).goodText;
                    if (prose >= kTableClimbProse)
                        top = table->parent;
                }
            }
            // A winner with under half of the page's prose is a part of the article (an intro box, one section,
            // one column of a layout grid): the nearest ancestor (at most kProseClimbLevels up) that holds
            // kProseClimbShare of it, with few links, is (Trafilatura's check of the parent when the chosen block
            // is a small part of it, measured against the whole page).
            // Only on the first pass: the passes with fewer cleaning rules count boilerplate as prose.
            if (const int pageProse = info(body).goodText;
                (m_flags & StripUnlikely) && pageProse > 0 && info(top).goodText * 2 < pageProse) {
                int levels = 0;
                for (xmlNode *p = top->parent; p && p != body && isElement(p) && levels < kProseClimbLevels;
                    p = p->parent, ++levels) {
                    const Info &pi = info(p);
                    if (pi.text && pi.link * 5 >= pi.text)
                        break; // link density 0.2: navigation and teaser grids, not the article
                    if (pi.goodText >= pageProse * kProseClimbShare) {
                        top = p;
                        break;
                    }
                }
            }
        }
        topScore = info(top).score;
        // The block chosen after the climbs, one ancestor a line ("tag<TAB>class id"), between FINALTOP and END
        // markers that analysis scripts look for.
        if (lcExtraction().isDebugEnabled()) {
            QString path;
            for (const xmlNode *p = top; p && isElement(p); p = p->parent)
                path = QString::fromUtf8(reinterpret_cast<const char *>(p->name)) + u'\t'
                    + QString::fromStdString(classAndId(p)).simplified() + u"\n" + path;
            qCDebug(lcExtraction).noquote() << QStringLiteral("FINALTOP\n") + path + QStringLiteral("END");
        }
        for (const xmlNode *p = top; p && isElement(p); p = p->parent) {
            const std::string d = lower(attr(p, "dir"));
            if (!d.empty()) {
                articleDir = QString::fromStdString(d);
                break;
            }
        }
        // Siblings that belong to the article.
        const double siblingThreshold = std::max(10.0, topScore * 0.2);
        const std::string topClass(attr(top, "class"));
        xmlNode *parent = top->parent;
        for (xmlNode *s = parent->children; s; s = s->next) {
            if (!isElement(s))
                continue;
            if (s == top) {
                content.push_back(s);
                continue;
            }
            if (markedByPage && (tagOf(s) == Tag::Article || countTag(s, Tag::Article) > 0))
                continue; // another post, not part of the one the page marked
            const Info &si = info(s);
            double bonus = 0;
            if (!topClass.empty() && attr(s, "class") == topClass)
                bonus += topScore * 0.2;
            if (si.initialized && si.score + bonus >= siblingThreshold) {
                content.push_back(s);
                continue;
            }
            const Tag st = tagOf(s);
            if (st == Tag::P || (st == Tag::Div && !si.blockDesc)) {
                const double ld = si.text ? double(si.link) / si.text : 0;
                if (si.text > 80 && ld < 0.25) {
                    content.push_back(s);
                } else if (si.text < 80 && si.text > 0 && ld == 0) {
                    const QString t = innerText(s);
                    if (t.endsWith(u'.') || t.contains(u". "))
                        content.push_back(s);
                }
            }
        }
    }
    for (xmlNode *c : content)
        prepare(c);
    return content;
}

} // namespace Gloss::Core

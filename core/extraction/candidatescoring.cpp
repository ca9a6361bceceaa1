#include "contentengine.h"

#include "blockfilters.h"
#include "boilerplatesignals.h"
#include "core/document/readerdocument.h"
#include "textcounts.h"

#include <algorithm>

namespace Gloss::Core {

using namespace Dom;
using namespace Boilerplate;
using namespace TextCounts;

namespace {

void collectItempropBodies(xmlNode *e, std::vector<xmlNode *> &out)
{
    for (xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const std::string itemprop = lower(attr(c, "itemprop"));
        if (itemprop.find("articlebody") != std::string::npos || itemprop.find("blogpost") != std::string::npos)
            out.push_back(c);
        collectItempropBodies(c, out);
    }
}

} // namespace

ContentEngine::Info ContentEngine::computeStats(xmlNode *e, bool inLink)
{
    Info sums;
    const Tag self = tagOf(e);
    const bool link = inLink || self == Tag::A;
    for (xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            const TextCount tc = textCount(c);
            sums.text += tc.chars;
            sums.commas += tc.commas;
            sums.inlineText += tc.chars;
            sums.inlineCommas += tc.commas;
            if (link)
                sums.link += tc.chars;
        } else if (isElement(c)) {
            const Info ci = computeStats(c, link);
            const Tag t = tagOf(c);
            sums.text += ci.text;
            sums.link += ci.link;
            sums.commas += ci.commas;
            const bool block = isBlockForDivToP(t) || ci.blockDesc;
            if (block)
                sums.blockDesc = true;
            else {
                sums.inlineText += ci.text;
                sums.inlineCommas += ci.commas;
            }
        }
    }
    // Prose mass: a paragraph-like element with enough text and few links counts whole; others pass up
    // what their children hold.
    const bool paragraphLike = self == Tag::P || self == Tag::Pre
        || (!sums.blockDesc && (self == Tag::Div || self == Tag::Section || self == Tag::Td));
    int good = 0;
    if (paragraphLike && sums.text >= 40 && sums.link * 3 < sums.text)
        good = sums.text;
    else
        for (xmlNode *c = e->children; c; c = c->next)
            if (isElement(c))
                good += info(c).goodText;
    Info &mine = info(e);
    mine.goodText = good;
    mine.text = sums.text;
    mine.link = sums.link;
    mine.commas = sums.commas;
    mine.inlineText = sums.inlineText;
    mine.inlineCommas = sums.inlineCommas;
    mine.blockDesc = sums.blockDesc;
    return mine;
}

void ContentEngine::initialize(xmlNode *e, std::vector<xmlNode *> &candidates)
{
    Info &i = info(e);
    if (i.initialized)
        return;
    i.initialized = true;
    double s = 0;
    switch (tagOf(e)) {
    case Tag::Div:
        s = 5;
        break;
    case Tag::Pre:
    case Tag::Td:
    case Tag::Blockquote:
        s = 3;
        break;
    case Tag::Address:
    case Tag::Ol:
    case Tag::Ul:
    case Tag::Dl:
    case Tag::Dd:
    case Tag::Dt:
    case Tag::Li:
    case Tag::Form:
        s = -3;
        break;
    case Tag::H1:
    case Tag::H2:
    case Tag::H3:
    case Tag::H4:
    case Tag::H5:
    case Tag::H6:
    case Tag::Th:
        s = -5;
        break;
    default:
        break;
    }
    if (m_flags & WeightClasses) {
        const int w = classWeight(e);
        s += w;
        usedFlags |= w != 0 ? unsigned(WeightClasses) : 0u;
    }
    // Structural signals (Trafilatura): the page says where its article body is.
    const std::string itemprop = lower(attr(e, "itemprop"));
    if (itemprop.find("articlebody") != std::string::npos || itemprop.find("text") != std::string::npos)
        s += 25;
    const Tag t = tagOf(e);
    if (t == Tag::Article || t == Tag::Main || lower(attr(e, "role")) == "main")
        s += 10;
    i.score = s;
    candidates.push_back(e);
}

void ContentEngine::addScore(xmlNode *e, int text, int commas, bool pseudo, std::vector<xmlNode *> &candidates)
{
    if (text < 25)
        return;
    const double score = 1 + commas + std::min(text / 100, 3);
    xmlNode *a = pseudo ? e : e->parent;
    for (int level = 0; a && level < 5; ++level, a = a->parent) {
        if (!isElement(a) || !a->parent || !isElement(a->parent))
            break;
        initialize(a, candidates);
        const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        info(a).score += score / divider;
    }
}

// Loose text among the blocks of e ("div to p"): each run of inline content between blocks and <br> line breaks
// is a paragraph of its own, as Readability.js makes it when it wraps phrasing content in <p>.
void ContentEngine::scoreLooseRuns(xmlNode *e, std::vector<xmlNode *> &candidates)
{
    int text = 0, commas = 0;
    for (xmlNode *c = e->children;; c = c->next) {
        bool boundary = !c;
        if (c && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
            const TextCount tc = textCount(c);
            text += tc.chars;
            commas += tc.commas;
        } else if (c && isElement(c)) {
            const Tag t = tagOf(c);
            const Info &ci = info(c);
            if (t == Tag::Br || isBlockForDivToP(t) || ci.blockDesc)
                boundary = true;
            else {
                text += ci.text;
                commas += ci.commas;
            }
        }
        if (boundary) {
            if (text >= 25)
                addScore(e, text, commas, true, candidates);
            text = commas = 0;
        }
        if (!c)
            break;
    }
}

void ContentEngine::scoreParagraphs(xmlNode *e, std::vector<xmlNode *> &candidates)
{
    for (xmlNode *c = e->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        const Tag t = tagOf(c);
        const Info &i = info(c);
        const bool scoreTag = t == Tag::P || t == Tag::Td || t == Tag::Pre
            || ((t == Tag::H2 || t == Tag::H3 || t == Tag::H4 || t == Tag::H5 || t == Tag::H6));
        const bool divLike
            = (t == Tag::Div || t == Tag::Section || t == Tag::Article || t == Tag::Font || t == Tag::Center
                || t == Tag::Span || t == Tag::Dd || t == Tag::Li || t == Tag::Blockquote || t == Tag::Other);
        if (scoreTag) {
            addScore(c, i.text, i.commas, false, candidates);
            if (t == Tag::Td && i.blockDesc)
                scoreParagraphs(c, candidates);
            continue;
        }
        if (divLike && !i.blockDesc) {
            if (t == Tag::Div || t == Tag::Section || t == Tag::Article || t == Tag::Other || t == Tag::Font
                || t == Tag::Center || t == Tag::Dd)
                addScore(c, i.text, i.commas, false, candidates);
            continue;
        }
        if (i.blockDesc && i.inlineText >= 25 && t != Tag::Body && t != Tag::Html) {
            scoreLooseRuns(c, candidates); // loose text among blocks ("div to p")
        }
        if (c->children)
            scoreParagraphs(c, candidates);
    }
}


xmlNode *ContentEngine::uniqueItempropBody(xmlNode *body)
{
    std::vector<xmlNode *> found;
    collectItempropBodies(body, found);
    return found.size() == 1 ? found.front() : nullptr;
}

} // namespace Gloss::Core

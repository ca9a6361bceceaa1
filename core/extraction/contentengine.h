#pragma once

// The main-content search over libxml2's HTML tree (internal header of the HTML extractor): Readability.js's
// _grabArticle with Trafilatura's structural signals. HtmlExtractor documents the algorithm and its sources. The
// pipeline (run(), contentengine.cpp) counts text, looks for the standfirst and cleans the tree of hidden elements,
// boilerplate and the byline (boilerplatecleaning.cpp), scores candidate blocks (candidatescoring.cpp), picks and
// widens the winner, and cleans the chosen roots conditionally (boilerplatecleaning.cpp).

#include "htmldom.h"
#include "metadataextractor.h"

#include <QString>
#include <string>
#include <vector>

namespace Gloss::Core {

/// One extraction attempt over one parsed page. Per-element numbers live in a table indexed through
/// xmlNode::_private (see Info); text nodes keep their counts there too (TextCounts::textCount).
class ContentEngine final
{
public:
    /// Readability.js's flags (`FLAG_STRIP_UNLIKELYS`, `FLAG_WEIGHT_CLASSES`, `FLAG_CLEAN_CONDITIONALLY`): a retry
    /// with fewer of them is made when the result is short (see HtmlExtractor::extract).
    enum Flag : unsigned { StripUnlikely = 1, WeightClasses = 2, CleanConditionally = 4 };

    ContentEngine(xmlDocPtr doc, const MetadataExtractor::Page &page, unsigned flags)
        : m_doc(doc)
        , m_page(page)
        , m_flags(flags)
    { }

    /// Runs the pipeline on `doc` (which it changes: hidden and boilerplate elements are removed); returns the
    /// content roots (possibly none), in document order.
    std::vector<xmlNode *> run();

    QString domByline;
    QString domPublished;
    QString standfirst; // the page's description as it stands in the markup (a lead paragraph), or empty
    unsigned usedFlags = 0; // the flags that changed anything on this page (a retry without the others is moot)
    QString articleDir; // dir attribute of the top candidate or its nearest ancestor that has one

private:
    // Per-element numbers, found through xmlNode::_private (an index + 1 into ContentEngine::m_info).
    struct Info
    {
        int text = 0; // code points, white space runs counted once
        int link = 0; // text inside <a>
        int commas = 0;
        int inlineText = 0; // text not inside block-level descendants
        int inlineCommas = 0;
        int goodText = 0; // text of prose paragraphs (long enough, few links) inside
        int preText = 0; // text before cleaning (what clean() sees of a subtree it has not entered yet)
        int preLink = 0; // text inside <a> before cleaning
        bool blockDesc = false;
        bool initialized = false;
        double score = 0;
    };

    Info &info(xmlNode *n)
    {
        auto idx = reinterpret_cast<quintptr>(n->_private);
        if (idx == 0) {
            m_info.emplace_back();
            idx = m_info.size();
            n->_private = reinterpret_cast<void *>(idx);
        }
        return m_info[idx - 1];
    }
    void clean(xmlNode *e, int inTable, int inCode);
    void scoreLooseRuns(xmlNode *e, std::vector<xmlNode *> &candidates);
    void countBeforeCleaning(xmlNode *e, bool inLink);
    // True when `e` holds more than half of the page's text, most of it outside links: a wrapper that libxml2
    // misnested or that a site named oddly, not the menu or box it looks like. Only for subtrees clean() has not
    // entered yet (the counts are those before cleaning).
    bool isPageWrapper(xmlNode *e)
    {
        const Info &i = info(e);
        return i.preText * 2 > m_bodyText && i.preLink * 2 < i.preText;
    }
    Info computeStats(xmlNode *e, bool inLink);
    void scoreParagraphs(xmlNode *e, std::vector<xmlNode *> &candidates);
    void addScore(xmlNode *e, int text, int commas, bool pseudo, std::vector<xmlNode *> &candidates);
    void initialize(xmlNode *e, std::vector<xmlNode *> &candidates);
    double linkDensity(xmlNode *e)
    {
        const Info &i = info(e);
        return i.text ? double(i.link) / i.text : 0;
    }
    void prepare(xmlNode *root);
    void findStandfirst(xmlNode *e, const QString &description, int budget);
    bool shouldRemoveConditionally(xmlNode *e);
    // The one element that says it is the article body (itemprop="articleBody" or "blogPost"), or null.
    static xmlNode *uniqueItempropBody(xmlNode *body);

    xmlDocPtr m_doc;
    const MetadataExtractor::Page &m_page;
    unsigned m_flags;
    std::vector<Info> m_info;
    std::string m_ci; // clean() and prepare(): the current element's "class id", lower-cased (capacity reused)
    std::string m_itemprop; // clean(): the current element's itemprop, lower-cased
    bool m_titleHeadingRemoved = false;
    xmlNode *m_titleArticle = nullptr; // the <article> that held the page's headline, if any
    xmlNode *m_orphanedBylineLine = nullptr; // clean(): a "By" left alone by its byline's removal, to remove
    int m_bodyText = 0;
    int m_rootText = 0;
};

} // namespace Gloss::Core

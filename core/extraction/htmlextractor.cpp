#include "htmlextractor.h"

#include "blockfilters.h"
#include "contentengine.h"
#include "embeddedjson.h"
#include "htmldom.h"
#include "metadataextractor.h"
#include "publicationdate.h"
#include "readerbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <vector>

namespace Gloss::Core {

using namespace Dom;
using namespace BlockFilters;
using namespace EmbeddedJson;

namespace {

// A standfirst this long (UTF-16 units) is the article's lead paragraph, not a one-line dek: it is kept in front of
// the body even without keepStandfirst. Trafilatura keeps such leads, and on the shared corpus no AEB ground truth
// drops one this long (the decks AEB leaves out run 50 to 140 characters; leads kept by trafilatura-eval 140 to 400).
constexpr qsizetype kLeadParagraphLength = 140;

QString firstParagraph(const QList<ReaderNode> &nodes)
{
    for (const ReaderNode &n : nodes) {
        if (n.kind == ReaderNode::Paragraph && n.start >= 0)
            return blockText(n);
        if (n.kind == ReaderNode::Table || n.kind == ReaderNode::Figure)
            continue;
        const QString inner = firstParagraph(n.children);
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

HtmlExtractor::Output runOnce(
    const QByteArray &utf8Html, const QUrl &url, unsigned flags, bool keepStandfirst, unsigned &usedFlags)
{
    usedFlags = flags; // when parsing fails, assume everything mattered
    HtmlExtractor::Output out;
    xmlDocPtr doc = parseHtml(utf8Html, url.isValid() ? url.toEncoded().constData() : nullptr);
    if (!doc)
        return out;
    const MetadataExtractor::Page page = MetadataExtractor::read(doc, url);
    out.metadata = page.metadata;
    out.publishedRaw = page.publishedRaw;
    ContentEngine engine(doc, page, flags);
    const std::vector<xmlNode *> content = engine.run();
    usedFlags = engine.usedFlags;
    ReaderBuilder builder(page.base);
    for (xmlNode *c : content)
        builder.add(c);
    // The tree is no longer needed: free it before the block passes (on a 100 MB page it is the biggest
    // thing in memory).
    xmlFreeDoc(doc);
    doc = nullptr;
    ReaderDocument &rd = builder.document();
    rd.finalize();
    filterBlocks(rd, page.metadata.title);
    // A standfirst outside the chosen block goes in front of the body (once: the body may hold it already).
    // Without keepStandfirst only a lead paragraph goes in (see kLeadParagraphLength), not a one-line dek.
    if ((keepStandfirst || engine.standfirst.size() >= kLeadParagraphLength) && !engine.standfirst.isEmpty()
        && !rd.nodes.isEmpty()
        && !rd.text().contains(engine.standfirst.left(60)) && !isCallToAction(engine.standfirst)) {
        ReaderNode lead;
        lead.kind = ReaderNode::Paragraph;
        lead.runs.append(InlineRun { engine.standfirst, 0, {}, {}, {} });
        rd.nodes.prepend(std::move(lead));
        rd.finalize();
    }

    // Thin markup: a JSON-LD articleBody or the state of a Next.js or Nuxt page holds the article. The state
    // replaces the markup body, never adds to it (below), so no text comes twice.
    const qsizetype domLength = rd.text().size();
    QString jsonBody = unescapeEscapedMarkup(page.jsonLdBody.trimmed());
    if (jsonBody.size() < 200 && !page.nextData.isEmpty() && domLength < 500) {
        const QJsonDocument next = QJsonDocument::fromJson(page.nextData.toUtf8());
        const QString longest = findLongestBody(next.object().value(u"props"));
        if (isProse(longest))
            jsonBody = longest;
    }
    if (jsonBody.size() < 200 && !page.nuxtData.isEmpty() && domLength < 500) {
        const QString longest = longestProseLiteral(page.nuxtData);
        if (isProse(longest))
            jsonBody = longest;
    }
    if (jsonBody.size() > 200 && collapseWhitespace(jsonBody).size() > domLength * 2) {
        ReaderBuilder jb(page.base);
        addJsonBody(jsonBody, jb);
        ReaderDocument &jd = jb.document();
        jd.finalize();
        if (jd.text().size() > domLength) {
            out.document = std::move(jd);
        } else {
            out.document = std::move(rd);
        }
    } else {
        out.document = std::move(rd);
    }
    if (engine.articleDir == u"rtl" || engine.articleDir == u"ltr")
        out.metadata.direction = engine.articleDir;
    if (out.metadata.excerpt.isEmpty())
        out.metadata.excerpt = firstParagraph(out.document.nodes);
    if (out.metadata.byline.isEmpty() && !engine.domByline.isEmpty())
        out.metadata.byline = MetadataExtractor::cleanByline(engine.domByline);
    // The rel="author" link may sit in a header that the cleaning removed before the byline scan reached it.
    if (out.metadata.byline.isEmpty() && !page.relAuthor.trimmed().isEmpty())
        out.metadata.byline = MetadataExtractor::cleanByline(page.relAuthor);
    if (out.metadata.published.isEmpty() && !engine.domPublished.isEmpty()) {
        out.metadata.published = PublicationDate::toIsoUtc(engine.domPublished);
        if (out.publishedRaw.isEmpty())
            out.publishedRaw = engine.domPublished;
    }
    return out;
}

} // namespace

HtmlExtractor::Output HtmlExtractor::extract(const QByteArray &utf8Html, const QUrl &url, bool keepStandfirst)
{
    // libxml2 must be initialised once before threads use it (extraction runs off the GUI thread).
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    Q_UNUSED(initialised);
    // Readability.js retries with fewer rules when the result is short: first without removing "unlikely"
    // elements, then without class weights, then without conditional cleaning; the longest result wins.
    using enum ContentEngine::Flag;
    static const unsigned attempts[] = { StripUnlikely | WeightClasses | CleanConditionally,
        WeightClasses | CleanConditionally, CleanConditionally, 0 };
    Output best;
    qsizetype bestLength = -1;
    unsigned used = ~0u;
    unsigned previous = 0;
    for (const unsigned flags : attempts) {
        // An attempt differs from the one before only by the flag it drops: when that flag changed nothing
        // there, this attempt would give the same result (a short page would otherwise be parsed four times).
        if (bestLength >= 0 && (previous & ~flags & used) == 0) {
            previous = flags;
            continue;
        }
        previous = flags;
        Output out = runOnce(utf8Html, url, flags, keepStandfirst, used);
        const qsizetype len = out.document.text().size();
        if (len > bestLength) {
            bestLength = len;
            best = std::move(out);
        }
        if (len >= 500)
            break;
    }
    best.document.lang = best.metadata.language;
    best.document.dir = best.metadata.direction;
    return best;
}

} // namespace Gloss::Core

#pragma once

// What an element's own markup says about it: boilerplate class/id keywords, hidden elements, embedded posts
// (internal header of the HTML extractor). The keyword lists follow Readability.js's REGEXPS (unlikely candidates,
// positive and negative class weights) and Trafilatura's discard XPaths (boilerplate boxes inside the article).
// Every test on "class id" strings expects them lower-cased, as classAndId() makes them.

#include "htmldom.h"

#include <string>
#include <string_view>

namespace Gloss::Core::Boilerplate {

/// The attributes the boilerplate cleaning reads, as attr() finds them (the first attribute of each name, matched
/// without regard to case), found in one walk over the element's attribute list. The views are valid until the
/// tree changes (a value split by entity references is copied into per-thread storage, valid until the next call).
struct CleanAttributes
{
    std::string_view cls, id, role, rel, itemprop, style, ariaHidden;
    bool hidden = false; ///< the `hidden` attribute is present
};

/// Reads `e`'s attributes into `out` (which must be default-constructed).
void readCleanAttributes(const xmlNode *e, CleanAttributes &out);

/// The "class id" string, lower-cased (ASCII), into `out` (its capacity is reused).
void classAndIdInto(std::string_view cls, std::string_view id, std::string &out);
void classAndIdInto(const xmlNode *e, std::string &out);
std::string classAndId(const xmlNode *e);

/// "class id" names an unlikely candidate (Readability.js `unlikelyCandidates`: comments, footers, menus,
/// sidebars, pop-ups...).
bool hasUnlikelyWord(std::string_view classAndId);
/// "class id" names what may be the article all the same (Readability.js `okMaybeItsACandidate`).
bool hasMaybeWord(std::string_view classAndId);
/// "class id" names a "your browser is out of date" overlay.
bool hasBrowserWarningWord(std::string_view classAndId);
/// "class id" names a boilerplate box inside the article: share bars, related links, newsletter and donation
/// appeals, author boxes, tag lists (Trafilatura's discard list).
bool hasBoilerplateWord(std::string_view classAndId);
/// "class id" holds an advertising token ("ad", "ads", "advert", "advertisement" as whole words, or "dfp").
bool isAdClass(const std::string &classAndId);

/// Readability.js `_getClassWeight`: -25 for a negative and +25 for a positive keyword, for class and id each.
int classWeight(const xmlNode *e);

/// The lower-cased class attribute holds a class that hides the element (whole tokens: "sr-only", "hidden",
/// "visually-hidden", Tailwind's "!hidden"...).
bool hasHiddenClassLowered(std::string_view loweredClass);
/// The element is not shown: `hidden`, `aria-hidden="true"` (not on a lazy image's fallback), or an inline
/// `display:none` / `visibility:hidden`. `loweredClass` is the class attribute lower-cased.
bool isHidden(const CleanAttributes &attributes, std::string_view loweredClass);
bool isHidden(const xmlNode *e);

/// `e` is or holds an embedded social post (a tweet, an Instagram, Facebook, TikTok, Reddit or Mastodon post): a
/// <blockquote> whose class names the platform or an embed. A quotation the article shows, not boilerplate.
bool isEmbeddedPost(const xmlNode *e);

} // namespace Gloss::Core::Boilerplate

#pragma once

// Text counts over libxml2's HTML tree, shared by the boilerplate cleaning and the candidate scoring (internal
// header). Counts are code points of the UTF-8 text with every run of white space counted as one, as
// Readability.js's innerText().length would count them after collapsing.

#include "htmldom.h"

#include <QtGlobal>

namespace Gloss::Core::TextCounts {

/// Characters (code points, white space runs counted once, leading white space not counted) and commas (ASCII,
/// fullwidth U+FF0C, Arabic U+060C, ideographic U+3001) of a text.
struct TextCount
{
    int chars = 0;
    int commas = 0;
};

/// Counts the NUL-terminated UTF-8 text `s` (null: zero).
TextCount countText(const xmlChar *s);

// Text counts of a text node, computed once: a text node's _private holds them packed (bit 0 set, characters in
// bits 1-31, commas in bits 32-63; an element's _private holds its Info index instead). The passes over the tree
// ask for the same text nodes again and again, and scanning their bytes was the largest cost of extraction.
inline TextCount textCount(const xmlNode *t)
{
    if constexpr (sizeof(quintptr) >= 8) {
        auto *node = const_cast<xmlNode *>(t);
        const auto packed = reinterpret_cast<quintptr>(node->_private);
        if (packed & 1)
            return { int((packed >> 1) & 0x7fffffff), int(packed >> 32) };
        const TextCount c = countText(t->content);
        node->_private = reinterpret_cast<void *>(
            (quintptr(quint32(c.commas)) << 32) | (quintptr(quint32(c.chars) & 0x7fffffff) << 1) | 1);
        return c;
    } else {
        return countText(t->content);
    }
}

/// Characters of the text under `e`, leaving out <script>, <style>, <noscript> and <template>.
int textLength(const xmlNode *e);
/// textLength(e) <= limit, without walking more of the subtree than it takes to pass the limit.
bool textLengthAtMost(const xmlNode *e, int limit);
/// Characters of the text inside <a> elements under `e` (not counting `e` itself when it is a link).
int linkTextLength(const xmlNode *e);

} // namespace Gloss::Core::TextCounts

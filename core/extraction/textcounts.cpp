#include "textcounts.h"

namespace Gloss::Core::TextCounts {

using namespace Dom;

TextCount countText(const xmlChar *s)
{
    TextCount c;
    if (!s)
        return c;
    bool space = true;
    for (const unsigned char *p = s; *p; ++p) {
        const unsigned char b = *p;
        // Most bytes are printable ASCII: one character each, no white space, a comma perhaps.
        if (b > ' ' && b < 0x80) {
            ++c.chars;
            c.commas += b == ',';
            space = false;
            continue;
        }
        if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
            if (!space)
                ++c.chars;
            space = true;
            continue;
        }
        space = false;
        if ((b & 0xC0) != 0x80)
            ++c.chars;
        if (b == ',')
            ++c.commas;
        else if (b == 0xEF && p[1] == 0xBC && p[2] == 0x8C) // U+FF0C fullwidth comma
            ++c.commas;
        else if (b == 0xD8 && p[1] == 0x8C) // U+060C Arabic comma
            ++c.commas;
        else if (b == 0xE3 && p[1] == 0x80 && p[2] == 0x81) // U+3001 ideographic comma
            ++c.commas;
    }
    return c;
}

int textLength(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE)
            n += textCount(c).chars;
        else if (isElement(c)) {
            const Tag t = tagOf(c);
            if (t != Tag::Script && t != Tag::Style && t != Tag::Noscript && t != Tag::Template)
                n += textLength(c);
        }
    }
    return n;
}

namespace {

// textLengthAtMost(e, limit) with the count so far in `n`.
bool textLengthAtMost(const xmlNode *e, int limit, int &n)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            n += textCount(c).chars;
        } else if (isElement(c)) {
            const Tag t = tagOf(c);
            if (t != Tag::Script && t != Tag::Style && t != Tag::Noscript && t != Tag::Template
                && !textLengthAtMost(c, limit, n))
                return false;
        }
        if (n > limit)
            return false;
    }
    return true;
}

} // namespace

bool textLengthAtMost(const xmlNode *e, int limit)
{
    int n = 0;
    return textLengthAtMost(e, limit, n);
}

int linkTextLength(const xmlNode *e)
{
    int n = 0;
    for (const xmlNode *c = e->children; c; c = c->next)
        if (isElement(c))
            n += tagOf(c) == Tag::A ? textLength(c) : linkTextLength(c);
    return n;
}

} // namespace Gloss::Core::TextCounts

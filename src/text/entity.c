/*
 * entity.c: see entity.h.
 */
#include "text/entity.h"

#include <string.h>

#include <utf8proc.h>

#include "text/utf8.h"

/* The references news text carries, with the upper-case forms HTML still
 * accepts for the first four. Longer than this list is not worth it: an
 * unknown name stays as written, which is what it was before. */
static const struct {
    const char *name;
    uint32_t cp;
} names[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"AMP", '&'},
    {"LT", '<'},       {"GT", '>'},       {"QUOT", '"'},     {"apos", '\''},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"hellip", 0x2026}, {"copy", 0xA9},   {"reg", 0xAE},     {"trade", 0x2122},
    {"eacute", 0xE9},  {"euro", 0x20AC},  {"pound", 0xA3},
};

#define NAME_MAX_LEN 6
#define DIGITS_MAX 8

/* "&#8217;" or "&#x2019;": bytes from s[i], or 0. */
static size_t numeric_len(const char *s, size_t i, size_t end, uint32_t *cp)
{
    size_t j = i + 2;
    int base = 10;
    if (j < end && (s[j] == 'x' || s[j] == 'X')) {
        base = 16;
        j++;
    }
    size_t first = j;
    uint32_t v = 0;
    while (j < end && j - first < DIGITS_MAX) {
        int d = base == 16 ? hex_digit(s[j]) : (s[j] >= '0' && s[j] <= '9' ? s[j] - '0' : -1);
        if (d < 0)
            break;
        v = v * (uint32_t)base + (uint32_t)d;
        j++;
    }
    if (j == first || j >= end || s[j] != ';' || !utf8proc_codepoint_valid((utf8proc_int32_t)v))
        return 0;
    *cp = v;
    return j + 1 - i;
}

/* A reference to a named one, "&amp;": bytes from s[i], or 0. */
static size_t named_len(const char *s, size_t i, size_t end, uint32_t *cp)
{
    size_t j = i + 1;
    while (j < end && j - i - 1 < NAME_MAX_LEN &&
           ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
        j++;
    if (j >= end || s[j] != ';')
        return 0;
    size_t n = j - i - 1;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (strlen(names[k].name) == n && !memcmp(names[k].name, s + i + 1, n)) {
            *cp = names[k].cp;
            return n + 2;
        }
    return 0;
}

size_t entity_len(const char *s, size_t i, size_t end, uint32_t *cp)
{
    if (i + 3 >= end || s[i] != '&')
        return 0;
    uint32_t v = 0;
    size_t n = s[i + 1] == '#' ? numeric_len(s, i, end, &v) : named_len(s, i, end, &v);
    /* White space and controls would move where words part and lines end,
     * which the word budget has already counted on the source bytes; and
     * a control is never what a news text meant to say. */
    if (!n || entity_is_space(v) || v < 0x20 || (v >= 0x7F && v < 0xA0))
        return 0;
    *cp = v;
    return n;
}

int entity_is_space(uint32_t cp)
{
    return cp == ' ' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x3000;
}

size_t entity_encode(uint32_t cp, char *out)
{
    return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
}

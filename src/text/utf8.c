/*
 * utf8.c: strict UTF-8 validation (no overlongs, no surrogates, nothing
 * above U+10FFFF) and NUL detection, in one pass; and the per-character
 * test the output writers use to replace bytes that are not UTF-8.
 */
#include "text/utf8.h"

size_t utf8_seq_len(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (len <= n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k <= n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n + 1;
}

int utf8_check(const char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)s[i] - 1u < 0x7Fu) {
            i++; /* ASCII other than NUL, most of any text: no call */
            continue;
        }
        size_t n = utf8_seq_len(s + i, len - i);
        if (n == 0 || s[i] == 0) {
            *bad = i;
            return n == 0 ? 1 : 2;
        }
        i += n;
    }
    return 0;
}

long utf8_line_of(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n')
            line++;
    return line;
}

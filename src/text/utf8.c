/*
 * utf8.c: strict UTF-8 validation (no overlongs, no surrogates, nothing
 * above U+10FFFF) and NUL detection, in one pass.
 */
#include "text/utf8.h"

int utf8_check(const char *str, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0) {
                *bad = i;
                return 2;
            }
            i++;
            continue;
        }
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
        } else {
            *bad = i;
            return 1;
        }
        if (len - i <= n) {
            *bad = i;
            return 1;
        }
        if (s[i + 1] < lo || s[i + 1] > hi) {
            *bad = i;
            return 1;
        }
        for (size_t k = 2; k <= n; k++)
            if ((s[i + k] & 0xC0) != 0x80) {
                *bad = i;
                return 1;
            }
        i += n + 1;
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

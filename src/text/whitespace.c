/*
 * whitespace.c: see whitespace.h.
 */
#include "text/whitespace.h"

size_t ws_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < end) {
        unsigned char c1 = (unsigned char)s[i + 1], c2 = (unsigned char)s[i + 2];
        if (c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF))
            return 3;
    }
    if (c == 0xE3 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80)
        return 3;
    return 0;
}

size_t ws_collapse(const char *s, size_t start, size_t end, char *out)
{
    size_t n = 0, i = start;
    int pending_space = 0;
    while (i < end) {
        size_t w = ws_len(s, i, end);
        if (w) {
            pending_space = n > 0;
            i += w;
            continue;
        }
        if (pending_space) {
            if (out)
                out[n] = ' ';
            n++;
            pending_space = 0;
        }
        if (out)
            out[n] = s[i];
        n++;
        i++;
    }
    return n;
}

int ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

const char *ascii_trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && ascii_space(*s)) {
        s++;
        n--;
    }
    while (n && ascii_space(s[n - 1]))
        n--;
    *len = n;
    return s;
}

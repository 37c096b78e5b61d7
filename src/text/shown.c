/*
 * shown.c: text output's stand-in for control characters; see shown.h.
 */
#include "text/shown.h"

#include <stdint.h>
#include <string.h>

#include "text/utf8.h"
#include "text/whitespace.h"

size_t shown_replaced(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = utf8_seq_len(s, len);
    if (n == 0) /* a byte of no character: one U+FFFD each */
        return 1;
    if (n == 1)
        return u[0] < 0x20 || u[0] == 0x7F;
    if (n == 2)
        return u[0] == 0xC2 && u[1] < 0xA0 ? 2 : 0; /* C1: U+0080..U+009F */
    if (n == 3 && u[0] == 0xE2 &&
        ((u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE) || (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)))
        return 3; /* U+202A..U+202E, U+2066..U+2069 */
    return 0;
}

int shown_append(buf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* copy the run of characters printed as they are in one go */
        size_t run = i, bad = 0;
        while (run < len) {
            unsigned char c = (unsigned char)s[run];
            if (c >= 0x20 && c < 0x7F) { /* printable ASCII, most of any text */
                run++;
                continue;
            }
            if ((bad = shown_replaced(s + run, len - run)) != 0)
                break;
            run += utf8_seq_len(s + run, len - run);
        }
        if (run > i && buf_append(b, s + i, run - i) != 0)
            return -1;
        if (run == len)
            break;
        if (buf_puts(b, UTF8_REPLACEMENT) != 0)
            return -1;
        i = run + bad;
    }
    return 0;
}

/* Some byte of x is below 0x20, or is 0x7F or 0xC2 (the lead byte of the
 * C1 controls): the bytes shown_growth must look at one by one. Eight at
 * a time, since nearly every run of text has none. */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static int has_special(uint64_t x)
{
    uint64_t below = (x - ONES * 0x20) & ~x;
    uint64_t del = x ^ (ONES * 0x7F), c2 = x ^ (ONES * 0xC2);
    return ((below | ((del - ONES) & ~del) | ((c2 - ONES) & ~c2)) & HIGHS) != 0;
}

size_t shown_growth(const char *s, size_t len)
{
    size_t extra = 0, i = 0;
    while (i < len) {
        uint64_t x;
        if (i + 8 <= len) {
            memcpy(&x, s + i, 8);
            if (!has_special(x)) {
                i += 8;
                continue;
            }
        }
        size_t stop = i + 8 < len ? i + 8 : len;
        for (; i < stop; i++) {
            unsigned char c = (unsigned char)s[i];
            if ((c < 0x20 && !ascii_space((char)c)) || c == 0x7F)
                extra += 2;
            else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0)
                extra += 1;
        }
    }
    return extra;
}

int shown_message(buf *b, const char *s)
{
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (shown_append(b, s, n) != 0 || (nl && buf_putc(b, '\n') != 0))
            return -1;
        s += n + (nl != NULL);
    }
    return 0;
}

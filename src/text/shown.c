/*
 * shown.c: text output's stand-in for control characters; see shown.h.
 */
#include "text/shown.h"

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

size_t shown_growth(const char *s, size_t len)
{
    size_t extra = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && !ascii_space((char)c)) || c == 0x7F)
            extra += 2;
        else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0)
            extra += 1;
    }
    return extra;
}

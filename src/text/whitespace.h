/*
 * whitespace: the one definition of white space used for word counts,
 * byte budgets and rendering, so that what the selector counted is exactly
 * what the renderer prints.
 */
#ifndef PRECIS_WHITESPACE_H
#define PRECIS_WHITESPACE_H

#include <stddef.h>

#include "core/buf.h"

/* Length of the white-space character at s[i] (ASCII spaces, U+00A0,
 * U+2000..U+200A, U+202F, U+3000), or 0. Inline: word counts and
 * rendering ask it of every byte of every chosen sentence. */
static inline size_t ws_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2)
        return i + 1 < end && (unsigned char)s[i + 1] == 0xA0 ? 2 : 0;
    if (c == 0xE2 && i + 2 < end) {
        unsigned char c1 = (unsigned char)s[i + 1], c2 = (unsigned char)s[i + 2];
        return c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF) ? 3 : 0;
    }
    if (c == 0xE3 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80)
        return 3;
    return 0;
}

/* Copy s[start, end) with each run of white space made one ASCII space and
 * the ends trimmed, into out (which must hold end - start bytes), or only
 * count when out is NULL. Returns the length. HTML character references
 * are printed as the characters they stand for (text/entity.h). */
size_t ws_collapse(const char *s, size_t start, size_t end, char *out);

/* Append s[0, len) as ws_collapse prints it to b (NUL-terminated).
 * Returns 0, or -1 when memory runs out (b is then unchanged). */
int ws_append(buf *b, const char *s, size_t len);

/* 1 for the ASCII white-space bytes (space, \t \n \v \f \r). */
int ascii_space(char c);

/* s[0..*len) less ASCII white space at both ends: the new start, with
 * *len its length. */
const char *ascii_trim(const char *s, size_t *len);

#endif

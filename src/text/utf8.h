/*
 * utf8: validation of input text, and the small byte tests that readers of
 * escapes (JSON's \uXXXX, HTML's &#x2019;) share.
 */
#ifndef PRECIS_UTF8_H
#define PRECIS_UTF8_H

#include <stddef.h>

/* 0 if s[0..len) is valid UTF-8 without NUL bytes; otherwise 1 for invalid
 * UTF-8 or 2 for a NUL byte, with the byte offset in *bad. */
int utf8_check(const char *s, size_t len, size_t *bad);

/* The length (1-4) of the valid UTF-8 character at s[0], any ASCII byte
 * (NUL too) counting as one; 0 if s[0] does not begin one. len > 0. The
 * output writers use it to replace such bytes with U+FFFD. */
size_t utf8_seq_len(const char *s, size_t len);

/* U+FFFD REPLACEMENT CHARACTER in UTF-8. */
#define UTF8_REPLACEMENT "\xEF\xBF\xBD"

/* The value of hex digit c, or -1. */
static inline int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* 1-based line number of byte offset off (for error messages). */
long utf8_line_of(const char *s, size_t off);

#endif

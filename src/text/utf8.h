/*
 * utf8: validation of input text.
 */
#ifndef PRECIS_UTF8_H
#define PRECIS_UTF8_H

#include <stddef.h>

/* 0 if s[0..len) is valid UTF-8 without NUL bytes; otherwise 1 for invalid
 * UTF-8 or 2 for a NUL byte, with the byte offset in *bad. */
int utf8_check(const char *s, size_t len, size_t *bad);

/* 1-based line number of byte offset off (for error messages). */
long utf8_line_of(const char *s, size_t off);

#endif

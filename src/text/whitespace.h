/*
 * whitespace: the one definition of white space used for word counts,
 * byte budgets and rendering, so that what the selector counted is exactly
 * what the renderer prints.
 */
#ifndef PRECIS_WHITESPACE_H
#define PRECIS_WHITESPACE_H

#include <stddef.h>

/* Length of the white-space character at s[i] (ASCII spaces, U+00A0,
 * U+2000..U+200A, U+202F, U+3000), or 0. */
size_t ws_len(const char *s, size_t i, size_t end);

/* Copy s[start, end) with each run of white space made one ASCII space and
 * the ends trimmed, into out (which must hold end - start bytes), or only
 * count when out is NULL. Returns the length. */
size_t ws_collapse(const char *s, size_t start, size_t end, char *out);

/* 1 for the ASCII white-space bytes (space, \t \n \v \f \r). */
int ascii_space(char c);

/* s[0..*len) less ASCII white space at both ends: the new start, with
 * *len its length. */
const char *ascii_trim(const char *s, size_t *len);

#endif

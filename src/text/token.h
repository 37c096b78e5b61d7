/*
 * token: words of a sentence, normalised for matching.
 *
 * A token is a run of letters and digits (by Unicode category, via
 * utf8proc), keeping internal apostrophes, hyphens between letters are
 * split, and numbers keep internal "." and "," ("8.2", "1,200").
 * Its normal form is NFKC + case-folded, with curly quotes as straight ones,
 * and possessive "'s" and trailing apostrophes removed, so that
 * "Russia’s" and "russia's" both give "russia".
 */
#ifndef PRECIS_TOKEN_H
#define PRECIS_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

enum { TOKEN_WORD = 0, TOKEN_NUMBER = 1 };

typedef struct token {
    uint32_t start, end;  /* bytes in the text */
    uint32_t kind;        /* TOKEN_WORD or TOKEN_NUMBER (starts with a digit) */
    const char *norm;     /* normal form; valid until the next call */
    size_t norm_len;
    int capitalized;      /* first letter is upper case in the source */
} token;

/* Read the next token at or after *pos, before end. Returns 1 and fills tok
 * (advancing *pos), or 0 when there are no more tokens. scratch holds the
 * normal form; it is reused across calls. Never fails on valid UTF-8. */
int token_next(const char *text, size_t end, size_t *pos, token *tok, buf *scratch);

/* Count whitespace-separated words in bytes [start, end): the unit in
 * which --words budgets are measured (as ROUGE's -l counts). */
size_t count_words(const char *text, size_t start, size_t end);

#endif

/*
 * token.c: the tokenizer; see token.h for what a token is.
 *
 * ASCII text, the bulk of news, goes through a byte loop with no calls;
 * only tokens holding non-ASCII letters are normalised with utf8proc
 * (NFKC, case fold, marks stripped so "Chrétien" matches "Chretien").
 */
#include "text/token.h"
#include "text/whitespace.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Decode the code point at s[i] (valid UTF-8 assumed); its length goes to *n. */
static utf8proc_int32_t decode(const char *s, size_t i, size_t end, size_t *n)
{
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), &cp);
    if (k <= 0) {
        *n = 1;
        return -1;
    }
    *n = (size_t)k;
    return cp;
}

static int is_word_cp(utf8proc_int32_t cp)
{
    if (cp < 0)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
        return 1;
    default:
        return 0;
    }
}

/* Is the character at i part of a word? Sets *n to its byte length. */
static int word_char_at(const char *s, size_t i, size_t end, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return ascii_alnum(c);
    }
    return is_word_cp(decode(s, i, end, n));
}

/* An apostrophe (' or U+2019) at i? Sets *n to its length. */
static int apostrophe_at(const char *s, size_t i, size_t end, size_t *n)
{
    if (s[i] == '\'') {
        *n = 1;
        return 1;
    }
    if (end - i >= 3 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
        *n = 3;
        return 1;
    }
    return 0;
}

/* Find where the token starting at `start` ends. */
static size_t token_end(const char *s, size_t start, size_t end, int number)
{
    size_t i = start, n;
    while (i < end) {
        /* ASCII tested here, without a call: this loop sees every byte of
         * every article. */
        unsigned char c = (unsigned char)s[i];
        int in_word = c < 0x80 ? (n = 1, ascii_alnum(c)) : word_char_at(s, i, end, &n);
        if (in_word) {
            i += n;
            continue;
        }
        /* "8.2", "1,200": a separator between digits stays inside a number. */
        if (number && (s[i] == '.' || s[i] == ',') && i + 1 < end && ascii_digit((unsigned char)s[i + 1]) &&
            ascii_digit((unsigned char)s[i - 1])) {
            i++;
            continue;
        }
        /* "don't", "Russia's": an apostrophe between letters. */
        size_t an;
        if (!number && apostrophe_at(s, i, end, &an) && i + an < end && word_char_at(s, i + an, end, &n)) {
            i += an;
            continue;
        }
        break;
    }
    return i;
}

/* Lower-case ASCII copy, apostrophes normalised. */
static int normalise_ascii(const char *s, size_t start, size_t stop, buf *out)
{
    buf_clear(out);
    if (buf_reserve(out, stop - start) != 0)
        return -1;
    for (size_t i = start; i < stop; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        out->data[out->len++] = c;
    }
    out->data[out->len] = '\0';
    return 0;
}

static int normalise_unicode(const char *s, size_t start, size_t stop, buf *out)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(stop - start),
                                      &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    buf_clear(out);
    if (n < 0)
        return normalise_ascii(s, start, stop, out);
    /* Room for the whole result and its NUL, even when it is empty (marks
     * only) and the buffer has never been used. */
    if (buf_reserve(out, (size_t)n) != 0) {
        free(mapped);
        return -1;
    }
    /* Curly apostrophes become straight ones so both spellings match. */
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        if (i + 2 < n && mapped[i] == 0xE2 && mapped[i + 1] == 0x80 && mapped[i + 2] == 0x99) {
            buf_putc(out, '\'');
            i += 2;
        } else {
            buf_putc(out, (char)mapped[i]);
        }
    }
    free(mapped);
    return 0;
}

/* Possessives and trailing apostrophes carry no meaning for matching. */
static void strip_possessive(buf *b)
{
    if (b->len > 2 && b->data[b->len - 2] == '\'' && b->data[b->len - 1] == 's')
        b->len -= 2;
    while (b->len > 1 && b->data[b->len - 1] == '\'')
        b->len--;
    b->data[b->len] = '\0';
}

/* Normalise text[i, stop) into scratch. 0, or -1 out of memory. */
static int normalise(const char *text, size_t i, size_t stop, buf *scratch)
{
    int ascii = 1;
    for (size_t k = i; k < stop; k++)
        if ((unsigned char)text[k] >= 0x80) {
            ascii = 0;
            break;
        }
    int rc = ascii ? normalise_ascii(text, i, stop, scratch) : normalise_unicode(text, i, stop, scratch);
    if (rc == 0)
        strip_possessive(scratch);
    return rc;
}

int token_next(const char *text, size_t end, size_t *pos, token *tok, buf *scratch)
{
    size_t i = *pos, n = 1, stop;
    for (;;) {
        while (i < end && !word_char_at(text, i, end, &n))
            i += n;
        if (i >= end) {
            *pos = end;
            return 0;
        }
        stop = token_end(text, i, end, ascii_digit((unsigned char)text[i]));
        if (normalise(text, i, stop, scratch) != 0)
            return 0;
        if (scratch->len > 0)
            break;
        i = stop; /* only combining marks: nothing to match on */
    }
    unsigned char first = (unsigned char)text[i];
    tok->start = (uint32_t)i;
    tok->end = (uint32_t)stop;
    tok->kind = ascii_digit(first) ? TOKEN_NUMBER : TOKEN_WORD;
    tok->norm = scratch->data;
    tok->norm_len = scratch->len;
    if (first < 0x80)
        tok->capitalized = first >= 'A' && first <= 'Z';
    else
        tok->capitalized = utf8proc_category(decode(text, i, end, &n)) == UTF8PROC_CATEGORY_LU;
    *pos = stop;
    return 1;
}

size_t count_words(const char *text, size_t start, size_t end)
{
    size_t words = 0;
    int in_word = 0;
    size_t i = start;
    while (i < end) {
        size_t n = ws_len(text, i, end);
        if (n) {
            in_word = 0;
            i += n;
            continue;
        }
        if (!in_word)
            words++;
        in_word = 1;
        i++;
    }
    return words;
}

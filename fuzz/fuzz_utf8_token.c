/*
 * fuzz_utf8_token.c: libFuzzer target for UTF-8 validation and the
 * tokenizer (src/text/utf8.c, src/text/token.c, src/text/stem.c).
 *
 * Build with `make fuzz` (build/fuzz/fuzz_utf8_token); corpus in
 * fuzz/corpus/utf8_token/.
 *
 * Checks:
 *  - utf8_check agrees with an independent decoder written here (result
 *    and offset of the first bad sequence: overlongs, surrogates, code
 *    points above U+10FFFF, truncated sequences and NUL bytes);
 *  - utf8_line_of counts newlines;
 *  - on valid text, every token lies inside the text, tokens are in order
 *    without overlap, start and end on character boundaries, have a
 *    non-empty NUL-terminated normal form without NUL bytes that is
 *    itself valid UTF-8, and a NUMBER token starts with a digit;
 *  - count_words never exceeds the byte count, and the stemmer accepts
 *    every normal form;
 *  - the printed form of the text (ws_collapse: white space collapsed,
 *    HTML character references read) is no longer than the text, counts
 *    as it writes, is valid UTF-8 and has as many words as the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "text/stem.h"
#include "text/token.h"
#include "text/utf8.h"
#include "text/whitespace.h"

/* The reference: decode each sequence fully, then judge the code point. */
static int ref_check(const uint8_t *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c == 0) {
            *bad = i;
            return 2;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if ((c & 0xE0) == 0xC0)
            n = 1, cp = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0)
            n = 2, cp = c & 0x0F, min = 0x800;
        else if ((c & 0xF8) == 0xF0)
            n = 3, cp = c & 0x07, min = 0x10000;
        else {
            *bad = i;
            return 1;
        }
        if (i + n >= len) {
            *bad = i;
            return 1;
        }
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *bad = i;
                return 1;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *bad = i;
            return 1;
        }
        i += n + 1;
    }
    return 0;
}

static int boundary(const uint8_t *s, size_t i, size_t len)
{
    return i == len || (s[i] & 0xC0) != 0x80;
}

static stemmer *stem;

/* The printed form of a span (white space collapsed, character references
 * read): never longer than the span, counted as it is written, valid
 * UTF-8 with no NUL, and with as many words as the budget counted. */
static void check_printed(const char *text, size_t size)
{
    char *out = malloc(size + 1);
    if (!out)
        abort();
    size_t n = ws_collapse(text, 0, size, out);
    size_t rbad;
    if (n > size || ws_collapse(text, 0, size, NULL) != n || ref_check((const uint8_t *)out, n, &rbad) != 0)
        __builtin_trap();
    if (count_words(out, 0, n) != count_words(text, 0, size))
        __builtin_trap();
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t bad = (size_t)-1, rbad = (size_t)-1;
    int got = utf8_check((const char *)data, size, &bad);
    int want = ref_check(data, size, &rbad);
    if (got != want || (got && bad != rbad))
        __builtin_trap();
    long lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    if (utf8_line_of((const char *)data, size) != lines)
        __builtin_trap();
    if (got)
        return 0;

    if (!stem && !(stem = stemmer_new()))
        abort();
    const char *text = (const char *)data;
    buf scratch = BUF_INIT;
    size_t pos = 0, prev_end = 0;
    token t;
    while (token_next(text, size, &pos, &t, &scratch)) {
        if (t.start < prev_end || t.start >= t.end || t.end > size || pos != t.end)
            __builtin_trap();
        if (!boundary(data, t.start, size) || !boundary(data, t.end, size))
            __builtin_trap();
        if (t.norm_len == 0 || t.norm[t.norm_len] != '\0' || memchr(t.norm, 0, t.norm_len))
            __builtin_trap();
        if (ref_check((const uint8_t *)t.norm, t.norm_len, &rbad) != 0)
            __builtin_trap();
        if ((t.kind == TOKEN_NUMBER) != (data[t.start] >= '0' && data[t.start] <= '9'))
            __builtin_trap();
        size_t sl;
        const char *st = stemmer_stem(stem, t.norm, t.norm_len, &sl);
        if (!st)
            __builtin_trap();
        volatile unsigned sum = 0; /* every stem byte is readable */
        for (size_t k = 0; k < sl; k++)
            sum += (unsigned char)st[k];
        prev_end = t.end;
    }
    if (pos != size)
        __builtin_trap();
    if (count_words(text, 0, size) > size)
        __builtin_trap();
    buf_free(&scratch);
    check_printed(text, size);
    return 0;
}

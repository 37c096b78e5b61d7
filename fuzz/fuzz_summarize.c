/*
 * fuzz_summarize.c: libFuzzer target for the whole pipeline through the
 * public API: precis_cluster_add of arbitrary bytes as several articles,
 * precis_summarize with every method of precis_methods(), precis_render
 * in every format.
 *
 * Build with `make fuzz` (build/fuzz/fuzz_summarize); corpus in
 * fuzz/corpus/summarize/.
 *
 * Input: byte 0 picks the budget (words, bytes or sentences, and how
 * many), byte 1 whether there is a query (the first article's first 80
 * bytes) and the cluster id; the rest is split at 0xFF bytes (never in
 * UTF-8) into articles, at most 12.
 *
 * Checks, for every method:
 *  - precis_cluster_add fails only with a message, and leaves the counts
 *    as they were; precis_summarize succeeds on a cluster with sentences,
 *    unless they are all page notices (cluster_is_only_notices) or pieces of
 *    sentences cut for their length (cluster_is_only_pieces), or the query
 *    (a cluster's first 80 bytes, perhaps cut inside a character) is not
 *    UTF-8, a usage error;
 *  - the budget holds: words (as the library counts them) and bytes of
 *    the text rendering, and the number of sentences;
 *  - every place is in an added article, its offsets within that article,
 *    and each sentence's text is exactly the bytes at places[0];
 *  - support is between 1 and the number of articles;
 *  - JSON output is one line of valid JSON; each rendering's length is
 *    its strlen;
 *  - summarizing twice gives the same JSON (determinism).
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "precis.h"
#include "select/select.h"
#include "text/token.h"
#include "text/utf8.h"

#define MAX_ARTICLES 12

static char *render(const precis_summary *s, precis_format f, size_t *len)
{
    char *out = NULL;
    precis_error err;
    if (precis_render(s, f, &out, len, &err) != PRECIS_OK || !out || strlen(out) != *len)
        __builtin_trap();
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    precis_error err;
    precis_engine *eng = fuzz_engine();
    uint8_t b0 = data[0], b1 = data[1];
    data += 2, size -= 2;

    precis_cluster *c;
    if (precis_cluster_new(eng, (b1 & 2) ? "fuzz \"id\" <x>" : NULL, &c, &err) != PRECIS_OK)
        abort();
    const char *art[MAX_ARTICLES];
    size_t alen[MAX_ARTICLES], na = 0;
    pieces in;
    pieces_init(&in, data, size);
    const char *piece;
    size_t piece_len;
    while (na < MAX_ARTICLES && pieces_next(&in, &piece, &piece_len)) {
        size_t before_a = precis_cluster_articles(c), before_s = precis_cluster_sentences(c);
        precis_status st = precis_cluster_add(c, (b1 & 4) ? "doc" : NULL, piece, piece_len, &err);
        if (st == PRECIS_OK) {
            if (precis_cluster_articles(c) != before_a + 1)
                __builtin_trap();
            art[na] = piece;
            alen[na++] = piece_len;
        } else {
            check_failure(st, &err);
            if (precis_cluster_articles(c) != before_a || precis_cluster_sentences(c) != before_s)
                __builtin_trap();
        }
    }
    if (na == 0) {
        precis_cluster_free(c);
        return 0;
    }

    precis_options o;
    precis_options_init(&o);
    size_t amount = (b0 >> 2) * 4; /* 0..252 */
    switch (b0 & 3) {
    case 0: o.max_words = amount; break;
    case 1: o.max_bytes = amount * 4; break;
    case 2: o.max_sentences = amount / 16; break;
    default: o.max_words = amount; o.max_bytes = amount * 3; o.max_sentences = 3; break;
    }
    char query[81];
    if (b1 & 1) {
        size_t q = alen[0] < 80 ? alen[0] : 80;
        memcpy(query, art[0], q);
        query[q] = '\0'; /* may cut a character: then a usage error */
        o.query = query;
    }
    size_t bad_at;
    int bad_query = o.query && utf8_check(o.query, strlen(o.query), &bad_at) != 0;
    for (const char *const *m = precis_methods(); *m; m++) {
        o.method = *m;
        precis_summary *s;
        precis_status st = precis_summarize(c, &o, &s, &err);
        if (st != PRECIS_OK) {
            check_failure(st, &err);
            if (bad_query && st == PRECIS_ERR_USAGE)
                continue;
            /* A cluster of nothing but page notices or pieces of a run-on
             * has no story text (select/select.h), whatever the method;
             * nothing else fails. */
            if (precis_cluster_sentences(c) > 0 && !(st == PRECIS_ERR_EMPTY && (cluster_is_only_notices(c) || cluster_is_only_pieces(c))))
                __builtin_trap();
            continue;
        }
        size_t n = precis_summary_count(s);
        if (o.max_sentences && n > o.max_sentences)
            __builtin_trap();
        if (precis_summary_get(s, n) != NULL)
            __builtin_trap();
        for (size_t i = 0; i < n; i++) {
            const precis_summary_sentence *ss = precis_summary_get(s, i);
            if (!ss || ss->nplaces < 1 || !ss->places || ss->support < 1 || ss->support > na)
                __builtin_trap();
            for (size_t k = 0; k < ss->nplaces; k++) {
                const precis_place *p = &ss->places[k];
                if (p->article >= na || !p->article_id || p->start >= p->end || p->end > alen[p->article])
                    __builtin_trap();
            }
            const precis_place *p0 = &ss->places[0];
            if (ss->len != p0->end - p0->start || memcmp(ss->text, art[p0->article] + p0->start, ss->len))
                __builtin_trap();
        }
        size_t tl, jl, ml;
        char *text = render(s, PRECIS_FORMAT_TEXT, &tl);
        if (o.max_bytes && tl > o.max_bytes)
            __builtin_trap();
        if (o.max_words && count_words(text, 0, tl) > o.max_words)
            __builtin_trap();
        char *json = render(s, PRECIS_FORMAT_JSON, &jl);
        json_error_t jerr;
        json_t *root = json_loadb(json, jl, 0, &jerr);
        if (!root || (memchr(json, '\n', jl) && json[jl - 1] != '\n') ||
            (memchr(json, '\n', jl) && memchr(json, '\n', jl) != json + jl - 1))
            __builtin_trap();
        json_decref(root);
        char *md = render(s, PRECIS_FORMAT_MD, &ml);
        if (m == precis_methods()) { /* determinism, once */
            precis_summary *again;
            if (precis_summarize(c, &o, &again, &err) != PRECIS_OK)
                __builtin_trap();
            size_t jl2;
            char *json2 = render(again, PRECIS_FORMAT_JSON, &jl2);
            if (jl2 != jl || memcmp(json, json2, jl))
                __builtin_trap();
            free(json2);
            precis_summary_free(again);
        }
        free(text);
        free(json);
        free(md);
        precis_summary_free(s);
    }
    precis_cluster_free(c);
    return 0;
}

/*
 * features.c: an article's term vector, names, MinHash signature and
 * content hash, in one pass of the tokenizer; see features.h.
 */
#include "store/features.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/u32map.h"
#include "text/token.h"

uint64_t store_hash(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ull ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return mix64(h);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void features_text_hash(const char *text, size_t len, uint8_t out[16])
{
    uint64_t h1 = 1469598103934665603ull, h2 = 0x84222325cbf29ce4ull;
    size_t i = 0;
    while (i < len && is_space((unsigned char)text[i]))
        i++;
    int pending_space = 0;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (is_space(c)) {
            pending_space = 1;
            continue;
        }
        if (pending_space) {
            h1 = (h1 ^ ' ') * 1099511628211ull;
            h2 = (h2 ^ ' ') * 0x100000001b3ull * 3;
            pending_space = 0;
        }
        h1 = (h1 ^ c) * 1099511628211ull;
        h2 = ((h2 ^ c) * 0x100000001b3ull * 3) ^ (h2 >> 47);
    }
    uint64_t a = mix64(h1), b = mix64(h2 ^ a);
    for (int k = 0; k < 8; k++) {
        out[k] = (uint8_t)(a >> (8 * k));
        out[8 + k] = (uint8_t)(b >> (8 * k));
    }
}

/* Per article counts, by the engine's global term id. */
typedef struct counts {
    u32map slot;           /* global term -> index below */
    uint32_t *term;
    float *tf;             /* title occurrences count twice */
    uint32_t *caps;        /* capitalized, not sentence-initial */
    uint32_t *body;        /* occurrences in the body */
    size_t n, cap;
} counts;

static int count_term(counts *c, uint32_t term, float w, int name, int body)
{
    uint32_t k = u32map_get(&c->slot, term);
    if (k == UINT32_MAX) {
        if (c->n == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 256;
            uint32_t *t = realloc(c->term, cap * sizeof *t);
            if (t)
                c->term = t;
            float *f = realloc(c->tf, cap * sizeof *f);
            if (f)
                c->tf = f;
            uint32_t *p = realloc(c->caps, cap * sizeof *p);
            if (p)
                c->caps = p;
            uint32_t *b = realloc(c->body, cap * sizeof *b);
            if (b)
                c->body = b;
            if (!t || !f || !p || !b)
                return -1;
            c->cap = cap;
        }
        k = (uint32_t)c->n++;
        if (u32map_put(&c->slot, term, k) != 0)
            return -1;
        c->term[k] = term;
        c->tf[k] = 0;
        c->caps[k] = 0;
        c->body[k] = 0;
    }
    c->tf[k] += w;
    c->caps[k] += (uint32_t)name;
    c->body[k] += (uint32_t)body;
    return 0;
}

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

/* A sentence starts between prev_end and start when the gap holds a stop
 * or a line break. */
static int sentence_initial(const char *text, size_t prev_end, size_t start, int first)
{
    if (first)
        return 1;
    for (size_t i = prev_end; i < start; i++) {
        char ch = text[i];
        if (ch == '.' || ch == '!' || ch == '?' || ch == '\n' || ch == ':' || ch == ';')
            return 1;
    }
    return 0;
}

static int tokenize(precis_engine *eng, counts *c, const char *text, size_t len, int is_title, minhash *mh,
                    buf *scratch)
{
    size_t pos = 0, prev_end = 0;
    token tok;
    int first = 1;
    uint64_t h1 = 0, h2 = 0;
    size_t ntok = 0;
    while (token_next(text, len, &pos, &tok, scratch)) {
        int initial = sentence_initial(text, prev_end, tok.start, first);
        first = 0;
        prev_end = tok.end;
        uint64_t h = store_hash(tok.norm, tok.norm_len, 0);
        if (mh) {
            ntok++;
            if (ntok >= 3)
                minhash_add(mh, h2 ^ rotl(h1, 21) ^ rotl(h, 42));
            h2 = h1;
            h1 = h;
        }
        if (tok.kind == TOKEN_NUMBER || tok.norm_len < 2)
            continue;
        uint32_t term = engine_term(eng, tok.norm, tok.norm_len);
        if (term == STRMAP_NONE)
            return -1;
        if (eng->term_stop[term])
            continue;
        int name = !is_title && tok.capitalized && !initial;
        if (count_term(c, term, is_title ? 2.0f : 1.0f, name, !is_title) != 0)
            return -1;
    }
    /* Fewer than three tokens: the words themselves are the shingles. */
    if (mh && ntok > 0 && ntok < 3) {
        minhash_add(mh, h1);
        if (ntok == 2)
            minhash_add(mh, h2);
    }
    return 0;
}

static int by_weight_desc(const void *a, const void *b)
{
    float x = ((const wterm *)a)->w, y = ((const wterm *)b)->w;
    if (x != y)
        return x > y ? -1 : 1;
    uint64_t p = ((const wterm *)a)->key, q = ((const wterm *)b)->key;
    return p < q ? -1 : p > q;
}

static int by_key(const void *a, const void *b)
{
    uint64_t p = ((const wterm *)a)->key, q = ((const wterm *)b)->key;
    return p < q ? -1 : p > q;
}

static uint64_t term_key(const precis_engine *eng, uint32_t term)
{
    return store_hash(strmap_key(&eng->terms, term), strmap_key_len(&eng->terms, term), 0x7e57);
}

int features_compute(precis_engine *eng, const char *title, size_t title_len, const char *text, size_t len,
                     features *f)
{
    memset(f, 0, sizeof *f);
    counts c;
    memset(&c, 0, sizeof c);
    u32map_init(&c.slot);
    buf scratch = BUF_INIT;
    /* token_next writes a NUL into scratch even when a token normalises to
     * nothing (only combining marks), so it must never be unallocated. */
    if (buf_reserve(&scratch, 64) != 0)
        return -1;
    minhash mh;
    minhash_init(&mh);
    int rc = 0;
    if (title && title_len)
        rc = tokenize(eng, &c, title, title_len, 1, NULL, &scratch);
    if (rc == 0)
        rc = tokenize(eng, &c, text, len, 0, &mh, &scratch);
    memcpy(f->sig, mh.sig, sizeof f->sig);
    features_text_hash(text, len, f->hash);
    wterm *all = NULL;
    if (rc == 0 && c.n) {
        all = malloc(c.n * sizeof *all);
        if (!all)
            rc = -1;
    }
    if (rc == 0 && c.n) {
        /* Terms: (1 + log tf) * idf, the best FEAT_TERMS, unit length. */
        for (size_t i = 0; i < c.n; i++) {
            all[i].key = c.term[i];
            all[i].w = (float)((1.0 + log(c.tf[i])) * engine_idf(eng, c.term[i]));
        }
        qsort(all, c.n, sizeof *all, by_weight_desc);
        size_t n = c.n < FEAT_TERMS ? c.n : FEAT_TERMS;
        double norm = 0;
        for (size_t i = 0; i < n; i++)
            norm += (double)all[i].w * all[i].w;
        norm = sqrt(norm);
        for (size_t i = 0; i < n; i++) {
            f->terms[i].key = term_key(eng, (uint32_t)all[i].key);
            f->terms[i].w = (float)(all[i].w / norm);
        }
        f->nterms = n;
        qsort(f->terms, n, sizeof *f->terms, by_key);
        /* Names: terms written capitalized mid-sentence at least half the
         * times they occur in the body, by count. */
        size_t m = 0;
        for (size_t i = 0; i < c.n; i++)
            if (c.caps[i] && 2 * c.caps[i] >= c.body[i]) {
                all[m].key = c.term[i];
                all[m].w = (float)c.caps[i];
                m++;
            }
        qsort(all, m, sizeof *all, by_weight_desc);
        if (m > FEAT_NAMES)
            m = FEAT_NAMES;
        for (size_t i = 0; i < m; i++) {
            f->names[i].key = term_key(eng, (uint32_t)all[i].key);
            f->names[i].w = all[i].w;
        }
        f->nnames = m;
        qsort(f->names, m, sizeof *f->names, by_key);
    }
    free(all);
    free(c.term);
    free(c.tf);
    free(c.caps);
    free(c.body);
    u32map_free(&c.slot);
    buf_free(&scratch);
    return rc;
}

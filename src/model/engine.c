/*
 * engine.c: the per-thread state behind every cluster; see engine.h.
 */
#include "model/engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "clean/boilerplate.h"
#include "core/embedded.h"
#include "core/error.h"

/* Grow a per-term float array from old to cap entries, the new ones 0. */
static int grow_zeroed(float **a, size_t old, size_t cap)
{
    float *p = realloc(*a, cap * sizeof *p);
    if (!p)
        return -1;
    memset(p + old, 0, (cap - old) * sizeof *p);
    *a = p;
    return 0;
}

static int ensure_terms(precis_engine *e, size_t n)
{
    if (n <= e->terms_cap)
        return 0;
    size_t cap = e->terms_cap ? e->terms_cap : 1024;
    while (cap < n)
        cap *= 2;
    uint32_t *df = realloc(e->df, cap * sizeof *df);
    if (!df)
        return -1;
    e->df = df;
    uint8_t *stop = realloc(e->term_stop, cap);
    if (!stop)
        return -1;
    e->term_stop = stop;
    if (grow_zeroed(&e->keep, e->terms_cap, cap) != 0 || grow_zeroed(&e->oracle_keep, e->terms_cap, cap) != 0 ||
        grow_zeroed(&e->lex_word, e->terms_cap, cap) != 0 || grow_zeroed(&e->lex_first, e->terms_cap, cap) != 0 ||
        grow_zeroed(&e->len_idf, e->terms_cap, cap) != 0 || grow_zeroed(&e->len_w, e->terms_cap, cap) != 0)
        return -1;
    memset(e->df + e->terms_cap, 0, (cap - e->terms_cap) * sizeof *df);
    memset(e->term_stop + e->terms_cap, 0, cap - e->terms_cap);
    e->terms_cap = cap;
    return 0;
}

static uint32_t intern_stem(precis_engine *e, const char *stem, size_t len)
{
    uint32_t id = strmap_intern(&e->terms, stem, len);
    if (id == STRMAP_NONE || ensure_terms(e, (size_t)id + 1) != 0)
        return STRMAP_NONE;
    return id;
}

/* The line that starts at *p, as [*p, returned end); *p moves past its
 * newline. Every table below is read a line at a time through this. */
static const char *next_line(const char **p, const char *end)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *line_end = nl ? nl : end;
    *p = nl ? nl + 1 : end;
    return line_end;
}

/* The next tab-separated field of [*p, end), advanced past its tab. */
static const char *next_field(const char **p, const char *end, size_t *len)
{
    const char *f = *p, *tab = memchr(f, '\t', (size_t)(end - f));
    *len = (size_t)((tab ? tab : end) - f);
    *p = tab ? tab + 1 : end;
    return f;
}

/* The number that fills [p, end) exactly (a trailing '\r' allowed), in
 * *v; 0 if the field is anything else, or not finite. The usual form,
 * "-0.3427" as the trainer writes it, is read directly: strtod, the exact
 * route for the rest, cost a third of the start-up of a one-cluster run,
 * the table having 46,000 lines. strtod gets a NUL-terminated copy, so it
 * never reads past the field (the text need not end in a NUL, and strtod
 * would skip a newline as white space). */
static int parse_weight(const char *p, const char *end, double *v)
{
    if (end > p && end[-1] == '\r')
        end--;
    const char *q = p;
    int neg = q < end && *q == '-';
    q += neg;
    double x = 0, scale = 1;
    const char *digits = q;
    while (q < end && *q >= '0' && *q <= '9' && x < 1e15)
        x = x * 10 + (*q++ - '0');
    if (q < end && *q == '.')
        for (q++; q < end && *q >= '0' && *q <= '9' && scale < 1e9; q++) {
            x = x * 10 + (*q - '0');
            scale *= 10;
        }
    if (q > digits && q == end) {
        *v = (neg ? -x : x) / scale;
        return 1;
    }
    char tmp[64];
    size_t n = (size_t)(end - p);
    if (n == 0 || n >= sizeof tmp)
        return 0;
    memcpy(tmp, p, n);
    tmp[n] = '\0';
    char *stop;
    *v = strtod(tmp, &stop);
    return stop == tmp + n && isfinite(*v) && tmp[0] != ' ' && tmp[0] != '\t';
}

/* Exactly n numbers separated by sep filling [p, end), into v; 1 if so,
 * else 0 (the line is then skipped). */
static int parse_numbers(const char *p, const char *end, char sep, double *v, int n)
{
    for (int k = 0; k < n; k++) {
        const char *stop = memchr(p, sep, (size_t)(end - p));
        if ((k + 1 < n) != (stop != NULL) || !parse_weight(p, stop ? stop : end, &v[k]))
            return 0;
        p = stop ? stop + 1 : end;
    }
    return 1;
}

/* The tables are "#name values" header lines, then "stem<TAB>fields"
 * rows. header(ctx, line) gets each '#' line; row(e, id, fields, end, ctx)
 * each row's fields [fields, end), its stem interned as term id, and reads
 * nothing outside them. 0, or -1 when out of memory. */
typedef void (*header_fn)(precis_engine *e, const char *line, size_t len, void *ctx);
typedef void (*row_fn)(precis_engine *e, uint32_t id, const char *fields, const char *end, void *ctx);

static int read_table(precis_engine *e, const char *p, size_t len, header_fn header, row_fn row, void *ctx)
{
    const char *end = p + len;
    while (p < end) {
        const char *line = p, *line_end = next_line(&p, end);
        if (line < line_end && *line == '#') {
            header(e, line, (size_t)(line_end - line), ctx);
        } else if (line < line_end) {
            const char *tab = memchr(line, '\t', (size_t)(line_end - line));
            if (tab) {
                uint32_t id = intern_stem(e, line, (size_t)(tab - line));
                if (id == STRMAP_NONE)
                    return -1;
                row(e, id, tab + 1, line_end, ctx);
            }
        }
    }
    return 0;
}

static void background_header(precis_engine *e, const char *line, size_t len, void *ctx)
{
    (void)ctx;
    double docs;
    if (len > 6 && !memcmp(line, "#docs ", 6) && parse_numbers(line + 6, line + len, ' ', &docs, 1) && docs >= 0)
        e->bg_docs = docs;
}

static void background_row(precis_engine *e, uint32_t id, const char *fields, const char *end, void *ctx)
{
    (void)ctx;
    double df;
    if (parse_numbers(fields, end, '\t', &df, 1) && df >= 0 && df < 4294967296.0)
        e->df[id] = (uint32_t)df;
}

int engine_load_background(precis_engine *e, const char *p, size_t len)
{
    return read_table(e, p, len, background_header, background_row, NULL);
}

/* Weight of the prior: a word seen this many times is half its own rate,
 * half the overall one, so rare words stay near neutral. */
#define KEEP_PRIOR_WEIGHT 20.0

/* Both rate tables: "#rate HITS OCCURRENCES", then per stem its
 * occurrences and hits, read as smoothed log-odds against the overall rate
 * into the array named by which (0 keep, 1 oracle_keep). */
typedef struct rate_table {
    double rate;
    int which;
} rate_table;

static void rate_header(precis_engine *e, const char *line, size_t len, void *ctx)
{
    (void)e;
    rate_table *t = ctx;
    double v[2];   /* hits, occurrences */
    if (len > 6 && !memcmp(line, "#rate ", 6) && parse_numbers(line + 6, line + len, ' ', v, 2) && v[0] > 0 &&
        v[1] > v[0])
        t->rate = v[0] / v[1];
}

static void rate_row(precis_engine *e, uint32_t id, const char *fields, const char *end, void *ctx)
{
    const rate_table *t = ctx;
    double n[2];   /* occurrences, hits */
    if (!parse_numbers(fields, end, '\t', n, 2) || n[0] < 0 || n[1] < 0 || n[1] > n[0])
        return;
    double occ = n[0], hits = n[1];
    double pk = (hits + KEEP_PRIOR_WEIGHT * t->rate) / (occ + KEEP_PRIOR_WEIGHT);
    float v = (float)(log(pk / (1 - pk + 1e-9)) - log(t->rate / (1 - t->rate)));
    (t->which ? e->oracle_keep : e->keep)[id] = v;
}

int engine_load_keep(precis_engine *e, const char *p, size_t len)
{
    if (e->terms_cap)
        memset(e->keep, 0, e->terms_cap * sizeof *e->keep);
    rate_table t = {0.5, 0};
    return read_table(e, p, len, rate_header, rate_row, &t);
}

int engine_load_oracle_keep(precis_engine *e, const char *p, size_t len)
{
    if (e->terms_cap)
        memset(e->oracle_keep, 0, e->terms_cap * sizeof *e->oracle_keep);
    rate_table t = {0.5, 1};
    return read_table(e, p, len, rate_header, rate_row, &t);
}

/* One "w", "f" or "p" line; anything malformed is skipped. -1 only when
 * memory runs out. */
static int lexicon_line(precis_engine *e, const char *p, const char *end)
{
    size_t klen, alen, blen = 0;
    const char *kind = next_field(&p, end, &klen), *a = next_field(&p, end, &alen), *b = NULL;
    if (klen != 1 || (*kind != 'w' && *kind != 'f' && *kind != 'p' && *kind != 'l') || alen == 0 || p >= end)
        return 0;
    if (*kind == 'p' || *kind == 'l') {
        b = next_field(&p, end, &blen);
        if (blen == 0 || p >= end)
            return 0;
    }
    double w, idf;
    if (memchr(p, '\t', (size_t)(end - p)) || !parse_weight(p, end, &w))
        return 0;
    if (*kind == 'l') { /* "l", stem, idf, weight */
        if (!parse_weight(b, b + blen, &idf))
            return 0;
        uint32_t t = intern_stem(e, a, alen);
        if (t == STRMAP_NONE)
            return -1;
        e->len_idf[t] = (float)idf;
        e->len_w[t] = (float)w;
        return 0;
    }
    uint32_t ta = intern_stem(e, a, alen), tb = b ? intern_stem(e, b, blen) : 0;
    if (ta == STRMAP_NONE || tb == STRMAP_NONE)
        return -1;
    if (*kind == 'w')
        e->lex_word[ta] = (float)w;
    else if (*kind == 'f')
        e->lex_first[ta] = (float)w;
    else if (pairmap_put(&e->lex_pair, ta, tb, (float)w) != 0)
        return -1;
    return 0;
}

int engine_load_lexicon(precis_engine *e, const char *p, size_t len)
{
    const char *end = p + len;
    e->lex_loaded = 0;      /* until the whole table is in */
    pairmap_free(&e->lex_pair);
    if (e->terms_cap) {
        memset(e->lex_word, 0, e->terms_cap * sizeof *e->lex_word);
        memset(e->lex_first, 0, e->terms_cap * sizeof *e->lex_first);
        memset(e->len_idf, 0, e->terms_cap * sizeof *e->len_idf);
        memset(e->len_w, 0, e->terms_cap * sizeof *e->len_w);
    }
    e->lex_bias = e->len_bias = e->len_articles = e->len_words = 0;
    while (p < end) {
        const char *line = p, *line_end = next_line(&p, end);
        double bias, v[3];
        if ((size_t)(line_end - line) > 6 && !memcmp(line, "#bias ", 6)) {
            if (parse_weight(line + 6, line_end, &bias))
                e->lex_bias = bias;
        } else if ((size_t)(line_end - line) > 8 && !memcmp(line, "#length ", 8)) {
            if (parse_numbers(line + 8, line_end, ' ', v, 3)) {
                e->len_bias = v[0];
                e->len_articles = v[1];
                e->len_words = v[2];
            }
        } else if (line < line_end && *line != '#' && lexicon_line(e, line, line_end) != 0) {
            return -1;
        }
    }
    e->lex_loaded = 1;
    return 0;
}

int engine_load_boilerplate(precis_engine *e, const char *p, size_t len)
{
    const char *end = p + len;
    while (p < end) {
        const char *line = p, *line_end = next_line(&p, end);
        const char *tab = memchr(line, '\t', (size_t)(line_end - line));
        if (line < line_end && *line != '#' && tab && tab > line &&
            strmap_intern(&e->boilerplate, line, (size_t)(tab - line)) == STRMAP_NONE)
            return -1;
    }
    return 0;
}

int engine_is_boilerplate(const precis_engine *e, const char *s, size_t len)
{
    char key[BOILERPLATE_MAX_BYTES + 1];
    if (len > BOILERPLATE_MAX_BYTES || e->boilerplate.count == 0)
        return 0;
    size_t n = boilerplate_key(s, len, key);
    return n > 0 && strmap_find(&e->boilerplate, key, n) != STRMAP_NONE;
}

/* The tables are zstd frames written by `zstd` from a pipe, so their size
 * is not in the header: decompress as a stream. */
static int load_embedded_table(precis_engine *e, const char *name,
                               int (*load)(precis_engine *, const char *, size_t))
{
    size_t zlen;
    const unsigned char *z = precis_embedded(name, &zlen);
    if (!z)
        return -1;
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    buf text = BUF_INIT;
    ZSTD_inBuffer in = {z, zlen, 0};
    int rc = dctx ? 0 : -1;
    while (rc == 0 && in.pos < in.size) {
        if (buf_reserve(&text, 1 << 20) != 0 || text.len > (256u << 20)) {
            rc = -1;
            break;
        }
        ZSTD_outBuffer out = {text.data + text.len, text.cap - text.len - 1, 0};
        size_t r = ZSTD_decompressStream(dctx, &out, &in);
        if (ZSTD_isError(r))
            rc = -1;
        text.len += out.pos;
    }
    if (rc == 0 && text.data)
        text.data[text.len] = '\0';    /* the loop kept a byte for it */
    if (rc == 0)
        rc = load(e, text.data ? text.data : "", text.len);
    buf_free(&text);
    ZSTD_freeDCtx(dctx);
    return rc;
}

/* A term is a stopword term when it is the stem of a stopword. Deciding
 * this once, here, keeps it independent of which words an engine happened
 * to see first, so output never depends on an engine's history. */
static int mark_stopword_stems(precis_engine *e)
{
    for (uint32_t w = 0; w < e->stopwords.count; w++) {
        size_t slen;
        const char *s = stemmer_stem(e->stem, strmap_key(&e->stopwords, w), strmap_key_len(&e->stopwords, w), &slen);
        uint32_t id = intern_stem(e, s, slen);
        if (id == STRMAP_NONE)
            return -1;
        e->term_stop[id] = 1;
    }
    return 0;
}

precis_status precis_engine_new(precis_engine **out, precis_error *err)
{
    *out = NULL;
    precis_engine *e = calloc(1, sizeof *e);
    if (!e)
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory creating the engine");
    strmap_init(&e->stopwords);
    strmap_init(&e->terms);
    strmap_init(&e->surface);
    strmap_init(&e->boilerplate);
    e->stem = stemmer_new();
    if (!e->stem || stopwords_load(&e->stopwords) != 0) {
        precis_engine_free(e);
        return error_set(err, PRECIS_ERR_INTERNAL, NULL, 0, "cannot set up the stemmer or stopwords");
    }
    if (mark_stopword_stems(e) != 0 || load_embedded_table(e, "data/bgdf.tsv.zst", engine_load_background) != 0 ||
        load_embedded_table(e, "data/keep.tsv.zst", engine_load_keep) != 0 ||
        load_embedded_table(e, "data/oracle_keep.tsv.zst", engine_load_oracle_keep) != 0 ||
        load_embedded_table(e, "data/boilerplate.tsv.zst", engine_load_boilerplate) != 0) {
        precis_engine_free(e);
        return error_set(err, PRECIS_ERR_INTERNAL, NULL, 0, "cannot load the background tables");
    }
    *out = e;
    return PRECIS_OK;
}

int engine_load_shipped_keep(precis_engine *e)
{
    return load_embedded_table(e, "data/keep.tsv.zst", engine_load_keep);
}

int engine_lexicon(precis_engine *e)
{
    if (e->lex_loaded)
        return 0;
    return load_embedded_table(e, "data/lexicon.tsv.zst", engine_load_lexicon);
}

void precis_engine_free(precis_engine *e)
{
    if (!e)
        return;
    stemmer_free(e->stem);
    strmap_free(&e->stopwords);
    strmap_free(&e->terms);
    strmap_free(&e->surface);
    strmap_free(&e->boilerplate);
    free(e->df);
    free(e->term_stop);
    free(e->keep);
    free(e->oracle_keep);
    free(e->lex_word);
    free(e->lex_first);
    free(e->len_idf);
    free(e->len_w);
    pairmap_free(&e->lex_pair);
    free(e->surface_term);
    buf_free(&e->scratch);
    if (e->model_free) {
        e->model_free(e->learned);
        e->model_free(e->stepper);
    }
    free(e);
}

static uint32_t stem_word(precis_engine *e, const char *word, size_t len)
{
    size_t slen;
    const char *s = stemmer_stem(e->stem, word, len, &slen);
    return intern_stem(e, s, slen);
}

uint32_t engine_term(precis_engine *e, const char *word, size_t len)
{
    uint32_t sid = strmap_find(&e->surface, word, len);
    if (sid != STRMAP_NONE)
        return e->surface_term[sid];
    uint32_t term = stem_word(e, word, len);
    if (term == STRMAP_NONE || e->surface.count >= ENGINE_MAX_SURFACE_CACHE)
        return term;
    sid = strmap_intern(&e->surface, word, len);
    if (sid == STRMAP_NONE)
        return term;
    if (sid >= e->surface_cap) {
        size_t cap = e->surface_cap ? e->surface_cap * 2 : 4096;
        uint32_t *p = realloc(e->surface_term, cap * sizeof *p);
        if (!p)
            return term;
        e->surface_term = p;
        e->surface_cap = cap;
    }
    e->surface_term[sid] = term;
    return term;
}

double engine_idf(const precis_engine *e, uint32_t term)
{
    double df = term < e->terms_cap ? e->df[term] : 0;
    return log((e->bg_docs + 1.0) / (df + 1.0)) + 1.0;
}

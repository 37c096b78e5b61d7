/*
 * record.c: an article's batch record (see batch.h): made from an article,
 * written as one JSON line, read back, ordered, and cut into keys.
 *
 * The record carries the features the clusterer compares, not the text,
 * so a reducer never tokenizes: about 1.5 KB per article and key.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "store/article.h"
#include "cluster/batch.h"
#include "core/error.h"
#include "text/utf8.h"
#include "text/whitespace.h"


void batch_opts_init(batch_opts *o)
{
    o->window_days = 3;
    o->threshold = BATCH_THRESHOLD;
    o->default_time = BATCH_UNDATED;
}

void batch_rec_free(batch_rec *r)
{
    free(r->id);
    free(r->title);
    r->id = r->title = NULL;
}

/* A trimmed copy of s, or NULL when s is NULL or only white space. */
static char *trimmed(const char *s, size_t len)
{
    if (!s)
        return NULL;
    s = ascii_trim(s, &len);
    return len ? strndup(s, len) : NULL;
}

/* The story's first line, cut at a word (or character) boundary. */
static char *first_line(const char *text, size_t len)
{
    int cut;
    size_t start, end = article_title_length(text, len, &start, &cut);
    char *t = malloc(end + 4);
    if (t) {
        memcpy(t, text + start, end);
        strcpy(t + end, cut ? "\xe2\x80\xa6" : "");
    }
    return t;
}

/* The id: the article's, else its URL, else "text:" and its text hash. */
static char *choose_id(const precis_article_in *a, const char *body, size_t len)
{
    char *id = trimmed(a->id, a->id ? strlen(a->id) : 0);
    if (!id)
        id = trimmed(a->url, a->url ? strlen(a->url) : 0);
    if (id)
        return id;
    uint8_t h[16];
    features_text_hash(body, len, h);
    char hex[5 + 33] = "text:";
    for (int i = 0; i < 16; i++)
        snprintf(hex + 5 + 2 * i, 3, "%02x", h[i]);
    return strdup(hex);
}

precis_status batch_rec_from_article(precis_engine *eng, html_doc *html, const batch_opts *o,
                                     const precis_article_in *a, batch_rec *out, precis_error *err)
{
    memset(out, 0, sizeof *out);
    article_view v;
    precis_status st = article_view_make(a, html, &v, err);
    if (st != PRECIS_OK)
        return st;
    const char *body = v.body, *title = v.title, *date = v.date;
    size_t len = v.len;
    out->t = o->default_time;
    if (date && precis_parse_date(date, &out->t) != 0)
        return error_set(err, PRECIS_ERR_FORMAT, a->where, a->line,
                         "unrecognised date '%.40s' (expected ISO 8601, RFC 2822 or Unix seconds)", date);
    out->id = choose_id(a, body, len);
    out->title = trimmed(title, title ? strlen(title) : 0);
    if (out->id && !out->title)
        out->title = first_line(body, len);
    if (!out->id || !out->title ||
        features_compute(eng, out->title, strlen(out->title), body, len, &out->f) != 0) {
        batch_rec_free(out);
        return error_set(err, PRECIS_ERR_NOMEM, a->where, a->line, "out of memory");
    }
    memset(out->f.hash, 0, sizeof out->f.hash); /* not carried between stages */
    return PRECIS_OK;
}

/* ---- the record as text ----------------------------------------------- */

int batch_json_string(buf *out, const char *s)
{
    int rc = buf_putc(out, '"');
    size_t len = strlen(s);
    for (size_t i = 0; i < len && rc == 0; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : utf8_seq_len(s + i, len - i);
        if (c == '"' || c == '\\')
            rc = buf_putc(out, '\\') || buf_putc(out, (char)c);
        else if (c < 0x20)
            rc = buf_printf(out, "\\u%04x", c);
        else if (n == 0) /* a byte of no UTF-8 character: U+FFFD */
            rc = buf_puts(out, "\\ufffd");
        else {
            rc = buf_append(out, s + i, n);
            i += n - 1;
        }
    }
    return rc || buf_putc(out, '"') ? -1 : 0;
}

static int format_wvec(buf *out, const wterm *v, size_t n)
{
    int rc = buf_putc(out, '"');
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = buf_printf(out, "%s%016llx:%.9g", i ? "," : "", (unsigned long long)v[i].key, (double)v[i].w);
    return rc || buf_putc(out, '"') ? -1 : 0;
}

int batch_time_format(buf *out, long long t)
{
    return t == BATCH_UNDATED ? buf_puts(out, "null") : buf_printf(out, "%lld", t);
}

int batch_time_parse(const json_t *obj, long long *t)
{
    json_t *v = json_object_get(obj, "time");
    if (v) {
        if (json_is_null(v)) {
            *t = BATCH_UNDATED;
            return 0;
        }
        if (!json_is_integer(v))
            return -1;
        *t = json_integer_value(v);
        return 0;
    }
    /* A line written before "time" had "t", with 0 for undated. */
    v = json_object_get(obj, "t");
    if (!json_is_integer(v))
        return -1;
    *t = json_integer_value(v) ? json_integer_value(v) : BATCH_UNDATED;
    return 0;
}

int batch_within(long long a, long long b, long long w)
{
    if (a == BATCH_UNDATED || b == BATCH_UNDATED)
        return a == b;
    /* b - a without overflow (records read from text may hold any date). */
    return b >= a && (unsigned long long)b - (unsigned long long)a <= (unsigned long long)w;
}

int batch_rec_format(const batch_rec *r, buf *out)
{
    int rc = buf_puts(out, "{\"id\":") || batch_json_string(out, r->id) || buf_puts(out, ",\"time\":") ||
             batch_time_format(out, r->t) || buf_puts(out, ",\"title\":") || batch_json_string(out, r->title) ||
             buf_puts(out, ",\"sig\":\"");
    for (int i = 0; i < MINHASH_K && !rc; i++)
        rc = buf_printf(out, "%08x", (unsigned)r->f.sig[i]);
    return rc || buf_puts(out, "\",\"terms\":") || format_wvec(out, r->f.terms, r->f.nterms) ||
                   buf_puts(out, ",\"names\":") || format_wvec(out, r->f.names, r->f.nnames) || buf_putc(out, '}')
               ? -1
               : 0;
}

/* "key:weight,..." into v (at most cap, keys ascending); -1 if malformed. */
static long parse_wvec(const char *s, wterm *v, size_t cap)
{
    size_t n = 0;
    while (*s) {
        char *end;
        if (n == cap)
            return -1;
        v[n].key = strtoull(s, &end, 16);
        if (end != s + 16 || *end != ':')
            return -1;
        s = end + 1;
        v[n].w = (float)strtod(s, &end);
        if (end == s || (*end && *end != ','))
            return -1;
        if (n && v[n].key < v[n - 1].key)
            return -1;
        n++;
        s = *end ? end + 1 : end;
    }
    return (long)n;
}

static int parse_sig(const char *s, uint32_t sig[MINHASH_K])
{
    if (strlen(s) != MINHASH_K * 8)
        return -1;
    for (int i = 0; i < MINHASH_K; i++) {
        char hex[9];
        memcpy(hex, s + 8 * i, 8);
        hex[8] = '\0';
        char *end;
        sig[i] = (uint32_t)strtoul(hex, &end, 16);
        if (*end)
            return -1;
    }
    return 0;
}

precis_status batch_rec_parse(const char *text, size_t len, const char *where, long line, batch_rec *out,
                              precis_error *err)
{
    memset(out, 0, sizeof *out);
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    if (!root)
        return error_set(err, PRECIS_ERR_JSON, where, line, "malformed record at column %d: %s", jerr.column,
                         jerr.text);
    json_t *id = json_object_get(root, "id"), *title = json_object_get(root, "title");
    json_t *sig = json_object_get(root, "sig"), *terms = json_object_get(root, "terms");
    json_t *names = json_object_get(root, "names");
    long nt = -1, nn = -1;
    int ok = json_is_string(id) && batch_time_parse(root, &out->t) == 0 && json_is_string(title) &&
             json_is_string(sig) && json_is_string(terms) && json_is_string(names) &&
             parse_sig(json_string_value(sig), out->f.sig) == 0 &&
             (nt = parse_wvec(json_string_value(terms), out->f.terms, FEAT_TERMS)) >= 0 &&
             (nn = parse_wvec(json_string_value(names), out->f.names, FEAT_NAMES)) >= 0;
    if (ok) {
        out->f.nterms = (size_t)nt;
        out->f.nnames = (size_t)nn;
        out->id = strdup(json_string_value(id));
        out->title = strdup(json_string_value(title));
    }
    json_decref(root);
    if (!ok)
        return error_set(err, PRECIS_ERR_FORMAT, where, line,
                         "not a precis cluster record (expected KEY<TAB>{\"id\",\"time\",\"title\",\"sig\",\"terms\",\"names\"} "
                         "from precis cluster --map)");
    if (!out->id || !out->title) {
        batch_rec_free(out);
        return error_set(err, PRECIS_ERR_NOMEM, where, line, "out of memory");
    }
    return PRECIS_OK;
}

/* ---- order and keys --------------------------------------------------- */

static int cmp_wvec(const wterm *a, size_t na, const wterm *b, size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (size_t i = 0; i < na; i++) {
        if (a[i].key != b[i].key)
            return a[i].key < b[i].key ? -1 : 1;
        if (a[i].w != b[i].w)
            return a[i].w < b[i].w ? -1 : 1;
    }
    return 0;
}

int batch_rec_cmp(const batch_rec *a, const batch_rec *b)
{
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    /* Articles of one moment in an order unrelated to how ids are made
     * (ids often name their source or story). */
    uint64_t ha = store_hash(a->id, strlen(a->id), 0x1d), hb = store_hash(b->id, strlen(b->id), 0x1d);
    if (ha != hb)
        return ha < hb ? -1 : 1;
    int c = strcmp(a->id, b->id);
    if (!c)
        c = strcmp(a->title, b->title);
    if (!c)
        c = memcmp(a->f.sig, b->f.sig, sizeof a->f.sig);
    if (!c)
        c = cmp_wvec(a->f.terms, a->f.nterms, b->f.terms, b->f.nterms);
    if (!c)
        c = cmp_wvec(a->f.names, a->f.nnames, b->f.names, b->f.nnames);
    return c;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int by_weight_desc(const void *x, const void *y)
{
    const wterm *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* A time bucket spans BATCH_BUCKET_WINDOWS windows. An article goes to its
 * bucket, and also to the next one when it is within a window of it, so
 * two articles within a window of each other always share a bucket.
 * Undated articles, within the window of each other only, share one bucket
 * that no dated article reaches. */
static size_t buckets(long long t, const batch_opts *o, int64_t out[2])
{
    if (t == BATCH_UNDATED) {
        out[0] = INT64_MIN; /* floor_div gives it to no date */
        return 1;
    }
    int64_t w = (int64_t)(o->window_days * 86400.0);
    int64_t width = w > 0 ? w * BATCH_BUCKET_WINDOWS : 1;
    int64_t b = floor_div((int64_t)t, width);
    out[0] = b;
    if ((int64_t)t - b * width >= width - w) {
        out[1] = b + 1;
        return 2;
    }
    return 1;
}

static void make_key(char kind, uint64_t a, uint64_t b, char out[BATCH_KEY_LEN + 1])
{
    uint64_t v[2] = {a, b};
    uint64_t h = store_hash(v, sizeof v, (uint64_t)kind);
    snprintf(out, BATCH_KEY_LEN + 1, "%c%016llx", kind, (unsigned long long)h);
}

size_t batch_keys(const batch_rec *r, const batch_opts *o, char keys[BATCH_MAX_KEYS][BATCH_KEY_LEN + 1])
{
    size_t n = 0;
    make_key(BATCH_KIND_NODE, store_hash(r->id, strlen(r->id), 0), 0, keys[n++]);
    int64_t bands[MINHASH_BANDS], bk[2];
    minhash_bands(r->f.sig, bands);
    wterm top[FEAT_TERMS];
    memcpy(top, r->f.terms, r->f.nterms * sizeof *top);
    qsort(top, r->f.nterms, sizeof *top, by_weight_desc);
    size_t ntop = r->f.nterms < BATCH_KEY_TERMS ? r->f.nterms : BATCH_KEY_TERMS;
    size_t nb = buckets(r->t, o, bk);
    for (size_t k = 0; k < nb; k++) {
        /* An article without shingles has no signature worth banding. */
        for (int i = 0; i < MINHASH_BANDS && r->f.sig[0] != UINT32_MAX; i++)
            make_key(BATCH_KIND_BAND, (uint64_t)bands[i], (uint64_t)bk[k], keys[n++]);
        for (size_t i = 0; i < ntop; i++)
            make_key(BATCH_KIND_TERM, top[i].key, (uint64_t)bk[k], keys[n++]);
    }
    return n;
}

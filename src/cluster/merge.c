/*
 * merge.c: the last stage of `precis cluster` (see batch.h): the union of
 * every "same" set the reducers found, by union-find over article ids,
 * written as one line per article with its story.
 *
 * A union is the same whatever order the sets come in, and the output is
 * sorted (stories by their first article, articles by date then id), so
 * the merge of any split of the work prints the same bytes.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cluster/batch.h"
#include "core/error.h"
#include "core/strmap.h"

struct batch_merge {
    strmap ids;                 /* article id -> index */
    uint32_t *parent;
    long long *t;
    char **title;
    unsigned char *known;       /* a node line was seen */
    size_t cap;
};

batch_merge *batch_merge_new(void)
{
    batch_merge *m = calloc(1, sizeof *m);
    if (m)
        strmap_init(&m->ids);
    return m;
}

void batch_merge_free(batch_merge *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->ids.count; i++)
        free(m->title[i]);
    free(m->parent);
    free(m->t);
    free(m->title);
    free(m->known);
    strmap_free(&m->ids);
    free(m);
}

static int grow(batch_merge *m)
{
    size_t cap = m->cap ? 2 * m->cap : 1024;
    uint32_t *p = realloc(m->parent, cap * sizeof *p);
    if (p)
        m->parent = p;
    long long *t = realloc(m->t, cap * sizeof *t);
    if (t)
        m->t = t;
    char **ti = realloc(m->title, cap * sizeof *ti);
    if (ti)
        m->title = ti;
    unsigned char *k = realloc(m->known, cap);
    if (k)
        m->known = k;
    if (!p || !t || !ti || !k)
        return -1;
    m->cap = cap;
    return 0;
}

/* The index of an id, added (alone in its story) if new; -1 on no memory. */
static long index_of(batch_merge *m, const char *id)
{
    size_t before = m->ids.count;
    uint32_t i = strmap_intern(&m->ids, id, strlen(id));
    if (i == STRMAP_NONE)
        return -1;
    if (m->ids.count > before) {
        if (i >= m->cap && grow(m) != 0)
            return -1;
        m->parent[i] = i;
        m->t[i] = 0;
        m->title[i] = NULL;
        m->known[i] = 0;
    }
    return (long)i;
}

size_t batch_merge_count(const batch_merge *m)
{
    return m->ids.count;
}

static uint32_t find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

int batch_merge_node(batch_merge *m, const char *id, long long t, const char *title)
{
    long i = index_of(m, id);
    if (i < 0)
        return -1;
    if (m->known[i] && (m->t[i] < t || (m->t[i] == t && strcmp(m->title[i], title) <= 0)))
        return 0;
    char *copy = strdup(title);
    if (!copy)
        return -1;
    free(m->title[i]);
    m->title[i] = copy;
    m->t[i] = t;
    m->known[i] = 1;
    return 0;
}

int batch_merge_same(batch_merge *m, const char *const *ids, size_t n)
{
    long first = n ? index_of(m, ids[0]) : 0;
    if (first < 0)
        return -1;
    for (size_t k = 1; k < n; k++) {
        long i = index_of(m, ids[k]);
        if (i < 0)
            return -1;
        uint32_t a = find(m->parent, (uint32_t)first), b = find(m->parent, (uint32_t)i);
        if (a != b)
            m->parent[b] = a;
    }
    return 0;
}

static precis_status bad_line(const char *where, long lineno, precis_error *err)
{
    return error_set(err, PRECIS_ERR_FORMAT, where, lineno,
                     "expected {\"article\",\"t\",\"title\"} or {\"same\":[ids]} from precis cluster --reduce");
}

precis_status batch_merge_line(batch_merge *m, const char *line, size_t len, const char *where, long lineno,
                               precis_error *err)
{
    /* Hadoop Streaming may end a value-less line with a tab. */
    while (len && (line[len - 1] == '\t' || line[len - 1] == '\r' || line[len - 1] == ' '))
        len--;
    json_error_t jerr;
    json_t *root = json_loadb(line, len, 0, &jerr);
    if (!root)
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "malformed JSON at column %d: %s", jerr.column,
                         jerr.text);
    json_t *art = json_object_get(root, "article"), *same = json_object_get(root, "same");
    json_t *t = json_object_get(root, "t"), *title = json_object_get(root, "title");
    int rc = 0;
    precis_status st = PRECIS_OK;
    if (json_is_string(art) && json_is_integer(t) && json_is_string(title)) {
        rc = batch_merge_node(m, json_string_value(art), json_integer_value(t), json_string_value(title));
    } else if (json_is_array(same) && json_array_size(same) > 0) {
        size_t n = json_array_size(same);
        const char **ids = malloc(n * sizeof *ids);
        for (size_t i = 0; ids && i < n && st == PRECIS_OK; i++)
            if (!(ids[i] = json_string_value(json_array_get(same, i))))
                st = bad_line(where, lineno, err);
        rc = !ids ? -1 : st == PRECIS_OK ? batch_merge_same(m, ids, n) : 0;
        free(ids);
    } else {
        st = bad_line(where, lineno, err);
    }
    json_decref(root);
    if (rc != 0)
        return error_set(err, PRECIS_ERR_NOMEM, where, lineno, "out of memory");
    return st;
}

/* ---- output ----------------------------------------------------------- */

typedef struct sort_ctx {
    const batch_merge *m;
    const uint32_t *first;     /* per root: its first article */
} sort_ctx;

static int cmp_article(const batch_merge *m, uint32_t a, uint32_t b)
{
    if (m->t[a] != m->t[b])
        return m->t[a] < m->t[b] ? -1 : 1;
    return strcmp(strmap_key(&m->ids, a), strmap_key(&m->ids, b));
}

static int cmp_output(const void *x, const void *y, void *ctx)
{
    const sort_ctx *c = ctx;
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    uint32_t fa = c->first[find(c->m->parent, a)], fb = c->first[find(c->m->parent, b)];
    int r = fa == fb ? 0 : cmp_article(c->m, fa, fb);
    return r ? r : cmp_article(c->m, a, b);
}

static int write_line(buf *b, const batch_merge *m, uint32_t i, size_t story, size_t size)
{
    buf_clear(b);
    int rc = buf_puts(b, "{\"id\":") || batch_json_string(b, strmap_key(&m->ids, i)) ||
             buf_printf(b, ",\"story\":%zu,\"size\":%zu,\"published\":", story, size);
    struct tm tm;
    time_t when = (time_t)m->t[i];
    if (!rc && m->t[i] != 0 && gmtime_r(&when, &tm))
        rc = buf_printf(b, "\"%04d-%02d-%02dT%02d:%02d:%02dZ\"", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min, tm.tm_sec);
    else if (!rc)
        rc = buf_puts(b, "null");
    return rc || buf_puts(b, ",\"title\":") || batch_json_string(b, m->title[i] ? m->title[i] : "") ||
                   buf_puts(b, "}\n")
               ? -1
               : 0;
}

int batch_merge_write(batch_merge *m, FILE *out, size_t *stories, size_t *missing)
{
    size_t n = m->ids.count;
    uint32_t *order = malloc((n ? n : 1) * sizeof *order), *first = malloc((n ? n : 1) * sizeof *first);
    uint32_t *size = calloc(n ? n : 1, sizeof *size);
    int rc = order && first && size ? 0 : -1;
    *stories = *missing = 0;
    for (uint32_t i = 0; i < n && rc == 0; i++)
        first[i] = i;
    for (uint32_t i = 0; i < n && rc == 0; i++) {
        uint32_t r = find(m->parent, i);
        order[i] = i;
        size[r]++;
        *missing += !m->known[i];
        if (cmp_article(m, i, first[r]) < 0)
            first[r] = i;
    }
    if (rc == 0) {
        sort_ctx c = {m, first};
        qsort_r(order, n, sizeof *order, cmp_output, &c);
    }
    buf b = BUF_INIT;
    uint32_t prev = UINT32_MAX;
    for (size_t k = 0; k < n && rc == 0; k++) {
        uint32_t r = find(m->parent, order[k]);
        if (r != prev)
            ++*stories;
        prev = r;
        rc = write_line(&b, m, order[k], *stories, size[r]);
        if (rc == 0 && fwrite(b.data, 1, b.len, out) != b.len)
            rc = -1;
    }
    buf_free(&b);
    free(order);
    free(first);
    free(size);
    return rc;
}

/*
 * merge.c: the last stage of `precis cluster` (see batch.h): stories from
 * the scored links the reducers found, written as one line per article.
 *
 * Each article keeps its BATCH_LINKS strongest links (score, then the
 * other article's id, decide); a link kept by both of its articles joins
 * their stories (union-find). Plain single link over every link above the
 * threshold chains unrelated stories through one loose pair each, into a
 * component of hundreds at 10,000 articles; the mutual strongest links
 * do not.
 *
 * Links are deduplicated and ranked by values and ids, never by arrival,
 * and the output is sorted (stories by their first article, articles by
 * date then id), so the merge of any split of the work prints the same
 * bytes.
 */
#include <errno.h>
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
    struct link { uint32_t a, b; float s; } *links; /* a < b */
    size_t nlinks, links_cap;
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
    free(m->links);
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
        m->t[i] = BATCH_UNDATED;
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

int batch_merge_link(batch_merge *m, const char *a, const char *b, float score)
{
    long i = index_of(m, a), j = index_of(m, b);
    if (i < 0 || j < 0)
        return -1;
    if (i == j)
        return 0;
    if (m->nlinks == m->links_cap) {
        size_t cap = m->links_cap ? 2 * m->links_cap : 4096;
        struct link *l = realloc(m->links, cap * sizeof *l);
        if (!l)
            return -1;
        m->links = l;
        m->links_cap = cap;
    }
    struct link *l = &m->links[m->nlinks++];
    l->a = (uint32_t)(i < j ? i : j);
    l->b = (uint32_t)(i < j ? j : i);
    l->s = score;
    return 0;
}

static precis_status bad_line(const char *where, long lineno, precis_error *err)
{
    return error_set(err, PRECIS_ERR_FORMAT, where, lineno,
                     "expected {\"article\",\"time\",\"title\"} or {\"link\":[id,id],\"s\"} from precis cluster --reduce");
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
    json_t *art = json_object_get(root, "article"), *link = json_object_get(root, "link");
    json_t *title = json_object_get(root, "title");
    json_t *score = json_object_get(root, "s");
    const char *a = json_string_value(json_array_get(link, 0)), *b = json_string_value(json_array_get(link, 1));
    long long t;
    int rc = 0;
    precis_status st = PRECIS_OK;
    if (json_is_string(art) && batch_time_parse(root, &t) == 0 && json_is_string(title))
        rc = batch_merge_node(m, json_string_value(art), t, json_string_value(title));
    else if (a && b && json_array_size(link) == 2 && json_is_number(score))
        rc = batch_merge_link(m, a, b, (float)json_number_value(score));
    else
        st = bad_line(where, lineno, err);
    json_decref(root);
    if (rc != 0)
        return error_set(err, PRECIS_ERR_NOMEM, where, lineno, "out of memory");
    return st;
}

/* ---- stories from links ---------------------------------------------- */

static int cmp_link(const void *x, const void *y)
{
    const struct link *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    return (a->s < b->s) - (a->s > b->s); /* the strongest first */
}

typedef struct rank_ctx {
    const batch_merge *m;
    uint32_t self;
} rank_ctx;

/* An article's links, strongest first; ties by the other article's id. */
static int cmp_rank(const void *x, const void *y, void *ctx)
{
    const rank_ctx *c = ctx;
    const struct link *a = &c->m->links[*(const uint32_t *)x], *b = &c->m->links[*(const uint32_t *)y];
    if (a->s != b->s)
        return a->s > b->s ? -1 : 1;
    uint32_t oa = a->a == c->self ? a->b : a->a, ob = b->a == c->self ? b->b : b->a;
    return strcmp(strmap_key(&c->m->ids, oa), strmap_key(&c->m->ids, ob));
}

/* Join the articles of every link both of them keep among their
 * BATCH_LINKS strongest. */
static int join_links(batch_merge *m)
{
    size_t n = m->ids.count, nl = 0;
    if (m->nlinks == 0)
        return 0;
    qsort(m->links, m->nlinks, sizeof *m->links, cmp_link);
    for (size_t i = 0; i < m->nlinks; i++)
        if (nl == 0 || m->links[nl - 1].a != m->links[i].a || m->links[nl - 1].b != m->links[i].b)
            m->links[nl++] = m->links[i];
    m->nlinks = nl;
    size_t *start = calloc(n + 1, sizeof *start);
    uint32_t *adj = malloc(2 * nl * sizeof *adj);
    unsigned char *kept = calloc(nl, 1);
    if (!start || !adj || !kept) {
        free(start);
        free(adj);
        free(kept);
        return -1;
    }
    for (size_t e = 0; e < nl; e++) {
        start[m->links[e].a + 1]++;
        start[m->links[e].b + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    size_t *fill = malloc((n ? n : 1) * sizeof *fill);
    if (fill) {
        memcpy(fill, start, n * sizeof *fill);
        for (size_t e = 0; e < nl; e++) {
            adj[fill[m->links[e].a]++] = (uint32_t)e;
            adj[fill[m->links[e].b]++] = (uint32_t)e;
        }
        for (size_t v = 0; v < n; v++) {
            rank_ctx c = {m, (uint32_t)v};
            size_t deg = start[v + 1] - start[v];
            qsort_r(adj + start[v], deg, sizeof *adj, cmp_rank, &c);
            for (size_t k = 0; k < deg && k < BATCH_LINKS; k++)
                kept[adj[start[v] + k]]++;
        }
        for (size_t e = 0; e < nl; e++)
            if (kept[e] == 2) {
                uint32_t a = find(m->parent, m->links[e].a), b = find(m->parent, m->links[e].b);
                if (a != b)
                    m->parent[b] = a;
            }
    }
    free(fill);
    free(start);
    free(adj);
    free(kept);
    return fill ? 0 : -1;
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
    if (!rc && m->t[i] != BATCH_UNDATED && gmtime_r(&when, &tm))
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
    int rc = order && first && size ? join_links(m) : -1;
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
    int write_errno = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        uint32_t r = find(m->parent, order[k]);
        if (r != prev)
            ++*stories;
        prev = r;
        rc = write_line(&b, m, order[k], *stories, size[r]);
        if (rc == 0 && fwrite(b.data, 1, b.len, out) != b.len) {
            write_errno = errno;
            rc = -1;
        }
    }
    buf_free(&b);
    free(order);
    free(first);
    free(size);
    if (write_errno) /* the caller's message gives the cause */
        errno = write_errno;
    return rc;
}

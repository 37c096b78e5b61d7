/*
 * reduce.c: one key group of `precis cluster --reduce` (see batch.h).
 *
 * The group is first put in canonical order (date, id, every field) and
 * exact repeats are dropped, so the outcome depends only on which records
 * the group holds, never on the order a sort or a shuffle delivered them.
 * Each article is then compared with the next BATCH_SPAN articles dated
 * within the window, and every pair scoring at or above the threshold is
 * a link, with its score: a near-copy (estimated Jaccard of the MinHash
 * signatures >= NEARDUP_JACCARD, as in the store) scores 1 + Jaccard,
 * other pairs term cosine + NAME_WEIGHT x shared names. Only links among
 * the BATCH_LINKS strongest of one of their articles are written (see
 * mark_strongest); the merge decides which make stories. Node groups (one
 * per article id) send their articles instead.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster/batch.h"
#include "store/store.h"

static int cmp_rec_ptr(const void *x, const void *y)
{
    return batch_rec_cmp(*(batch_rec *const *)x, *(batch_rec *const *)y);
}

/* Share of names two articles have in common, of the longer list (a
 * symmetric score). */
static double name_share(const features *a, const features *b)
{
    size_t i = 0, j = 0, common = 0, most = a->nnames > b->nnames ? a->nnames : b->nnames;
    if (most == 0)
        return 0;
    while (i < a->nnames && j < b->nnames) {
        if (a->names[i].key < b->names[j].key)
            i++;
        else if (a->names[i].key > b->names[j].key)
            j++;
        else {
            common++;
            i++;
            j++;
        }
    }
    return (double)common / most;
}

/* How strongly two articles belong together: 1 + estimated Jaccard for a
 * near-copy, else cosine + NAME_WEIGHT x shared names. A float, so that
 * it reads back exactly from the text the reducer writes. */
static float link_score(const batch_rec *a, const batch_rec *b)
{
    if (a->f.sig[0] != UINT32_MAX && b->f.sig[0] != UINT32_MAX) {
        double sim = minhash_similarity(a->f.sig, b->f.sig);
        if (sim >= NEARDUP_JACCARD)
            return (float)(1.0 + sim);
    }
    double cos = wvec_dot(a->f.terms, a->f.nterms, b->f.terms, b->f.nterms);
    return (float)(cos + NAME_WEIGHT * name_share(&a->f, &b->f));
}

/* The links found in one group. */
typedef struct group_links {
    struct glink { uint32_t i, j; float s; } *l;
    unsigned char *kept;
    size_t n, cap;
} group_links;

static int add_link(group_links *g, size_t i, size_t j, float s)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 256;
        struct glink *l = realloc(g->l, cap * sizeof *l);
        if (!l)
            return -1;
        g->l = l;
        g->cap = cap;
    }
    g->l[g->n].i = (uint32_t)i;
    g->l[g->n].j = (uint32_t)j;
    g->l[g->n++].s = s;
    return 0;
}

typedef struct rank_ctx {
    const group_links *g;
    batch_rec **recs;
    uint32_t self;
} rank_ctx;

/* The merge's order of an article's links: score, then the other id. */
static int cmp_rank(const void *x, const void *y, void *ctx)
{
    const rank_ctx *c = ctx;
    const struct glink *a = &c->g->l[*(const uint32_t *)x], *b = &c->g->l[*(const uint32_t *)y];
    if (a->s != b->s)
        return a->s > b->s ? -1 : 1;
    uint32_t oa = a->i == c->self ? a->j : a->i, ob = b->i == c->self ? b->j : b->i;
    return strcmp(c->recs[oa]->id, c->recs[ob]->id);
}

/* Keep the links that are among the BATCH_LINKS strongest of one of their
 * articles here. The merge keeps an article's BATCH_LINKS strongest over
 * all groups, and each of those is among its strongest in every group
 * that found it, so nothing the merge would keep is lost: the output is
 * the same as without this cut, with a fraction of the lines. */
static int mark_strongest(group_links *g, batch_rec **recs, size_t m)
{
    if (g->n == 0)
        return 0;
    size_t *start = calloc(m + 1, sizeof *start), *fill = malloc(m * sizeof *fill);
    uint32_t *adj = malloc(2 * g->n * sizeof *adj);
    g->kept = calloc(g->n, 1);
    int rc = start && fill && adj && g->kept ? 0 : -1;
    for (size_t e = 0; e < g->n && rc == 0; e++) {
        start[g->l[e].i + 1]++;
        start[g->l[e].j + 1]++;
    }
    for (size_t v = 0; v < m && rc == 0; v++)
        start[v + 1] += start[v];
    if (rc == 0)
        memcpy(fill, start, m * sizeof *fill);
    for (size_t e = 0; e < g->n && rc == 0; e++) {
        adj[fill[g->l[e].i]++] = (uint32_t)e;
        adj[fill[g->l[e].j]++] = (uint32_t)e;
    }
    for (size_t v = 0; v < m && rc == 0; v++) {
        rank_ctx c = {g, recs, (uint32_t)v};
        size_t deg = start[v + 1] - start[v];
        qsort_r(adj + start[v], deg, sizeof *adj, cmp_rank, &c);
        for (size_t k = 0; k < deg && k < BATCH_LINKS; k++)
            g->kept[adj[start[v] + k]] = 1;
    }
    free(start);
    free(fill);
    free(adj);
    return rc;
}

int batch_reduce(const char *key, batch_rec **recs, size_t n, const batch_opts *o, const batch_sink *sink)
{
    qsort(recs, n, sizeof *recs, cmp_rec_ptr);
    /* Drop exact repeats by moving them past the end (the caller frees them). */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || batch_rec_cmp(recs[m - 1], recs[i]) != 0) {
            batch_rec *t = recs[m];
            recs[m++] = recs[i];
            recs[i] = t;
        }
    if (key[0] == BATCH_KIND_NODE) {
        for (size_t i = 0; i < m; i++)
            if (sink->node(sink->ctx, recs[i]) != 0)
                return -1;
        return 0;
    }
    group_links g = {0};
    long long w = (long long)(o->window_days * 86400.0);
    int rc = 0;
    for (size_t i = 0; i < m && rc == 0; i++)
        for (size_t j = i + 1; j < m && j - i <= BATCH_SPAN && batch_within(recs[i]->t, recs[j]->t, w) && rc == 0;
             j++) {
            float sc = link_score(recs[i], recs[j]);
            if (sc >= (float)o->threshold && strcmp(recs[i]->id, recs[j]->id) != 0)
                rc = add_link(&g, i, j, sc);
        }
    if (rc == 0)
        rc = mark_strongest(&g, recs, m);
    for (size_t e = 0; e < g.n && rc == 0; e++)
        if (g.kept[e])
            rc = sink->link(sink->ctx, recs[g.l[e].i]->id, recs[g.l[e].j]->id, g.l[e].s);
    free(g.l);
    free(g.kept);
    return rc;
}

int batch_write_node(buf *out, const batch_rec *r)
{
    return buf_puts(out, "{\"article\":") || batch_json_string(out, r->id) || buf_puts(out, ",\"time\":") ||
                   batch_time_format(out, r->t) || buf_puts(out, ",\"title\":") ||
                   batch_json_string(out, r->title) || buf_puts(out, "}\n")
               ? -1
               : 0;
}

int batch_write_link(buf *out, const char *a, const char *b, float score)
{
    return buf_puts(out, "{\"link\":[") || batch_json_string(out, a) || buf_putc(out, ',') ||
                   batch_json_string(out, b) || buf_printf(out, "],\"s\":%.9g}\n", (double)score)
               ? -1
               : 0;
}

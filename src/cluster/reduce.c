/*
 * reduce.c: one key group of `precis cluster --reduce` (see batch.h).
 *
 * The group is first put in canonical order (date, id, every field) and
 * exact repeats are dropped, so the outcome depends only on which records
 * the group holds, never on the order a sort or a shuffle delivered them.
 * Each article is then compared with the next BATCH_SPAN articles dated
 * within the window; a link is a near-copy (estimated Jaccard of the
 * MinHash signatures >= NEARDUP_JACCARD, as in the store) or a score of
 * term cosine + NAME_WEIGHT x shared names at or above the threshold.
 * The group's connected components of two or more articles go to the
 * sink; node groups (one per article id) send their articles instead.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster/batch.h"
#include "store/store.h"

static int cmp_rec_ptr(const void *x, const void *y)
{
    return batch_rec_cmp(*(batch_rec *const *)x, *(batch_rec *const *)y);
}

/* Share of names the two articles have in common, of the longer list, so
 * the score is symmetric. */
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

static int linked(const batch_rec *a, const batch_rec *b, const batch_opts *o)
{
    if (a->f.sig[0] != UINT32_MAX && b->f.sig[0] != UINT32_MAX &&
        minhash_similarity(a->f.sig, b->f.sig) >= NEARDUP_JACCARD)
        return 1;
    double cos = wvec_dot(a->f.terms, a->f.nterms, b->f.terms, b->f.nterms);
    return cos + NAME_WEIGHT * name_share(&a->f, &b->f) >= o->threshold;
}

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

/* Components in order of their first member, members in group order. */
static int emit_components(batch_rec **recs, size_t n, size_t *parent, const batch_sink *sink)
{
    size_t *next = malloc(n * sizeof *next), *last = malloc(n * sizeof *last);
    const char **ids = malloc(n * sizeof *ids);
    int rc = next && last && ids ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++)
        next[i] = last[i] = SIZE_MAX;
    /* Thread each component as a list from its first member. */
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t r = find(parent, i);
        if (last[r] != SIZE_MAX)
            next[last[r]] = i;
        last[r] = i;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        /* The first time a component is met is at its first member. */
        size_t r = find(parent, i), k = 0;
        if (last[r] == SIZE_MAX)
            continue;
        for (size_t j = i; j != SIZE_MAX; j = next[j])
            ids[k++] = recs[j]->id;
        if (k >= 2)
            rc = sink->same(sink->ctx, ids, k);
        last[r] = SIZE_MAX;
    }
    free(next);
    free(last);
    free(ids);
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
    if (m < 2)
        return 0;
    size_t *parent = malloc(m * sizeof *parent);
    if (!parent)
        return -1;
    for (size_t i = 0; i < m; i++)
        parent[i] = i;
    long long w = (long long)(o->window_days * 86400.0);
    for (size_t i = 0; i < m; i++)
        for (size_t j = i + 1; j < m && j - i <= BATCH_SPAN && recs[j]->t - recs[i]->t <= w; j++)
            if (find(parent, i) != find(parent, j) && linked(recs[i], recs[j], o))
                parent[find(parent, j)] = find(parent, i);
    int rc = emit_components(recs, m, parent, sink);
    free(parent);
    return rc;
}

int batch_write_node(buf *out, const batch_rec *r)
{
    return buf_puts(out, "{\"article\":") || batch_json_string(out, r->id) ||
                   buf_printf(out, ",\"t\":%lld,\"title\":", r->t) || batch_json_string(out, r->title) ||
                   buf_puts(out, "}\n")
               ? -1
               : 0;
}

int batch_write_same(buf *out, const char *const *ids, size_t n)
{
    int rc = buf_puts(out, "{\"same\":[");
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = (i && buf_putc(out, ',')) || batch_json_string(out, ids[i]);
    return rc || buf_puts(out, "]}\n") ? -1 : 0;
}

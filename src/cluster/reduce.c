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
 * other pairs term cosine + NAME_WEIGHT x shared names. The merge decides
 * which links make stories. Node groups (one per article id) send their
 * articles instead.
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
    long long w = (long long)(o->window_days * 86400.0);
    for (size_t i = 0; i < m; i++)
        for (size_t j = i + 1; j < m && j - i <= BATCH_SPAN && recs[j]->t - recs[i]->t <= w; j++) {
            float sc = link_score(recs[i], recs[j]);
            if (sc >= (float)o->threshold && strcmp(recs[i]->id, recs[j]->id) != 0 &&
                sink->link(sink->ctx, recs[i]->id, recs[j]->id, sc) != 0)
                return -1;
        }
    return 0;
}

int batch_write_node(buf *out, const batch_rec *r)
{
    return buf_puts(out, "{\"article\":") || batch_json_string(out, r->id) ||
                   buf_printf(out, ",\"t\":%lld,\"title\":", r->t) || batch_json_string(out, r->title) ||
                   buf_puts(out, "}\n")
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

/*
 * textrank.c: TextRank (Mihalcea and Tarau 2004): PageRank over the
 * sentence graph weighted by shared words normalised by log lengths.
 */
#include <math.h>

#include "core/setops.h"
#include "score/method.h"

static double overlap(const svec *x, const svec *y)
{
    uint32_t common = sorted_common(x->term, x->n, y->term, y->n);
    if (!common || x->n < 2 || y->n < 2)
        return 0;
    return common / (log(x->n) + log(y->n));
}

int score_textrank(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    size_t n = c->nsents;
    if (graph_too_large(c, r, scores))
        return 0;
    double *sim = arena_calloc(a, n * n + 1, sizeof *sim);
    if (!sim)
        return -1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            sim[i * n + j] = sim[j * n + i] = overlap(&r->vec[i], &r->vec[j]);
    return pagerank(sim, n, 0.85, a, scores);
}

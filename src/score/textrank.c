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
    return graph_scores(c, r, a, 0.0, overlap, scores);
}

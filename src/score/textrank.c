/*
 * textrank.c: TextRank (Mihalcea and Tarau 2004): PageRank over the
 * sentence graph weighted by shared words normalised by log lengths.
 */
#include <math.h>

#include "score/method.h"

#define TEXTRANK_MAX_SENTENCES 4000

double centroid_similarity(const represent *r, size_t i);

static double overlap(const svec *x, const svec *y)
{
    uint32_t i = 0, j = 0, common = 0;
    while (i < x->n && j < y->n) {
        if (x->term[i] == y->term[j]) {
            common++;
            i++;
            j++;
        } else if (x->term[i] < y->term[j]) {
            i++;
        } else {
            j++;
        }
    }
    if (!common || x->n < 2 || y->n < 2)
        return 0;
    return common / (log(x->n) + log(y->n));
}

int score_textrank(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    size_t n = c->nsents;
    if (n > TEXTRANK_MAX_SENTENCES) {
        for (size_t i = 0; i < n; i++)
            scores[i] = centroid_similarity(r, i);
        return 0;
    }
    double *sim = arena_calloc(a, n * n + 1, sizeof *sim);
    if (!sim)
        return -1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            sim[i * n + j] = sim[j * n + i] = overlap(&r->vec[i], &r->vec[j]);
    return pagerank(sim, n, 0.85, a, scores);
}

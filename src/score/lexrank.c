/*
 * lexrank.c: LexRank with a cosine threshold of 0.1 (Erkan and Radev
 * 2004): sentences that many others resemble are central.
 */
#include "score/method.h"

#define LEXRANK_THRESHOLD 0.1

int score_lexrank(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    size_t n = c->nsents;
    if (graph_too_large(c, r, scores))
        return 0;
    double *sim = arena_calloc(a, n * n + 1, sizeof *sim);
    if (!sim)
        return -1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i; j < n; j++) {
            double s = i == j ? 1.0 : svec_dot(&r->vec[i], &r->vec[j]);
            if (s > LEXRANK_THRESHOLD)
                sim[i * n + j] = sim[j * n + i] = 1.0;
        }
    return pagerank(sim, n, 0.85, a, scores);
}

/*
 * lexrank.c: LexRank with a cosine threshold of 0.1 (Erkan and Radev
 * 2004): sentences that many others resemble are central.
 */
#include "score/method.h"

#define LEXRANK_THRESHOLD 0.1

/* Sentences alike enough are linked, all links weighing the same. */
static double lexrank_edge(const svec *x, const svec *y)
{
    return svec_dot(x, y) > LEXRANK_THRESHOLD ? 1.0 : 0.0;
}

int score_lexrank(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    /* A sentence's cosine with itself is 1, over the threshold: a link. */
    return graph_scores(c, r, a, 1.0, lexrank_edge, scores);
}

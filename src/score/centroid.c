/*
 * centroid.c: score = cosine between a sentence and the cluster centroid
 * (the MEAD idea: central sentences carry the story's main words).
 */
#include "score/method.h"

double centroid_similarity(const represent *r, size_t i)
{
    const svec *v = &r->vec[i];
    double s = 0;
    for (uint32_t k = 0; k < v->n; k++)
        s += v->w[k] * r->centroid[v->term[k]];
    return s;
}

int graph_too_large(const precis_cluster *c, const represent *r, double *scores)
{
    if (c->nsents <= GRAPH_MAX_SENTENCES)
        return 0;
    for (size_t i = 0; i < c->nsents; i++)
        scores[i] = centroid_similarity(r, i);
    return 1;
}

int score_centroid(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    for (size_t i = 0; i < c->nsents; i++)
        scores[i] = centroid_similarity(r, i);
    return 0;
}

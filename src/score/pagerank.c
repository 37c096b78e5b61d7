/*
 * pagerank.c: power iteration shared by the graph-based scorers, and the
 * sentence graph they build for it.
 */
#include <math.h>
#include <string.h>

#include "score/method.h"

int pagerank(const double *sim, size_t n, double d, arena *a, double *out)
{
    if (n == 0)
        return 0;
    double *rowsum = arena_calloc(a, n, sizeof *rowsum);
    double *next = arena_alloc(a, n * sizeof *next);
    if (!rowsum || !next)
        return -1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            rowsum[i] += sim[i * n + j];
    for (size_t i = 0; i < n; i++)
        out[i] = 1.0 / n;
    for (int iter = 0; iter < 100; iter++) {
        double dangling = 0;
        for (size_t i = 0; i < n; i++)
            if (rowsum[i] == 0)
                dangling += out[i];
        for (size_t j = 0; j < n; j++)
            next[j] = (1 - d) / n + d * dangling / n;
        for (size_t i = 0; i < n; i++) {
            if (rowsum[i] == 0)
                continue;
            double share = d * out[i] / rowsum[i];
            const double *row = sim + i * n;
            for (size_t j = 0; j < n; j++)
                next[j] += share * row[j];
        }
        double delta = 0;
        for (size_t j = 0; j < n; j++) {
            delta += fabs(next[j] - out[j]);
            out[j] = next[j];
        }
        if (delta < 1e-7)
            break;
    }
    return 0;
}

int graph_scores(const precis_cluster *c, const represent *r, arena *a, double self, graph_edge edge,
                 double *scores)
{
    size_t n = c->nsents;
    if (graph_too_large(c, r, scores))
        return 0;
    double *sim = arena_calloc(a, n * n + 1, sizeof *sim);
    if (!sim)
        return -1;
    for (size_t i = 0; i < n; i++) {
        sim[i * n + i] = self;
        for (size_t j = i + 1; j < n; j++)
            sim[i * n + j] = sim[j * n + i] = edge(&r->vec[i], &r->vec[j]);
    }
    return pagerank(sim, n, 0.85, a, scores);
}

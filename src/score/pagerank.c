/*
 * pagerank.c: power iteration shared by the graph-based scorers.
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

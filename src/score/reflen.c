/*
 * reflen.c: the reference-length model's inputs and prediction (see
 * reflen.h).
 */
#include "score/reflen.h"

#include <math.h>
#include <string.h>

#include "model/engine.h"

int reflen_counts(const precis_cluster *c, arena *a, uint32_t **term, uint32_t **count, size_t *n)
{
    uint32_t *local = arena_calloc(a, c->nterms + 1, sizeof *local);
    *term = arena_alloc(a, (c->nterms + 1) * sizeof **term);
    *count = arena_alloc(a, (c->nterms + 1) * sizeof **count);
    *n = 0;
    if (!local || !*term || !*count)
        return -1;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        for (uint32_t k = 0; k < s->ntok; k++)
            local[s->tok[k]]++;
    }
    for (size_t t = 0; t < c->nterms; t++)
        if (local[t]) {
            (*term)[*n] = c->term_global[t];
            (*count)[(*n)++] = local[t];
        }
    return 0;
}

void reflen_weigh(const uint32_t *term, const uint32_t *count, size_t n, const float *idf, reflen_term_fn fn,
                  void *ctx)
{
    double norm = 0;
    for (size_t k = 0; k < n; k++) {
        double w = (1 + log(count[k])) * idf[term[k]];
        norm += w * w;
    }
    if (norm <= 0)
        return;
    norm = sqrt(norm);
    for (size_t k = 0; k < n; k++)
        if (idf[term[k]] > 0)
            fn(ctx, term[k], (1 + log(count[k])) * idf[term[k]] / norm);
}

double reflen_log_words(const precis_cluster *c)
{
    double words = 0;
    for (size_t i = 0; i < c->nsents; i++)
        words += c->sents[i].words;
    return log1p(words);
}

typedef struct weighted_sum {
    const float *w;
    double sum;
} weighted_sum;

static void add_weighted(void *ctx, uint32_t term, double x)
{
    weighted_sum *ws = ctx;
    ws->sum += ws->w[term] * x;
}

int reflen_predict(const precis_cluster *c, arena *a, double *out)
{
    const precis_engine *e = c->engine;
    *out = 0;
    if (!e->len_idf || e->len_bias == 0)
        return 0; /* no model: the feature is 0 for every cluster */
    uint32_t *term, *count;
    size_t n;
    if (reflen_counts(c, a, &term, &count, &n) != 0)
        return -1;
    weighted_sum ws = {e->len_w, 0};
    reflen_weigh(term, count, n, e->len_idf, add_weighted, &ws);
    *out = e->len_bias + ws.sum + e->len_articles * (double)c->narticles + e->len_words * reflen_log_words(c);
    return 0;
}

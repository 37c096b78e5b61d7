/*
 * lexicon.c: the keys of a sentence and their summed weights; see
 * lexicon.h. Training (tools/train_scorer.c) enumerates the keys through
 * lexicon_keys; lexicon_score sums the same keys inline, and a test checks
 * that the two agree.
 */
#include "score/lexicon.h"

#include <math.h>

#include "model/engine.h"

uint32_t lexicon_keys(const precis_cluster *c, const sentence *s, lexicon_key_fn fn, void *ctx)
{
    if (s->ntok == 0)
        return 0;
    const uint32_t *g = c->term_global;
    for (uint32_t k = 0; k < s->ntok; k++)
        fn(ctx, LEX_WORD, g[s->tok[k]], 0);
    fn(ctx, LEX_FIRST, g[s->tok[0]], 0);
    for (uint32_t k = 0; k + 1 < s->ntok; k++)
        fn(ctx, LEX_PAIR, g[s->tok[k]], g[s->tok[k + 1]]);
    return 2 * s->ntok;
}

/* The same keys as lexicon_keys, summed inline: this runs for every
 * sentence of every cluster. */
double lexicon_score(const precis_cluster *c, const sentence *s)
{
    const precis_engine *e = c->engine;
    if (s->ntok == 0)
        return e->lex_bias;
    const uint32_t *g = c->term_global;
    double sum = 0;
    uint32_t prev = g[s->tok[0]];
    sum += prev < e->terms_cap ? e->lex_first[prev] : 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t t = g[s->tok[k]];
        sum += t < e->terms_cap ? e->lex_word[t] : 0;
        if (k > 0)
            sum += pairmap_get(&e->lex_pair, prev, t);
        prev = t;
    }
    return e->lex_bias + sum / sqrt(2.0 * s->ntok);
}

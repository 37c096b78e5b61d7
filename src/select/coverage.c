/*
 * coverage.c: selection by concept coverage (after Gillick and Favre 2009,
 * and the budgeted submodular view of Lin and Bilmes 2011).
 *
 * A concept is a bigram of stemmed words (not two stopwords). Its weight is
 * the number of articles that use it: what several outlets report is what
 * the story is about. A summary's value is the total weight of the concepts
 * it covers, each counted once, so a second sentence saying the same thing
 * adds nothing: redundancy is priced in, not filtered after the fact.
 * The method's sentence scores add a small modular term (position,
 * centrality), which breaks ties towards lead-like, central sentences.
 *
 * Sentences of articles that have almost nothing in common with the rest of
 * the cluster (represent.c: off_topic) are not chosen.
 *
 * Greedy on gain per word is within a constant factor of the optimum for
 * this objective and costs O(selected x sentences x bigrams); no solver
 * (select/ilp.c solves the same objective exactly). The concepts and their
 * weights are built in select/concepts.c.
 */
#include <math.h>

#include "select/concepts.h"
#include "select/select.h"

/* Sentence i's greedy value: uncovered concept weight plus the scaled score. */
static double value_of(const concepts *k, const unsigned char *covered, double scale, const double *scores,
                       size_t i)
{
    return concepts_gain(k, covered, i) + scale * scores[i];
}

static int group_taken(const represent *r, const uint32_t *chosen, size_t n, size_t i)
{
    for (size_t j = 0; j < n; j++)
        if (r->group[chosen[j]] == r->group[i])
            return 1;
    return 0;
}

size_t select_coverage(const precis_cluster *c, const represent *r, const method *m, const double *scores,
                       budget *b, arena *a, uint32_t *chosen)
{
    concepts k;
    if (concepts_build(c, r, a, &k) != 0)
        return (size_t)-1;
    unsigned char *covered = arena_calloc(a, k.count + 1, 1);
    unsigned char *used = arena_calloc(a, c->nsents + 1, 1);
    if (!covered || !used)
        return (size_t)-1;
    /* Scale the modular term to the concept weights of this cluster. */
    double scale = concepts_score_scale(c, &k, scores);
    size_t n = 0;
    for (;;) {
        size_t best = (size_t)-1;
        double best_ratio = 0;
        for (size_t i = 0; i < c->nsents; i++) {
            const sentence *s = &c->sents[i];
            if (used[i] || !concepts_candidate(c, r, m, i) || group_taken(r, chosen, n, i) ||
                !budget_fits(b, s->words, sentence_bytes(c, s)))
                continue;
            double value = value_of(&k, covered, scale, scores, i);
            double ratio = value / pow(s->words ? s->words : 1, CONCEPTS_COST_EXP);
            if (value > 0 && (best == (size_t)-1 || ratio > best_ratio)) {
                best = i;
                best_ratio = ratio;
            }
        }
        if (best == (size_t)-1)
            break;
        const sentence *s = &c->sents[best];
        budget_take(b, s->words, sentence_bytes(c, s));
        used[best] = 1;
        chosen[n++] = (uint32_t)best;
        for (uint32_t t = 0; t < k.n[best]; t++)
            covered[k.ids[best][t]] = 1;
    }
    if (n == 0)
        return select_greedy(c, r, m, scores, b, a, chosen);
    return n;
}

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
 * A sentence that leans on the one before it ("She was banned for two
 * years": SENT_LEANS_BACK) is only taken with that sentence, as one unit
 * whose value and cost are both of theirs, so the brief never leaves the
 * reader asking who "she" is. The opening of a quotation whose speaker the
 * next sentence names (SENT_LEANS_FORWARD) is only taken as the first of
 * such a unit, never alone.
 *
 * Greedy on gain per word is within a constant factor of the optimum for
 * this objective and costs O(selected x sentences x bigrams); no solver
 * (select/ilp.c solves the same objective exactly). The concepts and their
 * weights are built in select/concepts.c.
 */
#include <math.h>

#include "select/concepts.h"
#include "select/select.h"
#include "text/segment.h"

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

/* Whether sentence i may be taken now, on its own terms. */
static int available(const precis_cluster *c, const represent *r, const method *m, const unsigned char *used,
                     const uint32_t *chosen, size_t n, size_t i)
{
    return !used[i] && concepts_candidate(c, r, m, i) && !group_taken(r, chosen, n, i);
}

/* The sentence that must come with i: its predecessor when i leans back on
 * it and the summary lacks it, else none ((size_t)-1). */
static size_t companion_of(const precis_cluster *c, const unsigned char *used, size_t i)
{
    const sentence *s = &c->sents[i];
    if (!(s->flags & SENT_LEANS_BACK) || i == 0 || used[i - 1] || c->sents[i - 1].article != s->article)
        return (size_t)-1;
    return i - 1;
}

/* The greedy value of taking `first` (or none) and then i: uncovered
 * concept weight of the two together, each concept counted once, plus
 * their scaled scores. A sentence holds a few dozen concepts, so looking
 * each of i's up in first's list costs less than marking and unmarking. */
static double unit_value(const concepts *k, const unsigned char *covered, double scale, const double *scores,
                         size_t first, size_t i)
{
    if (first == (size_t)-1)
        return value_of(k, covered, scale, scores, i);
    double v = value_of(k, covered, scale, scores, first) + scale * scores[i];
    for (uint32_t t = 0; t < k->n[i]; t++) {
        uint32_t id = k->ids[i][t];
        int in_first = 0;
        for (uint32_t u = 0; u < k->n[first] && !in_first; u++)
            in_first = k->ids[first][u] == id;
        if (!covered[id] && !in_first)
            v += k->weight[id];
    }
    return v;
}

/* Whether `first` (or none) and then i fit the budget together. */
static int unit_fits(const precis_cluster *c, const budget *b, size_t first, size_t i)
{
    budget after = *b;
    if (first != (size_t)-1) {
        const sentence *f = &c->sents[first];
        if (!budget_fits(&after, f->words, sentence_bytes(c, f)))
            return 0;
        budget_take(&after, f->words, sentence_bytes(c, f));
    }
    return budget_fits(&after, c->sents[i].words, sentence_bytes(c, &c->sents[i]));
}

static void take(const precis_cluster *c, const concepts *k, budget *b, unsigned char *used,
                 unsigned char *covered, uint32_t *chosen, size_t *n, size_t i)
{
    const sentence *s = &c->sents[i];
    budget_take(b, s->words, sentence_bytes(c, s));
    used[i] = 1;
    chosen[(*n)++] = (uint32_t)i;
    for (uint32_t t = 0; t < k->n[i]; t++)
        covered[k->ids[i][t]] = 1;
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
        size_t best = (size_t)-1, best_first = (size_t)-1;
        double best_ratio = 0;
        for (size_t i = 0; i < c->nsents; i++) {
            if (!available(c, r, m, used, chosen, n, i) || (c->sents[i].flags & SENT_LEANS_FORWARD))
                continue;
            size_t first = companion_of(c, used, i);
            if (first != (size_t)-1 && (!available(c, r, m, used, chosen, n, first) ||
                                        r->group[first] == r->group[i] || companion_of(c, used, first) != (size_t)-1))
                continue;
            const sentence *s = &c->sents[i];
            if (!unit_fits(c, b, first, i))
                continue;
            size_t words = s->words + (first == (size_t)-1 ? 0 : c->sents[first].words);
            double value = unit_value(&k, covered, scale, scores, first, i);
            double ratio = value / pow(words ? (double)words : 1, CONCEPTS_COST_EXP);
            if (value > 0 && (best == (size_t)-1 || ratio > best_ratio)) {
                best = i;
                best_first = first;
                best_ratio = ratio;
            }
        }
        if (best == (size_t)-1)
            break;
        if (best_first != (size_t)-1)
            take(c, &k, b, used, covered, chosen, &n, best_first);
        take(c, &k, b, used, covered, chosen, &n, best);
    }
    if (n == 0)
        return select_greedy(c, r, m, scores, b, a, chosen);
    return n;
}

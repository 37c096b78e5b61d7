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
 * this objective and costs O(selected x sentences x bigrams); no solver.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "select/select.h"

/* Tuned on DUC 2006 (full text, 250 words) and 1,000 Multi-News validation
 * clusters; RESULTS.md has the grid. Multi-News barely moves with them. */
#define COVERAGE_MIN_WEIGHT 2   /* concepts from one article only are noise */
#define COVERAGE_SCORE_WEIGHT 2.0
#define COVERAGE_COST_EXP 0.7   /* < 1: long sentences are not penalised per word */
#define COVERAGE_UNIGRAM 0.0    /* unigram concepts lost on both sets */
#define COVERAGE_QUERY 0.6      /* extra weight of concepts that use a query term (0.5-0.75 a plateau) */

typedef struct concepts {
    uint32_t **ids;      /* per sentence: concept ids of its bigrams (deduplicated) */
    uint32_t *n;
    double *weight;      /* per concept */
    unsigned char *about_query; /* per concept: uses a query term */
    size_t query_cap;
    size_t count;
} concepts;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int mark_query(arena *a, concepts *k, uint32_t id, int about)
{
    if (id >= k->query_cap) {
        size_t cap = k->query_cap ? k->query_cap * 2 : 1024;
        while (cap <= id)
            cap *= 2;
        unsigned char *p = arena_grow(a, k->about_query, k->query_cap, cap, 1);
        if (!p)
            return -1;
        k->about_query = p;
        k->query_cap = cap;
    }
    k->about_query[id] |= (unsigned char)about;
    return 0;
}

/* Intern every sentence's bigrams; weight = distinct articles using it. */
static int build_concepts(const precis_cluster *c, const represent *r, arena *a, concepts *k)
{
    strmap dict;
    strmap_init(&dict);
    k->about_query = NULL;
    k->query_cap = 0;
    size_t n = c->nsents;
    k->ids = arena_calloc(a, n + 1, sizeof *k->ids);
    k->n = arena_calloc(a, n + 1, sizeof *k->n);
    if (!k->ids || !k->n)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const sentence *s = &c->sents[i];
        uint32_t *ids = arena_alloc(a, (2 * s->ntok + 1) * sizeof *ids);
        if (!ids)
            goto fail;
        uint32_t m = 0;
        for (uint32_t t = 0; t + 1 < s->ntok; t++) {
            if (c->term_stop[s->tok[t]] && c->term_stop[s->tok[t + 1]])
                continue;
            uint32_t key[2] = {s->tok[t], s->tok[t + 1]};
            uint32_t id = strmap_intern(&dict, (const char *)key, sizeof key);
            if (id == STRMAP_NONE || mark_query(a, k, id, r->has_query &&
                                                (r->query_term[key[0]] || r->query_term[key[1]])) != 0)
                goto fail;
            ids[m++] = id;
        }
        if (COVERAGE_UNIGRAM > 0)
            for (uint32_t t = 0; t < s->ntok; t++) {
                if (c->term_stop[s->tok[t]])
                    continue;
                uint32_t key1 = s->tok[t];
                uint32_t id = strmap_intern(&dict, (const char *)&key1, sizeof key1);
                if (id == STRMAP_NONE || mark_query(a, k, id, r->has_query && r->query_term[key1]) != 0)
                    goto fail;
                ids[m++] = id;
            }
        qsort(ids, m, sizeof *ids, cmp_u32);
        uint32_t u = 0;
        for (uint32_t t = 0; t < m; t++)
            if (u == 0 || ids[t] != ids[u - 1])
                ids[u++] = ids[t];
        k->ids[i] = ids;
        k->n[i] = u;
    }
    k->count = dict.count;
    k->weight = arena_calloc(a, k->count + 1, sizeof *k->weight);
    uint32_t *last = arena_alloc(a, (k->count + 1) * sizeof *last);
    if (!k->weight || !last)
        goto fail;
    memset(last, 0xFF, (k->count + 1) * sizeof *last);
    for (size_t i = 0; i < n; i++) {
        uint32_t art = c->sents[i].article;
        for (uint32_t t = 0; t < k->n[i]; t++)
            if (last[k->ids[i][t]] != art) {
                last[k->ids[i][t]] = art;
                k->weight[k->ids[i][t]] += 1;
            }
    }
    /* With one article, every concept has weight 1: fall back to counting
     * sentences, so repetition within the article still signals salience. */
    if (c->narticles == 1) {
        memset(k->weight, 0, (k->count + 1) * sizeof *k->weight);
        for (size_t i = 0; i < n; i++)
            for (uint32_t t = 0; t < k->n[i]; t++)
                k->weight[k->ids[i][t]] += 1;
    }
    double uni = COVERAGE_UNIGRAM, minw = COVERAGE_MIN_WEIGHT, qboost = COVERAGE_QUERY;
    for (size_t id = 0; id < k->count; id++) {
        if (k->weight[id] < minw)
            k->weight[id] = 0;
        else if (strmap_key_len(&dict, (uint32_t)id) == 4)
            k->weight[id] *= uni;
        if (id < k->query_cap && k->about_query[id])
            k->weight[id] *= 1.0 + qboost;
    }
    strmap_free(&dict);
    return 0;
fail:
    strmap_free(&dict);
    return -1;
}

static double gain(const concepts *k, const unsigned char *covered, size_t i)
{
    double g = 0;
    for (uint32_t t = 0; t < k->n[i]; t++)
        if (!covered[k->ids[i][t]])
            g += k->weight[k->ids[i][t]];
    return g;
}

size_t select_coverage(const precis_cluster *c, const represent *r, const method *m, const double *scores,
                       budget *b, arena *a, uint32_t *chosen)
{
    concepts k;
    if (build_concepts(c, r, a, &k) != 0)
        return (size_t)-1;
    unsigned char *covered = arena_calloc(a, k.count + 1, 1);
    unsigned char *used = arena_calloc(a, c->nsents + 1, 1);
    if (!covered || !used)
        return (size_t)-1;
    /* Scale the modular term to the concept weights of this cluster. */
    double max_gain = 0, max_score = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        double g = gain(&k, covered, i);
        max_gain = g > max_gain ? g : max_gain;
        max_score = fabs(scores[i]) > max_score ? fabs(scores[i]) : max_score;
    }
    double scale = max_score > 0 ? COVERAGE_SCORE_WEIGHT * (max_gain > 0 ? max_gain : 1) / max_score / 10 : 0;
    size_t n = 0;
    for (;;) {
        size_t best = (size_t)-1;
        double best_ratio = 0;
        for (size_t i = 0; i < c->nsents; i++) {
            const sentence *s = &c->sents[i];
            if (used[i] || (m->skip_fragments && sentence_is_fragment(s)) || r->off_topic[s->article])
                continue;
            int dup = 0;
            for (size_t j = 0; j < n && !dup; j++)
                dup = r->group[chosen[j]] == r->group[i];
            if (dup || !budget_fits(b, s->words, sentence_bytes(c, s)))
                continue;
            double value = gain(&k, covered, i) + scale * scores[i];
            double ratio = value / pow(s->words ? s->words : 1, COVERAGE_COST_EXP);
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

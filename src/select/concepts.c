/*
 * concepts.c: bigram concepts and their weights, shared by the coverage
 * selectors (select/coverage.c, select/ilp.c); see concepts.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/setops.h"
#include "core/strmap.h"
#include "select/concepts.h"
#include "select/select.h"

/* Tuned on DUC 2006 (full text, 250 words) and 1,000 Multi-News validation
 * clusters; RESULTS.md has the grid. Multi-News barely moves with them. */
#define CONCEPT_MIN_WEIGHT 2    /* concepts from one article only are noise */
#define CONCEPT_SCORE_WEIGHT 2.0
#define CONCEPT_UNIGRAM 0.0     /* unigram concepts lost on both sets */
#define CONCEPT_QUERY 0.6       /* extra weight of concepts that use a query term (0.5-0.75 a plateau) */

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

/* Intern one concept key (a bigram or unigram of term ids) into ids[*m]. */
static int intern(strmap *dict, arena *a, concepts *k, const uint32_t *key, size_t nkey, int about,
                  uint32_t *ids, uint32_t *m)
{
    uint32_t id = strmap_intern(dict, (const char *)key, nkey * sizeof *key);
    if (id == STRMAP_NONE || mark_query(a, k, id, about) != 0)
        return -1;
    ids[(*m)++] = id;
    return 0;
}

/* Sentence i's concept ids, sorted and deduplicated, into k->ids[i]. */
static int intern_sentence(const precis_cluster *c, const represent *r, strmap *dict, arena *a,
                           concepts *k, size_t i)
{
    const sentence *s = &c->sents[i];
    uint32_t *ids = arena_alloc(a, (2 * s->ntok + 1) * sizeof *ids);
    if (!ids)
        return -1;
    uint32_t m = 0;
    for (uint32_t t = 0; t + 1 < s->ntok; t++) {
        if (c->term_stop[s->tok[t]] && c->term_stop[s->tok[t + 1]])
            continue;
        uint32_t key[2] = {s->tok[t], s->tok[t + 1]};
        int about = r->has_query && (r->query_term[key[0]] || r->query_term[key[1]]);
        if (intern(dict, a, k, key, 2, about, ids, &m) != 0)
            return -1;
    }
    if (CONCEPT_UNIGRAM > 0)
        for (uint32_t t = 0; t < s->ntok; t++)
            if (!c->term_stop[s->tok[t]] &&
                intern(dict, a, k, &s->tok[t], 1, r->has_query && r->query_term[s->tok[t]], ids, &m) != 0)
                return -1;
    sort_ids(ids, m);
    uint32_t u = 0;
    for (uint32_t t = 0; t < m; t++)
        if (u == 0 || ids[t] != ids[u - 1])
            ids[u++] = ids[t];
    k->ids[i] = ids;
    k->n[i] = u;
    return 0;
}

/* Weight = distinct articles using the concept; with one article, every
 * concept would weigh 1, so count sentences instead: repetition within the
 * article still signals salience. */
static int count_weights(const precis_cluster *c, arena *a, concepts *k)
{
    k->weight = arena_calloc(a, k->count + 1, sizeof *k->weight);
    uint32_t *last = arena_alloc(a, (k->count + 1) * sizeof *last);
    if (!k->weight || !last)
        return -1;
    memset(last, 0xFF, (k->count + 1) * sizeof *last);
    int per_sentence = c->narticles == 1;
    for (size_t i = 0; i < c->nsents; i++) {
        uint32_t art = per_sentence ? (uint32_t)i : c->sents[i].article;
        for (uint32_t t = 0; t < k->n[i]; t++)
            if (last[k->ids[i][t]] != art) {
                last[k->ids[i][t]] = art;
                k->weight[k->ids[i][t]] += 1;
            }
    }
    return 0;
}

static void finish_weights(const strmap *dict, concepts *k)
{
    for (size_t id = 0; id < k->count; id++) {
        if (k->weight[id] < CONCEPT_MIN_WEIGHT)
            k->weight[id] = 0;
        else if (strmap_key_len(dict, (uint32_t)id) == 4)
            k->weight[id] *= CONCEPT_UNIGRAM;
        if (id < k->query_cap && k->about_query[id])
            k->weight[id] *= 1.0 + CONCEPT_QUERY;
    }
}

int concepts_build(const precis_cluster *c, const represent *r, arena *a, concepts *k)
{
    strmap dict;
    strmap_init(&dict);
    memset(k, 0, sizeof *k);
    k->ids = arena_calloc(a, c->nsents + 1, sizeof *k->ids);
    k->n = arena_calloc(a, c->nsents + 1, sizeof *k->n);
    int rc = k->ids && k->n ? 0 : -1;
    for (size_t i = 0; i < c->nsents && rc == 0; i++)
        rc = intern_sentence(c, r, &dict, a, k, i);
    if (rc == 0) {
        k->count = dict.count;
        rc = count_weights(c, a, k);
    }
    if (rc == 0)
        finish_weights(&dict, k);
    strmap_free(&dict);
    return rc;
}

double concepts_gain(const concepts *k, const unsigned char *covered, size_t i)
{
    double g = 0;
    for (uint32_t t = 0; t < k->n[i]; t++)
        if (!covered[k->ids[i][t]])
            g += k->weight[k->ids[i][t]];
    return g;
}

double concepts_score_scale(const precis_cluster *c, const concepts *k, const double *scores)
{
    double max_gain = 0, max_score = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        double g = 0;
        for (uint32_t t = 0; t < k->n[i]; t++)
            g += k->weight[k->ids[i][t]];
        max_gain = g > max_gain ? g : max_gain;
        max_score = fabs(scores[i]) > max_score ? fabs(scores[i]) : max_score;
    }
    return max_score > 0 ? CONCEPT_SCORE_WEIGHT * (max_gain > 0 ? max_gain : 1) / max_score / 10 : 0;
}

int concepts_candidate(const precis_cluster *c, const represent *r, const method *m, size_t i)
{
    const sentence *s = &c->sents[i];
    return !(m->skip_fragments && !sentence_is_selectable(s)) && !r->off_topic[s->article];
}

double concepts_value(const concepts *k, double scale, const double *scores, const uint32_t *chosen, size_t n,
                      unsigned char *covered)
{
    double value = 0;
    for (size_t j = 0; j < n; j++) {
        value += concepts_gain(k, covered, chosen[j]) + scale * scores[chosen[j]];
        for (uint32_t t = 0; t < k->n[chosen[j]]; t++)
            covered[k->ids[chosen[j]][t]] = 1;
    }
    for (size_t j = 0; j < n; j++)
        for (uint32_t t = 0; t < k->n[chosen[j]]; t++)
            covered[k->ids[chosen[j]][t]] = 0;
    return value;
}

double concepts_objective(const precis_cluster *c, const represent *r, const double *scores,
                          const uint32_t *chosen, size_t n, arena *a)
{
    concepts k;
    if (concepts_build(c, r, a, &k) != 0)
        return -1;
    unsigned char *covered = arena_calloc(a, k.count + 1, 1);
    if (!covered)
        return -1;
    return concepts_value(&k, concepts_score_scale(c, &k, scores), scores, chosen, n, covered);
}

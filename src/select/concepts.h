/*
 * concepts: the bigram concepts that coverage-based selectors share
 * (select/coverage.c greedy, select/ilp.c exact).
 *
 * A concept is a bigram of stemmed words (not two stopwords), weighted by
 * the number of articles that use it (by sentences when the cluster has one
 * article), zero below CONCEPT_MIN_WEIGHT, boosted when it uses a query
 * term. A summary's value is the total weight of the concepts it covers,
 * each once, plus a small modular term from the method's sentence scores.
 */
#ifndef PRECIS_CONCEPTS_H
#define PRECIS_CONCEPTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "score/method.h"

/* Greedy selectors rank by value / words^CONCEPTS_COST_EXP: below 1, long
 * sentences are not penalised per word (tuned in RESULTS.md). */
#define CONCEPTS_COST_EXP 0.7

typedef struct concepts {
    uint32_t **ids;      /* per sentence: concept ids of its bigrams (deduplicated, ascending) */
    uint32_t *n;
    double *weight;      /* per concept */
    unsigned char *about_query; /* per concept: uses a query term */
    size_t query_cap;
    size_t count;
} concepts;

/* Intern every sentence's bigrams and weigh them, into a. 0 or -1. */
int concepts_build(const precis_cluster *c, const represent *r, arena *a, concepts *k);

/* Weight of sentence i's concepts not yet covered (covered: one byte per concept). */
double concepts_gain(const concepts *k, const unsigned char *covered, size_t i);

/* Weight of the modular score term: scale * scores[i] is added to a
 * sentence's value, scaled to this cluster's largest concept gain. */
double concepts_score_scale(const precis_cluster *c, const concepts *k, const double *scores);

/* 1 if sentence i may be chosen at all: not a fragment (when the method
 * skips them) and not from an off-topic article. */
int concepts_candidate(const precis_cluster *c, const represent *r, const method *m, size_t i);

/* The value of a set of sentences: covered concept weight plus scale x
 * their scores. covered is zeroed scratch (one byte per concept), left zeroed. */
double concepts_value(const concepts *k, double scale, const double *scores, const uint32_t *chosen, size_t n,
                      unsigned char *covered);

/* The objective of a set of sentences: covered concept weight plus the
 * scaled scores. For comparing selectors (tests). -1 when out of memory. */
double concepts_objective(const precis_cluster *c, const represent *r, const double *scores,
                          const uint32_t *chosen, size_t n, arena *a);

#endif

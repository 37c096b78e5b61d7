/*
 * stepwise: greedy selection by a model of each candidate's gain.
 *
 * Selection by a fixed sentence score cannot see what the summary already
 * says, so it needs a cosine threshold against repeats and a separate rule
 * for where to stop. Stepwise selection asks a second model, at every
 * step, how much each remaining candidate would add to the summary's
 * ROUGE F-measure given what is already chosen (the F_CTX_* features of
 * score/features.h beside the sentence's own), takes the best, and stops
 * when no candidate is expected to raise it.
 *
 * A sentence that leans on the one before (SENT_LEANS_BACK) is a candidate
 * once that one is in, or as a unit with it (and with the one before that,
 * if it leans too, up to SELECT_MAX_UNIT sentences): each sentence weighed as it
 * would be with the ones before it in, the gains added and divided by
 * their words together. Without units such a sentence waited for its
 * predecessor to be worth a place alone, and the rules that mark more
 * sentences as leaning cost Multi-News about 0.05 ROUGE-1 and 0.09 ROUGE-2
 * (RESULTS.md). No unit ends on the opening or the middle of a quotation
 * whose speaker is named further on (SENT_LEANS_FORWARD).
 *
 * The state below is shared by the selector and by the trainer
 * (tools/train_scorer.c), which walks the same states over the training
 * clusters to label them, so the features cannot drift apart.
 */
#ifndef PRECIS_SELECT_STEPWISE_H
#define PRECIS_SELECT_STEPWISE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "score/features.h"
#include "select/select.h"

/* Candidates weighed per step, highest prior first: the model only
 * reorders the scorer's best few, which both costs less and scores better
 * than weighing all of them (RESULTS.md). */
#define STEP_CANDIDATES 5

/* ... and only among the selectable sentences with the STEP_POOL highest
 * priors, so a long cluster costs little more per step than a short one. */
#define STEP_POOL 96

/* The candidate taken is the one with the highest estimated gain per
 * words^STEP_COST_EXP; the walk still stops when no gain is above zero.
 * The gain is the change in F the whole sentence brings, so a long
 * sentence wins over a short, denser one that would have left room for
 * another: 0.3 to 0.7 is a plateau, +0.08 R-1 on Multi-News (RESULTS.md). */
#define STEP_COST_EXP 0.5

typedef struct step_state {
    const precis_cluster *c;
    const represent *r;
    const double *prior;      /* the sentence scorer's estimate per sentence */
    double budget_words;      /* the word budget, or an estimate of it from bytes */
    uint8_t *taken;           /* per sentence */
    float *max_sim;           /* per sentence: highest cosine with a chosen one */
    uint8_t *term_in;         /* per local term: a chosen sentence holds it */
    uint32_t **pair;          /* per sentence: the id of each pair of adjacent tokens */
    uint8_t *pair_in;         /* per pair id: a chosen sentence holds that pair */
    float *weight;            /* per local term: 0, but for step_take's own use */
    uint32_t *art_taken;      /* per article: sentences chosen from it */
    uint32_t *chosen;         /* the caller's output array, in order of choice */
    size_t n;
    double words;             /* words chosen so far */
    double shared;            /* sum of prior x words over the chosen */
    double expected_best;     /* the same over what greedy would fill the budget with */
} step_state;

/* Set up an empty summary over c. chosen (capacity c->nsents) receives the
 * choices. All memory comes from a. Returns 0, or -1 when out of memory. */
int step_init(step_state *st, const precis_cluster *c, const represent *r, const double *prior,
              const budget *b, uint32_t *chosen, arena *a);

/* 1 if sentence i may be added now on its own: not yet taken, not a
 * fragment, not in the near-duplicate group of a chosen sentence, within
 * the budget, and neither leaning on an untaken sentence nor forward. */
int step_candidate(const step_state *st, const budget *b, uint32_t i);

/* How many sentences must come before i if i is taken now: 0 when it
 * stands alone (step_candidate), 1 to SELECT_MAX_UNIT - 1 when it leans on that
 * many untaken sentences before it, all of which may be taken with it and
 * fit the budget together; -1 when i cannot be taken now. */
int step_unit(const step_state *st, const budget *b, uint32_t i);

/* Fill the F_CTX_* entries of x (sentence i's feature row) for the current
 * state; best_prior is the highest prior among the current candidates. */
void step_features(const step_state *st, uint32_t i, double best_prior, float *x);

/* What taking sentence i now is worth to the selector: the model's
 * estimated gain over words^STEP_COST_EXP, or 0 when that gain is not
 * above zero, or -1 when i cannot be taken. When i can only be taken with
 * the sentences before it (SENT_LEANS_BACK), *lead is their number
 * (step_unit) and the unit is weighed as a whole. x holds the static
 * feature rows. */
double step_value(const step_state *st, const scorer_model *model, const float *x, const budget *b, uint32_t i,
                  double best_prior, int *lead);

/* Add sentence i to the summary. Returns 0, or -1 when out of memory. */
int step_take(step_state *st, uint32_t i);

/* Stepwise selection with an explicit model over the static features x
 * (sfeat_compute rows) and the scorer's prior; used by the library's
 * method and by the trainer's held-out evaluation. Returns the number
 * chosen, or (size_t)-1 when out of memory. */
size_t select_stepwise_model(const precis_cluster *c, const represent *r, const scorer_model *model,
                             const float *x, const double *prior, budget *b, arena *a, uint32_t *chosen);

#endif

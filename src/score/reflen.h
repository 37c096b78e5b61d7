/*
 * reflen: how long the human summary of a cluster is likely to be.
 *
 * Multi-News's editors write anything from 80 to 400 words, and ROUGE's F
 * rewards a summary that stops where the reference does; yet the stepwise
 * model's stop rule had only the number of articles and sentences to go
 * by, and the summaries came out at about 250 words whatever the story
 * (RESULTS.md, fourteenth session: against references under 150 words the
 * oracle led by 13 ROUGE-1 points). What a cluster is about says more: a
 * celebrity's quip gets a short summary, a budget fight a long one. This is
 * a ridge regression of the log of the reference's words on the cluster's
 * words (tf-idf, as in information retrieval: 1 + log of the count, times
 * the idf, the vector scaled to length 1), the number of articles and the
 * log of their words, fitted by tools/train_scorer.c on the half of the
 * Multi-News training clusters the trees are not fitted on; the trees read
 * its prediction as one more feature (F_REF_LENGTH).
 */
#ifndef PRECIS_SCORE_REFLEN_H
#define PRECIS_SCORE_REFLEN_H

#include "core/arena.h"
#include "model/cluster.h"

/* The terms of a cluster's sentences (global ids, in the cluster's term
 * order) with their counts, from arena a; *n of them. 0, or -1 when out of
 * memory. */
int reflen_counts(const precis_cluster *c, arena *a, uint32_t **term, uint32_t **count, size_t *n);

/* Their tf-idf weights over the model's terms (idf > 0), scaled to length
 * 1, each handed to fn with its term. The trainer builds its rows through
 * this too, so the model is applied as it was fitted. */
typedef void (*reflen_term_fn)(void *ctx, uint32_t term, double x);
void reflen_weigh(const uint32_t *term, const uint32_t *count, size_t n, const float *idf, reflen_term_fn fn,
                  void *ctx);

/* The words in the cluster's sentences, and log(1 + that): the model's
 * second input beside the number of articles. */
double reflen_log_words(const precis_cluster *c);

/* The predicted log(1 + words) of the cluster's reference, from the model
 * loaded with the lexicon (engine_lexicon, model/engine.h); 0 without one.
 * 0, or -1 when out of memory (*out is then 0). */
int reflen_predict(const precis_cluster *c, arena *a, double *out);

#endif

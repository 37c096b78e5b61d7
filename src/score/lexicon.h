/*
 * lexicon: a linear model of summary-worthiness over a sentence's words.
 *
 * The keep tables weigh single words; what an editor keeps is also in
 * word pairs and in how a sentence opens ("told reporters", "according to",
 * "click here", "he said"). This model, logistic regression fitted by
 * tools/train_scorer.c on the half of the Multi-News training clusters the
 * boosted trees are not fitted on, scores a sentence from all three kinds
 * of key; the trees read its score as one more feature (F_LEXICON).
 */
#ifndef PRECIS_SCORE_LEXICON_H
#define PRECIS_SCORE_LEXICON_H

#include <stdint.h>

#include "model/cluster.h"

enum { LEX_WORD, LEX_FIRST, LEX_PAIR };

/* Called once per key of a sentence: kind, and the global term ids (b is
 * used by LEX_PAIR only). */
typedef void (*lexicon_key_fn)(void *ctx, int kind, uint32_t a, uint32_t b);

/* The keys of sentence s: every token's word, the first token, and every
 * pair of adjacent tokens, in that order. Returns how many. */
uint32_t lexicon_keys(const precis_cluster *c, const sentence *s, lexicon_key_fn fn, void *ctx);

/* The model's log-odds that s is in a ROUGE oracle's summary: the bias
 * plus the keys' weights over the square root of their number. The
 * engine's lexicon must be loaded (engine_lexicon, model/engine.h). */
double lexicon_score(const precis_cluster *c, const sentence *s);

#endif

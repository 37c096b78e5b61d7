/*
 * select: choosing sentences under a hard budget.
 *
 * The budget counts what the text renderer prints: whitespace words for
 * --words, and for --bytes each sentence's collapsed text plus its newline.
 * A summary never exceeds a limit; a sentence that does not fit is passed
 * over (a shorter one further down may still fit), never cut.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "score/method.h"

typedef struct budget {
    size_t max_words, max_bytes, max_sentences;  /* 0 = no limit */
    size_t words, bytes, sentences;              /* used so far */
} budget;

/* Greedy selection's redundancy filter: a candidate whose cosine with a
 * chosen sentence is above this says the same thing again. */
#define SELECT_REDUNDANCY 0.5


/* Headlines, datelines, sub-heads, very short lines, pieces of longer
 * quotations, boilerplate sentences and photo captions: not summary
 * material, and not what the position features count. */
int sentence_is_fragment(const sentence *s);

/* The first story sentence of article d: its first sentence that is not a
 * fragment, or UINT32_MAX if it has none. */
uint32_t article_lead(const precis_cluster *c, size_t d);

/* What no selector puts in a summary, not even as the last resort of a
 * cluster of short lines: a page notice, a piece of a sentence cut for its
 * length (it starts or ends mid-way), a sentence barred for this call
 * because it repeats a count (select/repeats.c). */
int sentence_is_never_chosen(const sentence *s);

/* What a selector may put in a summary: not a fragment, and not a
 * question. A brief says what happened; a question lifted out of its
 * article ("Are they official forces?") reads as a loose end, and the
 * concept-coverage methods liked them for their few, short words. */
int sentence_is_selectable(const sentence *s);

/* 1 if c has a sentence that sentence_is_selectable. Only a cluster
 * without one (nothing but headlines, short lines, questions) falls back
 * on those for its summary: when its sentences are merely longer than the
 * budget ("--words 5"), a sub-head such as "Iran backs airstrikes" in
 * their place would read as the brief, so the summary stays empty and
 * the caller says that nothing fits. */
int cluster_has_selectable(const precis_cluster *c);

/* 1 if c holds page notices (the boilerplate list) and, besides them,
 * nothing longer than a fragment ("Learn more"): a web archive's crawl
 * notice or a login wall saved in place of the story. Such a cluster has
 * no story text to summarize. */
int cluster_is_only_notices(const precis_cluster *c);

/* 1 if c has no sentence a summary may hold but pieces of sentences cut
 * for their length (and page notices): a text that runs on for more than
 * PRECIS_MAX_SENTENCE_BYTES without a sentence end. */
int cluster_is_only_pieces(const precis_cluster *c);

/* 1 if sentence i is among chosen[0..n). */
int is_chosen(const uint32_t *chosen, size_t n, size_t i);

/* What a summary already holds (select/taken.c): no summary prints one
 * sentence twice, neither the same near-duplicate group nor the same
 * text. Constant time per question, for selectors that ask it of every
 * candidate. */
typedef struct taken_set {
    const precis_cluster *c;
    const represent *r;   /* NULL: texts only */
    uint8_t *group;       /* per sentence: 1 if the group it leads is taken */
    uint32_t *slot;       /* open addressing: sentence index + 1, 0 empty */
    size_t cap;           /* a power of two, over twice the sentences */
} taken_set;

/* 1 if sentences i and j of c have the same bytes. */
int sentences_same_text(const precis_cluster *c, uint32_t i, uint32_t j);

/* An empty set for c, in a; with r, groups count as well as texts. */
int taken_init(taken_set *t, const precis_cluster *c, const represent *r, arena *a);
void taken_add(taken_set *t, uint32_t i);
/* 1 if a taken sentence has sentence i's text. */
int taken_text(const taken_set *t, uint32_t i);
/* 1 if a taken sentence has i's text or (with r) is in i's group. */
int taken_copy(const taken_set *t, uint32_t i);

/* The rendered byte cost of sentence s (collapsed text + newline). */
size_t sentence_bytes(const precis_cluster *c, const sentence *s);

/* 1 if a sentence of this size still fits. */
int budget_fits(const budget *b, size_t words, size_t bytes);
void budget_take(budget *b, size_t words, size_t bytes);

/* 1 once nothing more can be added. */
int budget_full(const budget *b);

/* The budget on the scale of words: the word limit, else the byte limit
 * over six bytes a word, else (a limit on sentences only, or none) 300. */
double budget_in_words(const budget *b);

/* Units (select/unit.c). The most sentences taken as one unit when a
 * sentence leans on the ones before it (SENT_LEANS_BACK): a quotation's
 * opening, two sentences of its middle and the one that names its speaker
 * (the cluster keeps a straight quotation open for three sentences at
 * most). */
#define SELECT_MAX_UNIT 4

/* What a selector says about its own summary: whether sentence j is in it
 * already, and whether j may join a unit taken now. */
typedef struct unit_rules {
    int (*in_summary)(const void *ctx, size_t j);
    int (*may_join)(const void *ctx, size_t j);
    const void *ctx;
} unit_rules;

/* The first sentence of the unit that taking sentence i now means: i, or
 * the earliest of the sentences not in the summary that it leans on, in
 * its article, SELECT_MAX_UNIT in all at most; (size_t)-1 when one of them
 * may not join or two are copies of one sentence (r->group). Whether i
 * itself may be taken is the caller's to check. */
size_t unit_first(const precis_cluster *c, const represent *r, size_t i, const unit_rules *rules);

/* 1 if sentences first .. last fit the budget together. */
int unit_fits(const precis_cluster *c, const budget *b, size_t first, size_t last);

/* A sentence and the key it is ranked by. */
typedef struct ranked {
    double score;
    uint32_t index;
} ranked;

/* Sort best first; ties go to the earlier sentence, so order never
 * depends on the sort's whims. */
void ranked_sort(ranked *v, size_t n);

/* Greedy selection by descending score (ties: earlier sentence first),
 * skipping redundant sentences and fragments as the method asks. Writes
 * the chosen sentence indices to chosen (capacity c->nsents) and returns
 * their count, or (size_t)-1 when out of memory. */
size_t select_greedy(const precis_cluster *c, const represent *r, const method *m,
                     const double *scores, budget *b, arena *a, uint32_t *chosen);

/* The learned method's selection (score/learned.c): greedy, stopped where
 * the next sentence would lower the expected F-measure. The chosen
 * sentences are a prefix of select_greedy's choices. */
size_t select_learned(const precis_cluster *c, const represent *r, const method *m,
                      const double *scores, budget *b, arena *a, uint32_t *chosen);

/* Greedy by a learned estimate of each candidate's gain given what is
 * already chosen, stopping when none is expected to raise the score
 * (select/stepwise.c, data/stepper.txt); scores are the learned scorer's. */
size_t select_stepwise(const precis_cluster *c, const represent *r, const method *m,
                       const double *scores, budget *b, arena *a, uint32_t *chosen);

/* Concept (bigram) coverage, greedy on gain per word (select/coverage.c). */
size_t select_coverage(const precis_cluster *c, const represent *r, const method *m,
                       const double *scores, budget *b, arena *a, uint32_t *chosen);

/* The same objective solved exactly as an ILP with GLPK, never worse than
 * select_coverage on it (select/ilp.c). */
size_t select_ilp(const precis_cluster *c, const represent *r, const method *m,
                  const double *scores, budget *b, arena *a, uint32_t *chosen);

/* Lin and Bilmes (2011): saturated cosine coverage plus diversity over a
 * k-means partition, greedy with cost scaling (select/submodular.c). */
size_t select_submodular(const precis_cluster *c, const represent *r, const method *m,
                         const double *scores, budget *b, arena *a, uint32_t *chosen);

/* SumBasic: the sentence of highest mean word probability, then those
 * words' probabilities squared, until the budget is full
 * (select/sumbasic.c). */
size_t select_sumbasic(const precis_cluster *c, const represent *r, const method *m,
                       const double *scores, budget *b, arena *a, uint32_t *chosen);

/* Put chosen sentences in reading order (order/position.c); -1 when
 * memory runs out. */
int order_by_position(const precis_cluster *c, uint32_t *chosen, size_t n, arena *a);

/* For each chosen sentence, print the copy of its near-duplicate group that
 * best stands on its own, if the budget allows (select/variant.c); only for
 * methods with keep_context. Updates chosen and the budget's counts; 0,
 * or -1 if memory runs out (the numbers of copies are read in scratch). */
int choose_variants(const precis_cluster *c, const represent *r, const method *m, budget *b, uint32_t *chosen,
                    size_t n, arena *scratch);

/* The first k of chosen[0..n) (in the order they were chosen) whose
 * sentence gives the same count of the same thing as one chosen before it
 * (select/repeats.c), among the first 200: -1 if none, -2 when memory
 * runs out. */
long summary_repeated_count(const precis_cluster *c, const represent *r, const uint32_t *chosen, size_t n,
                            arena *a);

#endif

/*
 * method: the table of summarization methods.
 *
 * A method is a sentence scorer plus how its scores are used by the
 * selector. Each scorer lives in its own file (score/<name>.c) and is
 * registered once in score/registry.c; the CLI's --method and `precis eval`
 * read that list, so a method added once appears everywhere.
 */
#ifndef PRECIS_METHOD_H
#define PRECIS_METHOD_H

#include "core/arena.h"
#include "model/cluster.h"
#include "model/represent.h"

/* Fill scores[0..c->nsents) (higher = better). a is scratch for the call.
 * Returns 0, or -1 when out of memory. */
typedef int (*score_fn)(const precis_cluster *c, const represent *r, arena *a, double *scores);

struct method;
struct budget;

/* Choose sentences under the budget; writes indices to chosen and returns
 * their count, or (size_t)-1 when out of memory. NULL in a method means
 * select_greedy (select/greedy.c). */
typedef size_t (*select_fn)(const precis_cluster *c, const represent *r, const struct method *m,
                            const double *scores, struct budget *b, arena *a, uint32_t *chosen);

/* The part of the cluster a method reads, when not all of it: sets *view
 * to a cluster made from c, which the caller frees, or to NULL to read c
 * itself. A view holds all of c's articles in c's order, each with a run
 * of its first sentences (a sentence's `pos` is its index in c's article),
 * and shares c's text: precis_summarize maps the chosen sentences back to
 * c by article and position, and attributes them in c (model/clip.h makes
 * such views). has_query says whether the summary answers a query that
 * names something in c. Returns 0, or -1 when out of memory (*view NULL).
 * NULL in a method: all of c. */
typedef int (*view_fn)(const precis_cluster *c, int has_query, precis_cluster **view);

/* The name of the method that does the work on c, for a method that hands
 * clusters to others (the default): "stepwise", "learned" or "coverage".
 * NULL in a method: the method itself. */
typedef const char *(*chosen_fn)(const precis_cluster *c, const represent *r);

typedef struct method {
    const char *name;
    const char *description;
    score_fn score;
    select_fn select;
    int avoid_redundancy;   /* selector skips near-duplicates of chosen sentences */
    int skip_fragments;     /* selector skips headlines, very short lines and questions
                             * (sentence_is_selectable, select/select.h) */
    int keep_context;       /* greedy selection takes a sentence that leans on the one
                             * before it (SENT_LEANS_BACK: "She said ...") only after that
                             * one; coverage and stepwise always do */
    view_fn view;
    chosen_fn chosen;
} method;

const method *method_find(const char *name);

/* The scorers (one file each). */
int score_lead(const precis_cluster *c, const represent *r, arena *a, double *scores);
int score_centroid(const precis_cluster *c, const represent *r, arena *a, double *scores);
int score_lexrank(const precis_cluster *c, const represent *r, arena *a, double *scores);
int score_textrank(const precis_cluster *c, const represent *r, arena *a, double *scores);
int score_default(const precis_cluster *c, const represent *r, arena *a, double *scores);
int score_learned(const precis_cluster *c, const represent *r, arena *a, double *scores);
/* SumBasic's first ratings: each sentence's mean word probability
 * (select/sumbasic.c, beside its selection). */
int score_sumbasic(const precis_cluster *c, const represent *r, arena *a, double *scores);

/* The default method (score/adaptive.c): the learned scorer and its
 * selection (select_learned) on clusters as short as its training
 * clusters (cluster_is_short says which), and on view_adaptive's openings
 * of a long cluster of a few articles without a query; concept coverage
 * on any other cluster. */
int cluster_is_short(const precis_cluster *c);
int score_adaptive(const precis_cluster *c, const represent *r, arena *a, double *scores);
size_t select_adaptive(const precis_cluster *c, const represent *r, const struct method *m,
                       const double *scores, struct budget *b, arena *a, uint32_t *chosen);
int view_adaptive(const precis_cluster *c, int has_query, precis_cluster **view);
const char *chosen_adaptive(const precis_cluster *c, const represent *r);

/* Stationary distribution of a row-normalised similarity graph (used by
 * lexrank and textrank): sim is n*n, damping d, into out. */
int pagerank(const double *sim, size_t n, double d, arena *a, double *out);

/* Weight of the edge between two distinct sentences (0: no edge). */
typedef double (*graph_edge)(const svec *x, const svec *y);

/* The graph scorers' common step (score/pagerank.c): PageRank with
 * damping 0.85 over the dense sentence graph whose edges weigh edge(),
 * each sentence's edge to itself weighing self. A cluster too large for
 * a graph is scored by the centroid (graph_too_large). Returns 0, or -1
 * when out of memory. */
int graph_scores(const precis_cluster *c, const represent *r, arena *a, double self, graph_edge edge,
                 double *scores);

/* Cosine of sentence i with the cluster centroid (score/centroid.c). */
double centroid_similarity(const represent *r, size_t i);

/* The graph scorers build a dense n x n graph. Above this many sentences
 * they score by the centroid instead (their first-order approximation)
 * rather than go quadratic in time and memory. */
#define GRAPH_MAX_SENTENCES 4000

/* If the cluster is too large for a graph, fill scores by the centroid and
 * return 1; else return 0. */
int graph_too_large(const precis_cluster *c, const represent *r, double *scores);

#endif

/*
 * represent: the vector view of a cluster that scorers and selectors share.
 *
 * Built once per summarize call: for each sentence a sparse TF-IDF vector
 * over its content terms (unit length), the cluster centroid, and the
 * near-duplicate groups that make cross-source support: a sentence that
 * three outlets carry almost word for word is one fact with support 3.
 */
#ifndef PRECIS_REPRESENT_H
#define PRECIS_REPRESENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/cluster.h"

typedef struct svec {
    uint32_t *term;   /* local term ids, ascending */
    float *w;         /* weights; the vector has unit length (or is empty) */
    uint32_t n;
} svec;

typedef struct represent {
    size_t n;             /* sentences, as in the cluster */
    svec *vec;
    double *centroid;     /* dense over local terms: mean of tf-idf (not normalised) */
    double centroid_norm;
    double *term_weight;  /* dense: cluster tf x background idf */
    uint32_t *group;      /* near-duplicate group: index of its first sentence */
    uint32_t *support;    /* distinct articles in the sentence's group */
    double *position;     /* 1 at the start of an article, falling with position */
    double *article_sim;  /* per article: cosine with the rest of the cluster's text */
    uint8_t *off_topic;   /* per article: 1 if it has almost nothing in common with the rest */
    uint8_t *query_term;  /* dense over local terms: 1 if the query uses the term */
    double *query_sim;    /* cosine of each sentence with the query (0 without one) */
    int has_query;
    /* Memo of the learned methods' sentence features (sfeat_rows,
     * score/features.h): *features is NULL until the first of them needs
     * the rows, so the scorer and the selector compute them once. They do
     * not depend on the query. */
    float **features;
} represent;

/* Build the representation into a (the caller's scratch arena). 0 or -1. */
int represent_build(const precis_cluster *c, arena *a, represent *r);

/* Mark the terms of a query and each sentence's similarity to it (call
 * after represent_build; the cluster is not changed). 0 or -1. */
int represent_query(const precis_cluster *c, const char *query, arena *a, represent *r);

/* Whether query names a content term that the cluster uses: what
 * represent_query's has_query will say. An empty query, one of stopwords
 * or one about nothing in the cluster is no query. */
int query_has_terms(const precis_cluster *c, const char *query);

/* Whether sentences i and j are near-duplicates themselves, as the groups
 * are built from: one's content terms nearly all in the other's, the
 * smaller at least half the larger. A group is the closure of that
 * relation, so two of its members need not be: one outlet's two sentences
 * meet in another outlet's one that joins them, and neither half says
 * what the other does. */
int represent_near_duplicates(const represent *r, uint32_t i, uint32_t j);

/* Cosine of two unit vectors. */
double svec_dot(const svec *x, const svec *y);

/* Share of the smaller sentence's content terms found in the other. */
double svec_containment(const svec *x, const svec *y);

/* Share of sentence x's own content terms found in y: how much of what x
 * says y carries. Unlike svec_containment it is measured against x, so a
 * short copy of x's first half covers half of x. */
double svec_coverage(const svec *x, const svec *y);

/* Whether near-duplicate j of sentence i stops short of it: j is cut off
 * by the end of its article or page, or is a caption or headline without
 * a final stop, and holds less than three quarters of i's content terms
 * ("Prosecutor Michael Dorcy said Tuesday that Rosa" for the whole
 * sentence). The near-duplicate relation is symmetric, so such a piece is
 * a copy of i, but its outlet's text never gets to the rest. */
int represent_stops_short(const precis_cluster *c, const represent *r, uint32_t i, uint32_t j);

#endif

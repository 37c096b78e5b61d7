/*
 * cluster: the in-memory form of one story that every stage after `read`
 * works on: its articles, their sentences (byte ranges into the article's
 * own text, so attribution is exact) and each sentence's term ids.
 *
 * Everything lives in the cluster's arena; freeing the cluster frees all.
 * Term ids are local to the cluster and dense (0..nterms-1), so stages can
 * use plain arrays indexed by term.
 */
#ifndef PRECIS_CLUSTER_H
#define PRECIS_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/u32map.h"
#include "model/engine.h"
#include "precis.h"

typedef struct article {
    const char *id;
    const char *text;        /* NUL-terminated copy of the input */
    uint32_t len;
    uint32_t first;          /* index of its first sentence */
    uint32_t count;          /* number of sentences */
} article;

typedef struct sentence {
    uint32_t article;        /* index into cluster.articles */
    uint32_t pos;            /* 0-based position among the article's sentences */
    uint32_t start, end;     /* bytes of the article's text */
    uint32_t flags;          /* SENT_* from text/segment.h */
    uint32_t words;          /* whitespace words, the unit of --words */
    uint32_t bytes;          /* bytes it renders to: white space collapsed, plus a newline */
    uint32_t *tok;           /* local term id of every token, in order */
    uint32_t ntok;
    uint32_t ncontent;       /* tokens that are not stopwords */
} sentence;

struct precis_cluster {
    precis_engine *engine;
    arena mem;
    const char *id;
    article *articles;
    size_t narticles, articles_cap;
    sentence *sents;
    size_t nsents, sents_cap;
    /* local term -> global term, stopword flag and background idf */
    uint32_t *term_global;
    uint8_t *term_stop;
    double *term_idf;
    size_t nterms, terms_cap;
    u32map local_of;         /* global -> local */
    size_t total_bytes;
    const char *query;       /* a query that came with the cluster (JSON Lines "query"), or NULL */
    const char **left_out;   /* ids of the articles given that had no story text (arena) */
    size_t nleft_out, left_out_cap;
};

/* Local id of a global term, adding it; UINT32_MAX when out of memory. */
uint32_t cluster_local_term(precis_cluster *c, uint32_t global);

#endif

/*
 * engine: what stays the same from one cluster to the next: the stemmer,
 * the stopword set, the term dictionary with background document
 * frequencies, and a cache from surface words to term ids so each distinct
 * word is stemmed once per engine, not once per occurrence.
 *
 * Term ids here are global to the engine; clusters renumber them densely.
 */
#ifndef PRECIS_ENGINE_H
#define PRECIS_ENGINE_H

#include <stdint.h>

#include "core/buf.h"
#include "core/pairmap.h"
#include "core/strmap.h"
#include "precis.h"
#include "text/stem.h"

/* Above this many cached surface forms the engine stops caching (and just
 * stems), so memory stays bounded on endless streams of new words. */
#define ENGINE_MAX_SURFACE_CACHE 2000000u

struct precis_engine {
    stemmer *stem;
    strmap stopwords;
    strmap terms;            /* stem -> global term id */
    uint32_t *df;            /* background document frequency per term id */
    uint8_t *term_stop;      /* 1 if the term comes from a stopword */
    float *keep;             /* log-odds that an article word with this term reaches
                                a human summary, relative to all words (0 = unknown) */
    float *oracle_keep;      /* log-odds that a sentence holding the term is in a ROUGE
                                oracle's summary, relative to all sentences (0 = unknown) */
    size_t terms_cap;
    /* The lexical model (score/lexicon.h): weights of a sentence's words,
     * of its first word and of its word pairs, from data/lexicon.tsv.zst. */
    float *lex_word, *lex_first;   /* per term id, 0 = none */
    pairmap lex_pair;              /* (term, term) -> weight */
    double lex_bias;
    /* The reference-length model in the same file (score/reflen.h): per
     * term id its idf and weight (0 = not in the model), and the weights
     * of the bias, the number of articles and the log of the words. */
    float *len_idf, *len_w;
    double len_bias, len_articles, len_words;
    int lex_loaded;                /* loaded on first use: engine_lexicon */
    double bg_docs;          /* documents behind df */
    strmap surface;          /* normalised word -> surface id */
    uint32_t *surface_term;  /* surface id -> global term id */
    size_t surface_cap;
    strmap boilerplate;      /* boilerplate sentence keys (clean/boilerplate.h) */
    buf scratch;
    /* The parsed models of the learned scorer and of stepwise selection,
     * made on first use (scorer_model_cached, score/learned.c) and freed
     * with the engine through model_free. */
    void *learned, *stepper;
    void (*model_free)(void *);
};

/* Global term id of a normalised word (stemmed, stopword flag set); or
 * STRMAP_NONE when memory runs out. */
uint32_t engine_term(precis_engine *e, const char *word, size_t len);

/* Inverse document frequency of a global term against the background. */
double engine_idf(const precis_engine *e, uint32_t term);

/* Load the summary-worthiness table: "#rate HITS OCCURRENCES" then
 * "stem<TAB>occurrences<TAB>hits" lines (tools/build_keep.c), replacing
 * what was there. 0 or -1. */
int engine_load_keep(precis_engine *e, const char *text, size_t len);

/* Put back the table shipped in the library (data/keep.tsv.zst) after
 * engine_load_keep gave another, as the trainer does. 0 or -1. */
int engine_load_shipped_keep(precis_engine *e);

/* Load the oracle table, in the same form (written by tools/train_scorer.c
 * from Multi-News training clusters), replacing what was there. 0 or -1. */
int engine_load_oracle_keep(precis_engine *e, const char *text, size_t len);

/* Load the lexical models: "#bias B", then "w<TAB>stem<TAB>weight",
 * "f<TAB>stem<TAB>weight" and "p<TAB>stem<TAB>stem<TAB>weight" lines; and
 * the reference-length model's "#length BIAS ARTICLES WORDS" and
 * "l<TAB>stem<TAB>idf<TAB>weight" lines (tools/train_scorer.c), replacing
 * what was there. 0 or -1. */
int engine_load_lexicon(precis_engine *e, const char *text, size_t len);

/* Make sure the lexical model is loaded: the built-in table on the first
 * call, unless engine_load_lexicon gave one. Only the learned methods read
 * it, so engines that never score a sentence with them never parse it.
 * 0, or -1 when out of memory. */
int engine_lexicon(precis_engine *e);

/* Load a background table "#docs N" then "stem<TAB>df" lines. 0 or -1. */
int engine_load_background(precis_engine *e, const char *text, size_t len);

/* Load the boilerplate table: '#' comment lines, then "key<TAB>clusters"
 * lines (tools/build_boilerplate.c), adding to what is there. 0 or -1. */
int engine_load_boilerplate(precis_engine *e, const char *text, size_t len);

/* 1 if the sentence s[0..len) is on the boilerplate list. */
int engine_is_boilerplate(const precis_engine *e, const char *s, size_t len);

#endif

/*
 * features: what the learned scorer knows about each sentence.
 *
 * Every feature is a number computed from the cluster and its
 * representation alone (never from a reference), so the same code serves
 * training (tools/train_scorer.c) and summarizing (score/learned.c).
 * Features are bounded or slowly growing transforms (1/sqrt, log, shares,
 * ratios to the cluster's maximum) so that a model fitted on Multi-News's
 * short truncated articles still behaves on full-length newswire.
 *
 * The model (data/scorer.txt) names the features it uses, so adding a
 * feature at the end of the list keeps old model files valid.
 */
#ifndef PRECIS_SCORE_FEATURES_H
#define PRECIS_SCORE_FEATURES_H

#include <stddef.h>

#include "core/arena.h"
#include "model/cluster.h"
#include "model/represent.h"

enum {
    F_POS_INV,        /* 1/sqrt(1 + story position): lead sentences first */
    F_POS_FIRST,      /* first story sentence of its article */
    F_POS_SECOND,     /* second story sentence */
    F_POS_REL,        /* position / sentences in the article */
    F_ART_REL,        /* article index / articles */
    F_ART_FIRST,      /* from the first article */
    F_NART_LOG,       /* log(articles) */
    F_ART_WORDS_LOG,  /* log(1 + words in the article) */
    F_ART_SIM,        /* cosine of the article with the rest of the cluster */
    F_ART_SIM_REL,    /* the same over the cluster's best article */
    F_WORDS_LOG,      /* log(words) */
    F_FRAGMENT,       /* headline, dateline, short line */
    F_CENTROID,       /* cosine with the cluster centroid */
    F_CENTROID_REL,   /* the same over the cluster's maximum */
    F_REST_SIM,       /* cosine with the centroid of the other articles */
    F_REST_SIM_REL,   /* the same over the cluster's maximum */
    F_TW_SUM_REL,     /* cluster weight of its distinct terms, over the maximum */
    F_TW_MEAN_REL,    /* the same per token, over the maximum */
    F_UNI_OTHER,      /* mean share of the other articles using each content term */
    F_BI_OTHER,       /* mean share of the other articles using each bigram */
    F_BI_OTHER_LOG,   /* log(1 + the sum of those bigram shares) */
    F_SUPPORT_LOG,    /* log(outlets carrying it) */
    F_SUPPORT_REL,    /* (support - 1) / (articles - 1) */
    F_NUM_DENS,       /* share of words holding a digit */
    F_QUOTE,          /* holds a quotation mark */
    F_STOP_RATIO,     /* share of stopword tokens */
    F_LEAD_SIM,       /* best cosine with another article's first sentence */
    F_QUESTION,       /* ends with a question mark */
    F_GROUP_FIRST,    /* first copy of its near-duplicate group */
    F_IDF_MEAN,       /* mean background idf of its content terms / 10 */
    F_NSENTS_LOG,     /* log(sentences in the cluster) */
    F_DANGLING,       /* opens with a pronoun or connective (needs context) */
    F_OWN_LEAD_SIM,   /* cosine with its own article's first sentence */
    F_ART_FRAG,       /* share of fragments among the article's sentences */
    F_KEEP_MEAN,      /* mean summary-worthiness of its content words (engine keep table) */
    F_KEEP_LOW,       /* share of its content words that summaries almost never use */
    F_KEEP_DEV,       /* keep_mean less the cluster's mean of it */
    F_ORACLE_KEEP,    /* mean over its content words of how often sentences holding
                         them are in an oracle summary (engine oracle_keep table) */
    F_ORACLE_KEEP_MAX, /* the highest of those */
    F_ORACLE_KEEP_MIN, /* the lowest of those */
    F_ART_WIRE,       /* its article opens with a news agency's mark, "( ap )": the
                         wire copy that Newser's editors most often rewrite */
    F_LEXICON,        /* the lexical model's log-odds for it (score/lexicon.h) */
    F_LEXICON_REL,    /* that less the cluster's highest */
    F_ART_WORDS_REL,  /* words in its article over the longest article's */
    F_ART_SHARE,      /* words in its article over the cluster's */
    F_REF_LENGTH,     /* the cluster's predicted log(1 + reference words) (score/reflen.h) */
    /* Context: how a candidate relates to the summary chosen so far. Zero
     * in sfeat_compute; filled per step by stepwise selection
     * (select/stepwise.c), whose model reads them beside the above. */
    F_CTX_PRIOR,      /* the sentence scorer's estimate */
    F_CTX_PRIOR_GAP,  /* that less the best remaining candidate's */
    F_CTX_MAX_SIM,    /* highest cosine with a chosen sentence */
    F_CTX_UNI_NEW,    /* share of its content terms no chosen sentence holds */
    F_CTX_BI_NEW,     /* share of its bigrams no chosen sentence holds */
    F_CTX_WORDS,      /* words chosen so far / the word budget */
    F_CTX_AFTER,      /* the same once it is added */
    F_CTX_STEP,       /* sentences chosen so far */
    F_CTX_SAME_ART,   /* chosen sentences from its article */
    F_CTX_PREV_IN,    /* the sentence before it in its article is chosen */
    F_CTX_MARGIN,     /* prior less the expected-F threshold (score/learned.c) */
    F_COUNT
};

/* Short name of feature k, as written in the model file; NULL if k is out
 * of range. */
const char *sfeat_name(int k);

/* Feature index of a name, or -1. */
int sfeat_find(const char *name, size_t len);

/* Fill x[i * F_COUNT + k] for every sentence i and feature k. a is scratch.
 * Returns 0, or -1 when out of memory. */
int sfeat_compute(const precis_cluster *c, const represent *r, arena *a, float *x);

/* The rows of sfeat_compute for c, computed into a on the first call for
 * this representation and remembered in r->features after that, so they
 * live as long as that arena (use one arena per cluster, as the
 * summarizer does). NULL when out of memory. */
const float *sfeat_rows(const precis_cluster *c, const represent *r, arena *a);

/* The model over the features (score/learned.c): an optional linear part
 * plus a sum of full binary trees, read from text of this form:
 *
 *   precis-scorer 1
 *   features K name1 ... nameK        the inputs, by name, in model order
 *   bias B
 *   linear w1 ... wK                  optional; applied to the raw features
 *   trees T D                         T trees of depth D, one per line:
 *   f thr f thr ... v v ...           2^D-1 splits in heap order (go left
 *                                     when x[f] <= thr), then 2^D leaves
 *
 * Lines starting with '#' are comments. */
typedef struct scorer_model scorer_model;

/* Parse a model; NULL when the text is malformed, names an unknown
 * feature, or memory runs out. Free with scorer_model_free. */
scorer_model *scorer_model_parse(const char *text, size_t len);
void scorer_model_free(scorer_model *m);

/* What a query adds to a sentence's learned score per unit of cosine with
 * it. The training data has no queries, so this is set by hand on the DUC
 * 2006 development topics, on the scale of the model's output. */
#define LEARNED_QUERY_WEIGHT 0.5

/* The engine's parsed copy of the embedded model file path (a data/ name),
 * parsed on first use into *slot, one of the engine's model slots, and
 * freed with the engine. NULL when it is missing or does not parse. */
const scorer_model *scorer_model_cached(precis_engine *e, const char *path, void **slot);

/* Score of one sentence's features x[0..F_COUNT). */
double scorer_model_predict(const scorer_model *m, const float *x);

/* The same sum, walking the trees one by one whatever the processor; for
 * the tests that hold the wide walk (score/treelanes.h) to it. */
double scorer_model_predict_portable(const scorer_model *m, const float *x);

#endif

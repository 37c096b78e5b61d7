/*
 * rouge_int.h: what the files of src/rouge/ share and nobody else needs:
 * the scorer and document structs, the lexicon (WordNet exceptions and
 * stopwords) and the scratch memory the counting loops reuse.
 */
#ifndef PRECIS_ROUGE_INT_H
#define PRECIS_ROUGE_INT_H

#include "core/strmap.h"
#include "rouge/rouge.h"

/* Perl's \s on bytes: space, \t, \n, \r, \f, \v. Bytes >= 0x80 are not. */
static inline bool rouge_is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline bool rouge_is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* WordNet exceptions and SMART stopwords, read from the embedded data. */
typedef struct rouge_lexicon {
    strmap exc_keys;         /* inflected form -> index into exc_vals */
    char **exc_vals;
    strmap stopwords;
} rouge_lexicon;

precis_status rouge_lexicon_load(rouge_lexicon *lx, precis_error *err);
void rouge_lexicon_free(rouge_lexicon *lx);

/* A token list: ids into the scorer's vocabulary. */
typedef struct rouge_toks {
    uint32_t *ids;
    size_t n, cap;
} rouge_toks;

/* Sentences as offsets into one token array. */
typedef struct rouge_sents {
    rouge_toks toks;
    size_t *start;           /* sentence i is toks.ids[start[i] .. start[i+1]) */
    size_t n, cap;
} rouge_sents;

struct rouge_doc {
    rouge_toks flat;         /* ROUGE-N/S and the unigram budgets of L/W */
    rouge_sents sents;       /* ROUGE-L/W sentence lists (with the -b bug) */
    rouge_sents lsum;        /* ROUGE-Lsum sentences (always the correct cut) */
    bool warn_empty;
};

/* Open-addressing map from (level, 64-bit key) to dense ids 0, 1, 2, ...;
 * cleared in O(1) by bumping a generation. Used to count n-grams exactly. */
typedef struct rouge_gmap {
    uint64_t *keys;
    uint32_t *gens, *vals, *levels;
    size_t cap, count;
    uint32_t gen;
} rouge_gmap;

#define ROUGE_DROP UINT32_MAX

/* One distinct peer gram of a comparison: its exact 64-bit key, how often
 * the peer has it, and how often the current model has matched it. */
typedef struct rouge_gslot {
    uint64_t key;            /* UINT64_MAX = empty */
    uint32_t peer, model;
} rouge_gslot;

/* Raw token -> final id (or ROUGE_DROP): the hottest lookup, so one slot
 * holds the hash, the answer and where the key's bytes are. */
typedef struct rouge_tokslot {
    uint64_t hash;           /* 0 = empty */
    uint32_t len, id;
    union {
        char inl[16];        /* keys of up to 16 bytes, zero-padded */
        uint32_t off;        /* longer keys: offset into the pool */
    } key;
} rouge_tokslot;

typedef struct rouge_tokcache {
    rouge_tokslot *slots;
    size_t cap, count;
    char *pool;
    size_t pool_len, pool_cap;
} rouge_tokcache;

/* Scratch of the plain LCS (rouge_lcs.c). Peer words get local ids
 * 0 .. nloc-1 once per comparison; tmark/tslot map a local id to its mask
 * in the current peer sentence (valid while tmark equals tstamp). */
typedef struct rouge_lcs_scratch {
    uint32_t *ploc;          /* local id of each peer sentence token */
    uint32_t *tmark, *tslot;
    uint32_t tstamp;
    uint32_t *spos, *sloc;   /* model positions whose word the peer has, its local id */
    size_t *sstart;          /* model sentence s owns spos[sstart[s] .. sstart[s+1]) */
    uint32_t *rslot;         /* mask slot of each kept LCS row */
    size_t ploc_cap, tcap, scap, sstart_cap, rslot_cap;
} rouge_lcs_scratch;

struct rouge_scorer {
    rouge_options opt;
    rouge_metric metrics[ROUGE_MAX_METRICS];
    size_t nmetrics;
    rouge_lexicon lex;
    rouge_tokcache raw;      /* raw token -> final id */
    strmap vocab;            /* final tokens */
    char *word;              /* stemming buffer */
    size_t word_cap;
    /* counting scratch: gram keys, the peer's gram table, and the ids of
     * the prefixes of n-grams for n >= 3 */
    rouge_gmap gm;
    uint32_t *gram_ids;
    size_t gram_ids_cap;
    uint64_t *keys_peer, *keys_model;
    size_t keys_peer_cap, keys_model_cap;
    rouge_gslot *gs;
    size_t gs_cap, gs_alloc; /* slots in use now (a power of two), allocated */
    unsigned gs_shift;
    uint32_t *gs_used, *touched;
    size_t gs_used_cap, touched_cap;
    unsigned char *in, *in_peer; /* per token: do the peer and a model share it? */
    size_t in_cap, in_peer_cap;
    /* LCS scratch, indexed by vocabulary id or table cell */
    uint32_t *bud_model, *bud_peer, *seen, *slot_of;
    uint64_t *pm, *vrows;    /* bit-parallel LCS: match masks, row vectors */
    size_t pm_cap, vrows_cap;
    size_t vocab_cap;
    uint32_t stamp;
    unsigned char *dir, *mask;
    size_t dir_cap, mask_cap;
    int *row_a, *row_b;
    double *wrow_a, *wrow_b;
    int *krow_a, *krow_b;
    size_t row_cap;
    uint32_t *rows;          /* model positions kept for the LCS table */
    size_t rows_cap;
    rouge_lcs_scratch ls;
    /* per-model results of one comparison */
    double *m_hit, *m_count;
    const rouge_toks **m_toks;
    size_t m_cap;
    /* in-memory pairs for rouge_scorer_average */
    char **ids;
    rouge_score *scores;     /* npairs * nmetrics */
    size_t npairs, pairs_cap;
};

/* Text (rouge_text.c): read one summary into d. */
precis_status rouge_text_read(rouge_scorer *sc, const char *bytes, size_t len, rouge_format fmt,
                              rouge_doc *d, precis_error *err);
void rouge_doc_clear(rouge_doc *d);

/* Map a normalised raw token (a run of [a-z0-9]) to its final id, or ROUGE_DROP. */
uint32_t rouge_token_id(rouge_scorer *sc, const char *tok, size_t len);

void rouge_tokcache_free(rouge_tokcache *c);

/* Grow the vocabulary-indexed scratch to the current vocabulary size. */
int rouge_vocab_scratch(rouge_scorer *sc);

/* N-gram and skip-bigram counts (rouge_ngram.c). hits[k], model[k] for each model k. */
int rouge_count_ngrams(rouge_scorer *sc, const rouge_toks *peer, const rouge_toks *const *models,
                       size_t nmodels, int n, double *hits, double *mcount, double *pcount);
int rouge_count_skip(rouge_scorer *sc, const rouge_toks *peer, const rouge_toks *const *models,
                     size_t nmodels, long dist, bool unigrams, double *hits, double *mcount,
                     double *pcount);
void rouge_gmap_free(rouge_gmap *g);

/* LCS (rouge_lcs.c): per-model hits and bases. weight == 0 for ROUGE-L. */
int rouge_count_lcs(rouge_scorer *sc, const rouge_doc *peer, const rouge_doc *const *models,
                    size_t nmodels, double weight, bool lsum, double *hits, double *bases);

/* Add a peer (peer = true) or model to one evaluation (rouge_evalset.c). */
precis_status rouge_eval_entry(rouge_eval *e, bool peer, const char *id, const char *path,
                               const char *text, size_t len, precis_error *err);

/* rouge_bootstrap() for nsets metrics over the same instances at once:
 * vals holds 3 * nsets values per instance (metric k at 3k .. 3k+2), and
 * out[k] is what rouge_bootstrap() gives for metric k alone. */
void rouge_bootstrap_sets(const double *vals, size_t n, size_t nsets, const rouge_options *o,
                          rouge_average *out);

/* Round like sprintf("%7.5f") then read back, as Perl's strings do. */
double rouge_round5(double v);

#endif

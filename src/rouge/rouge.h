/*
 * rouge.h: a ROUGE evaluator that reproduces ROUGE-1.5.5 byte for byte.
 *
 * The behaviour follows shared/rouge-vectors/README.md (tokenisation, -l/-b
 * cutting with the sentence-list bug of -b, the Porter variant with its
 * modified step 4, WordNet exceptions, ROUGE-N/L/W/S/SU, -f A/B pooling,
 * rounding to 5 decimals, and the drand48 bootstrap).
 *
 * Two ways in:
 *
 *  - In memory (what `precis eval` uses):
 *
 *        rouge_options o;  rouge_options_init(&o);  o.max_n = 2; o.stem = true;
 *        rouge_scorer *sc; rouge_scorer_new(&o, &sc, &err);
 *        rouge_scorer_add(sc, "d1", peer_text, refs, nrefs, scores, &err);  per pair
 *        rouge_scorer_average(sc, metric, &avg, &err);                      per metric
 *        rouge_scorer_free(sc);
 *
 *    Texts are C strings; lines separated by '\n' are SPL sentences.
 *
 *  - A set of evaluations (ROUGE's XML settings file, a -z file list, or
 *    the CLI's simple and JSON Lines modes), run and printed exactly as the
 *    Perl script prints: rouge_evalset_* and rouge_report_run().
 *
 * There is no global mutable state: the WordNet table, stopwords and all
 * scratch memory belong to a scorer. A scorer is not thread-safe; use one
 * per thread.
 */
#ifndef PRECIS_ROUGE_H
#define PRECIS_ROUGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "precis.h"

/* ---- Options ---------------------------------------------------------- */

/* How summary files are laid out (ROUGE's INPUT-FORMAT / -z). */
typedef enum rouge_format {
    ROUGE_FMT_SPL = 0, /* one sentence per line */
    ROUGE_FMT_SEE,     /* SEE HTML: <a name="N">[N]</a> <a href="#N" id=N>text</a> */
    ROUGE_FMT_ISI      /* <S SNTNO="N">text</S> */
} rouge_format;

#define ROUGE_LABEL_MAX 32

typedef struct rouge_options {
    int max_n;               /* -n: ROUGE-1 .. ROUGE-max_n; 0 = none */
    bool lcs;                /* ROUGE-L; true unless -x */
    bool lsum;               /* --lsum: ROUGE-Lsum as well */
    double weight;           /* -w: ROUGE-W weight; 0 = no ROUGE-W */
    bool skip;               /* -2 given: ROUGE-S/SU */
    long skip_distance;      /* -2 value; < 0 means no limit */
    bool skip_unigrams;      /* -u: count unigrams too (ROUGE-SU) */
    bool skip_both;          /* -U: ROUGE-S, then ROUGE-SU */
    bool stem;               /* -m */
    bool stopwords;          /* -s: remove SMART stopwords */
    long max_words;          /* -l; 0 = none */
    long max_bytes;          /* -b; 0 = none */
    char formula;            /* -f: 'A' pools all models, 'B' best model; others act as A */
    double alpha;            /* -p: F weight */
    double confidence;       /* -c */
    long resamples;          /* -r */
    int counting;            /* -t: 0 per unit, 1 corpus, 2 raw counts */
    /* Labels printed verbatim, as Perl prints the option strings; empty
     * means "derive from the number". */
    char weight_label[ROUGE_LABEL_MAX];
    char skip_label[ROUGE_LABEL_MAX];
    char confidence_label[ROUGE_LABEL_MAX];
} rouge_options;

/* ROUGE-1.5.5's defaults with no flags: ROUGE-L only, 95% CI, 1000
 * resamples, -f A, alpha 0.5, no stemming or stopword removal, no limit. */
void rouge_options_init(rouge_options *o);

/* ---- Metrics ---------------------------------------------------------- */

typedef enum rouge_kind { ROUGE_KIND_N, ROUGE_KIND_L, ROUGE_KIND_LSUM, ROUGE_KIND_W,
                          ROUGE_KIND_S } rouge_kind;

typedef struct rouge_metric {
    rouge_kind kind;
    int n;                   /* ROUGE-N: n */
    bool unigrams;           /* ROUGE-S: count unigrams (SU) */
    char name[64];           /* as printed: "ROUGE-2", "ROUGE-W-1.2", "ROUGE-SU4" */
} rouge_metric;

#define ROUGE_MAX_METRICS 40

/* The metrics options ask for, in the order ROUGE prints them: ROUGE-1..n,
 * L, Lsum, W, then S and/or SU. Returns how many (at most cap). */
size_t rouge_metrics_for(const rouge_options *o, rouge_metric *out, size_t cap);

/* One peer scored against the models of one evaluation, for one metric.
 * model/peer/hit are the pooled counts (-f A sums over models, -f B takes the
 * best model; ROUGE-W counts are weighted); r, p and f are rounded to five
 * decimals exactly as ROUGE prints them. */
typedef struct rouge_score {
    double model_count, peer_count, hit;
    double r, p, f;
} rouge_score;

/* Averages over instances: bootstrap means and confidence intervals (-t 0
 * and 1), or summed counts (-t 2 only fills the counts). */
typedef struct rouge_average {
    double r, p, f;
    double r_lo, r_hi, p_lo, p_hi, f_lo, f_hi;
    double model_count, peer_count, hit;
    size_t instances;
} rouge_average;

/* ---- Scorer ------------------------------------------------------------- */

typedef struct rouge_scorer rouge_scorer;
typedef struct rouge_doc rouge_doc;

/* Make a scorer (loads the embedded WordNet table and stopword list).
 * Fails with PRECIS_ERR_USAGE on inconsistent options (-l with -b, alpha
 * outside [0,1], ...). */
precis_status rouge_scorer_new(const rouge_options *o, rouge_scorer **out, precis_error *err);
void rouge_scorer_free(rouge_scorer *sc);

/* The scorer's options and metric list (valid while the scorer lives). */
const rouge_options *rouge_scorer_options(const rouge_scorer *sc);
size_t rouge_scorer_metrics(const rouge_scorer *sc, const rouge_metric **out);

/* Prepare one summary: read it as ROUGE reads a file (raw bytes, lowercase,
 * -l/-b cut, normalise, tokenise, stopwords, stem). `name` is only used in
 * messages. */
precis_status rouge_doc_new(rouge_scorer *sc, const char *bytes, size_t len, rouge_format fmt,
                            rouge_doc **out, precis_error *err);
void rouge_doc_free(rouge_doc *d);
/* True when ROUGE would warn "readText: ... -> empty text" (a length limit
 * is set and nothing was selected). */
bool rouge_doc_warns_empty(const rouge_doc *d);
/* Number of tokens ROUGE-1 sees (after stopwords and the first-character rule). */
size_t rouge_doc_tokens(const rouge_doc *d);

/* Score a prepared peer against prepared models: out[k] for each metric k
 * of rouge_scorer_metrics(). No allocation once scratch has grown. */
precis_status rouge_score_docs(rouge_scorer *sc, const rouge_doc *peer,
                               const rouge_doc *const *models, size_t nmodels,
                               rouge_score *out, precis_error *err);

/* In-memory pairs: score `peer` against `refs` (C strings, SPL) and keep
 * the result under `id` for rouge_scorer_average(). `out` (may be NULL)
 * receives one rouge_score per metric. Ids should be unique; they are sorted
 * as byte strings for the bootstrap, as ROUGE sorts "evalID.peerID". */
precis_status rouge_scorer_add(rouge_scorer *sc, const char *id, const char *peer,
                               const char *const *refs, size_t nrefs, rouge_score *out,
                               precis_error *err);
/* Number of pairs added so far. */
size_t rouge_scorer_count(const rouge_scorer *sc);
/* Bootstrap averages of metric k over all pairs added, as ROUGE computes them. */
precis_status rouge_scorer_average(const rouge_scorer *sc, size_t metric, rouge_average *out,
                                   precis_error *err);

/* ---- Building blocks (exposed for tests and precis eval) ---------------- */

/* ROUGE's Porter variant on a lowercase word: writes the stem to out (cap
 * bytes, NUL-terminated; needs len + 2) and returns its length. */
size_t rouge_porter(const char *word, size_t len, char *out, size_t cap);

/* What -m does to one normalised token: the WordNet exception if there is
 * one, else rouge_porter() into buf (cap >= len + 2); tokens of 3 bytes or
 * fewer are unchanged. Returns the stem (buf or a table string, not
 * NUL-terminated in general) and its length in *outlen; NULL if cap is short. */
const char *rouge_stem_token(const rouge_scorer *sc, const char *tok, size_t len, char *buf,
                             size_t cap, size_t *outlen);

/* Tokens ROUGE-1 would count for one SPL text under the scorer's options,
 * written space-separated into out (malloc'd; caller frees). */
precis_status rouge_tokens_string(rouge_scorer *sc, const char *text, char **out,
                                  precis_error *err);

/* Bootstrap as ROUGE-1.5.5 does it. vals[i] holds instance i's three
 * values (R, P, F for -t 0; model count, peer count, hit for -t 1) with
 * instances already sorted as byte strings by key. */
void rouge_bootstrap(const double (*vals)[3], size_t n, const rouge_options *o,
                     rouge_average *out);

/* ---- Evaluation sets ------------------------------------------------------ */

/* Where a summary comes from: a file, or an in-memory text when text is
 * not NULL (then path, if set, only names it in warnings). */
typedef struct rouge_source {
    char *path;
    char *text;
    size_t len;
} rouge_source;

typedef struct rouge_entry {
    char *id;
    rouge_source src;
    bool has_src;            /* a <P> with no file text is listed but missing */
} rouge_entry;

typedef struct rouge_eval {
    char *id;
    rouge_format format;
    bool has_format;
    rouge_entry *peers;  size_t npeers;
    rouge_entry *models; size_t nmodels;
} rouge_eval;

typedef struct rouge_evalset {
    rouge_eval *evals;  size_t nevals;
    char **peer_ids;    size_t npeer_ids;  /* every peer id seen, sorted as bytes */
} rouge_evalset;

/* Parse ROUGE's XML settings file (bytes of `path`); peer and model paths
 * become PEER-ROOT/file and MODEL-ROOT/file as the script builds them.
 * Errors carry the file name and line. */
precis_status rouge_settings_parse(const char *path, const char *xml, size_t len,
                                   rouge_evalset *out, precis_error *err);
/* Parse a -z file list ("peer model1 model2 ..." per line); the peer id is
 * system_id and the eval ids are 1, 2, ... */
precis_status rouge_filelist_parse(const char *path, const char *text, size_t len,
                                   rouge_format fmt, const char *system_id,
                                   rouge_evalset *out, precis_error *err);

/* Append an evaluation (the set takes copies of every string). */
precis_status rouge_evalset_add(rouge_evalset *set, const char *id, rouge_format fmt,
                                precis_error *err);
/* Add a peer or model to the last evaluation added; path or text (len bytes). */
precis_status rouge_evalset_peer(rouge_evalset *set, const char *id, const char *path,
                                 const char *text, size_t len, precis_error *err);
precis_status rouge_evalset_model(rouge_evalset *set, const char *id, const char *path,
                                  const char *text, size_t len, precis_error *err);
/* Recompute the sorted list of peer ids after adding by hand. */
precis_status rouge_evalset_finish(rouge_evalset *set, precis_error *err);
/* Leave-one-out: every evaluation with k >= 2 models becomes k evaluations
 * "ID-M" holding the other k-1 models; the system peers are scored in each,
 * and the left-out model is scored as peer "M" in its own. */
precis_status rouge_evalset_leave_one_out(const rouge_evalset *in, rouge_evalset *out,
                                          precis_error *err);
void rouge_evalset_free(rouge_evalset *set);

/* Run every metric for every peer (or only `peer_id` when not NULL) and
 * print ROUGE-1.5.5's stdout layout to out, with per-eval lines when
 * `details`. Warnings ("*ROUGE Warning: ...", "readText: ... -> empty
 * text") go to warn, in the script's order. */
precis_status rouge_report_run(rouge_scorer *sc, const rouge_evalset *set, const char *peer_id,
                               bool details, FILE *out, FILE *warn, precis_error *err);

#endif

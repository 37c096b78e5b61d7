/*
 * eval: run summarization methods over a dataset and score them with
 * ROUGE in one pass, so baselines, the oracle, published systems' outputs
 * and precis's own methods are measured side by side on the same data.
 *
 * Input lines: {"id", "docs": [...] | "a ||||| b", "refs": [...],
 * optional "ref_ids"}. Peers (DUC's participants): {"id", "system",
 * "summary"}, matched to a cluster whose id is the peer's id plus at most
 * one letter (DUC names topics D0601 in peers and D0601A in the data).
 */
#ifndef PRECIS_EVAL_H
#define PRECIS_EVAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "precis.h"
#include "rouge/rouge.h"

/* Methods that exist only for evaluation, beside precis_methods(). */
#define EVAL_ORACLE "oracle"
#define EVAL_FIRST3 "first3"

#define EVAL_MAX_ROWS 96

typedef struct eval_config {
    const char *data_path;
    const char *const *methods;    /* names: summarizer methods, "oracle", "first3" */
    size_t nmethods;
    size_t words;                  /* ROUGE's -l, and the summary budget by default */
    size_t summary_words;          /* budget given to the methods; 0 = words */
    const char *peers_path;        /* NULL: no peers */
    bool jackknife;                /* score against every k-1 subset of the k references */
    long limit;                    /* at most this many clusters; 0 = all */
    bool ignore_query;             /* generic summaries even where the data has a "query" */
    rouge_options rouge;           /* metrics and ROUGE flags (its max_words is set to words) */
    FILE *csv;                     /* per-cluster scores, or NULL */
    volatile sig_atomic_t *stop;   /* set (e.g. by SIGINT) to end early with what is done */
    void (*progress)(void *ctx, size_t done, size_t total);
    void *progress_ctx;
} eval_config;

typedef struct eval_row {
    char name[64];
    bool is_peer;
    size_t clusters;               /* clusters summarized (or peer summaries scored) */
    double seconds;                /* processor time spent building clusters and summarizing */
    rouge_average avg[ROUGE_MAX_METRICS];
} eval_row;

typedef struct eval_table {
    rouge_metric metrics[ROUGE_MAX_METRICS];
    size_t nmetrics;
    eval_row rows[EVAL_MAX_ROWS];
    size_t nrows;
    size_t clusters_read, clusters_skipped;
    size_t peers_skipped;          /* --peers lines that could not be used */
    bool interrupted;
} eval_table;

/* Run the evaluation. Bad lines are reported on stderr and skipped. */
precis_status eval_run(const eval_config *cfg, eval_table *out, precis_error *err);

/* Print the table: plain aligned text, or Markdown when markdown is true. */
void eval_table_print(const eval_table *t, bool markdown, FILE *out);

/* The oracle: greedy extractive upper bound, adding the sentence that most
 * raises ROUGE-1 + ROUGE-2 F against the references until none does or the
 * budget is full. Writes SPL text (malloc'd) to *text. */
precis_status eval_oracle(precis_cluster *c, rouge_scorer *sc, const char *const *refs, size_t nrefs,
                          size_t words, char **text, precis_error *err);

/* First-3 (Fabbri et al. 2019): the first three sentences of each article,
 * articles in order; ROUGE's -l cuts it at the budget. */
precis_status eval_first3(const precis_cluster *c, char **text, precis_error *err);

#endif

/*
 * train_scorer: fit the learned sentence scorer (data/scorer.txt) on the
 * Multi-News training clusters.
 *
 *   build/tools/train_scorer --cache /tmp/feats.bin \
 *       ../shared/data/multinews/train.jsonl.zst > data/scorer.txt   (make train)
 *
 * 0. With --oracle-keep (and --lexicon), the even training clusters give
 *    the tables the features read (the oracle-keep table, the lexical and
 *    length models; with --keep-train, the keep table too) and the odd ones
 *    everything below, so the trees learn what the tables are worth on
 *    clusters they were not made from. With --ship-all, once the trees
 *    are fitted, the tables written are made again from all of them.
 * 1. Every cluster is built with the library exactly as `precis summarize`
 *    builds it, and each sentence gets its features (score/features.c) and
 *    labels from ROUGE's own stemmed tokens (rouge_tokens_string) against
 *    the reference: unigram and bigram recall, precision and F of the
 *    sentence alone, and membership in a greedy ROUGE oracle summary.
 * 2. A model is fitted to one label: ridge regression (exact normal
 *    equations) or gradient-boosted regression trees of fixed depth on
 *    quantile bins, with a fixed-seed row sample per tree.
 * 3. Every K-th cluster (--holdout) is never trained on; the fitted model
 *    text is parsed back with the library's parser and the held-out
 *    clusters are summarized with it (greedy selection, 300 words) and
 *    scored with ROUGE beside the default and lead methods, so the number
 *    printed is the pipeline's, not a proxy's.
 *
 * Everything is deterministic: input order, a fixed-seed generator, no
 * threads. The model goes to standard output, the report to stderr.
 */
#include <errno.h>
#include <float.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/strmap.h"
#include "io/io.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "rouge/rouge.h"
#include "score/features.h"
#include "score/lexicon.h"
#include "score/reflen.h"
#include "score/method.h"
#include "select/select.h"
#include "select/stepwise.h"
#include "text/token.h"
#include "text/whitespace.h"

enum { SHIP_LENGTH = 1, SHIP_LEXICON = 2, SHIP_OKEEP = 4 };

enum { L_REC, L_F, L_PREC, L_ORACLE, L_ORANK, L_COUNT };
static const char *const label_names[L_COUNT] = {"rec", "f", "prec", "oracle", "orank"};

typedef struct options {
    const char *data, *cache, *out;
    long holdout;             /* every holdout-th cluster is held out */
    long limit;
    int label, center, gbdt;
    int trees, depth, bins, min_leaf;
    double rate, subsample, ridge;
    uint64_t seed;
    size_t eval_words;
    int coverage, shift;      /* study: concept-coverage selector; scores less the cluster minimum */
    double query_weight;      /* weight of the query similarity (LEARNED_QUERY_WEIGHT) */
    const char *eval_model;   /* evaluate this model file instead of training */
    const char *dev;          /* another data set to report on (e.g. DUC 2006) */
    size_t dev_words;
    int no_linear;            /* gbdt without a linear base */
    const char *oracle_keep;  /* write the oracle-keep table here (from half the training clusters) */
    const char *lexicon;      /* and fit the lexical model on the same half, written here */
    int parity;               /* -1: every training cluster; 0 / 1: even / odd ones only */
    unsigned long long drop;  /* features left out, as a bit set */
    const char *stepwise;     /* also fit the stepwise gain model and write it here */
    const char *stepwise_model; /* evaluate this stepwise model beside the scorer */
    double oracle_share;      /* stepwise training: share of steps that follow the oracle */
    int step_k;               /* stepwise: candidates weighed per step, best prior first */
    const char *step_policy;  /* stepwise training: walk by this stepwise model instead of greedy */
    int step_rounds;          /* stepwise training: rounds, each walking by the model of the one before */
    int step_folds;           /* stepwise training: priors from K scorers each fitted without the
                                 cluster (0: the shipped scorer's own, in-sample) */
    size_t step_words[4];     /* stepwise training: word budgets taken in turn, cluster by cluster
                                 (none given: eval_words for all) */
    int nstep_words;
    int ship_all;             /* SHIP_*: tables shipped made from all training clusters, not the even */
    double step_r2_weight;    /* stepwise label: gain in R-1 F + this x gain in R-2 F (default 1) */
    const char *keep_train;   /* the keep table the trees are fitted with (the even clusters'), in
                                 place of the shipped one (all clusters') until they are fitted */
} options;

/* ---- the training rows ------------------------------------------------- */

typedef struct dataset {
    float *x;                 /* rows * F_COUNT */
    float *y;                 /* rows * L_COUNT */
    uint32_t *cluster_start;  /* clusters + 1 */
    size_t rows, rows_cap, clusters, clusters_cap;
} dataset;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "train_scorer: out of memory\n");
        exit(1);
    }
    return q;
}

static void dataset_reserve(dataset *d, size_t extra)
{
    if (d->rows + extra > d->rows_cap) {
        while (d->rows + extra > d->rows_cap)
            d->rows_cap = d->rows_cap ? d->rows_cap * 2 : 1 << 16;
        d->x = xrealloc(d->x, d->rows_cap * F_COUNT * sizeof *d->x);
        d->y = xrealloc(d->y, d->rows_cap * L_COUNT * sizeof *d->y);
    }
    if (d->clusters + 2 > d->clusters_cap) {
        d->clusters_cap = d->clusters_cap ? d->clusters_cap * 2 : 4096;
        d->cluster_start = xrealloc(d->cluster_start, d->clusters_cap * sizeof *d->cluster_start);
    }
}

/* ---- labels: a sentence's ROUGE against the reference ----------------- */

/* Interned ROUGE unigrams and bigrams of a text (bigram keys are 8 bytes). */
typedef struct grams {
    uint32_t *id;
    size_t nuni, nbi;
} grams;

static int text_grams(rouge_scorer *sc, strmap *dict, const char *text, grams *g)
{
    char *toks;
    precis_error err;
    g->nuni = g->nbi = 0;
    if (rouge_tokens_string(sc, text, &toks, &err) != PRECIS_OK)
        return -1;
    size_t cap = strlen(toks) + 2;
    uint32_t *uni = xrealloc(NULL, cap * sizeof *uni);
    for (char *p = toks; *p;) {
        char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n)
            uni[g->nuni++] = strmap_intern(dict, p, n);
        p += n + (e != NULL);
    }
    g->id = xrealloc(NULL, (2 * g->nuni + 1) * sizeof *g->id);
    memcpy(g->id, uni, g->nuni * sizeof *uni);
    for (size_t i = 0; i + 1 < g->nuni; i++) {
        uint32_t key[2] = {uni[i], uni[i + 1]};
        g->id[g->nuni + g->nbi++] = strmap_intern(dict, (const char *)key, sizeof key);
    }
    free(uni);
    free(toks);
    return 0;
}

/* Clipped hits of g against counts ref; peer counts what is already used. */
static void hits(const grams *g, const uint32_t *ref, uint32_t *peer, double *hu, double *hb)
{
    *hu = *hb = 0;
    for (size_t k = 0; k < g->nuni + g->nbi; k++) {
        uint32_t id = g->id[k];
        if (peer[id] < ref[id]) {
            if (k < g->nuni)
                *hu += 1;
            else
                *hb += 1;
        }
        peer[id]++;
    }
    for (size_t k = 0; k < g->nuni + g->nbi; k++)
        peer[g->id[k]]--;
}

static double f1(double hit, double model, double peer)
{
    if (hit <= 0 || model <= 0 || peer <= 0)
        return 0;
    double r = hit / model, p = hit / peer;
    return 2 * r * p / (r + p);
}

/* Greedy oracle: add the sentence that most raises R-1 F + R-2 F until
 * none does or the word budget is full; marks y[L_ORACLE], and y[L_ORANK]
 * by the order of choice (the first choice 1, the last about 0.5: what a
 * smaller budget would still have chosen weighs more). */
static void oracle_labels(const precis_cluster *c, const grams *sg, const grams *rg, const uint32_t *ref,
                          uint32_t *peer, size_t words, float *y)
{
    char *chosen = calloc(c->nsents + 1, 1);
    uint32_t *order = calloc(c->nsents + 1, sizeof *order), nchosen = 0;
    double hu = 0, hb = 0, pu = 0, pb = 0, best_total = 0;
    size_t used = 0;
    for (;;) {
        size_t best = (size_t)-1;
        double best_obj = best_total + 1e-9, bu = 0, bb = 0;
        for (size_t i = 0; i < c->nsents; i++) {
            if (chosen[i] || used + c->sents[i].words > words || sg[i].nuni == 0)
                continue;
            double du, db;
            hits(&sg[i], ref, peer, &du, &db);
            double obj = f1(hu + du, (double)rg->nuni, pu + sg[i].nuni) +
                         f1(hb + db, (double)rg->nbi, pb + sg[i].nbi);
            if (obj > best_obj) {
                best_obj = obj;
                best = i;
                bu = du;
                bb = db;
            }
        }
        if (best == (size_t)-1)
            break;
        chosen[best] = 1;
        order[best] = nchosen++;
        hu += bu;
        hb += bb;
        pu += sg[best].nuni;
        pb += sg[best].nbi;
        used += c->sents[best].words;
        best_total = best_obj;
        for (size_t k = 0; k < sg[best].nuni + sg[best].nbi; k++)
            peer[sg[best].id[k]]++;
    }
    for (size_t i = 0; i < c->nsents; i++) {
        y[i * L_COUNT + L_ORACLE] = chosen[i];
        y[i * L_COUNT + L_ORANK] = chosen[i] ? (float)(1.0 - 0.5 * order[i] / nchosen) : 0.0f;
    }
    free(order);
    free(chosen);
}

/* One sentence's text with white space collapsed, NUL-terminated. */
static const char *sentence_text(const precis_cluster *c, size_t i, buf *line)
{
    const sentence *s = &c->sents[i];
    buf_clear(line);
    if (buf_reserve(line, s->end - s->start + 1) != 0)
        exit(1);
    line->len = ws_collapse(c->articles[s->article].text, s->start, s->end, line->data);
    line->data[line->len] = '\0';
    return line->data;
}

/* A cluster's sentences and reference as ROUGE grams over one dictionary,
 * with the reference's counts and room for a summary's. */
typedef struct cluster_grams {
    strmap dict;
    grams ref_grams, *sent;   /* sent[i]: sentence i */
    uint32_t *ref, *peer;     /* per gram id: count in the reference, in the summary so far */
} cluster_grams;

static void cluster_grams_build(const precis_cluster *c, rouge_scorer *sc, const char *ref_text, cluster_grams *g)
{
    strmap_init(&g->dict);
    g->sent = calloc(c->nsents + 1, sizeof *g->sent);
    buf line = BUF_INIT;
    if (!g->sent || text_grams(sc, &g->dict, ref_text, &g->ref_grams) != 0)
        exit(1);
    for (size_t i = 0; i < c->nsents; i++)
        if (text_grams(sc, &g->dict, sentence_text(c, i, &line), &g->sent[i]) != 0)
            exit(1);
    g->ref = calloc(g->dict.count + 1, sizeof *g->ref);
    g->peer = calloc(g->dict.count + 1, sizeof *g->peer);
    if (!g->ref || !g->peer)
        exit(1);
    for (size_t k = 0; k < g->ref_grams.nuni + g->ref_grams.nbi; k++)
        g->ref[g->ref_grams.id[k]]++;
    buf_free(&line);
}

static void cluster_grams_free(const precis_cluster *c, cluster_grams *g)
{
    for (size_t i = 0; i < c->nsents; i++)
        free(g->sent[i].id);
    free(g->ref_grams.id);
    free(g->sent);
    free(g->ref);
    free(g->peer);
    strmap_free(&g->dict);
}

static void label_cluster(const precis_cluster *c, rouge_scorer *sc, const char *ref_text, float *y)
{
    cluster_grams g;
    cluster_grams_build(c, sc, ref_text, &g);
    const grams *rg = &g.ref_grams, *sg = g.sent;
    for (size_t i = 0; i < c->nsents; i++) {
        double hu, hb;
        hits(&sg[i], g.ref, g.peer, &hu, &hb);
        float *yi = y + i * L_COUNT;
        yi[L_REC] = (float)((rg->nuni ? hu / rg->nuni : 0) + (rg->nbi ? hb / rg->nbi : 0));
        yi[L_F] = (float)(f1(hu, (double)rg->nuni, (double)sg[i].nuni) + f1(hb, (double)rg->nbi, (double)sg[i].nbi));
        yi[L_PREC] = (float)((sg[i].nuni ? hu / sg[i].nuni : 0) + (sg[i].nbi ? hb / sg[i].nbi : 0));
    }
    oracle_labels(c, sg, rg, g.ref, g.peer, 300, y);
    cluster_grams_free(c, &g);
}

/* ---- reading the data ---------------------------------------------------- */

/* The references of a JSON line (malloc'd strings, at most cap); count. */
static size_t line_refs(const char *line, size_t len, char **out, size_t cap)
{
    json_error_t jerr;
    json_t *root = json_loadb(line, len, 0, &jerr);
    json_t *refs = root ? json_object_get(root, "refs") : NULL;
    size_t n = 0;
    for (size_t k = 0; k < json_array_size(refs) && n < cap; k++) {
        const char *r = json_string_value(json_array_get(refs, k));
        if (r)
            out[n++] = strdup(r);
    }
    json_decref(root);
    return n;
}

#define MAX_REFS 8

typedef void (*cluster_fn)(void *ctx, precis_cluster *c, char *const *refs, size_t nrefs);

/* Call fn on every cluster whose index passes the holdout filter: held
 * out ones when want_holdout, the rest otherwise; of the rest, only even
 * or odd indices when o->parity says so. */
static size_t each_cluster(const options *o, const char *path, precis_engine *eng, int want_holdout,
                           cluster_fn fn, void *ctx)
{
    line_reader *lr;
    precis_error err;
    if (line_reader_open(path, &lr, &err) != PRECIS_OK) {
        fprintf(stderr, "train_scorer: %s\n", err.message);
        exit(1);
    }
    buf line = BUF_INIT;
    size_t index = 0, used = 0;
    int rc;
    while ((rc = line_reader_next(lr, &line, &err)) == 1 && (o->limit == 0 || (long)index < o->limit)) {
        int held = o->holdout > 0 && index % (size_t)o->holdout == 0;
        index++;
        if (want_holdout >= 0 && held != want_holdout)
            continue;
        if (!held && o->parity >= 0 && (int)((index - 1) % 2) != o->parity)
            continue;
        char *refs[MAX_REFS];
        size_t nrefs = line_refs(line.data, line.len, refs, MAX_REFS);
        precis_cluster *c;
        char *id;
        if (nrefs && jsonl_cluster(eng, line.data, line.len, line_reader_lineno(lr), path, &c, &id, &err) ==
                         PRECIS_OK) {
            fn(ctx, c, refs, nrefs);
            used++;
            precis_cluster_free(c);
            free(id);
        }
        for (size_t k = 0; k < nrefs; k++)
            free(refs[k]);
        if (used % 5000 == 0 && used)
            fprintf(stderr, "\r  %zu clusters", used);
    }
    if (rc < 0)
        fprintf(stderr, "train_scorer: %s\n", err.message);
    fprintf(stderr, "\r");
    buf_free(&line);
    line_reader_close(lr);
    return used;
}

typedef struct extract_ctx {
    dataset *d;
    rouge_scorer *sc;
} extract_ctx;

static void extract_one(void *ctxp, precis_cluster *c, char *const *refs, size_t nrefs)
{
    extract_ctx *ctx = ctxp;
    dataset *d = ctx->d;
    arena scratch;
    arena_init(&scratch, 1 << 16);
    represent r;
    dataset_reserve(d, c->nsents);
    if (represent_build(c, &scratch, &r) != 0 || sfeat_compute(c, &r, &scratch, d->x + d->rows * F_COUNT) != 0)
        exit(1);
    label_cluster(c, ctx->sc, refs[0], d->y + d->rows * L_COUNT);
    d->cluster_start[d->clusters++] = (uint32_t)d->rows;
    d->rows += c->nsents;
    d->cluster_start[d->clusters] = (uint32_t)d->rows;
    arena_free(&scratch);
}

/* ---- the oracle-keep table ---------------------------------------------- */

/* Per stem: sentences holding it, and how many of those the oracle chose.
 * Built from one half of the training clusters (even indices) so that the
 * model, fitted on the other half, learns what the table is worth on
 * clusters it has not seen. */
typedef struct okeep_ctx {
    rouge_scorer *sc;
    double *sents, *chosen;   /* per global term id */
    size_t cap;
    double all_sents, all_chosen;
    uint32_t *seen;           /* per global term: last sentence stamp */
    uint32_t stamp;
    struct lex_rows *lex;     /* the lexical model's training rows, when asked for */
    struct len_rows *len;     /* the reference-length model's, with them */
} okeep_ctx;

static uint64_t rng_next(uint64_t *s);
static rouge_scorer *new_scorer(size_t max_words);

/* Write text to path, or exit with a message. */
static void write_text(const char *path, const buf *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fwrite(text->data, 1, text->len, f) != text->len || fclose(f) != 0) {
        fprintf(stderr, "train_scorer: cannot write %s\n", path);
        exit(1);
    }
}

/* ---- the lexical model (score/lexicon.h) ------------------------------- */

/* Every even-cluster sentence as the ids of its keys, with its label. */
typedef struct lex_rows {
    strmap keys;              /* 12-byte (kind, term, term) keys -> id */
    uint32_t *count;          /* per key id: occurrences */
    size_t count_cap;
    uint32_t *flat;           /* key ids of all sentences, in order */
    size_t nflat, flat_cap;
    uint32_t *start;          /* per sentence: offset into flat (nsent + 1) */
    float *label;
    size_t nsent, sent_cap;
} lex_rows;

static void lex_add_key(void *ctxp, int kind, uint32_t a, uint32_t b)
{
    lex_rows *L = ctxp;
    uint32_t key[3] = {(uint32_t)kind, a, b};
    uint32_t id = strmap_intern(&L->keys, (const char *)key, sizeof key);
    if (id == STRMAP_NONE)
        exit(1);
    if (id >= L->count_cap) {
        size_t cap = L->count_cap ? 2 * L->count_cap : 1 << 16;
        L->count = xrealloc(L->count, cap * sizeof *L->count);
        memset(L->count + L->count_cap, 0, (cap - L->count_cap) * sizeof *L->count);
        L->count_cap = cap;
    }
    L->count[id]++;
    if (L->nflat == L->flat_cap) {
        L->flat_cap = L->flat_cap ? 2 * L->flat_cap : 1 << 20;
        L->flat = xrealloc(L->flat, L->flat_cap * sizeof *L->flat);
    }
    if (L->nflat == UINT32_MAX) {
        fprintf(stderr, "train_scorer: too many lexicon keys\n");
        exit(1);
    }
    L->flat[L->nflat++] = id;
}

static void lex_add_sentence(lex_rows *L, const precis_cluster *c, const sentence *s, float label)
{
    if (L->nsent + 2 > L->sent_cap) {
        L->sent_cap = L->sent_cap ? 2 * L->sent_cap : 1 << 16;
        L->start = xrealloc(L->start, L->sent_cap * sizeof *L->start);
        L->label = xrealloc(L->label, L->sent_cap * sizeof *L->label);
    }
    if (L->nsent == 0)
        L->start[0] = 0;
    lexicon_keys(c, s, lex_add_key, L);
    L->label[L->nsent] = label;
    L->start[++L->nsent] = (uint32_t)L->nflat;
}

#define LEX_MIN_COUNT 30   /* keys seen fewer times get no weight (10: level, 3x the table) */
#define LEX_EPOCHS 3       /* 6: level */
#define LEX_RATE 0.05      /* AdaGrad step */
#define LEX_L2 1e-5

typedef struct lex_line {
    char *text;
} lex_line;

static int by_text(const void *a, const void *b)
{
    return strcmp(((const lex_line *)a)->text, ((const lex_line *)b)->text);
}

/* Logistic regression by AdaGrad over the rows, in a fixed-seed order;
 * the table (keys seen LEX_MIN_COUNT times, weights of at least 1e-3) is
 * written to o->lexicon and loaded into the engine. */
static void fit_lexicon(const options *o, precis_engine *eng, lex_rows *L, buf *text)
{
    size_t nk = L->keys.count;
    double *w = xrealloc(NULL, (nk + 1) * sizeof *w), *g2 = xrealloc(NULL, (nk + 1) * sizeof *g2);
    memset(w, 0, (nk + 1) * sizeof *w);
    memset(g2, 0, (nk + 1) * sizeof *g2);
    double pos = 0;
    for (size_t i = 0; i < L->nsent; i++)
        pos += L->label[i];
    double rate = (pos + 1) / (L->nsent + 2), bias = log(rate / (1 - rate)), gb2 = 0;
    uint32_t *order = xrealloc(NULL, (L->nsent + 1) * sizeof *order);
    for (size_t i = 0; i < L->nsent; i++)
        order[i] = (uint32_t)i;
    uint64_t seed = o->seed;
    for (size_t i = L->nsent; i > 1; i--) {
        size_t j = (size_t)(rng_next(&seed) % i);
        uint32_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    for (int epoch = 0; epoch < LEX_EPOCHS; epoch++) {
        double loss = 0;
        for (size_t r = 0; r < L->nsent; r++) {
            size_t i = order[r];
            uint32_t a = L->start[i], b = L->start[i + 1];
            if (a == b)
                continue;
            double scale = 1.0 / sqrt((double)(b - a)), z = bias;
            for (uint32_t k = a; k < b; k++)
                if (L->count[L->flat[k]] >= LEX_MIN_COUNT)
                    z += scale * w[L->flat[k]];
            double p = 1.0 / (1.0 + exp(-z)), y = L->label[i], grad = p - y;
            loss -= y > 0.5 ? log(p + 1e-12) : log(1 - p + 1e-12);
            gb2 += grad * grad;
            bias -= LEX_RATE * grad / sqrt(gb2 + 1e-8);
            for (uint32_t k = a; k < b; k++) {
                uint32_t id = L->flat[k];
                if (L->count[id] < LEX_MIN_COUNT)
                    continue;
                double g = grad * scale + LEX_L2 * w[id];
                g2[id] += g * g;
                w[id] -= LEX_RATE * g / sqrt(g2[id] + 1e-8);
            }
        }
        fprintf(stderr, "lexicon: epoch %d, log loss %.5f\n", epoch + 1, loss / (double)L->nsent);
    }
    lex_line *lines = xrealloc(NULL, (nk + 1) * sizeof *lines);
    size_t nl = 0;
    static const char kinds[3] = {'w', 'f', 'p'};
    for (size_t id = 0; id < nk; id++) {
        if (L->count[id] < LEX_MIN_COUNT || fabs(w[id]) < 1e-3)
            continue;
        uint32_t key[3];    /* the map's key bytes need not be aligned */
        memcpy(key, strmap_key(&L->keys, (uint32_t)id), sizeof key);
        buf line = BUF_INIT;
        int rc = key[0] == LEX_PAIR
                     ? buf_printf(&line, "p\t%s\t%s\t%.4f\n", strmap_key(&eng->terms, key[1]),
                                  strmap_key(&eng->terms, key[2]), w[id])
                     : buf_printf(&line, "%c\t%s\t%.4f\n", kinds[key[0]], strmap_key(&eng->terms, key[1]), w[id]);
        if (rc != 0)
            exit(1);
        lines[nl++].text = line.data;
    }
    qsort(lines, nl, sizeof *lines, by_text);
    if (buf_printf(text, "#bias %.6f\n", bias) != 0)
        exit(1);
    for (size_t k = 0; k < nl; k++) {
        if (buf_printf(text, "%s", lines[k].text) != 0)
            exit(1);
        free(lines[k].text);
    }
    fprintf(stderr, "lexicon: %zu sentences, %zu keys, %zu weights -> %s\n", L->nsent, nk, nl, o->lexicon);
    free(lines);
    free(order);
    free(w);
    free(g2);
}

/* ---- the reference-length model (score/reflen.h) ------------------------ */

/* Every even training cluster's terms and counts, with its reference's
 * length. */
typedef struct len_rows {
    uint32_t *term, *count;   /* all clusters' (term, count) pairs, in order */
    size_t npairs, pairs_cap;
    size_t *start;            /* per cluster: offset into term/count (n + 1) */
    double *articles, *log_words, *y;
    size_t n, cap;
} len_rows;

static void len_add_cluster(len_rows *R, const precis_cluster *c, const char *ref)
{
    arena a;
    arena_init(&a, 1 << 14);
    uint32_t *term, *count;
    size_t n;
    if (reflen_counts(c, &a, &term, &count, &n) != 0)
        exit(1);
    if (R->n + 2 > R->cap) {
        R->cap = R->cap ? 2 * R->cap : 1 << 14;
        R->start = xrealloc(R->start, R->cap * sizeof *R->start);
        R->articles = xrealloc(R->articles, R->cap * sizeof *R->articles);
        R->log_words = xrealloc(R->log_words, R->cap * sizeof *R->log_words);
        R->y = xrealloc(R->y, R->cap * sizeof *R->y);
    }
    while (R->npairs + n > R->pairs_cap) {
        R->pairs_cap = R->pairs_cap ? 2 * R->pairs_cap : 1 << 20;
        R->term = xrealloc(R->term, R->pairs_cap * sizeof *R->term);
        R->count = xrealloc(R->count, R->pairs_cap * sizeof *R->count);
    }
    if (R->n == 0)
        R->start[0] = 0;
    memcpy(R->term + R->npairs, term, n * sizeof *term);
    memcpy(R->count + R->npairs, count, n * sizeof *count);
    R->npairs += n;
    size_t words = count_words(ref, 0, strlen(ref)); /* as --words counts them */
    R->articles[R->n] = (double)c->narticles;
    R->log_words[R->n] = reflen_log_words(c);
    R->y[R->n] = log1p((double)words);
    R->start[++R->n] = R->npairs;
    arena_free(&a);
}

#define LEN_MIN_DF 10     /* terms in fewer training clusters are not in the model */
#define LEN_ALPHA 3.0     /* ridge penalty on the sum of squares (Python study: 1 / 3 / 10 alike) */
#define LEN_ITERATIONS 400

/* The rows as the model sees them: each cluster's tf-idf weights
 * (reflen_weigh) then its two dense inputs, at column nterms and nterms+1. */
typedef struct len_matrix {
    size_t *start;
    uint32_t *col;
    double *val;
    size_t n, ncols;
} len_matrix;

typedef struct len_fill {
    len_matrix *m;
    size_t k;
} len_fill;

static void len_put(void *ctx, uint32_t term, double x)
{
    len_fill *f = ctx;
    f->m->col[f->k] = term;
    f->m->val[f->k++] = x;
}

/* u = X v, centred (the intercept is fitted apart, unpenalised). */
static void len_times(const len_matrix *m, const double *mu, const double *v, double *u)
{
    double shift = 0;
    for (size_t j = 0; j < m->ncols; j++)
        shift += mu[j] * v[j];
    for (size_t i = 0; i < m->n; i++) {
        double s = -shift;
        for (size_t k = m->start[i]; k < m->start[i + 1]; k++)
            s += m->val[k] * v[m->col[k]];
        u[i] = s;
    }
}

/* v = X^T u (u centred, so the centring of X drops out). */
static void len_times_t(const len_matrix *m, const double *u, double *v)
{
    memset(v, 0, m->ncols * sizeof *v);
    for (size_t i = 0; i < m->n; i++)
        for (size_t k = m->start[i]; k < m->start[i + 1]; k++)
            v[m->col[k]] += m->val[k] * u[i];
}

static int by_stem(const void *a, const void *b, void *m);

/* Ridge regression of the log reference length by conjugate gradients on
 * the normal equations, a fixed number of steps (deterministic); its lines
 * are appended to text. The model is loaded with the lexicon afterwards. */
static void fit_reflen(precis_engine *eng, len_rows *R, buf *text)
{
    size_t nt = eng->terms.count;
    uint32_t *df = xrealloc(NULL, (nt + 1) * sizeof *df);
    memset(df, 0, (nt + 1) * sizeof *df);
    for (size_t k = 0; k < R->npairs; k++)
        df[R->term[k]]++;
    float *idf = xrealloc(NULL, (nt + 1) * sizeof *idf);
    size_t vocab = 0;
    for (size_t t = 0; t < nt; t++) {
        /* printed and read back as the engine will read it */
        idf[t] = df[t] >= LEN_MIN_DF ? (float)(round((log((R->n + 1.0) / (df[t] + 1.0)) + 1) * 1e4) / 1e4) : 0;
        vocab += idf[t] > 0;
    }
    len_matrix m = {xrealloc(NULL, (R->n + 1) * sizeof(size_t)), xrealloc(NULL, (R->npairs + 2 * R->n + 1) * sizeof(uint32_t)),
                    xrealloc(NULL, (R->npairs + 2 * R->n + 1) * sizeof(double)), R->n, nt + 2};
    len_fill f = {&m, 0};
    for (size_t i = 0; i < R->n; i++) {
        m.start[i] = f.k;
        reflen_weigh(R->term + R->start[i], R->count + R->start[i], R->start[i + 1] - R->start[i], idf, len_put, &f);
        len_put(&f, (uint32_t)nt, R->articles[i]);
        len_put(&f, (uint32_t)nt + 1, R->log_words[i]);
    }
    m.start[R->n] = f.k;
    size_t nc = m.ncols;
    double *mu = xrealloc(NULL, nc * sizeof *mu), *w = xrealloc(NULL, nc * sizeof *w);
    double *r = xrealloc(NULL, nc * sizeof *r), *p = xrealloc(NULL, nc * sizeof *p);
    double *ap = xrealloc(NULL, nc * sizeof *ap), *u = xrealloc(NULL, R->n * sizeof *u);
    memset(mu, 0, nc * sizeof *mu);
    memset(w, 0, nc * sizeof *w);
    for (size_t i = 0; i < R->n; i++)
        for (size_t k = m.start[i]; k < m.start[i + 1]; k++)
            mu[m.col[k]] += m.val[k] / (double)R->n;
    double ybar = 0;
    for (size_t i = 0; i < R->n; i++)
        ybar += R->y[i] / (double)R->n;
    for (size_t i = 0; i < R->n; i++)
        u[i] = R->y[i] - ybar;
    len_times_t(&m, u, r); /* r = X^T (y - ybar) - A 0 */
    memcpy(p, r, nc * sizeof *p);
    double rr = 0;
    for (size_t j = 0; j < nc; j++)
        rr += r[j] * r[j];
    for (int it = 0; it < LEN_ITERATIONS && rr > 1e-20; it++) {
        len_times(&m, mu, p, u);
        len_times_t(&m, u, ap);
        double pap = 0;
        for (size_t j = 0; j < nc; j++) {
            ap[j] += LEN_ALPHA * p[j];
            pap += p[j] * ap[j];
        }
        double step = rr / pap, rr_next = 0;
        for (size_t j = 0; j < nc; j++) {
            w[j] += step * p[j];
            r[j] -= step * ap[j];
            rr_next += r[j] * r[j];
        }
        for (size_t j = 0; j < nc; j++)
            p[j] = r[j] + rr_next / rr * p[j];
        rr = rr_next;
    }
    double bias = ybar;
    for (size_t j = 0; j < nc; j++)
        bias -= mu[j] * w[j];
    /* how well it fits its own clusters, for the log */
    double sse = 0, sst = 0;
    len_times(&m, mu, w, u);
    for (size_t i = 0; i < R->n; i++) {
        double e = R->y[i] - ybar - u[i];
        sse += e * e;
        sst += (R->y[i] - ybar) * (R->y[i] - ybar);
    }
    if (buf_printf(text, "#length %.6f %.6f %.6f\n", bias, w[nt], w[nt + 1]) != 0)
        exit(1);
    uint32_t *order = xrealloc(NULL, (vocab + 1) * sizeof *order);
    size_t nv = 0;
    for (uint32_t t = 0; t < nt; t++)
        if (idf[t] > 0)
            order[nv++] = t;
    qsort_r(order, nv, sizeof *order, by_stem, &eng->terms);
    for (size_t k = 0; k < nv; k++)
        if (buf_printf(text, "l\t%s\t%.4f\t%.6f\n", strmap_key(&eng->terms, order[k]), idf[order[k]], w[order[k]]) != 0)
            exit(1);
    fprintf(stderr, "reference length: %zu clusters, %zu terms, R^2 %.3f on them, residual %.2g\n", R->n, nv,
            sst > 0 ? 1 - sse / sst : 0, rr);
    free(order);
    free(df);
    free(idf);
    free(m.start);
    free(m.col);
    free(m.val);
    free(mu);
    free(w);
    free(r);
    free(p);
    free(ap);
    free(u);
}

static void okeep_grow(okeep_ctx *k, size_t n)
{
    if (n <= k->cap)
        return;
    size_t cap = k->cap ? k->cap : 1 << 16;
    while (cap < n)
        cap *= 2;
    k->sents = xrealloc(k->sents, cap * sizeof *k->sents);
    k->chosen = xrealloc(k->chosen, cap * sizeof *k->chosen);
    k->seen = xrealloc(k->seen, cap * sizeof *k->seen);
    memset(k->sents + k->cap, 0, (cap - k->cap) * sizeof *k->sents);
    memset(k->chosen + k->cap, 0, (cap - k->cap) * sizeof *k->chosen);
    memset(k->seen + k->cap, 0, (cap - k->cap) * sizeof *k->seen);
    k->cap = cap;
}

static void okeep_one(void *ctxp, precis_cluster *c, char *const *refs, size_t nrefs)
{
    (void)nrefs;
    okeep_ctx *k = ctxp;
    float *y = xrealloc(NULL, (c->nsents + 1) * L_COUNT * sizeof *y);
    label_cluster(c, k->sc, refs[0], y);
    okeep_grow(k, c->engine->terms.count + 1);
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        double in = y[i * L_COUNT + L_ORACLE];
        k->stamp++;
        k->all_sents += 1;
        k->all_chosen += in;
        if (k->lex)
            lex_add_sentence(k->lex, c, s, (float)in);
        for (uint32_t t = 0; t < s->ntok; t++) {
            uint32_t g = c->term_global[s->tok[t]];
            if (c->term_stop[s->tok[t]] || k->seen[g] == k->stamp)
                continue;
            k->seen[g] = k->stamp;
            k->sents[g] += 1;
            k->chosen[g] += in;
        }
    }
    if (k->len)
        len_add_cluster(k->len, c, refs[0]);
    free(y);
}

static int by_stem(const void *a, const void *b, void *m)
{
    const strmap *map = m;
    return strcmp(strmap_key(map, *(const uint32_t *)a), strmap_key(map, *(const uint32_t *)b));
}

/* The tables the features read, as counted and fitted on the even
 * training clusters; kept after the first fit so that they can be counted
 * and fitted again on every training cluster once the trees are done
 * (refit_tables_on_all). */
typedef struct tables {
    okeep_ctx keep;           /* the oracle-keep counts */
    lex_rows lex;             /* the lexical model's rows */
    len_rows len;             /* the length model's rows */
    buf lexicon;              /* the lexical model's lines, as last fitted */
} tables;

static void tables_free(tables *t)
{
    free(t->keep.sents);
    free(t->keep.chosen);
    free(t->keep.seen);
    strmap_free(&t->lex.keys);
    free(t->lex.count);
    free(t->lex.flat);
    free(t->lex.start);
    free(t->lex.label);
    buf_free(&t->lexicon);
    free(t->len.term);
    free(t->len.count);
    free(t->len.start);
    free(t->len.articles);
    free(t->len.log_words);
    free(t->len.y);
}

/* Fit the length model on t->len, write the lexical models' file (the
 * lexical model's lines, then the length model's) and load it. */
static void write_lexicon_file(const options *o, precis_engine *eng, tables *t)
{
    buf text = BUF_INIT;
    if (buf_append(&text, t->lexicon.data, t->lexicon.len) != 0)
        exit(1);
    fit_reflen(eng, &t->len, &text);
    write_text(o->lexicon, &text);
    if (engine_load_lexicon(eng, text.data, text.len) != 0)
        exit(1);
    buf_free(&text);
}

/* Write the oracle-keep table (stems in at least 20 sentences, sorted) to
 * o->oracle_keep and load it. */
static void write_oracle_keep(const options *o, precis_engine *eng, const okeep_ctx *k)
{
    uint32_t *order = xrealloc(NULL, (k->cap + 1) * sizeof *order);
    size_t kept = 0;
    for (uint32_t g = 0; g < k->cap && g < eng->terms.count; g++)
        if (k->sents[g] >= 20)
            order[kept++] = g;
    qsort_r(order, kept, sizeof *order, by_stem, &eng->terms);
    buf text = BUF_INIT;
    if (buf_printf(&text, "#rate %.0f %.0f\n", k->all_chosen, k->all_sents) != 0)
        exit(1);
    for (size_t j = 0; j < kept; j++)
        if (buf_printf(&text, "%s\t%.0f\t%.0f\n", strmap_key(&eng->terms, order[j]), k->sents[order[j]],
                       k->chosen[order[j]]) != 0)
            exit(1);
    write_text(o->oracle_keep, &text);
    if (engine_load_oracle_keep(eng, text.data, text.len) != 0)
        exit(1);
    fprintf(stderr, "oracle keep: %.0f sentences, %zu stems -> %s\n", k->all_sents, kept, o->oracle_keep);
    buf_free(&text);
    free(order);
}

/* Count on the even training clusters and write the oracle-keep table;
 * with o->lexicon, fit both lexical models on the same clusters. */
static void build_oracle_keep(const options *o, precis_engine *eng, rouge_scorer *sc, tables *t)
{
    strmap_init(&t->lex.keys);
    t->keep.sc = sc;
    t->keep.lex = o->lexicon ? &t->lex : NULL;
    t->keep.len = o->lexicon ? &t->len : NULL;
    options even = *o;
    even.parity = 0;
    size_t n = each_cluster(&even, o->data, eng, 0, okeep_one, &t->keep);
    fprintf(stderr, "even training clusters: %zu\n", n);
    if (o->lexicon) {
        fit_lexicon(o, eng, &t->lex, &t->lexicon);
        write_lexicon_file(o, eng, t);
    }
    write_oracle_keep(o, eng, &t->keep);
}

/* The trees have been fitted on the odd clusters with tables made from the
 * even ones, so they learned what the tables are worth on clusters they
 * were not made from, as they will be at run time; the tables shipped
 * (those o->ship_all names) are made from all of them, twice the data. */
static void length_one(void *ctxp, precis_cluster *c, char *const *refs, size_t nrefs)
{
    (void)nrefs;
    len_add_cluster(ctxp, c, refs[0]);
}

static void refit_tables_on_all(const options *o, precis_engine *eng, tables *t)
{
    options odd = *o;
    odd.parity = 1;
    if (o->ship_all & (SHIP_LEXICON | SHIP_OKEEP)) {
        /* the oracle labels are needed: one pass gives every table its rows */
        t->keep.lex = o->ship_all & SHIP_LEXICON ? &t->lex : NULL;
        t->keep.len = o->ship_all & SHIP_LENGTH ? &t->len : NULL;
        t->keep.sc = new_scorer(0); /* the first pass's is gone */
        each_cluster(&odd, o->data, eng, 0, okeep_one, &t->keep);
        rouge_scorer_free(t->keep.sc);
        t->keep.sc = NULL;
    } else {
        each_cluster(&odd, o->data, eng, 0, length_one, &t->len);
    }
    if (o->ship_all & SHIP_OKEEP)
        write_oracle_keep(o, eng, &t->keep);
    if (o->ship_all & SHIP_LEXICON) {
        buf_free(&t->lexicon);
        fit_lexicon(o, eng, &t->lex, &t->lexicon);
    }
    if (o->ship_all & (SHIP_LEXICON | SHIP_LENGTH))
        write_lexicon_file(o, eng, t);
}

static rouge_scorer *new_scorer(size_t max_words)
{
    rouge_options ro;
    rouge_options_init(&ro);
    ro.max_n = 2;
    ro.lcs = false;
    ro.stem = true;
    ro.skip = true;
    ro.skip_distance = 4;
    ro.skip_unigrams = true;
    ro.max_words = (long)max_words;
    rouge_scorer *sc;
    precis_error err;
    if (rouge_scorer_new(&ro, &sc, &err) != PRECIS_OK) {
        fprintf(stderr, "train_scorer: %s\n", err.message);
        exit(1);
    }
    return sc;
}

/* ---- the feature cache ---------------------------------------------------- */

#define CACHE_MAGIC 0x31535250u /* "PRS1" */

static int cache_load(const char *path, dataset *d)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    uint32_t head[4];
    if (fread(head, sizeof head, 1, f) != 1 || head[0] != CACHE_MAGIC || head[1] != F_COUNT ||
        head[2] != L_COUNT) {
        fclose(f);
        return -1;
    }
    uint64_t sizes[2];
    if (fread(sizes, sizeof sizes, 1, f) != 1) {
        fclose(f);
        return -1;
    }
    d->rows = d->rows_cap = sizes[0];
    d->clusters = sizes[1];
    d->clusters_cap = d->clusters + 2;
    d->x = xrealloc(NULL, d->rows * F_COUNT * sizeof *d->x);
    d->y = xrealloc(NULL, d->rows * L_COUNT * sizeof *d->y);
    d->cluster_start = xrealloc(NULL, d->clusters_cap * sizeof *d->cluster_start);
    int ok = fread(d->x, sizeof *d->x, d->rows * F_COUNT, f) == d->rows * F_COUNT &&
             fread(d->y, sizeof *d->y, d->rows * L_COUNT, f) == d->rows * L_COUNT &&
             fread(d->cluster_start, sizeof *d->cluster_start, d->clusters + 1, f) == d->clusters + 1;
    fclose(f);
    return ok ? 0 : -1;
}

static void cache_save(const char *path, const dataset *d)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "train_scorer: cannot write %s: %s\n", path, strerror(errno));
        return;
    }
    uint32_t head[4] = {CACHE_MAGIC, F_COUNT, L_COUNT, 0};
    uint64_t sizes[2] = {d->rows, d->clusters};
    fwrite(head, sizeof head, 1, f);
    fwrite(sizes, sizeof sizes, 1, f);
    fwrite(d->x, sizeof *d->x, d->rows * F_COUNT, f);
    fwrite(d->y, sizeof *d->y, d->rows * L_COUNT, f);
    fwrite(d->cluster_start, sizeof *d->cluster_start, d->clusters + 1, f);
    fclose(f);
}

/* ---- targets ------------------------------------------------------------ */

/* The chosen label per row, less its cluster's mean when centring (what
 * matters to a selector is the order within a cluster). */
static double *targets(const options *o, const dataset *d)
{
    double *t = xrealloc(NULL, d->rows * sizeof *t);
    for (size_t k = 0; k < d->clusters; k++) {
        size_t b = d->cluster_start[k], e = d->cluster_start[k + 1];
        double mean = 0;
        for (size_t i = b; i < e; i++)
            mean += d->y[i * L_COUNT + o->label];
        mean = e > b ? mean / (double)(e - b) : 0;
        for (size_t i = b; i < e; i++)
            t[i] = d->y[i * L_COUNT + o->label] - (o->center ? mean : 0);
    }
    return t;
}

/* ---- ridge regression ------------------------------------------------ */

/* Solve A w = b (A symmetric positive definite, n x n) by Cholesky. */
static int cholesky_solve(double *A, double *b, int n)
{
    for (int j = 0; j < n; j++) {
        double s = A[j * n + j];
        for (int k = 0; k < j; k++)
            s -= A[j * n + k] * A[j * n + k];
        if (s <= 0)
            return -1;
        A[j * n + j] = sqrt(s);
        for (int i = j + 1; i < n; i++) {
            double v = A[i * n + j];
            for (int k = 0; k < j; k++)
                v -= A[i * n + k] * A[j * n + k];
            A[i * n + j] = v / A[j * n + j];
        }
    }
    for (int i = 0; i < n; i++) {
        double v = b[i];
        for (int k = 0; k < i; k++)
            v -= A[i * n + k] * b[k];
        b[i] = v / A[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
        double v = b[i];
        for (int k = i + 1; k < n; k++)
            v -= A[k * n + i] * b[k];
        b[i] = v / A[i * n + i];
    }
    return 0;
}

/* Fit y ~ bias + w.x on standardised features; w and bias in raw units. */
static void fit_linear(const options *o, const dataset *d, const double *y, double *w, double *bias)
{
    enum { F = F_COUNT };
    double mean[F] = {0}, sd[F] = {0}, ymean = 0;
    size_t n = d->rows;
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < F; k++)
            mean[k] += d->x[i * F + k];
        ymean += y[i];
    }
    for (int k = 0; k < F; k++)
        mean[k] /= (double)n;
    ymean /= (double)n;
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < F; k++) {
            double v = d->x[i * F + k] - mean[k];
            sd[k] += v * v;
        }
    for (int k = 0; k < F; k++)
        sd[k] = sqrt(sd[k] / (double)n);
    static double A[F * F];
    double b[F] = {0};
    memset(A, 0, sizeof A);
    double z[F];
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < F; k++)
            z[k] = sd[k] > 1e-9 && !(o->drop >> k & 1) ? (d->x[i * F + k] - mean[k]) / sd[k] : 0;
        double yc = y[i] - ymean;
        for (int j = 0; j < F; j++) {
            if (z[j] == 0)
                continue;
            b[j] += z[j] * yc;
            for (int k = 0; k <= j; k++)
                A[j * F + k] += z[j] * z[k];
        }
    }
    for (int j = 0; j < F; j++) {
        for (int k = 0; k < j; k++)
            A[k * F + j] = A[j * F + k];
        A[j * F + j] += o->ridge * (double)n + 1e-9 * (double)n;
    }
    if (cholesky_solve(A, b, F) != 0) {
        fprintf(stderr, "train_scorer: singular system\n");
        exit(1);
    }
    *bias = ymean;
    for (int k = 0; k < F; k++) {
        w[k] = sd[k] > 1e-9 && !(o->drop >> k & 1) ? b[k] / sd[k] : 0;
        *bias -= w[k] * mean[k];
    }
}

/* ---- gradient-boosted trees ------------------------------------------ */

#define MAX_BINS 256

typedef struct binning {
    float thr[F_COUNT][MAX_BINS];   /* bin b holds x <= thr[b] (and > thr[b-1]) */
    int nthr[F_COUNT];
    uint8_t *bin;                   /* rows * F_COUNT */
} binning;

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

static void build_bins(const options *o, const dataset *d, binning *bn)
{
    size_t step = d->rows / 200000 + 1, ns = 0;
    float *sample = xrealloc(NULL, (d->rows / step + 1) * sizeof *sample);
    for (int k = 0; k < F_COUNT; k++) {
        ns = 0;
        for (size_t i = 0; i < d->rows; i += step)
            sample[ns++] = d->x[i * F_COUNT + k];
        qsort(sample, ns, sizeof *sample, cmp_float);
        int n = 0;
        for (int q = 1; q < o->bins; q++) {
            float v = sample[(size_t)((double)q / o->bins * (double)(ns - 1))];
            if (n == 0 || v > bn->thr[k][n - 1])
                bn->thr[k][n++] = v;
        }
        /* The top bin takes everything above the last threshold. */
        if (n > 0 && bn->thr[k][n - 1] >= sample[ns - 1])
            n--;
        bn->nthr[k] = n;
    }
    free(sample);
    bn->bin = xrealloc(NULL, d->rows * F_COUNT);
    for (size_t i = 0; i < d->rows; i++)
        for (int k = 0; k < F_COUNT; k++) {
            float v = d->x[i * F_COUNT + k];
            int lo = 0, hi = bn->nthr[k];   /* first b with v <= thr[b], else nthr */
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (v <= bn->thr[k][mid])
                    hi = mid;
                else
                    lo = mid + 1;
            }
            bn->bin[i * F_COUNT + k] = (uint8_t)lo;
        }
}

typedef struct tree {
    int feat[255];
    int bin[255];        /* go right when the row's bin > bin */
    float thr[255];
    double leaf[256];
} tree;

static uint64_t rng_next(uint64_t *s)
{
    /* splitmix64: small, fixed, good enough for row sampling */
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

typedef struct hist {
    double g;
    uint32_t n;
} hist;

/* Grow one full tree of depth o->depth on the residuals of the sampled rows. */
static void grow_tree(const options *o, const dataset *d, const binning *bn, const double *res,
                      const uint8_t *in_sample, uint32_t *node, tree *t)
{
    int inner = (1 << o->depth) - 1;
    hist *h = xrealloc(NULL, (size_t)(1 << (o->depth - 1)) * F_COUNT * MAX_BINS * sizeof *h);
    for (size_t i = 0; i < d->rows; i++)
        node[i] = 0;
    for (int level = 0; level < o->depth; level++) {
        int first = (1 << level) - 1, width = 1 << level;
        memset(h, 0, (size_t)width * F_COUNT * MAX_BINS * sizeof *h);
        for (size_t i = 0; i < d->rows; i++) {
            if (!in_sample[i])
                continue;
            hist *hn = h + (size_t)(node[i] - first) * F_COUNT * MAX_BINS;
            const uint8_t *b = bn->bin + i * F_COUNT;
            for (int k = 0; k < F_COUNT; k++) {
                hn[k * MAX_BINS + b[k]].g += res[i];
                hn[k * MAX_BINS + b[k]].n++;
            }
        }
        for (int w = 0; w < width; w++) {
            const hist *hn = h + (size_t)w * F_COUNT * MAX_BINS;
            double G = 0;
            uint32_t N = 0;
            for (int b = 0; b <= bn->nthr[0]; b++) {
                G += hn[b].g;
                N += hn[b].n;
            }
            double best = 1e-12, base = N ? G * G / N : 0;
            int bf = 0, bb = MAX_BINS;   /* no split: everything goes left */
            for (int k = 0; k < F_COUNT; k++) {
                if (o->drop >> k & 1)
                    continue;
                double gl = 0;
                uint32_t nl = 0;
                for (int b = 0; b < bn->nthr[k]; b++) {
                    gl += hn[k * MAX_BINS + b].g;
                    nl += hn[k * MAX_BINS + b].n;
                    uint32_t nr = N - nl;
                    if (nl < (uint32_t)o->min_leaf || nr < (uint32_t)o->min_leaf)
                        continue;
                    double gr = G - gl, gain = gl * gl / nl + gr * gr / nr - base;
                    if (gain > best) {
                        best = gain;
                        bf = k;
                        bb = b;
                    }
                }
            }
            int id = first + w;
            t->feat[id] = bf;
            t->bin[id] = bb;
            t->thr[id] = bb < MAX_BINS ? bn->thr[bf][bb] : 1e30f;
        }
        for (size_t i = 0; i < d->rows; i++) {
            uint32_t id = node[i];
            node[i] = 2 * id + 1 + (bn->bin[i * F_COUNT + t->feat[id]] > t->bin[id]);
        }
    }
    /* Leaves: the mean residual of the sampled rows, shrunk by the rate. */
    double *g = calloc((size_t)inner + 1, sizeof *g);
    uint32_t *n = calloc((size_t)inner + 1, sizeof *n);
    for (size_t i = 0; i < d->rows; i++)
        if (in_sample[i]) {
            g[node[i] - inner] += res[i];
            n[node[i] - inner]++;
        }
    for (int l = 0; l <= inner; l++)
        t->leaf[l] = n[l] ? o->rate * g[l] / n[l] : 0;
    free(g);
    free(n);
    free(h);
}

static void fit_gbdt(const options *o, const dataset *d, const double *y, double *w, double *bias, tree **out)
{
    binning *bn = calloc(1, sizeof *bn);
    build_bins(o, d, bn);
    double *pred = xrealloc(NULL, d->rows * sizeof *pred), *res = xrealloc(NULL, d->rows * sizeof *res);
    uint32_t *node = xrealloc(NULL, d->rows * sizeof *node);
    uint8_t *in_sample = xrealloc(NULL, d->rows);
    tree *trees = calloc((size_t)o->trees, sizeof *trees);
    /* Start from the ridge fit (or the mean), then boost its residuals. */
    if (o->no_linear) {
        double m = 0;
        for (size_t i = 0; i < d->rows; i++)
            m += y[i];
        *bias = m / (double)d->rows;
        memset(w, 0, F_COUNT * sizeof *w);
    } else {
        fit_linear(o, d, y, w, bias);
    }
    for (size_t i = 0; i < d->rows; i++) {
        pred[i] = *bias;
        for (int k = 0; k < F_COUNT; k++)
            pred[i] += w[k] * d->x[i * F_COUNT + k];
    }
    uint64_t rng = o->seed;
    for (int t = 0; t < o->trees; t++) {
        for (size_t i = 0; i < d->rows; i++) {
            res[i] = y[i] - pred[i];
            in_sample[i] = (double)(rng_next(&rng) >> 11) / 9007199254740992.0 < o->subsample;
        }
        grow_tree(o, d, bn, res, in_sample, node, &trees[t]);
        int inner = (1 << o->depth) - 1;
        double sse = 0;
        for (size_t i = 0; i < d->rows; i++) {
            pred[i] += trees[t].leaf[node[i] - inner];
            sse += (y[i] - pred[i]) * (y[i] - pred[i]);
        }
        if ((t + 1) % 25 == 0)
            fprintf(stderr, "  tree %d: train rmse %.5f\n", t + 1, sqrt(sse / (double)d->rows));
    }
    *out = trees;
    free(bn->bin);
    free(bn);
    free(pred);
    free(res);
    free(node);
    free(in_sample);
}

/* ---- writing the model ------------------------------------------------ */

static void write_model(const options *o, buf *out, const double *w, double bias, const tree *trees,
                        const dataset *d, const char *what)
{
    char tmp[512];
    snprintf(tmp, sizeof tmp,
             "# precis %s, written by tools/train_scorer.c (make train)\n"
             "# %zu training clusters, %zu %s; label %s%s; %s",
             what, d->clusters, d->rows, what[0] == 'l' ? "sentences" : "steps x candidates", what[0] == 'l' ? label_names[o->label] : "gain in R-1 F + R-2 F",
             o->center ? " (cluster-centred)" : "", o->gbdt ? "" : "ridge regression\n");
    buf_puts(out, tmp);
    if (o->gbdt) {
        snprintf(tmp, sizeof tmp, "%s%d boosted trees of depth %d, rate %g, subsample %g, seed %llu\n",
                 o->no_linear ? "" : "ridge base + ", o->trees, o->depth, o->rate, o->subsample,
                 (unsigned long long)o->seed);
        buf_puts(out, tmp);
    }
    snprintf(tmp, sizeof tmp, "precis-scorer 1\nfeatures %d", F_COUNT);
    buf_puts(out, tmp);
    for (int k = 0; k < F_COUNT; k++) {
        buf_puts(out, " ");
        buf_puts(out, sfeat_name(k));
    }
    snprintf(tmp, sizeof tmp, "\nbias %.9g\n", bias);
    buf_puts(out, tmp);
    if (!(o->gbdt && o->no_linear)) {
        buf_puts(out, "linear");
        for (int k = 0; k < F_COUNT; k++) {
            snprintf(tmp, sizeof tmp, " %.9g", w[k]);
            buf_puts(out, tmp);
        }
        buf_puts(out, "\n");
    }
    if (o->gbdt) {
        snprintf(tmp, sizeof tmp, "trees %d %d\n", o->trees, o->depth);
        buf_puts(out, tmp);
        int inner = (1 << o->depth) - 1;
        for (int t = 0; t < o->trees; t++) {
            for (int k = 0; k < inner; k++) {
                snprintf(tmp, sizeof tmp, "%s%d %.9g", k ? " " : "", trees[t].feat[k], trees[t].thr[k]);
                buf_puts(out, tmp);
            }
            for (int l = 0; l <= inner; l++) {
                snprintf(tmp, sizeof tmp, " %.6g", trees[t].leaf[l]);
                buf_puts(out, tmp);
            }
            buf_puts(out, "\n");
        }
    }
}

/* A model file, parsed; exits with a message when it cannot. */
static scorer_model *read_model(const char *path)
{
    buf text = BUF_INIT;
    precis_error err;
    if (io_read_file(path, &text, &err) != PRECIS_OK) {
        fprintf(stderr, "train_scorer: %s\n", err.message);
        exit(1);
    }
    scorer_model *m = scorer_model_parse(text.data, text.len);
    buf_free(&text);
    if (!m) {
        fprintf(stderr, "train_scorer: %s: not a model\n", path);
        exit(1);
    }
    return m;
}

/* ---- the stepwise gain model ------------------------------------------ */

/* Rows for the stepwise model: every (state, candidate) pair met while
 * building a summary of each training cluster, labelled with how much the
 * candidate would raise R-1 F + R-2 F against the reference. The states
 * come from a mix of two walks, chosen per step by the fixed-seed
 * generator: the oracle's best next sentence (good states) and the
 * scorer's greedy pick, or the pick of a stepwise model given as the
 * policy (the states the selector will really meet). Each
 * walk goes on until nothing fits, so the model also sees states where
 * every candidate lowers the score: that is how it learns to stop. */
typedef struct step_ctx {
    const options *o;
    const scorer_model *prior_model, *policy;
    scorer_model *const *folds; /* o->step_folds scorers: cluster k's prior from folds[k % K] */
    rouge_scorer *sc;
    dataset *d;
    double *gain;
    size_t gain_cap;
    uint64_t rng;
} step_ctx;

/* One row: candidate i's features in the current state, labelled with the
 * change in R-1 F + R-2 F it brings. Returns that change. */
static double step_row(step_ctx *ctx, const step_state *st, const float *x, uint32_t i, double best_prior,
                       const grams *si, const uint32_t *ref, uint32_t *peer, const grams *rg, double hu,
                       double hb, double pu, double pb, double fcur)
{
    dataset *d = ctx->d;
    dataset_reserve(d, 1);
    if (d->rows + 1 > ctx->gain_cap) {
        ctx->gain_cap = ctx->gain_cap ? 2 * ctx->gain_cap : 1 << 16;
        ctx->gain = xrealloc(ctx->gain, ctx->gain_cap * sizeof *ctx->gain);
    }
    float *row = d->x + d->rows * F_COUNT;
    memcpy(row, x + (size_t)i * F_COUNT, F_COUNT * sizeof *row);
    step_features(st, i, best_prior, row);
    memset(d->y + d->rows * L_COUNT, 0, L_COUNT * sizeof *d->y);
    double du, db;
    hits(si, ref, peer, &du, &db);
    double gain = f1(hu + du, (double)rg->nuni, pu + si->nuni) +
                  ctx->o->step_r2_weight * f1(hb + db, (double)rg->nbi, pb + si->nbi) - fcur;
    ctx->gain[d->rows++] = gain;
    return gain;
}

static void step_rows_one(void *ctxp, precis_cluster *c, char *const *refs, size_t nrefs)
{
    (void)nrefs;
    step_ctx *ctx = ctxp;
    dataset *d = ctx->d;
    dataset_reserve(d, 0);   /* room for this cluster's start even if it gives no rows */
    arena scratch;
    arena_init(&scratch, 1 << 16);
    represent r;
    size_t n = c->nsents;
    float *x = arena_alloc(&scratch, (n + 1) * F_COUNT * sizeof *x);
    double *prior = arena_alloc(&scratch, (n + 1) * sizeof *prior);
    /* With --oracle-keep (which --step-folds requires) the scorer's rows
     * were read from these same odd clusters in this order, so cluster k
     * is the one fold k % K was fitted without (fit_stepwise_round checks
     * the count). */
    const scorer_model *prior_model =
        ctx->folds ? ctx->folds[d->clusters % (size_t)ctx->o->step_folds] : ctx->prior_model;
    uint32_t *chosen = arena_alloc(&scratch, (n + 1) * sizeof *chosen);
    if (!x || !prior || !chosen || represent_build(c, &scratch, &r) != 0 || sfeat_compute(c, &r, &scratch, x) != 0)
        exit(1);
    for (size_t i = 0; i < n; i++)
        prior[i] = scorer_model_predict(prior_model, x + i * F_COUNT);
    cluster_grams g;
    cluster_grams_build(c, ctx->sc, refs[0], &g);
    const grams rg = g.ref_grams, *sg = g.sent;
    const uint32_t *ref = g.ref;
    uint32_t *peer = g.peer;
    /* The selector runs at any budget (precis summarize's default is 120
     * words): --step-words gives the walks budgets in turn. */
    size_t words = ctx->o->nstep_words ? ctx->o->step_words[d->clusters % (size_t)ctx->o->nstep_words]
                                       : ctx->o->eval_words;
    budget b = {words, 0, 0, 0, 0, 0};
    step_state st;
    if (step_init(&st, c, &r, prior, &b, chosen, &scratch) != 0)
        exit(1);
    double hu = 0, hb = 0, pu = 0, pb = 0, fcur = 0;
    d->cluster_start[d->clusters] = (uint32_t)d->rows;
    ranked *order = arena_alloc(&scratch, (n + 1) * sizeof *order);
    if (!order)
        exit(1);
    for (uint32_t i = 0; i < n; i++)
        order[i] = (ranked){prior[i], i};
    ranked_sort(order, n);
    for (;;) {
        double best_prior = -INFINITY;
        for (uint32_t i = 0; i < n; i++)
            if (step_candidate(&st, &b, i) && prior[i] > best_prior)
                best_prior = prior[i];
        if (best_prior == -INFINITY)
            break;
        size_t oracle = (size_t)-1, greedy = (size_t)-1, any = (size_t)-1, policy = (size_t)-1;
        double oracle_gain = -INFINITY, greedy_prior = -INFINITY, policy_value = 0;
        int weighed = 0, policy_weighed = 0, policy_lead = 0, pooled = 0;
        for (uint32_t k = 0; k < n && (weighed < ctx->o->step_k || (ctx->policy && policy_weighed < STEP_CANDIDATES));
             k++) {
            uint32_t i = order[k].index;
            pooled += sentence_is_selectable(&c->sents[i]);
            if (ctx->policy && policy_weighed < STEP_CANDIDATES && pooled <= STEP_POOL) {
                /* as the selector weighs, units included (select/stepwise.h) */
                int lead;
                double value = step_value(&st, ctx->policy, x, &b, i, best_prior, &lead);
                policy_weighed += value >= 0;
                if (value > policy_value) {
                    policy_value = value;
                    policy = i;
                    policy_lead = lead;
                }
            }
            if (weighed >= ctx->o->step_k || !step_candidate(&st, &b, i))
                continue;
            weighed++;
            double gain = step_row(ctx, &st, x, i, best_prior, &sg[i], ref, peer, &rg, hu, hb, pu, pb, fcur);
            const float *row = d->x + (d->rows - 1) * F_COUNT;
            if (gain > oracle_gain) {
                oracle_gain = gain;
                oracle = i;
            }
            if (prior[i] > greedy_prior && row[F_CTX_MAX_SIM] <= SELECT_REDUNDANCY) {
                greedy_prior = prior[i];
                greedy = i;
            }
            any = any == (size_t)-1 ? i : any;
        }
        if (any == (size_t)-1)
            break;
        int lead = 0;
        if (policy != (size_t)-1) {
            greedy = policy;
            lead = policy_lead;
        }
        int follow_oracle = (double)(rng_next(&ctx->rng) >> 11) / 9007199254740992.0 < ctx->o->oracle_share;
        size_t pick = follow_oracle || greedy == (size_t)-1 ? oracle : greedy;
        if (pick == (size_t)-1)
            pick = any;
        if (pick != greedy)
            lead = 0;
        for (size_t j = pick - (size_t)lead; j <= pick; j++) { /* a unit: first to last */
            /* The selector weighs a unit's later sentences in the states
             * met here, with the ones before them in: learn those too. */
            if (j > pick - (size_t)lead)
                step_row(ctx, &st, x, (uint32_t)j, best_prior, &sg[j], ref, peer, &rg, hu, hb, pu, pb, fcur);
            double du, db;
            hits(&sg[j], ref, peer, &du, &db);
            hu += du;
            hb += db;
            pu += sg[j].nuni;
            pb += sg[j].nbi;
            fcur = f1(hu, (double)rg.nuni, pu) + ctx->o->step_r2_weight * f1(hb, (double)rg.nbi, pb);
            for (size_t k = 0; k < sg[j].nuni + sg[j].nbi; k++)
                peer[sg[j].id[k]]++;
            if (step_take(&st, (uint32_t)j) != 0)
                exit(1);
            budget_take(&b, c->sents[j].words, sentence_bytes(c, &c->sents[j]));
        }
    }
    d->clusters++;
    d->cluster_start[d->clusters] = (uint32_t)d->rows;
    cluster_grams_free(c, &g);
    arena_free(&scratch);
}

/* One round of fitting the stepwise model on the training clusters the
 * scorer was fitted on, its walk following policy (greedy when NULL):
 * writes it to o->stepwise and returns it parsed. */
static scorer_model *fit_stepwise_round(const options *o, precis_engine *eng, const scorer_model *prior,
                                        scorer_model *const *folds, size_t scorer_clusters,
                                        const scorer_model *policy, int round)
{
    dataset d = {0};
    step_ctx ctx = {o, prior, policy, folds, new_scorer(0), &d, NULL, 0, o->seed};
    dataset_reserve(&d, 1);
    d.cluster_start[0] = 0;
    options rest = *o;
    rest.parity = 1;   /* the half the shipped scorer is fitted on */
    each_cluster(&rest, o->data, eng, 0, step_rows_one, &ctx);
    rouge_scorer_free(ctx.sc);
    if (folds && d.clusters != scorer_clusters) {
        fprintf(stderr, "train_scorer: the walk met %zu clusters, the scorer's folds %zu\n", d.clusters,
                scorer_clusters);
        exit(1);
    }
    fprintf(stderr, "stepwise, round %d of %d: %zu clusters, %zu candidate rows\n", round, o->step_rounds,
            d.clusters, d.rows);
    double w[F_COUNT] = {0}, bias = 0;
    tree *trees = NULL;
    fit_gbdt(o, &d, ctx.gain, w, &bias, &trees);
    buf text = BUF_INIT;
    char what[96];
    snprintf(what, sizeof what, "stepwise gain model (round %d of %d, walk by %s)", round, o->step_rounds,
             !policy ? "greedy" : round > 1 ? "the previous round's model" : "--step-policy");
    write_model(o, &text, w, bias, trees, &d, what);
    scorer_model *m = scorer_model_parse(text.data, text.len);
    FILE *out = fopen(o->stepwise, "w");
    if (!m || !out || fwrite(text.data, 1, text.len, out) != text.len || fclose(out) != 0) {
        fprintf(stderr, "train_scorer: cannot write the stepwise model\n");
        exit(1);
    }
    free(trees);
    free(ctx.gain);
    free(d.x);
    free(d.y);
    free(d.cluster_start);
    buf_free(&text);
    return m;
}

/* Fit the stepwise model in o->step_rounds rounds. The first round walks
 * by the scorer's greedy choice (or --step-policy), so its model learns
 * from states that the selector, which follows the model, does not quite
 * reach; each later round walks by the model of the round before, whose
 * states are the selector's own (DAgger, Ross et al. 2011, but fitted on
 * the last round's rows alone: keeping the earlier rounds' too scored
 * lower, RESULTS.md). */
static scorer_model *fit_stepwise(const options *o, precis_engine *eng, const scorer_model *prior,
                                  scorer_model *const *folds, size_t scorer_clusters)
{
    scorer_model *policy = o->step_policy ? read_model(o->step_policy) : NULL;
    for (int round = 1;; round++) {
        scorer_model *m = fit_stepwise_round(o, eng, prior, folds, scorer_clusters, policy, round);
        scorer_model_free(policy);
        if (round >= o->step_rounds)
            return m;
        policy = m;
    }
}

/* ---- held-out evaluation ---------------------------------------------- */

/* Baselines beside the fitted model: centrality (the first default; the
 * default itself now uses the embedded model on short clusters) and lead. */
enum { E_LEARNED, E_CENTRALITY, E_LEAD, E_STEPWISE, E_COUNT };
static const char *const eval_names[E_COUNT] = {"learned", "centrality", "lead", "stepwise"};

typedef struct eval_ctx {
    const options *o;
    const scorer_model *model, *stepper;
    rouge_scorer *sc[E_COUNT];
    size_t n, words_budget;
    double words[E_COUNT];
} eval_ctx;

static void summary_text(const precis_cluster *c, const uint32_t *chosen, size_t n, buf *out)
{
    buf_clear(out);
    for (size_t k = 0; k < n; k++) {
        const sentence *s = &c->sents[chosen[k]];
        if (buf_reserve(out, s->end - s->start + 2) != 0)
            exit(1);
        out->len += ws_collapse(c->articles[s->article].text, s->start, s->end, out->data + out->len);
        out->data[out->len++] = '\n';
    }
    if (buf_reserve(out, 1) != 0)
        exit(1);
    out->data[out->len] = '\0';
}

static void eval_one(void *ctxp, precis_cluster *c, char *const *refs, size_t nrefs)
{
    eval_ctx *ctx = ctxp;
    arena scratch;
    arena_init(&scratch, 1 << 16);
    represent r;
    double *scores = arena_alloc(&scratch, (c->nsents + 1) * sizeof *scores);
    uint32_t *chosen = arena_alloc(&scratch, (c->nsents + 1) * sizeof *chosen);
    float *x = arena_alloc(&scratch, (c->nsents + 1) * F_COUNT * sizeof *x);
    /* As the summarizer does: a cluster's "query" (DUC) focuses it. */
    if (!scores || !chosen || !x || represent_build(c, &scratch, &r) != 0 ||
        represent_query(c, c->query, &scratch, &r) != 0 || sfeat_compute(c, &r, &scratch, x) != 0)
        exit(1);
    buf text = BUF_INIT;
    char id[32];
    snprintf(id, sizeof id, "%08zu", ctx->n++);
    for (int e = 0; e < E_COUNT; e++) {
        const method *m = method_find(e == E_LEAD ? "lead" : "centrality");
        if (e == E_STEPWISE && !ctx->stepper)
            continue;
        if (e == E_LEARNED || e == E_STEPWISE)
            for (size_t i = 0; i < c->nsents; i++)
                scores[i] = scorer_model_predict(ctx->model, x + i * F_COUNT) +
                            ctx->o->query_weight * r.query_sim[i];
        else if (m->score(c, &r, &scratch, scores) != 0)
            exit(1);
        budget b = {ctx->words_budget, 0, 0, 0, 0, 0};
        if (e == E_LEARNED && ctx->o->shift) {
            double lo = INFINITY;
            for (size_t i = 0; i < c->nsents; i++)
                lo = scores[i] < lo ? scores[i] : lo;
            for (size_t i = 0; i < c->nsents; i++)
                scores[i] -= lo;
        }
        select_fn sel = ctx->o->coverage ? select_coverage : e == E_LEARNED ? select_learned : select_greedy;
        size_t n = e == E_STEPWISE ? select_stepwise_model(c, &r, ctx->stepper, x, scores, &b, &scratch, chosen)
                                   : sel(c, &r, m, scores, &b, &scratch, chosen);
        if (e == E_STEPWISE && n == 0)   /* as select_stepwise does */
            n = select_greedy(c, &r, m, scores, &b, &scratch, chosen);
        if (n == (size_t)-1)
            exit(1);
        if (order_by_position(c, chosen, n, &scratch) != 0)
            exit(1);
        summary_text(c, chosen, n, &text);
        ctx->words[e] += (double)b.words;
        precis_error err;
        if (rouge_scorer_add(ctx->sc[e], id, text.data, (const char *const *)refs, nrefs, NULL, &err) !=
            PRECIS_OK) {
            fprintf(stderr, "train_scorer: %s\n", err.message);
            exit(1);
        }
    }
    buf_free(&text);
    arena_free(&scratch);
}

/* Summarize the clusters of path (held out ones when want_holdout is 1,
 * all when -1) with the model, default and lead; print ROUGE R and F. */
static void evaluate(const options *o, const char *path, int want_holdout, size_t words, precis_engine *eng,
                     const scorer_model *model, const scorer_model *stepper)
{
    eval_ctx ctx = {o, model, stepper, {0}, 0, words, {0}};
    for (int e = 0; e < E_COUNT; e++)
        ctx.sc[e] = new_scorer(words);
    each_cluster(o, path, eng, want_holdout, eval_one, &ctx);
    fprintf(stderr, "%s: %zu clusters at %zu words%s\n", path, ctx.n, words,
            want_holdout == 1 ? " (held out)" : "");
    fprintf(stderr, "%-10s %7s %7s %7s %7s %7s %7s %7s\n", "method", "R-1 R", "R-2 R", "SU4 R", "R-1 F",
            "R-2 F", "SU4 F", "words");
    for (int e = 0; e < E_COUNT; e++) {
        double r[3], f[3];
        if (e == E_STEPWISE && !stepper) {
            rouge_scorer_free(ctx.sc[e]);
            continue;
        }
        for (size_t k = 0; k < 3; k++) {
            rouge_average avg;
            precis_error err;
            rouge_scorer_average(ctx.sc[e], k, &avg, &err);
            r[k] = 100 * avg.r;
            f[k] = 100 * avg.f;
        }
        fprintf(stderr, "%-10s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.1f\n", eval_names[e], r[0], r[1], r[2],
                f[0], f[1], f[2], ctx.n ? ctx.words[e] / (double)ctx.n : 0);
        rouge_scorer_free(ctx.sc[e]);
    }
}

/* ---- command line ----------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr,
            "usage: train_scorer [options] TRAIN.jsonl[.zst] > scorer.txt\n"
            "  --cache FILE     reuse (or write) extracted features and labels\n"
            "  --holdout K      hold out every K-th cluster for evaluation (default 15; 0 = none)\n"
            "  --limit N        read only the first N clusters\n"
            "  --label NAME     rec | f | prec | oracle | orank (default f)\n"
            "  --center         subtract each cluster's mean label\n"
            "  --model NAME     linear | gbdt (default gbdt)\n"
            "  --no-linear      gbdt from the mean instead of a ridge base\n"
            "  --trees T --depth D --rate R --subsample S --min-leaf M --bins B --seed S\n"
            "  --ridge L        L2 weight per row (default 1e-4)\n"
            "  --drop LIST      comma-separated features to leave out\n"
            "  --eval-words N   held-out summary budget (default 300)\n"
            "  --query-weight W weight of query similarity in evaluation (default the library's)\n"
            "  --coverage       evaluate with the concept-coverage selector (select_coverage)\n"
            "  --shift          subtract each cluster's lowest learned score before selecting\n"
            "  --eval-model F   only report on model file F (no training)\n"
            "  --dev FILE       also report on every cluster of FILE (all references)\n"
            "  --dev-words N    its budget (default 250)\n"
            "  --stepwise F     also fit the stepwise gain model (select/stepwise.c), write it to F\n"
            "  --stepwise-model F  evaluate stepwise selection with model F beside the scorer\n"
            "  --step-k K       stepwise: candidates weighed per step, best prior first\n"
            "  --step-policy F  stepwise training: walk by stepwise model F instead of greedy\n"
            "  --step-rounds N  stepwise training: fit N times, each round's walk following the\n"
            "                   model of the round before (the first follows greedy or --step-policy)\n"
            "  --step-words LIST stepwise training: word budgets (up to 4, comma-separated) given to\n"
            "                   the walks in turn, cluster by cluster (default --eval-words)\n"
            "  --step-folds K   stepwise training: each cluster's scorer estimates from one of K\n"
            "                   scorers fitted without it (default 0: the shipped scorer's)\n"
            "  --oracle-share X share of stepwise training steps that follow the oracle (default 0)\n"
            "  --oracle-keep F  build the oracle-keep table from the even training clusters\n"
            "  --lexicon F      with --oracle-keep: fit the lexical model on the same clusters\n"
            "                   into F (and use it), fit on the odd ones\n"
            "  --step-r2-weight W stepwise label: gain in R-1 F + W x gain in R-2 F (default 1)\n"
            "  --keep-train F   fit with the keep table F (build_keep on the even clusters), then\n"
            "                   put the shipped one back for the evaluation\n"
            "  --ship-all LIST  with --lexicon: once the trees are fitted, make these tables again\n"
            "                   from all training clusters (length,lexicon,okeep)\n"
            "  --out FILE       write the model here instead of standard output\n");
    exit(2);
}

static void parse_ship(options *o, const char *list)
{
    static const char *const names[] = {"length", "lexicon", "okeep"};
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        int found = 0;
        for (int k = 0; k < 3; k++)
            if (strlen(names[k]) == n && !strncmp(p, names[k], n)) {
                o->ship_all |= 1 << k;
                found = 1;
            }
        if (!found) {
            fprintf(stderr, "train_scorer: --ship-all: unknown table '%.*s'\n", (int)n, p);
            exit(2);
        }
        p += n + (p[n] == ',');
    }
}

static void parse_drop(options *o, const char *list)
{
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int k = sfeat_find(p, n);
        if (k < 0) {
            fprintf(stderr, "train_scorer: unknown feature '%.*s'\n", (int)n, p);
            exit(2);
        }
        o->drop |= 1ull << k;
        p += n + (e != NULL);
    }
}

static void parse_args(int argc, char **argv, options *o)
{
    *o = (options){.holdout = 15, .label = L_F, .gbdt = 1, .trees = 100, .depth = 3, .bins = 64,
                   .min_leaf = 200, .rate = 0.1, .subsample = 0.5, .ridge = 1e-4, .seed = 20240601,
                   .eval_words = 300, .dev_words = 250, .query_weight = LEARNED_QUERY_WEIGHT,
                   .parity = -1, .oracle_share = 0, .step_k = 1000,
                   .step_rounds = 1, .step_r2_weight = 1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--center")) {
            o->center = 1;
        } else if (!strcmp(a, "--coverage")) {
            o->coverage = 1;
        } else if (!strcmp(a, "--shift")) {
            o->shift = 1;
        } else if (!strcmp(a, "--no-linear")) {
            o->no_linear = 1;
        } else if (a[0] == '-' && a[1] == '-' && !v) {
            usage();
        } else if (!strcmp(a, "--cache")) {
            o->cache = argv[++i];
        } else if (!strcmp(a, "--out")) {
            o->out = argv[++i];
        } else if (!strcmp(a, "--holdout")) {
            o->holdout = atol(argv[++i]);
        } else if (!strcmp(a, "--limit")) {
            o->limit = atol(argv[++i]);
        } else if (!strcmp(a, "--label")) {
            i++;
            o->label = -1;
            for (int k = 0; k < L_COUNT; k++)
                if (!strcmp(v, label_names[k]))
                    o->label = k;
            if (o->label < 0)
                usage();
        } else if (!strcmp(a, "--model")) {
            i++;
            if (strcmp(v, "linear") && strcmp(v, "gbdt"))
                usage();
            o->gbdt = !strcmp(v, "gbdt");
        } else if (!strcmp(a, "--trees")) {
            o->trees = atoi(argv[++i]);
        } else if (!strcmp(a, "--depth")) {
            o->depth = atoi(argv[++i]);
        } else if (!strcmp(a, "--rate")) {
            o->rate = atof(argv[++i]);
        } else if (!strcmp(a, "--subsample")) {
            o->subsample = atof(argv[++i]);
        } else if (!strcmp(a, "--min-leaf")) {
            o->min_leaf = atoi(argv[++i]);
        } else if (!strcmp(a, "--bins")) {
            o->bins = atoi(argv[++i]);
        } else if (!strcmp(a, "--seed")) {
            o->seed = strtoull(argv[++i], NULL, 10);
        } else if (!strcmp(a, "--ridge")) {
            o->ridge = atof(argv[++i]);
        } else if (!strcmp(a, "--drop")) {
            parse_drop(o, argv[++i]);
        } else if (!strcmp(a, "--query-weight")) {
            o->query_weight = atof(argv[++i]);
        } else if (!strcmp(a, "--eval-model")) {
            o->eval_model = argv[++i];
        } else if (!strcmp(a, "--dev")) {
            o->dev = argv[++i];
        } else if (!strcmp(a, "--stepwise")) {
            o->stepwise = argv[++i];
        } else if (!strcmp(a, "--stepwise-model")) {
            o->stepwise_model = argv[++i];
        } else if (!strcmp(a, "--step-k")) {
            o->step_k = atoi(argv[++i]);
        } else if (!strcmp(a, "--step-rounds")) {
            o->step_rounds = atoi(argv[++i]);
        } else if (!strcmp(a, "--step-words")) {
            char *list = argv[++i], *end;
            for (o->nstep_words = 0; o->nstep_words < 4 && *list; o->nstep_words++) {
                o->step_words[o->nstep_words] = (size_t)strtoul(list, &end, 10);
                if (end == list || o->step_words[o->nstep_words] == 0)
                    usage();
                list = *end == ',' ? end + 1 : end;
            }
        } else if (!strcmp(a, "--step-folds")) {
            o->step_folds = atoi(argv[++i]);
        } else if (!strcmp(a, "--step-policy")) {
            o->step_policy = argv[++i];
        } else if (!strcmp(a, "--oracle-share")) {
            o->oracle_share = atof(argv[++i]);
        } else if (!strcmp(a, "--oracle-keep")) {
            o->oracle_keep = argv[++i];
        } else if (!strcmp(a, "--lexicon")) {
            o->lexicon = argv[++i];
        } else if (!strcmp(a, "--step-r2-weight")) {
            o->step_r2_weight = atof(argv[++i]);
        } else if (!strcmp(a, "--keep-train")) {
            o->keep_train = argv[++i];
        } else if (!strcmp(a, "--ship-all")) {
            parse_ship(o, argv[++i]);
        } else if (!strcmp(a, "--dev-words")) {
            o->dev_words = (size_t)atol(argv[++i]);
        } else if (!strcmp(a, "--eval-words")) {
            o->eval_words = (size_t)atol(argv[++i]);
        } else if (a[0] == '-' && a[1]) {
            usage();
        } else {
            o->data = a;
        }
    }
    if (o->lexicon && (!o->oracle_keep || o->cache)) {
        fprintf(stderr, "train_scorer: --lexicon needs --oracle-keep (the same clusters) and no --cache\n");
        exit(2);
    }
    if (o->step_folds && (!o->stepwise || !o->oracle_keep || o->cache || o->eval_model)) {
        /* the folds are fitted on the scorer's rows, which must be the odd
         * clusters the stepwise walk reads, read now */
        fprintf(stderr, "train_scorer: --step-folds needs --stepwise and --oracle-keep, and no --cache or "
                        "--eval-model\n");
        exit(2);
    }
    if (!o->data || o->depth < 1 || o->depth > 8 || o->bins < 2 || o->bins > MAX_BINS || o->trees < 0 ||
        o->step_rounds < 1 || o->step_folds < 0 || o->step_folds == 1 || (o->step_folds && !o->gbdt))
        usage();
}

/* Fit the sentence scorer on d (boosted trees or ridge, as o says), write
 * its model file into text (described as what) and return it parsed; w
 * receives the linear weights. Exits when the model does not parse back. */
static scorer_model *fit_scorer(const options *o, const dataset *d, const char *what, buf *text,
                                double w[F_COUNT])
{
    double *y = targets(o, d), bias = 0;
    tree *trees = NULL;
    memset(w, 0, F_COUNT * sizeof *w);
    if (o->gbdt)
        fit_gbdt(o, d, y, w, &bias, &trees);
    else
        fit_linear(o, d, y, w, &bias);
    write_model(o, text, w, bias, trees, d, what);
    scorer_model *m = scorer_model_parse(text->data, text->len);
    if (!m) {
        fprintf(stderr, "train_scorer: the %s written does not parse back\n", what);
        exit(1);
    }
    free(trees);
    free(y);
    return m;
}

/* The scorer fitted K = o->step_folds times, fold f without the clusters
 * k of d with k % K == f. The stepwise model learns how much to trust the
 * scorer's estimate; on the clusters the scorer was fitted on, that
 * estimate is better than it will be on new ones, so its training walk
 * takes each cluster's estimates from the fold fitted without it. */
static scorer_model **fit_folds(const options *o, const dataset *d)
{
    int K = o->step_folds;
    scorer_model **folds = xrealloc(NULL, (size_t)K * sizeof *folds);
    for (int f = 0; f < K; f++) {
        dataset part = {0};
        dataset_reserve(&part, 0);
        part.cluster_start[0] = 0;
        for (size_t k = 0; k < d->clusters; k++) {
            if ((int)(k % (size_t)K) == f)
                continue;
            size_t b = d->cluster_start[k], n = d->cluster_start[k + 1] - b;
            dataset_reserve(&part, n);
            memcpy(part.x + part.rows * F_COUNT, d->x + b * F_COUNT, n * F_COUNT * sizeof *part.x);
            memcpy(part.y + part.rows * L_COUNT, d->y + b * L_COUNT, n * L_COUNT * sizeof *part.y);
            part.rows += n;
            part.cluster_start[++part.clusters] = (uint32_t)part.rows;
        }
        fprintf(stderr, "scorer fold %d of %d: %zu clusters, %zu sentences\n", f + 1, K, part.clusters, part.rows);
        buf text = BUF_INIT;
        double w[F_COUNT];
        folds[f] = fit_scorer(o, &part, "learned sentence scorer, one fold", &text, w);
        buf_free(&text);
        free(part.x);
        free(part.y);
        free(part.cluster_start);
    }
    return folds;
}

/* The stepwise model to evaluate: fitted now (--stepwise) over the given
 * scorer, read from a file (--stepwise-model), or none. */
static scorer_model *stepwise_model(const options *o, precis_engine *eng, const scorer_model *prior,
                                    scorer_model *const *folds, size_t scorer_clusters)
{
    if (o->stepwise)
        return fit_stepwise(o, eng, prior, folds, scorer_clusters);
    return o->stepwise_model ? read_model(o->stepwise_model) : NULL;
}

/* The keep table at path (plain text, as build_keep writes it) into the
 * engine, in place of the shipped one. */
static void load_keep_table(precis_engine *eng, const char *path)
{
    FILE *f = fopen(path, "rb");
    buf text = BUF_INIT;
    char chunk[1 << 16];
    size_t n;
    while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (buf_append(&text, chunk, n) != 0)
            exit(1);
    if (!f || ferror(f) || engine_load_keep(eng, text.data ? text.data : "", text.len) != 0) {
        fprintf(stderr, "train_scorer: cannot read the keep table %s\n", path);
        exit(1);
    }
    fclose(f);
    fprintf(stderr, "keep table for fitting: %s\n", path);
    buf_free(&text);
}

/* --eval-model: report on a model file without training. */
static int evaluate_file(const options *o, precis_engine *eng)
{
    scorer_model *model = read_model(o->eval_model);
    scorer_model *stepper = stepwise_model(o, eng, model, NULL, 0);
    if (o->holdout > 0)
        evaluate(o, o->data, 1, o->eval_words, eng, model, stepper);
    if (o->dev)
        evaluate(o, o->dev, -1, o->dev_words, eng, model, stepper);
    scorer_model_free(stepper);
    scorer_model_free(model);
    precis_engine_free(eng);
    return 0;
}

int main(int argc, char **argv)
{
    options o;
    parse_args(argc, argv, &o);
    precis_engine *eng;
    precis_error err;
    if (precis_engine_new(&eng, &err) != PRECIS_OK) {
        fprintf(stderr, "train_scorer: %s\n", err.message);
        return 1;
    }
    if (o.eval_model)
        return evaluate_file(&o, eng);
    if (o.keep_train)
        load_keep_table(eng, o.keep_train);
    dataset d = {0};
    tables tabs;
    memset(&tabs, 0, sizeof tabs);
    if (!o.cache || cache_load(o.cache, &d) != 0) {
        memset(&d, 0, sizeof d);
        extract_ctx ctx = {&d, new_scorer(0)};
        dataset_reserve(&d, 1);
        d.cluster_start[0] = 0;
        options rest = o;
        if (o.oracle_keep) {
            build_oracle_keep(&o, eng, ctx.sc, &tabs);
            rest.parity = 1;
        }
        each_cluster(&rest, o.data, eng, 0, extract_one, &ctx);
        rouge_scorer_free(ctx.sc);
        if (o.cache)
            cache_save(o.cache, &d);
    }
    fprintf(stderr, "training: %zu clusters, %zu sentences\n", d.clusters, d.rows);
    buf text = BUF_INIT;
    double w[F_COUNT];
    scorer_model *model = fit_scorer(&o, &d, "learned sentence scorer", &text, w);
    FILE *out = o.out ? fopen(o.out, "w") : stdout;
    if (!out || fwrite(text.data, 1, text.len, out) != text.len || (o.out && fclose(out) != 0)) {
        fprintf(stderr, "train_scorer: cannot write the model\n");
        return 1;
    }
    if (!o.gbdt)
        for (int k = 0; k < F_COUNT; k++)
            fprintf(stderr, "  %-14s %+.4f\n", sfeat_name(k), w[k]);
    scorer_model **folds = o.stepwise && o.step_folds ? fit_folds(&o, &d) : NULL;
    scorer_model *stepper = stepwise_model(&o, eng, model, folds, d.clusters);
    for (int f = 0; folds && f < o.step_folds; f++)
        scorer_model_free(folds[f]);
    free(folds);
    if (o.lexicon && o.ship_all)
        refit_tables_on_all(&o, eng, &tabs);
    tables_free(&tabs);
    if (o.keep_train && engine_load_shipped_keep(eng) != 0) {
        fprintf(stderr, "train_scorer: cannot load the shipped keep table\n");
        return 1;
    }
    if (o.holdout > 0)
        evaluate(&o, o.data, 1, o.eval_words, eng, model, stepper);
    if (o.dev)
        evaluate(&o, o.dev, -1, o.dev_words, eng, model, stepper);
    scorer_model_free(stepper);
    scorer_model_free(model);
    free(d.x);
    free(d.y);
    free(d.cluster_start);
    buf_free(&text);
    precis_engine_free(eng);
    return 0;
}

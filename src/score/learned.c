/*
 * learned.c: the learned sentence scorer.
 *
 * The model is data/scorer.txt, compiled into the library and fitted by
 * tools/train_scorer.c on the Multi-News training clusters: each sentence's
 * features (score/features.c) go through a linear part and a small
 * ensemble of regression trees; the sum estimates how much of the
 * reference the sentence would recover. The model is parsed once per
 * engine and cached there, since parsing per cluster would cost as much as
 * summarizing a short cluster.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "score/features.h"
#include "score/method.h"
#include "score/treelanes.h"
#include "select/select.h"
#include "text/segment.h"

#define MODEL_PATH "data/scorer.txt"
#define MAX_DEPTH 8

struct scorer_model {
    int nfeat;
    int feat[F_COUNT];       /* model input k is feature feat[k] */
    double bias;
    int has_linear;
    double w[F_COUNT];
    int ntrees, depth;
    int *split_feat;         /* ntrees * (2^depth - 1): feature index into x */
    float *split_thr;
    double *leaf;            /* ntrees * 2^depth */
    tree_lanes *lanes;       /* the splits repacked for the wide walk, or NULL */
};

void scorer_model_free(scorer_model *m)
{
    if (!m)
        return;
    free(m->split_feat);
    free(m->split_thr);
    free(m->leaf);
    tree_lanes_free(m->lanes);
    free(m);
}

/* ---- a tiny reader over NUL-terminated text ---------------------------- */

typedef struct reader {
    const char *p;
    int bad;
} reader;

static void skip_space(reader *rd)
{
    for (;;) {
        while (*rd->p == ' ' || *rd->p == '\t' || *rd->p == '\n' || *rd->p == '\r')
            rd->p++;
        if (*rd->p != '#')
            return;
        while (*rd->p && *rd->p != '\n')
            rd->p++;
    }
}

/* The next word; its length in *len (0 at the end). */
static const char *word(reader *rd, size_t *len)
{
    skip_space(rd);
    const char *w = rd->p;
    while (*rd->p && *rd->p != ' ' && *rd->p != '\t' && *rd->p != '\n' && *rd->p != '\r')
        rd->p++;
    *len = (size_t)(rd->p - w);
    return w;
}

static int expect(reader *rd, const char *kw)
{
    size_t len;
    const char *w = word(rd, &len);
    if (len != strlen(kw) || memcmp(w, kw, len))
        rd->bad = 1;
    return !rd->bad;
}

/* A number in the C locale's form whatever the program's locale: digits,
 * '.', sign and exponent, as the trainer writes them. */
static double number(reader *rd)
{
    size_t len;
    const char *w = word(rd, &len);
    double v = 0, frac = 0.1;
    int neg = 0, seen = 0;
    size_t i = 0;
    if (i < len && (w[i] == '-' || w[i] == '+'))
        neg = w[i++] == '-';
    for (; i < len && w[i] >= '0' && w[i] <= '9'; i++, seen = 1)
        v = v * 10 + (w[i] - '0');
    if (i < len && w[i] == '.')
        for (i++; i < len && w[i] >= '0' && w[i] <= '9'; i++, seen = 1, frac /= 10)
            v += (w[i] - '0') * frac;
    if (seen && i < len && (w[i] == 'e' || w[i] == 'E')) {
        int eneg = 0, e = 0;
        i++;
        if (i < len && (w[i] == '-' || w[i] == '+'))
            eneg = w[i++] == '-';
        for (; i < len && w[i] >= '0' && w[i] <= '9' && e < 400; i++)
            e = e * 10 + (w[i] - '0');
        v *= pow(10.0, eneg ? -e : e);
    }
    if (!seen || i != len || !isfinite(v))
        rd->bad = 1;
    return neg ? -v : v;
}

static int parse_trees(reader *rd, scorer_model *m)
{
    m->ntrees = (int)number(rd);
    m->depth = (int)number(rd);
    if (rd->bad || m->ntrees < 0 || m->ntrees > 100000 || m->depth < 1 || m->depth > MAX_DEPTH)
        return -1;
    size_t inner = ((size_t)1 << m->depth) - 1, leaves = inner + 1;
    m->split_feat = malloc((m->ntrees * inner + 1) * sizeof *m->split_feat);
    m->split_thr = malloc((m->ntrees * inner + 1) * sizeof *m->split_thr);
    m->leaf = malloc((m->ntrees * leaves + 1) * sizeof *m->leaf);
    if (!m->split_feat || !m->split_thr || !m->leaf)
        return -1;
    for (size_t t = 0; t < (size_t)m->ntrees; t++) {
        for (size_t k = 0; k < inner; k++) {
            double f = number(rd);
            if (f < 0 || f >= m->nfeat || f != floor(f))
                return -1;
            m->split_feat[t * inner + k] = m->feat[(int)f];
            m->split_thr[t * inner + k] = (float)number(rd);
        }
        for (size_t k = 0; k < leaves; k++)
            m->leaf[t * leaves + k] = number(rd);
    }
    if (rd->bad)
        return -1;
    /* NULL is no error: the trees are then walked one by one. */
    m->lanes = tree_lanes_make(m->split_feat, m->split_thr, m->ntrees, m->depth);
    return 0;
}

static int parse_body(reader *rd, scorer_model *m)
{
    if (!expect(rd, "precis-scorer") || number(rd) != 1 || !expect(rd, "features"))
        return -1;
    double nfeat = number(rd);
    if (rd->bad || nfeat < 1 || nfeat > F_COUNT)
        return -1;
    m->nfeat = (int)nfeat;
    for (int k = 0; k < m->nfeat; k++) {
        size_t len;
        const char *w = word(rd, &len);
        if ((m->feat[k] = sfeat_find(w, len)) < 0)
            return -1;
    }
    if (!expect(rd, "bias"))
        return -1;
    m->bias = number(rd);
    for (;;) {
        size_t len;
        const char *w = word(rd, &len);
        if (rd->bad)
            return -1;
        if (len == 0)
            return 0;
        if (len == 6 && !memcmp(w, "linear", 6)) {
            m->has_linear = 1;
            for (int k = 0; k < m->nfeat; k++)
                m->w[k] = number(rd);
        } else if (len == 5 && !memcmp(w, "trees", 5) && !m->split_feat) {
            if (parse_trees(rd, m) != 0)
                return -1;
        } else {
            return -1;
        }
    }
}

scorer_model *scorer_model_parse(const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    scorer_model *m = calloc(1, sizeof *m);
    if (!copy || !m) {
        free(copy);
        free(m);
        return NULL;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    reader rd = {copy, 0};
    int rc = parse_body(&rd, m);
    free(copy);
    if (rc != 0 || rd.bad) {
        scorer_model_free(m);
        return NULL;
    }
    return m;
}

static double linear_part(const scorer_model *m, const float *x)
{
    double s = m->bias;
    if (m->has_linear)
        for (int k = 0; k < m->nfeat; k++)
            s += m->w[k] * x[m->feat[k]];
    return s;
}

double scorer_model_predict_portable(const scorer_model *m, const float *x)
{
    double s = linear_part(m, x);
    size_t inner = ((size_t)1 << m->depth) - 1, leaves = inner + 1, t = 0;
    /* Four trees walked side by side: each walk is a chain of dependent
     * loads, and interleaving four independent chains lets the processor
     * overlap them (the two models' walks were a third of the default
     * method's time before this; BENCHMARKS.md). */
    for (; t + 4 <= (size_t)m->ntrees; t += 4) {
        const int *f = m->split_feat + t * inner;
        const float *thr = m->split_thr + t * inner;
        size_t n0 = 0, n1 = 0, n2 = 0, n3 = 0;
        for (int level = 0; level < m->depth; level++) {
            n0 = 2 * n0 + 1 + (x[f[n0]] > thr[n0]);
            n1 = 2 * n1 + 1 + (x[f[inner + n1]] > thr[inner + n1]);
            n2 = 2 * n2 + 1 + (x[f[2 * inner + n2]] > thr[2 * inner + n2]);
            n3 = 2 * n3 + 1 + (x[f[3 * inner + n3]] > thr[3 * inner + n3]);
        }
        const double *leaf = m->leaf + t * leaves;
        /* Added one at a time, in tree order: the sums, and so every
         * tie between sentences, come out as a plain loop gives them. */
        s += leaf[n0 - inner];
        s += leaf[leaves + n1 - inner];
        s += leaf[2 * leaves + n2 - inner];
        s += leaf[3 * leaves + n3 - inner];
    }
    for (; t < (size_t)m->ntrees; t++) {
        const int *f = m->split_feat + t * inner;
        const float *thr = m->split_thr + t * inner;
        size_t node = 0;
        while (node < inner)
            node = 2 * node + 1 + (x[f[node]] > thr[node]);
        s += m->leaf[t * leaves + node - inner];
    }
    return s;
}

/* Sixteen trees at a time where the processor allows (score/treelanes.h:
 * less than half the time of the walk above), the same sum either way. */
double scorer_model_predict(const scorer_model *m, const float *x)
{
    if (m->lanes)
        return tree_lanes_add(m->lanes, m->leaf, x, linear_part(m, x));
    return scorer_model_predict_portable(m, x);
}

static void free_cached(void *m)
{
    scorer_model_free(m);
}

const scorer_model *scorer_model_cached(precis_engine *e, const char *path, void **slot)
{
    if (!*slot) {
        size_t len;
        const unsigned char *text = precis_embedded(path, &len);
        if (!text)
            return NULL;
        *slot = scorer_model_parse((const char *)text, len);
        if (*slot)
            e->model_free = free_cached;
    }
    return *slot;
}

int score_learned(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    const scorer_model *m = scorer_model_cached(c->engine, MODEL_PATH, &c->engine->learned);
    const float *x = m ? sfeat_rows(c, r, a) : NULL;
    if (!x)
        return -1;
    for (size_t i = 0; i < c->nsents; i++)
        scores[i] = scorer_model_predict(m, x + i * F_COUNT) +
                    (r->has_query ? LEARNED_QUERY_WEIGHT * r->query_sim[i] : 0);
    return 0;
}

/* Where to stop. The model estimates p, the chance that a sentence is in
 * the best summary of its cluster (a ROUGE oracle's choice). Weighting
 * each sentence's words by p, a summary S of W words expects to share
 * A = sum of p x words with the best summary, whose expected length L is
 * the same sum over every sentence greedy selection would take; the
 * F-measure is about 2A / (W + L). Adding a sentence of probability p
 * raises it only while p > A / (W + L), and p falls along the greedy
 * order, so the first sentence that fails ends the summary: a budget is a
 * maximum (a sentence greedy took only so that the next could follow it
 * is weighed together with that one). This rule has no constant to tune;
 * on held-out Multi-News training clusters it gives 46.09 / 16.30 R-1 /
 * R-2 F against 45.85 / 16.19 filling the budget (RESULTS.md). */
size_t select_learned(const precis_cluster *c, const represent *r, const method *m, const double *scores,
                      budget *b, arena *a, uint32_t *chosen)
{
    budget start = *b;
    size_t n = select_greedy(c, r, m, scores, b, a, chosen);
    if (n == (size_t)-1 || n == 0)
        return n;
    double expected_best = 0;
    for (size_t k = 0; k < n; k++)
        expected_best += fmax(scores[chosen[k]], 0) * c->sents[chosen[k]].words;
    double shared = 0, words = 0;
    size_t keep = 0;
    while (keep < n) {
        /* Sentences greedy took only so that the next could follow them
         * (SENT_LEANS_BACK) are weighed with it, as one unit. */
        size_t unit = 1;
        while (keep + unit < n && chosen[keep + unit] == chosen[keep + unit - 1] + 1 &&
               (c->sents[chosen[keep + unit]].flags & SENT_LEANS_BACK))
            unit++;
        double p_words = 0, unit_words = 0;
        for (size_t k = keep; k < keep + unit; k++) {
            p_words += fmax(scores[chosen[k]], 0) * c->sents[chosen[k]].words;
            unit_words += c->sents[chosen[k]].words;
        }
        double p = unit_words > 0 ? p_words / unit_words : 0;
        if (keep > 0 && p <= shared / (words + expected_best))
            break;
        shared += p_words;
        words += unit_words;
        keep += unit;
    }
    *b = start;
    for (size_t k = 0; k < keep; k++)
        budget_take(b, c->sents[chosen[k]].words, sentence_bytes(c, &c->sents[chosen[k]]));
    return keep;
}

/*
 * rouge_score.c: the scorer. Options and metric list, preparing summaries,
 * pooling per-model counts into one R/P/F per metric (-f A sums counts over
 * the models, -f B keeps the model with the best recall), and the
 * in-memory pairs API that `precis eval` uses.
 *
 * Rounding is ROUGE's: R and P are printed with %7.5f, and F is computed
 * from those rounded values and rounded again. Keeping the rounded value as
 * a double is exact for printing because a five-decimal string read back
 * and printed with %.5f gives the same string.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "rouge/rouge_int.h"

void rouge_options_init(rouge_options *o)
{
    memset(o, 0, sizeof *o);
    o->lcs = true;
    o->formula = 'A';
    o->alpha = 0.5;
    o->confidence = 95;
    o->resamples = 1000;
}

double rouge_round5(double v)
{
    char s[64];
    snprintf(s, sizeof s, "%7.5f", v);
    return strtod(s, NULL);
}

/* ---- Metrics ---------------------------------------------------------------- */

static void label_or(const char *label, char *out, size_t cap, const char *fmt, double v)
{
    if (label[0])
        snprintf(out, cap, "%s", label);
    else
        snprintf(out, cap, fmt, v);
}

static size_t add_metric(rouge_metric *out, size_t k, size_t cap, rouge_kind kind, int n,
                         bool uni, const char *name)
{
    if (k >= cap)
        return k;
    out[k].kind = kind;
    out[k].n = n;
    out[k].unigrams = uni;
    snprintf(out[k].name, sizeof out[k].name, "%s", name);
    return k + 1;
}

size_t rouge_metrics_for(const rouge_options *o, rouge_metric *out, size_t cap)
{
    size_t k = 0;
    char name[64], lab[ROUGE_LABEL_MAX];
    for (int n = 1; n <= o->max_n; n++) {
        snprintf(name, sizeof name, "ROUGE-%d", n);
        k = add_metric(out, k, cap, ROUGE_KIND_N, n, false, name);
    }
    if (o->lcs)
        k = add_metric(out, k, cap, ROUGE_KIND_L, 0, false, "ROUGE-L");
    if (o->lsum)
        k = add_metric(out, k, cap, ROUGE_KIND_LSUM, 0, false, "ROUGE-Lsum");
    if (o->weight > 0) {
        label_or(o->weight_label, lab, sizeof lab, "%.15g", o->weight);
        snprintf(name, sizeof name, "ROUGE-W-%s", lab);
        k = add_metric(out, k, cap, ROUGE_KIND_W, 0, false, name);
    }
    if (!o->skip)
        return k;
    if (o->skip_distance >= 0)
        label_or(o->skip_label, lab, sizeof lab, "%.0f", (double)o->skip_distance);
    else
        snprintf(lab, sizeof lab, "*");
    if (!o->skip_unigrams) {
        snprintf(name, sizeof name, "ROUGE-S%s", lab);
        k = add_metric(out, k, cap, ROUGE_KIND_S, 0, false, name);
    }
    if (o->skip_unigrams || o->skip_both) {
        snprintf(name, sizeof name, "ROUGE-SU%s", lab);
        k = add_metric(out, k, cap, ROUGE_KIND_S, 0, true, name);
    }
    return k;
}

/* ---- Scorer life ------------------------------------------------------------ */

static precis_status check_options(const rouge_options *o, precis_error *err)
{
    if (o->max_words > 0 && o->max_bytes > 0)
        return error_set(err, PRECIS_ERR_USAGE, "", 0,
                         "give a length limit in words or in bytes, not both");
    if (o->max_words < 0 || o->max_bytes < 0)
        return error_set(err, PRECIS_ERR_USAGE, "", 0, "length limits must not be negative");
    if (!(o->alpha >= 0 && o->alpha <= 1))
        return error_set(err, PRECIS_ERR_USAGE, "", 0, "alpha must be between 0 and 1");
    if (!(o->confidence >= 0 && o->confidence <= 100))
        return error_set(err, PRECIS_ERR_USAGE, "", 0,
                         "the confidence level must be between 0 and 100");
    if (o->weight < 0 || isnan(o->weight))
        return error_set(err, PRECIS_ERR_USAGE, "", 0, "the ROUGE-W weight must be > 0");
    if (o->resamples < 1)
        return error_set(err, PRECIS_ERR_USAGE, "", 0, "the number of resamples must be >= 1");
    if (o->max_n < 0 || o->max_n > 32)
        return error_set(err, PRECIS_ERR_USAGE, "", 0, "-n must be between 0 and 32");
    return PRECIS_OK;
}

precis_status rouge_scorer_new(const rouge_options *o, rouge_scorer **out, precis_error *err)
{
    *out = NULL;
    precis_status st = check_options(o, err);
    if (st)
        return st;
    rouge_scorer *sc = calloc(1, sizeof *sc);
    if (!sc)
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    sc->opt = *o;
    sc->nmetrics = rouge_metrics_for(o, sc->metrics, ROUGE_MAX_METRICS);
    strmap_init(&sc->vocab);
    st = rouge_lexicon_load(&sc->lex, err);
    if (st) {
        rouge_scorer_free(sc);
        return st;
    }
    *out = sc;
    return PRECIS_OK;
}

void rouge_scorer_free(rouge_scorer *sc)
{
    if (!sc)
        return;
    rouge_lexicon_free(&sc->lex);
    rouge_tokcache_free(&sc->raw);
    strmap_free(&sc->vocab);
    free(sc->word);
    rouge_gmap_free(&sc->gm);
    free(sc->gram_ids), free(sc->keys_peer), free(sc->keys_model);
    free(sc->gs), free(sc->gs_used), free(sc->touched), free(sc->in);
    free(sc->in_peer);
    free(sc->bud_model), free(sc->bud_peer), free(sc->seen), free(sc->slot_of);
    free(sc->pm), free(sc->vrows);
    free(sc->dir), free(sc->mask);
    free(sc->row_a), free(sc->row_b), free(sc->wrow_a), free(sc->wrow_b);
    free(sc->krow_a), free(sc->krow_b), free(sc->rows);
    free(sc->ls.ploc), free(sc->ls.tmark), free(sc->ls.tslot), free(sc->ls.spos);
    free(sc->ls.sloc), free(sc->ls.sstart), free(sc->ls.rslot);
    free(sc->m_hit), free(sc->m_count), free(sc->m_toks);
    for (size_t i = 0; i < sc->npairs; i++)
        free(sc->ids[i]);
    free(sc->ids);
    free(sc->scores);
    free(sc);
}

const rouge_options *rouge_scorer_options(const rouge_scorer *sc)
{
    return &sc->opt;
}

size_t rouge_scorer_metrics(const rouge_scorer *sc, const rouge_metric **out)
{
    *out = sc->metrics;
    return sc->nmetrics;
}

int rouge_vocab_scratch(rouge_scorer *sc)
{
    size_t need = sc->vocab.count + 1;
    if (need <= sc->vocab_cap)
        return 0;
    size_t nc = sc->vocab_cap ? sc->vocab_cap : 4096;
    while (nc < need)
        nc *= 2;
    uint32_t **arr[4] = {&sc->bud_model, &sc->bud_peer, &sc->seen, &sc->slot_of};
    for (int i = 0; i < 4; i++) {
        uint32_t *nv = realloc(*arr[i], nc * sizeof *nv);
        if (!nv)
            return -1;
        memset(nv + sc->vocab_cap, 0, (nc - sc->vocab_cap) * sizeof *nv);
        *arr[i] = nv;
    }
    sc->vocab_cap = nc;
    return 0;
}

/* ---- Documents ------------------------------------------------------------------ */

precis_status rouge_doc_new(rouge_scorer *sc, const char *bytes, size_t len, rouge_format fmt,
                            rouge_doc **out, precis_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    precis_status st = rouge_text_read(sc, bytes, len, fmt, *out, err);
    if (st) {
        free(*out);
        *out = NULL;
    }
    return st;
}

void rouge_doc_free(rouge_doc *d)
{
    if (!d)
        return;
    rouge_doc_clear(d);
    free(d);
}

bool rouge_doc_warns_empty(const rouge_doc *d)
{
    return d->warn_empty;
}

size_t rouge_doc_tokens(const rouge_doc *d)
{
    return d->flat.n;
}

/* ---- Pooling ------------------------------------------------------------------ */

static void finish(const rouge_options *o, double H, double CM, double CP, double inv,
                   rouge_score *s)
{
    s->hit = H, s->model_count = CM, s->peer_count = CP;
    s->r = CM != 0 ? rouge_round5(inv > 0 ? pow(H / CM, inv) : H / CM) : 0;
    s->p = CP != 0 ? rouge_round5(inv > 0 ? pow(H / CP, inv) : H / CP) : 0;
    double den = (1 - o->alpha) * s->p + o->alpha * s->r;
    s->f = den > 0 ? rouge_round5((s->p * s->r) / den) : 0;
}

/* N and S/SU: per-model recall for -f B is already rounded. */
static void pool_grams(const rouge_options *o, const double *hit, const double *mc, double pc,
                       size_t nm, rouge_score *s)
{
    double H = 0, CM = 0, CP = 0, best = -1;
    for (size_t k = 0; k < nm; k++) {
        if (o->formula != 'B') {
            H += hit[k], CM += mc[k], CP += pc;
            continue;
        }
        double score = mc[k] != 0 ? rouge_round5(hit[k] / mc[k]) : 0;
        if (score > best)
            best = score, H = hit[k], CM = mc[k], CP = pc;
    }
    finish(o, H, CM, CP, 0, s);
}

/* L and Lsum (weight 0) or W: bases are per-model sentence sums (len^W). */
static void pool_lcs(const rouge_options *o, const double *hit, const double *base, double plen,
                     size_t nm, double weight, rouge_score *s)
{
    double H = 0, CM = 0, CP = 0, best = -1;
    for (size_t k = 0; k < nm; k++) {
        double cm = weight > 0 ? pow(base[k], weight) : base[k];
        double cp = weight > 0 ? pow(plen, weight) : plen;
        if (o->formula != 'B') {
            H += hit[k], CM += cm, CP += cp;
            continue;
        }
        double score = 0;
        if (base[k] > 0)
            score = weight > 0 ? pow(hit[k] / base[k], 1 / weight) : hit[k] / base[k];
        if (score > best)
            best = score, H = hit[k], CM = cm, CP = cp;
    }
    finish(o, H, CM, CP, weight > 0 ? 1 / weight : 0, s);
}

static int model_scratch(rouge_scorer *sc, size_t nm)
{
    if (nm <= sc->m_cap)
        return 0;
    size_t nc = nm < 16 ? 16 : nm * 2;
    double *a = realloc(sc->m_hit, nc * sizeof *a);
    if (!a)
        return -1;
    sc->m_hit = a;
    double *b = realloc(sc->m_count, nc * sizeof *b);
    if (!b)
        return -1;
    sc->m_count = b;
    const rouge_toks **t = realloc(sc->m_toks, nc * sizeof *t);
    if (!t)
        return -1;
    sc->m_toks = t;
    sc->m_cap = nc;
    return 0;
}

precis_status rouge_score_docs(rouge_scorer *sc, const rouge_doc *peer,
                               const rouge_doc *const *models, size_t nmodels,
                               rouge_score *out, precis_error *err)
{
    if (model_scratch(sc, nmodels) < 0 || rouge_vocab_scratch(sc) < 0)
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    for (size_t k = 0; k < nmodels; k++)
        sc->m_toks[k] = &models[k]->flat;
    const rouge_options *o = &sc->opt;
    double pc = 0;
    for (size_t i = 0; i < sc->nmetrics; i++) {
        const rouge_metric *m = &sc->metrics[i];
        int rc = 0;
        switch (m->kind) {
        case ROUGE_KIND_N:
            rc = rouge_count_ngrams(sc, &peer->flat, sc->m_toks, nmodels, m->n, sc->m_hit,
                                    sc->m_count, &pc);
            pool_grams(o, sc->m_hit, sc->m_count, pc, nmodels, &out[i]);
            break;
        case ROUGE_KIND_S:
            rc = rouge_count_skip(sc, &peer->flat, sc->m_toks, nmodels, o->skip_distance,
                                  m->unigrams, sc->m_hit, sc->m_count, &pc);
            pool_grams(o, sc->m_hit, sc->m_count, pc, nmodels, &out[i]);
            break;
        case ROUGE_KIND_L:
        case ROUGE_KIND_LSUM:
        case ROUGE_KIND_W: {
            double w = m->kind == ROUGE_KIND_W ? o->weight : 0;
            rc = rouge_count_lcs(sc, peer, models, nmodels, w, m->kind == ROUGE_KIND_LSUM,
                                 sc->m_hit, sc->m_count);
            pool_lcs(o, sc->m_hit, sc->m_count, (double)peer->flat.n, nmodels, w, &out[i]);
            break;
        }
        }
        if (rc < 0)
            return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    }
    return PRECIS_OK;
}

/* ---- In-memory pairs ------------------------------------------------------------ */

precis_status rouge_scorer_add(rouge_scorer *sc, const char *id, const char *peer,
                               const char *const *refs, size_t nrefs, rouge_score *out,
                               precis_error *err)
{
    if (sc->npairs == sc->pairs_cap) {
        size_t nc = sc->pairs_cap ? sc->pairs_cap * 2 : 64;
        char **ni = realloc(sc->ids, nc * sizeof *ni);
        if (!ni)
            return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        sc->ids = ni;
        rouge_score *ns = realloc(sc->scores, nc * (sc->nmetrics ? sc->nmetrics : 1) * sizeof *ns);
        if (!ns)
            return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        sc->scores = ns;
        sc->pairs_cap = nc;
    }
    rouge_doc *p = NULL;
    rouge_doc **m = calloc(nrefs ? nrefs : 1, sizeof *m);
    precis_status st = m ? PRECIS_OK : error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    if (!st)
        st = rouge_doc_new(sc, peer, strlen(peer), ROUGE_FMT_SPL, &p, err);
    for (size_t k = 0; !st && k < nrefs; k++)
        st = rouge_doc_new(sc, refs[k], strlen(refs[k]), ROUGE_FMT_SPL, &m[k], err);
    rouge_score *dst = sc->scores + sc->npairs * sc->nmetrics;
    if (!st)
        st = rouge_score_docs(sc, p, (const rouge_doc *const *)m, nrefs, dst, err);
    if (!st && !(sc->ids[sc->npairs] = strdup(id ? id : "")))
        st = error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    if (!st) {
        if (out)
            memcpy(out, dst, sc->nmetrics * sizeof *out);
        sc->npairs++;
    }
    rouge_doc_free(p);
    for (size_t k = 0; m && k < nrefs; k++)
        rouge_doc_free(m[k]);
    free(m);
    return st;
}

size_t rouge_scorer_count(const rouge_scorer *sc)
{
    return sc->npairs;
}

typedef struct keyed {
    const char *key;
    size_t index;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

precis_status rouge_scorer_average(const rouge_scorer *sc, size_t metric, rouge_average *out,
                                   precis_error *err)
{
    memset(out, 0, sizeof *out);
    if (metric >= sc->nmetrics)
        return error_set(err, PRECIS_ERR_USAGE, "", 0, "no metric %zu", metric);
    size_t n = sc->npairs;
    keyed *ks = malloc((n ? n : 1) * sizeof *ks);
    double(*vals)[3] = malloc((n ? n : 1) * sizeof *vals);
    if (!ks || !vals) {
        free(ks), free(vals);
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        ks[i] = (keyed){sc->ids[i], i};
    qsort(ks, n, sizeof *ks, by_key);
    for (size_t i = 0; i < n; i++) {
        const rouge_score *s = &sc->scores[ks[i].index * sc->nmetrics + metric];
        bool counts = sc->opt.counting == 1 || sc->opt.counting == 2;
        vals[i][0] = counts ? s->model_count : s->r;
        vals[i][1] = counts ? s->peer_count : s->p;
        vals[i][2] = counts ? s->hit : s->f;
    }
    rouge_bootstrap((const double(*)[3])vals, n, &sc->opt, out);
    free(ks), free(vals);
    return PRECIS_OK;
}

precis_status rouge_tokens_string(rouge_scorer *sc, const char *text, char **out,
                                  precis_error *err)
{
    *out = NULL;
    rouge_doc *d;
    precis_status st = rouge_doc_new(sc, text, strlen(text), ROUGE_FMT_SPL, &d, err);
    if (st)
        return st;
    size_t cap = 1;
    for (size_t i = 0; i < d->flat.n; i++)
        cap += strmap_key_len(&sc->vocab, d->flat.ids[i]) + 1;
    char *s = malloc(cap), *w = s;
    if (!s) {
        rouge_doc_free(d);
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    }
    for (size_t i = 0; i < d->flat.n; i++) {
        size_t l = strmap_key_len(&sc->vocab, d->flat.ids[i]);
        if (i)
            *w++ = ' ';
        memcpy(w, strmap_key(&sc->vocab, d->flat.ids[i]), l);
        w += l;
    }
    *w = '\0';
    rouge_doc_free(d);
    *out = s;
    return PRECIS_OK;
}

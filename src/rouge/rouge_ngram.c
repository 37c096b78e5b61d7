/*
 * rouge_ngram.c: clipped counts for ROUGE-N and ROUGE-S/SU.
 *
 * An n-gram is named by a dense id: a unigram by its token id, a longer
 * gram by an id from a per-comparison map keyed by (id of its first n-1
 * tokens, last token), offset past the vocabulary, so
 * equal ids mean equal token sequences and nothing is ever hashed lossily.
 * Counts live in arrays indexed by those ids. For one model, hit =
 * sum over its distinct grams of min(peer count, model count).
 *
 * Skip-bigrams follow the script exactly: for i = 0 .. L-2 (the last token
 * never starts an entry) add the unigram t[i] with -u, then the pairs
 * (t[i], t[j]) for j up to i + d + 1 (no bound when d < 0). Unigrams and
 * pairs share one multiset; they can never collide because they live at
 * different map levels.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge/rouge_int.h"

/* ---- The id map ------------------------------------------------------------ */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static size_t slot_of(uint32_t level, uint64_t key, size_t mask)
{
    return mix(key ^ ((uint64_t)level * 0x9E3779B97F4A7C15ULL)) & mask;
}

static int gmap_grow(rouge_gmap *g)
{
    size_t nc = g->cap ? g->cap * 2 : 4096;
    uint64_t *nk = malloc(nc * sizeof *nk);
    uint32_t *ng = calloc(nc, sizeof *ng);
    uint32_t *nv = malloc(nc * sizeof *nv);
    uint32_t *nl = malloc(nc * sizeof *nl);
    if (!nk || !ng || !nv || !nl) {
        free(nk), free(ng), free(nv), free(nl);
        return -1;
    }
    for (size_t i = 0; i < g->cap; i++) {
        if (g->gens[i] != g->gen)
            continue;
        size_t j = slot_of(g->levels[i], g->keys[i], nc - 1);
        while (ng[j])
            j = (j + 1) & (nc - 1);
        nk[j] = g->keys[i];
        ng[j] = 1;
        nv[j] = g->vals[i];
        nl[j] = g->levels[i];
    }
    free(g->keys), free(g->gens), free(g->vals), free(g->levels);
    g->keys = nk, g->gens = ng, g->vals = nv, g->levels = nl;
    g->cap = nc;
    g->gen = 1;
    return 0;
}

/* The id of (level, key), adding it if new; UINT32_MAX when memory runs out.
 * Level 2 keys are token pairs; level k > 2 keys are (map id of the (k-1)-gram) << 32
 * | token id, so each id names exactly one token sequence. */
static uint32_t gmap_id(rouge_gmap *g, uint32_t level, uint64_t key)
{
    if ((g->count + 1) * 2 > g->cap && gmap_grow(g) < 0)
        return UINT32_MAX;
    size_t mask = g->cap - 1, i = slot_of(level, key, mask);
    while (g->gens[i] == g->gen) {
        if (g->keys[i] == key && g->levels[i] == level)
            return g->vals[i];
        i = (i + 1) & mask;
    }
    g->gens[i] = g->gen;
    g->keys[i] = key;
    g->levels[i] = level;
    g->vals[i] = (uint32_t)g->count;
    return (uint32_t)g->count++;
}

static void gmap_clear(rouge_gmap *g)
{
    g->count = 0;
    if (++g->gen == 0) {
        if (g->gens)
            memset(g->gens, 0, g->cap * sizeof *g->gens);
        g->gen = 1;
    }
}

void rouge_gmap_free(rouge_gmap *g)
{
    free(g->keys), free(g->gens), free(g->vals), free(g->levels);
    memset(g, 0, sizeof *g);
}

/* ---- Scratch ------------------------------------------------------------------ */

static int reserve(uint32_t **v, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need)
        nc *= 2;
    uint32_t *nv = realloc(*v, nc * sizeof *nv);
    if (!nv)
        return -1;
    *v = nv;
    *cap = nc;
    return 0;
}

/* Count arrays must cover every id the map has handed out. */
static int counts_cover(rouge_scorer *sc)
{
    size_t need = sc->vocab.count + sc->gm.count;
    if (need <= sc->cnt_cap)
        return 0;
    size_t nc = sc->cnt_cap ? sc->cnt_cap : 1024;
    while (nc < need)
        nc *= 2;
    uint32_t *a = realloc(sc->cnt_peer, nc * sizeof *a);
    if (!a)
        return -1;
    sc->cnt_peer = a;
    uint32_t *b = realloc(sc->cnt_model, nc * sizeof *b);
    if (!b)
        return -1;
    sc->cnt_model = b;
    memset(a + sc->cnt_cap, 0, (nc - sc->cnt_cap) * sizeof *a);
    memset(b + sc->cnt_cap, 0, (nc - sc->cnt_cap) * sizeof *b);
    sc->cnt_cap = nc;
    return 0;
}

/* ---- Gram lists ------------------------------------------------------------------ */

/* The n-gram ids of t into *out; returns the count or -1. Unigrams are
 * token ids themselves; longer grams get map ids offset by `base` (the
 * vocabulary size) so the two id spaces never meet in the count arrays. */
static long ngram_ids(rouge_scorer *sc, const rouge_toks *t, int n, uint32_t base, uint32_t **out,
                      size_t *cap)
{
    if (t->n < (size_t)n || n < 1)
        return 0;
    if (reserve(out, cap, t->n) < 0)
        return -1;
    uint32_t *v = *out;
    memcpy(v, t->ids, t->n * sizeof *v);
    for (int lvl = 2; lvl <= n; lvl++)
        for (size_t i = 0; i + (size_t)lvl <= t->n; i++) {
            uint64_t key = (uint64_t)v[i] << 32 | t->ids[i + (size_t)lvl - 1];
            if ((v[i] = gmap_id(&sc->gm, (uint32_t)lvl, key)) == UINT32_MAX)
                return -1;
        }
    if (n > 1)
        for (size_t i = 0; i + (size_t)n <= t->n; i++)
            v[i] += base;
    return (long)(t->n - (size_t)n + 1);
}

/* The skip-bigram (and -u unigram) ids of t into *out; returns the count or -1. */
static long skip_ids(rouge_scorer *sc, const rouge_toks *t, long dist, bool unigrams,
                     uint32_t base, uint32_t **out, size_t *cap)
{
    size_t L = t->n, k = 0;
    for (size_t i = 0; i + 1 < L; i++) {
        size_t last = L - 1;
        if (dist >= 0 && i + (size_t)dist + 1 < last)
            last = i + (size_t)dist + 1;
        if (reserve(out, cap, k + 1 + (last - i)) < 0)
            return -1;
        if (unigrams)
            (*out)[k++] = t->ids[i];
        for (size_t j = i + 1; j <= last; j++) {
            uint64_t key = (uint64_t)t->ids[i] << 32 | t->ids[j];
            uint32_t id = gmap_id(&sc->gm, 2, key);
            if (id == UINT32_MAX)
                return -1;
            (*out)[k++] = base + id;
        }
    }
    return (long)k;
}

/* ---- Clipped hits ------------------------------------------------------------------ */

typedef struct how {
    int n;
    long dist;
    bool unigrams;
    bool skip;
} how;

static long gram_list(rouge_scorer *sc, const rouge_toks *t, const how *h, uint32_t **out,
                      size_t *cap)
{
    uint32_t base = (uint32_t)sc->vocab.count;
    return h->skip ? skip_ids(sc, t, h->dist, h->unigrams, base, out, cap)
                   : ngram_ids(sc, t, h->n, base, out, cap);
}

static int clipped(rouge_scorer *sc, const rouge_toks *peer, const rouge_toks *const *models,
                   size_t nmodels, const how *h, double *hits, double *mcount, double *pcount)
{
    gmap_clear(&sc->gm);
    long np = gram_list(sc, peer, h, &sc->gram_peer, &sc->gram_cap_peer);
    if (np < 0 || counts_cover(sc) < 0)
        return -1;
    for (long i = 0; i < np; i++)
        sc->cnt_peer[sc->gram_peer[i]]++;
    *pcount = (double)np;
    int rc = 0;
    for (size_t m = 0; m < nmodels && rc == 0; m++) {
        long nm = gram_list(sc, models[m], h, &sc->gram_a, &sc->gram_cap_a);
        if (nm < 0 || counts_cover(sc) < 0 || reserve(&sc->touched, &sc->touched_cap, (size_t)nm) < 0) {
            rc = -1;
            break;
        }
        size_t nt = 0;
        for (long i = 0; i < nm; i++)
            if (sc->cnt_model[sc->gram_a[i]]++ == 0)
                sc->touched[nt++] = sc->gram_a[i];
        uint64_t hit = 0;
        for (size_t i = 0; i < nt; i++) {
            uint32_t id = sc->touched[i];
            hit += sc->cnt_peer[id] < sc->cnt_model[id] ? sc->cnt_peer[id] : sc->cnt_model[id];
            sc->cnt_model[id] = 0;
        }
        hits[m] = (double)hit;
        mcount[m] = (double)nm;
    }
    for (long i = 0; i < np; i++)
        sc->cnt_peer[sc->gram_peer[i]] = 0;
    return rc;
}

int rouge_count_ngrams(rouge_scorer *sc, const rouge_toks *peer, const rouge_toks *const *models,
                       size_t nmodels, int n, double *hits, double *mcount, double *pcount)
{
    how h = {.n = n};
    return clipped(sc, peer, models, nmodels, &h, hits, mcount, pcount);
}

int rouge_count_skip(rouge_scorer *sc, const rouge_toks *peer, const rouge_toks *const *models,
                     size_t nmodels, long dist, bool unigrams, double *hits, double *mcount,
                     double *pcount)
{
    how h = {.dist = dist, .unigrams = unigrams, .skip = true};
    return clipped(sc, peer, models, nmodels, &h, hits, mcount, pcount);
}

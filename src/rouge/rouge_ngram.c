/*
 * rouge_ngram.c: clipped counts for ROUGE-N and ROUGE-S/SU.
 *
 * Every gram gets an exact 64-bit key: a unigram t is UNI | t, a bigram
 * or skip-bigram (a, b) is a << 32 | b, and an n-gram with n >= 3 is
 * LONG | (a dense id from a per-comparison map keyed by (id of its first
 * n-1 tokens, last token)). Token ids stay below 2^32 - 2, so the three
 * kinds never collide and nothing is hashed lossily.
 *
 * For one model, hit = sum over its distinct grams of min(peer count,
 * model count). A gram the peer lacks adds nothing, so only the peer's
 * grams go into a table (slots hold the key and both counts); each model
 * gram that finds its slot is a hit while the model has used fewer copies
 * than the peer has. The table is emptied through the list of slots used,
 * so a comparison costs time in its own size only.
 *
 * Skip-bigrams follow the script exactly: for i = 0 .. L-2 (the last token
 * never starts an entry) add the unigram t[i] with -u, then the pairs
 * (t[i], t[j]) for j up to i + d + 1 (no bound when d < 0). Unigrams and
 * pairs share one multiset.
 */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "rouge/rouge_int.h"

#define KEY_EMPTY UINT64_MAX
#define KEY_UNI (0xFFFFFFFFull << 32)
#define KEY_LONG (0xFFFFFFFEull << 32)

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

/* ---- Gram keys ------------------------------------------------------------------ */

/* Keys of the n-grams of t (n >= 3): ids of ever longer prefixes from the
 * map, the last level tagged LONG. */
static long long_keys(rouge_scorer *sc, const rouge_toks *t, int n, uint64_t *out)
{
    if (grow_array(&sc->gram_ids, &sc->gram_ids_cap, t->n, sizeof(uint32_t), 256) < 0)
        return -1;
    uint32_t *v = sc->gram_ids;
    memcpy(v, t->ids, t->n * sizeof *v);
    for (int lvl = 2; lvl <= n; lvl++)
        for (size_t i = 0; i + (size_t)lvl <= t->n; i++) {
            uint64_t key = (uint64_t)v[i] << 32 | t->ids[i + (size_t)lvl - 1];
            if ((v[i] = gmap_id(&sc->gm, (uint32_t)lvl, key)) == UINT32_MAX)
                return -1;
        }
    size_t k = t->n - (size_t)n + 1;
    for (size_t i = 0; i < k; i++)
        out[i] = KEY_LONG | v[i];
    return (long)k;
}

/* A gram with a token that the peer and the models do not share cannot be
 * a hit, so grams are filtered by `in` (in[i]: token i is shared); NULL
 * keeps every gram.
 * The gram functions write the kept keys to *out, their number to *kept,
 * and return how many grams there are in all (or -1). */

static long ngram_keys(rouge_scorer *sc, const rouge_toks *t, int n, const unsigned char *in,
                       uint64_t **out, size_t *cap, size_t *kept)
{
    *kept = 0;
    if (n < 1 || t->n < (size_t)n)
        return 0;
    if (grow_array(out, cap, t->n, sizeof(uint64_t), 256) < 0)
        return -1;
    uint64_t *v = *out;
    const uint32_t *id = t->ids;
    size_t k = 0, total = t->n - (size_t)n + 1;
    if (n == 1) {
        for (size_t i = 0; i < t->n; i++)
            if (!in || in[i])
                v[k++] = KEY_UNI | id[i];
    } else if (n == 2) {
        for (size_t i = 0; i + 1 < t->n; i++)
            if (!in || (in[i] & in[i + 1]))
                v[k++] = (uint64_t)id[i] << 32 | id[i + 1];
    } else {
        long nk = long_keys(sc, t, n, v);
        if (nk < 0)
            return -1;
        k = (size_t)nk;
    }
    *kept = k;
    return (long)total;
}

/* Token i starts pairs with i+1 .. last(i). */
static size_t skip_last(size_t i, size_t L, long dist)
{
    size_t last = L - 1;
    if (dist >= 0 && i + (size_t)dist + 1 < last)
        last = i + (size_t)dist + 1;
    return last;
}

static long skip_keys(const rouge_toks *t, long dist, bool unigrams, const unsigned char *in,
                      uint64_t **out, size_t *cap, size_t *kept)
{
    size_t L = t->n, total = 0, k = 0;
    *kept = 0;
    if (L < 2)
        return 0;
    for (size_t i = 0; i + 1 < L; i++)
        total += (unigrams ? 1 : 0) + skip_last(i, L, dist) - i;
    if (grow_array(out, cap, total, sizeof(uint64_t), 256) < 0)
        return -1;
    uint64_t *v = *out;
    const uint32_t *id = t->ids;
    for (size_t i = 0; i + 1 < L; i++) {
        if (in && !in[i])
            continue;
        size_t last = skip_last(i, L, dist);
        if (unigrams)
            v[k++] = KEY_UNI | id[i];
        uint64_t hi = (uint64_t)id[i] << 32;
        for (size_t j = i + 1; j <= last; j++)
            if (!in || in[j])
                v[k++] = hi | id[j];
    }
    *kept = k;
    return (long)total;
}

typedef struct how {
    int n;
    long dist;
    bool unigrams;
    bool skip;
} how;

static long gram_keys(rouge_scorer *sc, const rouge_toks *t, const how *h,
                      const unsigned char *in, uint64_t **out, size_t *cap, size_t *kept)
{
    return h->skip ? skip_keys(t, h->dist, h->unigrams, in, out, cap, kept)
                   : ngram_keys(sc, t, h->n, in, out, cap, kept);
}

/* ---- The peer's gram table ------------------------------------------------------ */

static size_t home(const rouge_scorer *sc, uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> sc->gs_shift);
}

/* Room for n distinct grams at load <= 1/2. The table is empty between
 * comparisons, so it is used at the size this comparison needs (a prefix
 * of the allocation): a small peer after a large one stays in cache. */
static int table_reserve(rouge_scorer *sc, size_t n)
{
    if (grow_array(&sc->gs_used, &sc->gs_used_cap, n, sizeof(uint32_t), 256) < 0 ||
        grow_array(&sc->touched, &sc->touched_cap, n, sizeof(uint32_t), 256) < 0)
        return -1;
    size_t nc = 256;
    unsigned bits = 8;
    while (nc < 2 * n)
        nc *= 2, bits++;
    if (nc > sc->gs_alloc) {
        rouge_gslot *ns = malloc(nc * sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < nc; i++)
            ns[i] = (rouge_gslot){KEY_EMPTY, 0, 0};
        free(sc->gs);
        sc->gs = ns;
        sc->gs_alloc = nc;
    }
    sc->gs_cap = nc;
    sc->gs_shift = 64 - bits;
    return 0;
}

/* Count the peer's grams; returns how many distinct slots were filled. */
static size_t peer_insert(rouge_scorer *sc, const uint64_t *keys, size_t n)
{
    rouge_gslot *gs = sc->gs;
    size_t mask = sc->gs_cap - 1, used = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = home(sc, keys[i]);
        while (gs[j].key != keys[i] && gs[j].key != KEY_EMPTY)
            j = (j + 1) & mask;
        if (gs[j].key == KEY_EMPTY) {
            gs[j].key = keys[i];
            sc->gs_used[used++] = (uint32_t)j;
        }
        gs[j].peer++;
    }
    return used;
}

/* Clipped hits of one model's grams against the peer table. */
static uint64_t model_hits(rouge_scorer *sc, const uint64_t *keys, size_t n)
{
    rouge_gslot *gs = sc->gs;
    size_t mask = sc->gs_cap - 1, nt = 0;
    uint64_t hit = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = home(sc, keys[i]);
        while (gs[j].key != keys[i] && gs[j].key != KEY_EMPTY)
            j = (j + 1) & mask;
        rouge_gslot *s = &gs[j];
        if (s->key == KEY_EMPTY)
            continue;
        if (s->model == 0)
            sc->touched[nt++] = (uint32_t)j;
        hit += s->model < s->peer;
        s->model++;
    }
    for (size_t i = 0; i < nt; i++)
        gs[sc->touched[i]].model = 0;
    return hit;
}

static void table_clear(rouge_scorer *sc, size_t used)
{
    for (size_t i = 0; i < used; i++)
        sc->gs[sc->gs_used[i]] = (rouge_gslot){KEY_EMPTY, 0, 0};
}

/* ---- Clipped hits ------------------------------------------------------------------ */

/* Mark the tokens that the peer and at least one model share: seen[t]
 * ends as stamp + 1 for those (stamp alone: the peer's other tokens). A
 * gram with any other token cannot be a hit, on either side. */
static int mark_shared(rouge_scorer *sc, const rouge_toks *peer, const rouge_toks *const *models,
                       size_t nmodels)
{
    if (rouge_vocab_scratch(sc) < 0)
        return -1;
    if (sc->stamp >= UINT32_MAX - 2) {
        memset(sc->seen, 0, sc->vocab_cap * sizeof *sc->seen);
        sc->stamp = 0;
    }
    uint32_t only = ++sc->stamp, both = ++sc->stamp;
    for (size_t i = 0; i < peer->n; i++)
        sc->seen[peer->ids[i]] = only;
    for (size_t m = 0; m < nmodels; m++)
        for (size_t i = 0; i < models[m]->n; i++) {
            uint32_t *s = &sc->seen[models[m]->ids[i]];
            if (*s == only)
                *s = both;
        }
    return 0;
}

/* in[i] for each token of t: is it shared (see mark_shared)? */
static unsigned char *shared_flags(rouge_scorer *sc, const rouge_toks *t, unsigned char **buf,
                                   size_t *cap)
{
    if (t->n > *cap) {
        unsigned char *ni = realloc(*buf, t->n);
        if (!ni)
            return NULL;
        *buf = ni;
        *cap = t->n;
    }
    for (size_t i = 0; i < t->n; i++)
        (*buf)[i] = sc->seen[t->ids[i]] == sc->stamp;
    return *buf;
}

static int clipped(rouge_scorer *sc, const rouge_toks *peer, const rouge_toks *const *models,
                   size_t nmodels, const how *h, double *hits, double *mcount, double *pcount)
{
    bool filter = h->skip || h->n <= 2;
    if (!h->skip && h->n >= 3)
        gmap_clear(&sc->gm);
    const unsigned char *in = NULL;
    if (filter && (mark_shared(sc, peer, models, nmodels) < 0 ||
                   (peer->n && !(in = shared_flags(sc, peer, &sc->in_peer, &sc->in_peer_cap)))))
        return -1;
    size_t np;
    long total = gram_keys(sc, peer, h, in, &sc->keys_peer, &sc->keys_peer_cap, &np);
    if (total < 0 || table_reserve(sc, np) < 0)
        return -1;
    size_t used = peer_insert(sc, sc->keys_peer, np);
    *pcount = (double)total;
    int rc = 0;
    for (size_t m = 0; m < nmodels; m++) {
        size_t nk;
        in = NULL;
        if (filter && models[m]->n && !(in = shared_flags(sc, models[m], &sc->in, &sc->in_cap))) {
            rc = -1;
            break;
        }
        long nm = gram_keys(sc, models[m], h, in, &sc->keys_model, &sc->keys_model_cap, &nk);
        if (nm < 0) {
            rc = -1;
            break;
        }
        hits[m] = (double)model_hits(sc, sc->keys_model, nk);
        mcount[m] = (double)nm;
    }
    table_clear(sc, used);
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

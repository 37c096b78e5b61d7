/*
 * rouge_lcs.c: ROUGE-L (summary-level union LCS) and ROUGE-W (weighted LCS).
 *
 * For each model sentence, every peer sentence marks one particular LCS in
 * a hit mask, fixed by the script's tie-breaks: a match goes diagonally;
 * otherwise up when the upper value is >= the left one, else left. The mask
 * is the union over peer sentences. Marked model words then count as hits
 * while both the model's and the peer's unigram budgets (from the flat
 * text) last; every hit spends one of each.
 *
 * ROUGE-L speed-ups (none changes a mark):
 *  - A model word that does not occur in the peer sentence gives a row
 *    with no match; in a plain LCS table such a row copies the row above
 *    with every step "up", so dropping it changes neither the values nor
 *    the path. Only the rows of shared words are computed, 64 cells at a
 *    time as bit vectors (Allison-Dix / Hyyro).
 *  - The union does not depend on the order of the peer sentences, so the
 *    loop runs peer sentence first: its match masks are built once and
 *    serve every model sentence. Model positions whose word the peer lacks
 *    are filtered out once per model.
 *  - The traceback carries the current table value, so deciding "up"
 *    counts one row, and a run of "left" steps, which can only end at the
 *    row's next match, is a single jump.
 * The weighted table of ROUGE-W is not monotone, so it is always computed
 * in full, cell by cell.
 *
 * All tables live in scorer scratch that only ever grows.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "rouge/rouge_int.h"

enum { DIAG = 1, UP = 2, LEFT = 3 };

static int grow_rows(rouge_scorer *sc, size_t need)
{
    if (need <= sc->row_cap)
        return 0;
    size_t nc = sc->row_cap ? sc->row_cap : 256;
    while (nc < need)
        nc *= 2;
    void *p[6] = {realloc(sc->row_a, nc * sizeof(int)), NULL, NULL, NULL, NULL, NULL};
    if (!p[0])
        return -1;
    sc->row_a = p[0];
    if (!(p[1] = realloc(sc->row_b, nc * sizeof(int))))
        return -1;
    sc->row_b = p[1];
    if (!(p[2] = realloc(sc->wrow_a, nc * sizeof(double))))
        return -1;
    sc->wrow_a = p[2];
    if (!(p[3] = realloc(sc->wrow_b, nc * sizeof(double))))
        return -1;
    sc->wrow_b = p[3];
    if (!(p[4] = realloc(sc->krow_a, nc * sizeof(int))))
        return -1;
    sc->krow_a = p[4];
    if (!(p[5] = realloc(sc->krow_b, nc * sizeof(int))))
        return -1;
    sc->krow_b = p[5];
    if (!(p[0] = realloc(sc->rows, nc * sizeof(uint32_t))))
        return -1;
    sc->rows = p[0];
    sc->row_cap = sc->rows_cap = nc;
    return 0;
}

/* Follow the directions from the bottom-right corner, marking model rows. */
static void trace(const unsigned char *dir, size_t m, size_t n, const uint32_t *rows,
                  unsigned char *mask)
{
    size_t i = m, j = n;
    while (i > 0 && j > 0) {
        unsigned char d = dir[(i - 1) * n + (j - 1)];
        if (d == DIAG) {
            i--, j--;
            mask[rows ? rows[i] : i] = 1;
        } else if (d == UP) {
            i--;
        } else {
            j--;
        }
    }
}

/* Portable popcount (the builtin is a library call without -mpopcnt). */
static inline size_t ones64(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (size_t)((x * 0x0101010101010101ULL) >> 56);
}

/* C[i][j] from row i's bit vector: the zero bits below j count the steps. */
static inline size_t lcs_at(const uint64_t *v, size_t j)
{
    size_t ones = 0, w = 0;
    for (; j >= 64; j -= 64, w++)
        ones += ones64(v[w]);
    if (j)
        ones += ones64(v[w] & ((1ULL << j) - 1));
    return w * 64 + j - ones;
}

static inline bool has_bit(const uint64_t *m, size_t b)
{
    return (m[b / 64] >> (b % 64)) & 1;
}

/* The highest set bit of m below bit b (b >= 1), or -1. */
static long bit_below(const uint64_t *m, size_t b)
{
    size_t w = (b - 1) / 64;
    unsigned q = (unsigned)((b - 1) % 64);
    uint64_t x = m[w] & (q == 63 ? ~0ULL : (2ULL << q) - 1);
    for (;;) {
        if (x)
            return (long)(w * 64 + 63 - (size_t)__builtin_clzll(x));
        if (w == 0)
            return -1;
        x = m[--w];
    }
}

/* Two arrays of one capacity; the new part of the first is zeroed (it
 * holds stamps). */
static int grow_pair(uint32_t **a, uint32_t **b, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need)
        nc *= 2;
    uint32_t *na = realloc(*a, nc * sizeof *na);
    if (!na)
        return -1;
    *a = na;
    memset(na + *cap, 0, (nc - *cap) * sizeof *na);
    uint32_t *nb = realloc(*b, nc * sizeof *nb);
    if (!nb)
        return -1;
    *b = nb;
    *cap = nc;
    return 0;
}

/* ---- Plain LCS: set-up ------------------------------------------------------------ */

/* Local ids for the distinct words of the peer's sentences (seen/slot_of
 * under a fresh stamp) and each peer token's local id in ploc. */
static int peer_local(rouge_scorer *sc, const rouge_sents *ps)
{
    rouge_lcs_scratch *ls = &sc->ls;
    if (++sc->stamp == 0) {
        memset(sc->seen, 0, sc->vocab_cap * sizeof *sc->seen);
        sc->stamp = 1;
    }
    if (grow_array(&ls->ploc, &ls->ploc_cap, ps->toks.n, sizeof(uint32_t), 256) < 0)
        return -1;
    uint32_t nloc = 0;
    for (size_t i = 0; i < ps->toks.n; i++) {
        uint32_t t = ps->toks.ids[i];
        if (sc->seen[t] != sc->stamp) {
            sc->seen[t] = sc->stamp;
            sc->slot_of[t] = nloc++;
        }
        ls->ploc[i] = sc->slot_of[t];
    }
    return grow_pair(&ls->tmark, &ls->tslot, &ls->tcap, nloc);
}

/* The model positions whose word occurs in the peer, with its local id,
 * grouped by model sentence. */
static int model_shared(rouge_scorer *sc, const rouge_sents *ms)
{
    rouge_lcs_scratch *ls = &sc->ls;
    if (grow_pair(&ls->spos, &ls->sloc, &ls->scap, ms->toks.n) < 0)
        return -1;
    if (ms->n + 1 > ls->sstart_cap) {
        size_t *ns = realloc(ls->sstart, (ms->n + 1) * sizeof *ns);
        if (!ns)
            return -1;
        ls->sstart = ns;
        ls->sstart_cap = ms->n + 1;
    }
    size_t k = 0;
    for (size_t s = 0; s < ms->n; s++) {
        ls->sstart[s] = k;
        for (size_t p = ms->start[s]; p < ms->start[s + 1]; p++) {
            uint32_t t = ms->toks.ids[p];
            if (sc->seen[t] == sc->stamp) {
                ls->spos[k] = (uint32_t)p;
                ls->sloc[k++] = sc->slot_of[t];
            }
        }
    }
    ls->sstart[ms->n] = k;
    return 0;
}

/* The match masks of one peer sentence (local ids loc, n tokens): one slot
 * of W words per distinct word, found through tmark/tslot. */
static int sentence_masks(rouge_scorer *sc, const uint32_t *loc, size_t n, size_t W)
{
    rouge_lcs_scratch *ls = &sc->ls;
    if (grow_array(&sc->pm, &sc->pm_cap, n * W, sizeof(uint64_t), 1024) < 0)
        return -1;
    if (++ls->tstamp == 0) {
        memset(ls->tmark, 0, ls->tcap * sizeof *ls->tmark);
        ls->tstamp = 1;
    }
    uint32_t slots = 0;
    for (size_t j = 0; j < n; j++) {
        uint32_t l = loc[j];
        if (ls->tmark[l] != ls->tstamp) {
            ls->tmark[l] = ls->tstamp;
            ls->tslot[l] = slots;
            memset(sc->pm + (size_t)slots * W, 0, W * sizeof *sc->pm);
            slots++;
        }
        sc->pm[(size_t)ls->tslot[l] * W + j / 64] |= 1ULL << (j % 64);
    }
    return 0;
}

/* ---- Plain LCS: table and traceback ------------------------------------------------- */

/* Row vectors: bit j of row i is 0 exactly where C[i][j+1] = C[i][j] + 1.
 * Row 0 is all ones; row i follows from row i-1 and its word's mask. */
static void lcs_rows(const uint64_t *pm, const uint32_t *rslot, size_t k, size_t W, uint64_t *V)
{
    memset(V, 0xFF, W * sizeof *V);
    for (size_t i = 1; i <= k; i++) {
        const uint64_t *m = pm + (size_t)rslot[i - 1] * W;
        const uint64_t *prev = V + (i - 1) * W;
        uint64_t *cur = V + i * W, carry = 0, borrow = 0;
        for (size_t w = 0; w < W; w++) {
            uint64_t x = prev[w], u = x & m[w];
            uint64_t sum = x + u, c1 = sum < x;
            uint64_t sum2 = sum + carry;
            carry = c1 | (sum2 < sum);
            uint64_t diff = x - u, b1 = x < u;
            uint64_t diff2 = diff - borrow;
            borrow = b1 | (diff < borrow);
            cur[w] = sum2 | diff2;
        }
    }
}

/* The script's traceback from (k, n): diagonal on a match, else up when
 * C[i-1][j] >= C[i][j-1], else left. Off a match C[i][j] is the larger of
 * the two, so "up" means C[i-1][j] == C[i][j]; the current value is carried
 * along. After a "left", C[i-1][j] < C[i][j] holds for every column further
 * left until row i matches again, so the run of lefts jumps to that match. */
static void lcs_trace(const uint64_t *V, const uint64_t *pm, const uint32_t *rslot,
                      const uint32_t *rows, size_t k, size_t W, size_t n, unsigned char *mask)
{
    size_t i = k, j = n, cur = lcs_at(V + k * W, n);
    while (i > 0 && j > 0 && cur > 0) {
        const uint64_t *m = pm + (size_t)rslot[i - 1] * W;
        if (has_bit(m, j - 1)) {
            mask[rows[i - 1]] = 1;
            i--, j--, cur--;
        } else if (lcs_at(V + (i - 1) * W, j) == cur) {
            i--;
        } else {
            long b = j > 1 ? bit_below(m, j - 1) : -1;
            if (b < 0)
                break;
            j = (size_t)b + 1;
        }
    }
}

/* Mark, for every model sentence, its LCS with one peer sentence of n
 * tokens whose masks sentence_masks() has just built. */
static int lcs_against(rouge_scorer *sc, const rouge_sents *ms, size_t n, unsigned char *mask)
{
    rouge_lcs_scratch *ls = &sc->ls;
    size_t W = (n + 63) / 64;
    const uint32_t *tmark = ls->tmark, *tslot = ls->tslot, *sloc = ls->sloc, *spos = ls->spos;
    uint32_t *restrict rows = sc->rows, *restrict rslot = ls->rslot, stamp = ls->tstamp;
    for (size_t s = 0; s < ms->n; s++) {
        size_t k = 0;
        /* branch-free: which words the peer sentence has is unpredictable */
        for (size_t q = ls->sstart[s]; q < ls->sstart[s + 1]; q++) {
            uint32_t l = sloc[q];
            rows[k] = spos[q];
            rslot[k] = tslot[l];
            k += tmark[l] == stamp;
        }
        if (!k)
            continue;
        if (grow_array(&sc->vrows, &sc->vrows_cap, (k + 1) * W, sizeof(uint64_t), 1024) < 0)
            return -1;
        lcs_rows(sc->pm, ls->rslot, k, W, sc->vrows);
        lcs_trace(sc->vrows, sc->pm, ls->rslot, sc->rows, k, W, n, mask);
    }
    return 0;
}

/* The union hit mask of a whole model (indexed by model position). */
static int lcs_mask(rouge_scorer *sc, const rouge_sents *ps, const rouge_sents *ms,
                    unsigned char *mask)
{
    rouge_lcs_scratch *ls = &sc->ls;
    if (model_shared(sc, ms) < 0 || grow_rows(sc, ms->toks.n + 1) < 0 ||
        grow_array(&ls->rslot, &ls->rslot_cap, ms->toks.n + 1, sizeof(uint32_t), 256) < 0)
        return -1;
    if (ls->sstart[ms->n] == 0)
        return 0;
    for (size_t t = 0; t < ps->n; t++) {
        size_t n = ps->start[t + 1] - ps->start[t];
        if (!n)
            continue;
        if (sentence_masks(sc, ls->ploc + ps->start[t], n, (n + 63) / 64) < 0 ||
            lcs_against(sc, ms, n, mask) < 0)
            return -1;
    }
    return 0;
}

/* Weighted LCS: a match adds f(k+1) - f(k), k being the run length so far. */
static int wlcs_inner(rouge_scorer *sc, const uint32_t *r, size_t m, const uint32_t *c, size_t n,
                      const double *fw, unsigned char *mask)
{
    if (!m || !n)
        return 0;
    if (grow_rows(sc, n + 1) < 0 || grow_array(&sc->dir, &sc->dir_cap, m * n, 1, 4096) < 0)
        return -1;
    double *prev = sc->wrow_a, *cur = sc->wrow_b;
    int *kprev = sc->krow_a, *kcur = sc->krow_b;
    for (size_t j = 0; j <= n; j++)
        prev[j] = 0, kprev[j] = 0;
    for (size_t i = 1; i <= m; i++) {
        uint32_t w = r[i - 1];
        unsigned char *d = sc->dir + (i - 1) * n;
        cur[0] = 0, kcur[0] = 0;
        for (size_t j = 1; j <= n; j++) {
            if (w == c[j - 1]) {
                int k = kprev[j - 1];
                /* (c + f(k+1)) - f(k), in the script's order */
                cur[j] = prev[j - 1] + fw[k + 1] - fw[k];
                kcur[j] = k + 1;
                d[j - 1] = DIAG;
            } else if (prev[j] >= cur[j - 1]) {
                cur[j] = prev[j];
                kcur[j] = 0;
                d[j - 1] = UP;
            } else {
                cur[j] = cur[j - 1];
                kcur[j] = 0;
                d[j - 1] = LEFT;
            }
        }
        double *t = prev;
        prev = cur, cur = t;
        int *kt = kprev;
        kprev = kcur, kcur = kt;
    }
    trace(sc->dir, m, n, NULL, mask);
    return 0;
}

/* ---- Hits ------------------------------------------------------------------- */

static bool spend(rouge_scorer *sc, uint32_t w)
{
    if (sc->bud_model[w] == 0 || sc->bud_peer[w] == 0)
        return false;
    sc->bud_model[w]--;
    sc->bud_peer[w]--;
    return true;
}

/* Walk ROUGE-W's marked positions exactly as the script does: the run h
 * grows on every budgeted hit and is flushed (h^W) when the next position
 * is unmarked or the sentence ends; a marked position that fails the
 * budget neither breaks nor flushes the run. */
static double walk_weighted(rouge_scorer *sc, const uint32_t *r, size_t m,
                            const unsigned char *mask, const double *fw)
{
    double hit = 0;
    int h = 0;
    for (size_t j = 0; j < m; j++) {
        if (!mask[j] || !spend(sc, r[j]))
            continue;
        h++;
        if ((j + 1 < m && !mask[j + 1]) || j + 1 == m) {
            hit += fw[h];
            h = 0;
        }
    }
    return hit;
}

static void budgets(uint32_t *b, const rouge_toks *t, int delta)
{
    for (size_t i = 0; i < t->n; i++)
        b[t->ids[i]] += (uint32_t)delta;
}

static void budgets_zero(uint32_t *b, const rouge_toks *t)
{
    for (size_t i = 0; i < t->n; i++)
        b[t->ids[i]] = 0;
}

/* f(x) = x^W for x = 0 .. need-1, in sc->wrow-independent storage. */
static double *weights(size_t need, double weight)
{
    double *fw = malloc((need + 2) * sizeof *fw);
    if (!fw)
        return NULL;
    for (size_t x = 0; x < need + 2; x++)
        fw[x] = pow((double)x, weight);
    return fw;
}

static size_t longest_sentence(const rouge_sents *s)
{
    size_t best = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->start[i + 1] - s->start[i] > best)
            best = s->start[i + 1] - s->start[i];
    return best;
}

/* ROUGE-L against one model: the union mask, then the budgeted walk. */
static int plain_model(rouge_scorer *sc, const rouge_doc *peer, const rouge_doc *model, bool lsum,
                       double *hit, double *base)
{
    const rouge_sents *ms = lsum ? &model->lsum : &model->sents;
    const rouge_sents *ps = lsum ? &peer->lsum : &peer->sents;
    size_t M = ms->toks.n;
    *hit = 0, *base = 0;
    for (size_t s = 0; s < ms->n; s++)
        *base += (double)(ms->start[s + 1] - ms->start[s]);
    if (grow_array(&sc->mask, &sc->mask_cap, M + 1, 1, 4096) < 0)
        return -1;
    memset(sc->mask, 0, M + 1);
    if (lcs_mask(sc, ps, ms, sc->mask) < 0)
        return -1;
    budgets(sc->bud_model, &model->flat, 1);
    budgets(sc->bud_peer, &peer->flat, 1);
    for (size_t p = 0; p < M; p++)
        if (sc->mask[p] && spend(sc, ms->toks.ids[p]))
            *hit += 1;
    budgets_zero(sc->bud_model, &model->flat);
    budgets_zero(sc->bud_peer, &peer->flat);
    return 0;
}

/* ROUGE-W against one model, one sentence pair at a time. */
static int weighted_model(rouge_scorer *sc, const rouge_doc *peer, const rouge_doc *model,
                          bool lsum, const double *fw, double *hit, double *base)
{
    const rouge_sents *ms = lsum ? &model->lsum : &model->sents;
    const rouge_sents *ps = lsum ? &peer->lsum : &peer->sents;
    budgets(sc->bud_model, &model->flat, 1);
    budgets(sc->bud_peer, &peer->flat, 1);
    *hit = 0, *base = 0;
    int rc = 0;
    for (size_t s = 0; s < ms->n && rc == 0; s++) {
        /* a text of no tokens has no ids array: no offset into NULL */
        const uint32_t *r = ms->toks.ids ? ms->toks.ids + ms->start[s] : NULL;
        size_t m = ms->start[s + 1] - ms->start[s];
        *base += fw[m];
        if (grow_array(&sc->mask, &sc->mask_cap, m + 1, 1, 4096) < 0) {
            rc = -1;
            break;
        }
        memset(sc->mask, 0, m + 1);
        for (size_t t = 0; t < ps->n && rc == 0; t++) {
            const uint32_t *c = ps->toks.ids ? ps->toks.ids + ps->start[t] : NULL;
            size_t n = ps->start[t + 1] - ps->start[t];
            rc = wlcs_inner(sc, r, m, c, n, fw, sc->mask);
        }
        *hit += walk_weighted(sc, r, m, sc->mask, fw);
    }
    budgets_zero(sc->bud_model, &model->flat);
    budgets_zero(sc->bud_peer, &peer->flat);
    return rc;
}

int rouge_count_lcs(rouge_scorer *sc, const rouge_doc *peer, const rouge_doc *const *models,
                    size_t nmodels, double weight, bool lsum, double *hits, double *bases)
{
    if (rouge_vocab_scratch(sc) < 0)
        return -1;
    double *fw = NULL;
    if (weight > 0) {
        size_t need = longest_sentence(lsum ? &peer->lsum : &peer->sents);
        for (size_t m = 0; m < nmodels; m++) {
            size_t l = longest_sentence(lsum ? &models[m]->lsum : &models[m]->sents);
            need = l > need ? l : need;
        }
        if (!(fw = weights(need, weight)))
            return -1;
    }
    int rc = weight > 0 ? 0 : peer_local(sc, lsum ? &peer->lsum : &peer->sents);
    for (size_t m = 0; m < nmodels && rc == 0; m++)
        rc = weight > 0 ? weighted_model(sc, peer, models[m], lsum, fw, &hits[m], &bases[m])
                        : plain_model(sc, peer, models[m], lsum, &hits[m], &bases[m]);
    free(fw);
    return rc;
}

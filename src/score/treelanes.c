/*
 * treelanes.c: the wide tree walk (see treelanes.h).
 *
 * Walking one tree is a chain of dependent loads (the node's feature, then
 * that feature's value, then the next node), so the portable walk in
 * learned.c keeps four trees in flight and is still bound by those loads.
 * Here a vector holds one node of sixteen trees. A row's 60 features fit
 * four registers, so a lane's feature value comes from two in-register
 * permutes instead of a load; and which node each lane is at is chosen
 * with blends on the comparisons already made, since a depth-4 tree has
 * only 1, 2, 4 and 8 nodes on its levels: 22 blends and four comparisons
 * for sixteen trees, where the portable walk does 64 dependent steps.
 *
 * Sixteen rows a tree at a time was measured first and was slower for the
 * stepwise selector's few rows a call (BENCHMARKS.md); sixteen trees a row
 * at a time serves any number of rows.
 */
#include "score/treelanes.h"

#include <stdint.h>
#include <stdlib.h>

#include "score/features.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(PRECIS_NO_AVX512)
#define HAVE_WIDE 1
#include <immintrin.h>
#define WIDE __attribute__((target("avx512f")))
#endif

#define DEPTH 4
#define NODES 15 /* inner nodes of a complete tree of DEPTH levels */
#define LEAVES 16
#define LANES 16

struct tree_lanes {
    int ntrees, ngroups;
    /* Node k of trees 16g .. 16g + 15 at (g * NODES + k) * LANES; lanes
     * past the last tree hold feature 0 and are never added. */
    int32_t *feat;
    float *thr;
};

void tree_lanes_free(tree_lanes *l)
{
    if (!l)
        return;
    free(l->feat);
    free(l->thr);
    free(l);
}

#ifdef HAVE_WIDE

_Static_assert(F_COUNT <= 4 * LANES, "the wide walk holds a row in four registers");

static int wide_supported(void)
{
    return __builtin_cpu_supports("avx512f");
}

/* Features 16q .. 16q + 15 of row x, zero past F_COUNT; a masked load
 * never reads past the row. */
WIDE static inline __m512 row_part(const float *x, int q)
{
    const int n = F_COUNT - 16 * q;
    if (n >= 16)
        return _mm512_loadu_ps(x + 16 * q);
    if (n <= 0)
        return _mm512_setzero_ps();
    return _mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1), x + 16 * q);
}

typedef struct row {
    __m512 r0, r1, r2, r3;
} row;

/* Which lanes go right: x[f] > thr, lane by lane (false for a NaN, as in
 * the portable walk). Feature indices 0-31 are in r0/r1, 32-63 in r2/r3;
 * a permute uses the index's low five bits. */
WIDE static inline __mmask16 goes_right(const row *x, __m512i f, __m512 thr)
{
    const __m512 lo = _mm512_permutex2var_ps(x->r0, f, x->r1);
    const __m512 hi = _mm512_permutex2var_ps(x->r2, f, x->r3);
    const __mmask16 upper = _mm512_test_epi32_mask(f, _mm512_set1_epi32(32));
    return _mm512_cmp_ps_mask(_mm512_mask_blend_ps(upper, lo, hi), thr, _CMP_GT_OQ);
}

/* The split each lane is at on levels 1, 2 and 3, from that level's 2, 4
 * or 8 nodes (n, in heap order, LANES apart) by the turns taken above it:
 * node n + 4 c0 + 2 c1 + c2 on level 3, say, so c0 picks a half of the
 * level, c1 a half of that and c2 the node. */
WIDE static inline __m512i pick2_i(__mmask16 c0, const int32_t *n)
{
    return _mm512_mask_blend_epi32(c0, _mm512_load_si512(n), _mm512_load_si512(n + LANES));
}

WIDE static inline __m512 pick2_f(__mmask16 c0, const float *n)
{
    return _mm512_mask_blend_ps(c0, _mm512_load_ps(n), _mm512_load_ps(n + LANES));
}

WIDE static inline __m512i pick4_i(__mmask16 c0, __mmask16 c1, const int32_t *n)
{
    const __m512i left = _mm512_mask_blend_epi32(c0, _mm512_load_si512(n), _mm512_load_si512(n + 2 * LANES));
    const __m512i right = _mm512_mask_blend_epi32(c0, _mm512_load_si512(n + LANES), _mm512_load_si512(n + 3 * LANES));
    return _mm512_mask_blend_epi32(c1, left, right);
}

WIDE static inline __m512 pick4_f(__mmask16 c0, __mmask16 c1, const float *n)
{
    const __m512 left = _mm512_mask_blend_ps(c0, _mm512_load_ps(n), _mm512_load_ps(n + 2 * LANES));
    const __m512 right = _mm512_mask_blend_ps(c0, _mm512_load_ps(n + LANES), _mm512_load_ps(n + 3 * LANES));
    return _mm512_mask_blend_ps(c1, left, right);
}

WIDE static inline __m512i pick8_i(__mmask16 c0, __mmask16 c1, __mmask16 c2, const int32_t *n)
{
    const __m512i a = _mm512_mask_blend_epi32(c0, _mm512_load_si512(n), _mm512_load_si512(n + 4 * LANES));
    const __m512i b = _mm512_mask_blend_epi32(c0, _mm512_load_si512(n + 2 * LANES), _mm512_load_si512(n + 6 * LANES));
    const __m512i c = _mm512_mask_blend_epi32(c0, _mm512_load_si512(n + LANES), _mm512_load_si512(n + 5 * LANES));
    const __m512i d = _mm512_mask_blend_epi32(c0, _mm512_load_si512(n + 3 * LANES), _mm512_load_si512(n + 7 * LANES));
    return _mm512_mask_blend_epi32(c2, _mm512_mask_blend_epi32(c1, a, b), _mm512_mask_blend_epi32(c1, c, d));
}

WIDE static inline __m512 pick8_f(__mmask16 c0, __mmask16 c1, __mmask16 c2, const float *n)
{
    const __m512 a = _mm512_mask_blend_ps(c0, _mm512_load_ps(n), _mm512_load_ps(n + 4 * LANES));
    const __m512 b = _mm512_mask_blend_ps(c0, _mm512_load_ps(n + 2 * LANES), _mm512_load_ps(n + 6 * LANES));
    const __m512 c = _mm512_mask_blend_ps(c0, _mm512_load_ps(n + LANES), _mm512_load_ps(n + 5 * LANES));
    const __m512 d = _mm512_mask_blend_ps(c0, _mm512_load_ps(n + 3 * LANES), _mm512_load_ps(n + 7 * LANES));
    return _mm512_mask_blend_ps(c2, _mm512_mask_blend_ps(c1, a, b), _mm512_mask_blend_ps(c1, c, d));
}

/* Sixteen trees' leaves for row x, as offsets into their 16 x 16 leaves. */
WIDE static void walk_group(const tree_lanes *l, int g, const row *x, int32_t *at)
{
    const int32_t *f = l->feat + (size_t)g * NODES * LANES;
    const float *t = l->thr + (size_t)g * NODES * LANES;
    /* Node 0 is the root; 1-2, 3-6 and 7-14 the levels below it. */
    const __mmask16 c0 = goes_right(x, _mm512_load_si512(f), _mm512_load_ps(t));
    const __mmask16 c1 = goes_right(x, pick2_i(c0, f + 1 * LANES), pick2_f(c0, t + 1 * LANES));
    const __mmask16 c2 = goes_right(x, pick4_i(c0, c1, f + 3 * LANES), pick4_f(c0, c1, t + 3 * LANES));
    const __mmask16 c3 = goes_right(x, pick8_i(c0, c1, c2, f + 7 * LANES), pick8_f(c0, c1, c2, t + 7 * LANES));
    /* The leaf's index is the turns read as a binary number. */
    __m512i leaf = _mm512_mullo_epi32(_mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                                      _mm512_set1_epi32(LEAVES));
    leaf = _mm512_mask_add_epi32(leaf, c0, leaf, _mm512_set1_epi32(8));
    leaf = _mm512_mask_add_epi32(leaf, c1, leaf, _mm512_set1_epi32(4));
    leaf = _mm512_mask_add_epi32(leaf, c2, leaf, _mm512_set1_epi32(2));
    leaf = _mm512_mask_add_epi32(leaf, c3, leaf, _mm512_set1_epi32(1));
    _mm512_storeu_si512(at, leaf);
}

WIDE static double add_wide(const tree_lanes *l, const double *leaf, const float *x, double s)
{
    const row r = {row_part(x, 0), row_part(x, 1), row_part(x, 2), row_part(x, 3)};
    for (int g = 0; g < l->ngroups; g++) {
        int32_t at[LANES];
        walk_group(l, g, &r, at);
        const double *group = leaf + (size_t)g * LANES * LEAVES;
        const int n = l->ntrees - g * LANES < LANES ? l->ntrees - g * LANES : LANES;
        for (int j = 0; j < n; j++)
            s += group[at[j]];
    }
    return s;
}

#else

static int wide_supported(void)
{
    return 0;
}

#endif

/* A multiple of 64 bytes, as aligned_alloc wants. */
static void *lanes_alloc(size_t bytes)
{
    return aligned_alloc(64, (bytes + 63) / 64 * 64);
}

tree_lanes *tree_lanes_make(const int *split_feat, const float *split_thr, int ntrees, int depth)
{
    if (depth != DEPTH || ntrees <= 0 || ntrees > 1000000 || !wide_supported())
        return NULL;
    tree_lanes *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->ntrees = ntrees;
    l->ngroups = (ntrees + LANES - 1) / LANES;
    const size_t slots = (size_t)l->ngroups * NODES * LANES;
    l->feat = lanes_alloc(slots * sizeof *l->feat);
    l->thr = lanes_alloc(slots * sizeof *l->thr);
    if (!l->feat || !l->thr) {
        tree_lanes_free(l);
        return NULL;
    }
    for (size_t g = 0; g < (size_t)l->ngroups; g++)
        for (size_t k = 0; k < NODES; k++)
            for (size_t j = 0; j < LANES; j++) {
                const size_t t = g * LANES + j, slot = (g * NODES + k) * LANES + j;
                const int real = t < (size_t)ntrees;
                l->feat[slot] = real ? split_feat[t * NODES + k] : 0;
                l->thr[slot] = real ? split_thr[t * NODES + k] : 0;
            }
    return l;
}

double tree_lanes_add(const tree_lanes *l, const double *leaf, const float *x, double s)
{
#ifdef HAVE_WIDE
    return add_wide(l, leaf, x, s);
#else
    (void)l, (void)leaf, (void)x;
    return s; /* never reached: tree_lanes_make gives NULL */
#endif
}

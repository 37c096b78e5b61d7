/*
 * overlap.c: how much text two articles have in common, and where.
 *
 * Each article's story tokens are cut into overlapping shingles of
 * CMP_SHINGLE normalised words. The share of article i's distinct shingles
 * found in article j says how much of i is j's text; a reworded sentence
 * loses only the few shingles that touch the edit, so the measure is
 * robust to the small edits desks make to wire copy.
 *
 * Shared passages come from aligning the shingle sequences: a run of
 * consecutive shingles of i that are also consecutive in j is a copied
 * stretch, and runs separated by a short gap on both sides (an edited
 * word, an inserted clause) are joined, so one wire paragraph with a
 * changed word is one passage, not two.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"

#define JOIN_GAP 10   /* shingle positions between runs that still join */

typedef struct hpos {
    uint64_t h;
    uint32_t pos;
} hpos;

typedef struct run {
    uint32_t a0, a1, b0, b1; /* shingle positions, inclusive */
} run;

static int cmp_hpos(const void *x, const void *y)
{
    const hpos *a = x, *b = y;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static uint32_t nshingles(const cmp_doc *d)
{
    return d->ntok >= CMP_SHINGLE ? d->ntok - CMP_SHINGLE + 1 : 0;
}

static uint64_t *shingle_seq(const cmp_doc *d, arena *a)
{
    uint32_t n = nshingles(d);
    uint64_t *s = arena_alloc(a, (n + 1) * sizeof *s);
    if (!s)
        return NULL;
    for (uint32_t p = 0; p < n; p++) {
        uint64_t h = 0;
        for (uint32_t k = 0; k < CMP_SHINGLE; k++)
            h = (h ^ d->tok[p + k].hash) * 0x9E3779B97F4A7C15ULL + k;
        s[p] = h;
    }
    return s;
}

/* Sorted distinct shingles; returns the count. */
static uint32_t distinct(const uint64_t *seq, uint32_t n, uint64_t *out)
{
    memcpy(out, seq, n * sizeof *out);
    qsort(out, n, sizeof *out, cmp_u64);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++)
        if (m == 0 || out[m - 1] != out[i])
            out[m++] = out[i];
    return m;
}

static uint32_t common(const uint64_t *x, uint32_t nx, const uint64_t *y, uint32_t ny)
{
    uint32_t i = 0, j = 0, k = 0;
    while (i < nx && j < ny) {
        if (x[i] == y[j]) {
            k++;
            i++;
            j++;
        } else if (x[i] < y[j]) {
            i++;
        } else {
            j++;
        }
    }
    return k;
}

/* First position in b's sorted index with hash h, or -1. */
static long find_first(const hpos *idx, uint32_t n, uint64_t h)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (idx[mid].h < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && idx[lo].h == h ? (long)lo : -1;
}

/* Choose where in b a run starting at a's shingle p begins: the earliest
 * occurrence whose next shingle also matches, else the earliest. */
static long pick_start(const hpos *idx, uint32_t nb, const uint64_t *sa, uint32_t na, uint32_t p,
                       const uint64_t *sb)
{
    long k = find_first(idx, nb, sa[p]);
    if (k < 0)
        return -1;
    long first = idx[k].pos;
    for (; (uint32_t)k < nb && idx[k].h == sa[p]; k++) {
        uint32_t q = idx[k].pos;
        if (p + 1 < na && q + 1 < nb && sb[q + 1] == sa[p + 1])
            return q;
    }
    return first;
}

static int add_passage(const cmp_doc *docs, uint32_t i, uint32_t j, const run *r, arena *a,
                       cmp_overlap *ov, size_t *cap)
{
    uint32_t words = r->a1 - r->a0 + CMP_SHINGLE;
    if (words < CMP_PASSAGE_MIN_WORDS)
        return 0;
    if (ov->npass == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        cmp_passage *p = arena_grow(a, ov->pass, ov->npass, nc, sizeof *p);
        if (!p)
            return -1;
        ov->pass = p;
        *cap = nc;
    }
    const cmp_doc *da = &docs[i], *db = &docs[j];
    cmp_passage *p = &ov->pass[ov->npass++];
    p->a = i;
    p->b = j;
    p->a_start = da->tok[r->a0].start;
    p->a_end = da->tok[r->a1 + CMP_SHINGLE - 1].end;
    p->b_start = db->tok[r->b0].start;
    p->b_end = db->tok[r->b1 + CMP_SHINGLE - 1].end;
    p->words = words;
    return 0;
}

/* Align articles i and j; append their shared passages. */
static int align_pair(const cmp_doc *docs, uint64_t *const *seq, uint32_t i, uint32_t j, arena *a,
                      cmp_overlap *ov, size_t *cap)
{
    uint32_t na = nshingles(&docs[i]), nb = nshingles(&docs[j]);
    if (!na || !nb)
        return 0;
    const uint64_t *sa = seq[i], *sb = seq[j];
    hpos *idx = malloc(nb * sizeof *idx);
    if (!idx)
        return -1;
    for (uint32_t q = 0; q < nb; q++)
        idx[q] = (hpos){sb[q], q};
    qsort(idx, nb, sizeof *idx, cmp_hpos);
    run cur = {0}, prev = {0};
    int active = 0, have_prev = 0, rc = 0;
    for (uint32_t p = 0; p <= na && rc == 0; p++) {
        if (p < na && active && cur.b1 + 1 < nb && sb[cur.b1 + 1] == sa[p] && cur.a1 + 1 == p) {
            cur.a1 = p;
            cur.b1++;
            continue;
        }
        if (active) {
            /* Join to the previous run across a short edit, else flush it. */
            if (have_prev && cur.a0 - prev.a1 <= JOIN_GAP && cur.b0 > prev.b1 &&
                cur.b0 - prev.b1 <= JOIN_GAP) {
                prev.a1 = cur.a1;
                prev.b1 = cur.b1;
            } else {
                if (have_prev)
                    rc = add_passage(docs, i, j, &prev, a, ov, cap);
                prev = cur;
                have_prev = 1;
            }
            active = 0;
        }
        if (p == na)
            break;
        long q = pick_start(idx, nb, sa, na, p, sb);
        if (q >= 0) {
            cur = (run){p, p, (uint32_t)q, (uint32_t)q};
            active = 1;
        }
    }
    if (rc == 0 && have_prev)
        rc = add_passage(docs, i, j, &prev, a, ov, cap);
    free(idx);
    return rc;
}

int cmp_overlap_build(const precis_cluster *c, const cmp_doc *docs, arena *a, cmp_overlap *ov)
{
    size_t n = c->narticles;
    memset(ov, 0, sizeof *ov);
    ov->n = n;
    ov->shingles = arena_calloc(a, n + 1, sizeof *ov->shingles);
    ov->share = arena_calloc(a, n * n + 1, sizeof *ov->share);
    ov->jaccard = arena_calloc(a, n * n + 1, sizeof *ov->jaccard);
    uint64_t **seq = arena_calloc(a, n + 1, sizeof *seq);
    uint64_t **set = arena_calloc(a, n + 1, sizeof *set);
    if (!ov->shingles || !ov->share || !ov->jaccard || !seq || !set)
        return -1;
    for (size_t i = 0; i < n; i++) {
        uint32_t m = nshingles(&docs[i]);
        seq[i] = shingle_seq(&docs[i], a);
        set[i] = arena_alloc(a, (m + 1) * sizeof **set);
        if (!seq[i] || !set[i])
            return -1;
        ov->shingles[i] = distinct(seq[i], m, set[i]);
    }
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        ov->share[i * n + i] = ov->shingles[i] ? 1 : 0;
        ov->jaccard[i * n + i] = ov->shingles[i] ? 1 : 0;
        for (size_t j = i + 1; j < n; j++) {
            uint32_t k = common(set[i], ov->shingles[i], set[j], ov->shingles[j]);
            uint32_t uni = ov->shingles[i] + ov->shingles[j] - k;
            ov->share[i * n + j] = ov->shingles[i] ? (double)k / ov->shingles[i] : 0;
            ov->share[j * n + i] = ov->shingles[j] ? (double)k / ov->shingles[j] : 0;
            ov->jaccard[i * n + j] = ov->jaccard[j * n + i] = uni ? (double)k / uni : 0;
            if (k && align_pair(docs, seq, (uint32_t)i, (uint32_t)j, a, ov, &cap) != 0)
                return -1;
        }
    }
    return 0;
}

/*
 * quote_merge.c: one quotation as carried by several outlets.
 *
 * Outlets trim, translate and re-punctuate the same remark ("These
 * organisations are well known and the targets are chosen..." against
 * "These organisations are known"), so two quotes are one when most of
 * the shorter one's content words are in the other. The group keeps every
 * outlet's wording, and says whether they differ.
 *
 * A short remark shares too few content words for that to tell: "I
 * believe they followed the law" and "I like the mayor very much but I
 * believe in the rule of law" (President Clinton, on two occasions), or
 * a son's "I just really want to be educated" and his father's "We wanted
 * their education to stress..." (two Thampys). Sharing fewer than four,
 * two quotes are one only when the speaker agrees and the shorter is the
 * other's own wording, trimmed ("These organisations are known" of "These
 * organisations are well known and the targets are chosen...").
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/setops.h"
#include "text/token.h"

#define MERGE_CONTAINMENT 0.6
#define MERGE_MIN_TERMS 2
#define MERGE_SURE_TERMS 4
/* Below MERGE_SURE_TERMS shared terms, the share of the shorter quote's
 * words the other must hold in the same order ("After considering all the
 * facts" in "After considering all of the facts I am convinced..."), and
 * the most words such a short quote is read for. */
#define MERGE_SAME_WORDS 0.8
#define MERGE_SHORT_WORDS 64

typedef struct qterms {
    uint32_t *t;   /* sorted distinct content terms */
    uint32_t n;
    uint64_t numbers; /* sum of number tokens' hashes: quotes of different numbers differ */
    uint32_t t0, t1; /* tokens of the quote in its article's doc */
} qterms;

static int collect(const precis_cluster *c, const cmp_doc *d, const cmp_quote *q, arena *a, qterms *out)
{
    out->t0 = cmp_tok_at(d, q->start);
    out->t1 = cmp_tok_at(d, q->end);
    out->t = arena_alloc(a, (out->t1 - out->t0 + 1) * sizeof *out->t);
    if (!out->t)
        return -1;
    out->n = 0;
    for (uint32_t k = out->t0; k < out->t1; k++) {
        if (!c->term_stop[d->tok[k].term])
            out->t[out->n++] = d->tok[k].term;
        if (cmp_is_number_word(d->tok[k].norm) || d->tok[k].kind == TOKEN_NUMBER)
            out->numbers += d->tok[k].hash;
    }
    out->n = (uint32_t)sort_unique_ids(out->t, out->n);
    return 0;
}

/* Whether the shorter of two quotes is the other's wording, trimmed or
 * re-punctuated: at least MERGE_SAME_WORDS of its words (by stem, stop
 * words too) are the other's in the same order, by their longest common
 * subsequence. A quote of more than MERGE_SHORT_WORDS words is no short
 * remark: 0. */
static int trimmed_from(const cmp_doc *dx, const qterms *x, const cmp_doc *dy, const qterms *y)
{
    if (x->t1 - x->t0 > y->t1 - y->t0) {
        const cmp_doc *dt = dx;
        const qterms *t = x;
        dx = dy, x = y;
        dy = dt, y = t;
    }
    uint32_t n = x->t1 - x->t0;
    if (n == 0 || n > MERGE_SHORT_WORDS)
        return 0;
    uint8_t row[MERGE_SHORT_WORDS + 1] = {0}; /* row[i]: LCS of x's first i words and y so far */
    for (uint32_t j = y->t0; j < y->t1; j++) {
        uint8_t diag = 0;
        for (uint32_t i = 1; i <= n; i++) {
            uint8_t up = row[i];
            if (dx->tok[x->t0 + i - 1].term == dy->tok[j].term)
                row[i] = diag + 1;
            else if (row[i - 1] > row[i])
                row[i] = row[i - 1];
            diag = up;
        }
    }
    return row[n] >= MERGE_SAME_WORDS * n;
}

/* Same remark: most of the shorter one's content words are in the other,
 * with enough of them shared, and no different numbers. Fewer shared
 * content words suffice only when the speaker agrees and every content
 * word of the shorter is in the other, in its wording (trimmed_from). */
static int same_quote(const cmp_doc *dx, const qterms *x, const cmp_quote *qx, const cmp_doc *dy, const qterms *y,
                      const cmp_quote *qy)
{
    uint32_t small = x->n < y->n ? x->n : y->n;
    int same_speaker = qx->speaker_key && qy->speaker_key && qx->speaker_key[0] &&
                       !strcmp(qx->speaker_key, qy->speaker_key);
    if (small < MERGE_MIN_TERMS || x->numbers != y->numbers)
        return 0;
    uint32_t i = 0, j = 0, k = 0;
    while (i < x->n && j < y->n) {
        if (x->t[i] == y->t[j]) {
            k++;
            i++;
            j++;
        } else if (x->t[i] < y->t[j]) {
            i++;
        } else {
            j++;
        }
    }
    if ((double)k / small < MERGE_CONTAINMENT)
        return 0;
    if (k >= MERGE_SURE_TERMS)
        return 1;
    return same_speaker && k == small && trimmed_from(dx, x, dy, y);
}

/* Same words in the same order (case and punctuation aside). */
static int same_wording(const cmp_doc *dx, const qterms *x, const cmp_doc *dy, const qterms *y)
{
    if (x->t1 - x->t0 != y->t1 - y->t0)
        return 0;
    for (uint32_t k = 0; k < x->t1 - x->t0; k++)
        if (dx->tok[x->t0 + k].hash != dy->tok[y->t0 + k].hash)
            return 0;
    return 1;
}

static uint32_t root(uint32_t *p, uint32_t x)
{
    while (p[x] != x)
        x = p[x] = p[p[x]];
    return x;
}

/* A named speaker beats a role, and a longer naming beats a shorter. */
static int better_speaker(const cmp_quote *cand, const cmp_quote *cur)
{
    if (!cand->speaker)
        return 0;
    if (!cur || !cur->speaker)
        return 1;
    int cn = cand->speaker_key[0] != 0, un = cur->speaker_key[0] != 0;
    if (cn != un)
        return cn;
    return strlen(cand->speaker) > strlen(cur->speaker);
}

int cmp_quotes_merge(const precis_cluster *c, const cmp_doc *docs, cmp_quote *q, size_t nq,
                     arena *a, cmp_quote_group **out, size_t *ng)
{
    *out = NULL;
    *ng = 0;
    qterms *qt = arena_calloc(a, nq + 1, sizeof *qt);
    uint32_t *parent = arena_alloc(a, (nq + 1) * sizeof *parent);
    uint32_t *slot = arena_alloc(a, (nq + 1) * sizeof *slot);
    uint32_t *size = arena_calloc(a, nq + 1, sizeof *size);
    const cmp_quote **best = arena_calloc(a, nq + 1, sizeof *best);
    *out = arena_calloc(a, nq + 1, sizeof **out);
    if (!qt || !parent || !slot || !size || !best || !*out)
        return -1;
    for (size_t i = 0; i < nq; i++) {
        parent[i] = (uint32_t)i;
        slot[i] = CMP_NONE;
        if (collect(c, &docs[q[i].article], &q[i], a, &qt[i]) != 0)
            return -1;
    }
    size_t compared = nq < CMP_MAX_MERGED_QUOTES ? nq : CMP_MAX_MERGED_QUOTES;
    for (size_t i = 0; i < compared; i++)
        for (size_t j = i + 1; j < compared; j++)
            if (q[i].article != q[j].article &&
                same_quote(&docs[q[i].article], &qt[i], &q[i], &docs[q[j].article], &qt[j], &q[j])) {
                uint32_t ri = root(parent, (uint32_t)i), rj = root(parent, (uint32_t)j);
                parent[ri > rj ? ri : rj] = ri < rj ? ri : rj;
            }
    /* each group's members array sized to fit: one of nq entries per
     * group would be quadratic in memory on a page of distinct quotes */
    for (size_t i = 0; i < nq; i++)
        size[root(parent, (uint32_t)i)]++;
    for (size_t i = 0; i < nq; i++) {
        uint32_t r = root(parent, (uint32_t)i);
        if (slot[r] == CMP_NONE) {
            slot[r] = (uint32_t)(*ng)++;
            (*out)[slot[r]].members = arena_alloc(a, size[r] * sizeof(uint32_t));
            if (!(*out)[slot[r]].members)
                return -1;
        }
        cmp_quote_group *g = &(*out)[slot[r]];
        q[i].group = slot[r];
        if (g->nmembers && q[g->members[g->nmembers - 1]].article != q[i].article)
            g->articles++;
        if (g->nmembers == 0)
            g->articles = 1;
        if (g->nmembers &&
            !same_wording(&docs[q[g->members[0]].article], &qt[g->members[0]], &docs[q[i].article], &qt[i]))
            g->wording_differs = 1;
        g->members[g->nmembers++] = (uint32_t)i;
        if (better_speaker(&q[i], best[slot[r]]))
            best[slot[r]] = &q[i];
        g->speaker = best[slot[r]] ? best[slot[r]]->speaker : NULL;
    }
    return 0;
}

/*
 * repeats.c: a brief states each count once.
 *
 * Outlets report the same fact in their own words: "Russia carried out new
 * airstrikes on four Islamic State targets overnight" and "Russia said its
 * warplanes had bombed 'four Islamic State targets' in Syria overnight".
 * The two sentences share too few words for a near-duplicate test or a
 * cosine filter to call them one, but they give the same count of the same
 * thing in the same context, which the cross-source view's quantity reader
 * (compare/numbers.c, compare/discrepancy.c) recognises. A summary that
 * holds both says one thing twice; this finds the later of such a pair so
 * the summarizer can choose again without it. Two different counts of one
 * thing ("12 targets" against "four targets") are not a repeat: that a
 * brief shows both is how a reader sees the outlets disagree.
 *
 * Every summary is checked, so the check is lazy: a pair of sentences is
 * read for its quantities only when they share a term that may be a number,
 * or each holds one and they share three other words (a count written "4"
 * in one and "four" in the other), and each sentence is read at most once.
 */
#include <string.h>

#include "compare/compare.h"
#include "core/setops.h"
#include "select/select.h"

typedef struct read_sentence {
    int scanned;      /* numbers listed */
    uint32_t *num;    /* its terms that may be numbers, ascending */
    uint32_t nnum;
    int read;         /* quantities read */
    cmp_doc doc;
    cmp_quantity *q;
    size_t nq;
} read_sentence;

/* List the terms of x that may be numbers ("12", "four", "million"), once
 * per sentence and call: every pair of a summary's sentences is tested. */
static int scan_numbers(const precis_cluster *c, const svec *x, arena *a, read_sentence *out)
{
    if (out->scanned)
        return 0;
    out->scanned = 1;
    out->num = arena_alloc(a, (x->n + 1) * sizeof *out->num);
    if (!out->num)
        return -1;
    for (uint32_t i = 0; i < x->n; i++)
        if (cmp_stem_may_be_number(cmp_term_text(c, x->term[i])))
            out->num[out->nnum++] = x->term[i];
    return 0;
}

/* Whether two sentences may give one count, before reading them: they
 * share a term that may be a number, or each holds one ("4-year-old"
 * against "four-year-old") and they share at least three other words (the
 * unit noun and some context). Reading a sentence's quantities costs far
 * more than this. */
#define COUNT_MIN_SHARED 3

static int may_share_count(const precis_cluster *c, const svec *x, const read_sentence *nx, const svec *y,
                           const read_sentence *ny)
{
    if (nx->nnum == 0 || ny->nnum == 0)
        return 0;
    if (sorted_common(nx->num, nx->nnum, ny->num, ny->nnum) > 0)
        return 1;
    uint32_t shared = 0;
    for (uint32_t i = 0, j = 0; i < x->n && j < y->n;) {
        if (x->term[i] < y->term[j]) {
            i++;
        } else if (x->term[i] > y->term[j]) {
            j++;
        } else {
            shared += !c->term_stop[x->term[i]];
            i++;
            j++;
        }
    }
    return shared >= COUNT_MIN_SHARED;
}

static int read_quantities(const precis_cluster *c, uint32_t s, arena *a, read_sentence *out)
{
    if (out->read)
        return 0;
    out->read = 1;
    if (cmp_tokens_of_sentence(c, s, a, &out->doc) != 0)
        return -1;
    return cmp_quantities_in(c, c->sents[s].article, &out->doc, a, &out->q, &out->nq);
}

/* 1 if sentences sx and sy give one count, 0 if not, -1 out of memory. */
static int repeats(const precis_cluster *c, const represent *r, uint32_t sx, read_sentence *x, uint32_t sy,
                   read_sentence *y, arena *a)
{
    if (scan_numbers(c, &r->vec[sx], a, x) != 0 || scan_numbers(c, &r->vec[sy], a, y) != 0)
        return -1;
    if (!may_share_count(c, &r->vec[sx], x, &r->vec[sy], y))
        return 0;
    if (read_quantities(c, sx, a, x) != 0 || read_quantities(c, sy, a, y) != 0)
        return -1;
    for (size_t i = 0; i < x->nq; i++)
        for (size_t j = 0; j < y->nq; j++)
            if (cmp_same_quantity(c, r, &x->doc, &x->q[i], &y->doc, &y->q[j]))
                return 1;
    return 0;
}

/* Pairs are compared among a summary's first this many sentences (in the
 * order chosen): a brief holds a few dozen, and a summary without a budget
 * can hold a whole cluster, whose pairs would be quadratic. */
#define REPEAT_CHECK_MAX 200

long summary_repeated_count(const precis_cluster *c, const represent *r, const uint32_t *chosen, size_t n,
                            arena *a)
{
    if (n > REPEAT_CHECK_MAX)
        n = REPEAT_CHECK_MAX;
    read_sentence *rs = arena_alloc(a, (n + 1) * sizeof *rs);
    if (!rs)
        return -2;
    memset(rs, 0, (n + 1) * sizeof *rs);
    for (size_t k = 1; k < n; k++)
        for (size_t j = 0; j < k; j++) {
            int rc = repeats(c, r, chosen[j], &rs[j], chosen[k], &rs[k], a);
            if (rc < 0)
                return -2;
            if (rc)
                return (long)k;
        }
    return -1;
}

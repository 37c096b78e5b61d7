/*
 * discrepancy.c: quantities the outlets give differently for one thing.
 *
 * Each quantity gets a context: the content words of its sentence near it
 * (the subject, the verb, where) and the event classes those words belong
 * to ("killed", "dead" and "death toll" are one class; "hit", "struck",
 * "bombed" another), so "has killed more than 250,000 people" and "a war
 * with more than 240,000 people dead" are recognised as one count. Two
 * quantities are linked when they count the same unit noun in agreeing
 * contexts; linked groups with different values from different articles
 * are the discrepancies. Requiring the same unit is what keeps "20
 * sorties" and "36 civilians" apart; requiring an agreeing context keeps
 * apart two counts of one noun that are about different things. For a
 * figure that may disagree the test is stricter: the event word nearest
 * each count must be of one class ("shooting eight", "killing six"), the
 * two must not be told of different named days, a unit of time needs more
 * context shared, and ages ("a 27-year-old") link only in copies of one
 * sentence. Values differ when they are different figures: not "at least
 * 11" against "11", "22" against "more than 20", "nearly 40" against
 * 39, "2,100" against "2,144", "more than 4" against "up to 6" or "more
 * than 1,550" against "more than 1,552"; and a
 * measure converted in brackets ("100 km ( 62 miles )") is no figure of
 * its own. And the outlets differ only when one gives a value the other
 * gives nothing that agrees with, and the other the reverse; a figure
 * given beside the other in one sentence ("1,750 of the world's 4,800
 * rhinos") counts as given.
 *
 * The counts the outlets give alike are found too ("36 civilians" in three
 * reports): the same value of the same unit, linked by the stricter test a
 * brief uses to give each count once (cmp_same_quantity), in two articles
 * or more, and in no discrepancy (which already lists its values' outlets).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/setops.h"

#define CTX_WINDOW 12        /* tokens each side of the number */
#define CTX_MAX 32
#define CTX_MIN_SHARED 2     /* shared context words or classes */
#define CTX_MIN_SHARE 0.2    /* of the smaller context */

/* Event classes, as stem prefixes; an entry ending in '$' is a whole stem
 * ("miss" is "missing", not "missile"). */
static const char *const classes[][10] = {
    {"kill", "dead", "die", "death", "toll", "live", "massacr", "fatal", NULL},
    {"injur", "wound", "hurt", NULL},
    {"shot$", "shoot", "gunfir", NULL},
    {"miss$", "unaccount", NULL},
    {"strike", "struck", "hit", "bomb", "destroy", "damag", "attack", "raid", "sorti", NULL},
    {"displac", "refuge", "fled", "flee", "homeless", NULL},
    {"arrest", "detain", "jail", "prison", NULL},
    {"cost", "spend", "spent", "fund", "pay", "paid", "budget", NULL},
    {"vote", "ballot", "elect", NULL},
};
#define NCLASSES (sizeof classes / sizeof classes[0])

typedef struct context {
    uint32_t term[CTX_MAX];
    uint32_t n;
    uint32_t classes;  /* bit per class */
    uint32_t nearest;  /* bit of the class of the event word nearest the number, or 0 */
} context;

static int class_entry_matches(const char *stem, const char *entry)
{
    size_t n = strlen(entry);
    if (entry[n - 1] == '$')
        return strlen(stem) == n - 1 && !strncmp(stem, entry, n - 1);
    return !strncmp(stem, entry, n);
}

static uint32_t class_bits(const char *stem)
{
    uint32_t bits = 0;
    for (size_t k = 0; k < NCLASSES; k++)
        for (size_t m = 0; classes[k][m]; m++)
            if (class_entry_matches(stem, classes[k][m]))
                bits |= 1u << k;
    return bits;
}

/* Tokens between token k and the number phrase [tok0, tok1). */
static uint32_t distance(const cmp_quantity *q, uint32_t k)
{
    return k < q->tok0 ? q->tok0 - k : k - q->tok1 + 1;
}

static void build_context(const precis_cluster *c, const cmp_doc *d, const cmp_quantity *q, context *ctx)
{
    memset(ctx, 0, sizeof *ctx);
    uint32_t s = d->tok[q->tok0].sent;
    uint32_t lo = q->tok0 > CTX_WINDOW ? q->tok0 - CTX_WINDOW : 0;
    uint32_t nearest = UINT32_MAX;
    for (uint32_t k = lo; k < q->tok1 + CTX_WINDOW && k < d->ntok && ctx->n < CTX_MAX; k++) {
        const cmp_tok *t = &d->tok[k];
        if (t->sent != s || (k >= q->tok0 && k < q->tok1) || t->kind != 0)
            continue;
        if (c->term_stop[t->term] || t->term == q->unit || cmp_is_number_word(t->norm))
            continue;
        uint32_t bits = class_bits(cmp_term_text(c, t->term));
        if (bits && distance(q, k) < nearest) {
            nearest = distance(q, k);
            ctx->nearest = bits;
        }
        ctx->classes |= bits;
        ctx->term[ctx->n++] = t->term;
    }
    ctx->n = (uint32_t)sort_unique_ids(ctx->term, ctx->n);
}

static uint32_t shared(const context *x, const context *y)
{
    uint32_t k = sorted_common(x->term, x->n, y->term, y->n);
    return k + (uint32_t)__builtin_popcount(x->classes & y->classes);
}

/* Nouns that follow a number in set phrases rather than in a count a
 * reader would check ("the two sides", "in many ways", "three times"). */
static const char *const idiom_units[] = {"side", "way", "time", NULL};

/* The unit as written looks like a verb or an adverb ("two got ...",
 * "50 flunked", "twice annually"), which the quantity reader took for the
 * noun after a number. */
static int verb_like(const char *text, uint32_t start, uint32_t end)
{
    size_t n = end - start;
    const char *w = text + start;
    return (n > 4 && !strncmp(w + n - 2, "ed", 2)) || (n > 5 && !strncmp(w + n - 3, "ing", 3)) ||
           (n > 4 && !strncmp(w + n - 2, "ly", 2)) || (n == 3 && !strncmp(w, "got", 3));
}

/* Whether the unit of count or sum q is a noun a reader would check: not
 * a clock's "p.m." (a unit of one letter), a stopword, a verb the reader
 * took for a noun or a set phrase's noun. */
static int counted_noun(const precis_cluster *c, const cmp_quantity *q)
{
    if (q->unit == CMP_NONE || q->unit_end - q->unit_start < 2)
        return 0;
    if (c->term_stop[q->unit] || verb_like(c->articles[q->article].text, q->unit_start, q->unit_end))
        return 0;
    const char *stem = cmp_term_text(c, q->unit);
    for (size_t k = 0; idiom_units[k]; k++)
        if (!strcmp(stem, idiom_units[k]))
            return 0;
    return 1;
}

/* A count worth listing as given alike: a number of things or a sum of
 * money whose unit is a noun (percentages and fractions name a share of
 * whatever follows them, and the reader's "unit" there can be any word).
 * "one" is mostly an article ("pitting one group against another"). */
static int listable(const precis_cluster *c, const cmp_quantity *q)
{
    if (q->kind != CMP_Q_COUNT && q->kind != CMP_Q_MONEY)
        return 0;
    return !(q->kind == CMP_Q_COUNT && q->value == 1) && counted_noun(c, q);
}

/* A quantity that may be in a discrepancy: a count or a sum of a noun a
 * reader would check, or a share of something. */
static int comparable(const precis_cluster *c, const cmp_quantity *q)
{
    if (q->kind == CMP_Q_PERCENT || q->kind == CMP_Q_FRACTION)
        return q->unit != CMP_NONE;
    return (q->kind == CMP_Q_COUNT || q->kind == CMP_Q_MONEY) && counted_noun(c, q);
}

static int comparable_kind(uint8_t kind)
{
    return kind == CMP_Q_COUNT || kind == CMP_Q_MONEY || kind == CMP_Q_PERCENT ||
           kind == CMP_Q_FRACTION;
}

static int linked(const precis_cluster *c, const represent *r, const cmp_quantity *x,
                  const context *cx, const cmp_quantity *y, const context *cy)
{
    if (x->kind != y->kind || x->unit != y->unit || x->unit == CMP_NONE || x->change != y->change)
        return 0;
    double lo = fmin(x->value, y->value), hi = fmax(x->value, y->value);
    if (lo <= 0 || hi / lo > CMP_DISC_MAX_RATIO)
        return 0;
    if (r->group[x->sent] == r->group[y->sent])
        return 1;
    /* A change ("fell 9 percent") is over some period, and one subject
     * changes by many figures over the years a story's articles span
     * ("violent crimes fell 4 percent from 1996", "... 10 percent in
     * 1996"): two changes are one figure only on the same day. */
    if (x->change && (!x->time || !y->time || strcmp(x->time, y->time)))
        return 0;
    uint32_t k = shared(cx, cy);
    uint32_t small = cx->n < cy->n ? cx->n : cy->n;
    return k >= CTX_MIN_SHARED && (small == 0 || (double)k / small >= CTX_MIN_SHARE);
}

/* Units of time ("years", "days", and the age in "a 59-year-old"): one
 * story's articles give many spans and ages of different things, in
 * sentences that share little more than the story's own words, so two of
 * them are the same figure only on a stronger context. */
#define CTX_MIN_SHARED_TIME 4

static int time_unit(const precis_cluster *c, uint32_t unit)
{
    static const char *const stems[] = {"year", "month", "week", "day", "hour", "minut", "decad", "centuri",
                                        "second", "night", NULL};
    const char *u = cmp_term_text(c, unit);
    for (size_t k = 0; stems[k]; k++)
        if (!strcmp(u, stems[k]))
            return 1;
    return 0;
}

/* Whether x is an age: "a 27-year-old graduate student". */
static int is_age(const precis_cluster *c, const cmp_quantity *x)
{
    const char *t = c->articles[x->article].text + x->unit_end;
    return !strncmp(t, "-old", 4) || !strncmp(t, " old", 4) || !strncmp(t, "s old", 5) ||
           !strncmp(t, "s-old", 5);
}

/* Whether x and y are told of two different named days ("stuck at the
 * station on Monday", "still stuck on Tuesday"): a count on one day and
 * another on the next are a story moving on, not outlets that disagree.
 * Words such as "yesterday" name no day, since outlets write on
 * different days. */
static int on_different_days(const cmp_quantity *x, const cmp_quantity *y)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                       "sunday", NULL};
    if (!x->time || !y->time || !strcmp(x->time, y->time))
        return 0;
    int dx = 0, dy = 0;
    for (size_t k = 0; days[k]; k++) {
        dx |= !strcmp(x->time, days[k]);
        dy |= !strcmp(y->time, days[k]);
    }
    return dx && dy;
}

/* linked(), for figures that may disagree: a unit of time needs more of
 * the context shared, and two ages are one figure only in copies of one
 * sentence (a story's people have many ages, and nothing in the few words
 * around "a 27-year-old" says whose it is). */
static int linked_figures(const precis_cluster *c, const represent *r, const cmp_quantity *x,
                          const context *cx, const cmp_quantity *y, const context *cy)
{
    /* The event word nearest a count says what it counts: "shooting eight
     * people, killing six" gives eight shot and six killed, even in two
     * copies of one sentence. (Only here: a brief's count-once test and
     * the counts given alike keep the looser link, since "shooting five
     * people to death" does count the dead.) */
    if (cx->nearest && cy->nearest && !(cx->nearest & cy->nearest))
        return 0;
    if (on_different_days(x, y))
        return 0;
    if (!linked(c, r, x, cx, y, cy))
        return 0;
    if (r->group[x->sent] == r->group[y->sent] || !time_unit(c, x->unit))
        return 1;
    return !is_age(c, x) && !is_age(c, y) && shared(cx, cy) >= CTX_MIN_SHARED_TIME;
}

static uint32_t root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

static int same_value(const cmp_quantity *x, const cmp_quantity *y)
{
    return fabs(x->value - y->value) <= 1e-9 * fmax(1, fabs(x->value)) && x->approx == y->approx;
}

/* Whether mention x, exact or an estimate, satisfies bound b: "22" and
 * "more than 20", "about 1,200" and "just over 1,000", "1.5 million" and
 * "up to 1.6 million". */
static int within_bound(const cmp_quantity *x, const cmp_quantity *b)
{
    if (x->approx != CMP_EXACT && x->approx != CMP_ABOUT)
        return 0;
    return (b->approx == CMP_MORE && x->value >= b->value) || (b->approx == CMP_LESS && x->value <= b->value);
}

/* How far an estimate may be from a figure it rounds: "nearly 901,000"
 * is "900,938" and "nearly 40 years" is 39, "about 1,200" is not "1,000". */
#define ESTIMATE_SLACK 0.05

/* Whether the estimate x ("nearly 901,000") rounds the exact figure y. */
static int rounds(const cmp_quantity *x, const cmp_quantity *y)
{
    return x->approx == CMP_ABOUT && y->approx == CMP_EXACT && fabs(x->value - y->value) <= ESTIMATE_SLACK * x->value;
}

/* Whether the figure y, counted or in money, is x's round figure told
 * exactly: "2,100 square kilometres" is "2,144", "$14 trillion" is
 * "$14.294 trillion". x is round when it ends in two zeros or more (a
 * count of tens is a count: "120 people on board" is not "122"); y must
 * round to it there and be within ESTIMATE_SLACK. */
static int rounds_to(const cmp_quantity *x, const cmp_quantity *y)
{
    if ((x->kind != CMP_Q_COUNT && x->kind != CMP_Q_MONEY) || x->approx == CMP_MORE || x->approx == CMP_LESS ||
        y->approx == CMP_MORE || y->approx == CMP_LESS || x->value < 10 || x->value > 1e15 ||
        x->value != floor(x->value))
        return 0;
    double step = 1;
    while (fmod(x->value, step * 10) == 0)
        step *= 10;
    double gap = fabs(x->value - y->value);
    return step >= 100 && gap < step / 2 && gap <= ESTIMATE_SLACK * fmax(x->value, y->value);
}

/* How far apart two bounds of one side may be and still be one figure. */
#define BOUND_SLACK 0.01

/* Whether x and y are bounds of one side a hair apart: "more than 1,550"
 * and "more than 1,552" are one figure, "more than 250,000" and "more
 * than 240,000" two. */
static int bounds_close(const cmp_quantity *x, const cmp_quantity *y)
{
    return x->approx == y->approx && (x->approx == CMP_MORE || x->approx == CMP_LESS) &&
           fabs(x->value - y->value) <= BOUND_SLACK * fmax(x->value, y->value);
}

/* Whether a lower bound and an upper bound leave a figure both allow:
 * "more than 4 feet" and "up to 6 feet". */
static int bounds_overlap(const cmp_quantity *x, const cmp_quantity *y)
{
    return (x->approx == CMP_MORE && y->approx == CMP_LESS && x->value < y->value) ||
           (x->approx == CMP_LESS && y->approx == CMP_MORE && y->value < x->value);
}

/* Whether two mentions give different figures. One value however it is
 * qualified ("at least 11" and "11") is one figure; so is a figure that
 * meets the other's bound ("22" and "more than 20"), an estimate of the
 * other's exact figure, two bounds that some figure meets, and two bounds
 * of one side a hair apart. Two different bounds of one side ("more than
 * 250,000", "more than 240,000") or two different estimates are
 * different figures, as a reader comparing the outlets sees them. */
static int contradict(const cmp_quantity *x, const cmp_quantity *y)
{
    if (fabs(x->value - y->value) <= 1e-9 * fmax(1, fabs(x->value)))
        return 0;
    return !within_bound(x, y) && !within_bound(y, x) && !rounds(x, y) && !rounds(y, x) && !rounds_to(x, y) &&
           !rounds_to(y, x) && !bounds_overlap(x, y) && !bounds_close(x, y);
}

/* Whether article art gives v or a figure that agrees with it: "156
 * countries" agrees with "more than 150", whatever else the article
 * counts ("117 countries" of another ranking). */
static int article_agrees(const cmp_quantity *q, const cmp_discrepancy *d, uint32_t art, const cmp_value *v)
{
    for (uint32_t w = 0; w < d->nvalues; w++) {
        const cmp_value *u = &d->values[w];
        if (contradict(&q[u->mentions[0]], &q[v->mentions[0]]))
            continue;
        for (uint32_t m = 0; m < u->nmentions; m++)
            if (q[u->mentions[m]].article == art)
                return 1;
    }
    return 0;
}

/* Whether the number at byte start of text follows an hour and a colon,
 * as a clock's minutes do ("12:03", Multi-News's "12: 03"). */
static int clock_minutes(const char *text, uint32_t start)
{
    uint32_t k = start;
    if (k > 0 && text[k - 1] == ' ')
        k--;
    return k >= 2 && text[k - 1] == ':' && text[k - 2] >= '0' && text[k - 2] <= '9';
}

/* Whether k is a count of figure v with no noun of its own ("another six
 * arrived" has a verb after it), which may count the noun of another
 * number beside it. */
static int bare_count_of(const precis_cluster *c, const cmp_quantity *k, double v)
{
    return k->kind == CMP_Q_COUNT &&
           (k->unit == CMP_NONE || verb_like(c->articles[k->article].text, k->unit_start, k->unit_end)) &&
           fabs(k->value - v) <= 1e-9 * fmax(1, fabs(v)) && !clock_minutes(c->articles[k->article].text, k->start);
}

/* Whether the sentence of mention m gives the figure v too, as a count
 * with no noun after it: "1,750 of the world's 4,800 black rhinos".
 * Quantities are in cluster order, so those of one sentence stand
 * together. */
static int sentence_gives(const precis_cluster *c, const cmp_quantity *q, size_t nq, uint32_t m, double v)
{
    for (size_t k = m; k-- > 0 && q[k].article == q[m].article && q[k].sent == q[m].sent;)
        if (bare_count_of(c, &q[k], v))
            return 1;
    for (size_t k = m + 1; k < nq && q[k].article == q[m].article && q[k].sent == q[m].sent; k++)
        if (bare_count_of(c, &q[k], v))
            return 1;
    return 0;
}

/* Whether the article of mention m also gives value v of group d: a
 * figure that agrees with it, or v beside m in its sentence. */
static int article_gives(const precis_cluster *c, const cmp_quantity *q, size_t nq, const cmp_discrepancy *d,
                         uint32_t m, const cmp_value *v)
{
    return article_agrees(q, d, q[m].article, v) || sentence_gives(c, q, nq, m, v->value);
}

/* Whether one article gives value x of group d and nothing that agrees
 * with y, while another gives y and nothing that agrees with x. An
 * article that gives both ("38 states ... 23 states", or "1,750 of the
 * world's 4,800 black rhinos") tells of two things, not of outlets that
 * disagree. */
static int outlets_differ(const precis_cluster *c, const cmp_quantity *q, size_t nq, const cmp_discrepancy *d,
                          const cmp_value *x, const cmp_value *y)
{
    for (uint32_t i = 0; i < x->nmentions; i++) {
        if (article_gives(c, q, nq, d, x->mentions[i], y))
            continue;
        for (uint32_t j = 0; j < y->nmentions; j++) {
            const cmp_quantity *my = &q[y->mentions[j]], *mx = &q[x->mentions[i]];
            /* a group links through its members: two of them may be told
             * of different days and still be in it */
            if (my->article != mx->article && !on_different_days(mx, my) &&
                !article_gives(c, q, nq, d, y->mentions[j], x))
                return 1;
        }
    }
    return 0;
}

/* What emitting a group may need besides its members: the number of
 * quantities (for the discrepancies' look at a mention's sentence) and
 * the quantities already in a discrepancy (for the counts given alike). */
typedef struct group_aux {
    const precis_cluster *c;
    size_t nq;
    const uint8_t *disputed;
} group_aux;

/* Turn one linked group (members in cluster order) into a discrepancy if
 * two articles give different figures. */
static int emit(const cmp_quantity *q, const uint32_t *mem, uint32_t n, const group_aux *aux, arena *a,
                cmp_discrepancy *out)
{
    int differs = 0;
    for (uint32_t i = 0; i < n && !differs; i++)
        for (uint32_t j = i + 1; j < n && !differs; j++)
            differs = q[mem[i]].article != q[mem[j]].article && contradict(&q[mem[i]], &q[mem[j]]);
    if (!differs)
        return 0;
    out->unit = q[mem[0]].unit;
    out->values = arena_calloc(a, n, sizeof *out->values);
    if (!out->values)
        return -1;
    out->nvalues = 0;
    for (uint32_t i = 0; i < n; i++) {
        cmp_value *v = NULL;
        for (uint32_t k = 0; k < out->nvalues; k++)
            if (same_value(&q[out->values[k].mentions[0]], &q[mem[i]]))
                v = &out->values[k];
        if (!v) {
            v = &out->values[out->nvalues++];
            v->value = q[mem[i]].value;
            v->approx = q[mem[i]].approx;
            v->mentions = arena_alloc(a, n * sizeof *v->mentions);
            if (!v->mentions)
                return -1;
        }
        v->mentions[v->nmentions++] = mem[i];
    }
    for (size_t x = 0; x < out->nvalues; x++)
        for (size_t y = x + 1; y < out->nvalues; y++)
            if (contradict(&q[out->values[x].mentions[0]], &q[out->values[y].mentions[0]]) &&
                outlets_differ(aux->c, q, aux->nq, out, &out->values[x], &out->values[y]))
                return 1;
    return 0;
}

int cmp_same_quantity(const precis_cluster *c, const represent *r, const cmp_doc *dx, const cmp_quantity *x,
                      const cmp_doc *dy, const cmp_quantity *y)
{
    if (!comparable_kind(x->kind) || x->kind != y->kind || x->unit != y->unit || x->unit == CMP_NONE ||
        !same_value(x, y))
        return 0; /* what linked() tests first, before the contexts are built */
    context cx, cy;
    build_context(c, dx, x, &cx);
    build_context(c, dy, y, &cy);
    return linked(c, r, x, &cx, y, &cy) && shared(&cx, &cy) >= CMP_SAME_MIN_SHARED;
}

static int by_key(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* Whether two quantities are linked: linked() for the discrepancies,
 * same_count() for the counts given alike. */
typedef int (*link_test)(const precis_cluster *c, const represent *r, const cmp_quantity *x, const context *cx,
                         const cmp_quantity *y, const context *cy);

/* One count in two articles, by the summary's count-once test
 * (cmp_same_quantity). */
static int same_count(const precis_cluster *c, const represent *r, const cmp_quantity *x, const context *cx,
                      const cmp_quantity *y, const context *cy)
{
    return x->article != y->article && x->kind == y->kind && same_value(x, y) && linked(c, r, x, cx, y, cy) &&
           shared(cx, cy) >= CMP_SAME_MIN_SHARED;
}

/* Make one group of quantities mem[0..n) into out, or not (0). */
typedef int (*emit_fn)(const cmp_quantity *q, const uint32_t *mem, uint32_t n, const group_aux *aux, arena *a,
                       cmp_discrepancy *out);

/* Hand the linked groups (parent) of the nkey keyed quantities to emit,
 * in the order of their first mention (a group's root is its smallest
 * index), members in cluster order; *n counts those it made into out. */
static int emit_groups(const cmp_quantity *q, uint64_t *key, size_t nkey, uint32_t *parent, uint32_t *mem,
                       const group_aux *aux, emit_fn make, arena *a, cmp_discrepancy *out, size_t *n)
{
    for (size_t k = 0; k < nkey; k++) {
        uint32_t i = (uint32_t)key[k];
        key[k] = (uint64_t)root(parent, i) << 32 | i;
    }
    qsort(key, nkey, sizeof *key, by_key);
    for (size_t lo = 0, hi; lo < nkey; lo = hi) {
        uint32_t g = (uint32_t)(key[lo] >> 32), m = 0;
        for (hi = lo; hi < nkey && (uint32_t)(key[hi] >> 32) == g; hi++)
            mem[m++] = (uint32_t)key[hi];
        int rc = make(q, mem, m, aux, a, &out[*n]);
        if (rc < 0)
            return -1;
        *n += (size_t)rc;
    }
    return 0;
}

/* Link the quantities that pass test: only those of one unit noun can be
 * linked, so each unit's mentions (its first CMP_MAX_UNIT_MENTIONS in
 * cluster order) are compared among themselves. */
static void link_by_unit(const precis_cluster *c, const represent *r, const cmp_quantity *q, const context *ctx,
                         const uint64_t *key, size_t nkey, uint32_t *parent, link_test test)
{
    for (size_t lo = 0, hi; lo < nkey; lo = hi) {
        uint32_t unit = (uint32_t)(key[lo] >> 32);
        for (hi = lo + 1; hi < nkey && (uint32_t)(key[hi] >> 32) == unit; hi++)
            ;
        size_t end = hi - lo > CMP_MAX_UNIT_MENTIONS ? lo + CMP_MAX_UNIT_MENTIONS : hi;
        for (size_t x = lo; x < end; x++)
            for (size_t y = x + 1; y < end; y++) {
                uint32_t i = (uint32_t)key[x], j = (uint32_t)key[y];
                if (test(c, r, &q[i], &ctx[i], &q[j], &ctx[j])) {
                    uint32_t ri = root(parent, i), rj = root(parent, j);
                    parent[ri > rj ? ri : rj] = ri < rj ? ri : rj;
                }
            }
    }
}

/* 1 if some mention of group mem[0..n) is in a discrepancy. */
static int in_discrepancy(const uint32_t *mem, uint32_t n, const uint8_t *disputed)
{
    for (uint32_t i = 0; i < n; i++)
        if (disputed[mem[i]])
            return 1;
    return 0;
}

/* Turn one group of equal counts (members in cluster order) into an
 * agreement, a discrepancy of one value, if it spans two articles. */
static int emit_agreement(const cmp_quantity *q, const uint32_t *mem, uint32_t n, const group_aux *aux,
                          arena *a, cmp_discrepancy *out)
{
    if (in_discrepancy(mem, n, aux->disputed))
        return 0; /* the discrepancy shows this count beside the others */
    uint32_t articles = 1;
    for (uint32_t i = 1; i < n; i++)
        articles += q[mem[i]].article != q[mem[i - 1]].article;
    if (articles < 2)
        return 0;
    out->unit = q[mem[0]].unit;
    out->nvalues = 1;
    out->values = arena_calloc(a, 1, sizeof *out->values);
    if (!out->values)
        return -1;
    out->values->value = q[mem[0]].value;
    out->values->approx = q[mem[0]].approx;
    out->values->nmentions = n;
    out->values->mentions = arena_alloc(a, n * sizeof *out->values->mentions);
    if (!out->values->mentions)
        return -1;
    memcpy(out->values->mentions, mem, n * sizeof *mem);
    return 1;
}

int cmp_agreements_find(const precis_cluster *c, const represent *r, const cmp_doc *docs, const cmp_quantity *q,
                        size_t nq, const cmp_discrepancy *disc, size_t ndisc, arena *a, cmp_discrepancy **out,
                        size_t *n)
{
    *out = NULL;
    *n = 0;
    context *ctx = arena_alloc(a, (nq + 1) * sizeof *ctx);
    uint64_t *key = arena_alloc(a, (nq + 1) * sizeof *key);
    uint32_t *parent = arena_alloc(a, (nq + 1) * sizeof *parent);
    uint32_t *mem = arena_alloc(a, (nq + 1) * sizeof *mem);
    uint8_t *disputed = arena_calloc(a, nq + 1, 1);
    *out = arena_calloc(a, nq + 1, sizeof **out);
    if (!ctx || !key || !parent || !mem || !disputed || !*out)
        return -1;
    for (size_t d = 0; d < ndisc; d++)
        for (uint32_t v = 0; v < disc[d].nvalues; v++)
            for (uint32_t m = 0; m < disc[d].values[v].nmentions; m++)
                disputed[disc[d].values[v].mentions[m]] = 1;
    size_t nkey = 0;
    for (size_t i = 0; i < nq; i++) {
        parent[i] = (uint32_t)i;
        if (q[i].unit != CMP_NONE && listable(c, &q[i])) {
            build_context(c, &docs[q[i].article], &q[i], &ctx[i]);
            key[nkey++] = (uint64_t)q[i].unit << 32 | (uint64_t)i;
        }
    }
    qsort(key, nkey, sizeof *key, by_key);
    link_by_unit(c, r, q, ctx, key, nkey, parent, same_count);
    const group_aux aux = {c, nq, disputed};
    return emit_groups(q, key, nkey, parent, mem, &aux, emit_agreement, a, *out, n);
}

/* Whether q (the i-th quantity) converts the measure before it into
 * other units: "95 kilometers ( 60 miles )". The figure converted is the
 * one the outlet gave; its conversion only rounds it again. Not sums of
 * money: "$130 million ( nearly 892 million yuan )" may give the first
 * figure in brackets, converted to dollars for the reader. */
static int is_conversion(const precis_cluster *c, const cmp_quantity *q, size_t i)
{
    if (i == 0 || q[i - 1].article != q[i].article || q[i - 1].sent != q[i].sent || q[i].kind == CMP_Q_MONEY)
        return 0;
    const char *text = c->articles[q[i].article].text;
    uint32_t k = q[i - 1].end, end = q[i].start;
    /* the unit, as written: "kilometers", "km", "square meters" */
    for (int words = 0; words < 2; words++) {
        while (k < end && text[k] == ' ')
            k++;
        while (k < end && (text[k] | 0x20) >= 'a' && (text[k] | 0x20) <= 'z')
            k++;
    }
    while (k < end && text[k] == ' ')
        k++;
    if (k >= end || text[k] != '(')
        return 0;
    for (k++; k < end; k++)
        if (text[k] != ' ')
            return 0;
    return 1;
}

int cmp_discrepancies_find(const precis_cluster *c, const represent *r, const cmp_doc *docs,
                           const cmp_quantity *q, size_t nq, arena *a, cmp_discrepancy **out,
                           size_t *n)
{
    *out = NULL;
    *n = 0;
    context *ctx = arena_alloc(a, (nq + 1) * sizeof *ctx);
    uint32_t *parent = arena_alloc(a, (nq + 1) * sizeof *parent);
    uint32_t *mem = arena_alloc(a, (nq + 1) * sizeof *mem);
    uint64_t *key = arena_alloc(a, (nq + 1) * sizeof *key);
    if (!ctx || !parent || !mem || !key)
        return -1;
    size_t nkey = 0;
    for (size_t i = 0; i < nq; i++) {
        parent[i] = (uint32_t)i;
        build_context(c, &docs[q[i].article], &q[i], &ctx[i]);
        if (comparable(c, &q[i]) && !is_conversion(c, q, i))
            key[nkey++] = (uint64_t)q[i].unit << 32 | (uint64_t)i;
    }
    qsort(key, nkey, sizeof *key, by_key);
    link_by_unit(c, r, q, ctx, key, nkey, parent, linked_figures);
    *out = arena_calloc(a, nq + 1, sizeof **out);
    if (!*out)
        return -1;
    const group_aux aux = {c, nq, NULL};
    return emit_groups(q, key, nkey, parent, mem, &aux, emit, a, *out, n);
}

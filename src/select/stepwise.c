/*
 * stepwise.c: greedy selection that asks a model, at every step, what each
 * candidate would add to the summary chosen so far (see stepwise.h).
 *
 * The per-step features are kept up to date incrementally: taking a
 * sentence updates every sentence's highest cosine with the summary, marks
 * its terms and bigrams, and counts its article, so one step costs one
 * pass over the weighed candidates' tokens, one model evaluation for each
 * of them (STEP_CANDIDATES, stepwise.h) and one cosine per sentence.
 * Candidates are sought only among the STEP_POOL sentences with the highest
 * prior, so a long cluster costs little more per step than a short one;
 * before the first step, one pass over the pool's tokens numbers their
 * bigrams.
 */
#include "select/stepwise.h"

#include <math.h>
#include <string.h>

#include "model/engine.h"
#include "text/segment.h"

#define STEPPER_PATH "data/stepper.txt"

static uint64_t pair_key(uint32_t a, uint32_t b)
{
    return (uint64_t)a << 32 | b;
}

/* Number every distinct pair of adjacent terms in the sentences that may
 * be weighed (all of them when weighable is NULL), and give each of those
 * sentences the ids of its pairs, so that whether the summary holds a
 * pair is one byte per id (pair_in). Weighing a candidate asks that of
 * each of its pairs at every step, and a hash set of the summary's pairs
 * answered it with a probe loop whose end the processor could not guess:
 * a tenth of selection's time. One pass over the tokens instead costs
 * less than a few steps did. The selector numbers only its pool and the
 * sentences units may join, so that a long cluster given to stepwise does
 * not pay for a table of all its pairs. */
static int number_pairs(step_state *st, const uint8_t *weighable, arena *a)
{
    const precis_cluster *c = st->c;
    size_t total = 0, cap = 16;
    for (size_t i = 0; i < c->nsents; i++)
        if (!weighable || weighable[i])
            total += c->sents[i].ntok;
    while (cap < 2 * total)
        cap *= 2;
    uint64_t *key = arena_alloc(a, cap * sizeof *key);
    uint32_t *id = arena_alloc(a, cap * sizeof *id);
    uint32_t *ids = arena_alloc(a, (total + 1) * sizeof *ids);
    st->pair = arena_alloc(a, (c->nsents + 1) * sizeof *st->pair);
    if (!key || !id || !ids || !st->pair)
        return -1;
    memset(key, 0xFF, cap * sizeof *key);
    uint32_t n = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        if (weighable && !weighable[i]) {
            st->pair[i] = NULL;
            continue;
        }
        st->pair[i] = ids;
        for (uint32_t k = 0; k + 1 < s->ntok; k++) {
            const uint64_t pk = pair_key(s->tok[k], s->tok[k + 1]);
            size_t slot = (size_t)((pk * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
            while (key[slot] != UINT64_MAX && key[slot] != pk)
                slot = (slot + 1) & (cap - 1);
            if (key[slot] == UINT64_MAX) {
                key[slot] = pk;
                id[slot] = n++;
            }
            *ids++ = id[slot];
        }
    }
    st->pair_in = arena_calloc(a, (size_t)n + 1, 1);
    return st->pair_in ? 0 : -1;
}

/* What the scorer's best picks would share with the ideal summary if they
 * filled the budget: like the L of the expected-F threshold (score/learned.c),
 * but over the scorer's order alone, without the redundancy filter, so it
 * is known before the first step. */
static int expected_best(step_state *st, arena *a)
{
    const precis_cluster *c = st->c;
    ranked *order = arena_alloc(a, (c->nsents + 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < c->nsents; i++)
        order[i] = (ranked){st->prior[i], (uint32_t)i};
    ranked_sort(order, c->nsents);
    double words = 0;
    st->expected_best = 0;
    for (size_t k = 0; k < c->nsents && words < st->budget_words; k++) {
        const sentence *s = &c->sents[order[k].index];
        if (!sentence_is_selectable(s) || words + s->words > st->budget_words)
            continue;
        words += s->words;
        st->expected_best += fmax(order[k].score, 0) * s->words;
    }
    return 0;
}

static int step_setup(step_state *st, const precis_cluster *c, const represent *r, const double *prior,
                      const budget *b, uint32_t *chosen, const uint8_t *weighable, arena *a)
{
    memset(st, 0, sizeof *st);
    st->c = c;
    st->r = r;
    st->prior = prior;
    st->chosen = chosen;
    st->budget_words = budget_in_words(b);
    st->taken = arena_calloc(a, c->nsents + 1, 1);
    st->max_sim = arena_calloc(a, c->nsents + 1, sizeof *st->max_sim);
    st->term_in = arena_calloc(a, c->nterms + 1, 1);
    st->weight = arena_calloc(a, c->nterms + 1, sizeof *st->weight);
    st->art_taken = arena_calloc(a, c->narticles + 1, sizeof *st->art_taken);
    if (!st->taken || !st->max_sim || !st->term_in || !st->weight || !st->art_taken ||
        number_pairs(st, weighable, a) != 0)
        return -1;
    return expected_best(st, a);
}

int step_init(step_state *st, const precis_cluster *c, const represent *r, const double *prior,
              const budget *b, uint32_t *chosen, arena *a)
{
    return step_setup(st, c, r, prior, b, chosen, NULL, a);
}

/* Whether a copy of sentence i (its near-duplicate group) is chosen. */
static int group_taken(const step_state *st, uint32_t i)
{
    for (size_t k = 0; k < st->n; k++)
        if (st->r->group[st->chosen[k]] == st->r->group[i])
            return 1;
    return 0;
}

/* Whether sentence i may be part of what is taken now: selectable, not yet
 * taken, and no copy of it (its near-duplicate group) in the summary. */
static int may_join(const step_state *st, uint32_t i)
{
    return !st->taken[i] && sentence_is_selectable(&st->c->sents[i]) && !group_taken(st, i);
}

static int step_in_summary(const void *ctx, size_t j)
{
    return ((const step_state *)ctx)->taken[j];
}

static int step_may_join(const void *ctx, size_t j)
{
    return may_join(ctx, (uint32_t)j);
}

int step_unit(const step_state *st, const budget *b, uint32_t i)
{
    /* A quotation's opening or middle is printed only with what follows
     * it, up to the sentence that names its speaker (SENT_LEANS_FORWARD),
     * so no unit ends on one. */
    if ((st->c->sents[i].flags & SENT_LEANS_FORWARD) || !may_join(st, i))
        return -1;
    const unit_rules rules = {step_in_summary, step_may_join, st};
    size_t first = unit_first(st->c, st->r, i, &rules);
    if (first == (size_t)-1 || !unit_fits(st->c, b, first, i))
        return -1;
    return (int)(i - first);
}

int step_candidate(const step_state *st, const budget *b, uint32_t i)
{
    return step_unit(st, b, i) == 0;
}

/* Whether one of the sentences first .. first + count - 1 holds term t. */
static int term_held_by(const precis_cluster *c, uint32_t first, uint32_t count, uint32_t t)
{
    for (uint32_t i = first; i < first + count; i++)
        for (uint32_t k = 0; k < c->sents[i].ntok; k++)
            if (c->sents[i].tok[k] == t)
                return 1;
    return 0;
}

/* Whether one of them holds the pair numbered p. */
static int pair_held_by(const step_state *st, uint32_t first, uint32_t count, uint32_t p)
{
    for (uint32_t i = first; i < first + count; i++)
        for (uint32_t k = 0; k + 1 < st->c->sents[i].ntok; k++)
            if (st->pair[i][k] == p)
                return 1;
    return 0;
}

/* The F_CTX_* features of sentence i as they would be once the `count`
 * sentences from `first` on were taken too (count 0: as things stand). */
static void features_with(const step_state *st, uint32_t i, uint32_t first, uint32_t count, double best_prior,
                          float *x)
{
    const precis_cluster *c = st->c;
    const sentence *s = &c->sents[i];
    const uint32_t *pair = st->pair[i];
    size_t content = 0, content_new = 0, bigrams = 0, bigrams_new = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t t = s->tok[k];
        if (!c->term_stop[t]) {
            content++;
            content_new += !st->term_in[t] && !term_held_by(c, first, count, t);
        }
        if (k + 1 < s->ntok) {
            bigrams++;
            bigrams_new += !st->pair_in[pair[k]] && !pair_held_by(st, first, count, pair[k]);
        }
    }
    double p = st->prior[i];
    double words = st->words, shared = st->shared;
    float max_sim = st->max_sim[i];
    uint32_t same_art = st->art_taken[s->article];
    for (uint32_t k = first; k < first + count; k++) {
        const sentence *w = &c->sents[k];
        words += w->words;
        shared += fmax(st->prior[k], 0) * w->words;
        float sim = (float)svec_dot(&st->r->vec[i], &st->r->vec[k]);
        max_sim = sim > max_sim ? sim : max_sim;
        same_art += w->article == s->article;
    }
    int prev_in = s->pos > 0 && (st->taken[i - 1] || (count > 0 && i - 1 >= first && i - 1 < first + count));
    x[F_CTX_PRIOR] = (float)p;
    x[F_CTX_PRIOR_GAP] = (float)(p - best_prior);
    x[F_CTX_MAX_SIM] = max_sim;
    x[F_CTX_UNI_NEW] = content ? (float)content_new / (float)content : 0;
    x[F_CTX_BI_NEW] = bigrams ? (float)bigrams_new / (float)bigrams : 0;
    x[F_CTX_WORDS] = (float)(words / st->budget_words);
    x[F_CTX_AFTER] = (float)((words + s->words) / st->budget_words);
    x[F_CTX_STEP] = (float)(st->n + count);
    x[F_CTX_SAME_ART] = (float)same_art;
    x[F_CTX_PREV_IN] = prev_in && c->sents[i - 1].article == s->article;
    x[F_CTX_MARGIN] = (float)(p - shared / (words + st->expected_best + 1e-9));
}

void step_features(const step_state *st, uint32_t i, double best_prior, float *x)
{
    features_with(st, i, 0, 0, best_prior, x);
}

/* svec_dot(x, y) with x's weights spread over the terms (zero elsewhere),
 * without the merge's unpredictable branches. It is the same double: the
 * products of terms both hold are added in the same (ascending) order, and
 * every other term adds a zero, which leaves the sum as it was, since a
 * sum that starts at +0 never becomes -0. */
static double spread_dot(const float *x, const svec *y)
{
    double s = 0;
    for (uint32_t k = 0; k < y->n; k++)
        s += (double)x[y->term[k]] * y->w[k];
    return s;
}

int step_take(step_state *st, uint32_t i)
{
    const precis_cluster *c = st->c;
    const sentence *s = &c->sents[i];
    st->taken[i] = 1;
    st->chosen[st->n++] = i;
    st->words += s->words;
    st->shared += fmax(st->prior[i], 0) * s->words;
    st->art_taken[s->article]++;
    for (uint32_t k = 0; k < s->ntok; k++) {
        st->term_in[s->tok[k]] = 1;
        if (k + 1 < s->ntok)
            st->pair_in[st->pair[i][k]] = 1;
    }
    /* The cosine of i with every sentence: i's weights spread over the
     * terms, then each sentence's terms looked up (see spread_dot). */
    const svec *v = &st->r->vec[i];
    for (uint32_t k = 0; k < v->n; k++)
        st->weight[v->term[k]] = v->w[k];
    for (size_t j = 0; j < c->nsents; j++) {
        float sim = (float)spread_dot(st->weight, &st->r->vec[j]);
        if (sim > st->max_sim[j])
            st->max_sim[j] = sim;
    }
    for (uint32_t k = 0; k < v->n; k++)
        st->weight[v->term[k]] = 0;
    return 0;
}

double step_value(const step_state *st, const scorer_model *model, const float *x, const budget *b, uint32_t i,
                  double best_prior, int *lead)
{
    const precis_cluster *c = st->c;
    float row[F_COUNT];
    *lead = step_unit(st, b, i);
    if (*lead < 0)
        return -1;
    /* Each sentence of the unit weighed as it would be with the ones
     * before it in, the gains added, over the unit's words together. */
    uint32_t first = i - (uint32_t)*lead;
    double gain = 0, words = 0;
    for (uint32_t k = first; k <= i; k++) {
        memcpy(row, x + (size_t)k * F_COUNT, sizeof row);
        features_with(st, k, first, k - first, best_prior, row);
        gain += scorer_model_predict(model, row);
        words += c->sents[k].words;
    }
    return gain > 0 ? gain / pow(fmax(words, 1), STEP_COST_EXP) : 0;
}

/* The lead a brief without a query opens with, as coverage's best_lead
 * does: of the articles' first story sentences that stand on their own,
 * the one the model values most as the first step. A reader who asked
 * nothing wants to be told what happened first; the model alone, which
 * only weighs gains, opened the seeds' 40-word brief with "But Russia said
 * on Thursday ..." once it was refitted. (size_t)-1 when no lead is worth
 * taking or fits. */
static size_t opening_lead(const step_state *st, const scorer_model *model, const float *x, const budget *b,
                           double best_prior)
{
    const precis_cluster *c = st->c;
    size_t best = (size_t)-1;
    double best_value = 0;
    for (size_t d = 0; d < c->narticles; d++) {
        uint32_t i = article_lead(c, d);
        int lead;
        if (i == UINT32_MAX || (c->sents[i].flags & (SENT_LEANS_BACK | SENT_LEANS_FORWARD)))
            continue;
        double value = step_value(st, model, x, b, i, best_prior, &lead);
        if (lead == 0 && value > best_value) {
            best_value = value;
            best = i;
        }
    }
    return best;
}

/* The steps of one walk: at each, the best-valued of the first
 * STEP_CANDIDATES candidates in the pool, or with open_with_lead the
 * opening_lead as the first step. Returns the sentences taken. */
static size_t walk(step_state *st, const scorer_model *model, const float *x, const ranked *order, size_t pool,
                   int open_with_lead, budget *b)
{
    const precis_cluster *c = st->c;
    while (!budget_full(b)) {
        double best_prior = -INFINITY;
        for (size_t k = 0; k < pool; k++)
            if (step_candidate(st, b, order[k].index) && order[k].score > best_prior)
                best_prior = order[k].score;
        if (best_prior == -INFINITY)
            break;
        size_t best = st->n == 0 && open_with_lead ? opening_lead(st, model, x, b, best_prior) : (size_t)-1;
        double best_value = 0;
        int weighed = best != (size_t)-1 ? STEP_CANDIDATES : 0, best_lead = 0;
        for (size_t k = 0; k < pool && weighed < STEP_CANDIDATES; k++) {
            int lead;
            double value = step_value(st, model, x, b, order[k].index, best_prior, &lead);
            if (value < 0)
                continue;
            weighed++;
            if (value > best_value) {
                best_value = value;
                best = order[k].index;
                best_lead = lead;
            }
        }
        if (best == (size_t)-1)
            break;
        for (size_t j = best - (size_t)best_lead; j <= best; j++) { /* the unit, first to last */
            if (step_take(st, (uint32_t)j) != 0)
                return (size_t)-1;
            budget_take(b, c->sents[j].words, sentence_bytes(c, &c->sents[j]));
        }
    }
    return st->n;
}

/* Whether one of the n chosen sentences is its article's lead, so that the
 * brief, in story order (order/position.c), opens with one. */
static int holds_lead(const precis_cluster *c, const uint32_t *chosen, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (article_lead(c, c->sents[chosen[k]].article) == chosen[k])
            return 1;
    return 0;
}

size_t select_stepwise_model(const precis_cluster *c, const represent *r, const scorer_model *model,
                             const float *x, const double *prior, budget *b, arena *a, uint32_t *chosen)
{
    step_state st;
    ranked *order = arena_alloc(a, (c->nsents + 1) * sizeof *order);
    uint8_t *weighable = arena_calloc(a, c->nsents + 1, 1);
    if (!order || !weighable)
        return (size_t)-1;
    size_t pool = 0;
    for (size_t i = 0; i < c->nsents; i++)
        if (sentence_is_selectable(&c->sents[i]))
            order[pool++] = (ranked){prior[i], (uint32_t)i};
    ranked_sort(order, pool);
    if (pool > STEP_POOL)
        pool = STEP_POOL;
    /* Only the pool is weighed, each with the sentences before it that its
     * unit may take (up to SELECT_MAX_UNIT in all), and only those taken;
     * and the leads a generic brief may open with (opening_lead). */
    for (size_t k = 0; k < pool; k++) {
        uint32_t i = order[k].index;
        for (uint32_t j = i >= SELECT_MAX_UNIT - 1 ? i - (SELECT_MAX_UNIT - 1) : 0; j <= i; j++)
            weighable[j] = 1;
    }
    for (size_t d = 0; d < c->narticles && !r->has_query; d++) {
        uint32_t i = article_lead(c, d);
        if (i != UINT32_MAX)
            weighable[i] = 1;
    }
    const budget start = *b;
    if (step_setup(&st, c, r, prior, b, chosen, weighable, a) != 0)
        return (size_t)-1;
    size_t n = walk(&st, model, x, order, pool, 0, b);
    /* A brief without a query that holds no story's lead would open with a
     * later detail: walk again, from a lead. Only such briefs change, which
     * costs Multi-News less than opening every walk with one (RESULTS.md). */
    if (n == 0 || n == (size_t)-1 || r->has_query || holds_lead(c, chosen, n))
        return n;
    *b = start;
    if (step_setup(&st, c, r, prior, b, chosen, weighable, a) != 0)
        return (size_t)-1;
    return walk(&st, model, x, order, pool, 1, b);
}

size_t select_stepwise(const precis_cluster *c, const represent *r, const method *m, const double *scores,
                       budget *b, arena *a, uint32_t *chosen)
{
    const scorer_model *model = scorer_model_cached(c->engine, STEPPER_PATH, &c->engine->stepper);
    const float *x = model ? sfeat_rows(c, r, a) : NULL;
    if (!x)
        return (size_t)-1;
    budget start = *b;
    size_t n = select_stepwise_model(c, r, model, x, scores, b, a, chosen);
    if (n != 0)
        return n;
    /* Nothing the model wanted (a cluster of short lines, say): plain
     * greedy still gives a summary. */
    *b = start;
    return select_greedy(c, r, m, scores, b, a, chosen);
}

/*
 * greedy.c: best-first selection with redundancy control.
 *
 * The same fact must never appear twice: a candidate is skipped when it is
 * in the near-duplicate group of a chosen sentence, or when its cosine with
 * any chosen sentence is above SELECT_REDUNDANCY (a paraphrase, not a copy).
 */
#include <stdlib.h>

#include <string.h>

#include "select/select.h"
#include "text/segment.h"

#define MIN_WORDS 4     /* shorter sentences say too little to stand alone */

static int by_score(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

void ranked_sort(ranked *v, size_t n)
{
    qsort(v, n, sizeof *v, by_score);
}

int sentence_is_fragment(const sentence *s)
{
    if ((s->flags & SENT_UNTERMINATED) && !(s->flags & SENT_CUT))
        return 1;
    return (s->flags & (SENT_PART_QUOTE | SENT_BOILERPLATE | SENT_CAPTION)) || s->words < MIN_WORDS;
}

uint32_t article_lead(const precis_cluster *c, size_t d)
{
    const article *art = &c->articles[d];
    for (uint32_t i = art->first; i < art->first + art->count; i++)
        if (!sentence_is_fragment(&c->sents[i]))
            return i;
    return UINT32_MAX;
}

int sentence_is_never_chosen(const sentence *s)
{
    return (s->flags & (SENT_BOILERPLATE | SENT_TRUNCATED | SENT_BARRED)) != 0;
}

int sentence_is_selectable(const sentence *s)
{
    return !sentence_is_fragment(s) && !sentence_is_never_chosen(s) && !(s->flags & SENT_QUESTION);
}

int cluster_has_selectable(const precis_cluster *c)
{
    for (size_t i = 0; i < c->nsents; i++)
        if (sentence_is_selectable(&c->sents[i]))
            return 1;
    return 0;
}

int cluster_is_only_pieces(const precis_cluster *c)
{
    int pieces = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        if (!sentence_is_never_chosen(&c->sents[i]))
            return 0;
        pieces |= (c->sents[i].flags & SENT_TRUNCATED) != 0;
    }
    return pieces;
}

int cluster_is_only_notices(const precis_cluster *c)
{
    int notices = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        if (s->flags & SENT_BOILERPLATE)
            notices = 1;
        else if (s->words >= MIN_WORDS)
            return 0;
    }
    return notices;
}

static int is_redundant(const represent *r, const uint32_t *chosen, size_t n, uint32_t i)
{
    for (size_t k = 0; k < n; k++) {
        if (r->group[chosen[k]] == r->group[i])
            return 1;
        if (svec_dot(&r->vec[chosen[k]], &r->vec[i]) > SELECT_REDUNDANCY)
            return 1;
    }
    return 0;
}

int is_chosen(const uint32_t *chosen, size_t n, size_t i)
{
    for (size_t j = 0; j < n; j++)
        if (chosen[j] == i)
            return 1;
    return 0;
}

/* Greedy's own summary, as unit_first (select/unit.c) asks about it. */
typedef struct greedy_view {
    const represent *r;
    const method *m;
    const precis_cluster *c;
    const uint32_t *chosen;
    size_t n;
    int allow_fragments;
} greedy_view;

static int greedy_in_summary(const void *ctx, size_t j)
{
    const greedy_view *v = ctx;
    return is_chosen(v->chosen, v->n, j);
}

static int greedy_may_join(const void *ctx, size_t j)
{
    const greedy_view *v = ctx;
    return !sentence_is_never_chosen(&v->c->sents[j]) &&
           !(v->m->skip_fragments && !v->allow_fragments && !sentence_is_selectable(&v->c->sents[j])) &&
           !(v->m->avoid_redundancy && is_redundant(v->r, v->chosen, v->n, (uint32_t)j));
}

static size_t pass(const precis_cluster *c, const represent *r, const method *m, const ranked *order,
                   budget *b, uint32_t *chosen, size_t n, int allow_fragments, taken_set *held)
{
    for (size_t k = 0; k < c->nsents && !budget_full(b); k++) {
        uint32_t i = order[k].index;
        const sentence *s = &c->sents[i];
        if (m->skip_fragments && !allow_fragments && !sentence_is_selectable(s))
            continue;
        /* not even as the last resort of a cluster of short lines */
        if (sentence_is_never_chosen(s))
            continue;
        if (m->avoid_redundancy ? is_redundant(r, chosen, n, i) : 0)
            continue;
        if (taken_copy(held, i))
            continue; /* the sentence itself, or the same wire copy from another outlet */
        if (m->keep_context) {
            /* A quotation's opening comes only before the sentence that
             * goes on to name its speaker, taken when that one is. */
            if (s->flags & SENT_LEANS_FORWARD)
                continue;
            /* The sentences it leans on come first, if they may be taken
             * and all fit; else pass over it. */
            const greedy_view view = {r, m, c, chosen, n, allow_fragments};
            const unit_rules rules = {greedy_in_summary, greedy_may_join, &view};
            size_t first = unit_first(c, r, i, &rules);
            if (first == (size_t)-1 || !unit_fits(c, b, first, i))
                continue;
            for (size_t j = first; j < i; j++) {
                budget_take(b, c->sents[j].words, sentence_bytes(c, &c->sents[j]));
                taken_add(held, (uint32_t)j);
                chosen[n++] = (uint32_t)j;
            }
        }
        size_t bytes = sentence_bytes(c, s);
        if (!budget_fits(b, s->words, bytes))
            continue;
        budget_take(b, s->words, bytes);
        taken_add(held, i);
        chosen[n++] = i;
    }
    return n;
}

size_t select_greedy(const precis_cluster *c, const represent *r, const method *m, const double *scores,
                     budget *b, arena *a, uint32_t *chosen)
{
    ranked *order = arena_alloc(a, (c->nsents + 1) * sizeof *order);
    if (!order)
        return (size_t)-1;
    for (size_t i = 0; i < c->nsents; i++) {
        order[i].score = scores[i];
        order[i].index = (uint32_t)i;
    }
    ranked_sort(order, c->nsents);
    taken_set held;
    if (taken_init(&held, c, r, a) != 0)
        return (size_t)-1;
    size_t n = pass(c, r, m, order, b, chosen, 0, 0, &held);
    /* A cluster of nothing but short lines still gets a summary; one
     * whose sentences are only too long for the budget does not. */
    if (n == 0 && !cluster_has_selectable(c))
        n = pass(c, r, m, order, b, chosen, 0, 1, &held); /* held is empty: n was 0 */
    return n;
}

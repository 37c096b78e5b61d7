/*
 * variant.c: which copy of a reported sentence to print.
 *
 * Outlets carry the same sentence with their own attributions: "...," the
 * source said (the source named two paragraphs up), against "...," a
 * Syrian military source told AFP earlier on Thursday. A selector picks
 * one copy of a near-duplicate group for what it says, often the shortest.
 * This step then prints the copy that best stands on its own, if it fits
 * the budget: one that does not lean on the sentence before it
 * (SENT_LEANS_BACK) or on the one after it (SENT_LEANS_FORWARD), and of
 * those the one that names the most (capitalised words past the first:
 * people, places, agencies, days). Ties keep the selector's choice, so on
 * lower-cased text nothing changes.
 */
#include "select/select.h"
#include "text/segment.h"

/* Capitalised words after the first: a sentence's names, roughly. */
static int names_in(const precis_cluster *c, const sentence *s)
{
    const char *t = c->articles[s->article].text;
    int names = 0, first = 1;
    for (uint32_t i = s->start; i < s->end; i++) {
        int starts_word = i == s->start || t[i - 1] == ' ' || t[i - 1] == '(' || t[i - 1] == '"';
        if (!starts_word || t[i] < 'A' || t[i] > 'Z')
            continue;
        names += !first;
        first = 0;
    }
    return names;
}

/* How well sentence i reads without its neighbours (higher is better). */
static int standing(const precis_cluster *c, size_t i)
{
    const sentence *s = &c->sents[i];
    return names_in(c, s) - (s->flags & (SENT_LEANS_BACK | SENT_LEANS_FORWARD) ? 1000 : 0);
}

/* Whether the summary holds a sentence that leans on sentence i. */
static int leaned_on(const precis_cluster *c, const uint32_t *chosen, size_t n, size_t i)
{
    return i + 1 < c->nsents && (c->sents[i + 1].flags & SENT_LEANS_BACK) && is_chosen(chosen, n, i + 1);
}

/* Whether the budget still holds with sentence `from` swapped for `to`. */
static int swap_fits(const precis_cluster *c, const budget *b, const sentence *from, const sentence *to)
{
    budget after = *b;
    after.words -= from->words;
    after.bytes -= sentence_bytes(c, from);
    after.sentences--;
    return budget_fits(&after, to->words, sentence_bytes(c, to));
}

void choose_variants(const precis_cluster *c, const represent *r, const method *m, budget *b, uint32_t *chosen,
                     size_t n)
{
    if (!m->keep_context)
        return;
    for (size_t k = 0; k < n; k++) {
        size_t i = chosen[k], best = i;
        if ((c->sents[i].flags & SENT_LEANS_BACK) && i > 0 && is_chosen(chosen, n, i - 1))
            continue; /* its predecessor is printed with it: it reads as it is */
        if (leaned_on(c, chosen, n, i))
            continue;
        int best_standing = standing(c, i);
        for (size_t j = 0; j < c->nsents; j++) {
            if (j == i || r->group[j] != r->group[i] || r->off_topic[c->sents[j].article] ||
                !sentence_is_selectable(&c->sents[j]) || is_chosen(chosen, n, j))
                continue;
            int sj = standing(c, j);
            if (sj > best_standing && swap_fits(c, b, &c->sents[i], &c->sents[j])) {
                best = j;
                best_standing = sj;
            }
        }
        if (best == i)
            continue;
        const sentence *from = &c->sents[i], *to = &c->sents[best];
        b->words = b->words - from->words + to->words;
        b->bytes = b->bytes - sentence_bytes(c, from) + sentence_bytes(c, to);
        chosen[k] = (uint32_t)best;
    }
}

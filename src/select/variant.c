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
 * lower-cased text nothing changes. A copy cut off by the end of its page
 * stands worst of all that do not lean: a whole copy is printed instead.
 *
 * A copy stands in only if it says what the chosen sentence says, as a
 * source of it must: a near-duplicate of the sentence itself, not merely
 * of its group (a group is a closure, and joined "All 217 people aboard
 * the plane were killed." to "The Lauda Air crash killed all 223 people
 * on board." through other crashes' sentences), with numbers that agree
 * and not a piece that stops short of it.
 */
#include "compare/compare.h"
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
    return names_in(c, s) - (s->flags & (SENT_LEANS_BACK | SENT_LEANS_FORWARD) ? 1000 : 0) -
           (s->flags & SENT_CUT ? 500 : 0);
}

/* The numbers of a chosen sentence, read when a copy first needs them. */
typedef struct values {
    cmp_values v;
    int read;
} values;

/* Whether copy j may be printed for sentence i, whose numbers are *vi
 * (see the top of the file): 1 yes, 0 no, -1 out of memory. */
static int may_stand_in(const precis_cluster *c, const represent *r, uint32_t i, values *vi, uint32_t j,
                        arena *scratch)
{
    if (!represent_near_duplicates(r, i, j) || represent_stops_short(c, r, i, j))
        return 0;
    if (!vi->read && cmp_sentence_values(c, i, scratch, &vi->v) != 0)
        return -1;
    vi->read = 1;
    cmp_values vj;
    if (cmp_sentence_values(c, j, scratch, &vj) != 0)
        return -1;
    return cmp_values_agree(&vi->v, &vj);
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

int choose_variants(const precis_cluster *c, const represent *r, const method *m, budget *b, uint32_t *chosen,
                    size_t n, arena *scratch)
{
    if (!m->keep_context)
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = chosen[k], best = i;
        if ((c->sents[i].flags & SENT_LEANS_BACK) && i > 0 && is_chosen(chosen, n, i - 1))
            continue; /* its predecessor is printed with it: it reads as it is */
        if (leaned_on(c, chosen, n, i))
            continue;
        int best_standing = standing(c, i);
        values vi = {{NULL, NULL, 0}, 0};
        for (size_t j = 0; j < c->nsents; j++) {
            if (j == i || r->group[j] != r->group[i] || r->off_topic[c->sents[j].article] ||
                !sentence_is_selectable(&c->sents[j]) || is_chosen(chosen, n, j))
                continue;
            int sj = standing(c, j);
            if (sj <= best_standing || !swap_fits(c, b, &c->sents[i], &c->sents[j]))
                continue;
            int may = may_stand_in(c, r, (uint32_t)i, &vi, (uint32_t)j, scratch);
            if (may < 0)
                return -1;
            if (may) {
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
    return 0;
}

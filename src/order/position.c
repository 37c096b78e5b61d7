/*
 * position.c: reading order for a summary. Sentences are put in the order
 * of their position in their article (leads first), ties broken by article,
 * so a summary reads like a news story rather than a ranked list. A
 * sentence that leans on the one before it ("She said ...") is then moved
 * to follow that sentence when the summary has it, wherever the sort put
 * the two.
 */
#include <stdlib.h>

#include <string.h>

#include "select/select.h"
#include "text/segment.h"

static int by_position(const void *x, const void *y, void *ctx)
{
    const precis_cluster *c = ctx;
    const sentence *a = &c->sents[*(const uint32_t *)x], *b = &c->sents[*(const uint32_t *)y];
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

static size_t index_of(const uint32_t *chosen, size_t n, uint32_t wanted)
{
    for (size_t j = 0; j < n; j++)
        if (chosen[j] == wanted)
            return j;
    return n;
}

/* Move chosen[from] back to just after chosen[after] (after < from: a
 * predecessor has the lower position, so the sort put it first), shifting
 * what lies between one place on. */
static void move_after(uint32_t *chosen, size_t from, size_t after)
{
    uint32_t moving = chosen[from];
    memmove(chosen + after + 2, chosen + after + 1, (from - after - 1) * sizeof *chosen);
    chosen[after + 1] = moving;
}

void order_by_position(const precis_cluster *c, uint32_t *chosen, size_t n)
{
    qsort_r(chosen, n, sizeof *chosen, by_position, (void *)c);
    /* Walk in order of position, so a chain (a lead, "He said", "His
     * rival ...") is linked up front to back. */
    for (size_t j = 0; j < n; j++) {
        uint32_t i = chosen[j];
        const sentence *s = &c->sents[i];
        if (!(s->flags & SENT_LEANS_BACK) || i == 0 || c->sents[i - 1].article != s->article)
            continue;
        size_t p = index_of(chosen, n, i - 1);
        if (p < j && p + 1 != j)
            move_after(chosen, j, p);
    }
}

/*
 * position.c: reading order for a summary. Sentences are put in the order
 * of their position in their article (leads first), ties broken by article,
 * so a summary reads like a news story rather than a ranked list.
 */
#include <stdlib.h>

#include "select/select.h"


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

void order_by_position(const precis_cluster *c, uint32_t *chosen, size_t n)
{
    qsort_r(chosen, n, sizeof *chosen, by_position, (void *)c);
}

/*
 * budget.c: budget accounting; see select.h.
 */
#include "select/select.h"
#include "text/whitespace.h"

size_t sentence_bytes(const precis_cluster *c, const sentence *s)
{
    (void)c;
    return s->bytes;
}

int budget_fits(const budget *b, size_t words, size_t bytes)
{
    if (b->max_words && b->words + words > b->max_words)
        return 0;
    if (b->max_bytes && b->bytes + bytes > b->max_bytes)
        return 0;
    if (b->max_sentences && b->sentences + 1 > b->max_sentences)
        return 0;
    return 1;
}

void budget_take(budget *b, size_t words, size_t bytes)
{
    b->words += words;
    b->bytes += bytes;
    b->sentences++;
}

int budget_full(const budget *b)
{
    return (b->max_words && b->words >= b->max_words) || (b->max_bytes && b->bytes >= b->max_bytes) ||
           (b->max_sentences && b->sentences >= b->max_sentences);
}

double budget_in_words(const budget *b)
{
    if (b->max_words)
        return (double)b->max_words;
    if (b->max_bytes)
        return (double)b->max_bytes / 6.0;
    return 300.0;
}

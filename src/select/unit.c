/*
 * unit.c: the sentences a selector takes together (see select.h).
 *
 * A sentence that leans on the one before it (SENT_LEANS_BACK: "She was
 * banned ...", the rest of a quotation) is printed only straight after
 * it, so taking it means taking the untaken sentences it leans on too:
 * a unit. Every selector that keeps context (stepwise, coverage, greedy)
 * asks here where a unit starts and whether it fits, and says for itself
 * which sentences are in its summary and which it may take.
 */
#include "select/select.h"
#include "text/segment.h"

size_t unit_first(const precis_cluster *c, const represent *r, size_t i, const unit_rules *rules)
{
    size_t first = i;
    while ((c->sents[first].flags & SENT_LEANS_BACK) && first > 0 &&
           c->sents[first - 1].article == c->sents[first].article && !rules->in_summary(rules->ctx, first - 1)) {
        first--;
        if (i - first >= SELECT_MAX_UNIT || !rules->may_join(rules->ctx, first))
            return (size_t)-1;
        for (size_t k = first + 1; k <= i; k++)
            if (r->group[k] == r->group[first])
                return (size_t)-1; /* two copies of one sentence in a unit */
    }
    return first;
}

int unit_fits(const precis_cluster *c, const budget *b, size_t first, size_t last)
{
    budget after = *b;
    for (size_t j = first; j <= last; j++) {
        const sentence *s = &c->sents[j];
        if (!budget_fits(&after, s->words, sentence_bytes(c, s)))
            return 0;
        budget_take(&after, s->words, sentence_bytes(c, s));
    }
    return 1;
}

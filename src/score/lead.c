/*
 * lead.c: the lead baseline. Round robin over articles: every article's
 * first sentence, then every second sentence, and so on. Positions count
 * only story sentences, so a headline or dateline does not cost an
 * article its turn.
 */
#include "score/method.h"
#include "select/select.h"

int score_lead(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    for (size_t d = 0; d < c->narticles; d++) {
        const article *art = &c->articles[d];
        double rank = 0;
        for (uint32_t i = art->first; i < art->first + art->count; i++) {
            const sentence *s = &c->sents[i];
            double pos = sentence_is_fragment(s) ? rank + 1e6 : rank++;
            scores[i] = -(pos * (double)c->narticles + (double)d);
        }
    }
    return 0;
}

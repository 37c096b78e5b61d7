/*
 * lead.c: the lead baseline. Round robin over articles: every article's
 * first sentence, then every second sentence, and so on.
 */
#include "score/method.h"

int score_lead(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        scores[i] = -((double)s->pos * (double)c->narticles + s->article);
    }
    return 0;
}

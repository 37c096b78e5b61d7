/*
 * default.c: the default scorer. Three signals, each in [0, 1]:
 *  - content: cosine with the cluster's TF-IDF centroid, where idf comes
 *    from the background table, so words every news story uses weigh little;
 *  - position: news puts the point first;
 *  - support: how many outlets carry the sentence (near-duplicates merged),
 *    the cross-source signal a single-document summarizer cannot see;
 *  - when the reader gives a query, similarity to it.
 */
#include <math.h>

#include "score/method.h"

#define W_CONTENT 1.0
#define W_POSITION 0.35
#define W_SUPPORT 0.25
#define W_QUERY 1.0

int score_default(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    double max_support = log(1.0 + (double)c->narticles);
    for (size_t i = 0; i < c->nsents; i++) {
        double content = centroid_similarity(r, i);
        double support = c->narticles > 1 ? log((double)r->support[i]) / max_support : 0;
        scores[i] = W_CONTENT * content + W_POSITION * r->position[i] + W_SUPPORT * support +
                    W_QUERY * r->query_sim[i];
    }
    return 0;
}

/*
 * coverage.c: selection by concept coverage (after Gillick and Favre 2009,
 * and the budgeted submodular view of Lin and Bilmes 2011).
 *
 * A concept is a bigram of stemmed words (not two stopwords). Its weight is
 * the number of articles that use it: what several outlets report is what
 * the story is about. A summary's value is the total weight of the concepts
 * it covers, each counted once, so a second sentence saying the same thing
 * adds nothing: redundancy is priced in, not filtered after the fact.
 * The method's sentence scores add a small modular term (position,
 * centrality), which breaks ties towards lead-like, central sentences.
 *
 * Sentences of articles that have almost nothing in common with the rest of
 * the cluster (represent.c: off_topic) are not chosen.
 *
 * A sentence that leans on the one before it ("She was banned for two
 * years": SENT_LEANS_BACK) is only taken with that sentence (and the one
 * before that, if it leans too: a long quotation), as one unit whose value
 * and cost are all of theirs, so the brief never leaves the reader asking
 * who "she" is. The opening or the middle of a quotation whose speaker a
 * later sentence names (SENT_LEANS_FORWARD) is never the last of a unit:
 * the quotation is printed down to the speaker, or not at all.
 *
 * A generic brief (no query) opens with a story's lead: the first sentence
 * of some article, the one that covers the most concept weight per word.
 * A reader who asked nothing wants to be told what happened, and the
 * concept-densest sentences are often a story's later details ("The
 * alliance is also fiercely opposed to ..."), which read as loose ends at
 * the top. A brief that answers a query takes first a sentence that
 * answers it (best_answer).
 *
 * Greedy on gain per word is within a constant factor of the optimum for
 * this objective and costs O(selected x sentences x bigrams); no solver
 * (select/ilp.c solves the same objective exactly). The concepts and their
 * weights are built in select/concepts.c.
 */
#include <math.h>

#include "select/concepts.h"
#include "select/select.h"
#include "text/segment.h"


static int group_taken(const represent *r, const uint32_t *chosen, size_t n, size_t i)
{
    for (size_t j = 0; j < n; j++)
        if (r->group[chosen[j]] == r->group[i])
            return 1;
    return 0;
}

/* Whether sentence i may be taken now, on its own terms. */
static int available(const precis_cluster *c, const represent *r, const method *m, const unsigned char *used,
                     const uint32_t *chosen, size_t n, size_t i)
{
    return !used[i] && concepts_candidate(c, r, m, i) && !group_taken(r, chosen, n, i);
}

/* Coverage's own summary, as unit_first (select/unit.c) asks about it. */
typedef struct coverage_view {
    const precis_cluster *c;
    const represent *r;
    const method *m;
    const unsigned char *used;
    const uint32_t *chosen;
    size_t n;
} coverage_view;

static int coverage_in_summary(const void *ctx, size_t j)
{
    return ((const coverage_view *)ctx)->used[j];
}

static int coverage_may_join(const void *ctx, size_t j)
{
    const coverage_view *v = ctx;
    return available(v->c, v->r, v->m, v->used, v->chosen, v->n, j);
}

/* Whether sentence j holds concept id. A sentence holds a few dozen
 * concepts, so a scan costs less than marking and unmarking. */
static int holds_concept(const concepts *k, size_t j, uint32_t id)
{
    for (uint32_t u = 0; u < k->n[j]; u++)
        if (k->ids[j][u] == id)
            return 1;
    return 0;
}

/* The greedy value of taking sentences first .. last together: their
 * uncovered concept weight, each concept counted once, plus their scaled
 * scores. */
static double unit_value(const concepts *k, const unsigned char *covered, double scale, const double *scores,
                         size_t first, size_t last)
{
    double v = concepts_gain(k, covered, first) + scale * scores[first];
    for (size_t j = first + 1; j <= last; j++) {
        v += scale * scores[j];
        for (uint32_t t = 0; t < k->n[j]; t++) {
            uint32_t id = k->ids[j][t];
            int earlier = 0;
            for (size_t e = first; e < j && !earlier; e++)
                earlier = holds_concept(k, e, id);
            if (!covered[id] && !earlier)
                v += k->weight[id];
        }
    }
    return v;
}

static void take(const precis_cluster *c, const concepts *k, budget *b, unsigned char *used,
                 unsigned char *covered, uint32_t *chosen, size_t *n, size_t i)
{
    const sentence *s = &c->sents[i];
    budget_take(b, s->words, sentence_bytes(c, s));
    used[i] = 1;
    chosen[(*n)++] = (uint32_t)i;
    for (uint32_t t = 0; t < k->n[i]; t++)
        covered[k->ids[i][t]] = 1;
}

/* The best lead to open a generic brief with: among the articles' first
 * story sentences (article_lead, if it may stand on its own), the one that
 * covers most per word. (size_t)-1 if none fits. */
static size_t best_lead(const precis_cluster *c, const represent *r, const method *m, const concepts *k,
                        const unsigned char *covered, double scale, const double *scores, const budget *b,
                        const unsigned char *used)
{
    size_t best = (size_t)-1;
    double best_ratio = 0;
    for (size_t d = 0; d < c->narticles; d++) {
        uint32_t i = article_lead(c, d);
        if (i == UINT32_MAX)
            continue;
        const sentence *s = &c->sents[i];
        if (!sentence_is_selectable(s) || (s->flags & (SENT_LEANS_BACK | SENT_LEANS_FORWARD)) ||
            !available(c, r, m, used, NULL, 0, i) || !unit_fits(c, b, i, i))
            continue;
        double value = unit_value(k, covered, scale, scores, i, i);
        double ratio = value / pow(s->words ? (double)s->words : 1, CONCEPTS_COST_EXP);
        if (value > 0 && (best == (size_t)-1 || ratio > best_ratio)) {
            best = i;
            best_ratio = ratio;
        }
    }
    return best;
}

/* With a query, a sentence that answers it: among those nearly as like the
 * query as the likest (ANSWER_SHARE of its cosine), the one that covers
 * most per word. Whatever else the brief covers, it holds an answer: the
 * concept weights alone (CONCEPT_QUERY, set on DUC's long topic
 * statements) left a short question ("What did Iran say about the
 * strikes?") unanswered when its words are common in the cluster. On DUC
 * 2006, 0.8 scores as the weights alone did; 1.0, the likest sentence
 * itself, cost 0.13 R-2 there. */
#define ANSWER_SHARE 0.8
static size_t best_answer(const precis_cluster *c, const represent *r, const method *m, const concepts *k,
                          const unsigned char *covered, double scale, const double *scores, const budget *b,
                          const unsigned char *used)
{
    double top = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t best = (size_t)-1;
        double best_ratio = 0;
        for (size_t i = 0; i < c->nsents; i++) {
            const sentence *s = &c->sents[i];
            if (r->query_sim[i] <= 0 || (pass == 1 && r->query_sim[i] < ANSWER_SHARE * top) ||
                !sentence_is_selectable(s) || (s->flags & (SENT_LEANS_BACK | SENT_LEANS_FORWARD)) ||
                !available(c, r, m, used, NULL, 0, i) || !unit_fits(c, b, i, i))
                continue;
            if (pass == 0) {
                top = fmax(top, r->query_sim[i]);
                continue;
            }
            double ratio = unit_value(k, covered, scale, scores, i, i) / pow(s->words ? (double)s->words : 1,
                                                                             CONCEPTS_COST_EXP);
            if (best == (size_t)-1 || ratio > best_ratio) {
                best = i;
                best_ratio = ratio;
            }
        }
        if (pass == 1)
            return best;
    }
    return (size_t)-1;
}

size_t select_coverage(const precis_cluster *c, const represent *r, const method *m, const double *scores,
                       budget *b, arena *a, uint32_t *chosen)
{
    concepts k;
    if (concepts_build(c, r, a, &k) != 0)
        return (size_t)-1;
    unsigned char *covered = arena_calloc(a, k.count + 1, 1);
    unsigned char *used = arena_calloc(a, c->nsents + 1, 1);
    if (!covered || !used)
        return (size_t)-1;
    /* Scale the modular term to the concept weights of this cluster. */
    double scale = concepts_score_scale(c, &k, scores);
    size_t n = 0;
    size_t opening = r->has_query ? best_answer(c, r, m, &k, covered, scale, scores, b, used)
                                  : best_lead(c, r, m, &k, covered, scale, scores, b, used);
    if (opening != (size_t)-1)
        take(c, &k, b, used, covered, chosen, &n, opening);
    for (;;) {
        size_t best = (size_t)-1, best_first = (size_t)-1;
        double best_ratio = 0;
        for (size_t i = 0; i < c->nsents; i++) {
            if (!available(c, r, m, used, chosen, n, i) || (c->sents[i].flags & SENT_LEANS_FORWARD))
                continue;
            const coverage_view view = {c, r, m, used, chosen, n};
            const unit_rules rules = {coverage_in_summary, coverage_may_join, &view};
            size_t first = unit_first(c, r, i, &rules);
            if (first == (size_t)-1 || !unit_fits(c, b, first, i))
                continue;
            size_t words = 0;
            for (size_t j = first; j <= i; j++)
                words += c->sents[j].words;
            double value = unit_value(&k, covered, scale, scores, first, i);
            double ratio = value / pow(words ? (double)words : 1, CONCEPTS_COST_EXP);
            if (value > 0 && (best == (size_t)-1 || ratio > best_ratio)) {
                best = i;
                best_first = first;
                best_ratio = ratio;
            }
        }
        if (best == (size_t)-1)
            break;
        for (size_t j = best_first; j <= best; j++)
            take(c, &k, b, used, covered, chosen, &n, j);
    }
    if (n == 0)
        return select_greedy(c, r, m, scores, b, a, chosen);
    return n;
}

/*
 * sumbasic.c: SumBasic (Nenkova and Vanderwende 2005), a baseline.
 *
 * Each content word gets the probability p(w) = its count / all content
 * words of the cluster. A sentence is worth the mean p of its content
 * tokens. Selection takes the best sentence, then squares p of every word
 * it holds, so the next pick prefers words the summary does not have yet:
 * the squaring is SumBasic's whole redundancy control, so the method turns
 * the cosine filter off. It goes on until the budget is full or no
 * sentence fits.
 *
 * This is the variant the sumy library ships, which issue 4's side-by-side
 * baselines were run with: no "must hold the most probable word" rule of
 * the paper, stemmed tokens and a stopword list. Like every precis method
 * it passes over fragments (headlines, captions, boilerplate), so the
 * baseline is measured on the same cleaned sentences as the others.
 *
 * Scores only fall (p^2 <= p), so a lazy max-heap gives the argmax: pop the
 * top, and take it if its stored score is still current, else push it back
 * with the current one. A step costs the postings of the words it updates,
 * not a pass over the cluster.
 */
#include <stdlib.h>
#include <string.h>

#include "select/select.h"

typedef struct word_stats {
    double *p;            /* per local term */
    double *sum;          /* per sentence: sum of p over its content tokens */
    uint32_t *post_start; /* CSR postings: sentence of every content token */
    uint32_t *post;
} word_stats;

/* p of every content term and each sentence's sum of p: all the first
 * ratings need. */
static int count_words(const precis_cluster *c, arena *a, word_stats *ws)
{
    size_t nterms = c->nterms, total = 0;
    ws->p = arena_calloc(a, nterms + 1, sizeof *ws->p);
    ws->sum = arena_calloc(a, c->nsents + 1, sizeof *ws->sum);
    if (!ws->p || !ws->sum)
        return -1;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        for (uint32_t k = 0; k < s->ntok; k++)
            if (!c->term_stop[s->tok[k]]) {
                ws->p[s->tok[k]] += 1;
                total++;
            }
    }
    for (size_t t = 0; t < nterms && total; t++)
        ws->p[t] /= (double)total;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        for (uint32_t k = 0; k < s->ntok; k++)
            if (!c->term_stop[s->tok[k]])
                ws->sum[i] += ws->p[s->tok[k]];
    }
    return 0;
}

/* The postings selection needs to move the sums when p changes: the
 * sentence of every content token, grouped by term. */
static int build_postings(const precis_cluster *c, arena *a, word_stats *ws)
{
    size_t nterms = c->nterms;
    ws->post_start = arena_calloc(a, nterms + 2, sizeof *ws->post_start);
    if (!ws->post_start)
        return -1;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        for (uint32_t k = 0; k < s->ntok; k++)
            if (!c->term_stop[s->tok[k]])
                ws->post_start[s->tok[k] + 1]++;
    }
    for (size_t t = 0; t < nterms; t++)
        ws->post_start[t + 1] += ws->post_start[t];
    ws->post = arena_alloc(a, (ws->post_start[nterms] + 1) * sizeof *ws->post);
    uint32_t *fill = arena_alloc(a, (nterms + 1) * sizeof *fill);
    if (!ws->post || !fill)
        return -1;
    memcpy(fill, ws->post_start, nterms * sizeof *fill);
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        for (uint32_t k = 0; k < s->ntok; k++)
            if (!c->term_stop[s->tok[k]])
                ws->post[fill[s->tok[k]]++] = (uint32_t)i;
    }
    return 0;
}

static double mean_p(const precis_cluster *c, const word_stats *ws, size_t i)
{
    uint32_t n = c->sents[i].ncontent;
    return n ? ws->sum[i] / n : 0;
}

int score_sumbasic(const precis_cluster *c, const represent *r, arena *a, double *scores)
{
    (void)r;
    word_stats ws;
    if (count_words(c, a, &ws) != 0)
        return -1;
    for (size_t i = 0; i < c->nsents; i++)
        scores[i] = mean_p(c, &ws, i);
    return 0;
}

/* A binary max-heap of (score, sentence); ties go to the earlier sentence
 * so the result never depends on the heap's layout. */
static int above(const ranked *x, const ranked *y)
{
    return x->score > y->score || (x->score == y->score && x->index < y->index);
}

static void heap_push(ranked *h, size_t *n, ranked v)
{
    size_t k = (*n)++;
    while (k > 0 && above(&v, &h[(k - 1) / 2])) {
        h[k] = h[(k - 1) / 2];
        k = (k - 1) / 2;
    }
    h[k] = v;
}

static ranked heap_pop(ranked *h, size_t *n)
{
    ranked top = h[0], last = h[--*n];
    size_t k = 0;
    for (;;) {
        size_t child = 2 * k + 1;
        if (child >= *n)
            break;
        if (child + 1 < *n && above(&h[child + 1], &h[child]))
            child++;
        if (!above(&h[child], &last))
            break;
        h[k] = h[child];
        k = child;
    }
    if (*n)
        h[k] = last;
    return top;
}

/* Square p of each distinct content word of sentence i, moving the sums
 * of every sentence that holds it. */
static void square_words(const precis_cluster *c, word_stats *ws, uint8_t *seen, size_t i)
{
    const sentence *s = &c->sents[i];
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t t = s->tok[k];
        if (c->term_stop[t] || seen[t])
            continue;
        seen[t] = 1;
        double delta = ws->p[t] * ws->p[t] - ws->p[t];
        ws->p[t] *= ws->p[t];
        for (uint32_t j = ws->post_start[t]; j < ws->post_start[t + 1]; j++)
            ws->sum[ws->post[j]] += delta;
    }
    for (uint32_t k = 0; k < s->ntok; k++)
        seen[s->tok[k]] = 0;
}

/* One run of SumBasic over the candidates, into chosen; with
 * any_sentence, fragments and questions are candidates too. */
static size_t sumbasic_pass(const precis_cluster *c, const method *m, budget *b, word_stats *ws, ranked *heap,
                            uint8_t *seen, uint32_t *chosen, int any_sentence, taken_set *held)
{
    size_t nheap = 0, n = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        if (s->ncontent == 0 || sentence_is_never_chosen(s) ||
            (m->skip_fragments && !any_sentence && !sentence_is_selectable(s)))
            continue;
        heap_push(heap, &nheap, (ranked){mean_p(c, ws, i), (uint32_t)i});
    }
    while (nheap > 0 && !budget_full(b)) {
        ranked top = heap_pop(heap, &nheap);
        double now = mean_p(c, ws, top.index);
        if (now < top.score) {
            heap_push(heap, &nheap, (ranked){now, top.index});
            continue;
        }
        const sentence *s = &c->sents[top.index];
        size_t bytes = sentence_bytes(c, s);
        /* The same text twice (a page that repeats itself) is one
         * sentence; near-duplicates are left to the squared probabilities,
         * as in sumy's SumBasic. */
        if (!budget_fits(b, s->words, bytes) || taken_text(held, top.index))
            continue;
        budget_take(b, s->words, bytes);
        taken_add(held, top.index);
        chosen[n++] = top.index;
        square_words(c, ws, seen, top.index);
    }
    return n;
}

size_t select_sumbasic(const precis_cluster *c, const represent *r, const method *m, const double *scores,
                       budget *b, arena *a, uint32_t *chosen)
{
    (void)r;
    (void)scores;
    word_stats ws;
    ranked *heap = arena_alloc(a, (c->nsents + 1) * sizeof *heap);
    uint8_t *seen = arena_calloc(a, c->nterms + 1, 1);
    if (!heap || !seen || count_words(c, a, &ws) != 0 || build_postings(c, a, &ws) != 0)
        return (size_t)-1;
    taken_set held;
    if (taken_init(&held, c, NULL, a) != 0)
        return (size_t)-1;
    size_t n = sumbasic_pass(c, m, b, &ws, heap, seen, chosen, 0, &held);
    /* A cluster of nothing but headlines or questions still gets a
     * summary, as select_greedy gives one (nothing was squared yet); one
     * whose sentences are only too long for the budget does not. */
    if (n == 0 && !cluster_has_selectable(c))
        n = sumbasic_pass(c, m, b, &ws, heap, seen, chosen, 1, &held); /* held is empty: n was 0 */
    return n;
}

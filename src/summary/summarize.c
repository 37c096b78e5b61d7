/*
 * summarize.c: the summarization pipeline after the cluster is built:
 * represent -> score -> select -> order, then the attribution of each
 * chosen sentence to every place where it or a near-duplicate occurs.
 *
 * A near-duplicate is no source when its numbers contradict the chosen
 * sentence's: "12 people died" and "14 people died" differ by one word and
 * are one group for scoring (support is about a shared story), but an
 * outlet that wrote 14 does not carry a sentence that says 12, and the
 * brief must not cite it for one. A copy that gives fewer numbers or more
 * (a dateline's date) does not contradict it, nor one that adds a date
 * where the sentence adds an age; one that gives other counts does
 * (cmp_values_agree). Such
 * copies are listed apart (other_numbers), so that a reader sees every
 * near-copy of a printed sentence and why it is no source. Nor is a member of the
 * group that is no near-duplicate of the chosen sentence itself: the
 * groups are closures, and one outlet's two sentences meet in another's
 * one that joins them, though neither says what the other does.
 *
 * A near-duplicate that stops short (represent_stops_short: cut off by the
 * end of its page before most of the sentence) is only a partial place.
 * It is listed, marked partial, and not counted in the support. A shorter
 * copy that ends with a stop is still a source: read by a judge, most of
 * them tell the sentence's claim without one of its details, and the
 * share of words did not tell them from the few that tell only half of
 * it.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/error.h"
#include "model/represent.h"
#include "score/method.h"
#include "select/select.h"
#include "summary/summary.h"
#include "text/segment.h"
#include "text/utf8.h"

void precis_options_init(precis_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->method = "default";
    opts->max_words = 120;
}

static void set_place(const precis_cluster *c, uint32_t j, precis_place *p)
{
    const sentence *s = &c->sents[j];
    p->article = s->article;
    p->article_id = c->articles[s->article].id;
    p->start = s->start;
    p->end = s->end;
    p->partial = 0;
}

/* 1 if near-duplicate j's numbers agree with i's (values vi), 0 if they
 * contradict them, -1 out of memory. */
static int numbers_agree(const precis_cluster *c, const cmp_values *vi, uint32_t j, arena *scratch)
{
    cmp_values vj;
    if (cmp_sentence_values(c, j, scratch, &vj) != 0)
        return -1;
    return cmp_values_agree(vi, &vj);
}

/* Every near-duplicate of i in its group whose numbers agree with its
 * own, i itself first; support counts the articles of those that are not
 * partial. Those whose numbers contradict i's are listed apart
 * (other_numbers): a reader checking a figure wants to see what the other
 * outlets wrote. */
static int attribute(const precis_cluster *c, const represent *r, uint32_t i, arena *a, arena *scratch,
                     precis_summary_sentence *out)
{
    size_t n = 0;
    for (size_t j = 0; j < c->nsents; j++)
        n += r->group[j] == r->group[i];
    precis_place *places = arena_alloc(a, n * sizeof *places);
    precis_place *others = arena_alloc(a, n * sizeof *others);
    uint8_t *seen = arena_calloc(scratch, c->narticles + 1, 1);
    cmp_values vi = {NULL, NULL, 0};
    size_t nothers = 0;
    if (!places || !others || !seen || (n > 1 && cmp_sentence_values(c, i, scratch, &vi) != 0))
        return -1;
    set_place(c, i, &places[0]);
    seen[c->sents[i].article] = 1;
    size_t k = 1, support = 1;
    for (size_t j = 0; j < c->nsents; j++) {
        /* A group is a closure: a member may share little with i (the
         * other half of a sentence that another outlet joined into one).
         * Only i's own near-duplicates say what it says. */
        if (j == i || r->group[j] != r->group[i] || !represent_near_duplicates(r, i, (uint32_t)j))
            continue;
        int same = numbers_agree(c, &vi, (uint32_t)j, scratch);
        if (same < 0)
            return -1;
        if (!same) {
            set_place(c, (uint32_t)j, &others[nothers++]);
            continue;
        }
        precis_place *p = &places[k++];
        set_place(c, (uint32_t)j, p);
        p->partial = represent_stops_short(c, r, i, (uint32_t)j);
        if (p->partial)
            continue;
        support += !seen[c->sents[j].article];
        seen[c->sents[j].article] = 1;
    }
    const sentence *s = &c->sents[i];
    out->text = c->articles[s->article].text + s->start;
    out->len = s->end - s->start;
    out->support = support;
    out->cut = (s->flags & SENT_CUT) != 0;
    out->places = places;
    out->nplaces = k;
    out->other_numbers = others;
    out->nother_numbers = nothers;
    return 0;
}

static precis_status fail(precis_summary *sum, arena *scratch, precis_error *err)
{
    arena_free(scratch);
    precis_summary_free(sum);
    return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory while summarizing");
}

static precis_status summarize_cluster(precis_cluster *c, const precis_cluster *whole, const method *m,
                                       const precis_options *opts, const char *query, precis_summary **out,
                                       precis_error *err);

precis_status precis_summarize(precis_cluster *c, const precis_options *opts, precis_summary **out,
                               precis_error *err)
{
    precis_options defaults;
    if (!opts) {
        precis_options_init(&defaults);
        opts = &defaults;
    }
    *out = NULL;
    const method *m = method_find(opts->method);
    if (!m)
        return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "unknown method '%s'", opts->method);
    if (c->nsents == 0)
        return error_set(err, PRECIS_ERR_EMPTY, c->id, 0, "cluster has no articles with text");
    if (cluster_is_only_notices(c))
        return error_set(err, PRECIS_ERR_EMPTY, c->id, 0,
                         "no story text: only page notices (a web archive's, a login wall's)");
    if (cluster_is_only_pieces(c))
        return error_set(err, PRECIS_ERR_EMPTY, c->id, 0,
                         "no whole sentence: the text runs on for more than %d bytes without a sentence end",
                         PRECIS_MAX_SENTENCE_BYTES);

    const char *query = opts->query ? opts->query : c->query;
    size_t bad;
    if (query && utf8_check(query, strlen(query), &bad) != 0)
        return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "the query is not valid UTF-8 (byte %zu)", bad);
    precis_cluster *view = NULL;
    if (m->view && m->view(c, query_has_terms(c, query), &view) != 0)
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
    if (view) {
        /* The view shares c's text and article numbering, so its summary
         * reads as one of c's. When it yields nothing (no opening fits a
         * small budget), the method reads the whole cluster instead. */
        precis_status st = summarize_cluster(view, c, m, opts, query, out, err);
        precis_cluster_free(view);
        if (st != PRECIS_OK || (*out)->n > 0)
            return st;
        precis_summary_free(*out);
        *out = NULL;
    }
    return summarize_cluster(c, c, m, opts, query, out, err);
}

/* Times a summary is chosen again without a sentence that repeated a
 * count: each round bars one sentence (and its copies), and few summaries
 * need more than one. */
#define REPEAT_ROUNDS 4

/* Bar sentence i and every copy of it (its near-duplicate group, the same
 * text): the wire copy that five outlets ran is one sentence, and barring
 * one copy a round would let the next round take the next copy. */
static void bar_copies(precis_cluster *c, const represent *r, uint32_t i)
{
    for (uint32_t j = 0; j < c->nsents; j++)
        if (r->group[j] == r->group[i] || sentences_same_text(c, i, j))
            c->sents[j].flags |= SENT_BARRED;
}

/* Select, and while the summary gives one count twice (select/repeats.c),
 * bar the later sentence and select again; then print each chosen
 * sentence's best copy (select/variant.c). The bars are flags on c's
 * sentences for this call only. */
static size_t choose(precis_cluster *c, const represent *r, const method *m, const double *scores,
                     const precis_options *opts, budget *b, arena *scratch, uint32_t *chosen)
{
    select_fn sel = m->select ? m->select : select_greedy;
    size_t rounds = 0, n;
    for (;;) {
        *b = (budget){opts->max_words, opts->max_bytes, opts->max_sentences, 0, 0, 0};
        n = sel(c, r, m, scores, b, scratch, chosen);
        if (n == (size_t)-1 || rounds == REPEAT_ROUNDS)
            break;
        long k = summary_repeated_count(c, r, chosen, n, scratch);
        if (k == -2)
            n = (size_t)-1;
        if (k < 0)
            break;
        bar_copies(c, r, chosen[k]);
        rounds++;
    }
    /* still barred here, so no copy of a barred sentence comes back */
    if (n != (size_t)-1 && choose_variants(c, r, m, b, chosen, n, scratch) != 0)
        n = (size_t)-1;
    if (rounds)
        for (size_t j = 0; j < c->nsents; j++)
            c->sents[j].flags &= ~(uint32_t)SENT_BARRED;
    return n;
}

/* The pipeline on c (the whole cluster, or the part the method reads,
 * whose sentences are the first of each of whole's articles); whole is
 * the caller's cluster, which the summary names and attributes to. */
static precis_status summarize_cluster(precis_cluster *c, const precis_cluster *whole, const method *m,
                                       const precis_options *opts, const char *query, precis_summary **out,
                                       precis_error *err)
{
    precis_summary *sum = calloc(1, sizeof *sum);
    if (!sum)
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
    arena_init(&sum->mem, 4096);
    arena scratch;
    arena_init(&scratch, 1 << 16);

    represent r;
    double *scores = arena_alloc(&scratch, (c->nsents + 1) * sizeof *scores);
    uint32_t *chosen = arena_alloc(&scratch, (c->nsents + 1) * sizeof *chosen);
    if (!scores || !chosen || represent_build(c, &scratch, &r) != 0 ||
        represent_query(c, query, &scratch, &r) != 0 || m->score(c, &r, &scratch, scores) != 0)
        return fail(sum, &scratch, err);
    budget b;
    size_t n = choose(c, &r, m, scores, opts, &b, &scratch, chosen);
    if (n == (size_t)-1)
        return fail(sum, &scratch, err);
    if (order_by_position(c, chosen, n, &scratch) != 0)
        return fail(sum, &scratch, err);

    sum->cluster_id = whole->id;
    sum->method = m->name;
    sum->chosen = m->chosen ? m->chosen(c, &r) : m->name;
    sum->read_openings = whole != c;
    sum->narticles = whole->narticles;
    sum->article_ids = arena_alloc(&sum->mem, (whole->narticles + 1) * sizeof *sum->article_ids);
    sum->items = arena_calloc(&sum->mem, n + 1, sizeof *sum->items);
    if (!sum->items || !sum->article_ids)
        return fail(sum, &scratch, err);
    for (size_t k = 0; k < whole->narticles; k++)
        sum->article_ids[k] = whole->articles[k].id;
    sum->nleft_out = whole->nleft_out;
    sum->left_out_ids = whole->left_out;
    /* A sentence is attributed to every place in the whole cluster that
     * carries it, also past the part the method read. */
    represent rw;
    const represent *rs = &r;
    if (whole != c) {
        if (represent_build(whole, &scratch, &rw) != 0)
            return fail(sum, &scratch, err);
        rs = &rw;
    }
    for (size_t k = 0; k < n; k++) {
        const sentence *s = &c->sents[chosen[k]];
        uint32_t at = whole != c ? whole->articles[s->article].first + s->pos : chosen[k];
        if (attribute(whole, rs, at, &sum->mem, &scratch, &sum->items[k]) != 0)
            return fail(sum, &scratch, err);
        sum->items[k].score = scores[chosen[k]];
    }
    sum->n = n;
    sum->words = b.words;
    sum->bytes = b.bytes;
    arena_free(&scratch);
    *out = sum;
    return PRECIS_OK;
}

size_t precis_summary_count(const precis_summary *s)
{
    return s->n;
}

const precis_summary_sentence *precis_summary_get(const precis_summary *s, size_t i)
{
    return i < s->n ? &s->items[i] : NULL;
}

void precis_summary_free(precis_summary *s)
{
    if (!s)
        return;
    arena_free(&s->mem);
    free(s);
}

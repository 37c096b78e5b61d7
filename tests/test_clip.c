/*
 * test_clip.c: the view of a long cluster that the default reads when it
 * has few articles and no query (model/clip.h). Shares are water-filled;
 * the view of the five seed articles is each article's opening sentences,
 * byte for byte the cluster's, with the same words; the default's brief of
 * the seeds is stepwise's brief of that view, and with a query or more than
 * five articles it is coverage's brief of the whole cluster.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "seeds.h"
#include "model/clip.h"
#include "model/cluster.h"
#include "score/method.h"

#include "engine_fixture.h"

Test(clip, shares_are_water_filled)
{
    size_t share[3];
    clip_shares((const size_t[]){30, 400, 500}, 3, 445, share);
    cr_expect_eq(share[0], 30, "a short article keeps all of its words");
    cr_expect_eq(share[1], 207);
    cr_expect_eq(share[2], 208, "what the short one left is shared by the others");

    clip_shares((const size_t[]){300, 300, 300}, 3, 445, share);
    cr_expect_eq(share[0] + share[1] + share[2], 445);
    cr_expect(share[0] >= 148 && share[2] <= 149, "equal articles get equal shares: %zu %zu %zu", share[0],
              share[1], share[2]);

    clip_shares((const size_t[]){10, 20}, 2, 445, share);
    cr_expect(share[0] == 10 && share[1] == 20, "a cluster under the budget is kept whole");
}

static size_t article_words(const precis_cluster *c, size_t i)
{
    size_t n = 0;
    for (uint32_t k = 0; k < c->articles[i].count; k++)
        n += c->sents[c->articles[i].first + k].words;
    return n;
}

Test(clip, view_is_each_articles_opening, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT), *v;
    cr_assert(!cluster_is_short(c));
    cr_assert_eq(cluster_clip(c, 445, &v), 0);
    cr_assert_eq(v->narticles, c->narticles);
    cr_expect(cluster_is_short(v), "the view is as short as a Multi-News cluster");
    size_t total = 0, length[SEEDS_COUNT], share[SEEDS_COUNT];
    for (size_t i = 0; i < c->narticles; i++)
        length[i] = article_words(c, i);
    clip_shares(length, c->narticles, 445, share);
    for (size_t i = 0; i < v->narticles; i++) {
        const article *va = &v->articles[i], *ca = &c->articles[i];
        cr_expect_eq(va->text, ca->text, "the view shares the article's text");
        cr_expect_str_eq(va->id, ca->id);
        cr_expect(va->count >= 1 && va->count < ca->count, "article %zu: %u of %u sentences", i, va->count,
                  ca->count);
        size_t words = 0;
        for (uint32_t k = 0; k < va->count; k++) {
            const sentence *vs = &v->sents[va->first + k], *cs = &c->sents[ca->first + k];
            cr_expect(vs->start == cs->start && vs->end == cs->end && vs->pos == k && vs->article == i);
            cr_assert_eq(vs->ntok, cs->ntok);
            for (uint32_t t = 0; t < vs->ntok; t++)
                cr_expect_eq(v->term_global[vs->tok[t]], c->term_global[cs->tok[t]]);
            words += vs->words;
        }
        const sentence *last = &v->sents[va->first + va->count - 1];
        const sentence *next = &c->sents[ca->first + va->count];
        cr_expect(2 * (words - last->words) + last->words <= 2 * share[i],
                  "article %zu: its last sentence is mostly within its share of %zu", i, share[i]);
        cr_expect(2 * words + next->words > 2 * share[i], "article %zu: the next one is not", i);
        total += words;
    }
    cr_expect(total > 350 && total < 550, "the view holds %zu words, about the 445 asked for", total);
    precis_cluster_free(v);
    precis_cluster_free(c);
}

/* The sentences of a summary of c by the method name, joined by newlines. */
static char *brief(precis_cluster *c, const char *name, const char *query)
{
    precis_options o;
    precis_options_init(&o);
    o.method = name;
    o.max_words = 300;
    o.query = query;
    precis_summary *s;
    precis_error err;
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    size_t cap = 1, n = precis_summary_count(s);
    for (size_t i = 0; i < n; i++)
        cap += precis_summary_get(s, i)->len + 1;
    char *out = calloc(cap, 1);
    cr_assert_not_null(out);
    for (size_t i = 0; i < n; i++) {
        const precis_summary_sentence *t = precis_summary_get(s, i);
        strncat(out, t->text, t->len);
        strcat(out, "\n");
    }
    precis_summary_free(s);
    return out;
}

Test(clip, default_reads_the_view_of_a_few_long_articles, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT), *v;
    cr_assert_eq(cluster_clip(c, 445, &v), 0);
    char *whole = brief(c, "default", NULL), *view = brief(v, "stepwise", NULL);
    char *coverage = brief(c, "coverage", NULL);
    cr_expect(strlen(whole) > 200, "a brief of the seeds: %s", whole);
    cr_expect_str_eq(whole, view, "the default's brief is stepwise's brief of the openings");
    cr_expect_str_neq(whole, coverage);
    free(whole);
    free(view);
    free(coverage);

    const char *query = "Which groups did the Russian air strikes in Syria target?";
    whole = brief(c, "default", query);
    coverage = brief(c, "coverage", query);
    cr_expect_str_eq(whole, coverage, "with a query the whole cluster is covered");
    free(whole);
    free(coverage);
    precis_cluster_free(v);
    precis_cluster_free(c);
}

Test(clip, many_articles_are_covered_whole, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    static const char extra[] = "Syrian state television said the air force and its allies struck "
                                "rebel positions near Hama on Thursday, and that dozens of fighters "
                                "were killed in the raids.\n";
    precis_error err;
    cr_assert_eq(precis_cluster_add(c, "sixth", extra, sizeof extra - 1, &err), PRECIS_OK, "%s", err.message);
    char *whole = brief(c, "default", NULL), *coverage = brief(c, "coverage", NULL);
    cr_expect_str_eq(whole, coverage, "six articles: concept coverage over all of them");
    free(whole);
    free(coverage);
    precis_cluster_free(c);
}

/* The second seed article with the whole first one pasted after it (as a
 * page that reprints another outlet's report): every sentence of the
 * first article has a copy past the second's opening, outside the view,
 * and the brief names it. */
Test(clip, sentences_are_attributed_past_the_view, .init = setup, .fini = teardown)
{
    size_t len0 = 0, len1 = 0;
    char *first = slurp(SEEDS_DIR "/000_679d28d13e5d8f6f.txt", &len0);
    char *second = slurp(SEEDS_DIR "/001_ff01b8e64425b3dd.txt", &len1);
    cr_assert(first && second);
    char *both = malloc(len1 + 2 + len0);
    cr_assert_not_null(both);
    memcpy(both, second, len1);
    memcpy(both + len1, "\n\n", 2);
    memcpy(both + len1 + 2, first, len0);
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, "reprint", &c, &err), PRECIS_OK);
    cr_assert_eq(precis_cluster_add(c, "first", first, len0, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(precis_cluster_add(c, "second", both, len1 + 2 + len0, &err), PRECIS_OK, "%s", err.message);
    precis_options o;
    precis_options_init(&o);
    o.max_words = 300;
    precis_summary *s;
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    size_t from_first = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *t = precis_summary_get(s, i);
        if (t->places[0].article != 0)
            continue;
        from_first++;
        int reprinted = 0;
        for (size_t k = 1; k < t->nplaces; k++)
            reprinted |= t->places[k].article == 1 && t->places[k].start > len1;
        cr_expect(reprinted, "\"%.*s\" is also in the reprint", (int)t->len, t->text);
        cr_expect_geq(t->support, 2);
    }
    cr_expect_gt(from_first, 0, "the brief takes something from the first article's opening");
    precis_summary_free(s);
    precis_cluster_free(c);
    free(both);
    free(first);
    free(second);
}

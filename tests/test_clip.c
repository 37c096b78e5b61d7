/*
 * test_clip.c: the view of a long cluster that the default reads when it
 * has few articles and no query (model/clip.h). Shares are water-filled;
 * the view of the five seed articles is each article's opening sentences,
 * byte for byte the cluster's, with the same words; the default's brief of
 * the seeds is stepwise's brief of that view, and with a query or more than
 * five articles it is coverage's brief of the whole cluster, as it is when
 * the openings are too long to be a view or none fits the budget. Page
 * notices take no share; every sentence is attributed past the view.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "seeds.h"
#include "model/clip.h"
#include "model/cluster.h"
#include "score/method.h"
#include "select/select.h"
#include "text/segment.h"
#include "texts_cluster.h"

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
        cr_assert(va->count >= 1 && va->count < ca->count, "article %zu: %u of %u sentences", i, va->count,
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
static char *brief_in(precis_cluster *c, const char *name, const char *query, size_t words)
{
    precis_options o;
    precis_options_init(&o);
    o.method = name;
    o.max_words = words;
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

static char *brief(precis_cluster *c, const char *name, const char *query)
{
    return brief_in(c, name, query, 300);
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
    free(view);
    free(coverage);
    /* a query that names nothing the articles use is no query */
    const char *none[] = {"", "the of and", "zzyzx qwertyuiop"};
    for (size_t k = 0; k < 3; k++) {
        char *asked = brief(c, "default", none[k]);
        cr_expect_str_eq(asked, whole, "query \"%s\"", none[k]);
        free(asked);
    }
    free(whole);

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

/* Ten sentences of exactly ten words, each its own. */
static const char ten_by_ten[] =
    "The council met on Monday to discuss the new budget.\n\n"
    "Members argued for hours about parks and public libraries downtown.\n\n"
    "The mayor said the plan protects police and fire services.\n\n"
    "Critics warned that bus routes would be cut next spring.\n\n"
    "A final vote is expected before the end of June.\n\n"
    "Teachers asked the council to restore money for school meals.\n\n"
    "The city faces a deficit of twelve million dollars now.\n\n"
    "Officials blamed falling tax revenue and rising pension costs again.\n\n"
    "Residents filled the hall and many stood along the walls.\n\n"
    "The meeting ended shortly after midnight with no clear decision.\n";

Test(clip, the_sentence_astride_the_share_needs_more_than_half_of_it_within, .init = setup, .fini = teardown)
{
    const char *texts[2] = {ten_by_ten, ten_by_ten};
    precis_cluster *c = texts_cluster(engine, "tens", texts, 2), *v;
    for (size_t k = 0; k < 10; k++)
        cr_assert_eq(c->sents[k].words, 10, "sentence %zu has %u words", k, c->sents[k].words);
    /* shares of 25: the third sentence has half of itself within, not more */
    cr_assert_eq(cluster_clip(c, 50, &v), 0);
    cr_expect(v->articles[0].count == 2 && v->articles[1].count == 2, "%u and %u sentences", v->articles[0].count,
              v->articles[1].count);
    precis_cluster_free(v);
    /* shares of 26: now 6 of its 10 words are within */
    cr_assert_eq(cluster_clip(c, 52, &v), 0);
    cr_expect(v->articles[0].count == 3 && v->articles[1].count == 3);
    precis_cluster_free(v);
    /* a share smaller than the first sentence still keeps it */
    cr_assert_eq(cluster_clip(c, 2, &v), 0);
    cr_expect(v->articles[0].count == 1 && v->articles[1].count == 1);
    precis_cluster_free(v);
    precis_cluster_free(c);
}

/* A cluster of the first n seed articles, each with head pasted in front
 * of it (as a page that opens with something else). */
static precis_cluster *seeds_with_head(const char *name, const char *head, size_t n)
{
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, name, &c, &err), PRECIS_OK);
    size_t hl = strlen(head);
    for (size_t i = 0; i < n; i++) {
        char path[256];
        size_t len = 0;
        snprintf(path, sizeof path, SEEDS_DIR "/%s", seeds_files[i]);
        char *text = slurp(path, &len);
        cr_assert_not_null(text);
        char *page = malloc(hl + len);
        cr_assert_not_null(page);
        memcpy(page, head, hl);
        memcpy(page + hl, text, len);
        cr_assert_eq(precis_cluster_add(c, seeds_files[i], page, hl + len, &err), PRECIS_OK, "%s", err.message);
        free(page);
        free(text);
    }
    return c;
}

/* A web archive's crawl notice (on the boilerplate list; Multi-News's
 * pages open with it in some 1,800 training clusters) at the head of every
 * seed article: five sentences, 113 words, more than an article's share. */
#define NOTICE                                                                                              \
    "These crawls are part of an effort to archive pages as they are created and archive the pages that "  \
    "they refer to. That way, as the pages that are referenced are changed or taken from the web, a link "  \
    "to the version that was live when the page was written will be preserved. Then the Internet Archive " \
    "hopes that references to these archived pages will be put in place of a link that would be "         \
    "otherwise be broken, or a companion link to allow people to see what was originally intended by a "   \
    "page's authors. The goal is to fix all broken links on the web. Crawls of supported \"No More 404\" " \
    "sites.\n\n"

Test(clip, page_notices_take_no_share, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_with_head("notices", NOTICE, SEEDS_COUNT);
    precis_cluster *v;
    cr_assert_eq(cluster_clip(c, 445, &v), 0);
    for (size_t i = 0; i < v->narticles; i++) {
        size_t story = 0, notices = 0;
        for (uint32_t k = 0; k < v->articles[i].count; k++) {
            const sentence *s = &v->sents[v->articles[i].first + k];
            if (s->flags & SENT_BOILERPLATE)
                notices++;
            else
                story += s->words;
        }
        cr_expect_eq(notices, 5, "article %zu: %zu notices in the view, marked as such", i, notices);
        cr_expect_gt(story, 40, "article %zu: %zu words of story besides", i, story);
    }
    char *text = brief_in(c, "default", NULL, 120), *opening = brief_in(v, "stepwise", NULL, 120);
    cr_expect(strlen(text) > 200 && !strstr(text, "crawl") && !strstr(text, "Internet Archive"), "%s", text);
    cr_expect_str_eq(text, opening, "the notices do not make the openings too long to read as a view");
    free(text);
    free(opening);
    precis_cluster_free(v);
    precis_cluster_free(c);
}

Test(clip, the_whole_cluster_when_no_opening_fits_the_budget, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT), *v;
    cr_assert_eq(cluster_clip(c, 445, &v), 0);
    /* Under every opening a brief may hold (headlines and sub-heads are
     * not summary material, whatever the budget), over a sentence further
     * on ("The claim could not be independently verified.", 7 words). */
    uint32_t shortest = UINT32_MAX;
    for (size_t i = 0; i < v->nsents; i++)
        if (sentence_is_selectable(&v->sents[i]))
            shortest = v->sents[i].words < shortest ? v->sents[i].words : shortest;
    cr_assert_gt(shortest, 8);
    size_t words = shortest - 1;
    char *opening = brief_in(v, "stepwise", NULL, words);
    cr_assert_str_eq(opening, "", "nothing in the openings fits %zu words: %s", words, opening);
    char *whole = brief_in(c, "default", NULL, words), *coverage = brief_in(c, "coverage", NULL, words);
    cr_expect_str_neq(whole, "", "the default still makes a brief at %zu words", words);
    cr_expect_str_eq(whole, coverage, "from the whole cluster");
    free(opening);
    free(whole);
    free(coverage);
    precis_cluster_free(v);
    precis_cluster_free(c);
}

/* Two seed articles, each opening with one sentence of 380 words (a page
 * that never breaks its text into sentences): their openings alone are
 * over 600 words, no cluster the models were fitted on. */
Test(clip, openings_too_long_for_a_view_are_covered_whole, .init = setup, .fini = teardown)
{
    static const char *const words[] = {"officials", "said", "the", "strikes", "hit", "targets", "near",
                                        "the", "city", "of", "hama", "and", "rebels", "moved", "north"};
    char run[4096] = "";
    for (size_t k = 0; k < 380; k++) {
        strcat(run, words[k % 15]);
        strcat(run, k + 1 < 380 ? " " : ".\n\n");
    }
    precis_cluster *c = seeds_with_head("runs", run, 2);
    precis_cluster *v;
    cr_assert_eq(cluster_clip(c, 445, &v), 0);
    cr_assert(!cluster_is_short(v), "the two openings are over 600 words");
    precis_cluster_free(v);
    /* a budget with room for both openings and more */
    char *whole = brief_in(c, "default", NULL, 1000), *coverage = brief_in(c, "coverage", NULL, 1000);
    cr_expect(strlen(whole) > 3000, "%s", whole);
    cr_expect_str_eq(whole, coverage);
    free(whole);
    free(coverage);
    precis_cluster_free(c);
}

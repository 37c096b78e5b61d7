/*
 * test_stepwise.c: stepwise selection (select/stepwise.c). The context
 * features say what a candidate repeats of the summary so far; the shipped
 * gain model prefers a sentence that adds new words to one that repeats
 * the summary; selection keeps to every kind of budget on the bundled
 * seeds, never takes a fragment or two copies of one sentence, takes the
 * densest gain first, stops on its own under a budget it could fill, and
 * is the default's selection on short clusters.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/buf.h"
#include "helpers.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "precis.h"
#include "score/features.h"
#include "score/method.h"
#include "seeds.h"
#include "select/select.h"
#include "text/segment.h"
#include "texts_cluster.h"
#include "select/stepwise.h"

#include "engine_fixture.h"

/* Two reports of one vote whose first sentences are the same words. */
static const char *const vote[2] = {
    "The city council approved a new budget of 12 million dollars on Tuesday.\n\n"
    "The vote was seven to two after a long debate about parks and libraries.\n\n"
    "Critics said the budget cuts funding for parks and libraries across the city.\n",
    "The city council approved a new budget of 12 million dollars on Tuesday.\n\n"
    "Council members debated the budget for six hours before the vote.\n\n"
    "The mayor said the budget protects parks, libraries and public safety.\n",
};

static precis_cluster *vote_cluster(void)
{
    return texts_cluster(engine, "vote", vote, 2);
}

/* A cluster made ready for selection: its representation, learned scores
 * and static feature rows, all in the fixture's own arena. */
typedef struct prepared {
    arena a;
    represent r;
    double *scores;
    const float *x;
} prepared;

static void prepare(precis_cluster *c, prepared *p)
{
    arena_init(&p->a, 4096);
    cr_assert_eq(represent_build(c, &p->a, &p->r), 0);
    cr_assert_eq(represent_query(c, NULL, &p->a, &p->r), 0);
    p->scores = arena_alloc(&p->a, (c->nsents + 1) * sizeof *p->scores);
    cr_assert_not_null(p->scores);
    cr_assert_eq(score_learned(c, &p->r, &p->a, p->scores), 0);
    p->x = sfeat_rows(c, &p->r, &p->a);
    cr_assert_not_null(p->x);
}

Test(stepwise, context_features_see_the_summary_so_far, .init = setup, .fini = teardown)
{
    precis_cluster *c = vote_cluster();
    cr_assert_eq(c->nsents, 6, "expected three sentences per article, got %zu in all", c->nsents);
    prepared p;
    prepare(c, &p);
    uint32_t chosen[8];
    budget b = {300, 0, 0, 0, 0, 0};
    step_state st;
    cr_assert_eq(step_init(&st, c, &p.r, p.scores, &b, chosen, &p.a), 0);
    float x[F_COUNT] = {0};

    /* Nothing chosen: everything is new. */
    step_features(&st, 3, p.scores[3], x);
    cr_expect_float_eq(x[F_CTX_UNI_NEW], 1.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_BI_NEW], 1.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_MAX_SIM], 0.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_WORDS], 0.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_STEP], 0.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_PRIOR], (float)p.scores[3], 1e-6);
    step_features(&st, 3, p.scores[3] + 0.25, x);
    cr_expect_float_eq(x[F_CTX_PRIOR_GAP], -0.25f, 1e-6, "gap %g", x[F_CTX_PRIOR_GAP]);

    /* After the first article's lead, the second article's identical lead
     * repeats it entirely and is no longer a candidate (same group); the
     * first article's next sentence follows a chosen one. */
    cr_assert_eq(step_take(&st, 0), 0);
    budget_take(&b, c->sents[0].words, sentence_bytes(c, &c->sents[0]));
    step_features(&st, 3, p.scores[3], x);
    cr_expect_float_eq(x[F_CTX_UNI_NEW], 0.0f, 1e-6, "the copy has %g new terms", x[F_CTX_UNI_NEW]);
    cr_expect_float_eq(x[F_CTX_BI_NEW], 0.0f, 1e-6);
    cr_expect_gt(x[F_CTX_MAX_SIM], 0.99f);
    cr_expect_not(step_candidate(&st, &b, 3), "a copy of a chosen sentence is still a candidate");
    cr_expect_float_eq(x[F_CTX_WORDS], (float)c->sents[0].words / 300.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_STEP], 1.0f, 1e-6);
    step_features(&st, 1, p.scores[1], x);
    cr_expect_float_eq(x[F_CTX_SAME_ART], 1.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_PREV_IN], 1.0f, 1e-6);
    step_features(&st, 2, p.scores[2], x);
    cr_expect_float_eq(x[F_CTX_PREV_IN], 0.0f, 1e-6, "its previous sentence is not chosen");
    cr_expect_lt(x[F_CTX_UNI_NEW], 1.0f, "\"budget\" and \"city\" were already said");
    cr_expect_gt(x[F_CTX_UNI_NEW], 0.5f);
    step_features(&st, 4, p.scores[4], x);
    cr_expect_float_eq(x[F_CTX_SAME_ART], 0.0f, 1e-6);
    cr_expect_float_eq(x[F_CTX_PREV_IN], 0.0f, 1e-6, "the chosen lead is another article's");
    cr_expect(step_candidate(&st, &b, 4));
    arena_free(&p.a);
    precis_cluster_free(c);
}

Test(stepwise, model_prefers_new_words_to_repeats, .init = setup, .fini = teardown)
{
    scorer_model *m = embedded_model("data/stepper.txt");
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    prepared p;
    prepare(c, &p);
    /* The seeds' best story sentences, a third of the way into a summary:
     * the same sentence is worth less when the summary already says it. */
    size_t tried = 0;
    for (size_t i = 0; i < c->nsents && tried < 10; i++) {
        if (sentence_is_fragment(&c->sents[i]) || p.scores[i] < 0.3)
            continue;
        tried++;
        float fresh[F_COUNT], repeat[F_COUNT];
        memcpy(fresh, p.x + i * F_COUNT, sizeof fresh);
        fresh[F_CTX_PRIOR] = (float)p.scores[i];
        fresh[F_CTX_WORDS] = 0.33f;
        fresh[F_CTX_AFTER] = 0.33f + (float)c->sents[i].words / 300.0f;
        fresh[F_CTX_STEP] = 4;
        memcpy(repeat, fresh, sizeof repeat);
        fresh[F_CTX_UNI_NEW] = fresh[F_CTX_BI_NEW] = 1.0f;
        repeat[F_CTX_UNI_NEW] = 0.1f;
        repeat[F_CTX_BI_NEW] = 0.05f;
        repeat[F_CTX_MAX_SIM] = 0.9f;
        double g_fresh = scorer_model_predict(m, fresh), g_repeat = scorer_model_predict(m, repeat);
        cr_expect_gt(g_fresh, g_repeat, "sentence %zu: new %g, repeat %g", i, g_fresh, g_repeat);
        cr_expect_lt(g_repeat, 0, "sentence %zu: a repeat is still worth %g", i, g_repeat);
    }
    cr_expect_gt(tried, 3, "only %zu good seed sentences", tried);
    scorer_model_free(m);
    arena_free(&p.a);
    precis_cluster_free(c);
}

static void check_budget(precis_cluster *c, const represent *r, const double *scores, budget b0, arena *a)
{
    const method *m = method_find("stepwise");
    uint32_t *chosen = arena_alloc(a, (c->nsents + 1) * sizeof *chosen);
    uint32_t *again = arena_alloc(a, (c->nsents + 1) * sizeof *again);
    cr_assert(chosen && again);
    budget b = b0, b2 = b0;
    size_t n = select_stepwise(c, r, m, scores, &b, a, chosen);
    size_t n2 = select_stepwise(c, r, m, scores, &b2, a, again);
    cr_assert_neq(n, (size_t)-1);
    cr_assert_gt(n, 0, "nothing chosen under %zu words / %zu bytes", b0.max_words, b0.max_bytes);
    cr_assert_eq(n, n2);
    size_t words = 0, bytes = 0;
    for (size_t k = 0; k < n; k++) {
        const sentence *s = &c->sents[chosen[k]];
        cr_expect_eq(chosen[k], again[k], "not deterministic at %zu", k);
        cr_expect_not(sentence_is_fragment(s), "fragment %u chosen", chosen[k]);
        for (size_t j = 0; j < k; j++)
            cr_expect_neq(r->group[chosen[j]], r->group[chosen[k]], "two copies: %u and %u", chosen[j],
                          chosen[k]);
        words += s->words;
        bytes += sentence_bytes(c, s);
    }
    cr_expect_eq(words, b.words);
    cr_expect_eq(bytes, b.bytes);
    if (b0.max_words)
        cr_expect_leq(words, b0.max_words);
    if (b0.max_bytes)
        cr_expect_leq(bytes, b0.max_bytes);
    if (b0.max_sentences)
        cr_expect_leq(n, b0.max_sentences);
}

Test(stepwise, seeds_within_every_budget, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    prepared p;
    prepare(c, &p);
    const size_t words[] = {30, 60, 120, 300};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        check_budget(c, &p.r, p.scores, (budget){words[k], 0, 0, 0, 0, 0}, &p.a);
    check_budget(c, &p.r, p.scores, (budget){0, 600, 0, 0, 0, 0}, &p.a);
    check_budget(c, &p.r, p.scores, (budget){0, 0, 3, 0, 0, 0}, &p.a);
    arena_free(&p.a);
    precis_cluster_free(c);
}

/* A budget is a maximum: with room for every sentence, the model still
 * stops once nothing left is expected to raise the score. */
Test(stepwise, stops_on_its_own, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    prepared p;
    prepare(c, &p);
    uint32_t *chosen = arena_alloc(&p.a, (c->nsents + 1) * sizeof *chosen);
    budget b = {100000, 0, 0, 0, 0, 0};
    size_t n = select_stepwise(c, &p.r, method_find("stepwise"), p.scores, &b, &p.a, chosen);
    size_t story = 0;
    for (size_t i = 0; i < c->nsents; i++)
        story += sentence_is_fragment(&c->sents[i]) ? 0 : c->sents[i].words;
    cr_expect_gt(n, 2);
    cr_expect_lt(b.words, story / 2, "%zu words taken of %zu in story sentences", b.words, story);
    arena_free(&p.a);
    precis_cluster_free(c);
}

/* A stepwise model written by hand, for tests that need to know what it
 * will estimate. */
static scorer_model *hand_model(const char *text)
{
    scorer_model *m = scorer_model_parse(text, strlen(text));
    cr_assert_not_null(m, "the hand-written model does not parse: %s", text);
    return m;
}

/* Its estimate of a candidate's gain is the scorer's prior, nothing else. */
#define PRIOR_IS_GAIN "precis-scorer 1\nfeatures 1 ctx_prior\nbias 0\nlinear 1\n"

/* A one-article cluster, made ready for selection by a hand-written model
 * with priors the test sets. */
typedef struct by_hand {
    precis_cluster *c;
    scorer_model *m;
    prepared p;
} by_hand;

static void by_hand_open(by_hand *h, const char *text, const char *model)
{
    h->c = one_article_cluster("by-hand", text);
    h->m = hand_model(model);
    prepare(h->c, &h->p);
}

/* Stepwise selection under a word budget, with these priors. */
static size_t by_hand_select(by_hand *h, const double *prior, size_t words, uint32_t *chosen)
{
    budget b = {words, 0, 0, 0, 0, 0};
    return select_stepwise_model(h->c, &h->p.r, h->m, h->p.x, prior, &b, &h->p.a, chosen);
}

static void by_hand_close(by_hand *h)
{
    scorer_model_free(h->m);
    arena_free(&h->p.a);
    precis_cluster_free(h->c);
}

/* The candidate taken first is the one with the most estimated gain per
 * words^STEP_COST_EXP, not the most gain: a model whose estimate is just
 * the prior, a long sentence at 0.30 and a short one at 0.25, takes the
 * short one first and the long one next, and nothing whose estimate is not
 * above zero. */
Test(stepwise, takes_dense_sentences_first, .init = setup, .fini = teardown)
{
    static const char *const fire =
        "Firefighters contained the blaze on Sunday.\n\n"
        "The fire, which started late on Friday in a warehouse near the river and spread to two "
        "neighbouring buildings before crews from four towns could reach it, destroyed the warehouse "
        "and damaged both of the other buildings, officials said.\n\n"
        "No one was hurt in the fire.\n";
    by_hand h;
    by_hand_open(&h, fire, PRIOR_IS_GAIN);
    const precis_cluster *c = h.c;
    cr_assert_eq(c->nsents, 3);
    cr_assert_gt(c->sents[1].words, 4 * c->sents[0].words, "%u against %u words", c->sents[1].words,
                 c->sents[0].words);
    double prior[3] = {0.25, 0.30, -0.1};
    uint32_t chosen[4];
    size_t n = by_hand_select(&h, prior, 300, chosen);
    cr_assert_eq(n, 2, "took %zu sentences", n);
    cr_expect_eq(chosen[0], 0, "the short sentence (gain per word %.3f) comes first",
                 0.25 / pow(c->sents[0].words, STEP_COST_EXP));
    cr_expect_eq(chosen[1], 1);
    by_hand_close(&h);
}

/* A sentence that leans on the one before may be taken together with it,
 * weighed as a pair: the sentence before at its own estimate, then this
 * one as it would be with that one in. A model that values a sentence
 * only when its predecessor is in (ctx_prev_in) takes the pair when the
 * two add up to a gain, and nothing when they do not. */
Test(stepwise, takes_a_leaning_sentence_with_the_one_before, .init = setup, .fini = teardown)
{
    static const char *const sale =
        "The museum bought a painting by Vermeer on Monday.\n\n"
        "It was sold for $11.8 million at an auction in London in 2011, the museum said.\n\n"
        "Visitors can see the painting from June.\n";
    by_hand h;
    by_hand_open(&h, sale, "precis-scorer 1\nfeatures 2 ctx_prior ctx_prev_in\nbias 0\nlinear 1 0.5\n");
    const precis_cluster *c = h.c;
    cr_assert_eq(c->nsents, 3);
    cr_assert(c->sents[1].flags & SENT_LEANS_BACK, "\"It was sold ...\" should lean on the sentence before");
    uint32_t chosen[4];
    double prior[3] = {-0.2, 0.3, -0.7}; /* the third is worth -0.2 even after the second */
    size_t n = by_hand_select(&h, prior, 300, chosen);
    cr_assert_eq(n, 2, "took %zu sentences", n);
    cr_expect_eq(chosen[0], 0, "the sentence leaned on comes first");
    cr_expect_eq(chosen[1], 1);
    /* The pair is worth -0.9 + 0.3 + 0.5 < 0: nothing is taken. */
    prior[0] = -0.9;
    cr_expect_eq(by_hand_select(&h, prior, 300, chosen), 0);
    /* Nor when the two do not fit the budget together. */
    prior[0] = -0.2;
    cr_expect_eq(by_hand_select(&h, prior, c->sents[1].words + 2, chosen), 0);
    by_hand_close(&h);
}

/* The mayor's rally: a lead, a quotation whose speaker is named in its
 * last sentence, and a closing line; the quotation's middle is up to the
 * test. */
#define RALLY_LEAD "The mayor spoke to the crowd outside city hall on Monday.\n\n"
#define RALLY_OPENING "\" We will not close a single library in this city.\n\n"
#define RALLY_MIDDLE "Not one branch will lose an hour of its opening times next year.\n\n"
#define RALLY_SPEAKER "We will find the money somewhere else, \" the mayor said.\n\n"
#define RALLY_CLOSE "The council votes on the budget next week.\n"

/* A quotation that opens a sentence and runs on into the next, where its
 * speaker is named, is never printed alone: the opening is taken only as
 * the pair of the sentence that names the speaker. */
Test(stepwise, takes_an_opening_quotation_only_with_its_speaker, .init = setup, .fini = teardown)
{
    static const char *const rally = RALLY_LEAD RALLY_OPENING RALLY_SPEAKER RALLY_CLOSE;
    by_hand h;
    by_hand_open(&h, rally, PRIOR_IS_GAIN);
    const precis_cluster *c = h.c;
    cr_assert_eq(c->nsents, 4);
    cr_assert(c->sents[1].flags & SENT_LEANS_FORWARD, "the opening of the quotation should lean forward");
    cr_assert(c->sents[2].flags & SENT_LEANS_BACK, "its end should lean back");
    for (size_t i = 0; i < 4; i++)
        cr_expect(i == 1 || !(c->sents[i].flags & SENT_LEANS_FORWARD), "sentence %zu leans forward", i);
    uint32_t chosen[5];
    /* Only the opening is worth anything alone: it is not taken alone. */
    double prior[4] = {-0.5, 0.4, -0.1, -0.5};
    size_t n = by_hand_select(&h, prior, 300, chosen);
    cr_assert_eq(n, 2, "took %zu sentences", n);
    cr_expect_eq(chosen[0], 1, "the opening comes first");
    cr_expect_eq(chosen[1], 2, "then the sentence with the speaker");
    /* When the two together are worth nothing, neither is taken. */
    prior[2] = -0.5;
    cr_expect_eq(by_hand_select(&h, prior, 300, chosen), 0);
    by_hand_close(&h);
}

/* A quotation of three sentences whose speaker is named in the last: the
 * opening and the middle lean forward, and the three are taken as one
 * unit or not at all (with pairs alone the middle was printed without
 * the speaker, or the quotation could not be taken). */
Test(stepwise, takes_a_long_quotation_whole_with_its_speaker, .init = setup, .fini = teardown)
{
    static const char *const rally = RALLY_LEAD RALLY_OPENING RALLY_MIDDLE RALLY_SPEAKER RALLY_CLOSE;
    by_hand h;
    by_hand_open(&h, rally, PRIOR_IS_GAIN);
    const precis_cluster *c = h.c;
    cr_assert_eq(c->nsents, 5);
    static const int forward[5] = {0, 1, 1, 0, 0}, back[5] = {0, 0, 1, 1, 0};
    for (size_t i = 0; i < 5; i++) {
        cr_expect_eq(!!(c->sents[i].flags & SENT_LEANS_FORWARD), forward[i], "sentence %zu: leans forward?", i);
        cr_expect_eq(!!(c->sents[i].flags & SENT_LEANS_BACK), back[i], "sentence %zu: leans back?", i);
    }
    uint32_t chosen[6];
    /* The opening and the middle are worth something, the speaker's
     * sentence a little less than nothing: the three go in together. */
    double prior[5] = {-0.5, 0.4, 0.3, -0.1, -0.5};
    size_t n = by_hand_select(&h, prior, 300, chosen);
    cr_assert_eq(n, 3, "took %zu sentences", n);
    for (size_t k = 0; k < 3; k++)
        cr_expect_eq(chosen[k], k + 1, "choice %zu is sentence %u", k, chosen[k]);
    /* Together they are worth nothing: none is taken, not even the first
     * two, which alone would have been worth 0.7. */
    prior[3] = -0.8;
    cr_expect_eq(by_hand_select(&h, prior, 300, chosen), 0);
    /* A budget too small for all three takes none of them either. */
    prior[3] = -0.1;
    n = by_hand_select(&h, prior, 25, chosen);
    for (size_t k = 0; k < n; k++)
        cr_expect(chosen[k] == 0 || chosen[k] == 4, "sentence %u taken without the rest of its quotation", chosen[k]);
    /* Greedy selection (learned's, centrality's) passes over the opening
     * and the middle, however high they score, and takes them just before
     * the speaker's sentence when it reaches that one; or not at all, when
     * the three do not fit. */
    double scores[5] = {0.1, 0.9, 0.8, 0.05, 0.2};
    budget b = {300, 0, 0, 0, 0, 0};
    n = select_greedy(c, &h.p.r, method_find("learned"), scores, &b, &h.p.a, chosen);
    static const uint32_t greedy_order[5] = {4, 0, 1, 2, 3};
    cr_assert_eq(n, 5, "greedy took %zu sentences", n);
    for (size_t k = 0; k < 5; k++)
        cr_expect_eq(chosen[k], greedy_order[k], "greedy's choice %zu is sentence %u", k, chosen[k]);
    b = (budget){25, 0, 0, 0, 0, 0};
    n = select_greedy(c, &h.p.r, method_find("learned"), scores, &b, &h.p.a, chosen);
    for (size_t k = 0; k < n; k++)
        cr_expect(chosen[k] == 0 || chosen[k] == 4, "greedy took sentence %u without the rest of its quotation",
                  chosen[k]);
    by_hand_close(&h);
}

/* The longest unit is four sentences: an opening, two sentences of its
 * middle and the speaker's sentence are taken together; with a third
 * sentence of middle, none of the quotation is taken. */
Test(stepwise, takes_units_of_four_sentences_at_most, .init = setup, .fini = teardown)
{
    static const char *const middles[] = {RALLY_MIDDLE, "No librarian in this city will lose a job over the budget.\n\n",
                                          "No child will lose a reading room on the way home from school.\n\n"};
    for (size_t nmid = 2; nmid <= 3; nmid++) {
        buf text = BUF_INIT;
        cr_assert_eq(buf_puts(&text, RALLY_LEAD RALLY_OPENING), 0);
        for (size_t k = 0; k < nmid; k++)
            cr_assert_eq(buf_puts(&text, middles[k]), 0);
        cr_assert_eq(buf_puts(&text, RALLY_SPEAKER RALLY_CLOSE), 0);
        by_hand h;
        by_hand_open(&h, text.data, PRIOR_IS_GAIN);
        size_t n = h.c->nsents, speaker = nmid + 2;
        cr_assert_eq(n, nmid + 4);
        uint32_t chosen[8];
        double prior[8];
        for (size_t i = 0; i < n; i++)
            prior[i] = i >= 1 && i < speaker ? 0.3 : -0.5;
        size_t taken = by_hand_select(&h, prior, 300, chosen);
        if (nmid == 2) {
            cr_expect_eq(taken, 4, "took %zu sentences of a four-sentence quotation", taken);
            for (size_t k = 0; k < taken && k < 4; k++)
                cr_expect_eq(chosen[k], k + 1, "choice %zu is sentence %u", k, chosen[k]);
        } else {
            cr_expect_eq(taken, 0, "took %zu sentences of a five-sentence quotation", taken);
        }
        by_hand_close(&h);
        buf_free(&text);
    }
}

/* An opening quotation that ends its article (Multi-News clips its
 * sources) has no sentence to lean on and is taken on its own. */
Test(stepwise, an_opening_quotation_at_an_article_end_stands_alone, .init = setup, .fini = teardown)
{
    precis_cluster *c = one_article_cluster("clip", "The mayor spoke on Monday.\n\n"
                                                    "\" We will not close a single library in this city.\n");
    cr_assert_eq(c->nsents, 2);
    cr_expect(!(c->sents[1].flags & SENT_LEANS_FORWARD));
    precis_cluster_free(c);
}

static void expect_same_selection(precis_cluster *c, select_fn want, size_t words, const char *query,
                                  const char *what)
{
    prepared p;
    prepare(c, &p);
    cr_assert_eq(represent_query(c, query, &p.a, &p.r), 0);
    cr_assert_eq(score_adaptive(c, &p.r, &p.a, p.scores), 0);
    uint32_t *x = arena_alloc(&p.a, (c->nsents + 1) * sizeof *x), *y = arena_alloc(&p.a, (c->nsents + 1) * sizeof *y);
    cr_assert(x && y);
    budget b1 = {words, 0, 0, 0, 0, 0}, b2 = b1;
    const method *m = method_find("default");
    size_t n1 = select_adaptive(c, &p.r, m, p.scores, &b1, &p.a, x);
    size_t n2 = want(c, &p.r, m, p.scores, &b2, &p.a, y);
    cr_assert_eq(n1, n2, "%s: %zu sentences against %zu", what, n1, n2);
    for (size_t k = 0; k < n1; k++)
        cr_expect_eq(x[k], y[k], "%s: choice %zu differs", what, k);
    arena_free(&p.a);
}

Test(stepwise, is_the_default_selection_on_short_clusters_without_a_query, .init = setup, .fini = teardown)
{
    precis_cluster *c = vote_cluster();
    cr_assert(cluster_is_short(c));
    expect_same_selection(c, select_stepwise, 300, NULL, "short cluster, 300 words");
    expect_same_selection(c, select_stepwise, 200, NULL, "short cluster, 200 words");
    expect_same_selection(c, select_stepwise, 120, NULL, "short cluster, 120 words");
    expect_same_selection(c, select_stepwise, 40, NULL, "short cluster, 40 words");
    expect_same_selection(c, select_learned, 300, "parks and libraries", "short cluster with a query");
    precis_cluster_free(c);
    c = seeds_cluster(engine, 3);
    cr_assert(!cluster_is_short(c));
    expect_same_selection(c, select_coverage, 300, NULL, "seeds");
    precis_cluster_free(c);
}

/* Edge cases through the public API: a cluster of nothing but short lines
 * still gets a summary (the greedy fallback); with a query on a short
 * cluster the default follows the query (it selects greedily then, since
 * stepwise was trained without queries), inside its budget. */
Test(stepwise, fallback_and_query_through_the_api, .init = setup, .fini = teardown)
{
    precis_error err;
    precis_options o;
    precis_options_init(&o);
    o.method = "stepwise";
    precis_summary *s;

    precis_cluster *c;
    const char *lines = "Budget vote\n\nCity hall\n\nSeven to two\n";
    cr_assert_eq(precis_cluster_new(engine, "lines", &c, &err), PRECIS_OK);
    cr_assert_eq(precis_cluster_add(c, "a", lines, strlen(lines), &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    cr_expect_gt(precis_summary_count(s), 0, "a cluster of short lines got an empty summary");
    precis_summary_free(s);
    precis_cluster_free(c);

    /* Twenty words hold one sentence: the lead without a query, one about
     * parks and libraries with a query about them. */
    c = vote_cluster();
    o.method = "default";
    o.max_words = 20;
    const char *want[2] = {"approved a new budget", "libraries"};
    for (int q = 0; q < 2; q++) {
        o.query = q ? "What did critics say about parks and libraries?" : NULL;
        cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
        cr_assert_eq(precis_summary_count(s), 1, "%zu sentences in 20 words", precis_summary_count(s));
        const precis_summary_sentence *first = precis_summary_get(s, 0);
        cr_expect_not_null(memmem(first->text, first->len, want[q], strlen(want[q])), "query %d chose: %.*s", q,
                           (int)first->len, first->text);
        precis_summary_free(s);
    }
    precis_cluster_free(c);
}

/*
 * test_learned.c: the learned scorer. The embedded model parses and
 * rejects malformed text; features have the values they should on a
 * hand-made cluster of two articles on one story and one off-topic
 * article; scores are finite; the "learned" method keeps to its budget on
 * the bundled seeds and leaves the off-topic article out of a short
 * summary; the keep table marks furniture words low; the default method
 * is the learned scorer on short clusters and coverage's scores on the
 * whole of a long one (which it reads whole when it has a query or many
 * articles; test_clip.c has the openings it reads otherwise).
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>

#include "helpers.h"
#include "core/buf.h"
#include "seeds.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "precis.h"
#include "score/features.h"
#include "score/method.h"
#include "select/select.h"
#include "text/segment.h"
#include "texts_cluster.h"


#include "engine_fixture.h"

/* Two reports of one council vote, sharing their first sentence word for
 * word, and a football story that does not belong. */
static const char *const story[3] = {
    "The city council approved a new budget of 12 million dollars on Tuesday.\n\n"
    "The vote was seven to two after a long debate about parks and libraries.\n\n"
    "Critics said the budget cuts funding for parks and libraries across the city.\n\n"
    "Is this the right choice for the city and its libraries?\n",
    "The city council approved a new budget of 12 million dollars on Tuesday.\n\n"
    "Council members debated the budget for six hours before the vote.\n\n"
    "The mayor said the budget protects parks, libraries and public safety.\n",
    "The local football team won its third straight game on Sunday afternoon.\n\n"
    "The quarterback threw three touchdown passes in the second half.\n\n"
    "Fans celebrated in the stadium parking lot long after the game ended.\n",
};

static precis_cluster *story_cluster(void)
{
    return texts_cluster(engine, "story", story, 3);
}

/* c's representation and feature rows, in a fresh arena a. */
static float *features_of(const precis_cluster *c, arena *a, represent *r)
{
    arena_init(a, 4096);
    cr_assert_eq(represent_build(c, a, r), 0);
    float *x = arena_alloc(a, c->nsents * F_COUNT * sizeof *x);
    cr_assert_not_null(x);
    cr_assert_eq(sfeat_compute(c, r, a, x), 0);
    return x;
}

static float feat(const float *x, size_t i, int k)
{
    return x[i * F_COUNT + k];
}

Test(learned, embedded_model_parses, .init = setup, .fini = teardown)
{
    scorer_model *m = embedded_model("data/scorer.txt");
    float x[F_COUNT] = {0};
    cr_assert(isfinite(scorer_model_predict(m, x)));
    scorer_model_free(m);
}

/* Whether the two walks give the same double, bit for bit, for row x. */
static void expect_same_sum(const scorer_model *m, const float *x, const char *what, size_t row)
{
    double wide = scorer_model_predict(m, x), portable = scorer_model_predict_portable(m, x);
    cr_expect(memcmp(&wide, &portable, sizeof wide) == 0, "%s row %zu: %.17g against %.17g", what, row, wide,
              portable);
}

/* A small generator, so the rows are the same on every run. */
static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* The wide walk (score/treelanes.c, where the processor has AVX-512) adds
 * the same leaves in the same order as the portable one: on the shipped
 * models over the seeds' rows and over random rows with NaN, infinities
 * and signed zeros in them, and on a hand-written model of 17 trees (a
 * group of sixteen and one lane of the next) whose splits read features
 * from both halves of the row and whose rows sit exactly on thresholds. */
Test(learned, wide_walk_sums_as_the_portable_one, .init = setup, .fini = teardown)
{
    static const char *const shipped[] = {"data/scorer.txt", "data/stepper.txt"};
    static const float odd[] = {NAN, INFINITY, -INFINITY, 0.0f, -0.0f, 1e30f, -1e-30f, 0.5f};
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    arena a;
    represent r;
    const float *rows = features_of(c, &a, &r);
    uint32_t state = 20261123;
    float x[F_COUNT];
    for (size_t k = 0; k < sizeof shipped / sizeof shipped[0]; k++) {
        scorer_model *m = embedded_model(shipped[k]);
        for (size_t i = 0; i < c->nsents; i++) {
            memcpy(x, rows + i * F_COUNT, sizeof x);
            for (int f = F_CTX_PRIOR; f < F_COUNT; f++)
                x[f] = (float)(next_random(&state) % 2000) / 1000.0f - 0.5f;
            expect_same_sum(m, x, shipped[k], i);
        }
        for (size_t i = 0; i < 2000; i++) {
            for (int f = 0; f < F_COUNT; f++) {
                uint32_t u = next_random(&state);
                x[f] = u % 50 == 0 ? odd[u / 50 % 8] : (float)(u % 12000) / 1000.0f - 4.0f;
            }
            expect_same_sum(m, x, shipped[k], i);
        }
        scorer_model_free(m);
    }
    arena_free(&a);
    precis_cluster_free(c);

    /* 17 trees of depth 4 over pos_inv (feature 0), centroid, ref_length
     * and ctx_margin (the last one): thresholds -1, 0, 0.5 or 1, and a
     * different leaf value everywhere, so a wrong leaf shows. */
    buf text = BUF_INIT;
    static const char *const grid[] = {"-1", "0", "0.5", "1"};
    cr_assert_eq(buf_printf(&text, "precis-scorer 1\nfeatures 4 pos_inv centroid ref_length ctx_margin\n"
                                   "bias 0.25\ntrees 17 4\n"),
                 0);
    for (int t = 0; t < 17; t++) {
        for (int k = 0; k < 15; k++)
            cr_assert_eq(buf_printf(&text, "%d %s ", (t + k) % 4, grid[(t * 7 + k * 3) % 4]), 0);
        for (int k = 0; k < 16; k++)
            cr_assert_eq(buf_printf(&text, "%.6f ", 1.0 / (3 + t * 16 + k)), 0);
        cr_assert_eq(buf_printf(&text, "\n"), 0);
    }
    scorer_model *m = scorer_model_parse(text.data, text.len);
    cr_assert_not_null(m);
    static const float on_grid[] = {-1, 0, 0.5f, 1, -2, 0.25f, 2, NAN};
    static const int used[] = {F_POS_INV, F_CENTROID, F_REF_LENGTH, F_CTX_MARGIN};
    for (size_t i = 0; i < 4096; i++) {
        memset(x, 0, sizeof x);
        for (int f = 0; f < 4; f++)
            x[used[f]] = on_grid[(i >> (3 * f)) % 8];
        expect_same_sum(m, x, "hand-written", i);
    }
    scorer_model_free(m);
    buf_free(&text);
}

Test(learned, malformed_models_rejected)
{
    static const char *const bad[] = {
        "",
        "precis-scorer 2\nfeatures 1 centroid\nbias 0\n",
        "precis-scorer 1\nfeatures 1 no_such_feature\nbias 0\n",
        "precis-scorer 1\nfeatures 1 centroid\nbias zero\n",
        "precis-scorer 1\nfeatures 1 centroid\nbias 0\ntrees 1 1\n0 0.5 1\n",       /* a leaf short */
        "precis-scorer 1\nfeatures 1 centroid\nbias 0\ntrees 1 1\n3 0.5 1 2\n",     /* feature 3 of 1 */
        "precis-scorer 1\nfeatures 1 centroid\nbias 0\nlinear 1\nextra\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_expect_null(scorer_model_parse(bad[i], strlen(bad[i])), "accepted bad model %zu", i);
    /* And a good one computes what it says: 0.5 + 2 * centroid + tree. */
    const char *good = "# comment\nprecis-scorer 1\nfeatures 2 centroid pos_first\nbias 0.5\n"
                       "linear 2 0\ntrees 1 1\n1 0.5 -1 1e-1\n";
    scorer_model *m = scorer_model_parse(good, strlen(good));
    cr_assert_not_null(m);
    float x[F_COUNT] = {0};
    x[F_CENTROID] = 0.25f;
    cr_expect_float_eq(scorer_model_predict(m, x), 0.5 + 0.5 - 1, 1e-9);
    x[F_POS_FIRST] = 1;
    cr_expect_float_eq(scorer_model_predict(m, x), 0.5 + 0.5 + 0.1, 1e-9);
    scorer_model_free(m);
}

Test(learned, features_on_a_hand_made_cluster, .init = setup, .fini = teardown)
{
    precis_cluster *c = story_cluster();
    cr_assert_eq(c->narticles, 3);
    cr_assert_eq(c->nsents, 10, "sentences: %zu", c->nsents);
    arena a;
    represent r;
    float *x = features_of(c, &a, &r);
    for (size_t i = 0; i < c->nsents * F_COUNT; i++)
        cr_assert(isfinite(x[i]), "feature %s of sentence %zu", sfeat_name((int)(i % F_COUNT)), i / F_COUNT);
    size_t a0 = 0, a1 = 4, a3 = 3, off = 7;   /* sentence indices */
    cr_expect_eq(feat(x, a0, F_POS_FIRST), 1);
    cr_expect_float_eq(feat(x, a0, F_POS_INV), 1, 1e-6);
    cr_expect_float_eq(feat(x, 1, F_POS_INV), 1 / sqrt(2), 1e-6);
    cr_expect_eq(feat(x, 1, F_POS_SECOND), 1);
    /* The shared first sentence: two of three outlets, first copy in article 0. */
    cr_expect_float_eq(feat(x, a0, F_SUPPORT_LOG), log(2), 1e-6);
    cr_expect_float_eq(feat(x, a0, F_SUPPORT_REL), 0.5, 1e-6);
    cr_expect_eq(feat(x, a0, F_GROUP_FIRST), 1);
    cr_expect_eq(feat(x, a1, F_GROUP_FIRST), 0);
    cr_expect_eq(feat(x, a0, F_ART_FIRST), 1);
    cr_expect_float_eq(feat(x, a1, F_ART_REL), 1.0 / 3, 1e-6);
    /* Every bigram of the copy is in one of the two other articles. */
    cr_expect_float_eq(feat(x, a0, F_BI_OTHER), 0.5, 1e-6);
    cr_expect_gt(feat(x, a0, F_UNI_OTHER), 0.45);
    cr_expect_lt(feat(x, off, F_UNI_OTHER), 0.1);
    /* "12" is one word of 13 holding a digit. */
    cr_expect_float_eq(feat(x, a0, F_NUM_DENS), 1.0 / 13, 1e-6);
    cr_expect_eq(feat(x, a3, F_QUESTION), 1);
    cr_expect_eq(feat(x, a0, F_QUESTION), 0);
    cr_expect_eq(feat(x, 2, F_QUOTE), 0);
    /* The off-topic article is the least like the rest of the cluster. */
    cr_expect_lt(feat(x, off, F_ART_SIM), feat(x, a0, F_ART_SIM));
    cr_expect_lt(feat(x, off, F_ART_SIM), feat(x, a1, F_ART_SIM));
    cr_expect_lt(feat(x, off, F_ART_SIM_REL), 0.5);
    cr_expect_lt(feat(x, off, F_REST_SIM), feat(x, a0, F_REST_SIM));
    /* Article length beside the others': the council report of four
     * sentences is the longest, and the three shares add up to the cluster. */
    double words[3] = {0};
    for (size_t i = 0; i < c->nsents; i++)
        words[c->sents[i].article] += c->sents[i].words;
    cr_expect_gt(words[0], words[1]);
    cr_expect_float_eq(feat(x, a0, F_ART_WORDS_REL), 1, 1e-6);
    cr_expect_float_eq(feat(x, a3, F_ART_WORDS_REL), 1, 1e-6);
    cr_expect_float_eq(feat(x, a1, F_ART_WORDS_REL), words[1] / words[0], 1e-6);
    cr_expect_lt(feat(x, a1, F_ART_WORDS_REL), 1);
    cr_expect_float_eq(feat(x, a0, F_ART_SHARE) + feat(x, a1, F_ART_SHARE) + feat(x, off, F_ART_SHARE), 1, 1e-6);
    cr_expect_float_eq(feat(x, off, F_ART_SHARE), words[2] / (words[0] + words[1] + words[2]), 1e-6);
    for (size_t i = 0; i < c->nsents; i++) {
        cr_expect_leq(feat(x, i, F_CENTROID_REL), 1.0 + 1e-6);
        cr_expect_geq(feat(x, i, F_LEAD_SIM), 0);
    }
    /* Scores: finite, and the shared lead beats the football story. */
    double *scores = arena_alloc(&a, c->nsents * sizeof *scores);
    cr_assert_eq(score_learned(c, &r, &a, scores), 0);
    for (size_t i = 0; i < c->nsents; i++)
        cr_assert(isfinite(scores[i]));
    for (size_t i = off; i < c->nsents; i++)
        cr_expect_gt(scores[a0], scores[i], "off-topic sentence %zu outscores the lead", i);
    arena_free(&a);
    precis_cluster_free(c);
}

/* Multi-News's re-cased wire copy, an upper-case dateline, and two texts
 * that only look like one: "( apple )" is no agency, and a mark deep in the
 * story is a citation, not a dateline. */
static const char *const wire[4] = {
    "Scranton, pa. ( ap ) \xe2\x80\x94 a coroner says a woman who collapsed at the end of a half marathon "
    "died of an internal hemorrhage.\n\nThe coroner said she died of internal bleeding on Monday.\n",
    "WASHINGTON (AP) -- The Senate passed the budget bill late on Tuesday night.\n\n"
    "The House is expected to vote on the bill next week.\n",
    "Cupertino ( apple ) fans lined up early for the new phone on Friday morning.\n\n"
    "Stores opened at eight and sold out within hours of opening.\n",
    "The runner had trained for months before the race in the spring of that year, friends said, "
    "and she had run the same course twice before without trouble of any kind at all.\n\n"
    "Her family thanked the race volunteers, according to a report from the agency (AP) later.\n",
};

Test(learned, wire_copy_is_marked_by_its_dateline_only, .init = setup, .fini = teardown)
{
    precis_cluster *c = texts_cluster(engine, "wire", wire, 4);
    arena a;
    represent r;
    float *x = features_of(c, &a, &r);
    static const float expected[4] = {1, 1, 0, 0};
    for (size_t i = 0; i < c->nsents; i++) {
        uint32_t art = c->sents[i].article;
        cr_expect_eq(feat(x, i, F_ART_WIRE), expected[art], "sentence %zu of article %u: %g", i, art,
                     feat(x, i, F_ART_WIRE));
    }
    arena_free(&a);
    precis_cluster_free(c);
}

Test(learned, short_summary_leaves_out_the_off_topic_article, .init = setup, .fini = teardown)
{
    precis_cluster *c = story_cluster();
    precis_options o;
    precis_options_init(&o);
    o.method = "learned";
    o.max_words = 40;
    precis_summary *s;
    precis_error err;
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    cr_assert_gt(precis_summary_count(s), 0);
    for (size_t i = 0; i < precis_summary_count(s); i++)
        cr_expect_neq(precis_summary_get(s, i)->places[0].article, 2, "%.*s", (int)precis_summary_get(s, i)->len,
                      precis_summary_get(s, i)->text);
    precis_summary_free(s);
    precis_cluster_free(c);
}

Test(learned, seeds_within_budget_and_deterministic, .init = setup, .fini = teardown)
{
    static const size_t budgets[] = {25, 120, 300};
    precis_error err;
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++) {
        precis_options o;
        precis_options_init(&o);
        o.method = "learned";
        o.max_words = budgets[b];
        char *out[2];
        for (int run = 0; run < 2; run++) {
            precis_summary *s;
            cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
            cr_assert_gt(precis_summary_count(s), 0, "empty summary at %zu words", budgets[b]);
            size_t words = 0;
            for (size_t i = 0; i < precis_summary_count(s); i++) {
                const precis_summary_sentence *it = precis_summary_get(s, i);
                cr_assert(isfinite(it->score));
                for (size_t k = 0; k < it->len; k++)
                    words += (k == 0 || isspace((unsigned char)it->text[k - 1])) &&
                             !isspace((unsigned char)it->text[k]);
            }
            cr_expect_leq(words, budgets[b], "%zu words over a budget of %zu", words, budgets[b]);
            size_t len;
            cr_assert_eq(precis_render(s, PRECIS_FORMAT_TEXT, &out[run], &len, &err), PRECIS_OK);
            precis_summary_free(s);
        }
        cr_expect_str_eq(out[0], out[1], "two runs differ at %zu words", budgets[b]);
        free(out[0]);
        free(out[1]);
    }
    precis_cluster_free(c);
}

/* The keep table (data/keep.tsv.zst) says how often an article word reaches
 * a human summary: page furniture almost never, the words of events often. */
static double keep_of(const char *word)
{
    uint32_t id = engine_term(engine, word, strlen(word));
    cr_assert_neq(id, STRMAP_NONE);
    return engine->keep[id];
}

Test(learned, keep_table_marks_furniture_low, .init = setup, .fini = teardown)
{
    static const char *const furniture[] = {"advertisement", "wayback", "javascript", "getty", "http"};
    static const char *const story_words[] = {"killed", "police", "president", "court"};
    for (size_t i = 0; i < sizeof furniture / sizeof furniture[0]; i++)
        cr_expect_lt(keep_of(furniture[i]), -2.0, "%s: %g", furniture[i], keep_of(furniture[i]));
    for (size_t i = 0; i < sizeof story_words / sizeof story_words[0]; i++)
        cr_expect_gt(keep_of(story_words[i]), 0.0, "%s: %g", story_words[i], keep_of(story_words[i]));
    /* A word the table never saw is neutral, not penalised. */
    cr_expect_eq(keep_of("zqxjvbrrkw"), 0.0);
}

/* The oracle-keep table (data/oracle_keep.tsv.zst, made by make train):
 * sentences holding the Wayback Machine's crawl notes never make the best
 * summary; sentences that say who told whom often do. */
Test(learned, oracle_keep_table_marks_crawl_notes_low, .init = setup, .fini = teardown)
{
    static const char *const low[] = {"wayback", "webcrawl", "subdomain"};
    for (size_t i = 0; i < sizeof low / sizeof low[0]; i++) {
        uint32_t id = engine_term(engine, low[i], strlen(low[i]));
        cr_expect_lt(engine->oracle_keep[id], -1.0, "%s: %g", low[i], engine->oracle_keep[id]);
    }
    uint32_t told = engine_term(engine, "told", 4);
    cr_expect_gt(engine->oracle_keep[told], 0.0, "told: %g", engine->oracle_keep[told]);
}

/* The default method is the learned scorer on a cluster as short as the
 * Multi-News training clusters, and concept coverage on full articles. */
static void expect_scores_equal(precis_cluster *c, score_fn a_fn, score_fn b_fn, const char *what)
{
    arena a;
    arena_init(&a, 4096);
    represent r;
    cr_assert_eq(represent_build(c, &a, &r), 0);
    cr_assert_eq(represent_query(c, NULL, &a, &r), 0);
    double *x = arena_alloc(&a, (c->nsents + 1) * sizeof *x), *y = arena_alloc(&a, (c->nsents + 1) * sizeof *y);
    cr_assert(x && y);
    cr_assert_eq(a_fn(c, &r, &a, x), 0);
    cr_assert_eq(b_fn(c, &r, &a, y), 0);
    for (size_t i = 0; i < c->nsents; i++)
        cr_expect_eq(x[i], y[i], "%s: sentence %zu scores %g, expected %g", what, i, x[i], y[i]);
    arena_free(&a);
}

Test(learned, default_is_learned_on_short_clusters_coverage_on_long, .init = setup, .fini = teardown)
{
    precis_cluster *c = story_cluster();
    cr_assert(cluster_is_short(c));
    expect_scores_equal(c, score_adaptive, score_learned, "short cluster");
    precis_cluster_free(c);

    c = seeds_cluster(engine, 3);
    cr_assert(!cluster_is_short(c), "three full seed articles are over 600 words");
    expect_scores_equal(c, score_adaptive, score_default, "seeds");
    precis_cluster_free(c);
}

/* A budget is a maximum: with room for everything, the learned selection
 * takes greedy's choices in greedy's order and stops at the first sentence
 * whose estimated probability p is at most A / (W + L) (score/learned.c);
 * on the five seed articles that leaves some out. */
Test(learned, selection_stops_where_the_expected_f_would_fall, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    arena a;
    arena_init(&a, 4096);
    represent r;
    cr_assert_eq(represent_build(c, &a, &r), 0);
    cr_assert_eq(represent_query(c, NULL, &a, &r), 0);
    double *scores = arena_alloc(&a, (c->nsents + 1) * sizeof *scores);
    uint32_t *all = arena_alloc(&a, (c->nsents + 1) * sizeof *all);
    uint32_t *some = arena_alloc(&a, (c->nsents + 1) * sizeof *some);
    cr_assert(scores && all && some);
    cr_assert_eq(score_learned(c, &r, &a, scores), 0);
    const method *m = method_find("learned");
    budget b1 = {100000, 0, 0, 0, 0, 0}, b2 = b1;
    size_t nall = select_greedy(c, &r, m, scores, &b1, &a, all);
    size_t nsome = select_learned(c, &r, m, scores, &b2, &a, some);
    cr_assert_gt(nsome, 0);
    cr_expect_lt(nsome, nall, "nothing was left out (%zu of %zu)", nsome, nall);
    double expected_best = 0, shared = 0, words = 0;
    for (size_t k = 0; k < nall; k++)
        expected_best += fmax(scores[all[k]], 0) * c->sents[all[k]].words;
    size_t budget_words = 0, k = 0;
    while (k < nall) {
        /* predecessors greedy took for the sentence after them count with
         * it, as one unit of their word-weighted p */
        size_t unit = 1;
        while (k + unit < nall && all[k + unit] == all[k + unit - 1] + 1 &&
               (c->sents[all[k + unit]].flags & SENT_LEANS_BACK))
            unit++;
        double pw = 0, w = 0;
        for (size_t u = k; u < k + unit; u++) {
            pw += fmax(scores[all[u]], 0) * c->sents[all[u]].words;
            w += c->sents[all[u]].words;
        }
        if (k >= nsome) { /* the unit where it stopped */
            cr_expect_eq(k, nsome, "a pair was split");
            cr_expect_leq(pw / w, shared / (words + expected_best), "stopped at choice %zu needlessly", k);
            break;
        }
        for (size_t u = k; u < k + unit; u++)
            cr_assert_eq(some[u], all[u], "choice %zu differs from greedy's", u);
        cr_expect(k == 0 || pw / w > shared / (words + expected_best), "choice %zu at p %g", k, pw / w);
        shared += pw;
        words += w;
        budget_words += (size_t)w;
        k += unit;
    }
    cr_expect_eq(b2.words, budget_words, "the budget counts only what was kept");
    arena_free(&a);
    precis_cluster_free(c);
}

/*
 * test_lexicon.c: the lexical model (score/lexicon.c). A hand-made table
 * gives the score worked out by hand; the inline sum that scoring uses
 * agrees with the keys that training enumerates on every seed sentence;
 * the shipped table ranks a story sentence above page furniture; and
 * malformed table lines are skipped, not misread, numbers are read
 * within their field (never past the text or across a line), in the
 * lexicon and in the keep and background tables alike.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/cluster.h"
#include "precis.h"
#include "score/features.h"
#include "score/lexicon.h"
#include "seeds.h"

#include "engine_fixture.h"

static const char *stem_of(const char *word)
{
    uint32_t id = engine_term(engine, word, strlen(word));
    cr_assert_neq(id, STRMAP_NONE);
    return strmap_key(&engine->terms, id);
}

Test(lexicon, hand_made_table_scores_by_hand, .init = setup, .fini = teardown)
{
    char table[512];
    snprintf(table, sizeof table,
             "#bias -1.5\n"
             "w\t%s\t0.4\n"       /* the word "police" */
             "f\t%s\t0.2\n"       /* a sentence that opens with it */
             "p\t%s\t%s\t0.3\n"   /* "police said" */
             "p\t%s\t%s\t9\n",    /* "said police": not in the sentence */
             stem_of("police"), stem_of("police"), stem_of("police"), stem_of("said"), stem_of("said"),
             stem_of("police"));
    cr_assert_eq(engine_load_lexicon(engine, table, strlen(table)), 0);
    precis_cluster *c = one_article_cluster("t", "Police said the fire was out by noon.\n");
    cr_assert_eq(c->nsents, 1);
    const sentence *s = &c->sents[0];
    cr_assert_eq(s->ntok, 8, "tokens: %u", s->ntok);
    double want = -1.5 + (0.4 + 0.2 + 0.3) / sqrt(16.0);
    cr_expect_float_eq(lexicon_score(c, s), want, 1e-6, "%.9f, expected %.9f", lexicon_score(c, s), want);
    precis_cluster_free(c);

    /* The word elsewhere than first: no first-word weight; the pair counts
     * wherever it stands. */
    c = one_article_cluster("t", "The fire was out by noon, police said.\n");
    want = -1.5 + (0.4 + 0.3) / sqrt(2.0 * c->sents[0].ntok);
    cr_expect_float_eq(lexicon_score(c, &c->sents[0]), want, 1e-6);
    precis_cluster_free(c);
    c = one_article_cluster("t", "Said police chiefs, the fire was out.\n");
    want = -1.5 + (0.4 + 9.0) / sqrt(2.0 * c->sents[0].ntok);
    cr_expect_float_eq(lexicon_score(c, &c->sents[0]), want, 1e-6);
    precis_cluster_free(c);
}

typedef struct key_sum {
    const precis_engine *e;
    double sum;
} key_sum;

static void add_key(void *ctxp, int kind, uint32_t a, uint32_t b)
{
    key_sum *k = ctxp;
    cr_assert_lt(a, k->e->terms_cap);
    if (kind == LEX_WORD)
        k->sum += k->e->lex_word[a];
    else if (kind == LEX_FIRST)
        k->sum += k->e->lex_first[a];
    else
        k->sum += pairmap_get(&k->e->lex_pair, a, b);
}

/* Training sees a sentence through lexicon_keys, scoring sums inline:
 * the two must be the same model. */
Test(lexicon, scoring_agrees_with_the_training_keys, .init = setup, .fini = teardown)
{
    cr_assert_eq(engine_lexicon(engine), 0);
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    size_t nonzero = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        key_sum k = {engine, 0};
        uint32_t n = lexicon_keys(c, s, add_key, &k);
        cr_assert_eq(n, 2 * s->ntok);
        double want = engine->lex_bias + (n ? k.sum / sqrt((double)n) : 0);
        cr_expect_float_eq(lexicon_score(c, s), want, 1e-9, "sentence %zu", i);
        nonzero += k.sum != 0;
    }
    cr_expect_gt(nonzero, c->nsents / 2, "the shipped table weighs most seed sentences");
    precis_cluster_free(c);
}

Test(lexicon, shipped_table_prefers_story_to_furniture, .init = setup, .fini = teardown)
{
    cr_assert_eq(engine->lex_pair.count, 0, "the table is loaded only when asked for");
    cr_assert_eq(engine_lexicon(engine), 0);
    cr_assert_gt(engine->lex_pair.count, 1000);
    static const char *const story[] = {
        "Police said two people were killed in the attack on Tuesday.",
        "The president told reporters the government would respond.",
    };
    static const char *const furniture[] = {
        "Click here to subscribe to our newsletter.",
        "Please enable JavaScript to view the comments.",
        "Follow us on Twitter and Facebook.",
    };
    for (size_t i = 0; i < sizeof story / sizeof *story; i++)
        for (size_t j = 0; j < sizeof furniture / sizeof *furniture; j++) {
            precis_cluster *a = one_article_cluster("t", story[i]), *b = one_article_cluster("t", furniture[j]);
            double sa = lexicon_score(a, &a->sents[0]), sb = lexicon_score(b, &b->sents[0]);
            cr_expect_gt(sa, sb, "\"%s\" %.3f against \"%s\" %.3f", story[i], sa, furniture[j], sb);
            precis_cluster_free(a);
            precis_cluster_free(b);
        }
}

/* Load text from a heap block of exactly its length (no NUL after it), so
 * that AddressSanitizer sees any read past the end. */
static int load_exact(const char *text)
{
    size_t n = strlen(text);
    char *copy = malloc(n ? n : 1);
    cr_assert_not_null(copy);
    memcpy(copy, text, n);
    int rc = engine_load_lexicon(engine, copy, n);
    free(copy);
    return rc;
}

Test(lexicon, malformed_lines_are_skipped, .init = setup, .fini = teardown)
{
    static const char table[] = "#bias 0.5\n"
                                "x\n"
                                "w\n"
                                "w\tfire\n"
                                "p\tfire\n"
                                "pp\tfire\tout\t3\n"
                                "x\tzqxjvbrrkw\t1\n"
                                "w\t\t1\n"
                                "\t\t\t\n"
                                "#comment\n"
                                "w\tfire\t0.25";      /* no final newline */
    cr_assert_eq(load_exact(table), 0);
    cr_expect_eq(engine->lex_bias, 0.5);
    cr_expect_eq(engine->lex_pair.count, 0, "no pair line was whole");
    uint32_t fire = engine_term(engine, "fire", 4);
    cr_expect_eq(engine->lex_word[fire], 0.25f);
    cr_expect_eq(engine->lex_first[fire], 0.0f);
    cr_expect_eq(strmap_find(&engine->terms, "zqxjvbrrkw", 10), STRMAP_NONE, "an unknown kind adds no term");
}

/* Numbers are read inside their own field only: not past the end of the
 * text, not across a newline, and nothing that is not a finite number. */
Test(lexicon, weights_are_read_within_their_field, .init = setup, .fini = teardown)
{
    uint32_t fire = engine_term(engine, "fire", 4);
    static const char *const bad[] = {"w\tfire\t1e", "w\tfire\t0.12345678901x", "w\tfire\t \n-3.5\tx\n",
                                      "w\tfire\tinf\n", "w\tfire\tnan\n", "w\tfire\t1.5 2\n",
                                      "w\tfire\t-\n", "w\tfire\t.\n", "w\tfire\t1.2.3\n"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        cr_assert_eq(load_exact(bad[k]), 0);
        cr_expect_eq(engine->lex_word[fire], 0.0f, "\"%s\" gave %g", bad[k], engine->lex_word[fire]);
    }
    /* Long forms go through strtod and still count when whole. */
    cr_assert_eq(load_exact("w\tfire\t0.12345678901"), 0);
    cr_expect_float_eq(engine->lex_word[fire], 0.12345678901f, 1e-7);
    cr_assert_eq(load_exact("w\tfire\t2.5e-1\r\n"), 0);
    cr_expect_eq(engine->lex_word[fire], 0.25f);
    cr_assert_eq(load_exact("#bias  \n7\n"), 0);
    cr_expect_eq(engine->lex_bias, 0.0, "the bias came from the next line: %g", engine->lex_bias);
    cr_assert_eq(load_exact("#bias 0.75"), 0);
    cr_expect_eq(engine->lex_bias, 0.75);
    cr_expect(engine->lex_loaded, "a table that loaded is marked loaded");
}

/* The rate tables (keep, oracle-keep) and the background table read their
 * numbers the same way: inside the row, whole, or not at all. */
Test(lexicon, rate_and_background_rows_are_read_within_the_row, .init = setup, .fini = teardown)
{
    const char *stem = "zqxjvbrrkw";
    uint32_t id = engine_term(engine, stem, strlen(stem));
    static const char *const bad[] = {"#rate 1 4\nzqxjvbrrkw\t10", "#rate 1 4\nzqxjvbrrkw\t \n10\t5\n",
                                      "#rate 1 4\nzqxjvbrrkw\t10\t5\t1\n", "#rate 1 4\nzqxjvbrrkw\t10\t5x\n",
                                      "#rate 1 4\nzqxjvbrrkw\t10\t50\n"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        size_t n = strlen(bad[k]);
        char *copy = malloc(n);
        cr_assert_not_null(copy);
        memcpy(copy, bad[k], n);
        engine->keep[id] = 0;
        cr_assert_eq(engine_load_keep(engine, copy, n), 0);
        cr_expect_eq(engine->keep[id], 0.0f, "\"%s\" gave %g", bad[k], engine->keep[id]);
        free(copy);
    }
    /* A whole row at the very end of the text, no newline: read. Ten
     * occurrences, all hits, against an overall rate of 1 in 4: above. */
    static const char good[] = "#rate 1 4\nzqxjvbrrkw\t10\t10";
    char *copy = malloc(sizeof good - 1);
    memcpy(copy, good, sizeof good - 1);
    cr_assert_eq(engine_load_keep(engine, copy, sizeof good - 1), 0);
    cr_expect_gt(engine->keep[id], 0.5f, "%g", engine->keep[id]);
    free(copy);
    static const char bg[] = "#docs 100\nzqxjvbrrkw\t7";
    copy = malloc(sizeof bg - 1);
    memcpy(copy, bg, sizeof bg - 1);
    cr_assert_eq(engine_load_background(engine, copy, sizeof bg - 1), 0);
    cr_expect_eq(engine->df[id], 7);
    cr_expect_eq(engine->bg_docs, 100.0);
    free(copy);
}

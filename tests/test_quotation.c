/*
 * test_quotation.c: quotations followed across an article's sentences
 * (clean/quotation.c): which sentences start inside a quotation begun
 * before, and which open one whose speaker is named later; in marks that
 * say their side (“ ” and `` ''), in straight marks, and through the
 * cluster, where they become SENT_LEANS_BACK and SENT_LEANS_FORWARD.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "clean/quotation.h"
#include "model/cluster.h"
#include "precis.h"
#include "text/segment.h"

#include "texts_cluster.h"

#include "engine_fixture.h"

/* Run quote_track_next over n sentences of one article; out[i] gets its
 * bits. */
static void track(const char *const *sents, size_t n, int *out)
{
    quote_track q = {0, 0, 0};
    for (size_t i = 0; i < n; i++)
        out[i] = quote_track_next(&q, sents[i], strlen(sents[i]), i == 0);
}

Test(quotation, the_middle_of_a_curly_quotation_leans_back)
{
    static const char *const s[] = {
        "The storm destroyed the school on Tuesday night.",
        "\xe2\x80\x9cWe lost a building, not a community.",
        "The school will reopen in two years on the same site.",
        "We will rebuild it stronger than before,\xe2\x80\x9d Mayor Ana Ruiz said.",
        "Classes will move to the library until then.",
    };
    int out[5];
    track(s, 5, out);
    static const int back[5] = {0, 0, 1, 1, 0};
    for (size_t i = 0; i < 5; i++)
        cr_expect_eq(!!(out[i] & QUOTE_LEANS_BACK), back[i], "sentence %zu: leans back?", i);
    /* Sided openings are pieces that no selector prints alone already:
     * nothing leans forward on sided marks. */
    for (size_t i = 0; i < 5; i++)
        cr_expect(!(out[i] & QUOTE_PREV_FORWARD), "sentence %zu", i);
}

Test(quotation, wire_copy_quotations_in_backquotes)
{
    static const char *const s[] = {
        "Home schooling is growing fast, the report said.",
        "``I don't think it's going to stop.",
        "Parents are not waiting for the schools any more,'' said Brian Ray, who studies the movement.",
        "The report counted 1.5 million children.",
    };
    int out[4];
    track(s, 4, out);
    static const int back[4] = {0, 0, 1, 0};
    for (size_t i = 0; i < 4; i++)
        cr_expect_eq(!!(out[i] & QUOTE_LEANS_BACK), back[i], "sentence %zu: leans back?", i);
}

Test(quotation, a_paragraph_that_opens_the_quotation_again_starts_its_own)
{
    /* A long quotation's paragraphs each open with a mark; the second
     * closes it and names the speaker, and what follows is the reporter's
     * again. */
    static const char *const s[] = {
        "\xe2\x80\x9cWe lost a building.",
        "\xe2\x80\x9c" "But we will rebuild,\xe2\x80\x9d Mayor Ana Ruiz said.",
        "The council meets on Monday.",
    };
    int out[3];
    track(s, 3, out);
    for (size_t i = 0; i < 3; i++)
        cr_expect(!(out[i] & QUOTE_LEANS_BACK), "sentence %zu leans back", i);
}

Test(quotation, a_stray_mark_stays_open_three_sentences_at_most)
{
    static const char *const s[] = {
        "The sign read \xe2\x80\x9c" "closed for the season.",
        "One.", "Two.", "Three.", "Four.",
    };
    int out[5];
    track(s, 5, out);
    static const int back[5] = {0, 1, 1, 1, 0};
    for (size_t i = 0; i < 5; i++)
        cr_expect_eq(!!(out[i] & QUOTE_LEANS_BACK), back[i], "sentence %zu: leans back?", i);
}

Test(quotation, straight_quotations_open_forward_and_close_back)
{
    static const char *const s[] = {
        "The mayor spoke on Monday.",
        "\" We will not close a single library.",
        "Not one branch will lose an hour.",
        "We will find the money, \" the mayor said.",
        "Smith said, \"We are not going anywhere.\"",
        "The vote is next week.",
    };
    int out[6];
    track(s, 6, out);
    static const int back[6] = {0, 0, 1, 1, 0, 0}, prev_forward[6] = {0, 0, 1, 1, 0, 0};
    for (size_t i = 0; i < 6; i++) {
        cr_expect_eq(!!(out[i] & QUOTE_LEANS_BACK), back[i], "sentence %zu: leans back?", i);
        cr_expect_eq(!!(out[i] & QUOTE_PREV_FORWARD), prev_forward[i], "sentence %zu: the one before leans forward?",
                     i);
    }
}

Test(quotation, a_straight_quotation_open_past_its_span_leans_forward_to_the_end)
{
    /* Four sentences into a quotation with no speaker yet: the fourth
     * leans forward itself, and the speaker's sentence, which closes the
     * quotation and so leans back, is a fifth: no unit (at most four
     * sentences, test_stepwise.c) can print any of it. */
    static const char *const s[] = {
        "\" We will not close a single library.",
        "Not one branch will lose an hour.",
        "No librarian will lose a job.",
        "No child will lose a reading room.",
        "We will find the money, \" the mayor said.",
    };
    int out[5];
    track(s, 5, out);
    static const int back[5] = {0, 1, 1, 1, 1}, self_forward[5] = {0, 0, 0, 1, 0};
    for (size_t i = 0; i < 5; i++) {
        cr_expect_eq(!!(out[i] & QUOTE_LEANS_BACK), back[i], "sentence %zu: leans back?", i);
        cr_expect_eq(!!(out[i] & QUOTE_SELF_FORWARD), self_forward[i], "sentence %zu: leans forward itself?", i);
    }
    cr_expect(!(out[4] & QUOTE_PREV_FORWARD));
}

Test(quotation, an_articles_first_sentence_leans_on_nothing)
{
    static const char *const s[] = {"We will find the money, \" the mayor said.", "The vote is next week."};
    int out[2];
    track(s, 2, out);
    cr_expect_eq(out[0], 0);
    cr_expect_eq(out[1], 0);
}

/* Through the cluster: the middle of a curly quotation leans back on its
 * opening, which no selector prints, so no method prints the middle as
 * the outlet's own words. */
Test(quotation, no_method_prints_the_middle_of_a_curly_quotation, .init = setup, .fini = teardown)
{
    static const char *const docs[] = {
        "The storm destroyed the Lincoln Elementary school on Tuesday night, officials said.\n"
        "\xe2\x80\x9cWe lost a building on Tuesday, but we did not lose a community.\n"
        "The school will reopen in two years on the same site.\n"
        "We will rebuild it stronger than before,\xe2\x80\x9d Mayor Ana Ruiz said on Wednesday.\n"
        "Classes will move to the library until then.\n",
        "The Lincoln Elementary school was destroyed by the storm on Tuesday night.\n"
        "The school will reopen in two years, the district said.\n"
        "Classes move to the public library in the meantime.\n"};
    precis_cluster *c = texts_cluster(engine, "storm", docs, 2);
    cr_assert_geq(c->nsents, 5);
    cr_expect(c->sents[2].flags & SENT_LEANS_BACK, "the middle should lean back");
    cr_expect(c->sents[1].flags & SENT_PART_QUOTE, "the opening is a piece of a quotation");
    static const char *const methods[] = {"default", "coverage", "stepwise", "learned", "centrality"};
    precis_error err;
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++)
        for (size_t words = 20; words <= 200; words += 60) {
            precis_options o;
            precis_options_init(&o);
            o.method = methods[m];
            o.max_words = words;
            precis_summary *s;
            cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
            for (size_t j = 0; j < precis_summary_count(s); j++) {
                const precis_summary_sentence *it = precis_summary_get(s, j);
                static const char middle[] = "The school will reopen in two years on";
                cr_expect(it->len < sizeof middle - 1 || memcmp(it->text, middle, sizeof middle - 1) != 0,
                          "%s at %zu words printed the mayor's words as the outlet's: %.*s", methods[m], words,
                          (int)it->len, it->text);
            }
            precis_summary_free(s);
        }
    precis_cluster_free(c);
}

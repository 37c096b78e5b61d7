/*
 * test_hardening.c: regression tests for what the fuzzers (fuzz/) found,
 * and the documented limits (README, "Limits") holding at their edges.
 *
 * Each fuzz finding is named after the target that found it; the input
 * is the smallest form of the crashing input.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "helpers.h"
#include "precis.h"
#include "text/token.h"

/* fuzz_utf8_token: a token made only of combining marks normalises to
 * nothing; on a never-used scratch buffer that wrote a NUL through NULL. */
Test(hardening, token_of_marks_only_on_fresh_buffer)
{
    const char *text = " \xcc\x81\xcc\x81 a\xe2\x83\x9d";
    buf scratch = BUF_INIT;
    size_t pos = 0;
    token t;
    cr_assert(token_next(text, strlen(text), &pos, &t, &scratch));
    cr_expect_eq(t.start, 6);
    cr_expect_str_eq(t.norm, "a");
    buf_free(&scratch);
}

/* The same through the library: an article whose first word is marks only. */
Test(hardening, article_starting_with_marks)
{
    precis_engine *eng;
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_engine_new(&eng, &err), PRECIS_OK);
    cr_assert_eq(precis_cluster_new(eng, "marks", &c, &err), PRECIS_OK);
    const char *text = "\xcc\x81\xcc\x81 The mayor said the bridge would reopen on Monday after repairs.\n";
    cr_expect_eq(precis_cluster_add(c, NULL, text, strlen(text), &err), PRECIS_OK, "%s", err.message);
    precis_summary *s;
    cr_expect_eq(precis_summarize(c, NULL, &s, &err), PRECIS_OK, "%s", err.message);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_engine_free(eng);
}

/* fuzz_summarize: a budget too small for any sentence gives an empty
 * summary, whose text rendering was returned without its NUL. */
Test(hardening, empty_summary_renders_as_empty_string)
{
    precis_engine *eng;
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_engine_new(&eng, &err), PRECIS_OK);
    cr_assert_eq(precis_cluster_new(eng, NULL, &c, &err), PRECIS_OK);
    const char *text = "Whether a sign of a good read or a comment on the pulp nature of some genres of "
                       "fiction, the charts have remained in the author's favour for four years.\n";
    cr_assert_eq(precis_cluster_add(c, NULL, text, strlen(text), &err), PRECIS_OK, "%s", err.message);
    precis_options o;
    precis_options_init(&o);
    o.max_words = 8;
    precis_summary *s;
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    cr_expect_eq(precis_summary_count(s), 0);
    char *out;
    size_t len = 99;
    cr_assert_eq(precis_render(s, PRECIS_FORMAT_TEXT, &out, &len, &err), PRECIS_OK);
    cr_expect_eq(len, 0);
    cr_expect_str_eq(out, "");
    free(out);
    precis_summary_free(s);
    precis_cluster_free(c);
    precis_engine_free(eng);
}

/* ---- Limits (README, "Limits") ------------------------------------------
 * Each limit of precis.h gives a clear error or a documented truncation.
 * The cluster-wide byte limit (256 MiB) and the JSON Lines line limit are
 * not built here (too slow for a unit test); see SECURITY.md. */

static precis_engine *limits_engine(void)
{
    precis_engine *eng;
    precis_error err;
    cr_assert_eq(precis_engine_new(&eng, &err), PRECIS_OK);
    return eng;
}

Test(limits, article_over_32_mib_is_too_large)
{
    precis_engine *eng = limits_engine();
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(eng, NULL, &c, &err), PRECIS_OK);
    size_t len = PRECIS_MAX_ARTICLE_BYTES + 1;
    char *text = malloc(len);
    cr_assert_not_null(text);
    memset(text, 'a', len);
    cr_expect_eq(precis_cluster_add(c, NULL, text, len, &err), PRECIS_ERR_TOO_LARGE);
    cr_expect_not_null(strstr(err.message, "limit"), "%s", err.message);
    cr_expect_eq(precis_cluster_articles(c), 0);
    free(text);
    precis_cluster_free(c);
    precis_engine_free(eng);
}

/* head, then a run-on of some 27,000 bytes without a sentence end. */
static buf run_on(const char *head)
{
    buf text = BUF_INIT;
    buf_puts(&text, head);
    for (int i = 0; i < 3000; i++)
        buf_printf(&text, "word%d ", i);
    buf_puts(&text, "and then it ended.\n");
    return text;
}

/* A text that is nothing but a run-on has no sentence to summarize: an
 * error that says so, not an empty brief blamed on the budget. */
Test(limits, a_run_on_alone_is_no_sentence)
{
    precis_engine *eng = limits_engine();
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(eng, NULL, &c, &err), PRECIS_OK);
    buf text = run_on("");
    cr_assert_eq(precis_cluster_add(c, NULL, text.data, text.len, &err), PRECIS_OK, "%s", err.message);
    precis_summary *s = NULL;
    cr_expect_eq(precis_summarize(c, NULL, &s, &err), PRECIS_ERR_EMPTY);
    cr_expect(strstr(err.message, "no whole sentence"), "%s", err.message);
    cr_expect_null(s);
    buf_free(&text);
    precis_cluster_free(c);
    precis_engine_free(eng);
}

/* A run-on "sentence" is cut into pieces of at most 4,096 bytes, each cut
 * after a whole word; no piece is a sentence (one starts mid-way, one stops
 * mid-way), so no method prints one, with or without a budget. */
Test(limits, long_sentence_is_cut_at_a_word_boundary)
{
    precis_engine *eng = limits_engine();
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(eng, NULL, &c, &err), PRECIS_OK);
    buf text = run_on("The council met on Monday.\n\n");
    cr_assert_eq(precis_cluster_add(c, NULL, text.data, text.len, &err), PRECIS_OK, "%s", err.message);
    cr_expect_geq(precis_cluster_sentences(c), 1 + text.len / PRECIS_MAX_SENTENCE_BYTES);
    static const char *const methods[] = {"lead", "default", "coverage", "sumbasic", "learned", "lexrank"};
    static const size_t budgets[] = {0, 5000}; /* 0: no budget, every sentence the method keeps */
    precis_summary *s = NULL;
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++)
        for (size_t b = 0; b < 2; b++) {
            precis_options o;
            precis_options_init(&o);
            o.max_words = budgets[b];
            o.method = methods[m];
            cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
            cr_expect_eq(precis_summary_count(s), 1, "%s, %zu words: %zu sentences", methods[m], budgets[b],
                         precis_summary_count(s));
            const precis_summary_sentence *ss = precis_summary_get(s, 0);
            cr_expect(ss && ss->len == 26 && !memcmp(ss->text, "The council met on Monday.", 26),
                      "%s, %zu words: the brief is not the one whole sentence", methods[m], budgets[b]);
            if (m + 1 < sizeof methods / sizeof *methods || b == 0)
                precis_summary_free(s);
        }
    precis_summary_free(s);
    buf_free(&text);
    precis_cluster_free(c);
    precis_engine_free(eng);
}

/* One article of more than 1,000,000 sentences: an error, the cluster as
 * it was. */
Test(limits_heavy, more_than_a_million_sentences_is_an_error)
{
    precis_engine *eng = limits_engine();
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(eng, NULL, &c, &err), PRECIS_OK);
    const char *one = "Go now. ";
    size_t n = PRECIS_MAX_SENTENCES + 1, len = n * strlen(one);
    char *text = malloc(len + 1);
    cr_assert_not_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * strlen(one), one, strlen(one));
    text[len] = '\0';
    cr_expect_eq(precis_cluster_add(c, NULL, text, len, &err), PRECIS_ERR_TOO_LARGE);
    cr_expect_not_null(strstr(err.message, "sentences"), "%s", err.message);
    cr_expect_eq(precis_cluster_sentences(c), 0);
    free(text);
    precis_cluster_free(c);
    precis_engine_free(eng);
}

/* The 100,001st article of a cluster is refused; the first 100,000 stay. */
Test(limits_heavy, more_than_100000_articles_is_an_error)
{
    precis_engine *eng = limits_engine();
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(eng, NULL, &c, &err), PRECIS_OK);
    const char *text = "The mayor opened the new bridge on Monday.\n";
    for (size_t i = 0; i < PRECIS_MAX_ARTICLES; i++)
        cr_assert_eq(precis_cluster_add(c, NULL, text, strlen(text), &err), PRECIS_OK, "article %zu: %s", i,
                     err.message);
    cr_expect_eq(precis_cluster_add(c, NULL, text, strlen(text), &err), PRECIS_ERR_TOO_LARGE);
    cr_expect_not_null(strstr(err.message, "articles"), "%s", err.message);
    cr_expect_eq(precis_cluster_articles(c), PRECIS_MAX_ARTICLES);
    precis_cluster_free(c);
    precis_engine_free(eng);
}

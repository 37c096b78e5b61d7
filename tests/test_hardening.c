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

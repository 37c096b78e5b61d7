/*
 * test_cluster_compare_db.c: `precis compare --db FILE --story ID`, the
 * cross-source view of one story of a database made by `precis ingest`:
 * the same report as comparing the story's articles given as files, in
 * every format, and clear errors for an unknown story, a file that is not
 * a database and options that do not go together.
 */
#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"

static char dir[64];

static void setup(void)
{
    strcpy(dir, "/tmp/precis-cmpdb-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(compare_db, .init = setup, .fini = teardown, .timeout = 120);

/* A database of the bundled example's five articles: one story. */
static void make_db(void)
{
    run_result r = run_precisf("ingest -q --db %s/news.db --date 2024-01-01 ../examples/seeds", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    r = run_precisf("stories --db %s/news.db --format json", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_t *story = json_loads(r.out, JSON_DISABLE_EOF_CHECK, NULL);
    cr_assert_not_null(story, "%s", r.out);
    cr_assert_eq(json_integer_value(json_object_get(story, "id")), 1);
    cr_assert_eq(json_integer_value(json_object_get(story, "articles_count")), 5);
    json_decref(story);
    run_free(&r);
}

Test(compare_db, briefs_one_story_in_every_format)
{
    make_db();
    run_result r = run_precisf("compare --db %s/news.db --story 1", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "Cross-source view: 5 articles"), "%s", r.out);
    cr_assert(strstr(r.out, "000_679d28d13e5d8f6f.txt"), "%s", r.out);
    cr_assert_str_empty(r.err);
    run_free(&r);

    r = run_precisf("compare --db %s/news.db --story 1 --format json", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_error_t jerr;
    json_t *rep = json_loads(r.out, 0, &jerr);
    cr_assert_not_null(rep, "%s", jerr.text);
    cr_assert_eq(json_array_size(json_object_get(rep, "articles")), 5);
    json_decref(rep);
    run_free(&r);

    r = run_precisf("compare --db %s/news.db --story 1 --format html -o %s/story.html", dir, dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    char path[128];
    snprintf(path, sizeof path, "%s/story.html", dir);
    char *page = slurp(path, NULL);
    cr_assert(page && strstr(page, "<html") && strstr(page, "004_7dd1ed88bf418f15.txt"));
    free(page);
    run_free(&r);
}

Test(compare_db, the_story_compares_like_its_files)
{
    make_db();
    /* Facts, discrepancies and quotes do not depend on where the text came
     * from: the lines after the article list are the same. */
    run_result a = run_precisf("compare --db %s/news.db --story 1", dir);
    run_result b = run_precisf("compare ../examples/seeds");
    cr_assert_eq(a.status, 0, "%s", a.err);
    cr_assert_eq(b.status, 0, "%s", b.err);
    const char *fa = strstr(a.out, "\nOverlap"), *fb = strstr(b.out, "\nOverlap");
    cr_assert(fa && fb);
    cr_assert_str_eq(fa, fb);
    run_free(&a);
    run_free(&b);
}

Test(compare_db, errors_are_clear)
{
    make_db();
    run_result r = run_precisf("compare --db %s/news.db --story 42", dir);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "no story 42"), "%s", r.err);
    cr_assert_eq(r.out_len, 0);
    run_free(&r);

    r = run_precisf("compare --db %s/news.db --story two", dir);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--story needs a story number"), "%s", r.err);
    run_free(&r);

    /* out of range, not clamped to the largest number there is */
    r = run_precisf("compare --db %s/news.db --story 99999999999999999999", dir);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--story needs a story number"), "%s", r.err);
    run_free(&r);

    r = run_precisf("compare --db %s/news.db", dir);
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--db and --story go together"), "%s", r.err);
    run_free(&r);

    r = run_precisf("compare --db %s/news.db --story 1 --jsonl", dir);
    cr_assert_eq(r.status, 2);
    run_free(&r);

    r = run_precisf("compare --db %s/news.db --story 1 ../examples/seeds", dir);
    cr_assert_eq(r.status, 2);
    run_free(&r);

    r = run_precisf("compare --db ../examples/seeds/000_679d28d13e5d8f6f.txt --story 1");
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "not a precis database"), "%s", r.err);
    run_free(&r);

    r = run_precisf("compare --db %s/missing.db --story 1", dir);
    cr_assert_neq(r.status, 0);
    cr_assert(strstr(r.err, "missing.db"), "%s", r.err);
    run_free(&r);
}

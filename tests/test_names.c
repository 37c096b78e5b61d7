/*
 * test_names.c: article ids that are file names in any bytes. A name may
 * hold bytes that are not UTF-8 or a newline; JSON output must still be
 * valid UTF-8 JSON (such bytes become \ufffd), the HTML report valid UTF-8
 * (U+FFFD), and each Markdown item one line (U+FFFD for the control
 * character too).
 */
#include <criterion/criterion.h>
#include <jansson.h>

#include "cluster/batch.h"
#include "helpers.h"
#include "text/utf8.h"

#define SEED "../examples/seeds/000_679d28d13e5d8f6f.txt"
#define SEED2 "../examples/seeds/001_ff01b8e64425b3dd.txt"
#define FFFD "\xEF\xBF\xBD"

static char dir[64];

static void make_dir(void)
{
    strcpy(dir, "/tmp/precis-names-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* Copy a seed article into dir under name (any bytes but '/' and NUL). */
static void copy_as(const char *seed, const char *name)
{
    size_t len;
    char *text = slurp(seed, &len), path[256];
    cr_assert_not_null(text);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(text, 1, len, f), len);
    fclose(f);
    free(text);
}

static run_result run_on_dir(const char *command)
{
    char args[256];
    snprintf(args, sizeof args, "%s %s", command, dir);
    return run_precis(args);
}

/* out parses as JSON (jansson refuses strings that are not UTF-8) and
 * names the article "a\xff\xfe.txt" as "a<U+FFFD><U+FFFD>.txt". */
static void assert_json_names_replaced(const run_result *r)
{
    json_error_t je;
    json_t *j = json_loadb(r->out, r->out_len, 0, &je);
    cr_assert_not_null(j, "%s: %.200s", je.text, r->out);
    json_decref(j);
    cr_assert(strstr(r->out, "\"a\\ufffd\\ufffd.txt\""), "%.300s", r->out);
}

/* precis ARGS on a directory of a seed named with bytes that are not
 * UTF-8 and another seed; it must succeed. */
static run_result run_on_odd_names(const char *args)
{
    copy_as(SEED, "a\xff\xfe.txt");
    copy_as(SEED2, "b.txt");
    run_result r = run_on_dir(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    return r;
}

TestSuite(names, .init = make_dir, .fini = remove_dir);

Test(names, summarize_json_is_valid_utf8_json)
{
    run_result r = run_on_odd_names("summarize -f json");
    assert_json_names_replaced(&r);
    run_free(&r);
}

Test(names, compare_json_is_valid_utf8_json)
{
    run_result r = run_on_odd_names("compare -f json");
    assert_json_names_replaced(&r);
    run_free(&r);
}

Test(names, compare_html_is_valid_utf8)
{
    run_result r = run_on_odd_names("compare -f html");
    size_t bad = 0;
    cr_assert_eq(utf8_check(r.out, r.out_len, &bad), 0, "not UTF-8 at byte %zu: %.40s", bad, r.out + bad);
    cr_assert(strstr(r.out, "a" FFFD FFFD ".txt"));
    run_free(&r);
}

Test(names, markdown_items_stay_on_one_line)
{
    copy_as(SEED, "b\nc\xff.txt");
    run_result r = run_on_dir("summarize -f md");
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "`b" FFFD "c" FFFD ".txt`"), "%s", r.out);
    size_t items = 0;
    for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strcmp(line, "## Summary"))
            continue;
        cr_assert(!strncmp(line, "- ", 2), "a line that is not a list item: %s", line);
        cr_assert(strstr(line, ")*"), "an item without its sources: %s", line);
        items++;
    }
    cr_assert_gt(items, 0);
    run_free(&r);
}

/* A backtick in a file name cannot close the code span that holds it:
 * the span's fence is one backtick longer than the name's longest run
 * (CommonMark), with a space inside each end when the name starts or ends
 * with a backtick. */
Test(names, markdown_code_spans_hold_backticks)
{
    copy_as(SEED, "a`b.txt");
    copy_as(SEED2, "``c.txt");
    run_result r = run_on_dir("summarize -f md");
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, " ``a`b.txt`` "), "%s", r.out);
    cr_expect(strstr(r.out, " ``` ``c.txt ``` "), "%s", r.out);
    cr_expect_null(strstr(r.out, " `a`"), "a single-backtick span around a`b.txt: %s", r.out);
    run_free(&r);
}

/* The clusterer's batch records carry ids and titles from any input. */
Test(names, batch_records_replace_bytes_that_are_not_utf8)
{
    buf b = BUF_INIT;
    cr_assert_eq(batch_json_string(&b, "x\xff\"\xC3\xA9\xE2\x80"), 0);
    cr_assert_eq(b.len, strlen("\"x\\ufffd\\\"\xC3\xA9\\ufffd\\ufffd\""));
    cr_assert_eq(memcmp(b.data, "\"x\\ufffd\\\"\xC3\xA9\\ufffd\\ufffd\"", b.len), 0, "%.*s", (int)b.len, b.data);
    buf_free(&b);
}

/* --jsonl answers a line it cannot use with an error line naming the file. */
Test(names, jsonl_error_lines_are_valid_utf8_json)
{
    char path[256], args[300];
    snprintf(path, sizeof path, "%s/j\xff.jsonl", dir);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs("{\"id\":\"x\",\"docs\":[]}\n", f);
    fclose(f);
    snprintf(args, sizeof args, "summarize --jsonl '%s'", path);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 1, "%s", r.err);
    json_error_t je;
    json_t *j = json_loadb(r.out, r.out_len, 0, &je);
    cr_assert_not_null(j, "%s: %s", je.text, r.out);
    cr_assert(strstr(json_string_value(json_object_get(j, "error")), "j" FFFD ".jsonl:1:"), "%s", r.out);
    json_decref(j);
    run_free(&r);
}

/*
 * test_cli_shown.c: what the text formats let reach a terminal. A control
 * character in an article (an ANSI escape), a newline in a file name or a
 * bidirectional override is printed as U+FFFD (src/text/shown.h) by
 * summarize's text and Markdown, compare's text report and stories; JSON
 * keeps escaping them, and the byte budget counts the text as printed.
 */
#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"

#define FFFD "\xEF\xBF\xBD"
#define ESC_ARTICLE "The red \x1b[31mdanger\x1b[0m sign was seen by police on Monday.\n"

static char dir[64];

static void make_dir(void)
{
    strcpy(dir, "/tmp/precis-shown-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(cli_shown, .init = make_dir, .fini = remove_dir);

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

/* No byte below 0x20 but the line ends, no DEL, no C1 control, no bidi
 * override or isolate. */
static void expect_terminal_safe(const char *what, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i], c1 = i + 1 < len ? (unsigned char)s[i + 1] : 0,
                      c2 = i + 2 < len ? (unsigned char)s[i + 2] : 0;
        cr_expect(!((c < 0x20 && c != '\n') || c == 0x7F), "%s: byte 0x%02x at %zu", what, c, i);
        cr_expect(!(c == 0xC2 && c1 >= 0x80 && c1 < 0xA0), "%s: C1 control at %zu", what, i);
        cr_expect(!(c == 0xE2 && ((c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9))),
                  "%s: bidi control at %zu", what, i);
    }
}

Test(cli_shown, an_escape_sequence_in_an_article_is_not_printed)
{
    write_file("e.txt", ESC_ARTICLE);
    run_result r = run_precisf("summarize %s/e.txt", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    expect_terminal_safe("text", r.out, r.out_len);
    cr_expect_str_eq(r.out, "The red " FFFD "[31mdanger" FFFD "[0m sign was seen by police on Monday.\n");
    size_t text_len = r.out_len;
    run_free(&r);
    r = run_precisf("summarize -f md %s/e.txt", dir);
    expect_terminal_safe("md", r.out, r.out_len);
    cr_expect(strstr(r.out, FFFD "\\[31mdanger"), "%s", r.out);
    run_free(&r);
    /* JSON escapes instead, and its "bytes" is the text output's size */
    r = run_precisf("summarize -f json %s/e.txt", dir);
    json_t *j = json_loads(r.out, 0, NULL);
    cr_assert_not_null(j, "%s", r.out);
    const char *t = json_string_value(json_object_get(json_array_get(json_object_get(j, "sentences"), 0), "text"));
    cr_expect(t && strstr(t, "\x1b[31m"), "JSON keeps the article's bytes: %s", r.out);
    cr_expect_eq((size_t)json_integer_value(json_object_get(j, "bytes")), text_len);
    json_decref(j);
    run_free(&r);
    /* a byte budget counts what is printed */
    r = run_precisf("summarize --bytes %zu %s/e.txt", text_len - 1, dir);
    cr_expect_neq(r.status, 0, "a budget one byte short of the printed text takes nothing: %s", r.out);
    run_free(&r);
}

Test(cli_shown, bidi_overrides_and_c1_controls_are_not_printed)
{
    /* U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+009B CSI */
    write_file("b.txt", "Police said the \xE2\x80\xAE" "fire\xE2\x81\xA6" " began in the \xC2\x9B" "kitchen on Monday.\n");
    const char *fmts[] = {"text", "md"};
    for (int i = 0; i < 2; i++) {
        run_result r = run_precisf("summarize -f %s %s/b.txt", fmts[i], dir);
        cr_assert_eq(r.status, 0, "%s", r.err);
        expect_terminal_safe(fmts[i], r.out, r.out_len);
        cr_expect(strstr(r.out, "the " FFFD "fire" FFFD " began in the " FFFD "kitchen"), "%s", r.out);
        run_free(&r);
    }
}

/* A newline in a file name would split a line of the report in two; an
 * escape in an article would reach the terminal. */
Test(cli_shown, compare_text_shows_names_and_text_safely)
{
    write_file("a\nb\x1b[2J.txt", ESC_ARTICLE);
    write_file("c.txt", "The red danger sign was seen by police on Monday, officials said.\n");
    run_result r = run_precisf("compare %s", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    expect_terminal_safe("compare", r.out, r.out_len);
    cr_expect(strstr(r.out, "  [1] a" FFFD "b" FFFD "[2J.txt ("), "%s", r.out);
    cr_expect(strstr(r.out, "  [2] c.txt ("), "%s", r.out);
    run_free(&r);
}

Test(cli_shown, stories_text_shows_titles_safely)
{
    write_file("in.jsonl", "{\"id\":\"x1\",\"title\":\"Fire\\u001b[2J\\u202e downtown\\nagain\","
                           "\"text\":\"" "A fire broke out downtown on Monday, police said. Nobody was hurt.\"}\n");
    run_result r = run_precisf("ingest --db %s/s.db %s/in.jsonl", dir, dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    r = run_precisf("stories --db %s/s.db", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    expect_terminal_safe("stories", r.out, r.out_len);
    cr_expect(strstr(r.out, "Fire" FFFD "[2J" FFFD " downtown" FFFD "again"), "%s", r.out);
    run_free(&r);
    /* JSON keeps the title */
    r = run_precisf("stories -f json --db %s/s.db", dir);
    cr_expect(strcasestr(r.out, "Fire\\u001b[2J"), "%s", r.out);
    run_free(&r);
}

/* Messages on standard error name files and quote options, whose bytes are
 * the user's or a downloaded page's: an escape sequence in a file name or
 * an option's value is shown as U+FFFD there too. */
Test(cli_shown, messages_show_file_names_and_options_safely)
{
    run_result r = run_precisf("summarize '%s/no\x1b[31msuch.txt'", dir);
    cr_expect_eq(r.status, 1);
    expect_terminal_safe("missing file", r.err, strlen(r.err));
    cr_expect(strstr(r.err, "no" FFFD "[31msuch.txt: cannot open"), "%s", r.err);
    run_free(&r);
    r = run_precis("summarize -f 'x\x1b]0;title\x07' nothing.txt");
    cr_expect_eq(r.status, 2);
    expect_terminal_safe("bad format", r.err, strlen(r.err));
    cr_expect(strstr(r.err, "unknown format 'x" FFFD "]0;title" FFFD "'"), "%s", r.err);
    run_free(&r);
    r = run_precisf("eval '%s/no\x1b[2Jdata.jsonl' -m lead", dir);
    cr_expect_neq(r.status, 0);
    expect_terminal_safe("eval", r.err, strlen(r.err));
    run_free(&r);
}

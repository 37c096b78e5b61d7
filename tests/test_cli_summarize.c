/*
 * test_cli_summarize.c: `precis summarize` as a user runs it: inputs from
 * files, directories, stdin and JSON Lines (plain and zstd), and every bad
 * input the program must refuse with a clear message and non-zero exit.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sys/stat.h>

#include "helpers.h"

static char dir[64];

static void make_dir(void)
{
    strcpy(dir, "/tmp/precis-cli-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

static void write_file(const char *name, const void *data, size_t len)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

TestSuite(cli_summarize, .init = make_dir, .fini = remove_dir);

Test(cli_summarize, summarizes_the_bundled_example_directory)
{
    run_result r = run_precisf("summarize ../examples/seeds --words 120");
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert_gt(r.out_len, 200);
    cr_assert_str_empty(r.err);
    run_free(&r);
}

Test(cli_summarize, reads_an_article_from_stdin)
{
    run_result r = run_precisf("summarize --words 40 < ../examples/seeds/002_190641c456ae7d2f.txt");
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "Russian") != NULL);
    run_free(&r);
}

Test(cli_summarize, missing_file_is_named)
{
    run_result r = run_precisf("summarize %s/nope.txt", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "nope.txt") && strstr(r.err, "No such file"), "stderr: %s", r.err);
    cr_assert_eq(r.out_len, 0);
    run_free(&r);
}

Test(cli_summarize, directory_without_text_is_an_error)
{
    run_result r = run_precisf("summarize %s", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "no article files"), "stderr: %s", r.err);
    run_free(&r);
    write_file("blank.txt", "\n\n   \n", 6);
    r = run_precisf("summarize %s", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "blank.txt") && strstr(r.err, "no story text"), "stderr: %s", r.err);
    run_free(&r);
}

/* A directory's README and licence are notes for people, not articles
 * (../shared/seeds has a README.md beside its five reports): left out,
 * with a word on stderr; named as a FILE, such a file is read. */
Test(cli_summarize, a_directorys_readme_is_not_an_article)
{
    write_file("good.txt", "The council met on Tuesday and voted to fund the parks.\n", 56);
    write_file("README.md", "These files are the council's reports, pasted from the city's pages.\n", 69);
    write_file("license", "Free to share for any purpose.\n", 31);
    run_result r = run_precisf("summarize --format json %s", dir);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "\"good.txt\"") && !strstr(r.out, "README") && !strstr(r.out, "license"),
              "stdout: %s", r.out);
    cr_assert(strstr(r.err, "2 files of notes (README, LICENSE, ...) left out"), "stderr: %s", r.err);
    run_free(&r);
    r = run_precisf("summarize --format json %s/README.md %s/good.txt", dir, dir);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "\"README.md\"") && strstr(r.out, "\"good.txt\""), "stdout: %s", r.out);
    cr_assert_str_empty(r.err);
    run_free(&r);
}

/* A cluster read from files has no id: an error about the whole of it
 * names the input. */
Test(cli_summarize, notices_only_input_is_named)
{
    const char notice[] = "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
                          "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
                          "embargo period.\n";
    write_file("notice.txt", notice, sizeof notice - 1);
    run_result r = run_precisf("summarize %s/notice.txt", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "notice.txt: no story text"), "stderr: %s", r.err);
    run_free(&r);
    write_file("notice2.txt", notice, sizeof notice - 1);
    r = run_precisf("summarize %s/notice.txt %s/notice2.txt", dir, dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "notice.txt and 1 more: no story text"), "stderr: %s", r.err);
    run_free(&r);
    r = run_precisf("summarize < %s/notice.txt", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "standard input: no story text"), "stderr: %s", r.err);
    run_free(&r);
}

/* One file is one outlet: named twice, or as a file and again through its
 * directory, it is read once (two copies would count as two sources of
 * every sentence), and stderr says so. */
Test(cli_summarize, a_file_named_twice_is_read_once)
{
    const char story[] = "The council approved the new budget on Monday after a long debate.\n\n"
                         "The mayor said the plan would fund two new libraries next year.\n";
    char sub[128];
    snprintf(sub, sizeof sub, "%s/twice", dir);
    cr_assert_eq(mkdir(sub, 0755), 0);
    write_file("twice/a.txt", story, sizeof story - 1);
    run_result r = run_precisf("summarize %s/twice/a.txt %s/twice/a.txt %s/twice -f json", dir, dir, dir);
    cr_assert_eq(r.status, 0, "exit %d: %s", r.status, r.err);
    cr_assert(strstr(r.err, "a.txt: the same file as") && strstr(r.err, "read once"), "stderr: %s", r.err);
    json_t *root = json_loads(r.out, 0, NULL);
    cr_assert_not_null(root, "%s", r.out);
    cr_expect_eq(json_array_size(json_object_get(root, "articles")), 1);
    json_t *sents = json_object_get(root, "sentences");
    for (size_t i = 0; i < json_array_size(sents); i++)
        cr_expect_eq(json_integer_value(json_object_get(json_array_get(sents, i), "support")), 1);
    json_decref(root);
    run_free(&r);
    /* A file that could not be used was not read: naming it twice says
     * why twice, not that it was read once. */
    static const char latin1[] = "Caf\xe9 owners said so.\n";
    write_file("twice/bad.txt", latin1, sizeof latin1 - 1);
    r = run_precisf("summarize %s/twice/bad.txt %s/twice/bad.txt %s/twice/a.txt", dir, dir, dir);
    cr_assert_eq(r.status, 1, "exit %d: %s", r.status, r.err);
    cr_expect(!strstr(r.err, "read once"), "stderr: %s", r.err);
    cr_expect(strstr(r.err, "invalid UTF-8") && strstr(strstr(r.err, "invalid UTF-8") + 1, "invalid UTF-8"),
              "stderr: %s", r.err);
    run_free(&r);
}

/* Standard input is a file like the others: named twice ("- -"), or
 * named besides the file it is redirected from, it is read once, with
 * the note; the second "-" was read empty and failed as an empty file. */
Test(cli_summarize, standard_input_named_twice_is_read_once)
{
    const char story[] = "The council approved the new budget on Monday after a long debate.\n\n"
                         "The mayor said the plan would fund two new libraries next year.\n";
    write_file("a.txt", story, sizeof story - 1);
    const char *args[] = {"- -", "%s -", "- %s"};
    for (int i = 0; i < 3; i++) {
        char operands[256], path[128];
        snprintf(path, sizeof path, "%s/a.txt", dir);
        snprintf(operands, sizeof operands, args[i], path);
        run_result r = run_precisf("summarize -f json %s < %s", operands, path);
        cr_assert_eq(r.status, 0, "%s: exit %d: %s", operands, r.status, r.err);
        cr_expect(strstr(r.err, "read once"), "%s: stderr: %s", operands, r.err);
        json_t *root = json_loads(r.out, 0, NULL);
        cr_assert_not_null(root, "%s: %s", operands, r.out);
        cr_expect_eq(json_array_size(json_object_get(root, "articles")), 1, "%s: %s", operands, r.out);
        json_decref(root);
        run_free(&r);
    }
}

/* A directory where a JSON Lines file is read (summarize --jsonl, cluster,
 * eval) is said to be one, with what to do; it was "DIR:1: read error: Is
 * a directory", as if its first line had been read. */
Test(cli_summarize, a_directory_as_json_lines_says_so)
{
    const char *commands[] = {"summarize --jsonl", "compare --jsonl", "cluster", "eval", "rouge --jsonl"};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        run_result r = run_precisf("%s %s", commands[i], dir);
        cr_expect_eq(r.status, 1, "%s: exit %d: %s", commands[i], r.status, r.err);
        cr_expect(strstr(r.err, ": a directory, not a JSON Lines file"), "%s: %s", commands[i], r.err);
        cr_expect_null(strstr(r.err, ":1:"), "%s: %s", commands[i], r.err);
        run_free(&r);
    }
}

/* A query is text like the articles: one that is not UTF-8 is a usage
 * error, not something to match against the articles' words. */
Test(cli_summarize, a_query_that_is_not_utf8_is_a_usage_error)
{
    const char story[] = "The council approved the new budget on Monday after a long debate.\n";
    write_file("query.txt", story, sizeof story - 1);
    run_result r = run_precisf("summarize %s/query.txt -q \"$(printf 'budget \\377')\"", dir);
    cr_assert_eq(r.status, 2, "exit %d: %s", r.status, r.err);
    cr_assert(!strncmp(r.err, "precis: the query is not valid UTF-8", 36), "stderr: %s", r.err);
    cr_assert_str_eq(r.out, "");
    run_free(&r);
}

Test(cli_summarize, invalid_utf8_names_file_and_line)
{
    write_file("latin1.txt", "First line is fine.\nSecond line: Chr\xe9tien said so.\n", 51);
    run_result r = run_precisf("summarize %s/latin1.txt", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "latin1.txt:2:") && strstr(r.err, "invalid UTF-8"), "stderr: %s", r.err);
    run_free(&r);
}

Test(cli_summarize, nul_byte_is_binary_data)
{
    write_file("bin.txt", "Some text.\n\0\x01\x02 more", 18);
    run_result r = run_precisf("summarize %s/bin.txt", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "bin.txt:2:") && strstr(r.err, "NUL byte"), "stderr: %s", r.err);
    run_free(&r);
}

/* A stream of zeros has no newline to skip to: `--jsonl /dev/zero` read
 * forever. Binary data ends the input with a message instead. */
Test(cli_summarize, jsonl_of_binary_zeros_ends_with_a_message)
{
    run_result r = run_precisf("summarize --jsonl /dev/zero");
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "/dev/zero:1:") && strstr(r.err, "binary data"), "stderr: %s", r.err);
    cr_assert_eq(r.out_len, 0);
    run_free(&r);
}

Test(cli_summarize, clusters_given_as_an_article_point_to_jsonl)
{
    static const char line[] = "{\"id\":\"c1\",\"docs\":[\"The council met on Tuesday. It voted.\"]}\n";
    write_file("clusters.jsonl", line, sizeof line - 1);
    run_result r = run_precisf("summarize %s/clusters.jsonl", dir);
    cr_assert_eq(r.status, 1, "exit %d; stdout: %s", r.status, r.out);
    cr_assert_eq(r.out_len, 0, "no summary of the JSON text: %s", r.out);
    cr_assert(strstr(r.err, "clusters.jsonl:1:") && strstr(r.err, "use --jsonl"), "stderr: %s", r.err);
    run_free(&r);
    r = run_precisf("summarize --jsonl %s/clusters.jsonl", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);

    char cmd[512];
    snprintf(cmd, sizeof cmd, "zstd -q -f %s/clusters.jsonl -o %s/clusters.jsonl.zst", dir, dir);
    cr_assert_eq(system(cmd), 0);
    r = run_precisf("summarize %s/clusters.jsonl.zst", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "zstd-compressed") && strstr(r.err, "--jsonl"), "stderr: %s", r.err);
    run_free(&r);

    /* An article that merely opens with a brace is still an article. */
    static const char braces[] = "{Editor's note} The council met on Tuesday and voted to fund the parks.\n";
    write_file("brace.txt", braces, sizeof braces - 1);
    r = run_precisf("summarize %s/brace.txt", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
}

Test(cli_summarize, empty_article_is_an_error)
{
    write_file("empty.txt", "", 0);
    run_result r = run_precisf("summarize %s/empty.txt", dir);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "empty.txt") && strstr(r.err, "empty file"), "stderr: %s", r.err);
    cr_assert_eq(r.out_len, 0);
    run_free(&r);
}

/* One bad download among the articles (an empty file, a Latin-1 page, a
 * path that is gone) is said and left out; the brief of the others is
 * still written, and exit 1 says that not everything was used. */
Test(cli_summarize, an_unusable_article_is_left_out_of_the_brief)
{
    write_file("empty.txt", "", 0);
    write_file("latin1.txt", "Chr\xe9tien said so.\n", 19);
    run_result r = run_precisf("summarize ../examples/seeds/002_190641c456ae7d2f.txt %s/empty.txt %s/latin1.txt "
                       "%s/gone.txt --words 40",
                       dir, dir, dir);
    cr_assert_eq(r.status, 1, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "Russian") != NULL, "stdout: %s", r.out);
    cr_assert(strstr(r.err, "empty.txt: empty file"), "stderr: %s", r.err);
    cr_assert(strstr(r.err, "latin1.txt:1: invalid UTF-8"), "stderr: %s", r.err);
    cr_assert(strstr(r.err, "gone.txt") && strstr(r.err, "No such file"), "stderr: %s", r.err);
    cr_assert(strstr(r.err, "precis: 3 files left out, 1 article used\n"), "stderr: %s", r.err);
    run_free(&r);

    /* A directory's files the same: the blank one out, the other in. */
    write_file("good.txt", "The council met on Tuesday and voted to fund the parks.\n", 56);
    write_file("blank.txt", "\n\n   \n", 6);
    r = run_precisf("summarize --format json %s/good.txt %s/blank.txt", dir, dir);
    cr_assert_eq(r.status, 1, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "The council met on Tuesday") != NULL, "stdout: %s", r.out);
    cr_assert(strstr(r.err, "blank.txt") && strstr(r.err, "1 file left out, 1 article used"), "stderr: %s", r.err);
    run_free(&r);

    /* --strict stops at the first, with no brief. */
    r = run_precisf("summarize --strict ../examples/seeds/002_190641c456ae7d2f.txt %s/empty.txt --words 40", dir);
    cr_assert_eq(r.status, 1);
    cr_assert_eq(r.out_len, 0, "stdout: %s", r.out);
    cr_assert(strstr(r.err, "empty.txt: empty file") && !strstr(r.err, "left out"), "stderr: %s", r.err);
    run_free(&r);

    /* Nothing usable at all: every input named, then one line for all. */
    r = run_precisf("summarize %s/empty.txt %s/latin1.txt", dir, dir);
    cr_assert_eq(r.status, 1);
    cr_assert_eq(r.out_len, 0, "stdout: %s", r.out);
    cr_assert(strstr(r.err, "empty.txt") && strstr(r.err, "latin1.txt") &&
                  strstr(r.err, "none of the 2 files could be used"),
              "stderr: %s", r.err);
    run_free(&r);
}

Test(cli_summarize, fifty_megabyte_article_is_refused_quickly)
{
    char path[256];
    snprintf(path, sizeof path, "%s/huge.txt", dir);
    FILE *f = fopen(path, "wb");
    static char block[1 << 20];
    memset(block, 'a', sizeof block);
    for (size_t i = 0; i < sizeof block; i += 100)
        block[i] = ' ';
    for (int i = 0; i < 50; i++)
        fwrite(block, 1, sizeof block, f);
    fclose(f);
    run_result r = run_precisf("summarize %s", path);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "huge.txt") && strstr(r.err, "limit"), "stderr: %s", r.err);
    run_free(&r);
    r = run_precisf("summarize < %s", path);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "limit"), "stderr: %s", r.err);
    run_free(&r);
}

/* 1,300 good clusters with a broken one on line 1,234. */
static void write_jsonl_with_bad_line(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/in.jsonl", dir);
    FILE *f = fopen(path, "w");
    for (int i = 1; i <= 1300; i++) {
        if (i == 1234)
            fprintf(f, "{\"id\": \"c%d\", \"docs\": [\"unterminated]\n", i);
        else
            fprintf(f,
                    "{\"id\": \"c%d\", \"docs\": [\"The council approved the budget of %d dollars on Monday. "
                    "Members argued for hours.\", \"On Monday the council approved a budget. The vote was "
                    "close.\"]}\n",
                    i, i * 1000);
    }
    fclose(f);
}

Test(cli_summarize, jsonl_reports_a_bad_line_and_loses_no_other)
{
    write_jsonl_with_bad_line();
    run_result r = run_precisf("summarize --jsonl %s/in.jsonl --words 20", dir);
    cr_assert_eq(r.status, 1, "a skipped line makes the exit status 1");
    cr_assert(strstr(r.err, "in.jsonl:1234:") && strstr(r.err, "malformed JSON"), "stderr: %s", r.err);
    int lines = 0, errors = 0;
    for (char *p = r.out; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    cr_assert_eq(lines, 1300, "one output line per input line");
    char *line = r.out;
    for (int i = 1; i <= 1300; i++) {
        char *nl = strchr(line, '\n');
        json_t *j = json_loadb(line, (size_t)(nl - line), 0, NULL);
        cr_assert_not_null(j, "output line %d is not JSON", i);
        if (json_object_get(j, "error")) {
            errors++;
            cr_assert_eq(json_integer_value(json_object_get(j, "line")), 1234);
        } else {
            char id[16];
            snprintf(id, sizeof id, "c%d", i);
            cr_assert_str_eq(json_string_value(json_object_get(j, "id")), id);
        }
        json_decref(j);
        line = nl + 1;
    }
    cr_assert_eq(errors, 1);
    run_free(&r);
}

/* A blank line, empty or only white space (spaces, tabs, a CR), is skipped
 * by every JSON Lines reader: it gets no output line of its own, where a
 * line of spaces got {"line":N,"error":"... premature EOF"}. The lines
 * after it keep their own numbers. */
#define BLANKS "\n   \t\n\r\n \t\r\n\f\n"
Test(cli_summarize, jsonl_skips_blank_lines_of_white_space)
{
    static const char clusters[] =
        "{\"id\":\"a\",\"docs\":[\"The council voted to approve the budget on Tuesday night after a long debate.\"],"
        "\"refs\":[\"The council approved the budget.\"]}\n" BLANKS
        "{\"id\":\"b\",\"docs\":[\"The mayor resigned on Friday after an audit found missing funds.\"],"
        "\"refs\":[\"The mayor quit.\"]}\r\n" BLANKS "not json\n";
    write_file("in.jsonl", clusters, sizeof clusters - 1);
    const char *commands[] = {"summarize", "compare"};
    for (int i = 0; i < 2; i++) {
        run_result r = run_precisf("%s --jsonl %s/in.jsonl", commands[i], dir);
        cr_assert_eq(r.status, 1, "%s: %s", commands[i], r.err);
        const char *second = strchr(r.out, '\n'), *third = second ? strchr(second + 1, '\n') : NULL;
        cr_assert(third && !strncmp(third + 1, "{\"line\":13,", 11) && third[strlen(third) - 1] == '\n' &&
                      !strchr(third + 1, '\n')[1],
                  "%s: not 3 lines, the last for line 13:\n%s", commands[i], r.out);
        cr_assert(!strstr(r.out, "premature EOF"), "%s: %s", commands[i], r.out);
        cr_assert(strstr(r.err, "in.jsonl:13:") && !strchr(r.err, '\n')[1], "%s: %s", commands[i], r.err);
        run_free(&r);
        r = run_precisf("%s --help", commands[i]);
        cr_assert(strstr(r.out, "blank\nlines") || strstr(r.out, "blank lines"), "%s --help: %s", commands[i], r.out);
        run_free(&r);
    }
    /* and the other readers of JSON Lines: eval's clusters, rouge's pairs,
     * ingest's and cluster's articles */
    write_file("ok.jsonl", clusters, sizeof clusters - 1 - strlen("not json\n"));
    static const char pairs[] = BLANKS "{\"id\":\"a\",\"summary\":\"the cat sat\",\"refs\":[\"the cat sat down\"]}\n" BLANKS;
    write_file("pairs.jsonl", pairs, sizeof pairs - 1);
    static const char articles[] =
        BLANKS "{\"id\":\"a\",\"text\":\"The council voted to approve the budget on Tuesday night.\"}\n" BLANKS;
    write_file("articles.jsonl", articles, sizeof articles - 1);
    const char *others[] = {"eval -m lead %s/ok.jsonl", "rouge --jsonl %s/pairs.jsonl",
                            "ingest -q --db %s/news.db --date 2024-01-01 %s/articles.jsonl",
                            "cluster -q %s/articles.jsonl"};
    for (int i = 0; i < 4; i++) {
        run_result r = i == 2 ? run_precisf(others[i], dir, dir) : run_precisf(others[i], dir);
        cr_assert_eq(r.status, 0, "%s: exit %d: %s", others[i], r.status, r.err);
        run_free(&r);
    }
}

/* A JSON Lines file that opens with a UTF-8 byte order mark (as Notepad
 * and PowerShell write one) is read like one without: every reader had
 * refused its first line as "malformed JSON at byte 1", a character the
 * user cannot see. RFC 8259 lets a parser ignore it. So are files joined
 * with cat, each with its mark. */
#define BOM "\xef\xbb\xbf"
Test(cli_summarize, jsonl_with_a_byte_order_mark_is_read)
{
    static const char clusters[] =
        BOM "{\"id\":\"a\",\"docs\":[\"The council voted to approve the budget on Tuesday night after a long "
            "debate.\"],\"refs\":[\"The council approved the budget.\"]}\n" BOM
            "{\"id\":\"b\",\"docs\":[\"The mayor resigned on Friday after an audit found missing funds.\"],"
            "\"refs\":[\"The mayor quit.\"]}\n";
    write_file("bom.jsonl", clusters, sizeof clusters - 1);
    static const char pairs[] = BOM "{\"id\":\"a\",\"summary\":\"the cat sat\",\"refs\":[\"the cat sat down\"]}\n";
    write_file("bompairs.jsonl", pairs, sizeof pairs - 1);
    static const char articles[] =
        BOM "{\"id\":\"a\",\"text\":\"The council voted to approve the budget on Tuesday night.\"}\n";
    write_file("bomarticles.jsonl", articles, sizeof articles - 1);
    const char *commands[] = {"summarize --jsonl %s/bom.jsonl", "compare --jsonl %s/bom.jsonl",
                              "eval -m lead %s/bom.jsonl", "rouge --jsonl %s/bompairs.jsonl",
                              "ingest -q --db %s/bom.db --date 2024-01-01 %s/bomarticles.jsonl",
                              "cluster -q %s/bomarticles.jsonl"};
    for (int i = 0; i < 6; i++) {
        run_result r = i == 4 ? run_precisf(commands[i], dir, dir) : run_precisf(commands[i], dir);
        cr_expect_eq(r.status, 0, "%s: exit %d: %s", commands[i], r.status, r.err);
        cr_expect(!strstr(r.out, "error") && !strstr(r.err, "malformed"), "%s: %s%s", commands[i], r.out, r.err);
        run_free(&r);
    }
}

Test(cli_summarize, jsonl_strict_stops_at_the_bad_line)
{
    write_jsonl_with_bad_line();
    run_result r = run_precisf("summarize --jsonl --strict %s/in.jsonl --words 20", dir);
    cr_assert_eq(r.status, 1);
    int lines = 0;
    for (char *p = r.out; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    cr_assert_eq(lines, 1234, "1,233 summaries, then the error line");
    run_free(&r);
}

Test(cli_summarize, jsonl_zstd_and_multinews_separators)
{
    const char *line = "{\"id\": \"mn\", \"docs\": \"The storm hit the coast on Friday. Thousands lost power. "
                       "||||| Officials said the storm hit the coast late Friday. Power was out for thousands.\"}\n";
    write_file("mn.jsonl", line, strlen(line));
    char cmd[512];
    snprintf(cmd, sizeof cmd, "zstd -q -f %s/mn.jsonl -o %s/mn.jsonl.zst", dir, dir);
    cr_assert_eq(system(cmd), 0);
    run_result r = run_precisf("summarize --jsonl %s/mn.jsonl.zst --words 30", dir);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    json_t *j = json_loads(r.out, JSON_DISABLE_EOF_CHECK, NULL);
    cr_assert_not_null(j);
    cr_assert_str_eq(json_string_value(json_object_get(j, "id")), "mn");
    cr_assert_eq(json_array_size(json_object_get(j, "articles")), 2);
    json_decref(j);
    run_free(&r);
}

Test(cli_summarize, usage_errors_exit_2)
{
    run_result r = run_precisf("summarize --words ten ../examples/seeds");
    cr_assert_eq(r.status, 2);
    run_free(&r);
    r = run_precisf("summarize --method nonesuch ../examples/seeds");
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "nonesuch"));
    run_free(&r);
    r = run_precisf("summarize --format yaml ../examples/seeds");
    cr_assert_eq(r.status, 2);
    run_free(&r);
    /* --jsonl writes JSON; a request for Markdown must not get it quietly */
    r = run_precisf("summarize --jsonl --format md ../examples/seeds/000_679d28d13e5d8f6f.txt");
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--format md"), "%s", r.err);
    cr_assert_eq(r.out_len, 0);
    run_free(&r);
}

/* A number too large for a size is said to be too large, with the limit,
 * not "not a number" (parse_size, shared by every numeric option). */
Test(cli_summarize, a_number_too_large_is_said_to_be_too_large)
{
    const char *cases[][2] = {{"summarize --words", "--words"}, {"summarize --bytes", "--bytes"},
                              {"eval --limit", "--limit"},       {"stories --db x --limit", "--limit"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run_result r = run_precisf("%s 99999999999999999999999 ../examples/seeds </dev/null", cases[i][0]);
        cr_expect_eq(r.status, 2, "%s: exit %d", cases[i][0], r.status);
        cr_expect(strstr(r.err, cases[i][1]) && strstr(r.err, "too large (at most ") &&
                      !strstr(r.err, "not a number"),
                  "%s: %s", cases[i][0], r.err);
        run_free(&r);
    }
    run_result r = run_precisf("summarize --words 12x ../examples/seeds");
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "'12x' is not a number"), "%s", r.err);
    run_free(&r);
}

/* An option getopt_long refuses (unknown, given an argument it does not
 * take, or missing its argument) is said like every other message,
 * "precis: ...", not by the subcommand's name alone; still exit 2 with
 * the command's usage after it. */
Test(cli_summarize, bad_options_are_said_by_precis)
{
    /* each command and one of its options that needs an argument */
    const char *commands[][2] = {{"summarize", "--words"}, {"compare", "--format"}, {"eval", "--words"},
                                 {"ingest", "--db"},       {"stories", "--db"},     {"cluster", "--window"}};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        const char *bad[][2] = {{"--bogus", "--bogus"}, {"-Z", "Z"}, {"--help=yes", "--help"},
                                {commands[i][1], commands[i][1]}};
        for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
            run_result r = run_precisf("%s %s </dev/null", commands[i][0], bad[k][0]);
            char usage[64];
            snprintf(usage, sizeof usage, "\nusage: precis %s ", commands[i][0]);
            cr_expect_eq(r.status, 2, "%s %s: exit %d", commands[i][0], bad[k][0], r.status);
            cr_expect(!strncmp(r.err, "precis: ", 8) && strstr(r.err, bad[k][1]) && strstr(r.err, usage),
                      "%s %s: %s", commands[i][0], bad[k][0], r.err);
            run_free(&r);
        }
    }
}

/* The README shows real output of the bundled example; keep it so. */
Test(cli_summarize, readme_example_output_is_current)
{
    size_t len;
    char *readme = slurp("../README.md", &len);
    cr_assert_not_null(readme);
    const char *marker = "    $ precis summarize examples/seeds --words 120\n";
    char *p = strstr(readme, marker);
    cr_assert_not_null(p, "README lost its example");
    p += strlen(marker);
    /* The indented lines up to the blank line, without their 4 spaces. */
    char shown[8192] = "";
    size_t n = 0;
    while (*p == ' ' && strncmp(p, "    ", 4) == 0 && n < sizeof shown - 1) {
        char *nl = strchr(p, '\n');
        size_t l = (size_t)(nl - p) - 4;
        cr_assert_lt(n + l + 1, sizeof shown);
        memcpy(shown + n, p + 4, l);
        n += l;
        shown[n++] = '\n';
        p = nl + 1;
    }
    shown[n] = '\0';
    run_result r = run_precisf("summarize ../examples/seeds --words 120");
    cr_assert_eq(r.status, 0);
    cr_assert_str_eq(r.out, shown, "README example is stale; paste the new output");
    run_free(&r);
    free(readme);
}

/* A saved web page is summarized from its story text, not its markup. */
Test(cli_summarize, html_page_is_reduced_to_its_story)
{
    run_result r = run_precisf("summarize data/html/news1.html --words 500");
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "Rescuers in eastern Spain searched on Thursday") != NULL, "%s", r.out);
    cr_assert_null(strstr(r.out, "<"), "markup in the summary: %s", r.out);
    cr_assert_null(strstr(r.out, "World\n"), "navigation in the summary: %s", r.out);
    run_free(&r);
}

/* A budget smaller than every sentence: an empty brief with exit 0 would
 * look like the summary of nothing. */
/* A budget of 0 is no limit of that kind, as --help and the man page
 * say: --words 0 lets the method end the brief (longer than the default
 * 120 words here); --bytes 0 and --sentences 0 leave the default budget. */
Test(cli_summarize, a_budget_of_zero_is_no_limit)
{
    run_result def = run_precisf("summarize ../examples/seeds");
    cr_assert_eq(def.status, 0, "%s", def.err);
    const char *zeros[] = {"--bytes 0", "--sentences 0"};
    for (int i = 0; i < 2; i++) {
        run_result r = run_precisf("summarize ../examples/seeds %s", zeros[i]);
        cr_assert_eq(r.status, 0, "%s: %s", zeros[i], r.err);
        cr_assert_str_eq(r.out, def.out, "%s", zeros[i]);
        run_free(&r);
    }
    run_result r = run_precisf("summarize ../examples/seeds --words 0 -f json");
    cr_assert_eq(r.status, 0, "%s", r.err);
    json_t *j = json_loads(r.out, 0, NULL);
    cr_assert_gt(json_integer_value(json_object_get(j, "words")), 120, "%s", r.out);
    json_decref(j);
    run_free(&r);
    run_free(&def);
    r = run_precisf("summarize --help");
    const char *opts[] = {"--words N", "--bytes N", "--sentences N"};
    for (int i = 0; i < 3; i++) {
        const char *line = strstr(r.out, opts[i]), *eol = line ? strchr(line, '\n') : NULL;
        const char *zero = line ? strstr(line, "0 = no limit") : NULL;
        cr_assert(zero && zero < eol, "--help does not say what %s 0 means:\n%s", opts[i], r.out);
    }
    run_free(&r);
}

/* JSON's "method" is the method asked for, as README's table says: the
 * default's choice among stepwise, learned and coverage is not shown. */
Test(cli_summarize, json_method_is_the_one_asked_for)
{
    const char *methods[] = {"default", "lead", "coverage"};
    for (int i = 0; i < 3; i++) {
        run_result r = run_precisf("summarize ../examples/seeds -f json -m %s", methods[i]);
        cr_assert_eq(r.status, 0, "%s", r.err);
        json_t *j = json_loads(r.out, 0, NULL);
        cr_assert_str_eq(json_string_value(json_object_get(j, "method")), methods[i], "%s", r.out);
        json_decref(j);
        run_free(&r);
    }
}

Test(cli_summarize, a_budget_no_sentence_fits_is_an_error)
{
    char text[2048] = "The council voted on the budget";
    for (int i = 0; i < 40; i++)
        strcat(text, " and the bridge");
    strcat(text, ".\n");
    write_file("long.txt", text, strlen(text));
    run_result r = run_precisf("summarize %s/long.txt", dir);
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert(strstr(r.err, "no sentence fits in 120 words"), "%s", r.err);
    cr_assert_eq(r.out_len, 0);
    run_free(&r);
    r = run_precisf("summarize --words 200 %s/long.txt", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(strstr(r.out, "The council voted"));
    run_free(&r);
}

/* A budget too small for any sentence of the seeds is that error too,
 * for every method: not a sub-head ("Iran backs airstrikes"), a headline
 * or a question printed in the sentences' place, which the fallback for
 * clusters of nothing but short lines used to give. */
Test(cli_summarize, a_tiny_budget_prints_no_heading)
{
    const char *methods[] = {"default", "coverage", "lead", "stepwise", "sumbasic", "submodular"};
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) {
        run_result r = run_precisf("summarize ../examples/seeds --words 5 -m %s", methods[i]);
        cr_expect_eq(r.status, 1, "%s: exit %d: %s", methods[i], r.status, r.err);
        cr_expect(strstr(r.err, "no sentence fits in 5 words"), "%s: %s", methods[i], r.err);
        cr_expect_eq(r.out_len, 0, "%s printed: %s", methods[i], r.out);
        run_free(&r);
    }
    /* a cluster of nothing but short lines still gets its summary */
    static const char lines[] = "Storm warning\n\nRoads closed\n";
    write_file("short.txt", lines, sizeof lines - 1);
    run_result r = run_precisf("summarize %s/short.txt", dir);
    cr_expect_eq(r.status, 0, "exit %d: %s", r.status, r.err);
    cr_expect(r.out_len > 0, "%s", r.err);
    run_free(&r);
}

/* Each Markdown item is "- " and the sentence: a sentence that itself
 * opens like a list item ("1. ", "+ ") would render as a list nested in
 * the item, and one that opens with "~~~" as a code fence that hides the
 * sentence; tildes elsewhere would strike text through (GFM). */
Test(cli_summarize, markdown_items_do_not_open_lists_or_fences)
{
    static const char text[] = "1. The mayor of the city said on Monday that taxes will rise next year.\n\n"
                               "+ Police officers arrested three men near the station after the game.\n\n"
                               "~~~ Critics called the plan a waste of public money and time.\n\n"
                               "The tickets cost ~$5 and ~$10 at the door of the hall on Friday.\n";
    write_file("marks.txt", text, strlen(text));
    run_result r = run_precisf("summarize -m lead -w 200 -f md %s/marks.txt", dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "\n- 1\\. The mayor"), "%s", r.out);
    cr_expect(strstr(r.out, "\n- \\+ Police"), "%s", r.out);
    cr_expect(strstr(r.out, "\n- \\~\\~\\~ Critics"), "%s", r.out);
    cr_expect(strstr(r.out, "cost \\~$5 and \\~$10"), "%s", r.out);
    run_free(&r);
}

/* A size with white space before its minus sign (" -5", as a script's
 * quoting may pass it) is refused like "-5": strtoull skips the space and
 * turns -5 into a size near 2^64, which summarize took as no limit. */
Test(cli_summarize, a_negative_size_after_a_space_is_refused)
{
    const char *cases[] = {"' -5'", "'	-5'"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run_result r = run_precisf("summarize --words %s ../examples/seeds", cases[i]);
        cr_expect_eq(r.status, 2, "--words %s: exit %d", cases[i], r.status);
        cr_expect(strstr(r.err, "--words needs a non-negative number"), "--words %s: %s", cases[i], r.err);
        cr_expect_eq(r.out[0], 0, "--words %s: no brief", cases[i]);
        run_free(&r);
    }
}

/* The first sentence of a JSON brief that precis printed with status 0;
 * *doc is the parsed brief, for the caller to free. */
static json_t *brief_first_sentence(const run_result *r, json_t **doc)
{
    cr_assert_eq(r->status, 0, "stderr: %s", r->err);
    json_error_t jerr;
    *doc = json_loads(r->out, 0, &jerr);
    cr_assert_not_null(*doc, "%s: %s", jerr.text, r->out);
    return json_array_get(json_object_get(*doc, "sentences"), 0);
}

/* A copy that gives another count is no source, and the brief says where
 * it is: JSON lists it under "other_numbers", Markdown after "other
 * numbers:". Briefs without one keep their bytes (no empty list). */
Test(cli_summarize, a_copy_with_another_count_is_listed_apart)
{
    static const char a[] = "Officials said 12 people died when the roof of the market collapsed on Tuesday morning.\n";
    static const char b[] = "Officials said 14 people died when the roof of the market collapsed on Tuesday morning.\n";
    write_file("a.txt", a, sizeof a - 1);
    write_file("b.txt", b, sizeof b - 1);
    run_result r = run_precisf("summarize -m lead -w 15 -f json %s/a.txt %s/b.txt", dir, dir);
    json_t *doc;
    json_t *first = brief_first_sentence(&r, &doc);
    cr_assert_eq(json_integer_value(json_object_get(first, "support")), 1, "%s", r.out);
    cr_assert_eq(json_array_size(json_object_get(first, "sources")), 1, "%s", r.out);
    json_t *others = json_object_get(first, "other_numbers");
    cr_assert_eq(json_array_size(others), 1, "%s", r.out);
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(others, 0), "id")), "b.txt", "%s", r.out);
    json_decref(doc);
    run_free(&r);
    r = run_precisf("summarize -m lead -w 15 -f md %s/a.txt %s/b.txt", dir, dir);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "morning. *(1 source: `a.txt` 0-87; other numbers: `b.txt` 0-87)*"), "%s", r.out);
    run_free(&r);
    r = run_precisf("summarize -m lead -w 15 -f json %s/a.txt", dir);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert_null(strstr(r.out, "other_numbers"), "%s", r.out);
    run_free(&r);
}

/* A copy cut off by the end of its page carries only part of the printed
 * sentence: JSON marks it "partial", Markdown lists it after "partly:",
 * and neither counts it among the sources. */
Test(cli_summarize, a_copy_cut_short_is_shown_as_partial)
{
    static const char a[] = "Firefighters said the blaze destroyed the old flour mill on Friday night and forced "
                            "forty families from their homes beside the river.\n\n"
                            "The mill had stood empty since the company moved its work to the coast.\n";
    static const char b[] = "Investigators have not yet said what started the fire at the mill.\n\n"
                            "Firefighters said the blaze destroyed the old flour mill on Friday night and\n";
    write_file("a.txt", a, sizeof a - 1);
    write_file("b.txt", b, sizeof b - 1);
    run_result r = run_precisf("summarize -m lead -w 200 -f json %s/a.txt %s/b.txt", dir, dir);
    json_t *doc;
    json_t *first = brief_first_sentence(&r, &doc);
    cr_assert_eq(json_integer_value(json_object_get(first, "support")), 1, "%s", r.out);
    json_t *sources = json_object_get(first, "sources");
    cr_assert_eq(json_array_size(sources), 2, "%s", r.out);
    cr_assert_null(json_object_get(json_array_get(sources, 0), "partial"), "%s", r.out);
    cr_assert(json_is_true(json_object_get(json_array_get(sources, 1), "partial")), "%s", r.out);
    json_decref(doc);
    run_free(&r);
    r = run_precisf("summarize -m lead -w 200 -f md %s/a.txt %s/b.txt", dir, dir);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "river. *(1 source: `a.txt` 0-133; partly: `b.txt` 68-144)*"), "%s", r.out);
    run_free(&r);
}

/* A JSON Lines cluster's article with no story text (DUC 2006's D0637A
 * holds one that is only the Times's typesetting codes around its
 * syndicate's note) is left out without a message, as Multi-News's empty
 * documents are, but the brief names it, so no input goes missing unsaid;
 * in file mode the brief names the files that were left out too. */
Test(cli_summarize, articles_without_story_text_are_named_in_json)
{
    const char *line = "{\"id\": \"d\", \"docs\": [\"The council met on Tuesday and voted to fund the parks. "
                       "The mayor signed the bill on Wednesday.\", \"&UR; (Distributed by New York Times Special "
                       "Features) &QL;\", \"\", \"Officials said the council voted to fund the parks on Tuesday.\"]}\n"
                       "{\"id\": \"e\", \"docs\": [\"The council met on Tuesday and voted to fund the parks.\"]}\n";
    write_file("left.jsonl", line, strlen(line));
    run_result r = run_precisf("summarize --jsonl %s/left.jsonl --words 30", dir);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect_str_eq(r.err, "", "stderr: %s", r.err);
    json_error_t e;
    json_t *j = json_loads(r.out, JSON_DISABLE_EOF_CHECK, &e);
    cr_assert_not_null(j, "%s", e.text);
    json_t *articles = json_object_get(j, "articles"), *left = json_object_get(j, "left_out");
    cr_assert_eq(json_array_size(articles), 2);
    cr_expect_str_eq(json_string_value(json_array_get(articles, 1)), "3");
    cr_assert_eq(json_array_size(left), 2, "%s", r.out);
    cr_expect_str_eq(json_string_value(json_array_get(left, 0)), "1");
    cr_expect_str_eq(json_string_value(json_array_get(left, 1)), "2");
    json_decref(j);
    const char *second = strchr(r.out, '\n') + 1; /* nothing left out: no key, as before */
    cr_expect(strstr(second, "\"id\":\"e\"") && !strstr(second, "left_out"), "%s", second);
    run_free(&r);

    write_file("good.txt", "The council met on Tuesday and voted to fund the parks.\n", 56);
    write_file("codes.txt", "&UR; (Distributed by New York Times Special Features) &QL;\n", 59);
    write_file("empty.txt", "", 0);
    const char *page = "<!doctype html><html><head></head><body><nav>Home | News</nav></body></html>\n";
    write_file("page.html", page, strlen(page));
    r = run_precisf("summarize --format json %s/good.txt %s/codes.txt %s/empty.txt %s/page.html", dir, dir, dir,
                    dir);
    cr_assert_eq(r.status, 1, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\"articles\":[\"good.txt\"],\"left_out\":[\"codes.txt\",\"empty.txt\",\"page.html\"]"),
              "%s", r.out);
    cr_expect(strstr(r.err, "3 files left out, 1 article used"), "stderr: %s", r.err);
    run_free(&r);
}

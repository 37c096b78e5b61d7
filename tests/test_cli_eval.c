/*
 * test_cli_eval.c: `precis eval` on real clusters: one row per method, the
 * oracle above every method, scores that agree with `precis rouge` on the
 * same summary, a per-cluster CSV, peers matched to their topics, and bad
 * lines reported without losing the rest.
 */
#include <criterion/criterion.h>
#include <limits.h>

#include "helpers.h"

#define SHARED_DATA "../../shared/data"

static double column(const char *table, const char *row, int col)
{
    const char *p = table;
    size_t n = strlen(row);
    while ((p = strstr(p, row)) != NULL) {
        if ((p == table || p[-1] == '\n') && p[n] == ' ')
            break;
        p += n;
    }
    cr_assert_not_null(p, "no row '%s' in:\n%s", row, table);
    double v = -1;
    char line[512];
    sscanf(p, "%511[^\n]", line);
    char *tok = strtok(line, " ");
    for (int i = 0; tok && i < col; i++)
        tok = strtok(NULL, " ");
    cr_assert_not_null(tok);
    sscanf(tok, "%lf", &v);
    return v;
}

/* One cluster of one article and its reference, as a JSON Lines line. */
#define BRIDGE_CLUSTER                                                                                      \
    "{\"id\":\"a\",\"docs\":[\"The bridge closed on Monday after cracks were found. Repairs will take a year, " \
    "officials said.\"],\"refs\":[\"The bridge closed Monday; repairs take a year.\"]}\n"

/* The files a test writes go in a directory of its own. */
TEST_DIR_FIXTURE

/* NAME in the test's directory, written into BUF (a char array) */
#define TMP_FILE(buf, name) tmp_file(buf, sizeof buf, name)
static const char *tmp_file(char *dst, size_t cap, const char *name)
{
    const char *path = test_dir_file(&tmp, name, dst, cap);
    cr_assert_not_null(path, "%s/%s is too long", tmp.path, name);
    return path;
}

Test(cli_eval, methods_and_oracle_on_multinews, .init = make_tmp, .fini = remove_tmp)
{
    char csv_buf[128];
    const char *csv_path = TMP_FILE(csv_buf, "precis-eval-test.csv");
    run_result r = run_precisf("eval " SHARED_DATA "/multinews/val.jsonl.zst --words 300 --limit 40 "
                               "--method oracle,lead,default --csv %s",
                               csv_path);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    /* columns: name clusters speed R1-R R1-P R1-F R2-R ... */
    double oracle = column(r.out, "oracle", 5), lead = column(r.out, "lead", 5), def = column(r.out, "default", 5);
    cr_assert_eq(column(r.out, "default", 1), 40);
    cr_assert_gt(oracle, def, "the oracle bounds every method");
    cr_assert_gt(oracle, lead);
    cr_assert_gt(def, 30);
    cr_assert_lt(def, 70);
    size_t len;
    char *csv = slurp(csv_path, &len);
    cr_assert_not_null(csv);
    int lines = 0;
    for (char *p = csv; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    cr_assert_eq(lines, 1 + 3 * 40, "header + one line per method and cluster");
    cr_assert(strncmp(csv, "method,instance,ROUGE-1_R", 25) == 0, "%.60s", csv);
    free(csv);
    run_free(&r);
}

Test(cli_eval, duc_peers_are_scored_beside_the_methods)
{
    run_result r = run_precis("eval " SHARED_DATA "/duc2006/test.jsonl.zst --words 250 --jackknife --limit 3 "
                              "--method lead --peers " SHARED_DATA "/duc2006/peers.jsonl.zst");
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert(strstr(r.out, "\npeer 24 ") != NULL);
    cr_assert(strstr(r.out, "\npeer A ") != NULL);
    /* Three topics: a system wrote one summary for each. */
    cr_assert_eq(column(r.out, "peer", 2), 3);
    run_free(&r);
}

Test(cli_eval, bad_lines_are_reported_and_skipped, .init = make_tmp, .fini = remove_tmp)
{
    char path_buf[128];
    const char *path = TMP_FILE(path_buf, "precis-eval-bad.jsonl");
    FILE *f = fopen(path, "w");
    fputs(BRIDGE_CLUSTER, f);
    fputs("{\"id\":\"b\",\"docs\":[\"broken\"\n", f);
    fputs("{\"id\":\"c\",\"docs\":[\"The mayor resigned on Friday. An audit had found missing funds in the "
          "city budget.\"],\"refs\":[\"The mayor quit after an audit found missing funds.\"]}\n", f);
    fclose(f);
    run_result r = run_precisf("eval %s --words 50 --method lead", path);
    cr_assert_eq(r.status, 1);
    cr_assert(strstr(r.err, "precis-eval-bad.jsonl:2:"), "stderr: %s", r.err);
    cr_assert_eq(column(r.out, "lead", 1), 2);
    cr_assert(strstr(r.out, "1 of 3 clusters skipped"));
    run_free(&r);
}

/* --limit 0 is no limit: every cluster is read, as --help says. */
Test(cli_eval, limit_zero_reads_every_cluster, .init = make_tmp, .fini = remove_tmp)
{
    char path_buf[128];
    const char *path = TMP_FILE(path_buf, "precis-eval-limit.jsonl");
    FILE *f = fopen(path, "w");
    fputs(BRIDGE_CLUSTER
          "{\"id\":\"c\",\"docs\":[\"The mayor resigned on Friday. An audit had found missing funds in the "
          "city budget.\"],\"refs\":[\"The mayor quit after an audit found missing funds.\"]}\n", f);
    fclose(f);
    const char *limits[] = {"--limit 1", "--limit 0"};
    for (int i = 0; i < 2; i++) {
        char args[256];
        snprintf(args, sizeof args, "eval %s --words 50 --method lead %s", path, limits[i]);
        run_result r = run_precis(args);
        cr_assert_eq(r.status, 0, "%s: %s", limits[i], r.err);
        cr_assert_eq(column(r.out, "lead", 1), i == 0 ? 1 : 2, "%s:\n%s", limits[i], r.out);
        run_free(&r);
    }
    run_result r = run_precis("eval --help");
    cr_assert(strstr(r.out, "only the first N clusters (0 = all)"), "%s", r.out);
    run_free(&r);
}

/* A cluster of page notices only has no story text: every method scores
 * an empty summary for it, and it stays in the average (exit 0). */
Test(cli_eval, a_cluster_of_notices_scores_an_empty_summary, .init = make_tmp, .fini = remove_tmp)
{
    char path_buf[128];
    const char *path = TMP_FILE(path_buf, "precis-eval-notices.jsonl");
    FILE *f = fopen(path, "w");
    fputs("{\"id\":\"n\",\"docs\":[\"Starting in 1996, Alexa Internet has been donating their crawl data "
          "to the Internet Archive. Flowing in every day, these data are added to the Wayback Machine after "
          "an embargo period.\"],\"refs\":[\"Alexa Internet has been donating crawl data to the Internet "
          "Archive since 1996.\"]}\n",
          f);
    fclose(f);
    run_result r = run_precisf("eval %s --words 50 --method lead,default", path);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_assert_eq(column(r.out, "default", 1), 1);
    cr_assert_eq(column(r.out, "default", 5), 0, "%s", r.out);
    cr_assert_eq(column(r.out, "lead", 5), 0, "%s", r.out);
    run_free(&r);
}

Test(cli_eval, usage_errors)
{
    run_result r = run_precis("eval");
    cr_assert_eq(r.status, 2);
    run_free(&r);
    r = run_precis("eval " SHARED_DATA "/duc2006/test.jsonl.zst --method nosuch");
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "nosuch"));
    run_free(&r);
    /* an empty item in the method list is a mistake, not a name to skip
     * (the data file is missing: only the list is looked at) */
    /* and a method named twice would be the same row twice: a slip, refused */
    static const struct {
        const char *list, *says;
    } bad[] = {{"lead,,default", "precis: --method"},
               {"lead,", "precis: --method"},
               {",lead", "precis: --method"},
               {"''", "precis: --method"},
               {"lead,lead", "precis: --method: 'lead' is named twice"},
               {"lead,default,lead", "precis: --method: 'lead' is named twice"}};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        r = run_precisf("eval -m %s /nonexistent/data.jsonl", bad[i].list);
        cr_assert_eq(r.status, 2, "-m %s: exit %d: %s", bad[i].list, r.status, r.err);
        cr_assert(strstr(r.err, bad[i].says), "-m %s: %s", bad[i].list, r.err);
        run_free(&r);
    }
    /* and more names than the table has rows for are refused, not cut */
    char many[1024] = "eval /nonexistent/data.jsonl -m lead";
    for (int i = 1; i < 49; i++)
        strcat(many, ",lead");
    r = run_precis(many);
    cr_assert_eq(r.status, 2, "exit %d: %s", r.status, r.err);
    cr_assert(strstr(r.err, "at most 48 methods"), "%s", r.err);
    run_free(&r);
    r = run_precis("eval -w 0 " SHARED_DATA "/duc2006/test.jsonl.zst");
    cr_assert_eq(r.status, 2);
    cr_assert(strstr(r.err, "--words"), "no word of what is wrong: '%s'", r.err);
    run_free(&r);
}

/* A dataset with no cluster (empty, or blank lines only) is an error,
 * exit 1 with no table: a table of zeros would read as a real score. */
Test(cli_eval, an_empty_dataset_is_an_error, .init = make_tmp, .fini = remove_tmp)
{
    char path_buf[128];
    const char *blank = TMP_FILE(path_buf, "precis-eval-blank.jsonl");
    test_write(blank, "\n   \n\t\n");
    const char *inputs[] = {"- </dev/null", blank};
    for (int i = 0; i < 2; i++) {
        char args[128];
        snprintf(args, sizeof args, "eval -m lead %s", inputs[i]);
        run_result r = run_precis(args);
        cr_expect_eq(r.status, 1, "input %d: exit %d: %s", i, r.status, r.err);
        cr_expect(strstr(r.err, "no clusters"), "input %d: %s", i, r.err);
        cr_expect_eq(r.out_len, 0, "input %d: a table: %s", i, r.out);
        run_free(&r);
    }
}

/* --csv - is standard output, as "-" is for every file name: no file
 * named "-" is made, and the table goes to stderr so that the output is
 * the CSV alone. */
Test(cli_eval, csv_dash_is_standard_output)
{
    char dir[] = "/tmp/precis-eval-csv-XXXXXX", prog[PATH_MAX], cmd[2 * PATH_MAX + 256], path[64];
    cr_assert_not_null(mkdtemp(dir));
    cr_assert_not_null(realpath(precis_bin(), prog));
    snprintf(path, sizeof path, "%s/data.jsonl", dir);
    test_write(path, BRIDGE_CLUSTER);
    snprintf(cmd, sizeof cmd, "cd %s && %s eval data.jsonl --words 50 --method lead --csv - >out.csv 2>err.txt",
             dir, prog);
    cr_assert_eq(system(cmd), 0);
    snprintf(path, sizeof path, "%s/-", dir);
    cr_expect_neq(access(path, F_OK), 0, "eval --csv - made a file named '-'");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    char *csv = slurp(path, NULL);
    cr_expect(csv && !strncmp(csv, "method,instance,ROUGE-1_R", 25) && strstr(csv, "\nlead,a"), "%s", csv);
    cr_expect(csv && !strstr(csv, "clusters/s"), "the table is in the CSV: %s", csv);
    free(csv);
    snprintf(path, sizeof path, "%s/err.txt", dir);
    char *err = slurp(path, NULL);
    cr_expect(err && strstr(err, "clusters/s") && strstr(err, "\nlead "), "no table on stderr: %s", err);
    free(err);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* A bad line of --peers is named and skipped like a bad data line: the
 * table of everything else is still printed, with exit 1 (the run had
 * summarized every cluster and then printed no table at all). A second
 * summary by one system of one cluster is skipped too: it had been
 * scored and counted as another cluster ("peer Y" over 2 clusters where
 * Y wrote for one). */
Test(cli_eval, bad_peer_lines_are_reported_and_skipped, .init = make_tmp, .fini = remove_tmp)
{
    char data_buf[128], peers_buf[128];
    const char *data = TMP_FILE(data_buf, "precis-eval-peers-data.jsonl"),
               *peers = TMP_FILE(peers_buf, "precis-eval-peers.jsonl");
    test_write(data, BRIDGE_CLUSTER
          "{\"id\":\"c\",\"docs\":[\"The mayor resigned on Friday. An audit had found missing funds in the "
          "city budget.\"],\"refs\":[\"The mayor quit after an audit found missing funds.\"]}\n");
    test_write(peers, "{\"id\":\"a\",\"system\":\"Y\",\"summary\":\"The bridge closed on Monday.\"}\n"
          "{\"id\":\"a\",\"system\":\"Y\",\"summary\":\"The bridge closed Monday; repairs take a year.\"}\n"
          "not json\n"
          "{\"id\":\"c\",\"system\":5,\"summary\":\"The mayor quit.\"}\n"
          "{\"id\":\"c\",\"system\":\"Z\",\"summary\":\"The mayor quit after an audit.\"}\n");
    run_result r = run_precisf("eval %s --words 50 --method lead --peers %s", data, peers);
    cr_assert_eq(r.status, 1, "stderr: %s", r.err);
    cr_expect(strstr(r.err, "precis-eval-peers.jsonl:2:") && strstr(r.err, "precis-eval-peers.jsonl:3:") &&
                  strstr(r.err, "precis-eval-peers.jsonl:4:"),
              "stderr: %s", r.err);
    cr_expect(!strstr(r.err, "precis-eval-peers.jsonl:1:") && !strstr(r.err, "precis-eval-peers.jsonl:5:"),
              "stderr: %s", r.err);
    cr_assert_eq(column(r.out, "lead", 1), 2, "%s", r.out);
    cr_expect_eq(column(r.out, "peer Y", 2), 1, "%s", r.out);
    cr_expect_eq(column(r.out, "peer Z", 2), 1, "%s", r.out);
    cr_expect(strstr(r.out, "3 peer lines skipped"), "%s", r.out);
    run_free(&r);
}

/* --csv quotes a field that holds a comma, a quote or a line break
 * (RFC 4180): a cluster id "a,b" had added a column to its row, and a
 * peer system named with a quote broke the file for a CSV reader. */
Test(cli_eval, csv_fields_are_quoted_when_they_need_it, .init = make_tmp, .fini = remove_tmp)
{
    char data_buf[128], peers_buf[128], csv_buf[128];
    const char *data = TMP_FILE(data_buf, "precis-eval-csvq.jsonl"),
               *peers = TMP_FILE(peers_buf, "precis-eval-csvq-peers.jsonl"),
               *csv_path = TMP_FILE(csv_buf, "precis-eval-csvq.csv");
    test_write(data, "{\"id\":\"Bridge, closed\",\"docs\":[\"The bridge closed on Monday after cracks were found. Repairs "
          "will take a year, officials said.\"],\"refs\":[\"The bridge closed Monday; repairs take a year.\"]}\n");
    test_write(peers, "{\"id\":\"Bridge, closed\",\"system\":\"the \\\"best\\\" one\",\"summary\":\"The bridge closed.\"}\n");
    run_result r = run_precisf("eval %s --words 50 --method lead --peers %s --csv %s", data, peers, csv_path);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    char *csv = slurp(csv_path, NULL);
    cr_assert_not_null(csv);
    cr_expect(strstr(csv, "\nlead,\"Bridge, closed.0\","), "%s", csv);
    cr_expect(strstr(csv, "\n\"peer the \"\"best\"\" one\",\"Bridge, closed.0\","), "%s", csv);
    /* every row has the header's number of fields outside quotes */
    int commas_header = 0, in_quotes = 0, commas = 0, rows = 0;
    for (const char *p = csv; *p; p++) {
        if (*p == '"')
            in_quotes = !in_quotes;
        else if (*p == ',' && !in_quotes)
            commas++;
        else if (*p == '\n' && !in_quotes) {
            if (rows++ == 0)
                commas_header = commas;
            else
                cr_expect_eq(commas, commas_header, "row %d: %s", rows, csv);
            commas = 0;
        }
    }
    cr_expect_eq(rows, 3, "%s", csv);
    free(csv);
    run_free(&r);
}

/* A peer system's name comes from the data: in the table it is shown as
 * the text formats show any name (a control character, an escape sequence
 * among them, as U+FFFD), and in Markdown a '|' is escaped, so the row
 * stays one row of the table (a newline and a '|' had split it). */
Test(cli_eval, a_peer_name_keeps_its_table_row_whole, .init = make_tmp, .fini = remove_tmp)
{
    char data_buf[128], peers_buf[128];
    const char *data = TMP_FILE(data_buf, "precis-eval-pname.jsonl"),
               *peers = TMP_FILE(peers_buf, "precis-eval-pname-peers.jsonl");
    test_write(data, BRIDGE_CLUSTER);
    test_write(peers, "{\"id\":\"a\",\"system\":\"a|b\\u001b[31m\\nX\",\"summary\":\"The bridge closed on Monday.\"}\n");
    run_result r = run_precisf("eval %s --words 50 --method lead --peers %s -f md", data, peers);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\n| peer a\\|b\xef\xbf\xbd[31m\xef\xbf\xbdX | 1 | - |"), "%s", r.out);
    run_free(&r);
    r = run_precisf("eval %s --words 50 --method lead --peers %s", data, peers);
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\npeer a|b\xef\xbf\xbd[31m\xef\xbf\xbdX ") && !strchr(r.out, '\x1b'), "%s", r.out);
    run_free(&r);
}

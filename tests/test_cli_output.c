/*
 * test_cli_output.c: where the commands' results go when things go wrong.
 * A write error on standard output (a full disk, a closed descriptor) is
 * reported with a non-zero exit, not lost with exit 0; an output file
 * (compare -o, eval --csv) is replaced only by a whole result, so a run
 * that fails leaves the old file as it was.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/stat.h>

#include "helpers.h"

#define SEEDS "../examples/seeds"

static char dir[64];

static void make_dir(void)
{
    strcpy(dir, "/tmp/precis-out-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(cli_output, .init = make_dir, .fini = remove_dir);

/* Run `$PRECIS ARGS` with the redirections in ARGS as given (run_precis
 * would redirect standard output itself); its stderr is returned. */
static int run_raw(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int run_raw(char **err, const char *fmt, ...)
{
    char args[2048], cmd[4096], err_path[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(err_path, sizeof err_path, "%s/stderr", dir);
    snprintf(cmd, sizeof cmd, "%s %s 2>%s", precis_bin(), args, err_path);
    int st = system(cmd);
    *err = slurp(err_path, NULL);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}


static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

/* The story database of the bundled example (one story), for stories. */
static void make_db(char *db, size_t cap)
{
    char *err;
    snprintf(db, cap, "%s/news.db", dir);
    int st = run_raw(&err, "ingest -q --db %s --date 2024-01-01 %s", db, SEEDS);
    cr_assert_eq(st, 0, "%s", err);
    free(err);
}

/* Every command that writes its result on standard output says so and
 * exits 3 when it cannot (exit 1 is for bad input, which this is not). */
Test(cli_output, a_full_disk_on_standard_output_is_an_error)
{
    char rouge[256], pairs[128], clusters[128], jsonl[256], db[128], stories[256];
    snprintf(pairs, sizeof pairs, "%s/pairs.jsonl", dir);
    write_text(pairs, "{\"id\":\"a\",\"summary\":\"the cat sat\",\"refs\":[\"the cat sat on the mat\"]}\n");
    snprintf(rouge, sizeof rouge, "rouge --jsonl %s", pairs);
    snprintf(clusters, sizeof clusters, "%s/clusters.jsonl", dir);
    write_text(clusters, "{\"id\":\"a\",\"docs\":[\"The council met on Monday. It voted to raise the budget.\","
                         "\"On Monday the council voted to raise the budget by a tenth.\"]}\n");
    snprintf(jsonl, sizeof jsonl, "compare --jsonl %s", clusters);
    make_db(db, sizeof db);
    snprintf(stories, sizeof stories, "stories --db %s", db);
    const char *commands[] = {"summarize " SEEDS, "compare " SEEDS, "compare -f json " SEEDS, jsonl, rouge,
                              stories};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        char *err;
        int st = run_raw(&err, "%s >/dev/full", commands[i]);
        cr_expect_eq(st, 3, "%s: exit %d with nothing written", commands[i], st);
        cr_expect(err && strstr(err, "No space left"), "%s: %s", commands[i], err);
        free(err);
    }
}

/* What a command prints on request (--help, --list-methods, --version) is
 * output like any result: lost to a full disk, it is exit 3, not 0. */
Test(cli_output, help_to_a_full_disk_is_an_error)
{
    const char *commands[] = {"--help", "--version", "summarize --help", "summarize --list-methods",
                              "rouge --help", "eval --help", "compare --help", "ingest --help",
                              "stories --help", "cluster --help"};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        char *err;
        int st = run_raw(&err, "%s >/dev/full", commands[i]);
        cr_expect_eq(st, 3, "%s: exit %d with nothing written", commands[i], st);
        cr_expect(err && strstr(err, "precis: ") && strstr(err, "No space left"), "%s: %s", commands[i], err);
        free(err);
        st = run_raw(&err, "%s >/dev/null", commands[i]);
        cr_expect_eq(st, 0, "%s: exit %d: %s", commands[i], st, err);
        free(err);
    }
}

/* Under valgrind (make check-valgrind) the child's log file takes the
 * lowest free descriptor, which a closed standard output leaves free. */
static int under_valgrind(void)
{
    const char *preload = getenv("LD_PRELOAD");
    return preload && strstr(preload, "vgpreload");
}

Test(cli_output, a_closed_standard_output_is_an_error)
{
    /* (not cr_skip_test: under valgrind its abrupt exit reads as leaks) */
    if (under_valgrind())
        return;
    char db[128], stories[256];
    make_db(db, sizeof db);
    snprintf(stories, sizeof stories, "stories --db %s", db);
    const char *commands[] = {"summarize " SEEDS, "compare " SEEDS, stories};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        char *err;
        int st = run_raw(&err, "%s >&-", commands[i]);
        cr_expect_eq(st, 3, "%s: exit %d with nothing written", commands[i], st);
        cr_expect(err && strstr(err, "standard output"), "%s: %s", commands[i], err);
        free(err);
    }
}

Test(cli_output, eval_with_a_full_disk_says_so)
{
    char data[128], *err;
    snprintf(data, sizeof data, "%s/one.jsonl", dir);
    write_text(data, "{\"id\":\"a\",\"docs\":[\"The council met on Monday. It voted to raise the budget by a "
                     "tenth.\"],\"refs\":[\"The council raised the budget.\"]}\n");
    int st = run_raw(&err, "eval -m lead %s >/dev/full", data);
    cr_expect_eq(st, 3, "table lost: exit %d, %s", st, err);
    free(err);
    st = run_raw(&err, "eval -m lead --csv /dev/full %s >/dev/null", data);
    cr_expect_eq(st, 3, "CSV lost: exit %d, %s", st, err);
    cr_expect(err && strstr(err, "/dev/full"), "%s", err);
    free(err);
}

/* compare -o names the file it could not write, and that is exit 3 too,
 * one report per cluster (--jsonl) or one report. */
Test(cli_output, compare_with_a_full_disk_says_so)
{
    char data[128], *err;
    snprintf(data, sizeof data, "%s/clusters.jsonl", dir);
    write_text(data, "{\"id\":\"a\",\"docs\":[\"The council met on Monday. It voted to raise the budget.\","
                     "\"On Monday the council voted to raise the budget by a tenth.\"]}\n");
    int st = run_raw(&err, "compare -o /dev/full %s", SEEDS);
    cr_expect_eq(st, 3, "report lost: exit %d, %s", st, err);
    cr_expect(err && strstr(err, "/dev/full") && strstr(err, "No space left"), "%s", err);
    free(err);
    st = run_raw(&err, "compare --jsonl -o /dev/full %s", data);
    cr_expect_eq(st, 3, "reports lost: exit %d, %s", st, err);
    cr_expect(err && strstr(err, "/dev/full"), "%s", err);
    free(err);
}

/* An output file that cannot be created (its directory is missing) is an
 * output error, exit 3 as the man page says, not bad input (it was 1). */
Test(cli_output, an_output_file_that_cannot_be_created_is_exit_3)
{
    char data[128], *err;
    snprintf(data, sizeof data, "%s/one.jsonl", dir);
    write_text(data, "{\"id\":\"a\",\"docs\":[\"The council met on Monday. It voted to raise the budget by a "
                     "tenth.\"],\"refs\":[\"The council raised the budget.\"]}\n");
    int st = run_raw(&err, "compare -o %s/no/such/x.html %s", dir, SEEDS);
    cr_expect_eq(st, 3, "compare -o: exit %d, %s", st, err);
    cr_expect(err && strstr(err, "no/such/x.html") && strstr(err, "No such file"), "%s", err);
    free(err);
    st = run_raw(&err, "eval -m lead --csv %s/no/such/x.csv %s >/dev/null", dir, data);
    cr_expect_eq(st, 3, "eval --csv: exit %d, %s", st, err);
    cr_expect(err && strstr(err, "no/such/x.csv") && strstr(err, "No such file"), "%s", err);
    free(err);
}

/* compare -o - is standard output, as "-" is for every input: no file
 * named "-" is made, and a write error there is said as standard
 * output's. */
Test(cli_output, compare_output_dash_is_standard_output)
{
    char seeds[PATH_MAX], prog[PATH_MAX], cmd[3 * PATH_MAX], out[128], dash[128];
    cr_assert_not_null(realpath(SEEDS, seeds));
    cr_assert_not_null(realpath(precis_bin(), prog));
    snprintf(out, sizeof out, "%s/out.json", dir);
    snprintf(dash, sizeof dash, "%s/-", dir);
    snprintf(cmd, sizeof cmd, "cd %s && %s compare -f json -o - %s > out.json", dir, prog, seeds);
    cr_assert_eq(system(cmd), 0);
    cr_expect_neq(access(dash, F_OK), 0, "compare -o - made a file named '-'");
    char *json = slurp(out, NULL);
    cr_expect(json && !strncmp(json, "{\"cluster\":", 11), "%s", json);
    free(json);
    char *err;
    int st = run_raw(&err, "compare -o - %s >/dev/full", SEEDS);
    cr_expect_eq(st, 3, "exit %d: %s", st, err);
    cr_expect(err && strstr(err, "standard output") && strstr(err, "No space left"), "%s", err);
    free(err);
}

/* Many copies of a small cluster, then a line that is not JSON: a run
 * that reads to the end reports that line on stderr. */
static void write_many_clusters(const char *path)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (int i = 0; i < 2000; i++)
        fprintf(f, "{\"id\":\"c%d\",\"docs\":[\"The council met on Monday. It voted to raise the budget.\","
                   "\"On Monday the council voted to raise the budget by a tenth.\"]}\n", i);
    fputs("not a cluster\n", f);
    fclose(f);
}

/* Exactly one line, the write error with its cause. */
static void expect_one_write_error(const char *what, int st, const char *err, const char *cause)
{
    cr_expect_eq(st, 3, "%s: exit %d, %s", what, st, err);
    cr_expect(err && !strncmp(err, "precis: ", 8) && strstr(err, cause), "%s: %s", what, err);
    const char *nl = err ? strchr(err, '\n') : NULL;
    cr_expect(nl && nl[1] == '\0', "%s: read on after the write failed: %s", what, err);
}

/* --jsonl stops at the first write that fails (a full disk, a pipe whose
 * reader has gone): the clusters after it are not read, so the bad line
 * at the end of the input never gets its message, and the one message is
 * the write error's, with exit 3. */
Test(cli_output, jsonl_stops_at_the_first_failed_write)
{
    char data[128], *err;
    snprintf(data, sizeof data, "%s/many.jsonl", dir);
    write_many_clusters(data);
    const char *commands[] = {"summarize --jsonl", "compare --jsonl"};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        int st = run_raw(&err, "%s %s >/dev/full", commands[i], data);
        expect_one_write_error(commands[i], st, err, "No space left");
        free(err);
    }
    int st = run_raw(&err, "compare --jsonl -o /dev/full %s", data);
    expect_one_write_error("compare -o", st, err, "No space left");
    cr_expect(err && strstr(err, "/dev/full"), "%s", err);
    free(err);

    /* With SIGPIPE ignored (as a parent may leave it), a closed pipe is a
     * write error like any other; 2000 summaries are more than a pipe holds. */
    char cmd[1024], err_path[128], status_path[128];
    snprintf(err_path, sizeof err_path, "%s/stderr", dir);
    snprintf(status_path, sizeof status_path, "%s/status", dir);
    snprintf(cmd, sizeof cmd, "trap '' PIPE; { %s summarize --jsonl %s 2>%s; echo $? >%s; } | head -c 0",
             precis_bin(), data, err_path, status_path);
    cr_assert_eq(system(cmd), 0);
    char *status = slurp(status_path, NULL);
    err = slurp(err_path, NULL);
    expect_one_write_error("summarize | closed pipe", status ? atoi(status) : -1, err, "Broken pipe");
    free(status);
    free(err);
}

Test(cli_output, a_failed_run_leaves_the_old_output_file)
{
    char out[128], *err;
    snprintf(out, sizeof out, "%s/report.html", dir);
    write_text(out, "last week's report\n");
    int st = run_raw(&err, "compare -f html -o %s %s/missing.txt", out, dir);
    cr_expect_eq(st, 1, "%s", err);
    free(err);
    char *kept = slurp(out, NULL);
    cr_expect_str_eq(kept, "last week's report\n", "compare emptied its output file before failing");
    free(kept);

    snprintf(out, sizeof out, "%s/scores.csv", dir);
    write_text(out, "old scores\n");
    st = run_raw(&err, "eval -m lead --csv %s %s/missing.jsonl", out, dir);
    cr_expect_eq(st, 1, "%s", err);
    free(err);
    kept = slurp(out, NULL);
    cr_expect_str_eq(kept, "old scores\n", "eval replaced its CSV before failing");
    free(kept);

    /* and a run that succeeds replaces it, leaving no temporary file */
    snprintf(out, sizeof out, "%s/report.html", dir);
    st = run_raw(&err, "compare -f html -o %s %s", out, SEEDS);
    cr_expect_eq(st, 0, "%s", err);
    free(err);
    kept = slurp(out, NULL);
    cr_expect(kept && strstr(kept, "<html") && !strstr(kept, "last week"), "the report was not replaced");
    free(kept);

    /* An article left out (said, exit 1) still gives the report of the
     * others, and that report is put in place. */
    write_text(out, "last week's report\n");
    st = run_raw(&err, "compare -f html -o %s %s %s/missing.txt", out, SEEDS, dir);
    cr_expect_eq(st, 1, "%s", err);
    cr_expect(err && strstr(err, "missing.txt") && strstr(err, "1 file left out, 5 articles used"), "%s", err);
    free(err);
    kept = slurp(out, NULL);
    cr_expect(kept && strstr(kept, "<html") && !strstr(kept, "last week"), "the report of the rest was not kept");
    free(kept);
    char ls[256];
    snprintf(ls, sizeof ls, "ls -A %s | grep -c tmp- >/dev/null", dir);
    cr_expect_neq(system(ls), 0, "a temporary file was left behind");
}

/* Replacing FILE keeps what the user set up: a link still points where it
 * did, and the file keeps its permissions. */
Test(cli_output, a_replaced_file_keeps_its_link_and_permissions)
{
    char real[128], link[128], *err;
    snprintf(real, sizeof real, "%s/real.csv", dir);
    snprintf(link, sizeof link, "%s/link.csv", dir);
    write_text(real, "old scores\n");
    cr_assert_eq(chmod(real, 0640), 0);
    cr_assert_eq(symlink(real, link), 0);
    char data[128];
    snprintf(data, sizeof data, "%s/one.jsonl", dir);
    write_text(data, "{\"id\":\"a\",\"docs\":[\"The council met on Monday. It voted to raise the budget by a "
                     "tenth.\"],\"refs\":[\"The council raised the budget.\"]}\n");
    int st = run_raw(&err, "eval -m lead --csv %s %s >/dev/null", link, data);
    cr_expect_eq(st, 0, "%s", err);
    free(err);
    struct stat sb;
    cr_assert_eq(lstat(link, &sb), 0);
    cr_expect(S_ISLNK(sb.st_mode), "the link was replaced by a file");
    cr_assert_eq(stat(real, &sb), 0);
    cr_expect_eq(sb.st_mode & 0777, 0640, "mode %o", (unsigned)(sb.st_mode & 0777));
    char *text = slurp(real, NULL);
    cr_expect(text && !strncmp(text, "method,instance", 15), "%s", text);
    free(text);
}

/* A report written into the directory it reads ("compare dir -o
 * dir/report.html") is a natural thing to ask for: the temporary file
 * the report is written to first must not be read as one of the
 * articles (it was, as an empty file left out, exit 1). */
Test(cli_output, a_report_written_into_its_input_directory_is_not_an_article)
{
    char in[128], out[160], *err;
    snprintf(in, sizeof in, "%s/articles", dir);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "mkdir %s && cp %s/*.txt %s", in, SEEDS, in);
    cr_assert_eq(system(cmd), 0);
    snprintf(out, sizeof out, "%s/report.html", in);
    int st = run_raw(&err, "compare -f html -o %s %s", out, in);
    cr_expect_eq(st, 0, "%s", err);
    cr_expect(err && !strstr(err, "tmp-") && !strstr(err, "left out"), "%s", err);
    free(err);
    char *kept = slurp(out, NULL);
    cr_expect(kept && strstr(kept, "<html") && strstr(kept, "5 articles"), "the report is not the five articles'");
    free(kept);
}

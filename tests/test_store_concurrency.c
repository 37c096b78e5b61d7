/*
 * test_store_concurrency.c: the story database under concurrent and
 * crashing writers, through the real program:
 *
 *  - two `precis ingest` processes on one database at once, with
 *    overlapping inputs, lose nothing and store nothing twice;
 *  - `precis stories` reads while `precis ingest` writes;
 *  - `precis ingest` killed with SIGKILL at random moments (10 times here;
 *    tests/crash/kill9.sh does it 50 times) never loses a batch it
 *    reported committed and always leaves PRAGMA integrity_check = ok.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#define DB_FIXTURE_DIR "/tmp/precis-conc-XXXXXX"
#include "db_fixture.h"
#include "helpers.h"

TestSuite(store_concurrency, .init = setup, .fini = teardown, .timeout = 300);

static const char *const topics[][6] = {
    {"harbour", "strike", "Rotterdam", "dockers", "union", "containers"},
    {"wildfire", "evacuation", "Attica", "firefighters", "wind", "villages"},
    {"election", "ballots", "Warsaw", "coalition", "turnout", "parliament"},
    {"vaccine", "trial", "Geneva", "regulator", "doses", "efficacy"},
    {"earthquake", "magnitude", "Izmir", "rescuers", "aftershocks", "rubble"},
};
static const char *const filler[] = {"officials", "said", "on", "Tuesday", "that", "the", "situation", "was",
                                     "under", "review", "while", "residents", "waited", "for", "news", "about",
                                     "what", "comes", "next", "in", "region"};

/* Articles first..last-1 as JSON Lines: five topics, each article unique. */
static void write_stream(const char *name, int first, int last)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (int i = first; i < last; i++) {
        unsigned seed = 12345u + 7919u * (unsigned)i; /* article i is the same text in every stream */
        int t = i % 5;
        fprintf(f, "{\"id\":\"art%d\",\"published\":\"2024-05-%02d\",\"text\":\"", i, 1 + (i / 50) % 28);
        for (int s = 0; s < 6; s++) {
            fprintf(f, "The %s %s in %s continued", topics[t][s % 6], topics[t][(s + 1) % 6], topics[t][2]);
            for (int w = 0; w < 12; w++) {
                seed = seed * 1103515245u + 12345u;
                fprintf(f, " %s", filler[(seed >> 16) % (sizeof filler / sizeof filler[0])]);
            }
            fprintf(f, " %s number %d-%d. ", topics[t][(s + 3) % 6], i, s);
        }
        fprintf(f, "\"}\n");
    }
    fclose(f);
}

static int table_exists(const char *name)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='%s'", name);
    return query_int(sql) > 0;
}

static int integrity_ok(void)
{
    sqlite3 *db = next_user_db();
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    int ok = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok;
}

/* Start `$PRECIS ARGS` in the background, stderr to errfile. */
static pid_t spawn(const char *args, const char *errfile)
{
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "exec %s %s >/dev/null 2>%s", precis_bin(), args, errfile);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

static int wait_exit(pid_t pid)
{
    int st;
    cr_assert_eq(waitpid(pid, &st, 0), pid);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

Test(store_concurrency, two_writers_lose_nothing)
{
    /* Writer A: articles 0..299, writer B: 200..499 (100 in common). */
    write_stream("a.jsonl", 0, 300);
    write_stream("b.jsonl", 200, 500);
    char a[512], b[512], ea[256], eb[256];
    snprintf(a, sizeof a, "ingest --batch 16 --db %s %s/a.jsonl", dbpath, dir);
    snprintf(b, sizeof b, "ingest --batch 16 --db %s %s/b.jsonl", dbpath, dir);
    snprintf(ea, sizeof ea, "%s/a.err", dir);
    snprintf(eb, sizeof eb, "%s/b.err", dir);
    pid_t pa = spawn(a, ea), pb = spawn(b, eb);
    int ra = wait_exit(pa), rb = wait_exit(pb);
    char *errs = slurp(ea, NULL), *errs2 = slurp(eb, NULL);
    cr_assert_eq(ra, 0, "writer A: %s", errs);
    cr_assert_eq(rb, 0, "writer B: %s", errs2);
    free(errs);
    free(errs2);
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 500);
    cr_assert_eq(query_int("SELECT count(DISTINCT ext_id) FROM article"), 500);
    cr_assert_eq(query_int("SELECT count(*) FROM lsh"), 500 * 8);
    cr_assert_eq(query_int("SELECT sum(n) FROM story"), 500, "every article counted in its story");
    cr_assert_eq(query_int("SELECT count(*) FROM article WHERE story NOT IN (SELECT id FROM story)"), 0);
    cr_assert(integrity_ok());
}

Test(store_concurrency, reader_lists_while_writer_ingests)
{
    write_stream("big.jsonl", 0, 600);
    write_stream("seed.jsonl", 600, 610);
    char args[512], ew[256];
    snprintf(args, sizeof args, "ingest -q --db %s %s/seed.jsonl", dbpath, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    snprintf(args, sizeof args, "ingest --batch 8 --db %s %s/big.jsonl", dbpath, dir);
    snprintf(ew, sizeof ew, "%s/w.err", dir);
    pid_t w = spawn(args, ew);
    snprintf(args, sizeof args, "stories --db %s --format json", dbpath);
    int reads = 0, running = 1;
    while (running || reads < 3) {
        r = run_precis(args);
        cr_assert_eq(r.status, 0, "reader failed while the writer ran: %s", r.err);
        cr_assert_not_null(strstr(r.out, "\"articles\""), "%s", r.out);
        run_free(&r);
        reads++;
        int st;
        if (running && waitpid(w, &st, WNOHANG) == w) {
            running = 0;
            cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "writer failed");
        }
    }
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 610);
    cr_assert(integrity_ok());
}

/* The articles the last "committed N articles (A new, D duplicates)" line
 * of a run's stderr reports as new, or 0. */
static long long reported_new(const char *errfile)
{
    char *e = slurp(errfile, NULL);
    long long added = 0;
    for (char *p = e; p && (p = strstr(p, "committed ")); p++) {
        long long n, a, d;
        if (sscanf(p, "committed %lld articles (%lld new, %lld duplicates)", &n, &a, &d) == 3)
            added = a;
    }
    free(e);
    return added;
}

Test(store_concurrency, kill9_loses_no_committed_batch)
{
    write_stream("s.jsonl", 0, 400);
    char args[512], ef[256];
    snprintf(args, sizeof args, "ingest -v --batch 10 --db %s %s/s.jsonl", dbpath, dir);
    snprintf(ef, sizeof ef, "%s/k.err", dir);
    /* Kill times are random; the seed is in every message, so a failure
     * can be run again (PRECIS_KILL_SEED). */
    const char *given = getenv("PRECIS_KILL_SEED");
    unsigned seed = given ? (unsigned)strtoul(given, NULL, 10) : (unsigned)time(NULL);
    srand(seed);
    long long before = 0;
    for (int round = 0; round < 50; round++) { /* issue 7: 50 kills in a test */
        /* The shell truncates the file only once it runs: a writer killed
         * before that would leave the last round's report to be read as
         * this round's (it failed CI once, under load, as a lost batch). */
        unlink(ef);
        pid_t pid = spawn(args, ef);
        usleep(5000 + (useconds_t)(rand() % 150000));
        kill(pid, SIGKILL);
        wait_exit(pid);
        /* Killed before the database file or its schema was made: there is
         * nothing or an empty database (a table that does not exist yet has
         * no rows), which is consistent. */
        int made = access(dbpath, F_OK) == 0;
        long long now = made && table_exists("article") ? query_int("SELECT count(*) FROM article") : 0;
        long long reported = reported_new(ef);
        cr_assert_geq(now, before + reported,
                      "round %d (seed %u): a committed batch was lost: %lld articles stored, %lld before and %lld "
                      "reported new",
                      round, seed, now, before, reported);
        cr_assert_eq(now % 10 == 0 || now == 400, 1, "round %d (seed %u): %lld articles is not whole batches", round,
                     seed, now);
        cr_assert(!made || integrity_ok(), "round %d (seed %u): integrity_check failed", round, seed);
        before = now;
    }
    /* A last, complete run stores exactly what is left. */
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 400);
    cr_assert_eq(query_int("SELECT sum(n) FROM story"), 400);
    cr_assert(integrity_ok());
}

/*
 * test_store.c: the story database (src/store): dates, ingest and
 * de-duplication, story assignment and near-copies, the time window,
 * foreign and damaged database files, a story as a summarizable cluster,
 * and the CLI (precis ingest / stories / summarize --db --story).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#define DB_FIXTURE_DIR "/tmp/precis-store-XXXXXX"
#include "db_fixture.h"
#include "helpers.h"
#include "precis.h"

TestSuite(store, .init = setup, .fini = teardown);
TestSuite(store_cli, .init = setup, .fini = teardown);
TestSuite(date);

static const char *flood1 =
    "Rescuers in eastern Spain searched on Thursday for dozens of people still missing after flash floods "
    "swept through towns around Valencia, killing at least 95 people, officials said. The floods, caused by "
    "torrential rain, turned streets into rivers and swept away cars in Paiporta and Chiva.";
static const char *flood2 =
    "The death toll from the floods in the Valencia region rose to 95 on Thursday as rescuers searched "
    "for people missing in Paiporta and Chiva. Torrential rain turned streets into rivers, officials in "
    "Valencia said, and soldiers joined the search for the missing.";
static const char *tram =
    "The city council approved the new tram line on Tuesday evening after a debate that lasted more than "
    "six hours. Opponents argued that the budget was too high and that the route would cut through a "
    "protected park in Utrecht.";

static precis_store *open_db(const precis_store_options *o)
{
    precis_store *s = NULL;
    precis_error err = {0};
    cr_assert_eq(precis_store_open(dbpath, o, &s, &err), PRECIS_OK, "%s", err.message);
    return s;
}

static precis_status add(precis_store *s, const char *id, const char *url, const char *date, const char *text,
                         precis_error *err)
{
    precis_article_in a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.url = url;
    a.published = date;
    a.body = text;
    a.len = strlen(text);
    a.where = id;
    return precis_store_add(s, &a, err);
}

typedef struct seen {
    int stories;
    long long story_of[8];
    char ids[8][32];
    int near[8];
    int narts;
    char headline[256];
} seen;

static int collect(const precis_story *st, void *arg)
{
    seen *s = arg;
    s->stories++;
    snprintf(s->headline, sizeof s->headline, "%s", st->headline);
    for (size_t i = 0; i < st->narticles && s->narts < 8; i++) {
        snprintf(s->ids[s->narts], sizeof s->ids[0], "%s", st->articles[i].ext_id);
        s->near[s->narts] = st->articles[i].near_duplicate;
        s->story_of[s->narts++] = st->id;
    }
    return 0;
}

static long long story_of(const seen *s, const char *id)
{
    for (int i = 0; i < s->narts; i++)
        if (!strcmp(s->ids[i], id))
            return s->story_of[i];
    return -1;
}

Test(date, formats_news_uses)
{
    long long t;
    cr_assert_eq(precis_parse_date("2024-10-31", &t), 0);
    cr_assert_eq(t, 1730332800);
    cr_assert_eq(precis_parse_date("2024-10-31T08:15:00Z", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("2024-10-31T10:15:00+02:00", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("2024-10-31 08:15:00.250Z", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("Thu, 31 Oct 2024 08:15:00 GMT", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("31 Oct 2024 04:15:00 -0400", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("1730362500", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("2000-02-29", &t), 0);
    cr_assert_eq(t, 951782400);
    /* RSS feeds date items with RFC 2822's named North American zones
     * (RSS 2.0's own examples do): such an article was skipped as having
     * an "unrecognised date". */
    cr_assert_eq(precis_parse_date("Thu, 31 Oct 2024 03:15:00 EST", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("Thu, 31 Oct 2024 04:15:00 EDT", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("Thu, 31 Oct 2024 01:15:00 PDT", &t), 0);
    cr_assert_eq(t, 1730362500);
    cr_assert_eq(precis_parse_date("Thu, 31 Oct 2024 08:15:00 UT", &t), 0);
    cr_assert_eq(t, 1730362500);
    const char *bad[] = {"", "yesterday", "2024-02-30", "2023-02-29", "2024-13-01", "2024-10-31T25:00",
                         "2024-10-31Tgarbage", "31 Foo 2024", "2024-10-31 08:15:00Z trailing",
                         "Thu, 31 Oct 2024 08:15:00 ESTX", "Thu, 31 Oct 2024 08:15:00 XYZ"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert_eq(precis_parse_date(bad[i], &t), -1, "'%s' is not a date", bad[i]);
}

Test(store, related_articles_share_a_story_and_others_do_not)
{
    precis_store *s = open_db(NULL);
    precis_error err = {0};
    cr_assert_eq(add(s, "flood1", NULL, "2024-10-31", flood1, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(add(s, "tram", NULL, "2024-10-31", tram, &err), PRECIS_OK);
    cr_assert_eq(add(s, "flood2", NULL, "2024-11-01", flood2, &err), PRECIS_OK);
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK, "%s", err.message);
    precis_store_stats st;
    precis_store_get_stats(s, &st);
    cr_assert_eq(st.added, 3);
    cr_assert_eq(st.new_stories, 2);
    cr_assert_eq(st.pending, 0);
    seen v;
    memset(&v, 0, sizeof v);
    cr_assert_eq(precis_store_stories(s, 0, collect, &v, &err), PRECIS_OK);
    cr_assert_eq(v.stories, 2);
    cr_assert_eq(story_of(&v, "flood1"), story_of(&v, "flood2"));
    cr_assert_neq(story_of(&v, "flood1"), story_of(&v, "tram"));
    /* --since: only the flood story reaches 2024-11-01. */
    memset(&v, 0, sizeof v);
    long long since;
    precis_parse_date("2024-11-01", &since);
    cr_assert_eq(precis_store_stories(s, since, collect, &v, &err), PRECIS_OK);
    cr_assert_eq(v.stories, 1);
    cr_assert_eq(v.narts, 2);
    precis_store_close(s);
}

Test(store, same_text_or_same_url_changes_nothing)
{
    precis_store *s = open_db(NULL);
    precis_error err = {0};
    cr_assert_eq(add(s, "a", "https://example.org/a", "2024-10-31", flood1, &err), PRECIS_OK);
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK);
    /* The same text with different white space, in another batch... */
    char *spaced = malloc(strlen(flood1) + 16);
    sprintf(spaced, "  %s\n\n", flood1);
    for (char *p = spaced; *p; p++)
        if (*p == ' ' && p[1] == 'd')
            *p = '\n';
    cr_assert_eq(add(s, "b", NULL, "2024-10-31", spaced, &err), PRECIS_OK);
    /* ...and other text at the same URL, in the same batch as new text. */
    cr_assert_eq(add(s, "c", "https://example.org/a", "2024-10-31", tram, &err), PRECIS_OK);
    cr_assert_eq(add(s, "d", NULL, "2024-10-31", tram, &err), PRECIS_OK);
    cr_assert_eq(add(s, "e", NULL, "2024-10-31", tram, &err), PRECIS_OK);
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK);
    precis_store_stats st;
    precis_store_get_stats(s, &st);
    cr_assert_eq(st.added, 2);
    cr_assert_eq(st.duplicates, 3);
    precis_store_close(s);
    free(spaced);
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 2);
    cr_assert_eq(query_int("SELECT count(*) FROM lsh"), 16);
}

Test(store, near_copy_joins_the_story_of_its_original)
{
    precis_store_options o;
    precis_store_options_init(&o);
    o.threshold = 5.0; /* no story would ever be joined by similarity */
    precis_store *s = open_db(&o);
    precis_error err = {0};
    cr_assert_eq(add(s, "orig", NULL, "2024-10-31", flood1, &err), PRECIS_OK);
    /* A wire copy with a different last word. */
    char *copy = strdup(flood1);
    memcpy(strstr(copy, "Chiva."), "Silla.", 6);
    cr_assert_eq(add(s, "copy", NULL, "2024-10-31", copy, &err), PRECIS_OK);
    cr_assert_eq(add(s, "other", NULL, "2024-10-31", flood2, &err), PRECIS_OK);
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK);
    precis_store_stats st;
    precis_store_get_stats(s, &st);
    cr_assert_eq(st.near_duplicates, 1);
    seen v;
    memset(&v, 0, sizeof v);
    cr_assert_eq(precis_store_stories(s, 0, collect, &v, &err), PRECIS_OK);
    cr_assert_eq(story_of(&v, "orig"), story_of(&v, "copy"));
    cr_assert_neq(story_of(&v, "orig"), story_of(&v, "other"));
    for (int i = 0; i < v.narts; i++)
        cr_assert_eq(v.near[i], !strcmp(v.ids[i], "copy"));
    precis_store_close(s);
    free(copy);
}

Test(store, stories_only_join_within_the_time_window)
{
    precis_store *s = open_db(NULL);
    precis_error err = {0};
    cr_assert_eq(add(s, "oct", NULL, "2024-10-31", flood1, &err), PRECIS_OK);
    cr_assert_eq(add(s, "dec", NULL, "2024-12-20", flood2, &err), PRECIS_OK);
    cr_assert_eq(add(s, "nov", NULL, "2024-11-02T12:00:00Z", flood2, &err), PRECIS_OK, "dup of dec: skipped");
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK);
    seen v;
    memset(&v, 0, sizeof v);
    cr_assert_eq(precis_store_stories(s, 0, collect, &v, &err), PRECIS_OK);
    cr_assert_eq(v.stories, 2, "seven weeks apart: two stories");
    precis_store_close(s);
}

/* A window too large to count in seconds (1e15 days, infinity) is held to
 * a century, and then joins what any long window joins; it once overflowed
 * the date arithmetic and joined nothing. */
Test(store, a_huge_window_is_held_to_a_century)
{
    double huge[] = {1e15, INFINITY};
    for (int i = 0; i < 2; i++) {
        unlink(dbpath);
        precis_store_options o;
        precis_store_options_init(&o);
        o.window_days = huge[i];
        precis_store *s = open_db(&o);
        precis_error err = {0};
        cr_assert_eq(add(s, "oct", NULL, "2024-10-31", flood1, &err), PRECIS_OK);
        cr_assert_eq(add(s, "dec", NULL, "2024-12-20", flood2, &err), PRECIS_OK);
        cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK, "%s", err.message);
        seen v;
        memset(&v, 0, sizeof v);
        cr_assert_eq(precis_store_stories(s, 0, collect, &v, &err), PRECIS_OK);
        cr_assert_eq(v.stories, 1, "window %g: seven weeks apart is within it", huge[i]);
        precis_store_close(s);
    }
}

Test(store, bad_articles_are_refused_and_the_batch_survives)
{
    precis_store *s = open_db(NULL);
    precis_error err = {0};
    cr_assert_eq(add(s, "good", NULL, NULL, flood1, &err), PRECIS_OK);
    cr_assert_eq(add(s, "bad.txt", NULL, NULL, "line one\nbad \xff byte", &err), PRECIS_ERR_UTF8);
    cr_assert_str_eq(err.where, "bad.txt");
    cr_assert_eq(err.line, 2);
    cr_assert_eq(add(s, "blank", NULL, NULL, " \n\t ", &err), PRECIS_ERR_EMPTY);
    cr_assert_eq(add(s, "when", NULL, "next tuesday", tram, &err), PRECIS_ERR_FORMAT);
    cr_assert_not_null(strstr(err.message, "unrecognised date"));
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK);
    precis_store_stats st;
    precis_store_get_stats(s, &st);
    cr_assert_eq(st.added, 1);
    precis_store_close(s);
}

Test(store, a_story_becomes_a_cluster_to_summarize)
{
    precis_store *s = open_db(NULL);
    precis_error err = {0};
    add(s, "flood1", NULL, "2024-10-31", flood1, &err);
    add(s, "flood2", NULL, "2024-10-31", flood2, &err);
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK);
    precis_store_close(s);
    precis_store_options o;
    precis_store_options_init(&o);
    o.readonly = 1;
    s = open_db(&o);
    cr_assert_eq(add(s, "x", NULL, NULL, tram, &err), PRECIS_ERR_USAGE, "read-only store refuses writes");
    precis_engine *eng;
    cr_assert_eq(precis_engine_new(&eng, &err), PRECIS_OK);
    precis_cluster *c;
    cr_assert_eq(precis_store_story_cluster(s, eng, 1, &c, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(precis_cluster_articles(c), 2);
    precis_summary *sum;
    cr_assert_eq(precis_summarize(c, NULL, &sum, &err), PRECIS_OK);
    cr_assert_gt(precis_summary_count(sum), 0);
    precis_summary_free(sum);
    precis_cluster_free(c);
    cr_assert_eq(precis_store_story_cluster(s, eng, 42, &c, &err), PRECIS_ERR_USAGE);
    cr_assert_not_null(strstr(err.message, "no story 42"));
    precis_engine_free(eng);
    precis_store_close(s);
}

static void write_bytes(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

Test(store, foreign_corrupt_and_newer_files_are_clear_errors)
{
    precis_store *s = NULL;
    precis_error err = {0};
    /* Not SQLite at all. */
    write_bytes(dbpath, "hello, this is not a database at all, just text\n", 48);
    cr_assert_eq(precis_store_open(dbpath, NULL, &s, &err), PRECIS_ERR_FORMAT);
    cr_assert_null(s);
    cr_assert_not_null(strstr(err.message, "not a precis database"), "%s", err.message);
    cr_assert_str_eq(err.where, dbpath);
    /* Another program's SQLite database. */
    unlink(dbpath);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    cr_assert_eq(precis_store_open(dbpath, NULL, &s, &err), PRECIS_ERR_FORMAT);
    cr_assert_not_null(strstr(err.message, "application_id"), "%s", err.message);
    /* A precis database from the future. */
    unlink(dbpath);
    s = open_db(NULL);
    precis_store_close(s);
    cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    cr_assert_eq(precis_store_open(dbpath, NULL, &s, &err), PRECIS_ERR_FORMAT);
    cr_assert_not_null(strstr(err.message, "newer"), "%s", err.message);
    /* A real database, damaged: its pages overwritten with garbage. */
    unlink(dbpath);
    s = open_db(NULL);
    for (int i = 0; i < 40; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%d", i);
        char *text = malloc(strlen(flood1) + 32);
        sprintf(text, "%s Update %d.", flood1, i);
        add(s, id, NULL, "2024-10-31", text, &err);
        free(text);
    }
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK);
    precis_store_close(s);
    cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    sqlite3_close(db);
    size_t len = 0;
    char *bytes = slurp(dbpath, &len);
    cr_assert_gt(len, 8192);
    for (size_t i = 4096; i < len; i++)
        bytes[i] = (char)(i * 7919 >> 3);
    write_bytes(dbpath, bytes, len);
    free(bytes);
    precis_status st = precis_store_open(dbpath, NULL, &s, &err);
    if (st == PRECIS_OK) { /* the header page survived: reading must fail cleanly */
        memset(&err, 0, sizeof err);
        st = add(s, "late", NULL, "2024-10-31", tram, &err);
        if (st == PRECIS_OK)
            st = precis_store_flush(s, &err);
        precis_store_close(s);
    }
    cr_assert_eq(st, PRECIS_ERR_FORMAT, "damaged database: %s", err.message);
    /* Truncated to less than a header. */
    write_bytes(dbpath, "SQLite format", 13);
    cr_assert_eq(precis_store_open(dbpath, NULL, &s, &err), PRECIS_ERR_FORMAT);
    /* Read-only open of a missing file. */
    precis_store_options o;
    precis_store_options_init(&o);
    o.readonly = 1;
    unlink(dbpath);
    cr_assert_eq(precis_store_open(dbpath, &o, &s, &err), PRECIS_ERR_IO);
    cr_assert_not_null(strstr(err.message, "No such file"), "%s", err.message);
}

/* Copy file from to file to (both may be missing: then to is removed). */
static void copy_file(const char *from, const char *to)
{
    size_t len = 0;
    char *bytes = slurp(from, &len);
    unlink(to);
    if (bytes)
        write_bytes(to, bytes, len);
    free(bytes);
}

/* A writer killed in the middle of a change to a database in rollback
 * mode (as a new file is while it is switched to WAL) leaves a hot
 * journal. A read-only reader cannot roll it back; it has SQLite do it on
 * a read-write connection first, and then reads what was committed. The
 * killed writer is made by copying a database and its journal in the
 * middle of a change, which leaves the copy exactly as a kill would (and
 * no second process for the test to run). */
Test(store, a_reader_settles_what_a_killed_writer_left)
{
    precis_error err = {0};
    precis_store *s = open_db(NULL);
    cr_assert_eq(add(s, "f1", NULL, "2024-10-31", flood1, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(add(s, "t1", NULL, "2024-10-31", tram, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK, "%s", err.message);
    precis_store_close(s);
    char work[160], work_journal[176], journal[160];
    snprintf(work, sizeof work, "%s/work.db", dir);
    snprintf(work_journal, sizeof work_journal, "%s-journal", work);
    snprintf(journal, sizeof journal, "%s-journal", dbpath);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
    copy_file(dbpath, work);
    /* The writer: a change big enough to spill into the file. */
    cr_assert_eq(sqlite3_open(work, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db,
                              "PRAGMA cache_size = 1; BEGIN; DELETE FROM article; CREATE TABLE junk(x);"
                              "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 200)"
                              "INSERT INTO junk SELECT randomblob(4000) FROM c;",
                              NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    copy_file(work, dbpath);
    copy_file(work_journal, journal);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);
    struct stat st;
    cr_assert(stat(journal, &st) == 0 && st.st_size > 0, "no journal was copied");

    char args[256];
    snprintf(args, sizeof args, "stories --db %s", dbpath);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "Valencia"), "%s", r.out);
    run_free(&r);
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 2, "the killed writer's change was not rolled back");
}

/* ---- The CLI ------------------------------------------------------------ */

static void write_text(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_bytes(path, text, strlen(text));
}

Test(store_cli, ingest_files_html_and_jsonl_then_list_and_summarize)
{
    char path[256];
    snprintf(path, sizeof path, "%s/in", dir);
    mkdir(path, 0755);
    write_text("in/flood1.txt", flood1);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp data/html/news1.html %s/in/page.html", dir);
    cr_assert_eq(system(cmd), 0);
    char *line = malloc(4096);
    snprintf(line, 4096,
             "{\"id\":\"t1\",\"url\":\"https://example.org/tram\",\"source\":\"Example\",\"published\":\"2024-10-31\","
             "\"title\":\"Tram line approved\",\"text\":\"%s\"}\n"
             "{\"id\":\"f2\",\"published\":1730419200,\"text\":\"%s\"}\n",
             tram, flood2);
    write_text("stream.jsonl", line);
    free(line);
    char args[1024];
    snprintf(args, sizeof args, "ingest --db %s --date 2024-10-31 %s/in %s/stream.jsonl", dbpath, dir, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "4 articles added"), "%s", r.err);
    run_free(&r);
    /* Again: nothing changes. */
    r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "0 articles added"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "4 duplicates"), "%s", r.err);
    run_free(&r);
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 4);
    snprintf(args, sizeof args, "stories --db %s --format json", dbpath);
    r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "\"title\":\"Tram line approved\""), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "\"source\":\"Example\""), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "\"title\":\"Flood waters rise in Valencia as rescuers search for missing\""),
                       "%s", r.out);
    int lines = 0;
    for (char *p = r.out; *p; p++)
        lines += *p == '\n';
    cr_assert_eq(lines, 2, "a flood story and a tram story:\n%s", r.out);
    run_free(&r);
    snprintf(args, sizeof args, "stories --db %s", dbpath);
    r = run_precis(args);
    cr_assert_eq(r.status, 0);
    cr_assert_not_null(strstr(r.out, "story "), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "3 articles"), "%s", r.out);
    run_free(&r);
    long long flood_story = query_int("SELECT story FROM article WHERE ext_id = 'f2'");
    snprintf(args, sizeof args, "summarize --db %s --story %lld --words 60", dbpath, flood_story);
    r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "Valencia"), "%s", r.out);
    run_free(&r);
}

static int count_lines(const char *text)
{
    int n = 0;
    for (; text && *text; text++)
        n += *text == '\n';
    return n;
}

/* stories --limit 0 is no limit, as --help and the man page say. */
Test(store_cli, stories_limit_zero_lists_every_story)
{
    write_text("flood1.txt", flood1);
    write_text("tram.txt", tram);
    char args[1024];
    snprintf(args, sizeof args, "ingest -q --db %s --date 2024-10-31 %s/flood1.txt %s/tram.txt", dbpath, dir, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    const char *limits[] = {"-n 1", "-n 0", "--limit 0"};
    const int want[] = {1, 2, 2};
    for (int i = 0; i < 3; i++) {
        snprintf(args, sizeof args, "stories --db %s --format json %s", dbpath, limits[i]);
        r = run_precis(args);
        cr_assert_eq(r.status, 0, "%s", r.err);
        cr_assert_eq(count_lines(r.out), want[i], "%s:\n%s", limits[i], r.out);
        run_free(&r);
    }
    r = run_precis("stories --help");
    cr_assert_not_null(strstr(r.out, "at most N stories (0 = no limit)"), "%s", r.out);
    run_free(&r);
}

Test(store_cli, errors_name_the_file_and_line)
{
    write_text("bad.jsonl", "{\"id\":\"ok\",\"text\":\"A fine article about the harbour strike in Rotterdam.\"}\n"
                            "{\"id\":\"x\",\"text\":\n"
                            "{\"id\":\"y\",\"title\":\"no text\"}\n"
                            "{\"id\":\"z\",\"text\":\"Dated badly.\",\"published\":\"soon\"}\n"
                            "{\"id\":\"f\",\"text\":\"Dated in fractions.\",\"published\":1730362500.5}\n"
                            "{\"id\":2.5,\"text\":\"A fractional id.\"}\n");
    char args[512];
    snprintf(args, sizeof args, "ingest --db %s %s/bad.jsonl", dbpath, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "bad.jsonl:2: malformed JSON"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "bad.jsonl:3: expected \"text\" or \"html\""), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "bad.jsonl:4: unrecognised date"), "%s", r.err);
    /* Unix seconds and ids may be whole numbers: the message says so (it
     * said "must be a string", though 1730362500 is taken). */
    cr_assert_not_null(strstr(r.err, "bad.jsonl:5: \"published\" must be a string or a whole number"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "bad.jsonl:6: \"id\" must be a string or a whole number"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "1 articles added"), "%s", r.err);
    run_free(&r);
    /* A foreign file as --db: a clear message, the file untouched, exit 1
     * (bad input) for stories and ingest alike. */
    write_text("notes.db", "my shopping list\n");
    snprintf(args, sizeof args, "stories --db %s/notes.db", dir);
    r = run_precis(args);
    cr_assert_eq(r.status, 1);
    cr_assert_not_null(strstr(r.err, "not a precis database"), "%s", r.err);
    run_free(&r);
    snprintf(args, sizeof args, "ingest --db %s/notes.db %s/bad.jsonl", dir, dir);
    r = run_precis(args);
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "not a precis database"), "%s", r.err);
    run_free(&r);
    char path[256];
    snprintf(path, sizeof path, "%s/notes.db", dir);
    char *kept = slurp(path, NULL);
    cr_assert_str_eq(kept, "my shopping list\n");
    free(kept);
    r = run_precis("ingest a.txt");
    cr_assert_eq(r.status, 2);
    run_free(&r);
    snprintf(args, sizeof args, "summarize --db %s --story x", dbpath);
    r = run_precis(args);
    cr_assert_eq(r.status, 2);
    run_free(&r);
}

/* A path that does not exist, or standard input that cannot be read, is
 * bad input like a bad article: reported, skipped, exit 1, and the other
 * inputs stored. --strict stops there, and still stores what came before. */
Test(store_cli, an_unreadable_input_is_skipped_and_the_rest_stored)
{
    char path[256], args[1024];
    snprintf(path, sizeof path, "%s/in", dir);
    mkdir(path, 0755);
    write_text("in/flood1.txt", flood1);
    write_text("in/tram.txt", tram);
    write_text("after.txt", flood2);
    snprintf(args, sizeof args, "ingest --db %s %s/in %s/missing.txt - %s/after.txt < %s", dbpath, dir, dir, dir,
             dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "missing.txt: cannot open"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "read error"), "standard input is a directory: %s", r.err);
    cr_assert_not_null(strstr(r.err, "3 articles added"), "%s", r.err);
    run_free(&r);
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 3);

    unlink(dbpath);
    snprintf(args, sizeof args, "ingest --strict --db %s %s/in/flood1.txt %s/missing.txt %s/after.txt", dbpath, dir,
             dir, dir);
    r = run_precis(args);
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "1 articles added"), "%s", r.err);
    run_free(&r);
    cr_assert_eq(query_int("SELECT count(*) FROM article WHERE ext_id = 'flood1.txt'"), 1,
                 "the article before the bad input was thrown away");
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 1, "--strict read on after the bad input");
}

/* The database's own failure (here a lock another writer holds past the
 * busy timeout) still stops the run: exit 3, nothing half-written. */
Test(store_cli, a_database_failure_stops_ingest)
{
    write_text("flood1.txt", flood1);
    write_text("tram.txt", tram);
    char args[1024];
    snprintf(args, sizeof args, "ingest -q --db %s %s/flood1.txt", dbpath, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    sqlite3 *db = next_user_db();
    cr_assert_eq(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    snprintf(args, sizeof args, "ingest --busy-timeout 0 --db %s %s/tram.txt", dbpath, dir);
    r = run_precis(args);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);
    cr_assert_eq(r.status, 3, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "busy"), "%s", r.err);
    run_free(&r);
    cr_assert_eq(query_int("SELECT count(*) FROM article"), 1);
}

/* --window is bounded as in precis cluster: 0 to 36500 days. */
Test(store_cli, window_out_of_range_is_a_usage_error)
{
    write_text("flood1.txt", flood1);
    const char *bad[] = {"1e15", "inf", "nan", "-1", "36501", "3days"};
    char args[512];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(args, sizeof args, "ingest --window %s --db %s %s/flood1.txt", bad[i], dbpath, dir);
        run_result r = run_precis(args);
        cr_assert_eq(r.status, 2, "--window %s: exit %d: %s", bad[i], r.status, r.err);
        cr_assert_not_null(strstr(r.err, "--window needs a number of days (0 to 36500)"), "%s", r.err);
        run_free(&r);
    }
    snprintf(args, sizeof args, "ingest -q --window 36500 --db %s %s/flood1.txt", dbpath, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
}

/* --threshold is bounded as cluster's is: "inf" was taken (and made every
 * article a story of its own), where cluster refuses it. */
Test(store_cli, threshold_out_of_range_is_a_usage_error)
{
    write_text("flood1.txt", flood1);
    const char *bad[] = {"inf", "nan", "-0.1", "11", "1e400", "0.2x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        run_result r = run_precisf("ingest --threshold %s --db %s %s/flood1.txt", bad[i], dbpath, dir);
        cr_assert_eq(r.status, 2, "--threshold %s: exit %d: %s", bad[i], r.status, r.err);
        cr_assert_not_null(strstr(r.err, "--threshold needs a number from 0 to 10"), "%s", r.err);
        run_free(&r);
    }
    run_result r = run_precisf("ingest -q --threshold 10 --db %s %s/flood1.txt", dbpath, dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
}

/* A stream of articles in a file whose name does not say so (split's
 * part.aa, a feed saved as "feed") is read as JSON Lines, as a page is
 * read as HTML by its content: it was stored as one plain-text article,
 * its title the first JSON line, with exit 0. */
Test(store_cli, json_lines_under_another_name_are_read_as_json_lines)
{
    write_text("part.aa", "{\"id\":\"a\",\"title\":\"Harbour strike\",\"text\":\"The harbour strike in "
                          "Rotterdam entered its third day on Monday, officials said.\"}\n"
                          "{\"id\":\"b\",\"title\":\"Tram fares\",\"text\":\"The city council voted to "
                          "raise tram fares by ten cents from January.\"}\n");
    run_result r = run_precisf("ingest -q --db %s --date 2024-05-01 %s/part.aa", dbpath, dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    cr_expect_eq(query_int("SELECT count(*) FROM article"), 2);
    r = run_precisf("stories --db %s", dbpath);
    cr_expect(strstr(r.out, "Harbour strike  [a]") && strstr(r.out, "Tram fares  [b]") && !strstr(r.out, "{\""),
              "%s", r.out);
    run_free(&r);
    /* and a text that merely opens with a brace is still a text */
    write_text("note.txt", "{Editor's note} The council met on Tuesday and voted to fund the parks.\n"
                           "It also voted to close the old library.\n");
    r = run_precisf("ingest -q --db %s --date 2024-05-01 %s/note.txt", dbpath, dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    cr_expect_eq(query_int("SELECT count(*) FROM article"), 3);
}

/* Stories dated before 1970 (negative Unix seconds) are listed like any
 * other; they were hidden unless --since was given. */
Test(store_cli, stories_before_1970_are_listed)
{
    char *lines = malloc(4096);
    snprintf(lines, 4096,
             "{\"id\":\"moon\",\"published\":\"1969-07-20T20:17:00Z\",\"text\":\"%s\"}\n"
             "{\"id\":\"tram\",\"published\":\"2024-10-31\",\"text\":\"%s\"}\n",
             flood1, tram);
    write_text("old.jsonl", lines);
    free(lines);
    char args[512];
    snprintf(args, sizeof args, "ingest -q --db %s %s/old.jsonl", dbpath, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    snprintf(args, sizeof args, "stories --db %s --format json", dbpath);
    r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "\"published\":\"1969-07-20T20:17:00Z\""), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "\"id\":\"tram\""), "%s", r.out);
    run_free(&r);
    snprintf(args, sizeof args, "stories --db %s --format json --since 2000-01-01", dbpath);
    r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_null(strstr(r.out, "1969"), "%s", r.out);
    cr_assert_not_null(strstr(r.out, "\"id\":\"tram\""), "%s", r.out);
    run_free(&r);
}

/* precis checks what it stores, but a database may have been written by
 * another program: a headline or title that is not UTF-8 is listed with
 * U+FFFD for each bad byte, as every other JSON output does, not dropped
 * from its object (jansson refuses such a string). */
Test(store_cli, stories_json_keeps_text_that_is_not_utf8)
{
    write_text("tram.txt", tram);
    run_result r = run_precisf("ingest -q --db %s --date 2024-10-31 %s/tram.txt", dbpath, dir);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    sqlite3 *db = next_user_db();
    cr_assert_eq(sqlite3_exec(db,
                              "UPDATE article SET title = CAST(x'5472616d80' AS TEXT);"
                              "UPDATE story SET headline = CAST(x'4e6577c3' AS TEXT)",
                              NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    r = run_precisf("stories --db %s --format json", dbpath);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_not_null(strstr(r.out, "\"headline\":\"New\xEF\xBF\xBD\""), "%s", r.out);
    cr_expect_not_null(strstr(r.out, "\"title\":\"Tram\xEF\xBF\xBD\""), "%s", r.out);
    run_free(&r);
}

/* ---- A database the reader may not write ------------------------------ */

static const char as_nobody[] = "setpriv --reuid=65534 --regid=65534 --clear-groups";

/* Whether precis can be run as a user who may not write the test's files.
 * Root may write anything, so a test run as root runs precis as nobody
 * (setpriv); anyone else is such a user already. Under valgrind (make
 * check-valgrind) nobody may not write the traced program's log, and
 * setpriv may be missing: the tests that need it then return (not
 * cr_skip_test, whose abrupt exit valgrind reads as leaks). */
static int can_run_unprivileged(void)
{
    if (geteuid() != 0)
        return 1;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s --help > /dev/null 2>&1", as_nobody, precis_bin());
    if (system(cmd) == 0)
        return 1;
    fprintf(stderr, "store_cli: cannot run %s as nobody here (no setpriv, or a path nobody may not read or "
                    "write): not tested\n",
            precis_bin());
    return 0;
}

/* Run `precis ARGS` as such a user (can_run_unprivileged said yes). */
static run_result run_unprivileged(const char *args)
{
    if (geteuid() != 0)
        return run_precis(args);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s %s > %s/out.txt 2> %s/err.txt", as_nobody, precis_bin(), args, dir, dir);
    run_result r = {0};
    int st = system(cmd);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    snprintf(cmd, sizeof cmd, "%s/out.txt", dir);
    r.out = slurp(cmd, &r.out_len);
    snprintf(cmd, sizeof cmd, "%s/err.txt", dir);
    r.err = slurp(cmd, NULL);
    return r;
}

/* A database in a folder the reader may not write (SQLite cannot make the
 * -shm index WAL readers use), as a 0444 file: stories, summarize --db and
 * compare --db read it. They failed with "reading the schema: attempt to
 * write a readonly database". Commits still waiting in its -wal file,
 * which cannot be replayed there, are a clear error instead. */
Test(store_cli, read_only_commands_read_a_database_they_cannot_write)
{
    precis_error err = {0};
    precis_store *s = open_db(NULL);
    cr_assert_eq(add(s, "flood1", NULL, "2024-10-31", flood1, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(add(s, "flood2", NULL, "2024-10-31", flood2, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(precis_store_flush(s, &err), PRECIS_OK, "%s", err.message);
    precis_store_close(s);
    char ro[128], ro_db[160], wal_db[160], wal[176], path[176];
    snprintf(ro, sizeof ro, "%s/ro", dir);
    snprintf(ro_db, sizeof ro_db, "%s/news.db", ro);
    snprintf(wal_db, sizeof wal_db, "%s/waiting.db", ro);
    snprintf(wal, sizeof wal, "%s-wal", wal_db);
    cr_assert_eq(mkdir(ro, 0755), 0);
    copy_file(dbpath, ro_db);
    /* A copy taken while a writer's commit is still in the -wal only. */
    sqlite3 *db = next_user_db();
    cr_assert_eq(sqlite3_exec(db, "PRAGMA wal_autocheckpoint = 0; INSERT INTO meta VALUES('note', 1)", NULL, NULL,
                              NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    copy_file(dbpath, wal_db);
    snprintf(path, sizeof path, "%s-wal", dbpath);
    copy_file(path, wal);
    sqlite3_close(db);
    struct stat sb;
    cr_assert(stat(wal, &sb) == 0 && sb.st_size > 0, "no -wal to copy");
    cr_assert_eq(chmod(ro_db, 0444) | chmod(wal_db, 0444) | chmod(wal, 0444), 0);
    cr_assert_eq(chmod(ro, 0555) | chmod(dir, 0755), 0);

    if (!can_run_unprivileged()) {
        chmod(ro, 0755);
        return;
    }
    char args[512];
    snprintf(args, sizeof args, "stories --db %s", ro_db);
    run_result r = run_unprivileged(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "2 articles"), "%s", r.out);
    run_free(&r);
    snprintf(args, sizeof args, "summarize --db %s --story 1 --words 40", ro_db);
    r = run_unprivileged(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_not_null(strstr(r.out, "Valencia"), "%s", r.out);
    run_free(&r);
    snprintf(args, sizeof args, "compare --db %s --story 1", ro_db);
    r = run_unprivileged(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    snprintf(args, sizeof args, "stories --db %s", wal_db);
    r = run_unprivileged(args);
    cr_assert_eq(r.status, 1, "%s", r.err);
    cr_assert_not_null(strstr(r.err, "commits wait in"), "%s", r.err);
    cr_assert_not_null(strstr(r.err, "waiting.db-wal"), "%s", r.err);
    run_free(&r);
    chmod(ro, 0755);
}

/* ingest's --db: a file that is not a precis database (not SQLite, cut
 * short) is bad input, exit 1, as README says (it exited 3); one that
 * cannot be opened or written (a missing directory, no permission) is a
 * database error, exit 3. */
Test(store_cli, ingest_exit_status_for_a_bad_database)
{
    write_text("flood1.txt", flood1);
    write_text("notes.db", "my shopping list\n");
    write_text("cut.db", "SQLite format");
    const char *dbs[] = {"notes.db", "cut.db", "no/such/dir/news.db"};
    const int want[] = {1, 1, 3};
    char args[512];
    for (int i = 0; i < 3; i++) {
        snprintf(args, sizeof args, "ingest --db %s/%s %s/flood1.txt", dir, dbs[i], dir);
        run_result r = run_precis(args);
        cr_assert_eq(r.status, want[i], "%s: exit %d: %s", dbs[i], r.status, r.err);
        cr_assert_not_null(strstr(r.err, dbs[i]), "%s", r.err);
        run_free(&r);
    }
    /* A database its user may not write (as root: run as nobody). */
    precis_store_close(open_db(NULL));
    cr_assert_eq(chmod(dbpath, 0444) | chmod(dir, 0755), 0);
    if (!can_run_unprivileged())
        return;
    snprintf(args, sizeof args, "ingest --db %s %s/flood1.txt", dbpath, dir);
    run_result r = run_unprivileged(args);
    cr_assert_eq(r.status, 3, "exit %d: %s", r.status, r.err);
    cr_assert_not_null(strstr(r.err, "news.db"), "%s", r.err);
    run_free(&r);
    snprintf(args, sizeof args, "ingest --db '' %s/flood1.txt", dir);
    r = run_precis(args);
    cr_assert_eq(r.status, 2, "%s", r.err);
    run_free(&r);
}

/* A bad --batch gets one message. n was read unset after parse_size had
 * refused the value, and "--batch must be at least 1" could follow. */
Test(store_cli, a_bad_batch_size_is_one_message)
{
    const char *bad[] = {"-1", "abc", "0", "", "99999999999999999999"};
    char args[512];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(args, sizeof args, "ingest --batch '%s' --db %s", bad[i], dbpath);
        run_result r = run_precis(args);
        cr_assert_eq(r.status, 2, "--batch '%s': exit %d", bad[i], r.status);
        int lines = 0;
        for (char *p = r.err; *p; p++)
            lines += *p == '\n';
        cr_assert_eq(lines, 1, "--batch '%s':\n%s", bad[i], r.err);
        cr_assert_not_null(strstr(r.err, "precis: --batch"), "%s", r.err);
        run_free(&r);
    }
}

/* --date gives undated articles their date, 1970-01-01 too: 0 seconds had
 * meant "now". */
Test(store_cli, the_first_day_of_1970_is_a_date_ingest_can_give)
{
    write_text("moon.txt", flood1);
    char args[512];
    snprintf(args, sizeof args, "ingest -q --db %s --date 1970-01-01 %s/moon.txt", dbpath, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    cr_assert_eq(query_int("SELECT published FROM article"), 0, "the article was dated when it was stored");
}

/* A page with <title> but no <h1> or og:title: the story's headline is the
 * title, not the first paragraph (the reviewer's p3.html). */
Test(store_cli, a_page_title_is_the_headline)
{
    write_text("p3.html", "<!doctype html><html><head><title>Storm hits coast</title><meta "
                          "property=\"article:published_time\" content=\"2024-10-30T10:00:00Z\"></head><body>"
                          "<nav>Home | World | Sport</nav><article><p>A storm hit the coast on Friday, cutting "
                          "power to thousands of homes, officials said.</p><p>Crews worked through the night "
                          "to restore power, the utility said.</p></article></body></html>");
    char args[1024];
    snprintf(args, sizeof args, "ingest --db %s %s/p3.html", dbpath, dir);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    snprintf(args, sizeof args, "stories --db %s", dbpath);
    r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert(!strncmp(r.out, "story 1: Storm hits coast\n", 26), "%s", r.out);
    run_free(&r);
}

/* A pasted page without a title field is titled by its story's first line,
 * not by the furniture above it: the bundled example's second page opens
 * with its date line, its third with a site's banner. */
Test(store_cli, a_pasted_page_is_titled_past_its_furniture)
{
    char args[1024];
    snprintf(args, sizeof args, "ingest --db %s ../examples/seeds", dbpath);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_free(&r);
    snprintf(args, sizeof args, "stories --db %s", dbpath);
    r = run_precis(args);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_not_null(strstr(r.out, "  Russia's Syria airstrikes resume amid claims US-backed rebels are being "
                                     "targeted  [001_ff01b8e64425b3dd.txt]"), "%s", r.out);
    cr_expect_not_null(strstr(r.out, "  Russia launches new strikes on foes of Syria\xe2\x80\x99s Assad  "
                                     "[002_190641c456ae7d2f.txt]"), "%s", r.out);
    cr_expect_null(strstr(r.out, "Monday 22 January 2018"), "%s", r.out);
    cr_expect_null(strstr(r.out, "Consular assistance"), "%s", r.out);
    run_free(&r);
}

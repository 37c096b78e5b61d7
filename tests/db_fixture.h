/*
 * db_fixture.h: a fresh temporary directory per test holding the story
 * database path (dir/news.db), made in .init and removed in .fini, and a
 * look into that database from outside the program under test.
 *
 * Define DB_FIXTURE_DIR (a mkdtemp template such as
 * "/tmp/precis-store-XXXXXX") before including it, so that leftovers name
 * the test file they came from. Each test file that includes it gets its
 * own copy.
 */
#ifndef PRECIS_TEST_DB_FIXTURE_H
#define PRECIS_TEST_DB_FIXTURE_H

#include <criterion/criterion.h>
#include <sqlite3.h>

#include "helpers.h"

#ifndef DB_FIXTURE_DIR
#error "define DB_FIXTURE_DIR (a mkdtemp template) before including db_fixture.h"
#endif

static char dir[64];
static char dbpath[128];

static void setup(void)
{
    strcpy(dir, DB_FIXTURE_DIR);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(dbpath, sizeof dbpath, "%s/news.db", dir);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* A connection to the test's database as the next user of the file has
 * one: read-write, never creating it, so that SQLite puts right what a
 * killed writer left (a hot journal, a stale WAL index) before it reads.
 * A read-only connection cannot, and fails ("attempt to write a readonly
 * database") or may read past the killed writer's last commits. The busy
 * timeout lets it wait out a `precis ingest` writing at the same time. */
static sqlite3 *next_user_db(void)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    return db;
}

/* The one number a query such as "SELECT count(*) ..." answers. */
static long long query_int(const char *sql)
{
    sqlite3 *db = next_user_db();
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

#endif

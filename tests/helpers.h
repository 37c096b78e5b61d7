/*
 * helpers.h: running the precis program from tests and reading files.
 * The program under test is $PRECIS (make test sets it to the sanitizer
 * build), falling back to ../build/precis; tests run from tests/.
 *
 * A test that writes files writes them in a directory of its own
 * (test_dir_make), never at a fixed name such as /tmp/x.txt: two runs of
 * the suite at once on one machine (CI and a developer) would overwrite
 * and remove each other's files.
 */
#ifndef PRECIS_TEST_HELPERS_H
#define PRECIS_TEST_HELPERS_H

#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct run_result {
    int status;    /* exit code, or 128 + signal */
    char *out;     /* stdout, malloc'd */
    size_t out_len;
    char *err;     /* stderr, malloc'd */
} run_result;

static inline const char *precis_bin(void)
{
    const char *p = getenv("PRECIS");
    return p && *p ? p : "../build/precis";
}

static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *data = malloc(cap + 1);
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            data = realloc(data, cap + 1);
        }
    }
    fclose(f);
    if (data)
        data[n] = '\0';
    if (len)
        *len = n;
    return data;
}

/* Run `$PRECIS ARGS` through the shell (ARGS may hold redirections). */
static inline run_result run_precis(const char *args)
{
    run_result r = {0};
    char out_path[] = "/tmp/precis-test-out-XXXXXX", err_path[] = "/tmp/precis-test-err-XXXXXX";
    int fo = mkstemp(out_path), fe = mkstemp(err_path);
    close(fo);
    close(fe);
    size_t cmd_len = strlen(args) + strlen(precis_bin()) + 2 * sizeof out_path + 32;
    char *cmd = malloc(cmd_len);
    snprintf(cmd, cmd_len, "%s %s >%s 2>%s", precis_bin(), args, out_path, err_path);
    int st = system(cmd);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    r.out = slurp(out_path, &r.out_len);
    r.err = slurp(err_path, NULL);
    unlink(out_path);
    unlink(err_path);
    free(cmd);
    return r;
}

/* run_precis with the arguments made by printf from fmt. */
static inline run_result run_precisf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline run_result run_precisf(const char *fmt, ...)
{
    char args[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    return run_precis(args);
}

static inline void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

/* A directory made for one test process by mkdtemp, so its files' names
 * are the test's alone; the files in it keep their plain base names (a
 * test may look for "name.jsonl:2:" in a message). */
#define TEST_DIR_TEMPLATE "/tmp/precis-test-XXXXXX"
typedef struct test_dir {
    char path[sizeof TEST_DIR_TEMPLATE];
} test_dir;

/* Make a new private directory into D; 0 if mkdtemp failed. */
static inline int test_dir_make(test_dir *d)
{
    memcpy(d->path, TEST_DIR_TEMPLATE, sizeof TEST_DIR_TEMPLATE);
    return mkdtemp(d->path) != NULL;
}

/* D's path joined with NAME into DST (CAP bytes); NULL if it did not fit. */
static inline const char *test_dir_file(const test_dir *d, const char *name, char *dst, size_t cap)
{
    int n = snprintf(dst, cap, "%s/%s", d->path, name);
    return n >= 0 && (size_t)n < cap ? dst : NULL;
}

static inline int test_dir_remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Remove D and everything in it (links are removed, never followed);
 * 0 when all is gone. */
static inline int test_dir_remove(const test_dir *d)
{
    return nftw(d->path, test_dir_remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Write TEXT to PATH (the test fails if it cannot). */
#define test_write(path, text)                                                           \
    do {                                                                                 \
        FILE *test_write_f = fopen((path), "w");                                         \
        cr_assert_not_null(test_write_f, "cannot write %s", (path));                     \
        fputs((text), test_write_f);                                                     \
        cr_assert_eq(fclose(test_write_f), 0, "cannot write %s", (path));                \
    } while (0)

/* A file's own test directory `tmp`, made and removed around each test
 * that names them: Test(s, n, .init = make_tmp, .fini = remove_tmp). */
#define TEST_DIR_FIXTURE                                                                 \
    static test_dir tmp;                                                                 \
    static void make_tmp(void) { cr_assert(test_dir_make(&tmp), "mkdtemp %s", tmp.path); } \
    static void remove_tmp(void)                                                         \
    {                                                                                    \
        if (test_dir_remove(&tmp) != 0)                                                  \
            cr_log_warn("could not remove %s", tmp.path);                                \
    }

#endif

/*
 * test_io.c: the line reader (plain and zstd, long lines skipped without
 * losing the next ones) and the JSON Lines cluster parser.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "io/io.h"
#include "precis.h"

static void write_lines(const char *path, int compress)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("first line\n", f);
    for (int i = 0; i < 5000; i++)
        fputs("0123456789", f);
    fputs("\nthird line\n\nfifth line without newline", f);
    fclose(f);
    if (compress) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, "zstd -q -f --rm %s -o %s.zst && mv %s.zst %s", path, path, path, path);
        cr_assert_eq(system(cmd), 0);
    }
}

static void check_reader(int compress)
{
    char path[] = "/tmp/precis-lines-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    write_lines(path, compress);
    line_reader *r;
    precis_error err = {0};
    cr_assert_eq(line_reader_open(path, &r, &err), PRECIS_OK);
    line_reader_set_limit(r, 1000);
    buf line = BUF_INIT;
    cr_assert_eq(line_reader_next(r, &line, &err), 1);
    cr_assert_str_eq(line.data, "first line");
    cr_assert_eq(line_reader_next(r, &line, &err), -2, "the 50,000-byte line is over the limit");
    cr_assert_eq(err.line, 2);
    cr_assert(strstr(err.message, "skipped"));
    cr_assert_eq(line_reader_next(r, &line, &err), 1);
    cr_assert_str_eq(line.data, "third line");
    cr_assert_eq(line_reader_lineno(r), 3);
    cr_assert_eq(line_reader_next(r, &line, &err), 1);
    cr_assert_eq(line.len, 0);
    cr_assert_eq(line_reader_next(r, &line, &err), 1);
    cr_assert_str_eq(line.data, "fifth line without newline");
    cr_assert_eq(line_reader_next(r, &line, &err), 0);
    buf_free(&line);
    line_reader_close(r);
    unlink(path);
}

Test(io, plain_lines_and_an_overlong_line_skipped)
{
    check_reader(0);
}

Test(io, zstd_lines_and_an_overlong_line_skipped)
{
    check_reader(1);
}

Test(io, corrupt_zstd_is_an_error_not_a_crash)
{
    char path[] = "/tmp/precis-badzst-XXXXXX";
    int fd = mkstemp(path);
    static const unsigned char junk[] = {0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE, 0x10};
    cr_assert_eq(write(fd, junk, sizeof junk), (ssize_t)sizeof junk);
    close(fd);
    line_reader *r;
    precis_error err = {0};
    cr_assert_eq(line_reader_open(path, &r, &err), PRECIS_OK);
    buf line = BUF_INIT;
    cr_assert_eq(line_reader_next(r, &line, &err), -1);
    cr_assert(strstr(err.message, "zstd"), "%s", err.message);
    buf_free(&line);
    line_reader_close(r);
    unlink(path);
}

Test(io, jsonl_cluster_shapes)
{
    precis_engine *eng;
    precis_error err = {0};
    cr_assert_eq(precis_engine_new(&eng, &err), PRECIS_OK);
    precis_cluster *c;
    char *id;
    const char *good = "{\"id\": 7, \"document\": \"The mayor resigned on Friday after the audit. ||||| "
                       "After an audit, the mayor resigned Friday. |||||   \"}";
    cr_assert_eq(jsonl_cluster(eng, good, strlen(good), 3, "x.jsonl", &c, &id, &err), PRECIS_OK, "%s",
                 err.message);
    cr_assert_str_eq(id, "7");
    cr_assert_eq(precis_cluster_articles(c), 2, "the blank third article is left out");
    precis_cluster_free(c);
    free(id);
    const char *bad[] = {"[1, 2]", "{\"id\": \"a\"}", "{\"docs\": [\"ok text here.\", 5]}",
                         "{\"docs\": [\"\", \"   \"]}", "{\"id\": \"a\", \"id\": \"b\", \"docs\": []}", "{\"docs\": [\"x\""};
    precis_status want[] = {PRECIS_ERR_JSON, PRECIS_ERR_JSON, PRECIS_ERR_JSON, PRECIS_ERR_EMPTY, PRECIS_ERR_JSON,
                            PRECIS_ERR_JSON};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        precis_status st = jsonl_cluster(eng, bad[i], strlen(bad[i]), 9, "x.jsonl", &c, &id, &err);
        cr_assert_eq(st, want[i], "case %zu: %s", i, err.message);
        cr_assert_eq(err.line, 9);
        cr_assert_str_eq(err.where, "x.jsonl");
    }
    precis_engine_free(eng);
}

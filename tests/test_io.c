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
#include "model/cluster.h"
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

/* An overlong line of binary data is not skipped in search of its end
 * (which /dev/zero never gives): the stream ends there with a message.
 * Text lines over the limit are still skipped (check_reader above). */
Test(io, an_overlong_line_of_binary_data_ends_the_stream)
{
    char path[] = "/tmp/precis-binline-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    cr_assert_not_null(f);
    fputs("first line\n", f);
    for (int i = 0; i < 5000; i++)
        fputs("junk", f);
    fputc('\0', f); /* 20,000 bytes in, past the limit of 1,000 */
    for (int i = 0; i < 5000; i++)
        fputs("junk", f);
    fputs("\nlast line\n", f);
    cr_assert_eq(fclose(f), 0);
    line_reader *r;
    precis_error err = {0};
    cr_assert_eq(line_reader_open(path, &r, &err), PRECIS_OK);
    line_reader_set_limit(r, 1000);
    buf line = BUF_INIT;
    cr_assert_eq(line_reader_next(r, &line, &err), 1);
    cr_assert_str_eq(line.data, "first line");
    cr_assert_eq(line_reader_next(r, &line, &err), -1);
    cr_assert_eq(err.code, PRECIS_ERR_BINARY);
    cr_assert_eq(err.line, 2);
    cr_assert(strstr(err.message, "binary"), "%s", err.message);
    buf_free(&line);
    line_reader_close(r);
    unlink(path);
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

/* Read a file of 1,999 numbered lines, one line of a million bytes and
 * "the end", checking each. Returns the lines read; *status is the last
 * line_reader_next result. */
static int read_numbered(const char *path, int *status, precis_error *err)
{
    line_reader *r;
    cr_assert_eq(line_reader_open(path, &r, err), PRECIS_OK);
    line_reader_set_limit(r, 2000000);
    buf line = BUF_INIT;
    int n = 0, got;
    while ((got = line_reader_next(r, &line, err)) == 1) {
        if (n < 1999)
            cr_assert_eq(atoi(line.data), n, "line %d reads %.20s", n, line.data);
        else if (n == 1999)
            cr_assert_eq(line.len, 1000000, "the long line is whole: %zu bytes", line.len);
        else
            cr_assert_str_eq(line.data, "the end");
        n++;
    }
    *status = got;
    buf_free(&line);
    line_reader_close(r);
    return n;
}

Test(io, truncated_zstd_is_an_error_not_an_end)
{
    char path[] = "/tmp/precis-cutzst-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    cr_assert_not_null(f);
    for (int i = 0; i < 1999; i++)
        fprintf(f, "%d the council met on monday to vote on the budget for %d\n", i, 2000 + i % 50);
    for (int i = 0; i < 100000; i++)
        fputs("0123456789", f);
    fputs("\nthe end\n", f);
    fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "zstd -q -f --rm %s -o %s.zst && mv %s.zst %s", path, path, path, path);
    cr_assert_eq(system(cmd), 0);
    precis_error err = {0};
    int status;
    cr_assert_eq(read_numbered(path, &status, &err), 2001, "every line of the whole file");
    cr_assert_eq(status, 0);

    FILE *z = fopen(path, "rb");
    cr_assert_not_null(z);
    fseek(z, 0, SEEK_END);
    long size = ftell(z);
    fclose(z);
    cr_assert_eq(truncate(path, size / 2), 0);
    int n = read_numbered(path, &status, &err);
    cr_expect_lt(n, 2001);
    cr_expect_eq(status, -1, "a cut file ends in an error, not quietly (%d lines read)", n);
    cr_expect(strstr(err.message, "truncated"), "%s", err.message);
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

static precis_status read_line(precis_engine *eng, const char *line, precis_cluster **c, char **id, precis_error *err)
{
    return jsonl_cluster(eng, line, strlen(line), 4, "t.jsonl", c, id, err);
}

/* The reader keeps the id, the articles and the query, decoded, wherever
 * they stand in the line, and passes over everything else (Multi-News's
 * references and "kept" lists, nested as deep as they like). */
Test(io, jsonl_cluster_keeps_what_a_cluster_needs)
{
    precis_engine *eng;
    precis_error err = {0};
    cr_assert_eq(precis_engine_new(&eng, &err), PRECIS_OK);
    precis_cluster *c;
    char *id;
    const char *line =
        "{\"refs\": [\"The caf\\u00e9 closed.\", {\"docs\": 5, \"id\": 9}], \"kept\": [0, 1], "
        "\"text\": \"Not these words, which only stand in for the articles.\", "
        "\"docs\": [\"The caf\\u00e9 on Main Street closed on Friday \\ud83d\\ude00 after forty years.\\n\\n"
        "Its owner said rents had doubled.\", \"The \\\"Main Street\\\" caf\\u00e9 has closed after forty years.\"], "
        "\"query\": \"Why did the caf\\u00e9 close?\", \"id\": \"mn-7\"}";
    cr_assert_eq(read_line(eng, line, &c, &id, &err), PRECIS_OK, "%s", err.message);
    cr_assert_str_eq(id, "mn-7");
    cr_assert_eq(precis_cluster_articles(c), 2, "\"docs\" comes before \"text\", and nested keys are not the line's");
    cr_assert_str_eq(c->articles[0].text, "The caf\u00e9 on Main Street closed on Friday \U0001F600 after forty "
                                          "years.\n\nIts owner said rents had doubled.");
    cr_assert_str_eq(c->articles[1].text, "The \"Main Street\" caf\u00e9 has closed after forty years.");
    cr_assert_str_eq(c->query, "Why did the caf\u00e9 close?");
    precis_cluster_free(c);
    free(id);

    /* Deep nesting where nothing is read costs no stack. */
    buf deep = BUF_INIT;
    cr_assert_eq(buf_puts(&deep, "{\"docs\": [\"The council approved the budget on Tuesday night.\"], \"x\": "), 0);
    for (int i = 0; i < 100000; i++)
        cr_assert_eq(buf_putc(&deep, '['), 0);
    for (int i = 0; i < 100000; i++)
        cr_assert_eq(buf_putc(&deep, ']'), 0);
    cr_assert_eq(buf_putc(&deep, '}'), 0);
    cr_assert_eq(jsonl_cluster(eng, deep.data, deep.len, 4, "t.jsonl", &c, &id, &err), PRECIS_OK, "%s", err.message);
    cr_assert_str_eq(id, "line 4");
    precis_cluster_free(c);
    free(id);
    buf_free(&deep);

    /* An escaped backslash before "uD800" is not an escape. */
    const char *backslash = "{\"docs\": [\"The path C:\\\\uD800 was named in the council's report on Tuesday.\"]}";
    cr_assert_eq(read_line(eng, backslash, &c, &id, &err), PRECIS_OK, "%s", err.message);
    cr_assert_str_eq(c->articles[0].text, "The path C:\\uD800 was named in the council's report on Tuesday.");
    precis_cluster_free(c);
    free(id);

    struct {
        const char *line, *id;
    } ids[] = {{"{\"id\": -0, \"docs\": [\"The council approved the budget on Tuesday.\"]}", "0"},
               {"{\"id\": null, \"docs\": [\"The council approved the budget on Tuesday.\"]}", "line 4"}};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        cr_assert_eq(read_line(eng, ids[i].line, &c, &id, &err), PRECIS_OK, "%s", err.message);
        cr_assert_str_eq(id, ids[i].id);
        precis_cluster_free(c);
        free(id);
    }
    precis_engine_free(eng);
}

/* Whatever is not one valid JSON object is refused with a message, the
 * parts the reader passes over included. */
Test(io, jsonl_cluster_refuses_what_is_not_one_json_object)
{
    precis_engine *eng;
    precis_error err = {0};
    cr_assert_eq(precis_engine_new(&eng, &err), PRECIS_OK);
    struct {
        const char *line, *says;
    } bad[] = {
        {"", "malformed JSON"},
        {"   ", "malformed JSON"},
        {"\"a string\"", "expected a JSON object"},
        {"{\"docs\": [\"The council met.\"]} {}", "malformed JSON"},
        {"{\"docs\": [\"The council met.\"]} x", "malformed JSON"},
        {"{\"docs\": [\"The council\\u0000 met.\"]}", "\\u0000"},
        {"{\"docs\": [\"The council met.\"], \"refs\": [\"bad \xff byte\"]}", "malformed JSON"},
        {"{\"docs\": [\"The council met.\"], \"refs\": [1, 2,]}", "malformed JSON"},
        {"{\"docs\": [\"The council met.\"], \"docs\": [\"Again.\"]}", "duplicate key"},
        {"{\"id\": 99999999999999999999, \"docs\": [\"The council met.\"]}", "integer too big"},
        {"{\"docs\": [[\"The council approved the budget on Tuesday.\"]]}", "document 0 is not a string"},
        {"{\"docs\": {\"a\": \"The council approved the budget on Tuesday.\"}}", "expected \"docs\""},
        {"{\"docs\": [\"The council \\uD800\\u0041 met on Tuesday night.\"]}", "unpaired surrogate"},
        {"{\"docs\": [\"The council \\uDC00 met on Tuesday night.\"]}", "unpaired surrogate"},
        {"{\"docs\": [\"The council met.\"], \"refs\": [\"\\uD800x\"]}", "unpaired surrogate"},
        {"{\"id\": \"a\xC0\x80\", \"docs\": [\"The council approved the budget on Tuesday.\"]}", "UTF-8"},
        {"{\"id\": \"a\xED\xB0\x80\", \"docs\": [\"The council approved the budget on Tuesday.\"]}", "UTF-8"},
        {"{\"docs\": [\"The council met.\"], \"query\": \"\xF5\x80\x80\x80\"}", "UTF-8"},
        {"{\"docs\": [\"The council approved the budget on Tuesday.\"]", "at byte 56"},
        {"{\"docs\": 5, \"document\": \"The council approved the budget on Tuesday.\"}", "expected \"docs\""},
        /* a kept key of a type no cluster can use, which had been dropped quietly */
        {"{\"id\": 1e3, \"docs\": [\"The council approved the budget on Tuesday.\"]}", "\"id\" must be"},
        {"{\"id\": 1.5, \"docs\": [\"The council approved the budget on Tuesday.\"]}", "\"id\" must be"},
        {"{\"id\": [1], \"docs\": [\"The council approved the budget on Tuesday.\"]}", "\"id\" must be"},
        {"{\"id\": true, \"docs\": [\"The council approved the budget on Tuesday.\"]}", "\"id\" must be"},
        {"{\"query\": 5, \"docs\": [\"The council approved the budget on Tuesday.\"]}", "\"query\" must be"},
        {"{\"query\": [\"parks\"], \"docs\": [\"The council approved the budget.\"]}", "\"query\" must be"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        precis_cluster *c = (precis_cluster *)1;
        char *id = (char *)1;
        cr_assert_eq(read_line(eng, bad[i].line, &c, &id, &err), PRECIS_ERR_JSON, "case %zu: %s", i, err.message);
        cr_assert(strstr(err.message, bad[i].says), "case %zu: %s", i, err.message);
        cr_assert_null(c);
        cr_assert_null(id);
        cr_assert_eq(err.line, 4);
    }
    precis_engine_free(eng);
}

/*
 * fuzz_jsonl.c: libFuzzer target for JSON Lines input: the line reader
 * (src/io/lines.c, plain and zstd-compressed) and jsonl_cluster
 * (src/io/jsonl.c), which builds a cluster from each line.
 *
 * Build with `make fuzz` (build/fuzz/fuzz_jsonl); corpus in
 * fuzz/corpus/jsonl/.
 *
 * The first byte picks how the rest reaches the reader:
 *   0  as it is (so the fuzzer also makes broken zstd frames of its own);
 *   1  compressed as one zstd frame;
 *   2  compressed as two zstd frames, split where the second byte says.
 * The reader reads from a memory file through its /proc/self/fd path, as
 * it reads any file. Checks: the lines read, joined with newlines, give
 * back the uncompressed bytes exactly, less the byte order mark the
 * reader drops from the start of a line; every failure (from the reader or
 * from jsonl_cluster) has a message and a status in range; a cluster
 * that is made has at least one article and sentence and an id.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zstd.h>

#include "core/buf.h"
#include "harness.h"
#include "io/io.h"
#include "precis.h"

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w <= 0)
            return -1;
        c += w, n -= (size_t)w;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    precis_error err;
    precis_engine *eng = fuzz_engine();
    int mode = data[0] % 3;
    size_t split = data[1];
    const uint8_t *plain = data + 2;
    size_t plen = size - 2;

    int fd = memfd_create("fuzz-jsonl", 0);
    if (fd < 0)
        abort();
    if (mode == 0) {
        if (write_all(fd, plain, plen) != 0)
            abort();
    } else {
        size_t parts[2] = {plen, 0};
        if (mode == 2) {
            parts[0] = plen ? split % (plen + 1) : 0;
            parts[1] = plen - parts[0];
        }
        size_t off = 0;
        for (int k = 0; k < mode; k++) {
            size_t cap = ZSTD_compressBound(parts[k]);
            void *z = malloc(cap ? cap : 1);
            size_t zn = ZSTD_compress(z, cap, plain + off, parts[k], 1);
            if (ZSTD_isError(zn) || write_all(fd, z, zn) != 0)
                abort();
            free(z);
            off += parts[k];
        }
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);

    line_reader *r;
    precis_status st = line_reader_open(path, &r, &err);
    if (st != PRECIS_OK)
        abort(); /* the file exists */
    /* Raw input that happens to start like a zstd frame is decoded: its
     * lines are not the input bytes, so only the other cases compare. */
    int compare = mode != 0 || plen < 4 || memcmp(plain, "\x28\xB5\x2F\xFD", 4) != 0;
    buf line = BUF_INIT, joined = BUF_INIT;
    int got;
    long lines = 0;
    while ((got = line_reader_next(r, &line, &err)) == 1) {
        lines++;
        if (line_reader_lineno(r) != lines || memchr(line.data ? line.data : "", '\n', line.len))
            __builtin_trap();
        if (compare && (buf_append(&joined, line.data ? line.data : "", line.len) != 0 ||
                        buf_putc(&joined, '\n') != 0))
            abort();
        precis_cluster *c;
        char *id;
        st = jsonl_cluster(eng, line.data ? line.data : "", line.len, lines, line_reader_name(r), &c, &id, &err);
        if (st == PRECIS_OK) {
            if (!c || !id || precis_cluster_articles(c) == 0 || precis_cluster_sentences(c) == 0)
                __builtin_trap();
            precis_cluster_free(c);
            free(id);
        } else {
            check_failure(st, &err);
            if (c || id)
                __builtin_trap();
        }
    }
    if (got < 0) {
        check_failure(err.code, &err);
        compare = 0; /* a corrupt frame stops the reader part way */
    }
    if (compare) {
        /* The input as the reader gives it, line by line, each with a
         * newline after it: a mark opening a line goes, and bytes after
         * the last newline are a line even when they were only a mark
         * (which leaves it empty). */
        buf want = BUF_INIT;
        for (size_t i = 0; i < plen;) {
            const uint8_t *nl = memchr(plain + i, '\n', plen - i);
            size_t end = nl ? (size_t)(nl - plain) : plen;
            size_t from = end - i >= 3 && !memcmp(plain + i, "\xef\xbb\xbf", 3) ? i + 3 : i;
            if (buf_append(&want, (const char *)plain + from, end - from) != 0 || buf_putc(&want, '\n') != 0)
                abort();
            i = end + 1;
        }
        if (joined.len != want.len || (want.len && memcmp(joined.data, want.data, want.len) != 0))
            __builtin_trap();
        buf_free(&want);
    }
    buf_free(&line);
    buf_free(&joined);
    line_reader_close(r);
    close(fd);
    return 0;
}

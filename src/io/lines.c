/*
 * lines.c: a line reader that streams through zstd when the input is
 * compressed, so a multi-gigabyte .jsonl.zst is read with memory for one
 * line at a time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zstd.h>

#include "core/error.h"
#include "io/io.h"

struct line_reader {
    FILE *f;
    int owns_file;
    char *name;
    ZSTD_DCtx *z;          /* NULL for plain input */
    unsigned char *in;     /* compressed input */
    ZSTD_inBuffer zin;
    size_t in_cap;
    int frame_open;        /* the decoder is inside a frame or holds output */
    char *pending;         /* decoded bytes not yet returned */
    size_t pend_start, pend_len, pend_cap;
    int eof;
    long lineno;
    size_t max_line;
};

static const unsigned char zstd_magic[4] = {0x28, 0xB5, 0x2F, 0xFD};

precis_status line_reader_open(const char *path, line_reader **out, precis_error *err)
{
    *out = NULL;
    line_reader *r = calloc(1, sizeof *r);
    if (!r)
        return error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory");
    r->name = strdup(path);
    r->max_line = IO_MAX_LINE_BYTES;
    r->pend_cap = 1 << 17;
    r->pending = malloc(r->pend_cap);
    r->in_cap = ZSTD_DStreamInSize();
    r->in = malloc(r->in_cap);
    if (!r->name || !r->pending || !r->in) {
        line_reader_close(r);
        return error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory");
    }
    if (!strcmp(path, "-")) {
        r->f = stdin;
    } else {
        r->f = fopen(path, "rb");
        r->owns_file = 1;
        if (!r->f) {
            precis_status st = error_set(err, PRECIS_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
            line_reader_close(r);
            return st;
        }
        /* A directory opens, and only its first read fails: say what it
         * is, not "read error" on a line 1 it never had. */
        struct stat sb;
        if (fstat(fileno(r->f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
            precis_status st = error_set(err, PRECIS_ERR_IO, path, 0,
                                         "a directory, not a JSON Lines file (name the files in it)");
            line_reader_close(r);
            return st;
        }
    }
    /* Sniff the first bytes; they stay in `in` and are consumed from there. */
    size_t got = fread(r->in, 1, 4, r->f);
    r->zin.src = r->in;
    r->zin.size = got;
    r->zin.pos = 0;
    if (got == 4 && !memcmp(r->in, zstd_magic, 4)) {
        r->z = ZSTD_createDCtx();
        if (!r->z) {
            line_reader_close(r);
            return error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory");
        }
    } else {
        memcpy(r->pending, r->in, got);
        r->pend_len = got;
        r->zin.size = 0;
    }
    *out = r;
    return PRECIS_OK;
}

void line_reader_close(line_reader *r)
{
    if (!r)
        return;
    if (r->f && r->owns_file)
        fclose(r->f);
    ZSTD_freeDCtx(r->z);
    free(r->in);
    free(r->pending);
    free(r->name);
    free(r);
}

int line_is_blank(const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\f\v", data[i]) || data[i] == '\0')
            return 0;
    return 1;
}

long line_reader_lineno(const line_reader *r) { return r->lineno; }
void line_reader_set_limit(line_reader *r, size_t max_line) { r->max_line = max_line; }
const char *line_reader_name(const line_reader *r) { return r->name; }

/* Make room for at least `need` more bytes after the pending ones. */
static int make_room(line_reader *r, size_t need)
{
    if (r->pend_start) {
        memmove(r->pending, r->pending + r->pend_start, r->pend_len);
        r->pend_start = 0;
    }
    if (r->pend_cap - r->pend_len >= need)
        return 0;
    size_t cap = r->pend_cap * 2;
    while (cap - r->pend_len < need)
        cap *= 2;
    char *p = realloc(r->pending, cap);
    if (!p)
        return -1;
    r->pending = p;
    r->pend_cap = cap;
    return 0;
}

/* Append more decoded bytes to pending. 1 if some came, 0 at end, -1 error. */
static int fill(line_reader *r, precis_error *err)
{
    if (r->eof)
        return 0;
    if (make_room(r, 65536) != 0) {
        error_set(err, PRECIS_ERR_NOMEM, r->name, r->lineno + 1, "out of memory");
        return -1;
    }
    char *dst = r->pending + r->pend_len;
    size_t room = r->pend_cap - r->pend_len;
    if (!r->z) {
        size_t n = fread(dst, 1, room, r->f);
        if (n == 0) {
            if (ferror(r->f)) {
                error_set(err, PRECIS_ERR_IO, r->name, r->lineno + 1, "read error: %s", strerror(errno));
                return -1;
            }
            r->eof = 1;
            return 0;
        }
        r->pend_len += n;
        return 1;
    }
    for (;;) {
        int input_ended = 0;
        if (r->zin.pos == r->zin.size) {
            size_t n = fread(r->in, 1, r->in_cap, r->f);
            if (n == 0 && ferror(r->f)) {
                error_set(err, PRECIS_ERR_IO, r->name, r->lineno + 1, "read error: %s", strerror(errno));
                return -1;
            }
            if (n == 0 && !r->frame_open) {
                r->eof = 1;
                return 0;
            }
            /* The file ended, but the decoder may still hold output it had
             * no room for: one more call with no input drains it. */
            input_ended = n == 0;
            r->zin.size = n;
            r->zin.pos = 0;
        }
        ZSTD_outBuffer zout = {dst, room, 0};
        size_t rc = ZSTD_decompressStream(r->z, &zout, &r->zin);
        if (ZSTD_isError(rc)) {
            error_set(err, PRECIS_ERR_FORMAT, r->name, r->lineno + 1, "corrupt zstd stream: %s",
                      ZSTD_getErrorName(rc));
            return -1;
        }
        r->frame_open = rc != 0;
        if (zout.pos) {
            r->pend_len += zout.pos;
            return 1;
        }
        if (input_ended) {
            /* A cut download or a full disk: the lines after the cut are
             * gone, and the reader must say so rather than end quietly. */
            error_set(err, PRECIS_ERR_FORMAT, r->name, r->lineno + 1,
                      "truncated zstd stream: the file ends inside a compressed frame");
            return -1;
        }
    }
}

/* Lines of text have no NUL byte; a short line with one is the caller's
 * to report (a malformed record among good ones), but a long one is taken
 * for binary data. */
#define LINE_BINARY_PROBE ((size_t)1 << 20)

static int binary_data(line_reader *r, precis_error *err)
{
    error_set(err, PRECIS_ERR_BINARY, r->name, r->lineno + 1,
              "binary data (a NUL byte in a line over %zu bytes long): not lines of text", LINE_BINARY_PROBE);
    return -1;
}

/* A line over the limit is read past, not kept, so the lines after it are
 * not lost: report it (-2) and leave the reader at the next line. A NUL
 * byte in it says the input is binary, not lines of text, and ends the
 * stream (-1): /dev/zero or a disk image would otherwise be read past
 * forever, or to its end, in search of a newline. */
static int skip_long_line(line_reader *r, buf *line, precis_error *err)
{
    buf_clear(line);
    long lineno = r->lineno + 1;
    for (;;) {
        char *start = r->pending + r->pend_start;
        char *nl = memchr(start, '\n', r->pend_len);
        if (memchr(start, '\0', nl ? (size_t)(nl - start) : r->pend_len))
            return binary_data(r, err);
        if (nl) {
            size_t n = (size_t)(nl - start) + 1;
            r->pend_start += n;
            r->pend_len -= n;
            break;
        }
        r->pend_start = r->pend_len = 0;
        int got = fill(r, err);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
    }
    r->lineno = lineno;
    error_set(err, PRECIS_ERR_TOO_LARGE, r->name, lineno, "line longer than %zu bytes, skipped",
              r->max_line);
    return -2;
}

static int next_line(line_reader *r, buf *line, precis_error *err);

/* A line that opens with a UTF-8 byte order mark is given without it: a
 * JSON Lines file saved by Notepad or PowerShell opens with one (and files
 * joined by cat, each of their first lines), which no JSON line can start
 * with and which RFC 8259 lets a parser ignore. */
int line_reader_next(line_reader *r, buf *line, precis_error *err)
{
    int rc = next_line(r, line, err);
    if (rc == 1 && line->len >= 3 && !memcmp(line->data, "\xef\xbb\xbf", 3)) {
        memmove(line->data, line->data + 3, line->len - 3 + 1); /* with its NUL */
        line->len -= 3;
    }
    return rc;
}

static int next_line(line_reader *r, buf *line, precis_error *err)
{
    buf_clear(line);
    size_t scanned = 0;
    for (;;) {
        char *start = r->pending + r->pend_start;
        char *nl = memchr(start + scanned, '\n', r->pend_len - scanned);
        if (nl) {
            size_t n = (size_t)(nl - start);
            if (n > r->max_line)
                return skip_long_line(r, line, err);
            if (buf_append(line, start, n) != 0)
                goto nomem;
            r->pend_start += n + 1;
            r->pend_len -= n + 1;
            r->lineno++;
            return 1;
        }
        /* No newline in the first MiB, and a NUL byte: binary data, not
         * a line of text; say so before buffering up to the line limit. */
        size_t from = scanned > LINE_BINARY_PROBE ? scanned : 0; /* the whole line the first time */
        if (r->pend_len > LINE_BINARY_PROBE && memchr(start + from, '\0', r->pend_len - from))
            return binary_data(r, err);
        scanned = r->pend_len;
        if (scanned > r->max_line)
            return skip_long_line(r, line, err);
        int got = fill(r, err);
        if (got < 0)
            return -1;
        if (got == 0) {
            if (r->pend_len == 0)
                return 0;
            if (buf_append(line, r->pending + r->pend_start, r->pend_len) != 0)
                goto nomem;
            r->pend_start = r->pend_len = 0;
            r->lineno++;
            return 1;
        }
    }
nomem:
    error_set(err, PRECIS_ERR_NOMEM, r->name, r->lineno + 1, "out of memory");
    return -1;
}

/*
 * util.c: shared CLI helpers; see util.h.
 */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "compare/compare.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/grow.h"
#include "io/html.h"
#include "io/io.h"
#include "text/shown.h"

void errorf(const char *fmt, ...)
{
    buf raw = BUF_INIT, shown = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    int rc = buf_vprintf(&raw, fmt, ap);
    va_end(ap);
    if (rc == 0 && shown_message(&shown, raw.data ? raw.data : "") == 0)
        fwrite(shown.data ? shown.data : "", 1, shown.len, stderr);
    else
        fputs("precis: out of memory\n", stderr);
    buf_free(&raw);
    buf_free(&shown);
}

void print_error(const precis_error *err)
{
    char msg[1200];
    errorf("precis: %s\n", precis_error_format(err, msg, sizeof msg));
}

int exit_code_for(precis_status st)
{
    switch (st) {
    case PRECIS_OK: return EXIT_OK;
    case PRECIS_ERR_USAGE: return EXIT_USAGE;
    case PRECIS_ERR_NOMEM:
    case PRECIS_ERR_INTERNAL: return EXIT_INTERNAL;
    default: return EXIT_INPUT;
    }
}

/* The first write out_write saw fail, and why. */
static struct {
    FILE *f;
    int errnum;
} failed_write;

void out_write_failed(FILE *out)
{
    if (failed_write.f)
        return;
    failed_write.f = out;
    failed_write.errnum = errno;
}

void out_write(const void *data, size_t len, FILE *out)
{
    errno = 0;
    if (fwrite(data, 1, len, out) != len)
        out_write_failed(out);
}

/* Why writing f failed: errno as the last call left it, else what
 * out_write saw (saved_errno, looked up while f is open); a message
 * either way. */
static int saved_errno(FILE *f)
{
    return failed_write.f == f ? failed_write.errnum : 0;
}

static const char *write_failure(int saved)
{
    return errno ? strerror(errno) : saved ? strerror(saved) : "write error";
}

int finish_stdout(int rc)
{
    /* fflush reports what the last writes met; ferror what earlier ones did */
    errno = 0;
    int failed = fflush(stdout) != 0 || ferror(stdout);
    if (!failed)
        return rc;
    errorf("precis: writing standard output: %s\n", write_failure(saved_errno(stdout)));
    return rc == EXIT_OK ? EXIT_INTERNAL : rc;
}

int print_help(const char *text)
{
    out_write(text, strlen(text), stdout);
    return finish_stdout(EXIT_OK);
}

int out_file_open(out_file *o, const char *path)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    if (exists && !S_ISREG(sb.st_mode)) {
        if (!(o->f = fopen(path, "w"))) {
            errorf("precis: %s: cannot open for writing: %s\n", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    /* A symbolic link keeps pointing where it did: the file it names is
     * the one replaced. An existing file keeps its permissions. */
    char *target = exists ? realpath(path, NULL) : NULL;
    const char *dest = target ? target : path;
    size_t n = strlen(dest) + sizeof "..tmp-XXXXXX";
    o->final = target ? target : strdup(path);
    o->tmp = malloc(n);
    if (!o->final || !o->tmp) {
        errorf("precis: out of memory\n");
        out_file_close(o, 0);
        return -1;
    }
    /* DIR/.NAME.tmp-XXXXXX: hidden, so a report written into the very
     * directory being read (compare dir -o dir/report.html) is not listed
     * among its articles while it is written (io_list_dir skips dot files). */
    const char *slash = strrchr(dest, '/');
    int dirlen = slash ? (int)(slash - dest + 1) : 0;
    snprintf(o->tmp, n, "%.*s.%s.tmp-XXXXXX", dirlen, dest, dest + dirlen);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
        errorf("precis: %s: cannot open for writing: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        free(o->tmp);
        o->tmp = NULL;
        out_file_close(o, 0);
        return -1;
    }
    mode_t mode = exists ? sb.st_mode & 07777 : 0;
    if (!exists) { /* mkstemp makes it 0600; a new output file gets the usual 0666 less the umask */
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    fchmod(fd, mode);
    return 0;
}

int out_file_close(out_file *o, int keep)
{
    int rc = 0, failed = 0;
    if (o->f) {
        int saved = saved_errno(o->f);
        errno = 0;
        failed = ferror(o->f);
        failed |= fclose(o->f) != 0;
        o->f = NULL;
        if (keep && failed) {
            errorf("precis: %s: write failed: %s\n", o->path, write_failure(saved));
            rc = -1;
        }
    }
    if (o->tmp) {
        if (keep && !failed && rename(o->tmp, o->final) != 0) {
            errorf("precis: %s: cannot replace it: %s\n", o->path, strerror(errno));
            rc = -1;
        }
        if (!keep || failed || rc != 0)
            unlink(o->tmp);
    }
    free(o->tmp);
    free(o->final);
    o->tmp = o->final = NULL;
    return rc;
}

int parse_size(const char *opt, const char *arg, size_t *out)
{
    char *end;
    errno = 0;
    /* strtoull skips white space and wraps "-5" to near 2^64 */
    const char *first = arg;
    while (first && isspace((unsigned char)*first))
        first++;
    if (!arg || !*arg || *first == '-') {
        errorf("precis: %s needs a non-negative number\n", opt);
        return -1;
    }
    unsigned long long v = strtoull(arg, &end, 10);
    if (end == arg || *end) {
        errorf("precis: %s: '%s' is not a number\n", opt, arg);
        return -1;
    }
    /* All digits but more than a size holds: say so, not "not a number",
     * which would send the user looking for a typo. */
    if (errno == ERANGE || v > SIZE_MAX) {
        errorf("precis: %s: '%s' is too large (at most %zu)\n", opt, arg, (size_t)SIZE_MAX);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(progress *p, const char *label)
{
    p->enabled = isatty(STDERR_FILENO);
    p->started = p->last = now();
    p->label = label;
}

void progress_update(progress *p, size_t done, size_t total)
{
    if (!p->enabled)
        return;
    double t = now();
    if (t - p->last < 0.2)
        return;
    p->last = t;
    double rate = done / (t - p->started + 1e-9);
    if (total) {
        int width = 30, fill = (int)(width * (double)done / total);
        fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu  %.0f/s ", p->label, fill, "##############################",
                width - fill, "", done, total, rate);
    } else {
        fprintf(stderr, "\r%s %zu  %.0f/s ", p->label, done, rate);
    }
    fflush(stderr);
}

void progress_end(progress *p)
{
    if (p->enabled)
        fprintf(stderr, "\r\033[K");
}

/* A web page is reduced to its story first: the title line, a blank
 * line, the body paragraphs. Offsets then count in that text. */
static precis_status page_text(const char *path, buf *text, precis_error *err)
{
    html_doc d;
    html_doc_init(&d);
    precis_status st = html_extract(text->data, text->len, path, &d, err);
    if (st == PRECIS_OK) {
        buf_clear(text);
        if (d.title.len && (buf_append(text, d.title.data, d.title.len) != 0 || buf_puts(text, "\n\n") != 0))
            st = error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory");
        if (st == PRECIS_OK && buf_append(text, d.body.data, d.body.len) != 0)
            st = error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory");
    }
    html_doc_free(&d);
    return st;
}

/* The easy mistake of passing a JSON Lines file of clusters, or its zstd
 * form, as an article: say what to do instead of summarizing the JSON
 * text as prose or failing on compressed bytes as bad UTF-8. */
static precis_status check_not_clusters(const char *path, const buf *text, precis_error *err)
{
    static const unsigned char zstd_magic[4] = {0x28, 0xB5, 0x2F, 0xFD};
    if (text->len >= 4 && !memcmp(text->data, zstd_magic, 4))
        return error_set(err, PRECIS_ERR_FORMAT, path, 0,
                         "zstd-compressed data, not an article (JSON Lines clusters: use --jsonl)");
    const char *p = text->data, *end = text->data + text->len;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if (p == end || *p != '{')
        return PRECIS_OK;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    json_t *first = json_loadb(p, (size_t)((eol ? eol : end) - p), 0, NULL);
    int is_cluster = json_is_object(first) && json_object_get(first, "docs");
    json_decref(first);
    if (is_cluster)
        return error_set(err, PRECIS_ERR_FORMAT, path, 1,
                         "a JSON Lines cluster ({\"docs\": ...}), not an article: use --jsonl");
    return PRECIS_OK;
}

/* Add the article in file path. *cluster_full is set when the cluster's
 * own limits (articles, bytes, sentences) refused it: the run then stops,
 * rather than make a brief of whichever part of the input came first. */
static precis_status add_file(precis_cluster *c, const char *path, buf *text, int *cluster_full,
                              precis_error *err)
{
    precis_status st = io_read_file(path, text, err);
    if (st != PRECIS_OK)
        return st;
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    if (text->len == 0) { /* the cluster notes it as left out; the message is plainer */
        (void)precis_cluster_add(c, name, "", 0, err);
        return error_set(err, PRECIS_ERR_EMPTY, path, 0, "empty file: no article text");
    }
    if ((st = check_not_clusters(path, text, err)) != PRECIS_OK)
        return st;
    if (html_sniff(text->data, text->len) && (st = page_text(path, text, err)) != PRECIS_OK) {
        if (st == PRECIS_ERR_EMPTY) { /* a page with no story text: noted, as an empty file */
            precis_error ignored;
            (void)precis_cluster_add(c, name, "", 0, &ignored);
        }
        return st;
    }
    st = precis_cluster_add(c, name, text->data, text->len, err);
    if (st != PRECIS_OK)
        error_locate(err, path, 0);
    if (st == PRECIS_ERR_TOO_LARGE && text->len <= PRECIS_MAX_ARTICLE_BYTES)
        *cluster_full = 1;
    return st;
}

char **operands_or_stdin(int *argc, char **argv)
{
    static char stdin_name[] = "-";
    static char *stdin_arg[] = {stdin_name};
    if (*argc > 0)
        return argv;
    *argc = 1;
    return stdin_arg;
}

/* A file read into the cluster, known by its device and inode. */
typedef struct read_file {
    dev_t dev;
    ino_t ino;
    char *path;
} read_file;

/* Reading the operands: what the user asked, and what was left out. */
typedef struct input_run {
    int strict;       /* stop at the first input that cannot be used */
    int cluster_full; /* the cluster's limits were reached: stop */
    size_t skipped;
    buf text;
    read_file *files; /* every regular file read so far */
    size_t nfiles, capfiles;
    int stdin_read; /* "-" was read (or tried): a second read finds it empty */
} input_run;

/* 1 if path is a file already read (named twice, or a directory and a
 * file in it): one article is one outlet, so it is read once and the
 * user told. Standard input ("-") is known by the file it is redirected
 * from, if any, and can be read only once whatever it is. */
static int read_before(const input_run *run, const char *path, struct stat *st)
{
    int is_stdin = !strcmp(path, "-");
    if (is_stdin && run->stdin_read) {
        errorf("precis: -: standard input named twice, read once\n");
        return 1;
    }
    if ((is_stdin ? fstat(STDIN_FILENO, st) : stat(path, st)) != 0 || !S_ISREG(st->st_mode))
        return 0; /* a pipe or terminal, or an error that add_file reports */
    for (size_t k = 0; k < run->nfiles; k++)
        if (run->files[k].dev == st->st_dev && run->files[k].ino == st->st_ino) {
            errorf("precis: %s: the same file as %s, read once\n", path, run->files[k].path);
            return 1;
        }
    return 0;
}

/* Remember a file that was read into the cluster; -1 out of memory. */
static int remember_file(input_run *run, const char *path, const struct stat *st)
{
    if (!S_ISREG(st->st_mode))
        return 0;
    char *copy = strdup(strcmp(path, "-") ? path : "standard input");
    if (!copy || grow_array(&run->files, &run->capfiles, run->nfiles + 1, sizeof *run->files, 16) != 0) {
        free(copy);
        return -1;
    }
    run->files[run->nfiles++] = (read_file){st->st_dev, st->st_ino, copy};
    return 0;
}

static void forget_files(input_run *run)
{
    for (size_t k = 0; k < run->nfiles; k++)
        free(run->files[k].path);
    free(run->files);
}

/* An input that failed with st: reported and counted as skipped, and the
 * run goes on (PRECIS_OK), unless the user asked to stop at the first bad
 * input or the failure is not the input's (memory, a bug in precis, the
 * cluster's own limits). */
static precis_status skip_or_stop(precis_status st, input_run *run, const precis_error *err)
{
    if (st == PRECIS_OK || run->strict || run->cluster_full || st == PRECIS_ERR_NOMEM ||
        st == PRECIS_ERR_INTERNAL)
        return st;
    print_error(err);
    run->skipped++;
    return PRECIS_OK;
}

/* One file operand, unless it was read already. */
static precis_status add_once(precis_cluster *c, const char *path, input_run *run, precis_error *err)
{
    struct stat st = {0};
    if (read_before(run, path, &st))
        return PRECIS_OK;
    precis_status added = add_file(c, path, &run->text, &run->cluster_full, err);
    run->stdin_read |= !strcmp(path, "-");
    if (added == PRECIS_OK && remember_file(run, path, &st) != 0)
        return error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory");
    return skip_or_stop(added, run, err);
}

void say_notes_left_out(const char *dir, size_t notes)
{
    if (notes)
        errorf("precis: %s: %zu file%s of notes (README, LICENSE, ...) left out, not read as article%s; name "
               "one as a FILE to read it\n",
               dir, notes, notes == 1 ? "" : "s", notes == 1 ? "" : "s");
}

/* One operand: a file, or a directory's files in name order. */
static precis_status add_operand(precis_cluster *c, const char *path, input_run *run, precis_error *err)
{
    if (!io_is_dir(path))
        return add_once(c, path, run, err);
    char **paths;
    size_t n, notes;
    precis_status st = io_list_dir(path, &paths, &n, &notes, err);
    say_notes_left_out(path, notes);
    if (st != PRECIS_OK)
        return skip_or_stop(st, run, err);
    for (size_t k = 0; k < n && st == PRECIS_OK; k++)
        st = add_once(c, paths[k], run, err);
    io_free_paths(paths, n);
    return st;
}

precis_status cluster_add_inputs(precis_cluster *c, int argc, char **argv, int strict, size_t *skipped,
                                 precis_error *err)
{
    argv = operands_or_stdin(&argc, argv);
    input_run run = {strict, 0, 0, BUF_INIT, NULL, 0, 0, 0};
    precis_status st = PRECIS_OK;
    for (int i = 0; i < argc && st == PRECIS_OK; i++)
        st = add_operand(c, argv[i], &run, err);
    buf_free(&run.text);
    forget_files(&run);
    *skipped = run.skipped;
    return st;
}

void read_lines(const char *path, const line_handler *h)
{
    precis_error err = {0};
    line_reader *lr;
    precis_status st = line_reader_open(path, &lr, &err);
    if (st != PRECIS_OK) {
        h->fail(h->ctx, st, &err);
        return;
    }
    buf line = BUF_INIT;
    int rc, stop = 0;
    while (!stop && (rc = line_reader_next(lr, &line, &err)) != 0) {
        if (rc == -1) { /* a broken stream, unless memory ran out */
            h->fail(h->ctx, err.code == PRECIS_ERR_NOMEM ? PRECIS_ERR_NOMEM : PRECIS_ERR_IO, &err);
            break;
        }
        if (rc == -2) /* the reader has skipped it; err says where */
            stop = h->fail(h->ctx, PRECIS_ERR_TOO_LARGE, &err);
        else if (!line_is_blank(line.data, line.len))
            stop = h->line(h->ctx, line.data, line.len, line_reader_name(lr), line_reader_lineno(lr));
    }
    buf_free(&line);
    line_reader_close(lr);
}

/* A line that could not be used still gets its output line, so the n-th
 * line out always answers the n-th line in. */
static void write_error_line(FILE *out, long lineno, const precis_error *err)
{
    char msg[1200];
    precis_error_format(err, msg, sizeof msg);
    buf line = BUF_INIT; /* the message names a file, whose name may not be UTF-8 */
    if (buf_printf(&line, "{\"line\":%ld,\"error\":", lineno) == 0 &&
        cmp_json_string(&line, msg, strlen(msg)) == 0 && buf_puts(&line, "}\n") == 0)
        fwrite(line.data, 1, line.len, out);
    buf_free(&line);
}

int run_jsonl_clusters(precis_engine *eng, const char *path, int strict, FILE *out, const char *label,
                       cluster_writer write, void *ctx)
{
    precis_error err = {0};
    line_reader *r;
    precis_status st = line_reader_open(path, &r, &err);
    if (st != PRECIS_OK) {
        print_error(&err);
        return exit_code_for(st);
    }
    buf line = BUF_INIT;
    int rc, failed = 0;
    progress prog;
    progress_start(&prog, label);
    size_t done = 0;
    while ((rc = line_reader_next(r, &line, &err)) == 1 || rc == -2) {
        long lineno = line_reader_lineno(r);
        if (rc == 1 && line_is_blank(line.data, line.len))
            continue;
        /* rc == -2: an over-long line, already described in err. */
        st = rc == -2 ? err.code : PRECIS_OK;
        if (rc == 1) {
            precis_cluster *c;
            char *id;
            st = jsonl_cluster(eng, line.data, line.len, lineno, line_reader_name(r), &c, &id, &err);
            if (st == PRECIS_OK) {
                st = write(c, out, ctx, &err);
                if (st != PRECIS_OK)
                    error_locate(&err, line_reader_name(r), lineno);
                precis_cluster_free(c);
                free(id);
            }
        }
        if (st != PRECIS_OK) {
            print_error(&err);
            write_error_line(out, lineno, &err);
            failed = 1;
            if (strict || st == PRECIS_ERR_NOMEM)
                break;
        }
        /* Output that cannot be written (a full disk, a pipe whose reader
         * has gone) ends the run: the clusters after it would be worked
         * on for nothing. finish_stdout or out_file_close says why, once. */
        if (ferror(out))
            break;
        progress_update(&prog, ++done, 0);
    }
    progress_end(&prog);
    if (rc == -1) {
        print_error(&err);
        failed = 1;
    }
    buf_free(&line);
    line_reader_close(r);
    if (ferror(out))
        return EXIT_INTERNAL;
    return failed ? (st == PRECIS_ERR_NOMEM ? EXIT_INTERNAL : EXIT_INPUT) : EXIT_OK;
}

/* A cluster read from files has no id, so an error about all of it (only
 * page notices, nothing fits) names what was read instead; not one about
 * the options (a query that is not UTF-8) or memory. */
static void name_inputs(precis_error *err, int argc, char **argv)
{
    if (err->where[0] || err->code == PRECIS_ERR_NOMEM || err->code == PRECIS_ERR_USAGE)
        return;
    const char *first = argc == 0 || !strcmp(argv[0], "-") ? "standard input" : argv[0];
    if (argc <= 1)
        snprintf(err->where, sizeof err->where, "%s", first);
    else
        snprintf(err->where, sizeof err->where, "%s and %d more", first, argc - 1);
}

int run_file_cluster(precis_engine *eng, int argc, char **argv, int strict, FILE *out, cluster_writer write,
                     void *ctx)
{
    precis_error err = {0};
    precis_cluster *c;
    precis_status st = precis_cluster_new(eng, "", &c, &err);
    if (st != PRECIS_OK) {
        print_error(&err);
        return exit_code_for(st);
    }
    size_t skipped;
    st = cluster_add_inputs(c, argc, argv, strict, &skipped, &err);
    if (st != PRECIS_OK) {
        print_error(&err);
    } else if (skipped && precis_cluster_articles(c) == 0) {
        /* Each file's own error is already out; one of them alone needs
         * no more words. */
        if (skipped > 1)
            errorf("precis: none of the %zu files could be used\n", skipped);
        st = PRECIS_ERR_EMPTY;
    } else {
        st = write(c, out, ctx, &err);
        if (st != PRECIS_OK) {
            name_inputs(&err, argc, argv);
            print_error(&err);
        } else if (skipped) {
            /* a brief, but not of everything asked for: said last, exit 1 */
            fflush(out);
            errorf("precis: %zu file%s left out, %zu article%s used\n", skipped, skipped == 1 ? "" : "s",
                    precis_cluster_articles(c), precis_cluster_articles(c) == 1 ? "" : "s");
            st = PRECIS_ERR_EMPTY;
        }
    }
    precis_cluster_free(c);
    return exit_code_for(st);
}

int run_story_cluster(precis_engine *eng, const char *db, const char *story, FILE *out, cluster_writer write,
                      void *ctx)
{
    char *end;
    errno = 0;
    long long id = strtoll(story, &end, 10);
    if (!*story || *end || id <= 0 || errno == ERANGE) {
        errorf("precis: --story needs a story number (see precis stories)\n");
        return EXIT_USAGE;
    }
    precis_store_options o;
    precis_store_options_init(&o);
    o.readonly = 1;
    precis_store *store = NULL;
    precis_cluster *c = NULL;
    precis_error err = {0};
    precis_status st = precis_store_open(db, &o, &store, &err);
    if (st == PRECIS_OK)
        st = precis_store_story_cluster(store, eng, id, &c, &err);
    if (st == PRECIS_OK)
        st = write(c, out, ctx, &err);
    if (st != PRECIS_OK)
        print_error(&err);
    precis_cluster_free(c);
    precis_store_close(store);
    return exit_code_for(st);
}

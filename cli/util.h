/*
 * util: what every sub-command shares: error printing, number parsing,
 * and a progress line on stderr for long runs.
 */
#ifndef PRECIS_CLI_UTIL_H
#define PRECIS_CLI_UTIL_H

#include <stddef.h>
#include <stdio.h>

#include "precis.h"

/* Print "precis: WHERE:LINE: message" to stderr. */
void print_error(const precis_error *err);

/* printf to standard error, with what the message quotes (a file name, an
 * option's value) shown as the text formats show article text: control
 * characters and escape sequences never reach the terminal. */
void errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Tell on stderr that a directory's notes files (README, LICENSE: see
 * io_is_notes_file) were left out, if notes > 0: nothing a user gave is
 * dropped without a word. */
void say_notes_left_out(const char *dir, size_t notes);
/* Exit code for a library status (see commands.h). */
int exit_code_for(precis_status st);
/* Parse a non-negative size; 0 on success, -1 (with a message) if bad:
 * not a number, or too large for a size_t (the message gives the limit). */
int parse_size(const char *opt, const char *arg, size_t *out);

/* At the end of a command that wrote its result on standard output:
 * flush it and, if anything could not be written (a full disk, a closed
 * descriptor), say so. Returns rc, or EXIT_INTERNAL after a write error
 * when rc was a success (a failure already reported keeps its code). */
int finish_stdout(int rc);

/* Print text (a --help) on standard output; the exit code for it: 0, or
 * EXIT_INTERNAL if it could not be written (finish_stdout). */
int print_help(const char *text);

/* fwrite for a command's result. stdio forgets why a write failed once
 * its buffer is dropped, so a large result that fails in the middle would
 * end with only "write error": this keeps the first failure's reason for
 * finish_stdout and out_file_close to report. */
void out_write(const void *data, size_t len, FILE *out);
/* A write to out made another way (a library function handed out) has
 * failed with errno: keep its cause as out_write would. */
void out_write_failed(FILE *out);

/* An output file (--csv, --output) written whole or not at all: the data
 * go to a temporary file beside it that replaces it only when the command
 * succeeds, so a failed run never leaves FILE emptied or half written.
 * Anything that is not a regular file (/dev/stdout, a pipe) is written
 * directly. */
typedef struct out_file {
    FILE *f;
    const char *path;
    char *tmp;   /* NULL when writing directly */
    char *final; /* what tmp replaces: path, or the file a link at path names */
} out_file;

/* Open path for writing; -1 with a message on stderr if it cannot be
 * (an output error: the command exits 3). */
int out_file_open(out_file *o, const char *path);
/* Close o; with keep, put it in place of path (a write error is reported
 * and returns -1), without, throw the temporary file away. */
int out_file_close(out_file *o, int keep);

/* Add the articles named on the command line to c: each FILE is an
 * article, a DIR its files in name order, "-" (or no argument at all)
 * standard input. A file that is an HTML page is reduced to its title and
 * story text first. Article ids are file names; errors name the path.
 * A file that cannot be used (missing, empty, not UTF-8, ...) is
 * reported on stderr, counted in *skipped and left out, so one bad
 * download does not cost the brief of the rest. The first error is
 * returned instead (not printed) with strict, when memory runs out, on a
 * bug in precis, or when the cluster's own limits are reached. */
precis_status cluster_add_inputs(precis_cluster *c, int argc, char **argv, int strict, size_t *skipped,
                                 precis_error *err);

/* What a --jsonl command does with each cluster: write its one output line
 * (with its newline) to out. */
typedef precis_status (*cluster_writer)(precis_cluster *c, FILE *out, void *ctx, precis_error *err);

/* The --jsonl loop shared by summarize and compare: one cluster per input
 * line (plain or zstd, path "-" = stdin), one output line per input line
 * that is not blank (blank lines, empty or white space, are skipped).
 * A line that cannot be used is reported on stderr and answered with
 * {"line":N,"error":"..."}; strict stops there. A write to out that
 * fails stops it too, exit 3, leaving the message (with its cause) to
 * finish_stdout or out_file_close. Shows progress on a terminal. Returns
 * the exit code. */
int run_jsonl_clusters(precis_engine *eng, const char *path, int strict, FILE *out, const char *label,
                       cluster_writer write, void *ctx);

/* What read_lines does with an input's lines. Each callback returns
 * nonzero to stop reading (the command has met an error it stops at). */
typedef struct line_handler {
    /* A line that is not blank (line_is_blank: empty or white space). */
    int (*line)(void *ctx, const char *data, size_t len, const char *where, long lineno);
    /* The input cannot be opened (its status), a line is too long
     * (PRECIS_ERR_TOO_LARGE: the lines after it are still read), or the
     * stream breaks off (PRECIS_ERR_IO, or PRECIS_ERR_NOMEM when memory
     * ran out: nothing more is read). */
    int (*fail)(void *ctx, precis_status st, const precis_error *err);
    void *ctx;
} line_handler;

/* Hand the lines of path (plain or zstd, "-" = stdin) to h, one by one,
 * until the end, a stop, or a broken stream. The commands that read
 * articles a line at a time share this; what a bad line costs is theirs. */
void read_lines(const char *path, const line_handler *h);

/* The operands after the options, or "-" (standard input) when there are
 * none; *argc is updated to match. */
char **operands_or_stdin(int *argc, char **argv);

/* The cluster of the articles named on the command line
 * (cluster_add_inputs), handed to write. Returns the exit code: 1 when an
 * input was left out, even though the others' result was written. */
int run_file_cluster(precis_engine *eng, int argc, char **argv, int strict, FILE *out, cluster_writer write,
                     void *ctx);

/* The cluster of story number story in the story database db (precis
 * ingest), opened read-only, handed to write. Returns the exit code. */
int run_story_cluster(precis_engine *eng, const char *db, const char *story, FILE *out, cluster_writer write,
                      void *ctx);

/* Progress on stderr, only when stderr is a terminal; at most ~5 updates
 * a second. total 0 = unknown. */
typedef struct progress {
    int enabled;
    double last;
    double started;
    const char *label;
} progress;

void progress_start(progress *p, const char *label);
void progress_update(progress *p, size_t done, size_t total);
void progress_end(progress *p);

#endif

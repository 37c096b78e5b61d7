/*
 * io: reading articles and clusters from files, directories, standard
 * input and JSON Lines streams (plain or zstd-compressed).
 *
 * Every error names the file (and line, for JSON Lines) it comes from.
 */
#ifndef PRECIS_IO_H
#define PRECIS_IO_H

#include <stdio.h>

#include "core/buf.h"
#include "precis.h"

/* Largest file read whole, and longest JSON Lines line. */
#define IO_MAX_FILE_BYTES ((size_t)PRECIS_MAX_ARTICLE_BYTES)
#define IO_MAX_LINE_BYTES ((size_t)PRECIS_MAX_CLUSTER_BYTES)

/* Read a whole file ("-" = standard input) into out, refusing one over
 * IO_MAX_FILE_BYTES. */
precis_status io_read_file(const char *path, buf *out, precis_error *err);
/* The same with another limit; what ("for a summary") ends the message
 * that refuses a larger file. */
precis_status io_read_file_max(const char *path, size_t max, const char *what, buf *out, precis_error *err);

/* List the article files of a directory: regular, non-hidden files that
 * are not notes for people (io_is_notes_file), sorted by name, as full
 * paths; *notes (if not NULL) counts the notes left out. *paths is
 * malloc'd (free with io_free_paths). A directory with no article file is
 * PRECIS_ERR_EMPTY. */
precis_status io_list_dir(const char *dir, char ***paths, size_t *n, size_t *notes, precis_error *err);
/* 1 if a file name is a directory's notes rather than an article:
 * README, LICENSE, LICENCE, COPYING, AUTHORS or CHANGELOG, in any case,
 * alone or before a dot ("README.md", "readme.txt"). */
int io_is_notes_file(const char *name);
void io_free_paths(char **paths, size_t n);

/* 1 if path names a directory. */
int io_is_dir(const char *path);

/* A line reader over a file or stdin that decompresses zstd transparently
 * (detected by its magic number, whatever the file name). */
typedef struct line_reader line_reader;

precis_status line_reader_open(const char *path, line_reader **out, precis_error *err);
/* Next line without its newline into line. Returns 1, 0 at end, -1 on an
 * error that ends the stream (err filled with file and line), or -2 for a
 * line longer than IO_MAX_LINE_BYTES, which is skipped: the reader then
 * goes on with the next line (unless that line holds a NUL byte: binary
 * data ends the stream, -1 with PRECIS_ERR_BINARY). */
int line_reader_next(line_reader *r, buf *line, precis_error *err);
long line_reader_lineno(const line_reader *r);
/* Change the longest line accepted (default IO_MAX_LINE_BYTES). */
void line_reader_set_limit(line_reader *r, size_t max_line);
const char *line_reader_name(const line_reader *r);
void line_reader_close(line_reader *r);
/* 1 if a line is blank: empty or only white space (space, tab, CR, form
 * feed, vertical tab). Readers of JSON Lines skip such lines: they hold
 * no record and get no output line. */
int line_is_blank(const char *data, size_t len);

/* One JSON Lines cluster: {"id": ..., "docs": [strings] | "a ||||| b"}.
 * "document" or "text" may stand for "docs" (Multi-News releases use
 * "document"). Fills a new cluster; the id (or "line N") names it. */
precis_status jsonl_cluster(precis_engine *eng, const char *line, size_t len, long lineno,
                            const char *where, precis_cluster **out, char **id_out, precis_error *err);

#endif

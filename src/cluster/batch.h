/*
 * batch: story clustering without a database, as three stages that can
 * run as a map, a shuffle and a reduce (`precis cluster`).
 *
 *   map     article -> its record (id, date, title, features) under each
 *           of its keys: one node key (the id), the MinHash LSH band keys
 *           and its heaviest terms, each in the time buckets that reach
 *           within the window of its date;
 *   shuffle the lines sorted (grouped) by key, by `sort`, Hadoop or Spark;
 *   reduce  per key group: articles compared pairwise within the window;
 *           pairs that are near-copies, or whose term cosine plus shared
 *           names reach the threshold, are written as scored links, and
 *           node groups write their articles;
 *   merge   each article keeps its BATCH_LINKS strongest links; a link
 *           both its articles kept joins them (connected components of
 *           this mutual nearest-neighbour graph): one line per article
 *           with its story.
 *
 * Every stage is a pure function of its input as a multiset of lines, and
 * a reducer sorts each group canonically before comparing, so the result
 * does not depend on how the work was split or in what order lines came:
 * one process and any number of parallel parts give the same bytes.
 *
 * Two articles are linked when some group holds both, they are dated
 * within the window, and they are near-copies or similar enough. Two
 * articles of one story share a band key (near-copies, with high
 * probability) or usually one of their BATCH_KEY_TERMS heaviest terms.
 * Keeping only mutual strong links is what stops one loose link from
 * chaining unrelated stories into one (plain single link does, at scale).
 */
#ifndef PRECIS_CLUSTER_BATCH_H
#define PRECIS_CLUSTER_BATCH_H

#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "io/html.h"
#include "precis.h"
#include "store/features.h"

#define BATCH_KEY_TERMS 8          /* heaviest terms used as keys */
#define BATCH_KEY_LEN 17           /* kind letter + 16 hex digits */
#define BATCH_MAX_KEYS (2 * (1 + MINHASH_BANDS + BATCH_KEY_TERMS))
#define BATCH_SPAN 256             /* articles after each one compared in a group */
#define BATCH_LINKS 6              /* strongest links each article keeps */
#define BATCH_BUCKET_WINDOWS 4     /* a time bucket spans this many windows */

/* Key kinds: the letter that starts a key. */
#define BATCH_KIND_NODE 'A'
#define BATCH_KIND_BAND 'B'
#define BATCH_KIND_TERM 'T'

typedef struct batch_opts {
    double window_days;            /* articles further apart are never linked (default 3) */
    double threshold;              /* cosine + names needed to link (default BATCH_THRESHOLD) */
    long long default_time;        /* date of undated articles (default BATCH_UNDATED) */
} batch_opts;

#define BATCH_THRESHOLD 0.30

/* The date of an article that has none. Not 0: that is a real date,
 * 1970-01-01T00:00:00Z. Undated articles sort before every dated one, are
 * within the window of each other and of no dated article, and are
 * written as null. */
#define BATCH_UNDATED LLONG_MIN

void batch_opts_init(batch_opts *o);

/* One article as the stages see it. id and title are malloc'd. */
typedef struct batch_rec {
    char *id;
    char *title;
    long long t;                   /* Unix seconds, or BATCH_UNDATED */
    features f;                    /* f.hash is not carried */
} batch_rec;

void batch_rec_free(batch_rec *r);

/* The record of an article: HTML extracted, text checked (UTF-8, not
 * empty, not too large), date parsed, id (id, else url, else a hash of
 * the text) and title (else the text's first line) chosen, features
 * computed. `html` is scratch reused between calls. */
precis_status batch_rec_from_article(precis_engine *eng, html_doc *html, const batch_opts *o,
                                     const precis_article_in *a, batch_rec *out, precis_error *err);

/* The record as one line of JSON (no newline), appended to out; and back.
 * Weights are written with 9 significant digits, so a float reads back
 * exactly and every stage sees the same numbers as one process would.
 * The date is "time": Unix seconds, or null when undated. Lines from
 * before undated had its own value carry "t" instead, where 0 meant
 * undated; they are still read so. */
int batch_rec_format(const batch_rec *r, buf *out);
precis_status batch_rec_parse(const char *text, size_t len, const char *where, long line, batch_rec *out,
                              precis_error *err);

/* The date as a JSON value (Unix seconds or null) appended to out; and
 * the date of a record or node line: its "time", else a former line's
 * "t" (0 = undated). -1 if neither is there as it should be. */
struct json_t;
int batch_time_format(buf *out, long long t);
int batch_time_parse(const struct json_t *obj, long long *t);

/* Whether two dates, a <= b in canonical order, are within w seconds of
 * each other: both undated, or both dated and close enough. */
int batch_within(long long a, long long b, long long w);

/* Canonical order of records: date, a hash of the id, id, then every
 * field; 0 = identical. */
int batch_rec_cmp(const batch_rec *a, const batch_rec *b);

/* The keys of a record (NUL-terminated, BATCH_KEY_LEN chars); returns n. */
size_t batch_keys(const batch_rec *r, const batch_opts *o, char keys[BATCH_MAX_KEYS][BATCH_KEY_LEN + 1]);

/* Where a reducer's findings go: articles of node groups, and scored
 * links between two articles (a pair may be linked by several groups). */
typedef struct batch_sink {
    int (*node)(void *ctx, const batch_rec *r);
    int (*link)(void *ctx, const char *a, const char *b, float score);
    void *ctx;
} batch_sink;

/* Reduce one key group (recs is reordered). Returns 0, or -1 when memory
 * runs out or a sink call fails. */
int batch_reduce(const char *key, batch_rec **recs, size_t n, const batch_opts *o, const batch_sink *sink);

/* Write a sink's calls as the reducer's output lines:
 *   {"article":ID,"time":T|null,"title":TITLE}    and    {"link":[ID,ID],"s":SCORE} */
int batch_write_node(buf *out, const batch_rec *r);
int batch_write_link(buf *out, const char *a, const char *b, float score);

/* The merge: stories from the links. */
typedef struct batch_merge batch_merge;

batch_merge *batch_merge_new(void);
void batch_merge_free(batch_merge *m);
/* An article (several calls for one id keep the earliest date, then the
 * least title, so the order of calls does not matter). */
int batch_merge_node(batch_merge *m, const char *id, long long t, const char *title);
int batch_merge_link(batch_merge *m, const char *a, const char *b, float score);
/* One reducer output line (see batch_write_node/link). */
precis_status batch_merge_line(batch_merge *m, const char *line, size_t len, const char *where, long lineno,
                               precis_error *err);
/* One line per article, stories numbered by their first article (date,
 * then id), articles by date then id:
 *   {"id":ID,"story":N,"size":K,"published":"2024-10-31T08:15:00Z"|null,"title":TITLE}
 * *missing counts ids met only in links (a lost node line). -1 when
 * memory runs out or a write fails (ferror(out), errno says why). */
int batch_merge_write(batch_merge *m, FILE *out, size_t *stories, size_t *missing);
/* Articles met so far. */
size_t batch_merge_count(const batch_merge *m);

/* A JSON string literal of s appended to out; a byte of no valid UTF-8
 * character becomes \ufffd. */
int batch_json_string(buf *out, const char *s);

#endif

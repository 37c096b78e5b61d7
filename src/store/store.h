/*
 * store: the story database behind `precis ingest` and `precis stories`.
 *
 * Tables (see schema.c for the SQL):
 *   article     one row per article: identity (url, content hash), metadata,
 *               its story, MinHash signature
 *   article_text its text (same id)
 *   story       one row per story: dates, size, headline, centroid and names
 *               (sorted (key, weight) arrays as blobs)
 *   story_term  inverted index: a story's top centroid terms -> story
 *   lsh         MinHash band key -> article, for near-duplicates
 *   meta        schema version and settings
 *
 * Ingest is two-phase. precis_store_add does the costly, lock-free work
 * (HTML extraction, validation, tokenizing, features) and queues the
 * article; precis_store_flush takes the write lock (BEGIN IMMEDIATE),
 * assigns each queued article to a story against the database as it is
 * now (so concurrent writers see each other), writes, and commits.
 */
#ifndef PRECIS_STORE_H
#define PRECIS_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "io/html.h"
#include "precis.h"
#include "store/features.h"

#define STORE_APP_ID 0x50524353      /* "PRCS" in PRAGMA application_id */
#define STORE_SCHEMA_VERSION 1       /* PRAGMA user_version */

/* Story model sizes. */
#define STORY_TERMS 100              /* centroid terms kept per story */
#define STORY_NAMES 32               /* names kept per story */
#define STORY_INDEX_TERMS 16         /* centroid terms in the inverted index */
#define QUERY_TERMS 10               /* article terms looked up in the index */
#define QUERY_POSTINGS 48            /* most recent stories read per term */
#define QUERY_CANDIDATES 24          /* stories scored in full per article */
#define NEARDUP_JACCARD 0.75         /* estimated Jaccard of a near-copy */
#define NAME_WEIGHT 0.12             /* weight of name overlap in the score */
#define STORE_MAX_WINDOW_DAYS 36500  /* longest --window: a century, as precis cluster */

enum {
    SQL_BEGIN, SQL_COMMIT, SQL_ROLLBACK,
    SQL_FIND_HASH, SQL_FIND_URL,
    SQL_INSERT_ARTICLE, SQL_INSERT_TEXT, SQL_INSERT_LSH, SQL_LSH_LOOKUP, SQL_ARTICLE_SIG,
    SQL_POSTINGS, SQL_STORY_GET, SQL_STORY_INSERT, SQL_STORY_UPDATE,
    SQL_TERM_INSERT, SQL_TERM_DELETE,
    SQL_COUNT
};

/* One article between add and flush; strings live in the batch arena. */
typedef struct pending {
    const char *ext_id, *url, *source, *title, *byline, *text;
    size_t text_len;
    long long published;
    features f;
} pending;

struct precis_store {
    sqlite3 *db;
    char *path;
    precis_store_options opts;
    precis_engine *eng;               /* made on first add */
    sqlite3_stmt *stmt[SQL_COUNT];
    pending *queue;
    size_t nqueue, queue_cap;
    arena mem;                        /* strings of the queued articles */
    html_doc html;
    buf scratch;
    precis_store_stats stats;
    int db_failed;                    /* an SQLite call failed (store_sql_error) */
};

/* schema.c. store_sql_error reports a failed SQLite call and marks the
 * store: store_db_failed then tells the database's own failures (I/O,
 * damage, a lock held too long, a full disk) from a bad article, which
 * precis_store_add returns too. */
precis_status store_sql_error(precis_store *s, const char *what, precis_error *err);
int store_db_failed(const precis_store *s);
precis_status store_prepare_writes(precis_store *s, precis_error *err);

/* story.c, inside the open transaction: the story an article belongs to
 * (*story = 0 for a new one) and the article it is a near-copy of
 * (*dup_of, 0 if none); then story_add starts or updates that story (and
 * sets *story when it starts one), before the article row is written. */
precis_status story_assign(precis_store *s, const pending *p, int64_t *story, int64_t *dup_of,
                           precis_error *err);
precis_status story_add(precis_store *s, const pending *p, int64_t *story, precis_error *err);

/* vec.c: sorted (key, weight) arrays and their blob form. */
size_t wvec_decode(const void *blob, size_t bytes, wterm *out, size_t cap);
size_t wvec_encode(const wterm *v, size_t n, unsigned char *out);
double wvec_dot(const wterm *a, size_t na, const wterm *b, size_t nb);
double wvec_norm(const wterm *a, size_t n);
/* out = a + b, keeping the `keep` heaviest entries, sorted by key; returns n. */
size_t wvec_merge(const wterm *a, size_t na, const wterm *b, size_t nb, size_t keep, wterm *out);
/* The k heaviest entries of v, sorted by key, into out; returns n. */
size_t wvec_top(const wterm *v, size_t n, size_t k, wterm *out);

/* jsonl_article.c: one JSON Lines article {"id","url","source","published",
 * "title","text"|"html"}. Strings point into *root (free with json_decref). */
struct json_t;
precis_status store_parse_jsonl(const char *line, size_t len, const char *where, long lineno,
                                precis_article_in *out, struct json_t **root, precis_error *err);

#endif

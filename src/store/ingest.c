/*
 * ingest.c: articles into the store, a batch per transaction.
 *
 * precis_store_add does everything that needs no lock (HTML extraction,
 * validation, the date, the title, features) and queues the article.
 * precis_store_flush then, inside one BEGIN IMMEDIATE transaction, skips
 * articles already stored (same URL or same text hash), assigns the rest
 * to stories and writes them. Either the whole batch commits or none of
 * it does: a crash (even kill -9) in the middle leaves the database as it
 * was after the previous batch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "store/article.h"
#include "store/store.h"
#include "text/utf8.h"
#include "text/whitespace.h"

/* A title from the story's first line, cut at a word boundary. */
static const char *derive_title(arena *mem, const char *text, size_t len)
{
    int cut;
    size_t start, end = article_title_length(text, len, &start, &cut);
    char *t = arena_alloc(mem, end + 4);
    if (!t)
        return NULL;
    memcpy(t, text + start, end);
    if (cut)
        memcpy(t + end, "\xe2\x80\xa6", 3); /* ... */
    t[end + (cut ? 3 : 0)] = '\0';
    return t;
}

/* A copy of an optional string with the ends trimmed; NULL if empty. */
static const char *opt_copy(arena *mem, const char *s, size_t len, int *oom)
{
    if (!s)
        return NULL;
    s = ascii_trim(s, &len);
    if (!len)
        return NULL;
    char *c = arena_strndup(mem, s, len);
    if (!c)
        *oom = 1;
    return c;
}

static precis_status queue_slot(precis_store *s, pending **out, precis_error *err)
{
    if (s->nqueue == s->queue_cap) {
        size_t cap = s->queue_cap ? s->queue_cap * 2 : 64;
        pending *q = realloc(s->queue, cap * sizeof *q);
        if (!q)
            return error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory");
        s->queue = q;
        s->queue_cap = cap;
    }
    *out = &s->queue[s->nqueue];
    memset(*out, 0, sizeof **out);
    return PRECIS_OK;
}

/* 1 if a row exists for the text hash or the URL, 0 if not, -1 on error. */
static int already_stored(precis_store *s, const uint8_t hash[16], const char *url)
{
    sqlite3_stmt *st = s->stmt[SQL_FIND_HASH];
    sqlite3_bind_blob(st, 1, hash, 16, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc != SQLITE_DONE)
        return -1;
    if (!url)
        return 0;
    st = s->stmt[SQL_FIND_URL];
    sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

precis_status precis_store_add(precis_store *s, const precis_article_in *a, precis_error *err)
{
    if (s->opts.readonly)
        return error_set(err, PRECIS_ERR_USAGE, s->path, 0, "database opened read-only");
    if (!s->eng) {
        precis_status st = precis_engine_new(&s->eng, err);
        if (st != PRECIS_OK)
            return st;
    }
    article_view v;
    precis_status st = article_view_make(a, &s->html, &v, err);
    if (st != PRECIS_OK)
        return st;
    const char *body = v.body, *title = v.title, *byline = v.byline, *date = v.date;
    size_t len = v.len;
    long long when;
    if (date) {
        if (precis_parse_date(date, &when) != 0)
            return error_set(err, PRECIS_ERR_FORMAT, a->where, a->line,
                             "unrecognised date '%.40s' (expected ISO 8601, RFC 2822 or Unix seconds)", date);
    } else {
        when = s->opts.default_time != PRECIS_STORE_NOW ? s->opts.default_time : (long long)time(NULL);
    }
    /* Already stored? Then skip the costly part now (re-ingesting a
     * stream is cheap); flush checks again under the write lock. */
    uint8_t hash[16];
    features_text_hash(body, len, hash);
    const char *url = a->url && *a->url ? a->url : NULL;
    int known = sqlite3_get_autocommit(s->db) ? already_stored(s, hash, url) : 0;
    if (known == 1) {
        s->stats.duplicates++;
        return PRECIS_OK;
    }
    pending *p = NULL;
    if ((st = queue_slot(s, &p, err)) != PRECIS_OK)
        return st;
    int oom = 0;
    p->ext_id = opt_copy(&s->mem, a->id, a->id ? strlen(a->id) : 0, &oom);
    p->url = opt_copy(&s->mem, a->url, a->url ? strlen(a->url) : 0, &oom);
    p->source = opt_copy(&s->mem, a->source, a->source ? strlen(a->source) : 0, &oom);
    p->byline = opt_copy(&s->mem, byline, byline ? strlen(byline) : 0, &oom);
    p->title = opt_copy(&s->mem, title, title ? strlen(title) : 0, &oom);
    if (!p->title && !oom && !(p->title = derive_title(&s->mem, body, len)))
        oom = 1;
    p->text = arena_strndup(&s->mem, body, len);
    p->text_len = len;
    p->published = when;
    if (oom || !p->text || features_compute(s->eng, p->title, strlen(p->title), p->text, len, &p->f) != 0)
        return error_set(err, PRECIS_ERR_NOMEM, a->where, a->line, "out of memory");
    s->nqueue++;
    if (s->nqueue >= s->opts.batch)
        return precis_store_flush(s, err);
    return PRECIS_OK;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static precis_status insert_article(precis_store *s, const pending *p, int64_t story, int64_t dup_of,
                                    precis_error *err)
{
    unsigned char sig[MINHASH_K * 4];
    for (int i = 0; i < MINHASH_K; i++)
        for (int b = 0; b < 4; b++)
            sig[4 * i + b] = (unsigned char)(p->f.sig[i] >> (8 * b));
    sqlite3_stmt *st = s->stmt[SQL_INSERT_ARTICLE];
    bind_opt(st, 1, p->ext_id);
    bind_opt(st, 2, p->url);
    sqlite3_bind_blob(st, 3, p->f.hash, sizeof p->f.hash, SQLITE_STATIC);
    bind_opt(st, 4, p->source);
    sqlite3_bind_text(st, 5, p->title, -1, SQLITE_STATIC);
    bind_opt(st, 6, p->byline);
    sqlite3_bind_int64(st, 7, p->published);
    sqlite3_bind_int64(st, 8, story);
    if (dup_of)
        sqlite3_bind_int64(st, 9, dup_of);
    else
        sqlite3_bind_null(st, 9);
    sqlite3_bind_blob(st, 10, sig, sizeof sig, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return store_sql_error(s, "writing an article", err);
    int64_t id = sqlite3_last_insert_rowid(s->db);
    st = s->stmt[SQL_INSERT_TEXT];
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, p->text, (int)p->text_len, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_sql_error(s, "writing an article's text", err);
    int64_t keys[MINHASH_BANDS];
    minhash_bands(p->f.sig, keys);
    st = s->stmt[SQL_INSERT_LSH];
    for (int b = 0; b < MINHASH_BANDS; b++) {
        sqlite3_bind_int64(st, 1, keys[b]);
        sqlite3_bind_int64(st, 2, id);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return store_sql_error(s, "writing near-duplicate keys", err);
    }
    return PRECIS_OK;
}

static precis_status flush_one(precis_store *s, const pending *p, precis_error *err)
{
    int rc = already_stored(s, p->f.hash, p->url);
    if (rc < 0)
        return store_sql_error(s, "looking up an article", err);
    if (rc == 1) {
        s->stats.duplicates++;
        return PRECIS_OK;
    }
    int64_t story, dup_of;
    precis_status st = story_assign(s, p, &story, &dup_of, err);
    if (st == PRECIS_OK)
        st = story_add(s, p, &story, err);
    if (st == PRECIS_OK)
        st = insert_article(s, p, story, dup_of, err);
    if (st == PRECIS_OK) {
        s->stats.added++;
        s->stats.near_duplicates += dup_of != 0;
    }
    return st;
}

static void drop_queue(precis_store *s)
{
    s->nqueue = 0;
    arena_reset(&s->mem);
}

precis_status precis_store_flush(precis_store *s, precis_error *err)
{
    if (s->nqueue == 0)
        return PRECIS_OK;
    precis_store_stats saved = s->stats;
    int rc = sqlite3_step(s->stmt[SQL_BEGIN]);
    sqlite3_reset(s->stmt[SQL_BEGIN]);
    if (rc != SQLITE_DONE) {
        precis_status st = store_sql_error(s, "starting a batch", err);
        drop_queue(s);
        return st;
    }
    precis_status st = PRECIS_OK;
    for (size_t i = 0; i < s->nqueue && st == PRECIS_OK; i++)
        st = flush_one(s, &s->queue[i], err);
    if (st == PRECIS_OK) {
        rc = sqlite3_step(s->stmt[SQL_COMMIT]);
        sqlite3_reset(s->stmt[SQL_COMMIT]);
        if (rc != SQLITE_DONE)
            st = store_sql_error(s, "committing a batch", err);
    }
    if (st != PRECIS_OK) {
        if (!sqlite3_get_autocommit(s->db)) {
            sqlite3_step(s->stmt[SQL_ROLLBACK]);
            sqlite3_reset(s->stmt[SQL_ROLLBACK]);
        }
        s->stats = saved;
    }
    drop_queue(s);
    return st;
}

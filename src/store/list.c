/*
 * list.c: reading stories back: the listing behind `precis stories` and
 * the cluster behind `precis summarize --db --story`.
 *
 * Reads run in one read transaction, so a listing is a consistent
 * snapshot even while another process ingests (WAL lets both proceed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "store/store.h"

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* The articles of story->id into a malloc'd array (strings in mem). */
static precis_status list_articles(precis_store *s, sqlite3_stmt *as, arena *mem, precis_story *story,
                                   precis_error *err)
{
    precis_story_article *arts = NULL;
    size_t n = 0, cap = 0;
    precis_status st = PRECIS_OK;
    sqlite3_bind_int64(as, 1, story->id);
    int rc;
    while ((rc = sqlite3_step(as)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            precis_story_article *p = realloc(arts, nc * sizeof *p);
            if (!p) {
                st = error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory");
                break;
            }
            arts = p;
            cap = nc;
        }
        precis_story_article *a = &arts[n++];
        a->id = sqlite3_column_int64(as, 0);
        const char *f[4];
        for (int i = 0; i < 4; i++) {
            const char *v = col_text(as, 1 + i);
            f[i] = arena_strndup(mem, v, strlen(v));
            if (!f[i])
                st = error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory");
        }
        a->ext_id = f[0];
        a->url = f[1];
        a->source = f[2];
        a->title = f[3];
        a->published = sqlite3_column_int64(as, 5);
        a->near_duplicate = sqlite3_column_type(as, 6) != SQLITE_NULL;
        if (st != PRECIS_OK)
            break;
    }
    if (st == PRECIS_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        st = store_sql_error(s, "reading articles", err);
    sqlite3_reset(as);
    story->articles = arts;
    story->narticles = n;
    if (st == PRECIS_OK)
        return st;
    free(arts);
    story->articles = NULL;
    return st;
}

precis_status precis_store_stories(precis_store *s, long long since, precis_story_fn fn, void *ctx,
                                   precis_error *err)
{
    sqlite3_stmt *ss = NULL, *as = NULL;
    precis_status st = PRECIS_OK;
    arena mem;
    arena_init(&mem, 1 << 14);
    if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        arena_free(&mem);
        return store_sql_error(s, "starting to read", err);
    }
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, headline, first, last FROM story WHERE last >= ?1 ORDER BY last DESC, id DESC",
                           -1, &ss, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "SELECT id, ext_id, url, source, title, published, dup_of FROM article"
                           " WHERE story = ?1 ORDER BY published, id",
                           -1, &as, NULL) != SQLITE_OK) {
        st = store_sql_error(s, "reading stories", err);
        goto done;
    }
    sqlite3_bind_int64(ss, 1, since);
    int rc;
    while ((rc = sqlite3_step(ss)) == SQLITE_ROW) {
        precis_story story;
        memset(&story, 0, sizeof story);
        story.id = sqlite3_column_int64(ss, 0);
        story.headline = col_text(ss, 1);
        story.first = sqlite3_column_int64(ss, 2);
        story.last = sqlite3_column_int64(ss, 3);
        st = list_articles(s, as, &mem, &story, err);
        if (st != PRECIS_OK)
            break;
        int stop = fn(&story, ctx);
        free((void *)story.articles);
        arena_reset(&mem);
        if (stop)
            break;
    }
    if (st == PRECIS_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        st = store_sql_error(s, "reading stories", err);
done:
    sqlite3_finalize(ss);
    sqlite3_finalize(as);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    arena_free(&mem);
    return st;
}

precis_status precis_store_story_cluster(precis_store *s, precis_engine *eng, long long story, precis_cluster **out,
                                         precis_error *err)
{
    *out = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return store_sql_error(s, "starting to read", err);
    precis_status res = PRECIS_OK;
    precis_cluster *c = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT a.id, a.ext_id, t.text FROM article a JOIN article_text t ON t.id = a.id"
                           " WHERE a.story = ?1 ORDER BY a.published, a.id", -1, &st,
                           NULL) != SQLITE_OK) {
        res = store_sql_error(s, "reading a story", err);
        goto done;
    }
    char cid[32];
    snprintf(cid, sizeof cid, "%lld", story);
    if ((res = precis_cluster_new(eng, cid, &c, err)) != PRECIS_OK)
        goto done;
    sqlite3_bind_int64(st, 1, story);
    int rc;
    size_t rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows++;
        char num[32];
        const char *doc = (const char *)sqlite3_column_text(st, 1);
        if (!doc) {
            snprintf(num, sizeof num, "#%lld", (long long)sqlite3_column_int64(st, 0));
            doc = num;
        }
        const char *text = (const char *)sqlite3_column_text(st, 2);
        precis_error sub;
        precis_status a = precis_cluster_add(c, doc, text ? text : "", (size_t)sqlite3_column_bytes(st, 2), &sub);
        /* An article with no story text left after cleaning is skipped, as
         * in a JSON Lines cluster; anything else is an error. */
        if (a != PRECIS_OK && a != PRECIS_ERR_EMPTY) {
            res = error_set(err, a, s->path, 0, "story %lld, article %s: %s", story, doc, sub.message);
            goto done;
        }
    }
    if (rc != SQLITE_DONE) {
        res = store_sql_error(s, "reading a story", err);
        goto done;
    }
    if (rows == 0)
        res = error_set(err, PRECIS_ERR_USAGE, s->path, 0, "no story %lld in the database", story);
    else if (precis_cluster_articles(c) == 0)
        res = error_set(err, PRECIS_ERR_EMPTY, s->path, 0, "story %lld has no article with story text", story);
done:
    sqlite3_finalize(st);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (res == PRECIS_OK)
        *out = c;
    else
        precis_cluster_free(c);
    return res;
}

/*
 * story.c: incremental story clustering against the database.
 *
 * An article joins a story in one of two ways:
 *
 *  1. it is a near-copy of an article already stored (a wire story run by
 *     several papers): its MinHash band keys find the copies by index
 *     lookups in `lsh`, the full signatures confirm them (estimated
 *     Jaccard >= NEARDUP_JACCARD), and it joins the copy's story;
 *  2. otherwise its score against a candidate story is the cosine between
 *     its TF-IDF vector and the story's centroid, plus NAME_WEIGHT times
 *     the share of its names the story also names; the best candidate at
 *     or above the threshold wins, else the article starts a story.
 *
 * Candidates come from the inverted index `story_term`: for the article's
 * QUERY_TERMS heaviest terms, the QUERY_POSTINGS most recent stories
 * indexed under each; the QUERY_CANDIDATES stories sharing the most weight
 * are scored in full. Only stories whose dates reach within the window of
 * the article's date count. Every lookup is bounded, so the cost of an
 * article does not grow with the number of stories.
 *
 * A story keeps its centroid (the sum of its articles' unit vectors, the
 * STORY_TERMS heaviest), its names, its dates and a headline: the title of
 * the article closest to the centroid, re-checked as articles join.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "store/store.h"

typedef struct cand {
    int64_t story;
    double w;
} cand;

typedef struct story_row {
    int64_t first, last, n;
    wterm centroid[STORY_TERMS];
    size_t ncentroid;
    wterm names[STORY_NAMES];
    size_t nnames;
    wterm hterms[FEAT_TERMS];
    size_t nhterms;
} story_row;

/* The window in seconds. A caller's window beyond STORE_MAX_WINDOW_DAYS
 * (or not a number) would overflow the date arithmetic of in_window:
 * held to the bounds instead. */
static int64_t window_secs(const precis_store *s)
{
    double days = s->opts.window_days;
    if (!(days > 0))
        return 0;
    if (days > STORE_MAX_WINDOW_DAYS)
        days = STORE_MAX_WINDOW_DAYS;
    return (int64_t)(days * 86400.0);
}

/* Read a story; 1 if found, 0 if not, -1 on error. */
static int read_story(precis_store *s, int64_t id, story_row *r)
{
    sqlite3_stmt *st = s->stmt[SQL_STORY_GET];
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        r->first = sqlite3_column_int64(st, 0);
        r->last = sqlite3_column_int64(st, 1);
        r->n = sqlite3_column_int64(st, 2);
        r->ncentroid = wvec_decode(sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3), r->centroid,
                                  STORY_TERMS);
        r->nnames = wvec_decode(sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4), r->names,
                               STORY_NAMES);
        r->nhterms = wvec_decode(sqlite3_column_blob(st, 5), (size_t)sqlite3_column_bytes(st, 5), r->hterms,
                                FEAT_TERMS);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static int in_window(const precis_store *s, int64_t t, int64_t first, int64_t last)
{
    int64_t w = window_secs(s);
    return t >= first - w && t <= last + w;
}

/* Share of the article's names that the story also names. */
static double name_overlap(const wterm *a, size_t na, const wterm *b, size_t nb)
{
    if (na == 0 || nb == 0)
        return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i].key < b[j].key)
            i++;
        else if (a[i].key > b[j].key)
            j++;
        else {
            common++;
            i++;
            j++;
        }
    }
    return (double)common / na;
}

static double story_score(const pending *p, const story_row *r)
{
    double cn = wvec_norm(r->centroid, r->ncentroid);
    double cos = cn > 0 ? wvec_dot(p->f.terms, p->f.nterms, r->centroid, r->ncentroid) / cn : 0;
    return cos + NAME_WEIGHT * name_overlap(p->f.names, p->f.nnames, r->names, r->nnames);
}

static void sig_decode(const void *blob, int bytes, uint32_t sig[MINHASH_K])
{
    const unsigned char *p = blob;
    for (int i = 0; i < MINHASH_K; i++) {
        uint32_t v = UINT32_MAX;
        if (p && bytes >= (i + 1) * 4)
            v = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
                (uint32_t)p[4 * i + 3] << 24;
        sig[i] = v;
    }
}

/* Near-copies through the LSH bands: the best confirmed one, in window. */
static precis_status find_near_copy(precis_store *s, const pending *p, int64_t *story, int64_t *dup_of,
                                    precis_error *err)
{
    int64_t keys[MINHASH_BANDS], seen[MINHASH_BANDS * 4];
    size_t nseen = 0;
    minhash_bands(p->f.sig, keys);
    sqlite3_stmt *lk = s->stmt[SQL_LSH_LOOKUP];
    for (int b = 0; b < MINHASH_BANDS; b++) {
        sqlite3_bind_int64(lk, 1, keys[b]);
        int rc;
        while ((rc = sqlite3_step(lk)) == SQLITE_ROW) {
            int64_t a = sqlite3_column_int64(lk, 0);
            size_t k = 0;
            while (k < nseen && seen[k] != a)
                k++;
            if (k == nseen && nseen < sizeof seen / sizeof seen[0])
                seen[nseen++] = a;
        }
        sqlite3_reset(lk);
        if (rc != SQLITE_DONE)
            return store_sql_error(s, "looking up near-duplicates", err);
    }
    double best = NEARDUP_JACCARD;
    sqlite3_stmt *sg = s->stmt[SQL_ARTICLE_SIG];
    for (size_t k = 0; k < nseen; k++) {
        sqlite3_bind_int64(sg, 1, seen[k]);
        int rc = sqlite3_step(sg);
        if (rc == SQLITE_ROW) {
            int64_t st = sqlite3_column_int64(sg, 0), when = sqlite3_column_int64(sg, 1);
            uint32_t sig[MINHASH_K];
            sig_decode(sqlite3_column_blob(sg, 2), sqlite3_column_bytes(sg, 2), sig);
            double sim = minhash_similarity(p->f.sig, sig);
            if (sim >= best && in_window(s, p->published, when, when)) {
                best = sim;
                *story = st;
                *dup_of = seen[k];
            }
        }
        sqlite3_reset(sg);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_sql_error(s, "reading near-duplicates", err);
    }
    return PRECIS_OK;
}

static int by_story(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    return a->story < b->story ? -1 : a->story > b->story;
}

static int by_weight_desc(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return a->story > b->story ? -1 : a->story < b->story; /* newer first */
}

static int wterm_by_weight_desc(const void *x, const void *y)
{
    const wterm *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

precis_status story_assign(precis_store *s, const pending *p, int64_t *story, int64_t *dup_of, precis_error *err)
{
    *story = 0;
    *dup_of = 0;
    precis_status st = find_near_copy(s, p, story, dup_of, err);
    if (st != PRECIS_OK || *story)
        return st;
    if (p->f.nterms == 0)
        return PRECIS_OK;
    /* The article's heaviest terms, looked up in the index. */
    wterm q[FEAT_TERMS];
    memcpy(q, p->f.terms, p->f.nterms * sizeof *q);
    qsort(q, p->f.nterms, sizeof *q, wterm_by_weight_desc);
    size_t nq = p->f.nterms < QUERY_TERMS ? p->f.nterms : QUERY_TERMS;
    cand c[QUERY_TERMS * QUERY_POSTINGS];
    size_t nc = 0;
    sqlite3_stmt *ps = s->stmt[SQL_POSTINGS];
    for (size_t i = 0; i < nq; i++) {
        sqlite3_bind_int64(ps, 1, (int64_t)q[i].key);
        sqlite3_bind_int(ps, 2, QUERY_POSTINGS);
        int rc;
        while ((rc = sqlite3_step(ps)) == SQLITE_ROW && nc < sizeof c / sizeof c[0]) {
            c[nc].story = sqlite3_column_int64(ps, 0);
            c[nc++].w = q[i].w;
        }
        sqlite3_reset(ps);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return store_sql_error(s, "reading the story index", err);
    }
    if (nc == 0)
        return PRECIS_OK;
    /* Sum the shared weight per story, keep the best candidates. */
    qsort(c, nc, sizeof *c, by_story);
    size_t m = 0;
    for (size_t i = 0; i < nc; i++) {
        if (m && c[m - 1].story == c[i].story)
            c[m - 1].w += c[i].w;
        else
            c[m++] = c[i];
    }
    qsort(c, m, sizeof *c, by_weight_desc);
    if (m > QUERY_CANDIDATES)
        m = QUERY_CANDIDATES;
    double best = s->opts.threshold;
    story_row *r = malloc(sizeof *r);
    if (!r)
        return error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory");
    for (size_t i = 0; i < m; i++) {
        int rc = read_story(s, c[i].story, r);
        if (rc < 0) {
            free(r);
            return store_sql_error(s, "reading a story", err);
        }
        if (rc == 0 || !in_window(s, p->published, r->first, r->last))
            continue;
        double score = story_score(p, r);
        if (score >= best) {
            best = score;
            *story = c[i].story;
        }
    }
    free(r);
    return PRECIS_OK;
}

/* Keep the inverted index in step with a story's centroid: postings for
 * terms that left its top STORY_INDEX_TERMS go, new ones come. */
static precis_status update_postings(precis_store *s, int64_t story, const wterm *old, size_t nold, const wterm *now,
                                     size_t nnow, precis_error *err)
{
    wterm a[STORY_TERMS], b[STORY_TERMS];
    size_t na = wvec_top(old, nold, STORY_INDEX_TERMS, a);
    size_t nb = wvec_top(now, nnow, STORY_INDEX_TERMS, b);
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        sqlite3_stmt *st = NULL;
        uint64_t key;
        if (j >= nb || (i < na && a[i].key < b[j].key)) {
            st = s->stmt[SQL_TERM_DELETE];
            key = a[i++].key;
        } else if (i >= na || b[j].key < a[i].key) {
            st = s->stmt[SQL_TERM_INSERT];
            key = b[j++].key;
        } else {
            i++;
            j++;
            continue;
        }
        sqlite3_bind_int64(st, 1, (int64_t)key);
        sqlite3_bind_int64(st, 2, story);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return store_sql_error(s, "updating the story index", err);
    }
    return PRECIS_OK;
}

precis_status story_add(precis_store *s, const pending *p, int64_t *story, precis_error *err)
{
    unsigned char cblob[STORY_TERMS * 12], nblob[STORY_NAMES * 12], hblob[FEAT_TERMS * 12];
    if (*story == 0) {
        sqlite3_stmt *st = s->stmt[SQL_STORY_INSERT];
        size_t cb = wvec_encode(p->f.terms, p->f.nterms, cblob);
        size_t nb = wvec_encode(p->f.names, p->f.nnames, nblob);
        sqlite3_bind_int64(st, 1, p->published);
        sqlite3_bind_int64(st, 2, p->published);
        sqlite3_bind_int64(st, 3, 1);
        sqlite3_bind_text(st, 4, p->title, -1, SQLITE_STATIC);
        sqlite3_bind_blob(st, 5, cblob, (int)cb, SQLITE_STATIC);
        sqlite3_bind_blob(st, 6, cblob, (int)cb, SQLITE_STATIC);
        sqlite3_bind_blob(st, 7, nblob, (int)nb, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return store_sql_error(s, "starting a story", err);
        *story = sqlite3_last_insert_rowid(s->db);
        s->stats.new_stories++;
        return update_postings(s, *story, NULL, 0, p->f.terms, p->f.nterms, err);
    }
    story_row *r = malloc(sizeof *r);
    wterm *merged = malloc((STORY_TERMS + FEAT_TERMS + STORY_NAMES + FEAT_NAMES) * sizeof *merged);
    if (!r || !merged) {
        free(r);
        free(merged);
        return error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory");
    }
    precis_status res = PRECIS_OK;
    int rc = read_story(s, *story, r);
    if (rc <= 0) {
        res = rc < 0 ? store_sql_error(s, "reading a story", err)
                     : error_set(err, PRECIS_ERR_INTERNAL, s->path, 0, "story %lld vanished", (long long)*story);
        goto done;
    }
    wterm *c = merged, *names = merged + STORY_TERMS + FEAT_TERMS;
    size_t nc = wvec_merge(r->centroid, r->ncentroid, p->f.terms, p->f.nterms, STORY_TERMS, c);
    size_t nn = wvec_merge(r->names, r->nnames, p->f.names, p->f.nnames, STORY_NAMES, names);
    /* The headline: whichever of the current headline's article and the new
     * one is closer to the new centroid. */
    double cn = wvec_norm(c, nc);
    double mine = cn > 0 ? wvec_dot(p->f.terms, p->f.nterms, c, nc) / cn : 0;
    double hn = wvec_norm(r->hterms, r->nhterms);
    double theirs = cn > 0 && hn > 0 ? wvec_dot(r->hterms, r->nhterms, c, nc) / (cn * hn) : 0;
    int new_headline = mine > theirs;
    sqlite3_stmt *st = s->stmt[SQL_STORY_UPDATE];
    size_t cb = wvec_encode(c, nc, cblob), nb = wvec_encode(names, nn, nblob);
    sqlite3_bind_int64(st, 1, p->published < r->first ? p->published : r->first);
    sqlite3_bind_int64(st, 2, p->published > r->last ? p->published : r->last);
    sqlite3_bind_int64(st, 3, r->n + 1);
    if (new_headline) {
        size_t hb = wvec_encode(p->f.terms, p->f.nterms, hblob);
        sqlite3_bind_text(st, 4, p->title, -1, SQLITE_STATIC);
        sqlite3_bind_blob(st, 5, hblob, (int)hb, SQLITE_STATIC);
    } else {
        sqlite3_bind_null(st, 4);
        sqlite3_bind_null(st, 5);
    }
    sqlite3_bind_blob(st, 6, cblob, (int)cb, SQLITE_STATIC);
    sqlite3_bind_blob(st, 7, nblob, (int)nb, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, *story);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        res = store_sql_error(s, "updating a story", err);
        goto done;
    }
    res = update_postings(s, *story, r->centroid, r->ncentroid, c, nc, err);
done:
    free(r);
    free(merged);
    return res;
}

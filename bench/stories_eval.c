/*
 * stories_eval.c: how well `precis ingest` recovers known clusters.
 *
 *   stories_eval make [--seed S] [--mn N] [--duc-dates] MN.jsonl.zst DUC.jsonl.zst > stream.jsonl
 *       The articles of the first N Multi-News clusters (all if N is 0) and
 *       of every DUC 2006 cluster, shuffled, one JSON Lines article each,
 *       with id "CLUSTER#k". Every article is dated 2017-01-01 (Multi-News
 *       has no dates); with --duc-dates DUC articles keep their real dates
 *       (from the document ids, e.g. APW19990707 -> 1999-07-07).
 *
 *   stories_eval score [--baseline T,...] DB
 *       Reads the stories from the database (the gold cluster is the id up
 *       to '#'), and prints B-cubed precision, recall, F1 and the adjusted
 *       Rand index, for all articles and for each dataset; then the same for
 *       the baseline, single-pass TF-IDF cosine against every story (no
 *       index, no names, no near-copy detection), over the same articles in
 *       the same order, at each threshold T.
 *
 * Built by bench/stories_eval.sh against the library (internal headers for
 * the feature extraction, so the baseline sees the same term vectors).
 */
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "precis.h"
#include "store/features.h"
#include "store/store.h"

/* ---- make ------------------------------------------------------------- */

typedef struct art {
    char *line;
} art;

static uint64_t rng_state = 88172645463325252ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static art *arts;
static size_t narts, arts_cap;

static void push(json_t *o)
{
    if (narts == arts_cap) {
        arts_cap = arts_cap ? arts_cap * 2 : 1024;
        arts = realloc(arts, arts_cap * sizeof *arts);
    }
    arts[narts++].line = json_dumps(o, JSON_COMPACT);
}

static int read_set(const char *path, long max, int duc, int duc_dates)
{
    precis_error err = {0};
    line_reader *r;
    if (line_reader_open(path, &r, &err) != PRECIS_OK) {
        fprintf(stderr, "stories_eval: %s: %s\n", path, err.message);
        return -1;
    }
    buf line = BUF_INIT;
    long n = 0;
    while ((max == 0 || n < max) && line_reader_next(r, &line, &err) == 1) {
        json_t *root = json_loadb(line.data, line.len, 0, NULL);
        if (!root)
            continue;
        const char *id = json_string_value(json_object_get(root, "id"));
        json_t *docs = json_object_get(root, "docs");
        json_t *heads = json_object_get(root, "headlines"), *dids = json_object_get(root, "doc_ids");
        size_t i;
        json_t *d;
        json_array_foreach(docs, i, d) {
            const char *text = json_string_value(d);
            if (!text || strspn(text, " \t\r\n") == strlen(text))
                continue;
            json_t *o = json_object();
            char aid[128];
            snprintf(aid, sizeof aid, "%s#%zu", id, i);
            json_object_set_new(o, "id", json_string(aid));
            json_object_set_new(o, "text", json_string(text));
            char date[16] = "2017-01-01";
            const char *did = json_string_value(json_array_get(dids, i));
            if (duc && duc_dates && did && strlen(did) >= 11)
                snprintf(date, sizeof date, "%.4s-%.2s-%.2s", did + 3, did + 7, did + 9);
            json_object_set_new(o, "published", json_string(date));
            const char *h = json_string_value(json_array_get(heads, i));
            if (duc && h && *h)
                json_object_set_new(o, "title", json_string(h));
            push(o);
            json_decref(o);
        }
        json_decref(root);
        n++;
    }
    buf_free(&line);
    line_reader_close(r);
    return 0;
}

static int cmd_make(int argc, char **argv)
{
    long mn = 100;
    int duc_dates = 0, i = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            rng_state = strtoull(argv[++i], NULL, 10) * 2654435761u + 1;
        else if (!strcmp(argv[i], "--mn") && i + 1 < argc)
            mn = strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--duc-dates"))
            duc_dates = 1;
        else
            return 2;
    }
    if (argc - i < 1)
        return 2;
    if (read_set(argv[i], mn, 0, 0) != 0)
        return 1;
    if (argc - i > 1 && read_set(argv[i + 1], 0, 1, duc_dates) != 0)
        return 1;
    for (size_t k = narts; k > 1; k--) {
        size_t j = rng() % k;
        art t = arts[k - 1];
        arts[k - 1] = arts[j];
        arts[j] = t;
    }
    for (size_t k = 0; k < narts; k++) {
        puts(arts[k].line);
        free(arts[k].line);
    }
    free(arts);
    return 0;
}

/* ---- metrics ------------------------------------------------------------ */

typedef struct item {
    int64_t pred;
    uint32_t gold;
} item;

typedef struct metrics {
    double p, r, f, ari;
    size_t n, clusters, gold_clusters;
} metrics;

typedef struct pair {
    int64_t a;
    int64_t b;
} pair;

static int by_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* Sizes of groups of equal keys, for each item (keys sorted with index). */
static void group_sizes(const int64_t *key, size_t n, size_t *size, double *comb, size_t *groups)
{
    pair *p = malloc(n * sizeof *p);
    for (size_t i = 0; i < n; i++) {
        p[i].a = key[i];
        p[i].b = (int64_t)i;
    }
    qsort(p, n, sizeof *p, by_pair);
    *comb = 0;
    *groups = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && p[j].a == p[i].a)
            j++;
        for (size_t k = i; k < j; k++)
            size[p[k].b] = j - i;
        *comb += (double)(j - i) * (j - i - 1) / 2;
        (*groups)++;
        i = j;
    }
    free(p);
}

static metrics measure(const item *it, size_t n)
{
    metrics m;
    memset(&m, 0, sizeof m);
    m.n = n;
    if (!n)
        return m;
    int64_t *kp = malloc(n * sizeof *kp), *kg = malloc(n * sizeof *kg), *kb = malloc(n * sizeof *kb);
    size_t *sp = malloc(n * sizeof *sp), *sg = malloc(n * sizeof *sg), *sb = malloc(n * sizeof *sb);
    for (size_t i = 0; i < n; i++) {
        kp[i] = it[i].pred;
        kg[i] = it[i].gold;
        kb[i] = it[i].pred * 1000003 + it[i].gold; /* the (pred, gold) cell */
    }
    double cp, cg, cb;
    size_t gb;
    group_sizes(kp, n, sp, &cp, &m.clusters);
    group_sizes(kg, n, sg, &cg, &m.gold_clusters);
    group_sizes(kb, n, sb, &cb, &gb);
    double P = 0, R = 0;
    for (size_t i = 0; i < n; i++) {
        P += (double)sb[i] / sp[i];
        R += (double)sb[i] / sg[i];
    }
    m.p = P / n;
    m.r = R / n;
    m.f = m.p + m.r > 0 ? 2 * m.p * m.r / (m.p + m.r) : 0;
    double total = (double)n * (n - 1) / 2;
    double expected = total > 0 ? cp * cg / total : 0;
    double maxi = (cp + cg) / 2;
    m.ari = maxi - expected != 0 ? (cb - expected) / (maxi - expected) : 1;
    free(kp), free(kg), free(kb), free(sp), free(sg), free(sb);
    return m;
}

static void print_row(const char *method, const char *subset, const metrics *m)
{
    printf("| %s | %s | %zu | %zu | %zu | %.3f | %.3f | %.3f | %.3f |\n", method, subset, m->n, m->gold_clusters,
           m->clusters, m->p, m->r, m->f, m->ari);
}

/* ---- score ---------------------------------------------------------------- */

typedef struct row {
    char *gold;
    uint32_t gold_id;
    int duc;
    int64_t story;
    features f;
} row;

static void report(const char *method, row *rows, size_t n, const int64_t *pred)
{
    item *it = malloc(n * sizeof *it);
    for (int subset = 0; subset < 3; subset++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (subset == 0 || (subset == 1 && !rows[i].duc) || (subset == 2 && rows[i].duc)) {
                it[k].pred = pred[i];
                it[k++].gold = rows[i].gold_id;
            }
        metrics m = measure(it, k);
        if (k)
            print_row(method, subset == 0 ? "all" : subset == 1 ? "Multi-News" : "DUC 2006", &m);
    }
    free(it);
}

typedef struct bstory {
    wterm *c;
    size_t n;
    double norm;
} bstory;

/* Single-pass clustering: each article against every story so far. */
static void baseline(row *rows, size_t n, double tau, int64_t *pred)
{
    bstory *st = calloc(n, sizeof *st);
    size_t ns = 0;
    wterm *tmp = malloc((STORY_TERMS + FEAT_TERMS) * sizeof *tmp);
    for (size_t i = 0; i < n; i++) {
        const features *f = &rows[i].f;
        double best = tau;
        int64_t who = -1;
        for (size_t s = 0; s < ns; s++) {
            if (st[s].norm == 0)
                continue;
            double cos = wvec_dot(f->terms, f->nterms, st[s].c, st[s].n) / st[s].norm;
            if (cos >= best) {
                best = cos;
                who = (int64_t)s;
            }
        }
        if (who < 0) {
            who = (int64_t)ns++;
            st[who].c = malloc(STORY_TERMS * sizeof(wterm));
            memcpy(st[who].c, f->terms, f->nterms * sizeof(wterm));
            st[who].n = f->nterms;
        } else {
            size_t m = wvec_merge(st[who].c, st[who].n, f->terms, f->nterms, STORY_TERMS, tmp);
            memcpy(st[who].c, tmp, m * sizeof *tmp);
            st[who].n = m;
        }
        st[who].norm = wvec_norm(st[who].c, st[who].n);
        pred[i] = who;
    }
    for (size_t s = 0; s < ns; s++)
        free(st[s].c);
    free(st);
    free(tmp);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmd_score(int argc, char **argv)
{
    const char *taus = "0.2,0.3";
    int i = 0;
    if (argc >= 2 && !strcmp(argv[0], "--baseline")) {
        taus = argv[1];
        i = 2;
    }
    if (argc - i != 1)
        return 2;
    sqlite3 *db;
    if (sqlite3_open_v2(argv[i], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "stories_eval: cannot open %s\n", argv[i]);
        return 1;
    }
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT a.ext_id, a.story, a.title, t.text FROM article a JOIN article_text t ON t.id = a.id ORDER BY a.id", -1, &q, NULL) !=
        SQLITE_OK) {
        fprintf(stderr, "stories_eval: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    precis_engine *eng;
    precis_error err;
    if (precis_engine_new(&eng, &err) != PRECIS_OK)
        return 1;
    row *rows = NULL;
    size_t n = 0, cap = 0;
    /* gold ids: intern the gold strings */
    char **golds = NULL;
    size_t ngold = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            rows = realloc(rows, cap * sizeof *rows);
        }
        row *r = &rows[n++];
        const char *ext = (const char *)sqlite3_column_text(q, 0);
        const char *hash = strrchr(ext, '#');
        r->gold = strndup(ext, hash ? (size_t)(hash - ext) : strlen(ext));
        r->duc = r->gold[0] == 'D' && r->gold[1] == '0';
        r->story = sqlite3_column_int64(q, 1);
        /* linear intern is fine at these sizes? no: use the previous row's
         * order; sort later. Store and resolve below. */
        const char *title = (const char *)sqlite3_column_text(q, 2);
        const char *text = (const char *)sqlite3_column_text(q, 3);
        features_compute(eng, title, strlen(title), text, (size_t)sqlite3_column_bytes(q, 3), &r->f);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    /* Gold ids by sorting the names. */
    golds = malloc(n * sizeof *golds);
    for (size_t k = 0; k < n; k++)
        golds[k] = rows[k].gold;
    qsort(golds, n, sizeof *golds, cmp_str);
    (void)ngold;
    for (size_t k = 0; k < n; k++) {
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(golds[mid], rows[k].gold) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        rows[k].gold_id = (uint32_t)lo;
    }
    free(golds);
    int64_t *pred = malloc(n * sizeof *pred);
    for (size_t k = 0; k < n; k++)
        pred[k] = rows[k].story;
    report("precis ingest", rows, n, pred);
    char *list = strdup(taus), *save = NULL;
    for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        double tau = atof(t);
        baseline(rows, n, tau, pred);
        char name[64];
        snprintf(name, sizeof name, "baseline (cosine >= %.2f)", tau);
        report(name, rows, n, pred);
    }
    free(list);
    free(pred);
    for (size_t k = 0; k < n; k++)
        free(rows[k].gold);
    free(rows);
    precis_engine_free(eng);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 2;
    if (argc >= 2 && !strcmp(argv[1], "make"))
        rc = cmd_make(argc - 2, argv + 2);
    else if (argc >= 2 && !strcmp(argv[1], "score"))
        rc = cmd_score(argc - 2, argv + 2);
    if (rc == 2)
        fprintf(stderr, "usage: stories_eval make [--seed S] [--mn N] [--duc-dates] MN.jsonl.zst [DUC.jsonl.zst]\n"
                        "       stories_eval score [--baseline T1,T2,...] DB\n");
    return rc;
}

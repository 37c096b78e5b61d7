/*
 * rouge_report.c: running a set of evaluations and printing what
 * ROUGE-1.5.5 prints.
 *
 * The loops follow the script: for each peer (sorted as bytes), for each
 * metric, for each EVAL in file order. That order fixes the warnings on
 * the warning stream: "*ROUGE Warning: test instance for peer P does not
 * exist for evaluation E" once per (EVAL, peer), and "readText: PATH ->
 * empty text" every time the script would read an empty, length-limited
 * summary (the peer, then each model, once per metric). Summaries are read
 * and scored once per (EVAL, peer) and kept, so the work is not repeated
 * per metric; a file used by several EVALs is read once.
 *
 * Layout per peer and metric: 45 '-', three Average lines (or the raw
 * counts with -t 2), then with -d 45 '.' and the per-eval lines sorted by
 * the leading integer of the key when both keys start with digits, else
 * as strings.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/strmap.h"
#include "io/io.h"
#include "rouge/rouge_int.h"

typedef struct cell {
    bool done;
    rouge_score *scores;     /* nmetrics */
    const rouge_doc *peer;
    const rouge_doc **models;
    size_t nmodels;
    const rouge_entry *pe;
} cell;

typedef struct runner {
    rouge_scorer *sc;
    const rouge_evalset *set;
    strmap doc_keys;         /* "format:path" -> index in docs */
    rouge_doc **docs;
    size_t ndocs;
    cell *cells;             /* nevals * npeers */
    size_t npeers;
    bool *warned;            /* nevals * npeers */
    rouge_average *avg;      /* the current peer's averages, one per metric */
    FILE *warn;
    precis_error *err;
} runner;

/* A summary is never near this long: the limit keeps a wrong path
 * (/dev/zero, a disk image) from eating memory. */
#define ROUGE_MAX_SUMMARY_BYTES PRECIS_MAX_ARTICLE_BYTES

static precis_status read_file(const char *path, char **out, size_t *len, precis_error *err)
{
    buf b = BUF_INIT;
    precis_status st = io_read_file_max(path, ROUGE_MAX_SUMMARY_BYTES, "for a summary", &b, err);
    if (st == PRECIS_OK && buf_reserve(&b, 1) < 0)
        st = error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    if (st != PRECIS_OK) {
        buf_free(&b);
        return st;
    }
    b.data[b.len] = '\0';
    *out = b.data;
    *len = b.len;
    return PRECIS_OK;
}

/* The prepared summary of one source, read once. */
static precis_status doc_for(runner *r, const rouge_eval *e, const rouge_entry *en,
                             const rouge_doc **out)
{
    char key[4200];
    if (en->src.text)
        snprintf(key, sizeof key, "%d:mem:%p", (int)e->format, (const void *)en->src.text);
    else
        snprintf(key, sizeof key, "%d:file:%s", (int)e->format, en->src.path);
    size_t before = r->doc_keys.count;
    uint32_t id = strmap_intern(&r->doc_keys, key, strlen(key));
    if (id == STRMAP_NONE)
        return error_set(r->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    if (r->doc_keys.count == before) {
        *out = r->docs[id];
        return PRECIS_OK;
    }
    rouge_doc **nd = realloc(r->docs, (r->ndocs + 1) * sizeof *nd);
    if (!nd)
        return error_set(r->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    r->docs = nd;
    r->docs[r->ndocs] = NULL;
    r->ndocs++;
    char *data = en->src.text;
    size_t len = en->src.len;
    precis_status st = PRECIS_OK;
    if (!data)
        st = read_file(en->src.path, &data, &len, r->err);
    if (!st)
        st = rouge_doc_new(r->sc, data, len, e->format, &r->docs[id], r->err);
    if (data != en->src.text)
        free(data);
    if (st) {
        if (en->src.path && !r->err->where[0])
            error_locate(r->err, en->src.path, 0);
        return st;
    }
    *out = r->docs[id];
    return PRECIS_OK;
}

static const rouge_entry *find_peer(const rouge_eval *e, const char *id)
{
    for (size_t i = 0; i < e->npeers; i++)
        if (!strcmp(e->peers[i].id, id))
            return e->peers[i].has_src ? &e->peers[i] : NULL;
    return NULL;
}

static bool file_exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fclose(f);
    return true;
}

static precis_status compute(runner *r, size_t ei, const rouge_entry *pe, cell *c)
{
    const rouge_eval *e = &r->set->evals[ei];
    if (!e->has_format)
        return error_set(r->err, PRECIS_ERR_FORMAT, "", 0,
                         "evaluation %s has no <INPUT-FORMAT>", e->id);
    for (size_t m = 0; m < e->nmodels; m++) {
        const rouge_entry *me = &e->models[m];
        if (!me->has_src)
            return error_set(r->err, PRECIS_ERR_FORMAT, "", 0,
                             "model %s of evaluation %s names no file", me->id, e->id);
        if (!me->src.text && !file_exists(me->src.path))
            return error_set(r->err, PRECIS_ERR_IO, me->src.path, 0, "cannot find model summary");
    }
    c->scores = calloc(r->sc->nmetrics ? r->sc->nmetrics : 1, sizeof *c->scores);
    c->models = calloc(e->nmodels ? e->nmodels : 1, sizeof *c->models);
    if (!c->scores || !c->models)
        return error_set(r->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    precis_status st = doc_for(r, e, pe, &c->peer);
    for (size_t m = 0; !st && m < e->nmodels; m++)
        st = doc_for(r, e, &e->models[m], &c->models[m]);
    if (st)
        return st;
    c->nmodels = e->nmodels;
    c->pe = pe;
    c->done = true;
    return rouge_score_docs(r->sc, c->peer, c->models, c->nmodels, c->scores, r->err);
}

static void warn_empty(runner *r, const cell *c, const rouge_eval *e)
{
    if (!r->warn)
        return;
    if (c->peer->warn_empty)
        fprintf(r->warn, "readText: %s -> empty text\n", c->pe->src.path ? c->pe->src.path : c->pe->id);
    for (size_t m = 0; m < c->nmodels; m++)
        if (c->models[m]->warn_empty) {
            const rouge_entry *me = &e->models[m];
            fprintf(r->warn, "readText: %s -> empty text\n", me->src.path ? me->src.path : me->id);
        }
}

/* ---- Ordering and printing ------------------------------------------------------ */

typedef struct inst {
    char *key;
    const rouge_score *all;  /* the cell's scores, one per metric */
} inst;

static int by_bytes(const void *a, const void *b)
{
    return strcmp(((const inst *)a)->key, ((const inst *)b)->key);
}

/* Perl's by_evalID: numeric on leading digits when both have them. */
static int by_eval_id(const inst *a, const inst *b)
{
    const char *x = a->key, *y = b->key;
    size_t lx = strspn(x, "0123456789"), ly = strspn(y, "0123456789");
    if (!lx || !ly)
        return strcmp(x, y);
    char bx[400], by[400];
    snprintf(bx, sizeof bx, "%.*s", (int)(lx < 399 ? lx : 399), x);
    snprintf(by, sizeof by, "%.*s", (int)(ly < 399 ? ly : 399), y);
    double u = strtod(bx, NULL), v = strtod(by, NULL);
    return (u > v) - (u < v);
}

/* Stable merge sort with by_eval_id. */
static void merge_sort(inst *v, inst *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, tmp, h);
    merge_sort(v + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = by_eval_id(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* Perl prints numbers with %.15g. */
static void perl_num(char *out, size_t cap, double v)
{
    snprintf(out, cap, "%.15g", v);
}

/* The bootstrap of every metric of one peer in one pass (the draws are
 * the same for all of them); v is sorted as bytes, as the script sorts. */
static precis_status averages(runner *r, const inst *v, size_t n)
{
    const rouge_options *o = &r->sc->opt;
    size_t nm = r->sc->nmetrics;
    double *vals = malloc((n ? n : 1) * 3 * nm * sizeof *vals);
    if (!vals)
        return error_set(r->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    bool counts = o->counting == 1 || o->counting == 2;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < nm; k++) {
            const rouge_score *s = &v[i].all[k];
            double *d = vals + (i * nm + k) * 3;
            d[0] = counts ? s->model_count : s->r;
            d[1] = counts ? s->peer_count : s->p;
            d[2] = counts ? s->hit : s->f;
        }
    rouge_bootstrap_sets(vals, n, nm, o, r->avg);
    free(vals);
    return PRECIS_OK;
}

static void print_block(runner *r, FILE *out, const char *peer, size_t mi, inst *v, size_t n,
                        bool details)
{
    const rouge_options *o = &r->sc->opt;
    const rouge_metric *m = &r->sc->metrics[mi];
    const rouge_average a = r->avg[mi];
    char conf[64];
    if (o->confidence_label[0])
        snprintf(conf, sizeof conf, "%s", o->confidence_label);
    else
        perl_num(conf, sizeof conf, o->confidence);
    fputs("---------------------------------------------\n", out);
    if (o->counting != 2) {
        fprintf(out, "%s %s Average_R: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n", peer, m->name,
                a.r, conf, a.r_lo, a.r_hi);
        fprintf(out, "%s %s Average_P: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n", peer, m->name,
                a.p, conf, a.p_lo, a.p_hi);
        fprintf(out, "%s %s Average_F: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n", peer, m->name,
                a.f, conf, a.f_lo, a.f_hi);
    } else {
        fprintf(out, "%s %s M_count: %.0f P_count: %.0f H_count: %.0f\n", peer, m->name,
                trunc(a.model_count), trunc(a.peer_count), trunc(a.hit));
    }
    if (!details)
        return;
    fputs(".............................................\n", out);
    inst *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (tmp)
        merge_sort(v, tmp, n);
    free(tmp);
    for (size_t i = 0; i < n; i++) {
        const rouge_score *s = &v[i].all[mi];
        if (o->counting == 0) {
            fprintf(out, "%s %s Eval %s R:%7.5f P:%7.5f F:%7.5f\n", peer, m->name, v[i].key, s->r,
                    s->p, s->f);
            continue;
        }
        char a1[64], a2[64], a3[64];
        perl_num(a1, sizeof a1, s->model_count);
        perl_num(a2, sizeof a2, s->peer_count);
        perl_num(a3, sizeof a3, s->hit);
        fprintf(out, "%s %s Eval %s R:%s P:%s F:%s\n", peer, m->name, v[i].key, a1, a2, a3);
    }
}

/* One peer, one metric: gather instances over the EVALs and print. */
static precis_status run_metric(runner *r, size_t pi, const char *peer, size_t mi, bool details,
                                FILE *out)
{
    const rouge_evalset *set = r->set;
    inst *v = calloc(set->nevals ? set->nevals : 1, sizeof *v);
    if (!v)
        return error_set(r->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    size_t n = 0;
    precis_status st = PRECIS_OK;
    for (size_t ei = 0; ei < set->nevals && !st; ei++) {
        const rouge_eval *e = &set->evals[ei];
        const rouge_entry *pe = find_peer(e, peer);
        size_t ci = ei * r->npeers + pi;
        if (!pe) {
            if (!r->warned[ci] && r->warn)
                fprintf(r->warn, "*ROUGE Warning: test instance for peer %s does not exist for evaluation %s\n",
                        peer, e->id);
            r->warned[ci] = true;
            continue;
        }
        cell *c = &r->cells[ci];
        if (!c->done && (st = compute(r, ei, pe, c)))
            break;
        warn_empty(r, c, e);
        size_t kl = strlen(e->id) + strlen(peer) + 2;
        if (!(v[n].key = malloc(kl))) {
            st = error_set(r->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
            break;
        }
        snprintf(v[n].key, kl, "%s.%s", e->id, peer);
        v[n].all = c->scores;
        n++;
    }
    if (!st)
        qsort(v, n, sizeof *v, by_bytes);
    if (!st && mi == 0)
        st = averages(r, v, n);
    if (!st)
        print_block(r, out, peer, mi, v, n, details);
    for (size_t i = 0; i < n; i++)
        free(v[i].key);
    free(v);
    return st;
}

static void runner_free(runner *r)
{
    for (size_t i = 0; i < r->ndocs; i++)
        rouge_doc_free(r->docs[i]);
    free(r->docs);
    strmap_free(&r->doc_keys);
    if (r->cells)
        for (size_t i = 0; i < r->set->nevals * r->npeers; i++) {
            free(r->cells[i].scores);
            free(r->cells[i].models);
        }
    free(r->cells);
    free(r->warned);
    free(r->avg);
}

precis_status rouge_report_run(rouge_scorer *sc, const rouge_evalset *set, const char *peer_id,
                               bool details, FILE *out, FILE *warn, precis_error *err)
{
    precis_error local;
    if (!err)
        err = &local;
    memset(err, 0, sizeof *err);
    runner r = {.sc = sc, .set = set, .warn = warn, .err = err};
    strmap_init(&r.doc_keys);
    const char *const *peers = (const char *const *)set->peer_ids;
    r.npeers = peer_id ? 1 : set->npeer_ids;
    if (peer_id)
        peers = &peer_id;
    size_t ncells = set->nevals * r.npeers;
    r.cells = calloc(ncells ? ncells : 1, sizeof *r.cells);
    r.warned = calloc(ncells ? ncells : 1, sizeof *r.warned);
    r.avg = calloc(sc->nmetrics ? sc->nmetrics : 1, sizeof *r.avg);
    precis_status st = r.cells && r.warned && r.avg ? PRECIS_OK
                                           : error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    for (size_t pi = 0; !st && pi < r.npeers; pi++) {
        for (size_t mi = 0; !st && mi < sc->nmetrics; mi++)
            st = run_metric(&r, pi, peers[pi], mi, details, out);
        /* a peer's scores are not needed once it is printed */
        for (size_t ei = 0; ei < set->nevals; ei++) {
            cell *c = &r.cells[ei * r.npeers + pi];
            free(c->scores), free(c->models);
            c->scores = NULL, c->models = NULL;
        }
    }
    runner_free(&r);
    return st;
}

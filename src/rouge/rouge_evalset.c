/*
 * rouge_evalset.c: sets of evaluations (EVALs), built by hand, from a -z
 * file list, or as leave-one-out copies of another set.
 *
 * An EVAL pairs peers with the models they are scored against. ROUGE keys
 * every score by "evalID.peerID", so evaluation ids should be unique and a
 * peer id names one peer inside an evaluation.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "rouge/rouge_int.h"

static precis_status nomem(precis_error *err)
{
    return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

precis_status rouge_evalset_add(rouge_evalset *set, const char *id, rouge_format fmt,
                                precis_error *err)
{
    rouge_eval *nv = realloc(set->evals, (set->nevals + 1) * sizeof *nv);
    if (!nv)
        return nomem(err);
    set->evals = nv;
    rouge_eval *e = &nv[set->nevals];
    memset(e, 0, sizeof *e);
    e->format = fmt;
    e->has_format = true;
    if (!(e->id = strdup(id)))
        return nomem(err);
    set->nevals++;
    return PRECIS_OK;
}

static precis_status add_entry(rouge_entry **v, size_t *n, const char *id, const char *path,
                               const char *text, size_t len, precis_error *err)
{
    rouge_entry *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return nomem(err);
    *v = nv;
    rouge_entry *en = &nv[*n];
    memset(en, 0, sizeof *en);
    en->has_src = path || text;
    en->id = strdup(id);
    if (path)
        en->src.path = strdup(path);
    if (text) {
        en->src.text = dup_n(text, len);
        en->src.len = len;
    }
    (*n)++;
    if (!en->id || (path && !en->src.path) || (text && !en->src.text))
        return nomem(err);
    return PRECIS_OK;
}

precis_status rouge_eval_entry(rouge_eval *e, bool peer, const char *id, const char *path,
                               const char *text, size_t len, precis_error *err)
{
    return peer ? add_entry(&e->peers, &e->npeers, id, path, text, len, err)
                : add_entry(&e->models, &e->nmodels, id, path, text, len, err);
}

precis_status rouge_evalset_peer(rouge_evalset *set, const char *id, const char *path,
                                 const char *text, size_t len, precis_error *err)
{
    if (!set->nevals)
        return error_set(err, PRECIS_ERR_INTERNAL, "", 0, "peer added before any evaluation");
    return rouge_eval_entry(&set->evals[set->nevals - 1], true, id, path, text, len, err);
}

precis_status rouge_evalset_model(rouge_evalset *set, const char *id, const char *path,
                                  const char *text, size_t len, precis_error *err)
{
    if (!set->nevals)
        return error_set(err, PRECIS_ERR_INTERNAL, "", 0, "model added before any evaluation");
    return rouge_eval_entry(&set->evals[set->nevals - 1], false, id, path, text, len, err);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

precis_status rouge_evalset_finish(rouge_evalset *set, precis_error *err)
{
    for (size_t i = 0; i < set->npeer_ids; i++)
        free(set->peer_ids[i]);
    free(set->peer_ids);
    set->peer_ids = NULL;
    set->npeer_ids = 0;
    size_t total = 0;
    for (size_t i = 0; i < set->nevals; i++)
        total += set->evals[i].npeers;
    char **ids = malloc((total ? total : 1) * sizeof *ids);
    if (!ids)
        return nomem(err);
    size_t k = 0;
    for (size_t i = 0; i < set->nevals; i++)
        for (size_t j = 0; j < set->evals[i].npeers; j++)
            ids[k++] = set->evals[i].peers[j].id;
    qsort(ids, k, sizeof *ids, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || strcmp(ids[u - 1], ids[i]))
            ids[u++] = ids[i];
    for (size_t i = 0; i < u; i++)
        if (!(ids[i] = strdup(ids[i]))) {
            set->peer_ids = ids;
            set->npeer_ids = i;
            return nomem(err);
        }
    set->peer_ids = ids;
    set->npeer_ids = u;
    return PRECIS_OK;
}

static void free_entries(rouge_entry *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].src.path);
        free(v[i].src.text);
    }
    free(v);
}

void rouge_evalset_free(rouge_evalset *set)
{
    for (size_t i = 0; i < set->nevals; i++) {
        free(set->evals[i].id);
        free_entries(set->evals[i].peers, set->evals[i].npeers);
        free_entries(set->evals[i].models, set->evals[i].nmodels);
    }
    free(set->evals);
    for (size_t i = 0; i < set->npeer_ids; i++)
        free(set->peer_ids[i]);
    free(set->peer_ids);
    memset(set, 0, sizeof *set);
}

/* ---- -z file lists ---------------------------------------------------------- */

precis_status rouge_filelist_parse(const char *path, const char *text, size_t len,
                                   rouge_format fmt, const char *system_id,
                                   rouge_evalset *out, precis_error *err)
{
    memset(out, 0, sizeof *out);
    const char *p = text, *end = text + len;
    long line = 0, next_id = 1;
    precis_status st = PRECIS_OK;
    char *buf = malloc(len + 1);
    if (!buf)
        return nomem(err);
    while (!st && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        memcpy(buf, p, (size_t)(le - p));
        buf[le - p] = '\0';
        p = nl ? nl + 1 : end;
        bool blank = true;
        for (char *c = buf; *c; c++)
            blank = blank && rouge_is_space((unsigned char)*c);
        if (buf[0] == '#' || blank)
            continue;
        char *fields[4096];
        size_t nf = 0;
        for (char *c = buf; *c && nf < 4096;) {
            while (*c && rouge_is_space((unsigned char)*c))
                *c++ = '\0';
            if (!*c)
                break;
            fields[nf++] = c;
            while (*c && !rouge_is_space((unsigned char)*c))
                c++;
        }
        if (nf < 2) {
            st = error_set(err, PRECIS_ERR_FORMAT, path, line,
                           "a file list line needs a peer and at least one model");
            break;
        }
        char id[32];
        snprintf(id, sizeof id, "%ld", next_id++);
        st = rouge_evalset_add(out, id, fmt, err);
        if (!st)
            st = rouge_evalset_peer(out, system_id, fields[0], NULL, 0, err);
        for (size_t m = 1; !st && m < nf; m++) {
            char mid[32];
            snprintf(mid, sizeof mid, "M.%zu", m);
            st = rouge_evalset_model(out, mid, fields[m], NULL, 0, err);
        }
    }
    free(buf);
    if (!st)
        st = rouge_evalset_finish(out, err);
    if (st)
        rouge_evalset_free(out);
    return st;
}

/* ---- Leave-one-out ------------------------------------------------------------ */

static precis_status copy_entry(rouge_entry **v, size_t *n, const rouge_entry *src,
                                const char *id, precis_error *err)
{
    if (!src->has_src) {
        rouge_entry *nv = realloc(*v, (*n + 1) * sizeof *nv);
        if (!nv)
            return nomem(err);
        *v = nv;
        memset(&nv[*n], 0, sizeof nv[*n]);
        if (!(nv[*n].id = strdup(id)))
            return nomem(err);
        (*n)++;
        return PRECIS_OK;
    }
    return add_entry(v, n, id, src->src.path, src->src.text, src->src.len, err);
}

static precis_status loo_one(const rouge_eval *e, rouge_evalset *out, precis_error *err)
{
    char id[1024];
    for (size_t left = 0; left < e->nmodels; left++) {
        const rouge_entry *lm = &e->models[left];
        snprintf(id, sizeof id, "%s-%s", e->id, lm->id);
        precis_status st = rouge_evalset_add(out, id, e->format, err);
        if (st)
            return st;
        rouge_eval *ne = &out->evals[out->nevals - 1];
        ne->has_format = e->has_format;
        for (size_t p = 0; !st && p < e->npeers; p++)
            if (strcmp(e->peers[p].id, lm->id))
                st = copy_entry(&ne->peers, &ne->npeers, &e->peers[p], e->peers[p].id, err);
        if (!st)
            st = copy_entry(&ne->peers, &ne->npeers, lm, lm->id, err);
        for (size_t m = 0; !st && m < e->nmodels; m++)
            if (m != left)
                st = copy_entry(&ne->models, &ne->nmodels, &e->models[m], e->models[m].id, err);
        if (st)
            return st;
    }
    return PRECIS_OK;
}

precis_status rouge_evalset_leave_one_out(const rouge_evalset *in, rouge_evalset *out,
                                          precis_error *err)
{
    memset(out, 0, sizeof *out);
    precis_status st = PRECIS_OK;
    for (size_t i = 0; !st && i < in->nevals; i++) {
        const rouge_eval *e = &in->evals[i];
        if (e->nmodels >= 2) {
            st = loo_one(e, out, err);
            continue;
        }
        st = rouge_evalset_add(out, e->id, e->format, err);
        rouge_eval *ne = st ? NULL : &out->evals[out->nevals - 1];
        for (size_t p = 0; !st && p < e->npeers; p++)
            st = copy_entry(&ne->peers, &ne->npeers, &e->peers[p], e->peers[p].id, err);
        for (size_t m = 0; !st && m < e->nmodels; m++)
            st = copy_entry(&ne->models, &ne->nmodels, &e->models[m], e->models[m].id, err);
    }
    if (!st)
        st = rouge_evalset_finish(out, err);
    if (st)
        rouge_evalset_free(out);
    return st;
}

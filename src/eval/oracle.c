/*
 * oracle.c: the greedy extractive oracle, an upper bound for any method
 * that picks whole sentences: it may look at the references, which no real
 * summarizer can. Tokens are ROUGE's own (rouge_tokens_string), so the
 * oracle optimises exactly what is measured.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/strmap.h"
#include "eval/eval.h"
#include "model/cluster.h"
#include "text/whitespace.h"

#define ORACLE_MAX_REFS 16

typedef struct grams {
    uint32_t *id;   /* unigram and bigram ids, with repeats */
    size_t n;
    size_t unigrams, bigrams;
} grams;

/* ROUGE-tokenize text and intern its unigrams and bigrams. */
static int text_grams(rouge_scorer *sc, strmap *dict, const char *text, grams *g, precis_error *err)
{
    char *toks;
    memset(g, 0, sizeof *g);
    if (rouge_tokens_string(sc, text, &toks, err) != PRECIS_OK)
        return -1;
    size_t ntok = 0, len = strlen(toks);
    for (size_t i = 0; i < len; i++)
        ntok += (i == 0 || toks[i - 1] == ' ') && toks[i] != ' ';
    g->id = malloc((2 * ntok + 1) * sizeof *g->id);
    uint32_t *uni = malloc((ntok + 1) * sizeof *uni);
    if (!g->id || !uni) {
        free(toks);
        free(uni);
        return -1;
    }
    size_t k = 0;
    for (char *p = toks; *p;) {
        char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n)
            uni[k++] = strmap_intern(dict, p, n);
        p += n + (e != NULL);
    }
    for (size_t i = 0; i < k; i++)
        g->id[g->n++] = uni[i];
    g->unigrams = k;
    for (size_t i = 0; i + 1 < k; i++) {
        uint32_t key[3] = {0xFFFFFFFFu, uni[i], uni[i + 1]};
        g->id[g->n++] = strmap_intern(dict, (const char *)key, sizeof key);
    }
    g->bigrams = k ? k - 1 : 0;
    free(uni);
    free(toks);
    return 0;
}

typedef struct state {
    size_t ngrams;                     /* size of the dense count arrays */
    uint32_t *ref[ORACLE_MAX_REFS];    /* per-reference counts */
    size_t ref_uni, ref_bi;            /* pooled reference totals */
    size_t nrefs;
    uint32_t *peer;                    /* counts of the chosen sentences */
    size_t peer_uni, peer_bi;
    size_t hit_uni, hit_bi;
    const strmap *dict;
} state;

static int is_bigram(const state *st, uint32_t id)
{
    uint32_t tag;
    if (strmap_key_len(st->dict, id) != 12)
        return 0;
    memcpy(&tag, strmap_key(st->dict, id), sizeof tag); /* keys are not aligned */
    return tag == 0xFFFFFFFFu;
}

static double f1(double hit, double model, double peer)
{
    if (!hit)
        return 0;
    double r = hit / model, p = hit / peer;
    return 2 * r * p / (r + p);
}

static double objective(const state *st, size_t hu, size_t hb, size_t pu, size_t pb)
{
    return f1((double)hu, (double)st->ref_uni, (double)(pu * st->nrefs)) +
           f1((double)hb, (double)st->ref_bi, (double)(pb * st->nrefs));
}

/* Hits gained by adding g on top of the current peer counts. */
static void gain(const state *st, const grams *g, size_t *du, size_t *db)
{
    *du = *db = 0;
    for (size_t i = 0; i < g->n; i++) {
        uint32_t id = g->id[i];
        /* The k-th copy of a gram in g counts against the peer's count + k. */
        size_t before = 0;
        for (size_t j = 0; j < i; j++)
            before += g->id[j] == id;
        for (size_t r = 0; r < st->nrefs; r++) {
            if (st->peer[id] + before < st->ref[r][id]) {
                if (is_bigram(st, id))
                    (*db)++;
                else
                    (*du)++;
            }
        }
    }
}

precis_status eval_oracle(precis_cluster *c, rouge_scorer *sc, const char *const *refs, size_t nrefs,
                          size_t words, char **text, precis_error *err)
{
    *text = NULL;
    if (nrefs > ORACLE_MAX_REFS)
        nrefs = ORACLE_MAX_REFS;
    strmap dict;
    strmap_init(&dict);
    precis_status status = PRECIS_ERR_NOMEM;
    grams rg[ORACLE_MAX_REFS] = {{0}};
    grams *sg = calloc(c->nsents + 1, sizeof *sg);
    char *chosen = calloc(c->nsents + 1, 1);
    state st = {0};
    buf line = BUF_INIT, out = BUF_INIT;
    if (!sg || !chosen)
        goto done;
    for (size_t r = 0; r < nrefs; r++)
        if (text_grams(sc, &dict, refs[r], &rg[r], err) != 0)
            goto done;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        const article *a = &c->articles[s->article];
        buf_clear(&line);
        if (buf_reserve(&line, s->end - s->start + 1) != 0)
            goto done;
        line.len = ws_collapse(a->text, s->start, s->end, line.data);
        line.data[line.len] = '\0';
        if (text_grams(sc, &dict, line.data, &sg[i], err) != 0)
            goto done;
    }
    st.ngrams = dict.count + 1;
    st.nrefs = nrefs;
    st.dict = &dict;
    st.peer = calloc(st.ngrams, sizeof *st.peer);
    if (!st.peer)
        goto done;
    for (size_t r = 0; r < nrefs; r++) {
        st.ref[r] = calloc(st.ngrams, sizeof *st.ref[r]);
        if (!st.ref[r])
            goto done;
        for (size_t k = 0; k < rg[r].n; k++)
            st.ref[r][rg[r].id[k]]++;
        st.ref_uni += rg[r].unigrams;
        st.ref_bi += rg[r].bigrams;
    }
    size_t used = 0;
    double best_total = 0;
    for (;;) {
        size_t best = (size_t)-1;
        double best_obj = best_total;
        for (size_t i = 0; i < c->nsents; i++) {
            if (chosen[i] || used + c->sents[i].words > words || sg[i].unigrams == 0)
                continue;
            size_t du, db;
            gain(&st, &sg[i], &du, &db);
            double obj = objective(&st, st.hit_uni + du, st.hit_bi + db, st.peer_uni + sg[i].unigrams,
                                   st.peer_bi + sg[i].bigrams);
            if (obj > best_obj + 1e-12) {
                best_obj = obj;
                best = i;
            }
        }
        if (best == (size_t)-1)
            break;
        size_t du, db;
        gain(&st, &sg[best], &du, &db);
        st.hit_uni += du;
        st.hit_bi += db;
        st.peer_uni += sg[best].unigrams;
        st.peer_bi += sg[best].bigrams;
        for (size_t k = 0; k < sg[best].n; k++)
            st.peer[sg[best].id[k]]++;
        chosen[best] = 1;
        used += c->sents[best].words;
        best_total = best_obj;
    }
    /* In source order, one sentence a line. */
    for (size_t i = 0; i < c->nsents; i++) {
        if (!chosen[i])
            continue;
        const sentence *s = &c->sents[i];
        if (buf_reserve(&out, s->end - s->start + 1) != 0)
            goto done;
        out.len += ws_collapse(c->articles[s->article].text, s->start, s->end, out.data + out.len);
        out.data[out.len++] = '\n';
        out.data[out.len] = '\0';
    }
    if (!out.data && buf_puts(&out, "") != 0)
        goto done;
    *text = out.data;
    out.data = NULL;
    status = PRECIS_OK;
done:
    if (status == PRECIS_ERR_NOMEM && !(err && err->code && err->code != PRECIS_ERR_NOMEM))
        error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory in the oracle");
    for (size_t r = 0; r < ORACLE_MAX_REFS; r++) {
        free(rg[r].id);
        free(st.ref[r]);
    }
    for (size_t i = 0; sg && i < c->nsents; i++)
        free(sg[i].id);
    free(sg);
    free(chosen);
    free(st.peer);
    buf_free(&line);
    buf_free(&out);
    strmap_free(&dict);
    return status;
}

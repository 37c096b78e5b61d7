/*
 * compare.c: building the cross-source report, and the public entry
 * precis_compare. The stages are independent readers of the cluster; this
 * file only runs them in order and hands the result to a renderer.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/error.h"

static precis_status nomem(precis_error *err)
{
    return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
}

precis_status cmp_report_build(precis_cluster *c, int with_summary, cmp_report *r, precis_error *err)
{
    memset(r, 0, sizeof *r);
    r->c = c;
    arena_init(&r->mem, 1 << 16);
    if (c->narticles == 0)
        return error_set(err, PRECIS_ERR_EMPTY, c->id, 0, "no articles to compare");
    if (c->narticles > CMP_MAX_ARTICLES)
        return error_set(err, PRECIS_ERR_TOO_LARGE, c->id, 0,
                         "%zu articles: compare handles at most %d", c->narticles, CMP_MAX_ARTICLES);
    if (cmp_tokens_build(c, &r->mem, &r->docs) != 0 || represent_build(c, &r->mem, &r->rep) != 0 ||
        cmp_overlap_build(c, r->docs, &r->mem, &r->overlap) != 0 ||
        cmp_facts_build(c, &r->rep, &r->mem, &r->facts) != 0 ||
        cmp_quantities_find(c, r->docs, &r->mem, &r->quant, &r->nquant) != 0 ||
        cmp_discrepancies_find(c, &r->rep, r->docs, r->quant, r->nquant, &r->mem, &r->disc, &r->ndisc) != 0 ||
        cmp_agreements_find(c, &r->rep, r->docs, r->quant, r->nquant, r->disc, r->ndisc, &r->mem, &r->agree,
                            &r->nagree) != 0 ||
        cmp_quotes_find(c, r->docs, &r->mem, &r->quotes, &r->nquotes) != 0 ||
        cmp_facts_paraphrases(c, &r->rep, r->docs, r->quotes, r->nquotes, &r->mem, &r->facts) != 0 ||
        cmp_quotes_merge(c, r->docs, r->quotes, r->nquotes, &r->mem, &r->qgroups, &r->nqgroups) != 0 ||
        cmp_speakers_build(c, r->docs, r->quotes, r->nquotes, r->qgroups, r->nqgroups, &r->mem, &r->speakers,
                           &r->nspeakers) != 0)
        return nomem(err);
    if (with_summary) {
        /* a cluster of page notices has no summary; its page still shows
         * the rest */
        precis_status st = precis_summarize(c, NULL, &r->summary, err);
        if (st != PRECIS_OK && st != PRECIS_ERR_EMPTY)
            return st;
    }
    return PRECIS_OK;
}

void cmp_report_free(cmp_report *r)
{
    precis_summary_free(r->summary);
    r->summary = NULL;
    arena_free(&r->mem);
}

precis_status precis_compare(precis_cluster *cluster, precis_compare_format format, char **out,
                             size_t *len, precis_error *err)
{
    *out = NULL;
    *len = 0;
    if (!cluster)
        return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "no cluster");
    if (format != PRECIS_COMPARE_TEXT && format != PRECIS_COMPARE_JSON && format != PRECIS_COMPARE_HTML)
        return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "unknown compare format %d", (int)format);
    cmp_report r;
    precis_status st = cmp_report_build(cluster, format == PRECIS_COMPARE_HTML, &r, err);
    if (st != PRECIS_OK) {
        cmp_report_free(&r);
        return st;
    }
    buf b = BUF_INIT;
    int rc = format == PRECIS_COMPARE_TEXT   ? cmp_render_text(&r, &b)
             : format == PRECIS_COMPARE_JSON ? cmp_render_json(&r, &b)
                                             : cmp_render_html(&r, &b);
    cmp_report_free(&r);
    if (rc != 0 || buf_reserve(&b, 1) != 0) {
        buf_free(&b);
        return nomem(err);
    }
    b.data[b.len] = 0;
    *out = b.data;
    *len = b.len;
    return PRECIS_OK;
}

/*
 * first3.c: the First-3 baseline of the Multi-News paper.
 */
#include "core/buf.h"
#include "core/error.h"
#include "eval/eval.h"
#include "model/cluster.h"
#include "text/whitespace.h"

precis_status eval_first3(const precis_cluster *c, char **text, precis_error *err)
{
    buf out = BUF_INIT;
    for (size_t d = 0; d < c->narticles; d++) {
        const article *a = &c->articles[d];
        for (uint32_t i = a->first; i < a->first + a->count && i < a->first + 3; i++) {
            const sentence *s = &c->sents[i];
            if (buf_reserve(&out, s->end - s->start + 1) != 0) {
                buf_free(&out);
                return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
            }
            out.len += ws_collapse(a->text, s->start, s->end, out.data + out.len);
            out.data[out.len++] = '\n';
            out.data[out.len] = '\0';
        }
    }
    if (!out.data && buf_puts(&out, "") != 0)
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
    *text = out.data;
    return PRECIS_OK;
}

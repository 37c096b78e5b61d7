/*
 * render.c: the public rendering entry point.
 */
#include "render/render.h"

#include <stdlib.h>

#include "core/error.h"
#include "text/shown.h"
#include "text/whitespace.h"

int render_collapsed(const precis_summary_sentence *item, buf *out)
{
    /* Control characters (an ANSI escape) are never printed as they are
     * (text/shown.h); the byte budget counts them as shown. */
    buf plain = BUF_INIT;
    int rc = ws_append(&plain, item->text, item->len) != 0 || shown_append(out, plain.data, plain.len) != 0;
    buf_free(&plain);
    if (rc)
        return -1;
    return item->cut ? buf_puts(out, PRECIS_CUT_MARK) : 0;
}

precis_status precis_render(const precis_summary *s, precis_format format, char **out, size_t *len,
                            precis_error *err)
{
    buf b = BUF_INIT;
    int rc;
    *out = NULL;
    if (len)
        *len = 0;
    switch (format) {
    case PRECIS_FORMAT_TEXT: rc = render_text(s, &b); break;
    case PRECIS_FORMAT_JSON: rc = render_json(s, &b); break;
    case PRECIS_FORMAT_MD: rc = render_md(s, &b); break;
    default:
        return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "unknown output format %d", (int)format);
    }
    if (rc != 0 || buf_reserve(&b, 0) != 0) {
        buf_free(&b);
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory while rendering");
    }
    b.data[b.len] = '\0'; /* an empty summary renders as "" (nothing was written) */
    *out = b.data;
    if (len)
        *len = b.len;
    return PRECIS_OK;
}

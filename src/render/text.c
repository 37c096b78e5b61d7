/*
 * text.c: plain text, one summary sentence per line. This is the form the
 * byte budget is measured on.
 */
#include "render/render.h"

int render_text(const precis_summary *s, buf *out)
{
    for (size_t i = 0; i < s->n; i++)
        if (render_collapsed(&s->items[i], out) != 0 || buf_putc(out, '\n') != 0)
            return -1;
    return 0;
}

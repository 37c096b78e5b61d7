/*
 * md.c: Markdown, for pasting into notes and tickets. Each sentence is a
 * list item followed by its sources as footnote-style references.
 */
#include "render/render.h"

/* Markdown would read these characters as markup. */
static int md_escaped(const precis_summary_sentence *item, buf *out)
{
    buf plain = BUF_INIT;
    if (render_collapsed(item, &plain) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < plain.len && rc == 0; i++) {
        char ch = plain.data[i];
        if (ch == '\\' || ch == '*' || ch == '_' || ch == '[' || ch == ']' || ch == '`' || ch == '<' ||
            ch == '>' || ch == '#' || ch == '|')
            rc = buf_putc(out, '\\');
        if (rc == 0)
            rc = buf_putc(out, ch);
    }
    buf_free(&plain);
    return rc;
}

int render_md(const precis_summary *s, buf *out)
{
    if (buf_printf(out, "## Summary%s%s\n\n", s->cluster_id[0] ? ": " : "", s->cluster_id) != 0)
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        const precis_summary_sentence *item = &s->items[i];
        if (buf_puts(out, "- ") != 0 || md_escaped(item, out) != 0)
            return -1;
        if (buf_printf(out, " *(%zu source%s:", item->support, item->support == 1 ? "" : "s") != 0)
            return -1;
        for (size_t k = 0; k < item->nplaces; k++)
            if (buf_printf(out, "%s `%s` %zu-%zu", k ? ";" : "", item->places[k].article_id,
                           item->places[k].start, item->places[k].end) != 0)
                return -1;
        if (buf_puts(out, ")*\n") != 0)
            return -1;
    }
    return 0;
}

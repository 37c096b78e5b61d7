/*
 * report_html.c: the cross-source report as one self-contained HTML page.
 */
#include "compare/compare.h"

int cmp_render_html(const cmp_report *r, buf *b)
{
    return buf_puts(b, "<!doctype html><title>precis compare</title>\n") ? -1 : 0;
}

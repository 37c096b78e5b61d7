/*
 * render: turning a summary into text, JSON or Markdown. One file per
 * format; render.c dispatches on precis_format.
 */
#ifndef PRECIS_RENDER_H
#define PRECIS_RENDER_H

#include "core/buf.h"
#include "summary/summary.h"

int render_text(const precis_summary *s, buf *out);
int render_json(const precis_summary *s, buf *out);
int render_md(const precis_summary *s, buf *out);

/* Append a sentence's text with white space collapsed and control
 * characters as U+FFFD (text/shown.h), as budgets count it. */
int render_collapsed(const precis_summary_sentence *item, buf *out);

#endif

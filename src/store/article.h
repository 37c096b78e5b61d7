/*
 * article: what an incoming article is, before either path that groups
 * articles into stories (the database, store/ingest.c, and the batch
 * stages, cluster/record.c) does anything with it: an HTML page reduced to
 * its story, every field checked as UTF-8, the text within the size limit
 * and trimmed, and the fields the page supplies when the caller did not.
 */
#ifndef PRECIS_STORE_ARTICLE_H
#define PRECIS_STORE_ARTICLE_H

#include <stddef.h>

#include "io/html.h"
#include "precis.h"

typedef struct article_view {
    const char *body;     /* trimmed story text (into the input or html) */
    size_t len;
    const char *title;    /* the caller's, else the page's; may be NULL */
    const char *byline;   /* likewise */
    const char *date;     /* the caller's, else a parseable page date; may be NULL */
} article_view;

/* Fill v from a (html is scratch for pages and must outlive v). Errors name
 * a->where and a->line: no text, too large, invalid UTF-8 or NUL bytes in
 * any field. The date is not parsed here. */
precis_status article_view_make(const precis_article_in *a, html_doc *html, article_view *v,
                                precis_error *err);

/* A title made from the text's first line, for articles that came without
 * one: the first line of what is left once the page furniture before the
 * story is skipped ("Monday 22 January 2018", a site's banner), which
 * starts at text + *start. Returns its length in bytes, at most
 * ARTICLE_TITLE_MAX, cut back to a word (or, failing that, a character)
 * boundary and trimmed; *cut is 1 when the line was shortened, which the
 * title shows with a trailing ellipsis. */
#define ARTICLE_TITLE_MAX 160
size_t article_title_length(const char *text, size_t len, size_t *start, int *cut);

#endif

/*
 * html: the story in a news web page.
 *
 * A page is parsed with gumbo (an HTML5 parser, so any bytes give a tree)
 * and reduced to what a reader of the article sees: its title, date,
 * byline and body paragraphs. Navigation, headers and footers, asides,
 * scripts and styles, forms, ads, comments, share bars and related-link
 * lists are dropped.
 *
 * The body is chosen the way readability tools do it: every paragraph-like
 * block of enough text scores its parent (and half its grandparent) by its
 * length and commas; a container's score is scaled down by its link
 * density (share of its text inside links) and nudged by class and id
 * names ("article", "content" up; "sidebar", "promo" down). The best
 * container and those of its siblings that score close to it make the
 * body; inside it, blocks that are mostly links are left out.
 */
#ifndef PRECIS_HTML_H
#define PRECIS_HTML_H

#include <stddef.h>

#include "core/buf.h"
#include "precis.h"

/* Pages beyond this size are refused (PRECIS_ERR_TOO_LARGE). */
#define HTML_MAX_BYTES ((size_t)PRECIS_MAX_ARTICLE_BYTES)
/* Pages whose tags nest deeper than this (elements closed implicitly, like
 * <p> and <li>, not counted) are refused with PRECIS_ERR_TOO_LARGE: the
 * HTML5 tree builder is quadratic in the nesting depth. */
#define HTML_MAX_NESTING 400
/* Elements nested deeper than this are ignored (their text is lost). */
#define HTML_MAX_DEPTH 256

typedef struct html_doc {
    buf title;     /* "" when the page has none */
    buf date;      /* as written in the page (ISO 8601 mostly); "" if none */
    buf byline;    /* "" if none */
    buf body;      /* paragraphs separated by blank lines */
} html_doc;

void html_doc_init(html_doc *d);
void html_doc_free(html_doc *d);

/* Fill d (cleared first) from the page html[0..len). `where` names the page
 * in errors. A page with no body text is PRECIS_ERR_EMPTY. */
precis_status html_extract(const char *html, size_t len, const char *where, html_doc *d,
                           precis_error *err);

/* 1 if the bytes look like an HTML page (a doctype, <html>, <head> or
 * <body> near the start). */
int html_sniff(const char *text, size_t len);

#endif

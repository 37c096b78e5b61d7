/*
 * article.c: see article.h.
 */
#include "store/article.h"

#include <string.h>

#include "clean/furniture.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/span.h"
#include "text/utf8.h"
#include "text/whitespace.h"

static precis_status check_utf8(const char *what, const char *s, size_t len, const precis_article_in *a,
                                precis_error *err)
{
    size_t bad = 0;
    int rc = utf8_check(s, len, &bad);
    if (rc == 0)
        return PRECIS_OK;
    long line = a->line ? a->line : !strcmp(what, "text") ? utf8_line_of(s, bad) : 0;
    if (rc == 2)
        return error_set(err, PRECIS_ERR_BINARY, a->where, line, "%s holds a NUL byte at byte %zu", what, bad);
    return error_set(err, PRECIS_ERR_UTF8, a->where, line, "%s is not valid UTF-8 (byte %zu)", what, bad);
}


precis_status article_view_make(const precis_article_in *a, html_doc *html, article_view *v,
                                precis_error *err)
{
    memset(v, 0, sizeof *v);
    if (!a->body)
        return error_set(err, PRECIS_ERR_EMPTY, a->where, a->line, "article has no text");
    const char *body = a->body;
    size_t len = a->len;
    v->title = a->title;
    v->byline = a->byline;
    v->date = a->published;
    if (a->html) {
        precis_status st = html_extract(a->body, a->len, a->where, html, err);
        if (st != PRECIS_OK) {
            error_locate(err, a->where, a->line);
            return st;
        }
        body = html->body.data;
        len = html->body.len;
        if (!v->title && html->title.len)
            v->title = html->title.data;
        if (!v->byline && html->byline.len)
            v->byline = html->byline.data;
        long long t;
        if (!v->date && html->date.len && precis_parse_date(html->date.data, &t) == 0)
            v->date = html->date.data;
    } else if (len > PRECIS_MAX_ARTICLE_BYTES) {
        return error_set(err, PRECIS_ERR_TOO_LARGE, a->where, a->line, "article of %zu bytes exceeds the limit of %zu",
                         len, (size_t)PRECIS_MAX_ARTICLE_BYTES);
    }
    precis_status st = check_utf8("text", body, len, a, err);
    const char *fields[] = {a->id, a->url, a->source, v->title, v->byline};
    const char *names[] = {"id", "url", "source", "title", "byline"};
    for (int i = 0; i < 5 && st == PRECIS_OK; i++)
        if (fields[i])
            st = check_utf8(names[i], fields[i], strlen(fields[i]), a, err);
    if (st != PRECIS_OK)
        return st;
    body = ascii_trim(body, &len);
    if (len == 0)
        return error_set(err, PRECIS_ERR_EMPTY, a->where, a->line, "article has no text");
    v->body = body;
    v->len = len;
    return PRECIS_OK;
}

/* Where the page's own text begins: past the furniture a pasted page opens
 * with (a date line, a site's banner, a breadcrumb), which clean/furniture.h
 * already knows. The start of the text if it finds none, or no memory. */
static size_t story_start(const char *text, size_t len)
{
    arena mem;
    arena_init(&mem, 4096);
    span *kept = NULL;
    size_t n = furniture_keep(&mem, text, len, &kept), start = 0;
    if (n != (size_t)-1 && n > 0)
        start = kept[0].start;
    arena_free(&mem);
    return start;
}

size_t article_title_length(const char *text, size_t len, size_t *start, int *cut)
{
    *start = story_start(text, len);
    text += *start;
    len -= *start;
    size_t end = 0;
    while (end < len && text[end] != '\n')
        end++;
    *cut = end > ARTICLE_TITLE_MAX;
    if (*cut) {
        size_t k = ARTICLE_TITLE_MAX;
        while (k > 40 && text[k] != ' ')
            k--;
        if (text[k] != ' ') /* no space: back up to a character boundary */
            for (k = ARTICLE_TITLE_MAX; k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80;)
                k--;
        end = k;
    }
    while (end && ascii_space(text[end - 1]))
        end--;
    return end;
}

/*
 * jsonl_article.c: one article per JSON Lines line, the stream format of
 * `precis ingest`:
 *
 *   {"id": "...", "url": "...", "source": "...", "published": "2024-10-31T08:15:00Z",
 *    "title": "...", "text": "..."}            or "html": "<!doctype html>..." instead of "text"
 *
 * Every field but the text is optional; "published" may also be a number
 * (Unix seconds) and "id" an integer. Unknown fields are ignored.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "store/store.h"

static precis_status opt_string(json_t *root, const char *key, const char **out, const char *where, long lineno,
                                precis_error *err)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return PRECIS_OK;
    /* "id" and "published" reach here as whole numbers only when they are
     * not one (2.5, 1e300): say what they may be. */
    int may_be_number = !strcmp(key, "id") || !strcmp(key, "published");
    if (!json_is_string(v))
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "\"%s\" must be a string%s", key,
                         may_be_number ? " or a whole number" : "");
    *out = json_string_value(v);
    if (strlen(*out) != json_string_length(v))
        return error_set(err, PRECIS_ERR_BINARY, where, lineno, "\"%s\" holds a NUL character", key);
    return PRECIS_OK;
}

precis_status store_parse_jsonl(const char *line, size_t len, const char *where, long lineno,
                                precis_article_in *out, json_t **rootp, precis_error *err)
{
    memset(out, 0, sizeof *out);
    *rootp = NULL;
    json_error_t jerr;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!root)
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "malformed JSON at column %d: %s", jerr.column,
                         jerr.text);
    *rootp = root;
    if (!json_is_object(root))
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "expected a JSON object");
    out->where = where;
    out->line = lineno;
    precis_status st;
    json_t *id = json_object_get(root, "id");
    if (json_is_integer(id)) {
        /* Keep the number's text in the object so it lives as long as root. */
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(id));
        json_object_set_new(root, "\x01id", json_string(num));
        out->id = json_string_value(json_object_get(root, "\x01id"));
    } else if ((st = opt_string(root, "id", &out->id, where, lineno, err)) != PRECIS_OK) {
        return st;
    }
    json_t *pub = json_object_get(root, "published");
    if (json_is_integer(pub)) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(pub));
        json_object_set_new(root, "\x01published", json_string(num));
        out->published = json_string_value(json_object_get(root, "\x01published"));
    } else if ((st = opt_string(root, "published", &out->published, where, lineno, err)) != PRECIS_OK) {
        return st;
    }
    if ((st = opt_string(root, "url", &out->url, where, lineno, err)) != PRECIS_OK ||
        (st = opt_string(root, "source", &out->source, where, lineno, err)) != PRECIS_OK ||
        (st = opt_string(root, "title", &out->title, where, lineno, err)) != PRECIS_OK ||
        (st = opt_string(root, "byline", &out->byline, where, lineno, err)) != PRECIS_OK)
        return st;
    const char *text, *html;
    if ((st = opt_string(root, "text", &text, where, lineno, err)) != PRECIS_OK ||
        (st = opt_string(root, "html", &html, where, lineno, err)) != PRECIS_OK)
        return st;
    if (text && html)
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "give \"text\" or \"html\", not both");
    if (!text && !html)
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "expected \"text\" or \"html\"");
    out->body = text ? text : html;
    out->len = strlen(out->body);
    out->html = html != NULL;
    return PRECIS_OK;
}

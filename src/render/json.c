/*
 * json.c: the JSON rendering (schema in README.md, "JSON output").
 * jansson does the escaping, so any article bytes come out as valid JSON.
 */
#include <jansson.h>
#include <stdlib.h>

#include "render/render.h"

static json_t *place_json(const precis_place *p)
{
    return json_pack("{s:I, s:s, s:I, s:I}", "article", (json_int_t)p->article, "id", p->article_id,
                     "start", (json_int_t)p->start, "end", (json_int_t)p->end);
}

static json_t *sentence_json(const precis_summary_sentence *item)
{
    json_t *places = json_array();
    if (!places)
        return NULL;
    for (size_t k = 0; k < item->nplaces; k++)
        json_array_append_new(places, place_json(&item->places[k]));
    /* Round the score so the bytes do not depend on the last float digit. */
    double score = (double)(long long)(item->score * 1e6 + (item->score >= 0 ? 0.5 : -0.5)) / 1e6;
    return json_pack("{s:s%, s:f, s:I, s:o}", "text", item->text, item->len, "score", score, "support",
                     (json_int_t)item->support, "sources", places);
}

int render_json(const precis_summary *s, buf *out)
{
    json_t *articles = json_array(), *sentences = json_array();
    for (size_t k = 0; k < s->narticles; k++)
        json_array_append_new(articles, json_string(s->article_ids[k]));
    for (size_t i = 0; i < s->n; i++)
        json_array_append_new(sentences, sentence_json(&s->items[i]));
    json_t *root = json_pack("{s:s, s:s, s:I, s:I, s:o, s:o}", "id", s->cluster_id, "method", s->method,
                             "words", (json_int_t)s->words, "bytes", (json_int_t)s->bytes, "articles",
                             articles, "sentences", sentences);
    if (!root)
        return -1;
    char *text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(root);
    if (!text)
        return -1;
    int rc = buf_puts(out, text);
    free(text);
    return rc;
}

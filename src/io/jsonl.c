/*
 * jsonl.c: one cluster per JSON Lines line.
 *
 * Accepted shapes: {"id": "...", "docs": ["article", ...]}, or "docs" (or
 * "document", as in the Multi-News release) as one string with articles
 * separated by "|||||". Articles that are empty or hold no story text are
 * left out of the cluster (Multi-News has such slots); a line with none
 * left is an error. A "query" string (DUC's topic statement) is kept with
 * the cluster and makes its summary query-focused.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "io/io.h"
#include "model/cluster.h"

#define SEPARATOR "|||||"

static precis_status add_doc(precis_cluster *c, const char *text, size_t len, size_t index, const char *where,
                             long lineno, int *added, precis_error *err)
{
    char doc_id[32];
    snprintf(doc_id, sizeof doc_id, "%zu", index);
    precis_error sub;
    precis_status st = precis_cluster_add(c, doc_id, text, len, &sub);
    if (st == PRECIS_OK) {
        (*added)++;
        return PRECIS_OK;
    }
    if (st == PRECIS_ERR_EMPTY)
        return PRECIS_OK;
    return error_set(err, st, where, lineno, "document %zu: %s", index, sub.message);
}

static precis_status split_docs(precis_cluster *c, const char *s, size_t len, const char *where, long lineno,
                                int *added, precis_error *err)
{
    size_t index = 0, start = 0;
    const size_t sep = strlen(SEPARATOR);
    while (start <= len) {
        const char *hit = NULL;
        for (size_t i = start; i + sep <= len; i++)
            if (s[i] == '|' && !memcmp(s + i, SEPARATOR, sep)) {
                hit = s + i;
                break;
            }
        size_t end = hit ? (size_t)(hit - s) : len;
        precis_status st = add_doc(c, s + start, end - start, index++, where, lineno, added, err);
        if (st != PRECIS_OK)
            return st;
        if (!hit)
            break;
        start = end + sep;
    }
    return PRECIS_OK;
}

precis_status jsonl_cluster(precis_engine *eng, const char *line, size_t len, long lineno, const char *where,
                            precis_cluster **out, char **id_out, precis_error *err)
{
    *out = NULL;
    *id_out = NULL;
    json_error_t jerr;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "malformed JSON at column %d: %s", jerr.column,
                         jerr.text);
    precis_status st = PRECIS_OK;
    json_t *id = json_object_get(root, "id");
    json_t *docs = json_object_get(root, "docs");
    if (!docs)
        docs = json_object_get(root, "document");
    if (!docs)
        docs = json_object_get(root, "text");
    char idbuf[64];
    const char *cid = json_string_value(id);
    if (!cid) {
        if (json_is_integer(id))
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
        else
            snprintf(idbuf, sizeof idbuf, "line %ld", lineno);
        cid = idbuf;
    }
    if (!json_is_object(root)) {
        st = error_set(err, PRECIS_ERR_JSON, where, lineno, "expected a JSON object");
        goto done;
    }
    if (!json_is_array(docs) && !json_is_string(docs)) {
        st = error_set(err, PRECIS_ERR_JSON, where, lineno,
                       "expected \"docs\": an array of strings or one string with ||||| separators");
        goto done;
    }
    precis_cluster *c;
    st = precis_cluster_new(eng, cid, &c, err);
    if (st != PRECIS_OK)
        goto done;
    int added = 0;
    if (json_is_string(docs)) {
        st = split_docs(c, json_string_value(docs), json_string_length(docs), where, lineno, &added, err);
    } else {
        size_t i;
        json_t *d;
        json_array_foreach(docs, i, d) {
            if (!json_is_string(d)) {
                st = error_set(err, PRECIS_ERR_JSON, where, lineno, "document %zu is not a string", i);
                break;
            }
            st = add_doc(c, json_string_value(d), json_string_length(d), i, where, lineno, &added, err);
            if (st != PRECIS_OK)
                break;
        }
    }
    if (st == PRECIS_OK && added == 0)
        st = error_set(err, PRECIS_ERR_EMPTY, where, lineno, "cluster '%s' has no article with text", cid);
    if (st != PRECIS_OK) {
        precis_cluster_free(c);
        goto done;
    }
    const char *query = json_string_value(json_object_get(root, "query"));
    if (query && *query) {
        c->query = arena_strndup(&c->mem, query, strlen(query));
        if (!c->query) {
            precis_cluster_free(c);
            st = error_set(err, PRECIS_ERR_NOMEM, where, lineno, "out of memory");
            goto done;
        }
    }
    *id_out = strdup(cid);
    *out = c;
done:
    json_decref(root);
    return st;
}

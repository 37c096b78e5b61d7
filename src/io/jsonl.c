/*
 * jsonl.c: one cluster per JSON Lines line.
 *
 * Accepted shapes: {"id": "...", "docs": ["article", ...]}, or "docs" (or
 * "document", as in the Multi-News release) as one string with articles
 * separated by "|||||". Articles that are empty or hold no story text are
 * left out of the cluster (Multi-News has such slots); a line with none
 * left is an error. A "query" string (DUC's topic statement) is kept with
 * the cluster and makes its summary query-focused.
 *
 * The line is read by yajl's event parser, keeping only what a cluster
 * needs (the id, the articles' text, the query) and passing over the rest
 * (Multi-News's references, its "kept" lists) without building it: a
 * document tree of the whole line, as jansson builds it, took a sixth of
 * the default method's time on Multi-News (BENCHMARKS.md). The line must
 * still be valid JSON throughout (UTF-8, one value, no trailing text, no
 * half of a surrogate pair escaped alone), its top-level keys unique, and
 * the strings it keeps valid UTF-8 without \u0000. Nesting has no limit:
 * nothing recurses. (yajl does not check its own allocations; what it
 * allocates grows with the line, which the line reader bounds.)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/strmap.h"
#include "io/io.h"
#include "model/cluster.h"
#include "text/utf8.h"

#define SEPARATOR "|||||"

/* The keys that may hold the articles, in the order they are looked for. */
static const char *const docs_keys[] = {"docs", "document", "text"};
#define NSLOTS 3

enum { KEY_OTHER = -1, KEY_ID = NSLOTS, KEY_QUERY };

typedef enum { SLOT_ABSENT, SLOT_STRING, SLOT_ARRAY, SLOT_OTHER } slot_kind;

/* An element of a docs array: its text in the line's string bytes, or not
 * a string at all. */
typedef struct piece {
    size_t off, len;
    int is_string;
} piece;

typedef struct docs_slot {
    slot_kind kind;
    size_t first, count; /* its pieces */
} docs_slot;

/* What the events have told so far. Strings are copied into `text`, since
 * yajl's pointers last only for the callback. */
typedef struct line_parse {
    buf text;
    piece *pieces;
    size_t npieces, cap;
    docs_slot slot[NSLOTS];
    strmap keys;              /* top-level keys seen */
    int depth;                /* containers open around the next event */
    int root_is_object, root_seen;
    int key;                  /* KEY_* or a slot: the top-level key being read */
    int collecting;           /* slot whose array is open at depth 2, or -1 */
    int id_kind;              /* 0 none, 1 string, 2 integer */
    size_t id_off, id_len;
    long long id_num;
    int has_query;
    size_t query_off, query_len;
    const char *wrong_type;   /* "\"id\" ...": a kept key of a type no cluster can use */
    const char *fail;         /* why a callback stopped the parse */
} line_parse;

static int keep_string(line_parse *p, const unsigned char *s, size_t len, size_t *off)
{
    /* yajl lets some invalid UTF-8 through (overlong forms, surrogates
     * written out as bytes, lead bytes past U+10FFFF), and decodes \u0000. */
    size_t bad;
    int rc = utf8_check((const char *)s, len, &bad);
    if (rc != 0) {
        p->fail = rc == 2 ? "\\u0000 in a string" : "invalid UTF-8 in a string";
        return 0;
    }
    *off = p->text.len;
    if (buf_append(&p->text, s, len) != 0) {
        p->fail = "out of memory";
        return 0;
    }
    return 1;
}

static int add_piece(line_parse *p, const unsigned char *s, size_t len, int is_string)
{
    if (p->npieces == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 16;
        piece *grown = realloc(p->pieces, cap * sizeof *grown);
        if (!grown) {
            p->fail = "out of memory";
            return 0;
        }
        p->pieces = grown;
        p->cap = cap;
    }
    piece *pc = &p->pieces[p->npieces];
    pc->is_string = is_string;
    pc->len = len;
    if (is_string && !keep_string(p, s, len, &pc->off))
        return 0;
    p->npieces++;
    return 1;
}

/* An integer id is printed back as a number ("007" is not JSON; "-0" is
 * 0); a real number names no cluster and is refused. */
static int integer_id(line_parse *p, const char *s, size_t len)
{
    if (memchr(s, '.', len) || memchr(s, 'e', len) || memchr(s, 'E', len)) {
        p->wrong_type = "\"id\" must be a string or a whole number";
        return 1;
    }
    char digits[32];
    if (len >= sizeof digits) {
        p->fail = "integer too big";
        return 0;
    }
    memcpy(digits, s, len);
    digits[len] = '\0';
    errno = 0;
    long long v = strtoll(digits, NULL, 10);
    if (errno == ERANGE) {
        p->fail = "integer too big";
        return 0;
    }
    p->id_kind = 2;
    p->id_num = v;
    return 1;
}

typedef enum { V_STRING, V_NUMBER, V_MAP, V_ARRAY, V_NULL, V_OTHER } value_kind;

/* Every value, before a container's depth is counted. */
static int on_value(line_parse *p, value_kind kind, const unsigned char *s, size_t len)
{
    if (p->depth == 0) {
        p->root_seen = 1;
        p->root_is_object = kind == V_MAP;
        return 1;
    }
    if (p->depth == 2 && p->collecting >= 0)
        return add_piece(p, s, len, kind == V_STRING);
    if (p->depth != 1 || !p->root_is_object)
        return 1;
    if (p->key >= 0 && p->key < NSLOTS) {
        docs_slot *sl = &p->slot[p->key];
        sl->kind = kind == V_STRING ? SLOT_STRING : kind == V_ARRAY ? SLOT_ARRAY : SLOT_OTHER;
        sl->first = p->npieces;
        if (kind == V_ARRAY)
            p->collecting = p->key;
        else if (kind == V_STRING && !add_piece(p, s, len, 1))
            return 0;
        sl->count = p->npieces - sl->first;
    } else if (p->key == KEY_ID && kind == V_STRING) {
        if (!keep_string(p, s, len, &p->id_off))
            return 0;
        p->id_kind = 1;
        p->id_len = len;
    } else if (p->key == KEY_ID && kind == V_NUMBER) {
        return integer_id(p, (const char *)s, len);
    } else if (p->key == KEY_QUERY && kind == V_STRING) {
        if (!keep_string(p, s, len, &p->query_off))
            return 0;
        p->has_query = 1;
        p->query_len = len;
    } else if (kind != V_NULL && (p->key == KEY_ID || p->key == KEY_QUERY)) {
        /* null is as good as absent; anything else would be lost quietly */
        p->wrong_type = p->key == KEY_ID ? "\"id\" must be a string or a whole number" : "\"query\" must be a string";
    }
    return 1;
}

static int on_null(void *ctx) { return on_value(ctx, V_NULL, NULL, 0); }
static int on_boolean(void *ctx, int b) { return on_value(ctx, V_OTHER, NULL, 0); }

static int on_number(void *ctx, const char *s, size_t len)
{
    return on_value(ctx, V_NUMBER, (const unsigned char *)s, len);
}

static int on_string(void *ctx, const unsigned char *s, size_t len) { return on_value(ctx, V_STRING, s, len); }

static int on_start(line_parse *p, value_kind kind)
{
    if (!on_value(p, kind, NULL, 0))
        return 0;
    p->depth++;
    return 1;
}

static int on_start_map(void *ctx) { return on_start(ctx, V_MAP); }
static int on_start_array(void *ctx) { return on_start(ctx, V_ARRAY); }

static int on_end(void *ctx)
{
    line_parse *p = ctx;
    p->depth--;
    if (p->depth == 1 && p->collecting >= 0) {
        docs_slot *sl = &p->slot[p->collecting];
        sl->count = p->npieces - sl->first;
        p->collecting = -1;
    }
    return 1;
}

static int on_key(void *ctx, const unsigned char *s, size_t len)
{
    line_parse *p = ctx;
    if (p->depth != 1 || !p->root_is_object)
        return 1;
    size_t before = p->keys.count;
    if (strmap_intern(&p->keys, (const char *)s, len) == STRMAP_NONE) {
        p->fail = "out of memory";
        return 0;
    }
    if (p->keys.count == before) {
        p->fail = "duplicate key";
        return 0;
    }
    p->key = KEY_OTHER;
    for (int k = 0; k < NSLOTS; k++)
        if (len == strlen(docs_keys[k]) && !memcmp(s, docs_keys[k], len))
            p->key = k;
    if (len == 2 && !memcmp(s, "id", 2))
        p->key = KEY_ID;
    else if (len == 5 && !memcmp(s, "query", 5))
        p->key = KEY_QUERY;
    return 1;
}

static const yajl_callbacks events = {
    .yajl_null = on_null,
    .yajl_boolean = on_boolean,
    .yajl_number = on_number,
    .yajl_string = on_string,
    .yajl_start_map = on_start_map,
    .yajl_map_key = on_key,
    .yajl_end_map = on_end,
    .yajl_start_array = on_start_array,
    .yajl_end_array = on_end,
};

/* The code unit of a \uXXXX escape at line[i] (the backslash), or -1. */
static long escape_unit(const char *line, size_t i, size_t len)
{
    if (i + 6 > len || line[i + 1] != 'u')
        return -1;
    long v = 0;
    for (size_t k = i + 2; k < i + 6; k++) {
        int d = hex_digit(line[k]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* The offset of a \u escape that is half a surrogate pair without its
 * other half, or len. yajl 2.1 decodes such halves into other characters
 * ("\uD800\u0041" into U+10041) or bytes that are not UTF-8; jansson, and
 * JSON's own rule, refuse them. */
static size_t unpaired_surrogate(const char *line, size_t len)
{
    for (const char *b = memchr(line, '\\', len); b; b = memchr(b, '\\', (size_t)(line + len - b))) {
        size_t i = (size_t)(b - line);
        long u = escape_unit(line, i, len);
        if (u >= 0xDC00 && u <= 0xDFFF)
            return i;
        if (u >= 0xD800 && u <= 0xDBFF) {
            long low = i + 6 < len && line[i + 6] == '\\' ? escape_unit(line, i + 6, len) : -1;
            if (low < 0xDC00 || low > 0xDFFF)
                return i;
            b += 12;
        } else {
            b += u >= 0 ? 6 : 2; /* "\\" is one escape: what follows it is not */
        }
        if (b >= line + len)
            break;
    }
    return len;
}

/* Run the events over the line; PRECIS_OK once it is one valid JSON value. */
static precis_status parse_line(line_parse *p, const char *line, size_t len, long lineno, const char *where,
                                precis_error *err)
{
    size_t surrogate = unpaired_surrogate(line, len);
    if (surrogate < len)
        return error_set(err, PRECIS_ERR_JSON, where, lineno, "malformed JSON at byte %zu: unpaired surrogate",
                         surrogate);
    yajl_handle h = yajl_alloc(&events, NULL, p);
    if (!h)
        return error_set(err, PRECIS_ERR_NOMEM, where, lineno, "out of memory");
    yajl_status st = yajl_parse(h, (const unsigned char *)line, len);
    int at_end = 0;
    if (st == yajl_status_ok) {
        st = yajl_complete_parse(h);
        at_end = 1; /* its count of bytes is of its own flush, not the line */
    }
    size_t at = at_end ? len : yajl_get_bytes_consumed(h);
    precis_status rc = PRECIS_OK;
    if (st == yajl_status_client_canceled) {
        rc = error_set(err, strcmp(p->fail, "out of memory") ? PRECIS_ERR_JSON : PRECIS_ERR_NOMEM, where, lineno,
                       "malformed JSON at byte %zu: %s", at, p->fail);
    } else if (st != yajl_status_ok) {
        unsigned char *msg = yajl_get_error(h, 0, (const unsigned char *)line, len);
        size_t n = msg ? strlen((const char *)msg) : 0;
        while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '.'))
            n--;
        rc = error_set(err, PRECIS_ERR_JSON, where, lineno, "malformed JSON at byte %zu: %.*s", at, (int)n,
                       msg ? (const char *)msg : "");
        if (msg)
            yajl_free_error(h, msg);
    } else if (!p->root_seen) {
        rc = error_set(err, PRECIS_ERR_JSON, where, lineno, "malformed JSON: no value");
    }
    yajl_free(h);
    return rc;
}

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

/* The articles of the first docs key present, into c. */
static precis_status add_articles(precis_cluster *c, const line_parse *p, const docs_slot *sl, const char *where,
                                  long lineno, int *added, precis_error *err)
{
    const char *text = p->text.data;
    if (sl->kind == SLOT_STRING) {
        const piece *pc = &p->pieces[sl->first];
        return split_docs(c, text + pc->off, pc->len, where, lineno, added, err);
    }
    for (size_t i = 0; i < sl->count; i++) {
        const piece *pc = &p->pieces[sl->first + i];
        if (!pc->is_string)
            return error_set(err, PRECIS_ERR_JSON, where, lineno, "document %zu is not a string", i);
        precis_status st = add_doc(c, text + pc->off, pc->len, i, where, lineno, added, err);
        if (st != PRECIS_OK)
            return st;
    }
    return PRECIS_OK;
}

/* The cluster's name: its "id" string or integer, else "line N". */
static char *cluster_id(const line_parse *p, long lineno)
{
    if (p->id_kind == 1)
        return strndup(p->text.data + p->id_off, p->id_len);
    char name[64];
    if (p->id_kind == 2)
        snprintf(name, sizeof name, "%lld", p->id_num);
    else
        snprintf(name, sizeof name, "line %ld", lineno);
    return strdup(name);
}

static const docs_slot *articles_slot(const line_parse *p)
{
    for (int k = 0; k < NSLOTS; k++)
        if (p->slot[k].kind != SLOT_ABSENT)
            return &p->slot[k];
    return NULL;
}

precis_status jsonl_cluster(precis_engine *eng, const char *line, size_t len, long lineno, const char *where,
                            precis_cluster **out, char **id_out, precis_error *err)
{
    *out = NULL;
    *id_out = NULL;
    line_parse p = {.text = BUF_INIT, .key = KEY_OTHER, .collecting = -1};
    strmap_init(&p.keys);
    /* Decoded strings are never longer than the line that spells them, so
     * this is the only allocation of their bytes. */
    precis_status st = buf_reserve(&p.text, len + 1) == 0
                           ? parse_line(&p, line, len, lineno, where, err)
                           : error_set(err, PRECIS_ERR_NOMEM, where, lineno, "out of memory");
    char *cid = NULL;
    if (st == PRECIS_OK && !(cid = cluster_id(&p, lineno)))
        st = error_set(err, PRECIS_ERR_NOMEM, where, lineno, "out of memory");
    const docs_slot *sl = articles_slot(&p);
    if (st == PRECIS_OK && !p.root_is_object)
        st = error_set(err, PRECIS_ERR_JSON, where, lineno, "expected a JSON object");
    else if (st == PRECIS_OK && p.wrong_type)
        st = error_set(err, PRECIS_ERR_JSON, where, lineno, "%s", p.wrong_type);
    else if (st == PRECIS_OK && (!sl || sl->kind == SLOT_OTHER))
        st = error_set(err, PRECIS_ERR_JSON, where, lineno,
                       "expected \"docs\": an array of strings or one string with ||||| separators");
    precis_cluster *c = NULL;
    if (st == PRECIS_OK)
        st = precis_cluster_new(eng, cid, &c, err);
    int added = 0;
    if (st == PRECIS_OK)
        st = add_articles(c, &p, sl, where, lineno, &added, err);
    if (st == PRECIS_OK && added == 0)
        st = error_set(err, PRECIS_ERR_EMPTY, where, lineno, "cluster '%s' has no article with text", cid);
    if (st == PRECIS_OK && p.has_query && p.query_len > 0 &&
        !(c->query = arena_strndup(&c->mem, p.text.data + p.query_off, p.query_len)))
        st = error_set(err, PRECIS_ERR_NOMEM, where, lineno, "out of memory");
    if (st == PRECIS_OK) {
        *out = c;
        *id_out = cid;
    } else {
        precis_cluster_free(c);
        free(cid);
    }
    buf_free(&p.text);
    free(p.pieces);
    strmap_free(&p.keys);
    return st;
}

/*
 * rouge_settings.c: ROUGE's XML settings file.
 *
 *   <ROUGE_EVAL version="1.5.5">
 *   <EVAL ID="D0601A">
 *   <PEER-ROOT>inputs</PEER-ROOT> <MODEL-ROOT>inputs</MODEL-ROOT>
 *   <INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>
 *   <PEERS><P ID="24">D0601A/peers/24.txt</P> ...</PEERS>
 *   <MODELS><M ID="A">D0601A/refs/A.txt</M> ...</MODELS>
 *   </EVAL> ...
 *
 * A small well-formedness-checking parser builds a tree in an arena, then
 * the tree is walked the way the script walks its DOM: element names match
 * case-insensitively, attribute names (ID, TYPE) exactly; EVALs with the
 * same ID merge; inside PEER-ROOT, MODEL-ROOT, P and M only direct text
 * counts, trimmed, the last text node winning; a model ID listed twice is
 * scored twice with the last file given for it; a peer's path is
 * PEER-ROOT "/" file (an absent root gives "/file", as in the script).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/error.h"
#include "rouge/rouge_int.h"

/* ---- Tree ------------------------------------------------------------------- */

enum { X_ELEM, X_TEXT, X_BREAK };

typedef struct xnode xnode;
struct xnode {
    int type;
    char *name;              /* element name, or text (NUL-terminated) */
    char **attrs;            /* name, value, name, value, ... */
    size_t nattrs;
    xnode **kids;
    size_t nkids, cap;
    long line;
};

typedef struct xparser {
    const char *p, *end, *path;
    long line;
    arena *a;
    precis_error *err;
} xparser;

static precis_status bad(xparser *x, const char *what)
{
    return error_set(x->err, PRECIS_ERR_FORMAT, x->path, x->line, "malformed XML: %s", what);
}

static void advance(xparser *x, size_t n)
{
    for (size_t i = 0; i < n && x->p < x->end; i++)
        if (*x->p++ == '\n')
            x->line++;
}

static bool starts(const xparser *x, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(x->end - x->p) >= n && memcmp(x->p, s, n) == 0;
}

static bool skip_to(xparser *x, const char *s)
{
    while (x->p < x->end && !starts(x, s))
        advance(x, 1);
    if (x->p >= x->end)
        return false;
    advance(x, strlen(s));
    return true;
}

static void skip_space(xparser *x)
{
    while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\n' || *x->p == '\r'))
        advance(x, 1);
}

static int add_kid(xparser *x, xnode *parent, xnode *kid)
{
    if (parent->nkids == parent->cap) {
        size_t nc = parent->cap ? parent->cap * 2 : 8;
        xnode **nk = arena_grow(x->a, parent->kids, parent->nkids, nc, sizeof *nk);
        if (!nk)
            return -1;
        parent->kids = nk;
        parent->cap = nc;
    }
    parent->kids[parent->nkids++] = kid;
    return 0;
}

/* Append UTF-8 for code point cp. */
static size_t utf8_put(char *o, unsigned long cp)
{
    if (cp < 0x80)
        return o[0] = (char)cp, 1;
    if (cp < 0x800)
        return o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3F)), 2;
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F)), o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode one entity at s (just after '&'); returns bytes consumed or 0. */
static size_t entity(const char *s, const char *end, char *o, size_t *olen)
{
    static const struct { const char *name; char c; } named[] = {
        {"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}};
    for (size_t i = 0; i < 5; i++) {
        size_t n = strlen(named[i].name);
        if ((size_t)(end - s) >= n && !memcmp(s, named[i].name, n)) {
            o[0] = named[i].c;
            *olen = 1;
            return n;
        }
    }
    if (s >= end || *s != '#')
        return 0;
    const char *q = s + 1;
    int base = 10;
    if (q < end && *q == 'x')
        base = 16, q++;
    unsigned long cp = 0;
    const char *d = q;
    while (q < end && *q != ';') {
        int v = (*q >= '0' && *q <= '9') ? *q - '0'
              : (base == 16 && *q >= 'a' && *q <= 'f') ? *q - 'a' + 10
              : (base == 16 && *q >= 'A' && *q <= 'F') ? *q - 'A' + 10 : -1;
        if (v < 0 || cp > 0x10FFFF)
            return 0;
        cp = cp * (unsigned long)base + (unsigned long)v;
        q++;
    }
    if (q >= end || q == d || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *olen = utf8_put(o, cp);
    return (size_t)(q + 1 - s);
}

/* Copy s[0..n) decoding entities; NULL (with an error) on a bad one. */
static char *decode(xparser *x, const char *s, size_t n, bool attr)
{
    char *o = arena_alloc(x->a, n * 2 + 1);
    if (!o) {
        error_set(x->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '&') {
            size_t ol = 0, used = entity(s + i + 1, s + n, o + k, &ol);
            if (!used) {
                bad(x, "undefined or malformed entity");
                return NULL;
            }
            k += ol;
            i += used + 1;
            continue;
        }
        if (attr && s[i] == '<') {
            bad(x, "'<' in an attribute value");
            return NULL;
        }
        /* expat normalises whitespace in attribute values to spaces */
        o[k++] = attr && (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ? ' ' : s[i];
        i++;
    }
    o[k] = '\0';
    return o;
}

static bool name_char(char c)
{
    return c && !strchr(" \t\r\n/>=<\"'&", c);
}

static precis_status parse_attrs(xparser *x, xnode *el)
{
    size_t cap = 0;
    for (;;) {
        skip_space(x);
        if (x->p >= x->end)
            return bad(x, "unterminated start tag");
        if (*x->p == '>' || *x->p == '/')
            return PRECIS_OK;
        const char *n = x->p;
        while (x->p < x->end && name_char(*x->p))
            advance(x, 1);
        size_t nl = (size_t)(x->p - n);
        skip_space(x);
        if (!nl || x->p >= x->end || *x->p != '=')
            return bad(x, "attribute without a value");
        advance(x, 1);
        skip_space(x);
        if (x->p >= x->end || (*x->p != '"' && *x->p != '\''))
            return bad(x, "attribute value not quoted");
        char q = *x->p;
        advance(x, 1);
        const char *v = x->p;
        while (x->p < x->end && *x->p != q)
            advance(x, 1);
        if (x->p >= x->end)
            return bad(x, "unterminated attribute value");
        size_t vl = (size_t)(x->p - v);
        advance(x, 1);
        if (el->nattrs + 2 > cap) {
            size_t nc = cap ? cap * 2 : 4;
            char **na = arena_grow(x->a, el->attrs, el->nattrs, nc, sizeof *na);
            if (!na)
                return error_set(x->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
            el->attrs = na;
            cap = nc;
        }
        char *an = arena_strndup(x->a, n, nl), *av = decode(x, v, vl, true);
        if (!an || !av)
            return x->err && x->err->code ? x->err->code : PRECIS_ERR_NOMEM;
        for (size_t i = 0; i < el->nattrs; i += 2)
            if (!strcmp(el->attrs[i], an))
                return bad(x, "duplicate attribute");
        el->attrs[el->nattrs++] = an;
        el->attrs[el->nattrs++] = av;
    }
}

static xnode *new_node(xparser *x, int type)
{
    xnode *n = arena_calloc(x->a, 1, sizeof *n);
    if (n)
        n->type = type, n->line = x->line;
    return n;
}

/* Text up to the next '<'; merges with a preceding text node (CDATA and
 * entities join text, comments split it). */
static precis_status parse_text(xparser *x, xnode *parent, const char *s, size_t n, bool raw)
{
    char *t = raw ? arena_strndup(x->a, s, n) : decode(x, s, n, false);
    if (!t)
        return x->err && x->err->code ? x->err->code : PRECIS_ERR_NOMEM;
    xnode *last = parent->nkids ? parent->kids[parent->nkids - 1] : NULL;
    if (last && last->type == X_TEXT) {
        size_t a = strlen(last->name), b = strlen(t);
        char *m = arena_alloc(x->a, a + b + 1);
        if (!m)
            return error_set(x->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        memcpy(m, last->name, a);
        memcpy(m + a, t, b + 1);
        last->name = m;
        return PRECIS_OK;
    }
    xnode *tn = new_node(x, X_TEXT);
    if (!tn || add_kid(x, parent, tn) < 0)
        return error_set(x->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    tn->name = t;
    return PRECIS_OK;
}

static precis_status parse_content(xparser *x, xnode *parent, int depth);

/* At '<' of a start tag. */
static precis_status parse_element(xparser *x, xnode *parent, int depth)
{
    if (depth > 200)
        return bad(x, "elements nested too deeply");
    advance(x, 1);
    const char *n = x->p;
    while (x->p < x->end && name_char(*x->p))
        advance(x, 1);
    if (x->p == n)
        return bad(x, "not well-formed (invalid token)");
    xnode *el = new_node(x, X_ELEM);
    if (!el || !(el->name = arena_strndup(x->a, n, (size_t)(x->p - n))) || add_kid(x, parent, el) < 0)
        return error_set(x->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    precis_status st = parse_attrs(x, el);
    if (st)
        return st;
    if (*x->p == '/') {
        advance(x, 1);
        if (x->p >= x->end || *x->p != '>')
            return bad(x, "expected '>' after '/'");
        advance(x, 1);
        return PRECIS_OK;
    }
    advance(x, 1);
    st = parse_content(x, el, depth + 1);
    if (st)
        return st;
    /* at "</" */
    advance(x, 2);
    size_t nl = strlen(el->name);
    if ((size_t)(x->end - x->p) < nl || memcmp(x->p, el->name, nl))
        return bad(x, "mismatched tag");
    advance(x, nl);
    skip_space(x);
    if (x->p >= x->end || *x->p != '>')
        return bad(x, "mismatched tag");
    advance(x, 1);
    return PRECIS_OK;
}

/* Markup that is not an element: comments, PIs, CDATA, DOCTYPE. 1 = handled. */
static int parse_misc(xparser *x, xnode *parent, precis_status *st)
{
    *st = PRECIS_OK;
    if (starts(x, "<!--")) {
        if (!skip_to(x, "-->"))
            *st = bad(x, "unterminated comment");
        xnode *b = new_node(x, X_BREAK);
        if (!*st && (!b || add_kid(x, parent, b) < 0))
            *st = error_set(x->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        return 1;
    }
    if (starts(x, "<?")) {
        if (!skip_to(x, "?>"))
            *st = bad(x, "unterminated processing instruction");
        return 1;
    }
    if (starts(x, "<![CDATA[")) {
        advance(x, 9);
        const char *s = x->p;
        if (!skip_to(x, "]]>"))
            *st = bad(x, "unterminated CDATA section");
        else
            *st = parse_text(x, parent, s, (size_t)(x->p - 3 - s), true);
        return 1;
    }
    if (starts(x, "<!DOCTYPE")) {
        int nest = 0;
        while (x->p < x->end && !(*x->p == '>' && nest == 0)) {
            nest += *x->p == '[' ? 1 : *x->p == ']' ? -1 : 0;
            advance(x, 1);
        }
        if (x->p >= x->end)
            *st = bad(x, "unterminated DOCTYPE");
        advance(x, 1);
        return 1;
    }
    return 0;
}

static precis_status parse_content(xparser *x, xnode *parent, int depth)
{
    for (;;) {
        const char *s = x->p;
        while (x->p < x->end && *x->p != '<')
            advance(x, 1);
        if (x->p > s) {
            precis_status st = parse_text(x, parent, s, (size_t)(x->p - s), false);
            if (st)
                return st;
        }
        if (x->p >= x->end)
            return bad(x, "no element found (unclosed tag)");
        if (starts(x, "</"))
            return PRECIS_OK;
        precis_status st;
        if (parse_misc(x, parent, &st)) {
            if (st)
                return st;
            continue;
        }
        st = parse_element(x, parent, depth);
        if (st)
            return st;
    }
}

static precis_status parse_document(xparser *x, xnode *doc)
{
    if (starts(x, "\xEF\xBB\xBF"))
        advance(x, 3);
    bool root = false;
    for (;;) {
        skip_space(x);
        if (x->p >= x->end)
            break;
        if (*x->p != '<')
            return bad(x, root ? "junk after document element" : "text outside the document element");
        precis_status st;
        if (parse_misc(x, doc, &st)) {
            if (st)
                return st;
            continue;
        }
        if (starts(x, "</") || root)
            return bad(x, root ? "junk after document element" : "unexpected end tag");
        st = parse_element(x, doc, 0);
        if (st)
            return st;
        root = true;
    }
    return root ? PRECIS_OK : bad(x, "no element found");
}

/* ---- Walking the tree as the script does ---------------------------------------- */

typedef struct walker {
    rouge_evalset *set;
    char **pr, **mr;         /* PEER-ROOT / MODEL-ROOT per eval (NULL = unset) */
    size_t cap;
    const char *path;
    precis_error *err;
} walker;

static const char *attr(const xnode *el, const char *name)
{
    for (size_t i = 0; i < el->nattrs; i += 2)
        if (!strcmp(el->attrs[i], name))
            return el->attrs[i + 1];
    return NULL;
}

/* Perl's s/^[\n\s]+//; s/[\n\s]+$// (ASCII whitespace). */
static char *trim(char *s)
{
    while (*s && rouge_is_space((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && rouge_is_space((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static precis_status need_eval(walker *w, long ev, const xnode *n, const char *what)
{
    if (ev >= 0)
        return PRECIS_OK;
    return error_set(w->err, PRECIS_ERR_FORMAT, w->path, n->line, "%s outside any <EVAL>", what);
}

static precis_status eval_for(walker *w, const char *id, long *ev)
{
    for (size_t i = 0; i < w->set->nevals; i++)
        if (!strcmp(w->set->evals[i].id, id)) {
            *ev = (long)i;
            return PRECIS_OK;
        }
    if (w->set->nevals == w->cap) {
        size_t nc = w->cap ? w->cap * 2 : 64;
        char **a = realloc(w->pr, nc * sizeof *a), **b;
        if (!a)
            return error_set(w->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        w->pr = a;
        if (!(b = realloc(w->mr, nc * sizeof *b)))
            return error_set(w->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        w->mr = b;
        w->cap = nc;
    }
    precis_status st = rouge_evalset_add(w->set, id, ROUGE_FMT_SPL, w->err);
    if (st)
        return st;
    w->set->evals[w->set->nevals - 1].has_format = false;
    w->pr[w->set->nevals - 1] = w->mr[w->set->nevals - 1] = NULL;
    *ev = (long)w->set->nevals - 1;
    return PRECIS_OK;
}

/* The last direct text child's trimmed text, or NULL. */
static char *last_text(const xnode *el)
{
    char *t = NULL;
    for (size_t i = 0; i < el->nkids; i++)
        if (el->kids[i]->type == X_TEXT)
            t = trim(el->kids[i]->name);
    return t;
}

static precis_status set_entry_path(rouge_entry *en, const char *file, precis_error *err)
{
    free(en->src.path);
    en->src.path = strdup(file);
    en->has_src = true;
    return en->src.path ? PRECIS_OK : error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
}

static precis_status walk_list(walker *w, const xnode *list, long ev, bool peers)
{
    const char *tag = peers ? "P" : "M";
    for (size_t i = 0; i < list->nkids; i++) {
        const xnode *c = list->kids[i];
        if (c->type != X_ELEM || strcasecmp(c->name, tag))
            continue;
        const char *id = attr(c, "ID");
        if (!id)
            return error_set(w->err, PRECIS_ERR_FORMAT, w->path, c->line, "<%s> without an ID", c->name);
        precis_status st = need_eval(w, ev, c, peers ? "<PEERS>" : "<MODELS>");
        if (st)
            return st;
        rouge_eval *e = &w->set->evals[ev];
        rouge_entry *en = NULL;
        if (peers)
            for (size_t k = 0; k < e->npeers && !en; k++)
                if (!strcmp(e->peers[k].id, id))
                    en = &e->peers[k];
        if (!en) {
            st = rouge_eval_entry(e, peers, id, NULL, NULL, 0, w->err);
            if (st)
                return st;
            en = peers ? &e->peers[e->npeers - 1] : &e->models[e->nmodels - 1];
        }
        char *file = last_text(c);
        if (file && (st = set_entry_path(en, file, w->err)))
            return st;
    }
    return PRECIS_OK;
}

static precis_status walk(walker *w, const xnode *n, long ev);

static precis_status walk_kids(walker *w, const xnode *n, long ev)
{
    for (size_t i = 0; i < n->nkids; i++) {
        precis_status st = walk(w, n->kids[i], ev);
        if (st)
            return st;
    }
    return PRECIS_OK;
}

static precis_status walk_format(walker *w, const xnode *n, long ev)
{
    const char *t = attr(n, "TYPE");
    if (!t)
        return error_set(w->err, PRECIS_ERR_FORMAT, w->path, n->line, "<INPUT-FORMAT> without a TYPE");
    rouge_format f;
    if (!strcasecmp(t, "SPL"))
        f = ROUGE_FMT_SPL;
    else if (!strcasecmp(t, "SEE"))
        f = ROUGE_FMT_SEE;
    else if (!strcasecmp(t, "ISI"))
        f = ROUGE_FMT_ISI;
    else if (!strcasecmp(t, "SIMPLE"))
        return error_set(w->err, PRECIS_ERR_FORMAT, w->path, n->line,
                         "input type SIMPLE (Basic Elements) is not supported");
    else
        return error_set(w->err, PRECIS_ERR_FORMAT, w->path, n->line, "unknown input type: %s", t);
    precis_status st = need_eval(w, ev, n, "<INPUT-FORMAT>");
    if (st)
        return st;
    w->set->evals[ev].format = f;
    w->set->evals[ev].has_format = true;
    return PRECIS_OK;
}

static precis_status walk_root(walker *w, const xnode *n, long ev, char **slot_arr, const char *what)
{
    char *t = last_text(n);
    if (!t)
        return PRECIS_OK;
    precis_status st = need_eval(w, ev, n, what);
    if (st)
        return st;
    free(slot_arr[ev]);
    slot_arr[ev] = strdup(t);
    return slot_arr[ev] ? PRECIS_OK : error_set(w->err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
}

static precis_status walk(walker *w, const xnode *n, long ev)
{
    if (n->type != X_ELEM)
        return PRECIS_OK;
    if (!strcasecmp(n->name, "EVAL")) {
        const char *id = attr(n, "ID");
        if (!id)
            return error_set(w->err, PRECIS_ERR_FORMAT, w->path, n->line, "<EVAL> without an ID");
        long e = -1;
        precis_status st = eval_for(w, id, &e);
        return st ? st : walk_kids(w, n, e);
    }
    if (!strcasecmp(n->name, "INPUT-FORMAT"))
        return walk_format(w, n, ev);
    if (!strcasecmp(n->name, "PEER-ROOT"))
        return walk_root(w, n, ev, w->pr, "<PEER-ROOT>");
    if (!strcasecmp(n->name, "MODEL-ROOT"))
        return walk_root(w, n, ev, w->mr, "<MODEL-ROOT>");
    if (!strcasecmp(n->name, "PEERS"))
        return walk_list(w, n, ev, true);
    if (!strcasecmp(n->name, "MODELS"))
        return walk_list(w, n, ev, false);
    return walk_kids(w, n, ev);
}

/* ---- Final paths ------------------------------------------------------------------ */

static precis_status join_root(const char *root, rouge_entry *en, precis_error *err)
{
    if (!en->has_src)
        return PRECIS_OK;
    const char *r = root ? root : "";
    size_t n = strlen(r) + strlen(en->src.path) + 2;
    char *p = malloc(n);
    if (!p)
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    snprintf(p, n, "%s/%s", r, en->src.path);
    free(en->src.path);
    en->src.path = p;
    return PRECIS_OK;
}

/* A model id listed twice uses the last file given for it. */
static precis_status resolve_models(rouge_eval *e, precis_error *err)
{
    for (size_t i = 0; i < e->nmodels; i++) {
        const rouge_entry *last = NULL;
        for (size_t k = 0; k < e->nmodels; k++)
            if (!strcmp(e->models[k].id, e->models[i].id) && e->models[k].has_src)
                last = &e->models[k];
        if (last && last != &e->models[i]) {
            precis_status st = set_entry_path(&e->models[i], last->src.path, err);
            if (st)
                return st;
        }
    }
    return PRECIS_OK;
}

static precis_status finish_paths(walker *w)
{
    for (size_t i = 0; i < w->set->nevals; i++) {
        rouge_eval *e = &w->set->evals[i];
        precis_status st = resolve_models(e, w->err);
        for (size_t k = 0; !st && k < e->npeers; k++)
            st = join_root(w->pr[i], &e->peers[k], w->err);
        for (size_t k = 0; !st && k < e->nmodels; k++)
            st = join_root(w->mr[i], &e->models[k], w->err);
        if (st)
            return st;
    }
    return PRECIS_OK;
}

precis_status rouge_settings_parse(const char *path, const char *xml, size_t len,
                                   rouge_evalset *out, precis_error *err)
{
    memset(out, 0, sizeof *out);
    arena a;
    arena_init(&a, 1 << 16);
    xparser x = {xml, xml + len, path, 1, &a, err};
    if (err)
        err->code = PRECIS_OK;
    xnode *doc = arena_calloc(&a, 1, sizeof *doc);
    precis_status st = doc ? parse_document(&x, doc)
                           : error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    walker w = {out, NULL, NULL, 0, path, err};
    if (!st)
        st = walk_kids(&w, doc, -1);
    if (!st)
        st = finish_paths(&w);
    if (!st)
        st = rouge_evalset_finish(out, err);
    for (size_t i = 0; i < out->nevals && i < w.cap; i++)
        free(w.pr[i]), free(w.mr[i]);
    free(w.pr), free(w.mr);
    arena_free(&a);
    if (st)
        rouge_evalset_free(out);
    return st;
}

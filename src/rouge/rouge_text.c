/*
 * rouge_text.c: turning the bytes of one summary into ROUGE's tokens.
 *
 * In the script's order: the text is raw bytes (never decoded); it is cut
 * into lines (SPL) or sentences (SEE, ISI); ASCII A-Z are lowercased; the
 * -l / -b limits select a prefix of those raw lines; then normalisation
 * (every byte other than A-Za-z0-9 becomes a space, '-' becomes its own
 * token) leaves runs of [a-z0-9] and lone '-' tokens. The '-' tokens fail
 * the first-character rule, so the tokens are exactly the alphanumeric
 * runs, which is how they are found here. Each run is then dropped if it
 * is a stopword (-s), and stemmed if longer than 3 bytes (-m).
 *
 * Three selections are made from the same lines: the flat text (ROUGE-N,
 * S/SU, and the unigram budgets of L/W), the sentence list of L/W, which
 * under -b keeps every line shorter than the limit (the script never adds
 * to its byte count there), and the Lsum sentences (always the correct cut).
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "rouge/rouge_int.h"

#define ROUGE_OOM (UINT32_MAX - 1)

typedef struct piece {
    const char *p;
    size_t len;
} piece;

typedef struct pieces {
    piece *v;
    size_t n, cap;
} pieces;

static int pieces_push(pieces *ps, const char *p, size_t len)
{
    if (ps->n == ps->cap) {
        size_t nc = ps->cap ? ps->cap * 2 : 32;
        piece *nv = realloc(ps->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        ps->v = nv;
        ps->cap = nc;
    }
    ps->v[ps->n++] = (piece){p, len};
    return 0;
}

/* ---- Lines of each input format ------------------------------------------- */

static bool lit(const char **p, const char *end, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(end - *p) < n || memcmp(*p, s, n) != 0)
        return false;
    *p += n;
    return true;
}

static bool digits(const char **p, const char *end, const char *extra)
{
    const char *s = *p;
    while (*p < end && ((**p >= '0' && **p <= '9') || (extra && **p && strchr(extra, **p))))
        (*p)++;
    return *p > s;
}

/* SEE: ^<a (size="N" )?name="N">\[N\]</a>\s+<a href="#N" id=N>([^<]+) on a
 * line that still holds its '\n'; the text runs to the next '<' or the end. */
static bool see_line(const char *p, const char *end, piece *out)
{
    if (!lit(&p, end, "<a "))
        return false;
    const char *q = p;
    if (lit(&q, end, "size=\"") && digits(&q, end, NULL) && lit(&q, end, "\" "))
        p = q;
    if (!(lit(&p, end, "name=\"") && digits(&p, end, NULL) && lit(&p, end, "\">[") &&
          digits(&p, end, NULL) && lit(&p, end, "]</a>")))
        return false;
    const char *s = p;
    while (p < end && rouge_is_space((unsigned char)*p))
        p++;
    if (p == s)
        return false;
    if (!(lit(&p, end, "<a href=\"#") && digits(&p, end, NULL) && lit(&p, end, "\" id=") &&
          digits(&p, end, NULL) && lit(&p, end, ">")))
        return false;
    const char *t = p;
    while (p < end && *p != '<')
        p++;
    if (p == t)
        return false;
    *out = (piece){t, (size_t)(p - t)};
    return true;
}

/* ISI: ^<S SNTNO="[0-9a-z,]+">([^<]+)</S> */
static bool isi_line(const char *p, const char *end, piece *out)
{
    if (!(lit(&p, end, "<S SNTNO=\"")))
        return false;
    const char *s = p;
    while (p < end && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || *p == ','))
        p++;
    if (p == s || !lit(&p, end, "\">"))
        return false;
    const char *t = p;
    while (p < end && *p != '<')
        p++;
    if (p == t || !lit(&p, end, "</S>"))
        return false;
    *out = (piece){t, (size_t)(p - t)};
    return true;
}

/* The lines ROUGE keeps, as pieces of `low` (the lowercased copy of raw). */
static int read_lines(const char *raw, const char *low, size_t len, rouge_format fmt,
                      pieces *lines)
{
    const char *p = raw, *end = raw + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        piece pc = {p, (size_t)(le - p)};
        bool keep;
        if (fmt == ROUGE_FMT_SPL)
            keep = pc.len > 0; /* only "\n" is chomped; "\r" stays */
        else if (fmt == ROUGE_FMT_SEE)
            keep = see_line(p, nl ? nl + 1 : end, &pc);
        else
            keep = isi_line(p, le, &pc);
        if (keep && pieces_push(lines, low + (pc.p - raw), pc.len) < 0)
            return -1;
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* ---- Length limits ---------------------------------------------------------- */

/* Perl's scalar(split(/\s+/, s)): a leading empty field when s starts with
 * whitespace, no trailing empty fields, 0 for an all-whitespace line. */
static size_t count_fields(const char *s, size_t n)
{
    size_t runs = 0;
    for (size_t i = 0; i < n; i++)
        if (!rouge_is_space((unsigned char)s[i]) && (i == 0 || rouge_is_space((unsigned char)s[i - 1])))
            runs++;
    if (!runs)
        return 0;
    return runs + (rouge_is_space((unsigned char)s[0]) ? 1 : 0);
}

/* Bytes of s up to the end of its k-th field (k >= 1). The script re-joins
 * those fields with single spaces; the tokens are the same. */
static size_t fields_prefix(const char *s, size_t n, size_t k)
{
    if (n && rouge_is_space((unsigned char)s[0])) {
        if (k == 1)
            return 0; /* just the empty leading field */
        k--;
    }
    size_t runs = 0;
    for (size_t i = 0; i < n; i++) {
        if (rouge_is_space((unsigned char)s[i]))
            continue;
        if (i == 0 || rouge_is_space((unsigned char)s[i - 1]))
            runs++;
        if (runs == k && (i + 1 == n || rouge_is_space((unsigned char)s[i + 1])))
            return i + 1;
    }
    return n;
}

/* Select the flat text's pieces; *empty says the script's text is "". */
static int select_flat(const rouge_options *o, const pieces *lines, pieces *out, bool *empty)
{
    size_t total = 0, textlen = 0;
    *empty = false;
    for (size_t i = 0; i < lines->n; i++) {
        const piece *l = &lines->v[i];
        if (o->max_words > 0) {
            size_t f = count_fields(l->p, l->len);
            if (total + f < (size_t)o->max_words) {
                textlen += (total != 0) + l->len;
                total += f;
                if (pieces_push(out, l->p, l->len) < 0)
                    return -1;
                continue;
            }
            size_t plen = fields_prefix(l->p, l->len, (size_t)o->max_words - total);
            textlen += (total > 0) + plen; /* "" only for a lone leading empty field */
            if (pieces_push(out, l->p, plen) < 0)
                return -1;
            break;
        }
        if (o->max_bytes > 0) {
            if (total + l->len < (size_t)o->max_bytes) {
                total += l->len;
                textlen += l->len;
                if (pieces_push(out, l->p, l->len) < 0)
                    return -1;
                continue;
            }
            size_t take = (size_t)o->max_bytes - total;
            textlen += take;
            if (pieces_push(out, l->p, take) < 0)
                return -1;
            break;
        }
        if (pieces_push(out, l->p, l->len) < 0)
            return -1;
    }
    if (o->max_words > 0 || o->max_bytes > 0)
        *empty = textlen == 0;
    return 0;
}

/* The sentence list of ROUGE-L/W under -b: the running byte count is never
 * advanced, so every line shorter than the limit is kept whole, and the
 * first line at least as long is cut to the limit and ends the list. */
static int select_sents_bytes_bug(const rouge_options *o, const pieces *lines, pieces *out)
{
    for (size_t i = 0; i < lines->n; i++) {
        const piece *l = &lines->v[i];
        if (l->len < (size_t)o->max_bytes) {
            if (pieces_push(out, l->p, l->len) < 0)
                return -1;
            continue;
        }
        return pieces_push(out, l->p, (size_t)o->max_bytes);
    }
    return 0;
}

/* ---- Tokens -------------------------------------------------------------------- */

static uint32_t resolve(rouge_scorer *sc, const char *tok, size_t len)
{
    if (sc->opt.stopwords && strmap_find(&sc->lex.stopwords, tok, len) != STRMAP_NONE)
        return ROUGE_DROP;
    if (!((tok[0] >= 'a' && tok[0] <= 'z') || (tok[0] >= '0' && tok[0] <= '9')))
        return ROUGE_DROP;
    const char *s = tok;
    size_t sl = len;
    if (sc->opt.stem && len > 3) {
        if (sc->word_cap < len + 2) {
            char *nw = realloc(sc->word, len + 64);
            if (!nw)
                return ROUGE_OOM;
            sc->word = nw;
            sc->word_cap = len + 64;
        }
        s = rouge_stem_token(sc, tok, len, sc->word, sc->word_cap, &sl);
    }
    uint32_t id = strmap_intern(&sc->vocab, s, sl);
    return id == STRMAP_NONE ? ROUGE_OOM : id;
}

/* The first n (< 8) bytes of w in memory order; the rest zero. */
static uint64_t keep_bytes(uint64_t w, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return n ? w & ~(~0ULL >> (8 * n)) : 0;
#else
    return w & ((1ULL << (8 * n)) - 1);
#endif
}

static uint64_t load8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Hash of a token whose first 16 bytes, zero-padded, are w[0] and w[1];
 * longer tokens add the rest eight bytes at a time. */
static uint64_t tok_hash(const char *s, size_t len, const uint64_t w[2])
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = (uint64_t)len * k;
    h = (h ^ w[0]) * k;
    h ^= h >> 29;
    h = (h ^ w[1]) * k;
    h ^= h >> 29;
    for (size_t i = 16; i < len; i += 8) {
        uint64_t x = 0;
        memcpy(&x, s + i, len - i < 8 ? len - i : 8);
        h = (h ^ x) * k;
        h ^= h >> 29;
    }
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    h ^= h >> 32;
    return h ? h : 1;
}

static int cache_grow(rouge_tokcache *c)
{
    size_t nc = c->cap ? c->cap * 2 : 16384;
    rouge_tokslot *ns = calloc(nc, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slots[i].hash)
            continue;
        size_t j = c->slots[i].hash & (nc - 1);
        while (ns[j].hash)
            j = (j + 1) & (nc - 1);
        ns[j] = c->slots[i];
    }
    free(c->slots);
    c->slots = ns;
    c->cap = nc;
    return 0;
}

void rouge_tokcache_free(rouge_tokcache *c)
{
    free(c->slots);
    free(c->pool);
    memset(c, 0, sizeof *c);
}

static bool slot_is(const rouge_tokcache *c, const rouge_tokslot *s, const uint64_t w[2],
                    const char *tok, size_t len)
{
    if (s->len != len)
        return false;
    if (len <= 16)
        return load8(s->key.inl) == w[0] && load8(s->key.inl + 8) == w[1];
    return !memcmp(c->pool + s->key.off, tok, len);
}

/* A token waiting for its id: its bytes, its first 16 bytes zero-padded
 * as two words, and its hash. */
typedef struct pending {
    uint64_t w[2];
    const char *p;
    size_t len;
    uint64_t h;
} pending;

/* tok must have 16 readable bytes (rouge_text_read pads its copy): the
 * words are loaded and masked in registers, since storing bytes and
 * reloading them as words stalls on store forwarding. */
static void pending_set(pending *q, const char *tok, size_t len)
{
    uint64_t a = load8(tok), b = load8(tok + 8);
    if (len < 8)
        a = keep_bytes(a, len), b = 0;
    else if (len < 16)
        b = keep_bytes(b, len - 8);
    q->w[0] = a, q->w[1] = b;
    q->p = tok;
    q->len = len;
    q->h = tok_hash(tok, len, q->w);
}

/* The id of a hashed token, resolving and caching it when new. */
static uint32_t lookup(rouge_scorer *sc, const pending *q)
{
    rouge_tokcache *c = &sc->raw;
    if ((c->count + 1) * 2 > c->cap && cache_grow(c) < 0)
        return ROUGE_OOM;
    const char *tok = q->p;
    size_t len = q->len;
    uint64_t h = q->h;
    size_t j = h & (c->cap - 1);
    for (; c->slots[j].hash; j = (j + 1) & (c->cap - 1))
        if (c->slots[j].hash == h && slot_is(c, &c->slots[j], q->w, tok, len))
            return c->slots[j].id;
    if (len > UINT32_MAX / 2 || c->pool_len + len > UINT32_MAX)
        return ROUGE_OOM;
    rouge_tokslot ns = {.hash = h, .len = (uint32_t)len};
    if (len <= 16) {
        memcpy(ns.key.inl, q->w, 16);
    } else {
        if (c->pool_len + len > c->pool_cap) {
            size_t nc = c->pool_cap ? c->pool_cap * 2 : 65536;
            while (nc < c->pool_len + len)
                nc *= 2;
            char *np = realloc(c->pool, nc);
            if (!np)
                return ROUGE_OOM;
            c->pool = np;
            c->pool_cap = nc;
        }
        memcpy(c->pool + c->pool_len, tok, len);
        ns.key.off = (uint32_t)c->pool_len;
        c->pool_len += len;
    }
    if ((ns.id = resolve(sc, tok, len)) == ROUGE_OOM)
        return ROUGE_OOM;
    c->slots[j] = ns;
    c->count++;
    return ns.id;
}

uint32_t rouge_token_id(rouge_scorer *sc, const char *tok, size_t len)
{
    char padded[32] = {0};
    pending q;
    if (len < 16) {
        memcpy(padded, tok, len); /* pending_set reads 16 bytes */
        tok = padded;
    }
    pending_set(&q, tok, len);
    return lookup(sc, &q);
}

static int toks_push(rouge_toks *t, uint32_t id)
{
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 64;
        uint32_t *nv = realloc(t->ids, nc * sizeof *nv);
        if (!nv)
            return -1;
        t->ids = nv;
        t->cap = nc;
    }
    t->ids[t->n++] = id;
    return 0;
}

/* Ids for a batch of hashed tokens, appended to t in order. */
static int flush(rouge_scorer *sc, const pending *q, size_t n, rouge_toks *t)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t id = lookup(sc, &q[i]);
        if (id == ROUGE_OOM)
            return -1;
        if (id != ROUGE_DROP && toks_push(t, id) < 0)
            return -1;
    }
    return 0;
}

#define BATCH 32

/* [a-z0-9]: the text is already lowercased. */
static inline bool word_byte(char c)
{
    return (unsigned)(c - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

/* Append the tokens of one piece. The token cache is large and its slots
 * are mostly cache misses, so tokens are hashed a batch at a time and
 * their slots prefetched before any is looked up. */
static int tokenize(rouge_scorer *sc, const piece *pc, rouge_toks *t)
{
    const char *s = pc->p, *end = pc->p + pc->len;
    pending q[BATCH];
    size_t n = 0;
    while (s < end) {
        while (s < end && !word_byte(*s))
            s++;
        const char *b = s;
        while (s < end && word_byte(*s))
            s++;
        if (s == b)
            break;
        pending_set(&q[n], b, (size_t)(s - b));
        if (sc->raw.cap)
            __builtin_prefetch(&sc->raw.slots[q[n].h & (sc->raw.cap - 1)]);
        if (++n == BATCH) {
            if (flush(sc, q, n, t) < 0)
                return -1;
            n = 0;
        }
    }
    return flush(sc, q, n, t);
}

static int sents_build(rouge_scorer *sc, const pieces *ps, rouge_sents *out)
{
    out->start = malloc((ps->n + 1) * sizeof *out->start);
    if (!out->start)
        return -1;
    out->cap = ps->n + 1;
    for (size_t i = 0; i < ps->n; i++) {
        out->start[i] = out->toks.n;
        if (tokenize(sc, &ps->v[i], &out->toks) < 0)
            return -1;
    }
    out->start[ps->n] = out->toks.n;
    out->n = ps->n;
    return 0;
}

/* Sentences that are exactly the flat text's pieces share its tokens:
 * copy them with the piece boundaries instead of tokenising again. */
static int sents_copy(const rouge_toks *flat, const size_t *starts, size_t n, rouge_sents *out)
{
    out->start = malloc((n + 1) * sizeof *out->start);
    out->toks.ids = malloc((flat->n ? flat->n : 1) * sizeof *out->toks.ids);
    if (!out->start || !out->toks.ids)
        return -1;
    memcpy(out->start, starts, (n + 1) * sizeof *starts);
    if (flat->n) /* flat->ids is NULL for an empty text */
        memcpy(out->toks.ids, flat->ids, flat->n * sizeof *flat->ids);
    out->cap = n + 1;
    out->n = n;
    out->toks.n = out->toks.cap = flat->n;
    return 0;
}

static void sents_free(rouge_sents *s)
{
    free(s->toks.ids);
    free(s->start);
    memset(s, 0, sizeof *s);
}

void rouge_doc_clear(rouge_doc *d)
{
    free(d->flat.ids);
    sents_free(&d->sents);
    sents_free(&d->lsum);
    memset(d, 0, sizeof *d);
}

/* Tokenise the flat pieces once into d->flat, noting where each starts. */
static int flat_tokens(rouge_scorer *sc, const pieces *flat, rouge_doc *d, size_t *starts)
{
    for (size_t i = 0; i < flat->n; i++) {
        starts[i] = d->flat.n;
        if (tokenize(sc, &flat->v[i], &d->flat) < 0)
            return -1;
    }
    starts[flat->n] = d->flat.n;
    return 0;
}

static int build(rouge_scorer *sc, const pieces *lines, rouge_doc *d)
{
    const rouge_options *o = &sc->opt;
    pieces flat = {0}, bug = {0};
    int rc = select_flat(o, lines, &flat, &d->warn_empty);
    size_t *starts = rc == 0 ? malloc((flat.n + 1) * sizeof *starts) : NULL;
    if (!starts)
        rc = -1;
    if (rc == 0)
        rc = flat_tokens(sc, &flat, d, starts);
    bool bytes = o->max_bytes > 0 && o->max_words <= 0;
    if (rc == 0 && (o->lcs || o->weight > 0)) {
        if (bytes) {
            rc = select_sents_bytes_bug(o, lines, &bug);
            if (rc == 0)
                rc = sents_build(sc, &bug, &d->sents);
        } else {
            rc = sents_copy(&d->flat, starts, flat.n, &d->sents);
        }
    }
    if (rc == 0 && o->lsum)
        rc = sents_copy(&d->flat, starts, flat.n, &d->lsum);
    free(starts);
    free(flat.v);
    free(bug.v);
    return rc;
}

precis_status rouge_text_read(rouge_scorer *sc, const char *bytes, size_t len, rouge_format fmt,
                              rouge_doc *d, precis_error *err)
{
    memset(d, 0, sizeof *d);
    /* 16 zero bytes past the end: tokens are read a word at a time */
    char *low = malloc(len + 16);
    if (!low)
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    memset(low + len, 0, 16);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    pieces lines = {0};
    int rc = read_lines(bytes, low, len, fmt, &lines);
    if (rc == 0)
        rc = build(sc, &lines, d);
    free(lines.v);
    free(low);
    if (rc < 0) {
        rouge_doc_clear(d);
        return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    }
    return PRECIS_OK;
}

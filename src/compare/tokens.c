/*
 * tokens.c: every article's story tokens with byte offsets.
 *
 * The cluster keeps only term ids per sentence; the cross-source stages
 * also need where each word is (to map shared passages and quantities back
 * to bytes) and its normal form (to read numbers and names). Tokenizing the
 * sentences again with the same tokenizer gives the same tokens in the
 * same order, so the cluster's term ids are zipped on.
 */
#include <string.h>

#include "compare/compare.h"
#include "text/token.h"

/* FNV-1a: stable across runs, so output stays deterministic. */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint32_t cmp_tok_at(const cmp_doc *d, uint32_t b)
{
    uint32_t lo = 0, hi = d->ntok; /* tokens are in text order: a binary search */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->tok[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const char *cmp_term_text(const precis_cluster *c, uint32_t term)
{
    if (term == CMP_NONE || term >= c->nterms)
        return "";
    return strmap_key(&c->engine->terms, c->term_global[term]);
}

/* Append sentence s's tokens to d->tok (room for them is there). */
static int tokenize_sentence(const precis_cluster *c, uint32_t s, arena *a, buf *scratch, cmp_doc *d)
{
    const sentence *se = &c->sents[s];
    const char *text = c->articles[se->article].text;
    size_t pos = se->start;
    token t;
    uint32_t k = 0;
    while (k < se->ntok && token_next(text, se->end, &pos, &t, scratch)) {
        cmp_tok *o = &d->tok[d->ntok++];
        o->start = t.start;
        o->end = t.end;
        o->sent = s;
        o->term = se->tok[k++];
        o->hash = hash_bytes(t.norm, t.norm_len);
        o->norm = arena_strndup(a, t.norm, t.norm_len);
        o->kind = (uint8_t)t.kind;
        o->cap = (uint8_t)(t.capitalized != 0);
        if (!o->norm)
            return -1;
    }
    return 0;
}

static int tokenize_article(const precis_cluster *c, uint32_t ai, arena *a, buf *scratch, cmp_doc *d)
{
    const article *art = &c->articles[ai];
    size_t cap = 0;
    for (uint32_t s = art->first; s < art->first + art->count; s++)
        cap += c->sents[s].ntok;
    d->tok = arena_calloc(a, cap + 1, sizeof *d->tok);
    d->sent_first = arena_calloc(a, art->count + 1, sizeof *d->sent_first);
    if (!d->tok || !d->sent_first)
        return -1;
    d->ntok = 0;
    for (uint32_t s = art->first; s < art->first + art->count; s++) {
        d->sent_first[s - art->first] = d->ntok;
        if (tokenize_sentence(c, s, a, scratch, d) != 0)
            return -1;
    }
    d->sent_first[art->count] = d->ntok;
    return 0;
}

int cmp_tokens_of_sentence(const precis_cluster *c, uint32_t s, arena *a, cmp_doc *d)
{
    d->tok = arena_calloc(a, c->sents[s].ntok + 1, sizeof *d->tok);
    d->sent_first = NULL;
    d->ntok = 0;
    if (!d->tok)
        return -1;
    buf scratch = BUF_INIT;
    int rc = tokenize_sentence(c, s, a, &scratch, d);
    buf_free(&scratch);
    return rc;
}

int cmp_tokens_build(precis_cluster *c, arena *a, cmp_doc **docs)
{
    *docs = arena_calloc(a, c->narticles + 1, sizeof **docs);
    if (!*docs)
        return -1;
    buf scratch = BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < c->narticles && rc == 0; i++)
        rc = tokenize_article(c, (uint32_t)i, a, &scratch, &(*docs)[i]);
    buf_free(&scratch);
    return rc;
}

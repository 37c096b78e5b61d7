/*
 * taken.c: what a summary already holds, asked in constant time.
 *
 * No method prints one sentence twice: not the same wire copy from two
 * outlets (a near-duplicate group, model/represent.h) and not the same
 * text (a page that repeats "Word." has no group, since near-duplicates
 * need three words). Selectors ask this of every candidate, and without a
 * budget a summary can hold most of a large cluster, so a scan of the
 * chosen list per candidate would be quadratic: groups are marked in a
 * byte per sentence, texts kept in an open-addressing table of their hashes.
 */
#include <string.h>

#include "select/select.h"

static uint64_t text_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static const char *text_of(const precis_cluster *c, uint32_t i, size_t *len)
{
    const sentence *s = &c->sents[i];
    *len = s->end - s->start;
    return c->articles[s->article].text + s->start;
}

int sentences_same_text(const precis_cluster *c, uint32_t i, uint32_t j)
{
    size_t li, lj;
    const char *a = text_of(c, i, &li), *b = text_of(c, j, &lj);
    return li == lj && !memcmp(a, b, li);
}

int taken_init(taken_set *t, const precis_cluster *c, const represent *r, arena *a)
{
    t->c = c;
    t->r = r;
    t->cap = 16;
    while (t->cap < 2 * c->nsents + 2)
        t->cap *= 2;
    t->slot = arena_calloc(a, t->cap, sizeof *t->slot);
    t->group = r ? arena_calloc(a, c->nsents + 1, 1) : NULL;
    return !t->slot || (r && !t->group) ? -1 : 0;
}

/* The slot that holds sentence i's text, or the empty one where it goes. */
static size_t find(const taken_set *t, uint32_t i)
{
    size_t len;
    const char *s = text_of(t->c, i, &len);
    for (size_t k = text_hash(s, len) & (t->cap - 1);; k = (k + 1) & (t->cap - 1))
        if (t->slot[k] == 0 || sentences_same_text(t->c, t->slot[k] - 1, i))
            return k;
}

void taken_add(taken_set *t, uint32_t i)
{
    if (t->group)
        t->group[t->r->group[i]] = 1;
    size_t k = find(t, i);
    if (t->slot[k] == 0)
        t->slot[k] = i + 1;
}

int taken_text(const taken_set *t, uint32_t i)
{
    return t->slot[find(t, i)] != 0;
}

int taken_copy(const taken_set *t, uint32_t i)
{
    return (t->group && t->group[t->r->group[i]]) || taken_text(t, i);
}

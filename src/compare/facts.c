/*
 * facts.c: distinct fact sentences and the outlets that carry them.
 *
 * The near-duplicate groups are those the summarizer uses
 * (model/represent.c), so "reported by three outlets" means the same here
 * as in a summary's support. A fact is a group; it is shown by its first
 * sentence. Headlines, captions and other lines without a final stop are
 * left out: they restate facts rather than add them. So are the pieces of
 * a quotation that runs over several sentences (SENT_QUOTE_PIECE): they
 * are someone's words, which the quotes section lists with the speaker;
 * and page notices marked as boilerplate are no facts at all.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "text/segment.h"

#define FACT_MIN_CONTENT 4   /* content words for a sentence to state a fact */

static int by_support(const void *x, const void *y)
{
    const cmp_fact *a = x, *b = y;
    if (a->support != b->support)
        return a->support > b->support ? -1 : 1;
    return a->sent < b->sent ? -1 : a->sent > b->sent;
}

/* A page notice the cluster marked as boilerplate ("Media requires
 * JavaScript to play.", a note to editors) ends with a stop but says
 * nothing about the story: the summarizer never takes one, nor do the facts. */
static int is_fact_sentence(const sentence *s)
{
    return !(s->flags & (SENT_UNTERMINATED | SENT_QUOTE_PIECE | SENT_BOILERPLATE)) &&
           s->ncontent >= FACT_MIN_CONTENT;
}

int cmp_facts_build(const precis_cluster *c, const represent *r, arena *a, cmp_facts *out)
{
    size_t n = c->nsents;
    memset(out, 0, sizeof *out);
    uint32_t *size = arena_calloc(a, n + 1, sizeof *size);
    uint32_t *slot = arena_alloc(a, (n + 1) * sizeof *slot);
    if (!size || !slot)
        return -1;
    size_t nf = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_fact_sentence(&c->sents[i]))
            continue;
        if (size[r->group[i]]++ == 0)
            nf++;
    }
    out->f = arena_calloc(a, nf + 1, sizeof *out->f);
    if (!out->f)
        return -1;
    for (size_t i = 0; i < n; i++)
        slot[i] = CMP_NONE;
    for (size_t i = 0; i < n; i++) {
        if (!is_fact_sentence(&c->sents[i]))
            continue;
        uint32_t g = r->group[i];
        if (slot[g] == CMP_NONE) {
            cmp_fact *f = &out->f[out->n];
            slot[g] = (uint32_t)out->n++;
            f->sent = (uint32_t)i;
            f->sents = arena_alloc(a, size[g] * sizeof *f->sents);
            if (!f->sents)
                return -1;
        }
        cmp_fact *f = &out->f[slot[g]];
        /* Support counts the articles of the members kept here, which can
         * be fewer than represent's when a member was a headline. */
        if (f->nsents == 0 || c->sents[f->sents[f->nsents - 1]].article != c->sents[i].article)
            f->support++;
        f->sents[f->nsents++] = (uint32_t)i;
    }
    qsort(out->f, out->n, sizeof *out->f, by_support);
    return 0;
}

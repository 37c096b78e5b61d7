/*
 * clip.c: the view of a long cluster that the learned models can read
 * (see clip.h): each article's opening sentences, within its share of a
 * word budget.
 */
#include "model/clip.h"

#include <stdint.h>
#include <stdlib.h>

#include "text/segment.h"

/* A page notice or a photo caption is kept in the view (still marked as
 * what it is) but takes nothing of the share: a page that opens with a
 * web archive's crawl notice should still show its story's opening. */
uint32_t story_words(const sentence *s)
{
    return (s->flags & (SENT_BOILERPLATE | SENT_CAPTION)) ? 0 : s->words;
}

void clip_shares(const size_t *length, size_t n, size_t words, size_t *share)
{
    /* Visit the articles shortest first (ties in input order): each takes
     * the smaller of its length and an equal part of what is left.
     * SIZE_MAX marks an article not yet given its share. */
    for (size_t i = 0; i < n; i++)
        share[i] = SIZE_MAX;
    size_t left = words;
    for (size_t done = 0; done < n; done++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (share[i] == SIZE_MAX && (best == n || length[i] < length[best]))
                best = i;
        size_t equal = left / (n - done);
        share[best] = length[best] < equal ? length[best] : equal;
        left -= share[best];
    }
}

static int copy_sentence(precis_cluster *v, const precis_cluster *c, const sentence *s)
{
    sentence *d = &v->sents[v->nsents];
    *d = *s;
    d->tok = arena_alloc(&v->mem, (s->ntok + 1) * sizeof *d->tok);
    if (!d->tok)
        return -1;
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t l = cluster_local_term(v, c->term_global[s->tok[k]]);
        if (l == UINT32_MAX)
            return -1;
        d->tok[k] = l;
    }
    v->nsents++;
    return 0;
}

static int fill_view(precis_cluster *v, const precis_cluster *c, const size_t *share)
{
    v->articles = malloc((c->narticles + 1) * sizeof *v->articles);
    v->sents = malloc((c->nsents + 1) * sizeof *v->sents);
    if (!v->articles || !v->sents)
        return -1;
    v->articles_cap = c->narticles + 1;
    v->sents_cap = c->nsents + 1;
    for (size_t i = 0; i < c->narticles; i++) {
        const article *a = &c->articles[i];
        article *d = &v->articles[v->narticles++];
        *d = *a;
        d->first = (uint32_t)v->nsents;
        d->count = 0;
        /* Multi-News cut the sentence astride the share mid-way; a reader
         * should be shown whole ones, so it is kept when more than half of
         * it is within the share. The first is always kept. */
        size_t before = 0;
        for (uint32_t k = 0; k < a->count; k++) {
            const sentence *s = &c->sents[a->first + k];
            size_t w = story_words(s);
            if (k > 0 && w > 0 && 2 * before + w >= 2 * share[i])
                break;
            if (copy_sentence(v, c, s) != 0)
                return -1;
            d->count++;
            before += w;
        }
        v->total_bytes += a->len;
    }
    return 0;
}

int cluster_clip(const precis_cluster *c, size_t words, precis_cluster **view)
{
    *view = NULL;
    precis_cluster *v = calloc(1, sizeof *v);
    size_t *length = calloc(c->narticles + 1, sizeof *length);
    size_t *share = calloc(c->narticles + 1, sizeof *share);
    if (!v || !length || !share)
        goto fail;
    v->engine = c->engine;
    arena_init(&v->mem, 16384);
    u32map_init(&v->local_of);
    v->id = c->id;
    v->query = c->query;
    for (size_t i = 0; i < c->narticles; i++)
        for (uint32_t k = 0; k < c->articles[i].count; k++)
            length[i] += story_words(&c->sents[c->articles[i].first + k]);
    clip_shares(length, c->narticles, words, share);
    if (fill_view(v, c, share) != 0)
        goto fail;
    free(length);
    free(share);
    *view = v;
    return 0;
fail:
    free(length);
    free(share);
    precis_cluster_free(v);
    return -1;
}

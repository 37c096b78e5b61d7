/*
 * position.c: reading order for a summary. Sentences are put in the order
 * of their position in their article's story (leads first), ties broken by
 * article, so a summary reads like a news story rather than a ranked list.
 * A position counts story sentences only: a page pasted with its headline,
 * captions and byline would otherwise have its lead sorted after other
 * articles' third or fourth sentences. A sentence whose predecessor in its
 * article is in the summary too is then moved to follow it, wherever the
 * sort put the two: one that leans on it ("She said ...") must, and two
 * sentences that stood together in an article read best together.
 */
#include <stdlib.h>

#include "select/select.h"
#include "text/segment.h"

/* A chosen sentence with its place in the story. */
typedef struct placed {
    uint32_t story_pos, article, start, id;
} placed;

static int by_story_position(const void *x, const void *y)
{
    const placed *a = x, *b = y;
    if (a->story_pos != b->story_pos)
        return a->story_pos < b->story_pos ? -1 : 1;
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

int order_by_position(const precis_cluster *c, uint32_t *chosen, size_t n, arena *a)
{
    placed *place = arena_alloc(a, (n + 1) * sizeof *place);
    uint32_t *story_pos = arena_alloc(a, (c->nsents + 1) * sizeof *story_pos);
    unsigned char *in = arena_calloc(a, c->nsents + 1, 1);
    if (!place || !story_pos || !in)
        return -1;
    /* Story sentences (not fragments: headlines, captions, bylines) before
     * each sentence in its article, in one pass. */
    for (size_t d = 0; d < c->narticles; d++) {
        const article *art = &c->articles[d];
        uint32_t seen = 0;
        for (uint32_t i = art->first; i < art->first + art->count; i++) {
            story_pos[i] = seen;
            seen += !sentence_is_fragment(&c->sents[i]);
        }
    }
    for (size_t j = 0; j < n; j++) {
        const sentence *s = &c->sents[chosen[j]];
        place[j] = (placed){story_pos[chosen[j]], s->article, s->start, chosen[j]};
        in[chosen[j]] = 1;
    }
    qsort(place, n, sizeof *place, by_story_position);
    /* Each run of the summary's sentences that stood together in an
     * article (a lead, "He said", "His rival ...") is written out whole
     * where its first sentence sorted; the sort puts that one first. */
    size_t out = 0;
    for (size_t j = 0; j < n; j++) {
        uint32_t i = place[j].id;
        if (i > 0 && in[i - 1] && c->sents[i - 1].article == c->sents[i].article)
            continue;
        for (;;) {
            chosen[out++] = i;
            if (i + 1 >= c->nsents || !in[i + 1] || c->sents[i + 1].article != c->sents[i].article)
                break;
            i++;
        }
    }
    return 0;
}

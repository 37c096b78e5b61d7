/*
 * facts.c: distinct fact sentences and the outlets that carry them.
 *
 * The near-duplicate groups are those the summarizer uses
 * (model/represent.c), so "reported by three outlets" means the same here
 * as in a summary's support. A fact is a group; it is shown by its first
 * sentence, and a member whose numbers contradict the first's ("14 people
 * died" against "12 people died") is a fact of its own: the outlet that
 * wrote 14 does not report 12. Headlines, captions and other
 * lines without a final stop are left out: they restate facts rather than
 * add them. So are the pieces of
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

/* A group's claims a member is compared with; past them, a member that
 * gives other numbers is a fact of its own. Bounds the work on a hostile
 * group of thousands of copies that each give another number. */
#define CLAIMS_MAX 16

typedef struct claim {
    uint32_t head;       /* its first sentence */
    uint32_t next;       /* the group's next claim, or CMP_NONE */
    uint32_t members;
    const double *v;     /* the head's values, ascending */
    size_t nv;
} claim;

int cmp_facts_build(const precis_cluster *c, const represent *r, arena *a, cmp_facts *out)
{
    size_t n = c->nsents;
    memset(out, 0, sizeof *out);
    uint32_t *size = arena_calloc(a, n + 1, sizeof *size);
    uint32_t *first = arena_alloc(a, (n + 1) * sizeof *first);   /* group -> first claim */
    uint32_t *claim_of = arena_alloc(a, (n + 1) * sizeof *claim_of);
    size_t nfact = 0;
    for (size_t i = 0; i < n; i++)
        nfact += is_fact_sentence(&c->sents[i]);
    claim *cl = arena_alloc(a, (nfact + 1) * sizeof *cl);
    if (!size || !first || !claim_of || !cl)
        return -1;
    for (size_t i = 0; i < n; i++) {
        first[i] = CMP_NONE;
        if (is_fact_sentence(&c->sents[i]))
            size[r->group[i]]++;
    }
    /* Each fact sentence joins the first claim of its group whose numbers
     * agree with its own, or heads a new one: "14 people died" is no copy
     * of "12 people died", whatever else the two share. */
    size_t ncl = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_fact_sentence(&c->sents[i]))
            continue;
        uint32_t g = r->group[i];
        double *v = NULL;
        size_t nv = 0;
        if (size[g] > 1 && cmp_sentence_values(c, (uint32_t)i, a, &v, &nv) != 0)
            return -1;
        uint32_t k = first[g], last = CMP_NONE, seen = 0;
        for (; k != CMP_NONE && seen < CLAIMS_MAX; last = k, k = cl[k].next, seen++)
            if (cmp_values_agree(v, nv, cl[k].v, cl[k].nv))
                break;
        if (k != CMP_NONE && seen < CLAIMS_MAX) {
            cl[k].members++;
            claim_of[i] = k;
            continue;
        }
        claim *x = &cl[ncl];
        *x = (claim){.head = (uint32_t)i, .next = CMP_NONE, .members = 1, .v = v, .nv = nv};
        if (seen < CLAIMS_MAX) { /* append to the group's list */
            if (last == CMP_NONE)
                first[g] = (uint32_t)ncl;
            else
                cl[last].next = (uint32_t)ncl;
        }
        claim_of[i] = (uint32_t)ncl++;
    }
    out->f = arena_calloc(a, ncl + 1, sizeof *out->f);
    if (!out->f)
        return -1;
    for (size_t k = 0; k < ncl; k++) {
        out->f[k].sent = cl[k].head;
        out->f[k].sents = arena_alloc(a, cl[k].members * sizeof *out->f[k].sents);
        if (!out->f[k].sents)
            return -1;
    }
    out->n = ncl;
    for (size_t i = 0; i < n; i++) {
        if (!is_fact_sentence(&c->sents[i]))
            continue;
        cmp_fact *f = &out->f[claim_of[i]];
        /* Support counts the articles of the members kept here, which can
         * be fewer than represent's when a member was a headline or gives
         * other numbers. */
        if (f->nsents == 0 || c->sents[f->sents[f->nsents - 1]].article != c->sents[i].article)
            f->support++;
        f->sents[f->nsents++] = (uint32_t)i;
    }
    qsort(out->f, out->n, sizeof *out->f, by_support);
    return 0;
}

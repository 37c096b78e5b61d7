/*
 * facts.c: distinct fact sentences and the outlets that carry them.
 *
 * The near-duplicate groups are those the summarizer uses
 * (model/represent.c), and a fact's outlets are those a summary would
 * cite for its sentence, so "reported by three outlets" means the same
 * here as in a summary's support. A fact is shown by the first sentence of
 * its group, and a member that says something else is a fact of its own:
 * one whose numbers contradict the first's ("14 people died" against "12
 * people died"), since the outlet that wrote 14 does not report 12; and
 * one that is no near-duplicate of the first itself, since a group is a
 * closure and links "The virus was first identified in 1937 in Uganda."
 * to "The West Nile virus probably entered the United States in infected
 * birds." through sentences that share words with both. Headlines,
 * captions and other
 * lines without a final stop are left out: they restate facts rather than
 * add them. So are the pieces of
 * a quotation that runs over several sentences (SENT_QUOTE_PIECE): they
 * are someone's words, which the quotes section lists with the speaker;
 * and page notices marked as boilerplate are no facts at all.
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "model/represent.h"
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
    cmp_values v;        /* the head's values */
} claim;

/* Whether sentence i, whose values are v, tells claim k: a
 * near-duplicate of the claim's head whose numbers agree with its own. */
static int tells(const represent *r, const claim *k, uint32_t i, const cmp_values *v)
{
    return represent_near_duplicates(r, k->head, i) && cmp_values_agree(v, &k->v);
}

/* Append sentence i to fact f. Support counts the articles of the
 * members, which can be fewer than represent's group has: a headline, a
 * sentence that gives other numbers or says something else is no member.
 * Members come in cluster order, so an article is new exactly when it
 * differs from the last member's. */
static void add_member(const precis_cluster *c, cmp_fact *f, uint32_t i)
{
    if (f->nsents == 0 || c->sents[f->sents[f->nsents - 1]].article != c->sents[i].article)
        f->support++;
    f->sents[f->nsents++] = i;
}

/* The claims' members, in cluster order: a head, and every other fact
 * sentence of its group that tells it. A sentence may tell two claims (an
 * outlet's one sentence that joins two of another's). With out == NULL,
 * only count them. */
static void gather_members(const precis_cluster *c, const represent *r, const uint32_t *first, const uint32_t *head_of,
                           const cmp_values *val, claim *cl, cmp_facts *out)
{
    for (size_t i = 0; i < c->nsents; i++) {
        if (!is_fact_sentence(&c->sents[i]))
            continue;
        uint32_t seen = 0;
        for (uint32_t k = first[r->group[i]]; k != CMP_NONE && seen < CLAIMS_MAX; k = cl[k].next, seen++) {
            if (k == head_of[i] || !tells(r, &cl[k], (uint32_t)i, &val[i]))
                continue;
            if (out)
                add_member(c, &out->f[k], (uint32_t)i);
            else
                cl[k].members++;
        }
        if (head_of[i] == CMP_NONE)
            continue;
        if (out)
            add_member(c, &out->f[head_of[i]], (uint32_t)i);
        else
            cl[head_of[i]].members++;
    }
}

int cmp_facts_build(const precis_cluster *c, const represent *r, arena *a, cmp_facts *out)
{
    size_t n = c->nsents;
    memset(out, 0, sizeof *out);
    uint32_t *size = arena_calloc(a, n + 1, sizeof *size);
    uint32_t *first = arena_alloc(a, (n + 1) * sizeof *first);   /* group -> first claim */
    uint32_t *head_of = arena_alloc(a, (n + 1) * sizeof *head_of);
    cmp_values *val = arena_calloc(a, n + 1, sizeof *val);
    size_t nfact = 0;
    for (size_t i = 0; i < n; i++)
        nfact += is_fact_sentence(&c->sents[i]);
    claim *cl = arena_alloc(a, (nfact + 1) * sizeof *cl);
    if (!size || !first || !head_of || !val || !cl)
        return -1;
    for (size_t i = 0; i < n; i++) {
        first[i] = CMP_NONE;
        head_of[i] = CMP_NONE;
        if (is_fact_sentence(&c->sents[i]))
            size[r->group[i]]++;
    }
    /* A fact sentence that tells none of its group's claims so far heads a
     * new one: "14 people died" is no copy of "12 people died", whatever
     * else the two share. */
    size_t ncl = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_fact_sentence(&c->sents[i]))
            continue;
        uint32_t g = r->group[i];
        if (size[g] > 1 && cmp_sentence_values(c, (uint32_t)i, a, &val[i]) != 0)
            return -1;
        uint32_t k = first[g], last = CMP_NONE, seen = 0;
        for (; k != CMP_NONE && seen < CLAIMS_MAX; last = k, k = cl[k].next, seen++)
            if (tells(r, &cl[k], (uint32_t)i, &val[i]))
                break;
        if (k != CMP_NONE && seen < CLAIMS_MAX)
            continue;
        cl[ncl] = (claim){.head = (uint32_t)i, .next = CMP_NONE, .members = 0, .v = val[i]};
        if (seen < CLAIMS_MAX) { /* append to the group's list */
            if (last == CMP_NONE)
                first[g] = (uint32_t)ncl;
            else
                cl[last].next = (uint32_t)ncl;
        }
        head_of[i] = (uint32_t)ncl++;
    }
    gather_members(c, r, first, head_of, val, cl, NULL);
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
    gather_members(c, r, first, head_of, val, cl, out);
    qsort(out->f, out->n, sizeof *out->f, by_support);
    return 0;
}

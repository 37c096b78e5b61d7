/*
 * paraphrase.c: other outlets' similar sentences under each fact.
 *
 * facts.c groups the sentences that outlets carry almost word for word;
 * a fact that one outlet writes in its own words ("The UK-based Syrian
 * Observatory for Human Rights said air strikes in Hama province on
 * Thursday hit FSA members Tajamu Alezzah" against "The British-based
 * Syrian Observatory ... said airstrikes in the central province of Hama
 * on Thursday hit locations of the US-backed rebel group, Tajamu
 * Alezzah") stays two facts there. Here two facts are one when their
 * first sentences share enough of what is particular to them: the
 * cosine of their content words, each weighted by how few of the
 * cluster's sentences use it. The story's own names and words (in nearly
 * every sentence) weigh little, so two
 * sentences about the same person that say different things of her ("was
 * all set to travel", "was forced to return home") are not alike, while
 * two that tell the same event in its own words are. Their numbers must
 * agree too: "12 targets" against "four targets" is a discrepancy, not a
 * fact told twice.
 *
 * What a sentence quotes is its claim: "``Parents need help to make
 * sure their children are properly secured,'' Robert Eaton, DaimlerChrysler
 * co-chairman, said at a news conference" is not told by "co-chairman
 * Robert Eaton was announcing the initiative at a news conference", for
 * all the words of the attribution the two share. So a sentence that
 * quotes is told again only by one that has at least half the words of
 * its quotation (of the shorter, where both quote: one outlet may quote
 * more of the remark). What someone "said that ..." is a claim the same
 * way: "Kate Delhagen, the director of online retail strategies for
 * Forrester Research, said that independent booksellers had no choice"
 * and "..., said the outbreak of discounting was not surprising" are two
 * remarks.
 *
 * The link is not transitive: a fact takes only those alike to itself,
 * never those alike to what it took, so no chain of loosely alike
 * sentences joins unrelated news. And it is lexical: a blind reading
 * found about seven in ten of such pairs to tell the same fact and most
 * of the rest to share a detail (RESULTS.md). So a fact's support still
 * counts only the outlets that carry it near word for word, and the
 * reports print the other outlets' sentences under it, for a reader to
 * judge.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/setops.h"

/* Each term's weight: the log of how many sentences there are for each
 * that uses it (a cluster-local idf). */
static double *local_weights(const precis_cluster *c, const represent *r, arena *a)
{
    double *w = arena_calloc(a, c->nterms + 1, sizeof *w);
    uint32_t *df = arena_calloc(a, c->nterms + 1, sizeof *df);
    if (!w || !df)
        return NULL;
    for (size_t s = 0; s < c->nsents; s++)
        for (uint32_t k = 0; k < r->vec[s].n; k++)
            df[r->vec[s].term[k]]++;
    for (size_t t = 0; t < c->nterms; t++)
        w[t] = df[t] ? log((double)(c->nsents + 1) / df[t]) : 0;
    return w;
}

static double weighted_norm(const svec *v, const double *w)
{
    double s = 0;
    for (uint32_t k = 0; k < v->n; k++)
        s += w[v->term[k]] * w[v->term[k]];
    return sqrt(s);
}

/* Per fact while the pass runs. */
typedef struct fact_state {
    double norm;         /* of its first sentence under the local weights */
    cmp_values v;        /* its first sentence's values */
    uint64_t *own;       /* bit per article: those carrying its own words */
    uint32_t taken_by;   /* the fact that took it, or CMP_NONE */
    uint32_t *claim;     /* content terms of what its first sentence quotes or
                          * says someone said, ascending (none: no such part) */
    uint32_t nclaim;
    int read;            /* v and claim are filled (done only for the facts
                          * that come close to another, see read_fact) */
} fact_state;

/* Claimed content words below this many do not make the quotation the
 * claim (a quoted phrase: a "list" of other groups). */
#define CLAIM_MIN_TERMS 3
/* Tokens between a verb of speech and the "that" its clause opens with
 * ("told reporters on Monday that"). */
#define THAT_AFTER_VERB_MAX 4

/* Terms [t0, t1) of doc d that are content words, appended to st. */
static void add_claim_terms(const precis_cluster *c, const cmp_doc *d, uint32_t t0, uint32_t t1, fact_state *st)
{
    for (uint32_t t = t0; t < t1; t++)
        if (!c->term_stop[d->tok[t].term])
            st->claim[st->nclaim++] = d->tok[t].term;
}

/* The token after the "that" of reported speech in tokens [t0, t1)
 * ("testified during the hearing that ..."), or t1. */
static uint32_t reported_speech(const cmp_doc *d, uint32_t t0, uint32_t t1)
{
    for (uint32_t v = t0; v < t1; v++) {
        if (!cmp_is_speech_verb(d->tok[v].norm))
            continue;
        for (uint32_t k = v + 1; k < t1 && k <= v + THAT_AFTER_VERB_MAX; k++)
            if (!strcmp(d->tok[k].norm, "that"))
                return k + 1;
    }
    return t1;
}

/* What sentence s claims, into st: the content terms inside its
 * quotations (quotes[0..nq), in article order), or else those of the
 * speech it reports after "that"; ascending and once each. */
static int claim_terms(const precis_cluster *c, const cmp_doc *docs, const cmp_quote *quotes, size_t nq,
                       const size_t *qfirst, uint32_t s, arena *a, fact_state *st)
{
    const sentence *se = &c->sents[s];
    const article *art = &c->articles[se->article];
    const cmp_doc *d = &docs[se->article];
    uint32_t t0 = d->sent_first[s - art->first], t1 = d->sent_first[s - art->first + 1];
    st->claim = arena_alloc(a, (t1 - t0 + 1) * sizeof *st->claim);
    if (!st->claim)
        return -1;
    for (size_t k = qfirst[se->article]; k < nq && quotes[k].article == se->article; k++) {
        if (quotes[k].end <= se->start || quotes[k].start >= se->end)
            continue;
        for (uint32_t t = t0; t < t1; t++)
            if (d->tok[t].start >= quotes[k].start && d->tok[t].end <= quotes[k].end &&
                !c->term_stop[d->tok[t].term])
                st->claim[st->nclaim++] = d->tok[t].term;
    }
    if (st->nclaim < CLAIM_MIN_TERMS) {
        st->nclaim = 0;
        add_claim_terms(c, d, reported_speech(d, t0, t1), t1, st);
    }
    st->nclaim = (uint32_t)sort_unique_ids(st->claim, st->nclaim);
    return 0;
}

/* Whether sentence vector v has at least half the words x claims. */
static int holds_claim(const fact_state *x, const svec *v)
{
    return 2 * sorted_common(x->claim, x->nclaim, v->term, v->n) >= x->nclaim;
}

/* Whether two sentences (states x and y, vectors vx and vy) make one
 * claim, or none: where one quotes or reports enough words to make that
 * its claim, the other holds half of them; where both do, the other
 * holds half of the shorter (one outlet may quote more of a remark). */
static int same_claim(const fact_state *x, const svec *vx, const fact_state *y, const svec *vy)
{
    int cx = x->nclaim >= CLAIM_MIN_TERMS, cy = y->nclaim >= CLAIM_MIN_TERMS;
    if (cx && cy)
        return x->nclaim <= y->nclaim ? holds_claim(x, vy) : holds_claim(y, vx);
    return cx ? holds_claim(x, vy) : cy ? holds_claim(y, vx) : 1;
}

static int outlets_meet(const uint64_t *x, const uint64_t *y, size_t words)
{
    for (size_t k = 0; k < words; k++)
        if (x[k] & y[k])
            return 1;
    return 0;
}

/* Each fact's norm and outlets, before the pass. */
static int prepare(const precis_cluster *c, const represent *r, const double *w, const cmp_facts *facts, size_t n,
                   size_t words, arena *a, fact_state *st)
{
    for (size_t i = 0; i < n; i++) {
        const cmp_fact *f = &facts->f[i];
        st[i] = (fact_state){weighted_norm(&r->vec[f->sent], w), {NULL, NULL, 0},
                             arena_calloc(a, words, sizeof(uint64_t)), CMP_NONE, NULL, 0, 0};
        if (!st[i].own)
            return -1;
        for (uint32_t k = 0; k < f->nsents; k++) {
            uint32_t art = c->sents[f->sents[k]].article;
            st[i].own[art / 64] |= 1ull << (art % 64);
        }
    }
    return 0;
}

/* Where each article's quotes start in quotes[0..nq) (article order). */
static size_t *quotes_by_article(const precis_cluster *c, const cmp_quote *quotes, size_t nq, arena *a)
{
    size_t *first = arena_alloc(a, (c->narticles + 1) * sizeof *first);
    if (!first)
        return NULL;
    for (size_t ai = 0, k = 0; ai <= c->narticles; ai++) {
        while (k < nq && quotes[k].article < ai)
            k++;
        first[ai] = k;
    }
    return first;
}

/* Read fact i's numbers and claim, once: only facts alike enough to
 * another need them, and reading them for every fact of a long cluster
 * would cost more than the comparisons. */
typedef struct pass {
    const precis_cluster *c;
    const represent *r;
    const cmp_doc *docs;
    const cmp_quote *quotes;
    size_t nquotes;
    const size_t *qfirst;
    const cmp_facts *facts;
    fact_state *st;
    arena *a;
    size_t words;        /* 64-bit words of an outlet bit set */
    const double *w;     /* local term weights */
    const uint32_t *off, *post; /* the facts using each term (postings) */
    uint32_t *shared;    /* per later fact: content words shared with the taker */
    double *dot;         /* ... and their weighted product */
    uint32_t *touched;   /* the later facts that share a word */
} pass;

static int read_fact(const pass *p, size_t i)
{
    fact_state *x = &p->st[i];
    if (x->read)
        return 0;
    if (cmp_sentence_values(p->c, p->facts->f[i].sent, p->a, &x->v) != 0 ||
        claim_terms(p->c, p->docs, p->quotes, p->nquotes, p->qfirst, p->facts->f[i].sent, p->a, x) != 0)
        return -1;
    x->read = 1;
    return 0;
}

/* Whether fact j, whose first sentence shares `shared` content words
 * with fact i's, their weighted products summing to dot, tells what fact
 * i does in other words: 1, 0, or -1 when out of memory. */
static int tells_the_same(const pass *p, size_t i, size_t j, uint32_t shared, double dot)
{
    const fact_state *x = &p->st[i], *y = &p->st[j];
    if (shared < CMP_PARAPHRASE_MIN_SHARED || x->norm <= 0 || y->norm <= 0 ||
        dot / (x->norm * y->norm) < CMP_PARAPHRASE_MIN_SIM)
        return 0;
    if (read_fact(p, i) != 0 || read_fact(p, j) != 0)
        return -1;
    const svec *vx = &p->r->vec[p->facts->f[i].sent], *vy = &p->r->vec[p->facts->f[j].sent];
    return cmp_values_agree(&x->v, &y->v) && same_claim(x, vx, y, vy);
}

/* The facts [0, n) that use each term, ascending: post[off[t]..off[t+1]). */
static int postings(const precis_cluster *c, const represent *r, const cmp_facts *facts, size_t n, arena *a,
                    uint32_t **off_out, uint32_t **post_out)
{
    uint32_t *off = arena_calloc(a, c->nterms + 2, sizeof *off);
    if (!off)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const svec *v = &r->vec[facts->f[i].sent];
        for (uint32_t k = 0; k < v->n; k++)
            off[v->term[k] + 2]++;
        total += v->n;
    }
    for (size_t t = 2; t < c->nterms + 2; t++)
        off[t] += off[t - 1];
    uint32_t *post = arena_alloc(a, (total + 1) * sizeof *post);
    if (!post)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const svec *v = &r->vec[facts->f[i].sent];
        for (uint32_t k = 0; k < v->n; k++)
            post[off[v->term[k] + 1]++] = (uint32_t)i;
    }
    *off_out = off;
    *post_out = post;
    return 0;
}

/* Give each fact the sentences of the facts it took (st[j].taken_by),
 * in cluster order. */
static int collect(const cmp_facts *facts, const fact_state *st, size_t n, arena *a)
{
    for (size_t j = 0; j < n; j++)
        if (st[j].taken_by != CMP_NONE)
            facts->f[st[j].taken_by].nsimilar += facts->f[j].nsents;
    for (size_t i = 0; i < n; i++) {
        cmp_fact *f = &facts->f[i];
        if (f->nsimilar == 0)
            continue;
        f->similar = arena_alloc(a, f->nsimilar * sizeof *f->similar);
        if (!f->similar)
            return -1;
        f->nsimilar = 0;
    }
    for (size_t j = 0; j < n; j++)
        if (st[j].taken_by != CMP_NONE) {
            cmp_fact *f = &facts->f[st[j].taken_by];
            memcpy(f->similar + f->nsimilar, facts->f[j].sents, facts->f[j].nsents * sizeof(uint32_t));
            f->nsimilar += facts->f[j].nsents;
        }
    for (size_t i = 0; i < n; i++)
        sort_ids(facts->f[i].similar, facts->f[i].nsimilar);
    return 0;
}

/* The first place in post[lo, hi) (ascending) holding a fact after i. */
static uint32_t after(const uint32_t *post, uint32_t lo, uint32_t hi, uint32_t i)
{
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (post[mid] <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Fact i (taken by none) takes the later facts that tell what it does.
 * 0 or -1. */
static int take_alike(pass *p, size_t i)
{
    const svec *v = &p->r->vec[p->facts->f[i].sent];
    uint32_t nt = 0;
    for (uint32_t k = 0; k < v->n; k++) {
        uint32_t t = v->term[k];
        for (uint32_t q = after(p->post, p->off[t], p->off[t + 1], (uint32_t)i); q < p->off[t + 1]; q++) {
            uint32_t j = p->post[q];
            if (p->shared[j]++ == 0)
                p->touched[nt++] = j;
            p->dot[j] += p->w[t] * p->w[t];
        }
    }
    int rc = 0;
    for (uint32_t k = 0; k < nt; k++) {
        uint32_t j = p->touched[k];
        /* an outlet that tells it in its own words already does not tell
         * it again in another of its sentences */
        if (rc == 0 && p->shared[j] >= CMP_PARAPHRASE_MIN_SHARED && p->st[j].taken_by == CMP_NONE &&
            !outlets_meet(p->st[i].own, p->st[j].own, p->words)) {
            int same = tells_the_same(p, i, j, p->shared[j], p->dot[j]);
            if (same > 0)
                p->st[j].taken_by = (uint32_t)i;
            rc = same < 0 ? -1 : 0;
        }
        p->shared[j] = 0;
        p->dot[j] = 0;
    }
    return rc;
}

int cmp_facts_paraphrases(const precis_cluster *c, const represent *r, const cmp_doc *docs, const cmp_quote *quotes,
                          size_t nquotes, arena *a, cmp_facts *facts)
{
    size_t n = facts->n < CMP_PARAPHRASE_MAX_FACTS ? facts->n : CMP_PARAPHRASE_MAX_FACTS;
    if (n < 2)
        return 0;
    pass p = {c, r, docs, quotes, nquotes, NULL, facts, NULL, a, (c->narticles + 63) / 64, local_weights(c, r, a),
              NULL, NULL, arena_calloc(a, n, sizeof(uint32_t)), arena_calloc(a, n, sizeof(double)),
              arena_alloc(a, n * sizeof(uint32_t))};
    uint32_t *off, *post;
    p.st = arena_alloc(a, n * sizeof *p.st);
    p.qfirst = quotes_by_article(c, quotes, nquotes, a);
    if (!p.w || !p.st || !p.qfirst || !p.shared || !p.dot || !p.touched ||
        prepare(c, r, p.w, facts, n, p.words, a, p.st) != 0 || postings(c, r, facts, n, a, &off, &post) != 0)
        return -1;
    p.off = off;
    p.post = post;
    for (size_t i = 0; i < n; i++)
        if (p.st[i].taken_by == CMP_NONE && take_alike(&p, i) != 0)
            return -1;
    if (collect(facts, p.st, n, a) != 0)
        return -1;
    size_t kept = 0;
    for (size_t i = 0; i < facts->n; i++)
        if (i >= n || p.st[i].taken_by == CMP_NONE)
            facts->f[kept++] = facts->f[i];
    facts->n = kept;
    return 0;
}

/*
 * features.c: per-sentence features for the learned scorer.
 *
 * One pass builds the cluster-level tables (how many articles hold each
 * term and each bigram, every article's term counts against the rest of
 * the cluster), then each sentence reads them. All memory comes from the
 * caller's scratch arena; the cost is linear in the tokens plus one cosine
 * per (sentence, article) pair for the lead similarity.
 */
#include "score/features.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "score/lexicon.h"
#include "score/reflen.h"
#include "select/select.h"
#include "text/segment.h"

static const char *const names[F_COUNT] = {
    "pos_inv", "pos_first", "pos_second", "pos_rel", "art_rel", "art_first", "nart_log",
    "art_words_log", "art_sim", "art_sim_rel", "words_log", "fragment", "centroid", "centroid_rel",
    "rest_sim", "rest_sim_rel", "tw_sum_rel", "tw_mean_rel", "uni_other", "bi_other", "bi_other_log",
    "support_log", "support_rel", "num_dens", "quote", "stop_ratio", "lead_sim", "question",
    "group_first", "idf_mean", "nsents_log", "dangling", "own_lead_sim", "art_frag",
    "keep_mean", "keep_low", "keep_dev", "oracle_keep", "oracle_keep_max", "oracle_keep_min", "art_wire",
    "lexicon", "lexicon_rel", "art_words_rel", "art_share", "ref_length",
    "ctx_prior", "ctx_prior_gap", "ctx_max_sim", "ctx_uni_new", "ctx_bi_new", "ctx_words", "ctx_after",
    "ctx_step", "ctx_same_art", "ctx_prev_in", "ctx_margin",
};

/* A word at this log-odds (against all words) reaches a summary about one
 * time in fifteen: page furniture, credits, links. */
#define KEEP_LOW_LOGIT (-3.0)

const char *sfeat_name(int k)
{
    return k >= 0 && k < F_COUNT ? names[k] : NULL;
}

int sfeat_find(const char *name, size_t len)
{
    for (int k = 0; k < F_COUNT; k++)
        if (strlen(names[k]) == len && !memcmp(names[k], name, len))
            return k;
    return -1;
}

/* ---- bigram article counts: open addressing on (term, term) ---------- */

typedef struct bigram_table {
    uint64_t *key;     /* UINT64_MAX = empty */
    uint32_t *last;    /* last article that added it */
    uint32_t *narts;   /* distinct articles holding it */
    size_t mask;
} bigram_table;

static uint64_t bigram_key(uint32_t a, uint32_t b)
{
    return (uint64_t)a << 32 | b;
}

static size_t bigram_slot(const bigram_table *t, uint64_t k)
{
    uint64_t h = k * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 20) & t->mask;
    while (t->key[i] != UINT64_MAX && t->key[i] != k)
        i = (i + 1) & t->mask;
    return i;
}

/* A bigram counts when at least one side is a content term: stopword pairs
 * ("of the") say nothing about what the articles share. */
static int bigram_counts(const precis_cluster *c, const sentence *s, uint32_t k)
{
    return !c->term_stop[s->tok[k]] || !c->term_stop[s->tok[k + 1]];
}

static int bigram_build(const precis_cluster *c, arena *a, bigram_table *t)
{
    size_t total = 0, cap = 16;
    for (size_t i = 0; i < c->nsents; i++)
        total += c->sents[i].ntok;
    while (cap < 2 * total)
        cap *= 2;
    t->key = arena_alloc(a, cap * sizeof *t->key);
    t->last = arena_alloc(a, cap * sizeof *t->last);
    t->narts = arena_calloc(a, cap, sizeof *t->narts);
    if (!t->key || !t->last || !t->narts)
        return -1;
    memset(t->key, 0xFF, cap * sizeof *t->key);
    t->mask = cap - 1;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        for (uint32_t k = 0; k + 1 < s->ntok; k++) {
            if (!bigram_counts(c, s, k))
                continue;
            uint64_t key = bigram_key(s->tok[k], s->tok[k + 1]);
            size_t slot = bigram_slot(t, key);
            if (t->key[slot] == UINT64_MAX) {
                t->key[slot] = key;
                t->last[slot] = s->article;
                t->narts[slot] = 1;
            } else if (t->last[slot] != s->article) {
                t->last[slot] = s->article;
                t->narts[slot]++;
            }
        }
    }
    return 0;
}

/* ---- small text checks on the sentence's bytes ------------------------ */

static int has_digit_word(const char *p, const char *e)
{
    for (; p < e; p++)
        if (*p >= '0' && *p <= '9')
            return 1;
    return 0;
}

/* Share of whitespace words that hold a digit. */
static double number_density(const char *text, const sentence *s)
{
    const char *p = text + s->start, *end = text + s->end;
    unsigned words = 0, numbers = 0;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
            p++;
        const char *w = p;
        while (p < end && !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
            p++;
        if (p > w) {
            words++;
            numbers += has_digit_word(w, p);
        }
    }
    return words ? (double)numbers / words : 0;
}

static int has_quote(const char *text, const sentence *s)
{
    if (s->flags & SENT_QUOTE)
        return 1;
    for (uint32_t i = s->start; i < s->end; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '"')
            return 1;
        /* U+201C and U+201D, curly double quotes */
        if (ch == 0xE2 && i + 2 < s->end && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D))
            return 1;
    }
    return 0;
}

static int ends_with_question(const char *text, const sentence *s)
{
    for (uint32_t i = s->end; i > s->start; i--) {
        char ch = text[i - 1];
        if (ch == '?')
            return 1;
        if (ch != '"' && ch != '\'' && ch != ')' && ch != ' ')
            return 0;
    }
    return 0;
}

/* A sentence that opens with a pronoun or a connective leans on the one
 * before it, which the summary may not carry. */
static int dangling_start(const char *text, const sentence *s)
{
    static const char *const words[] = {"he", "she", "it", "they", "this", "that", "these", "those",
                                        "his", "her", "its", "their", "but", "and", "so", "also",
                                        "however", "still", "yet", "then", "there", NULL};
    const char *p = text + s->start, *end = text + s->end;
    while (p < end && (*p == '"' || *p == '\'' || *p == ' ' || *p == '(' || *p == '-'))
        p++;
    const char *w = p;
    while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        p++;
    size_t n = (size_t)(p - w);
    if (n == 0 || n > 7 || (p < end && *p != ' ' && *p != ','))
        return 0;
    for (size_t k = 0; words[k]; k++) {
        if (strlen(words[k]) != n)
            continue;
        size_t j = 0;
        while (j < n && (w[j] | 0x20) == words[k][j])
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

/* ---- article-level similarity ---------------------------------------- */

typedef struct art_view {
    double *tf_all;     /* cluster count of each content term */
    double *tf_art;     /* the current article's counts (zeroed after use) */
    uint32_t *touched;  /* the current article's distinct terms */
    double all_norm2;   /* |tf_all * idf|^2 */
} art_view;

/* Fill tf_art for article d; returns its distinct content terms count. */
static size_t article_terms(const precis_cluster *c, art_view *v, size_t d)
{
    const article *art = &c->articles[d];
    size_t n = 0;
    for (uint32_t i = art->first; i < art->first + art->count; i++) {
        const sentence *s = &c->sents[i];
        for (uint32_t k = 0; k < s->ntok; k++) {
            uint32_t t = s->tok[k];
            if (c->term_stop[t])
                continue;
            if (v->tf_art[t] == 0)
                v->touched[n++] = t;
            v->tf_art[t] += 1;
        }
    }
    return n;
}

/* Cosine of the article (tf_art) with the rest of the cluster, and the
 * norm of the rest, from sums over the article's own terms only. */
static double article_vs_rest(const precis_cluster *c, const art_view *v, size_t n, double *rest_norm)
{
    double dot = 0, self2 = 0, rest2 = v->all_norm2;
    for (size_t k = 0; k < n; k++) {
        uint32_t t = v->touched[k];
        double idf2 = c->term_idf[t] * c->term_idf[t];
        double a = v->tf_art[t], all = v->tf_all[t], rest = all - a;
        dot += a * rest * idf2;
        self2 += a * a * idf2;
        rest2 -= (all * all - rest * rest) * idf2;
    }
    *rest_norm = rest2 > 1e-12 ? sqrt(rest2) : 0;
    return self2 > 0 && *rest_norm > 0 ? dot / (sqrt(self2) * *rest_norm) : 0;
}

/* ---- per-sentence assembly -------------------------------------------- */

static double safe_div(double x, double y)
{
    return y > 0 ? x / y : 0;
}

/* Features that need only the sentence and the cluster-level tables. */
static void sentence_features(const precis_cluster *c, const represent *r, const bigram_table *bt,
                              const uint32_t *term_narts, size_t i, uint32_t story_pos, float *x)
{
    const sentence *s = &c->sents[i];
    const article *art = &c->articles[s->article];
    const char *text = art->text;
    double nart = (double)c->narticles;
    x[F_POS_INV] = (float)(1.0 / sqrt(1.0 + story_pos));
    x[F_POS_FIRST] = story_pos == 0 && !sentence_is_fragment(s);
    x[F_POS_SECOND] = story_pos == 1 && !sentence_is_fragment(s);
    x[F_POS_REL] = (float)safe_div(s->pos, art->count);
    x[F_ART_REL] = (float)(s->article / nart);
    x[F_ART_FIRST] = s->article == 0;
    x[F_NART_LOG] = (float)log(nart);
    x[F_WORDS_LOG] = (float)log(1.0 + s->words);
    x[F_FRAGMENT] = (float)sentence_is_fragment(s);
    /* Shares of the other articles, not counts, so that 3 and 25 articles
     * read on one scale. */
    uint32_t content = 0, bigrams = 0;
    double idf = 0, shared = 0, bishared = 0, others = nart > 1 ? nart - 1 : 1;
    double keep = 0, low = 0, okeep = 0, okmax = -INFINITY, okmin = INFINITY;
    const float *keep_of = c->engine->keep, *okeep_of = c->engine->oracle_keep;
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t t = s->tok[k];
        if (!c->term_stop[t]) {
            double kw = keep_of[c->term_global[t]];
            keep += kw;
            double ok = okeep_of[c->term_global[t]];
            okeep += ok;
            okmax = ok > okmax ? ok : okmax;
            okmin = ok < okmin ? ok : okmin;
            low += kw < KEEP_LOW_LOGIT;
            content++;
            shared += (term_narts[t] - 1) / others;
            idf += c->term_idf[t];
        }
        if (k + 1 < s->ntok && bigram_counts(c, s, k)) {
            bigrams++;
            size_t slot = bigram_slot(bt, bigram_key(t, s->tok[k + 1]));
            bishared += (bt->narts[slot] - 1) / others;
        }
    }
    x[F_UNI_OTHER] = (float)safe_div(shared, content);
    x[F_BI_OTHER] = (float)safe_div(bishared, bigrams);
    x[F_BI_OTHER_LOG] = (float)log(1.0 + bishared);
    x[F_IDF_MEAN] = (float)(safe_div(idf, content) / 10.0);
    x[F_KEEP_MEAN] = (float)safe_div(keep, content);
    x[F_KEEP_LOW] = (float)safe_div(low, content);
    x[F_ORACLE_KEEP] = (float)safe_div(okeep, content);
    x[F_ORACLE_KEEP_MAX] = content ? (float)okmax : 0;
    x[F_ORACLE_KEEP_MIN] = content ? (float)okmin : 0;
    x[F_STOP_RATIO] = (float)safe_div(s->ntok - s->ncontent, s->ntok);
    x[F_SUPPORT_LOG] = (float)log((double)r->support[i]);
    x[F_SUPPORT_REL] = c->narticles > 1 ? (float)((r->support[i] - 1.0) / (nart - 1.0)) : 0;
    x[F_NUM_DENS] = (float)number_density(text, s);
    x[F_QUOTE] = (float)has_quote(text, s);
    x[F_QUESTION] = (float)ends_with_question(text, s);
    x[F_GROUP_FIRST] = r->group[i] == i;
    x[F_NSENTS_LOG] = (float)log((double)c->nsents);
    x[F_DANGLING] = (float)dangling_start(text, s);
    x[F_LEXICON] = (float)lexicon_score(c, s);
}

double centroid_similarity(const represent *r, size_t i);

/* Divide feature k by its cluster maximum into feature rel. */
static void relative(float *x, size_t n, int k, int rel)
{
    float max = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i * F_COUNT + k] > max)
            max = x[i * F_COUNT + k];
    for (size_t i = 0; i < n; i++)
        x[i * F_COUNT + rel] = max > 0 ? x[i * F_COUNT + k] / max : 0;
}

/* Article similarity, rest-of-cluster similarity and article length. */
/* 1 if an agency's mark in brackets, "(AP)" or "( reuters )", stands in
 * the first bytes of the text, where a wire story's dateline puts it. */
static int opens_as_wire_copy(const char *text, size_t len)
{
    static const char *const agencies[] = {"ap", "reuters", "afp", "upi", "xinhua", "ap photo"};
    size_t end = len < 160 ? len : 160;
    for (size_t i = 0; i < end; i++) {
        if (text[i] != '(')
            continue;
        size_t j = i + 1;
        while (j < len && text[j] == ' ')
            j++;
        for (size_t k = 0; k < sizeof agencies / sizeof *agencies; k++) {
            size_t n = strlen(agencies[k]), e = j + n;
            if (e > len || strncasecmp(text + j, agencies[k], n) != 0)
                continue;
            while (e < len && text[e] == ' ')
                e++;
            if (e < len && text[e] == ')')
                return 1;
        }
    }
    return 0;
}

static int article_features(const precis_cluster *c, const represent *r, arena *a, float *x)
{
    size_t nt = c->nterms;
    art_view v = {arena_calloc(a, nt + 1, sizeof(double)), arena_calloc(a, nt + 1, sizeof(double)),
                  arena_alloc(a, (nt + 1) * sizeof(uint32_t)), 0};
    double *art_sim = arena_alloc(a, (c->narticles + 1) * sizeof *art_sim);
    uint32_t *art_words = arena_alloc(a, (c->narticles + 1) * sizeof *art_words);
    if (!v.tf_all || !v.tf_art || !v.touched || !art_sim || !art_words)
        return -1;
    /* The story's main source is often its longest report, and Multi-News
     * drops later articles to fit, so an article's length only means
     * something beside the others'. */
    uint32_t longest = 0, total = 0;
    for (size_t d = 0; d < c->narticles; d++) {
        const article *art = &c->articles[d];
        art_words[d] = 0;
        for (uint32_t i = art->first; i < art->first + art->count; i++)
            art_words[d] += c->sents[i].words;
        longest = art_words[d] > longest ? art_words[d] : longest;
        total += art_words[d];
    }
    for (size_t i = 0; i < c->nsents; i++)
        for (uint32_t k = 0; k < c->sents[i].ntok; k++)
            if (!c->term_stop[c->sents[i].tok[k]])
                v.tf_all[c->sents[i].tok[k]] += 1;
    for (size_t t = 0; t < nt; t++)
        v.all_norm2 += v.tf_all[t] * v.tf_all[t] * c->term_idf[t] * c->term_idf[t];
    double best = 0;
    for (size_t d = 0; d < c->narticles; d++) {
        const article *art = &c->articles[d];
        size_t n = article_terms(c, &v, d);
        double rest_norm;
        art_sim[d] = article_vs_rest(c, &v, n, &rest_norm);
        if (art_sim[d] > best)
            best = art_sim[d];
        uint32_t frags = 0;
        for (uint32_t i = art->first; i < art->first + art->count; i++)
            frags += (uint32_t)sentence_is_fragment(&c->sents[i]);
        int wire = opens_as_wire_copy(art->text, art->len);
        for (uint32_t i = art->first; i < art->first + art->count; i++) {
            const svec *sv = &r->vec[i];
            double dot = 0;
            for (uint32_t k = 0; k < sv->n; k++) {
                uint32_t t = sv->term[k];
                dot += sv->w[k] * (v.tf_all[t] - v.tf_art[t]) * c->term_idf[t];
            }
            float *xi = x + (size_t)i * F_COUNT;
            /* A one-article cluster has no rest: fall back on the centroid. */
            xi[F_REST_SIM] = (float)(rest_norm > 0 ? dot / rest_norm : xi[F_CENTROID]);
            xi[F_ART_SIM] = (float)(c->narticles > 1 ? art_sim[d] : 1.0);
            xi[F_ART_WORDS_LOG] = (float)log(1.0 + art_words[d]);
            xi[F_ART_WORDS_REL] = (float)safe_div(art_words[d], longest);
            xi[F_ART_SHARE] = (float)safe_div(art_words[d], total);
            xi[F_ART_FRAG] = (float)safe_div(frags, art->count);
            xi[F_ART_WIRE] = (float)wire;
        }
        for (size_t k = 0; k < n; k++)
            v.tf_art[v.touched[k]] = 0;
    }
    for (size_t i = 0; i < c->nsents; i++) {
        float *xi = x + i * F_COUNT;
        xi[F_ART_SIM_REL] = c->narticles > 1 ? (float)safe_div(art_sim[c->sents[i].article], best) : 1.0f;
    }
    return 0;
}

/* Cluster weight of each sentence's distinct content terms. */
static void term_weight_features(const precis_cluster *c, const represent *r, float *x)
{
    double max_sum = 0, max_mean = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const svec *v = &r->vec[i];
        double sum = 0;
        for (uint32_t k = 0; k < v->n; k++)
            sum += r->term_weight[v->term[k]];
        double mean = safe_div(sum, c->sents[i].ntok);
        x[i * F_COUNT + F_TW_SUM_REL] = (float)sum;
        x[i * F_COUNT + F_TW_MEAN_REL] = (float)mean;
        max_sum = sum > max_sum ? sum : max_sum;
        max_mean = mean > max_mean ? mean : max_mean;
    }
    for (size_t i = 0; i < c->nsents; i++) {
        x[i * F_COUNT + F_TW_SUM_REL] = (float)safe_div(x[i * F_COUNT + F_TW_SUM_REL], max_sum);
        x[i * F_COUNT + F_TW_MEAN_REL] = (float)safe_div(x[i * F_COUNT + F_TW_MEAN_REL], max_mean);
    }
}

/* Best cosine with the first story sentence of any other article. The
 * dot products go through an inverted index of the lead sentences' terms,
 * so the cost follows shared terms rather than sentences x articles (a
 * cluster of 15,000 articles took hours); each sum is added in the same
 * term order as svec_dot, so the values are the same. */
static int lead_similarity(const precis_cluster *c, const represent *r, arena *a, float *x)
{
    uint32_t *lead = arena_alloc(a, (c->narticles + 1) * sizeof *lead);
    uint32_t *first = arena_calloc(a, c->nterms + 2, sizeof *first);
    double *acc = arena_calloc(a, c->narticles + 1, sizeof *acc);
    uint32_t *touched = arena_alloc(a, (c->narticles + 1) * sizeof *touched);
    uint32_t *stamp = arena_calloc(a, c->narticles + 1, sizeof *stamp);
    if (!lead || !first || !acc || !touched || !stamp)
        return -1;
    size_t npost = 0;
    for (size_t d = 0; d < c->narticles; d++) {
        lead[d] = article_lead(c, d);
        if (lead[d] != UINT32_MAX)
            for (uint32_t k = 0; k < r->vec[lead[d]].n; k++, npost++)
                first[r->vec[lead[d]].term[k] + 1]++;
    }
    for (size_t t = 0; t < c->nterms; t++)
        first[t + 1] += first[t];
    uint32_t *post_art = arena_alloc(a, (npost + 1) * sizeof *post_art);
    float *post_w = arena_alloc(a, (npost + 1) * sizeof *post_w);
    uint32_t *fill = arena_alloc(a, (c->nterms + 1) * sizeof *fill);
    if (!post_art || !post_w || !fill)
        return -1;
    memcpy(fill, first, c->nterms * sizeof *fill);
    for (size_t d = 0; d < c->narticles; d++)
        if (lead[d] != UINT32_MAX) {
            const svec *l = &r->vec[lead[d]];
            for (uint32_t k = 0; k < l->n; k++) {
                uint32_t p = fill[l->term[k]]++;
                post_art[p] = (uint32_t)d;
                post_w[p] = l->w[k];
            }
        }
    for (size_t i = 0; i < c->nsents; i++) {
        const svec *v = &r->vec[i];
        size_t nt = 0;
        for (uint32_t k = 0; k < v->n; k++) {
            uint32_t t = v->term[k];
            for (uint32_t p = first[t]; p < first[t + 1]; p++) {
                uint32_t d = post_art[p];
                if (stamp[d] != i + 1) {
                    stamp[d] = (uint32_t)i + 1;
                    acc[d] = 0;
                    touched[nt++] = d;
                }
                acc[d] += (double)v->w[k] * post_w[p];
            }
        }
        double best = 0;
        uint32_t own = c->sents[i].article;
        for (size_t k = 0; k < nt; k++)
            if (touched[k] != own && acc[touched[k]] > best)
                best = acc[touched[k]];
        x[i * F_COUNT + F_LEAD_SIM] = (float)best;
        x[i * F_COUNT + F_OWN_LEAD_SIM] =
            lead[own] == UINT32_MAX || lead[own] == i ? 1.0f : (float)svec_dot(&r->vec[i], &r->vec[lead[own]]);
    }
    return 0;
}

int sfeat_compute(const precis_cluster *c, const represent *r, arena *a, float *x)
{
    size_t n = c->nsents;
    bigram_table bt;
    uint32_t *term_narts = arena_calloc(a, c->nterms + 1, sizeof *term_narts);
    uint32_t *term_last = arena_alloc(a, (c->nterms + 1) * sizeof *term_last);
    if (!term_narts || !term_last || bigram_build(c, a, &bt) != 0 || engine_lexicon(c->engine) != 0)
        return -1;
    memset(term_last, 0xFF, (c->nterms + 1) * sizeof *term_last);
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < c->sents[i].ntok; k++) {
            uint32_t t = c->sents[i].tok[k];
            if (term_last[t] != c->sents[i].article) {
                term_last[t] = c->sents[i].article;
                term_narts[t]++;
            }
        }
    for (size_t d = 0; d < c->narticles; d++) {
        const article *art = &c->articles[d];
        uint32_t story = 0;
        for (uint32_t i = art->first; i < art->first + art->count; i++) {
            sentence_features(c, r, &bt, term_narts, i, story, x + (size_t)i * F_COUNT);
            story += !sentence_is_fragment(&c->sents[i]);
        }
    }
    for (size_t i = 0; i < n; i++)
        x[i * F_COUNT + F_CENTROID] = (float)centroid_similarity(r, i);
    if (article_features(c, r, a, x) != 0 || lead_similarity(c, r, a, x) != 0)
        return -1;
    term_weight_features(c, r, x);
    relative(x, n, F_CENTROID, F_CENTROID_REL);
    relative(x, n, F_REST_SIM, F_REST_SIM_REL);
    float lex_max = -INFINITY;
    for (size_t i = 0; i < n; i++)
        lex_max = x[i * F_COUNT + F_LEXICON] > lex_max ? x[i * F_COUNT + F_LEXICON] : lex_max;
    for (size_t i = 0; i < n; i++)
        x[i * F_COUNT + F_LEXICON_REL] = x[i * F_COUNT + F_LEXICON] - lex_max;
    double ref_length;
    if (reflen_predict(c, a, &ref_length) != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        x[i * F_COUNT + F_REF_LENGTH] = (float)ref_length;
    double mean = 0;
    for (size_t i = 0; i < n; i++)
        mean += x[i * F_COUNT + F_KEEP_MEAN];
    mean = safe_div(mean, (double)n);
    for (size_t i = 0; i < n; i++)
        x[i * F_COUNT + F_KEEP_DEV] = (float)(x[i * F_COUNT + F_KEEP_MEAN] - mean);
    for (size_t i = 0; i < n; i++)
        for (int k = F_CTX_PRIOR; k < F_COUNT; k++)
            x[i * F_COUNT + k] = 0;
    return 0;
}

const float *sfeat_rows(const precis_cluster *c, const represent *r, arena *a)
{
    if (r->features && *r->features)
        return *r->features;
    float *x = arena_alloc(a, (c->nsents + 1) * F_COUNT * sizeof *x);
    if (!x || sfeat_compute(c, r, a, x) != 0)
        return NULL;
    if (r->features)
        *r->features = x;
    return x;
}

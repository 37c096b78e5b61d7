/*
 * cluster.c: building a cluster article by article:
 * validate -> clean (furniture) -> segment -> tokenize/stem.
 */
#include "model/cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/page_dateline.h"
#include "clean/caption.h"
#include "clean/furniture.h"
#include "clean/quotation.h"
#include "clean/sentence_edges.h"
#include "clean/wire_markup.h"
#include "core/error.h"
#include "text/segment.h"
#include "text/token.h"
#include "text/utf8.h"
#include "text/shown.h"
#include "text/whitespace.h"

precis_status precis_cluster_new(precis_engine *engine, const char *id, precis_cluster **out,
                                 precis_error *err)
{
    *out = NULL;
    precis_cluster *c = calloc(1, sizeof *c);
    if (!c)
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
    c->engine = engine;
    arena_init(&c->mem, 65536);
    u32map_init(&c->local_of);
    c->id = arena_strndup(&c->mem, id ? id : "", id ? strlen(id) : 0);
    if (!c->id) {
        precis_cluster_free(c);
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
    }
    *out = c;
    return PRECIS_OK;
}

void precis_cluster_free(precis_cluster *c)
{
    if (!c)
        return;
    arena_free(&c->mem);
    u32map_free(&c->local_of);
    free(c->articles);
    free(c->sents);
    free(c->term_global);
    free(c->term_stop);
    free(c->term_idf);
    free(c);
}

size_t precis_cluster_articles(const precis_cluster *c) { return c->narticles; }
size_t precis_cluster_sentences(const precis_cluster *c) { return c->nsents; }
const char *precis_cluster_id(const precis_cluster *c) { return c->id; }
size_t precis_cluster_left_out(const precis_cluster *c) { return c->nleft_out; }

const char *precis_cluster_left_out_id(const precis_cluster *c, size_t i)
{
    return i < c->nleft_out ? c->left_out[i] : NULL;
}

static int grow_terms(precis_cluster *c)
{
    size_t cap = c->terms_cap ? c->terms_cap * 2 : 1024;
    uint32_t *g = realloc(c->term_global, cap * sizeof *g);
    if (!g)
        return -1;
    c->term_global = g;
    uint8_t *s = realloc(c->term_stop, cap);
    if (!s)
        return -1;
    c->term_stop = s;
    double *idf = realloc(c->term_idf, cap * sizeof *idf);
    if (!idf)
        return -1;
    c->term_idf = idf;
    c->terms_cap = cap;
    return 0;
}

uint32_t cluster_local_term(precis_cluster *c, uint32_t global)
{
    uint32_t local = u32map_get(&c->local_of, global);
    if (local != UINT32_MAX)
        return local;
    if (c->nterms == c->terms_cap && grow_terms(c) != 0)
        return UINT32_MAX;
    local = (uint32_t)c->nterms;
    if (u32map_put(&c->local_of, global, local) != 0)
        return UINT32_MAX;
    c->term_global[local] = global;
    c->term_stop[local] = c->engine->term_stop[global];
    c->term_idf[local] = engine_idf(c->engine, global);
    c->nterms++;
    return local;
}

static int reserve_sentences(precis_cluster *c, size_t extra)
{
    if (c->nsents + extra <= c->sents_cap)
        return 0;
    size_t cap = c->sents_cap ? c->sents_cap : 256;
    while (cap < c->nsents + extra)
        cap *= 2;
    sentence *s = realloc(c->sents, cap * sizeof *s);
    if (!s)
        return -1;
    c->sents = s;
    c->sents_cap = cap;
    return 0;
}

/* Tokenize one sentence into the arena. Returns 0, or -1 out of memory. */
static int tokenize_sentence(precis_cluster *c, const char *text, sentence *s)
{
    buf *scratch = &c->engine->scratch;
    /* A token is at least one byte plus a separator, except the last. */
    size_t cap = (s->end - s->start) / 2 + 1;
    uint32_t *tok = arena_alloc(&c->mem, cap * sizeof *tok);
    if (!tok)
        return -1;
    size_t pos = s->start, n = 0, content = 0;
    token t;
    while (n < cap && token_next(text, s->end, &pos, &t, scratch)) {
        uint32_t g = engine_term(c->engine, t.norm, t.norm_len);
        if (g == STRMAP_NONE)
            return -1;
        uint32_t l = cluster_local_term(c, g);
        if (l == UINT32_MAX)
            return -1;
        tok[n++] = l;
        content += !c->term_stop[l];
    }
    s->tok = tok;
    s->ntok = (uint32_t)n;
    s->ncontent = (uint32_t)content;
    s->words = (uint32_t)count_words(text, s->start, s->end);
    /* as printed: a control character is shown as U+FFFD (text/shown.h) */
    s->bytes = (uint32_t)(ws_collapse(text, s->start, s->end, NULL) + shown_growth(text + s->start, s->end - s->start)) + 1;
    return 0;
}

static precis_status check_text(const char *where, const char *text, size_t len, precis_error *err)
{
    if (len > PRECIS_MAX_ARTICLE_BYTES)
        return error_set(err, PRECIS_ERR_TOO_LARGE, where, 0,
                         "article of %zu bytes is over the limit of %zu bytes", len,
                         (size_t)PRECIS_MAX_ARTICLE_BYTES);
    size_t bad;
    int rc = utf8_check(text, len, &bad);
    if (rc == 2)
        return error_set(err, PRECIS_ERR_BINARY, where, utf8_line_of(text, bad),
                         "NUL byte at offset %zu: binary data, not text", bad);
    if (rc == 1)
        return error_set(err, PRECIS_ERR_UTF8, where, utf8_line_of(text, bad),
                         "invalid UTF-8 at byte offset %zu", bad);
    return PRECIS_OK;
}

/* An article whose text stops in the middle of a long sentence was cut
 * (a feed excerpt, a truncated page, Multi-News's clipped sources). That
 * last sentence still states a fact, so it may be chosen, marked as cut so
 * renderers can show it ends early. A short unterminated last line is a
 * caption or a byline, and one with few function words is a list of
 * links or contacts (how wire copy ends): neither is a cut sentence. */
#define CUT_MIN_WORDS 12
#define CUT_MIN_STOP_SHARE 0.3

static void mark_cut_end(sentence *s)
{
    if (!(s->flags & SENT_UNTERMINATED) || (s->flags & SENT_TRUNCATED) || s->words < CUT_MIN_WORDS)
        return;
    if (s->ntok - s->ncontent >= CUT_MIN_STOP_SHARE * s->ntok) {
        s->flags |= SENT_CUT;
        s->bytes += sizeof PRECIS_CUT_MARK - 1;
    }
}

/* Remember an article that was given but held no story text, so that the
 * brief can say so. Out of memory, it goes unremembered: the caller has
 * the error for it anyway. */
static void note_left_out(precis_cluster *c, const char *id)
{
    if (c->nleft_out == c->left_out_cap) {
        size_t cap = c->left_out_cap ? 2 * c->left_out_cap : 4;
        const char **grown = arena_grow(&c->mem, c->left_out, c->left_out_cap, cap, sizeof *grown);
        if (!grown)
            return;
        c->left_out = grown;
        c->left_out_cap = cap;
    }
    c->left_out[c->nleft_out++] = id;
}

/* A caption heads the page: only an article's first few sentences, before
 * its first story sentence, are asked about (clean/caption.h). */
#define CAPTION_LEADING 3

precis_status precis_cluster_add(precis_cluster *c, const char *doc_id, const char *text, size_t len,
                                 precis_error *err)
{
    char auto_id[32];
    if (!doc_id) {
        snprintf(auto_id, sizeof auto_id, "%zu", c->narticles + 1);
        doc_id = auto_id;
    }
    precis_status st = check_text(doc_id, text, len, err);
    if (st != PRECIS_OK)
        return st;
    if (c->narticles >= PRECIS_MAX_ARTICLES)
        return error_set(err, PRECIS_ERR_TOO_LARGE, doc_id, 0, "more than %d articles in one cluster",
                         PRECIS_MAX_ARTICLES);
    if (c->total_bytes + len > PRECIS_MAX_CLUSTER_BYTES)
        return error_set(err, PRECIS_ERR_TOO_LARGE, doc_id, 0, "cluster over %zu bytes",
                         (size_t)PRECIS_MAX_CLUSTER_BYTES);
    if (c->narticles == c->articles_cap) {
        size_t cap = c->articles_cap ? c->articles_cap * 2 : 16;
        article *a = realloc(c->articles, cap * sizeof *a);
        if (!a)
            return error_set(err, PRECIS_ERR_NOMEM, doc_id, 0, "out of memory");
        c->articles = a;
        c->articles_cap = cap;
    }
    article *a = &c->articles[c->narticles];
    a->id = arena_strndup(&c->mem, doc_id, strlen(doc_id));
    a->text = arena_strndup(&c->mem, text, len);
    a->len = (uint32_t)len;
    a->first = (uint32_t)c->nsents;
    a->count = 0;
    if (!a->id || !a->text)
        return error_set(err, PRECIS_ERR_NOMEM, doc_id, 0, "out of memory");

    if (is_news_budget(a->text, len)) {
        note_left_out(c, a->id);
        return error_set(err, PRECIS_ERR_EMPTY, doc_id, 0,
                         "a news service's budget (the day's list of stories for editors), not a story");
    }
    span *kept = NULL;
    size_t nkept = furniture_keep(&c->mem, a->text, len, &kept);
    if (nkept != (size_t)-1)
        nkept = wire_markup_cut(&c->mem, a->text, kept, nkept, &kept);
    seg_sentence *seg = NULL;
    size_t nseg = nkept == (size_t)-1 ? (size_t)-1 : segment_sentences(&c->mem, a->text, kept, nkept, &seg);
    if (nseg == (size_t)-1 || reserve_sentences(c, nseg) != 0)
        return error_set(err, PRECIS_ERR_NOMEM, doc_id, 0, "out of memory");
    if (c->nsents + nseg > PRECIS_MAX_SENTENCES)
        return error_set(err, PRECIS_ERR_TOO_LARGE, doc_id, 0, "more than %d sentences in one cluster",
                         PRECIS_MAX_SENTENCES);
    int leading = 1; /* no story sentence yet: a caption may still come */
    quote_track quotes = {0, 0, 0};
    for (size_t i = 0; i < nseg; i++) {
        sentence *s = &c->sents[c->nsents];
        memset(s, 0, sizeof *s);
        s->article = (uint32_t)c->narticles;
        s->pos = a->count;
        s->start = seg[i].start;
        s->end = seg[i].end;
        s->flags = seg[i].flags;
        if (leading) /* the player heads the page, before the story and after any caption */
            s->start += (uint32_t)video_close_length(a->text + s->start, s->end - s->start);
        uint32_t open = s->start;
        s->start += (uint32_t)furniture_prefix_length(a->text + s->start, s->end - s->start);
        if (furniture_ends_with_caption_label(a->text + open, s->start - open))
            s->flags |= SENT_BOILERPLATE;
        size_t cut = caption_prefix_length(a->text + s->start, s->end - s->start);
        if (cut) {
            s->start += (uint32_t)cut;
            s->start += (uint32_t)furniture_prefix_length(a->text + s->start, s->end - s->start);
        }
        if (leading) /* an author's line opens the story, after any headline */
            s->start += (uint32_t)byline_length(a->text + s->start, s->end - s->start);
        if (a->count == 0 || cut)
            s->start += (uint32_t)dateline_length(a->text + s->start, s->end - s->start);
        else
            s->start += (uint32_t)wire_dateline_length(a->text + s->start, s->end - s->start);
        s->start += (uint32_t)agency_dateline_length(a->text + s->start, s->end - s->start);
        if (leading || cut) /* a bare place is a dateline only where the story begins */
            s->start += (uint32_t)place_dateline_length(a->text + s->start, s->end - s->start);
        int header_only;
        size_t header = running_header_length(a->text + s->start, s->end - s->start, &header_only);
        if (header_only)
            s->flags |= SENT_BOILERPLATE; /* a running story's name and time, no update */
        else
            s->start += (uint32_t)header;
        const char *body = a->text + s->start;
        size_t tlen = s->end - s->start;
        int q = quote_track_next(&quotes, body, tlen, a->count == 0);
        if (q & QUOTE_UNPAIRED)
            s->flags |= SENT_PART_QUOTE | SENT_QUOTE_PIECE;
        if (a->count > 0 && (opens_leaning_back(body, tlen) || is_whole_quotation(body, tlen)))
            s->flags |= SENT_LEANS_BACK;
        else if (a->count > 0) {
            const sentence *p = &c->sents[c->nsents - 1]; /* the article's sentence before */
            if (speaker_named_before(a->text + p->start, p->end - p->start, body, tlen))
                s->flags |= SENT_LEANS_BACK;
        }
        /* A sentence that starts inside a quotation is the rest of
         * someone's words: it goes with the sentence before, where they
         * began; and when that one opened the quotation without saying
         * whose words they are (`" We will not close a single library.`
         * before `We will find the money, " the mayor said.`), it leans
         * forward on this one (clean/quotation.h). */
        if (q & QUOTE_LEANS_BACK)
            s->flags |= SENT_LEANS_BACK | SENT_QUOTE_PIECE;
        if (q & QUOTE_PREV_FORWARD)
            c->sents[c->nsents - 1].flags |= SENT_LEANS_FORWARD | SENT_QUOTE_PIECE;
        if (q & QUOTE_SELF_FORWARD)
            s->flags |= SENT_LEANS_FORWARD | SENT_QUOTE_PIECE;
        if (engine_is_boilerplate(c->engine, a->text + s->start, s->end - s->start) ||
            opens_with_link_label(body, tlen) || opens_with_follow_prompt(body, tlen) || is_reader_prompt(body, tlen) ||
            is_note_to_editors(body, tlen) ||
            holds_contact_details(body, tlen))
            s->flags |= SENT_BOILERPLATE;
        if ((leading && a->count < CAPTION_LEADING && is_photo_caption(a->text + s->start, s->end - s->start)) ||
            photo_credit_follows(a->text + s->end, len - s->end))
            s->flags |= SENT_CAPTION;
        else if (!(s->flags & (SENT_UNTERMINATED | SENT_BOILERPLATE)))
            leading = 0; /* a page's notice ("Breaking news emails ...") is no story sentence */
        if (tokenize_sentence(c, a->text, s) != 0)
            return error_set(err, PRECIS_ERR_NOMEM, doc_id, 0, "out of memory");
        if (s->ntok == 0)
            continue; /* punctuation only: nothing to summarize */
        c->nsents++;
        a->count++;
    }
    if (a->count > 0)
        mark_cut_end(&c->sents[c->nsents - 1]);
    if (a->count == 0) {
        c->nsents = a->first;
        note_left_out(c, a->id);
        return error_set(err, PRECIS_ERR_EMPTY, doc_id, 0, "article has no story text");
    }
    c->total_bytes += len;
    c->narticles++;
    return PRECIS_OK;
}

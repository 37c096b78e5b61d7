/*
 * html.c: main-text extraction from news pages; see html.h.
 *
 * Two walks over the gumbo tree, both in document order, so an element's
 * pre-order index names it in both:
 *
 *   1. measure: for every element, its visible text length, the part of it
 *      inside links, its commas, and whether it is junk (a tag or class
 *      that never holds story text). Paragraph-like blocks score their
 *      parent and grandparent. Metadata (title, date, byline) is picked up
 *      on the way.
 *   2. emit: the text of the chosen containers, block by block, leaving out
 *      junk and link-heavy blocks.
 */
#include "io/html.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/error.h"

typedef struct elem {
    const GumboNode *node;
    int32_t parent;        /* index, -1 for the root */
    uint32_t text;         /* visible text bytes below (whitespace collapsed) */
    uint32_t links;        /* of which inside <a> */
    uint32_t commas;
    double score;
    uint8_t junk;          /* never story text */
    uint8_t scored;        /* has received paragraph scores */
    uint8_t para;          /* a paragraph-like block */
} elem;

typedef struct walker {
    elem *e;
    size_t n, cap;
    html_doc *doc;
    int have_title_meta, have_date, have_byline;
    int oom;
} walker;

/* ---- Classifying elements -------------------------------------------- */

static int is_block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR: case GUMBO_TAG_BR: case GUMBO_TAG_BODY:
        return 1;
    default:
        return 0;
    }
}

static int is_junk_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
        return 1;
    default:
        return 0;
    }
}

static const char *attr(const GumboNode *n, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* Lower-cased "class id" of an element into out (cap bytes). */
static void class_and_id(const GumboNode *n, char *out, size_t cap)
{
    const char *c = attr(n, "class"), *id = attr(n, "id");
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? id : c;
        if (!s)
            continue;
        if (k && k + 1 < cap)
            out[k++] = ' ';
        for (; *s && k + 1 < cap; s++)
            out[k++] = (char)tolower((unsigned char)*s);
    }
    out[k] = '\0';
}

static int has_any(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strstr(s, *words))
            return 1;
    return 0;
}

/* "ad" and "ads" only as whole class tokens: "header", "read", "shadow"
 * and "download" hold them too. */
static int has_ad_token(const char *s)
{
    while (*s) {
        while (*s && !isalnum((unsigned char)*s))
            s++;
        const char *w = s;
        while (isalnum((unsigned char)*s))
            s++;
        size_t n = (size_t)(s - w);
        if ((n == 2 && !memcmp(w, "ad", 2)) || (n == 3 && !memcmp(w, "ads", 3)))
            return 1;
    }
    return 0;
}

static const char *const always_junk[] = {
    "comment", "disqus", "related", "share", "sharing", "social", "sponsor", "outbrain",
    "taboola", "newsletter", "subscribe", "cookie", "promo", "advert", "breadcrumb",
    "popup", "modal", "recommend", "most-read", "mostread", "trending", "signup",
    "paywall", "gdpr", "consent", "skip-link", NULL};
static const char *const maybe_junk[] = {
    "sidebar", "footer", "header", "menu", "nav", "banner", "widget", "masthead",
    "toolbar", "pagination", "pager", "rail", "extra", "supplement", "tags", NULL};
static const char *const content_words[] = {
    "article", "content", "entry", "main", "story", "post", "body", "text", NULL};
static const char *const negative_words[] = {
    "sidebar", "footer", "meta", "caption", "credit", "hidden", "byline", "author",
    "timestamp", "dateline", "widget", NULL};

static int is_byline_class(const char *ci)
{
    return strstr(ci, "byline") != NULL;
}

static int is_hidden(const GumboNode *n)
{
    if (attr(n, "hidden"))
        return 1;
    const char *aria = attr(n, "aria-hidden");
    if (aria && !strcmp(aria, "true"))
        return 1;
    const char *style = attr(n, "style");
    if (style) {
        char low[256];
        size_t k = 0;
        for (const char *s = style; *s && k + 1 < sizeof low; s++)
            if (!isspace((unsigned char)*s))
                low[k++] = (char)tolower((unsigned char)*s);
        low[k] = '\0';
        if (strstr(low, "display:none") || strstr(low, "visibility:hidden"))
            return 1;
    }
    return 0;
}

static int ieq(const char *a, const char *b)
{
    return a && !strcasecmp(a, b);
}

static int is_junk(const GumboNode *n, const char *ci)
{
    GumboTag t = n->v.element.tag;
    if (is_junk_tag(t) || is_hidden(n))
        return 1;
    /* Dates and author names are metadata (taken before this), not text. */
    if (t == GUMBO_TAG_TIME || ieq(attr(n, "itemprop"), "author") || ieq(attr(n, "rel"), "author"))
        return 1;
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
        return 0;
    const char *role = attr(n, "role");
    if (role && (!strcmp(role, "navigation") || !strcmp(role, "complementary") ||
                 !strcmp(role, "banner") || !strcmp(role, "contentinfo") || !strcmp(role, "dialog")))
        return 1;
    if (!*ci)
        return 0;
    if (has_any(ci, always_junk) || has_ad_token(ci) || is_byline_class(ci))
        return 1;
    return has_any(ci, maybe_junk) && !has_any(ci, content_words);
}

static double class_weight(const GumboNode *n)
{
    char ci[512];
    class_and_id(n, ci, sizeof ci);
    double w = 0;
    if (has_any(ci, content_words))
        w += 25;
    if (has_any(ci, negative_words))
        w -= 25;
    return w;
}

static double tag_weight(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ARTICLE: return 10;
    case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION: case GUMBO_TAG_DIV: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
    }
}

/* ---- Text helpers ----------------------------------------------------- */

/* Visible length of a text node with white space runs counted as one. */
static uint32_t collapsed_len(const char *s, uint32_t *commas)
{
    uint32_t n = 0;
    int space = 1;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            if (!space)
                n++;
            space = 1;
        } else {
            n++;
            space = 0;
            if (*s == ',')
                (*commas)++;
        }
    }
    return n;
}

/* Append s to b with white space collapsed; `at_space` tracks whether b
 * currently ends in white space (or a paragraph break). */
/* Append s with its white space collapsed. Gumbo's text is meant to be
 * UTF-8, but a numeric character reference far beyond Unicode
 * ("caf&#x1F9999999999999999;") comes out of it as a stray byte (found by
 * fuzz_html): a byte that does not start a valid sequence becomes U+FFFD,
 * so a page's text is always valid UTF-8. */
static int append_collapsed(buf *b, const char *s, int *at_space)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            if (!*at_space && buf_putc(b, ' ') != 0)
                return -1;
            *at_space = 1;
            i++;
            continue;
        }
        *at_space = 0;
        if (c < 0x80) {
            if (buf_putc(b, (char)c) != 0)
                return -1;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n > 0 ? buf_append(b, s + i, (size_t)n) != 0 : buf_append(b, "\xEF\xBF\xBD", 3) != 0)
            return -1;
        i += n > 0 ? (size_t)n : 1;
    }
    return 0;
}

/* Trim trailing spaces and end the current paragraph with a blank line. */
static int paragraph_break(buf *b, int *at_space)
{
    while (b->len && (b->data[b->len - 1] == ' '))
        b->len--;
    if (b->len && (b->len < 2 || b->data[b->len - 1] != '\n' || b->data[b->len - 2] != '\n')) {
        while (b->len && b->data[b->len - 1] == '\n')
            b->len--;
        if (buf_append(b, "\n\n", 2) != 0)
            return -1;
    }
    if (b->data)
        b->data[b->len] = '\0';
    *at_space = 1;
    return 0;
}

static void trim_buf(buf *b)
{
    size_t s = 0;
    while (s < b->len && isspace((unsigned char)b->data[s]))
        s++;
    size_t e = b->len;
    while (e > s && isspace((unsigned char)b->data[e - 1]))
        e--;
    if (s)
        memmove(b->data, b->data + s, e - s);
    b->len = e - s;
    if (b->data)
        b->data[b->len] = '\0';
}

/* All text below n, collapsed, into b (cleared first). */
static void node_text_rec(const GumboNode *n, buf *b, int *at_space, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        append_collapsed(b, n->v.text.text, at_space);
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT || is_junk_tag(n->v.element.tag))
        return;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++)
        node_text_rec(ch->data[i], b, at_space, depth + 1);
}

static void node_text(const GumboNode *n, buf *b)
{
    buf_clear(b);
    int at_space = 1;
    node_text_rec(n, b, &at_space, 0);
    trim_buf(b);
}

static void set_field(buf *field, const char *value)
{
    buf_clear(field);
    int at_space = 1;
    append_collapsed(field, value, &at_space);
    trim_buf(field);
}

/* ---- Metadata ------------------------------------------------------- */


static void take_meta(walker *w, const GumboNode *n)
{
    const char *key = attr(n, "property");
    if (!key)
        key = attr(n, "name");
    if (!key)
        key = attr(n, "itemprop");
    const char *content = attr(n, "content");
    if (!key || !content || !*content)
        return;
    if (ieq(key, "og:title") || ieq(key, "twitter:title") || ieq(key, "headline")) {
        if (!w->have_title_meta) {
            set_field(&w->doc->title, content);
            w->have_title_meta = w->doc->title.len > 0;
        }
    } else if (ieq(key, "article:published_time") || ieq(key, "datePublished") || ieq(key, "date") ||
               ieq(key, "pubdate") || ieq(key, "publishdate") || ieq(key, "publish-date") ||
               ieq(key, "dc.date") || ieq(key, "dc.date.issued") || ieq(key, "dcterms.created") ||
               ieq(key, "parsely-pub-date") || ieq(key, "sailthru.date") || ieq(key, "og:published_time")) {
        if (w->have_date < 2) {
            set_field(&w->doc->date, content);
            w->have_date = 2;
        }
    } else if (ieq(key, "author") || ieq(key, "article:author") || ieq(key, "parsely-author") ||
               ieq(key, "dc.creator")) {
        if (!w->have_byline && strncmp(content, "http", 4) != 0) {
            set_field(&w->doc->byline, content);
            w->have_byline = w->doc->byline.len > 0;
        }
    }
}

/* The page's <title>: its text, collapsed. Not node_text(), which skips
 * <title> as junk (it is, inside the body text) and so gave nothing. An
 * SVG icon's <title> in the body is not the page's. */
static void title_text(const GumboNode *n, buf *b)
{
    buf_clear(b);
    int at_space = 1;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE)
            append_collapsed(b, c->v.text.text, &at_space);
    }
    trim_buf(b);
}

static void take_metadata(walker *w, const GumboNode *n, const char *ci)
{
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_META) {
        take_meta(w, n);
    } else if (t == GUMBO_TAG_TITLE && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML &&
               !w->have_title_meta && w->doc->title.len == 0) {
        title_text(n, &w->doc->title);
    } else if (t == GUMBO_TAG_TIME && w->have_date < 1) {
        const char *dt = attr(n, "datetime");
        if (dt && *dt) {
            set_field(&w->doc->date, dt);
            w->have_date = 1;
        }
    } else if (!w->have_byline && (is_byline_class(ci) || ieq(attr(n, "rel"), "author") ||
                                   ieq(attr(n, "itemprop"), "author"))) {
        buf text = BUF_INIT;
        node_text(n, &text);
        if (text.len > 0 && text.len < 200) {
            buf_clear(&w->doc->byline);
            buf_append(&w->doc->byline, text.data, text.len);
            w->have_byline = 1;
        }
        buf_free(&text);
    }
}

/* ---- Pass 1: measure and score ------------------------------------------ */

static int is_para_tag(GumboTag t)
{
    return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD || t == GUMBO_TAG_BLOCKQUOTE;
}

/* A div (or section) with no block children holds its text like a <p>. */
static int is_textual_div(const GumboNode *n)
{
    GumboTag t = n->v.element.tag;
    if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_SECTION)
        return 0;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag != GUMBO_TAG_BR &&
            is_block_tag(c->v.element.tag))
            return 0;
    }
    return 1;
}

static void add_score(walker *w, int32_t i, double s)
{
    elem *e = &w->e[i];
    if (!e->scored) {
        e->scored = 1;
        e->score = class_weight(e->node) + tag_weight(e->node->v.element.tag);
    }
    e->score += s;
}

static int32_t measure(walker *w, const GumboNode *n, int32_t parent, int parent_junk, int in_link, int depth)
{
    if (w->oom || depth > HTML_MAX_DEPTH)
        return -1;
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        elem *p = realloc(w->e, cap * sizeof *p);
        if (!p) {
            w->oom = 1;
            return -1;
        }
        w->e = p;
        w->cap = cap;
    }
    int32_t me = (int32_t)w->n++;
    elem *e = &w->e[me];
    memset(e, 0, sizeof *e);
    e->node = n;
    e->parent = parent;
    char ci[512];
    class_and_id(n, ci, sizeof ci);
    take_metadata(w, n, ci);
    e->junk = (uint8_t)(parent_junk || is_junk(n, ci));
    GumboTag tag = n->v.element.tag;
    int link = in_link || tag == GUMBO_TAG_A;
    uint32_t text = 0, links = 0, commas = 0;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
            uint32_t len = collapsed_len(c->v.text.text, &commas);
            text += len;
            if (link)
                links += len;
        } else if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
            int32_t k = measure(w, c, me, w->e[me].junk, link, depth + 1);
            if (k >= 0 && !w->e[k].junk) {
                text += w->e[k].text;
                links += w->e[k].links;
                commas += w->e[k].commas;
            }
        }
    }
    e = &w->e[me]; /* the array may have moved */
    e->text = text;
    e->links = links;
    e->commas = commas;
    if (!e->junk && (is_para_tag(tag) || is_textual_div(n)) && text >= 25) {
        e->para = 1;
        double s = 1.0 + commas + (text / 100 < 3 ? text / 100 : 3);
        if (parent >= 0) {
            add_score(w, parent, s);
            int32_t gp = w->e[parent].parent;
            if (gp >= 0)
                add_score(w, gp, s / 2);
        }
        if (tag != GUMBO_TAG_P)
            add_score(w, me, s);
    }
    return me;
}

static double link_density(const elem *e)
{
    return e->text ? (double)e->links / e->text : 0;
}

static double final_score(const elem *e)
{
    return e->score * (1.0 - link_density(e));
}

/* ---- Pass 2: emit ----------------------------------------------------- */

typedef struct emitter {
    walker *w;
    size_t idx;            /* pre-order index of the next element */
    const uint8_t *keep;   /* per element: 1 = emit its subtree */
    buf *out;
    int at_space;
} emitter;

static void skip_subtree(emitter *em, const GumboNode *n, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return;
    em->idx++;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE)
            skip_subtree(em, c, depth + 1);
    }
}

static void emit(emitter *em, const GumboNode *n, int inside, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return;
    size_t me = em->idx;
    const elem *e = &em->w->e[me];
    GumboTag tag = n->v.element.tag;
    if (e->junk) {
        skip_subtree(em, n, depth);
        return;
    }
    inside = inside || em->keep[me];
    /* Inside the story, a block that is mostly links is a list of related
     * stories or a share bar, not text. */
    int block = is_block_tag(tag) && tag != GUMBO_TAG_BR;
    if (inside && block && tag != GUMBO_TAG_BR && e->text > 0 && link_density(e) > 0.5 &&
        e->text < 400) {
        skip_subtree(em, n, depth);
        return;
    }
    em->idx++;
    if (inside && block)
        paragraph_break(em->out, &em->at_space);
    if (inside && (tag == GUMBO_TAG_BR)) {
        while (em->out->len && em->out->data[em->out->len - 1] == ' ')
            em->out->len--;
        size_t k = em->out->len;
        if (k && !(k >= 2 && em->out->data[k - 1] == '\n' && em->out->data[k - 2] == '\n'))
            buf_putc(em->out, '\n');
        em->at_space = 1;
    }
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
            if (inside)
                append_collapsed(em->out, c->v.text.text, &em->at_space);
        } else if (c->type == GUMBO_NODE_WHITESPACE) {
            if (inside && !em->at_space) {
                buf_putc(em->out, ' ');
                em->at_space = 1;
            }
        } else if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
            emit(em, c, inside, depth + 1);
        }
    }
    if (inside && block)
        paragraph_break(em->out, &em->at_space);
}

/* ---- Choosing the body ------------------------------------------------ */

static int32_t best_candidate(const walker *w)
{
    int32_t best = -1;
    double bs = 0;
    for (size_t i = 0; i < w->n; i++) {
        const elem *e = &w->e[i];
        if (!e->scored || e->junk)
            continue;
        double s = final_score(e);
        if (best < 0 || s > bs) {
            best = (int32_t)i;
            bs = s;
        }
    }
    return best;
}

/* Mark the best container, and those siblings that are nearly as good or
 * are plain paragraphs of text, for emission. */
static void choose(const walker *w, int32_t best, uint8_t *keep)
{
    keep[best] = 1;
    int32_t parent = w->e[best].parent;
    if (parent < 0)
        return;
    double bs = final_score(&w->e[best]);
    double bar = bs * 0.2 > 10 ? bs * 0.2 : 10;
    for (size_t i = (size_t)parent + 1; i < w->n; i++) {
        const elem *e = &w->e[i];
        if (e->parent != parent || (int32_t)i == best || e->junk)
            continue;
        if ((e->scored && final_score(e) >= bar) ||
            (e->para && e->node->v.element.tag == GUMBO_TAG_P && link_density(e) < 0.25 &&
             e->text >= 80))
            keep[i] = 1;
    }
}

static const GumboNode *find_body(const GumboNode *root)
{
    const GumboVector *ch = &root->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY)
            return c;
    }
    return root;
}

/* "Story title | Site" or "Story title - Site": keep the story part when
 * it is long enough to stand alone. */
static void strip_site_name(buf *t)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", NULL};
    for (const char *const *s = seps; *s; s++) {
        size_t sl = strlen(*s);
        if (t->len <= sl)
            continue;
        for (size_t i = t->len - sl; i > 0; i--) {
            if (memcmp(t->data + i, *s, sl) != 0)
                continue;
            size_t words = 1;
            for (size_t k = 0; k < i; k++)
                words += t->data[k] == ' ';
            if (words >= 3) {
                t->len = i;
                t->data[i] = '\0';
                return;
            }
            break;
        }
    }
}

/* ---- Guarding the parser ------------------------------------------------ */

/* gumbo checks "in scope" by walking its stack of open elements, so a page
 * of thousands of unclosed nested elements costs quadratic time. Estimate
 * the nesting from the tags (elements that close themselves or are closed
 * implicitly do not count) and refuse pages nested beyond any real one. */
static int implicit_close(const char *name, size_t n)
{
    static const char *const names[] = {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
        "rp", "rt", "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed",
        "param", "source", "track", "wbr", "colgroup", "html", "head", "body", NULL};
    for (const char *const *s = names; *s; s++)
        if (strlen(*s) == n && !strncasecmp(*s, name, n))
            return 1;
    return 0;
}

static size_t nesting_estimate(const char *s, size_t len)
{
    size_t depth = 0, max = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] != '<')
            continue;
        if (i + 3 < len && !memcmp(s + i, "<!--", 4)) {
            const char *end = memmem(s + i + 4, len - i - 4, "-->", 3);
            if (!end)
                break;
            i = (size_t)(end - s) + 2;
            continue;
        }
        int closing = s[i + 1] == '/';
        size_t k = i + 1 + (size_t)closing;
        size_t start = k;
        while (k < len && isalnum((unsigned char)s[k]))
            k++;
        if (k == start || !isalpha((unsigned char)s[start]) || implicit_close(s + start, k - start))
            continue;
        if (closing) {
            if (depth)
                depth--;
            continue;
        }
        const char *gt = memchr(s + k, '>', len - k);
        if (gt && gt > s + k && gt[-1] == '/')
            continue;
        if (++depth > max)
            max = depth;
    }
    return max;
}

/* ---- Entry points ------------------------------------------------------ */

void html_doc_init(html_doc *d)
{
    memset(d, 0, sizeof *d);
}

void html_doc_free(html_doc *d)
{
    buf_free(&d->title);
    buf_free(&d->date);
    buf_free(&d->byline);
    buf_free(&d->body);
}

int html_sniff(const char *text, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    size_t i = 0;
    if (n >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
        i = 3;
    while (i < n && isspace((unsigned char)text[i]))
        i++;
    if (i >= n || text[i] != '<')
        return 0;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", NULL};
    for (const char *const *s = starts; *s; s++) {
        size_t sl = strlen(*s);
        if (n - i >= sl && !strncasecmp(text + i, *s, sl))
            return 1;
    }
    return 0;
}

precis_status html_extract(const char *html, size_t len, const char *where, html_doc *d,
                           precis_error *err)
{
    buf_clear(&d->title);
    buf_clear(&d->date);
    buf_clear(&d->byline);
    buf_clear(&d->body);
    if (len > HTML_MAX_BYTES)
        return error_set(err, PRECIS_ERR_TOO_LARGE, where, 0, "page of %zu bytes exceeds the limit of %zu",
                         len, HTML_MAX_BYTES);
    size_t depth = nesting_estimate(html, len);
    if (depth > HTML_MAX_NESTING)
        return error_set(err, PRECIS_ERR_TOO_LARGE, where, 0,
                         "page nests %zu elements deep (limit %d): not a news page", depth, HTML_MAX_NESTING);
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;
    GumboOutput *g = gumbo_parse_with_options(&opts, html, len);
    if (!g)
        return error_set(err, PRECIS_ERR_NOMEM, where, 0, "out of memory parsing HTML");
    walker w;
    memset(&w, 0, sizeof w);
    w.doc = d;
    precis_status st = PRECIS_OK;
    if (g->root->type == GUMBO_NODE_ELEMENT)
        measure(&w, g->root, -1, 0, 0, 0);
    if (w.oom) {
        st = error_set(err, PRECIS_ERR_NOMEM, where, 0, "out of memory reading HTML");
        goto done;
    }
    uint8_t *keep = calloc(w.n ? w.n : 1, 1);
    if (!keep) {
        st = error_set(err, PRECIS_ERR_NOMEM, where, 0, "out of memory reading HTML");
        goto done;
    }
    int32_t best = best_candidate(&w);
    if (best >= 0) {
        choose(&w, best, keep);
    } else if (w.n) {
        /* No paragraph anywhere: take the whole body, junk left out. */
        const GumboNode *body = find_body(g->root);
        for (size_t i = 0; i < w.n; i++)
            if (w.e[i].node == body)
                keep[i] = 1;
    }
    if (w.n) {
        emitter em = {&w, 0, keep, &d->body, 1};
        emit(&em, g->root, 0, 0);
    }
    free(keep);
    trim_buf(&d->body);
    if (d->title.len == 0) {
        /* No <title> or meta title: the first <h1> with text. */
        for (size_t i = 0; i < w.n; i++)
            if (w.e[i].node->v.element.tag == GUMBO_TAG_H1 && !w.e[i].junk && w.e[i].text) {
                node_text(w.e[i].node, &d->title);
                break;
            }
    } else if (!w.have_title_meta) {
        strip_site_name(&d->title);
    }
    /* The headline repeated as the body's first block is the title, not text. */
    if (d->title.len && d->body.len > d->title.len + 2 && !memcmp(d->body.data, d->title.data, d->title.len) &&
        !memcmp(d->body.data + d->title.len, "\n\n", 2)) {
        size_t cut = d->title.len + 2;
        memmove(d->body.data, d->body.data + cut, d->body.len - cut + 1);
        d->body.len -= cut;
    }
    if (d->body.len == 0)
        st = error_set(err, PRECIS_ERR_EMPTY, where, 0, "no article text found in the page");
done:
    free(w.e);
    gumbo_destroy_output(&opts, g);
    return st;
}

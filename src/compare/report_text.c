/*
 * report_text.c: the cross-source report as plain text for a terminal.
 * Articles are numbered from 1 as [n]; every list names the articles that
 * carry an item, so a reader can check each claim against its sources.
 * Article text and names are printed as text/shown.h says (a control
 * character or a newline in a file name as U+FFFD), so what an article
 * holds never reaches the terminal as an escape sequence.
 */
#include <string.h>

#include "compare/compare.h"
#include "text/shown.h"
#include "text/whitespace.h"

#define EXCERPT_BYTES 160

/* s[0..len) with white space collapsed, as shown on a terminal. */
static int put_text(buf *b, const char *s, size_t len)
{
    buf plain = BUF_INIT;
    int rc = ws_append(&plain, s, len) != 0 || shown_append(b, plain.data, plain.len) != 0;
    buf_free(&plain);
    return rc ? -1 : 0;
}

/* A name (file name, cluster id, speaker) as shown on a terminal. */
static int put_name(buf *b, const char *s)
{
    return shown_append(b, s, strlen(s));
}

/* At most max bytes, cut at a space (never inside a UTF-8 sequence). */
static int put_excerpt(buf *b, const char *s, size_t len, size_t max)
{
    if (len <= max)
        return put_text(b, s, len);
    size_t cut = max;
    while (cut > 0 && s[cut] != ' ')
        cut--;
    if (cut == 0)
        for (cut = max; cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80;)
            cut--;
    return put_text(b, s, cut) | buf_puts(b, " ...");
}

/* The articles of sentences list[0..n) (cluster order), as "1,3". */
static int put_article_numbers(buf *b, const precis_cluster *c, const uint32_t *list, uint32_t n)
{
    int rc = 0, any = 0;
    uint32_t last = CMP_NONE;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t a = c->sents[list[k]].article;
        if (a != last)
            rc |= buf_printf(b, "%s%u", any++ ? "," : "", a + 1);
        last = a;
    }
    return rc;
}

/* " [3,4]" after a fact, with the outlets whose sentence is similar
 * (paraphrase.c: " [3,4; similar 1]") and, under it, each of those
 * sentences (the first of each article), for the reader to judge. */
static int put_articles_of_fact(buf *b, const precis_cluster *c, const cmp_fact *f)
{
    int rc = buf_puts(b, " [") | put_article_numbers(b, c, f->sents, f->nsents);
    if (f->nsimilar)
        rc |= buf_puts(b, "; similar ") | put_article_numbers(b, c, f->similar, f->nsimilar);
    rc |= buf_puts(b, "]\n");
    uint32_t last = CMP_NONE;
    for (uint32_t k = 0; k < f->nsimilar && rc == 0; k++) {
        const sentence *s = &c->sents[f->similar[k]];
        if (s->article == last)
            continue;
        last = s->article;
        rc |= buf_printf(b, "      ~ [%u] ", s->article + 1);
        rc |= put_text(b, c->articles[s->article].text + s->start, s->end - s->start);
        rc |= buf_putc(b, '\n');
    }
    return rc;
}

static int put_overlap(buf *b, const cmp_report *r)
{
    size_t n = r->overlap.n;
    int rc = buf_printf(b, "\nOverlap: share of each row's text found in each column (%d-word shingles)\n      ",
                        CMP_SHINGLE);
    for (size_t j = 0; j < n; j++)
        rc |= buf_printf(b, "%5zu", j + 1);
    rc |= buf_putc(b, '\n');
    for (size_t i = 0; i < n && rc == 0; i++) {
        rc |= buf_printf(b, "  %3zu ", i + 1);
        for (size_t j = 0; j < n; j++)
            rc |= i == j ? buf_puts(b, "    -") : buf_printf(b, "%4.0f%%", 100 * r->overlap.share[i * n + j]);
        rc |= buf_putc(b, '\n');
    }
    rc |= buf_printf(b, "\nShared passages (the same wire copy): %zu\n", r->overlap.npass);
    for (size_t i = 0; i < r->overlap.npass && rc == 0; i++) {
        const cmp_passage *p = &r->overlap.pass[i];
        rc |= buf_printf(b, "  [%u]~[%u] %u words: \"", p->a + 1, p->b + 1, p->words);
        rc |= put_excerpt(b, r->c->articles[p->a].text + p->a_start, p->a_end - p->a_start, EXCERPT_BYTES);
        rc |= buf_puts(b, "\"\n");
    }
    return rc;
}

static int put_facts(buf *b, const cmp_report *r)
{
    static const char *const titles[] = {"Reported by all", "Reported by several", "Reported by one only"};
    size_t n = r->c->narticles;
    int rc = 0;
    for (int sec = 0; sec < 3; sec++) {
        size_t count = 0;
        for (size_t i = 0; i < r->facts.n; i++) {
            const cmp_fact *f = &r->facts.f[i];
            count += (f->support >= n && n > 1 ? 0 : f->support > 1 ? 1 : 2) == sec;
        }
        rc |= buf_printf(b, "\n%s (%zu)\n", titles[sec], count);
        for (size_t i = 0; i < r->facts.n && rc == 0; i++) {
            const cmp_fact *f = &r->facts.f[i];
            if ((f->support >= n && n > 1 ? 0 : f->support > 1 ? 1 : 2) != sec)
                continue;
            const sentence *s = &r->c->sents[f->sent];
            rc |= buf_puts(b, "  - ");
            rc |= put_text(b, r->c->articles[s->article].text + s->start, s->end - s->start);
            rc |= put_articles_of_fact(b, r->c, f);
        }
    }
    return rc;
}

/* Groups of counts of one thing under a title: the discrepancies (values
 * that differ) or the counts given alike (one value each). */
static int put_counts(buf *b, const cmp_report *r, const char *title, const cmp_discrepancy *list, size_t n)
{
    int rc = buf_printf(b, "\n%s: %zu\n", title, n);
    for (size_t i = 0; i < n && rc == 0; i++) {
        const cmp_discrepancy *d = &list[i];
        const cmp_quantity *q0 = &r->quant[d->values[0].mentions[0]];
        rc |= buf_puts(b, "  ");
        rc |= shown_append(b, r->c->articles[q0->article].text + q0->unit_start, q0->unit_end - q0->unit_start);
        rc |= buf_puts(b, ":");
        for (uint32_t v = 0; v < d->nvalues; v++) {
            char txt[128];
            uint32_t arts[CMP_MAX_ARTICLES];
            cmp_quantity_text(r, &r->quant[d->values[v].mentions[0]], txt, sizeof txt);
            uint32_t na = cmp_value_articles(r, &d->values[v], arts, CMP_MAX_ARTICLES);
            rc |= buf_printf(b, "%s ", v ? " vs" : "") | put_name(b, txt) | buf_puts(b, " [");
            for (uint32_t k = 0; k < na; k++)
                rc |= buf_printf(b, "%s%u", k ? "," : "", arts[k] + 1);
            rc |= buf_putc(b, ']');
        }
        rc |= buf_putc(b, '\n');
        for (uint32_t v = 0; v < d->nvalues; v++)
            for (uint32_t k = 0; k < d->values[v].nmentions; k++) {
                const cmp_quantity *q = &r->quant[d->values[v].mentions[k]];
                const sentence *s = &r->c->sents[q->sent];
                rc |= buf_printf(b, "      [%u] ", q->article + 1);
                rc |= put_excerpt(b, r->c->articles[q->article].text + s->start, s->end - s->start, 200);
                rc |= buf_putc(b, '\n');
            }
    }
    return rc;
}

/* One quote group under its speaker's heading: the first outlet's
 * wording, the articles carrying it, and the other wordings if they differ. */
static int put_quote_group(buf *b, const cmp_report *r, const cmp_quote_group *g)
{
    const cmp_quote *q0 = &r->quotes[g->members[0]];
    int rc = buf_puts(b, "    \"");
    rc |= put_excerpt(b, r->c->articles[q0->article].text + q0->start, q0->end - q0->start, 240);
    rc |= buf_puts(b, "\" [");
    for (uint32_t k = 0; k < g->nmembers; k++)
        rc |= buf_printf(b, "%s%u", k ? "," : "", r->quotes[g->members[k]].article + 1);
    rc |= buf_puts(b, g->wording_differs ? "] (wording differs)\n" : "]\n");
    for (uint32_t k = 1; k < g->nmembers && g->wording_differs; k++) {
        const cmp_quote *q = &r->quotes[g->members[k]];
        rc |= buf_printf(b, "        [%u] \"", q->article + 1);
        rc |= put_excerpt(b, r->c->articles[q->article].text + q->start, q->end - q->start, 240);
        rc |= buf_puts(b, "\"\n");
    }
    return rc;
}

/* Who said what: each speaker once, with all their quotes under them. */
static int put_quotes(buf *b, const cmp_report *r)
{
    int rc = buf_printf(b, "\nQuotes: %zu, by speaker\n", r->nqgroups);
    for (size_t i = 0; i < r->nspeakers && rc == 0; i++) {
        const cmp_speaker *sp = &r->speakers[i];
        rc |= buf_puts(b, "  ") | put_name(b, sp->name ? sp->name : "(unattributed)");
        if (sp->naming && sp->is_person && strlen(sp->naming) > strlen(sp->name) + 4)
            rc |= buf_puts(b, " (") | put_name(b, sp->naming) | buf_putc(b, ')');
        rc |= buf_printf(b, ": %u quote%s, %u article%s\n", sp->ngroups, sp->ngroups == 1 ? "" : "s",
                         sp->articles, sp->articles == 1 ? "" : "s");
        for (uint32_t k = 0; k < sp->ngroups; k++)
            rc |= put_quote_group(b, r, &r->qgroups[sp->groups[k]]);
    }
    return rc;
}

/* "s" to make a count's noun plural, "" for one. */
static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

int cmp_render_text(const cmp_report *r, buf *b)
{
    const precis_cluster *c = r->c;
    int rc = buf_printf(b, "Cross-source view: %zu article%s%s", c->narticles, plural(c->narticles),
                        c->id[0] ? ", cluster " : "");
    rc |= put_name(b, c->id) | buf_putc(b, '\n');
    for (size_t i = 0; i < c->narticles; i++)
        rc |= buf_printf(b, "  [%zu] ", i + 1) | put_name(b, c->articles[i].id) |
              buf_printf(b, " (%u sentence%s)\n", c->articles[i].count, plural(c->articles[i].count));
    if (c->nleft_out) /* given, but with no story text: said here too, not only on stderr */
        rc |= buf_puts(b, "  left out, no story text:");
    for (size_t i = 0; i < c->nleft_out; i++)
        rc |= buf_puts(b, i ? ", " : " ") | put_name(b, c->left_out[i]);
    if (c->nleft_out)
        rc |= buf_putc(b, '\n');
    rc |= put_overlap(b, r);
    rc |= put_facts(b, r);
    rc |= put_counts(b, r, "Discrepancies", r->disc, r->ndisc);
    rc |= put_counts(b, r, "Counts given alike", r->agree, r->nagree);
    rc |= put_quotes(b, r);
    return rc ? -1 : 0;
}

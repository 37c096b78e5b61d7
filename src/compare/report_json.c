/*
 * report_json.c: the cross-source report as one JSON object (one line).
 * The schema is documented in README.md, "precis compare: JSON schema".
 * Also the small helpers the other renderers share.
 */
#include <ctype.h>
#include <string.h>

#include "compare/compare.h"
#include "text/utf8.h"

/* The non-ASCII character at s[*i], leaving *i at its last byte. U+2028/2029
 * are valid JSON but break JavaScript, so they are escaped; a byte of no
 * valid UTF-8 character (a file name can hold any) becomes \ufffd. */
static int json_put_nonascii(buf *out, const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t n = utf8_seq_len(s + *i, len - *i);
    if (n == 0)
        return buf_puts(out, "\\ufffd");
    if (n == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) {
        *i += 2;
        return buf_printf(out, "\\u%04x", 0x2028 + (u[2] - 0xA8));
    }
    int rc = buf_append(out, s + *i, n);
    *i += n - 1;
    return rc;
}

int cmp_json_string(buf *out, const char *s, size_t len)
{
    int rc = buf_putc(out, '"');
    for (size_t i = 0; i < len && rc == 0; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\')
            rc = buf_printf(out, "\\%c", ch);
        else if (ch < 0x20)
            rc = buf_printf(out, "\\u%04x", ch);
        else if (ch < 0x80)
            rc = buf_putc(out, (char)ch);
        else
            rc = json_put_nonascii(out, s, len, &i);
    }
    return rc ? rc : buf_putc(out, '"');
}

void cmp_quantity_text(const cmp_report *r, const cmp_quantity *q, char *out, size_t cap)
{
    const char *t = r->c->articles[q->article].text;
    size_t n = 0;
    int space = 0;
    for (uint32_t i = q->start; i < q->end && n + 2 < cap; i++) {
        if (isspace((unsigned char)t[i])) {
            space = 1;
            continue;
        }
        if (space && n)
            out[n++] = ' ';
        space = 0;
        out[n++] = t[i];
    }
    out[n] = 0;
}

uint32_t cmp_value_articles(const cmp_report *r, const cmp_value *v, uint32_t *list, uint32_t cap)
{
    uint32_t n = 0;
    for (uint32_t k = 0; k < v->nmentions; k++) {
        uint32_t a = r->quant[v->mentions[k]].article;
        if (n && list[n - 1] == a)
            continue;
        if (n < cap)
            list[n++] = a;
    }
    return n;
}

static const char *approx_name(uint8_t a)
{
    static const char *const names[] = {"exact", "more_than", "less_than", "about"};
    return a < 4 ? names[a] : "exact";
}

static const char *kind_name(uint8_t k)
{
    static const char *const names[] = {"count", "money", "percent", "fraction", "date", "year"};
    return k < 6 ? names[k] : "none";
}

static int put_text(buf *b, const cmp_report *r, uint32_t art, uint32_t start, uint32_t end)
{
    return cmp_json_string(b, r->c->articles[art].text + start, end - start);
}

static int put_matrix(buf *b, const double *m, size_t n)
{
    int rc = buf_putc(b, '[');
    for (size_t i = 0; i < n && rc == 0; i++) {
        rc |= buf_puts(b, i ? ",[" : "[");
        for (size_t j = 0; j < n && rc == 0; j++)
            rc |= buf_printf(b, "%s%.4f", j ? "," : "", m[i * n + j]);
        rc |= buf_putc(b, ']');
    }
    return rc | buf_putc(b, ']');
}

static int put_articles(buf *b, const cmp_report *r)
{
    const precis_cluster *c = r->c;
    int rc = buf_puts(b, "\"articles\":[");
    for (size_t i = 0; i < c->narticles && rc == 0; i++) {
        rc |= buf_printf(b, "%s{\"index\":%zu,\"id\":", i ? "," : "", i);
        rc |= cmp_json_string(b, c->articles[i].id, strlen(c->articles[i].id));
        rc |= buf_printf(b, ",\"bytes\":%u,\"sentences\":%u,\"shingles\":%u}", c->articles[i].len,
                         c->articles[i].count, r->overlap.shingles[i]);
    }
    rc |= buf_putc(b, ']');
    if (c->nleft_out == 0) /* as summarize's JSON: only when some article had no story text */
        return rc;
    rc |= buf_puts(b, ",\"left_out\":[");
    for (size_t i = 0; i < c->nleft_out && rc == 0; i++) {
        rc |= i ? buf_putc(b, ',') : 0;
        rc |= cmp_json_string(b, c->left_out[i], strlen(c->left_out[i]));
    }
    return rc | buf_putc(b, ']');
}

static int put_overlap(buf *b, const cmp_report *r)
{
    const cmp_overlap *ov = &r->overlap;
    int rc = buf_printf(b, ",\"overlap\":{\"shingle_words\":%d,\"share\":", CMP_SHINGLE);
    rc |= put_matrix(b, ov->share, ov->n);
    rc |= buf_puts(b, ",\"jaccard\":");
    rc |= put_matrix(b, ov->jaccard, ov->n);
    rc |= buf_puts(b, "},\"passages\":[");
    for (size_t i = 0; i < ov->npass && rc == 0; i++) {
        const cmp_passage *p = &ov->pass[i];
        rc |= buf_printf(b, "%s{\"a\":%u,\"b\":%u,\"words\":%u,\"a_start\":%u,\"a_end\":%u,"
                            "\"b_start\":%u,\"b_end\":%u,\"text\":",
                         i ? "," : "", p->a, p->b, p->words, p->a_start, p->a_end, p->b_start, p->b_end);
        rc |= put_text(b, r, p->a, p->a_start, p->a_end);
        rc |= buf_putc(b, '}');
    }
    return rc | buf_putc(b, ']');
}

static int put_fact(buf *b, const cmp_report *r, const cmp_fact *f, int first)
{
    const precis_cluster *c = r->c;
    const sentence *s = &c->sents[f->sent];
    int rc = buf_printf(b, "%s{\"text\":", first ? "" : ",");
    rc |= put_text(b, r, s->article, s->start, s->end);
    rc |= buf_printf(b, ",\"support\":%u,\"articles\":[", f->support);
    uint32_t last = CMP_NONE;
    int any = 0;
    for (uint32_t k = 0; k < f->nsents; k++) {
        uint32_t a = c->sents[f->sents[k]].article;
        if (a != last)
            rc |= buf_printf(b, "%s%u", any++ ? "," : "", a);
        last = a;
    }
    rc |= buf_puts(b, "],\"places\":[");
    for (uint32_t k = 0; k < f->nsents; k++) {
        const sentence *m = &c->sents[f->sents[k]];
        rc |= buf_printf(b, "%s{\"article\":%u,\"start\":%u,\"end\":%u}", k ? "," : "", m->article,
                         m->start, m->end);
    }
    rc |= buf_puts(b, "],\"similar\":[");
    for (uint32_t k = 0; k < f->nsimilar; k++) {
        const sentence *m = &c->sents[f->similar[k]];
        rc |= buf_printf(b, "%s{\"article\":%u,\"start\":%u,\"end\":%u,\"text\":", k ? "," : "", m->article,
                         m->start, m->end);
        rc |= put_text(b, r, m->article, m->start, m->end) | buf_putc(b, '}');
    }
    return rc | buf_puts(b, "]}");
}

static int put_facts(buf *b, const cmp_report *r)
{
    static const char *const names[] = {"all", "several", "one"};
    size_t n = r->c->narticles;
    int rc = buf_puts(b, ",\"facts\":{");
    for (int sec = 0; sec < 3 && rc == 0; sec++) {
        rc |= buf_printf(b, "%s\"%s\":[", sec ? "," : "", names[sec]);
        int first = 1;
        for (size_t i = 0; i < r->facts.n; i++) {
            const cmp_fact *f = &r->facts.f[i];
            int s = f->support >= n && n > 1 ? 0 : f->support > 1 ? 1 : 2;
            if (s != sec)
                continue;
            rc |= put_fact(b, r, f, first);
            first = 0;
        }
        rc |= buf_putc(b, ']');
    }
    return rc | buf_putc(b, '}');
}

static int put_mention(buf *b, const cmp_report *r, const cmp_quantity *q, int first)
{
    const sentence *s = &r->c->sents[q->sent];
    char txt[128];
    cmp_quantity_text(r, q, txt, sizeof txt);
    int rc = buf_printf(b, "%s{\"article\":%u,\"start\":%u,\"end\":%u,\"text\":", first ? "" : ",",
                        q->article, q->start, q->end);
    rc |= cmp_json_string(b, txt, strlen(txt));
    rc |= buf_puts(b, ",\"time\":");
    rc |= q->time ? cmp_json_string(b, q->time, strlen(q->time)) : buf_puts(b, "null");
    rc |= buf_printf(b, ",\"sentence_start\":%u,\"sentence_end\":%u,\"sentence\":", s->start, s->end);
    rc |= put_text(b, r, s->article, s->start, s->end);
    return rc | buf_putc(b, '}');
}

/* Groups of counts of one thing as the array `key`: the discrepancies
 * (values that differ) or the counts given alike (one value each). */
static int put_counts(buf *b, const cmp_report *r, const char *key, const cmp_discrepancy *list, size_t n)
{
    int rc = buf_printf(b, ",\"%s\":[", key);
    for (size_t i = 0; i < n && rc == 0; i++) {
        const cmp_discrepancy *d = &list[i];
        const cmp_quantity *q0 = &r->quant[d->values[0].mentions[0]];
        rc |= buf_puts(b, i ? ",{\"unit\":" : "{\"unit\":");
        char unit[64];
        size_t ul = q0->unit_end - q0->unit_start;
        ul = ul < sizeof unit - 1 ? ul : sizeof unit - 1;
        for (size_t k = 0; k < ul; k++)
            unit[k] = (char)tolower((unsigned char)r->c->articles[q0->article].text[q0->unit_start + k]);
        rc |= cmp_json_string(b, unit, ul);
        rc |= buf_printf(b, ",\"kind\":\"%s\",\"values\":[", kind_name(q0->kind));
        for (uint32_t v = 0; v < d->nvalues; v++) {
            const cmp_value *val = &d->values[v];
            char txt[128];
            cmp_quantity_text(r, &r->quant[val->mentions[0]], txt, sizeof txt);
            rc |= buf_printf(b, "%s{\"value\":%.10g,\"approx\":\"%s\",\"text\":", v ? "," : "",
                             val->value, approx_name(val->approx));
            rc |= cmp_json_string(b, txt, strlen(txt));
            uint32_t arts[CMP_MAX_ARTICLES];
            uint32_t na = cmp_value_articles(r, val, arts, CMP_MAX_ARTICLES);
            rc |= buf_puts(b, ",\"articles\":[");
            for (uint32_t k = 0; k < na; k++)
                rc |= buf_printf(b, "%s%u", k ? "," : "", arts[k]);
            rc |= buf_puts(b, "],\"mentions\":[");
            for (uint32_t k = 0; k < val->nmentions; k++)
                rc |= put_mention(b, r, &r->quant[val->mentions[k]], k == 0);
            rc |= buf_puts(b, "]}");
        }
        rc |= buf_puts(b, "]}");
    }
    return rc | buf_putc(b, ']');
}

/* A JSON string, or null. */
static int put_nullable(buf *b, const char *s)
{
    return s ? cmp_json_string(b, s, strlen(s)) : buf_puts(b, "null");
}

/* Who said what: each speaker with the indexes of their quotes. */
static int put_speakers(buf *b, const cmp_report *r)
{
    int rc = buf_puts(b, ",\"speakers\":[");
    for (size_t i = 0; i < r->nspeakers && rc == 0; i++) {
        const cmp_speaker *sp = &r->speakers[i];
        rc |= buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
        rc |= put_nullable(b, sp->name);
        rc |= buf_printf(b, ",\"person\":%s,\"naming\":", sp->is_person ? "true" : "false");
        rc |= put_nullable(b, sp->naming);
        rc |= buf_printf(b, ",\"articles\":%u,\"quotes\":[", sp->articles);
        for (uint32_t k = 0; k < sp->ngroups; k++)
            rc |= buf_printf(b, "%s%u", k ? "," : "", sp->groups[k]);
        rc |= buf_puts(b, "]}");
    }
    return rc | buf_putc(b, ']');
}

static int put_quotes(buf *b, const cmp_report *r)
{
    int rc = buf_puts(b, ",\"quotes\":[");
    for (size_t i = 0; i < r->nqgroups && rc == 0; i++) {
        const cmp_quote_group *g = &r->qgroups[i];
        const cmp_quote *q0 = &r->quotes[g->members[0]];
        rc |= buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
        rc |= put_text(b, r, q0->article, q0->start, q0->end);
        rc |= buf_puts(b, ",\"speaker\":");
        rc |= g->speaker ? cmp_json_string(b, g->speaker, strlen(g->speaker)) : buf_puts(b, "null");
        const cmp_speaker *sp = &r->speakers[g->who];
        rc |= buf_puts(b, ",\"person\":");
        rc |= put_nullable(b, sp->is_person ? sp->name : NULL);
        rc |= buf_printf(b, ",\"speaker_index\":%u", g->who);
        rc |= buf_printf(b, ",\"outlets\":%u,\"wording_differs\":%s,\"variants\":[", g->articles,
                         g->wording_differs ? "true" : "false");
        for (uint32_t k = 0; k < g->nmembers; k++) {
            const cmp_quote *q = &r->quotes[g->members[k]];
            rc |= buf_printf(b, "%s{\"article\":%u,\"start\":%u,\"end\":%u,\"text\":", k ? "," : "",
                             q->article, q->start, q->end);
            rc |= put_text(b, r, q->article, q->start, q->end);
            rc |= buf_puts(b, ",\"speaker\":");
            rc |= put_nullable(b, q->speaker);
            rc |= buf_puts(b, ",\"person\":");
            rc |= put_nullable(b, q->person);
            rc |= buf_printf(b, ",\"via_pronoun\":%s}", q->via_pronoun ? "true" : "false");
        }
        rc |= buf_puts(b, "]}");
    }
    return rc | buf_putc(b, ']');
}

int cmp_render_json(const cmp_report *r, buf *b)
{
    int rc = buf_puts(b, "{\"cluster\":");
    rc |= cmp_json_string(b, r->c->id, strlen(r->c->id));
    rc |= buf_putc(b, ',');
    rc |= put_articles(b, r);
    rc |= put_overlap(b, r);
    rc |= put_facts(b, r);
    rc |= put_counts(b, r, "discrepancies", r->disc, r->ndisc);
    rc |= put_counts(b, r, "agreements", r->agree, r->nagree);
    rc |= put_quotes(b, r);
    rc |= put_speakers(b, r);
    rc |= buf_puts(b, "}\n");
    return rc ? -1 : 0;
}

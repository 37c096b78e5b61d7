/*
 * report_html.c: the cross-source report as one self-contained HTML page.
 *
 * The page fetches nothing: styles and the few lines of script are inline,
 * and a Content-Security-Policy forbids every external load, so it works
 * offline and leaks nothing when opened. Article text is untrusted: every
 * byte of it goes through html_text(), which escapes markup characters and
 * shows bidirectional-override and other control characters as visible
 * codes instead of letting them reorder the page. Attributes only ever
 * hold numbers this file makes, never article text.
 *
 * Sections: summary (each sentence with its support, linked to its places),
 * overlap heat map and shared passages, discrepancies, quotes, facts by
 * support, and the sources side by side with wire copy, quotations and
 * disputed numbers highlighted.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "text/entity.h"
#include "text/utf8.h"
#include "summary/summary.h"

enum { HL_WIRE = 1, HL_QUOTE = 2, HL_NUM = 4 };

static const char page_head[] =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; "
    "font-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"referrer\" content=\"no-referrer\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

static const char page_style[] =
    "<style>\n"
    "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d232a;background:#f6f7f9}\n"
    "header{background:#1f3a5f;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:24px}\n"
    "header p{margin:0;opacity:.85}nav a{color:#cfe1ff;margin-right:14px;font-size:14px}\n"
    "main{padding:8px 28px 40px;max-width:1500px}section{background:#fff;border:1px solid #dde2e8;"
    "border-radius:8px;padding:14px 20px;margin:16px 0}h2{margin:4px 0 10px;font-size:19px;color:#1f3a5f}\n"
    "h3{font-size:15px;margin:14px 0 6px}.badge{display:inline-block;min-width:34px;text-align:center;"
    "border-radius:10px;padding:0 7px;font-size:12px;font-weight:600;margin-right:6px;background:#e4ebf5;color:#1f3a5f}\n"
    ".b-all{background:#1f7a4d;color:#fff}.b-sev{background:#3d6fb6;color:#fff}.b-one{background:#c9ced6;color:#333}\n"
    "a.src{font-size:12px;color:#3d6fb6;text-decoration:none;margin-left:3px}a.src:hover{text-decoration:underline}\n"
    "ol.summary li,ul.facts li{margin:5px 0}ul.similar{margin:2px 0 0;padding-left:20px;font-size:14px}table.heat{border-collapse:collapse;font-size:13px}\n"
    "table.heat td,table.heat th{border:1px solid #fff;padding:6px 9px;text-align:center;min-width:46px}\n"
    "table.heat th{background:#eef1f5;font-weight:600}table.heat th.row{text-align:left}\n"
    ".passages li{margin:4px 0;font-size:14px}.ex{color:#444}\n"
    ".disc{border-left:4px solid #c0392b;padding:4px 12px;margin:10px 0;background:#fdf6f5}\n"
    ".disc table{border-collapse:collapse;font-size:14px;width:100%}.disc td{padding:4px 8px;vertical-align:top;border-top:1px solid #f0dcd9}\n"
    ".disc td.val{font-weight:700;white-space:nowrap;color:#a02a1c}mark.n{background:#f6c8c1}\n"
    ".disc.alike{border-left-color:#2e7d4f;background:#f4faf6}.disc.alike td{border-top-color:#d3e8da}"
    ".disc.alike td.val{color:#2e7d4f}.disc.alike mark.n{background:#cde9d6}\n"
    ".quote{border-left:4px solid #3d6fb6;padding:2px 12px;margin:10px 0}.quote q{font-style:italic}\n"
    ".speaker{font-size:13px;color:#333;margin-top:2px}.variant{font-size:13px;color:#555;margin:2px 0 0 14px}\n"
    ".diff{color:#b05a00;font-weight:600;font-size:12px}\n"
    ".cols{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(300px,1fr);gap:12px;overflow-x:auto}\n"
    ".col{border:1px solid #dde2e8;border-radius:6px;padding:8px 10px;max-height:720px;overflow-y:auto;background:#fcfcfd}\n"
    ".col h3{margin:0 0 6px;font-size:13px;word-break:break-all}.text{white-space:pre-wrap;font-size:13px;line-height:1.45}\n"
    "body.hw .w{background:#fff0b3}body.hq .q{background:#dbe8fb}body.hn .n{background:#f6c8c1;font-weight:600}\n"
    ".flash{outline:2px solid #e67e22;background:#ffe0b8!important}.ctl{color:#c0392b;font-size:11px}\n"
    ".legend label{margin-right:16px;font-size:13px}.muted{color:#777;font-size:13px}details summary{cursor:pointer;font-weight:600}\n"
    "</style>\n";

/* Links from sentences and facts to the sources: clicking one highlights
 * every piece of that sentence in the sources and scrolls to it. */
static const char page_script[] =
    "<script>\n"
    "(function(){\n"
    "document.documentElement.setAttribute('data-js','ready');\n"
    "function go(k){var old=document.querySelectorAll('.flash');for(var i=0;i<old.length;i++)old[i].classList.remove('flash');\n"
    " var xs=document.querySelectorAll('[data-s=\"'+k+'\"]');for(var j=0;j<xs.length;j++)xs[j].classList.add('flash');\n"
    " if(xs.length)xs[0].scrollIntoView({block:'center'});}\n"
    "document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[data-go]');\n"
    " if(!a)return;var k=a.getAttribute('data-go');if(!/^[0-9]+-[0-9]+$/.test(k))return;e.preventDefault();go(k);});\n"
    "var boxes=document.querySelectorAll('input[data-hl]');for(var i=0;i<boxes.length;i++){boxes[i].addEventListener('change',\n"
    " function(e){document.body.classList.toggle(e.target.getAttribute('data-hl'),e.target.checked);});}\n"
    "})();\n"
    "</script>\n";

/* Escape untrusted text for element content. Markup characters become
 * entities; bidi controls (U+202A-202E, U+2066-2069, U+200E/F) and C0
 * controls other than newline and tab are shown as visible codes; a byte
 * of no valid UTF-8 character (file names can hold any) becomes U+FFFD. */
static int html_text(buf *b, const char *s, size_t len)
{
    int rc = 0;
    for (size_t i = 0; i < len && rc == 0; i++) {
        unsigned char ch = (unsigned char)s[i];
        uint32_t ref_cp;
        size_t ref = ch == '&' ? entity_len(s, i, len, &ref_cp) : 0;
        if (ref) {
            /* "&amp;" in the article is an "&": shown as one, its bytes
             * escaped like any other (a reference to U+202E still shows
             * as a code, not as an override). */
            char code[4];
            rc = html_text(b, code, entity_encode(ref_cp, code));
            i += ref - 1;
            continue;
        }
        switch (ch) {
        case '&': rc = buf_puts(b, "&amp;"); continue;
        case '<': rc = buf_puts(b, "&lt;"); continue;
        case '>': rc = buf_puts(b, "&gt;"); continue;
        case '"': rc = buf_puts(b, "&quot;"); continue;
        case '\'': rc = buf_puts(b, "&#39;"); continue;
        default: break;
        }
        if (ch < 0x20 && ch != '\n' && ch != '\t') {
            rc = buf_printf(b, "<span class=\"ctl\">[U+%04X]</span>", ch);
            continue;
        }
        size_t n = ch < 0x80 ? 1 : utf8_seq_len(s + i, len - i);
        if (n == 0) {
            rc = buf_puts(b, UTF8_REPLACEMENT);
            continue;
        }
        if (ch == 0xE2 && n == 3) {
            unsigned c1 = (unsigned char)s[i + 1], c2 = (unsigned char)s[i + 2];
            unsigned cp = ((ch & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
                cp == 0x200F) {
                rc = buf_printf(b, "<span class=\"ctl\">[U+%04X]</span>", cp);
                i += 2;
                continue;
            }
        }
        rc = buf_append(b, s + i, n);
        i += n - 1;
    }
    return rc;
}

static int html_str(buf *b, const char *s) { return html_text(b, s, strlen(s)); }

/* A link to a place in article art, labelled with its number and tag. */
static int src_link_tagged(buf *b, uint32_t art, uint32_t start, const char *tag)
{
    return buf_printf(b, "<a class=\"src\" href=\"#p%u-%u\" data-go=\"%u-%u\">[%u%s]</a>", art, start,
                      art, start, art + 1, tag);
}

static int src_link(buf *b, uint32_t art, uint32_t start) { return src_link_tagged(b, art, start, ""); }

/* A list of links to places, as after a summary sentence or a fact. Two
 * places in one article (an article that repeats a sentence) would both
 * read [5]: those are told apart as [5a], [5b] in list order. */
typedef struct place_ref {
    uint32_t art, start;
} place_ref;

static int src_links(buf *b, const place_ref *p, size_t n)
{
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        size_t before = 0, same = 0;
        for (size_t j = 0; j < n; j++)
            if (p[j].art == p[k].art) {
                same++;
                before += j < k;
            }
        char tag[24] = "";
        if (same > 1 && before < 26)
            tag[0] = (char)('a' + before), tag[1] = 0;
        else if (same > 1)
            snprintf(tag, sizeof tag, "-%zu", before + 1);
        rc = src_link_tagged(b, p[k].art, p[k].start, tag);
    }
    return rc;
}

static const sentence *sentence_at(const precis_cluster *c, uint32_t art, uint32_t byte)
{
    const article *a = &c->articles[art];
    for (uint32_t s = a->first; s < a->first + a->count; s++)
        if (c->sents[s].start <= byte && byte < c->sents[s].end)
            return &c->sents[s];
    return NULL;
}

/* A link to where a byte range sits: its sentence if it has one. */
static int place_link(buf *b, const precis_cluster *c, uint32_t art, uint32_t byte)
{
    const sentence *s = sentence_at(c, art, byte);
    return src_link(b, art, s ? s->start : byte);
}

/* "s" to make a count's noun plural, "" for one. */
static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

static int put_header(buf *b, const cmp_report *r)
{
    const precis_cluster *c = r->c;
    const char *s = plural(c->narticles);
    int rc = buf_puts(b, page_head);
    rc |= buf_printf(b, "<title>precis compare: %zu article%s</title>\n", c->narticles, s);
    rc |= buf_puts(b, page_style);
    rc |= buf_puts(b, "</head>\n<body class=\"hw hq hn\">\n<header><h1>Cross-source view</h1><p>");
    rc |= buf_printf(b, "%zu article%s", c->narticles, s);
    if (c->id[0]) {
        rc |= buf_puts(b, " &middot; story ");
        rc |= html_str(b, c->id);
    }
    for (size_t i = 0; i < c->nleft_out; i++) { /* given, but with no story text */
        rc |= buf_puts(b, i ? ", " : " &middot; left out, no story text: ");
        rc |= html_str(b, c->left_out[i]);
    }
    rc |= buf_printf(b, " &middot; %zu shared passage%s &middot; %zu discrepanc%s &middot; %zu quotation%s</p>\n",
                     r->overlap.npass, plural(r->overlap.npass), r->ndisc, r->ndisc == 1 ? "y" : "ies",
                     r->nqgroups, plural(r->nqgroups));
    rc |= buf_puts(b, "<nav><a href=\"#summary\">Summary</a><a href=\"#overlap\">Overlap</a>"
                      "<a href=\"#discrepancies\">Discrepancies</a><a href=\"#agreements\">Counts given alike</a>"
                      "<a href=\"#quotes\">Quotes</a>"
                      "<a href=\"#facts\">Facts by support</a><a href=\"#sources\">Sources</a></nav></header>\n<main>\n");
    return rc;
}

static const char *support_class(size_t support, size_t n)
{
    return support >= n && n > 1 ? "b-all" : support > 1 ? "b-sev" : "b-one";
}

static int put_summary(buf *b, const cmp_report *r)
{
    size_t n = r->c->narticles;
    int rc = buf_puts(b, "<section id=\"summary\"><h2>Summary</h2>\n"
                         "<p class=\"muted\">Each sentence is shown with the number of articles that carry it "
                         "(or a near-duplicate); the links go to its places in the sources, those that "
                         "carry only part of it after \"partly\", and near-copies left out for their "
                         "numbers after \"other numbers\".</p>\n<ol class=\"summary\">\n");
    size_t count = r->summary ? precis_summary_count(r->summary) : 0;
    for (size_t i = 0; i < count && rc == 0; i++) {
        const precis_summary_sentence *s = precis_summary_get(r->summary, i);
        rc |= buf_printf(b, "<li><span class=\"badge %s\" title=\"carried by %zu of %zu article%s\">%zu/%zu</span>",
                         support_class(s->support, n), s->support, n, plural(n), s->support, n);
        rc |= html_text(b, s->text, s->len);
        size_t most = s->nplaces > s->nother_numbers ? s->nplaces : s->nother_numbers;
        place_ref *refs = malloc((most ? most : 1) * sizeof *refs);
        if (!refs)
            return -1;
        /* The places that carry it, then those that carry only part. */
        for (int partial = 0; partial <= 1; partial++) {
            size_t m = 0;
            for (size_t k = 0; k < s->nplaces; k++)
                if (s->places[k].partial == partial)
                    refs[m++] = (place_ref){(uint32_t)s->places[k].article, (uint32_t)s->places[k].start};
            if (partial && m)
                rc |= buf_puts(b, " <span class=\"muted\">partly:</span>");
            rc |= src_links(b, refs, m);
        }
        for (size_t k = 0; k < s->nother_numbers; k++)
            refs[k] = (place_ref){(uint32_t)s->other_numbers[k].article, (uint32_t)s->other_numbers[k].start};
        if (s->nother_numbers)
            rc |= buf_puts(b, " <span class=\"muted\">other numbers:</span>");
        rc |= src_links(b, refs, s->nother_numbers);
        free(refs);
        rc |= buf_puts(b, "</li>\n");
    }
    rc |= buf_puts(b, "</ol>");
    if (!r->summary)
        rc |= buf_puts(b, "\n<p class=\"muted\">No summary: the articles hold no story text, only page notices "
                          "(a web archive's, a login wall's).</p>\n");
    else if (count == 0)
        rc |= buf_puts(b, "\n<p class=\"muted\">No summary: every sentence of the articles is longer than "
                          "the brief's budget.</p>\n");
    return rc | buf_puts(b, "</section>\n");
}

static int put_overlap(buf *b, const cmp_report *r)
{
    const cmp_overlap *ov = &r->overlap;
    size_t n = ov->n;
    int rc = buf_printf(b, "<section id=\"overlap\"><h2>Overlap</h2>\n<p class=\"muted\">Share of each row's "
                           "text (%d-word shingles) found in each column's article.</p>\n"
                           "<table class=\"heat\"><tr><th></th>", CMP_SHINGLE);
    for (size_t j = 0; j < n; j++)
        rc |= buf_printf(b, "<th>[%zu]</th>", j + 1);
    rc |= buf_puts(b, "</tr>\n");
    for (size_t i = 0; i < n && rc == 0; i++) {
        rc |= buf_printf(b, "<tr><th class=\"row\">[%zu] ", i + 1);
        rc |= html_str(b, r->c->articles[i].id);
        rc |= buf_puts(b, "</th>");
        for (size_t j = 0; j < n; j++) {
            double v = ov->share[i * n + j];
            if (i == j) {
                rc |= buf_puts(b, "<td style=\"background:#eef1f5\">&mdash;</td>");
                continue;
            }
            int light = (int)(97 - 60 * (v > 1 ? 1 : v));
            rc |= buf_printf(b, "<td style=\"background:hsl(212,65%%,%d%%);color:%s\" title=\"%.1f%%\">%.0f%%</td>",
                             light, light < 62 ? "#fff" : "#1d232a", 100 * v, 100 * v);
        }
        rc |= buf_puts(b, "</tr>\n");
    }
    rc |= buf_printf(b, "</table>\n<details id=\"passages\"><summary>Shared passages: the same wire copy (%zu)</summary>\n"
                        "<ul class=\"passages\">\n", ov->npass);
    for (size_t i = 0; i < ov->npass && rc == 0; i++) {
        const cmp_passage *p = &ov->pass[i];
        rc |= buf_printf(b, "<li><span class=\"badge\">%u words</span>", p->words);
        rc |= place_link(b, r->c, p->a, p->a_start);
        rc |= place_link(b, r->c, p->b, p->b_start);
        rc |= buf_puts(b, " <span class=\"ex\">");
        rc |= html_text(b, r->c->articles[p->a].text + p->a_start, p->a_end - p->a_start);
        rc |= buf_puts(b, "</span></li>\n");
    }
    return rc | buf_puts(b, "</ul></details></section>\n");
}

static int put_fact(buf *b, const cmp_report *r, const cmp_fact *f)
{
    const precis_cluster *c = r->c;
    const sentence *s = &c->sents[f->sent];
    int rc = buf_printf(b, "<li><span class=\"badge %s\">%u</span>", support_class(f->support, c->narticles),
                        f->support);
    rc |= html_text(b, c->articles[s->article].text + s->start, s->end - s->start);
    place_ref *refs = malloc((f->nsents ? f->nsents : 1) * sizeof *refs);
    if (!refs)
        return -1;
    for (uint32_t k = 0; k < f->nsents; k++)
        refs[k] = (place_ref){c->sents[f->sents[k]].article, c->sents[f->sents[k]].start};
    rc |= src_links(b, refs, f->nsents);
    free(refs);
    /* other outlets' similar sentences (paraphrase.c), each linked to its
     * place, for the reader to judge */
    if (f->nsimilar)
        rc |= buf_puts(b, "<ul class=\"similar\">");
    for (uint32_t k = 0; k < f->nsimilar && rc == 0; k++) {
        const sentence *m = &c->sents[f->similar[k]];
        place_ref ref = {m->article, m->start};
        rc |= buf_puts(b, "<li><span class=\"muted\">similar:</span> ");
        rc |= html_text(b, c->articles[m->article].text + m->start, m->end - m->start);
        rc |= src_links(b, &ref, 1) | buf_puts(b, "</li>");
    }
    if (f->nsimilar)
        rc |= buf_puts(b, "</ul>");
    return rc | buf_puts(b, "</li>\n");
}

static int put_facts(buf *b, const cmp_report *r)
{
    static const char *const ids[] = {"facts-all", "facts-several", "facts-one"};
    static const char *const titles[] = {"Reported by all", "Reported by several", "Reported by one only"};
    size_t n = r->c->narticles;
    int rc = buf_puts(b, "<section id=\"facts\"><h2>Facts by support</h2>\n");
    for (int sec = 0; sec < 3; sec++) {
        size_t count = 0;
        for (size_t i = 0; i < r->facts.n; i++)
            count += (r->facts.f[i].support >= n && n > 1 ? 0 : r->facts.f[i].support > 1 ? 1 : 2) == sec;
        if (sec == 2)
            rc |= buf_printf(b, "<details id=\"%s\"><summary>%s (%zu)</summary>\n<ul class=\"facts\">\n", ids[sec],
                             titles[sec], count);
        else
            rc |= buf_printf(b, "<div id=\"%s\"><h3>%s (%zu)</h3>\n<ul class=\"facts\">\n", ids[sec], titles[sec],
                             count);
        for (size_t i = 0; i < r->facts.n && rc == 0; i++) {
            const cmp_fact *f = &r->facts.f[i];
            if ((f->support >= n && n > 1 ? 0 : f->support > 1 ? 1 : 2) == sec)
                rc |= put_fact(b, r, f);
        }
        if (count == 0)
            rc |= buf_puts(b, "<li class=\"muted\">none</li>\n");
        rc |= buf_puts(b, sec == 2 ? "</ul></details>\n" : "</ul></div>\n");
    }
    return rc | buf_puts(b, "</section>\n");
}

/* A sentence with one quantity marked. */
static int put_marked_sentence(buf *b, const cmp_report *r, const cmp_quantity *q)
{
    const sentence *s = &r->c->sents[q->sent];
    const char *t = r->c->articles[q->article].text;
    int rc = html_text(b, t + s->start, q->start - s->start);
    rc |= buf_puts(b, "<mark class=\"n\">");
    rc |= html_text(b, t + q->start, q->end - q->start);
    rc |= buf_puts(b, "</mark>");
    return rc | html_text(b, t + q->end, s->end - q->end);
}

/* Groups of counts of one thing as a section: the discrepancies (values
 * that differ) or the counts given alike (one value each). */
static int put_counts(buf *b, const cmp_report *r, const char *id, const char *title, const char *note,
                      const cmp_discrepancy *list, size_t n)
{
    /* agreement is drawn in green, disagreement in red */
    const char *box = strcmp(id, "agreements") ? "<div class=\"disc\"><h3>" : "<div class=\"disc alike\"><h3>";
    int rc = buf_printf(b, "<section id=\"%s\"><h2>%s (%zu)</h2>\n<p class=\"muted\">%s</p>\n", id, title, n, note);
    for (size_t i = 0; i < n && rc == 0; i++) {
        const cmp_discrepancy *d = &list[i];
        const cmp_quantity *q0 = &r->quant[d->values[0].mentions[0]];
        rc |= buf_puts(b, box);
        rc |= html_text(b, r->c->articles[q0->article].text + q0->unit_start, q0->unit_end - q0->unit_start);
        rc |= buf_puts(b, ": ");
        for (uint32_t v = 0; v < d->nvalues; v++) {
            char txt[128];
            cmp_quantity_text(r, &r->quant[d->values[v].mentions[0]], txt, sizeof txt);
            rc |= buf_puts(b, v ? " vs " : "");
            rc |= html_str(b, txt);
        }
        rc |= buf_puts(b, "</h3><table>\n");
        for (uint32_t v = 0; v < d->nvalues; v++)
            for (uint32_t k = 0; k < d->values[v].nmentions; k++) {
                const cmp_quantity *q = &r->quant[d->values[v].mentions[k]];
                char txt[128];
                cmp_quantity_text(r, q, txt, sizeof txt);
                rc |= buf_puts(b, "<tr><td class=\"val\">");
                rc |= html_str(b, txt);
                rc |= buf_puts(b, "</td><td>");
                rc |= src_link(b, q->article, r->c->sents[q->sent].start);
                rc |= buf_puts(b, "</td><td>");
                rc |= put_marked_sentence(b, r, q);
                rc |= buf_puts(b, "</td></tr>\n");
            }
        rc |= buf_puts(b, "</table></div>\n");
    }
    return rc | buf_puts(b, "</section>\n");
}

/* One quote group: its wording, how this outlet named the speaker, and
 * the other outlets' wordings when they differ. */
static int put_quote_group(buf *b, const cmp_report *r, const cmp_quote_group *g)
{
    const cmp_quote *q0 = &r->quotes[g->members[0]];
    int rc = buf_puts(b, "<div class=\"quote\"><q>");
    rc |= html_text(b, r->c->articles[q0->article].text + q0->start, q0->end - q0->start);
    rc |= buf_puts(b, "</q><div class=\"speaker\">&mdash; ");
    rc |= g->speaker ? html_str(b, g->speaker) : buf_puts(b, "<span class=\"muted\">unattributed</span>");
    rc |= buf_printf(b, " &middot; %u article%s", g->articles, g->articles == 1 ? "" : "s");
    for (uint32_t k = 0; k < g->nmembers; k++)
        rc |= place_link(b, r->c, r->quotes[g->members[k]].article, r->quotes[g->members[k]].start);
    if (g->wording_differs)
        rc |= buf_puts(b, " <span class=\"diff\">wording differs</span>");
    rc |= buf_puts(b, "</div>\n");
    for (uint32_t k = 1; k < g->nmembers && g->wording_differs; k++) {
        const cmp_quote *q = &r->quotes[g->members[k]];
        rc |= buf_printf(b, "<div class=\"variant\">[%u] &ldquo;", q->article + 1);
        rc |= html_text(b, r->c->articles[q->article].text + q->start, q->end - q->start);
        rc |= buf_puts(b, "&rdquo;</div>\n");
    }
    return rc | buf_puts(b, "</div>\n");
}

/* Who said what: a heading per speaker, their quotes under it. */
static int put_quotes(buf *b, const cmp_report *r)
{
    int rc = buf_printf(b, "<section id=\"quotes\"><h2>Quotes (%zu), by speaker</h2>\n", r->nqgroups);
    for (size_t i = 0; i < r->nspeakers && rc == 0; i++) {
        const cmp_speaker *sp = &r->speakers[i];
        rc |= buf_puts(b, "<h3>");
        rc |= sp->name ? html_str(b, sp->name) : buf_puts(b, "Unattributed");
        rc |= buf_printf(b, " <span class=\"muted\">%u quote%s &middot; %u article%s</span></h3>\n", sp->ngroups,
                         sp->ngroups == 1 ? "" : "s", sp->articles, sp->articles == 1 ? "" : "s");
        for (uint32_t k = 0; k < sp->ngroups; k++)
            rc |= put_quote_group(b, r, &r->qgroups[sp->groups[k]]);
    }
    return rc | buf_puts(b, "</section>\n");
}

static void mark(uint8_t *hl, uint32_t len, uint32_t s, uint32_t e, uint8_t bit)
{
    for (uint32_t k = s; k < e && k < len; k++)
        hl[k] |= bit;
}

/* One article: runs of bytes with the same highlight and sentence become
 * spans; a sentence's first run carries the anchor its links point to. */
static int put_source(buf *b, const cmp_report *r, uint32_t ai, uint8_t *hl)
{
    const precis_cluster *c = r->c;
    const article *a = &c->articles[ai];
    int rc = buf_printf(b, "<div class=\"col\" id=\"a%u\"><h3>[%u] ", ai + 1, ai + 1);
    rc |= html_str(b, a->id);
    rc |= buf_puts(b, "</h3><div class=\"text\">");
    uint32_t s = a->first, send = a->first + a->count;
    uint32_t pos = 0;
    while (pos < a->len && rc == 0) {
        while (s < send && c->sents[s].end <= pos)
            s++;
        int in = s < send && c->sents[s].start <= pos;
        uint32_t stop = a->len;
        if (s < send)
            stop = in ? c->sents[s].end : c->sents[s].start;
        uint32_t e = pos + 1;
        while (e < stop && hl[e] == hl[pos])
            e++;
        if (in && pos == c->sents[s].start)
            rc |= buf_printf(b, "<a id=\"p%u-%u\"></a>", ai, pos);
        rc |= buf_puts(b, "<span");
        if (in)
            rc |= buf_printf(b, " data-s=\"%u-%u\"", ai, c->sents[s].start);
        if (hl[pos])
            rc |= buf_printf(b, " class=\"%s%s%s\"", hl[pos] & HL_WIRE ? "w " : "", hl[pos] & HL_QUOTE ? "q " : "",
                             hl[pos] & HL_NUM ? "n" : "");
        rc |= buf_putc(b, '>');
        rc |= html_text(b, a->text + pos, e - pos);
        rc |= buf_puts(b, "</span>");
        pos = e;
    }
    return rc | buf_puts(b, "</div></div>\n");
}

static int put_sources(buf *b, const cmp_report *r)
{
    const precis_cluster *c = r->c;
    int rc = buf_puts(b, "<section id=\"sources\"><h2>Sources</h2>\n<p class=\"legend\">"
                         "<label><input type=\"checkbox\" data-hl=\"hw\" checked> <span class=\"w\" "
                         "style=\"background:#fff0b3\">shared wire copy</span></label>"
                         "<label><input type=\"checkbox\" data-hl=\"hq\" checked> <span style=\"background:#dbe8fb\">"
                         "quotations</span></label>"
                         "<label><input type=\"checkbox\" data-hl=\"hn\" checked> <span style=\"background:#f6c8c1\">"
                         "disputed numbers</span></label></p>\n<div class=\"cols\">\n");
    for (uint32_t ai = 0; ai < c->narticles && rc == 0; ai++) {
        uint32_t len = c->articles[ai].len;
        uint8_t *hl = calloc(len + 1, 1);
        if (!hl)
            return -1;
        for (size_t i = 0; i < r->overlap.npass; i++) {
            const cmp_passage *p = &r->overlap.pass[i];
            if (p->a == ai)
                mark(hl, len, p->a_start, p->a_end, HL_WIRE);
            if (p->b == ai)
                mark(hl, len, p->b_start, p->b_end, HL_WIRE);
        }
        for (size_t i = 0; i < r->nquotes; i++)
            if (r->quotes[i].article == ai)
                mark(hl, len, r->quotes[i].start, r->quotes[i].end, HL_QUOTE);
        for (size_t i = 0; i < r->ndisc; i++)
            for (uint32_t v = 0; v < r->disc[i].nvalues; v++)
                for (uint32_t k = 0; k < r->disc[i].values[v].nmentions; k++) {
                    const cmp_quantity *q = &r->quant[r->disc[i].values[v].mentions[k]];
                    if (q->article == ai)
                        mark(hl, len, q->start, q->end, HL_NUM);
                }
        rc |= put_source(b, r, ai, hl);
        free(hl);
    }
    return rc | buf_puts(b, "</div></section>\n");
}

int cmp_render_html(const cmp_report *r, buf *b)
{
    int rc = put_header(b, r);
    rc |= put_summary(b, r);
    rc |= put_overlap(b, r);
    rc |= put_counts(b, r, "discrepancies", "Discrepancies",
                     "Quantities of the same thing (same unit, agreeing context) that the articles give differently.",
                     r->disc, r->ndisc);
    rc |= put_counts(b, r, "agreements", "Counts given alike",
                     "Counts of one thing that two or more articles give the same, in sentences that agree on "
                     "what happened.",
                     r->agree, r->nagree);
    rc |= put_quotes(b, r);
    rc |= put_facts(b, r);
    rc |= put_sources(b, r);
    rc |= buf_puts(b, "</main>\n");
    rc |= buf_puts(b, page_script);
    rc |= buf_puts(b, "</body></html>\n");
    return rc ? -1 : 0;
}

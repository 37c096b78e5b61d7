/*
 * md.c: Markdown, for pasting into notes and tickets. Each sentence is a
 * list item followed by its sources as footnote-style references.
 *
 * Each item is one line, whatever the ids hold: an article id is a file
 * name, which may contain a newline or bytes that are not UTF-8. Control
 * characters and such bytes are written as U+FFFD, as in plain text
 * (text/shown.h; the text itself was checked as UTF-8 on input and its
 * white space collapsed). A name is shown as a code span whose fence
 * outruns any backticks in it.
 */
#include "render/render.h"
#include "text/shown.h"
#include "text/utf8.h"

/* Markdown would read these characters as markup ('~' strikes text
 * through in GitHub's dialect, "~~~" opens a code fence). */
static int md_markup(char ch)
{
    return ch == '\\' || ch == '*' || ch == '_' || ch == '[' || ch == ']' || ch == '`' || ch == '<' ||
           ch == '>' || ch == '#' || ch == '|' || ch == '~';
}

/* Where the text of an item, s[0..len), opens a list of its own: the
 * index of the character to put behind a backslash, or len if none. In
 * "- 1. The mayor ..." or "- + Police ..." the sentence would render as a
 * list nested in the item, its "1." or "+" turned into a list marker.
 * CommonMark: a bullet is '-' or '+' before a space (or alone; "---" is a
 * rule), an ordered marker up to nine digits and '.' or ')' before one. */
static size_t md_list_marker(const char *s, size_t len)
{
    if (len && (s[0] == '-' || s[0] == '+'))
        return len == 1 || s[1] == ' ' || s[1] == '-' ? 0 : len;
    size_t i = 0;
    while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i && i < len && (s[i] == '.' || s[i] == ')') && (i + 1 == len || s[i + 1] == ' '))
        return i;
    return len;
}

/* s[0..len) with control characters, bidirectional overrides and bytes
 * of no UTF-8 character as U+FFFD (text/shown.h), and, if escape, markup
 * characters behind a backslash. */
static int md_put(buf *out, const char *s, size_t len, int escape)
{
    int rc = 0;
    for (size_t i = 0; i < len && rc == 0; i++) {
        unsigned char ch = (unsigned char)s[i];
        size_t bad = shown_replaced(s + i, len - i), n = utf8_seq_len(s + i, len - i);
        if (bad) {
            rc = buf_puts(out, UTF8_REPLACEMENT);
            i += bad - 1;
        } else {
            if (escape && md_markup((char)ch))
                rc = buf_putc(out, '\\');
            rc = rc || buf_append(out, s + i, n);
            i += n - 1;
        }
    }
    return rc;
}

static int md_put_cstring(buf *out, const char *s)
{
    size_t len = 0;
    while (s[len])
        len++;
    return md_put(out, s, len, 0);
}

static int md_escaped(const precis_summary_sentence *item, buf *out)
{
    buf plain = BUF_INIT;
    if (render_collapsed(item, &plain) != 0)
        return -1;
    size_t mark = md_list_marker(plain.data, plain.len);
    int rc = md_put(out, plain.data, mark, 1);
    if (rc == 0 && mark < plain.len)
        rc = buf_putc(out, '\\') || md_put(out, plain.data + mark, plain.len - mark, 1);
    buf_free(&plain);
    return rc;
}

/* n backticks, the fence of a code span. */
static int md_fence(buf *out, size_t n)
{
    int rc = 0;
    while (n-- && rc == 0)
        rc = buf_putc(out, '`');
    return rc;
}

/* s as a code span. A file name may hold backticks, and a run of them as
 * long as the fence would close the span early (CommonMark), so the fence
 * is one backtick longer than the name's longest run; a name that starts
 * or ends with a backtick or a space gets a space inside each end, which
 * a reader strips again. */
static int md_code_span(buf *out, const char *s)
{
    size_t len = 0, run = 0, longest = 0;
    for (; s[len]; len++) {
        run = s[len] == '`' ? run + 1 : 0;
        longest = run > longest ? run : longest;
    }
    int pad = len && (s[0] == '`' || s[0] == ' ' || s[len - 1] == '`' || s[len - 1] == ' ');
    return md_fence(out, longest + 1) || (pad && buf_putc(out, ' ')) || md_put(out, s, len, 0) ||
           (pad && buf_putc(out, ' ')) || md_fence(out, longest + 1);
}

static int md_place_wanted(const precis_place *p, int partial)
{
    return partial < 0 || p->partial == partial;
}

/* Of the n places at p, those whose partial flag is `partial` (any when
 * it is -1), after the given lead-in. */
static int md_places(const precis_place *p, size_t n, int partial, const char *lead, buf *out)
{
    /* An article that carries the sentence twice is named once, with both
     * ranges ("`a.txt` 404-554, 1333-1498"). */
    int first = 1;
    for (size_t k = 0; k < n; k++) {
        if (!md_place_wanted(&p[k], partial))
            continue;
        size_t e = 0;
        while (e < k && !(md_place_wanted(&p[e], partial) && p[e].article == p[k].article))
            e++;
        if (e < k)
            continue; /* printed with the first of its article */
        if (buf_puts(out, first ? lead : "; ") != 0 || md_code_span(out, p[k].article_id) != 0 ||
            buf_printf(out, " %zu-%zu", p[k].start, p[k].end) != 0)
            return -1;
        for (size_t m = k + 1; m < n; m++)
            if (md_place_wanted(&p[m], partial) && p[m].article == p[k].article &&
                buf_printf(out, ", %zu-%zu", p[m].start, p[m].end) != 0)
                return -1;
        first = 0;
    }
    return 0;
}

/* The places that carry the sentence, those that carry only part of it
 * after "partly:", and the near-duplicates left out for their numbers
 * after "other numbers:". */
static int md_sources(const precis_summary_sentence *item, buf *out)
{
    if (buf_printf(out, " *(%zu source%s:", item->support, item->support == 1 ? "" : "s") != 0 ||
        md_places(item->places, item->nplaces, 0, " ", out) != 0 ||
        md_places(item->places, item->nplaces, 1, "; partly: ", out) != 0 ||
        md_places(item->other_numbers, item->nother_numbers, -1, "; other numbers: ", out) != 0)
        return -1;
    return buf_puts(out, ")*\n");
}

int render_md(const precis_summary *s, buf *out)
{
    if (buf_printf(out, "## Summary%s", s->cluster_id[0] ? ": " : "") != 0 ||
        md_put_cstring(out, s->cluster_id) != 0 || buf_puts(out, "\n\n") != 0)
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        const precis_summary_sentence *item = &s->items[i];
        if (buf_puts(out, "- ") != 0 || md_escaped(item, out) != 0 || md_sources(item, out) != 0)
            return -1;
    }
    return 0;
}

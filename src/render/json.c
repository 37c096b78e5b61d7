/*
 * json.c: the JSON rendering (schema in README.md, "JSON output").
 *
 * Written directly into the output buffer: building a jansson tree for
 * every summary cost a quarter of the whole --jsonl run. The escaping is
 * the one place that matters for correctness; it is the minimal escaping
 * RFC 8259 requires (quote, backslash, control characters). Article text
 * is valid UTF-8 already, but an article's id may be a file name in any
 * bytes: a byte that does not belong to a valid UTF-8 character is written
 * as \ufffd (U+FFFD), so the output is always valid UTF-8 JSON.
 */
#include <stdio.h>

#include "render/render.h"
#include "text/utf8.h"

static int put_string(buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    if (buf_reserve(out, len + 2) != 0 || buf_putc(out, '"') != 0)
        return -1;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : utf8_seq_len(s + i, len - i);
        if (n > 1) {
            i += n - 1;
            continue;
        }
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
            continue;
        if (buf_append(out, s + run, i - run) != 0)
            return -1;
        run = i + 1;
        if (c >= 0x80) { /* a byte of no valid UTF-8 character */
            if (buf_puts(out, "\\ufffd") != 0)
                return -1;
            continue;
        }
        char esc[7] = {'\\', 0};
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
        }
        if (buf_puts(out, esc) != 0)
            return -1;
    }
    if (buf_append(out, s + run, len - run) != 0)
        return -1;
    return buf_putc(out, '"');
}

static int put_cstring(buf *out, const char *s)
{
    size_t len = 0;
    while (s[len])
        len++;
    return put_string(out, s, len);
}

static int put_place(buf *out, const precis_place *p)
{
    if (buf_printf(out, "{\"article\":%zu,\"id\":", p->article) != 0 || put_cstring(out, p->article_id) != 0)
        return -1;
    if (buf_printf(out, ",\"start\":%zu,\"end\":%zu", p->start, p->end) != 0)
        return -1;
    return buf_puts(out, p->partial ? ",\"partial\":true}" : "}");
}

static int put_sentence(buf *out, const precis_summary_sentence *item)
{
    if (buf_puts(out, "{\"text\":") != 0 || put_string(out, item->text, item->len) != 0)
        return -1;
    if (item->cut && buf_puts(out, ",\"cut\":true") != 0)
        return -1;
    /* Six decimals, so the bytes do not depend on the last float digit. */
    if (buf_printf(out, ",\"score\":%.6f,\"support\":%zu,\"sources\":[", item->score, item->support) != 0)
        return -1;
    for (size_t k = 0; k < item->nplaces; k++)
        if ((k && buf_putc(out, ',') != 0) || put_place(out, &item->places[k]) != 0)
            return -1;
    if (buf_putc(out, ']') != 0)
        return -1;
    /* Only when there are some, so briefs without them keep their bytes. */
    if (item->nother_numbers && buf_puts(out, ",\"other_numbers\":[") != 0)
        return -1;
    for (size_t k = 0; k < item->nother_numbers; k++)
        if ((k && buf_putc(out, ',') != 0) || put_place(out, &item->other_numbers[k]) != 0)
            return -1;
    return buf_puts(out, item->nother_numbers ? "]}" : "}");
}

int render_json(const precis_summary *s, buf *out)
{
    if (buf_puts(out, "{\"id\":") != 0 || put_cstring(out, s->cluster_id) != 0 ||
        buf_puts(out, ",\"method\":") != 0 || put_cstring(out, s->method) != 0 ||
        buf_puts(out, ",\"chosen\":") != 0 || put_cstring(out, s->chosen) != 0 ||
        buf_printf(out, ",\"read\":\"%s\"", s->read_openings ? "openings" : "all") != 0 ||
        buf_printf(out, ",\"words\":%zu,\"bytes\":%zu,\"articles\":[", s->words, s->bytes) != 0)
        return -1;
    for (size_t k = 0; k < s->narticles; k++)
        if ((k && buf_putc(out, ',') != 0) || put_cstring(out, s->article_ids[k]) != 0)
            return -1;
    /* Only when some article was turned away, so other briefs keep their
     * bytes. */
    if (s->nleft_out && buf_puts(out, "],\"left_out\":[") != 0)
        return -1;
    for (size_t k = 0; k < s->nleft_out; k++)
        if ((k && buf_putc(out, ',') != 0) || put_cstring(out, s->left_out_ids[k]) != 0)
            return -1;
    if (buf_puts(out, "],\"sentences\":[") != 0)
        return -1;
    for (size_t i = 0; i < s->n; i++)
        if ((i && buf_putc(out, ',') != 0) || put_sentence(out, &s->items[i]) != 0)
            return -1;
    return buf_puts(out, "]}");
}

/*
 * fuzz_compare.c: libFuzzer target for the cross-source view
 * (precis_compare, src/compare/) in its three formats.
 *
 * Build with `make fuzz` (build/fuzz/fuzz_compare); corpus in
 * fuzz/corpus/compare/.
 *
 * Input: byte 0 is reserved (options to come), the rest is split at 0xFF
 * bytes into articles (at most 8), added as in fuzz_summarize.
 *
 * Checks:
 *  - every output is NUL-terminated at its length; JSON is valid JSON;
 *  - the HTML page holds exactly one <script> and one <style> element
 *    (the page's own), every other '<' opens or closes an element of the
 *    short list the report uses, no attribute is an event handler
 *    (on...), every attribute value is double-quoted, and every href is
 *    a fragment ("#..."): article text never becomes markup.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harness.h"
#include "precis.h"

#define MAX_ARTICLES 8

static const char *const tags[] = {
    "!doctype", "html", "head", "meta", "title", "style", "script", "body", "header", "nav", "main",
    "section", "h1", "h2", "h3", "p", "div", "span", "a", "ol", "ul", "li", "table", "tr", "th", "td",
    "details", "summary", "label", "input", "q", "mark", "br", "em", "strong", "small", "b", "i", "code",
    "footer", "thead", "tbody", NULL};

static int known_tag(const char *name, size_t len)
{
    for (size_t i = 0; tags[i]; i++)
        if (strlen(tags[i]) == len && !strncasecmp(tags[i], name, len))
            return 1;
    return 0;
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* Check one tag starting at s[i] == '<'; returns the index after '>'. */
static size_t check_tag(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j < len && s[j] == '/')
        j++;
    size_t name = j;
    while (j < len && (isalnum((unsigned char)s[j]) || s[j] == '!'))
        j++;
    if (!known_tag(s + name, j - name))
        __builtin_trap();
    for (;;) {
        while (j < len && s[j] == ' ')
            j++;
        if (j >= len)
            __builtin_trap();
        if (s[j] == '>')
            return j + 1;
        if (s[j] == '/' && j + 1 < len && s[j + 1] == '>')
            return j + 2;
        size_t an = j;
        while (j < len && (isalnum((unsigned char)s[j]) || s[j] == '-'))
            j++;
        if (j == an || (j - an >= 2 && !strncasecmp(s + an, "on", 2)))
            __builtin_trap();
        int href = j - an == 4 && !strncasecmp(s + an, "href", 4);
        if (j < len && s[j] == '=') {
            j++;
            if (j >= len || s[j] != '"')
                __builtin_trap();
            const char *end = memchr(s + j + 1, '"', len - j - 1);
            if (!end || memchr(s + j + 1, '<', (size_t)(end - s) - j - 1))
                __builtin_trap();
            if (href && s[j + 1] != '#')
                __builtin_trap();
            j = (size_t)(end - s) + 1;
        }
    }
}

static void check_html(const char *s, size_t len)
{
    if (count(s, "<script") != 1 || count(s, "</script>") != 1 || count(s, "<style") != 1 ||
        count(s, "</style>") != 1)
        __builtin_trap();
    const char *script = strstr(s, "<script"), *script_end = strstr(s, "</script>");
    const char *style = strstr(s, "<style"), *style_end = strstr(s, "</style>");
    size_t i = 0;
    while (i < len) {
        const char *p = memchr(s + i, '<', len - i);
        if (!p)
            break;
        i = (size_t)(p - s);
        /* element content of the page's own style and script is skipped */
        if (p > script && p < script_end) {
            i = (size_t)(script_end - s);
            continue;
        }
        if (p > style && p < style_end) {
            i = (size_t)(style_end - s);
            continue;
        }
        i = check_tag(s, len, i);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    precis_error err;
    precis_engine *eng = fuzz_engine();
    data++, size--;
    precis_cluster *c;
    if (precis_cluster_new(eng, "fuzz <b>\"id\"</b>", &c, &err) != PRECIS_OK)
        abort();
    size_t na = 0;
    pieces in;
    pieces_init(&in, data, size);
    const char *piece;
    size_t piece_len;
    while (na < MAX_ARTICLES && pieces_next(&in, &piece, &piece_len)) {
        char id[32];
        snprintf(id, sizeof id, "<i>doc %zu</i>", na);
        if (precis_cluster_add(c, id, piece, piece_len, &err) == PRECIS_OK)
            na++;
        else if (!err.message[0])
            __builtin_trap();
    }
    if (na == 0) {
        precis_cluster_free(c);
        return 0;
    }
    for (int f = PRECIS_COMPARE_TEXT; f <= PRECIS_COMPARE_HTML; f++) {
        char *out = NULL;
        size_t len = 0;
        precis_status st = precis_compare(c, (precis_compare_format)f, &out, &len, &err);
        if (st != PRECIS_OK) {
            if (!err.message[0] || out)
                __builtin_trap();
            continue;
        }
        if (!out || strlen(out) != len)
            __builtin_trap();
        if (f == PRECIS_COMPARE_JSON) {
            json_error_t jerr;
            json_t *root = json_loadb(out, len, 0, &jerr);
            if (!root)
                __builtin_trap();
            json_decref(root);
        } else if (f == PRECIS_COMPARE_HTML) {
            check_html(out, len);
        }
        free(out);
    }
    precis_cluster_free(c);
    return 0;
}

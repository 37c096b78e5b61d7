/*
 * fuzz_html.c: libFuzzer target for main-text extraction from HTML pages
 * (src/io/html.c, on top of gumbo).
 *
 * Build (from the repository root; the library objects are compiled with
 * the same sanitizers so the whole path is checked):
 *
 *   make BUILD=build/fuzz-html CC=clang OPT=-O1 \
 *        SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" build/fuzz-html/libprecis.a
 *   clang -std=c11 -O1 -g -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iinclude -Isrc \
 *        fuzz/fuzz_html.c build/fuzz-html/libprecis.a \
 *        $(pkg-config --libs libutf8proc libzstd jansson sqlite3 gumbo) -lstemmer -lglpk -lm \
 *        -o build/fuzz-html/fuzz_html
 *   mkdir -p fuzz/corpus/html && cp tests/data/html/news1.html tests/data/html/divs.html fuzz/corpus/html/
 *   build/fuzz-html/fuzz_html -max_len=65536 -max_total_time=300 fuzz/corpus/html
 *
 * Checks, beyond "no crash, no leak, no undefined behaviour": a page is
 * either refused with a status in range and a message, or gives a body
 * that is non-empty, valid UTF-8 without NUL bytes, has no leading or
 * trailing white space and no run of three newlines; title, date and
 * byline are valid UTF-8 too. The whole page is also sniffed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/html.h"
#include "text/utf8.h"

static void check_text(const buf *b, int nonempty)
{
    size_t bad;
    if (b->len == 0) {
        if (nonempty)
            abort();
        return;
    }
    if (utf8_check(b->data, b->len, &bad) != 0)
        abort();
    if (b->data[b->len] != '\0')
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    html_doc d;
    html_doc_init(&d);
    precis_error err;
    memset(&err, 0, sizeof err);
    (void)html_sniff((const char *)data, size);
    precis_status st = html_extract((const char *)data, size, "fuzz.html", &d, &err);
    if (st != PRECIS_OK) {
        if (st > PRECIS_ERR_INTERNAL || err.message[0] == '\0' || st == PRECIS_ERR_INTERNAL)
            abort();
    } else {
        check_text(&d.body, 1);
        check_text(&d.title, 0);
        check_text(&d.date, 0);
        check_text(&d.byline, 0);
        const char *b = d.body.data;
        if (b[0] == ' ' || b[0] == '\n' || b[d.body.len - 1] == ' ' || b[d.body.len - 1] == '\n')
            abort();
        if (strstr(b, "\n\n\n"))
            abort();
    }
    html_doc_free(&d);
    return 0;
}

/*
 * test_entity.c: HTML character references left in plain text, as
 * Multi-News's articles carry them ("smith &amp; wesson", "&#124; main
 * &#124;"): read where a span is printed or counted, never in the offsets.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "helpers.h"
#include "text/entity.h"
#include "text/token.h"
#include "text/whitespace.h"

static uint32_t ref_at(const char *s, size_t *len)
{
    uint32_t cp = 0;
    *len = entity_len(s, 0, strlen(s), &cp);
    return cp;
}

Test(entity, news_references_are_read)
{
    static const struct {
        const char *text;
        size_t len;
        uint32_t cp;
    } cases[] = {
        {"&amp; wesson", 5, '&'},         {"&#124; main", 6, '|'},         {"&quot;no&quot;", 6, '"'},
        {"&#x2019;s", 8, 0x2019},         {"&eacute;t&eacute;", 8, 0xE9},  {"&AMP; co", 5, '&'},
        {"&mdash; he said", 7, 0x2014},   {"&#128512;", 9, 0x1F600},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t len;
        uint32_t cp = ref_at(cases[k].text, &len);
        cr_expect_eq(len, cases[k].len, "%s: length %zu", cases[k].text, len);
        cr_expect_eq(cp, cases[k].cp, "%s: U+%04X", cases[k].text, (unsigned)cp);
    }
}

Test(entity, anything_else_stays_as_written)
{
    /* AT&T, a reference cut short, DUC's typesetting codes, white space
     * and controls (they would move where words part), surrogates and code
     * points past Unicode's end */
    const char *keep[] = {"&T", "&amp", "&amp wesson", "&QL;", "&#;", "&#x;", "&#9;", "&#0;", "&nbsp;",
                          "&#32;", "&#xA0;", "&#8201;", "&#x85;", "&#xD800;", "&#1114112;",
                          "&#99999999999;", "&", "&#12"};
    for (size_t k = 0; k < sizeof keep / sizeof *keep; k++) {
        size_t len;
        ref_at(keep[k], &len);
        cr_expect_eq(len, 0, "read: %s", keep[k]);
    }
}

Test(entity, printed_and_counted_as_the_characters)
{
    const char *raw = "he pulled out a smith &amp; wesson&nbsp;revolver &#124; main &#124; &QL; AT&T &amp;amp;";
    char out[128];
    size_t n = ws_collapse(raw, 0, strlen(raw), out);
    out[n] = '\0';
    cr_expect_str_eq(out, "he pulled out a smith & wesson&nbsp;revolver | main | &QL; AT&T &amp;");
    cr_expect_eq(ws_collapse(raw, 0, strlen(raw), NULL), n, "counting agrees with printing");
    /* the word budget, counted on the source, holds for what is printed */
    size_t printed_words = count_words(out, 0, n);
    cr_expect_eq(count_words(raw, 0, strlen(raw)), printed_words, "%zu words printed", printed_words);
}

/* The files a test writes go in a directory of its own. */
TEST_DIR_FIXTURE

/* The summary prints the characters; its JSON keeps the source's exact
 * bytes, which its offsets point at. */
Test(entity, a_summary_prints_the_characters, .init = make_tmp, .fini = remove_tmp)
{
    char path_buf[128];
    const char *path = test_dir_file(&tmp, "precis-test-entity.txt", path_buf, sizeof path_buf);
    cr_assert(path);
    test_write(path, "The man pulled out a Smith &amp; Wesson revolver and fired twice, police said on Monday.\n"
          "He was arrested at the scene after a short chase &#124; officers said.\n");
    run_result r = run_precisf("summarize %s --words 60", path);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "a Smith & Wesson revolver"), "%s", r.out);
    cr_expect(strstr(r.out, "after a short chase | officers said."), "%s", r.out);
    cr_expect(!strstr(r.out, "&amp;") && !strstr(r.out, "&#124;"), "%s", r.out);
    run_free(&r);
    r = run_precisf("summarize %s --words 60 --format md", path);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "Smith & Wesson"), "%s", r.out);
    run_free(&r);
    r = run_precisf("summarize %s --words 60 --format json", path);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "Smith &amp; Wesson revolver"), "%s", r.out);
    cr_expect(strstr(r.out, "\"start\":0,\"end\":88"), "%s", r.out);
    run_free(&r);
    /* --bytes holds for the printed text, which is shorter than the
     * source: 66 bytes printed (with the newline), 71 counted on the source */
    test_write(path, "He was arrested at the scene after a short chase &#124; officers said.\n");
    r = run_precisf("summarize %s --bytes 66", path);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_str_eq(r.out, "He was arrested at the scene after a short chase | officers said.\n");
    run_free(&r);
}

/* The cross-source page shows "&amp;" as "&" (escaped once, not twice),
 * and a reference to a direction override as a visible code, as it shows
 * the character itself. */
Test(entity, the_html_report_escapes_what_a_reference_stands_for, .init = make_tmp, .fini = remove_tmp)
{
    char buf_a[128], buf_b[128];
    const char *a = test_dir_file(&tmp, "precis-test-entity-a.txt", buf_a, sizeof buf_a),
               *b = test_dir_file(&tmp, "precis-test-entity-b.txt", buf_b, sizeof buf_b);
    cr_assert(a && b);
    test_write(a, "The man pulled out a Smith &amp; Wesson revolver &#8238;and fired twice &lt;b&gt; on Monday.\n");
    test_write(b, "Police said a man pulled out a Smith &amp; Wesson revolver and fired twice on Monday.\n");
    run_result r = run_precisf("compare %s %s --format html", a, b);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "Smith &amp; Wesson"), "the ampersand");
    cr_expect(!strstr(r.out, "&amp;amp;"), "escaped twice");
    cr_expect(strstr(r.out, "[U+202E]"), "the override shown as a code");
    cr_expect(!strstr(r.out, "\xE2\x80\xAE"), "the override itself in the page");
    cr_expect(strstr(r.out, "twice &lt;b&gt; on") && !strstr(r.out, "&amp;lt;b"), "markup from a reference escaped once");
    run_free(&r);
}

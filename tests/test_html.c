/*
 * test_html.c: main-text extraction from news pages (io/html.c): what is
 * kept (title, date, byline, story paragraphs), what is dropped (navigation,
 * ads, share bars, related links, comments, footers, scripts), and pages
 * that must give a clear error rather than a crash or a long stall.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "io/html.h"
#include "text/utf8.h"

static html_doc doc;
static char *page;
static size_t page_len;

static precis_status extract_file(const char *name, precis_error *err)
{
    char path[256];
    snprintf(path, sizeof path, "data/html/%s", name);
    free(page);
    page = slurp(path, &page_len);
    cr_assert_not_null(page, "cannot read %s", path);
    return html_extract(page, page_len, name, &doc, err);
}

static void setup(void)
{
    html_doc_init(&doc);
    page = NULL;
}

static void teardown(void)
{
    html_doc_free(&doc);
    free(page);
}

TestSuite(html, .init = setup, .fini = teardown);

Test(html, keeps_title_date_byline_and_story_paragraphs)
{
    precis_error err = {0};
    cr_assert_eq(extract_file("news1.html", &err), PRECIS_OK, "%s", err.message);
    cr_assert_str_eq(doc.title.data, "Flood waters rise in Valencia as rescuers search for missing",
                     "the site name after ' | ' is cut from <title>");
    cr_assert_str_eq(doc.date.data, "2024-10-31T08:15:00Z");
    cr_assert_str_eq(doc.byline.data, "Maria Lopez");
    const char *b = doc.body.data;
    cr_assert(strstr(b, "Rescuers in eastern Spain searched on Thursday") == b, "body starts with the story: %s", b);
    cr_assert_not_null(strstr(b, "turned streets into rivers"));
    cr_assert_not_null(strstr(b, "\"We are still looking for people"));
    cr_assert_not_null(strstr(b, "Spain's weather agency said more rain"));
    /* Paragraphs are separated by one blank line, white space collapsed. */
    cr_assert_not_null(strstr(b, "officials said.\n\nThe floods"));
    cr_assert_null(strstr(b, "  "));
}

Test(html, drops_navigation_ads_comments_related_and_scripts)
{
    precis_error err = {0};
    cr_assert_eq(extract_file("news1.html", &err), PRECIS_OK);
    const char *b = doc.body.data;
    const char *junk[] = {"World", "BUY CHEAP WATCHES", "Share on Facebook", "Spain floods: what we know",
                          "Celebrity wedding", "Most read", "Earlier floods in Spain", "First! This is a reader",
                          "Copyright 2024", "tracking", "font-family", "By Maria Lopez"};
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        cr_assert_null(strstr(b, junk[i]), "'%s' should have been dropped from:\n%s", junk[i], b);
}

Test(html, div_pages_meta_title_time_and_itemprop_author)
{
    precis_error err = {0};
    cr_assert_eq(extract_file("divs.html", &err), PRECIS_OK, "%s", err.message);
    cr_assert_str_eq(doc.title.data, "Council approves new tram line after long debate");
    cr_assert_str_eq(doc.date.data, "2023-03-14T17:30:00+01:00");
    cr_assert_str_eq(doc.byline.data, "Jan de Vries");
    const char *b = doc.body.data;
    cr_assert_not_null(strstr(b, "27 votes in favour and 18 against.\nConstruction is due"), "<br> is a line break: %s",
                       b);
    cr_assert_not_null(strstr(b, "Opponents argued that the 400 million euro budget"));
    cr_assert_null(strstr(b, "newsletter"), "%s", b);
    cr_assert_null(strstr(b, "cookies"), "%s", b);
    cr_assert_null(strstr(b, "Contact us"), "%s", b);
    cr_assert_null(strstr(b, "Privacy"), "%s", b);
}

Test(html, page_without_story_text_is_empty_error)
{
    precis_error err = {0};
    cr_assert_eq(extract_file("empty.html", &err), PRECIS_ERR_EMPTY);
    cr_assert_str_eq(err.where, "empty.html");
    cr_assert_not_null(strstr(err.message, "no article text"));
}

Test(html, broken_bytes_and_unclosed_tags_give_valid_utf8)
{
    precis_error err = {0};
    cr_assert_eq(extract_file("broken.html", &err), PRECIS_OK, "%s", err.message);
    size_t bad;
    cr_assert_eq(utf8_check(doc.body.data, doc.body.len, &bad), 0, "body is valid UTF-8");
    cr_assert_eq(utf8_check(doc.title.data, doc.title.len, &bad), 0, "title is valid UTF-8");
    cr_assert_not_null(strstr(doc.body.data, "This paragraph has broken bytes"));
    cr_assert_not_null(strstr(doc.body.data, "Second paragraph"));
    cr_assert_null(strstr(doc.body.data, "alert(1)"), "script text never reaches the body");
}

Test(html, deep_nesting_is_refused_quickly)
{
    size_t n = 100000;
    char *p = malloc(n * 5 + 64);
    strcpy(p, "<html><body>");
    size_t k = strlen(p);
    for (size_t i = 0; i < n; i++, k += 5)
        memcpy(p + k, "<div>", 5);
    strcpy(p + k, "text");
    precis_error err = {0};
    clock_t t0 = clock();
    cr_assert_eq(html_extract(p, strlen(p), "deep.html", &doc, &err), PRECIS_ERR_TOO_LARGE);
    cr_assert(clock() - t0 < CLOCKS_PER_SEC, "refused before parsing");
    cr_assert_not_null(strstr(err.message, "nests"));
    free(p);
}

Test(html, many_closed_elements_are_fine)
{
    size_t n = 20000;
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><article>");
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "<p>Paragraph %zu says something, with a comma, about the story at hand today.</p>", i);
    buf_puts(&b, "</article></body></html>");
    precis_error err = {0};
    cr_assert_eq(html_extract(b.data, b.len, "long.html", &doc, &err), PRECIS_OK, "%s", err.message);
    cr_assert_not_null(strstr(doc.body.data, "Paragraph 19999 says"));
    buf_free(&b);
}

Test(html, sniffing)
{
    cr_assert(html_sniff("<!DOCTYPE html><html>", 21));
    cr_assert(html_sniff("\xef\xbb\xbf  <html lang=en>", 19));
    cr_assert(html_sniff("\n<HEAD><title>x</title>", 23));
    cr_assert(!html_sniff("Plain text about <b> tags", 25));
    cr_assert(!html_sniff("", 0));
}

/* Found by fuzz/fuzz_html.c: a <br> right after a block gave three newlines. */
Test(html, fuzz_crash_br_after_block_keeps_one_blank_line)
{
    precis_error err = {0};
    cr_assert_eq(extract_file("fuzz-br-after-block.html", &err), PRECIS_OK, "%s", err.message);
    cr_assert_null(strstr(doc.body.data, "\n\n\n"), "%s", doc.body.data);
    cr_assert_neq(doc.body.data[doc.body.len - 1], '\n');
}

/* gumbo turns a numeric character reference far beyond Unicode into a
 * stray byte; the page's text must stay valid UTF-8 (fuzz_html). */
Test(html, fuzz_crash_huge_character_reference_gives_valid_utf8)
{
    static const char p[] = "<!doctype html><html><body><article><p>The river rose overnight, officials "
                            "said in a statement on Monday.</p><p>caf&#x1F9999999999999999; the end.</p>"
                            "</article></body></html>";
    precis_error err = {0};
    cr_assert_eq(html_extract(p, sizeof p - 1, "ref.html", &doc, &err), PRECIS_OK, "%s", err.message);
    size_t bad;
    cr_assert_eq(utf8_check(doc.body.data, doc.body.len, &bad), 0, "invalid UTF-8 at byte %zu of: %s", bad,
                 doc.body.data);
    cr_assert_not_null(strstr(doc.body.data, "the end."), "%s", doc.body.data);
}

/* <title> is the title when there is no meta title: its text was lost (the
 * tag counts as junk for body text), so a page without <h1> got its first
 * paragraph as headline, and one with <h1> kept that, site name and all. */
#define STORM_BODY                                                                                              \
    "<body><nav>Home | World</nav><svg><title>Share icon</title></svg><article><p>A storm hit the coast on "     \
    "Friday, cutting power to thousands of homes, officials said.</p><p>Crews worked through the night, the "  \
    "utility said.</p></article></body></html>"

Test(html, title_tag_without_h1_or_meta_title)
{
    static const char p[] = "<!doctype html><html><head><title> Storm hits\n coast </title></head>" STORM_BODY;
    precis_error err = {0};
    cr_assert_eq(html_extract(p, sizeof p - 1, "p3.html", &doc, &err), PRECIS_OK, "%s", err.message);
    cr_assert_str_eq(doc.title.data, "Storm hits coast");
    cr_assert(!strncmp(doc.body.data, "A storm hit the coast", 21), "%s", doc.body.data);
}

Test(html, title_tag_less_site_name_before_h1)
{
    static const char p[] = "<!doctype html><html><head><title>Storm hits the coast | Daily News</title></head>"
                            "<body><h1>Storm!</h1>" STORM_BODY;
    precis_error err = {0};
    cr_assert_eq(html_extract(p, sizeof p - 1, "p4.html", &doc, &err), PRECIS_OK, "%s", err.message);
    cr_assert_str_eq(doc.title.data, "Storm hits the coast");
}

/* An SVG icon's <title> in the body is not the page's title. */
Test(html, svg_title_is_not_the_page_title)
{
    static const char p[] = "<!doctype html><html><head></head>" STORM_BODY;
    precis_error err = {0};
    cr_assert_eq(html_extract(p, sizeof p - 1, "p5.html", &doc, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(doc.title.len, 0, "%.*s", (int)doc.title.len, doc.title.data);
}

/*
 * fuzz_segment.c: libFuzzer target for furniture_keep + wire_markup_cut +
 * segment_sentences.
 *
 * Inputs that are not valid UTF-8 or hold a NUL are skipped (the library
 * validates before these stages run). For the rest it checks that every
 * kept range and every sentence lies inside the text, is non-empty, is in
 * order without overlap, starts and ends on a character boundary, is
 * trimmed, that no sentence exceeds PRECIS_MAX_SENTENCE_BYTES, and that
 * the question and unterminated flags agree with the sentence's final stop;
 * each sentence also goes through the photo-caption tests (clean/caption.h),
 * and a caption cut never ends past the sentence, and through the
 * leaning-back tests and the glued-furniture and dateline cuts
 * (clean/sentence_edges.h, clean/page_dateline.h), which must not end past
 * it either, and the
 * wire's note and contact tests (clean/wire_markup.h); the whole text goes
 * through the news-budget test.
 *
 * Build and run (from the repository root):
 *
 *   make fuzz && mkdir -p build/fuzz/work/segment
 *   build/fuzz/fuzz_segment -max_total_time=180 -max_len=65536 build/fuzz/work/segment fuzz/corpus/segment
 *
 * Last runs (clang 14, 1 core, corpus seeded from examples/seeds plus a
 * DUC 2006 and a Multi-News sample): 2 x 180 s, 685k and 798k executions,
 * coverage 1768 edges, inputs up to ~7 KB; no crash, leak, sanitizer
 * report or failed check.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean/page_dateline.h"
#include "clean/caption.h"
#include "clean/sentence_edges.h"
#include "clean/furniture.h"
#include "clean/wire_markup.h"
#include "precis.h"
#include "text/segment.h"
#include "text/utf8.h"

static int is_cont(const uint8_t *t, size_t i, size_t len)
{
    return i < len && (t[i] & 0xC0) == 0x80;
}

static int is_space_byte(uint8_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t bad;
    if (size > PRECIS_MAX_ARTICLE_BYTES || utf8_check((const char *)data, size, &bad) != 0)
        return 0;
    const char *text = (const char *)data;
    (void)is_news_budget(text, size); /* libFuzzer's data ends at size: a read past it is caught */
    arena a;
    arena_init(&a, 0);
    span *kept;
    size_t nk = furniture_keep(&a, text, size, &kept);
    if (nk == (size_t)-1)
        abort();
    uint32_t prev = 0;
    for (size_t i = 0; i < nk; i++) {
        if (kept[i].start < prev || kept[i].start >= kept[i].end || kept[i].end > size)
            abort();
        if (is_cont(data, kept[i].start, size) || is_cont(data, kept[i].end, size))
            abort();
        if (memchr(text + kept[i].start, '\n', kept[i].end - kept[i].start))
            abort();
        prev = kept[i].end;
    }
    /* The wire's codes and notes come out of the kept ranges: what is left
     * lies inside them, in order, trimmed and non-empty. */
    span *story;
    size_t nst = wire_markup_cut(&a, text, kept, nk, &story);
    if (nst == (size_t)-1 || nst > 2 * nk + size / 4 + 1)
        abort();
    prev = 0;
    for (size_t i = 0, r = 0; i < nst; i++) {
        while (r < nk && kept[r].end < story[i].end)
            r++;
        if (r == nk || story[i].start < kept[r].start || story[i].start < prev || story[i].start >= story[i].end)
            abort();
        if (story != kept && (is_space_byte(data[story[i].start]) || is_space_byte(data[story[i].end - 1])))
            abort();
        prev = story[i].end;
    }
    kept = story;
    nk = nst;
    seg_sentence *s;
    size_t ns = segment_sentences(&a, text, kept, nk, &s);
    if (ns == (size_t)-1)
        abort();
    prev = 0;
    size_t k = 0;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].start < prev || s[i].start >= s[i].end || s[i].end > size)
            abort();
        if (s[i].end - s[i].start > PRECIS_MAX_SENTENCE_BYTES)
            abort();
        if (is_cont(data, s[i].start, size) || is_cont(data, s[i].end, size))
            abort();
        if (is_space_byte(data[s[i].start]) || is_space_byte(data[s[i].end - 1]))
            abort();
        /* the caption test, on an exact-length copy so that ASan sees any
         * read past the sentence */
        size_t slen = s[i].end - s[i].start;
        char *copy = malloc(slen);
        if (!copy)
            abort();
        memcpy(copy, text + s[i].start, slen);
        (void)is_photo_caption(copy, slen);
        if (caption_prefix_length(copy, slen) > slen)
            abort();
        (void)opens_leaning_back(copy, slen);
        (void)is_whole_quotation(copy, slen);
        (void)is_note_to_editors(copy, slen);
        (void)holds_contact_details(copy, slen);
        (void)is_reader_prompt(copy, slen);
        if (furniture_prefix_length(copy, slen) > slen || dateline_length(copy, slen) > slen ||
            agency_dateline_length(copy, slen) > slen || place_dateline_length(copy, slen) > slen)
            abort();
        int header_only;
        if (running_header_length(copy, slen, &header_only) > slen)
            abort();
        free(copy);
        /* a question is a terminated sentence whose final stop is '?' */
        int stop = final_stop(text, s[i].start, s[i].end);
        if (!!(s[i].flags & SENT_QUESTION) != (stop == '?') || !!(s[i].flags & SENT_UNTERMINATED) != (stop == 0))
            abort();
        /* starts inside a kept range (both lists are in order) */
        while (k < nk && kept[k].end <= s[i].start)
            k++;
        if (k == nk || kept[k].start > s[i].start)
            abort();
        prev = s[i].end;
    }
    arena_free(&a);
    return 0;
}

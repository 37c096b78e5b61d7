/*
 * segment: split story text into sentences, made for news.
 *
 * Handles abbreviations (Mr., Dr., U.S., Sept., Gen., No. 5, Inc.), initials
 * (George W. Bush), decimals and times (8.2, 3.30 p.m.), ellipses, closing
 * quotes and brackets after the final stop, headlines and datelines without
 * final punctuation (each line that does not end a sentence but is followed
 * by a blank line or is short and title-like ends one), and list lines.
 */
#ifndef PRECIS_SEGMENT_H
#define PRECIS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/span.h"

enum {
    SENT_UNTERMINATED = 1 << 0, /* no final . ! ? (headline, dateline, list line, caption) */
    SENT_QUOTE = 1 << 1,        /* starts inside or with a quotation mark */
    SENT_TRUNCATED = 1 << 2,    /* a piece of a sentence cut at PRECIS_MAX_SENTENCE_BYTES (every piece) */
    SENT_QUESTION = 1 << 3,     /* its final stop is a question mark */
    SENT_PART_QUOTE = 1 << 8,   /* set by the cluster: quotation marks do not pair up */
    SENT_CUT = 1 << 9,          /* set by the cluster: the article stops inside this sentence */
    SENT_BOILERPLATE = 1 << 10, /* set by the cluster: on the boilerplate list (clean/boilerplate.h), or a
                                   link widget's label and headline (clean/sentence_edges.h) */
    SENT_CAPTION = 1 << 11,     /* set by the cluster: a photo caption heading the article (clean/caption.h) */
    SENT_LEANS_BACK = 1 << 12,  /* set by the cluster: opens with "he", "his", ..., quotes "he" or "it" as
                                   speaker, or is a whole quotation; never on an article's first sentence
                                   (clean/sentence_edges.h) */
    SENT_LEANS_FORWARD = 1 << 13, /* set by the cluster: opens a quotation with its only straight mark (or
                                   is the middle of such a quotation), and the next sentence goes on with it
                                   (and leans back on this one), so the speaker is named later; selectors
                                   take it only with that sentence */
    SENT_QUOTE_PIECE = 1 << 14, /* set by the cluster: one sentence of a quotation that runs over several
                                   (clean/quotation.h), other than an opening that names its speaker:
                                   someone's words, not a fact an outlet reports */
    SENT_BARRED = 1 << 15       /* set by the summarizer during one call: a sentence that would repeat a
                                   count the summary already gives (select/repeats.c), so not selectable */
};

typedef struct seg_sentence {
    uint32_t start, end;  /* bytes, trimmed of surrounding white space */
    uint32_t flags;       /* SENT_* */
} seg_sentence;

/* Does s[start, end) end with . ! ? or an ellipsis, ignoring closing
 * quotes (straight, curly, guillemets) and brackets after it? */
int ends_with_stop(const char *s, size_t start, size_t end);

/* The stop s[start, end) ends with, under the same rule: '.', '!' or '?'
 * ('.' for an ellipsis), or 0 when there is none. */
int final_stop(const char *s, size_t start, size_t end);

/* Split the given ranges of text (from furniture_keep) into sentences, in
 * order. A sentence never crosses a blank line, and never crosses from one
 * range into a non-adjacent one. Writes an arena array to *out and returns
 * the count, or (size_t)-1 when out of memory. */
size_t segment_sentences(arena *a, const char *text, const span *ranges, size_t nranges,
                         seg_sentence **out);

#endif

/*
 * quotation: which sentences of an article are pieces of one quotation.
 *
 * A quotation that runs over several sentences is someone's words from
 * its first sentence to its last, but only one of them, often the last,
 * says whose: "“We lost a building. The school will reopen in two years.
 * We will rebuild it,” Mayor Ruiz said." Printed alone, the middle
 * sentence reads as the outlet's own claim. So an article's sentences are
 * read in order, and for each this says whether it starts inside a
 * quotation begun before (it leans back on the sentence before), and
 * whether the sentence before opened that quotation without naming the
 * speaker (that one leans forward on this).
 *
 * Two kinds of marks are followed. Marks that say their side (“ ” and
 * `` '') say where a quotation opens and closes; the sentences that hold
 * an unpaired one are pieces no selector prints (quotes_unbalanced), and
 * so are the ones between them, which lean on those. A straight '"' does not say its side, so an odd count
 * says a quotation runs on, and a mark after a comma or a stop (", " said
 * Dr. Hedegaard.) says one closes; a quotation that opens with the
 * sentence's only straight mark names its speaker later. Either kind
 * stays open for three sentences at most, so a stray mark does not
 * swallow an article.
 */
#ifndef PRECIS_QUOTATION_H
#define PRECIS_QUOTATION_H

#include <stddef.h>

/* Where an article's quotations stand after the sentences read so far;
 * zero it before an article's first sentence. */
typedef struct quote_track {
    int straight_open;  /* sentences in which a straight quotation may still be open */
    int sided_open;     /* the same for a quotation in marks that say their side */
    int forward;        /* the sentence before opened a straight quotation with its only mark, or
                           went on with one that did, and left it open */
} quote_track;

/* What quote_track_next says about a sentence (bits). */
enum {
    QUOTE_LEANS_BACK = 1,   /* it starts inside a quotation begun before it */
    QUOTE_PREV_FORWARD = 2, /* the sentence before opened that quotation (or went on with it), and
                               the speaker is named later */
    QUOTE_SELF_FORWARD = 4, /* it goes on with such a quotation, which is still open when its span
                               runs out: the speaker is named further on than a unit reaches */
    QUOTE_UNPAIRED = 8      /* its sided marks do not pair up (quotes_unbalanced) */
};

/* 1 if the sided quotation marks of s[0..len) (“ ” and `` '') do not pair
 * up: the sentence is one piece of a quotation that runs over several
 * sentences ("The surplus is the people's money.''"), and out of its
 * context nobody is saying it. */
int quotes_unbalanced(const char *s, size_t len);

/* Read the next sentence s[0..len) of an article; first is 1 for the
 * article's first sentence, which leans on nothing. Returns QUOTE_* bits
 * and updates q. */
int quote_track_next(quote_track *q, const char *s, size_t len, int first);

#endif

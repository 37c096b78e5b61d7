/*
 * sentence_edges: what a sentence carries at its edges that is not part of
 * what it says, and whether it can stand alone.
 *
 *  - Datelines and wire slugs: "WASHINGTON (AP) -- ", "CARACAS, Venezuela
 *    (AP) _ ", "CUBA-ELIAN _ MIAMI _ ". They open the first sentence of a
 *    wire story; a summary sentence starts after them (the offsets still
 *    point at exact source bytes, just fewer of them).
 *  - Page furniture glued to the front of a sentence when a web page was
 *    flattened to text: "Story highlights", "Image copyright AFP Image
 *    caption", "( photo: mark humphrey, ap )", "Advertisement". Skipped
 *    the same way, from any sentence of an article.
 *  - Unbalanced quotation marks: the sentence is one piece of a quotation
 *    that runs over several sentences ("The surplus is the people's
 *    money.''"), and out of its context nobody is saying it.
 */
#ifndef PRECIS_SENTENCE_EDGES_H
#define PRECIS_SENTENCE_EDGES_H

#include <stddef.h>

/* Bytes of dateline or slug at the start of s[0..len), 0 if none. Never
 * more than leaves a sentence of at least a few words. */
size_t dateline_length(const char *s, size_t len);

/* Bytes of glued page furniture at the start of s[0..len), 0 if none;
 * like dateline_length, never more than leaves a few words. */
size_t furniture_prefix_length(const char *s, size_t len);

/* 1 if the sentence's quotation marks do not pair up. */
int quotes_unbalanced(const char *s, size_t len);

#endif

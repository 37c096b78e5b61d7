/*
 * agency_tag: a news agency's or broadcaster's name in brackets at the
 * head of a sentence, with the place and date before it, however the page
 * that printed the copy cased them.
 *
 * dateline_length (sentence_edges.h) reads the wire's own form, a place in
 * capitals: "BEIRUT (AFP) - ". The pages that carry agency copy re-case it
 * ("Los Angeles (AP) — ", "Washington (CNN) -- "), CNN has dropped the
 * dash and often the place ("(CNN)Hillary Clinton said ...", "( cnn ) a
 * dark intersection."), and Multi-News lower-cased the lot ("roswell,
 * n.m., march 29 ( upi ) -- police in new mexico ..."). Left in, the tag
 * opens a brief's sentence with furniture the reader has to step over.
 *
 * With the case gone, the bracketed name is what tells such a dateline
 * from a sentence that merely starts with a name, so it must be on a short
 * list of agencies and broadcasters, or be a station's call letters
 * ("( wjla ) - "), and it must come within a few words of the sentence's
 * start, with nothing but a place's and a date's words before it.
 */
#ifndef PRECIS_AGENCY_TAG_H
#define PRECIS_AGENCY_TAG_H

#include <stddef.h>

/* Bytes of an agency's dateline at the start of s[0..len), with the space
 * after it, or 0 if there is none: "( cnn ) ", "Los angeles ( ap ) — ",
 * "(CNN)" before "Hillary", "( reuters ) charlotte — ", "( ansa ) - rome,
 * august 25 - ". Never more than leaves a sentence of three words. */
size_t agency_dateline_length(const char *s, size_t len);

#endif

/*
 * page_dateline: datelines as the pages that print wire and newspaper copy
 * write them, however cased.
 *
 * dateline_length (sentence_edges.h) reads the wire's own form, a place in
 * capitals: "BEIRUT (AFP) - ". The pages that carry such copy re-case it
 * ("Los Angeles (AP) — ", "Washington (CNN) -- "), CNN has dropped the
 * dash and often the place ("(CNN)Hillary Clinton said ...", "( cnn ) a
 * dark intersection."), newspapers' sites print a bare place ("Sacramento
 * -- California's budget deficit ..."), and Multi-News lower-cased the lot
 * ("roswell, n.m., march 29 ( upi ) -- police in new mexico ...",
 * "lake stevens, wash. -- one teenager is dead ..."). Left in, the
 * dateline opens a brief's sentence with furniture the reader has to step
 * over.
 *
 * With the case gone, something else must tell a dateline from a sentence
 * that merely starts with a name. For an agency's dateline it is the
 * bracketed name, which must be on a short list of agencies and
 * broadcasters or be a station's call letters ("( wjla ) - "), within a
 * few words of the sentence's start with nothing but a place's and a
 * date's words before it. A bare place has only its dash, which is also
 * how an aside opens ("Amash — who broke down in tears — became ..."), so
 * it is trimmed only where a story begins, and only when what follows the
 * dash reads as the story's first sentence.
 */
#ifndef PRECIS_AGENCY_TAG_H
#define PRECIS_AGENCY_TAG_H

#include <stddef.h>

/* Bytes of an agency's dateline at the start of s[0..len), with the space
 * after it, or 0 if there is none: "( cnn ) ", "Los angeles ( ap ) — ",
 * "(CNN)" before "Hillary", "( reuters ) charlotte — ", "( ansa ) - rome,
 * august 25 - ". Never more than leaves a sentence of three words. */
size_t agency_dateline_length(const char *s, size_t len);

/* Bytes of a bare place's or date's dateline at the start of s[0..len),
 * with its dash and the space after, or 0: "sacramento -- ", "Long beach,
 * calif. — ", "July 10 -- ". Only for a story's first sentence, where a
 * dateline stands; not before an aside ("jacqueline -- who used to be
 * close with staub -- tells us ...", "Slavin — like birnbaum —"), nor
 * when less than five words would be left. */
size_t place_dateline_length(const char *s, size_t len);

/* AP's running stories ("The Latest") head each update with the story's
 * name and the update's time: "the latest on hurricane irma ( all times
 * local ): 9: 25 a.m. Hurricane irma has made landfall ...". Bytes of that
 * header at the start of s[0..len), up to the time's end, or 0 if it is
 * not one. *whole is 1 when less than three words would be left: the
 * sentence is the header alone ("... ( all times local ): 11: 30 a.m."). */
size_t running_header_length(const char *s, size_t len, int *whole);

#endif

/*
 * page_dateline: datelines, as the wire writes them and as the pages that
 * print wire and newspaper copy do, however cased.
 *
 * The wire's own form is a place in capitals, with its agency and slugs:
 * "WASHINGTON (AP) -- ", "CARACAS, Venezuela (AP) _ ", "CUBA-ELIAN _ MIAMI
 * _ " (dateline_length). It opens the first sentence of a wire story; a
 * summary sentence starts after it (the offsets still point at exact
 * source bytes, just fewer of them). The pages that carry such copy
 * re-case it ("Los Angeles (AP) — ", "Washington (CNN) -- "), CNN has dropped the
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
#ifndef PRECIS_PAGE_DATELINE_H
#define PRECIS_PAGE_DATELINE_H

#include <stddef.h>

/* Bytes of dateline or slug in capitals at the start of s[0..len), 0 if
 * none. Never more than leaves a sentence of at least a few words. */
size_t dateline_length(const char *s, size_t len);

/* The same, but only for a dateline that names its agency in brackets
 * ("BEIRUT (AFP) - "): such a line opens a wire story wherever it sits,
 * even after a pasted page's captions, while a bare "US - China talks"
 * past an article's first sentence is the sentence itself. */
size_t wire_dateline_length(const char *s, size_t len);

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

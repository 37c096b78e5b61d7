/*
 * caption: photo captions pasted at the head of an article.
 *
 * A page copied from a news site often starts with the caption of its lead
 * photo, and in Multi-News's flattened sources it becomes the article's
 * first sentence: "Oscar pistorius sits in court during his trial, in
 * pretoria, south africa, friday, aug. 8, 2014." It describes a picture the
 * reader cannot see, and worse, it takes the first-sentence slot that the
 * learned scorer's position features and the lead method give to the
 * story's real lead. (The centrality scorer's position term, which
 * coverage uses as a tie-breaker, still counts raw positions, headlines
 * and captions included.)
 *
 * A caption gives itself away by its conventions, not its topic:
 *  - where people stand in the picture: ", left,", ", second from right,",
 *    "( l-r )", "from left:", "left to right:";
 *  - the agencies' openers: "File - in this ... photo", "File photo",
 *    "In this image made from video ...", "This undated photo provided by"
 *    (a photo word followed by a caption's cue: a comma, "provided",
 *    "released", "made", "taken", "shows", ...);
 *  - the agencies' closing date, after a comma or a weekday:
 *    "..., in madrid, tuesday, dec. 22, 2015." (not "on" a weekday, which
 *    is how a story dates what happened)
 * and by its length: one that runs past CAPTION_MAX_WORDS words has most
 * likely been glued to the story's first sentence, which must not be lost
 * with it; when the credit shows where the caption ends, the caption is cut
 * off instead (caption_prefix_length). The cluster (model/cluster.c) asks
 * only about the sentences before an article's first story sentence; one
 * found is not summary material (SENT_CAPTION, select/select.h:
 * sentence_is_fragment), so a false alarm costs the article its lead:
 * precision comes first.
 */
#ifndef PRECIS_CLEAN_CAPTION_H
#define PRECIS_CLEAN_CAPTION_H

#include <stddef.h>

/* Longer sentences are never taken for a caption. */
#define CAPTION_MAX_WORDS 45

/* 1 if s[0..len) reads as a photo caption under the rules above. */
int is_photo_caption(const char *s, size_t len);

/* A caption glued to the story's first sentence with its photo credit
 * between them, where no full stop separated the two: "2-year-old brody
 * allen ... happy ( photo: provided by the allen family ) colerain police
 * arrested two teens ...". Bytes from the start of s[0..len) to the story
 * after the credit, or 0 when there is no such credit in the first
 * CAPTION_PREFIX_BYTES or too little story after it. Unlike the rules
 * above, the cluster tries this on every sentence, not only those before
 * the first story sentence: the credit marks where a caption ends wherever
 * it stands (a video's blurb often comes first: "Close according to ...
 * Buzz60 david koch ( photo: ... ) washington – ..."). The credit's label
 * may be any of "photo", "photos", "picture", "pictures", "image",
 * "credit", "photo credit", ... and one bracket may nest inside it; or
 * there may be no label, the credit being signed with a slash and an
 * agency or paper ("( evan vucci/ap )", "( sarah parnass/the washington
 * post )", "( ap photo/john raoux )"), which is also cut at a sentence's
 * very start. */
#define CAPTION_PREFIX_BYTES 400
/* The label of a picture's credit and its colon at s[i] ("photo:",
 * "pictures :", "credit:", "photo credit:"): the index after the colon,
 * or 0. Shared with the furniture trims (clean/sentence_edges.c). */
size_t credit_label_end(const char *s, size_t len, size_t i);
size_t caption_prefix_length(const char *s, size_t len);

/* 1 if s[0..len), the text after a sentence, opens with a single photo's
 * credit in brackets, "( photo: mark humphrey, ap )", "(credit: cbs)" or
 * signed with a slash, "( photo by stacy revere/getty images )" (the
 * forms caption_prefix_length knows), or with the Guardian's
 * "Photograph: ignacio lopez/epa":
 * the sentence before it is the photo's caption, wherever it stands
 * ("Kevin the cat was a stowaway on a u-haul truck. ( photo: photo
 * courtesy of john welsh ) a stowaway cat ..."). A gallery's link,
 * "( photos: ... )" or "( pictures: ... )", follows story text too, and
 * does not count; nor does a credit that never closes. */
int photo_credit_follows(const char *s, size_t len);

#endif

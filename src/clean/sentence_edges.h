/*
 * sentence_edges: what a sentence carries at its edges that is not part of
 * what it says, and whether it can stand alone.
 *
 *  - Page furniture glued to the front of a sentence when a web page was
 *    flattened to text: "Story highlights", "Image copyright AFP Image
 *    caption", "( photo: mark humphrey, ap )", "Advertisement". Skipped
 *    from any sentence of an article, as datelines are (clean/
 *    page_dateline.h): the sentence starts after it, and its offsets
 *    still point at exact source bytes, just fewer of them.
 *  - Quotation marks: how many straight marks a sentence holds, and whether
 *    its first one closes a quotation begun before it (the pieces of a
 *    quotation are followed across sentences in clean/quotation.h).
 *  - A sentence that leans on the one before: it opens with a personal
 *    pronoun ("She was banned for two years"), with "it" or a
 *    demonstrative standing for something named before ("It was sold for
 *    $11.8m in 2011.", "That was 16 years ago."; not the empty "it" of "It
 *    is not clear whether ..."), or quotes a pronoun ("..., it said."),
 *    opens on the reason or consequence of what came before ("That's why
 *    some athletes fail the test."), starts inside a quotation begun in an
 *    earlier sentence ("We think he was poisoned, " his brother said.), or
 *    it is all one
 *    quotation whose speaker was named before ("“These organisations are
 *    known,” he was quoted as saying. “The targets are determined ...”"),
 *    or its subject is a bare number ("The two were detained ...", "The
 *    two youngest have asthma."), or it is a numbered step ("3. Get an
 *    anti-virus program and use it.") of a list introduced before.
 *    Without what comes before, the reader cannot tell who is meant, who
 *    is speaking or what "that" was.
 */
#ifndef PRECIS_SENTENCE_EDGES_H
#define PRECIS_SENTENCE_EDGES_H

#include <stddef.h>

/* Bytes of an author's line at the start of s[0..len), 0 if none: "By
 * radar staff ...", "By tom winter and david k. Li ...", "By alexandra
 * seltzer palm beach post staff writer ...". Only for an article's
 * opening, before its first story sentence: past it, "By family members
 * who ..." is the sentence's own. Never more than leaves a few words. */
size_t byline_length(const char *s, size_t len);

/* Bytes of glued page furniture at the start of s[0..len), 0 if none;
 * like dateline_length (clean/page_dateline.h), never more than leaves a
 * few words. */
size_t furniture_prefix_length(const char *s, size_t len);

/* Gannett's pages open with their video player's "Close" button, run into
 * the video's blurb: "Close police say a man shot himself in front of the
 * white house." Bytes of "Close" and the space after it at the start of
 * s[0..len), or 0 when the word continues into the sentence ("Close to
 * 200 people ...", "Close friends of the family said ...") or too little
 * would be left. Only before an article's first story sentence: further
 * in, the word is the sentence's own. */
size_t video_close_length(const char *s, size_t len);

/* 1 if s[0..len) is the prompt to follow an author, "Get email
 * notifications on jeff hampton daily! your notification has been
 * saved." or "Whenever jeff hampton posts new content, you'll get an
 * email ...": page furniture whose name changes with every author, so no
 * list of sentences holds it. */
int opens_with_follow_prompt(const char *s, size_t len);

/* 1 if s[0..len) speaks to the reader of the page, not of the story: a
 * link's "click here" anywhere ("To subscribe to capitol fax, click
 * here.", "Click here to see the cities where the most people smoke."), a
 * pointer to the page's own video ("Watch the short in the video above.",
 * "( see video below. )", "Check out the video above to see what
 * happens."; not "In the video above, she thanks the crowd"), or a login
 * wall's "Just one more thing...". */
int is_reader_prompt(const char *s, size_t len);

/* 1 if s[0..len) opens with a link widget's label ("Related:", "More:",
 * "Watch:", "See also:", "Read more:", ">> related:") or a picture's or
 * video's ("Photo:", "Image:", "Credit:", "Video:"): the rest is another
 * story's headline or a caption run into this one's sentence, not summary
 * material. */
int opens_with_link_label(const char *s, size_t len);

/* 1 if the page furniture s[0..len) (what furniture_prefix_length cut)
 * ends with a picture's or a video's caption label, the BBC's "Image
 * caption" or "Media caption": the caption comes next, with no stop of its
 * own, so what follows is the caption and whatever story sentence it was
 * run into, which cannot be told apart. */
int furniture_ends_with_caption_label(const char *s, size_t len);

/* Straight quotation marks '"' in s[0..len), inch marks (5'10") not
 * counted. Which of them open and which close is not written, so an odd
 * count is what says that a quotation runs on past the sentence. */
int straight_quotes(const char *s, size_t len);

/* 1 if the first straight quotation mark of s[0..len) closes a quotation
 * that began before the sentence: it comes after words and right after a
 * comma, full stop, question or exclamation mark ("They work for the
 * government, " Colbert said.). */
int closes_quotation_first(const char *s, size_t len);

/* 1 if the first word of s[0..len), after any opening quotation marks,
 * is a personal pronoun (he, she, they, his, her, their, him, them, its;
 * not in a title or name: "His Holiness", "He Yafei"), or a pronoun is the
 * speaker of a quotation (", he said.", "?'' she asked", ",” it
 * added"), in any case, or it opens "That's why", "This is because",
 * "That means", or "it", "this", "that", "these" or "those" is its
 * subject and stands for something before ("It eventually led to ...",
 * "This is not cruel."; not "It is believed that ...", "It took four
 * hours to ...", "This week", "That is, ..."), or "The two" (to "ten")
 * with no noun after it is its subject ("The two were detained", "The
 * two youngest have asthma"; not "The two sides agreed"), or it opens
 * with a rank ("3. Get ...", "12) Keep ..."). English only, like the
 * stemmer. */
int opens_leaning_back(const char *s, size_t len);

/* 1 if a quotation or report in s[0..len) is given to a bare name that
 * the sentence before, prev[0..plen), holds and s does not before it:
 * 'Michael drewniak, christie's spokesman, later issued a brief
 * statement.' then '" the supreme court has made its determination, "
 * drewniak said.' Printed alone, the second leaves the reader asking who
 * Drewniak is. Only one word right after a comma or a closing quotation
 * mark and right before "said", "says", "told", "added" and the like;
 * pronouns are opens_leaning_back's, and words that say who without a
 * name ("police", "officials", "the mayor") need no introduction. */
int speaker_named_before(const char *prev, size_t plen, const char *s, size_t len);

/* 1 if s[0..len) is one quotation from its first byte to its last, with
 * no speaker inside ("“...”", "``...''", straight quotes, and
 * Multi-News's spaced ". \""): past an article's first sentence its
 * speaker is named somewhere before it. */
int is_whole_quotation(const char *s, size_t len);

#endif

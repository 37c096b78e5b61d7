/*
 * wire_markup: the typesetting codes and the notes to editors that news
 * agencies' copy carries for the papers that print it.
 *
 * The New York Times News Service marks its lines for the typesetter with
 * codes such as "&QL;" (end of a flush-left paragraph), "&QC;" (a centred
 * line) and "&UR;" / "&LR;" (around a heading or a credit), and its stories
 * carry notes such as "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.)",
 * "(END OPTIONAL TRIM)" or "(EDS: This feature can be easily localized.)".
 * Newswire collections (DUC's, TDT's) keep them. None is story text: a
 * summary printed "(STORY CAN END HERE." because the note is short and
 * shared by every Times article of a cluster, which concept coverage read
 * as a fact all outlets carry, and "&QL;" in front of a sentence.
 *
 * Like furniture.h, this stage never edits text: it takes the byte ranges
 * kept so far and leaves the codes and notes out of them, so offsets stay
 * those of the original article. A range cut there also ends the sentence
 * there (segment.h starts a new block where a gap is not white space),
 * which is what the codes mean: they stand between lines.
 */
#ifndef PRECIS_WIRE_MARKUP_H
#define PRECIS_WIRE_MARKUP_H

#include <stddef.h>

#include "core/arena.h"
#include "core/span.h"

/* The ranges kept[0..n) of text without the agency's typesetting codes and
 * notes to editors. Writes an arena array to *out (which may be kept
 * itself, unchanged, when there is nothing to leave out) and returns its
 * length; (size_t)-1 if the arena is out of memory. */
size_t wire_markup_cut(arena *a, const char *text, const span *kept, size_t n, span **out);

/* 1 if the sentence s[0..len) is an agency's note to the papers that
 * print the story ("EDITORS: Visit The New York Times Syndicate Web site
 * ...", "NONSUBSCRIBERS: To publish a ``separate-buy'' feature article, it
 * must be purchased."): an all-capitals label for editors and a colon. */
int is_note_to_editors(const char *s, size_t len);

/* 1 if the sentence s[0..len) gives a telephone number ("404-526-5887",
 * "(800) 283-7800") or an e-mail address ("toder(at)coxnews.com"): the
 * wire's list of whom editors may call, a column's "Address questions to
 * ...", a hotline. Whom to call is not what happened. */
int holds_contact_details(const char *s, size_t len);

/* 1 if the article text[0..len) is a news service's budget: the list of
 * stories it is sending its clients that day, each a line opened by its
 * slug and dateline and ended by its writer ("CUBA-ELIAN _ MIAMI _ As both
 * sides ... await a ruling, the mayor flies to Washington. (Williams, Cox
 * News Service). 30."), with the desk's notes ("Photo and graphics
 * information ... can be found at the end of this budget."). Its lines
 * are summaries of other stories, written ahead of them, not a story:
 * three lines opened by a slug, or two and one of the budget's phrases,
 * one slug at least of words joined by a hyphen (a roundup's paragraphs
 * open "MOSCOW _ ", "BEIJING _ "). A story carries one slug at most, on
 * its first line. */
int is_news_budget(const char *text, size_t len);

#endif

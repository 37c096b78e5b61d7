/*
 * shown: what the text formats (plain text, Markdown, precis compare's
 * text report, precis stories) print of article text and names, which
 * end up on a terminal.
 *
 * An article may hold control characters (an ANSI escape sequence that
 * recolours or clears the screen) and a file name any bytes (a newline
 * that splits a line of output in two). Neither is ever what a news text
 * meant to say, so the text formats print U+FFFD in their place, one per
 * character: a byte of no valid UTF-8 character, a C0 control (tab and
 * newline too: every item printed is one line; article white space is
 * already collapsed to spaces), DEL, a C1 control (U+0080..U+009F; U+009B
 * starts an escape sequence on some terminals), and the bidirectional
 * embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069),
 * which reorder what follows them on the screen ("Trojan Source").
 * Everything else, the bidirectional marks U+200E/U+200F included, is
 * printed as it is. JSON escapes instead, and article text is kept byte
 * for byte for offsets.
 */
#ifndef PRECIS_SHOWN_H
#define PRECIS_SHOWN_H

#include <stddef.h>

#include "core/buf.h"

/* The bytes of the character at s[0] (len > 0) that one U+FFFD stands for
 * in text output, or 0 if it is printed as it is. */
size_t shown_replaced(const char *s, size_t len);

/* Append s[0..len) to b as text output shows it. 0, or -1 when memory
 * runs out. */
int shown_append(buf *b, const char *s, size_t len);

/* How many more bytes the shown form of valid UTF-8 text s[0..len) has
 * than the text once its white space is collapsed (ws_collapse): U+FFFD
 * is 3 bytes, a C0 control or DEL 1, a C1 control 2. The byte budget
 * counts the text as printed. */
size_t shown_growth(const char *s, size_t len);

/* Append message s (NUL-terminated) to b as a terminal should see it: each
 * line's text shown as above, its newlines kept. Messages name files and
 * quote options, whose bytes are the user's or a downloaded page's. 0, or
 * -1 when memory runs out. */
int shown_message(buf *b, const char *s);

#endif

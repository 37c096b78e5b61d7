/*
 * furniture: find the story text of a pasted news article.
 *
 * Articles copied from web pages carry page furniture: photo captions
 * (often repeated verbatim), share/print widgets, "Advertisement",
 * "Promoted Links", live-blog loaders, bylines and timestamps, newsletter
 * prompts, "Enable Read mode / 100% Font Size", comment-section prompts,
 * agency credits ("Press Association", "[With AFP and Reuters]").
 * This stage decides, line block by line block, what is story text.
 * It never edits text: it returns the byte ranges to keep, so offsets stay
 * those of the original article.
 */
#ifndef PRECIS_FURNITURE_H
#define PRECIS_FURNITURE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/span.h"

/* Split text into lines and keep the story lines. Writes an arena array of
 * kept ranges (each one line, without its line break; consecutive story
 * lines of one paragraph may be given as one range) to *kept and returns
 * their count; returns (size_t)-1 if the arena is out of memory.
 * A story sentence is never dropped: when unsure, keep. */
size_t furniture_keep(arena *a, const char *text, size_t len, span **kept);

#endif

/*
 * boilerplate: sentences that many unrelated pages carry.
 *
 * A web page flattened to one paragraph keeps its widgets as sentences:
 * "You always have the option to delete your tweet location history.",
 * "Starting in 1996, Alexa Internet has been donating their crawl data to
 * the Internet Archive." The line-level furniture pass cannot see them,
 * since they share a line with the story. What gives them away is that
 * the same sentence turns up in story after story about different events,
 * which a story sentence does not: data/boilerplate.tsv.zst lists every
 * sentence found in at least 20 of the Multi-News training clusters
 * (tools/build_boilerplate.c, `make boilerplate`), and a sentence on that
 * list is not summary material: selection passes it over, even in
 * select_greedy's last resort for clusters of short lines, and a cluster
 * of nothing but such notices has no story text (cluster_is_only_notices,
 * select/select.h). The count runs over every training cluster, the 1 in 15
 * that train_scorer holds out included; the list is 114 generic notices,
 * none about a story, so no held-out story leaks through it.
 */
#ifndef PRECIS_CLEAN_BOILERPLATE_H
#define PRECIS_CLEAN_BOILERPLATE_H

#include <stddef.h>

/* Longest sentence (in bytes) that is looked up; the table's sentences are
 * all far shorter, and longer ones are never boilerplate. */
#define BOILERPLATE_MAX_BYTES 400

/* The lookup key of s[0..len): ASCII letters lower-cased, letters, digits
 * and non-ASCII bytes kept, every run of anything else one space, no space
 * at either end; so "Please try again later." and "please try again
 * later !" share a key. out must hold len + 1 bytes; returns the key's
 * length (NUL-terminated). */
size_t boilerplate_key(const char *s, size_t len, char *out);

#endif

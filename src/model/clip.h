/*
 * clip: a cluster's openings, cut the way Multi-News cut its sources.
 *
 * Multi-News (the learned models' training data) kept about 500 tokens of
 * each cluster, shared equally between its articles, a short article's
 * unused share going to the others. A model fitted on those openings reads
 * a full-length cluster best when it is shown the same: cluster_clip
 * makes that view, whole sentences only, without copying any text.
 */
#ifndef PRECIS_CLIP_H
#define PRECIS_CLIP_H

#include <stddef.h>
#include <stdint.h>

#include "model/cluster.h"

/* The words of a sentence that count towards a cluster's size: none for a
 * page notice or a photo caption (SENT_BOILERPLATE, SENT_CAPTION), which
 * are not story text. */
uint32_t story_words(const sentence *s);

/* A new cluster holding every article of c, in order, and of each its
 * first sentences up to its share of `words` story words (the last one
 * kept if more than half of it is within the share; the first always;
 * page notices and photo captions are kept but not counted). The view's
 * articles and sentences point into c's text (same article indices, same
 * byte offsets, and a sentence's `pos` is its index in c's article too),
 * so c must outlive it; free it with precis_cluster_free.
 * Returns 0, or -1 when out of memory (*view is then NULL). */
int cluster_clip(const precis_cluster *c, size_t words, precis_cluster **view);

/* Each article's share of `words` (water-filling: an article shorter than
 * an equal share keeps all of its words and the rest is shared out again
 * among the longer ones). length[i] is article i's words; writes share[i]. */
void clip_shares(const size_t *length, size_t n, size_t words, size_t *share);

#endif

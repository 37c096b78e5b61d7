/*
 * setops: operations on sorted arrays of ids (term ids of a sentence,
 * shingles of a passage), the form in which precis keeps sets.
 */
#ifndef PRECIS_SETOPS_H
#define PRECIS_SETOPS_H

#include <stddef.h>
#include <stdint.h>

/* Sort ids[0..n) ascending. A sentence's ids are a few dozen, where an
 * insertion sort beats qsort's comparator calls; longer arrays go to
 * qsort. */
void sort_ids(uint32_t *ids, size_t n);

/* Sort ids[0..n) ascending and drop repeats; returns how many are left. */
size_t sort_unique_ids(uint32_t *ids, size_t n);

/* Number of ids in both a[0..na) and b[0..nb), both strictly ascending. */
uint32_t sorted_common(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb);

#endif

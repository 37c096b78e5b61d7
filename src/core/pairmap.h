/*
 * pairmap: an open-addressing hash table from a pair of 32-bit ids to a
 * float, for lookups in hot loops (the lexical model's word pairs).
 *
 * Keys live inline beside their values, so a lookup is one multiply and,
 * at the table's load of at most one half, one or two probes of adjacent
 * slots; a generic string map would hash and compare bytes instead.
 */
#ifndef PRECIS_PAIRMAP_H
#define PRECIS_PAIRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct pairmap {
    uint64_t *key;      /* (a << 32 | b), or PAIRMAP_EMPTY */
    float *val;
    size_t mask;        /* capacity - 1; capacity is a power of two, 0 when empty */
    size_t count;
} pairmap;

#define PAIRMAP_EMPTY UINT64_MAX

/* Set the value of (a, b), growing the table as needed. 0, or -1 when out
 * of memory (the table is unchanged then). (UINT32_MAX, UINT32_MAX) is not
 * a valid key. */
int pairmap_put(pairmap *m, uint32_t a, uint32_t b, float v);

/* The value of (a, b), or 0 when absent. */
static inline float pairmap_get(const pairmap *m, uint32_t a, uint32_t b)
{
    if (!m->count)
        return 0;
    uint64_t k = (uint64_t)a << 32 | b;
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 32) & m->mask;
    for (;;) {
        if (m->key[i] == k)
            return m->val[i];
        if (m->key[i] == PAIRMAP_EMPTY)
            return 0;
        i = (i + 1) & m->mask;
    }
}

/* Empty the table and free its memory; it can be used again. */
void pairmap_free(pairmap *m);

#endif

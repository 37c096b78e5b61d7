/*
 * pairmap.c: insertion and growth of the pair table; see pairmap.h.
 */
#include "core/pairmap.h"

#include <stdlib.h>
#include <string.h>

static size_t slot_of(const pairmap *m, uint64_t k)
{
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 32) & m->mask;
    while (m->key[i] != PAIRMAP_EMPTY && m->key[i] != k)
        i = (i + 1) & m->mask;
    return i;
}

static int grow(pairmap *m)
{
    size_t cap = m->mask ? 2 * (m->mask + 1) : 1024;
    pairmap n = {malloc(cap * sizeof *n.key), malloc(cap * sizeof *n.val), cap - 1, m->count};
    if (!n.key || !n.val) {
        free(n.key);
        free(n.val);
        return -1;
    }
    memset(n.key, 0xFF, cap * sizeof *n.key);
    for (size_t i = 0; m->key && i <= m->mask; i++)
        if (m->key[i] != PAIRMAP_EMPTY) {
            size_t j = slot_of(&n, m->key[i]);
            n.key[j] = m->key[i];
            n.val[j] = m->val[i];
        }
    free(m->key);
    free(m->val);
    *m = n;
    return 0;
}

int pairmap_put(pairmap *m, uint32_t a, uint32_t b, float v)
{
    if ((!m->key || 2 * (m->count + 1) > m->mask + 1) && grow(m) != 0)
        return -1;
    uint64_t k = (uint64_t)a << 32 | b;
    size_t i = slot_of(m, k);
    if (m->key[i] == PAIRMAP_EMPTY) {
        m->key[i] = k;
        m->count++;
    }
    m->val[i] = v;
    return 0;
}

void pairmap_free(pairmap *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

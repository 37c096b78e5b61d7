/*
 * u32map.c: see u32map.h.
 */
#include "core/u32map.h"

#include <stdlib.h>
#include <string.h>

static size_t slot_of(uint32_t key, size_t nslots)
{
    return (size_t)((key * 2654435769u) >> 7) & (nslots - 1);
}

void u32map_init(u32map *m)
{
    memset(m, 0, sizeof *m);
}

void u32map_free(u32map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

uint32_t u32map_get(const u32map *m, uint32_t key)
{
    if (!m->nslots)
        return UINT32_MAX;
    size_t j = slot_of(key, m->nslots);
    while (m->keys[j]) {
        if (m->keys[j] == key + 1)
            return m->vals[j];
        j = (j + 1) & (m->nslots - 1);
    }
    return UINT32_MAX;
}

static int grow(u32map *m)
{
    size_t nslots = m->nslots ? m->nslots * 2 : 256;
    uint32_t *keys = calloc(nslots, sizeof *keys), *vals = malloc(nslots * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < m->nslots; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot_of(m->keys[i] - 1, nslots);
        while (keys[j])
            j = (j + 1) & (nslots - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->nslots = nslots;
    return 0;
}

int u32map_put(u32map *m, uint32_t key, uint32_t val)
{
    if ((m->count + 1) * 2 > m->nslots && grow(m) != 0)
        return -1;
    size_t j = slot_of(key, m->nslots);
    while (m->keys[j] && m->keys[j] != key + 1)
        j = (j + 1) & (m->nslots - 1);
    if (!m->keys[j])
        m->count++;
    m->keys[j] = key + 1;
    m->vals[j] = val;
    return 0;
}

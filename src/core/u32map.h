/*
 * u32map: a small open-addressing map from 32-bit keys to 32-bit values,
 * used to renumber the engine's global term ids into a cluster's dense
 * local ids without a table the size of the whole vocabulary.
 */
#ifndef PRECIS_U32MAP_H
#define PRECIS_U32MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct u32map {
    uint32_t *keys;    /* key + 1; 0 = empty */
    uint32_t *vals;
    size_t nslots, count;
} u32map;

void u32map_init(u32map *m);
void u32map_free(u32map *m);
/* Value stored for key, or UINT32_MAX. */
uint32_t u32map_get(const u32map *m, uint32_t key);
/* Store key -> val; 0 or -1 when out of memory. key must be < UINT32_MAX. */
int u32map_put(u32map *m, uint32_t key, uint32_t val);

#endif

/*
 * strmap: an open-addressing hash table from byte strings to dense ids.
 *
 * Interning a string returns a small integer (0, 1, 2, ...) in order of
 * first appearance; the rest of the pipeline works on those ids, so term
 * vectors are arrays of integers and comparisons are integer compares.
 * Keys are copied into the map's own storage.
 */
#ifndef PRECIS_STRMAP_H
#define PRECIS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#define STRMAP_NONE UINT32_MAX

typedef struct strmap {
    uint32_t *slots;       /* id + 1 of the key in each slot, 0 = empty */
    uint64_t *hashes;      /* per slot hash, to skip most compares */
    size_t nslots;         /* power of two */
    char **keys;           /* key of each id */
    uint32_t *key_lens;
    size_t count;
    size_t keys_cap;
    char *pool;            /* key bytes, in chunks */
    size_t pool_used, pool_cap;
    void *pool_chunks;     /* list of chunks to free */
} strmap;

uint64_t strmap_hash(const char *s, size_t len);

void strmap_init(strmap *m);
void strmap_free(strmap *m);
/* Id of key, adding it if new; STRMAP_NONE when memory runs out. */
uint32_t strmap_intern(strmap *m, const char *key, size_t len);
/* Id of key, or STRMAP_NONE if absent. */
uint32_t strmap_find(const strmap *m, const char *key, size_t len);
static inline const char *strmap_key(const strmap *m, uint32_t id) { return m->keys[id]; }
static inline size_t strmap_key_len(const strmap *m, uint32_t id) { return m->key_lens[id]; }

#endif

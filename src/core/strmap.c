/*
 * strmap.c: string interning with linear probing; see strmap.h.
 */
#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

struct chunk {
    struct chunk *next;
    char data[];
};

/* FNV-1a, 64 bits: short keys (words) dominate, where it is quick and spreads well. */
uint64_t strmap_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

void strmap_init(strmap *m)
{
    memset(m, 0, sizeof *m);
}

void strmap_free(strmap *m)
{
    struct chunk *c = m->pool_chunks;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    free(m->slots);
    free(m->hashes);
    free(m->keys);
    free(m->key_lens);
    memset(m, 0, sizeof *m);
}

static int rehash(strmap *m, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    uint64_t *hashes = calloc(nslots, sizeof *hashes);
    if (!slots || !hashes) {
        free(slots);
        free(hashes);
        return -1;
    }
    for (size_t i = 0; i < m->nslots; i++) {
        if (!m->slots[i])
            continue;
        size_t j = m->hashes[i] & (nslots - 1);
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = m->slots[i];
        hashes[j] = m->hashes[i];
    }
    free(m->slots);
    free(m->hashes);
    m->slots = slots;
    m->hashes = hashes;
    m->nslots = nslots;
    return 0;
}

static char *pool_copy(strmap *m, const char *key, size_t len)
{
    if (m->pool_cap - m->pool_used < len + 1) {
        size_t size = len + 1 > 65536 ? len + 1 : 65536;
        struct chunk *c = malloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->next = m->pool_chunks;
        m->pool_chunks = c;
        m->pool = c->data;
        m->pool_used = 0;
        m->pool_cap = size;
    }
    char *p = m->pool + m->pool_used;
    memcpy(p, key, len);
    p[len] = '\0';
    m->pool_used += len + 1;
    return p;
}

static size_t probe(const strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t j = h & (m->nslots - 1);
    while (m->slots[j]) {
        uint32_t id = m->slots[j] - 1;
        if (m->hashes[j] == h && m->key_lens[id] == len && memcmp(m->keys[id], key, len) == 0)
            return j;
        j = (j + 1) & (m->nslots - 1);
    }
    return j;
}

uint32_t strmap_find(const strmap *m, const char *key, size_t len)
{
    if (!m->nslots)
        return STRMAP_NONE;
    size_t j = probe(m, key, len, strmap_hash(key, len));
    return m->slots[j] ? m->slots[j] - 1 : STRMAP_NONE;
}

uint32_t strmap_intern(strmap *m, const char *key, size_t len)
{
    if (len > UINT32_MAX)
        return STRMAP_NONE;
    if ((m->count + 1) * 2 > m->nslots && rehash(m, m->nslots ? m->nslots * 2 : 64) != 0)
        return STRMAP_NONE;
    uint64_t h = strmap_hash(key, len);
    size_t j = probe(m, key, len, h);
    if (m->slots[j])
        return m->slots[j] - 1;
    if (m->count == m->keys_cap) {
        size_t cap = m->keys_cap ? m->keys_cap * 2 : 64;
        char **keys = realloc(m->keys, cap * sizeof *keys);
        if (!keys)
            return STRMAP_NONE;
        m->keys = keys;
        uint32_t *lens = realloc(m->key_lens, cap * sizeof *lens);
        if (!lens)
            return STRMAP_NONE;
        m->key_lens = lens;
        m->keys_cap = cap;
    }
    char *copy = pool_copy(m, key, len);
    if (!copy || m->count >= STRMAP_NONE - 1)
        return STRMAP_NONE;
    uint32_t id = (uint32_t)m->count++;
    m->keys[id] = copy;
    m->key_lens[id] = (uint32_t)len;
    m->slots[j] = id + 1;
    m->hashes[j] = h;
    return id;
}

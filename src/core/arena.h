/*
 * arena: a region allocator for per-cluster data.
 *
 * Every article, sentence and token array of one cluster lives in one arena,
 * so freeing the cluster is a single call and the hot loops never free.
 * Blocks grow geometrically; a request larger than a block gets a block of
 * its own.
 */
#ifndef PRECIS_ARENA_H
#define PRECIS_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;     /* block being filled */
    size_t block_size;     /* size of the next ordinary block */
    size_t total;          /* bytes obtained from malloc, for accounting */
} arena;

void arena_init(arena *a, size_t first_block);
/* Release every block. The arena can be reused after arena_init. */
void arena_free(arena *a);
/* Forget all allocations but keep the first block for reuse. */
void arena_reset(arena *a);

/* Aligned, uninitialised memory; NULL only when malloc fails. */
void *arena_alloc(arena *a, size_t size);
/* Zeroed memory, with overflow check on n * size. */
void *arena_calloc(arena *a, size_t n, size_t size);
/* Copy len bytes and add a NUL. */
char *arena_strndup(arena *a, const char *s, size_t len);
/* Grow an arena array: returns a new copy of old (old_n elems) with room for new_n. */
void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n, size_t size);

#endif

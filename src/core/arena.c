/*
 * arena.c: region allocator; see arena.h for why precis uses one.
 */
#include "core/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t size;
    size_t used;
    max_align_t data[];
};

#define ALIGN (sizeof(max_align_t))

void arena_init(arena *a, size_t first_block)
{
    a->head = NULL;
    a->block_size = first_block ? first_block : 16384;
    a->total = 0;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void arena_reset(arena *a)
{
    if (!a->head)
        return;
    /* Keep only the oldest block: it is the smallest, and reusing it avoids
     * a malloc per cluster in streaming mode. Larger blocks go back. */
    arena_block *b = a->head, *last = NULL;
    while (b->next) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    last = b;
    last->used = 0;
    a->head = last;
    a->total = last->size + sizeof *last;
}

static arena_block *new_block(arena *a, size_t need)
{
    size_t size = a->block_size;
    if (need > size)
        size = need;
    if (size > SIZE_MAX - sizeof(arena_block))
        return NULL;
    arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->size = size;
    b->used = 0;
    a->total += sizeof *b + size;
    if (a->block_size < (size_t)64 << 20)
        a->block_size *= 2;
    return b;
}

void *arena_alloc(arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ALIGN)
        return NULL;
    size_t rounded = (size + ALIGN - 1) & ~(ALIGN - 1);
    arena_block *b = a->head;
    if (!b || b->size - b->used < rounded) {
        arena_block *nb = new_block(a, rounded);
        if (!nb)
            return NULL;
        if (b && rounded > a->block_size / 2 && b->size - b->used > 256) {
            /* An outsized request: slot the block behind the current one so
             * the space left in the current block is not wasted. */
            nb->next = b->next;
            b->next = nb;
            nb->used = rounded;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += rounded;
    return p;
}

void *arena_calloc(arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n, size_t size)
{
    void *p = arena_calloc(a, new_n, size);
    if (p && old && old_n)
        memcpy(p, old, (old_n < new_n ? old_n : new_n) * size);
    return p;
}

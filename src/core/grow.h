/*
 * grow: capacity doubling for malloc'd arrays, written once. Scratch
 * arrays that live across calls (ROUGE's tables and masks) grow with this
 * and are never shrunk, so steady state allocates nothing.
 */
#ifndef PRECIS_GROW_H
#define PRECIS_GROW_H

#include <stddef.h>

/* Make the array *parray (the address of a `T *` holding *cap elements of
 * size bytes) hold at least need elements, doubling from first. Returns 0,
 * or -1 when out of memory with the array and *cap unchanged. New elements
 * are uninitialised. */
int grow_array(void *parray, size_t *cap, size_t need, size_t size, size_t first);

#endif

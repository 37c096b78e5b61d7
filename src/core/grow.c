/*
 * grow.c: see grow.h.
 */
#include "core/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int grow_array(void *parray, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : (first ? first : 16);
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return -1;
        nc *= 2;
    }
    if (size && nc > SIZE_MAX / size)
        return -1;
    /* The caller's pointer is a T *, read and written as bytes so that any
     * element type goes through one function. */
    void *p;
    memcpy(&p, parray, sizeof p);
    void *np = realloc(p, nc * size);
    if (!np)
        return -1;
    memcpy(parray, &np, sizeof np);
    *cap = nc;
    return 0;
}

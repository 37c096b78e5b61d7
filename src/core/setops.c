/*
 * setops.c: see setops.h.
 */
#include "core/setops.h"

#include <stdlib.h>

/* Below this many ids an insertion sort is faster than qsort. */
#define SORT_SMALL 48

static int cmp_id(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

void sort_ids(uint32_t *ids, size_t n)
{
    if (n > SORT_SMALL) {
        qsort(ids, n, sizeof *ids, cmp_id);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t v = ids[i];
        size_t j = i;
        for (; j > 0 && ids[j - 1] > v; j--)
            ids[j] = ids[j - 1];
        ids[j] = v;
    }
}

size_t sort_unique_ids(uint32_t *ids, size_t n)
{
    sort_ids(ids, n);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (m == 0 || ids[m - 1] != ids[k])
            ids[m++] = ids[k];
    return m;
}

uint32_t sorted_common(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
    uint32_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            k++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return k;
}

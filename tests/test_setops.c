/*
 * test_setops.c: sorted id sets (core/setops.c): sort_ids on both sides of
 * its switch from insertion sort to qsort, and sorted_common.
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "core/setops.h"

static int ascending(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

Test(setops, sort_ids_agrees_with_qsort_at_every_length)
{
    uint64_t seed = 42;
    for (size_t n = 0; n <= 120; n++) {
        uint32_t a[120], b[120];
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            /* few distinct values, so repeats are common, as in a sentence */
            a[i] = b[i] = (uint32_t)(seed >> 33) % (n / 2 + 1);
        }
        sort_ids(a, n);
        qsort(b, n, sizeof *b, ascending);
        for (size_t i = 0; i < n; i++)
            cr_assert_eq(a[i], b[i], "length %zu, place %zu: %u against %u", n, i, a[i], b[i]);
    }
}

Test(setops, sorted_common_counts_shared_ids)
{
    const uint32_t a[] = {1, 3, 5, 7, 9}, b[] = {2, 3, 4, 5, 9, 11};
    cr_expect_eq(sorted_common(a, 5, b, 6), 3);
    cr_expect_eq(sorted_common(a, 5, b, 0), 0);
    cr_expect_eq(sorted_common(a, 5, a, 5), 5);
}

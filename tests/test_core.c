/*
 * test_core.c: arena, strmap, buf and UTF-8 validation.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/pairmap.h"
#include "core/strmap.h"
#include "text/utf8.h"

Test(arena, keeps_separate_allocations_apart)
{
    arena a;
    arena_init(&a, 64);
    char *p[100];
    for (int i = 0; i < 100; i++) {
        p[i] = arena_alloc(&a, 37);
        memset(p[i], i, 37);
    }
    char *big = arena_alloc(&a, 100000);
    memset(big, 0xAB, 100000);
    for (int i = 0; i < 100; i++)
        for (int k = 0; k < 37; k++)
            cr_assert_eq((unsigned char)p[i][k], (unsigned char)i);
    arena_free(&a);
}

Test(strmap, interns_in_order_of_first_appearance)
{
    strmap m;
    strmap_init(&m);
    const char *words[] = {"russia", "syria", "strike", "russia", "isis", "syria"};
    uint32_t ids[6];
    for (int i = 0; i < 6; i++)
        ids[i] = strmap_intern(&m, words[i], strlen(words[i]));
    cr_assert_eq(ids[0], 0);
    cr_assert_eq(ids[1], 1);
    cr_assert_eq(ids[2], 2);
    cr_assert_eq(ids[3], 0);
    cr_assert_eq(ids[4], 3);
    cr_assert_eq(ids[5], 1);
    cr_assert_eq(m.count, 4);
    cr_assert_eq(strmap_find(&m, "isis", 4), 3);
    cr_assert_eq(strmap_find(&m, "assad", 5), STRMAP_NONE);
    char key[16];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "w%d", i);
        strmap_intern(&m, key, (size_t)n);
    }
    /* every key is still found, under its own id, after the table grew
     * seven times (slots keep half the hash; growth reads the rest from
     * the key) */
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "w%d", i);
        cr_assert_eq(strmap_find(&m, key, (size_t)n), (uint32_t)(4 + i), "%s", key);
        cr_assert_eq(strmap_key_len(&m, (uint32_t)(4 + i)), (size_t)n);
    }
    cr_assert_eq(strmap_find(&m, "w5000", 5), STRMAP_NONE);
    cr_assert_eq(strmap_find(&m, "w4999", 4), 4 + 499, "the first four bytes are the key w499");
    cr_assert_eq(strmap_find(&m, "w49999", 6), STRMAP_NONE);
    cr_assert_str_eq(strmap_key(&m, 2), "strike");
    strmap_free(&m);
}

Test(pairmap, finds_what_was_put_through_growth)
{
    pairmap m = {0};
    cr_expect_eq(pairmap_get(&m, 1, 2), 0.0f, "an empty map holds nothing");
    /* Enough pairs to grow the table several times; (a, b) and (b, a) differ. */
    for (uint32_t a = 0; a < 100; a++)
        for (uint32_t b = 0; b < 50; b++)
            cr_assert_eq(pairmap_put(&m, a, b, (float)(a * 1000 + b)), 0);
    cr_expect_eq(m.count, 5000);
    cr_expect_gt(m.mask + 1, 2 * m.count - 1, "the load stays at most one half");
    for (uint32_t a = 0; a < 100; a++)
        for (uint32_t b = 0; b < 50; b++)
            cr_expect_eq(pairmap_get(&m, a, b), (float)(a * 1000 + b), "(%u, %u)", a, b);
    cr_expect_eq(pairmap_get(&m, 60, 99), 0.0f, "(60, 99) was never put");
    cr_expect_eq(pairmap_get(&m, 4000000000u, 1), 0.0f);
    cr_assert_eq(pairmap_put(&m, 7, 3, -2.5f), 0);
    cr_expect_eq(pairmap_get(&m, 7, 3), -2.5f, "putting again replaces the value");
    cr_expect_eq(m.count, 5000);
    pairmap_free(&m);
    cr_expect_eq(pairmap_get(&m, 7, 3), 0.0f, "a freed map is empty");
    cr_assert_eq(pairmap_put(&m, 7, 3, 1.0f), 0, "and usable again");
    cr_expect_eq(pairmap_get(&m, 7, 3), 1.0f);
    pairmap_free(&m);
}

Test(buf, printf_appends)
{
    buf b = BUF_INIT;
    buf_puts(&b, "targets: ");
    buf_printf(&b, "%d vs %s", 12, "four");
    cr_assert_str_eq(b.data, "targets: 12 vs four");
    cr_assert_eq(b.len, strlen("targets: 12 vs four"));
    buf_free(&b);
}

Test(utf8, accepts_real_text_and_rejects_bad_bytes)
{
    size_t bad = 0;
    const char *ok = "Russia\xe2\x80\x99s \xe2\x80\x9cgrave concerns\xe2\x80\x9d \xc3\xa9t\xc3\xa9";
    cr_assert_eq(utf8_check(ok, strlen(ok), &bad), 0);
    cr_assert_eq(utf8_check("ab\xe9t", 4, &bad), 1);
    cr_assert_eq(bad, 2);
    cr_assert_eq(utf8_check("ab\0c", 4, &bad), 2);
    cr_assert_eq(bad, 2);
    cr_assert_eq(utf8_check("\xc0\xaf", 2, &bad), 1, "overlong encoding");
    cr_assert_eq(utf8_check("\xed\xa0\x80", 3, &bad), 1, "surrogate");
    cr_assert_eq(utf8_check("\xe2\x80", 2, &bad), 1, "truncated sequence");
    cr_assert_eq(utf8_line_of("a\nb\nc", 4), 3);
}

/*
 * seeds.h: the bundled example cluster (examples/seeds) for tests that
 * need real articles; tests run from tests/.
 */
#ifndef PRECIS_TEST_SEEDS_H
#define PRECIS_TEST_SEEDS_H

#include <criterion/criterion.h>

#include "helpers.h"
#include "precis.h"

#define SEEDS_DIR "../examples/seeds"
#define SEEDS_COUNT 5

static const char *const seeds_files[SEEDS_COUNT] = {"000_679d28d13e5d8f6f.txt", "001_ff01b8e64425b3dd.txt",
                                                      "002_190641c456ae7d2f.txt", "003_4112cf46ef5a00b8.txt",
                                                      "004_7dd1ed88bf418f15.txt"};

/* A cluster of the first n seed articles, each named by its file. */
static inline precis_cluster *seeds_cluster(precis_engine *engine, size_t n)
{
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, "seeds", &c, &err), PRECIS_OK);
    for (size_t i = 0; i < n && i < SEEDS_COUNT; i++) {
        char path[256];
        size_t len;
        snprintf(path, sizeof path, SEEDS_DIR "/%s", seeds_files[i]);
        char *text = slurp(path, &len);
        cr_assert_not_null(text, "cannot read %s", path);
        cr_assert_eq(precis_cluster_add(c, seeds_files[i], text, len, &err), PRECIS_OK, "%s", err.message);
        free(text);
    }
    return c;
}

#endif

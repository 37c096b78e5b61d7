/*
 * texts_cluster.h: a cluster made from articles written out in a test,
 * named "0", "1", ... in order.
 */
#ifndef PRECIS_TEST_TEXTS_CLUSTER_H
#define PRECIS_TEST_TEXTS_CLUSTER_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "precis.h"

static inline precis_cluster *texts_cluster(precis_engine *engine, const char *name, const char *const *texts,
                                            size_t n)
{
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, name, &c, &err), PRECIS_OK);
    for (size_t i = 0; i < n; i++) {
        char id[24];
        snprintf(id, sizeof id, "%zu", i);
        cr_assert_eq(precis_cluster_add(c, id, texts[i], strlen(texts[i]), &err), PRECIS_OK, "%s", err.message);
    }
    return c;
}

#endif

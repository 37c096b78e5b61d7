/*
 * engine_fixture.h: one engine per test, made in .init and freed in .fini,
 * for tests of the library's internals (Test(..., .init = setup,
 * .fini = teardown)). Each test file that includes it gets its own copy.
 */
#ifndef PRECIS_TEST_ENGINE_FIXTURE_H
#define PRECIS_TEST_ENGINE_FIXTURE_H

#include <criterion/criterion.h>

#include "precis.h"

static precis_engine *engine;

static void setup(void)
{
    precis_error err;
    cr_assert_eq(precis_engine_new(&engine, &err), PRECIS_OK, "%s", err.message);
}

static void teardown(void)
{
    precis_engine_free(engine);
}

#endif

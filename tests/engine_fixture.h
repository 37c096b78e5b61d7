/*
 * engine_fixture.h: one engine per test, made in .init and freed in .fini,
 * for tests of the library's internals (Test(..., .init = setup,
 * .fini = teardown)). Each test file that includes it gets its own copy.
 */
#ifndef PRECIS_TEST_ENGINE_FIXTURE_H
#define PRECIS_TEST_ENGINE_FIXTURE_H

#include <criterion/criterion.h>
#include <string.h>

#include "core/embedded.h"
#include "precis.h"
#include "score/features.h"

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

/* A cluster of one article, text, made with the fixture's engine. */
static inline precis_cluster *one_article_cluster(const char *name, const char *text)
{
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, name, &c, &err), PRECIS_OK);
    cr_assert_eq(precis_cluster_add(c, "a", text, strlen(text), &err), PRECIS_OK, "%s", err.message);
    return c;
}

/* One of the model files built into the library (data/scorer.txt,
 * data/stepper.txt), parsed; free with scorer_model_free. */
static inline scorer_model *embedded_model(const char *path)
{
    size_t len;
    const unsigned char *text = precis_embedded(path, &len);
    cr_assert_not_null(text, "%s is not embedded", path);
    scorer_model *m = scorer_model_parse((const char *)text, len);
    cr_assert_not_null(m, "the embedded %s does not parse", path);
    return m;
}

#endif

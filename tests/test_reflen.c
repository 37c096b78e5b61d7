/*
 * test_reflen.c: the reference-length model (score/reflen.h): its
 * formula on a model written by hand, and the shipped model's predictions
 * against the real lengths of Multi-News validation references.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "engine_fixture.h"
#include "io/io.h"
#include "model/cluster.h"
#include "model/engine.h"
#include "score/reflen.h"

#define VALIDATION "../../shared/data/multinews/val.jsonl.zst"

TestSuite(reflen, .init = setup, .fini = teardown);

static double predict(precis_cluster *c)
{
    arena a;
    arena_init(&a, 1 << 12);
    double y;
    cr_assert_eq(reflen_predict(c, &a, &y), 0);
    arena_free(&a);
    return y;
}

Test(reflen, the_formula_on_a_model_written_by_hand)
{
    /* "council" twice, "budget" once, and words the model does not know */
    const char *model = "#bias 0\n#length 4.0 0.1 0.2\nl\tcouncil\t2.0\t0.5\nl\tbudget\t1.0\t-0.25\n";
    cr_assert_eq(engine_load_lexicon(engine, model, strlen(model)), 0);
    precis_cluster *c = one_article_cluster("x", "The council met. The council cut the budget.");
    /* tf-idf: council (1 + ln 2) x 2, budget 1 x 1, scaled to length 1 */
    double council = (1 + log(2.0)) * 2, budget = 1, norm = sqrt(council * council + budget * budget);
    double words = 0;
    for (size_t i = 0; i < c->nsents; i++)
        words += c->sents[i].words;
    cr_assert_eq(words, 8);
    double want = 4.0 + 0.5 * council / norm - 0.25 * budget / norm + 0.1 * 1 + 0.2 * log1p(words);
    cr_expect_float_eq(predict(c), want, 1e-6, "%f against %f", predict(c), want);
    precis_cluster_free(c);

    /* without the model's lines, no prediction: the feature is 0 */
    const char *none = "#bias 0\n";
    cr_assert_eq(engine_load_lexicon(engine, none, strlen(none)), 0);
    c = one_article_cluster("x", "The council met. The council cut the budget.");
    cr_expect_eq(predict(c), 0);
    precis_cluster_free(c);
}

/* The words of a reference, as train_scorer counts them. */
static double log_words(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == '\n' || *p == '\t')
            p++;
        if (!*p)
            break;
        n++;
        while (*p && *p != ' ' && *p != '\n' && *p != '\t')
            p++;
    }
    return log1p((double)n);
}

/* On 400 validation clusters, which the model was not fitted on, its
 * predictions go with the references' lengths: a correlation of about
 * 0.55 (the Python study's R^2 of 0.32), and well above what the number
 * of articles alone gives. */
Test(reflen, the_shipped_model_predicts_longer_summaries_for_longer_references)
{
    cr_assert_eq(engine_lexicon(engine), 0);
    cr_assert_neq(engine->len_bias, 0, "the shipped lexicon holds no length model");
    line_reader *r;
    precis_error err;
    cr_assert_eq(line_reader_open(VALIDATION, &r, &err), PRECIS_OK, "%s", err.message);
    buf line = BUF_INIT;
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, sa = 0, saa = 0, say = 0;
    int n = 0;
    while (n < 400 && line_reader_next(r, &line, &err) == 1) {
        json_t *j = json_loadb(line.data, line.len, 0, NULL);
        cr_assert_not_null(j);
        double y = log_words(json_string_value(json_array_get(json_object_get(j, "refs"), 0)));
        json_decref(j);
        precis_cluster *c;
        char *id;
        if (jsonl_cluster(engine, line.data, line.len, n + 1, "val", &c, &id, &err) != PRECIS_OK)
            continue;
        double x = predict(c), art = (double)c->narticles;
        sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
        sa += art, saa += art * art, say += art * y;
        n++;
        precis_cluster_free(c);
        free(id);
    }
    buf_free(&line);
    line_reader_close(r);
    cr_assert_eq(n, 400);
    double vy = syy - sy * sy / n;
    double corr = (sxy - sx * sy / n) / sqrt((sxx - sx * sx / n) * vy);
    double corr_articles = (say - sa * sy / n) / sqrt((saa - sa * sa / n) * vy);
    cr_expect_gt(corr, 0.45, "correlation %.3f", corr);
    cr_expect_gt(corr, corr_articles + 0.1, "%.3f, no better than the article count's %.3f", corr, corr_articles);
}

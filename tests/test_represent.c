/*
 * test_represent.c: near-duplicate groups and the cross-source support
 * they give (model/represent.c). Outlets carry one sentence with their own
 * attribution tacked on; the copies must still be one fact.
 */
#include <criterion/criterion.h>

#include "model/cluster.h"
#include "model/represent.h"
#include "precis.h"
#include "seeds.h"
#include "texts_cluster.h"

#include "engine_fixture.h"

/* What represent.c calls a copy, written out from its definition: at
 * least three content terms in the shorter, at least half the longer's,
 * and 75% of the shorter's terms in the longer. */
static int copies(const svec *x, const svec *y)
{
    uint32_t small = x->n < y->n ? x->n : y->n, big = x->n < y->n ? y->n : x->n;
    return small >= 3 && 2 * small >= big && svec_containment(x, y) >= 0.75;
}

/* The sentence vectors and near-duplicate groups of c, in a; free a. */
static void build(precis_cluster *c, arena *a, represent *r)
{
    arena_init(a, 1 << 16);
    cr_assert_eq(represent_build(c, a, r), 0);
}

/* Every pair of copies is in one group: the bucketing may skip no pair
 * that a comparison of all pairs would join. */
static size_t expect_every_copy_grouped(precis_cluster *c, const char *what)
{
    arena a;
    represent r;
    build(c, &a, &r);
    size_t pairs = 0;
    for (size_t i = 0; i < r.n; i++)
        for (size_t j = i + 1; j < r.n; j++) {
            if (!copies(&r.vec[i], &r.vec[j]))
                continue;
            pairs++;
            cr_expect_eq(r.group[i], r.group[j], "%s: sentences %zu and %zu are copies in two groups", what, i, j);
        }
    arena_free(&a);
    return pairs;
}

Test(represent, copies_with_their_own_attributions_are_one_fact, .init = setup, .fini = teardown)
{
    /* Each outlet's attribution adds words no other sentence uses. Keyed
     * under its rarest terms, each copy was keyed under those words and
     * the three never met. */
    static const char *const docs[] = {
        "Rescue crews pulled four survivors from the rubble of the collapsed market late on Tuesday, the regional "
        "governor said.\nThe market had been built in 1962.\n",
        "The collapse trapped dozens of traders.\nRescue crews pulled four survivors from the rubble of the collapsed "
        "market late on Tuesday, Governor Ilse Marquardt told Reuters by telephone.\n",
        "Rescue crews pulled four survivors from the rubble of the collapsed market late on Tuesday, according to a "
        "statement from Kestrel County officials.\nEngineers will inspect the neighbouring halls.\n"};
    precis_cluster *c = texts_cluster(engine, "market", docs, 3);
    arena a;
    represent r;
    build(c, &a, &r);
    uint32_t copy[3], found = 0;
    for (uint32_t i = 0; i < r.n && found < 3; i++) {
        const sentence *s = &c->sents[i];
        if (s->end - s->start > 12 && !memcmp(c->articles[s->article].text + s->start, "Rescue crews", 12))
            copy[found++] = i;
    }
    cr_assert_eq(found, 3);
    for (int k = 0; k < 3; k++) {
        cr_expect_eq(r.group[copy[k]], r.group[copy[0]], "copy %d is not in the first copy's group", k);
        cr_expect_eq(r.support[copy[k]], 3, "copy %d has support %u", k, r.support[copy[k]]);
    }
    arena_free(&a);
    /* Two pairs are copies by the definition; the third pair (the two long
     * attributions) differs too much and joins through the first copy. */
    size_t pairs = expect_every_copy_grouped(c, "market");
    cr_expect_eq(pairs, 2, "%zu pairs of copies", pairs);
    precis_cluster_free(c);
}

Test(represent, the_seeds_group_every_pair_a_full_comparison_finds, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    size_t pairs = expect_every_copy_grouped(c, "seeds");
    cr_expect_geq(pairs, 5, "the seeds share sentences across outlets; only %zu pairs", pairs);
    precis_cluster_free(c);
}

Test(represent, different_sentences_on_one_topic_stay_apart, .init = setup, .fini = teardown)
{
    /* Same subject and many shared words, but each says something else:
     * below the containment bar, so three groups. */
    static const char *const docs[] = {
        "Rescue crews pulled four survivors from the rubble of the collapsed market on Tuesday.\n",
        "Rescue crews searched the collapsed market through the night with dogs and thermal cameras.\n",
        "The collapsed market will be demolished once rescue crews finish, the mayor said.\n"};
    precis_cluster *c = texts_cluster(engine, "apart", docs, 3);
    arena a;
    represent r;
    build(c, &a, &r);
    cr_assert_eq(r.n, 3);
    cr_expect_neq(r.group[0], r.group[1]);
    cr_expect_neq(r.group[0], r.group[2]);
    cr_expect_neq(r.group[1], r.group[2]);
    for (size_t i = 0; i < 3; i++)
        cr_expect_eq(r.support[i], 1);
    arena_free(&a);
    precis_cluster_free(c);
}

/*
 * test_variant.c: which copy of a chosen sentence is printed
 * (select/variant.c). The copy that best stands on its own (names the
 * most, leans on nothing, is not cut off), but only a copy that says what
 * the chosen sentence says: a near-duplicate of it with agreeing numbers.
 */
#include <criterion/criterion.h>

#include "core/arena.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "score/method.h"
#include "select/select.h"
#include "text/segment.h"
#include "texts_cluster.h" /* before the fixture's engine, which its parameter would shadow */
#include "engine_fixture.h"

TestSuite(variant, .init = setup, .fini = teardown);

static int is_text(const precis_cluster *c, size_t i, const char *text)
{
    const sentence *s = &c->sents[i];
    return s->end - s->start == strlen(text) && !memcmp(c->articles[s->article].text + s->start, text, strlen(text));
}

/* The text printed when the sentence `text` of the articles is chosen
 * alone, with no budget limit: the copy choose_variants settles on. */
static char *printed_for(const char *const *texts, size_t n, const char *text)
{
    precis_cluster *c = texts_cluster(engine, "variant", texts, n);
    arena a, scratch;
    arena_init(&a, 1 << 14);
    arena_init(&scratch, 1 << 14);
    represent r;
    cr_assert_eq(represent_build(c, &a, &r), 0);
    uint32_t chosen[1] = {UINT32_MAX};
    for (size_t i = 0; i < c->nsents; i++)
        if (is_text(c, i, text))
            chosen[0] = (uint32_t)i;
    cr_assert_neq(chosen[0], UINT32_MAX, "no sentence \"%s\"", text);
    const sentence *s = &c->sents[chosen[0]];
    budget b = {0, 0, 0, s->words, sentence_bytes(c, s), 1};
    cr_assert_eq(choose_variants(c, &r, method_find("centrality"), &b, chosen, 1, &scratch), 0);
    s = &c->sents[chosen[0]];
    char *out = strndup(c->articles[s->article].text + s->start, s->end - s->start);
    arena_free(&scratch);
    arena_free(&a);
    precis_cluster_free(c);
    return out;
}

#define TWELVE "Officials said 12 people died when the old market roof collapsed on Tuesday."
#define TWELVE_NAMED "Officials in Lagos State told Reuters that 12 people died when the old market roof collapsed on Tuesday."
#define FOURTEEN_NAMED "Officials in Lagos State told Reuters that 14 people died when the old market roof collapsed on Tuesday."
#define FILLER "Rescue teams worked through the night at the collapsed market in the capital.\n"

/* The copy that names who said it is printed, but not one that gives
 * another number: that outlet does not report 12 deaths. */
Test(variant, a_copy_with_another_number_never_stands_in)
{
    const char *agree[] = {TWELVE "\n\n" FILLER, TWELVE_NAMED "\n"};
    char *p = printed_for(agree, 2, TWELVE);
    cr_assert_str_eq(p, TWELVE_NAMED, "the copy that names its sources is not printed");
    free(p);
    const char *contradict[] = {TWELVE "\n\n" FILLER, FOURTEEN_NAMED "\n"};
    p = printed_for(contradict, 2, TWELVE);
    cr_assert_str_eq(p, TWELVE, "printed \"%s\" for 12 deaths", p);
    free(p);
}

/* One outlet joins what two others say apart; the three are one group,
 * but the second half is no copy of the first, however many names it
 * holds. */
#define HALF_A "The flood waters reached the old stone bridge before dawn."
#define HALF_B "Volunteers stacked sandbags beside the flooded Market Street in Carlisle."
#define JOINED "The flood waters reached the old stone bridge before dawn and volunteers stacked sandbags " \
               "beside the flooded market streets."

Test(variant, the_other_half_of_a_joined_sentence_never_stands_in)
{
    const char *texts[] = {HALF_A "\n\n" FILLER, JOINED "\n", HALF_B "\n"};
    char *p = printed_for(texts, 3, HALF_A);
    cr_assert_str_eq(p, HALF_A, "printed \"%s\" for the flood at the bridge", p);
    free(p);
}

/* An article that stops inside a long sentence gives it cut; another
 * outlet's whole copy is printed instead. */
#define MILL_CUT "Firefighters said the blaze destroyed the old flour mill on Friday night and forced forty families from their"
#define MILL_WHOLE "Firefighters said the blaze destroyed the old flour mill on Friday night and forced forty families " \
                   "from their homes beside the river."

Test(variant, a_whole_copy_stands_in_for_a_cut_one)
{
    const char *texts[] = {FILLER "\n" MILL_CUT, MILL_WHOLE "\n\n" FILLER};
    precis_cluster *c = texts_cluster(engine, "cut", texts, 2);
    int cut = 0;
    for (size_t i = 0; i < c->nsents; i++)
        cut |= is_text(c, i, MILL_CUT) && (c->sents[i].flags & SENT_CUT);
    precis_cluster_free(c);
    cr_assert(cut, "the first article's last sentence is not marked cut");
    char *p = printed_for(texts, 2, MILL_CUT);
    cr_assert_str_eq(p, MILL_WHOLE);
    free(p);
}

/* A sentence that leans on the one before ("..., he said.") stands worse
 * than a copy that does not; but a copy cut off before most of it is no
 * copy to print in its place. */
#define MILL_SAID "The blaze destroyed the old flour mill on Friday night and forced forty families from their homes, he said."
#define MILL_SHORT_CUT "The blaze destroyed the old flour mill on Friday night and forced"

Test(variant, a_copy_cut_short_never_stands_in)
{
    const char *texts[] = {"Fire chief Tom Hale spoke to reporters at the scene.\n\n" MILL_SAID "\n",
                           FILLER "\n" MILL_SHORT_CUT};
    precis_cluster *c = texts_cluster(engine, "short", texts, 2);
    int leans = 0, cut = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        leans |= is_text(c, i, MILL_SAID) && (c->sents[i].flags & SENT_LEANS_BACK);
        cut |= is_text(c, i, MILL_SHORT_CUT) && (c->sents[i].flags & SENT_CUT);
    }
    precis_cluster_free(c);
    cr_assert(leans && cut, "leans %d, cut %d", leans, cut);
    char *p = printed_for(texts, 2, MILL_SAID);
    cr_assert_str_eq(p, MILL_SAID);
    free(p);
}

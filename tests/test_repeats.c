/*
 * test_repeats.c: a brief states each count once (select/repeats.c).
 * Two outlets' "four Islamic State targets overnight" in other words are
 * one fact, found in either order; "12 targets" beside "four targets" is a
 * disagreement the brief may show, and a boy's age in two sentences about
 * different things is no repeat. The seeds' default brief, which held the
 * "four targets" twice, now holds them once at every budget; every method
 * gives a count once, and the summarizer's bars do not outlive the call. The per-sentence tokens the check reads are the article's own.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "compare/compare.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "seeds.h"
#include "select/select.h"
#include "text/segment.h"
#include "texts_cluster.h"

#include "engine_fixture.h"

static uint32_t first_sentence_with(const precis_cluster *c, const char *needle)
{
    for (uint32_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        const char *text = c->articles[s->article].text + s->start;
        size_t len = s->end - s->start, n = strlen(needle);
        for (size_t k = 0; k + n <= len; k++)
            if (!memcmp(text + k, needle, n))
                return i;
    }
    cr_assert_fail("no sentence holds \"%s\"", needle);
    return 0;
}

static long repeated(const precis_cluster *c, uint32_t first, uint32_t second)
{
    arena a;
    arena_init(&a, 1 << 14);
    represent r;
    cr_assert_eq(represent_build(c, &a, &r), 0);
    long k = summary_repeated_count(c, &r, (const uint32_t[]){first, second}, 2, &a);
    arena_free(&a);
    return k;
}

static const char *const targets[] = {
    "Russia carried out new airstrikes on four Islamic State targets overnight, the Russian military "
    "said on Thursday, marking its second day of bombing in Syria.",
    "But Russia said on Thursday that its warplanes had bombed four Islamic State targets in Syria "
    "overnight, including a command centre and a weapons depot.",
    "Russia's defence ministry said its aircraft had destroyed 12 Islamic State targets in Syria "
    "overnight, including a command centre and two ammunition depots.",
};

Test(repeats, one_count_in_other_words_is_one_fact, .init = setup, .fini = teardown)
{
    precis_cluster *c = texts_cluster(engine, "targets", targets, 3);
    uint32_t four_a = first_sentence_with(c, "new airstrikes"), four_b = first_sentence_with(c, "warplanes");
    cr_expect_eq(repeated(c, four_a, four_b), 1, "the second sentence repeats the first's count");
    cr_expect_eq(repeated(c, four_b, four_a), 1, "whichever came first");
    precis_cluster_free(c);
}

/* Multi-News (val 597, 5351): one outlet writes the age in digits, the
 * other in words; the sentences share no number term, but the count is
 * one. */
Test(repeats, a_count_in_digits_and_in_words_is_one_fact, .init = setup, .fini = teardown)
{
    static const char *const boy[] = {
        "A four-year-old boy saved his mother's life by using her thumb to unlock her iPhone and then "
        "asking it to call 999.",
        "A 4-year-old boy in Britain is being credited for saving his mother's life after he found her "
        "unconscious and used Siri to call for help.",
    };
    precis_cluster *c = texts_cluster(engine, "boy", boy, 2);
    uint32_t words = first_sentence_with(c, "four-year-old"), digits = first_sentence_with(c, "4-year-old");
    cr_expect_eq(repeated(c, words, digits), 1, "\"4-year-old\" repeats \"four-year-old\"");
    cr_expect_eq(repeated(c, digits, words), 1, "whichever came first");
    precis_cluster_free(c);
}

Test(repeats, different_counts_are_a_disagreement_not_a_repeat, .init = setup, .fini = teardown)
{
    precis_cluster *c = texts_cluster(engine, "targets", targets, 3);
    uint32_t four = first_sentence_with(c, "warplanes"), twelve = first_sentence_with(c, "12 Islamic");
    cr_expect_eq(repeated(c, four, twelve), -1, "12 targets against four: both may stand");
    precis_cluster_free(c);
}

Test(repeats, an_age_in_sentences_about_other_things_is_no_repeat, .init = setup, .fini = teardown)
{
    static const char *const boy[] = {
        "A 12-year-old boy was arrested in St. Petersburg on Monday for the 21st time, police said.",
        "The 12-year-old boy told police he wanted to become a bicycle mechanic when he grows up.",
    };
    precis_cluster *c = texts_cluster(engine, "boy", boy, 2);
    cr_expect_eq(repeated(c, first_sentence_with(c, "arrested"), first_sentence_with(c, "mechanic")), -1,
                 "the age is who he is, not what happened");
    precis_cluster_free(c);
}

/* Sentences of the brief that give the seeds' "four ... targets". */
static size_t four_targets_sentences(const precis_summary *s)
{
    size_t n = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++) {
        const precis_summary_sentence *x = precis_summary_get(s, i);
        const char *four = memmem(x->text, x->len, "four", 4);
        if (four && memmem(four, x->len - (size_t)(four - x->text), "targets", 7))
            n++;
    }
    return n;
}

/* Expect c's brief by the method name at words to give the four targets
 * once. */
static void expect_four_targets_once(precis_cluster *c, const char *name, size_t words)
{
    precis_options o;
    precis_options_init(&o);
    o.method = name;
    o.max_words = words;
    precis_summary *s;
    precis_error err;
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    cr_expect_eq(four_targets_sentences(s), 1, "%s, %zu words: the four targets %zu times", name, words,
                 four_targets_sentences(s));
    precis_summary_free(s);
}

Test(repeats, the_seeds_brief_gives_the_four_targets_once, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    static const size_t budgets[] = {120, 200, 300};
    for (size_t b = 0; b < sizeof budgets / sizeof *budgets; b++)
        expect_four_targets_once(c, "default", budgets[b]);
    precis_cluster_free(c);
}

Test(repeats, every_method_gives_a_count_once_and_bars_end_with_the_call, .init = setup, .fini = teardown)
{
    precis_cluster *c = texts_cluster(engine, "targets", targets, 3);
    static const char *const methods[] = {"default", "coverage", "lead", "sumbasic", "lexrank"};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++) {
        expect_four_targets_once(c, methods[m], 300);
        for (uint32_t i = 0; i < c->nsents; i++)
            cr_assert_eq(c->sents[i].flags & SENT_BARRED, 0, "%s: sentence %u still barred after the call",
                         methods[m], i);
    }
    precis_cluster_free(c);
}

/* Five outlets ran one wording and five another: barring one copy a round
 * would have let the next round take the next copy until the rounds ran
 * out. Every copy of a barred sentence is barred with it. */
Test(repeats, a_count_that_ten_outlets_give_is_given_once, .init = setup, .fini = teardown)
{
    char texts[10][400];
    const char *ptrs[10];
    for (int i = 0; i < 10; i++) {
        snprintf(texts[i], sizeof texts[i], "%s\n\nThe council of district %c met on its own schedule this week.\n",
                 i < 5 ? targets[0] : targets[1], 'A' + i);
        ptrs[i] = texts[i];
    }
    precis_cluster *c = texts_cluster(engine, "ten", ptrs, 10);
    static const char *const methods[] = {"default", "coverage", "lead", "stepwise", "sumbasic", "centrality"};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++)
        expect_four_targets_once(c, methods[m], 120);
    precis_cluster_free(c);
}

/* The stemmer makes "twenti" of "twenty": still a number to compare. */
Test(repeats, counts_in_tens_are_numbers_too, .init = setup, .fini = teardown)
{
    static const char *const stems[] = {"twenti", "thirti", "forti", "fifti", "sixti", "seventi", "eighti",
                                        "nineti", "twelv", "hundr", "four", "million", "42"};
    for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
        cr_expect(cmp_stem_may_be_number(stems[i]), "%s", stems[i]);
    cr_expect(!cmp_stem_may_be_number("target") && !cmp_stem_may_be_number("russia"));
    static const char *const twenty[] = {
        "Russia carried out new airstrikes on twenty Islamic State targets overnight, the Russian military "
        "said on Thursday, marking its second day of bombing in Syria.",
        "But Russia said on Thursday that its warplanes had bombed twenty Islamic State targets in Syria "
        "overnight, including a command centre and a weapons depot.",
    };
    precis_cluster *c = texts_cluster(engine, "twenty", twenty, 2);
    cr_expect_eq(repeated(c, first_sentence_with(c, "new airstrikes"), first_sentence_with(c, "warplanes")), 1);
    precis_cluster_free(c);
}

Test(repeats, a_sentences_own_tokens_are_its_articles, .init = setup, .fini = teardown)
{
    precis_cluster *c = seeds_cluster(engine, SEEDS_COUNT);
    arena a;
    arena_init(&a, 1 << 16);
    cmp_doc *docs;
    cr_assert_eq(cmp_tokens_build(c, &a, &docs), 0);
    for (uint32_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        const cmp_doc *d = &docs[s->article];
        uint32_t from = d->sent_first[s->pos], to = d->sent_first[s->pos + 1];
        cmp_doc one;
        cr_assert_eq(cmp_tokens_of_sentence(c, i, &a, &one), 0);
        cr_assert_eq(one.ntok, to - from, "sentence %u: %u tokens against %u", i, one.ntok, to - from);
        for (uint32_t k = 0; k < one.ntok; k++) {
            const cmp_tok *x = &one.tok[k], *y = &d->tok[from + k];
            cr_assert(x->start == y->start && x->end == y->end && x->term == y->term && x->sent == i &&
                          !strcmp(x->norm, y->norm),
                      "sentence %u token %u differs", i, k);
        }
    }
    arena_free(&a);
    precis_cluster_free(c);
}

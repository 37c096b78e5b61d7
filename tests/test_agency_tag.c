/*
 * test_agency_tag.c: an agency's dateline opening a sentence is trimmed
 * however the page cased it; a bracketed name that is no agency's, or one
 * that a sentence introduces, stays. The forms are Multi-News's and the
 * cased pages' own.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "clean/agency_tag.h"
#include "engine_fixture.h"
#include "model/cluster.h"

static const char *after(const char *s)
{
    return s + agency_dateline_length(s, strlen(s));
}

Test(agency_tag, datelines_in_any_case_are_trimmed)
{
    static const char *const cases[][2] = {
        {"Los angeles ( ap ) \xe2\x80\x94 in her first interview since the ban, she spoke for an hour.",
         "in her first interview since the ban, she spoke for an hour."},
        {"( cnn ) a dark intersection in a quiet town.", "a dark intersection in a quiet town."},
        {"( cnn ) -- think you have the landlord from hell? think again.", "think you have the landlord from hell? think again."},
        {"Roswell, n.m., march 29 ( upi ) -- police in new mexico were able to track the car.",
         "police in new mexico were able to track the car."},
        {"Washington (CNN) -- Six Republican presidential campaigns sent letters.", "Six Republican presidential campaigns sent letters."},
        {"(CNN)Hillary Clinton said on Monday that she would run.", "Hillary Clinton said on Monday that she would run."},
        {"( reuters ) charlotte \xe2\x80\x94 for months, the teleprompters have been a symbol.",
         "for months, the teleprompters have been a symbol."},
        {"( ansa ) - rome, august 25 - there were some 100 aftershocks overnight.", "there were some 100 aftershocks overnight."},
        {"Berlin/athens ( reuters ) - fresh fears that greece will restructure its debt grew.",
         "fresh fears that greece will restructure its debt grew."},
        {"The hague ( afp ) - a dutch court on thursday ordered facebook to hand over a name.",
         "a dutch court on thursday ordered facebook to hand over a name."},
        {"Tualatin, ore. ( koin ) \xe2\x80\x94 ray yoder celebrated his 81st birthday monday.",
         "ray yoder celebrated his 81st birthday monday."},
        /* an AP page's teaser, signed, then the story's own dateline */
        {"The families are... ( associated press ) amman, jordan ( ap ) \xe2\x80\x94 the king met them on sunday.",
         "the king met them on sunday."},
        {"S\xc3\xa3o paulo ( reuters ) - brazil's central bank cut rates on wednesday.",
         "brazil's central bank cut rates on wednesday."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_expect_str_eq(after(cases[i][0]), cases[i][1]);
}

Test(agency_tag, other_brackets_and_introductions_stay)
{
    static const char *const keep[] = {
        "Apple ( aapl ) - shares rose 3 percent on monday after the launch.",   /* a ticker */
        "Cable News Network (CNN) said on Monday that it would sue the White House.", /* introduced */
        "The Associated Press (AP) reported that the vote was delayed again.",
        "Police in the town ( wood ) said the fire started in the kitchen.",     /* call-letter shape, no dash */
        "Residents said the storm ( ap ) \xe2\x80\x94 the worst in years \xe2\x80\x94 flooded the town.",
        "He told \" cnn ( cnn ) - tonight \" that he would run.",                /* a quotation mark ends a place */
        "( cnn ) -- yes.",                                                        /* would leave a stub */
        "The philippine tobacco institute ( pti ), said it supported the regulation.",
        "Russia said on Thursday (Oct 1) that its jets struck four targets.",
    };
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        cr_expect_eq(agency_dateline_length(keep[i], strlen(keep[i])), 0, "trimmed: %s", keep[i]);
}

/* Bytes of s[0..len) at most: a tag at the very end, or cut off inside,
 * never reads past it. */
Test(agency_tag, a_tag_cut_short_is_no_dateline)
{
    const char *s = "Washington ( reuters ) - the senate voted on the bill on monday night.";
    for (size_t n = 0; n < strlen(s); n++)
        cr_expect_leq(agency_dateline_length(s, n), n);
    cr_expect_eq(agency_dateline_length("Washington ( reuter", 19), 0);
    cr_expect_eq(agency_dateline_length("( cnn", 5), 0);
}

/* In a cluster the tag goes from any sentence of an article, not only
 * its first: a page's headline or a teaser comes before the story. */
Test(agency_tag, sentences_start_after_the_tag, .init = setup, .fini = teardown)
{
    const char *text = "Senate passes the budget bill. Washington ( ap ) \xe2\x80\x94 the senate "
                       "passed the budget bill late on monday after a long debate. ( cnn ) the vote was 51 to 49, "
                       "with two republicans against it. The house votes next week.\n";
    precis_cluster *c = one_article_cluster("budget", text);
    int found = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const char *t = c->articles[0].text + c->sents[i].start;
        size_t n = c->sents[i].end - c->sents[i].start;
        cr_expect(!memmem(t, n, "( ap )", 6) && !memmem(t, n, "( cnn )", 7),
                  "tag left in: %.*s", (int)n, t);
        found += !strncmp(t, "the senate passed the budget bill", 33) + !strncmp(t, "the vote was 51 to 49", 21);
    }
    cr_expect_eq(found, 2, "both story sentences start after their tags");
    precis_cluster_free(c);
}

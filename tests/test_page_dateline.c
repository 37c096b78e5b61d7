/*
 * test_page_dateline.c: an agency's dateline opening a sentence, and a
 * bare place's opening a story, are trimmed however the page cased them;
 * a bracketed name that is no agency's, one that a sentence introduces,
 * and a name before an aside's dash stay. The forms are Multi-News's and
 * the cased pages' own.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "clean/page_dateline.h"
#include "engine_fixture.h"
#include "model/cluster.h"

static const char *after(const char *s)
{
    return s + agency_dateline_length(s, strlen(s));
}

Test(page_dateline, datelines_in_any_case_are_trimmed)
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
        /* a name after the tag, before an aside, is no place: only the tag goes */
        {"( cnn ) -- cliven bundy -- the nevada rancher who became a folk hero -- admits he owes the fees.",
         "cliven bundy -- the nevada rancher who became a folk hero -- admits he owes the fees."},
        {"(AP) Hillary Clinton \xe2\x80\x94 who lost in 2016 \xe2\x80\x94 said on Monday that she would not run.",
         "Hillary Clinton \xe2\x80\x94 who lost in 2016 \xe2\x80\x94 said on Monday that she would not run."},
        {"( afp ) - record-breaking australia -- inspired by mack horton and cate campbell -- put their stamp on rio.",
         "record-breaking australia -- inspired by mack horton and cate campbell -- put their stamp on rio."},
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
        /* CNN's own style has no dash after a place either */
        {"Kabul, afghanistan ( cnn ) four americans were killed in an apparent suicide bomb attack.",
         "four americans were killed in an apparent suicide bomb attack."},
        {"Washington (CNN) Republican investigators asked the court for more time.",
         "Republican investigators asked the court for more time."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_expect_str_eq(after(cases[i][0]), cases[i][1]);
}

Test(page_dateline, other_brackets_and_introductions_stay)
{
    static const char *const keep[] = {
        "Apple ( aapl ) - shares rose 3 percent on monday after the launch.",   /* a ticker */
        "Cable News Network (CNN) said on Monday that it would sue the White House.", /* introduced */
        "The Associated Press (AP) reported that the vote was delayed again.",
        "Cable News Network (CNN) executives met on Monday to plan the coverage.",
        "A reporter for the network ( cnn ) told viewers the vote was delayed.",
        "Viewers of the network (CNN) said the debate ran long on Tuesday night.",
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

/* Bytes of s[0..len) at most: a dateline at the very end, or cut off
 * inside, never reads past it (each prefix is copied to a buffer of its
 * own size, so the sanitizer build sees a read past the end; the fuzzer
 * found one, a dash ending the text: fuzz/corpus/segment). */
Test(page_dateline, a_dateline_cut_short_is_read_no_further)
{
    static const char *const texts[] = {
        "Washington ( reuters ) - the senate voted on the bill on monday night.",
        "lake stevens, wash. -- one lake stevens teenager is dead and another is behind bars.",
        "( ansa ) - rome, august 25 - there were some 100 aftershocks overnight.",
        "Eia --",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
        for (size_t n = 0; n <= strlen(texts[t]); n++) {
            char *copy = malloc(n ? n : 1);
            cr_assert_not_null(copy);
            memcpy(copy, texts[t], n);
            cr_expect_leq(agency_dateline_length(copy, n), n);
            cr_expect_leq(place_dateline_length(copy, n), n);
            free(copy);
        }
    cr_expect_eq(agency_dateline_length("Washington ( reuter", 19), 0);
    cr_expect_eq(agency_dateline_length("( cnn", 5), 0);
}

/* In a cluster the tag goes from any sentence of an article, not only
 * its first: a page's headline or a teaser comes before the story. */
Test(page_dateline, sentences_start_after_the_tag, .init = setup, .fini = teardown)
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

static const char *after_place(const char *s)
{
    return s + place_dateline_length(s, strlen(s));
}

Test(page_dateline, bare_places_are_trimmed)
{
    static const char *const cases[][2] = {
        {"Sacramento -- california's budget deficit has jumped to $ 16 billion.",
         "california's budget deficit has jumped to $ 16 billion."},
        {"lake stevens, wash. -- one lake stevens teenager is dead and another is behind bars.",
         "one lake stevens teenager is dead and another is behind bars."},
        {"Long beach, calif. \xe2\x80\x94 hillary clinton became the presumptive democratic nominee on monday.",
         "hillary clinton became the presumptive democratic nominee on monday."},
        {"Le bourget, france \xe2\x80\x94 after two weeks of weighing and measuring, 195 countries agreed.",
         "after two weeks of weighing and measuring, 195 countries agreed."},
        {"Washington \xe2\x80\x93 the white house and the fbi differed in their accounts tuesday.",
         "the white house and the fbi differed in their accounts tuesday."},
        {"July 10 -- for the second time in two years, an ohio man has been charged.",
         "for the second time in two years, an ohio man has been charged."},
        {"Photo oslo \xe2\x80\x94 the self-described militant on trial for killing 77 people spoke.",
         "the self-described militant on trial for killing 77 people spoke."},
        {"S\xc3\xa3o paulo \xe2\x80\x94 brazil's central bank cut its main rate on wednesday.",
         "brazil's central bank cut its main rate on wednesday."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_expect_str_eq(after_place(cases[i][0]), cases[i][1]);
}

/* A dash after a name also opens an aside, which the sentence goes on
 * after; so does one after a sentence's first words. */
Test(page_dateline, asides_and_sentences_stay)
{
    static const char *const keep[] = {
        "jacqueline -- who used to be close with staub -- tells us she's not surprised at all.",
        "Amash \xe2\x80\x94 who broke down in tears after he missed the vote \xe2\x80\x94 became known for it.",
        "Slavin \xe2\x80\x94 like birnbaum and matt mosk \xe2\x80\x94 joined the times in the brief period.",
        "Apparel industries -- a clothing manufacturer -- just filed the countersuit against lindsay.",
        "Songwriter don mclean \xe2\x80\x93 perhaps best known for his classic 1971 song \xe2\x80\x93 was arrested.",
        "Transportation secretary ray lahood's son sam \xe2\x80\x94 who made it out of egypt \xe2\x80\x94 spoke.",
        "Two students \xe2\x80\x94 a boy and a girl \xe2\x80\x94 looked at her nervously in the hall.",
        "Well \xe2\x80\x94 some millennials.",
        "Staten island, n.y. -- she was strangled.",             /* too little left */
        "The president said on monday -- in a long speech -- that he would run again next year.",
        "Nine countries \xe2\x80\x94 the us, israel, togo, micronesia, guatemala, nauru, palau, marshall islands "
        "and honduras \xe2\x80\x94 voted against it.",
        /* an aside of any length: its closing dash comes later */
        "Tim tebow \xe2\x80\x94 one of the most extraordinary athletes ever to pass through denver \xe2\x80\x94 "
        "was run out of town wednesday.",
        "Janet waldo \xe2\x80\x93 the voice actress behind numerous characters from classic hanna-barbera cartoons "
        "and the voice of judy jetson \xe2\x80\x93 died on sunday at 96.",
    };
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        cr_expect_eq(place_dateline_length(keep[i], strlen(keep[i])), 0, "trimmed: %s", keep[i]);
}

/* In a cluster a bare place goes only where the story begins: further in,
 * "Washington -- ..." may be a new paragraph's aside-free sentence, but it
 * may as well be what the sentence says ("Perez -- a green card holder
 * ..." has its aside test; "Russia - the country ..." has none). */
Test(page_dateline, a_bare_place_goes_only_where_the_story_begins, .init = setup, .fini = teardown)
{
    const char *text = "Sacramento -- california's budget deficit has jumped to $ 16 billion, the governor said. "
                       "Lawmakers will meet on monday. Washington -- the federal government has offered no help "
                       "to the state so far this year.\n";
    precis_cluster *c = one_article_cluster("budget", text);
    cr_assert_geq(c->nsents, 3);
    const char *t0 = c->articles[0].text + c->sents[0].start;
    cr_expect(!strncmp(t0, "california's budget deficit", 27), "first: %.40s", t0);
    const char *t2 = c->articles[0].text + c->sents[2].start;
    cr_expect(!strncmp(t2, "Washington -- the federal government", 36), "third: %.40s", t2);
    precis_cluster_free(c);
}

Test(page_dateline, a_running_storys_header_is_trimmed)
{
    static const char *const cases[][2] = {
        {"the latest on hurricane irma ( all times local ): 9: 25 a.m. Hurricane irma has made landfall in "
         "the florida keys.",
         "Hurricane irma has made landfall in the florida keys."},
        {"the latest on the news of two israeli citizens being held in gaza ( all times local ): ___ 3: 50 p.m. "
         "Israel's prime minister says the country is working to return them.",
         "Israel's prime minister says the country is working to return them."},
        {"the latest on the trial of hulk hogan's lawsuit against gawker ( all times local ): 7 p.m.: a jury "
         "has sided with the wrestler.",
         "a jury has sided with the wrestler."},
        {"The Latest on campaign 2016 (all times EDT): 10:43 p.m. Bernie Sanders netted about a half-dozen "
         "more delegates.",
         "Bernie Sanders netted about a half-dozen more delegates."},
        {"the latest on the killings ( all times local ): file - in this july 7, 2015, file photo, a "
         "police car stands outside.",
         "file - in this july 7, 2015, file photo, a police car stands outside."},
    };
    int whole;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *t = cases[i][0];
        size_t n = running_header_length(t, strlen(t), &whole);
        cr_expect_str_eq(t + n, cases[i][1]);
        cr_expect_eq(whole, 0);
    }
    /* the header alone: all of it is furniture */
    const char *alone = "the latest on hurricane matthew ( all times local ): 3: 10 p.m.";
    cr_expect_eq(running_header_length(alone, strlen(alone), &whole), strlen(alone));
    cr_expect_eq(whole, 1);
    for (size_t n = 0; n <= strlen(alone); n++) { /* cut short anywhere: read no further */
        char *copy = malloc(n ? n : 1);
        cr_assert_not_null(copy);
        memcpy(copy, alone, n);
        cr_expect_leq(running_header_length(copy, n, &whole), n);
        free(copy);
    }
    /* not a header: no "( all times )", or not at the start */
    static const char *const keep[] = {
        "the latest on the storm is that it has weakened, forecasters said on monday.",
        "the latest novel from dan brown broke one-day sales records ( all times are estimates ).",
        "He said the latest on hurricane irma ( all times local ): 9: 25 a.m. came late.",
        "A nuclear button is on his desk at all times, he said.",
    };
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        cr_expect_eq(running_header_length(keep[i], strlen(keep[i]), &whole), 0, "trimmed: %s", keep[i]);
}

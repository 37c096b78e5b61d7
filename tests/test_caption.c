/*
 * test_caption.c: photo captions that head a pasted article are found by
 * their conventions and kept out of summaries and of the lead slot; story
 * sentences that share a word or a date with them are not.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "clean/caption.h"
#include "engine_fixture.h"
#include "model/cluster.h"
#include "precis.h"
#include "text/segment.h"

static int caption(const char *s)
{
    return is_photo_caption(s, strlen(s));
}

Test(caption, agency_captions_are_found)
{
    static const char *const captions[] = {
        /* the closing date, after a comma or a weekday */
        "Oscar pistorius sits in court during his trial, in pretoria, south africa, friday, aug. 8, 2014.",
        "Passengers wait to enter a railway station in guangzhou, guangdong province, february 1, 2016.",
        "People look on after an overpass buckled near kaikoura, new zealand monday, nov. 14, 2016.",
        /* where people stand */
        "Traders Richard Deviccaro, center, and Joseph Dente, right, work on the floor of the exchange.",
        "Angelika graswald, second from left, stands in court with her lawyers.",
        "( l-r ) the four swimmers celebrate after breaking the world record in the relay final.",
        "From left: the chairman, the chief executive and the treasurer at the launch.",
        /* the openers */
        "FILE - In this Oct. 8, 2017, file photo, the running back warms up before the game in Houston.",
        "File -- in this june 30, 2018, file photo, the group holds a rally in portland, ore.",
        "File photo: a combination of file photos showing the two presidents.",
        "In this image made from video, three cows are stranded on an island of grass.",
        "This undated photo provided by the aquarium shows the carcass of a beaked whale.",
        "FILE \xe2\x80\x94 This April 20, 2009 file photo shows the actress at an awards dinner.",
    };
    for (size_t i = 0; i < sizeof captions / sizeof *captions; i++)
        cr_expect(caption(captions[i]), "not found: %s", captions[i]);
}

Test(caption, story_sentences_are_not_captions)
{
    static const char *const story[] = {
        "Russian jets have carried out a second day of strikes in Syria, with some activists claiming the "
        "targets included rebels backed by the United States.",
        "He was born in Paris on March 3, 1950.",                /* a date, but after "on" */
        "The plant opened in 1998, and closed on friday.",
        "File - the state auditor on thursday blasted federal oversight of the prisons.", /* no photo */
        "Abdirahmaan muhumed, above, told mpr news that he had joined the fighting.",
        "Buy Kleenex(R) tissues today.",                         /* a trademark */
        "Gov. Scott Walker (R) signed the bill on Monday.",      /* parties, not places in a picture */
        "rep. steve king ( r ) said the vote would be close.",
        "NASA launched its new rover toward Mars on Thursday, July 30, 2020.", /* "on" a date */
        "In this year's budget, the government's handout to farmers rose by 10 percent.",
        "This image problem has dogged the company for years.",  /* a photo word, no caption cue */
        "In this small town, pictures of the missing girl hang in every shop window.",
        "In this case, the court ruled against him on Monday.",  /* "in this", no photo word */
        "This experiment shows that, unlike image-forming vision, the body clock adds up light.",
        "The vote, left to the states, was held on May 1, 2014 in every county.",
        "Party leaders on the left, right and centre agreed.",
        "",
    };
    for (size_t i = 0; i < sizeof story / sizeof *story; i++)
        cr_expect(!caption(story[i]), "taken for a caption: %s", story[i]);
}

Test(caption, a_caption_glued_to_the_lead_is_kept)
{
    /* Over CAPTION_MAX_WORDS words: the story's first sentence rides on it. */
    const char *glued = "This nasa image shows the first color image of the earth taken by the apollo 8 "
                        "astronauts on december 24, 1968 americans are enthusiastic about the promise of "
                        "science but lack basic knowledge of it, with one in four unaware that the earth "
                        "circles the sun, a survey found on friday.";
    cr_assert(!caption(glued));
}

Test(caption, a_glued_caption_is_cut_at_its_credit)
{
    const char *glued = "2-year-old brody allen is celebrating christmas early with his family ( photo: provided "
                        "by the allen family ) colerain police arrested two teens wednesday night, officers said.";
    size_t cut = caption_prefix_length(glued, strlen(glued));
    cr_assert_str_eq(glued + cut, "colerain police arrested two teens wednesday night, officers said.");
    /* the other labels pages give a credit ("picture:", "photos:",
     * "credit:"), and a credit with a bracket of its own */
    const char *labelled[][2] = {
        {"Belgian beer being poured ( picture: getty ) \" this is stronger than a steel pipe, \" he said.",
         "\" this is stronger than a steel pipe, \" he said."},
        {"Tammy waddell ( credit: family photo ) \"my cousin wanted backpacks with supplies brought to her funeral, \" "
         "he said.",
         "\"my cousin wanted backpacks with supplies brought to her funeral, \" he said."},
        {"mr roy wanted to pull the train for more than 300 metres ( photos: sanjay sah ) a man in eastern india says "
         "he is going to take to the air.",
         "a man in eastern india says he is going to take to the air."},
        {"Lovily johnson ( photo: kent county jail, courtesy wzzm-tv ( grand rapids ) ) wyoming, mich. \xE2\x80\x94 a "
         "young mother was arraigned monday on two felony charges.",
         "wyoming, mich. \xE2\x80\x94 a young mother was arraigned monday on two felony charges."},
    };
    for (size_t i = 0; i < sizeof labelled / sizeof *labelled; i++) {
        const char *t = labelled[i][0];
        cr_expect_str_eq(t + caption_prefix_length(t, strlen(t)), labelled[i][1]);
    }
    /* a credit signed with a slash and no label: at a sentence's start,
     * after a caption, several photographers, the agency's own form */
    const char *signed_credits[][2] = {
        {"( firdia lisnawati/ap ) the journal nature on wednesday published a paper on the virus.",
         "the journal nature on wednesday published a paper on the virus."},
        {"Tv personality jenna bush hager arrives sunday at the golden globe awards in beverly hills, calif. ( mike "
         "blake/reuters ) at every awards show, there's always one red carpet mistake.",
         "at every awards show, there's always one red carpet mistake."},
        {"( sarah parnass, osman malik/the washington post ) four years ago, warren struggled for a while with the "
         "storyline.",
         "four years ago, warren struggled for a while with the storyline."},
        {"Attorney general eric holder ( ap photo/john raoux ) in an unusual move, the justice department announced "
         "wednesday that it is collecting data.",
         "in an unusual move, the justice department announced wednesday that it is collecting data."},
        {"( j.b. Forbes/ap ) ' hands up! don't shoot! ' was a common theme during the protests.",
         "' hands up! don't shoot! ' was a common theme during the protests."},
        {"( nicholas kamm/afp via getty images ) the white house said on monday that the talks would go on.",
         "the white house said on monday that the talks would go on."},
    };
    for (size_t i = 0; i < sizeof signed_credits / sizeof *signed_credits; i++) {
        const char *t = signed_credits[i][0];
        cr_expect_str_eq(t + caption_prefix_length(t, strlen(t)), signed_credits[i][1]);
    }
    /* a slash that signs nothing, a credit inside the sentence, a dateline's
     * source, a bracket too long to be a credit */
    const char *unsigned_slashes[] = {
        "The ratio ( 3/4 ) of voters said they would vote again next year in the election.",
        "The new policy ( and/or its successor ) will be debated by the council on monday morning.",
        "Mayor Jane Smith ( AP Photo/Rich Pedroncelli ), said the city would raise taxes next year.",
        "Washington ( cbsla.com/ap ) \xE2\x80\x94 president barack obama has been brought up to date on the shooting.",
        "The report ( written over many long months by the staff of the committee/ap ) said the agency had "
        "failed to act on the warnings it was given."};
    for (size_t i = 0; i < sizeof unsigned_slashes / sizeof *unsigned_slashes; i++)
        cr_expect_eq(caption_prefix_length(unsigned_slashes[i], strlen(unsigned_slashes[i])), 0, "cut: %s",
                     unsigned_slashes[i]);
    /* too little story after the credit, no credit, an unclosed one */
    const char *keep[] = {"Officials stand near the stadium ( photo: mark humphrey, ap ) on monday.",
                          "Mayor Jane Smith, shown here ( photo: ap ), said monday that the city would raise "
                          "property taxes by two percent next year.",
                          "Police arrested two teens wednesday night after a long chase through town.",
                          "The museum showed the photos ( pictures from 1912 ) to visitors who came on monday and tuesday.",
                          "The family posed for a picture ( photo: provided by the family and then some more "
                          "words that never close the bracket at all, as broken pages do"};
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        cr_expect_eq(caption_prefix_length(keep[i], strlen(keep[i])), 0, "cut: %s", keep[i]);
}

/* How many of c's sentences start with prefix; none may hold left, what
 * should have been cut from its front. */
static int sentences_starting(const precis_cluster *c, const char *prefix, const char *left)
{
    int found = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const char *t = c->articles[c->sents[i].article].text + c->sents[i].start;
        int len = (int)(c->sents[i].end - c->sents[i].start);
        cr_expect(!memmem(t, (size_t)len, left, strlen(left)), "left in: %.*s", len, t);
        found += !strncmp(t, prefix, strlen(prefix));
    }
    return found;
}

/* The first sentence of a one-article summary by method m. */
static void first_sentence(precis_cluster *c, const char *m, char *out, size_t cap)
{
    precis_options o;
    precis_options_init(&o);
    o.method = m;
    o.max_sentences = 1;
    precis_summary *s;
    precis_error err;
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    cr_assert_eq(precis_summary_count(s), 1);
    const precis_summary_sentence *it = precis_summary_get(s, 0);
    snprintf(out, cap, "%.*s", (int)it->len, it->text);
    precis_summary_free(s);
}

Test(caption, the_lead_after_a_caption_is_the_lead, .init = setup, .fini = teardown)
{
    const char *text =
        "Firefighters battle a blaze at the clearview apartments in holland, mich., oct. 10, 2012.\n\n"
        "A fire tore through an apartment complex in western Michigan on Wednesday, leaving 40 people "
        "without homes, officials said. No one was hurt. Smith, left, and Jones, right, were among those "
        "who lost their homes. The cause is under investigation.\n";
    precis_cluster *c = one_article_cluster("fire", text);
    cr_assert_geq(c->nsents, 5);
    cr_expect(c->sents[0].flags & SENT_CAPTION, "the heading caption is marked");
    for (size_t i = 1; i < c->nsents; i++) /* ", left," in the body is the story's */
        cr_expect(!(c->sents[i].flags & SENT_CAPTION), "sentence %zu marked", i);
    char got[512];
    first_sentence(c, "lead", got, sizeof got);
    cr_expect(!strncmp(got, "A fire tore through", 19), "lead chose: %s", got);
    precis_cluster_free(c);

    /* caption, credit and lead in one sentence: the lead keeps its slot */
    const char *glued = "Elementary school students cross a snowy street as a blizzard dropped snow over "
                        "boulder, colo. ( photo: brennan linsley, ap ) A spring blizzard closed schools across "
                        "three states on Wednesday, forecasters said. Roads were shut.\n";
    c = one_article_cluster("snow", glued);
    first_sentence(c, "lead", got, sizeof got);
    cr_expect_str_eq(got, "A spring blizzard closed schools across three states on Wednesday, forecasters said.");
    precis_cluster_free(c);

    /* ... also after a video's blurb, which counts as a story sentence
     * (Multi-News: "Close according to ... Buzz60 david koch ( photo: ... )
     * washington – ..."); the lower-case dateline after the credit goes,
     * as on a lead (clean/page_dateline.h) */
    const char *after_video = "Close according to multiple reports, the mayor is stepping down from her post. "
                              "Buzz60 mayor jane smith ( photo: john doe, ap ) springfield – Mayor Jane Smith "
                              "said on Monday that she would resign at the end of the month. Her deputy will "
                              "take over until an election in the spring.\n";
    c = one_article_cluster("resign", after_video);
    cr_expect_eq(sentences_starting(c, "Mayor Jane Smith said on Monday", "photo:"), 1,
                 "the story sentence stands alone, without the caption");
    precis_cluster_free(c);

    /* a wire story pasted under its photo's caption: the dateline that
     * opens the story goes although the caption came first */
    const char *pasted = "Russia launches fresh air strikes on Syria, as Kremlin rejects criticism\n\n"
                         "A handout frame grab shows strikes carried out by Russian warplanes in Syria on Sept 30, "
                         "2015.PHOTO: EPA/RUSSIAN DEFENCE MINISTRY\n\nBEIRUT (AFP) - Fresh Russian air strikes on "
                         "Thursday targeted bases held by a powerful Islamist rebel coalition, a Syrian security "
                         "source said. Russia rejected the accusations.\n";
    c = one_article_cluster("strikes", pasted);
    cr_expect_eq(sentences_starting(c, "Fresh Russian air strikes on Thursday", "(AFP)"), 1,
                 "the story's first sentence starts after its dateline");
    precis_cluster_free(c);
}

/* A sentence followed by a single photo's credit in brackets is that
 * photo's caption, at an article's head or further down; a gallery's
 * link after a story sentence says nothing of it. */
Test(caption, the_sentence_before_a_photo_credit_is_its_caption, .init = setup, .fini = teardown)
{
    const char *text =
        "Kevin the cat was a stowaway on a u-haul truck. ( photo: photo courtesy of john welsh ) a stowaway "
        "cat traveling in a u-haul trailer somehow made its way from south carolina to california. The family "
        "found him when they opened the trailer in los angeles. Baggies of marijuana accidentally donated. "
        "(credit: maplewood police department) the cat's owners said they would drive him home. \" we are "
        "just glad he is safe, \" she said. ( photos: the cat's long trip ) a vet said he was thirsty but well.\n";
    precis_cluster *c = one_article_cluster("cat", text);
    static const char *const captions[] = {"Kevin the cat was", "Baggies of marijuana"};
    static const char *const story[] = {"a stowaway cat traveling", "The family found him", "the cat's owners said",
                                        "\" we are just glad", "a vet said he was"};
    for (size_t k = 0; k < 2; k++) {
        int n = 0;
        for (size_t i = 0; i < c->nsents; i++)
            if (!strncmp(c->articles[0].text + c->sents[i].start, captions[k], strlen(captions[k]))) {
                n++;
                cr_expect(c->sents[i].flags & SENT_CAPTION, "caption not marked: %s", captions[k]);
            }
        cr_expect_eq(n, 1, "%s", captions[k]);
    }
    for (size_t k = 0; k < 5; k++) {
        int n = 0;
        for (size_t i = 0; i < c->nsents; i++)
            if (!strncmp(c->articles[0].text + c->sents[i].start, story[k], strlen(story[k]))) {
                n++;
                cr_expect(!(c->sents[i].flags & SENT_CAPTION), "story sentence marked: %s", story[k]);
            }
        cr_expect_eq(n, 1, "%s", story[k]);
    }
    precis_cluster_free(c);

    cr_expect(photo_credit_follows(" ( photo: mark humphrey, ap ) rio", 33));
    cr_expect(photo_credit_follows("\n( photo: john smith, ap )\nThe", 31));
    cr_expect(photo_credit_follows(" ( photo by stacy revere/getty images ) rob", 43));
    cr_expect(photo_credit_follows(" Photograph: ignacio lopez/epa the king", 39));
    cr_expect(!photo_credit_follows(" ( he said the 2012 figures/estimates were wrong ) and", 54));
    cr_expect(!photo_credit_follows(" Photographers gathered outside the court.", 42));
    cr_expect(photo_credit_follows("(Photo credit: AFP) The", 23));
    cr_expect(!photo_credit_follows(" ( photos: scenes from the ground ) a", 36));
    cr_expect(!photo_credit_follows(" ( pictures: scenes ) a", 23));
    cr_expect(!photo_credit_follows(" ( photo: and then the story runs on without ever closing the bracket", 68));
    cr_expect(!photo_credit_follows(" ( he said ) photo: x )", 23));
    cr_expect(!photo_credit_follows("", 0));
}

/*
 * test_boilerplate.c: sentences that many unrelated pages carry (the
 * boilerplate list, clean/boilerplate.h). The key ignores case, spacing
 * and punctuation; the list compiled into the library holds the widget
 * and archive notices of Multi-News's flattened pages and no story
 * sentence; a cluster marks such sentences and no method picks them while
 * story is left.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "clean/boilerplate.h"
#include "model/cluster.h"
#include "model/engine.h"
#include "precis.h"
#include "select/select.h"
#include "text/segment.h"

#include "engine_fixture.h"

/* precis_summarize with one method and a word budget (0: the default). */
static precis_status summarize_by(precis_cluster *c, const char *name, size_t words, precis_summary **out,
                                  precis_error *err)
{
    precis_options o;
    precis_options_init(&o);
    o.method = name;
    if (words)
        o.max_words = words;
    return precis_summarize(c, &o, out, err);
}

static int listed(const char *s)
{
    return engine_is_boilerplate(engine, s, strlen(s));
}

Test(boilerplate, key_ignores_case_spacing_and_punctuation)
{
    char out[128];
    const char *s = "  Please   try again LATER !  ";
    cr_expect_eq(boilerplate_key(s, strlen(s), out), strlen("please try again later"));
    cr_expect_str_eq(out, "please try again later");
    s = "Starting in 1996, Alexa Internet has been donating";
    boilerplate_key(s, strlen(s), out);
    cr_expect_str_eq(out, "starting in 1996 alexa internet has been donating");
    s = "caf\xc3\xa9 on/off";
    boilerplate_key(s, strlen(s), out);
    cr_expect_str_eq(out, "caf\xc3\xa9 on off", "non-ASCII letters are kept");
    s = "?!";
    cr_expect_eq(boilerplate_key(s, strlen(s), out), 0);
    cr_expect_str_eq(out, "");
}

Test(boilerplate, list_holds_page_notices_not_story, .init = setup, .fini = teardown)
{
    cr_expect(listed("You always have the option to delete your tweet location history."));
    cr_expect(listed("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive."));
    cr_expect(listed("The news and stories that matter, delivered weekday mornings."));
    cr_expect(listed("rating is available when the video has been rented ."));
    cr_expect_not(listed("Russian jets struck targets near Talbiseh on Thursday, activists said."));
    cr_expect_not(listed("Please try again later, the minister told reporters after the vote failed."));
    cr_expect_not(listed(""));
}

/* A story pasted with a tweet widget in the middle of its paragraph: the
 * widget's sentences are marked and stay out of every summary. */
Test(boilerplate, widget_sentences_are_never_chosen, .init = setup, .fini = teardown)
{
    const char *text =
        "The city council approved a new budget of 12 million dollars on Tuesday after a long debate. "
        "Tweet with a location you can add location information to your tweets, such as your city or "
        "precise location, from the web and via third-party applications. You always have the option to "
        "delete your tweet location history. The vote was seven to two, and the mayor said the budget "
        "protects parks and libraries. Critics said the cuts to road repairs would be felt for years.\n";
    precis_cluster *c = one_article_cluster("widget", text);
    precis_error err;
    size_t marked = 0;
    for (size_t i = 0; i < c->nsents; i++)
        marked += (c->sents[i].flags & SENT_BOILERPLATE) != 0;
    cr_expect_eq(marked, 2, "%zu of %zu sentences marked", marked, c->nsents);
    const char *methods[] = {"default", "learned", "stepwise", "coverage", "lead", "centrality"};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++) {
        precis_summary *s;
        cr_assert_eq(summarize_by(c, methods[m], 1000, &s, &err), PRECIS_OK, "%s: %s", methods[m], err.message);
        cr_expect_gt(precis_summary_count(s), 0, "%s chose nothing", methods[m]);
        for (size_t k = 0; k < precis_summary_count(s); k++) {
            const precis_summary_sentence *ss = precis_summary_get(s, k);
            cr_expect_null(memmem(ss->text, ss->len, "tweet", 5), "%s chose: %.*s", methods[m], (int)ss->len,
                           ss->text);
        }
        precis_summary_free(s);
    }
    precis_cluster_free(c);
}

/* A page saved as nothing but a web archive's crawl notice and a video
 * widget (six Multi-News validation clusters are only that): no method
 * makes a brief of the notices; the cluster has no story text, said as
 * such, and precis eval scores it as an empty summary. */
Test(boilerplate, a_cluster_of_notices_has_no_story_text, .init = setup, .fini = teardown)
{
    const char *text = "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
                       "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
                       "embargo period. Rating is available when the video has been rented.\n";
    precis_cluster *c = one_article_cluster("notices", text);
    const char *methods[] = {"default", "coverage", "lead", "sumbasic"};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++) {
        precis_summary *s = NULL;
        precis_error err;
        cr_expect_eq(summarize_by(c, methods[m], 0, &s, &err), PRECIS_ERR_EMPTY, "%s made a brief", methods[m]);
        cr_expect_null(s);
        cr_expect(strstr(err.message, "no story text"), "%s: %s", methods[m], err.message);
    }
    precis_cluster_free(c);

    /* one story sentence among the notices is enough for a brief */
    c = one_article_cluster("notices", "The city council approved a new budget of 12 million dollars on "
                                       "Tuesday after a long debate. Rating is available when the video "
                                       "has been rented.\n");
    precis_summary *s;
    precis_error err;
    cr_assert_eq(precis_summarize(c, NULL, &s, &err), PRECIS_OK, "%s", err.message);
    cr_expect_eq(precis_summary_count(s), 1);
    precis_summary_free(s);
    precis_cluster_free(c);
}

/* Greedy's last resort, for a cluster with no sentence that fits whole,
 * takes fragments, but never a notice: with a 15-word budget the only
 * sentence short enough here is the video widget's line (a review). */
Test(boilerplate, last_resort_takes_no_notice, .init = setup, .fini = teardown)
{
    const char *text = "The city council voted on Tuesday evening after a long and bitter debate lasting more "
                       "than six hours to approve a new budget for the coming fiscal year that raises spending "
                       "on schools by ten percent and cuts road repairs sharply.\n"
                       "Rating is available when the video has been rented.\n";
    precis_cluster *c = one_article_cluster("widget", text);
    const char *methods[] = {"default", "lead", "centrality"};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++) {
        precis_summary *s;
        precis_error err;
        cr_assert_eq(summarize_by(c, methods[m], 15, &s, &err), PRECIS_OK, "%s: %s", methods[m], err.message);
        cr_expect_eq(precis_summary_count(s), 0, "%s printed: %s", methods[m],
                     precis_summary_count(s) ? precis_summary_get(s, 0)->text : "");
        precis_summary_free(s);
    }
    precis_cluster_free(c);
}

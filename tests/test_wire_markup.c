/*
 * test_wire_markup.c: a news service's typesetting codes ("&QL;", "&UR;")
 * and notes to editors ("(STORY CAN END HERE. OPTIONAL MATERIAL
 * FOLLOWS.)", "EDITORS: Visit ...") are not story text: no sentence holds
 * them and no summary prints them, while the story around them is kept
 * whole, and a style code inside a sentence does not cut it.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "clean/wire_markup.h"
#include "engine_fixture.h"
#include "model/cluster.h"
#include "precis.h"
#include "text/segment.h"

/* A syndicated feature as a newswire collection keeps it: paragraphs end in
 * "&QL;", the optional part is marked, the trailer speaks to editors. */
static const char *const FEATURE =
    "Towns along the river spent the summer counting the cost of the flood, which closed three "
    "bridges and forced about 2,000 families from their homes in June. &QL;\n"
    "The state has promised $40 million for repairs, but local officials say the money will "
    "cover less than half of the damage. &QL;\n"
    "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.) &QL;\n"
    "Farmers downstream lost most of their corn, and many say they will not plant again next "
    "spring unless the levees are rebuilt. &QL;\n"
    "&UR; EDITORS: Visit the syndicate's Web site for more information on this and other "
    "features. &LR; &QL;\n"
    "&UR; NONSUBSCRIBERS: To publish this feature article, it must be purchased. &LR; &QL;\n";

static int sentence_holds(const precis_cluster *c, size_t i, const char *what)
{
    const sentence *s = &c->sents[i];
    const char *t = c->articles[s->article].text + s->start;
    return memmem(t, s->end - s->start, what, strlen(what)) != NULL;
}

static int sentence_is(const precis_cluster *c, size_t i, const char *text)
{
    const sentence *s = &c->sents[i];
    return s->end - s->start == strlen(text) &&
           !memcmp(c->articles[s->article].text + s->start, text, strlen(text));
}

Test(wire_markup, codes_and_notes_are_not_in_any_sentence, .init = setup, .fini = teardown)
{
    precis_cluster *c = one_article_cluster("flood", FEATURE);
    static const char *const never[] = {"&QL;", "&UR;", "&LR;", "STORY CAN END", "OPTIONAL MATERIAL"};
    for (size_t i = 0; i < c->nsents; i++)
        for (size_t k = 0; k < sizeof never / sizeof *never; k++)
            cr_expect(!sentence_holds(c, i, never[k]), "sentence %zu holds %s", i, never[k]);
    /* the story's three sentences, each whole, first word to final stop */
    cr_assert_geq(c->nsents, 3);
    cr_expect(sentence_is(c, 0, "Towns along the river spent the summer counting the cost of the flood, which "
                                "closed three bridges and forced about 2,000 families from their homes in June."));
    cr_expect(sentence_is(c, 2, "Farmers downstream lost most of their corn, and many say they will not plant "
                                "again next spring unless the levees are rebuilt."));
    /* the trailer is there, but not summary material */
    int notes = 0;
    for (size_t i = 0; i < c->nsents; i++)
        if (sentence_holds(c, i, "EDITORS:") || sentence_holds(c, i, "NONSUBSCRIBERS:")) {
            notes++;
            cr_expect(c->sents[i].flags & SENT_BOILERPLATE, "sentence %zu is a note to editors", i);
        }
    cr_expect_eq(notes, 2);
    precis_cluster_free(c);
}

Test(wire_markup, summaries_of_wire_copy_print_only_the_story, .init = setup, .fini = teardown)
{
    /* Three papers' copies of one story, each with the service's markup:
     * the note is the one text all three share, which is what made
     * concept coverage take it. */
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, "flood", &c, &err), PRECIS_OK);
    for (int k = 0; k < 3; k++) {
        char id[16];
        snprintf(id, sizeof id, "%d", k);
        cr_assert_eq(precis_cluster_add(c, id, FEATURE, strlen(FEATURE), &err), PRECIS_OK, "%s", err.message);
    }
    static const char *const methods[] = {"default", "coverage", "lead", "sumbasic", "learned"};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++) {
        precis_options o;
        precis_options_init(&o);
        o.method = methods[m];
        o.max_words = 100;
        precis_summary *s;
        cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s: %s", methods[m], err.message);
        cr_expect_gt(precis_summary_count(s), 0);
        for (size_t i = 0; i < precis_summary_count(s); i++) {
            const precis_summary_sentence *it = precis_summary_get(s, i);
            cr_expect(!memmem(it->text, it->len, "&", 1) && !memmem(it->text, it->len, "STORY", 5) &&
                          !memmem(it->text, it->len, "EDITORS", 7),
                      "%s printed: %.*s", methods[m], (int)it->len, it->text);
        }
        precis_summary_free(s);
    }
    precis_cluster_free(c);
}

Test(wire_markup, a_style_code_inside_a_sentence_does_not_cut_it, .init = setup, .fini = teardown)
{
    /* "&LR;" around a word is the italic of a printed page */
    const char *text = "Gardeners try to make the plants do what &LR; they &LR; want, she says. &QL;\n"
                       "The roses did not agree this year. &QL;\n";
    precis_cluster *c = one_article_cluster("garden", text);
    cr_assert_eq(c->nsents, 2);
    cr_expect(sentence_is(c, 0, "Gardeners try to make the plants do what &LR; they &LR; want, she says."));
    cr_expect(sentence_is(c, 1, "The roses did not agree this year."));
    precis_cluster_free(c);
}

Test(wire_markup, style_codes_in_a_row_inside_a_sentence_do_not_cut_it, .init = setup, .fini = teardown)
{
    /* The wire writes an empty style run as "&UR; &LR;" in mid-sentence;
     * each code has the other for a neighbour, not a word (DUC 2006:
     * "Saab engineers showed how &UR; &LR; the company builds cars",
     * "already under &UR; &LR; way,'' Putin said", "was Janice &UR; &LR;
     * Baxter's 16-year-old son", "said Tom &UR; Keating, a professor"). */
    const char *text = "Saab engineers showed how &UR; &LR; the company builds cars for drivers. &QL;\n"
                       "One chronic truant was Janice &UR; &LR; Baxter's 16-year-old son. &QL;\n"
                       "The tone was set by a generation reared on television, said Tom &UR; Keating, "
                       "a professor. &QL;\n";
    precis_cluster *c = one_article_cluster("codes", text);
    cr_assert_eq(c->nsents, 3);
    cr_expect(sentence_is(c, 0, "Saab engineers showed how &UR; &LR; the company builds cars for drivers."));
    cr_expect(sentence_is(c, 1, "One chronic truant was Janice &UR; &LR; Baxter's 16-year-old son."));
    cr_expect(sentence_is(c, 2, "The tone was set by a generation reared on television, said Tom &UR; Keating, "
                                "a professor."));
    precis_cluster_free(c);
}

Test(wire_markup, look_alikes_are_story_text)
{
    /* parentheses that are not notes, an unclosed note, HTML's own "&GT;",
     * capitals that are not a label for editors */
    const char *text = "The company (MORE than a bank, its ads say) grew. A note read (STORY CAN END HERE "
                       "and it went on without closing. Use &GT; for more. EDITORS: a word.";
    span in = {0, (uint32_t)strlen(text)}, *out = NULL;
    arena a;
    arena_init(&a, 0);
    size_t n = wire_markup_cut(&a, text, &in, 1, &out);
    cr_expect_eq(n, 1);
    cr_expect_eq(out[0].start, 0);
    cr_expect_eq(out[0].end, in.end);
    /* a closed note is cut out, and the text either side stays */
    const char *trims = "One. (FIRST OPTIONAL TRIM BEGINS) Two. (SECOND OPTIONAL TRIM FOLLOWS) Three.";
    span whole = {0, (uint32_t)strlen(trims)};
    cr_expect_eq(wire_markup_cut(&a, trims, &whole, 1, &out), 3, "each numbered trim note is cut");
    const char *noted = "Repairs will take a year. (END OPTIONAL TRIM) The bridges reopen in May.";
    span all = {0, (uint32_t)strlen(noted)};
    n = wire_markup_cut(&a, noted, &all, 1, &out);
    cr_assert_eq(n, 2);
    cr_expect_eq(out[0].end - out[0].start, strlen("Repairs will take a year."));
    cr_expect_str_eq(noted + out[1].start, "The bridges reopen in May.");
    arena_free(&a);

    cr_expect(is_note_to_editors("EDITORS: Visit the Web site.", 28));
    cr_expect(is_note_to_editors("  NONSUBSCRIBERS: To publish it, buy it.", 40));
    cr_expect(is_note_to_editors("ATTENTION EDITORS: The photo is available.", 42));
    cr_expect(!is_note_to_editors("Editors: the people who choose stories.", 39));
    cr_expect(!is_note_to_editors("EDITORSHIP is a job.", 20));
}

static int contact(const char *s)
{
    return holds_contact_details(s, strlen(s));
}

Test(wire_markup, whom_to_call_is_not_what_happened)
{
    static const char *const contacts[] = {
        "The night news editor is Sam Field, 404-555-0142, sfield(at)example.com.",
        "--Europe and Asia: JANE ROE in Paris at 47-42-17-11; fax, 47-42-80-44.",
        "Anyone with information is asked to call the sheriff's office at 1-800-555-0199.",
        "Phone (800) 555-0123, or visit the foundation's Web site.",
        /* Multi-News spaces the brackets */
        "The hotline number is ( 718 ) 555-0182.",
        "Anyone with information is asked to call the police department at ( 848 ) 555-8025.",
        "Readers may write to the garden desk by e-mail at garden@example.org.",
        "E-mail: desk(AT)example.com",
    };
    for (size_t i = 0; i < sizeof contacts / sizeof *contacts; i++)
        cr_expect(contact(contacts[i]), "not found: %s", contacts[i]);
    static const char *const story[] = {
        /* numbers that are not telephones */
        "The vote was 218-210, and the budget rose to $1,200,000,000 in 2015-16.",
        "The dispute covers the 2015-07-28 filing and the 1998-2000 contracts.",
        /* a number or an address the story is about, in quotation marks */
        "He performed his song \"1-800-273-8255,\" named after the lifeline's number.",
        "The governor used the address \"jdoe@example.com\" to write to his aides.",
        /* a press release's header glued to a lead keeps the lead */
        "For immediate release contact: media@example.org washington - the president announced changes "
        "to the surveillance programs on Friday and left others in place.",
        "A man @ the station said he saw nothing.",
    };
    for (size_t i = 0; i < sizeof story / sizeof *story; i++)
        cr_expect(!contact(story[i]), "taken for a contact: %s", story[i]);
}

/* A news service's budget, the day's list of stories for its clients
 * (five of DUC 2006's D0647B articles are Cox's), is no story: each line
 * sums up a story written elsewhere, under its slug. It is turned away
 * and remembered as left out. A story with its own slug on its first line
 * is a story. */
Test(wire_markup, a_news_budget_is_no_story, .init = setup, .fini = teardown)
{
    const char *budget =
        "Photo and graphics information and editors' names can be found at the end of this budget.\n"
        "INTERNATIONAL\n"
        "CUBA-ELIAN _ MIAMI _ As both sides in the custody case await a federal appeals court ruling, the "
        "mayor of Miami flies to Washington to meet with the attorney general. (Williams, Cox News Service). 30.\n"
        "WASHINGTON\n"
        "COKE-RALLY _ WASHINGTON _ A group seeking a quick settlement of a discrimination lawsuit holds a rally "
        "Tuesday at the Capitol. (Turay, Cox News Service). 18. WITH PHOTOS.\n";
    cr_expect(is_news_budget(budget, strlen(budget)));
    const char *three = "ELIAN _ MIAMI _ Both sides remained defiant Friday. MOVED\n"
                        "RUSSIA-TREATY _ MOSCOW _ The path was cleared Friday for arms reductions.\n"
                        "IMF _ WASHINGTON _ Spot coverage of the spring meetings of the fund.\n";
    cr_expect(is_news_budget(three, strlen(three)), "three slugged lines, no phrase");
    const char *story = "CUBA-ELIAN _ MIAMI _ As both sides in the custody case await a federal appeals court "
                        "ruling, the mayor of Miami flies to Washington.\nThe mayor said he would ask for a meeting "
                        "with the boy's father. Relatives said they would not give the boy up. IMF _ protests were "
                        "planned for Sunday.\n";
    cr_expect(!is_news_budget(story, strlen(story)), "one slug, on the first line");
    const char *two = "CUBA-ELIAN _ MIAMI _ Both sides remained defiant Friday.\n"
                      "CUBA-ELIAN-2NDLD _ MIAMI _ Both sides remained defiant Friday, as crowds grew.\n"
                      "The court could rule at any time, lawyers said.\n";
    cr_expect(!is_news_budget(two, strlen(two)), "two slugs and no budget phrase");
    const char *roundup = "MOSCOW _ Russian lawmakers approved the treaty on Friday after years of delay.\n"
                          "BEIJING _ China said its exports rose in March for a third month.\n"
                          "TOKYO _ Japan's central bank left its rates unchanged, as expected.\n";
    cr_expect(!is_news_budget(roundup, strlen(roundup)), "a world roundup's datelines are no slugs");

    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, "elian", &c, &err), PRECIS_OK);
    cr_expect_eq(precis_cluster_add(c, "budget", budget, strlen(budget), &err), PRECIS_ERR_EMPTY);
    cr_expect(strstr(err.message, "budget"), "%s", err.message);
    cr_expect_eq(precis_cluster_add(c, "story", story, strlen(story), &err), PRECIS_OK, "%s", err.message);
    cr_expect_eq(precis_cluster_articles(c), 1);
    cr_assert_eq(precis_cluster_left_out(c), 1);
    cr_expect_str_eq(precis_cluster_left_out_id(c, 0), "budget");
    cr_expect_null(precis_cluster_left_out_id(c, 1));
    precis_cluster_free(c);
}

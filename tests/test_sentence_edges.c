/*
 * test_sentence_edges.c: datelines trimmed from wire stories' first
 * sentences, and quotation pieces recognised, on real newswire forms.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "clean/sentence_edges.h"

static const char *after_dateline(const char *s)
{
    return s + dateline_length(s, strlen(s));
}

Test(sentence_edges, wire_datelines_are_trimmed)
{
    cr_assert_str_eq(after_dateline("WASHINGTON (AP) -- Seeking to get a more accurate count of the population."),
                     "Seeking to get a more accurate count of the population.");
    cr_assert_str_eq(after_dateline("CARACAS, Venezuela (AP) _ The Caracas stock market skyrocketed Tuesday."),
                     "The Caracas stock market skyrocketed Tuesday.");
    cr_assert_str_eq(after_dateline("PINE RIDGE, S.D. (AP) -- President Clinton turned the attention of his tour."),
                     "President Clinton turned the attention of his tour.");
    cr_assert_str_eq(after_dateline("CUBA-ELIAN _ MIAMI _ As both sides in the custody case await a ruling, he flies."),
                     "As both sides in the custody case await a ruling, he flies.");
    cr_assert_str_eq(after_dateline("WASHINGTON -- Seeking to get a more accurate count of the population."),
                     "Seeking to get a more accurate count of the population.");
    cr_assert_str_eq(after_dateline("MOSCOW \xe2\x80\x94 Russia said on Thursday that its jets struck."),
                     "Russia said on Thursday that its jets struck.");
    cr_assert_str_eq(after_dateline("BEIRUT (AFP) - Fresh Russian air strikes on Thursday hit bases held by rebels."),
                     "Fresh Russian air strikes on Thursday hit bases held by rebels.");
    cr_assert_str_eq(after_dateline("SYDNEY, September 28 (Xinhua) -- Russian runner Svetlana Pospelova tested positive."),
                     "Russian runner Svetlana Pospelova tested positive.");
}

Test(sentence_edges, ordinary_openings_are_kept)
{
    const char *keep[] = {
        "Russian jets have carried out a second day of strikes in Syria.",
        "US Senator John McCain said he could confirm it.",
        "NATO - the alliance - met on Monday.",            /* a dash, but no sentence left after 3 words? kept */
        "The U.N. - backed talks resumed - officials said.",
        "WASHINGTON _ Yes.",                                /* would leave a stub */
        "I - for one - disagree with the plan entirely.",
    };
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        cr_assert_eq(dateline_length(keep[i], strlen(keep[i])), 0, "trimmed: %s", keep[i]);
}

Test(sentence_edges, quotation_pieces)
{
    cr_assert(quotes_unbalanced("The surplus is the people's money.''", 36));
    const char *s = "``I would get the federal government out of the housing business.";
    cr_assert(quotes_unbalanced(s, strlen(s)));
    s = "``The effect was immediate,'' she says.";
    cr_assert_not(quotes_unbalanced(s, strlen(s)));
    s = "\xe2\x80\x9cThese organisations are known,\xe2\x80\x9d he was quoted as saying.";
    cr_assert_not(quotes_unbalanced(s, strlen(s)));
    s = "\xe2\x80\x9cThe targets are determined in coordination with the Syrian defence ministry.";
    cr_assert(quotes_unbalanced(s, strlen(s)));
    s = "He said \" we ' ll see \" and left.";
    cr_assert_not(quotes_unbalanced(s, strlen(s)), "straight quotes are never judged");
}

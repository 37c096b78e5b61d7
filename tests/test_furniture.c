/*
 * test_furniture.c: page furniture is dropped from the five pasted seed
 * articles (examples/seeds) while every story sentence survives whole.
 *
 * Tests run from tests/, so the seeds are at ../examples/seeds.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/furniture.h"
#include "text/segment.h"

#define SEEDS "../examples/seeds/"

static const char *const SEED_FILES[] = {
    "000_679d28d13e5d8f6f.txt", "001_ff01b8e64425b3dd.txt", "002_190641c456ae7d2f.txt",
    "003_4112cf46ef5a00b8.txt", "004_7dd1ed88bf418f15.txt",
};
#define NSEEDS (sizeof SEED_FILES / sizeof SEED_FILES[0])

/* Furniture lines of the seeds: none may be in any kept sentence. */
static const char *const FURNITURE[] = {
    "Lizzie Dearden,Doug Bolton",
    "Thursday 01 October 2015 07:44",
    "Damaged buildings the Syrian town of Talbiseh",
    "Here are the latest updates:",
    "Please allow a moment for the live blog to load",
    "Additional reporting by AP",
    "Join our new commenting forum",
    "Join thought-provoking conversations, follow other Independent readers and see "
    "their replies",
    "View comments",
    "Monday 22 January 2018",
    "Vladimir Putin's spokesman says Russia's airstrikes in Syria are targeting other "
    "groups as well as Islamic State",
    "Sergey Lavrov listed countries with a key role to play in resolving the chaos in "
    "Syria (AP)",
    "Press Association",
    "Promoted Links",
    "Today's news headlines, directly to your inbox every morning.",
    "Editors Choice",
    "Also in World News",
    "Consular assistance in Russia",
    "Russia is currently at war in Ukraine.",
    "Are you in Russia and need consular assistance?",
    "Find your country\xE2\x80\x99s embassy in Russia on EmbassyPages.",
    "Home News",
    "Published on 01/10/2015",
    "US-Russian military talks",
    "A handout frame grab taken from a video footage",
    "PHOTO: EPA/RUSSIAN DEFENCE MINISTRY",
    "Published: Updated:",
    "Enable Read mode",
    "100% Font Size",
    "Advertisement",
    "[With AFP and Reuters]",
    "Top Content Trending",
};

/* Story sentences from across the five files that must survive, whole. */
static const char *const STORY[] = {
    "Russian jets have carried out a second day of strikes in Syria, with some activists "
    "claiming the targets included rebels backed by the United States.",
    "US Senator John McCain said he could \"absolutely confirm\" that members of the Free "
    "Syrian Army (FSA), who had been funded and trained by the CIA, were among those "
    "targeted.",
    "\"These organisations are well known and the targets are chosen in coordination with "
    "the armed forces of Syria,\" he said.",
    "\xE2\x80\x9CRumours that the targets of these strikes were not Isis positions were "
    "groundless,\xE2\x80\x9D he added.",
    "Mr Putin denied reports that civilians were killed in any Russian airstrikes.",
    "\"We are ready for such information attacks,\" he said in a live broadcast from the "
    "Kremlin.",
    "\"The first reports of civilian casualties came even before our jets took off.\"",
    "The claim could not be independently verified.",
    "The US and Russia agree on the need to fight the Islamic State but not about what to "
    "do with President Bashar Assad.",
    "A car bomb factory north of Homs was also destroyed, it said.",
    "Russian President Vladimir Putin hit back at allegations that civilians had been "
    "killed, describing the claims as \xE2\x80\x9Cinformation warfare\xE2\x80\x9D.",
    "In Moscow, the defence ministry said it had bombed \xE2\x80\x9C" "four Islamic State "
    "targets\xE2\x80\x9D in Syria overnight, destroying \xE2\x80\x9Cthe headquarters of "
    "terrorist groups and a weapons warehouse in Idlib area and a command "
    "centre\xE2\x80\xA6 in Hama region.\xE2\x80\x9D",
    "\xE2\x80\x9CThese organisations are known,\xE2\x80\x9D he was quoted as saying by "
    "Russian news agencies.",
    "BEIRUT (AFP) - Fresh Russian air strikes on Thursday (Oct 1) on targeted bases held by "
    "a powerful Islamist rebel coalition including Al-Qaeda's affiliate in north-west "
    "Syria, a Syrian security source said, as Russia on the same day rejected the "
    "accusations its air strikes targeted Syrian government rebels instead of militants.",
    "The airforce \"destroyed the headquarters of terrorist groups and a weapons warehouse "
    "in Idlib area and a command centre... in Hama region\", the Defence Ministry said in "
    "a statement.",
    "\"The rumours that the target of these air strikes was not ISIS positions are "
    "unfounded,\" Mr Lavrov told journalists in New York after meeting his US counterpart "
    "John Kerry.",
    "Six bombers reached Syria circumventing Azerbaijan and flying over the Caspian Sea, "
    "Iran and Iraq.",
    "Separately, a U.S. military spokesman said the U.S. led coalition will not scale back "
    "its attack on ISIS despite Russia\xE2\x80\x99s involvement.",
    "He also said Russia was coordinating its actions in Syria with U.S. intelligence and "
    "the Pentagon.",
    "Russian President Vladimir Putin said labelled assertions that civilians had been "
    "killed in Russian air strikes in Syria as an \xE2\x80\x9Cinformation "
    "attack.\xE2\x80\x9D",
    "The head of Syria\xE2\x80\x99s main opposition group accused the Kremlin of aiming to "
    "support Assad\xE2\x80\x99s regime and killing 36 civilians in the central province of "
    "Homs on Wednesday.",
};

typedef struct doc {
    char *text;
    size_t len;
    arena a;
    span *kept;
    size_t nkept;
    seg_sentence *s;
    size_t ns;
} doc;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s (tests run from tests/)", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *t = malloc((size_t)n + 1);
    *len = fread(t, 1, (size_t)n, f);
    t[*len] = 0;
    fclose(f);
    return t;
}

static void run(doc *d)
{
    arena_init(&d->a, 0);
    d->nkept = furniture_keep(&d->a, d->text, d->len, &d->kept);
    cr_assert_neq(d->nkept, (size_t)-1);
    d->ns = segment_sentences(&d->a, d->text, d->kept, d->nkept, &d->s);
    cr_assert_neq(d->ns, (size_t)-1);
}

static void load(doc *d, size_t i)
{
    char path[256];
    snprintf(path, sizeof path, SEEDS "%s", SEED_FILES[i]);
    d->text = read_file(path, &d->len);
    run(d);
}

static void unload(doc *d)
{
    arena_free(&d->a);
    free(d->text);
}

static int sentence_contains(const doc *d, size_t i, const char *needle)
{
    size_t n = strlen(needle), len = d->s[i].end - d->s[i].start;
    const char *p = d->text + d->s[i].start;
    for (size_t k = 0; k + n <= len; k++)
        if (memcmp(p + k, needle, n) == 0)
            return 1;
    return 0;
}

static int has_sentence(const doc *d, const char *want)
{
    size_t n = strlen(want);
    for (size_t i = 0; i < d->ns; i++)
        if (d->s[i].end - d->s[i].start == n && memcmp(d->text + d->s[i].start, want, n) == 0)
            return 1;
    return 0;
}

Test(furniture, seeds_lose_every_furniture_line)
{
    for (size_t f = 0; f < NSEEDS; f++) {
        doc d;
        load(&d, f);
        cr_expect_gt(d.ns, 10, "%s: too few sentences", SEED_FILES[f]);
        for (size_t i = 0; i < d.ns; i++)
            for (size_t k = 0; k < sizeof FURNITURE / sizeof FURNITURE[0]; k++)
                cr_expect(!sentence_contains(&d, i, FURNITURE[k]), "%s keeps \"%s\" in: %.*s",
                          SEED_FILES[f], FURNITURE[k], (int)(d.s[i].end - d.s[i].start),
                          d.text + d.s[i].start);
        unload(&d);
    }
}

Test(furniture, seeds_keep_story_sentences_whole)
{
    doc d[NSEEDS];
    for (size_t f = 0; f < NSEEDS; f++)
        load(&d[f], f);
    for (size_t k = 0; k < sizeof STORY / sizeof STORY[0]; k++) {
        int found = 0;
        for (size_t f = 0; f < NSEEDS && !found; f++)
            found = has_sentence(&d[f], STORY[k]);
        cr_expect(found, "story sentence lost or split: %s", STORY[k]);
    }
    for (size_t f = 0; f < NSEEDS; f++)
        unload(&d[f]);
}

/* Is furniture: one of the listed furniture strings starts the line. */
static int is_listed_furniture(const char *line, size_t len)
{
    for (size_t k = 0; k < sizeof FURNITURE / sizeof FURNITURE[0]; k++) {
        size_t n = strlen(FURNITURE[k]);
        if (n <= len && memcmp(line, FURNITURE[k], n) == 0)
            return 1;
    }
    return 0;
}

/* Every story paragraph survives: each line longer than 80 bytes that ends
 * like a sentence is inside one kept range. */
Test(furniture, seeds_keep_every_paragraph)
{
    size_t checked = 0;
    for (size_t f = 0; f < NSEEDS; f++) {
        doc d;
        load(&d, f);
        size_t pos = 0;
        while (pos < d.len) {
            const char *nl = memchr(d.text + pos, '\n', d.len - pos);
            size_t end = nl ? (size_t)(nl - d.text) : d.len;
            const char *line = d.text + pos;
            size_t len = end - pos;
            int sentence_like = len > 80 && (line[len - 1] == '.' || line[len - 1] == '"' ||
                                             (len >= 3 && memcmp(line + len - 3, "\xE2\x80\x9D", 3) == 0));
            if (sentence_like && !is_listed_furniture(line, len)) {
                int kept = 0;
                for (size_t k = 0; k < d.nkept && !kept; k++)
                    kept = d.kept[k].start <= pos && d.kept[k].end >= end;
                cr_expect(kept, "%s: paragraph dropped: %.*s", SEED_FILES[f], (int)len, line);
                checked++;
            }
            pos = end + 1;
        }
        unload(&d);
    }
    cr_expect_gt(checked, 100);
}

Test(furniture, kept_ranges_are_ordered_and_in_bounds)
{
    for (size_t f = 0; f < NSEEDS; f++) {
        doc d;
        load(&d, f);
        uint32_t prev = 0;
        for (size_t k = 0; k < d.nkept; k++) {
            cr_expect_leq(prev, d.kept[k].start);
            cr_expect_lt(d.kept[k].start, d.kept[k].end);
            cr_expect_leq(d.kept[k].end, d.len);
            prev = d.kept[k].end;
        }
        unload(&d);
    }
}

static size_t keep_count(const char *text)
{
    arena a;
    arena_init(&a, 0);
    span *k;
    size_t n = furniture_keep(&a, text, strlen(text), &k);
    arena_free(&a);
    return n;
}

Test(furniture, empty_and_white_space)
{
    cr_expect_eq(keep_count(""), 0);
    cr_expect_eq(keep_count("\n\n \t \r\n\xC2\xA0\n"), 0);
}

Test(furniture, only_furniture)
{
    cr_expect_eq(keep_count("Advertisement\n\nPromoted Links\n\nView comments\n"
                            "Share this article\nRead more\n\nPress Association\n"
                            "Published: Updated:\nMonday 22 January 2018\n------\n"
                            "http://www.example.com/news\n"
                            "Sign up for our newsletter to get the news in your inbox.\n"),
                 0);
}

Test(furniture, generic_rules)
{
    /* Captions with credits, bylines, dated stamps, cookie notices and
     * copyright lines, none of them from the seeds. */
    const char *t =
        "Rescue workers search the rubble in Aleppo (Reuters)\n\n"
        "By Jane Smith and Ali Khan\n\n"
        "Updated 10:42 am GMT, Tuesday 3 March 2020\n\n"
        "We use cookies to improve your experience. By continuing you accept them.\n\n"
        "Copyright 2020 The Daily Example. All rights reserved\n\n"
        "Read more\n\nRelated: Russia's war in Syria\n\nSign up\n\n"
        "A woman reads a copy of the book in Sydney, September 15, 2009. Reuters/Tim Wimborne\n\n"
        "Share this article on Facebook\n\n"
        "Rescue workers searched the rubble in Aleppo on Tuesday, officials said.\n";
    arena a;
    arena_init(&a, 0);
    span *k;
    size_t n = furniture_keep(&a, t, strlen(t), &k);
    cr_assert_eq(n, 1);
    cr_expect_eq(strncmp(t + k[0].start, "Rescue workers searched", 23), 0);
    arena_free(&a);
}

Test(furniture, when_unsure_keep)
{
    /* Headlines, sub-heads, quotes that say "you", a line starting "Follow"
     * that ends in a stop, and hard-wrapped paragraph lines all stay. */
    const char *t =
        "Iran backs airstrikes\n\n"
        "\"If you want peace, you must sign up for talks,\" the minister said.\n\n"
        "Follow the money, investigators told the committee on Monday.\n\n"
        "Russian jets have carried out a second day of strikes in Syria, with some\n"
        "activists claiming the targets included rebels backed by the United\n"
        "States. Share prices in Moscow fell by two per cent on the news, and\n"
        "Share traders said they expected more falls.\n";
    cr_expect_eq(keep_count(t), 7);
}

Test(furniture, crlf_gives_same_sentences)
{
    for (size_t f = 0; f < NSEEDS; f++) {
        doc lf, crlf;
        load(&lf, f);
        crlf.text = malloc(lf.len * 2 + 1);
        crlf.len = 0;
        for (size_t i = 0; i < lf.len; i++) {
            if (lf.text[i] == '\n')
                crlf.text[crlf.len++] = '\r';
            crlf.text[crlf.len++] = lf.text[i];
        }
        run(&crlf);
        cr_expect_eq(crlf.ns, lf.ns, "%s", SEED_FILES[f]);
        for (size_t i = 0; i < lf.ns && i < crlf.ns; i++) {
            size_t a = lf.s[i].end - lf.s[i].start, b = crlf.s[i].end - crlf.s[i].start;
            cr_expect(a == b && memcmp(lf.text + lf.s[i].start, crlf.text + crlf.s[i].start, a) == 0,
                      "%s sentence %zu differs", SEED_FILES[f], i);
        }
        unload(&lf);
        unload(&crlf);
    }
}

Test(furniture, huge_single_line, .timeout = 20)
{
    size_t len = (size_t)50 << 20;
    char *t = malloc(len);
    for (size_t i = 0; i < len; i++)
        t[i] = i % 9 == 8 ? ' ' : 'a' + (char)(i % 9);
    for (size_t i = 500; i + 2 < len; i += 3000)
        t[i] = '.', t[i + 1] = ' ', t[i + 2] = 'T';
    doc d = {.text = t, .len = len};
    run(&d);
    cr_expect_eq(d.nkept, 1);
    cr_expect_gt(d.ns, len / 3000);
    arena_free(&d.a);
    free(t);
}

/* Keeps text t: furniture_keep and the segmenter over a string. */
static void run_text(doc *d, const char *t)
{
    d->text = malloc(strlen(t) + 1);
    memcpy(d->text, t, strlen(t) + 1);
    d->len = strlen(t);
    run(d);
}

static int kept_anywhere(const doc *d, const char *needle)
{
    for (size_t i = 0; i < d->ns; i++)
        if (sentence_contains(d, i, needle))
            return 1;
    return 0;
}

/* The items under a "Most read", "Read next" or "More from ..." heading
 * are links to other stories, numbered or not, and a poll's options and
 * vote count follow its question: none of them is this story's text, and
 * their numbers ("2 Interest rates held", "4,381 votes") are not its
 * counts. The story sentence after the list stays. */
Test(furniture, lists_under_a_reading_list_heading)
{
    const char *t =
        "Divers recovered three more bodies from the lake on Sunday, police said.\n\n"
        "Most read\n"
        "1 Man, 43, charged after crash that killed two cyclists\n"
        "2. Interest rates held at 4.25% for third month\n"
        "3 The 10 best budget hotels in Lisbon\n\n"
        "Read next\n\n"
        "Ferry death toll rises to 31 as divers search wreck\n\n"
        "Who runs the lake's ferries?\n\n"
        "POLL: Should ferry operators face tougher inspections?\n"
        "Yes 72%\nNo 18%\nNot sure 10%\n4,381 votes\n\n"
        "More from Africa\n"
        "Floods displace 12,000 in northern Mozambique\n\n"
        "The ferry's owner said it had been inspected in January.\n";
    doc d;
    run_text(&d, t);
    static const char *const gone[] = {
        "charged after crash", "Interest rates", "budget hotels", "31 as divers", "Who runs",
        "tougher inspections", "72%", "18%", "Not sure", "4,381", "12,000",
    };
    for (size_t k = 0; k < sizeof gone / sizeof gone[0]; k++)
        cr_expect(!kept_anywhere(&d, gone[k]), "list item kept: %s", gone[k]);
    cr_expect(has_sentence(&d, "Divers recovered three more bodies from the lake on Sunday, police said."));
    cr_expect(has_sentence(&d, "The ferry's owner said it had been inspected in January."));
    unload(&d);
}

/* Notes about the page itself: corrections, amendments, where the piece
 * first appeared, an agency's standards line, and a reporter's biography
 * (the byline's name followed by who they are). Sentences that merely
 * mention articles, corrections, earlier versions or the reporter's
 * subject stay. */
Test(furniture, notes_about_the_article_and_its_author)
{
    const char *t =
        "By Amara Okafor and Rui Costa\n\n"
        "The amended law, passed in 2019, allowed ferries to carry 100 passengers.\n\n"
        "This article was amended on 15 March 2026 to correct the name of the jetty.\n\n"
        "This story has been updated with the latest death toll.\n\n"
        "Correction: An earlier version of this story misstated the captain's age.\n\n"
        "An earlier version of this article gave the wrong date for the inspection.\n\n"
        "This article originally appeared on The Conversation.\n\n"
        "Editor's note: Names of some survivors have been withheld at their request.\n\n"
        "Our Standards: The EastWire Trust Principles.\n\n"
        "An earlier version of the bill had been rejected by parliament in 2018.\n\n"
        "This story of survival has moved the country, the bishop said.\n\n"
        "The article of the constitution on emergencies was invoked on Saturday.\n\n"
        "Amara Okafor is the Courier's East Africa correspondent, based in Nairobi. "
        "Rui Costa is a freelance journalist.\n\n"
        "Rui Costa covers transport for the Courier.\n";
    doc d;
    run_text(&d, t);
    static const char *const gone[] = {
        "was amended on", "has been updated", "misstated", "gave the wrong date", "originally appeared",
        "withheld at their request", "Trust Principles", "East Africa correspondent",
        "freelance journalist", "covers transport",
    };
    for (size_t k = 0; k < sizeof gone / sizeof gone[0]; k++)
        cr_expect(!kept_anywhere(&d, gone[k]), "page note kept: %s", gone[k]);
    cr_expect(has_sentence(&d, "The amended law, passed in 2019, allowed ferries to carry 100 passengers."));
    cr_expect(has_sentence(&d, "An earlier version of the bill had been rejected by parliament in 2018."));
    cr_expect(has_sentence(&d, "This story of survival has moved the country, the bishop said."));
    cr_expect(has_sentence(&d, "The article of the constitution on emergencies was invoked on Saturday."));
    unload(&d);
}

/* A whole article flattened onto one line that opens with a note
 * (Multi-News, val 2137) is a paragraph, not a note: its story stays. */
Test(furniture, a_paragraph_that_opens_like_a_note_stays)
{
    const char *t =
        "Editor's note: this story focused on the rifle used in several recent shootings. Officials "
        "initially said the same type was used at the nightclub, but later said it was another "
        "model. The other model is a rifle with several similarities to the first\n";
    doc d;
    run_text(&d, t);
    cr_expect(kept_anywhere(&d, "Officials initially said the same type"));
    cr_expect(kept_anywhere(&d, "several similarities"));
    unload(&d);
}

/* Counters of a page: shares, readers, comments and views, alone on a
 * line with their number. A headline about shares stays. */
Test(furniture, share_and_reader_counters)
{
    const char *t =
        "Shared 2,417 times\n\n"
        "1,058 people are reading this now\n\n"
        "1.2k shares\n\n"
        "Shares in Lake Zone Marine fall 12% after ferry disaster\n\n"
        "Shares in the operator fell 12% on Monday, the exchange said.\n";
    doc d;
    run_text(&d, t);
    cr_expect(!kept_anywhere(&d, "2,417"));
    cr_expect(!kept_anywhere(&d, "reading this"));
    cr_expect(!kept_anywhere(&d, "1.2k"));
    cr_expect(kept_anywhere(&d, "Shares in Lake Zone Marine fall 12%"));
    cr_expect(has_sentence(&d, "Shares in the operator fell 12% on Monday, the exchange said."));
    unload(&d);
}

/* Lines of the page's frame that end with a stop or a question mark: a
 * closed comment section, a paywall's login prompt, a live blog's
 * greeting. Sentences about comments and live coverage stay. */
Test(furniture, frame_lines_with_a_stop)
{
    const char *t =
        "Welcome to our live coverage.\n\n"
        "Comments are closed.\n\n"
        "Already a subscriber?\n\n"
        "Comments made by the minister on Sunday angered the relatives of the dead.\n\n"
        "Welcome to our live coverage, the minister joked as he arrived at the press conference.\n";
    doc d;
    run_text(&d, t);
    cr_expect(!kept_anywhere(&d, "Welcome to our live coverage."));
    cr_expect(!kept_anywhere(&d, "Comments are closed"));
    cr_expect(!kept_anywhere(&d, "Already a subscriber"));
    cr_expect(has_sentence(&d, "Comments made by the minister on Sunday angered the relatives of the dead."));
    cr_expect(kept_anywhere(&d, "the minister joked"));
    unload(&d);
}

/* A paywall or a plea for support talks about the page without saying
 * "you": "This article is for subscribers only.", "To continue reading,
 * create a free account or subscribe.", "Support our journalism. Become a
 * subscriber from just £1 a week." News about subscribers and accounts
 * stays. */
Test(furniture, paywall_and_support_prompts)
{
    const char *t =
        "This article is for subscribers only.\n\n"
        "To continue reading, create a free account or subscribe.\n\n"
        "Support our journalism. Become a subscriber from just \xC2\xA3" "1 a week.\n\n"
        "Was this article helpful?\n\n"
        "The newspaper lost 12,000 subscribers after it raised its price, the company said.\n\n"
        "Investigators said the captain's email account had been deleted on Saturday.\n";
    doc d;
    run_text(&d, t);
    cr_expect(!kept_anywhere(&d, "subscribers only"));
    cr_expect(!kept_anywhere(&d, "continue reading"));
    cr_expect(!kept_anywhere(&d, "Become a subscriber"));
    cr_expect(!kept_anywhere(&d, "Support our journalism"));
    cr_expect(!kept_anywhere(&d, "helpful"));
    cr_expect(has_sentence(&d, "The newspaper lost 12,000 subscribers after it raised its price, the company said."));
    cr_expect(has_sentence(&d, "Investigators said the captain's email account had been deleted on Saturday."));
    unload(&d);
}

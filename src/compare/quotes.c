/*
 * quotes.c: direct quotations and who said them.
 *
 * A quotation is text between quotation marks (straight, curly, or the
 * ASCII pairs of older wire copy: `` ... '' in NYT text, '' ... '' in AP
 * text, as in DUC 2006) of at least CMP_QUOTE_MIN_WORDS words; shorter quoted fragments ("a list",
 * "grave concerns") are scare quotes. A quotation still open at the end
 * of a paragraph runs to its end, as news style continues a quote across
 * paragraphs: when the next paragraph opens with a quotation mark, that
 * quotation continues this one, and the attribution usually comes only at
 * the end of the last paragraph ("...the West supports. / "This is a
 * dangerous escalation," said Ash Carter). Such a chain of paragraphs is
 * attributed as one quotation: a paragraph of it with no attribution of
 * its own takes the speaker of the paragraph that continues it (so, down
 * the chain, the last one's); a continuation too short to be a quote
 * still names the speaker; and a pronoun at the end is read where the
 * quotation began.
 *
 * The speaker is read from the attribution, in this order:
 *   after the quote:   "...," he said.  /  "...," said Kremlin spokesman X.
 *                      "...," the Defence Ministry said in a statement.
 *                      "...," said GOP consultant Mike Madrid.
 *                      "...," said the report's co-author, Adam Markham.
 *   before the quote:  Mr Peskov said: "..."  /  X told reporters "..."
 *                      Sergei Ivanov, Mr Putin's chief of staff, said "..."
 *   neither:           a quote that opens a sentence right after another
 *                      quote continues that quote's speaker.
 * A title in quotation marks (a show, a song: "the number in the middle of
 * the show") is not a quotation: it follows a naming word ("called",
 * "including", "series") or is written in title case, and has no verb or
 * pronoun of speech.
 * A participle ("..., saying ``...''") takes the subject of a verb of
 * speech before it; an agency that "reported" a remark is not its speaker
 * when the sentence names one before the quote; "as X put it" is speech.
 * A pronoun (he, she) is the speaker of the quote just before, if it is
 * close, else the person last named in the preceding sentences, or a
 * named sayer after them; "it" and "they" are the subject of the last
 * "said" before. A surname alone counts as a person when the article named
 * them in full before (and is then printed in full), or when an age
 * follows it ("Altie, 12,"), but not after an article or a preposition,
 * before a possessive, or in the quote's own sentence. Naming a person
 * relies on capitals, which lower-cased text (Multi-News) lacks; there
 * "he" falls back to the subject of the last "said"/"told" before, as for
 * "they".
 */
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/strmap.h"
#include "text/token.h"

#define NP_MAX_TOKENS 12
#define LOOKBACK_SENTENCES 4
#define CONTINUE_SENTENCES 2

static const char *const speech_verbs[] = {
    "said",     "says",      "say",       "told",      "tells",      "added",     "adds",
    "stated",   "insisted",  "warned",    "claimed",   "asked",      "noted",     "explained",
    "declared", "wrote",     "writes",    "tweeted",   "quoted",     "saying",    "continued",
    "argued",   "announced", "acknowledged", "confirmed", "replied", "urged",     "conceded",
    "admitted", "stressed",  "according", "remarked",  "recalled",   "complained", "countered",
    "posted",   "responded", "observed",  "suggested", "cautioned",  "vowed",     "pledged",
    "predicted", "testified", "answered", "asserted",  "concluded",  "emphasized", "emphasised",
    "reported", "described", "told",      "sang",       "chanted",   "shouted",   "yelled",
    "screamed", "whispered", "joked",     "quipped",    "boasted",   "recounted", "pleaded",
    "exclaimed", "reiterated", NULL};

/* Words between a speaker and the verb: "had previously said". */
static const char *const np_strip_tail[] = {
    "had", "has", "have", "was", "is", "were", "are", "also", "later", "previously", "however",
    "then", "further", "again", "once", "earlier", "reportedly", "subsequently", "too",
    "had", "would", "will", "just", NULL};

static const char *const np_strip_head[] = {"but", "and", "however", "meanwhile", "also", "so",
                                            "yet", "then", "still", NULL};

static const char *const clause_words[] = {"that", "who", "which", "while", "when", "after",
                                           "because", "if", "as", "where", "whom", "before",
                                           "since", "though", "although", "whether", NULL};

static const char *const pronouns[] = {"he", "she", "it", "they", NULL};

static const char *const articles_list[] = {"the", "a", "an", NULL};

/* Titles that go with a name in a person's full name ("Dr. Gary I.
 * Wadler"), where other titles are left out ("Sen. Bob Smith"). */
static const char *const honorifics[] = {"mr", "mrs", "ms", "dr", NULL};

static const char *const lone_prepositions[] = {"with", "by", "to", "from", "for", "of", "about", "against",
                                                "on", "at", "in", "into", "toward", "towards", "than",
                                                "like", "under", "over", "after", "before", "between", NULL};

static const char *const titles[] = {
    "president", "prime", "minister", "secretary", "senator", "sen", "rep", "representative",
    "ambassador", "general", "gen", "colonel", "col", "lieutenant", "lt", "major", "governor",
    "gov", "mayor", "chancellor", "king", "queen", "prince", "spokesman", "spokeswoman",
    "chief", "director", "judge", "justice", "sheriff", "captain", "capt", "commander",
    "admiral", "adm", "sergeant", "sgt", "chairman", "chairwoman", "ceo", "professor", "prof",
    "deputy", "vice", "foreign", "defence", "defense", "interior", "us", "u", "s", "uk", "un",
    "former", "his", "her", "their", "the", "a", "an", "pope", "sir", "lord", "lady", "coach",
    "attorney", "detective", "inspector", "officer", "agent", "host", "author", "rev", "reverend",
    "rabbi", "bishop", "cardinal", "archbishop", NULL};

/* Capitalised words that make a run a place, body or date, not a person. */
static const char *const not_person[] = {
    "russia", "russian", "syria", "syrian", "united", "states", "islamic", "state", "army",
    "ministry", "government", "council", "union", "nations", "observatory", "front", "kremlin",
    "pentagon", "house", "party", "province", "republic", "iran", "iraq", "news", "agency",
    "assembly", "national", "al", "qaeda", "isis", "moscow", "washington", "conquest", "human",
    "rights", "white", "county", "university", "court", "police", "department", "committee",
    "company", "inc", "corp", "group", "times", "post", "press", "association", "reuters",
    "afp", "twitter", "facebook", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "north", "south", "east", "west", "new",
    "york", "city", "street", "america", "american", "europe", "european", "british",
    "britain", "france", "french", "china", "chinese", "congress", "senate", "supreme",
    "federal", "airforce", "air", "force", "navy", "sea", "river", "bank", "foundation",
    "institute", "center", "centre", "service", "office", "organisation", "organization",
    "church", "school", "college", "hospital", "airport", "world", "international", "global",
    "district", "region", "county", "ocean", "mount", "lake", "park", "club", "team", "league",
    "st", NULL};

static int in_list(const char *const *list, const char *w)
{
    for (; *list; list++)
        if (!strcmp(*list, w))
            return 1;
    return 0;
}

int cmp_is_speech_verb(const char *w)
{
    return in_list(speech_verbs, w);
}

int cmp_is_title_word(const char *w)
{
    return in_list(titles, w) || in_list((const char *const[]){"mr", "mrs", "ms", "miss", "mx", "dr", "mme", "messrs", NULL}, w);
}

int cmp_is_not_person_word(const char *w) { return in_list(not_person, w); }

typedef struct qstate {
    const precis_cluster *c;
    const cmp_doc *d;
    const char *text;
    uint32_t ai;
    arena *a;
    struct surnames *names; /* built when a lone surname is first asked about */
} qstate;

/* Per token k of the article: the nearest token before it with the same
 * normal form that ends a full name, or UINT32_MAX; and per such token,
 * where that full name starts (see surname_index). Most articles never ask
 * (no "he said" whose referent is a lone word), so it is built lazily. */
typedef struct surnames {
    int built, failed;
    uint32_t *end, *start;
} surnames;

typedef struct np {
    uint32_t s, t;          /* tokens [s, t) */
    uint32_t key_s, key_t;  /* the part that names them (for the key) */
    uint32_t verb;          /* the verb of speech it was read from */
} np;

/* A full stop after token i that marks an abbreviation, not the end of a
 * phrase: "No. 1", "Mr. Peskov", "U.S. Attorney". The segmenter has
 * already ended the sentences, so a stop inside one is most often this. */
static int abbreviation_stop(const qstate *q, uint32_t i)
{
    const cmp_tok *tk = &q->d->tok[i];
    return tk->end - tk->start <= 3 && tk->kind == TOKEN_WORD && (tk->cap || !strcmp(tk->norm, "no"));
}

/* Punctuation between two tokens that ends a phrase (an apostrophe does not). */
static int break_between(const qstate *q, uint32_t i, uint32_t j)
{
    const char *t = q->text;
    for (uint32_t k = q->d->tok[i].end; k < q->d->tok[j].start; k++) {
        unsigned char ch = (unsigned char)t[k];
        if (ch == '.' && k == q->d->tok[i].end && abbreviation_stop(q, i))
            continue;
        if (strchr(",;:.!?()[]\"", ch))
            return 1;
        if (ch == 0xE2 && (unsigned char)t[k + 1] == 0x80 &&
            ((unsigned char)t[k + 2] == 0x9C || (unsigned char)t[k + 2] == 0x9D ||
             (unsigned char)t[k + 2] == 0x93 || (unsigned char)t[k + 2] == 0x94))
            return 1; /* curly double quotes, en and em dashes */
    }
    return 0;
}

/* Only a comma (and spaces) between tokens i and j. */
static int comma_only(const qstate *q, uint32_t i, uint32_t j)
{
    int comma = 0;
    for (uint32_t k = q->d->tok[i].end; k < q->d->tok[j].start; k++) {
        if (q->text[k] == ',')
            comma = 1;
        else if (q->text[k] != ' ')
            return 0;
    }
    return comma;
}

static int has_comma_between(const qstate *q, uint32_t from_byte, uint32_t to_byte)
{
    for (uint32_t k = from_byte; k < to_byte; k++)
        if (q->text[k] == ',')
            return 1;
    return 0;
}

static const char *norm(const qstate *q, uint32_t i) { return q->d->tok[i].norm; }

/* Whether token i, in token k's sentence, is the word w. */
static int word_at(const qstate *q, uint32_t i, uint32_t k, const char *w)
{
    return i < q->d->ntok && q->d->tok[i].sent == q->d->tok[k].sent && !strcmp(norm(q, i), w);
}

/* Page furniture that a flattened web page runs into a sentence ("he
 * said advertisement - continue reading below instead, ...", "story
 * continues below the head librarian said"): the token after it if one
 * opens at token k, else k. It is never part of who speaks, so a speaker
 * phrase ends at it. */
static uint32_t furniture_end(const qstate *q, uint32_t k)
{
    const char *w = norm(q, k);
    if (!strcmp(w, "advertisement") || !strcmp(w, "advertisements"))
        return k + 1;
    if (!(!strcmp(w, "continue") && word_at(q, k + 1, k, "reading")) &&
        !(!strcmp(w, "story") && word_at(q, k + 1, k, "continues")) &&
        !(!strcmp(w, "read") && word_at(q, k + 1, k, "more")))
        return k;
    uint32_t e = k + 2;
    if (word_at(q, e, k, "below"))
        return e + 1;
    if (word_at(q, e, k, "the") && word_at(q, e + 1, k, "main") && word_at(q, e + 2, k, "story"))
        return e + 3;
    return e;
}

/* Whether token k is the last of a piece of page furniture. */
static int furniture_ends_at(const qstate *q, uint32_t k)
{
    for (uint32_t j = k + 1; j > 0 && k + 1 - j < 6; j--)
        if (furniture_end(q, j - 1) == k + 1)
            return 1;
    return 0;
}

/* Back from token e (exclusive) to the start of its clause, not before b. */
static uint32_t clause_start(const qstate *q, uint32_t b, uint32_t e)
{
    uint32_t s = e;
    while (s > b && e - s < NP_MAX_TOKENS) {
        if (s < e && break_between(q, s - 1, s))
            break;
        if (furniture_ends_at(q, s - 1))
            break;
        /* "the Starr report says Clinton answered", "Smith said Elian
         * told him": what was said opens a clause of its own, whose named
         * subject is the one who answered (a lower-case one, "said he",
         * "said the campaign is aware ... but added", is as often the
         * sayer's own words or the sayer again) */
        if (s < e && q->d->tok[s].cap && (!strcmp(norm(q, s - 1), "says") || !strcmp(norm(q, s - 1), "said")))
            break;
        if (in_list(clause_words, norm(q, s - 1)))
            break;
        s--;
    }
    return s;
}

/* The "who", "which" or "whose" right after a comma that opens a relative
 * clause ending at t, with no other break in between; 0 if none. */
static uint32_t relative_opening(const qstate *q, uint32_t b, uint32_t t)
{
    static const char *const relatives[] = {"who", "which", "whose", NULL};
    for (uint32_t k = t - 1; k > b && t - k <= 2 * NP_MAX_TOKENS; k--) {
        if (in_list(relatives, norm(q, k)) && comma_only(q, k - 1, k))
            return k;
        if (break_between(q, k - 1, k))
            return 0;
    }
    return 0;
}

/* The speaker phrase ending just before token e (the verb), within [b, e). */
/* Nouns in -ly that stand before a verb of speech without a determiner. */
static const char *const ly_nouns[] = {"family", "assembly", "ally", "rally", "supply", "reply",
                                       "monopoly", "anomaly", "homily", "italy", "july", NULL};

static const char *const noun_determiners[] = {"the", "a", "an", "his", "her", "their", "its", "our", "my",
                                          "your", "this", "that", "whose", NULL};

/* A lower-case word in -ly between a speaker and the verb: "the board
 * delicately put it", "Smith angrily said". Capitalised, it is more often
 * a name; and names in -lly are kept even in lower-cased text ("megyn
 * kelly said", "reilly"), where adverbs in -lly end in -ally or -fully. */
static int adverb_at(const qstate *q, uint32_t k)
{
    const char *w = norm(q, k);
    size_t n = strlen(w);
    if (q->d->tok[k].cap || n <= 4 || strcmp(w + n - 2, "ly") || in_list(ly_nouns, w))
        return 0;
    /* after a determiner it is a noun: "the family", "his assembly" */
    if (k > 0 && q->d->tok[k - 1].sent == q->d->tok[k].sent && in_list(noun_determiners, norm(q, k - 1)))
        return 0;
    return strcmp(w + n - 3, "lly") || !strcmp(w + n - 4, "ally") || (n > 5 && !strcmp(w + n - 5, "fully"));
}

/* Endings that make a word in -ly an adverb whatever stands before it:
 * "oulson, 33, tearfully told", "then quickly added", "who famously
 * described". Names in -ly end otherwise (healy, sally, emily, daily,
 * kelly, beverly). */
static int clear_adverb(const char *w)
{
    static const char *const ends[] = {"ously", "fully", "ively", "ently", "antly", "edly", "ckly", "ngly",
                                       "ately", "ably", "ibly", "stly", "ntly", "ctly", "rtly", "ftly", NULL};
    size_t n = strlen(w);
    for (size_t k = 0; ends[k]; k++) {
        size_t e = strlen(ends[k]);
        if (n > e + 1 && !strcmp(w + n - e, ends[k]))
            return 1;
    }
    /* "finally", "angrily" but not "sally", "emily", "daily" */
    return n >= 7 && (!strcmp(w + n - 4, "ally") || !strcmp(w + n - 3, "ily"));
}

/* An adverb at k (adverb_at) with a subject before it in its clause
 * within [b, k): "Smith angrily said". Alone before the verb a word in -ly
 * is the subject, which in lower-cased text is as often a name ("healy
 * said", "sally said", "``...,'' emily said"). */
static int adverb_after_subject(const qstate *q, uint32_t b, uint32_t k)
{
    if (!adverb_at(q, k))
        return 0;
    if (clear_adverb(norm(q, k)))
        return 1;
    if (k <= b || break_between(q, k - 1, k))
        return 0;
    uint32_t s = clause_start(q, b, k);
    while (s < k && in_list(np_strip_head, norm(q, s)))
        s++;
    return s < k;
}

static uint32_t after_role_nouns(const qstate *q, uint32_t s, uint32_t j);

/* A phrase [s, t) that opens its sentence and is all one capitalised run:
 * where the name starts in it, after a role noun that is capitalised only
 * because it comes first ("Survivor Maria Papadaki said"). Otherwise s:
 * a title is written with the name ("President Bill Clinton said"). */
static uint32_t after_opening_role_noun(const qstate *q, uint32_t s, uint32_t t)
{
    const cmp_tok *tok = q->d->tok;
    if (s > 0 && tok[s - 1].sent == tok[s].sent)
        return s;
    for (uint32_t k = s; k < t; k++)
        if (!tok[k].cap || (k > s && break_between(q, k - 1, k)))
            return s;
    return after_role_nouns(q, s, t);
}

static int np_before(const qstate *q, uint32_t b, uint32_t e, np *out)
{
    uint32_t t = e;
    /* "he quickly and succinctly said" */
    while (t > b && (in_list(np_strip_tail, norm(q, t - 1)) || adverb_after_subject(q, b, t - 1) ||
                     (t - 1 > b && !strcmp(norm(q, t - 1), "and") && adverb_after_subject(q, b, t - 2))))
        t--;
    if (t == b)
        return 0;
    uint32_t s = clause_start(q, b, t);
    int appositive = e < q->d->ntok && has_comma_between(q, q->d->tok[t - 1].end, q->d->tok[e].start);
    out->key_s = s;
    out->key_t = t;
    if (appositive && s > b) {
        /* "Sergei Ivanov, Mr Putin's chief of staff, said": name, role;
         * "Jim Courier, who won four Grand Slam titles, said" and "Carter,
         * who first came to China as a submarine serviceman, said": the
         * name before the relative clause */
        uint32_t rel = relative_opening(q, b, t);
        int relative = rel != 0;
        uint32_t e2 = relative ? rel : s;
        uint32_t s2 = clause_start(q, b, e2);
        /* "corine remande, 49, who ...": an age, with the name before it */
        if (relative && e2 - s2 == 1 && q->d->tok[s2].kind == TOKEN_NUMBER && s2 > b &&
            comma_only(q, s2 - 1, s2)) {
            e2 = s2;
            s2 = clause_start(q, b, e2);
        }
        if (s2 < e2) {
            out->key_s = s2;
            out->key_t = e2;
            if (relative)
                t = e2; /* the name alone, not what the clause says of them */
            s = s2;
        }
    }
    while (s < t && in_list(np_strip_head, norm(q, s)))
        s++;
    s = after_opening_role_noun(q, s, t);
    if (out->key_s < s)
        out->key_s = s;
    if (s == t)
        return 0;
    out->s = s;
    out->t = t;
    return 1;
}

/* Lower-case role words between a capitalised modifier and a name, as in
 * "said GOP consultant Mike Madrid" or "said Clinton campaign chairman John
 * Podesta": up to ROLE_MAX_WORDS content words (not stopwords, verbs of
 * speech or clause words) and then the name, with no punctuation between.
 * Returns the index of the name's first word, or 0 when the words at t are
 * not such a role ("said Madrid in an interview with CNN" stops at "in"). */
#define ROLE_MAX_WORDS 3

/* Lower-case nouns that name a job, after which one capitalised word is a
 * surname ("Gen-X expert Mitchell", "Pentagon spokesman Kirby"). */
static const char *const role_nouns[] = {"expert", "analyst", "consultant", "spokesperson", "official",
                                         "lawyer", "economist", "historian", "researcher", "scientist",
                                         "strategist", "pollster", "editor", "writer", "commentator", "adviser",
                                         "advisor", "executive", "manager", "founder", "activist", "leader",
                                         "critic", "columnist", "reporter", "correspondent", "psychologist",
                                         "sociologist", "demographer", "physician", "doctor", "teacher", "aide",
                                         "prosecutor", NULL};

/* Nouns that say what someone is, written before their name ("survivor
 * Maria Papadaki", "golfer Doug Tewell") and capitalised only when they
 * open the sentence. */
static const char *const descriptor_nouns[] = {"survivor", "golfer", "veteran", "victim", "witness", "resident",
                                               "student", "athlete", "swimmer", "skater", "actor", "actress",
                                               "rapper", "photographer", "musician", "playwright", "filmmaker",
                                               "entrepreneur", "investor", "lawmaker", "legislator", "educator",
                                               "trooper", "firefighter", "nurse", "rancher", "volunteer",
                                               "neighbor", "neighbour", "sportscaster", "weightlifter",
                                               "winemaker", "astronaut", "novelist", "poet", "comedian", NULL};

/* Whether w is a noun that says what a person is (role_nouns,
 * descriptor_nouns, or one in -ist: "columnist", "paleontologist"), which
 * before a full name is no part of it. */
int cmp_is_role_noun(const char *w)
{
    size_t n = strlen(w);
    return in_list(role_nouns, w) || in_list(descriptor_nouns, w) || (n >= 7 && !strcmp(w + n - 3, "ist"));
}

/* Title words that qualify a role rather than name one: "former", "vice". */
static const char *const title_modifiers[] = {"former", "foreign", "prime", "vice", "deputy", "interior", "defence",
                                              "defense", "his", "her", "their", "the", "a", "an", "us", "u", "s",
                                              "uk", "un", NULL};

int cmp_place_between_role_and_name(const char *role, const char *prep, size_t n, int third_initial)
{
    if (strcmp(prep, "on") && strcmp(prep, "in"))
        return 0; /* "president of Phar Lap Software", "spokesman for Log Cabin Republicans": a body */
    if (!in_list(role_nouns, role) && !(in_list(titles, role) && !in_list(title_modifiers, role)))
        return 0;
    return n == 3 || (n == 4 && third_initial);
}

/* The capitalised run [i, j) is one place word and a person's name after
 * a role and "on" or "in": see cmp_place_between_role_and_name. */
static int place_then_name(const qstate *q, uint32_t i, uint32_t j)
{
    const cmp_tok *tok = q->d->tok;
    if (i < 2 || j > q->d->ntok || j < i + 3 || tok[i - 2].sent != tok[i].sent || tok[j - 1].sent != tok[i].sent ||
        tok[i - 1].cap || tok[i - 2].cap || break_between(q, i - 2, i - 1) || break_between(q, i - 1, i))
        return 0;
    int initial = j - i == 4 && !norm(q, i + 2)[1] && q->text[tok[i + 2].end] == '.';
    for (uint32_t k = i + 1; k < j; k++)
        if (!tok[k].cap || break_between(q, k - 1, k) || in_list(not_person, norm(q, k)) ||
            (in_list(titles, norm(q, k)) && !(initial && k == i + 2)))
            return 0; /* "Sergei V. Yastrzhembsky": an initial, not the title "s" */
    return cmp_place_between_role_and_name(norm(q, i - 2), norm(q, i - 1), j - i, initial);
}

/* Lower-case particles inside a name: "Seyyid al-Masri", "Abarca del Rio". */
static const char *const name_particles[] = {"al", "el", "de", "del", "della", "da", "di", "du", "van",
                                             "von", "der", "den", "bin", "ibn", "le", "la", "dos", NULL};

int cmp_is_name_particle(const char *w) { return in_list(name_particles, w); }

static int ends_in_ing(const char *w)
{
    size_t n = strlen(w);
    return n > 4 && !strcmp(w + n - 3, "ing");
}

static uint32_t role_then_name(const qstate *q, uint32_t t, uint32_t limit)
{
    const cmp_tok *tok = q->d->tok;
    uint32_t u = t;
    int particles = 1;
    while (u < limit && u - t < ROLE_MAX_WORDS && !tok[u].cap && tok[u].kind == TOKEN_WORD &&
           !q->c->term_stop[tok[u].term] && !in_list(clause_words, norm(q, u)) &&
           !in_list(speech_verbs, norm(q, u)) && !break_between(q, u - 1, u)) {
        particles &= in_list(name_particles, norm(q, u));
        u++;
    }
    /* "said Jones following Putin's speech": a verb before the name, not a
     * role ("managing editor Arthur Browne" ends in the role's noun) */
    if (u > t && ends_in_ing(norm(q, u - 1)))
        return 0;
    /* "presidential aide on Chechnya Sergei Yastrzhembsky": a place word
     * between the role and the name; the phrase goes on to the name */
    if (u > t && u + 1 < limit && tok[u + 1].cap) {
        uint32_t e = u + 2;
        while (e < limit && tok[e].cap && !break_between(q, e - 1, e))
            e++;
        if (place_then_name(q, u + 1, e))
            return u + 1;
    }
    /* "Prime Minister Jean Chretien last December": a date, not a name */
    if (u == t || u >= limit || !tok[u].cap || break_between(q, u - 1, u) || in_list(not_person, norm(q, u)))
        return 0;
    /* After a role comes a full name, two capitalised words ("consultant
     * Mike Madrid"): one alone is as likely a place or a body ("Smith
     * outside Parliament"), unless the role is a noun that names a job
     * ("Gen-X expert Mitchell"). */
    int full_name = u + 1 < limit && tok[u + 1].cap && !break_between(q, u, u + 1);
    if (!particles && !full_name && !in_list(role_nouns, norm(q, u - 1)) && !in_list(titles, norm(q, u - 1)))
        return 0;
    return u;
}

/* Nouns for what is written or broadcast, not for who writes it. */
static const char *const document_nouns[] = {
    "report", "study", "statement", "survey", "poll", "paper", "memo", "memorandum", "letter", "document",
    "release", "article", "editorial", "analysis", "audit", "review", "filing", "communique", "transcript",
    "message", "email", "e-mail", "post", "tweet", "video", "broadcast", "book", "ruling", "notice",
    "announcement", "declaration", "petition", "complaint", "lawsuit", "indictment", "affidavit", NULL};

/* Whether phrase p ends in a document noun: "In a lengthy statement",
 * "the report". */
static int names_document(const qstate *q, const np *p)
{
    return p->t > p->s && in_list(document_nouns, norm(q, p->t - 1));
}

static size_t possessive_len(const char *b, size_t len);

/* Whether token k ends in a possessive: "Brown's", "the Duma's". */
static int possessive_at(const qstate *q, uint32_t k)
{
    const cmp_tok *tk = &q->d->tok[k];
    return possessive_len(q->text + tk->start, tk->end - tk->start) != 0;
}

/* The first token after a comma that ends the phrase opening at s, or 0
 * when a clause word, a verb of speech, other punctuation or
 * NP_MAX_TOKENS words come first. */
static uint32_t comma_after_role(const qstate *q, uint32_t s, uint32_t limit)
{
    for (uint32_t u = s; u < limit && u - s < NP_MAX_TOKENS; u++) {
        if (u > s && break_between(q, u - 1, u))
            return comma_only(q, u - 1, u) && q->d->tok[u].sent == q->d->tok[s].sent ? u : 0;
        if (in_list(clause_words, norm(q, u)) || in_list(speech_verbs, norm(q, u)) || furniture_end(q, u) > u)
            return 0;
    }
    return 0;
}

/* Whether a capitalised run of two words or more in [s, r) reads as a
 * person's name: it does not end in a possessive (whose the role is:
 * "Sen. John Smith's spokesman") and holds no word of a place or body
 * ("the National Rifle Association"). */
static int person_run_in(const qstate *q, uint32_t s, uint32_t r)
{
    const cmp_tok *tok = q->d->tok;
    for (uint32_t i = s, j; i < r; i = j > i ? j : i + 1) {
        int body = 0;
        for (j = i; j < r && tok[j].cap && (j == i || !break_between(q, j - 1, j)); j++)
            body |= in_list(not_person, norm(q, j));
        if (j - i >= 2 && !body && !possessive_at(q, j - 1))
            return 1;
    }
    return 0;
}

/* Whether tokens [s, r), before a comma, are a role that a name may
 * follow: "the report's co-author", "Brown's mother", "Gore campaign
 * chairman", "chairman of the Duma's defense committee". It holds a
 * lower-case content word (the role's noun), does not open on a
 * preposition or pronoun ("said in a statement, ...") nor end in a
 * document noun ("said the report, ..."), and names no one itself ("said
 * Wendy Dixon, Merck's vice president", "said sports agent Leigh
 * Steinberg of Newport Beach, California" have named them already). */
static int role_before_comma(const qstate *q, uint32_t s, uint32_t r)
{
    const cmp_tok *tok = q->d->tok;
    if (in_list(lone_prepositions, norm(q, s)) || in_list(pronouns, norm(q, s)))
        return 0;
    int noun = 0;
    for (uint32_t k = s; k < r; k++)
        noun |= !tok[k].cap && tok[k].kind == TOKEN_WORD && !q->c->term_stop[tok[k].term];
    return noun && !in_list(document_nouns, norm(q, r - 1)) && !person_run_in(q, s, r);
}

/* The end of a person's full name opening at token r, or 0: capitalised
 * words (and particles: "al-Masri") with no break inside ("Col. Gen.
 * Gennady Troshev", "Michael P. Farris"), two or more once titles are
 * left out (one after "Mr" or "Dr"), no place or body among them; and
 * what follows ends the phrase (a comma, a full stop, the sentence's end,
 * or "of" and a body). Other words after the run make it the subject of
 * a clause of its own: "said the ministry, Itar-Tass news agency
 * reported". */
static uint32_t name_after_comma(const qstate *q, uint32_t r, uint32_t limit)
{
    const cmp_tok *tok = q->d->tok;
    uint32_t e = r, first = r;
    while (e < limit && tok[e].sent == tok[r].sent && (e == r || !break_between(q, e - 1, e)) &&
           (tok[e].cap || (e > r && cmp_is_name_particle(norm(q, e)) && e + 1 < limit && tok[e + 1].cap)))
        e++;
    int honorific = 0;
    while (first < e && cmp_is_title_word(norm(q, first)))
        honorific |= in_list(honorifics, norm(q, first++));
    if (first >= e || e - first < (honorific ? 1u : 2u))
        return 0;
    int long_word = 0;
    for (uint32_t k = first; k < e; k++) {
        if (in_list(not_person, norm(q, k)) && !cmp_is_name_particle(norm(q, k)))
            return 0;
        long_word |= tok[k].end - tok[k].start >= 3;
    }
    if (!long_word)
        return 0; /* "N.C.": a place's initials */
    if (e < q->d->ntok && tok[e].sent == tok[e - 1].sent && !break_between(q, e - 1, e) && strcmp(norm(q, e), "of"))
        return 0;
    return e;
}

/* The speaker phrase after a verb: "said Kremlin spokesman Dmitry Peskov, when". */
static int np_after(const qstate *q, uint32_t v, uint32_t limit, np *out)
{
    uint32_t s = v + 1;
    if (!strcmp(norm(q, v), "according") && s < limit && !strcmp(norm(q, s), "to"))
        s++;
    /* "said the report's co-author, Adam Markham": a role, a comma and the
     * person's name, which the reading below would leave out (it ends at
     * the comma); the phrase runs to the end of the name, its key */
    uint32_t r = comma_after_role(q, s, limit), e;
    if (r && role_before_comma(q, s, r) && (e = name_after_comma(q, r, limit)) != 0) {
        out->s = s;
        out->key_s = r;
        out->t = out->key_t = e;
        return 1;
    }
    uint32_t t = s;
    while (t < limit && t - s < NP_MAX_TOKENS) {
        if (t > s && break_between(q, t - 1, t))
            break;
        if (in_list(clause_words, norm(q, t)) || in_list(speech_verbs, norm(q, t)) || furniture_end(q, t) > t)
            break;
        /* a lower-case word after a name ends the phrase ("... Warren told"),
         * unless it is a role that a name follows */
        if (t > s && q->d->tok[t - 1].cap && !q->d->tok[t].cap && !in_list(titles, norm(q, t)) &&
            strcmp(norm(q, t), "of")) {
            uint32_t name = role_then_name(q, t, limit);
            /* "says a CNN report": the report goes with the outlet that
             * names it, which stays the key */
            if (!name && in_list(document_nouns, norm(q, t))) {
                out->s = out->key_s = s;
                out->key_t = t;
                out->t = t + 1;
                return 1;
            }
            if (!name)
                break;
            t = name;
        }
        t++;
    }
    if (t == s)
        return 0;
    out->s = out->key_s = s;
    out->t = out->key_t = t;
    return 1;
}

/* The bytes of a possessive ending ("'s", "’s") at the end of b[0, len),
 * or 0. */
static size_t possessive_len(const char *b, size_t len)
{
    if (len > 2 && b[len - 2] == '\'' && (b[len - 1] == 's' || b[len - 1] == 'S'))
        return 2;
    if (len > 4 && !memcmp(b + len - 4, "\xE2\x80\x99s", 4))
        return 4;
    return 0;
}

/* The text of tokens [s, t). A possessive at its end goes: "she" read as
 * the person last named in "Ms. Vickery's social world" is Ms. Vickery. */
static char *span_text(const qstate *q, uint32_t s, uint32_t t)
{
    const cmp_doc *d = q->d;
    const char *b = q->text + d->tok[s].start;
    size_t len = d->tok[t - 1].end - d->tok[s].start;
    return arena_strndup(q->a, b, len - possessive_len(b, len));
}

/* The key that names a speaker: the last word of a trailing name, else
 * the phrase's head noun; lower case. */
static const char *speaker_key(const qstate *q, uint32_t s, uint32_t t)
{
    if (t > s && q->d->tok[t - 1].cap)
        return norm(q, t - 1);
    for (uint32_t k = t; k > s; k--)
        if (q->d->tok[k - 1].cap && k - 1 > s && q->d->tok[k - 2].cap)
            return norm(q, k - 1);
    return t > s ? norm(q, t - 1) : "";
}

/* Curly quotation marks at byte i of t. */
static int is_open_mark(const char *t, uint32_t i) { return !memcmp(t + i, "\xE2\x80\x9C", 3); }
static int is_close_mark(const char *t, uint32_t i) { return !memcmp(t + i, "\xE2\x80\x9D", 3); }

/* Whether token i comes right after an opening quotation mark (``, " or
 * a curly one), with at most a space between. */
static int opens_quoted(const qstate *q, uint32_t i)
{
    const char *t = q->text;
    uint32_t k = q->d->tok[i].start, from = i > 0 ? q->d->tok[i - 1].end : 0;
    if (k > from && t[k - 1] == ' ')
        k--;
    if (k > from && (t[k - 1] == '`' || t[k - 1] == '"'))
        return 1;
    return k >= from + 3 && is_open_mark(t, k - 3);
}

/* Lower-case words right before a capitalised run that make it a place,
 * not a person: "a center in Los Angeles", "a motel near the Space
 * Needle". "on", "to", "from" and "of" are not among them ("called on
 * Obama to resign"): "spoke to John
 * Smith", "a letter from John Smith", "the son of John Smith". */
static const char *const place_before[] = {"in", "at", "near", "outside", "inside", "across",
                                           "throughout", NULL};

/* Prepositions that open a sentence before a name: "For Ellen Roseman,
 * ...". */
static const char *const opening_prepositions[] = {"for", "with", "from", "on", "by", "like", "unlike", "under",
                                                   "despite", "without", "to", "of", "among", NULL};

enum { NO_PLACE_CUE, AFTER_LOCATIVE, AFTER_THE };

/* Whether a title is among the words of run [i, j), determiners aside:
 * "the French President Emmanuel Macron" is a person. */
static int run_has_title(const qstate *q, uint32_t i, uint32_t j)
{
    static const char *const determiners[] = {"the", "a", "an", "his", "her", "their", NULL};
    for (uint32_t k = i; k < j; k++)
        if (in_list(titles, norm(q, k)) && !in_list(determiners, norm(q, k)))
            return 1;
    return 0;
}

/* What says that the capitalised run [i, j) (ending before e at the
 * latest) is a place or a body, not a person. A locative word before it;
 * or a comma after a run taken for a place (place_end being where that run
 * ended), when the run ends the phrase too: "in San Juan, Puerto Rico,"
 * but not "in Des Moines, Mike Pence praised". Or "the" before it or
 * opening it. Never when a title is among its words ("the Rev. Jesse
 * Jackson", "in London, Prime Minister Theresa May"). */
static int place_cue(const qstate *q, uint32_t b, uint32_t i, uint32_t j, uint32_t e, uint32_t place_end)
{
    if (run_has_title(q, i, j))
        return NO_PLACE_CUE;
    if (i > b && place_end == i && comma_only(q, i - 1, i))
        return j >= e || break_between(q, j - 1, j) || q->d->tok[j].sent != q->d->tok[j - 1].sent
                   ? AFTER_LOCATIVE
                   : NO_PLACE_CUE;
    if (!strcmp(norm(q, i), "the"))
        return i + 1 < j ? AFTER_THE : NO_PLACE_CUE;
    if (i <= b)
        return NO_PLACE_CUE;
    const cmp_tok *before = &q->d->tok[i - 1];
    if (before->sent != q->d->tok[i].sent || before->cap || break_between(q, i - 1, i))
        return NO_PLACE_CUE;
    if (!strcmp(before->norm, "the"))
        return AFTER_THE;
    return in_list(place_before, before->norm) ? AFTER_LOCATIVE : NO_PLACE_CUE;
}

/* The first token after the last possessive in [s, j - 1): "the EPA's
 * Steve Ireland" names Steve Ireland. s when there is none. */
static uint32_t after_possessive(const qstate *q, uint32_t s, uint32_t j)
{
    uint32_t owner = s;
    for (uint32_t k = s; k + 1 < j; k++)
        if (possessive_len(q->text + q->d->tok[k].start, q->d->tok[k].end - q->d->tok[k].start))
            owner = k + 1;
    return owner;
}

/* Whether token i is written in capitals only ("NATO", "FBI"). */
static int all_capitals(const qstate *q, uint32_t i)
{
    int letters = 0;
    for (uint32_t k = q->d->tok[i].start; k < q->d->tok[i].end; k++) {
        unsigned char ch = (unsigned char)q->text[k];
        if (ch >= 'a' && ch <= 'z')
            return 0;
        letters += ch >= 'A' && ch <= 'Z';
    }
    return letters >= 2;
}

/* Where the name starts in the capitalised run [s, j): after the last
 * word that says what the person is ("Survivor Maria Papadaki", "Pro
 * Golfer Doug Tewell") and that two words of the run still follow, so
 * that what is left is a full name. */
static uint32_t after_role_nouns(const qstate *q, uint32_t s, uint32_t j)
{
    uint32_t first = s;
    for (uint32_t k = s; k + 2 < j; k++)
        if (cmp_is_role_noun(norm(q, k)))
            first = k + 1;
    return first;
}

/* A person named in tokens [b, e): the last run of capitalised words that
 * is a name ("Dmitry Peskov", "Mr Putin"), titles and places removed. */
/* Whether capitalised word x ends a person's full name: "Bob Smith" and
 * not "Smith County", "the Smith", "But Smith". */
static int full_name_end(const qstate *q, uint32_t x)
{
    const cmp_tok *tok = q->d->tok;
    if (x == 0 || !tok[x].cap || !tok[x - 1].cap || tok[x - 1].sent != tok[x].sent)
        return 0;
    if (x + 1 < q->d->ntok && tok[x + 1].cap && tok[x + 1].sent == tok[x].sent && !break_between(q, x, x + 1))
        return 0;
    return !(break_between(q, x - 1, x) || in_list(not_person, norm(q, x - 1)) ||
             (x >= 2 && tok[x - 2].sent == tok[x].sent && in_list(articles_list, norm(q, x - 2))) ||
             in_list(clause_words, norm(q, x - 1)) || in_list(np_strip_head, norm(q, x - 1)));
}

/* The full name ending at x, as last_person would take it: from an
 * honorific ("Dr. Gary I. Wadler"), else after any titles ("Sen. Bob
 * Smith"). Its first token. */
static uint32_t full_name_start(const qstate *q, uint32_t x)
{
    const cmp_tok *tok = q->d->tok;
    uint32_t s = x - 1;
    while (s > 0 && tok[s - 1].cap && tok[s - 1].sent == tok[x].sent && !break_between(q, s - 1, s) &&
           !in_list(clause_words, norm(q, s - 1)) && !in_list(np_strip_head, norm(q, s - 1)))
        s--;
    int honorific = 0;
    for (uint32_t h = s; h < x; h++)
        if (in_list(honorifics, norm(q, h))) {
            s = h;
            honorific = 1;
        }
    while (!honorific && s < x && (in_list(titles, norm(q, s)) || in_list(not_person, norm(q, s))))
        s++;
    if (!honorific)
        s = after_role_nouns(q, s, x + 1);
    if (s + 1 < x && place_then_name(q, s, x + 1))
        s++; /* "prosecutor in Chechnya Vladimir Kravchenko" */
    return s;
}

/* Fill q->named_end and q->named_start for the article, in one pass: a
 * scan back from every lone surname cost up to SURNAME_LOOKBACK tokens per
 * surname, per quote whose lookback holds it, which an article of many
 * capitalised words and "he said" quotes made minutes long. */
static int surname_index(const qstate *q)
{
    const cmp_tok *tok = q->d->tok;
    uint32_t n = q->d->ntok;
    uint32_t *end = arena_alloc(q->a, (size_t)n * sizeof *end);
    uint32_t *start = arena_alloc(q->a, (size_t)n * sizeof *start);
    uint32_t *last = malloc(((size_t)n + 1) * sizeof *last); /* per interned word: its last full-name end */
    uint32_t seen = 0;
    strmap m;
    strmap_init(&m);
    int rc = end && start && last ? 0 : -1;
    for (uint32_t k = 0; k < n && rc == 0; k++) {
        end[k] = start[k] = UINT32_MAX;
        if (!tok[k].cap)
            continue;
        uint32_t id = strmap_intern(&m, tok[k].norm, strlen(tok[k].norm));
        if (id == STRMAP_NONE) {
            rc = -1;
            break;
        }
        if (id == seen) /* ids count up from 0 as words are first seen */
            last[seen++] = UINT32_MAX;
        end[k] = last[id];
        if (full_name_end(q, k)) {
            last[id] = k;
            start[k] = full_name_start(q, k);
        }
    }
    strmap_free(&m);
    free(last);
    q->names->end = end;
    q->names->start = start;
    q->names->built = 1;
    q->names->failed = rc != 0;
    return rc;
}

/* Whether capitalised word k is the surname of a person the article
 * named in full before it, within SURNAME_LOOKBACK tokens: "Sen. Bob
 * Smith ... Smith, in Havana, said" makes "Smith" a person. */
#define SURNAME_LOOKBACK 3000

static int surname_named_before(const qstate *q, uint32_t k, np *full)
{
    uint32_t lo = k > SURNAME_LOOKBACK ? k - SURNAME_LOOKBACK : 0;
    if (!q->names->built && surname_index(q) != 0)
        return 0; /* out of memory: cmp_quotes_find reports it */
    if (q->names->failed)
        return 0;
    uint32_t x = q->names->end[k];
    if (x == UINT32_MAX || x <= lo)
        return 0;
    full->s = full->key_s = q->names->start[x];
    full->t = full->key_t = x + 1;
    return 1;
}

/* Whether the one capitalised word s (of a run that began at i) names a
 * person: not after an article ("an Arapaho tribal member", "the
 * Internet"), and either followed by an age ("Altie, 12, said") or the
 * surname of someone named in full before. */
static int speech_verb_at(const qstate *q, uint32_t k);

static int lone_name(const qstate *q, uint32_t i, uint32_t s, uint32_t e, np *full)
{
    const cmp_tok *tok = q->d->tok;
    if (i > 0 && tok[i - 1].sent == tok[i].sent && in_list(articles_list, norm(q, i - 1)))
        return 0;
    /* "after several treatments with Jacobson, he is holding off": the
     * object of a preposition is seldom who "he" is */
    if (i > 0 && tok[i - 1].sent == tok[i].sent && in_list(lone_prepositions, norm(q, i - 1)))
        return 0;
    /* "Johnson's motivation was good science, he said", "Wentz ``came up
     * with nothing,'' he said": who is spoken of, not who speaks; but
     * "Welch said ``...,''" names the speaker */
    if (e < q->d->ntok && tok[s].sent == tok[e].sent && !(s + 1 < e && speech_verb_at(q, s + 1)))
        return 0;
    const char *after = q->text + tok[s].end;
    if (possessive_len(q->text + tok[s].start, tok[s].end - tok[s].start) ||
        (after[0] == '\'' && (after[1] == 's' || after[1] == 'S')) || !strncmp(after, "\xE2\x80\x99s", 4))
        return 0;
    if (s + 2 < q->d->ntok && tok[s + 1].kind == TOKEN_NUMBER && tok[s + 1].sent == tok[s].sent &&
        comma_only(q, s, s + 1) && comma_only(q, s + 1, s + 2)) {
        /* printed in full too when named so before: "Capt. Ray Dunn ...
         * Dunn, 54, said" is Ray Dunn */
        surname_named_before(q, s, full);
        return 1;
    }
    return surname_named_before(q, s, full);
}

/* What last_person takes of a surname alone: only one followed by a verb
 * of speech ("Welch said"), or any that lone_name takes. */
enum { LONE_SAYER, LONE_ANY };

static int sayer_at(const qstate *q, uint32_t s, uint32_t e)
{
    return s + 1 < e && q->d->tok[s + 1].sent == q->d->tok[s].sent && speech_verb_at(q, s + 1);
}

static int last_person(const qstate *q, uint32_t b, uint32_t e, int lone_ok, np *out)
{
    int found = 0;
    uint32_t place_end = 0; /* where the last run taken for a place ended */
    for (uint32_t i = b; i < e;) {
        if (!q->d->tok[i].cap) {
            i++;
            continue;
        }
        uint32_t j = i + 1;
        while (j < e && q->d->tok[j].cap && !break_between(q, j - 1, j) &&
               q->d->tok[j].sent == q->d->tok[i].sent)
            j++;
        uint32_t s = i;
        /* a capitalised sentence opener is not part of the name: "But
         * Pippig", "For Ellen Roseman"; and one word after it is a name
         * ("So Boxhoorn", "For Turner", though also "Under Iowa") */
        while (s < j && (in_list(np_strip_head, norm(q, s)) || in_list(clause_words, norm(q, s)) ||
                         in_list(opening_prepositions, norm(q, s)) || in_list(place_before, norm(q, s))))
            s++;
        int opened = s > i, honorific = 0;
        for (uint32_t k = s; k < j; k++)
            if (in_list(honorifics, norm(q, k))) {
                s = k;
                honorific = 1;
            }
        if (!honorific) {
            while (s < j && (in_list(titles, norm(q, s)) || in_list(not_person, norm(q, s))))
                s++;
            s = after_role_nouns(q, s, j);
        }
        /* "in Los Angeles", "the Trade Federation"; but "the EPA's Steve
         * Ireland" is a person, after the possessive, and in "In Montreal,
         * Dr. Elaine C. Jong" the place opening the sentence does not go
         * on past its comma */
        int opens_on_place = s > i && in_list(place_before, norm(q, i));
        int cue = opens_on_place ? AFTER_LOCATIVE : honorific ? NO_PLACE_CUE : place_cue(q, b, i, j, e, place_end);
        /* "prosecutor in Chechnya Vladimir Kravchenko": after a role and
         * "in" or "on", one place word and then the person */
        if (s == i && place_then_name(q, i, j)) {
            s = i + 1;
            cue = NO_PLACE_CUE;
        }
        uint32_t owner = after_possessive(q, s, j);
        if (cue == AFTER_THE && owner > s && j - owner >= 2) {
            s = owner;
            cue = NO_PLACE_CUE;
        }
        place_end = cue == AFTER_LOCATIVE && !opens_on_place ? j : 0;
        /* one word is a name only after an opener ("So Boxhoorn"), and not
         * an acronym ("If NATO"); a run of initials and abbreviations ("of
         * Linden, N.J.", "W. Va.") is a place: a name has a word of three
         * letters or more */
        np full = {.s = s, .t = j, .key_s = s, .key_t = j};
        int lone = j - s == 1 && !opened && lone_name(q, i, s, e, &full) &&
                   (lone_ok == LONE_ANY || sayer_at(q, s, e));
        int ok = j - s >= 2 || (j - s == 1 && (opened || lone) && !all_capitals(q, s));
        int long_word = honorific;
        for (uint32_t k = s; k < j && !long_word; k++)
            long_word = q->d->tok[k].end - q->d->tok[k].start >= 3;
        ok = ok && long_word;
        for (uint32_t k = s; k < j && ok && !honorific; k++)
            ok = !in_list(not_person, norm(q, k));
        /* a run that opens inside quotation marks is a title: "the new
         * ``Star Wars''" is not who "he" is */
        ok = ok && !opens_quoted(q, i) && cue == NO_PLACE_CUE;
        if (ok) {
            *out = full; /* a surname alone is named as in full before */
            found = 1;
        }
        i = j;
    }
    return found;
}

static uint32_t back_sentences(const qstate *q, uint32_t tok, uint32_t nsent)
{
    uint32_t s = q->d->tok[tok < q->d->ntok ? tok : q->d->ntok - 1].sent;
    uint32_t first = q->c->articles[q->ai].first;
    uint32_t want = s >= first + nsent ? s - nsent : first;
    return q->d->sent_first[want - first];
}

/* Whether a pronoun is among tokens [s, t): "It doesn't say", "The 1996
 * withdrawal was a mistake, he said, according to ..." name no one. */
static int holds_pronoun(const qstate *q, uint32_t s, uint32_t t)
{
    for (uint32_t k = s; k < t; k++)
        if (in_list(pronouns, norm(q, k)))
            return 1;
    return 0;
}

/* The speaker named after a verb of speech in an inverted attribution,
 * set off by commas: "..., but that may be tough, said Scott, because
 * ...". Not "Burns, who quit, said Cole is brilliant" (Cole is what was
 * said about), nor "..., said Thursday". */
static int inverted_sayer(const qstate *q, uint32_t verb, np *out)
{
    uint32_t sent = q->d->tok[verb].sent, limit = verb + 1;
    while (limit < q->d->ntok && q->d->tok[limit].sent == sent)
        limit++;
    if (verb == 0 || limit == verb + 1 || !comma_only(q, verb - 1, verb) || !q->d->tok[verb + 1].cap ||
        break_between(q, verb, verb + 1) || in_list(not_person, norm(q, verb + 1)) ||
        !strcmp(norm(q, verb + 1), "i"))
        return 0;
    if (!np_after(q, verb, limit, out) || holds_pronoun(q, out->s, out->t))
        return 0;
    return out->t == limit || break_between(q, out->t - 1, out->t);
}

/* Whether token k is a verb of speech; "put" is one when "it" follows,
 * as in "as the board delicately put it, ``...''". */
static int speech_verb_at(const qstate *q, uint32_t k)
{
    if (in_list(speech_verbs, norm(q, k)))
        return 1;
    return !strcmp(norm(q, k), "put") && k + 1 < q->d->ntok && q->d->tok[k + 1].sent == q->d->tok[k].sent &&
           !strcmp(norm(q, k + 1), "it");
}

/* The subject of the last "said" in the sentences before token at.
 * "according" is passed over: its source comes after it. For "he" or
 * "she" (person), a document is passed over too: "In a lengthy statement
 * posted to her instagram, the pop star ..." is not who "she writes". */
static int last_sayer(const qstate *q, uint32_t at, int person, np *out)
{
    uint32_t b = back_sentences(q, at, LOOKBACK_SENTENCES);
    for (uint32_t v = at; v > b; v--) {
        if (!speech_verb_at(q, v - 1) || !strcmp(norm(q, v - 1), "according"))
            continue;
        uint32_t verb = v - 1, sent = q->d->tok[verb].sent;
        uint32_t sb = q->d->sent_first[sent - q->c->articles[q->ai].first];
        if (inverted_sayer(q, verb, out) && !(person && names_document(q, out)))
            return 1;
        if (np_before(q, sb, verb, out) && !holds_pronoun(q, out->s, out->t) && !(person && names_document(q, out)))
            return 1;
    }
    return 0;
}

/* The named subject of the last verb of speech in sentence sent (of the
 * current article), not a pronoun: "..., Petrov reiterated." */
static int sayer_in_sentence(const qstate *q, uint32_t sent, np *out)
{
    uint32_t first = q->c->articles[q->ai].first;
    if (sent < first)
        return 0;
    uint32_t sb = q->d->sent_first[sent - first], v = sb;
    while (v < q->d->ntok && q->d->tok[v].sent == sent)
        v++;
    for (; v > sb; v--) {
        if (!speech_verb_at(q, v - 1) || !strcmp(norm(q, v - 1), "according"))
            continue;
        if (inverted_sayer(q, v - 1, out))
            return 1;
        return np_before(q, sb, v - 1, out) && !holds_pronoun(q, out->s, out->t) && q->d->tok[out->s].cap;
    }
    return 0;
}

/* "The newspaper quoted Cheung as saying ...", "..., the report quoted a
 * source as saying": whoever is quoted as saying it said it, not the
 * report or outlet that quotes them. The phrase after "quoted" (verb v)
 * when "as" and a verb of speech follow it, within [v, limit). */
static int quoted_as_saying(const qstate *q, uint32_t v, uint32_t limit, np *out)
{
    if (strcmp(norm(q, v), "quoted") || !np_after(q, v, limit, out) || !strcmp(norm(q, out->s), "by"))
        return 0; /* "Grant was quoted by Reuters as saying": Grant */
    return out->t + 1 < limit && !strcmp(norm(q, out->t), "as") && speech_verb_at(q, out->t + 1);
}

typedef struct found {
    uint32_t start, end;   /* inner bytes */
    uint32_t t0, t1;       /* tokens inside */
} found;

/* Attribution after the closing mark, within the close's sentence. */
static int attrib_after(const qstate *q, const found *f, np *out)
{
    const cmp_doc *d = q->d;
    uint32_t k0 = f->t1;
    if (k0 >= d->ntok || f->t1 == f->t0)
        return 0;
    uint32_t sent = d->tok[f->t1 - 1].sent;
    if (d->tok[k0].sent != sent && d->tok[k0].sent != sent + 1)
        return 0;
    /* A quote closed by a full stop ends its sentence: what follows is a
     * new sentence ("... get over." jameson's father, X, said his ...). */
    uint32_t e = f->end;
    while (e > f->start && (strchr(" \"'`", q->text[e - 1]) || (unsigned char)q->text[e - 1] >= 0x80))
        e--;
    if (e > f->start && q->text[e - 1] == '.')
        return 0;
    /* only punctuation and spaces between the mark and the attribution */
    for (uint32_t b = f->end; b < d->tok[k0].start; b++)
        if (q->text[b] == '\n')
            return 0;
    uint32_t limit = k0;
    while (limit < d->ntok && d->tok[limit].sent == d->tok[k0].sent && limit < k0 + 16)
        limit++;
    for (uint32_t v = k0; v < limit; v++) {
        /* a comma may close an appositive: "...," rusty goe, owner of X, said */
        if (v > k0 && break_between(q, v - 1, v) && !comma_only(q, v - 1, v))
            return 0;
        if (!speech_verb_at(q, v))
            continue;
        out->verb = v;
        if (quoted_as_saying(q, v, limit, out))
            return 1;
        /* "...'' about him, said analyst X": words that open on a
         * preposition go on with the sentence the quote was part of; they
         * are no subject, and the speaker is named right after the verb
         * (but "...'' of the house, she said, ``...''" names her before it) */
        if (v == k0 || (in_list(lone_prepositions, norm(q, k0)) && v + 1 < limit && !break_between(q, v, v + 1)))
            return np_after(q, v, limit, out);
        return np_before(q, k0, v, out);
    }
    return 0;
}

/* A sentence that ends "... said:" right before the quotation that opens
 * sentence k, the paragraph before it in news style:
 *     Jim Courier, who won four Grand Slam titles, said:
 *     ``I was clean.''
 * Only a colon, spaces and the opening mark may stand between them. */
static int attrib_colon_before(const qstate *q, const found *f, uint32_t k, np *out)
{
    const cmp_doc *d = q->d;
    uint32_t first = q->c->articles[q->ai].first;
    if (k == 0 || d->tok[k].sent == first || d->tok[k - 1].sent + 1 != d->tok[k].sent)
        return 0;
    int colon = 0;
    for (uint32_t x = d->tok[k - 1].end; x < f->start; x++) {
        char ch = q->text[x];
        if (ch == ':')
            colon++;
        else if (!strchr(" \t\r\n\"'`", ch) && !((unsigned char)ch >= 0x80))
            return 0;
    }
    if (colon != 1 || !in_list(speech_verbs, norm(q, k - 1)) || !strcmp(norm(q, k - 1), "according"))
        return 0;
    uint32_t b = d->sent_first[d->tok[k - 1].sent - first];
    out->verb = k - 1;
    return np_before(q, b, k - 1, out);
}

/* A closing quotation mark ('', ", or a curly one) between tokens i and j. */
static int closes_quote_between(const qstate *q, uint32_t i, uint32_t j)
{
    for (uint32_t k = q->d->tok[i].end; k < q->d->tok[j].start; k++)
        if (q->text[k] == '"' || (q->text[k] == '\'' && q->text[k + 1] == '\'') || is_close_mark(q->text, k))
            return 1;
    return 0;
}

/* Attribution before the opening mark, within the open's sentence, or
 * ending the sentence before with a colon. */
static int attrib_before(const qstate *q, const found *f, np *out)
{
    const cmp_doc *d = q->d;
    uint32_t k = cmp_tok_at(d, f->start);
    if (k >= d->ntok)
        return 0;
    uint32_t sent = d->tok[k].sent;
    uint32_t b = d->sent_first[sent - q->c->articles[q->ai].first];
    /* A participle ("..., saying ``...''") has no subject of its own: the
     * speaker is the subject of a verb of speech before it ("Johnston said
     * that the case had hurt the police, saying it had been ``...''"), and
     * only failing one, the phrase before the participle. */
    uint32_t participle = 0;
    for (uint32_t v = k; v > b; v--) {
        if (!speech_verb_at(q, v - 1))
            continue;
        out->verb = v - 1;
        /* "According to court documents, Jones called his mother, saying
         * ``...''": the source of the sentence is not the participle's
         * subject, Jones is */
        if (!strcmp(norm(q, v - 1), "according") && participle)
            continue;
        if (!strcmp(norm(q, v - 1), "according"))
            return np_after(q, v - 1, k, out);
        if (quoted_as_saying(q, v - 1, k, out))
            return 1;
        if (ends_in_ing(norm(q, v - 1))) {
            if (!participle)
                participle = v;
            continue;
        }
        /* "``...,'' said X, who wrote ``...''": a verb right after an
         * earlier quotation attributes that one, and its subject comes
         * after it; the words before it are the quotation's own */
        if (v - 1 > b && closes_quote_between(q, v - 2, v - 1)) {
            if (np_after(q, v - 1, k, out))
                return 1;
            continue;
        }
        if (np_before(q, b, v - 1, out))
            return 1;
    }
    if (participle) {
        out->verb = participle - 1;
        if (np_before(q, b, participle - 1, out))
            return 1;
    }
    return k == b && attrib_colon_before(q, f, k, out);
}

static int push_quote(arena *a, cmp_quote **arr, size_t *n, size_t *cap, const cmp_quote *x)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        cmp_quote *g = arena_grow(a, *arr, *n, nc, sizeof *g);
        if (!g)
            return -1;
        *arr = g;
        *cap = nc;
    }
    (*arr)[(*n)++] = *x;
    return 0;
}

/* Whether sayer say is a name (capitalised words from its start and in
 * its key), named after person r and not r again: "Smith, in Havana,
 * said" after "Sen. Bob Smith" is Bob Smith still. */
static int named_other(const qstate *q, const np *say, const np *r)
{
    const cmp_tok *tok = q->d->tok;
    if (say->key_t <= say->key_s || say->key_s < r->t || !tok[say->s].cap)
        return 0;
    /* a body or an agency is no person: "Reuters reported", "The Times
     * said", "Senate Republicans said" */
    if (in_list(articles_list, norm(q, say->key_s)))
        return 0;
    for (uint32_t k = say->key_s; k < say->key_t; k++)
        if (!tok[k].cap || in_list(not_person, norm(q, k)))
            return 0;
    /* One word opening its sentence is capitalised whatever it is
     * ("Residents said", "Analysts said"): a name only when the article
     * named them in full before; an acronym ("NATO said") is none. */
    uint32_t k = say->key_s;
    np full;
    if (say->key_t - k == 1 &&
        (all_capitals(q, k) || ((k == 0 || tok[k - 1].sent != tok[k].sent) && !surname_named_before(q, k, &full))))
        return 0;
    return strcmp(norm(q, say->key_t - 1), norm(q, r->t - 1)) != 0;
}

/* Fill speaker of quote x (found f) given the article's previous quote.
 * at is the token where the quotation begins: f->t0, or for a paragraph
 * that continues a quotation, that quotation's first token, where a
 * pronoun and the previous quote are read from. *own: x has an
 * attribution of its own (after or before its marks). */
static int attribute(const qstate *q, const found *f, uint32_t at, const cmp_quote *prev,
                     uint32_t prev_tok, cmp_quote *x, int *own)
{
    np p, before;
    int ok = attrib_after(q, f, &p);
    /* "Klebanov told reporters that the sub ``was sinking,'' the Itar-Tass
     * agency reported": who reported it is not who said it */
    if (ok && !strcmp(norm(q, p.verb), "reported") && attrib_before(q, f, &before) &&
        strcmp(norm(q, before.verb), "reported"))
        p = before;
    ok = ok || attrib_before(q, f, &p);
    *own = ok;
    uint32_t sent = q->d->tok[at].sent;
    int prev_close = prev && prev->speaker && prev_tok < q->d->ntok &&
                     sent - q->d->tok[prev_tok].sent <= CONTINUE_SENTENCES;
    if (!ok) {
        /* "The address holds nothing new, Petrov reiterated. ``Talks are
         * possible only ...''": a sentence between the quotes in which
         * someone speaks hands the bare quote (one that opens its
         * sentence) to them, not back to the previous quote's speaker */
        np r;
        int opens = at == q->d->sent_first[sent - q->c->articles[q->ai].first];
        if (prev_close && opens && sent > q->d->tok[prev_tok].sent + 1 && sayer_in_sentence(q, sent - 1, &r) &&
            q->d->tok[r.s].sent > q->d->tok[prev_tok].sent) {
            x->speaker = span_text(q, r.s, r.t);
            x->speaker_key = speaker_key(q, r.key_s, r.key_t);
            return x->speaker ? 0 : -1;
        }
        if (prev_close) {
            x->speaker = prev->speaker;
            x->speaker_key = prev->speaker_key;
            x->via_pronoun = prev->via_pronoun;
        }
        return 0;
    }
    if (p.t - p.s == 1 && in_list(pronouns, norm(q, p.s))) {
        int person = !strcmp(norm(q, p.s), "he") || !strcmp(norm(q, p.s), "she");
        x->via_pronoun = 1;
        np named;
        uint32_t after_prev = q->d->tok[prev_tok].sent + 1 - q->c->articles[q->ai].first;
        after_prev = q->d->sent_first[after_prev];
        if (prev_close && person && after_prev < at && last_person(q, after_prev, at, LONE_SAYER, &named)) {
            /* someone named since the last quote is the likelier "he":
             * in full, or by surname as the subject of a verb of speech
             * ("Welch said"); another surname there is as often who is
             * spoken of ("He predicted it would not cost Bush votes") */
            x->speaker = span_text(q, named.s, named.t);
            x->speaker_key = speaker_key(q, named.key_s, named.key_t);
            return x->speaker ? 0 : -1;
        }
        if (prev_close && person) {
            x->speaker = prev->speaker;
            x->speaker_key = prev->speaker_key;
            return 0;
        }
        np r, say;
        uint32_t b = back_sentences(q, at, LOOKBACK_SENTENCES);
        int have = person && last_person(q, b, at, LONE_ANY, &r);
        /* a named sayer after the person last named is the nearer "he":
         * "Celtie Johnson began ... said Kailer, one of the writers. ``...,''
         * he said" */
        if (have && last_sayer(q, at, person, &say) && named_other(q, &say, &r))
            r = say;
        if (have || last_sayer(q, at, person, &r)) {
            p = r;
        } else {
            x->speaker = arena_strndup(q->a, norm(q, p.s), strlen(norm(q, p.s)));
            x->speaker_key = "";
            return x->speaker ? 0 : -1;
        }
    }
    x->speaker = span_text(q, p.s, p.t);
    x->speaker_key = speaker_key(q, p.key_s, p.key_t);
    return x->speaker ? 0 : -1;
}


static void trim(const char *t, uint32_t *s, uint32_t *e)
{
    while (*s < *e && (t[*s] == ' ' || t[*s] == '\t'))
        (*s)++;
    while (*e > *s && (t[*e - 1] == ' ' || t[*e - 1] == '\t'))
        (*e)--;
}

/* Words that name what follows rather than report speech:
 * a series, "how to get away with murder"; a number called "...". */
static const char *const title_cues[] = {
    "called", "titled", "entitled", "dubbed", "named", "include", "includes", "including",
    "series", "show", "film", "movie", "song", "book", "album", "novel", "play", "episode",
    "documentary", "single", "headline", NULL};

/* Words that make a quoted phrase a statement, not a name. */
static const char *const speech_marks[] = {
    "i", "we", "you", "me", "us", "my", "our", "your", "he", "she", "they", "is", "are", "was",
    "were", "am", "be", "been", "have", "has", "had", "will", "would", "can", "could", "should",
    "must", "do", "does", "did", "not", "t", "s", "m", "re", "ve", "ll", "d", NULL};

/* Whether word w is a word of a statement: one of speech_marks, "it"
 * (whose "'s" the tokens drop), or a pronoun's contraction kept as one
 * token ("we're", "I’m"). */
static int speech_word(const char *w)
{
    static const char *const subjects[] = {"i", "we", "you", "he", "she", "they", "it", "that", "there", NULL};
    if (in_list(speech_marks, w) || !strcmp(w, "it"))
        return 1;
    const char *apostrophe = strchr(w, '\''), *curly = strstr(w, "\xe2\x80\x99");
    if (!apostrophe || (curly && curly < apostrophe))
        apostrophe = curly;
    if (!apostrophe || apostrophe == w)
        return 0;
    char head[8];
    size_t n = (size_t)(apostrophe - w);
    if (n >= sizeof head)
        return 0;
    memcpy(head, w, n);
    head[n] = 0;
    return in_list(subjects, head);
}

/* Words after which what is quoted is a name and nothing else. */
static const char *const naming_verbs[] = {"titled", "entitled", "headlined", "headline", NULL};

/* Nouns for a written or filmed work whose title may follow them in
 * quotation marks: "a new book, ``Virtual Faith: ...''". */
static const char *const work_nouns[] = {"book", "textbook", "paper", "report", "study", "article", "essay",
                                         "column", "film", "movie", "documentary", "novel", "memoir", "play",
                                         "song", "album", "series", "show", "episode", "exhibit", "exhibition",
                                         NULL};

#define TITLE_MAX_WORDS 30

/* Whether the quotation [t0, t1) is written in title case: its first word
 * and every word that is not a stopword capitalised, with at least two
 * such words ("Of Pandas and People: The Central Question of Biological
 * Origins"). */
static int title_case(const qstate *q, uint32_t t0, uint32_t t1)
{
    const cmp_tok *tok = q->d->tok;
    uint32_t content = 0;
    if (t1 <= t0 || !tok[t0].cap)
        return 0;
    for (uint32_t k = t0; k < t1; k++) {
        if (tok[k].kind != TOKEN_WORD || q->c->term_stop[tok[k].term])
            continue;
        if (!tok[k].cap)
            return 0;
        content++;
    }
    return content >= 2;
}

/* A long title: one right after "titled" or "entitled" (a colon or comma
 * between), or one in title case right after the work it names ("a
 * paper, ``Varicella Vaccine: Is It a Travel Immunization?''"). Its
 * words may be a statement's; what a report says ("the report ``doesn't
 * mean ...''") is not in title case. */
static int is_named_work(const qstate *q, const found *f)
{
    if (f->t0 == 0 || f->t1 - f->t0 > TITLE_MAX_WORDS || q->d->tok[f->t0 - 1].sent != q->d->tok[f->t0].sent)
        return 0;
    const char *before = norm(q, f->t0 - 1);
    return in_list(naming_verbs, before) || (in_list(work_nouns, before) && title_case(q, f->t0, f->t1));
}

/* Whether the quotation holds a word of a statement (speech_word). An "I"
 * after a capitalised word that is not a stopword is a numeral ("Episode
 * I", "World War I"). */
static int states_something(const qstate *q, const found *f)
{
    const cmp_tok *tok = q->d->tok;
    for (uint32_t k = f->t0; k < f->t1; k++) {
        int numeral = k > f->t0 && !strcmp(norm(q, k), "i") && tok[k - 1].cap && tok[k - 1].kind == TOKEN_WORD &&
                      !q->c->term_stop[tok[k - 1].term];
        if (!numeral && speech_word(norm(q, k)))
            return 1;
    }
    return 0;
}

/* A title in quotation marks rather than a quotation: one after the word
 * that names it (is_named_work); one of up to TITLE_MAX_WORDS in title
 * case with no word of a statement, wherever it stands; or a short one
 * with no word of a statement, either introduced by a naming word or
 * mostly capitalised where the text is cased. */
static int is_title(const qstate *q, const found *f)
{
    const cmp_doc *d = q->d;
    uint32_t n = f->t1 - f->t0, caps = 0;
    if (is_named_work(q, f))
        return 1;
    if (n <= TITLE_MAX_WORDS && title_case(q, f->t0, f->t1) && !states_something(q, f))
        return 1;
    if (n > 8)
        return 0;
    for (uint32_t k = f->t0; k < f->t1; k++) {
        if (in_list(speech_marks, norm(q, k)))
            return 0;
        caps += d->tok[k].cap;
    }
    for (uint32_t k = f->t0; k > 0 && k + 2 > f->t0; k--)
        if (in_list(title_cues, norm(q, k - 1)))
            return 1;
    /* the first word is capitalised anyway at a sentence start */
    return caps * 3 >= n * 2 && n - caps <= 2 && f->t0 > 0 && d->tok[f->t0].sent == d->tok[f->t0 - 1].sent;
}

/* A quotation that ran on to the end of its paragraph, which the next
 * paragraph may continue by opening with a quotation mark. */
typedef struct chain {
    long head;            /* its first quote (paragraph), or -1: none open */
    long before;          /* the quote before the head, or -1 */
    uint32_t before_tok;  /* and its last token */
    uint32_t head_t0;     /* the head's first token: where the quotation begins */
    int own;              /* the head has an attribution of its own */
} chain;

/* Give the paragraphs of chain ch that have no attribution of their own
 * (all but an attributed head) up to quote n (exclusive) the speaker of x,
 * the paragraph that continues them. */
static void chain_speaker(const chain *ch, cmp_quote *arr, size_t n, const cmp_quote *x)
{
    for (size_t k = (size_t)ch->head + (ch->own ? 1 : 0); k < n; k++) {
        arr[k].speaker = x->speaker;
        arr[k].speaker_key = x->speaker_key;
        arr[k].via_pronoun = x->via_pronoun;
    }
}

/* Quotes in the paragraph [ps, pe); calls back per quote found. ch is the
 * quotation the previous paragraph left open, if any; on return, the one
 * this paragraph leaves open. */
static int scan_paragraph(qstate *q, uint32_t ps, uint32_t pe, cmp_quote **arr, size_t *n,
                          size_t *cap, long *prev_idx, uint32_t *prev_tok, chain *ch)
{
    const char *t = q->text;
    long open = -1;
    uint32_t mark_at = 0; /* where the open quotation's mark is */
    long cont = ch->head;  /* a quotation opening at ps continues this chain */
    ch->head = -1;
    for (uint32_t i = ps; i <= pe; i++) {
        uint32_t close_at = 0, close_len = 0;
        if (i == pe) {
            if (open < 0)
                break;
            close_at = pe; /* runs on to the paragraph's end */
        } else if (t[i] == '"') {
            if (open < 0) {
                open = i + 1;
                mark_at = i;
                continue;
            }
            close_at = i;
            close_len = 1;
        } else if (i + 2 <= pe && t[i] == '`' && (t[i + 1] == '`' || t[i + 1] == '\'')) {
            /* `` opens (NYT wire copy); `' is a mistyped `` seen in DUC */
            if (open < 0) {
                open = i + 2;
                mark_at = i;
            }
            i++;
            continue;
        } else if (i + 2 <= pe && t[i] == '\'' && t[i + 1] == '\'') {
            /* '' closes, or opens where AP copy uses it for both marks */
            if (open < 0) {
                open = i + 2;
                mark_at = i;
                i++;
                continue;
            }
            close_at = i;
            close_len = 2;
        } else if (i + 3 <= pe && is_open_mark(t, i)) {
            if (open < 0) {
                open = i + 3;
                mark_at = i;
            }
            i += 2;
            continue;
        } else if (i + 3 <= pe && is_close_mark(t, i)) {
            if (open < 0) {
                i += 2;
                continue;
            }
            close_at = i;
            close_len = 3;
        } else {
            continue;
        }
        found f = {(uint32_t)open, close_at, 0, 0};
        trim(t, &f.start, &f.end);
        f.t0 = cmp_tok_at(q->d, f.start);
        f.t1 = cmp_tok_at(q->d, f.end);
        open = -1;
        i = close_at + (close_len ? close_len - 1 : 0);
        int is_cont = cont >= 0 && mark_at == ps, runs_on = close_len == 0;
        /* a continuation too short to list ("Never," he said.) still
         * names the speaker */
        int skip = f.t1 - f.t0 < CMP_QUOTE_MIN_WORDS || is_title(q, &f);
        if (skip && (!is_cont || f.t1 == f.t0))
            continue;
        f.end = close_at; /* keep the inner text's final punctuation */
        trim(t, &f.start, &f.end);
        cmp_quote x = {0};
        x.article = q->ai;
        x.start = f.start;
        x.end = f.end;
        x.group = CMP_NONE;
        f.end = close_at + close_len;
        const cmp_quote *prev = *prev_idx >= 0 ? &(*arr)[*prev_idx] : NULL;
        uint32_t at = f.t0, ptok = *prev_tok;
        if (is_cont && !ch->own) {
            /* nothing attributed yet: read this paragraph's attribution as
             * if at the quotation's start, after the quote before it */
            prev = ch->before >= 0 ? &(*arr)[ch->before] : NULL;
            ptok = ch->before_tok;
            at = ch->head_t0;
        }
        int own;
        if (attribute(q, &f, at, prev, ptok, &x, &own) != 0)
            return -1;
        if (is_cont) {
            ch->head = cont;
            if (own)
                chain_speaker(ch, *arr, *n, &x);
        }
        if (runs_on && !is_cont) {
            ch->head = (long)*n;
            ch->before = *prev_idx;
            ch->before_tok = *prev_tok;
            ch->head_t0 = f.t0;
            ch->own = own;
        } else if (!runs_on) {
            ch->head = -1;
        }
        if (skip)
            continue;
        if (push_quote(q->a, arr, n, cap, &x) != 0)
            return -1;
        *prev_idx = (long)*n - 1;
        *prev_tok = f.t1 ? f.t1 - 1 : 0;
    }
    return 0;
}

int cmp_quotes_find(const precis_cluster *c, const cmp_doc *docs, arena *a, cmp_quote **out,
                    size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    for (uint32_t ai = 0; ai < c->narticles; ai++) {
        const article *art = &c->articles[ai];
        surnames names = {0, 0, NULL, NULL};
        qstate q = {c, &docs[ai], art->text, ai, a, &names};
        if (docs[ai].ntok == 0)
            continue;
        long prev_idx = -1;
        uint32_t prev_tok = 0;
        chain ch = {-1, -1, 0, 0, 0};
        /* Paragraphs: runs of story sentences with no line break between. */
        for (uint32_t s = art->first; s < art->first + art->count;) {
            uint32_t ps = c->sents[s].start, pe = c->sents[s].end, e = s + 1;
            while (e < art->first + art->count && !memchr(art->text + pe, '\n', c->sents[e].start - pe)) {
                pe = c->sents[e].end;
                e++;
            }
            if (scan_paragraph(&q, ps, pe, out, n, &cap, &prev_idx, &prev_tok, &ch) != 0 || names.failed)
                return -1;
            s = e;
        }
    }
    return 0;
}

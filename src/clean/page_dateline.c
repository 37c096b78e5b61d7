/*
 * page_dateline.c: datelines at a sentence's head, the wire's own in
 * capitals and the pages' however cased: an agency's, a bare place's, a
 * running story's header; see page_dateline.h.
 */
#include "clean/page_dateline.h"

#include <string.h>
#include <strings.h>

#include "text/token.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* A dateline's place and date: "los angeles", "roswell, n.m., march 29",
 * "st. Petersburg, fla.". Longer than this, the words are a sentence. */
#define PLACE_MAX_WORDS 7
#define PLACE_MAX_BYTES 64
/* A place after the tag ("( reuters ) charlotte — "): shorter, since it has
 * no bracket after it to vouch for it, only a dash. */
#define LATE_PLACE_MAX_WORDS 4
#define TAG_MAX_BYTES 24
#define WORDS_LEFT_MIN 3

/* Names seen in brackets at the head of agency copy. Lower case. */
static const char *const agencies[] = {
    "ap",        "associated press", "reuters",   "afp",        "upi",    "cnn",   "cnnmoney",
    "cnn money", "cbs",              "cbs news",  "cbs sf",     "cbsnews", "nbc",  "nbc news",
    "abc",       "abc news",         "bloomberg", "ansa",       "xinhua", "dpa",   "efe",
    "kyodo",     "yonhap",           "tass",      "itar-tass",  "marketwatch", "ew.com", "ktla",
};

static int ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* A byte of a place's or a date's word: letters (UTF-8 ones too, "são
 * paulo", but not the punctuation block of U+2000, where dashes and curly
 * quotes live), digits, and the dots, commas, hyphens and apostrophes of
 * "n.m.,", "wilkes-barre", "coeur d'alene", and the slash of two
 * places, "berlin/athens". */
static int place_byte(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80)
        return !(c == 0xE2 && i + 1 < len && (unsigned char)s[i + 1] == 0x80);
    return ascii_letter(c) || ascii_digit(c) || c == '.' || c == ',' || c == '-' || c == '\'' || c == '/';
}

/* Whether s[i..i+n) is all dashes or underscores: a dash between spaces,
 * not a word. (The text is not NUL-terminated: no strspn.) */
static int only_dashes(const char *s, size_t i, size_t n)
{
    for (size_t k = i; k < i + n; k++)
        if (s[k] != '-' && s[k] != '_')
            return 0;
    return 1;
}

static size_t skip_spaces(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* A dash that ends a dateline, with the space after it: "-- ", "- ", "_ ",
 * an em, en or horizontal-bar dash. Its length, or 0. */
static size_t dash_at(const char *s, size_t i, size_t len)
{
    static const char *const dashes[] = {"-- ", "- ", "_ ", "\xe2\x80\x94 ", "\xe2\x80\x93 ", "\xe2\x80\x95 "};
    for (size_t k = 0; k < COUNT(dashes); k++) {
        size_t n = strlen(dashes[k]);
        if (i + n <= len && !memcmp(s + i, dashes[k], n))
            return n;
    }
    return 0;
}

/* ---- the wire's own form: a place in capitals ---------------------------- */

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* One dateline segment: a place in capitals ("WASHINGTON", "PINE RIDGE,
 * S.D.", "CARACAS, Venezuela", "CUBA-ELIAN"), an optional agency in
 * brackets, then a dash. Returns the bytes it spans, or 0. */
static size_t segment_at(const char *s, size_t i, size_t len)
{
    size_t j = i, caps = 0;
    /* The place: capital letters, spaces, dots, hyphens, apostrophes. */
    while (j < len && (is_upper(s[j]) || s[j] == ' ' || s[j] == '.' || s[j] == '-' || s[j] == '\'')) {
        if (s[j] == ' ' && dash_at(s, j + 1, len))
            break; /* "WASHINGTON -- ": the dash ends the place */
        if (s[j] == ' ' && j + 1 < len && !is_upper(s[j + 1]))
            break;
        caps += is_upper(s[j]);
        j++;
    }
    if (caps < 2)
        return 0;
    j = skip_spaces(s, j, len);
    /* ", Venezuela" or ", S.D.": a region after a comma. */
    if (j + 1 < len && s[j] == ',' && s[j + 1] == ' ') {
        size_t k = j + 2;
        while (k < len && k - j < 40 && s[k] != '(' && !dash_at(s, k, len) && s[k] != ',' && s[k] != '.')
            k++;
        if (k < len && s[k] == '.')  /* abbreviations such as "S.D." */
            while (k < len && (s[k] == '.' || is_upper(s[k])))
                k++;
        j = k;
        j = skip_spaces(s, j, len);
    }
    /* "(AP)", "(Xinhua)". */
    if (j < len && s[j] == '(') {
        const char *close = memchr(s + j, ')', len - j < 24 ? len - j : 24);
        if (!close)
            return 0;
        j = (size_t)(close - s) + 1;
        j = skip_spaces(s, j, len);
    }
    size_t d = dash_at(s, j, len);
    return d ? j + d - i : 0;
}

size_t dateline_length(const char *s, size_t len)
{
    size_t total = 0, seg;
    /* Slugs can stack: "CUBA-ELIAN _ MIAMI _ ". */
    for (int k = 0; k < 3 && (seg = segment_at(s, total, len)) > 0; k++)
        total += seg;
    total = skip_spaces(s, total, len);
    /* A dateline is followed by the start of a sentence: "MOSCOW - Russia
     * said", not "NATO - the alliance - met". */
    if (total && total < len && !is_upper(s[total]) && !(s[total] >= '0' && s[total] <= '9') &&
        s[total] != '"' && s[total] != '`' && (unsigned char)s[total] < 0x80)
        return 0;
    /* Leave a real sentence behind, never an empty or one-word stub. */
    size_t words = 0;
    for (size_t i = total; i < len; i++)
        words += s[i] == ' ';
    return words >= 3 ? total : 0;
}

size_t wire_dateline_length(const char *s, size_t len)
{
    size_t n = dateline_length(s, len);
    return n && memchr(s, '(', n) ? n : 0;
}

/* ---- an agency's tag, however cased -------------------------------------- */

/* Place words from s[i] up to the first byte that is neither a place's
 * nor a space, or past max + 1 words. Sets *words; returns where they
 * stop. "the", "a" and "an" stop it ("( cnn ) -- the storm behind ...",
 * "Residents said the storm ( ap ) -- "), but for a first "the" where the
 * bracket after vouches for the place, "the hague ( afp ) - ". */
static size_t place_words(const char *s, size_t i, size_t len, int articles, size_t max, size_t *words)
{
    *words = 0;
    while (i < len && place_byte(s, i, len) && *words <= max) { /* one past max says too many */
        size_t e = i;
        while (e < len && place_byte(s, e, len))
            e++;
        size_t n = e - i;
        if (only_dashes(s, i, n)) /* a dash between spaces ends the place */
            return i;
        int article = (n == 3 && !strncasecmp(s + i, "the", 3)) || (n == 1 && (s[i] == 'a' || s[i] == 'A')) ||
                      (n == 2 && !strncasecmp(s + i, "an", 2));
        if (article && !(articles && *words == 0))
            return i;
        ++*words;
        i = skip_spaces(s, e, len);
    }
    return i;
}

/* A station's call letters: four letters, the first K or W ("wjla",
 * "KTLA"), the way American broadcasters sign their copy. */
static int call_letters(const char *s, size_t n)
{
    if (n != 4 || (s[0] != 'k' && s[0] != 'w' && s[0] != 'K' && s[0] != 'W'))
        return 0;
    for (size_t k = 1; k < n; k++)
        if (!ascii_letter((unsigned char)s[k]))
            return 0;
    return 1;
}

/* The bracketed tag at s[i] == '(': "( ap )", "(CNN)", "( wjla )". Past its
 * closing bracket, or 0; *station says it was call letters, which only a
 * dash after them makes a dateline. */
static size_t tag_at(const char *s, size_t i, size_t len, int *station)
{
    size_t a = skip_spaces(s, i + 1, len), e = a;
    while (e < len && e - i < TAG_MAX_BYTES && s[e] != ')')
        e++;
    if (e >= len || s[e] != ')')
        return 0;
    size_t b = e;
    while (b > a && s[b - 1] == ' ')
        b--;
    *station = 0;
    for (size_t k = 0; k < COUNT(agencies); k++)
        if (strlen(agencies[k]) == b - a && !strncasecmp(s + a, agencies[k], b - a))
            return e + 1;
    *station = call_letters(s + a, b - a);
    return *station ? e + 1 : 0;
}

/* Whether a place, s[0..open), and CNN's tag at s[open] with no dash
 * after it (s[after] is the next word) are CNN's dateline: "Kabul,
 * afghanistan ( cnn ) four americans were killed ...". Not when the words
 * before name the network ("Cable News Network (CNN) ...") or the next
 * one says what it did ("(CNN) said", "(CNN) has"). */
static int cnn_style(const char *s, size_t open, size_t len, size_t after)
{
    static const char *const network[] = {"news", "network", "cable", "cnn", "cnn's"};
    static const char *const verbs[] = {"said", "says", "reported", "reports", "told", "is", "was", "has",
                                        "had", "will", "would", "and", "or", "that", "which", "who"};
    size_t a = skip_spaces(s, open + 1, len);
    if (len - a < 3 || strncasecmp(s + a, "cnn", 3))
        return 0;
    for (size_t i = 0; i < open;) { /* no word of the place names the network */
        size_t e = i;
        while (e < open && s[e] != ' ' && s[e] != ',')
            e++;
        for (size_t k = 0; k < COUNT(network); k++)
            if (strlen(network[k]) == e - i && !strncasecmp(s + i, network[k], e - i))
                return 0;
        i = e + 1;
    }
    size_t w = skip_spaces(s, after, len), e = w;
    while (e < len && s[e] != ' ' && s[e] != ',' && s[e] != '.')
        e++;
    for (size_t k = 0; k < COUNT(verbs); k++)
        if (strlen(verbs[k]) == e - w && !strncasecmp(s + w, verbs[k], e - w))
            return 0;
    return 1;
}

/* Words after the dash that open an aside, not a story: "who", "like",
 * "perhaps". Lower case. */
static const char *const aside_openers[] = {
    "who", "whose", "whom", "which", "like", "perhaps", "including", "especially", "not", "and", "or",
    "but", "maybe", "possibly", "probably", "presumably", "apparently", "along", "plus", "also",
    "even", "just", "now", "then", "still", "yes", "no", "he's", "she's", "it's", "that's",
};

static int word_listed(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(list[k]) == n && !strncasecmp(s, list[k], n))
            return 1;
    return 0;
}

/* Whether the words after a dash at s[k] open an aside rather than a
 * story: a listed word first, or another spaced dash anywhere after, which
 * closes an aside however long ("Tim tebow — one of the most extraordinary
 * athletes ever to pass through denver — was run out of town"). A true
 * dateline whose sentence has such a dash stays, which costs only looks;
 * a name taken for a place would leave a sentence without its subject. */
static int aside_follows(const char *s, size_t k, size_t len)
{
    size_t e = k;
    while (e < len && s[e] != ' ' && s[e] != ',')
        e++;
    if (word_listed(s + k, e - k, aside_openers, COUNT(aside_openers)))
        return 1;
    for (size_t i = k; i + 1 < len; i++)
        if (s[i] == ' ' && dash_at(s, i + 1, len))
            return 1;
    return 0;
}

/* One dateline at s[0..len): its bytes, or 0. */
static size_t one_dateline(const char *s, size_t len)
{
    size_t place, i = place_words(s, 0, len, 1, PLACE_MAX_WORDS, &place);
    if (i >= len || s[i] != '(' || place > PLACE_MAX_WORDS || i > PLACE_MAX_BYTES)
        return 0;
    int station;
    size_t k = tag_at(s, i, len, &station);
    if (!k)
        return 0;
    /* "(CNN)Hillary Clinton": cased copy may run the tag into the text. */
    if (k < len && s[k] != ' ' && !(s[k] >= 'A' && s[k] <= 'Z') && s[k] != '"' && !dash_at(s, k, len))
        return 0;
    k = skip_spaces(s, k, len);
    size_t dash = dash_at(s, k, len);
    /* Without a dash, words before the tag may be a sentence introducing
     * the name ("Cable News Network (CNN) said ..."). They are a dateline
     * in CNN's style, which has no dash ("Washington (CNN) Republican
     * investigators ..."), or a teaser the page cut short and signed
     * ("The families are... ( associated press ) "). Call letters always
     * need the dash. */
    if (!dash && (station || (place && !(i >= 4 && !memcmp(s + i - 4, "... ", 4)) &&
                              !cnn_style(s, i, len, k))))
        return 0;
    k += dash;
    if (!place) { /* the place may follow: "( reuters ) charlotte — " */
        size_t late, e = place_words(s, k, len, 0, LATE_PLACE_MAX_WORDS, &late), d;
        if (late && late <= LATE_PLACE_MAX_WORDS && e > 0 && s[e - 1] == ' ' && (d = dash_at(s, e, len)) &&
            !aside_follows(s, e + d, len))
            k = e + d;
    }
    return count_words(s, k, len) >= WORDS_LEFT_MIN ? k : 0;
}

size_t agency_dateline_length(const char *s, size_t len)
{
    /* An AP page signs a teaser "( associated press )" right before the
     * story's own "washington ( ap ) — ": both go. */
    size_t total = 0, n;
    for (int k = 0; k < 3 && (n = one_dateline(s + total, len - total)) > 0; k++)
        total += n;
    return total;
}

/* ---- a bare place ------------------------------------------------------ */

#define BARE_PLACE_MAX_WORDS 3
#define BARE_REGION_MAX_WORDS 3
#define BARE_WORDS_LEFT_MIN 5

/* Words that no place's name is made of: a sentence's ("songwriter don
 * mclean's"), not a dateline's. Lower case. A picture's label before the
 * place ("Photo oslo — ") goes with it. */
static const char *const not_place[] = {
    "the", "a", "an", "and", "or", "of", "in", "to", "for", "with", "on", "at", "by", "from", "is",
    "was", "are", "were", "be", "has", "have", "had", "said", "says", "who", "that", "this", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "but", "well", "so", "now",
    "then", "update", "updated",
};

/* Up to max words of a place from s[i], each of place bytes, none a
 * sentence's word or a possessive ("lahood's"). Sets *words; returns where
 * they stop (at a comma's end, a dash or anything else). */
static size_t bare_place_words(const char *s, size_t i, size_t len, size_t max, size_t *words)
{
    *words = 0;
    while (i < len && *words < max) {
        size_t e = i;
        while (e < len && place_byte(s, e, len) && s[e] != ',')
            e++;
        size_t n = e - i;
        if (n == 0 || only_dashes(s, i, n) || word_listed(s + i, n, not_place, COUNT(not_place)) ||
            (n > 2 && s[e - 2] == '\'' && (s[e - 1] == 's' || s[e - 1] == 'S')))
            return i;
        ++*words;
        i = e;
        if (i < len && s[i] == ',')
            return i;
        i = skip_spaces(s, i, len);
    }
    return i;
}

size_t place_dateline_length(const char *s, size_t len)
{
    if (len == 0 || !(ascii_letter((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80))
        return 0;
    size_t words, i = bare_place_words(s, 0, len, BARE_PLACE_MAX_WORDS, &words);
    if (!words)
        return 0;
    if (i + 1 < len && s[i] == ',' && s[i + 1] == ' ') { /* ", wash.", ", n.m., march 29" */
        size_t more;
        size_t j = bare_place_words(s, i + 2, len, BARE_REGION_MAX_WORDS, &more);
        if (!more)
            return 0;
        i = j;
        if (i + 1 < len && s[i] == ',' && s[i + 1] == ' ') {
            j = bare_place_words(s, i + 2, len, BARE_REGION_MAX_WORDS, &more);
            if (!more)
                return 0;
            i = j;
        }
    }
    if (i == 0 || s[i - 1] != ' ')
        return 0;
    size_t d = dash_at(s, i, len);
    if (!d)
        return 0;
    size_t k = i + d;
    if (aside_follows(s, k, len) || count_words(s, k, len) < BARE_WORDS_LEFT_MIN)
        return 0;
    return k;
}

/* ---- AP's running-story header ------------------------------------------ */

/* How far into a sentence the "( all times local )" of a header may stand:
 * the story's name is a headline, "the latest on the sentencing of michael
 * cohen, a former lawyer for president donald trump". */
#define HEADER_MAX_BYTES 400

static size_t digits_at(const char *s, size_t i, size_t len)
{
    size_t k = i;
    while (k < len && ascii_digit((unsigned char)s[k]))
        k++;
    return k - i;
}

/* Past an update's time at s[i] ("9: 25 a.m.", "10 p.m.:", "12:44 p.m."),
 * or i if there is none. */
static size_t time_end(const char *s, size_t i, size_t len)
{
    size_t n = digits_at(s, i, len);
    if (n == 0 || n > 2)
        return i;
    size_t k = i + n;
    if (k < len && s[k] == ':') {
        size_t m = skip_spaces(s, k + 1, len);
        if (digits_at(s, m, len) != 2)
            return i;
        k = m + 2;
    }
    k = skip_spaces(s, k, len);
    if (k + 3 > len || (strncasecmp(s + k, "a.m", 3) && strncasecmp(s + k, "p.m", 3)))
        return i;
    k += 3;
    if (k < len && s[k] == '.')
        k++;
    if (k < len && s[k] == ':')
        k++;
    return k;
}

size_t running_header_length(const char *s, size_t len, int *whole)
{
    static const char opening[] = "the latest";
    static const char times[] = "all times ";
    *whole = 0;
    if (len < sizeof opening - 1 || strncasecmp(s, opening, sizeof opening - 1))
        return 0;
    size_t limit = len < HEADER_MAX_BYTES ? len : HEADER_MAX_BYTES, k = 0;
    for (size_t i = sizeof opening - 1; !k && i < limit; i++) {
        if (s[i] != '(') /* "( all times local )", "(all times EDT)" */
            continue;
        size_t j = skip_spaces(s, i + 1, len);
        if (j + sizeof times - 1 <= len && !strncasecmp(s + j, times, sizeof times - 1))
            k = j + sizeof times - 1;
    }
    if (!k)
        return 0;
    while (k < len && ascii_letter((unsigned char)s[k])) /* "local", "eastern", "edt" */
        k++;
    k = skip_spaces(s, k, len);
    if (k >= len || s[k] != ')')
        return 0;
    k = skip_spaces(s, k + 1, len);
    if (k < len && s[k] == ':')
        k = skip_spaces(s, k + 1, len);
    if (k < len && s[k] == '_') { /* AP's rule between the header and the update */
        while (k < len && s[k] == '_')
            k++;
        k = skip_spaces(s, k, len);
    }
    k = skip_spaces(s, time_end(s, k, len), len);
    *whole = count_words(s, k, len) < WORDS_LEFT_MIN;
    return k;
}

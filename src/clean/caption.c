/*
 * caption.c: photo captions by their conventions (see caption.h).
 *
 * Plain byte scans, ASCII case folded: captions in every source seen so
 * far (AP, Reuters, AFP, Getty, papers' own) use ASCII for all three
 * conventions, and the lower-cased Multi-News copies keep them intact.
 */
#include "clean/caption.h"

#include <string.h>
#include <strings.h>

#include "text/token.h"

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does s[i..len) start with word (lower case), case folded? Returns the
 * index after it, or 0 when it does not. */
static size_t match(const char *s, size_t len, size_t i, const char *word)
{
    size_t n = strlen(word);
    return i + n <= len && strncasecmp(s + i, word, n) == 0 ? i + n : 0;
}

/* The first of words that s[i..) starts with: the index after it, or 0. */
static size_t match_any(const char *s, size_t len, size_t i, const char *const *words)
{
    for (; *words; words++) {
        size_t j = match(s, len, i, *words);
        if (j)
            return j;
    }
    return 0;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* ", left," ", second from right," ... : where someone stands. */
static int comma_position(const char *s, size_t len, size_t i)
{
    static const char *const prefixes[] = {"far ", "second from ", "third from ", NULL};
    static const char *const sides[] = {"left", "right", "center", "centre", NULL};
    if (s[i] != ',' || i + 1 >= len || s[i + 1] != ' ')
        return 0;
    size_t j = i + 2, p = match_any(s, len, j, prefixes);
    j = match_any(s, len, p ? p : j, sides);
    return j && j < len && s[j] == ',';
}

/* " ( l-r )", " (from left)": the bracketed form. A bare "( l )" or
 * "( r )" is left alone: "rep. steve king ( r ) said" is a party, not a
 * place in a picture. The space before it keeps "Brand(R)" out. */
static int bracket_position(const char *s, size_t len, size_t i)
{
    static const char *const marks[] = {"l-r", "l to r", "from left", NULL};
    if (s[i] != '(' || (i > 0 && s[i - 1] != ' '))
        return 0;
    size_t j = match_any(s, len, skip_spaces(s, len, i + 1), marks);
    if (!j)
        return 0;
    j = skip_spaces(s, len, j);
    return j < len && s[j] == ')';
}

static int has_position(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (comma_position(s, len, i) || bracket_position(s, len, i))
            return 1;
        if ((i == 0 || s[i - 1] == ' ') && (match(s, len, i, "from left:") || match(s, len, i, "left to right:")))
            return 1;
    }
    return 0;
}

/* "File - " / "FILE -- " / "File: " / "File — ": the agencies' file tag. */
static size_t file_tag(const char *s, size_t len)
{
    size_t i = match(s, len, 0, "file");
    if (!i)
        return 0;
    size_t j = skip_spaces(s, len, i), start = j;
    while (j < len) {
        if (s[j] == '-' || s[j] == ':')
            j++;
        else if (j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
                 ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
            j += 3; /* en or em dash */
        else
            break;
    }
    return j > start ? skip_spaces(s, len, j) : 0;
}

/* "In this ... photo", "This undated image provided by ...": a photo
 * word within the first few words of a sentence that opens on "this". */
static int photo_opener(const char *s, size_t len)
{
    static const char *const photo_words[] = {"photographs", "photograph", "photos", "photo", "images", "image",
                                              "pictures", "picture", NULL};
    /* what follows the photo word in a caption: "photo provided by",
     * "image made from video", "file photo, ..."; not "pictures of the
     * missing girl hang ..." or "this image problem" */
    static const char *const cues[] = {",", " provided", " released", " made", " taken", " shows", " showing",
                                       " obtained", " captured", " posted", " courtesy", " dated", NULL};
    if (match(s, len, 0, "file photo"))
        return 1;
    size_t i = file_tag(s, len);
    size_t j = match(s, len, i, "in this ");
    if (!j)
        j = match(s, len, i, "this ");
    if (!j)
        return 0;
    for (int words = 0; words < 10 && j < len; words++) {
        size_t k = match_any(s, len, j, photo_words);
        if (k && match_any(s, len, k, cues))
            return 1;
        while (j < len && s[j] != ' ')
            j++;
        j = skip_spaces(s, len, j);
    }
    return 0;
}

/* Back over the letters that end at e: their start. */
static size_t word_start(const char *s, size_t e)
{
    while (e > 0 && is_letter((unsigned char)s[e - 1]))
        e--;
    return e;
}

static int word_in(const char *s, size_t a, size_t b, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == b - a && match(s, b, a, *words))
            return 1;
    return 0;
}

/* "..., tuesday, dec. 22, 2015." / "..., sept. 23, 2015.": a full date
 * closing the sentence after a comma or a weekday. */
static int closing_date(const char *s, size_t len)
{
    static const char *const months[] = {"jan", "january", "feb", "february", "mar", "march", "apr",
                                         "april", "may", "jun", "june", "jul", "july", "aug", "august",
                                         "sep", "sept", "september", "oct", "october", "nov", "november",
                                         "dec", "december", NULL};
    static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                           "saturday", "sunday", NULL};
    size_t e = len;
    while (e > 0 && s[e - 1] == ' ')
        e--;
    if (e > 0 && s[e - 1] == '.')
        e--;
    /* the year */
    if (e < 4 || !is_digit((unsigned char)s[e - 1]) || !is_digit((unsigned char)s[e - 2]) ||
        !((s[e - 4] == '1' && s[e - 3] == '9') || (s[e - 4] == '2' && s[e - 3] == '0')))
        return 0;
    e -= 4;
    if (e > 0 && is_digit((unsigned char)s[e - 1]))
        return 0;
    if (e < 2 || s[e - 1] != ' ' || s[e - 2] != ',')
        return 0;
    e -= 2;
    /* the day */
    size_t d = e;
    while (d > 0 && e - d < 3 && is_digit((unsigned char)s[d - 1]))
        d--;
    if (d == e || e - d > 2 || d == 0 || s[d - 1] != ' ')
        return 0;
    e = d - 1;
    /* the month, maybe abbreviated */
    if (e > 0 && s[e - 1] == '.')
        e--;
    size_t m = word_start(s, e);
    if (m == e || !word_in(s, m, e, months))
        return 0;
    /* a comma, or a weekday (with or without its comma), before it */
    if (m < 2 || s[m - 1] != ' ')
        return 0;
    size_t w = m - 1;
    if (s[w - 1] == ',') {
        w--;
        size_t ws = word_start(s, w);
        if (ws < w && word_in(s, ws, w, weekdays))
            return !(ws >= 3 && match(s, ws, ws - 3, "on "));
        if (w > 0 && s[w - 1] != ' ' && !is_digit((unsigned char)s[w - 1]))
            return 1; /* "..., in sydney, september 15, 2009.", "holland, mich., oct. 10, 2012." */
    }
    size_t ws = word_start(s, w);
    if (ws == w || !word_in(s, ws, w, weekdays))
        return 0;
    /* "... launched the rover on thursday, july 30, 2020.": a story's date */
    return !(ws >= 3 && match(s, ws, ws - 3, "on "));
}

int is_photo_caption(const char *s, size_t len)
{
    if (len == 0 || count_words(s, 0, len) > CAPTION_MAX_WORDS)
        return 0;
    return photo_opener(s, len) || has_position(s, len) || closing_date(s, len);
}

/* The story must keep at least this many words after a cut credit. */
#define CAPTION_STORY_MIN_WORDS 6
#define CREDIT_MAX_BYTES 100

/* The label of a credit in brackets and its colon at s[i] ("photo:",
 * "picture :", "credit:"): the index after the colon, or 0. Pages label
 * credits in all these ways ("Belgian beer being poured ( picture: getty
 * ) ...", "Tammy waddell ( credit: family photo ) ..."); longer labels
 * come before the shorter ones they start with. */
size_t credit_label_end(const char *s, size_t len, size_t i)
{
    static const char *const labels[] = {"photo credit", "image credit", "photos", "photo", "pictures",
                                         "picture",      "images",       "image",  "credit", NULL};
    size_t j = match_any(s, len, i, labels);
    if (!j)
        return 0;
    j = skip_spaces(s, len, j);
    return j < len && s[j] == ':' ? j + 1 : 0;
}

/* The ')' that closes a credit whose text starts at s[j], within
 * CREDIT_MAX_BYTES of its '(' at i; one bracket may nest in it ("( photo:
 * kent county jail, courtesy wzzm-tv ( grand rapids ) )"). Its index, or
 * len when there is none. */
static size_t credit_close(const char *s, size_t len, size_t i, size_t j)
{
    int depth = 1;
    for (; j < len && j - i < CREDIT_MAX_BYTES; j++) {
        if (s[j] == '(' && ++depth > 2)
            return len;
        if (s[j] == ')' && --depth == 0)
            return j;
    }
    return len;
}

/* word_in for s[a..b) less the spaces at its ends. */
static int trimmed_in(const char *s, size_t a, size_t b, const char *const *words)
{
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    return word_in(s, a, b, words);
}

/* A credit signed with a slash, no label before it: the photographer and
 * the agency or paper ("( evan vucci/ap )", "( sarah parnass/the
 * washington post )", "( afp/getty images )"), or the agency's own form
 * ("( ap photo/evan vucci )"), several photographers before one slash
 * ("( sarah parnass, osman malik/the washington post )"). A bracket of at
 * most CREDIT_MAX_WORDS words without a digit, whose part after the last
 * slash is an agency, or which opens with an agency's photo line. The ')'
 * that closes it, or len. */
#define CREDIT_MAX_WORDS 10
static size_t signed_credit_close(const char *s, size_t len, size_t i)
{
    static const char *const agencies[] = {"ap",        "associated press", "ap images", "reuters", "getty images",
                                           "getty",     "afp",              "epa",       "epa-efe", "efe",
                                           "bloomberg", "shutterstock",     "istockphoto", "xinhua", "invision",
                                           "the washington post", "afp via getty images", NULL};
    static const char *const openers[] = {"ap photo", "afp photo", "reuters photo", NULL};
    size_t first_slash = 0, last_slash = 0;
    int words = 0; /* between spaces and slashes */
    for (size_t j = i + 1; j < len && j - i < CREDIT_MAX_BYTES; j++) {
        unsigned char ch = (unsigned char)s[j];
        if (ch == ')') {
            if (!last_slash || words > CREDIT_MAX_WORDS)
                return len;
            return trimmed_in(s, last_slash + 1, j, agencies) || trimmed_in(s, i + 1, first_slash, openers) ? j : len;
        }
        if (ch == '(' || is_digit(ch))
            return len;
        if (ch == '/') {
            first_slash = first_slash ? first_slash : j;
            last_slash = j;
        }
        words += ch != ' ' && ch != '/' && (s[j - 1] == ' ' || s[j - 1] == '/' || s[j - 1] == '(');
    }
    return len;
}

int photo_credit_follows(const char *s, size_t len)
{
    static const char *const labels[] = {"photo credit", "image credit", "photo", "image", "credit", NULL};
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) /* a credit on its own line too */
        i++;
    size_t g = match(s, len, i, "photograph"); /* the Guardian's "Photograph: ignacio lopez/epa" */
    if (g && (g = skip_spaces(s, len, g)) < len && s[g] == ':')
        return 1;
    if (i >= len || s[i] != '(')
        return 0;
    size_t j = match_any(s, len, skip_spaces(s, len, i + 1), labels);
    if (j && (j = skip_spaces(s, len, j)) < len && s[j] == ':') {
        for (j++; j < len && j - i < CREDIT_MAX_BYTES; j++)
            if (s[j] == ')')
                return 1;
        return 0;
    }
    /* or signed with a slash: "( photo by stacy revere/getty images )" */
    return signed_credit_close(s, len, i) < len;
}

size_t caption_prefix_length(const char *s, size_t len)
{
    size_t limit = len < CAPTION_PREFIX_BYTES ? len : CAPTION_PREFIX_BYTES;
    for (size_t i = 0; i < limit; i++) {
        /* now tried on every sentence of an article: go from bracket to bracket */
        const char *open = memchr(s + i, '(', limit - i);
        if (!open)
            return 0;
        i = (size_t)(open - s);
        if (i > 0 && s[i - 1] != ' ')
            continue;
        size_t j = credit_label_end(s, len, skip_spaces(s, len, i + 1));
        if (j) {
            j = credit_close(s, len, i, j);
            if (j >= len)
                return 0;
        } else if ((j = signed_credit_close(s, len, i)) >= len) {
            continue;
        }
        j = skip_spaces(s, len, j + 1);
        /* "Mayor Jane Smith, shown here ( photo: ap ), said ...": what
         * follows must start a sentence, not go on with this one */
        if (j >= len ||
            !(is_letter((unsigned char)s[j]) || is_digit((unsigned char)s[j]) || s[j] == '"' || s[j] == '\''))
            return 0;
        return count_words(s, j, len) >= CAPTION_STORY_MIN_WORDS ? j : 0;
    }
    return 0;
}

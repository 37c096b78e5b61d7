/*
 * sentence_edges.c: page furniture, credits and bylines glued to a
 * sentence's start, unbalanced quotes, and sentences that lean on the one
 * before; see sentence_edges.h. (Datelines: clean/page_dateline.h.)
 */
#include "clean/sentence_edges.h"
#include "clean/caption.h"

#include <string.h>
#include <strings.h>

#include "text/token.h"

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* 1 if s[i..end) is one of the words, in any case. */
static int word_in(const char *s, size_t i, size_t end, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strlen(words[k]) == end - i && !strncasecmp(s + i, words[k], end - i))
            return 1;
    return 0;
}

/* End of the ASCII word at s[i], or i if none starts there. */
static size_t word_end(const char *s, size_t i, size_t len)
{
    while (i < len && ascii_letter(s[i]))
        i++;
    return i;
}

/* The first byte at or after s[i] that is not a space. */
static size_t skip_spaces(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* ---- furniture glued to the start of a sentence ------------------------ */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* If phrase (lower case, single spaces) starts at s[i], ignoring case and
 * matching each of its spaces to a run of white space, the offset just
 * past it; else 0. A phrase ending in a letter or a digit must not run on
 * into more of them ("advertisements", "buzz600"). */
static size_t phrase_at(const char *s, size_t i, size_t len, const char *phrase)
{
    for (const char *p = phrase; *p; p++) {
        if (*p == ' ') {
            if (i >= len || !is_space(s[i]))
                return 0;
            while (i < len && is_space(s[i]))
                i++;
        } else if (i < len && lower(s[i]) == *p) {
            i++;
        } else {
            return 0;
        }
    }
    char last = phrase[strlen(phrase) - 1], next = i < len ? lower(s[i]) : ' ';
    int word_end = (last >= 'a' && last <= 'z') || (last >= '0' && last <= '9');
    if (word_end && ((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9')))
        return 0;
    return i;
}

/* The first offset past close within the next max_words words from i, or 0. */
static size_t close_within(const char *s, size_t i, size_t len, const char *close, int max_words)
{
    for (int words = 0; i < len && words <= max_words; i++) {
        size_t e = phrase_at(s, i, len, close);
        if (e)
            return e;
        words += is_space(s[i]) && i + 1 < len && !is_space(s[i + 1]);
    }
    return 0;
}

/* What may follow "Advertisement" when the word is the sentence's own
 * subject or part of it: "Advertisement revenue fell", "Advertisement for
 * the show ran for weeks", "Advertisement is a trade". After anything else
 * the word is a widget's label glued to the next sentence: of 40 such
 * openings sampled from Multi-News's training articles, 40 were
 * ("Advertisement soros, a political activist ...", "Advertisement in
 * response, ...", "Advertisement the study ..."). */
static int continues_advertisement(const char *s, size_t i, size_t len)
{
    static const char *const words[] = {
        "for", "of", "revenue", "revenues", "spending", "sales", "market", "markets", "industry", "agency",
        "agencies", "campaign", "campaigns", "budget", "budgets", "costs", "rates", "space", "executive",
        "executives", "deal", "deals", "is", "was", "were", "are", "has", "had", "ran", "aired", "featured",
        "features", "shows", "showed", "said", "says", "that", "which", NULL};
    for (int k = 0; words[k]; k++)
        if (phrase_at(s, i, len, words[k]))
            return 1;
    return 0;
}

/* Widgets, captions and credits that flattened web pages leave in front of
 * a sentence ("Story highlights", "Image copyright AFP Image caption", the
 * BBC's credit without its caption, "Image copyright Getty Images",
 * "Advertisement", Politico's "Story
 * continued below", the Times's "Continue reading the main story"). With
 * close, the piece runs to the first close within max_words words and is
 * skipped only if one is there; with opener, only if what follows does not
 * continue it (continues_advertisement). Longer openings come before
 * shorter ones they start with. */
static const struct {
    const char *open, *close;
    int max_words, opener;
} furniture[] = {
    {"story highlights", NULL, 0, 0},
    {"media playback is unsupported on your device media caption", NULL, 0, 0},
    {"media playback is unsupported on your device", NULL, 0, 0},
    {"image copyright", "image caption", 8, 0},
    {"image copyright afp/getty images", NULL, 0, 0},
    {"image copyright getty images", NULL, 0, 0},
    {"image copyright science photo library", NULL, 0, 0},
    {"image copyright thinkstock", NULL, 0, 0},
    {"image copyright reuters", NULL, 0, 0},
    {"image copyright afp", NULL, 0, 0},
    {"image copyright epa", NULL, 0, 0},
    {"image copyright ap", NULL, 0, 0},
    {"image copyright pa", NULL, 0, 0},
    {"image caption", NULL, 0, 0},
    {"media caption", NULL, 0, 0},
    {"view full caption", "\xe2\x80\x94", 8, 0}, /* DNAinfo: the credit and the dateline up to its dash */
    {"view full caption", NULL, 0, 0},
    {"from wikipedia, the free encyclopedia", NULL, 0, 0},
    {"text size - + reset", NULL, 0, 0},
    {"hide caption", "photos:", 6, 0},
    {"hide caption", NULL, 0, 0},
    {"( watch", ")", 6, 0}, /* a pointer to the page's video: "( watch below ) a man survived ..." */
    {"(watch", ")", 6, 0},
    {"( click here", ")", 10, 0}, /* "( click here to see the flyer ) coach magwood has ..." */
    {"(click here", ")", 10, 0},
    {"( ap photo", ")", 15, 0},
    {"(ap photo", ")", 15, 0},
    {"( associated press )", NULL, 0, 0},
    {"story continued below", NULL, 0, 0},
    {"photo advertisement continue reading the main story", NULL, 0, 0},
    {"advertisement continue reading the main story", NULL, 0, 0},
    {"continue reading the main story", NULL, 0, 0},
    {"continue reading below", NULL, 0, 0},
    {"story continues below", NULL, 0, 0},
    {"advertisementskip", NULL, 0, 0},
    {"advertisement:", NULL, 0, 0},
    {"advertisement", NULL, 0, 1},
    {"please enable javascript to watch this video", NULL, 0, 0},
    {"close skip in skip x embed x share", NULL, 0, 0}, /* Gannett's video player */
    {"buzz60", NULL, 0, 0},                             /* ... the video's source */
    {"buy photo", NULL, 0, 0},                          /* Gannett's photo store */
    {"skip in skip x embed x share", NULL, 0, 0},
    {"share this article facebook twitter linkedin email", NULL, 0, 0},
};

static size_t furniture_at(const char *s, size_t i, size_t len)
{
    if (i >= len)
        return 0;
    char first = lower(s[i]);
    for (size_t k = 0; k < sizeof furniture / sizeof *furniture; k++) {
        if (furniture[k].open[0] != first) /* every sentence comes here: skip the calls */
            continue;
        size_t e = phrase_at(s, i, len, furniture[k].open);
        if (e && furniture[k].close)
            e = close_within(s, e, len, furniture[k].close, furniture[k].max_words);
        if (e && furniture[k].opener) {
            size_t next = e;
            while (next < len && is_space(s[next]))
                next++;
            e = next > e && next < len && !continues_advertisement(s, next, len) ? e : 0;
        }
        if (e)
            return e;
    }
    return 0;
}

/* A credit or a gallery's link in brackets under a picture's label:
 * "( photo: mark humphrey, ap )", "( photos: ben quayle's life and career
 * )", "( pictures: scenes from ... )", "(credit: cbs)". Runs to the first
 * ')' within 15 words. Returns the offset past it, or 0. */
static size_t bracket_credit_at(const char *s, size_t i, size_t len)
{
    if (i >= len || s[i] != '(')
        return 0;
    size_t e = credit_label_end(s, len, skip_spaces(s, i + 1, len));
    return e ? close_within(s, e, len, ")", 15) : 0;
}

/* Bloomberg's audio widget: "Listen to article 4: 26" (the length, which
 * Multi-News spaced after the colon). */
static size_t listen_at(const char *s, size_t i, size_t len)
{
    size_t e = phrase_at(s, i, len, "listen to article");
    if (!e)
        return 0;
    e = skip_spaces(s, e, len);
    size_t d = e;
    while (d < len && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d == e || d >= len || s[d] != ':')
        return 0;
    e = skip_spaces(s, d + 1, len);
    for (d = e; d < len && s[d] >= '0' && s[d] <= '9';)
        d++;
    return d > e ? d : 0;
}

/* The end of the run of non-space bytes at s[i]. */
static size_t token_end(const char *s, size_t i, size_t len)
{
    while (i < len && !is_space(s[i]))
        i++;
    return i;
}

/* Digits from s[i], at least min and at most max of them: the offset past
 * them, or 0. */
static size_t digits_from(const char *s, size_t i, size_t len, size_t min, size_t max)
{
    size_t d = i;
    while (d < len && d - i < max && s[d] >= '0' && s[d] <= '9')
        d++;
    return d - i >= min && (d == len || s[d] < '0' || s[d] > '9') ? d : 0;
}

/* A video's running time as Multi-News spaced it, "2: 23": the offset past
 * it, or 0. */
static size_t duration_at(const char *s, size_t i, size_t len)
{
    size_t d = digits_from(s, i, len, 1, 2);
    if (!d || d >= len || s[d] != ':')
        return 0;
    return digits_from(s, skip_spaces(s, d + 1, len), len, 2, 2);
}

/* NBC's video player, flattened: "Play Facebook Twitter Embed", the
 * video's title and its running time, then the story ("play facebook
 * twitter embed towering dust storm forms over phoenix 2: 23 a massive
 * dust storm moved ..."). The offset past the running time, or 0 when
 * none comes within 30 words (the title cannot be told from the story). */
static size_t video_player_at(const char *s, size_t i, size_t len)
{
    size_t e = phrase_at(s, i, len, "play facebook twitter embed");
    if (!e)
        return 0;
    for (int words = 0; e < len && words < 30; words++) {
        e = skip_spaces(s, e, len);
        size_t d = duration_at(s, e, len);
        if (d)
            return d;
        e = token_end(s, e, len);
    }
    return 0;
}

/* A list's bullet: "--", "-", "_" (AP's), "*" or "\u2022", then a space
 * ("-- July 25, 2000: An Air France Concorde ... crashes"), or "--" or
 * "-" run into a capital. A summary prints the item, not the list's typography.
 * The offset past the bullet, or 0. */
static size_t bullet_at(const char *s, size_t i, size_t len)
{
    size_t n = 0;
    if (i + 1 < len && s[i] == '-' && s[i + 1] == '-')
        n = 2;
    else if (i < len && (s[i] == '-' || s[i] == '_' || s[i] == '*'))
        n = 1;
    else if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0xA2)
        n = 3;
    if (!n || i + n >= len)
        return 0;
    /* AP also runs its dashes into the item: "--Stock more vehicles ...",
     * and the New York Times wire a single one: "-Public notice and
     * public comment ...". A minus sign comes before a digit, not a
     * capital. */
    int glued = (n == 2 || (n == 1 && s[i] == '-')) && s[i + n] >= 'A' && s[i + n] <= 'Z';
    return is_space(s[i + n]) || glued ? i + n : 0;
}

/* A related story's headline run into the next sentence by its link's
 * label, as flattened pages give it: "combing human genome reveals roots
 * of hair diversity read more it was initially assumed that ..." (the
 * Guardian), "ricki lake sued for starting house fire email this ricki
 * lake is busy ..." (AOL). The label must come after three words or more
 * with no stop among them (a headline has none), not after a word that
 * makes "read" a verb ("who read more", "to read more") or before one
 * that reads as its object ("read more books"), and before six words or
 * more. The offset past the label, or 0. */
static size_t headline_label_at(const char *s, size_t i, size_t len)
{
    static const char *const labels[] = {"read more", "email this"};
    static const char *const verb_before[] = {"to", "can", "could", "will", "would", "should", "who", "that",
                                              "you", "we", "they", "i", "he", "she", "and", "or", "please",
                                              "click", "tap", "also", "often", "to", "not", "never", "might"};
    /* "students read more books than ever": the verb's object or its
     * comparison follows */
    static const char *const object_after[] = {"than", "about", "books", "book", "of", "news", "widely",
                                               "often", "closely", "carefully", "and", "or"};
    /* every sentence comes here, and almost none holds a label */
    if (!memmem(s + i, len - i, "ead more ", 9) && !memmem(s + i, len - i, "mail this ", 10))
        return 0;
    size_t words = 1, prev = i;
    for (size_t j = i; j < len && words <= 25; j++) {
        if (s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == ':')
            return 0;
        if (!is_space(s[j]) || j + 1 >= len || is_space(s[j + 1]))
            continue;
        /* s[j + 1] starts a word */
        size_t w = j + 1;
        for (size_t k = 0; k < COUNT(labels) && words >= 3; k++) {
            size_t e = phrase_at(s, w, len, labels[k]);
            if (!e || e >= len || !is_space(s[e]) || word_in(s, prev, j, verb_before, COUNT(verb_before)))
                continue;
            size_t next = skip_spaces(s, e, len);
            if (word_in(s, next, word_end(s, next, len), object_after, COUNT(object_after)))
                continue;
            if (count_words(s, e, len) >= 6)
                return skip_spaces(s, e, len);
        }
        prev = w;
        words++;
    }
    return 0;
}

/* Whether s[i..end), between "«" and "»", is a pager's ("previous | main
 * | next", or the two stories' headlines about "| main |") or a picture
 * counter's ("1"), not a quotation. */
static int pager_between(const char *s, size_t i, size_t end)
{
    static const char *const pager[] = {"previous", "prev", "next"};
    if (memmem(s + i, end - i, "| main |", 8) || memmem(s + i, end - i, "&#124; main &#124;", 18))
        return 1;
    int digits_only = 1;
    for (size_t j = i; j < end; j++) {
        if (ascii_letter(s[j]) && (j == i || !ascii_letter(s[j - 1])) && word_in(s, j, word_end(s, j, end), pager, COUNT(pager)))
            return 1;
        digits_only &= is_space(s[j]) || (s[j] >= '0' && s[j] <= '9');
    }
    return digits_only;
}

/* A link's arrow that a flattened page ran into the story, after a related
 * story's headline or a widget: "Printer-friendly » e-mail this to a
 * friend » i know how ...", "see the timeline » reports of ...", "«
 * previous | main | next » white house ...". The arrow must follow one to
 * 25 words with no stop among them (a headline has none) and come before
 * six words or more. A "«" before it makes the two quotation marks, as
 * French writes them, unless what they enclose is a pager or a counter.
 * The offset past the arrow, or 0. */
static size_t link_arrow_at(const char *s, size_t i, size_t len)
{
    /* every sentence comes here: memchr finds the arrow's second byte
     * fastest (0xbb also ends other characters: "Ż", "ừ") */
    const char *arrow = s + i;
    while ((arrow = memchr(arrow, 0xbb, len - (size_t)(arrow - s))) && (arrow == s + i || (unsigned char)arrow[-1] != 0xc2))
        arrow++;
    if (!arrow)
        return 0;
    size_t a = (size_t)(arrow - s) - 1, words = 0, open = a;
    for (size_t j = i; j < a; j++) {
        if (s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == ':')
            return 0;
        if (j + 1 < a && (unsigned char)s[j] == 0xc2 && (unsigned char)s[j + 1] == 0xab) /* « */
            open = j;
        words += !is_space(s[j]) && (j == i || is_space(s[j - 1]));
    }
    if (words == 0 || words > 25 || (open < a && !pager_between(s, open + 2, a)))
        return 0;
    size_t e = skip_spaces(s, a + 2, len);
    return count_words(s, e, len) >= 6 ? e : 0;
}

/* YouTube's description header: "Published on Jul 18, 2017" (also "Sept.",
 * "July"), before the uploader's text. The offset past the year, or 0. */
static size_t published_on_at(const char *s, size_t i, size_t len)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    size_t e = phrase_at(s, i, len, "published on ");
    if (!e || len - e < 3)
        return 0;
    int month = 0;
    for (size_t k = 0; k < sizeof months / sizeof *months && !month; k++)
        month = lower(s[e]) == months[k][0] && lower(s[e + 1]) == months[k][1] && lower(s[e + 2]) == months[k][2];
    if (!month)
        return 0;
    e = token_end(s, e, len);
    size_t d = digits_from(s, skip_spaces(s, e, len), len, 1, 2);
    if (!d || d >= len || s[d] != ',')
        return 0;
    return digits_from(s, skip_spaces(s, d + 1, len), len, 4, 4);
}

/* NPR's photo widget: "enlarge this image toggle caption" and the credit,
 * which a flattened page gives twice ("enlarge this image toggle caption
 * wade payne/ap wade payne/ap former university of tennessee ..."), or
 * once, ending in the agency ("toggle caption jeff gentner/ap federal mine
 * investigators ..."). The offset past the credit, past the widget alone if
 * no credit is seen, or 0. */
static size_t toggle_caption_at(const char *s, size_t i, size_t len)
{
    size_t e = phrase_at(s, i, len, "enlarge this image toggle caption");
    if (!e && !(e = phrase_at(s, i, len, "toggle caption")))
        return 0;
    size_t c = skip_spaces(s, e, len), w = c;
    for (int words = 1; words <= 8 && w < len; words++) {
        w = token_end(s, w, len);
        size_t n = w - c, again = skip_spaces(s, w, len);
        if (again > w && again + n <= len && strncasecmp(s + c, s + again, n) == 0 &&
            (again + n == len || is_space(s[again + n])))
            return again + n;
        w = skip_spaces(s, w, len);
    }
    w = c;
    for (int words = 0; words < 6 && w < len; words++) {
        size_t end = token_end(s, w, len);
        const char *slash = memchr(s + w, '/', end - w);
        if (slash) {
            if (phrase_at(s, (size_t)(slash - s) + 1, len, "getty images"))
                end = (size_t)(slash - s) + 1 + strlen("getty images");
            return end;
        }
        w = skip_spaces(s, end, len);
    }
    return e;
}

/* The photo agency whose name starts at s[g], as a credit signs it after
 * the photographer's slash: the offset past it, or 0. */
static size_t photo_agency_at(const char *s, size_t g, size_t len)
{
    static const char *const agencies[] = {"getty images", "filmmagic", "wireimage", "invision/ap", "invision", NULL};
    char first = lower(s[g]);
    if (first != 'g' && first != 'f' && first != 'w' && first != 'i')
        return 0;
    for (int k = 0; agencies[k]; k++) {
        size_t e = phrase_at(s, g, len, agencies[k]);
        if (e)
            return e;
    }
    return 0;
}

/* A photo credit in the agencies' "photographer/agency" form, ending in
 * "/getty images" (or Getty's FilmMagic and WireImage, or Invision) within
 * the first words ("( alex wong / getty images )", "&#124; chip
 * somodevilla/getty images", "michael tran/filmmagic"): the offset past
 * it, a ", file" and a closing bracket, or 0. The slash keeps a sentence
 * about the company ("The agency Getty Images said ...") whole. */
static size_t credit_at(const char *s, size_t i, size_t len)
{
    /* the first agency's name within the first words (where a word
     * starts), which must come after a slash */
    size_t g = i, e = 0;
    for (int words = 0; g < len && words <= 10; g++) {
        if ((g == i || is_space(s[g - 1]) || s[g - 1] == '/' || s[g - 1] == '(') &&
            (e = photo_agency_at(s, g, len)) > 0)
            break;
        words += is_space(s[g]) && g + 1 < len && !is_space(s[g + 1]);
    }
    if (!e)
        return 0;
    while (g > i && is_space(s[g - 1]))
        g--;
    if (g == i || s[g - 1] != '/')
        return 0;
    size_t f = phrase_at(s, e, len, ", file");
    e = f ? f : e;
    size_t k = e;
    while (k < len && is_space(s[k]))
        k++;
    return k < len && s[k] == ')' ? k + 1 : e;
}

/* A letter that may start a name: ASCII, or the lead byte of a Latin
 * letter with an accent ("é", "ñ", "ł": U+00C0 to U+017F), not of a dash
 * or a quotation mark. */
static int name_letter(char c)
{
    unsigned char u = (unsigned char)c;
    return ascii_letter(c) || (u >= 0xC3 && u <= 0xC5);
}

/* The end of a name's word at s[i]: letters, accented ones included,
 * hyphens, apostrophes and an initial's full stop ("seitz-wald",
 * "o'brien", "frédéric", "e."), or i. */
static size_t name_word_end(const char *s, size_t i, size_t len)
{
    while (i < len && (name_letter(s[i]) || ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] <= 0xBF) ||
                       s[i] == '-' || s[i] == '\'' || s[i] == '.'))
        i++;
    return i;
}

/* A person's name from s[i], in a credit or a byline where lower-cased
 * copy cannot say where it ends: two words, three when one of the first
 * two is an initial ("aaron p. bernstein", "j. scott applewhite"), one
 * when no word follows ("beawiharta ( indonesia"). Returns its end, or 0. */
static size_t name_at(const char *s, size_t i, size_t len)
{
    size_t end = 0;
    int initials = 0;
    for (int words = 0; words < 3; words++) {
        size_t w = words ? end + 1 : i;
        if ((words && (end >= len || s[end] != ' ')) || w >= len || !name_letter(s[w]))
            break;
        size_t e = name_word_end(s, w, len);
        initials += e - w == 2 && s[e - 1] == '.';
        end = e;
        if (words == 1 && !initials)
            break;
    }
    return end;
}

/* The end of a picture code at s[i] ("RTSAF6Q"): up to a space or a slash. */
static size_t credit_word_end(const char *s, size_t i, size_t len)
{
    while (i < len && !is_space(s[i]) && s[i] != '/')
        i++;
    return i;
}

/* Reuters's credit at the front of a sentence, the tail of a photo caption
 * that a flattened page ran into the story: "Reuters/Tim Wimborne San
 * Francisco - The latest novel ...", "Reuters/Eduardo Munoz/Files Jurors
 * needed ...", "Reuters/Max Rossi/File Photo The 18-minute video ...".
 * Lower-cased copy cannot say where the name ends, so it is taken to be
 * two words (three with an initial, "Aaron P. Bernstein": name_at), unless it
 * is one of the agency's labels; more "/..." parts may follow, "via
 * Reuters TV" ends one, and so do a closing bracket and a picture code
 * ("- RTSAF6Q"). "Reuters/Ipsos poll shows ..." is a sentence, not a
 * credit. Returns the offset past it, or 0. */
static size_t reuters_credit_at(const char *s, size_t i, size_t len)
{
    static const char *const labels[] = {"file photo", "file photos", "files",    "file", "illustration",
                                         "pool",       "handout",     "stringer", "kcna", "str",  "landov"};
    size_t e = phrase_at(s, i, len, "reuters/");
    if (!e)
        return 0;
    for (size_t k = e, words = 0; k < len && words < 4; k++) {
        if (is_space(s[k]))
            words++;
        if ((phrase_at(s, k, len, "poll") || phrase_at(s, k, len, "polls") || phrase_at(s, k, len, "ipsos") ||
             phrase_at(s, k, len, "survey")) &&
            (k == e || is_space(s[k - 1])))
            return 0;
    }
    for (int part = 0; part < 4; part++) {
        size_t l = 0;
        for (size_t k = 0; k < sizeof labels / sizeof *labels && !l; k++)
            l = phrase_at(s, e, len, labels[k]);
        if (!l) {
            size_t via = close_within(s, e, len, "via reuters tv", 6);
            via = via ? via : close_within(s, e, len, "via reuters", 6);
            l = via;
        }
        if (!l)
            l = name_at(s, e, len);
        if (!l || l == e)
            return 0;
        e = l;
        size_t via = phrase_at(s, e, len, " via reuters tv"); /* "Handout via Reuters TV" */
        via = via ? via : phrase_at(s, e, len, " via reuters");
        e = via ? via : e;
        if (e < len && s[e] == '/') {
            e++;
            continue;
        }
        break;
    }
    size_t k = skip_spaces(s, e, len);
    if (k < len && s[k] == ')')
        return k + 1;
    if (k + 5 < len && s[k] == '-' && s[k + 1] == ' ' && !strncasecmp(s + k + 2, "rt", 2)) { /* RTSAF6Q, RTX3ABCD */
        size_t code = credit_word_end(s, k + 2, len);
        return code - (k + 2) <= 9 ? code : e;
    }
    return e;
}

/* NBC News's byline, run into the story's first sentence: "/ updated by
 * maggie fox breast implants can cause ...", "/ updated by carol e. lee,
 * courtney kube and adam edelman washington — ...". The authors are read
 * as names of two words, joined by commas and a final "and"; one outlet
 * may follow a single author (", md", ", cnbc"). Returns the offset past
 * it, or 0. */
static size_t byline_at(const char *s, size_t i, size_t len)
{
    static const char *const outlets[] = {"md", "cnbc", "euronews", "nbc", "msnbc", "reuters", "ap", "today"};
    size_t e = phrase_at(s, i, len, "/ updated by ");
    if (!e || !(e = name_at(s, e, len)))
        return 0;
    for (int authors = 1; authors < 8; authors++) {
        size_t next;
        if ((next = phrase_at(s, e, len, " and ")) && (next = name_at(s, next, len)))
            return next; /* the last of the list */
        if (!(next = phrase_at(s, e, len, ", ")))
            return e;
        size_t more = name_at(s, next, len);
        if (more && (phrase_at(s, more, len, ", ") || phrase_at(s, more, len, " and "))) {
            e = more; /* a list goes on */
            continue;
        }
        size_t w = word_end(s, next, len);
        return authors == 1 && word_in(s, next, w, outlets, sizeof outlets / sizeof *outlets) ? w : e;
    }
    return e;
}

/* Words after "By" that open what a sentence says, not a name: "By the
 * time ...", "By now ...", "By then ...". A word in "-ing" does too ("By
 * using ..."). */
static const char *const not_names[] = {"the", "a",   "an",    "this", "that", "these", "those", "then", "now",
                                        "no",  "all", "its",   "his",  "her",  "their", "our",   "my",   "your",
                                        "far", "way", "which", "what", "whom"};

/* The word at s[i] may be part of a byline's name. */
static int may_name(const char *s, size_t i, size_t len)
{
    size_t e = word_end(s, i, len);
    if (e == i || word_in(s, i, e, not_names, sizeof not_names / sizeof *not_names))
        return 0;
    return !(e - i > 4 && !strncasecmp(s + e - 3, "ing", 3));
}

/* The author's post or paper after the name ("palm beach post staff
 * writer", "\u2013 radar reporter", "healthday reporter"): up to five
 * tokens, the last of them one of these. The offset past it, or e. */
static size_t role_after(const char *s, size_t e, size_t len)
{
    static const char *const roles[] = {"staff", "writer", "reporter", "correspondent", "editor"};
    static const char *const openers[] = {"the", "a", "an"};
    size_t past = e, k = e;
    for (int tokens = 0; tokens < 5; tokens++) {
        k = skip_spaces(s, k, len);
        size_t w = token_end(s, k, len);
        if (w == k || word_in(s, k, w, openers, sizeof openers / sizeof *openers))
            break;   /* the story's first sentence starts */
        if (word_in(s, k, w, roles, sizeof roles / sizeof *roles))
            past = w;
        k = w;
    }
    return past;
}

size_t byline_length(const char *s, size_t len)
{
    size_t e = phrase_at(s, 0, len, "by ");
    if (!e || !may_name(s, e, len) || !may_name(s, skip_spaces(s, word_end(s, e, len), len), len) ||
        !(e = name_at(s, e, len)) || (e < len && s[e] == ','))
        return 0;   /* "By late tuesday, the ...": a phrase of time */
    size_t more = phrase_at(s, e, len, " and "); /* "By tom winter and david k. Li" */
    if (more && may_name(s, more, len) && (more = name_at(s, more, len)))
        e = more;
    e = skip_spaces(s, role_after(s, e, len), len);
    size_t words = 0;
    for (size_t i = e; i + 1 < len; i++)
        words += is_space(s[i]) && !is_space(s[i + 1]);
    return words >= 3 ? e : 0;
}

/* A labelled credit that names only an agency: "Photo: getty", "Image:
 * AFP/Getty Images", "Photo credit: reuters". The label's other uses, a
 * caption or a video's title after it, have no end to find (see
 * opens_with_link_label). */
/* Labels of a picture or a video; the first CREDIT_LABELS of them may
 * stand before a credit alone. */
static const char *const picture_labels[] = {"photo credit", "image credit", "photograph", "photo",  "image",
                                              "credit",       "video",        "caption",    "photos", "images",
                                              "videos"};
#define CREDIT_LABELS 6

static size_t label_credit_at(const char *s, size_t i, size_t len)
{
    static const char *const agencies[] = {"afp/getty images", "getty images", "getty", "associated press", "ap photo",
                                           "ap",               "reuters",      "afp",   "epa",              "istockphoto",
                                           "istock",           "shutterstock", "thinkstock"};
    size_t e = 0;
    for (size_t k = 0; k < CREDIT_LABELS && !e; k++)
        e = phrase_at(s, i, len, picture_labels[k]);
    if (!e)
        return 0;
    e = skip_spaces(s, e, len);
    if (e >= len || s[e] != ':')
        return 0;
    e = skip_spaces(s, e + 1, len);
    for (size_t k = 0; k < sizeof agencies / sizeof *agencies; k++) {
        size_t a = phrase_at(s, e, len, agencies[k]);
        if (a)
            return a;
    }
    return 0;
}

/* The offset past a pipe at s[i], as a page's HTML left it ("&#124;")
 * or as a character, and the spaces after it; or 0. */
static size_t pipe_at(const char *s, size_t i, size_t len)
{
    size_t e = phrase_at(s, i, len, "&#124;");
    if (!e && i < len && s[i] == '|')
        e = i + 1;
    return e ? skip_spaces(s, e, len) : 0;
}

/* The agency whose whole name starts at s[i] in a credit after a pipe:
 * the offset past it, or 0 ("AP-NORC poll" and "Politico's" are the
 * story's words). */
static size_t pipe_agency_at(const char *s, size_t i, size_t len)
{
    static const char *const agencies[] = {"afp/getty images", "getty images", "getty", "ap photos", "ap photo",
                                           "ap", "reuters", "afp", "epa", "politico", NULL};
    for (int k = 0; agencies[k]; k++) {
        size_t a = phrase_at(s, i, len, agencies[k]);
        if (a && (a == len || is_space(s[a])))
            return a;
    }
    return 0;
}

/* A photo's credit after the pipe that ends its caption, Politico's way,
 * left at a sentence's front when the caption ended the sentence before:
 * "&#124; ap photo", "&#124; getty", "&#124; andrew harnik/ap photo". The
 * offset past it, or 0. */
static size_t pipe_credit_at(const char *s, size_t i, size_t len)
{
    size_t e = pipe_at(s, i, len);
    if (!e)
        return 0;
    size_t a = pipe_agency_at(s, e, len);
    if (a)
        return a;
    /* a photographer's name of a few words, then the slash and the agency */
    for (int words = 0; e < len && words < 5; words++) {
        while (e < len && !is_space(s[e]) && s[e] != '/')
            e++;
        if (e < len && s[e] == '/')
            return pipe_agency_at(s, skip_spaces(s, e + 1, len), len);
        e = skip_spaces(s, e, len);
    }
    return 0;
}

/* Reuters's pages give the place twice, the page's and the dateline's:
 * "Washington &#124; washington ( reuters ) - ...". The offset of the
 * second, or 0. */
static size_t place_twice_at(const char *s, size_t i, size_t len)
{
    /* most sentences have no pipe in their first words: look for its byte first */
    size_t spaces = 0, b = i;
    for (; b < len && spaces < 4 && s[b] != '&' && s[b] != '|'; b++)
        spaces += is_space(s[b]);
    if (b >= len || spaces >= 4)
        return 0;
    size_t p = i;
    for (int words = 0; p < len && words < 4; words++) {
        size_t e = pipe_at(s, p, len);
        if (e) {
            size_t n = p;
            while (n > i && is_space(s[n - 1]))
                n--;
            if (n == i || e + (n - i) >= len)
                return 0;
            for (size_t k = 0; k < n - i; k++)
                if (lower(s[i + k]) != lower(s[e + k]))
                    return 0;
            return e + (n - i) < len && is_space(s[e + (n - i)]) ? e : 0;
        }
        while (p < len && !is_space(s[p]))
            p++;
        p = skip_spaces(s, p, len);
    }
    return 0;
}

size_t furniture_prefix_length(const char *s, size_t len)
{
    size_t total = 0, e;
    /* They stack: "( ap photo ) ( associated press ) ...". */
    for (int k = 0; k < 4 && ((e = furniture_at(s, total, len)) > 0 || (e = bracket_credit_at(s, total, len)) > 0 ||
                               (e = credit_at(s, total, len)) > 0 ||
                               (e = reuters_credit_at(s, total, len)) > 0 || (e = byline_at(s, total, len)) > 0 ||
                               (e = listen_at(s, total, len)) > 0 || (e = toggle_caption_at(s, total, len)) > 0 ||
                               (e = label_credit_at(s, total, len)) > 0 ||
                               (e = video_player_at(s, total, len)) > 0 || (e = published_on_at(s, total, len)) > 0 ||
                               (e = bullet_at(s, total, len)) > 0 || (e = headline_label_at(s, total, len)) > 0 ||
                               (e = link_arrow_at(s, total, len)) > 0 ||
                               (e = pipe_credit_at(s, total, len)) > 0 || (e = place_twice_at(s, total, len)) > 0);
         k++) {
        total = e;
        while (total < len && is_space(s[total]))
            total++;
    }
    size_t words = 0;
    for (size_t i = total; i + 1 < len; i++)
        words += is_space(s[i]) && !is_space(s[i + 1]);
    return words >= 3 ? total : 0;
}

int furniture_ends_with_caption_label(const char *s, size_t len)
{
    static const char *const kinds[] = {"image", "media"};
    while (len > 0 && is_space(s[len - 1]))
        len--;
    size_t n = strlen("caption");
    if (len < n || phrase_at(s, len - n, len, "caption") != len)
        return 0;
    size_t e = len - n; /* the word before, through the white space between */
    if (e == 0 || !is_space(s[e - 1]))
        return 0;
    while (e > 0 && is_space(s[e - 1]))
        e--;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t w = strlen(kinds[k]);
        if (e >= w && (e == w || is_space(s[e - w - 1])) && phrase_at(s, e - w, e, kinds[k]) == e)
            return 1;
    }
    return 0;
}

/* Words after which "Close" opens a story's own words ("Close to 200
 * people ...", "Close friends said ...", "Close ties with ..."). */
static int continues_close(const char *s, size_t i, size_t len)
{
    static const char *const words[] = {
        "to",         "friend",      "friends",   "aide",      "aides",     "ally",      "allies",    "adviser",
        "advisers",   "advisor",     "advisors",  "associate", "associates", "confidant", "confidante", "relative",
        "relatives",  "family",      "ties",      "tie",       "call",      "calls",     "contact",   "contacts",
        "encounter",  "encounters",  "race",      "races",     "range",     "quarters",  "second",    "enough",
        "attention",  "inspection",  "cooperation", "observers", "watchers", "personal", "up",        "down",
        "out",        "by",          "behind",    "on",        "but",       "and",       "of",        "relationship",
        "relationships", "votes",    "vote",      "election",  "elections", "scrutiny",  "look",      "watch",
        "examination", "proximity",  "brothers", NULL};
    for (int k = 0; words[k]; k++)
        if (phrase_at(s, i, len, words[k]))
            return 1;
    return 0;
}

size_t video_close_length(const char *s, size_t len)
{
    size_t e = phrase_at(s, 0, len, "close");
    if (!e || e >= len || !is_space(s[e]))
        return 0;
    size_t next = e;
    while (next < len && is_space(s[next]))
        next++;
    if (next >= len || continues_close(s, next, len) || s[next] == ',' || s[next] == '.' || s[next] == ':')
        return 0;
    size_t words = 0;
    for (size_t i = next; i + 1 < len; i++)
        words += is_space(s[i]) && !is_space(s[i + 1]);
    return words >= 3 ? next : 0;
}

int opens_with_follow_prompt(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && is_space(s[i]))
        i++;
    if (phrase_at(s, i, len, "get email notifications on"))
        return 1;
    size_t e = phrase_at(s, i, len, "whenever");
    if (!e)
        return 0;
    for (int words = 0; e < len && words < 6; words++) { /* "whenever <the author> posts new content, you" */
        while (e < len && is_space(s[e]))
            e++;
        if (phrase_at(s, e, len, "posts new content, you"))
            return 1;
        while (e < len && !is_space(s[e]))
            e++;
    }
    return 0;
}

/* Whether phrase occurs in s[0..len) at a word's start, in any case. */
static int holds_phrase_at_word(const char *s, size_t len, const char *phrase)
{
    for (size_t i = 0; i < len; i++)
        if ((i == 0 || !ascii_letter(s[i - 1])) && lower(s[i]) == phrase[0] && phrase_at(s, i, len, phrase))
            return 1;
    return 0;
}

/* Words a prompt may have on either side of its "click here" ("To
 * subscribe to capitol fax, click here.", "Click here to see some of bill
 * gallo's most memorable cartoons."). Further in, the words are a
 * story's, which the page ran together with its link. */
#define PROMPT_SIDE_WORDS 10

/* Whether "click here" in s[0..len) is what the sentence says: near its
 * start or its end, and not quoted ('urged recipients to "click here"'). */
static int click_here_rules(const char *s, size_t len)
{
    /* Every sentence comes here: jump from one 'c' or 'C' to the next,
     * each looked for once. */
    const char *lo = memchr(s, 'c', len), *up = memchr(s, 'C', len);
    while (lo || up) {
        size_t i;
        if (lo && (!up || lo < up)) {
            i = (size_t)(lo - s);
            lo = i + 1 < len ? memchr(s + i + 1, 'c', len - i - 1) : NULL;
        } else {
            i = (size_t)(up - s);
            up = i + 1 < len ? memchr(s + i + 1, 'C', len - i - 1) : NULL;
        }
        if (i > 0 && ascii_letter(s[i - 1]))
            continue;
        size_t e = phrase_at(s, i, len, "click here");
        if (!e)
            continue;
        if (i > 0 && (s[i - 1] == '"' || s[i - 1] == '\'' || (i > 1 && s[i - 2] == '"')))
            continue;
        if (count_words(s, 0, i) <= PROMPT_SIDE_WORDS || count_words(s, e, len) <= PROMPT_SIDE_WORDS)
            return 1;
    }
    return 0;
}

int is_reader_prompt(const char *s, size_t len)
{
    static const char *const pointers[] = {"watch", "see", "check out", "take a look", "scroll"};
    static const char *const places[] = {"video above", "video below", "videos above", "videos below",
                                         "clip above",  "clip below",  "watch above",  "watch below"};
    if (click_here_rules(s, len))
        return 1;
    size_t i = 0;
    while (i < len && (is_space(s[i]) || s[i] == '(' || s[i] == '"'))
        i++;
    size_t e = phrase_at(s, i, len, "just one more thing"); /* a login wall's, before its notice */
    while (e && e < len && (is_space(s[e]) || s[e] == '.'))
        e++;
    if (e && (e == len || (e + 3 == len && !memcmp(s + e, "\xe2\x80\xa6", 3))))
        return 1;
    int pointing = 0;
    for (size_t k = 0; k < COUNT(pointers) && !pointing; k++)
        pointing = phrase_at(s, i, len, pointers[k]) != 0;
    for (size_t k = 0; pointing && k < COUNT(places); k++)
        if (holds_phrase_at_word(s, len, places[k]))
            return 1;
    return 0;
}

/* A link widget's label: "Related: <another story's headline>", or a
 * picture's or a video's: "Video: weiner's teary presser politico ...",
 * "Image: meechan was convicted ...". The headline or caption has no stop
 * of its own, so the story sentence it was glued to cannot be told from
 * it, and the whole sentence goes. (An agency's credit alone after
 * "Photo:" is cut by furniture_prefix_length first.) */
int opens_with_link_label(const char *s, size_t len)
{
    static const char *const labels[] = {"related",    "related coverage", "related stories", "related story",
                                         "more",       "read more",        "see more",        "see also",
                                         "also read",  "also see",         "watch",           "recommended"};
    size_t i = 0;
    /* ">> related:", "► watch:", "» related:", "( related: ... )", "[ related: ... ]" */
    while (i < len && (is_space(s[i]) || s[i] == '>' || s[i] == '(' || s[i] == '['))
        i++;
    if (i + 3 <= len && !memcmp(s + i, "\xe2\x96\xba", 3)) /* ► */
        i += 3;
    else if (i + 2 <= len && !memcmp(s + i, "\xc2\xbb", 2)) /* » */
        i += 2;
    while (i < len && is_space(s[i]))
        i++;
    const size_t nlinks = sizeof labels / sizeof *labels, npictures = sizeof picture_labels / sizeof *picture_labels;
    for (size_t k = 0; k < nlinks + npictures; k++) {
        size_t j = phrase_at(s, i, len, k < nlinks ? labels[k] : picture_labels[k - nlinks]);
        if (!j)
            continue;
        while (j < len && s[j] == ' ')
            j++;
        if (j < len && s[j] == ':')
            return 1;
    }
    return 0;
}

static size_t count(const char *s, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (size_t i = 0; i + k <= len; i++)
        if (!memcmp(s + i, needle, k)) {
            n++;
            i += k - 1;
        }
    return n;
}

/* A straight mark that is not an inch mark (5'10"). */
static int quote_mark_at(const char *s, size_t i)
{
    return s[i] == '"' && !(i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9');
}

int straight_quotes(const char *s, size_t len)
{
    int marks = 0;
    for (size_t i = 0; i < len; i++)
        marks += quote_mark_at(s, i);
    return marks;
}

int closes_quotation_first(const char *s, size_t len)
{
    size_t first = len, marks = 0;
    for (size_t i = 0; i < len; i++)
        if (quote_mark_at(s, i) && marks++ == 0)
            first = i;
    /* An even count opens and closes its own quotations: "Smith said,
     * \"We are not going anywhere.\"", "The U.S. \"will not back down,\" he
     * said." */
    if (marks % 2 == 0)
        return 0;
    /* A mark glued to the next word opens one: "the report said, \"the
     * risk". */
    if (first + 1 < len && ((s[first + 1] >= 'a' && s[first + 1] <= 'z') || (s[first + 1] >= 'A' && s[first + 1] <= 'Z')))
        return 0;
    size_t b = first;
    while (b > 0 && s[b - 1] == ' ')
        b--;
    /* Words before it, ending on the quotation's own punctuation:
     * "Some of them work for the government, \" Colbert said." */
    return b > 0 && (s[b - 1] == ',' || s[b - 1] == '.' || s[b - 1] == '?' || s[b - 1] == '!');
}

static const char *const pronouns[] = {"he", "she", "they", "his", "her", "their", "him", "them", "its"};

/* Whether a capitalised word other than the sentence's first comes
 * before byte `at`: a name the pronoun may stand for. */
static int named_before(const char *s, size_t at)
{
    size_t i = 0;
    while (i < at && !ascii_letter(s[i]))
        i++;
    i = word_end(s, i, at);
    for (; i < at; i++)
        if (s[i] >= 'A' && s[i] <= 'Z' && (s[i - 1] == ' ' || s[i - 1] == '('))
            return 1;
    return 0;
}

/* After the punctuation at s[i] that can close a quotation (",", and "?"
 * or "!" only with a closing quote after them): the start of the next
 * word, past the closing quote and the spaces, or 0 if none follows. */
static size_t word_after_quote(const char *s, size_t i, size_t len)
{
    int quote_needed = s[i] == '?' || s[i] == '!';
    if (s[i] != ',' && !quote_needed)
        return 0;
    size_t a = i + 1;
    int quoted = 0;
    for (int k = 0; k < 3 && a < len; k++) {
        if (s[a] == ' ') {
            a++;
        } else if (s[a] == '"' || s[a] == '\'') {
            a++;
            quoted = 1;
        } else if (a + 3 <= len && !memcmp(s + a, "\xe2\x80\x9d", 3)) {
            a += 3;
            quoted = 1;
        }
    }
    a = skip_spaces(s, a, len);
    return a > i + 1 && s[a - 1] == ' ' && (quoted || !quote_needed) ? a : 0;
}

/* The ASCII word at s[i] is one of words (and ends there); *end is set
 * to its end. */
static int word_is(const char *s, size_t i, size_t len, const char *const *words, size_t n, size_t *end)
{
    *end = word_end(s, i, len);
    return *end > i && (*end == len || !ascii_letter(s[*end])) && word_in(s, i, *end, words, n);
}


/* ", he said", "?'' she asked": a quotation whose speaker is a pronoun,
 * "it" included (a ministry, a company). Not a report whose subject is
 * named earlier in the same sentence ("Although Smith denies wrongdoing,
 * he said he would resign"): when the verb opens a clause and a name
 * comes before the pronoun, the sentence stands alone. */
/* Verbs that may open a clause ("he said he would"), and verbs whose
 * object follows ("she told The Associated Press", "he asked them"). */
static const char *const reporting[] = {"said",     "says",     "say",      "added",        "adds",
                                        "wrote",    "writes",   "noted",    "notes",        "explained",
                                        "argued",   "argues",   "insisted", "insists",      "replied",
                                        "recalled", "conceded", "warned",   "acknowledged"};
static const char *const addressing[] = {"told", "tells", "asked", "asks"};

static int pronoun_speaks(const char *s, size_t len)
{
    static const char *const subjects[] = {"he", "she", "they", "it"};
    static const char *const clause[] = {"that", "he", "she", "it", "they", "we", "i", "you", "the", "a"};
    for (size_t i = 0; i + 2 < len; i++) {
        size_t a = word_after_quote(s, i, len), ae, be, ce;
        if (!a || !word_is(s, a, len, subjects, COUNT(subjects), &ae) || ae >= len || s[ae] != ' ')
            continue;
        if (word_is(s, ae + 1, len, addressing, COUNT(addressing), &be))
            return 1;
        if (!word_is(s, ae + 1, len, reporting, COUNT(reporting), &be))
            continue;
        size_t c = be;
        c = skip_spaces(s, c, len);
        if (c == be || !word_is(s, c, len, clause, COUNT(clause), &ce) || !named_before(s, i))
            return 1;
    }
    return 0;
}

static int opens_quoted(const char *s, size_t len)
{
    return (len >= 3 && !memcmp(s, "\xe2\x80\x9c", 3)) || (len >= 1 && s[0] == '"') ||
           (len >= 2 && !memcmp(s, "``", 2));
}

int is_whole_quotation(const char *s, size_t len)
{
    static const char *const closing[] = {".\xe2\x80\x9d", "!\xe2\x80\x9d", ".\"", "!\"", ".''", "!''",
                                          ". \"", "! \"", ". ''", "! ''"};
    int closes = 0;
    for (size_t k = 0; k < sizeof closing / sizeof *closing; k++) {
        size_t n = strlen(closing[k]);
        closes |= len >= n && !memcmp(s + len - n, closing[k], n);
    }
    if (!opens_quoted(s, len) || !closes)
        return 0;
    /* One quotation, not two with a speaker between ("\"We will win,\"
     * Smith said, \"and they will lose.\""). */
    return count(s, len, "\xe2\x80\x9d") <= 1 && count(s, len, "''") <= 1 && count(s, len, "\"") <= 2;
}

/* The pronoun at s[i..end) is part of a name or title, not a reference:
 * "His Holiness", "Her Majesty", and the surname in "He Yafei, China's vice
 * foreign minister" (a capital after "He"). */
static int names_someone(const char *s, size_t i, size_t end, size_t len)
{
    static const char *const titles[] = {"holiness", "majesty",  "excellency", "royal",   "highness",
                                         "grace",    "eminence", "lordship",   "ladyship"};
    size_t next = end;
    next = skip_spaces(s, next, len);
    if (next == end || next >= len)
        return 0;
    if (end - i == 2 && s[next] >= 'A' && s[next] <= 'Z')
        return !strncasecmp(s + i, "he", 2);
    return word_in(s, next, word_end(s, next, len), titles, COUNT(titles));
}

/* Past spaces and one apostrophe, straight or curly, from s[i]. */
static size_t skip_clitic_mark(const char *s, size_t i, size_t len)
{
    i = skip_spaces(s, i, len);
    if (i < len && s[i] == '\'')
        i++;
    else if (i + 3 <= len && !memcmp(s + i, "\xe2\x80\x99", 3))
        i += 3;
    return skip_spaces(s, i, len);
}

/* "That's why ...", "This is because ...", "That means ...": a
 * demonstrative that points at the sentence before as the reason or the
 * consequence. Only these forms: "This week", "That decision" and "This
 * is the final installment" name what they mean. Multi-News spaces the
 * clitic ("that ' s why"). */
static int points_back(const char *s, size_t i, size_t len)
{
    static const char *const demonstratives[] = {"this", "that"};
    static const char *const links[] = {"s", "is", "was"};
    static const char *const reasons[] = {"why", "because"};
    static const char *const results[] = {"means", "meant"};
    size_t e;
    if (!word_is(s, i, len, demonstratives, COUNT(demonstratives), &e))
        return 0;
    size_t j = skip_clitic_mark(s, e, len);
    if (j == e)
        return 0;
    if (word_is(s, j, len, results, COUNT(results), &e))
        return 1;
    if (!word_is(s, j, len, links, COUNT(links), &e))
        return 0;
    j = skip_clitic_mark(s, e, len);
    return j > e && word_is(s, j, len, reasons, COUNT(reasons), &e);
}

/* The next word at or after s[i], past spaces and apostrophes ("it ' s",
 * "isn't", "It’s"): its bounds in *ws, *we, and whether an apostrophe came
 * first (a clitic). Returns 0 if no ASCII word or number starts there. */
static int next_word(const char *s, size_t i, size_t len, size_t *ws, size_t *we, int *clitic)
{
    *clitic = 0;
    for (;;) {
        if (i < len && s[i] == ' ') {
            i++;
        } else if (i < len && s[i] == '\'') {
            i++;
            *clitic = 1;
        } else if (i + 3 <= len && !memcmp(s + i, "\xe2\x80\x99", 3)) {
            i += 3;
            *clitic = 1;
        } else {
            break;
        }
    }
    size_t e = i;
    while (e < len && (ascii_letter(s[e]) || (s[e] >= '0' && s[e] <= '9')))
        e++;
    *ws = i;
    *we = e;
    return e > i;
}

/* Forms of "be", "have" and the modals that can carry an empty subject. */
static const char *const linking[] = {"is",    "was",   "s",      "has",    "had",     "have",  "will",
                                      "would", "could", "may",    "might",  "must",    "should", "can",
                                      "ll",    "d",     "isn",    "wasn",   "hasn",    "hadn",  "wouldn",
                                      "won",   "couldn", "does",  "doesn",  "did",     "didn"};

static const char *const articles[] = {"a", "an", "the"};
static const char *const to[] = {"to"};

/* After the complement that starts at s[ws..we) of an "it is ..." (or the
 * like): a clause within the next words makes the "it" empty ("It's the
 * first time ...", "It would be simple for me to jump ...", "It is a good
 * idea to ..."). Not "to" before a noun ("It was sold to a collector"), nor
 * "that" after an article ("It is a device that measures ..."). */
static int clause_follows(const char *s, size_t ws, size_t we, size_t len)
{
    static const char *const clause[] = {"that", "whether", "if"};
    static const char *const time_word[] = {"time"};
    static const char *const before_noun[] = {"the",  "a",     "an",   "his",   "her",  "its",   "their",
                                              "our",  "my",    "your", "about", "some", "more",  "than",
                                              "this", "these", "those", "around", "nearly", "almost"};
    int clitic, article = word_in(s, ws, we, articles, COUNT(articles));
    for (int k = 0; k < 5 && next_word(s, we, len, &ws, &we, &clitic); k++) {
        size_t ns, ne;
        if (k < 3 && word_in(s, ws, we, time_word, 1))
            return 1;
        if (word_in(s, ws, we, to, 1)) {
            int noun_next = next_word(s, we, len, &ns, &ne, &clitic) &&
                            ((s[ns] >= '0' && s[ns] <= '9') || word_in(s, ns, ne, before_noun, COUNT(before_noun)));
            if (!noun_next)
                return 1;
        } else if (word_in(s, ws, we, clause, COUNT(clause)) && !article) {
            return 1;
        }
        article |= word_in(s, ws, we, articles, COUNT(articles));
    }
    return 0;
}

/* "It" with nobody behind it: "It is not clear whether ...", "It was
 * believed that ...", "It's the first time ...", "It would be easy to
 * blame ...", "It took four hours to ...", "It turns out that ...". Reads
 * the words after "it" from s[i]. */
static int it_is_empty(const char *s, size_t i, size_t len)
{
    static const char *const taking[] = {"took", "takes", "take"};
    static const char *const seeming[] = {"seems", "seemed", "appears", "appeared", "looks", "looked",
                                          "turns", "turned", "remains", "remained", "sounds", "sounded"};
    static const char *const seeming_what[] = {"that", "to", "as", "like", "out", "clear", "unclear", "likely",
                                               "unlikely", "possible", "impossible"};
    /* Words between the verb and what it says: "It is not yet clear",
     * "It has also been reported", "It wasn't immediately known". */
    static const char *const between[] = {"not",     "also",  "still",     "now",       "already",  "just",
                                          "even",    "n",     "t",         "certainly", "probably", "immediately",
                                          "yet",     "been",  "be",        "being",     "become",   "became",
                                          "really",  "so",    "never",     "always",    "often",    "usually",
                                          "clearly", "quite", "very",      "increasingly"};
    /* What the empty subject is there for: a judgement or a report about
     * the clause that follows, or the time. */
    static const char *const empty_what[] = {
        "clear",     "unclear",     "unknown",    "possible",   "impossible", "hard",       "difficult",
        "easy",      "important",   "time",        "too",        "worth",      "true",       "obvious",    "uncertain",
        "necessary", "rare",        "unusual",    "announced",  "confirmed",  "revealed",   "decided",
        "agreed",    "claimed",     "suggested",  "raining",    "snowing",    "early",      "late",
        "that",      "midnight",    "noon",       "night",      "morning",    "afternoon",  "evening"};
    /* Verbs whose "it" may be empty before "that" but not before "to". */
    static const char *const raising[] = {"believed", "thought",  "expected", "estimated", "understood", "reported",
                                          "said",     "feared",   "alleged",  "hoped",     "known",      "likely",
                                          "unlikely", "scheduled", "set",     "due",       "supposed"};
    static const char *const possession[] = {"has", "have", "had", "hasn", "hadn"};
    size_t ws, we;
    int clitic;
    if (!next_word(s, i, len, &ws, &we, &clitic))
        return 1;
    if (word_in(s, ws, we, taking, COUNT(taking)))
        return 1;
    if (word_in(s, ws, we, seeming, COUNT(seeming))) {
        size_t vs, ve;
        return next_word(s, we, len, &vs, &ve, &clitic) && word_in(s, vs, ve, seeming_what, COUNT(seeming_what));
    }
    if (!word_in(s, ws, we, linking, COUNT(linking)))
        return 0;
    int possessing = word_in(s, ws, we, possession, COUNT(possession));
    static const char *const been[] = {"been"};
    while (next_word(s, we, len, &ws, &we, &clitic) && word_in(s, ws, we, between, COUNT(between)))
        possessing &= !word_in(s, ws, we, been, 1); /* "It has been 16 years" */
    if (ws == we)
        return 0;
    if (s[ws] >= '0' && s[ws] <= '9') /* "It was 1978", not "It has 200 employees" */
        return !possessing;
    if (word_in(s, ws, we, raising, COUNT(raising))) {
        /* "It is expected that ..." is empty; "It is expected to open next
         * year" is about something. */
        size_t ts, te;
        return !(next_word(s, we, len, &ts, &te, &clitic) && word_in(s, ts, te, to, 1));
    }
    return word_in(s, ws, we, empty_what, COUNT(empty_what)) || clause_follows(s, ws, we, len);
}

/* "It was sold for $11.8m in 2011.", "It eventually led to a brief
 * exchange of blows.": "it" standing for something named before. */
static int it_points_back(const char *s, size_t i, size_t len)
{
    static const char *const it[] = {"it"};
    size_t e;
    if (i + 1 < len && s[i] == 'I' && s[i + 1] == 'T')
        return 0; /* "IT spending rose" */
    return word_is(s, i, len, it, 1, &e) && !it_is_empty(s, e, len);
}

/* "That was 16 years ago.", "This could make it impossible ...", "These
 * are the ones ...": a demonstrative standing alone as the subject. Not a
 * demonstrative before its noun ("This week", "That decision"), "That
 * is, ...", or one that says what it is ("This is the final installment",
 * "That was the year the war ended"). */
static int demonstrative_points_back(const char *s, size_t i, size_t len)
{
    static const char *const demonstratives[] = {"this", "that", "these", "those"};
    static const char *const verbs[] = {
        "is",       "was",     "are",    "were",  "s",      "has",    "have",     "had",     "will",
        "would",    "could",   "can",    "may",   "might",  "should", "must",     "does",    "did",
        "do",       "includes", "included", "comes", "came", "makes", "made",     "leaves",  "left",
        "led",      "happened", "happens", "seems", "seemed", "sounds", "sounded", "marks",  "marked",
        "remains",  "remained", "shows",  "showed", "isn",   "wasn",   "aren",     "weren",   "doesn",
        "didn",     "just",    "also",   "alone", "ll"};
    /* "These" and "those" lean back only before a helping verb: "These
     * are people who ...", not "These remains were identified", "Those
     * killed in the attack". */
    static const char *const plural[] = {"these", "those"};
    static const char *const helping[] = {"are", "were", "have", "had", "will", "would", "could", "can",
                                          "may", "might", "should", "must", "do", "did", "aren", "weren"};
    static const char *const being[] = {"is", "was", "s"};
    size_t e, ws, we, vs, ve;
    int clitic;
    if (!word_is(s, i, len, demonstratives, COUNT(demonstratives), &e))
        return 0;
    if (!next_word(s, e, len, &vs, &ve, &clitic))
        return 0;
    if (word_in(s, i, e, plural, COUNT(plural)))
        return word_in(s, vs, ve, helping, COUNT(helping));
    /* A verb in the past with its object or complement after it ("That
     * erased roughly $25 billion", "This resulted in ..."), not an
     * adjective before its noun ("This undated photo"). */
    static const char *const objects[] = {"the",   "a",     "an",      "in",     "on",   "to",    "by",
                                          "into",  "from",  "with",    "at",     "for",  "his",   "her",
                                          "their", "its",   "our",     "my",     "him",  "them",  "roughly",
                                          "about", "nearly", "more",   "some",   "several", "many", "up",
                                          "out",   "off",   "down",    "almost", "over", "after", "two",
                                          "three", "four",  "five"};
    size_t os, oe;
    size_t money = skip_spaces(s, ve, len);
    int past = ve - vs > 4 && !strncasecmp(s + ve - 2, "ed", 2) &&
               ((money < len && s[money] == '$') ||
                (next_word(s, ve, len, &os, &oe, &clitic) &&
                 ((s[os] >= '0' && s[os] <= '9') || word_in(s, os, oe, objects, COUNT(objects)))));
    if (!past && !word_in(s, vs, ve, verbs, COUNT(verbs)))
        return 0;
    size_t after = skip_spaces(s, ve, len);
    if (after < len && s[after] == ',')
        return 0; /* "That is, the plan was never approved." */
    if (word_in(s, vs, ve, being, COUNT(being)) && next_word(s, ve, len, &ws, &we, &clitic) &&
        word_in(s, ws, we, articles, COUNT(articles)))
        return 0;
    return 1;
}

/* "The two were detained ...", "The two youngest have asthma.": a number
 * with no noun after it (a superlative at most) is the subject, and who
 * the two are was said before. Not "The two-day summit", nor "The three
 * largest lenders in Japan": a noun there names them. */
static int number_points_back(const char *s, size_t i, size_t len)
{
    static const char *const the[] = {"the"};
    static const char *const numbers[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    static const char *const verbs[] = {"are",   "were", "have", "had",    "will",  "would", "could", "can",
                                        "may",   "might", "should", "must", "do",   "did",   "aren",  "weren",
                                        "also",  "then",  "now",   "still", "both", "each",  "all",   "remain",
                                        "remained"};
    size_t e, ws, we;
    int clitic;
    if (!word_is(s, i, len, the, 1, &e) || e >= len || s[e] != ' ')
        return 0;
    if (!word_is(s, e + 1, len, numbers, COUNT(numbers), &e) || e >= len || s[e] != ' ')
        return 0;
    if (!next_word(s, e, len, &ws, &we, &clitic))
        return 0;
    if (we - ws > 4 && !strncasecmp(s + we - 3, "est", 3) && !next_word(s, we, len, &ws, &we, &clitic))
        return 0; /* "The two youngest ..." */
    int past = we - ws > 4 && !strncasecmp(s + we - 2, "ed", 2);
    return past || word_in(s, ws, we, verbs, COUNT(verbs));
}

/* "3. Get an anti-virus program and use it.": a numbered step, whose list
 * was introduced before it ("For people who have no reason to believe
 * their systems have been infected: 1. ..."). A rank of one or two digits
 * with "." or ")", a space and a capital; not a decimal ("3.5 million"). */
static int rank_points_back(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && i < 2 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 0 && i + 2 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ' && is_upper(s[i + 2]);
}

/* A subject pronoun after a short opening: one adverb ("Now they are
 * sweating.", "Then he left."), or up to four words closed by a comma
 * ("In a statement, he said ...", "On Tuesday, they voted ..."). The
 * pronoun is the sentence's subject, and whom it means is in an earlier
 * sentence. */
static int pronoun_after_opener(const char *s, size_t i, size_t len)
{
    static const char *const adverbs[] = {"now", "then", "still", "later", "today", "instead", "so",
                                          "soon", "again", "also", "yesterday", "tonight"};
    static const char *const subjects[] = {"he", "she", "they"};
    size_t end = word_end(s, i, len);
    if (end == i)
        return 0;
    size_t next = end;
    if (word_in(s, i, end, adverbs, COUNT(adverbs))) {
        if (next < len && s[next] == ',')
            next++;
    } else {
        int words = 1;
        while (next < len && s[next] != ',' && words <= 4) {
            /* "After Obama spoke, he left": the opening names whom he is */
            if (s[next] == ' ' && next + 1 < len && s[next + 1] >= 'A' && s[next + 1] <= 'Z')
                return 0;
            if (s[next] == ' ')
                words++;
            else if (!ascii_letter(s[next]) && !(s[next] >= '0' && s[next] <= '9') && s[next] != '-' &&
                     s[next] != '\'')
                return 0;
            next++;
        }
        if (next >= len || s[next] != ',' || words > 4)
            return 0;
        next++;
    }
    while (next < len && s[next] == ' ')
        next++;
    size_t pe = word_end(s, next, len);
    return pe > next && pe < len && s[pe] == ' ' && word_in(s, next, pe, subjects, COUNT(subjects));
}

int opens_leaning_back(const char *s, size_t len)
{
    size_t i = 0;
    for (;;) { /* opening quotation marks and the spaces after them */
        if (i < len && (s[i] == '"' || s[i] == '\'' || s[i] == '`' || s[i] == ' '))
            i++;
        else if (i + 3 <= len && (!memcmp(s + i, "\xe2\x80\x9c", 3) || !memcmp(s + i, "\xe2\x80\x98", 3)))
            i += 3;
        else
            break;
    }
    size_t end = word_end(s, i, len);
    /* The word must end there ("Heavy" is not "he", "Hersh" not "her"),
     * though a clitic may follow: "He's", "They're", straight or curly. */
    int curly_apostrophe = end + 3 <= len && !memcmp(s + end, "\xe2\x80\x99", 3);
    int whole = end > i && (end == len || curly_apostrophe ||
                            ((unsigned char)s[end] < 0x80 && s[end] != '-' && !(s[end] >= '0' && s[end] <= '9')));
    if (whole && word_in(s, i, end, pronouns, COUNT(pronouns)) && !names_someone(s, i, end, len))
        return 1;
    return points_back(s, i, len) || it_points_back(s, i, len) || demonstrative_points_back(s, i, len) ||
           pronoun_speaks(s, len) || pronoun_after_opener(s, i, len) || number_points_back(s, i, len) ||
           rank_points_back(s, len);
}

/* Whether the word w[0..n) stands in s[0..len) as a whole word, case
 * folded. */
static int holds_word(const char *s, size_t len, const char *w, size_t n)
{
    for (size_t i = 0; i + n <= len; i++) {
        if (i > 0 && (ascii_letter(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '\''))
            continue;
        size_t k = 0;
        while (k < n && lower(s[i + k]) == lower(w[k]))
            k++;
        if (k == n && (i + n == len || !(ascii_letter(s[i + n]) || s[i + n] == '-')))
            return 1;
    }
    return 0;
}

/* The bare name that speaks in s[0..len) after a quotation or a comma
 * (", casey said", ", \" drewniak said", ",\xe2\x80\x9d Reitz told"), found
 * the way pronoun_speaks finds "he": its offset in *w and length in *n; 0
 * when there is none. */
static int bare_speaker(const char *s, size_t len, size_t *w, size_t *n)
{
    static const char *const no_names[] = {
        "he",        "she",        "they",      "it",         "i",          "we",         "you",
        "who",       "which",      "that",      "this",       "and",        "but",        "also",
        "then",      "later",      "reportedly", "allegedly", "police",     "officials",  "authorities",
        "prosecutors", "investigators", "witnesses", "residents", "experts",   "analysts",   "researchers",
        "scientists", "doctors",   "sources",   "officers",   "spokesman",  "spokeswoman", "spokesperson",
        "reports",   "report",     "studies",   "study",      "court",      "company",    "agency",
        "sheriff",   "mayor",      "president", "governor",   "lawyers",    "lawyer",     "attorney",
        "neighbors", "friends",    "family",    "officer",    "source",     "people",     "statement",
        "critics",   "supporters", "organizers", "observers", "others",    "many",       "some",
        "both",      "all",        "one",       "everyone",   "nobody",     "someone",    "reuters",
        "ap",        "afp",        "cnn",       "nbc",        "abc",        "cbs",        "fox",
        "bbc",       "tmz",        "politico"};
    for (size_t i = 0; i + 2 < len; i++) {
        size_t a = word_after_quote(s, i, len), ae, be;
        if (!a || (ae = word_end(s, a, len)) == a || ae >= len || s[ae] != ' ')
            continue;
        if (!word_is(s, ae + 1, len, reporting, COUNT(reporting), &be) &&
            !word_is(s, ae + 1, len, addressing, COUNT(addressing), &be))
            continue;
        if (word_in(s, a, ae, no_names, COUNT(no_names)))
            continue;
        *w = a;
        *n = ae - a;
        return 1;
    }
    return 0;
}

int speaker_named_before(const char *prev, size_t plen, const char *s, size_t len)
{
    size_t w, n;
    if (!bare_speaker(s, len, &w, &n) || holds_word(s, w, s + w, n))
        return 0;
    return holds_word(prev, plen, s + w, n);
}

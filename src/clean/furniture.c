/*
 * furniture.c: tell story lines from page furniture; see furniture.h.
 *
 * Every rule is about lines that are not story sentences, and most apply
 * only to short lines without a final stop standing on their own (a title,
 * caption, byline, widget label): dropping one of those can never lose a
 * sentence. Lines without a stop that occur twice anywhere in the article
 * are captions or labels, and every copy goes; so does a line that is the
 * next line's prefix (a caption, then the caption plus its credit) and a
 * breadcrumb ("Home News" + the headline that follows).
 * The few rules that may drop a line ending in a stop are narrow: a
 * paragraph repeated verbatim on the next line (the first copy is kept),
 * a line made only of agency names ("Press Association."), copyright
 * lines, a short prompt that speaks to the reader ("... directly to
 * your inbox", "Find your ...") without quotation marks, the frame's own
 * whole sentences ("Comments are closed."), a note about the page
 * ("Correction: ...", "This article was amended on ...") and a
 * reporter's biography opening with a byline's name ("Amara Okafor is
 * ..."). Under a list heading ("Most read", "Read next", "Poll: ...?")
 * the short stand-alone lines are other stories' headlines or a poll's
 * options; a headline there may end in a question mark. When no rule is
 * sure, the line is kept.
 *
 * The pass is linear: lines are found with memchr, long lines (paragraphs)
 * are only compared with their neighbour, and the word rules run on short
 * lines copied into a small buffer in a normal form (lower-case ASCII
 * words separated by single spaces).
 */
#include "clean/furniture.h"
#include "text/segment.h"

#include <string.h>

#include "core/strmap.h"

typedef struct line {
    uint32_t s, e;          /* trimmed */
    unsigned char blank, drop, term, prompt;
    unsigned char alone, head;  /* a label standing alone; a list's heading */
} line;

/* Longest line the word rules look at; longer ones are paragraphs. */
#define SHORT_LINE 160
#define CAPTION_LINE 400
/* Reader prompts are short; longer lines saying "you" are columns. */
#define PROMPT_LINE 200

/* ---- Small helpers ------------------------------------------------------- */

static size_t space_len(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2 && i + 1 < end && u[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < end && u[i + 1] == 0x80 &&
        (u[i + 2] <= 0x8B || u[i + 2] == 0xAF))
        return 3;
    if (c == 0xE3 && i + 2 < end && u[i + 1] == 0x80 && u[i + 2] == 0x80)
        return 3;
    if (c == 0xEF && i + 2 < end && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
        return 3;
    return 0;
}

static int is_space_end(const char *s, size_t start, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[end - 1];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (end - start >= 2 && u[end - 2] == 0xC2 && c == 0xA0)
        return 2;
    if (end - start >= 3 && space_len(s, end - 3, end) == 3)
        return 3;
    return 0;
}

static int is_lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_upper_ascii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum_ascii(unsigned char c)
{
    return is_lower_ascii(c) || is_upper_ascii(c) || is_digit(c);
}

/* Lower-case ASCII words of s[start, end), one space apart, with a space
 * at each end so phrases can be matched as " word ". Apostrophes vanish
 * ("Editor's" = "editors"); other non-ASCII bytes separate words. */
static size_t normal_form(const char *s, size_t start, size_t end, char *out, size_t cap)
{
    size_t n = 0;
    out[n++] = ' ';
    for (size_t i = start; i < end && n + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\'')
            continue;
        if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            i += 2;
            continue;
        }
        if (is_alnum_ascii(c) || c == '%' || c == '&') {
            out[n++] = (char)(is_upper_ascii(c) ? c | 0x20 : c);
        } else if (out[n - 1] != ' ') {
            out[n++] = ' ';
        }
    }
    if (out[n - 1] != ' ')
        out[n++] = ' ';
    out[n] = 0;
    return n;
}

/* Is every word of the normal form nf in the list, and is at least one
 * word of it in the list's first `strong` entries? */
static int all_words_in(const char *nf, const char *const *list, size_t nlist,
                        size_t strong, int digits_ok)
{
    int words = 0, hit = 0;
    const char *p = nf;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        size_t len = (size_t)(q - p);
        int ok = 0;
        if (digits_ok && is_digit((unsigned char)*p)) {
            ok = 1;
            hit = 1;
        }
        for (size_t k = 0; !ok && k < nlist; k++) {
            if (strlen(list[k]) == len && memcmp(list[k], p, len) == 0) {
                ok = 1;
                hit |= k < strong;
            }
        }
        if (!ok)
            return 0;
        words++;
        p = q;
    }
    return words > 0 && hit;
}

static int has_phrase(const char *nf, const char *const *list, size_t nlist)
{
    for (size_t k = 0; k < nlist; k++)
        if (strstr(nf, list[k]))
            return 1;
    return 0;
}

static int starts_with_phrase(const char *nf, const char *const *list, size_t nlist)
{
    for (size_t k = 0; k < nlist; k++)
        if (strncmp(nf, list[k], strlen(list[k])) == 0)
            return 1;
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Vocabularies (phrases are in normal form, padded with spaces) ------- */

/* Whole lines that are widgets, whatever their punctuation. */
static const char *const WIDGET_LINES[] = {
    " advertisement ", " advertisements ", " promoted links ", " promoted stories ",
    " promoted content ", " sponsored ", " sponsored content ", " sponsored links ",
    " related ", " related articles ", " related stories ", " related content ",
    " related links ", " related topics ", " read more ", " more ", " view comments ",
    " comments ", " show comments ", " hide comments ", " share ", " share this ",
    " share this article ", " share this story ", " print ", " email ", " tweet ",
    " subscribe ", " sign up ", " log in ", " login ", " register ", " close ", " menu ",
    " skip to content ", " skip advert ", " editors choice ", " editors picks ",
    " top content trending ", " trending ", " trending now ", " most popular ",
    " most read ", " most viewed ", " recommended ", " recommended for you ",
    " you may also like ", " you might also like ", " story continues below ",
    " continue reading ", " continue reading below ", " back to top ", " top stories ",
    " latest news ", " watch ", " video ", " listen ", " next ", " previous ",
    " loading ", " learn more ", " follow us ", " newsletter ", " image ", " photo ",
    " gallery ", " facebook ", " twitter ", " whatsapp ", " linkedin ", " pinterest ",
    " reddit ", " copy link ", " comment ", " reply ", " top ", " home ", " read next ",
    /* the frame's own sentences, stop or no stop */
    " comments are closed ", " comments are now closed ", " commenting is closed ",
    " commenting has been disabled ", " already a subscriber ", " already subscribed ",
    " already have an account ", " welcome to our live coverage ", " welcome to our live blog ",
    " welcome to our coverage ", " was this article helpful ", " was this helpful ",
};

/* Phrases that mark a short stand-alone line as a widget or credit. */
static const char *const WIDGET_PHRASES[] = {
    " live blog ", " latest updates ", " live updates ", " read mode ", " font size ",
    " commenting ", " comments ", " newsletter", " sign up ", " subscribe ",
    " promoted ", " sponsored ", " advertisement ", " trending ", " editors choice ",
    " editors picks ", " top content ", " most read ", " most popular ", " read more ",
    " share this ", " print this ", " email this ", " follow us ",
    " click here ", " cookie", " javascript ", " copyright ", " all rights reserved ",
    " getty images ", " photo credit ", " image credit ", " also in ", " more from ",
    " more on this ", " story continues ", " continue reading ",
    " you may also ", " you might also ", " view comments ", " join our ",
    " join the conversation ", " join thought provoking ", " listen to this ",
    " watch the video ", " video player ", " slideshow ", " on the net ",
    " for use by clients ", " story filed by ", " additional reporting ",
    " reporting by ", " editing by ", " writing by ", " contributed to this report ",
    " back to top ", " skip to ", " media playback ", " image copyright ",
    " image caption ", " media caption ", " story highlights ", " toggle caption ",
    " enlarge this image ", " please allow ", " loading ", " your browser ",
    " ad blocker ", " terms of use ", " privacy policy ", " download the app ",
};

/* Lines starting so are prompts, when short and without a final stop. */
static const char *const PROMPT_STARTS[] = {
    " join ", " follow ", " sign up ", " subscribe ", " share ", " click ", " tap ",
    " view ", " download ", " read more ", " read also ", " see also ", " enable ",
    " watch ", " listen ", " like us ", " get the ", " get our ", " more ", " also read ",
    " also in ", " related ", " photo ", " photos ", " image ", " picture ", " credit ",
    " source ", " copyright ", " c ", " published ", " updated ", " posted ",
    " last updated ", " reporting by ", " additional reporting ", " editing by ",
    " written by ", " with reporting ", " top content ", " editors ", " promoted ",
};

/* Agencies first (at least one must appear), then words that may join them. */
static const char *const CREDIT_WORDS[] = {
    "ap", "afp", "reuters", "pa", "press", "associated", "agence", "france",
    "presse", "bloomberg", "xinhua", "dpa", "upi", "efe", "ansa", "tass", "interfax",
    "kyodo", "yonhap", "cnn", "bbc", "agencies", "wires", "getty", "epa",
    "association", "with", "and", "by", "from", "via", "additional", "reporting",
    "contributed", "to", "this", "report", "wire", "services", "staff", "writer",
    "writers", "correspondent", "agency", "news", "the", "photo", "photos", "images",
    "image", "file", "handout", "pool", "shutterstock", "istock", "courtesy",
};
#define CREDIT_STRONG 27   /* the agencies and photo libraries above "association" */

/* Words of a line that is only a date, a time, or a publication stamp. */
static const char *const DATE_WORDS[] = {
    "published", "updated", "posted", "modified", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "last", "on", "at", "am", "pm", "a", "m", "p", "gmt", "bst", "utc", "et",
    "edt", "est", "pst", "pdt", "cet", "cest", "ist", "aest", "hours", "ago", "minutes",
    "min", "read", "first", "st", "nd", "rd", "th", "of",
};
#define DATE_STRONG 23     /* "published" .. "december": a real stamp word */

/* Verbs that open a call to action aimed at the reader. */
static const char *const CTA_VERBS[] = {
    "find", "click", "tap", "sign", "subscribe", "join", "follow", "download",
    "share", "visit", "register", "log", "enable", "check", "learn", "discover",
    "watch", "listen", "donate", "allow", "please", "contact",
};

/* Words that show a prompt is about the page, not the story. */
static const char *const PAGE_WORDS[] = {
    " inbox ", " newsletter", " subscribe", " subscriber", " subscription",
    " sign up ", " log in ", " login ", " cookie", " browser ", " javascript ",
    " click ", " tap ", " download ", " app ", " account ", " notifications ",
    " alerts ", " email ", " premium ", " unlimited access ", " ad blocker ",
    " adblock", " verification ", " spam ",
};

/* Words by which a prompt speaks of the page or the paper without saying
 * "you": "This article is for subscribers only", "To continue reading,
 * create a free account", "Support our journalism". */
static const char *const PAGE_TALK[] = {
    " this article ", " this content ", " continue reading ", " keep reading ", " free account ",
    " free articles ", " our journalism ", " independent journalism ",
};

/* Headings of a list of links to other stories (or of a poll): the short
 * lines under one are headlines of other pages, and their numbers ("2
 * Interest rates held", "4,381 votes") are not this story's. Whole lines. */
static const char *const LIST_HEADS[] = {
    " most read ", " most popular ", " most viewed ", " most shared ", " most commented ",
    " most watched ", " read next ", " read more ", " read also ", " also read ", " see also ",
    " related ", " related articles ", " related stories ", " related content ",
    " related links ", " more stories ", " more news ", " top stories ", " trending ",
    " trending now ", " recommended ", " recommended for you ", " you may also like ",
    " you might also like ", " editors picks ", " editors choice ", " popular now ",
    " in other news ", " what to read next ", " more on this story ",
};

/* Section headings that name their section: "More from Europe". */
static const char *const SECTION_HEADS[] = {" more from ", " more in ", " also in ", " more on "};

/* Labels before a colon that open a note about the page itself. */
static const char *const NOTE_LABELS[] = {
    " correction ", " corrections ", " clarification ", " editors note ", " editor note ",
    " note to readers ", " our standards ",
};

/* "This article was amended ...": what a note says was done to the page. */
static const char *const NOTE_SUBJECTS[] = {" this article ", " this story ", " this piece ", " this post "};
static const char *const NOTE_AUX[] = {
    "was", "has", "have", "had", "been", "is", "being", "will", "be", "originally", "first",
    "also", "since", "later", "previously",
};
static const char *const NOTE_VERBS[] = {
    "amended", "corrected", "updated", "edited", "changed", "revised", "clarified", "published",
    "appeared", "ran", "produced", "reported", "written", "republished", "syndicated",
};

/* The counters of a page: "Shared 2,417 times", "1,058 people are reading
 * this now", "View all 312 comments": every word is a number or one of
 * these, and one of them names what is counted. */
static const char *const COUNTER_WORDS[] = {
    "shares", "share", "shared", "comments", "comment", "views", "viewed", "likes", "reactions",
    "readers", "reading", "votes", "retweets", "replies", "responses",
    "people", "are", "is", "this", "now", "times", "total", "all", "show", "see", "view", "k",
    "m", "so", "far", "have", "has", "voted", "read", "by", "more", "been",
};
static const char *const COUNTED[] = {
    " shares ", " share ", " shared ", " comments ", " comment ", " views ", " viewed ",
    " likes ", " reactions ", " readers ", " reading ", " votes ", " retweets ", " replies ",
    " responses ",
};

/* ---- Rules ---------------------------------------------------------------- */

/* A bare widget or credit label, matched as a whole line. */
static int is_widget_line(const char *nf)
{
    for (size_t k = 0; k < COUNT(WIDGET_LINES); k++)
        if (strcmp(nf, WIDGET_LINES[k]) == 0)
            return 1;
    return 0;
}

/* "Lizzie Dearden,Doug Bolton", "By Jane Smith and Ali Khan": names of
 * two or three capitalised words, joined by commas, "and" or "&". */
static int is_byline(const char *s, size_t ls, size_t le, const char *nf)
{
    if (le - ls > 80)
        return 0;
    int by = strncmp(nf, " by ", 4) == 0;
    size_t i = by ? ls + 3 : ls, names = 0, words = 0;
    while (i <= le) {
        while (i < le && s[i] == ' ')
            i++;
        size_t w = i;
        while (i < le && s[i] != ' ' && s[i] != ',' && s[i] != '&')
            i++;
        int sep = i >= le || s[i] == ',' || s[i] == '&';
        if (i - w == 3 && strncmp(s + w, "and", 3) == 0) {
            sep = 1;
        } else if (i > w) {
            unsigned char c = (unsigned char)s[w];
            if (!is_upper_ascii(c) && c < 0x80)
                return 0;
            for (size_t k = w; k < i; k++)
                if (is_digit((unsigned char)s[k]))
                    return 0;
            words++;
        }
        if (sep) {
            if (words == 1 && !by)
                return 0;
            if (words > 3)
                return 0;
            names += words > 0;
            words = 0;
        }
        i++;
    }
    return by ? names >= 1 : names >= 2;
}

/* Prose: a stop inside the line followed by a space and a capital. A
 * label or caption is one phrase; a paragraph cut short (as in
 * truncated corpora) ends without a stop yet holds whole sentences. */
static int has_inner_stop(const char *s, size_t ls, size_t le)
{
    for (size_t i = ls; i + 2 < le; i++)
        if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
            (is_upper_ascii((unsigned char)s[i + 2]) || s[i + 2] == '"'))
            return 1;
    return 0;
}

/* Start of the text after the last inner stop, 0 if there is none, or
 * (size_t)-1 if there are two or more (prose, not a caption). */
static size_t last_inner_stop(const char *s, size_t ls, size_t le)
{
    size_t last = 0;
    for (size_t i = le - 1; i > ls + 2; i--) {
        if ((s[i - 2] == '.' || s[i - 2] == '?' || s[i - 2] == '!') && s[i - 1] == ' ' &&
            (is_upper_ascii((unsigned char)s[i]) || s[i] == '"')) {
            if (last)
                return (size_t)-1;
            last = i;
        }
    }
    return last;
}

/* A photo caption: ends with "(AP)", "(Getty Images)", or carries a
 * credit such as "PHOTO:" or "Reuters/Tim Wimborne". */
static int is_caption(const char *s, size_t ls, size_t le)
{
    static const char *const marks[] = {
        "photo:", "photograph:", "picture:", "image:", "credit:", "getty images",
        "ap photo", "afp photo", "image copyright", "photo credit", "photo by ",
        "photograph by ", "picture by ", "photo courtesy", "reuters/", "/reuters",
        "afp/", "/afp", "epa/", "/epa", "/ap ", "shutterstock", "istockphoto",
    };
    /* In "Text of the caption. Reuters/Tim Wimborne" look at the credit
     * after the last stop only: prose before it does not matter. */
    size_t inner = last_inner_stop(s, ls, le);
    if (inner) {
        if (inner == (size_t)-1 || le - inner > 60)
            return 0;
        ls = inner;
    }
    /* A credit ends its caption: look only at the last 60 bytes. */
    size_t from = le - ls > 60 ? le - 60 : ls;
    size_t n = le - from;
    char tmp[CAPTION_LINE + 2];
    for (size_t i = 0; i < n; i++)
        tmp[i] = (char)(is_upper_ascii((unsigned char)s[from + i]) ? s[from + i] | 0x20 : s[from + i]);
    tmp[n] = ' ';
    tmp[n + 1] = 0;
    for (size_t k = 0; k < COUNT(marks); k++)
        if (strstr(tmp, marks[k]))
            return 1;
    if (s[le - 1] != ')')
        return 0;
    size_t open = le - 1;
    while (open > ls && s[open] != '(' && le - open < 60)
        open--;
    if (s[open] != '(' || open == ls)
        return 0;
    char nf[64];
    normal_form(s, open + 1, le - 1, nf, sizeof nf);
    const char *first = nf + 1;
    for (size_t k = 0; k < CREDIT_STRONG; k++) {
        size_t len = strlen(CREDIT_WORDS[k]);
        if (strncmp(first, CREDIT_WORDS[k], len) == 0 && first[len] == ' ')
            return 1;
    }
    return 0;
}

/* "– US-Russian military talks –": a sub-head set between dashes. */
static int is_dash_head(const char *s, size_t ls, size_t le)
{
    const unsigned char *u = (const unsigned char *)s;
    int first = u[ls] == '-' || (le - ls > 3 && u[ls] == 0xE2 && u[ls + 1] == 0x80 &&
                                  (u[ls + 2] == 0x93 || u[ls + 2] == 0x94));
    int last = u[le - 1] == '-' || (le - ls > 3 && u[le - 3] == 0xE2 && u[le - 2] == 0x80 &&
                                     (u[le - 1] == 0x93 || u[le - 1] == 0x94));
    return first && last && le - ls > 6;
}

static int has_quote(const char *s, size_t ls, size_t le)
{
    for (size_t i = ls; i < le; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '`' || (c == '\'' && i + 1 < le && s[i + 1] == '\''))
            return 1;
        if (c == 0xE2 && i + 2 < le && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            return 1;
        if (c == 0xC2 && i + 1 < le && ((unsigned char)s[i + 1] == 0xAB || (unsigned char)s[i + 1] == 0xBB))
            return 1;
    }
    return 0;
}

/* Does one of the sentences of nf (a normal form that lost its stops, so
 * we look at the raw line) start with a call-to-action verb? */
static int has_cta(const char *s, size_t ls, size_t le)
{
    size_t i = ls;
    while (i < le) {
        size_t w = i;
        while (w < le && (is_upper_ascii((unsigned char)s[w]) || is_lower_ascii((unsigned char)s[w])))
            w++;
        for (size_t k = 0; k < COUNT(CTA_VERBS) && w > i; k++) {
            size_t len = strlen(CTA_VERBS[k]);
            if (len == w - i && (s[i] | 0x20) == CTA_VERBS[k][0] &&
                strncmp(s + i + 1, CTA_VERBS[k] + 1, len - 1) == 0)
                return 1;
        }
        /* next sentence start: after ". ", "? ", "! " */
        while (i < le && !((s[i] == '.' || s[i] == '?' || s[i] == '!') && i + 1 < le && s[i + 1] == ' '))
            i++;
        i += 2;
    }
    return 0;
}

/* A prompt aimed at the reader: "Are you in Russia and need consular
 * assistance? Find your country's embassy", "... directly to your inbox".
 * Quoted speech may say "you" to anyone, so a quote rules it out. A
 * paywall need not say "you": it speaks of the page and of subscribing
 * ("This article is for subscribers only"), which news does not. */
static int is_reader_prompt(const char *s, size_t ls, size_t le, const char *nf)
{
    if (le - ls > PROMPT_LINE || has_quote(s, ls, le))
        return 0;
    if (!strstr(nf, " you ") && !strstr(nf, " your ") && !strstr(nf, " youre ") &&
        !strstr(nf, " youll ") && !strstr(nf, " youve "))
        return has_phrase(nf, PAGE_TALK, COUNT(PAGE_TALK)) && has_phrase(nf, PAGE_WORDS, COUNT(PAGE_WORDS));
    return has_phrase(nf, PAGE_WORDS, COUNT(PAGE_WORDS)) || has_cta(s, ls, le);
}

static int no_word_chars(const char *s, size_t ls, size_t le)
{
    for (size_t i = ls; i < le; i++)
        if ((unsigned char)s[i] >= 0x80 || is_alnum_ascii((unsigned char)s[i]))
            return 0;
    return 1;
}

static int is_url_line(const char *s, size_t ls, size_t le)
{
    if (memchr(s + ls, ' ', le - ls))
        return 0;
    return (le - ls > 7 && (strncmp(s + ls, "http://", 7) == 0 || strncmp(s + ls, "https://", 8) == 0)) ||
           (le - ls > 4 && strncmp(s + ls, "www.", 4) == 0);
}

/* "Copyright 2020 The Daily Example. All rights reserved", "© AFP 2015". */
static int is_copyright(const char *s, size_t ls, size_t le, const char *nf)
{
    if (strncmp(nf, " copyright ", 11) == 0 || strstr(nf, " all rights reserved "))
        return 1;
    return (le - ls >= 2 && (unsigned char)s[ls] == 0xC2 && (unsigned char)s[ls + 1] == 0xA9) ||
           (le - ls >= 3 && (strncmp(s + ls, "(c)", 3) == 0 || strncmp(s + ls, "(C)", 3) == 0));
}

static int word_in(const char *w, size_t len, const char *const *list, size_t nlist)
{
    for (size_t k = 0; k < nlist; k++)
        if (strlen(list[k]) == len && memcmp(list[k], w, len) == 0)
            return 1;
    return 0;
}

/* Number of words of a normal form. */
static size_t nf_words(const char *nf)
{
    size_t w = 0;
    for (const char *p = nf; p[0] && p[1]; p++)
        w += p[0] == ' ' && p[1] != ' ';
    return w;
}

/* "Most read", "Read next:", "More from Europe", "POLL: Should ...?":
 * the heading of a list of links or of a poll's options. */
static int is_list_head(const char *s, size_t ls, size_t le, const char *nf)
{
    if (le - ls <= 40 && s[le - 1] != '.') {
        for (size_t k = 0; k < COUNT(LIST_HEADS); k++)
            if (strcmp(nf, LIST_HEADS[k]) == 0)
                return 1;
        size_t w = nf_words(nf);
        for (size_t k = 0; k < COUNT(SECTION_HEADS); k++)
            if (strncmp(nf, SECTION_HEADS[k], strlen(SECTION_HEADS[k])) == 0 && w <= 5)
                return 1;
    }
    const char *colon = memchr(s + ls, ':', le - ls < 16 ? le - ls : 16);
    return colon && le - ls <= SHORT_LINE &&
           (strncmp(nf, " poll ", 6) == 0 || strncmp(nf, " quick poll ", 12) == 0 ||
            strncmp(nf, " reader poll ", 13) == 0);
}

/* A note about the page, whatever its punctuation: "Correction: ...",
 * "Editor's note: ...", "This article was amended on ...", "An earlier
 * version of this story ...", "This story originally appeared in ...". */
#define NOTE_SENTENCES 2

/* Sentences in s[ls, le): stops followed by a space or the line's end,
 * and the words after the last stop (a sentence cut off). */
static size_t sentences_in(const char *s, size_t ls, size_t le)
{
    size_t n = 0, last = ls;
    for (size_t i = ls; i < le; i++)
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && (i + 1 == le || s[i + 1] == ' ')) {
            n++;
            last = i + 1;
        }
    while (last < le && (s[last] == ' ' || s[last] == '"' || s[last] == ')'))
        last++;
    return n + (last < le);
}

static int is_page_note(const char *s, size_t ls, size_t le, const char *nf)
{
    /* A note is a sentence or two. A longer line that opens like one is a
     * paragraph, or a whole article flattened to one line (Multi-News:
     * "Editor's note: this story focused on the AR-15 ... Officials
     * initially said ..."), and the story goes on after the note. */
    if (sentences_in(s, ls, le) > NOTE_SENTENCES)
        return 0;
    const char *colon = memchr(s + ls, ':', le - ls < 20 ? le - ls : 20);
    if (colon) {
        char label[32];
        normal_form(s, ls, (size_t)(colon - s), label, sizeof label);
        for (size_t k = 0; k < COUNT(NOTE_LABELS); k++)
            if (strcmp(label, NOTE_LABELS[k]) == 0)
                return 1;
    }
    if (strncmp(nf, " an earlier version of this ", 28) == 0 ||
        strncmp(nf, " a previous version of this ", 28) == 0 ||
        strncmp(nf, " this is a developing story ", 28) == 0 ||
        strncmp(nf, " this story is developing ", 26) == 0)
        return 1;
    for (size_t k = 0; k < COUNT(NOTE_SUBJECTS); k++) {
        size_t n = strlen(NOTE_SUBJECTS[k]);
        if (strncmp(nf, NOTE_SUBJECTS[k], n) != 0)
            continue;
        const char *p = nf + n;
        for (int aux = 0; aux <= 3 && *p; aux++) {
            const char *q = strchr(p, ' ');
            size_t len = q ? (size_t)(q - p) : strlen(p);
            if (word_in(p, len, NOTE_VERBS, COUNT(NOTE_VERBS)))
                return 1;
            if (!word_in(p, len, NOTE_AUX, COUNT(NOTE_AUX)) || !q)
                return 0;
            p = q + 1;
        }
    }
    return 0;
}

/* "Shared 2,417 times", "1.2k shares": a counter with its number. */
static int is_counter(const char *s, size_t ls, size_t le, const char *nf)
{
    int digit = 0;
    for (size_t i = ls; i < le && !digit; i++)
        digit = is_digit((unsigned char)s[i]);
    return digit && le - ls <= 60 && all_words_in(nf, COUNTER_WORDS, COUNT(COUNTER_WORDS), 0, 1) &&
           has_phrase(nf, COUNTED, COUNT(COUNTED));
}

/* Judge one line by itself. alone: it has no stop and does not run on
 * into the next line (a title, label or caption rather than a wrapped
 * paragraph line). */
static int judge_line(const char *s, line *L, int alone)
{
    size_t ls = L->s, le = L->e, n = le - ls;
    if (no_word_chars(s, ls, le) || is_url_line(s, ls, le))
        return 1;
    if (n > CAPTION_LINE)
        return 0;
    char nf[CAPTION_LINE + 4];
    normal_form(s, ls, le, nf, sizeof nf);
    if (n <= SHORT_LINE && is_list_head(s, ls, le, nf)) {
        L->head = 1;
        return 1;
    }
    if (n <= SHORT_LINE && is_widget_line(nf))
        return 1;
    if (!has_quote(s, ls, le) && is_page_note(s, ls, le, nf))
        return 1;
    if (is_counter(s, ls, le, nf))
        return 1;
    if (n <= SHORT_LINE && all_words_in(nf, CREDIT_WORDS, COUNT(CREDIT_WORDS), CREDIT_STRONG, 0))
        return 1;
    if (is_reader_prompt(s, ls, le, nf)) {
        L->prompt = 1;
        return 1;
    }
    if (n <= SHORT_LINE && is_copyright(s, ls, le, nf))
        return 1;
    int colon = s[le - 1] == ':' && n <= 60;
    if (!alone && !colon)
        return 0;
    if (is_caption(s, ls, le))
        return 1;
    if (has_inner_stop(s, ls, le))
        return 0;
    if (n > SHORT_LINE)
        return 0;
    return has_phrase(nf, WIDGET_PHRASES, COUNT(WIDGET_PHRASES)) ||
           starts_with_phrase(nf, PROMPT_STARTS, COUNT(PROMPT_STARTS)) ||
           (n <= 60 && all_words_in(nf, DATE_WORDS, COUNT(DATE_WORDS), DATE_STRONG, 1)) ||
           is_byline(s, ls, le, nf) || is_dash_head(s, ls, le);
}

/* Does the text starting at s[i] start with a lower-case letter? */
static int starts_lower(const char *s, size_t i)
{
    return is_lower_ascii((unsigned char)s[i]);
}

/* Words are capitalised or separators: "Home News", "World › Middle East". */
static int is_crumb_prefix(const char *s, size_t ls, size_t le)
{
    size_t words = 0;
    if (le - ls > 50)
        return 0;
    for (size_t i = ls; i < le; i++) {
        if (i == ls || s[i - 1] == ' ') {
            unsigned char c = (unsigned char)s[i];
            if (c == ' ')
                continue;
            if (is_lower_ascii(c) || is_digit(c))
                return 0;
            words += is_upper_ascii(c);
        }
    }
    return words >= 1 && words <= 5;
}

/* Compare line i with the next non-blank line j: repeated captions,
 * a caption followed by itself plus a credit, and breadcrumbs. */
static void judge_pair(const char *s, line *a, line *b)
{
    size_t na = a->e - a->s, nb = b->e - b->s;
    if (na == nb && memcmp(s + a->s, s + b->s, na) == 0) {
        b->drop = 1;
        if (!a->term)
            a->drop = 1;
        return;
    }
    if (na >= 20 && nb > na && memcmp(s + a->s, s + b->s, na) == 0) {
        a->drop = 1;
        if (!b->term)
            b->drop = 1;
        return;
    }
    if (nb >= 20 && na > nb && memcmp(s + a->e - nb, s + b->s, nb) == 0 &&
        is_crumb_prefix(s, a->s, a->e - nb))
        a->drop = 1;
}

/* A caption or label repeated anywhere in the article: every copy of a
 * line without a final stop that occurs twice goes. Lines are hashed into
 * an open-addressing table of line indexes. Returns -1 when out of memory. */
static int drop_repeats(arena *a, const char *s, line *L, size_t n)
{
    size_t cand = 0;
    for (size_t i = 0; i < n; i++)
        cand += !L[i].blank && !L[i].term && L[i].e - L[i].s >= 12;
    if (cand < 2)
        return 0;
    size_t cap = 4;
    while (cap < cand * 2)
        cap <<= 1;
    uint32_t *slot = arena_calloc(a, cap, sizeof *slot);  /* line index + 1 */
    if (!slot)
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t len = L[i].e - L[i].s;
        if (L[i].blank || L[i].term || len < 12)
            continue;
        uint64_t h = strmap_hash(s + L[i].s, len);
        for (size_t k = h & (cap - 1);; k = (k + 1) & (cap - 1)) {
            if (!slot[k]) {
                slot[k] = (uint32_t)i + 1;
                break;
            }
            line *o = &L[slot[k] - 1];
            if (o->e - o->s == len && memcmp(s + o->s, s + L[i].s, len) == 0) {
                o->drop = L[i].drop = 1;
                break;
            }
        }
    }
    return 0;
}

#define LIST_ITEMS 12

/* Where a list item starts after its rank: "2. Interest rates ...". */
static size_t after_rank(const char *s, size_t ls, size_t le)
{
    size_t i = ls;
    while (i < le && i - ls < 3 && is_digit((unsigned char)s[i]))
        i++;
    if (i > ls && i < le && (s[i] == '.' || s[i] == ')'))
        i++;
    return i > ls && i < le && s[i] == ' ' ? i + 1 : ls;
}

/* Does line j run on into the next line, as a hard-wrapped paragraph does
 * (the next line starts in lower case or reads as story text)? */
static int runs_on(const char *s, const line *L, size_t n, size_t j)
{
    if (L[j].term || j + 1 >= n || L[j + 1].blank)
        return 0;
    const line *x = &L[j + 1];
    return starts_lower(s, x->s) || (x->term && s[x->e - 1] != '?') || x->e - x->s > SHORT_LINE ||
           has_inner_stop(s, after_rank(s, x->s, x->e), x->e);
}

/* The items under a list heading (L[h].head): short lines that stand
 * alone, headlines (a question among them) or a poll's options, up to the
 * first line that reads as story text (a stop at its end or inside, a
 * paragraph, a line running on) or two blank lines. A rank ("2." or "2")
 * may open an item. */
static void drop_list(const char *s, line *L, size_t n, size_t h)
{
    size_t items = 0, blanks = 0;
    for (size_t j = h + 1; j < n && items < LIST_ITEMS; j++) {
        if (L[j].blank) {
            if (++blanks > 1)
                return;
            continue;
        }
        blanks = 0;
        size_t ls = L[j].s, le = L[j].e;
        int question = s[le - 1] == '?';
        if (L[j].head || (L[j].drop && !L[j].term))
            continue;
        if (le - ls > SHORT_LINE || (L[j].term && !question) || runs_on(s, L, n, j))
            return;
        if (has_inner_stop(s, after_rank(s, ls, le), le))
            return;
        L[j].drop = 1;
        items++;
    }
}

/* Names of a byline ("By Amara Okafor and Rui Costa", "Lizzie
 * Dearden,Doug Bolton", "By Amara Okafor, East Africa correspondent"):
 * runs of two or three capitalised words between separators. */
#define MAX_NAMES 8
typedef struct name { uint32_t s, len; } name;

static size_t byline_names(const char *s, size_t ls, size_t le, name *out, size_t n)
{
    if (le - ls > 80)
        return n;
    size_t i = ls;
    if (le - ls > 3 && strncmp(s + ls, "By ", 3) == 0)
        i += 3;
    else if (!is_byline(s, ls, le, " ")) /* " ": not a normal form opening "by" */
        return n;
    while (i < le && n < MAX_NAMES) {
        while (i < le && (s[i] == ' ' || s[i] == ',' || s[i] == '&'))
            i++;
        size_t from = i, words = 0, caps = 1;
        while (i < le && s[i] != ',' && s[i] != '&') {
            size_t w = i;
            while (i < le && s[i] != ' ' && s[i] != ',' && s[i] != '&')
                i++;
            if (i - w == 3 && strncmp(s + w, "and", 3) == 0) {
                i = w;
                break;
            }
            caps &= is_upper_ascii((unsigned char)s[w]);
            words++;
            while (i < le && s[i] == ' ')
                i++;
        }
        size_t to = i;
        while (to > from && s[to - 1] == ' ')
            to--;
        if (le - i >= 3 && strncmp(s + i, "and", 3) == 0)
            i += 3;
        if (caps && words >= 2 && words <= 3)
            out[n++] = (name){(uint32_t)from, (uint32_t)(to - from)};
    }
    return n;
}

/* A reporter's biography: a byline's name, then who they are ("Amara
 * Okafor is the Courier's ...", "Rui Costa covers transport ..."). */
static int is_author_bio(const char *s, const line *L, const name *names, size_t nn)
{
    static const char *const verbs[] = {" is ", " was ", " has ", " covers ", " reports ", " writes ",
                                        " joined "};
    size_t ls = L->s, le = L->e;
    if (le - ls > CAPTION_LINE || has_quote(s, ls, le))
        return 0;
    for (size_t k = 0; k < nn; k++) {
        if (names[k].len >= le - ls || memcmp(s + ls, s + names[k].s, names[k].len) != 0)
            continue;
        for (size_t v = 0; v < COUNT(verbs); v++) {
            size_t vl = strlen(verbs[v]);
            if (ls + names[k].len + vl <= le && memcmp(s + ls + names[k].len, verbs[v], vl) == 0)
                return 1;
        }
    }
    return 0;
}

/* Split text into trimmed lines; returns the count or (size_t)-1. */
static size_t find_lines(arena *a, const char *text, size_t len, line **out)
{
    size_t n = 1;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + len - p))) != NULL; p++)
        n++;
    line *v = arena_calloc(a, n, sizeof *v);
    if (!v)
        return (size_t)-1;
    size_t k = 0, i = 0;
    while (k < n) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t s = i, e = end, m;
        while (s < e && (m = space_len(text, s, e)) > 0)
            s += m;
        while (e > s && (m = (size_t)is_space_end(text, s, e)) > 0)
            e -= m;
        v[k] = (line){(uint32_t)s, (uint32_t)e, s == e, 0, 0, 0, 0, 0};
        if (s < e)
            v[k].term = (unsigned char)ends_with_stop(text, s, e);
        k++;
        i = end + 1;
    }
    *out = v;
    return n;
}

size_t furniture_keep(arena *a, const char *text, size_t len, span **kept)
{
    *kept = NULL;
    line *L = NULL;
    size_t n = len ? find_lines(a, text, len, &L) : 0;
    if (n == (size_t)-1)
        return (size_t)-1;
    size_t nk = 0;
    for (size_t i = 0; i < n; i++) {
        if (L[i].blank)
            continue;
        nk++;
        size_t ll = L[i].e - L[i].s;
        int next_blank = i + 1 >= n || L[i + 1].blank;
        /* Lines of a hard-wrapped paragraph run on; a label stands alone. */
        int alone = !L[i].term &&
                    (next_blank || (ll < 50 && !starts_lower(text, L[i + 1].s)));
        L[i].alone = (unsigned char)alone;
        if (judge_line(text, &L[i], alone))
            L[i].drop = 1;
    }
    /* Lists under their headings; reporters' biographies. */
    name names[MAX_NAMES];
    size_t nn = 0;
    for (size_t i = 0; i < n; i++) {
        if (L[i].head)
            drop_list(text, L, n, i);
        if (!L[i].blank)
            nn = byline_names(text, L[i].s, L[i].e, names, nn);
    }
    for (size_t i = 0; i < n && nn; i++)
        if (!L[i].blank && !L[i].drop && is_author_bio(text, &L[i], names, nn))
            L[i].drop = 1;
    /* Neighbours: repeats and breadcrumbs. */
    for (size_t i = 0, j; i < n; i = j) {
        while (i < n && L[i].blank)
            i++;
        for (j = i + 1; j < n && L[j].blank; j++)
            ;
        if (j >= n)
            break;
        judge_pair(text, &L[i], &L[j]);
    }
    if (drop_repeats(a, text, L, n) < 0)
        return (size_t)-1;
    /* The title of a dropped reader prompt: "Consular assistance in Russia". */
    for (size_t i = 0; i < n; i++) {
        if (!L[i].prompt)
            continue;
        size_t h = i;
        while (h > 0 && L[h - 1].blank)
            h--;
        if (h == 0)
            continue;
        line *t = &L[h - 1];
        if (!t->drop && !t->term && t->e - t->s <= 80 && (h - 1 == 0 || L[h - 2].blank))
            t->drop = 1;
    }
    span *out = arena_alloc(a, (nk ? nk : 1) * sizeof *out);
    if (!out)
        return (size_t)-1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!L[i].blank && !L[i].drop)
            out[k++] = (span){L[i].s, L[i].e};
    *kept = out;
    return k;
}

/*
 * segment.c: a sentence splitter for news text; see segment.h.
 *
 * The text is walked once. Kept ranges that touch (only white space with at
 * most one line break between them) form a block; a block is cut into
 * paragraphs at blank lines; a paragraph is scanned byte by byte, stopping
 * only at the few bytes that can matter (. ! ? line breaks, quotes and the
 * lead byte of "…", "“", "”"). Everything else, including all of non-ASCII
 * text, is skipped by a table lookup, so the pass runs at memory speed and
 * calls utf8proc only to classify the first letter after a candidate stop.
 *
 * Whether a stop ends a sentence is decided from the word before it (an
 * abbreviation, an initial, a dotted acronym or an ordinary word) and the
 * character after it (lower case never starts a sentence; after "U.S." or
 * "Inc." only a common sentence opener such as "The" or "He" does).
 * A line break inside a paragraph ends a sentence only when the line looks
 * like a headline, dateline or list line; otherwise it is a hard wrap.
 */
#include "text/segment.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "precis.h"
#include "text/token.h"

/* ---- Output ------------------------------------------------------------ */

typedef struct out_vec {
    arena *a;
    seg_sentence *v;
    size_t n, cap;
    int oom;
} out_vec;

/* ---- Character classes ------------------------------------------------- */

/* Bytes at which the scanner must stop and look. */
static const unsigned char INTEREST[256] = {
    ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, ['"'] = 1, ['`'] = 1,
    ['\''] = 1, [0xE2] = 1, ['('] = 1,
};

/* Length of the white-space character at s[i] before end, or 0. */
static size_t space_len(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c < 0xC2)
        return 0;
    if (c == 0xC2)
        return (i + 1 < end && u[i + 1] == 0xA0) ? 2 : 0;
    if (i + 2 >= end)
        return 0;
    if (c == 0xE2 && u[i + 1] == 0x80 &&
        (u[i + 2] <= 0x8B || u[i + 2] == 0xA8 || u[i + 2] == 0xA9 || u[i + 2] == 0xAF))
        return 3;
    if (c == 0xE2 && u[i + 1] == 0x81 && (u[i + 2] == 0x9F || u[i + 2] == 0xA0))
        return 3;
    if (c == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x80)
        return 3;
    if (c == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
        return 3;
    return 0;
}

static size_t skip_space(const char *s, size_t i, size_t end)
{
    size_t n;
    while (i < end && (n = space_len(s, i, end)) > 0)
        i += n;
    return i;
}

/* Length of a white-space character ending just before s[end], or 0. */
static size_t space_len_back(const char *s, size_t start, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    if (end <= start)
        return 0;
    unsigned char c = u[end - 1];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c < 0x80)
        return 0;
    if (end - start >= 2 && u[end - 2] == 0xC2 && c == 0xA0)
        return 2;
    if (end - start >= 3 && space_len(s, end - 3, end) == 3)
        return 3;
    return 0;
}

static size_t trim_back(const char *s, size_t start, size_t end)
{
    size_t n;
    while (end > start && (n = space_len_back(s, start, end)) > 0)
        end -= n;
    return end;
}

/* Class of the character that would start the next sentence. */
enum { C_LOWER, C_UPPER, C_DIGIT, C_QUOTE, C_BRACKET, C_BULLET, C_OTHER };

static int char_class(const char *s, size_t i, size_t end)
{
    if (i >= end) /* nothing follows: a line break before white space to the end */
        return C_OTHER;
    unsigned char c = (unsigned char)s[i];
    if (c >= 'a' && c <= 'z')
        return C_LOWER;
    if (c >= 'A' && c <= 'Z')
        return C_UPPER;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    if (c == '"' || c == '\'' || c == '`')
        return C_QUOTE;
    if (c == '(' || c == '[' || c == '{')
        return C_BRACKET;
    if (c == '-' || c == '*' || c == '+')
        return C_BULLET;
    if (c < 0x80)
        return C_OTHER;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(end - i), &cp);
    if (n <= 0)
        return C_OTHER;
    switch (cp) {
    case 0x201C: case 0x2018: case 0x00AB: case 0x2039: case 0x201E:
        return C_QUOTE;
    case 0x2022: case 0x00B7: case 0x25AA: case 0x25E6: case 0x2023:
    case 0x2013: case 0x2014: case 0x25CF: case 0x25A0:
        return C_BULLET;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL:
        return C_LOWER;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_LM:
        return C_UPPER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    default:
        return C_OTHER;
    }
}

static int is_alpha_ascii(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Bytes of a closing quote or bracket at s[i] that may follow a final stop. */
static size_t closer_len(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    if (c == ')' || c == ']' || c == '}' || c == '"')
        return 1;
    if (c == '\'')
        return 1;
    if (c == 0xC2 && i + 1 < end && u[i + 1] == 0xBB) /* » */
        return 2;
    if (c == 0xE2 && i + 2 < end && u[i + 1] == 0x80 &&
        (u[i + 2] == 0x9D || u[i + 2] == 0x99 || u[i + 2] == 0xBA)) /* ” ’ › */
        return 3;
    return 0;
}

/* Length of a stop character at s[i]: . ! ? or "…" (3 bytes), else 0. */
static size_t stop_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0xA6)
        return 3;
    return 0;
}

int final_stop(const char *s, size_t start, size_t end)
{
    for (int guard = 0; end > start && guard < 8; guard++) {
        unsigned char c = (unsigned char)s[end - 1];
        if (c == '.' || c == '!' || c == '?')
            return c;
        if (c == ' ' && guard > 0) {   /* a tokenised closing quote: `futile . "` */
            end--;
            continue;
        }
        if (c == ')' || c == ']' || c == '"' || c == '\'' || c == '}') {
            end--;
            continue;
        }
        if (end - start >= 3 && (unsigned char)s[end - 3] == 0xE2 &&
            (unsigned char)s[end - 2] == 0x80) {
            if (c == 0xA6)
                return '.';
            if (c == 0x9D || c == 0x99) {
                end -= 3;
                continue;
            }
        }
        if (end - start >= 2 && (unsigned char)s[end - 2] == 0xC2 && c == 0xBB) {
            end -= 2;
            continue;
        }
        return 0;
    }
    return 0;
}

int ends_with_stop(const char *s, size_t start, size_t end)
{
    return final_stop(s, start, end) != 0;
}

/* A list line: a bullet, or "1." / "2)" / "a)" followed by a space. */
static int is_bullet_line(const char *s, size_t i, size_t end)
{
    if (char_class(s, i, end) == C_BULLET) {
        size_t n = (unsigned char)s[i] < 0x80 ? 1 : (unsigned char)s[i] < 0xE0 ? 2 : 3;
        if (i + n < end && space_len(s, i + n, end))
            return 1;
        return 0;
    }
    size_t j = i;
    while (j < end && j - i < 3 && s[j] >= '0' && s[j] <= '9')
        j++;
    if (j == i && j < end && s[j] >= 'a' && s[j] <= 'z')
        j++;
    if (j == i || j + 1 >= end || j - i > 3)
        return 0;
    return (s[j] == '.' || s[j] == ')') && (s[j + 1] == ' ' || s[j + 1] == '\t');
}

/* ---- Abbreviations ------------------------------------------------------ */

enum {
    AB_TITLE = 1,   /* never ends a sentence: Mr. Dr. Gen. St. vs. */
    AB_NUMBER,      /* before a number only: No. 5, Vol. 3, p. 12 */
    AB_AMBIG        /* may end one: Inc. Jr. Sept. Calif. etc. */
};

typedef struct abbrev {
    const char *word;
    unsigned char len, kind;
} abbrev;

#define AB(w, k) {w, sizeof(w) - 1, k}
static const abbrev ABBREVS[] = {
    AB("mr", AB_TITLE), AB("mrs", AB_TITLE), AB("ms", AB_TITLE), AB("mx", AB_TITLE),
    AB("dr", AB_TITLE), AB("prof", AB_TITLE), AB("gen", AB_TITLE), AB("col", AB_TITLE),
    AB("lt", AB_TITLE), AB("sgt", AB_TITLE), AB("capt", AB_TITLE), AB("cpt", AB_TITLE),
    AB("cmdr", AB_TITLE), AB("cdr", AB_TITLE), AB("adm", AB_TITLE), AB("maj", AB_TITLE),
    AB("brig", AB_TITLE), AB("cpl", AB_TITLE), AB("pvt", AB_TITLE), AB("sen", AB_TITLE),
    AB("rep", AB_TITLE), AB("reps", AB_TITLE), AB("sens", AB_TITLE), AB("gov", AB_TITLE),
    AB("rev", AB_TITLE), AB("hon", AB_TITLE), AB("pres", AB_TITLE), AB("supt", AB_TITLE),
    AB("insp", AB_TITLE), AB("det", AB_TITLE), AB("st", AB_TITLE), AB("mt", AB_TITLE),
    AB("ft", AB_TITLE), AB("fr", AB_TITLE), AB("msgr", AB_TITLE), AB("messrs", AB_TITLE),
    AB("mme", AB_TITLE), AB("mlle", AB_TITLE), AB("atty", AB_TITLE), AB("gens", AB_TITLE),
    AB("vs", AB_TITLE), AB("cf", AB_TITLE), AB("viz", AB_TITLE), AB("approx", AB_TITLE),
    AB("dept", AB_TITLE), AB("supp", AB_TITLE), AB("amb", AB_TITLE), AB("sec", AB_TITLE),
    AB("e.g", AB_TITLE), AB("i.e", AB_TITLE),
    AB("no", AB_NUMBER), AB("nos", AB_NUMBER), AB("vol", AB_NUMBER), AB("p", AB_NUMBER),
    AB("pp", AB_NUMBER), AB("art", AB_NUMBER), AB("fig", AB_NUMBER), AB("ch", AB_NUMBER),
    AB("op", AB_NUMBER), AB("ed", AB_NUMBER), AB("para", AB_NUMBER), AB("tel", AB_NUMBER),
    AB("inc", AB_AMBIG), AB("corp", AB_AMBIG), AB("co", AB_AMBIG), AB("ltd", AB_AMBIG),
    AB("llc", AB_AMBIG), AB("plc", AB_AMBIG), AB("bros", AB_AMBIG), AB("jr", AB_AMBIG),
    AB("sr", AB_AMBIG), AB("etc", AB_AMBIG), AB("al", AB_AMBIG), AB("esq", AB_AMBIG),
    AB("jan", AB_AMBIG), AB("feb", AB_AMBIG), AB("mar", AB_AMBIG), AB("apr", AB_AMBIG),
    AB("jun", AB_AMBIG), AB("jul", AB_AMBIG), AB("aug", AB_AMBIG), AB("sep", AB_AMBIG),
    AB("sept", AB_AMBIG), AB("oct", AB_AMBIG), AB("nov", AB_AMBIG), AB("dec", AB_AMBIG),
    AB("mon", AB_AMBIG), AB("tue", AB_AMBIG), AB("tues", AB_AMBIG), AB("wed", AB_AMBIG),
    AB("thu", AB_AMBIG), AB("thur", AB_AMBIG), AB("thurs", AB_AMBIG), AB("fri", AB_AMBIG),
    AB("sat", AB_AMBIG), AB("ave", AB_AMBIG), AB("blvd", AB_AMBIG), AB("rd", AB_AMBIG),
    AB("hwy", AB_AMBIG), AB("univ", AB_AMBIG), AB("assn", AB_AMBIG), AB("govt", AB_AMBIG),
    AB("est", AB_AMBIG), AB("min", AB_AMBIG), AB("max", AB_AMBIG), AB("ala", AB_AMBIG),
    AB("ariz", AB_AMBIG), AB("ark", AB_AMBIG), AB("calif", AB_AMBIG), AB("colo", AB_AMBIG),
    AB("conn", AB_AMBIG), AB("del", AB_AMBIG), AB("fla", AB_AMBIG), AB("ga", AB_AMBIG),
    AB("ill", AB_AMBIG), AB("ind", AB_AMBIG), AB("kan", AB_AMBIG), AB("kans", AB_AMBIG),
    AB("ky", AB_AMBIG), AB("la", AB_AMBIG), AB("md", AB_AMBIG), AB("mass", AB_AMBIG),
    AB("mich", AB_AMBIG), AB("minn", AB_AMBIG), AB("miss", AB_AMBIG), AB("mo", AB_AMBIG),
    AB("mont", AB_AMBIG), AB("neb", AB_AMBIG), AB("nev", AB_AMBIG), AB("okla", AB_AMBIG),
    AB("ore", AB_AMBIG), AB("pa", AB_AMBIG), AB("tenn", AB_AMBIG), AB("tex", AB_AMBIG),
    AB("va", AB_AMBIG), AB("vt", AB_AMBIG), AB("wash", AB_AMBIG), AB("wis", AB_AMBIG),
    AB("wyo", AB_AMBIG), AB("ok", AB_AMBIG),
};
#undef AB

static int abbrev_kind(const char *lw, size_t len)
{
    for (size_t i = 0; i < sizeof ABBREVS / sizeof ABBREVS[0]; i++)
        if (ABBREVS[i].len == len && ABBREVS[i].word[0] == lw[0] &&
            memcmp(ABBREVS[i].word, lw, len) == 0)
            return ABBREVS[i].kind;
    return 0;
}

/* Words that commonly open a sentence: after an ambiguous abbreviation
 * ("in the U.S. The next day") they mean a new sentence, while a name or
 * a noun ("U.S. Senator", "J.K. Rowling") continues the old one. */
static const char *const STARTERS[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her",
    "its", "their", "our", "this", "that", "these", "those", "there", "in", "on",
    "at", "by", "for", "from", "with", "but", "and", "or", "so", "yet", "if",
    "when", "while", "after", "before", "although", "though", "as", "since",
    "meanwhile", "however", "also", "still", "then", "now", "some", "many",
    "most", "other", "others", "one", "two", "what", "who", "why", "how",
    "where", "officials", "police", "mr", "mrs", "ms", "dr", "both", "each",
    "all", "no", "not", "last", "earlier", "later", "during", "under", "until",
    "another", "such", "my", "your", "several", "more", "instead", "yes",
};

static int is_starter(const char *s, size_t i, size_t end)
{
    char w[12];
    size_t n = 0;
    while (i + n < end && n < sizeof w && is_alpha_ascii((unsigned char)s[i + n])) {
        w[n] = (char)(s[i + n] | 0x20);
        n++;
    }
    if (n == 0 || n == sizeof w)
        return 0;
    /* All-caps words (EST, ISIS, AP) are names, not openers. */
    if (n >= 2 && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
        return 0;
    for (size_t k = 0; k < sizeof STARTERS / sizeof STARTERS[0]; k++)
        if (strlen(STARTERS[k]) == n && memcmp(STARTERS[k], w, n) == 0)
            return 1;
    return 0;
}

/* Verbs of attribution: after `"Does it exist?" Peskov asked` the quote's
 * stop does not end the sentence. */
static const char *const SAID[] = {
    "said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote",
    "writes", "replied", "shouted", "explained", "insisted", "noted", "recalled",
    "declared", "continued", "according", "argued", "warned", "tweeted", "cried",
};

/* Is one of the three words at s[i] a verb of attribution? Politico's
 * "story continued below" widget is not a speaker. */
static int attribution_follows(const char *s, size_t i, size_t end)
{
    static const char widget[] = "story continued below";
    if (end - i >= sizeof widget - 1 && strncasecmp(s + i, widget, sizeof widget - 1) == 0)
        return 0;
    for (int w = 0; w < 3 && i < end; w++) {
        size_t j = i;
        while (j < end && j - i < 12 && s[j] >= 'a' && s[j] <= 'z')
            j++;
        for (size_t k = 0; k < sizeof SAID / sizeof SAID[0] && j > i; k++)
            if (strlen(SAID[k]) == j - i && memcmp(SAID[k], s + i, j - i) == 0)
                return 1;
        /* on to the next word, if this one is a name */
        while (j < end && (is_alpha_ascii((unsigned char)s[j]) || s[j] == '-' || s[j] == '\''))
            j++;
        if (j >= end || s[j] != ' ')
            return 0;
        i = j + 1;
    }
    return 0;
}

/* ---- The scanner -------------------------------------------------------- */

typedef struct para {
    const char *t;
    size_t pe;          /* paragraph end */
    size_t sent;        /* start of the open sentence */
    size_t line;        /* start of the current line */
    int inq;            /* inside a double quotation */
    int sent_quote;     /* the open sentence started in or with a quote */
    int after_cut;      /* the open sentence goes on from a piece cut_long ended */
    out_vec *o;
} para;

static int has_word_char(const char *s, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || is_alpha_ascii(c))
            return 1;
    }
    return 0;
}

static void emit(para *p, size_t start, size_t end, uint32_t flags)
{
    out_vec *o = p->o;
    if (p->after_cut)
        flags |= SENT_TRUNCATED; /* the rest of a cut sentence is no sentence either */
    p->after_cut = 0;
    end = trim_back(p->t, start, end);
    if (end <= start || o->oom || !has_word_char(p->t, start, end))
        return;
    int stop = final_stop(p->t, start, end);
    if (!stop)
        flags |= SENT_UNTERMINATED;
    else if (stop == '?')
        flags |= SENT_QUESTION;
    if (p->sent_quote)
        flags |= SENT_QUOTE;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        seg_sentence *v = arena_grow(o->a, o->v, o->n, cap, sizeof *v);
        if (!v) {
            o->oom = 1;
            return;
        }
        o->v = v;
        o->cap = cap;
    }
    o->v[o->n++] = (seg_sentence){(uint32_t)start, (uint32_t)end, flags};
}

/* Is the quote character at s[i] (of n bytes) opening a quotation? */
static int quote_opens(const para *p, size_t i, size_t n, size_t ps)
{
    int before = i == ps || space_len_back(p->t, ps, i) ||
                 p->t[i - 1] == '(' || p->t[i - 1] == '[';
    int after = i + n >= p->pe || space_len(p->t, i + n, p->pe) ||
                strchr(".,;:!?)]", p->t[i + n]) != NULL;
    if (before && !after)
        return 1;
    if (!before && after)
        return 0;
    return !p->inq; /* tokenised " or glued a"b: alternate */
}

/* Start a new sentence at i (the first non-space byte). */
static void open_sentence(para *p, size_t i)
{
    p->sent = i;
    p->sent_quote = p->inq || (i < p->pe && char_class(p->t, i, p->pe) == C_QUOTE);
}

/* The word before a '.' at dot: [*ws, dot), openers stripped, at most 40 bytes. */
static size_t word_before(const para *p, size_t dot, size_t *ws)
{
    size_t i = dot;
    while (i > p->sent && dot - i < 40 && !space_len_back(p->t, p->sent, i))
        i--;
    if (dot - i >= 40)
        return 0;
    while (i < dot && strchr("\"'([{`", p->t[i]))
        i++;
    *ws = i;
    return dot - i;
}

/* "U.S", "a.m", "J.K", "f.b.i": letters in groups of one or two, dotted. */
static int is_dotted(const char *w, size_t n)
{
    size_t run = 0;
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') {
            if (run == 0)
                return 0;
            dots++;
            run = 0;
        } else if (is_alpha_ascii((unsigned char)w[i]) && ++run <= 2) {
            continue;
        } else {
            return 0;
        }
    }
    return dots > 0 && run > 0;
}

/* w[0..wl) with ASCII letters lower-cased into lw (no NUL); 0 if it is too
 * long to be an abbreviation, which needs no lookup then. */
static int lower_word(const char *w, size_t wl, char lw[16])
{
    if (wl >= 16)
        return 0;
    for (size_t i = 0; i < wl; i++)
        lw[i] = is_alpha_ascii((unsigned char)w[i]) ? (char)(w[i] | 0x20) : w[i];
    return 1;
}

/* Does the single '.' at dot, followed after white space by s[n], end a
 * sentence? nl: a line break lies between. */
static int period_ends(const para *p, size_t dot, size_t n, int nl)
{
    int nc = char_class(p->t, n, p->pe);
    size_t ws;
    size_t wl = word_before(p, dot, &ws);
    if (wl == 0)   /* "said . Then": a tokenised stop, or a long token */
        return dot > p->sent && space_len_back(p->t, p->sent, dot) ? 1 : nc != C_LOWER;
    const char *w = p->t + ws;
    unsigned char last = (unsigned char)w[wl - 1];
    if (!is_alpha_ascii(last) && !(last >= '0' && last <= '9'))
        return nc != C_LOWER;          /* after a quote, bracket or symbol */
    if (nc == C_LOWER)
        return 0;
    char lw[16];
    if (lower_word(w, wl, lw)) {
        int kind = abbrev_kind(lw, wl);
        if (kind == AB_TITLE)
            return 0;
        if (kind == AB_NUMBER && nc == C_DIGIT)
            return 0;
        if (kind == AB_AMBIG || is_dotted(w, wl)) {
            if (nc == C_DIGIT || nc == C_BRACKET)
                return 0;
            if (nl || nc == C_QUOTE)
                return 1;
            return nc == C_UPPER && is_starter(p->t, n, p->pe);
        }
        if (wl == 1 && is_alpha_ascii(last)) { /* an initial: George W. Bush */
            if (ws == p->line)
                return 0;               /* "Q. Who is at risk?" */
            return nl || (nc == C_UPPER && is_starter(p->t, n, p->pe));
        }
        if (ws == p->line && wl <= 3 && w[0] >= '0' && w[0] <= '9')
            return 0;                   /* "1. First item" */
        /* A rank run on in the line: after the heading's colon ("If you
         * were not infected: 1. Back up your files.") or after the step
         * before ("... files. 2. Get ..."). Ending the sentence there
         * would print the heading with a dangling "1." and a step without
         * its number. */
        if (wl <= 2 && w[0] >= '0' && w[0] <= '9' && (wl == 1 || (w[1] >= '0' && w[1] <= '9')) &&
            (ws == p->sent || (ws >= p->sent + 2 && p->t[ws - 1] == ' ' && p->t[ws - 2] == ':')))
            return 0;
    }
    return 1;
}

/* Is w[0..wl) (lower-cased into lw) an abbreviation or dotted acronym? */
static int abbreviated(const char *w, const char *lw, size_t wl)
{
    return abbrev_kind(lw, wl) || is_dotted(w, wl);
}

/* A full stop inside a closing quotation mark or bracket, then a
 * lower-case word: `is "futile." cambridge analytica ...`, `( the white
 * house won't say. ) but it was ...`. Multi-News lower-cases the word
 * after a quotation even when it opens a sentence, so the case of the next
 * word cannot decide; the stop ends the sentence unless the word before
 * it is an abbreviation or an initial ("the u.s." officials, "( d-calif. )
 * and") or a speaker follows ("... . " weiner said). */
static int closed_period_ends(const para *p, size_t dot, size_t n)
{
    size_t ws = dot;
    size_t wl = word_before(p, dot, &ws);
    if (wl == 0)   /* a tokenised stop, `the end . " democratic`, or a long token */
        return dot > p->sent && space_len_back(p->t, p->sent, dot) && !attribution_follows(p->t, n, p->pe);
    const char *w = p->t + ws;
    if (wl > 3 && (unsigned char)w[0] == 0xE2 && (unsigned char)w[1] == 0x80 &&
        ((unsigned char)w[2] == 0x9C || (unsigned char)w[2] == 0x98)) {
        w += 3;    /* an opening curly quote */
        wl -= 3;
    }
    if (wl < 2)
        return 0;
    char lw[16];
    if (lower_word(w, wl, lw)) {
        if (abbreviated(w, lw, wl))
            return 0;
        size_t h = wl;    /* a party and state: "d-calif", "r-n.y" */
        while (h > 0 && w[h - 1] != '-')
            h--;
        if (h > 0 && h < wl && abbreviated(w + h, lw + h, wl - h))
            return 0;
    }
    for (size_t i = 0; i < wl; i++)
        if (!is_alpha_ascii((unsigned char)w[i]) && !(w[i] >= '0' && w[i] <= '9') &&
            !(i > 0 && i + 1 < wl && (w[i] == '-' || w[i] == '\'')))
            return 0;
    return !attribution_follows(p->t, n, p->pe);
}

/* File name endings and top-level domains that follow a dot inside a
 * token ("cnn.com", "bit.ly", "photo.jpg"). Words that are also common
 * English ("in", "it", "at", "me", "us", "no") are left out: after a
 * glued stop they open a sentence far more often than they end a name. */
static const char *const DOMAIN_ENDS[] = {
    "com", "org", "net", "gov", "edu", "mil", "int", "co", "uk", "ca", "au", "de",
    "fr", "es", "nl", "ru", "cn", "jp", "io", "ly", "tv", "ws", "ie", "nz", "ch",
    "se", "info", "biz", "html", "htm", "php", "asp", "aspx", "jsp", "js", "jpg",
    "jpeg", "png", "gif", "pdf", "mp3", "mp4", "txt", "swf", "xml", "cfm", "shtml",
    "doc", "docx", "xls", "xlsx", "csv", "zip", "exe", "ppt", "pptx", "json", "gz", "rar", "svg", "webp",
    "mov", "avi", "wav", "mkv", "py", "md", "fm", "ai", "gl", "eu", "tk",
};

/* c is one of the bytes of set (never NUL, which strchr would find). */
static int one_of(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

static int domain_end(const char *w, size_t n)
{
    char lw[8];
    if (n >= sizeof lw)
        return 0;
    for (size_t i = 0; i < n; i++)
        lw[i] = (char)(w[i] | 0x20);
    for (size_t k = 0; k < sizeof DOMAIN_ENDS / sizeof *DOMAIN_ENDS; k++)
        if (strlen(DOMAIN_ENDS[k]) == n && memcmp(DOMAIN_ENDS[k], lw, n) == 0)
            return 1;
    return 0;
}

/* A stop glued between two words, "he said.the cbs telecast" or
 * "rabaca.she is due": Multi-News lost the space where its scraper joined
 * two paragraphs, 1,307 times in its 15,367 validation articles. The
 * single stop at i (its next byte is a letter) ends a sentence when a word
 * of two or more letters or a number ("in 2013.in september", "at age
 * 50.richmond police"), standing on its own, comes before it, and a word
 * that is not a web address's or file name's ending comes after:
 * "cnn.com", "abc.go.com", "bit.ly", "u.s.", "st.louis", "ph.d",
 * "results 2012.pdf" and "8.2" stay whole. */
static int glued_stop_ends(const para *p, size_t i)
{
    const char *t = p->t;
    size_t ws = i;
    while (ws > p->sent && is_alpha_ascii((unsigned char)t[ws - 1]))
        ws--;
    size_t wl = i - ws;
    int number = 0;
    if (wl == 0) {
        while (ws > p->sent && t[ws - 1] >= '0' && t[ws - 1] <= '9')
            ws--;
        number = ws < i;
    }
    if ((wl < 2 && !number) || (ws > p->sent && !one_of(t[ws - 1], " \t\n\"'([")))
        return 0;    /* a domain's or address's inner part, "4.5x", "e.g", "$5.m" */
    char lw[16];
    if (!number && t[i] == '.' && lower_word(t + ws, wl, lw) && abbrev_kind(lw, wl))
        return 0;
    size_t we = i + 1;
    while (we < p->pe && is_alpha_ascii((unsigned char)t[we]))
        we++;
    size_t nl = we - (i + 1);
    int after_ok = we >= p->pe || one_of(t[we], " \t\n,;:'\"") ||
                   (t[we] == '.' && (we + 1 >= p->pe || !is_alpha_ascii((unsigned char)t[we + 1])));
    if (!after_ok || domain_end(t + i + 1, nl))
        return 0;
    return nl >= 2 || (nl == 1 && we < p->pe && t[we] == ' ' &&
                       ((t[i + 1] | 0x20) == 'a' || (t[i + 1] | 0x20) == 'i'));
}

/* Length of an agency's photo credit at s[i], "( associated press )" in
 * any case and spacing, or 0. AP's captions reach Multi-News cut short and
 * glued to the story: "... negotiating the... ( associated press ) vatican
 * city ( ap ) -- pope francis insisted ...". */
static size_t credit_length(const char *s, size_t i, size_t end)
{
    static const char agency[] = "associated press";
    size_t j = i + 1;
    if (i >= end || s[i] != '(')
        return 0;
    while (j < end && s[j] == ' ')
        j++;
    for (size_t k = 0; k < sizeof agency - 1; k++, j++)
        if (j >= end || (s[j] | 0x20) != agency[k])
            return 0;
    while (j < end && s[j] == ' ')
        j++;
    return j < end && s[j] == ')' ? j + 1 - i : 0;
}

/* An agency's dateline at s[i]: "( cnn )", or "( ap )", "( reuters )",
 * "( afp )" before a dash. In Multi-News a CNN story's highlights and an
 * AP story's captions run straight into it ("... coast guard says ( cnn )
 * police announced saturday ..."): it opens the story, so it opens a
 * sentence. */
static int agency_dateline(const char *s, size_t i, size_t end)
{
    static const char *const agencies[] = {"cnn", "ap", "reuters", "afp"};
    size_t j = i + 1;
    while (j < end && s[j] == ' ')
        j++;
    for (size_t k = 0; k < sizeof agencies / sizeof *agencies; k++) {
        size_t n = strlen(agencies[k]), m = j;
        if (end - j <= n || strncasecmp(s + j, agencies[k], n) != 0)
            continue;
        m += n;
        while (m < end && s[m] == ' ')
            m++;
        if (m >= end || s[m] != ')' || m + 1 >= end || s[m + 1] != ' ')
            return 0;
        if (k == 0)
            return 1;
        m += 2;
        return m < end && (s[m] == '-' || ((unsigned char)s[m] == 0xE2 && m + 2 < end &&
                                           (unsigned char)s[m + 1] == 0x80 &&
                                           ((unsigned char)s[m + 2] == 0x93 || (unsigned char)s[m + 2] == 0x94)));
    }
    return 0;
}

/* The number of the month whose name (in full, or its first three letters
 * when short is set) starts s[i], and the offset past it in *e; or 0. */
static int month_at(const char *s, size_t i, size_t end, int short_ok, size_t *e)
{
    static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december"};
    for (int m = 0; m < 12; m++) {
        size_t n = strlen(months[m]), k = 0;
        while (k < n && i + k < end && (s[i + k] | 0x20) == months[m][k])
            k++;
        if (k < n && !(short_ok && k == 3 && !(i + k < end && is_alpha_ascii((unsigned char)s[i + k]))))
            continue;
        if (i + k < end && is_alpha_ascii((unsigned char)s[i + k]))
            continue;
        *e = i + k;
        return m + 1;
    }
    return 0;
}

/* Digits at s[i], from 1 to max of them: the offset past them, or 0. */
static size_t digits_at(const char *s, size_t i, size_t end, size_t max)
{
    size_t k = i;
    while (k < end && k - i < max && s[k] >= '0' && s[k] <= '9')
        k++;
    return k > i && !(k < end && s[k] >= '0' && s[k] <= '9') ? k : 0;
}

/* Length of an embedded post's signature at the '(' of s[i], or 0:
 * Twitter's "( @handle ) june 24, 2015" and Instagram's "( @handle ) on
 * jul 1, 2017 at 9: 33am pdt". Flattened pages run the post straight into
 * the story ("... — bobby jindal ( @bobbyjindal ) june 24, 2015 there had
 * been little doubt that ..."); the signature closes the post. */
static size_t post_signature_length(const char *s, size_t i, size_t end)
{
    size_t k = skip_space(s, i + 1, end);
    if (k >= end || s[k] != '@')
        return 0;
    size_t h = ++k;
    while (k < end && k - h <= 30 &&
           (is_alpha_ascii((unsigned char)s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] == '_'))
        k++;
    if (k == h || k - h > 30 || (k = skip_space(s, k, end)) >= end || s[k] != ')')
        return 0;   /* handles have at most 15 (Twitter) or 30 (Instagram) characters */
    k = skip_space(s, k + 1, end);
    int on = k + 3 < end && strncasecmp(s + k, "on ", 3) == 0;
    if (on)
        k += 3;
    size_t e, y;
    if (!month_at(s, k, end, on, &e) || e >= end || s[e] != ' ' || !(e = digits_at(s, e + 1, end, 2)) ||
        e + 2 >= end || s[e] != ',' || s[e + 1] != ' ' || !(y = digits_at(s, e + 2, end, 4)) || y - (e + 2) != 4)
        return 0;
    e = y;
    if (!on)
        return e - i;
    /* Instagram's form always gives the time, " at 9: 33am pdt"; without
     * it, "( @handle ) on june 24, 2015 that ..." is a sentence. */
    size_t t;
    if (!(e + 4 < end && strncasecmp(s + e, " at ", 4) == 0 && (t = digits_at(s, e + 4, end, 2)) && t < end &&
          s[t] == ':'))
        return 0;
    t = skip_space(s, t + 1, end);
    if (!(t = digits_at(s, t, end, 2)) || t + 2 > end || !one_of((char)(s[t] | 0x20), "ap") ||
        (s[t + 1] | 0x20) != 'm')
        return 0;
    e = t + 2;
    if (e + 4 <= end && s[e] == ' ' && is_alpha_ascii((unsigned char)s[e + 1]) &&
        is_alpha_ascii((unsigned char)s[e + 2]) && (s[e + 3] | 0x20) == 't' && (e + 4 == end || s[e + 4] == ' '))
        e += 4;  /* the time zone, "pdt" */
    return e - i;
}

/* After a spaced single quote at s[k], a contraction's ending: "i ' m",
 * "it ' s", "we ' ll", as Multi-News spaces them. */
static int contraction_after(const char *s, size_t k, size_t end)
{
    static const char *const ends[] = {"m", "s", "ll", "re", "ve", "d", "t"};
    size_t w = k + 2, e = w;
    while (e < end && is_alpha_ascii((unsigned char)s[e]))
        e++;
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
        if (strlen(ends[i]) == e - w && strncasecmp(s + w, ends[i], e - w) == 0)
            return 1;
    return 0;
}

/* Does a single quotation opened in s[from, to) stay open at to? Marks
 * are read as Multi-News writes them: "'i will" opens, "word' " closes,
 * a spaced " ' " closes an open one and otherwise opens, unless a
 * contraction's ending follows it; "don't" and doubled marks are none. */
static int single_quote_open(const char *s, size_t from, size_t to)
{
    int open = 0;
    for (size_t k = from; k < to; k++) {
        if (s[k] != '\'' || (k + 1 < to && s[k + 1] == '\'') || (k > from && s[k - 1] == '\''))
            continue;
        int before = k == from || s[k - 1] == ' ' || s[k - 1] == '"' || s[k - 1] == '(';
        int after = k + 1 >= to || s[k + 1] == ' ';
        if (before && !after)
            open = 1;
        else if (before && after && !contraction_after(s, k, to))
            open = !open;
        else if (!before && after)
            open = 0;
    }
    return open;
}

/* Emit the sentence [p->sent, end) and open the next at n. */
static size_t cut_long(para *p);

static void end_sentence(para *p, size_t end, size_t n, uint32_t flags)
{
    /* The scanner watches the limit, but a stop just inside it can bring
     * closing quotes and brackets past it: cut first, then end the rest. */
    if (end > p->sent + PRECIS_MAX_SENTENCE_BYTES)
        cut_long(p);
    emit(p, p->sent, end, flags);
    open_sentence(p, n);
}

/* Handle a stop run starting at i; returns where scanning resumes. */
static size_t at_stop(para *p, size_t i)
{
    const char *t = p->t;
    size_t j = i, n;
    int dots = 0, qe = 0, ell = 0, closed = 0;
    while (j < p->pe && (n = stop_len(t, j, p->pe)) > 0) {
        if (n == 3)
            ell = 1;
        else if (t[j] == '.')
            dots++;
        else
            qe = 1;
        j += n;
    }
    if (dots == 1 && !qe && !ell) {
        /* ". . .": a spaced ellipsis, not three tokenised stops */
        size_t k = j;
        int more = 0;
        while (k + 1 < p->pe && t[k] == ' ' && t[k + 1] == '.') {
            k += 2;
            more++;
        }
        if (more >= 2)
            j = k, dots += more;
    }
    if (dots >= 2)
        ell = 1;
    /* Closing quotes and brackets belong to the sentence they close. */
    size_t e = j;
    while (e < p->pe && (n = closer_len(t, e, p->pe)) > 0) {
        if (t[e] == '"' || t[e] == '\'') {
            if (t[e] == '\'' && !(e + 1 < p->pe && t[e + 1] == '\'') &&
                !(e + 1 >= p->pe || space_len(t, e + 1, p->pe)))
                break;              /* an apostrophe opening a word */
            if (t[e] == '"' && quote_opens(p, e, 1, p->sent))
                break;
            if (t[e] == '\'' && e + 1 < p->pe && t[e + 1] == '\'')
                n = 2;
        }
        if (t[e] == '"' || (n == 3 && (unsigned char)t[e + 2] == 0x9D) || n == 2)
            p->inq = 0, closed = 1;
        if (t[e] == ')' || t[e] == ']')
            closed = 1;
        e += n;
    }
    /* A tokenised closing quote: `affair . " democratic`, or one that ends
     * the paragraph, or a nested pair: `he said, ' sorry . ' " budde
     * recalled` (the single quote counts only when a double one closes
     * after it). A double quote after the double one that closed opens
     * the next quotation: `calling it " unimaginable. " " in the blink of
     * an eye ...`. */
    if (p->inq) {
        size_t k = e, last = 0;
        while (!last && k + 1 < p->pe && t[k] == ' ' && (t[k + 1] == '"' || t[k + 1] == '\'') &&
               (k + 2 == p->pe || space_len(t, k + 2, p->pe))) {
            k += 2;
            if (t[k - 1] == '"')
                last = k;
        }
        if (last) {
            e = last;
            p->inq = 0;
            closed = 1;
        }
    }
    /* A spaced closing single quote: `'i will screw you over big time. '
     * well okay`. */
    if (e == j && e + 1 < p->pe && t[e] == ' ' && t[e + 1] == '\'' &&
        (e + 2 >= p->pe || t[e + 2] == ' ') && single_quote_open(t, p->sent, i)) {
        e += 2;
        closed = 1;
    }
    /* A tokenised closing bracket: `( d-fla. ) and`, `( it declined to
     * comment . ) but`. A sentence never opens with one. */
    if (e + 1 < p->pe && t[e] == ' ' && (t[e + 1] == ')' || t[e + 1] == ']')) {
        e += 2;
        closed = 1;
    }
    if (e >= p->pe) {
        end_sentence(p, e, p->pe, 0);
        return p->pe;
    }
    if (!space_len(t, e, p->pe)) {
        if (e == i + 1 && is_alpha_ascii((unsigned char)t[e]) && glued_stop_ends(p, i)) {
            end_sentence(p, e, e, 0);
            return e;
        }
        return e > j ? e : j;          /* "8.2", "U.S.-led", "?", */
    }
    size_t next = e;
    int nl = 0;
    while (next < p->pe && (n = space_len(t, next, p->pe)) > 0) {
        nl |= t[next] == '\n';
        next += n;
    }
    if (next >= p->pe) {
        end_sentence(p, e, p->pe, 0);
        return p->pe;
    }
    int nc = char_class(t, next, p->pe);
    size_t credit = ell && nc == C_BRACKET ? credit_length(t, next, p->pe) : 0;
    if (credit) {
        /* A caption cut short and its credit: the two end the caption. */
        e = next + credit;
        next = skip_space(t, e, p->pe);
        end_sentence(p, e, next, 0);
        return next;
    }
    int split;
    if (qe)
        split = nc != C_LOWER;
    else if (ell)
        split = nc == C_UPPER || nc == C_QUOTE || nc == C_BULLET || (nl && nc != C_LOWER);
    else
        split = closed && nc == C_LOWER ? closed_period_ends(p, i, next) : period_ends(p, i, next, nl);
    if (split && qe && e > j && !nl && nc == C_UPPER && !is_starter(t, next, p->pe) &&
        attribution_follows(t, next, p->pe))
        split = 0;                     /* "Are they?" Peskov said. */
    if (!split)
        return e;
    end_sentence(p, e, next, 0);
    if (nl)
        p->line = next;
    return next;
}

/* Words such as "the" or a trailing comma mean a line continues. */
static int line_continues(const char *s, size_t ls, size_t le)
{
    unsigned char c = (unsigned char)s[le - 1];
    if (strchr(",;(&/-", c) && c != 0)
        return 1;
    if (le - ls >= 3 && (unsigned char)s[le - 3] == 0xE2 && (unsigned char)s[le - 2] == 0x80 &&
        (c == 0x93 || c == 0x94))
        return le - ls > 3 && !(char_class(s, ls, le) == C_BULLET); /* "– head –" ends */
    static const char *const glue[] = {"the", "a", "an", "of", "and", "or", "to", "in",
                                       "on", "for", "with", "by", "at", "from", "that"};
    size_t i = le;
    while (i > ls && is_alpha_ascii((unsigned char)s[i - 1]) && le - i < 5)
        i--;
    if (i > ls && !space_len_back(s, ls, i))
        return 0;
    for (size_t k = 0; k < sizeof glue / sizeof glue[0]; k++)
        if (strlen(glue[k]) == le - i && strncmp(glue[k], s + i, le - i) == 0)
            return 1;
    return 0;
}

/* Most words capitalised: a headline in title case. */
static int title_case(const char *s, size_t ls, size_t le)
{
    size_t words = 0, caps = 0;
    for (size_t i = ls; i < le; i++) {
        if (i == ls || s[i - 1] == ' ') {
            words++;
            caps += s[i] >= 'A' && s[i] <= 'Z';
        }
    }
    return words >= 2 && caps * 10 >= words * 7;
}

/* At a single line break inside a paragraph: does the line [ls, le) end a
 * sentence that has no stop, given the next line starts at n? */
static int line_breaks(const para *p, size_t ls, size_t le, size_t n)
{
    const char *s = p->t;
    if (ends_with_stop(s, ls, le))
        return 0;                       /* "Mr.\nSmith": the stop said no */
    if (is_bullet_line(s, n, p->pe))
        return 1;
    int nc = char_class(s, n, p->pe);
    if (is_bullet_line(s, ls, le))
        return nc != C_LOWER;
    if (nc == C_LOWER || line_continues(s, ls, le))
        return 0;
    if (s[le - 1] == ':' || le - ls < 60)
        return 1;
    return title_case(s, ls, le);
}

static void at_newline(para *p, size_t i)
{
    size_t le = trim_back(p->t, p->line, i);
    size_t n = skip_space(p->t, i + 1, p->pe);
    if (le > p->sent && le > p->line && line_breaks(p, p->line, le, n))
        end_sentence(p, le, n, 0);
    else if (le <= p->sent)
        open_sentence(p, n);
    p->line = n;
}

/* Cut an over-long sentence at a word boundary in its second half. */
static size_t cut_long(para *p)
{
    const char *t = p->t;
    size_t lim = p->sent + PRECIS_MAX_SENTENCE_BYTES, half = p->sent + PRECIS_MAX_SENTENCE_BYTES / 2;
    size_t cut = lim;
    while (cut > half && !space_len_back(t, half, cut))
        cut--;
    size_t end, next;
    if (cut > half) {
        end = trim_back(t, p->sent, cut);
        next = skip_space(t, cut, p->pe);
    } else {
        end = lim;
        while (end > p->sent && ((unsigned char)t[end] & 0xC0) == 0x80)
            end--;
        next = end;
    }
    for (size_t k = end; k < next; k++)
        if (t[k] == '\n')
            p->line = next;
    int q = p->inq;
    end_sentence(p, end, next, SENT_TRUNCATED);
    p->sent_quote = q;
    p->after_cut = 1;
    return next;
}

/* NPR's photo widget ("enlarge this image toggle caption" and a credit),
 * which a flattened page runs in between the headline and the story: the
 * offset where the next one after i starts, or end; *past is where the
 * search for the one after it starts. Found by a search rather than by the
 * scan, which passes over letters. */
static size_t photo_widget(const char *t, size_t i, size_t end, size_t *past)
{
    static const char toggle[] = "toggle caption", enlarge[] = "enlarge this image ";
    const size_t tn = sizeof toggle - 1, en = sizeof enlarge - 1;
    for (size_t from = i;;) {
        const char *hit = from < end ? memmem(t + from, end - from, toggle, tn) : NULL;
        if (!hit)
            return *past = end;
        size_t at = (size_t)(hit - t);
        *past = at + tn;
        if (at + tn == end || t[at + tn] == ' ')
            return at >= i + en && strncasecmp(t + at - en, enlarge, en) == 0 ? at - en : at;
        from = at + 1;
    }
}

static void scan_para(out_vec *o, const char *t, size_t ps, size_t pe)
{
    para p = {.t = t, .pe = pe, .o = o};
    size_t i = skip_space(t, ps, pe);
    if (i >= pe)
        return;
    p.line = i;
    open_sentence(&p, i);
    size_t past_widget, widget = photo_widget(t, i, pe, &past_widget);
    while (i < pe && !o->oom) {
        size_t lim = p.sent + PRECIS_MAX_SENTENCE_BYTES;
        if (lim > pe)
            lim = pe;
        if (widget < i) /* a handler stepped over it: look again from here */
            widget = photo_widget(t, i, pe, &past_widget);
        if (lim > widget)
            lim = widget;
        while (i < lim && !INTEREST[(unsigned char)t[i]])
            i++;
        if (i == widget && widget < pe) {
            /* The headline before it, unterminated, is a fragment; the
             * widget and its credit are trimmed from the story's first
             * sentence (clean/sentence_edges.c). */
            if (i > p.sent) {
                end_sentence(&p, i, i, 0);
                p.inq = 0;
                p.sent_quote = 0;
            }
            widget = photo_widget(t, past_widget, pe, &past_widget);
            continue;
        }
        if (i >= pe)
            break;
        if (i >= p.sent + PRECIS_MAX_SENTENCE_BYTES) {
            i = cut_long(&p);
            continue;
        }
        unsigned char c = (unsigned char)t[i];
        if (c == '.' || c == '!' || c == '?') {
            i = at_stop(&p, i);
        } else if (c == '\n') {
            at_newline(&p, i);
            i = p.line > i ? p.line : i + 1;
        } else if (c == '"') {
            p.inq = quote_opens(&p, i, 1, ps);
            i++;
        } else if (c == '`' || c == '\'') {
            if (i + 1 < pe && t[i + 1] == c) {
                p.inq = c == '`';
                i += 2;
            } else {
                i++;
            }
        } else if (c == '(') {
            size_t sig = i > p.sent ? post_signature_length(t, i, pe) : 0;
            if (sig) {   /* the post and its signature end here, whatever the stops inside */
                size_t next = skip_space(t, i + sig, pe);
                end_sentence(&p, i + sig, next, 0);
                p.inq = 0;
                p.sent_quote = 0;
                i = next;
                continue;
            }
            if (i > p.sent && agency_dateline(t, i, pe) && count_words(t, p.sent, i) >= 5) {
                end_sentence(&p, i, i, 0);
                p.inq = 0;   /* a story starts here; the headline's quotes are behind it */
                p.sent_quote = 0;
            }
            i++;
        } else if (stop_len(t, i, pe) == 3) {
            i = at_stop(&p, i);
        } else {
            if (i + 2 < pe && (unsigned char)t[i + 1] == 0x80) {
                if ((unsigned char)t[i + 2] == 0x9C)
                    p.inq = 1;
                else if ((unsigned char)t[i + 2] == 0x9D)
                    p.inq = 0;
            }
            i++;
        }
    }
    if (p.sent < pe)
        emit(&p, p.sent, pe, 0);
}

/* Cut the block [bs, be) into paragraphs at blank lines. */
static void scan_block(out_vec *o, const char *t, size_t bs, size_t be)
{
    size_t ps = bs, i = bs;
    while (i < be) {
        const char *nl = memchr(t + i, '\n', be - i);
        if (!nl)
            break;
        size_t a = (size_t)(nl - t) + 1, b = a;
        int blank = 0;
        size_t n;
        while (b < be && (n = space_len(t, b, be)) > 0) {
            if (t[b] == '\n')
                blank = 1;
            b += n;
        }
        if (blank) {
            scan_para(o, t, ps, a - 1);
            ps = b;
        }
        i = b > a ? b : a;
    }
    if (ps < be)
        scan_para(o, t, ps, be);
}

/* Is the gap [a, b) only white space with at most one line break? */
static int touches(const char *t, size_t a, size_t b)
{
    int nls = 0;
    for (size_t i = a; i < b;) {
        size_t n = space_len(t, i, b);
        if (!n)
            return 0;
        if (t[i] == '\n' && ++nls > 1)
            return 0;
        i += n;
    }
    return 1;
}

size_t segment_sentences(arena *a, const char *text, const span *ranges, size_t nranges,
                         seg_sentence **out)
{
    out_vec o = {.a = a};
    *out = NULL;
    size_t k = 0;
    while (k < nranges) {
        size_t bs = ranges[k].start, be = ranges[k].end;
        k++;
        while (k < nranges && ranges[k].start >= be && touches(text, be, ranges[k].start))
            be = ranges[k++].end;
        if (be > bs)
            scan_block(&o, text, bs, be);
        if (o.oom)
            return (size_t)-1;
    }
    if (!o.v) {
        o.v = arena_alloc(a, sizeof *o.v);
        if (!o.v)
            return (size_t)-1;
    }
    *out = o.v;
    return o.n;
}

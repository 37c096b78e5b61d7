/*
 * wire_markup.c: leave news agencies' typesetting codes and notes to
 * editors out of the story text; see wire_markup.h.
 *
 * One pass over each kept range looks only at '&' and '('. A code or note
 * found splits the range in two; the pieces are trimmed of white space and
 * empty ones dropped. Text without any (nearly all of it) is handed back
 * as it came, without a copy.
 */
#include "clean/wire_markup.h"

#include <string.h>
#include <strings.h>

#include "text/token.h"

/* The typesetting codes seen in the Times's wire copy. "&UR;" and "&LR;"
 * also toggle a style inside a sentence ("try to make the plants do what
 * &LR; you &LR; want"); there they are left alone, since cutting would
 * split the sentence into fragments. */
static const char *const CODES[] = {"QL", "QC", "QR", "UR", "LR"};

/* Notes to editors, in parentheses, as the wire writes them. */
static const char *const NOTES[] = {
    "STORY CAN END HERE", "END OPTIONAL TRIM", "OPTIONAL TRIM", "BEGIN OPTIONAL TRIM", "FIRST OPTIONAL TRIM",
    "SECOND OPTIONAL TRIM", "THIRD OPTIONAL TRIM",
    "OPTIONAL MATERIAL FOLLOWS", "MORE)", "EDS:", "EDS.", "EDITORS:", "EDITOR:", "END ADVANCE",
};

/* The same, written in ordinary case. */
static const char *const NOTES_ANY_CASE[] = {
    "distributed by new york times",
};

/* A note's closing parenthesis must come within this many bytes. */
#define NOTE_MAX 240

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static int is_word_end(unsigned char c)
{
    return is_lower(c) || (c >= '0' && c <= '9') || c == ',';
}

static int is_letter(unsigned char c)
{
    return is_lower(c) || (c >= 'A' && c <= 'Z');
}

/* 1 if s[i..i+4) is a style code, "&UR;" or "&LR;". */
static int is_style_code(const char *s, size_t i)
{
    return s[i] == '&' && (s[i + 1] == 'U' || s[i + 1] == 'L') && s[i + 2] == 'R' && s[i + 3] == ';';
}

/* Back from s[i] over white space and style codes, not before start: the
 * wire writes an empty style run as "&UR; &LR;", so a code's neighbour
 * may be another code rather than the word. */
static size_t back_over_codes(const char *s, size_t start, size_t i)
{
    for (;;) {
        while (i > start && is_space((unsigned char)s[i - 1]))
            i--;
        if (i - start < 4 || !is_style_code(s, i - 4))
            return i;
        i -= 4;
    }
}

/* The same, forward from s[i], not past end. */
static size_t forward_over_codes(const char *s, size_t i, size_t end)
{
    for (;;) {
        while (i < end && is_space((unsigned char)s[i]))
            i++;
        if (end - i < 4 || !is_style_code(s, i))
            return i;
        i += 4;
    }
}

static int has_prefix(const char *s, size_t i, size_t end, const char *p)
{
    size_t n = strlen(p);
    return end - i >= n && !memcmp(s + i, p, n);
}

/* 1 if the code at s[i] sits inside a sentence: a word (or a comma) before
 * it and a word after it, past any other style codes. The word after may
 * be a name ("said Tom &UR; Keating, a professor"); a heading's code has
 * a line's end, a stop or a dash on one side. */
static int inside_sentence(const char *s, size_t start, size_t i, size_t after, size_t end)
{
    size_t b = back_over_codes(s, start, i);
    size_t f = forward_over_codes(s, after, end);
    return b > start && f < end && is_word_end((unsigned char)s[b - 1]) && is_letter((unsigned char)s[f]);
}

/* Bytes of the typesetting code at s[i] (s[i] == '&'), or 0. */
static size_t code_at(const char *s, size_t start, size_t i, size_t end)
{
    if (end - i < 4 || s[i + 3] != ';')
        return 0;
    for (size_t k = 0; k < sizeof CODES / sizeof *CODES; k++) {
        if (s[i + 1] != CODES[k][0] || s[i + 2] != CODES[k][1])
            continue;
        if (CODES[k][0] != 'Q' && inside_sentence(s, start, i, i + 4, end))
            return 0;
        return 4;
    }
    return 0;
}

/* Bytes of the note to editors at s[i] (s[i] == '('), through its closing
 * parenthesis, or 0. */
static size_t note_at(const char *s, size_t i, size_t end)
{
    size_t j = i + 1;
    while (j < end && s[j] == ' ')
        j++;
    int found = 0;
    for (size_t k = 0; !found && k < sizeof NOTES / sizeof *NOTES; k++)
        found = has_prefix(s, j, end, NOTES[k]);
    for (size_t k = 0; !found && k < sizeof NOTES_ANY_CASE / sizeof *NOTES_ANY_CASE; k++) {
        size_t n = strlen(NOTES_ANY_CASE[k]);
        found = end - j >= n && !strncasecmp(s + j, NOTES_ANY_CASE[k], n);
    }
    if (!found)
        return 0;
    size_t limit = end - i < NOTE_MAX ? end : i + NOTE_MAX;
    for (size_t k = j; k < limit; k++) {
        if (s[k] == ')')
            return k + 1 - i;
        if (s[k] == '(')
            return 0;
    }
    return 0;
}

typedef struct pieces {
    arena *a;
    span *v;
    size_t n, cap;
    int oom;
} pieces;

/* Append [s, e) trimmed of white space, if anything is left. */
static void add_piece(pieces *p, const char *text, size_t s, size_t e)
{
    while (s < e && is_space((unsigned char)text[s]))
        s++;
    while (e > s && is_space((unsigned char)text[e - 1]))
        e--;
    if (s == e || p->oom)
        return;
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 16;
        span *v = arena_alloc(p->a, cap * sizeof *v);
        if (!v) {
            p->oom = 1;
            return;
        }
        if (p->n)
            memcpy(v, p->v, p->n * sizeof *v);
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = (span){(uint32_t)s, (uint32_t)e};
}

/* Where the first code or note of [s, e) starts, with its length in *len;
 * e if there is none. */
static size_t next_markup(const char *text, size_t s, size_t e, size_t *len)
{
    /* Every article passes here, and nearly all have neither code nor
     * note: memchr finds the few '&' and '(' to look at. */
    const char *amp = memchr(text + s, '&', e - s), *paren = memchr(text + s, '(', e - s);
    while (amp || paren) {
        const char *at = !paren || (amp && amp < paren) ? amp : paren;
        size_t i = (size_t)(at - text);
        size_t n = *at == '&' ? code_at(text, s, i, e) : note_at(text, i, e);
        if (n) {
            *len = n;
            return i;
        }
        if (at == amp)
            amp = memchr(at + 1, '&', e - i - 1);
        else
            paren = memchr(at + 1, '(', e - i - 1);
    }
    return e;
}

size_t wire_markup_cut(arena *a, const char *text, const span *kept, size_t n, span **out)
{
    size_t first = n, len = 0;
    for (size_t k = 0; k < n && first == n; k++)
        if (next_markup(text, kept[k].start, kept[k].end, &len) < kept[k].end)
            first = k;
    if (first == n) { /* the usual case: nothing to leave out */
        *out = (span *)kept;
        return n;
    }
    pieces p = {.a = a};
    for (size_t k = 0; k < n; k++) {
        size_t s = kept[k].start, e = kept[k].end;
        if (k < first) {
            add_piece(&p, text, s, e);
            continue;
        }
        for (;;) {
            size_t at = next_markup(text, s, e, &len);
            add_piece(&p, text, s, at);
            if (at == e)
                break;
            s = at + len;
        }
    }
    if (p.oom)
        return (size_t)-1;
    if (!p.v && !(p.v = arena_alloc(a, sizeof *p.v)))
        return (size_t)-1;
    *out = p.v;
    return p.n;
}

int is_note_to_editors(const char *s, size_t len)
{
    static const char *const labels[] = {
        "EDITORS:", "EDITOR:", "EDS:", "NONSUBSCRIBERS:", "SUBSCRIBERS:", "NOTE TO EDITORS:", "EDITOR'S NOTE:",
        "ATTENTION EDITORS:",
    };
    size_t i = 0;
    while (i < len && is_space((unsigned char)s[i]))
        i++;
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
        if (has_prefix(s, i, len, labels[k]))
            return 1;
    return 0;
}

/* Digits and hyphens from s[i]: a telephone number when it has at least
 * nine digits in three groups or more ("404-526-5887", "1-732-390-4480"),
 * or eight in four ("47-42-17-11", Paris); a date ("2015-07-28") has
 * eight in three. Returns its end, or i. */
static size_t phone_at(const char *s, size_t i, size_t len)
{
    size_t j = i, digits = 0, groups = 0, run = 0;
    for (; j < len; j++) {
        if (s[j] >= '0' && s[j] <= '9') {
            digits++;
            run++;
        } else if (s[j] == '-' && run) {
            groups++;
            run = 0;
        } else {
            break;
        }
    }
    groups += run > 0;
    return run && ((digits >= 9 && groups >= 3) || (digits >= 8 && groups >= 4)) ? j : i;
}

/* s[i..i+n) are digits: i + n, else 0. */
static size_t digits_at(const char *s, size_t i, size_t len, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (i + k >= len || s[i + k] < '0' || s[i + k] > '9')
            return 0;
    return i + n;
}

/* "(800) 283-7800": an area code in parentheses, then digits-digits; also
 * as Multi-News spaces it, "( 718 ) 838-7382". Returns its end, or 0. */
static size_t bracketed_phone_at(const char *s, size_t i, size_t len)
{
    size_t j = i + 1;
    j += j < len && s[j] == ' ';
    if (!(j = digits_at(s, j, len, 3)))
        return 0;
    j += j < len && s[j] == ' ';
    if (len - j < 2 || s[j] != ')' || s[j + 1] != ' ' || !(j = digits_at(s, j + 2, len, 3)))
        return 0;
    if (j >= len || s[j] != '-')
        return 0;
    return digits_at(s, j + 1, len, 4);
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
}

/* "toder(at)coxnews.com", "name@example.org": a mailbox at a domain. */
static int mailbox_at(const char *s, size_t i, size_t len)
{
    size_t at = 0;
    if (s[i] == '@')
        at = 1;
    else if (len - i >= 4 && !strncasecmp(s + i, "(at)", 4))
        at = 4;
    if (!at || i == 0 || !is_name_char(s[i - 1]))
        return 0;
    size_t j = i + at;
    while (j < len && is_name_char(s[j]))
        j++;
    while (j > i + at && s[j - 1] == '.') /* the sentence's stop */
        j--;
    size_t dots = 0, letters = 0;
    for (size_t k = i + at; k < j; k++) {
        dots += s[k] == '.';
        letters += s[k] != '.';
    }
    return dots > 0 && letters >= 3;
}

/* Words after the one that s[i] is in (or ends), as the word budget
 * counts them (text/token.h). */
static size_t words_after(const char *s, size_t i, size_t len)
{
    while (i < len && !is_space((unsigned char)s[i]))
        i++;
    return count_words(s, i, len);
}

/* Most words a contact may have after it: a hotline, a mailbox or a list
 * of numbers ends its sentence ("... call police at 206-233-5000."). One
 * with a long story after it is a press release's header or a byline glued
 * to a lead, which keeps its sentence. */
#define CONTACT_TAIL 8

/* Where the last n words of s[0..len) begin (0 if it has fewer), and in
 * *candidate whether they hold a digit, '@' or '(', without which no
 * contact can be there. */
static size_t last_words(const char *s, size_t len, size_t n, int *candidate)
{
    *candidate = 0;
    for (size_t i = len, words = 0; i > 0; i--) {
        unsigned char c = (unsigned char)s[i - 1];
        *candidate |= (c >= '0' && c <= '9') || c == '@' || c == '(';
        if (!is_space(c) && (i == 1 || is_space((unsigned char)s[i - 2])) && ++words == n)
            return i - 1;
    }
    return 0;
}

int holds_contact_details(const char *s, size_t len)
{
    /* A contact ends at most CONTACT_TAIL words before the sentence does,
     * and takes up to four words itself ("( 718 ) 838-7382"): only the tail can
     * hold one, so only the tail is read, which keeps this cheap on every
     * sentence. The quotation marks before it set whether it is quoted. */
    int candidate;
    size_t from = last_words(s, len, CONTACT_TAIL + 5, &candidate);
    if (!candidate)
        return 0;
    int quoted = 0; /* inside straight quotation marks: a song's title, an address in the story */
    for (const char *q = s; (q = memchr(q, '"', (size_t)(s + from - q))) != NULL; q++)
        quoted = !quoted;
    for (size_t i = from; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            quoted = !quoted;
        if (quoted)
            continue;
        int word_start = i == 0 || s[i - 1] == ' ' || s[i - 1] == ',';
        size_t end = 0;
        if (c >= '0' && c <= '9' && word_start) {
            size_t phone = phone_at(s, i, len);
            end = phone > i ? phone : 0;
        } else if (c == '(') {
            end = bracketed_phone_at(s, i, len);
        }
        if (!end && (c == '@' || c == '(') && mailbox_at(s, i, len))
            end = i + 1;
        if (end && words_after(s, end, len) <= CONTACT_TAIL)
            return 1;
    }
    return 0;
}

/* ---- budgets ----------------------------------------------------------- */

#define BUDGET_SLUG_LINES 3

/* Past a slug at s[i], a line's start: capitals or digits joined by
 * hyphens, then " _ " ("CUBA-ELIAN _ ", "POL-TICKER _ ", "EDITORIAL-TEENS
 * _ ", "ELIAN _ "); else i. *joined says it had a hyphen, which a
 * dateline's place ("MOSCOW _ ") does not. */
static size_t slug_at(const char *s, size_t i, size_t len, int *joined)
{
    size_t k = i, caps = 0;
    *joined = 0;
    while (k < len && ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9') || s[k] == '-')) {
        caps += s[k] >= 'A' && s[k] <= 'Z';
        *joined |= s[k] == '-';
        k++;
    }
    if (caps < 2 || s[k - 1] == '-')
        return i;
    return k + 3 <= len && !memcmp(s + k, " _ ", 3) ? k + 3 : i;
}

static int holds_phrase(const char *s, size_t len, const char *phrase)
{
    size_t n = strlen(phrase);
    for (size_t i = 0; i + n <= len; i++)
        if (!strncasecmp(s + i, phrase, n))
            return 1;
    return 0;
}

int is_news_budget(const char *text, size_t len)
{
    static const char *const phrases[] = {
        "end of this budget", "budgets move", "budget information", "moving today to clients",
        "plans to move the following", "need a resend",
    };
    /* A world roundup's paragraphs open with datelines ("MOSCOW _ ",
     * "BEIJING _ "): one slug at least must be two words joined. */
    size_t slugs = 0;
    int joined = 0, hyphen;
    for (size_t i = 0; i < len && (slugs < BUDGET_SLUG_LINES || !joined);) {
        if (slug_at(text, i, len, &hyphen) > i) {
            slugs++;
            joined |= hyphen;
        }
        const char *nl = memchr(text + i, '\n', len - i); /* every article comes here: no byte loop */
        if (!nl)
            break;
        i = (size_t)(nl - text) + 1;
    }
    if (!joined || slugs < 2)
        return 0;
    if (slugs >= BUDGET_SLUG_LINES)
        return 1;
    for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++)
        if (holds_phrase(text, len, phrases[k]))
            return 1;
    return 0;
}

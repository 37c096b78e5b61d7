/*
 * numbers.c: quantities in news text.
 *
 * A quantity is a number phrase ("12", "more than 250,000", "four",
 * "twenty-five", "a dozen", "two-thirds", "$5.5 million", "40%", "Oct 1",
 * "March 2011") together with what it counts: the unit noun that follows
 * ("12 targets", "four Islamic State targets", "36 civilians") and the time
 * words of its sentence ("Wednesday", "overnight"). The discrepancy stage
 * compares quantities of the same unit across outlets.
 *
 * Vague plurals ("dozens", "thousands", "millions of refugees") are no
 * quantity, and nor are clock times or model numbers ("Su-25").
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "text/token.h"

typedef struct word_value {
    const char *w;
    double v;
} word_value;

static const word_value small_words[] = {
    {"zero", 0},     {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},    {"ninety", 90},    {NULL, 0}};

static const word_value scale_words[] = {
    {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
    {NULL, 0}};

static const word_value fraction_words[] = {
    {"half", 0.5},       {"halves", 0.5},  {"third", 1.0 / 3}, {"thirds", 1.0 / 3},
    {"quarter", 0.25},   {"quarters", 0.25}, {"fifth", 0.2},   {"fifths", 0.2},
    {NULL, 0}};

static const char *const months[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
    "aug",     "sep",      "sept",      "oct",     "nov",      "dec",      NULL};

static const char *const time_words[] = {
    "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",
    "overnight", "yesterday", "today",   "tonight",  "weekend", NULL};

/* Words after a count that describe the counted rather than name it. */
static const char *const postnominal[] = {"dead", "killed", "wounded", "injured", "displaced",
                                          "missing", "ago", "old", "more", "each", "apiece",
                                          "total", "altogether", NULL};

/* Plural nouns without a final s. */
static const char *const plural_irregular[] = {"people", "children", "men", "women", "police",
                                               "aircraft", "personnel", "staff", "feet", "cattle",
                                               "sheep", "fish", "deer", "youth", NULL};

static const char *const currency_words[] = {"dollars", "dollar", "euros", "euro", "pounds",
                                             "yen", "yuan", "rubles", "roubles", "rupees", NULL};

/* Every token of a sentence passes through these lookups, so the first
 * letter is compared before the call to strcmp. */
static int in_list(const char *const *list, const char *w)
{
    for (; *list; list++)
        if ((*list)[0] == w[0] && !strcmp(*list, w))
            return 1;
    return 0;
}

static int word_lookup(const word_value *t, const char *w, double *v)
{
    for (; t->w; t++)
        if (t->w[0] == w[0] && !strcmp(t->w, w)) {
            *v = t->v;
            return 1;
        }
    return 0;
}

static int same_sentence(const cmp_doc *d, uint32_t i, uint32_t j)
{
    return i < d->ntok && j < d->ntok && d->tok[i].sent == d->tok[j].sent;
}

static int is_tok(const cmp_doc *d, uint32_t i, uint32_t from, const char *w)
{
    return same_sentence(d, i, from) && !strcmp(d->tok[i].norm, w);
}

/* Bytes between two tokens hold punctuation that ends a phrase. */
static int phrase_break(const char *text, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++)
        if (strchr(",;:.!?([]\"", text[k]) || (unsigned char)text[k] == 0xE2)
            return 1; /* 0xE2 starts curly quotes and dashes */
    return 0;
}

static int paren_open(const char *text, uint32_t from, uint32_t to)
{
    return memchr(text + from, '(', to - from) != NULL;
}

/* Digits with optional thousands commas and a decimal point. */
static int parse_digits(const char *s, double *v)
{
    char tmp[64];
    size_t n = 0;
    int dot = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ',')
            continue;
        if (*p == '.') {
            if (dot++)
                return 0;
        } else if (!isdigit((unsigned char)*p)) {
            return 0; /* "25m", "3rd": a model number or an ordinal */
        }
        if (n + 1 >= sizeof tmp)
            return 0;
        tmp[n++] = *p;
    }
    tmp[n] = 0;
    *v = strtod(tmp, NULL);
    return n > 0;
}

/* Modifiers before a number: "more than 250,000". Sets approx, moves *start. */
static void read_modifier(const cmp_doc *d, uint32_t i, cmp_quantity *q)
{
    static const struct {
        const char *a, *b;
        uint8_t approx;
    } two[] = {{"more", "than", CMP_MORE},  {"at", "least", CMP_MORE}, {"fewer", "than", CMP_LESS},
               {"less", "than", CMP_LESS},  {"up", "to", CMP_LESS},    {"as", "many", CMP_ABOUT},
               {"an", "estimated", CMP_ABOUT}, {NULL, NULL, 0}};
    static const struct {
        const char *a;
        uint8_t approx;
    } one[] = {{"over", CMP_MORE},      {"nearly", CMP_ABOUT}, {"almost", CMP_ABOUT},
               {"about", CMP_ABOUT},    {"around", CMP_ABOUT}, {"some", CMP_ABOUT},
               {"approximately", CMP_ABOUT}, {"roughly", CMP_ABOUT}, {"under", CMP_LESS},
               {"nearly", CMP_ABOUT},   {NULL, 0}};
    uint32_t k = q->tok0;
    if (k >= 3 && is_tok(d, k - 1, i, "as") && is_tok(d, k - 2, i, "many") && is_tok(d, k - 3, i, "as")) {
        q->approx = CMP_ABOUT;
        q->start = d->tok[k - 3].start;
        return;
    }
    for (int t = 0; k >= 2 && two[t].a; t++)
        if (is_tok(d, k - 2, i, two[t].a) && is_tok(d, k - 1, i, two[t].b)) {
            q->approx = two[t].approx;
            q->start = d->tok[k - 2].start;
            return;
        }
    for (int t = 0; k >= 1 && one[t].a; t++)
        if (is_tok(d, k - 1, i, one[t].a)) {
            q->approx = one[t].approx;
            q->start = d->tok[k - 1].start;
            return;
        }
}

/* Number words from token i: "twenty five", "two hundred and fifty",
 * "three million". Returns the token after, or i. */
static uint32_t parse_words(const cmp_doc *d, uint32_t i, double *out)
{
    double total = 0, cur = 0, v;
    uint32_t j = i, last = i;
    int any = 0;
    while (j < d->ntok && same_sentence(d, i, j)) {
        const char *w = d->tok[j].norm;
        if (word_lookup(small_words, w, &v)) {
            cur += v;
        } else if (any && word_lookup(scale_words, w, &v)) {
            if (v == 100)
                cur = (cur ? cur : 1) * 100;
            else {
                total += (cur ? cur : 1) * v;
                cur = 0;
            }
        } else if (any && !strcmp(w, "and") && j + 1 < d->ntok &&
                   word_lookup(small_words, d->tok[j + 1].norm, &v)) {
            j++;
            continue;
        } else {
            break;
        }
        any = 1;
        last = ++j;
    }
    *out = total + cur;
    return any ? last : i;
}

int cmp_is_number_word(const char *w)
{
    double v;
    return word_lookup(small_words, w, &v) || word_lookup(scale_words, w, &v) ||
           word_lookup(fraction_words, w, &v) || !strcmp(w, "dozen");
}

/* w is a number word or what a stemmer makes of one: at most two letters
 * short of one ("twelv", "hundr"), or with its final y made i ("twenti",
 * "nineti"). */
static int stems_word(const word_value *t, const char *w, size_t n)
{
    for (; t->w; t++) {
        if (t->w[0] != w[0])
            continue;
        size_t len = strlen(t->w);
        if (!strncmp(t->w, w, n) && len <= n + 2)
            return 1;
        if (len == n && w[n - 1] == 'i' && t->w[n - 1] == 'y' && !strncmp(t->w, w, n - 1))
            return 1;
    }
    return 0;
}

int cmp_stem_may_be_number(const char *stem)
{
    if (stem[0] >= '0' && stem[0] <= '9')
        return 1;
    if (!strchr("bdefhmnoqstz", stem[0]))
        return 0; /* no number word starts otherwise */
    size_t n = strlen(stem);
    return n >= 3 && n <= 9 && (stems_word(small_words, stem, n) || stems_word(scale_words, stem, n) ||
                      stems_word(fraction_words, stem, n) || !strcmp(stem, "dozen"));
}

static int is_month(const char *w) { return in_list(months, w); }

static int is_year_value(double v, const char *norm)
{
    return v >= 1900 && v <= 2100 && strlen(norm) == 4;
}

/* Token i, a number, follows "No." or "Nos." ("the No. 3 official in the
 * agency", "No. 10 Downing Street"): a rank or an address, which counts
 * nothing. The full stop is required: "no" alone is a word of its own. */
static int rank_sign(const char *text, const cmp_doc *d, uint32_t i)
{
    if (i == 0 || !same_sentence(d, i - 1, i))
        return 0;
    const cmp_tok *p = &d->tok[i - 1];
    if (strcmp(p->norm, "no") && strcmp(p->norm, "nos"))
        return 0;
    uint32_t k = p->end;
    if (k >= d->tok[i].start || text[k] != '.')
        return 0;
    for (k++; k < d->tok[i].start; k++)
        if (text[k] != ' ')
            return 0;
    return 1;
}

/* A number token: plain, scaled ("5.5 million"), a date, a percentage,
 * money, or something that is no quantity. */
static uint32_t parse_numeric(const char *text, const cmp_doc *d, uint32_t i, cmp_quantity *q)
{
    const cmp_tok *t = &d->tok[i];
    double v, scale;
    if (!parse_digits(t->norm, &v)) {
        q->kind = CMP_Q_NONE;
        return i + 1;
    }
    uint32_t j = i + 1;
    char after = text[t->end];
    if (t->start > 0 && text[t->start - 1] == '-' && i > 0 && d->tok[i - 1].end == t->start - 1 &&
        d->tok[i - 1].kind == TOKEN_WORD) {
        q->kind = CMP_Q_NONE; /* "Su-25", "Mi-24": a model, not a count */
        return j;
    }
    if (rank_sign(text, d, i)) {
        q->kind = CMP_Q_NONE; /* "the No. 3 official" is one official */
        return j;
    }
    if (after == ':' || (after == '/' && same_sentence(d, i, j) && d->tok[j].kind == TOKEN_NUMBER)) {
        /* 07:44 or 01/10/2015: a clock time or a numeric date */
        while (j < d->ntok && same_sentence(d, i, j) && d->tok[j].kind == TOKEN_NUMBER &&
               d->tok[j].start == d->tok[j - 1].end + 1)
            j++;
        q->kind = after == '/' ? CMP_Q_DATE : CMP_Q_NONE;
        q->value = v;
        return j;
    }
    if ((i > 0 && same_sentence(d, i, i - 1) && is_month(d->tok[i - 1].norm)) ||
        (same_sentence(d, i, j) && is_month(d->tok[j].norm))) {
        /* "Oct 1, 2015", "30 September 2015", "March 2011" */
        if (i > 0 && same_sentence(d, i, i - 1) && is_month(d->tok[i - 1].norm))
            q->start = d->tok[i - 1].start;
        else
            j++;
        if (same_sentence(d, i, j) && d->tok[j].kind == TOKEN_NUMBER &&
            is_year_value(atof(d->tok[j].norm), d->tok[j].norm))
            j++;
        q->kind = CMP_Q_DATE;
        q->value = v;
        return j;
    }
    if (same_sentence(d, i, j) && word_lookup(scale_words, d->tok[j].norm, &scale)) {
        v *= scale;
        j++;
    }
    q->value = v;
    q->kind = CMP_Q_COUNT;
    if (is_year_value(v, t->norm) && j == i + 1)
        q->kind = CMP_Q_YEAR;
    /* a currency sign is part of the figure as shown: "$48 million" */
    if (t->start > 0 && strchr("$", text[t->start - 1])) {
        q->kind = CMP_Q_MONEY;
        q->start = t->start - 1;
    }
    if (t->start >= 2 && ((unsigned char)text[t->start - 2] == 0xC2 &&
                          (unsigned char)text[t->start - 1] == 0xA3)) { /* £ */
        q->kind = CMP_Q_MONEY;
        q->start = t->start - 2;
    }
    if (t->start >= 3 && !memcmp(text + t->start - 3, "\xE2\x82\xAC", 3)) { /* € */
        q->kind = CMP_Q_MONEY;
        q->start = t->start - 3;
    }
    if (text[d->tok[j - 1].end] == '%') {
        q->kind = CMP_Q_PERCENT;
    } else if (is_tok(d, j, i, "percent")) {
        q->kind = CMP_Q_PERCENT;
        j++;
    } else if (is_tok(d, j, i, "per") && is_tok(d, j + 1, i, "cent")) {
        q->kind = CMP_Q_PERCENT;
        j += 2;
    }
    return j;
}

uint32_t cmp_number_parse(const char *text, const cmp_doc *d, uint32_t i, cmp_quantity *q)
{
    if (i >= d->ntok)
        return i;
    memset(q, 0, sizeof *q);
    q->unit = CMP_NONE;
    q->tok0 = i;
    q->start = d->tok[i].start;
    q->kind = CMP_Q_COUNT;
    uint32_t j;
    double v, f;
    const char *w = d->tok[i].norm;
    if (d->tok[i].kind == TOKEN_NUMBER) {
        j = parse_numeric(text, d, i, q);
    } else if ((!strcmp(w, "a") || !strcmp(w, "an")) && i + 1 < d->ntok && same_sentence(d, i, i + 1)) {
        const char *next = d->tok[i + 1].norm;
        if (!strcmp(next, "dozen")) {
            q->value = 12;
        } else if (word_lookup(fraction_words, next, &f) && is_tok(d, i + 2, i, "of")) {
            q->value = f;
            q->kind = CMP_Q_FRACTION;
        } else {
            return i;
        }
        j = i + 2;
    } else {
        j = parse_words(d, i, &v);
        if (j == i)
            return i;
        q->value = v;
        if (is_tok(d, j, i, "dozen")) {
            q->value *= 12;
            j++;
        } else if (same_sentence(d, i, j) && word_lookup(fraction_words, d->tok[j].norm, &f) &&
                   v >= 1 && v < 10) {
            /* "two-thirds" (hyphens split into two tokens), "three quarters" */
            q->value = v * f;
            q->kind = CMP_Q_FRACTION;
            j++;
        } else if (is_tok(d, j, i, "percent")) {
            q->kind = CMP_Q_PERCENT;
            j++;
        }
    }
    q->tok1 = j;
    q->end = d->tok[j - 1].end;
    if (q->kind == CMP_Q_PERCENT && text[q->end] == '%')
        q->end++;
    if (q->kind != CMP_Q_NONE && q->kind != CMP_Q_DATE)
        read_modifier(d, i, q);
    return j;
}

static int is_plural_noun(const char *w)
{
    size_t n = strlen(w);
    if (in_list(plural_irregular, w))
        return 1;
    return n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i';
}

/* An irregular plural used as a modifier: "a dozen police officers". */
static int modifies_next(const precis_cluster *c, const char *text, const cmp_doc *d, uint32_t k)
{
    if (!in_list(plural_irregular, d->tok[k].norm) || !same_sentence(d, k, k + 1))
        return 0;
    const cmp_tok *n = &d->tok[k + 1];
    return !n->cap && n->kind == TOKEN_WORD && !c->term_stop[n->term] && is_plural_noun(n->norm) &&
           !phrase_break(text, d->tok[k].end, n->start);
}

/* Verbs of change, as stems: a percentage right after one ("fell 9
 * percent", "rose by 4 percent") is how much the verb's subject changed. */
static const char *const change_stems[] = {"rise", "rose", "risen", "fall", "fell", "fallen", "drop", "climb",
                                           "jump", "gain", "lost", "increas", "decreas", "declin", "grew", "grow",
                                           "grown", "shrank", "shrunk", "slid", "sank", "plung", "soar", "surg",
                                           "tumbl", "slump", "slip", "dip", "down", "up", NULL};

/* Words that may stand between a subject and its verb ("enrollment has
 * increased", "arrests also fell", "stock was down"). */
static const char *const aux_words[] = {"has", "have", "had", "also", "was", "were", "is", "are", NULL};

/* The first token of q with its modifier: "more" in "more than 4 percent". */
static uint32_t first_tok(const cmp_doc *d, const cmp_quantity *q)
{
    uint32_t k = q->tok0;
    while (k > 0 && d->tok[k - 1].start >= q->start)
        k--;
    return k;
}

/* Token k is a common noun that ends at `to` with no punctuation between:
 * lower case (but for a sentence's first word), no stopword, no number, no
 * adverb. */
static int noun_before(const precis_cluster *c, const char *text, const cmp_doc *d, uint32_t k, uint32_t to)
{
    const cmp_tok *t = &d->tok[k];
    size_t n = t->end - t->start;
    return (!t->cap || k == 0 || !same_sentence(d, k - 1, k)) && t->kind == TOKEN_WORD && !c->term_stop[t->term] &&
           !cmp_is_number_word(t->norm) && !(n > 2 && !strncmp(t->norm + n - 2, "ly", 2)) &&
           !phrase_break(text, t->end, to);
}

/* The subject of the change a bare percentage measures: "Shares of the
 * company fell 9 percent" is a change in shares. The percentage must
 * follow a verb of change at once, or after "by"; one after "to" or
 * "from" is a level reached, another figure. The subject is the noun just
 * before the verb (past an auxiliary), or the noun before "of" when that
 * noun is whose the subject is ("shares of the company"). */
static uint32_t percent_subject(const precis_cluster *c, const char *text, const cmp_doc *d,
                                const cmp_quantity *q)
{
    uint32_t k = first_tok(d, q), s = q->tok0;
    if (k >= 1 && is_tok(d, k - 1, s, "by") && !phrase_break(text, d->tok[k - 1].end, d->tok[k].start))
        k--;
    if (k < 2 || !same_sentence(d, k - 1, s) || d->tok[k - 1].cap ||
        phrase_break(text, d->tok[k - 1].end, d->tok[k].start) ||
        !in_list(change_stems, cmp_term_text(c, d->tok[k - 1].term)))
        return CMP_NONE;
    k--; /* the verb */
    for (int aux = 0; aux < 2 && k >= 1 && same_sentence(d, k - 1, s) && in_list(aux_words, d->tok[k - 1].norm) &&
                      !phrase_break(text, d->tok[k - 1].end, d->tok[k].start);
         aux++)
        k--;
    if (k < 1 || !same_sentence(d, k - 1, s) || phrase_break(text, d->tok[k - 1].end, d->tok[k].start))
        return CMP_NONE;
    uint32_t n = k - 1, of = n;
    if (of >= 1 && is_tok(d, of - 1, s, "the"))
        of--;
    if (of >= 2 && is_tok(d, of - 1, s, "of") && same_sentence(d, of - 2, s) &&
        noun_before(c, text, d, of - 2, d->tok[of - 1].start))
        return of - 2; /* "shares of the company", "shares of Boeing" */
    return noun_before(c, text, d, n, d->tok[k].start) ? n : CMP_NONE;
}

/* The noun a count counts: the first plural of the phrase that follows
 * ("four Islamic State targets"), else its last noun-like word. */
static void find_unit(const precis_cluster *c, const char *text, const cmp_doc *d, cmp_quantity *q)
{
    uint32_t j = q->tok1, lower = 0, last = CMP_NONE;
    if (j >= d->ntok || !same_sentence(d, q->tok0, j))
        return;
    if (text[q->end] == '-') {
        /* "four-year war": the measure word is the unit */
        if (d->tok[j].kind == TOKEN_WORD)
            last = j;
        goto done;
    }
    if (q->kind == CMP_Q_FRACTION || q->kind == CMP_Q_PERCENT) {
        /* "two-thirds of the country", "40% of voters" */
        if (is_tok(d, j, q->tok0, "of"))
            j++;
        if (is_tok(d, j, q->tok0, "the"))
            j++;
    }
    for (uint32_t k = j; k < d->ntok && same_sentence(d, q->tok0, k) && k < j + 8; k++) {
        const cmp_tok *t = &d->tok[k];
        if (paren_open(text, d->tok[k - 1].end, t->start)) {
            /* "four Islamic State (ISIS) targets": step over the aside */
            while (k + 1 < d->ntok && same_sentence(d, q->tok0, k + 1) &&
                   !memchr(text + d->tok[k].end, ')', d->tok[k + 1].start - d->tok[k].end))
                k++;
            continue;
        }
        if (phrase_break(text, d->tok[k - 1].end, t->start))
            break;
        if (t->cap)
            continue; /* "Islamic State" before the noun */
        if (c->term_stop[t->term] && k > j && d->tok[k - 1].cap && k + 1 < d->ntok && d->tok[k + 1].cap)
            continue; /* "of" in "Islamic State of Iraq and Syria" */
        if (t->kind == TOKEN_NUMBER || c->term_stop[t->term])
            break;
        if (in_list(postnominal, t->norm))
            break;
        last = k;
        if (q->value != 1 && is_plural_noun(t->norm) && !modifies_next(c, text, d, k))
            break;
        if (++lower == 3 || q->value == 1)
            break;
    }
done:
    /* "a subsidy of $48 million", "fines of $2,000": a sum with no noun
     * after it counts the noun before "of" */
    if (last == CMP_NONE && q->kind == CMP_Q_MONEY && q->tok0 >= 2 && is_tok(d, q->tok0 - 1, q->tok0, "of")) {
        const cmp_tok *n = &d->tok[q->tok0 - 2];
        if (same_sentence(d, q->tok0 - 2, q->tok0) && !n->cap && n->kind != TOKEN_NUMBER && !c->term_stop[n->term] &&
            !phrase_break(text, n->end, d->tok[q->tok0 - 1].start))
            last = q->tok0 - 2;
    }
    if (last == CMP_NONE && q->kind == CMP_Q_PERCENT)
        q->change = (last = percent_subject(c, text, d, q)) != CMP_NONE;
    if (last == CMP_NONE)
        return;
    q->unit = d->tok[last].term;
    q->unit_start = d->tok[last].start;
    q->unit_end = d->tok[last].end;
    if (in_list(currency_words, d->tok[last].norm))
        q->kind = CMP_Q_MONEY;
}

/* The time word of the sentence nearest to the quantity. */
static void find_time(const cmp_doc *d, cmp_quantity *q)
{
    uint32_t s = d->tok[q->tok0].sent, best = CMP_NONE, bestdist = UINT32_MAX;
    for (uint32_t k = q->tok0; k > 0 && d->tok[k - 1].sent == s; k--)
        if (in_list(time_words, d->tok[k - 1].norm)) {
            best = k - 1;
            bestdist = q->tok0 - best;
            break;
        }
    for (uint32_t k = q->tok1; k < d->ntok && d->tok[k].sent == s; k++)
        if (in_list(time_words, d->tok[k].norm)) {
            if (k - q->tok1 < bestdist)
                best = k;
            break;
        }
    if (best != CMP_NONE)
        q->time = d->tok[best].norm;
}

/* "one" is a number only as a count of a noun that follows it at once. */
static int spurious_one(const precis_cluster *c, const cmp_doc *d, const cmp_quantity *q)
{
    if (q->value != 1 || d->tok[q->tok0].kind == TOKEN_NUMBER)
        return 0;
    uint32_t k = q->tok1;
    return k >= d->ntok || !same_sentence(d, q->tok0, k) || c->term_stop[d->tok[k].term];
}

static int push(arena *a, cmp_quantity **arr, size_t *n, size_t *cap, const cmp_quantity *q)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        cmp_quantity *g = arena_grow(a, *arr, *n, nc, sizeof *g);
        if (!g)
            return -1;
        *arr = g;
        *cap = nc;
    }
    (*arr)[(*n)++] = *q;
    return 0;
}

static int find_in_doc(const precis_cluster *c, uint32_t ai, const cmp_doc *d, arena *a, cmp_quantity **out,
                       size_t *n, size_t *cap)
{
    const char *text = c->articles[ai].text;
    for (uint32_t i = 0; i < d->ntok;) {
        cmp_quantity q;
        uint32_t j = cmp_number_parse(text, d, i, &q);
        if (j == i) {
            i++;
            continue;
        }
        i = j;
        if (q.kind == CMP_Q_NONE || spurious_one(c, d, &q))
            continue;
        q.article = ai;
        q.sent = d->tok[q.tok0].sent;
        if (q.kind != CMP_Q_DATE && q.kind != CMP_Q_YEAR)
            find_unit(c, text, d, &q);
        find_time(d, &q);
        if (push(a, out, n, cap, &q) != 0)
            return -1;
    }
    return 0;
}

int cmp_quantities_in(const precis_cluster *c, uint32_t ai, const cmp_doc *d, arena *a, cmp_quantity **out,
                      size_t *n)
{
    size_t cap = *n; /* a full array: push grows it at once */
    return find_in_doc(c, ai, d, a, out, n, &cap);
}

int cmp_quantities_find(const precis_cluster *c, const cmp_doc *docs, arena *a, cmp_quantity **out,
                        size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    for (size_t ai = 0; ai < c->narticles; ai++)
        if (find_in_doc(c, (uint32_t)ai, &docs[ai], a, out, n, &cap) != 0)
            return -1;
    return 0;
}

/* Whether a quantity of this kind says when, not how many: an outlet adds
 * the day it reports from, or the year a career began, to a sentence
 * another gives with an age or a count. */
static int says_when(uint8_t kind)
{
    return kind == CMP_Q_DATE || kind == CMP_Q_YEAR;
}

/* How many before when, then by value: cmp_values' order. */
static int by_class_and_value(const void *a, const void *b)
{
    const cmp_quantity *x = a, *y = b;
    if (says_when(x->kind) != says_when(y->kind))
        return says_when(x->kind) ? 1 : -1;
    return (x->value > y->value) - (x->value < y->value);
}

static int has_number_term(const precis_cluster *c, uint32_t s)
{
    const sentence *x = &c->sents[s];
    for (uint32_t k = 0; k < x->ntok; k++)
        if (cmp_stem_may_be_number(cmp_term_text(c, x->tok[k])))
            return 1;
    return 0;
}

int cmp_sentence_values(const precis_cluster *c, uint32_t s, arena *a, cmp_values *out)
{
    memset(out, 0, sizeof *out);
    if (!has_number_term(c, s))
        return 0;
    cmp_doc d;
    cmp_quantity *q = NULL;
    size_t nq = 0;
    if (cmp_tokens_of_sentence(c, s, a, &d) != 0 || cmp_quantities_in(c, c->sents[s].article, &d, a, &q, &nq) != 0)
        return -1;
    double *vals = arena_alloc(a, (nq + 1) * sizeof *vals);
    uint8_t *kinds = arena_alloc(a, nq + 1);
    if (!vals || !kinds)
        return -1;
    if (nq > 1)
        qsort(q, nq, sizeof *q, by_class_and_value);
    for (size_t k = 0; k < nq; k++) {
        vals[k] = q[k].value;
        kinds[k] = q[k].kind;
    }
    *out = (cmp_values){vals, kinds, nq};
    return 0;
}

static int values_include(const double *have, size_t nhave, const double *need, size_t nneed)
{
    size_t b = 0;
    for (size_t k = 0; k < nneed; k++) {
        while (b < nhave && have[b] < need[k])
            b++;
        if (b == nhave || have[b] != need[k])
            return 0;
        b++;
    }
    return 1;
}

/* One class of two sentences' values, a[0, na) and b[0, nb), ascending:
 * one's are all among the other's. */
static int class_agrees(const double *a, size_t na, const double *b, size_t nb)
{
    return na <= nb ? values_include(b, nb, a, na) : values_include(a, na, b, nb);
}

/* The end of the run of x's values from `from` that are all of its class
 * (how many, or when). */
static size_t class_end(const cmp_values *x, size_t from)
{
    size_t e = from;
    while (e < x->n && says_when(x->kind[e]) == says_when(x->kind[from]))
        e++;
    return e;
}

int cmp_values_agree(const cmp_values *a, const cmp_values *b)
{
    /* How many, then when; a class only one of them gives is something it
     * adds, not a contradiction. */
    size_t ia = 0, ib = 0;
    while (ia < a->n && ib < b->n) {
        int wa = says_when(a->kind[ia]), wb = says_when(b->kind[ib]);
        size_t ea = class_end(a, ia), eb = class_end(b, ib);
        if (wa != wb) { /* one has no count at all: compare its dates with the other's */
            if (wa)
                ib = eb;
            else
                ia = ea;
            continue;
        }
        if (!class_agrees(a->v + ia, ea - ia, b->v + ib, eb - ib))
            return 0;
        ia = ea;
        ib = eb;
    }
    return 1;
}

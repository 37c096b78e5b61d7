/*
 * rouge_stem.c: what ROUGE's -m does to a token.
 *
 * Tokens longer than 3 bytes are first looked up in the WordNet 2.0
 * exception table (embedded copy of wordnet-exceptions.tsv, see
 * data/rouge/WORDNET-LICENSE.txt); otherwise they go through Porter's 1980
 * algorithm as his regex-based "Release 1" states it, with ROUGE's change to
 * step 4 (no -ment/-ent in the main group; -ment, then -ent or -sion/-tion
 * tried separately afterwards).
 *
 * The measure tests of the reference are regular expressions over
 * c = [^aeiou] (so y and digits are consonants), v = [aeiouy],
 * C = c[^aeiouy]* and V = v[aeiou]*. They are matched here by a tiny NFA
 * simulation over a pattern of (class, quantifier) items, which accepts
 * exactly the same languages, in linear time.
 */
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "core/error.h"
#include "rouge/rouge_int.h"

/* ---- Lexicon ------------------------------------------------------------ */

static precis_status load_exceptions(rouge_lexicon *lx, precis_error *err)
{
    size_t len;
    const char *p = (const char *)precis_embedded("data/rouge/wordnet-exceptions.tsv", &len);
    if (!p)
        return error_set(err, PRECIS_ERR_INTERNAL, "", 0, "WordNet exception table not embedded");
    const char *end = p + len;
    size_t cap = 0;
    bool header = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(le - p));
        if (tab && !header) {
            uint32_t id = strmap_intern(&lx->exc_keys, p, (size_t)(tab - p));
            if (id == STRMAP_NONE)
                return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
            if (id >= cap) {
                size_t ncap = cap ? cap * 2 : 8192;
                char **nv = realloc(lx->exc_vals, ncap * sizeof *nv);
                if (!nv)
                    return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
                memset(nv + cap, 0, (ncap - cap) * sizeof *nv);
                lx->exc_vals = nv;
                cap = ncap;
            }
            size_t vl = (size_t)(le - tab - 1);
            if (vl && tab[vl] == '\r')
                vl--;
            free(lx->exc_vals[id]); /* a later row wins, as in the DB */
            lx->exc_vals[id] = strndup(tab + 1, vl);
            if (!lx->exc_vals[id])
                return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        }
        header = false;
        p = le + 1;
    }
    return PRECIS_OK;
}

static precis_status load_stopwords(rouge_lexicon *lx, precis_error *err)
{
    size_t len;
    const char *p = (const char *)precis_embedded("data/rouge/smart_common_words.txt", &len);
    if (!p)
        return error_set(err, PRECIS_ERR_INTERNAL, "", 0, "stopword list not embedded");
    const char *end = p + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        /* Perl chomps only "\n": a line keeps everything else. */
        if (strmap_intern(&lx->stopwords, p, (size_t)(le - p)) == STRMAP_NONE)
            return error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
        p = le + 1;
    }
    return PRECIS_OK;
}

precis_status rouge_lexicon_load(rouge_lexicon *lx, precis_error *err)
{
    memset(lx, 0, sizeof *lx);
    strmap_init(&lx->exc_keys);
    strmap_init(&lx->stopwords);
    precis_status st = load_exceptions(lx, err);
    if (st == PRECIS_OK)
        st = load_stopwords(lx, err);
    return st;
}

void rouge_lexicon_free(rouge_lexicon *lx)
{
    for (size_t i = 0; i < lx->exc_keys.count; i++)
        free(lx->exc_vals[i]);
    free(lx->exc_vals);
    strmap_free(&lx->exc_keys);
    strmap_free(&lx->stopwords);
}

/* ---- Pattern matching for the measure tests ------------------------------ */

enum { Q_ONE, Q_OPT, Q_STAR };

typedef struct pitem {
    const char *set;         /* member bytes */
    bool neg;                /* class is the complement of set */
    char q;
} pitem;

#define C1(q) {"aeiou", true, q}      /* c = [^aeiou] */
#define C2(q) {"aeiouy", true, q}     /* [^aeiouy] */
#define V1(q) {"aeiouy", false, q}    /* v = [aeiouy] */
#define V2(q) {"aeiou", false, q}     /* [aeiou] */

/* ^(C)?VC : m > 0 (prefix match) */
static const pitem MGR0[] = {C1(Q_OPT), C2(Q_STAR), V1(Q_ONE), V2(Q_STAR), C1(Q_ONE)};
/* ^(C)?VC(V)?$ : m = 1 (whole match) */
static const pitem MEQ1[] = {C1(Q_OPT), C2(Q_STAR), V1(Q_ONE), V2(Q_STAR), C1(Q_ONE),
                             C2(Q_STAR), V1(Q_OPT), V2(Q_STAR)};
/* ^(C)?VCVC : m > 1 (prefix match) */
static const pitem MGR1[] = {C1(Q_OPT), C2(Q_STAR), V1(Q_ONE), V2(Q_STAR), C1(Q_ONE),
                             C2(Q_STAR), V1(Q_ONE), V2(Q_STAR), C1(Q_ONE)};
/* ^(C)?v : a vowel in the stem (prefix match) */
static const pitem HASV[] = {C1(Q_OPT), C2(Q_STAR), V1(Q_ONE)};
/* ^Cv[^aeiouwxy]$ : consonant-vowel-consonant short word (whole match) */
static const pitem CVC[] = {C1(Q_ONE), C2(Q_STAR), V1(Q_ONE), {"aeiouwxy", true, Q_ONE}};

#define NITEMS(a) (int)(sizeof(a) / sizeof(a)[0])

static bool in_class(const pitem *it, unsigned char ch)
{
    bool in = ch && strchr(it->set, ch) != NULL;
    return it->neg ? !in : in;
}

static uint32_t closure(const pitem *p, int np, uint32_t states)
{
    for (int s = 0; s < np; s++)
        if ((states >> s & 1u) && p[s].q != Q_ONE)
            states |= 1u << (s + 1);
    return states;
}

/* Does w[0..len) match the pattern (whole = anchored at both ends), or does
 * some prefix of it match (whole = false)? */
static bool pmatch(const pitem *p, int np, const char *w, size_t len, bool whole)
{
    uint32_t cur = closure(p, np, 1u);
    uint32_t acc = 1u << np;
    if (!whole && (cur & acc))
        return true;
    for (size_t i = 0; i < len && cur; i++) {
        uint32_t next = 0;
        for (int s = 0; s < np; s++)
            if ((cur >> s & 1u) && in_class(&p[s], (unsigned char)w[i]))
                next |= p[s].q == Q_STAR ? 1u << s : 1u << (s + 1);
        cur = closure(p, np, next);
        if (!whole && (cur & acc))
            return true;
    }
    return whole && (cur & acc);
}

#define M_GT0(w, n) pmatch(MGR0, NITEMS(MGR0), w, n, false)
#define M_EQ1(w, n) pmatch(MEQ1, NITEMS(MEQ1), w, n, true)
#define M_GT1(w, n) pmatch(MGR1, NITEMS(MGR1), w, n, false)
#define HAS_V(w, n) pmatch(HASV, NITEMS(HASV), w, n, false)
#define IS_CVC(w, n) pmatch(CVC, NITEMS(CVC), w, n, true)

/* ---- The steps -------------------------------------------------------------- */

static bool ends(const char *w, size_t len, const char *suf)
{
    size_t sl = strlen(suf);
    return len >= sl && memcmp(w + len - sl, suf, sl) == 0;
}

typedef struct rule {
    const char *suffix, *repl;
} rule;

static const rule STEP2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
    {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},   {"entli", "ent"},
    {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
    {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"},    {NULL, NULL}};

static const rule STEP3[] = {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
                             {"ical", "ic"},  {"ful", ""},   {"ness", ""},    {NULL, NULL}};

static const rule STEP4[] = {{"al", ""},  {"ance", ""}, {"ence", ""},  {"er", ""},  {"ic", ""},
                             {"able", ""}, {"ible", ""}, {"ant", ""}, {"ement", ""}, {"ou", ""},
                             {"ism", ""}, {"ate", ""},  {"iti", ""},  {"ous", ""}, {"ive", ""},
                             {"ize", ""}, {NULL, NULL}};

/* The regex alternation anchored at $ finds the leftmost start, i.e. the
 * longest listed suffix; only that one is tried. */
static const rule *longest(const rule *rules, const char *w, size_t len)
{
    const rule *best = NULL;
    for (const rule *r = rules; r->suffix; r++)
        if (ends(w, len, r->suffix) && (!best || strlen(r->suffix) > strlen(best->suffix)))
            best = r;
    return best;
}

/* Replace a suffix when the stem passes `test` (m>0 or m>1). */
static size_t apply_rule(char *w, size_t len, const rule *r, bool m_gt1)
{
    size_t stem = len - strlen(r->suffix);
    bool ok = m_gt1 ? M_GT1(w, stem) : M_GT0(w, stem);
    if (!ok)
        return len;
    size_t rl = strlen(r->repl);
    memcpy(w + stem, r->repl, rl);
    return stem + rl;
}

static size_t step1ab(char *w, size_t len)
{
    if (ends(w, len, "sses") || ends(w, len, "ies"))
        len -= 2;
    else if (len >= 2 && w[len - 1] == 's' && w[len - 2] != 's')
        len -= 1;

    if (ends(w, len, "eed")) {
        if (M_GT0(w, len - 3))
            len -= 1;
        return len;
    }
    size_t sl = ends(w, len, "ed") ? 2 : ends(w, len, "ing") ? 3 : 0;
    if (!sl || !HAS_V(w, len - sl))
        return len;
    len -= sl;
    if (ends(w, len, "at") || ends(w, len, "bl") || ends(w, len, "iz"))
        w[len++] = 'e';
    else if (len >= 2 && w[len - 1] == w[len - 2] && !strchr("aeiouylsz", w[len - 1]))
        len--;
    else if (IS_CVC(w, len))
        w[len++] = 'e';
    return len;
}

static size_t step4(char *w, size_t len)
{
    const rule *r = longest(STEP4, w, len);
    if (r && M_GT1(w, len - strlen(r->suffix)))
        len -= strlen(r->suffix);
    if (ends(w, len, "ment") && M_GT1(w, len - 4))
        len -= 4;
    if (ends(w, len, "ent")) {
        if (M_GT1(w, len - 3))
            len -= 3;
    } else if (ends(w, len, "sion") || ends(w, len, "tion")) {
        if (M_GT1(w, len - 3))
            len -= 3;
    }
    return len;
}

static size_t step5(char *w, size_t len)
{
    if (ends(w, len, "e")) {
        size_t stem = len - 1;
        if (M_GT1(w, stem) || (M_EQ1(w, stem) && !IS_CVC(w, stem)))
            len = stem;
    }
    if (ends(w, len, "ll") && M_GT1(w, len))
        len--;
    return len;
}

size_t rouge_porter(const char *word, size_t len, char *out, size_t cap)
{
    if (cap < len + 2)
        return 0;
    memcpy(out, word, len);
    out[len] = '\0';
    if (len < 3)
        return len;
    bool y0 = out[0] == 'y';
    if (y0)
        out[0] = 'Y'; /* an initial y is a consonant */
    len = step1ab(out, len);
    if (ends(out, len, "y") && HAS_V(out, len - 1))
        out[len - 1] = 'i';
    const rule *r = longest(STEP2, out, len);
    if (r)
        len = apply_rule(out, len, r, false);
    r = longest(STEP3, out, len);
    if (r)
        len = apply_rule(out, len, r, false);
    len = step4(out, len);
    len = step5(out, len);
    if (y0)
        out[0] = 'y';
    out[len] = '\0';
    return len;
}

const char *rouge_stem_token(const rouge_scorer *sc, const char *tok, size_t len, char *buf,
                             size_t cap, size_t *outlen)
{
    *outlen = 0;
    if (cap < len + 2)
        return NULL;
    if (len <= 3) {
        memcpy(buf, tok, len);
        buf[len] = '\0';
        *outlen = len;
        return buf;
    }
    uint32_t id = strmap_find(&sc->lex.exc_keys, tok, len);
    if (id != STRMAP_NONE && sc->lex.exc_vals[id]) {
        *outlen = strlen(sc->lex.exc_vals[id]);
        return sc->lex.exc_vals[id];
    }
    *outlen = rouge_porter(tok, len, buf, cap);
    return buf;
}

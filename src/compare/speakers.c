/*
 * speakers.c: who said what.
 *
 * Outlets name one person in many ways. The seeds quote "Dmitry Peskov",
 * "Mr Peskov", "Kremlin spokesman Dmitry Peskov" and "President Vladimir
 * Putin's spokesman Dmitry Peskov"; listed by the speaker as each article
 * writes it, his remarks are scattered over four names. This reads the
 * person inside each speaker phrase and gathers the quote groups by person,
 * so the reader sees everything one source said in one place.
 *
 * The person is the run of capitalised words that ends in the speaker's
 * key word (quotes.c: a name's last word), after its last title ("US
 * Senator John McCain" is John McCain, "Mr Lavrov" is Lavrov). A run that
 * holds a place or a body ("the defence ministry in Moscow") is no person:
 * such a speaker is listed by its role, as written. A surname alone is
 * given its full name when exactly one full name with that surname is
 * found, among the cluster's speakers or in the quote's own article
 * ("Vladimir Putin" for "Mr Putin"); the article's own comes first, as
 * the one that introduced them. When two are found ("Donald Trump",
 * "Ivanka Trump") the surname is left alone rather than guessed.
 *
 * Text whose capitals were lost (Multi-News's lower-cased copy) names no
 * person by this reading; its speakers are listed by role, as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/buf.h"
#include "text/token.h"

#define NAME_MAX_TOKENS 48    /* speaker phrases are at most a few dozen words */
#define NORM_BYTES 512        /* room for one phrase's normal forms */
#define FULL_NAME_MAX_WORDS 4 /* "John F. Kennedy", "Abu Bakr al Baghdadi" */

/* A speaker phrase as tokens, with their normal forms kept. */
typedef struct phrase {
    token tok[NAME_MAX_TOKENS];
    const char *norm[NAME_MAX_TOKENS];
    uint8_t stop[NAME_MAX_TOKENS]; /* a stopword: "But" opening a sentence is no name */
    char store[NORM_BYTES];
    size_t n;
} phrase;

static void read_phrase(const char *text, size_t len, const strmap *stopwords, buf *scratch, phrase *p)
{
    size_t pos = 0, used = 0;
    p->n = 0;
    token t;
    while (p->n < NAME_MAX_TOKENS && token_next(text, len, &pos, &t, scratch)) {
        if (used + t.norm_len + 1 > NORM_BYTES)
            break;
        memcpy(p->store + used, t.norm, t.norm_len);
        p->store[used + t.norm_len] = 0;
        p->tok[p->n] = t;
        p->stop[p->n] = strmap_find(stopwords, t.norm, t.norm_len) != STRMAP_NONE;
        p->norm[p->n++] = p->store + used;
        used += t.norm_len + 1;
    }
}

/* Nothing but spaces, full stops and hyphens between two tokens: one name
 * ("Mr. Putin", "al-Assad"), where a comma or a quotation mark parts it. */
static int joined(const char *text, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++)
        if (text[k] != ' ' && text[k] != '.' && text[k] != '-')
            return 0;
    return 1;
}

/* Token k of p is a letter of "U.S.", "U.K." or "U.N.": a title word
 * (quotes.c), never a person's initial ("the U.S. Fish and Wildlife
 * Service" names no Mr Fish). */
static int country_letter(const char *text, const phrase *p, size_t k)
{
    const char *w = text + p->tok[k].start;
    if (w[0] == 'U' && w[1] == '.' && (w[2] == 'S' || w[2] == 'K' || w[2] == 'N'))
        return 1;
    return p->tok[k].start >= 2 && w[-2] == 'U' && w[-1] == '.' && (w[0] == 'S' || w[0] == 'K' || w[0] == 'N');
}

/* Token k of p is a middle initial ("Gary I. Wadler", "Susan A. Ford"):
 * one letter and a full stop. Its letter may be a stopword ("I", "A"),
 * which must not end the name there. */
static int initial(const char *text, const phrase *p, size_t k)
{
    return p->tok[k].capitalized && p->norm[k][0] && !p->norm[k][1] && text[p->tok[k].end] == '.' &&
           !country_letter(text, p, k);
}

/* A comma between two tokens. */
static int comma_after(const char *text, uint32_t from, uint32_t to)
{
    return memchr(text + from, ',', to - from) != NULL;
}

/* Words after which a capitalised run names a body, not a person. */
static const char *const of_words[] = {"of", "at", "for", "from", "with", "in", NULL};

static int in_words(const char *const *list, const char *w)
{
    for (; *list; list++)
        if (!strcmp(*list, w))
            return 1;
    return 0;
}

/* Titles quotes.c's reading of a speaker need not know, and words that
 * make a capitalised run a body ("Traffic Safety", "the Rossiya channel"). */
static const char *const more_titles[] = {"commissioner", "constable", "superintendent", "administrator",
                                          "councilman", "councilwoman", "assemblyman", "assemblywoman",
                                          "congressman", "congresswoman", "premier", "envoy", "emperor",
                                          "coordinator", "leader", "speaker", "adviser", "advisor",
                                          "republican", "democrat", NULL};
static const char *const more_bodies[] = {"safety", "prediction", "generation", "administration", "authority",
                                          "commission", "board", "bureau", "network", "television", "radio",
                                          "channel", "magazine", "journal", "daily", "herald", "tribune",
                                          "research", "program", "project", "fund", "trust", "society",
                                          "corporation", "systems", "health", "affairs", "protection",
                                          "environmental", "energy", "resources", "management", NULL};

/* The length of name t[0, len) without a possessive "'s" ("George W.
 * Bush's decision", "Republican Matt Fong's campaign"). */
static size_t without_possessive(const char *t, size_t len)
{
    if (len > 2 && t[len - 2] == '\'' && (t[len - 1] == 's' || t[len - 1] == 'S'))
        return len - 2;
    if (len > 4 && !memcmp(t + len - 4, "\xE2\x80\x99s", 4))
        return len - 4;
    return len;
}

/* A person's name read from a phrase: bytes [start, end) of its text, and
 * its normal form, words joined by single spaces. */
typedef struct name_read {
    uint32_t start, end;
    char norm[NORM_BYTES];
    size_t words;
} name_read;

static void norm_of(const phrase *p, size_t from, size_t to, name_read *out)
{
    size_t used = 0;
    out->norm[0] = 0;
    for (size_t k = from; k <= to; k++) {
        size_t l = strlen(p->norm[k]);
        if (used + l + 2 > NORM_BYTES)
            break;
        if (used)
            out->norm[used++] = ' ';
        memcpy(out->norm + used, p->norm[k], l + 1);
        used += l;
    }
    out->words = to - from + 1;
    out->start = p->tok[from].start;
    out->end = p->tok[to].end;
}

/* Token k of p is a possessive ("CNN's Moret", "MGM's Lanni"): whose the
 * name after it is, never a word of that name. */
static int possessive(const char *text, const phrase *p, size_t k)
{
    size_t len = p->tok[k].end - p->tok[k].start;
    return without_possessive(text + p->tok[k].start, len) != len;
}

/* The name ending at token i of p: the capitalised run before it, from
 * after its last title or possessive. Returns 0 when the run names a
 * place or body. */
static int name_ending_at(const char *text, const phrase *p, size_t i, size_t max_words, name_read *out)
{
    size_t j = i;
    while (j > 0 && i - j + 1 < NAME_MAX_TOKENS && joined(text, p->tok[j - 1].end, p->tok[j].start) &&
           !possessive(text, p, j - 1) &&
           (cmp_is_name_particle(p->norm[j - 1]) ||
            (p->tok[j - 1].capitalized && (!p->stop[j - 1] || initial(text, p, j - 1)))))
        j--;
    /* "aide on Chechnya Sergei Yastrzhembsky", "prosecutor in Chechnya
     * Vladimir Kravchenko": after a role and "on" or "in", one place word,
     * then the name */
    size_t run = i - j + 1;
    if (j >= 2 && !p->tok[j - 1].capitalized && !p->tok[j - 2].capitalized &&
        joined(text, p->tok[j - 2].end, p->tok[j - 1].start) && joined(text, p->tok[j - 1].end, p->tok[j].start) &&
        cmp_place_between_role_and_name(p->norm[j - 2], p->norm[j - 1], run, run == 4 && initial(text, p, j + 2)))
        j++;
    /* "Magi Shapiro of Public Employees": what follows "of" is a body */
    else if (j > 0 && in_words(of_words, p->norm[j - 1]))
        return 0;
    /* the name starts after the last title ("Travis County Constable
     * Bruce Elfant", "New York Gov. Andrew Cuomo"); a place or a body
     * after that makes the run no person's name ("Network Associates";
     * "al" is a particle of a name as well as of "al Qaeda") */
    size_t first = j;
    for (size_t k = j; k <= i; k++)
        if ((cmp_is_title_word(p->norm[k]) || in_words(more_titles, p->norm[k])) && !initial(text, p, k))
            first = k + 1; /* "A." is an initial, "a" a title word */
    /* "Survivor Maria Papadaki", "Pro Golfer Doug Tewell": a noun that
     * says what the person is, before a full name, is not part of it */
    for (size_t k = first; k + 2 <= i; k++)
        if (p->tok[k].capitalized && cmp_is_role_noun(p->norm[k]))
            first = k + 1;
    while (first <= i && !p->tok[first].capitalized)
        first++; /* a particle cannot open a name */
    if (first > i || i - first + 1 > max_words)
        return 0;
    for (size_t k = first; k <= i; k++)
        if ((cmp_is_not_person_word(p->norm[k]) && !cmp_is_name_particle(p->norm[k])) ||
            in_words(more_bodies, p->norm[k]))
            return 0;
    norm_of(p, first, i, out);
    return 1;
}

/* A name that opens phrase p before "of" or a comma ("Robin Mann of the
 * club's National Wetlands Committee", "Sergei Ivanov, Mr Putin's chief
 * of staff"), after any titles; 0 if the phrase opens otherwise. */
static int opening_name(const char *speaker, const phrase *p, name_read *out)
{
    size_t i = 0;
    while (i < p->n && (p->stop[i] || cmp_is_title_word(p->norm[i])))
        i++;
    while (i + 1 < p->n && p->tok[i + 1].capitalized && (!p->stop[i + 1] || initial(speaker, p, i + 1)) &&
           joined(speaker, p->tok[i].end, p->tok[i + 1].start))
        i++;
    if (i + 1 < p->n && p->tok[i].capitalized &&
        (!strcmp(p->norm[i + 1], "of") || comma_after(speaker, p->tok[i].end, p->tok[i + 1].start)))
        return name_ending_at(speaker, p, i, NAME_MAX_TOKENS, out);
    return 0;
}

/* The person a speaker phrase names: one that opens it before "of" or a
 * comma, whatever body follows ("Dr. Jonathan Kay of the Lahey Clinic"
 * is Jonathan Kay, though its last capitalised word is the key); else the
 * name ending in its key word; else a name that closes the phrase ("one
 * visitor, Lynn Timmons"). */
static int person_in(const precis_cluster *c, const char *speaker, const char *key, buf *scratch, name_read *out)
{
    if (!speaker)
        return 0;
    phrase p;
    read_phrase(speaker, strlen(speaker), &c->engine->stopwords, scratch, &p);
    if (p.n == 0)
        return 0;
    if (opening_name(speaker, &p, out))
        return 1;
    /* the name closes the phrase ("Kremlin spokesman Dmitry Peskov") or
     * an appositive follows it; a capitalised word inside a role is no
     * name ("the Rossiya state television channel") */
    for (size_t i = p.n; key && key[0] && i > 0; i--)
        if (p.tok[i - 1].capitalized && !strcmp(p.norm[i - 1], key) &&
            (i == p.n || comma_after(speaker, p.tok[i - 1].end, p.tok[i].start))) {
            if (name_ending_at(speaker, &p, i - 1, NAME_MAX_TOKENS, out))
                return 1;
            break;
        }
    return p.tok[p.n - 1].capitalized && name_ending_at(speaker, &p, p.n - 1, NAME_MAX_TOKENS, out);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A full name, as a candidate for a surname met alone. */
typedef struct full_name {
    const char *surname;   /* normal form of the last word */
    const char *norm;      /* normal form of the whole name */
    const char *text;      /* as written */
    uint32_t article;      /* where it was written, or CMP_NONE: a speaker */
} full_name;

/* Candidates by surname, then where they were found, then name. */
static int by_surname(const void *a, const void *b)
{
    const full_name *x = a, *y = b;
    int d = strcmp(x->surname, y->surname);
    if (d)
        return d;
    if (x->article != y->article)
        return x->article < y->article ? -1 : 1;
    return strcmp(x->norm, y->norm);
}


typedef struct names {
    full_name *v;
    size_t n, cap;
    arena *a;
} names;

static int names_add(names *ns, const name_read *nr, const char *text, uint32_t where)
{
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 64;
        full_name *v = arena_grow(ns->a, ns->v, ns->n, cap, sizeof *v);
        if (!v)
            return -1;
        ns->v = v;
        ns->cap = cap;
    }
    const char *last = strrchr(nr->norm, ' ');
    full_name *f = &ns->v[ns->n];
    f->norm = arena_strndup(ns->a, nr->norm, strlen(nr->norm));
    f->text = arena_strndup(ns->a, text + nr->start, without_possessive(text + nr->start, nr->end - nr->start));
    if (!f->norm || !f->text)
        return -1;
    f->surname = f->norm + (last ? last - nr->norm + 1 : 0);
    f->article = where;
    ns->n++;
    return 0;
}

/* Sort the candidates and keep each name once per place: an article
 * that writes "Ann Lee" thousands of times gives one candidate, so a
 * lookup reads the few names with one surname in one place. */
static void sort_names(names *ns)
{
    if (ns->n == 0)
        return;
    qsort(ns->v, ns->n, sizeof *ns->v, by_surname);
    size_t kept = 1;
    for (size_t k = 1; k < ns->n; k++)
        if (strcmp(ns->v[k].surname, ns->v[kept - 1].surname) || ns->v[k].article != ns->v[kept - 1].article ||
            strcmp(ns->v[k].norm, ns->v[kept - 1].norm))
            ns->v[kept++] = ns->v[k];
    ns->n = kept;
}

/* Full names written in an article's text: two to four capitalised words
 * ending in a surname that some quote gives alone. */
static int names_in_article(const precis_cluster *c, const cmp_doc *d, uint32_t art, const char *const *surnames,
                            size_t nsurnames, names *ns)
{
    const char *text = c->articles[art].text;
    for (uint32_t k = 1; k < d->ntok; k++) {
        const cmp_tok *t = &d->tok[k];
        if (!t->cap || !bsearch(&t->norm, surnames, nsurnames, sizeof *surnames, by_string))
            continue;
        /* the tokens before it, as a phrase */
        phrase p;
        size_t from = k >= FULL_NAME_MAX_WORDS + 2 ? k - FULL_NAME_MAX_WORDS - 2 : 0;
        p.n = 0;
        for (size_t u = from; u <= k; u++) {
            if (d->tok[u].sent != t->sent)
                continue;
            token *pt = &p.tok[p.n];
            memset(pt, 0, sizeof *pt);
            pt->start = d->tok[u].start;
            pt->end = d->tok[u].end;
            pt->capitalized = d->tok[u].cap;
            p.stop[p.n] = c->term_stop[d->tok[u].term];
            p.norm[p.n++] = d->tok[u].norm;
        }
        name_read nr;
        if (p.n > 1 && name_ending_at(text, &p, p.n - 1, FULL_NAME_MAX_WORDS, &nr) && nr.words > 1 &&
            names_add(ns, &nr, text, art) != 0)
            return -1;
    }
    return 0;
}

/* What one quote's speaker names: a person (norm is the key that gathers
 * their quotes, text their name as written) or nobody. */
typedef struct person {
    const char *text, *norm;
    size_t words;
} person;

/* Every quote's person as its speaker phrase names it. */
static int read_persons(const precis_cluster *c, cmp_quote *q, size_t nq, buf *scratch, arena *a, person *out)
{
    for (size_t i = 0; i < nq; i++) {
        name_read nr;
        if (!person_in(c, q[i].speaker, q[i].speaker_key, scratch, &nr))
            continue;
        const char *t = q[i].speaker + nr.start;
        out[i].text = arena_strndup(a, t, without_possessive(t, nr.end - nr.start));
        out[i].norm = arena_strndup(a, nr.norm, strlen(nr.norm));
        out[i].words = nr.words;
        if (!out[i].text || !out[i].norm)
            return -1;
    }
    return 0;
}

/* The full names a surname alone may stand for: the speakers' own, and
 * those written in an article that quotes the surname alone. */
static int gather_full_names(const precis_cluster *c, const cmp_doc *docs, const cmp_quote *q, const person *pp,
                             size_t nq, arena *a, names *ns)
{
    const char **surnames = arena_alloc(a, (nq + 1) * sizeof *surnames);
    uint8_t *scan = arena_calloc(a, c->narticles + 1, 1);
    if (!surnames || !scan)
        return -1;
    size_t ns_alone = 0;
    for (size_t i = 0; i < nq; i++) {
        if (!pp[i].norm)
            continue;
        if (pp[i].words > 1) {
            name_read nr;
            nr.start = 0;
            nr.end = (uint32_t)strlen(pp[i].text);
            strcpy(nr.norm, pp[i].norm);
            if (names_add(ns, &nr, pp[i].text, CMP_NONE) != 0)
                return -1;
        } else {
            surnames[ns_alone++] = pp[i].norm;
            scan[q[i].article] = 1;
        }
    }
    if (ns_alone == 0)
        return 0;
    qsort(surnames, ns_alone, sizeof *surnames, by_string);
    for (uint32_t art = 0; art < c->narticles; art++)
        if (scan[art] && names_in_article(c, &docs[art], art, surnames, ns_alone, ns) != 0)
            return -1;
    sort_names(ns);
    return 0;
}

/* Normal form `norm` without its middle initials ("monica s lewinsky" is
 * "monica lewinsky"): a one-letter word neither first nor last. The
 * initials go to `inits` ("s"), so two people whose names differ only in
 * them ("george h w bush", "george w bush") can be told apart. */
static void strip_initials(const char *norm, char out[NORM_BYTES], char inits[NORM_BYTES])
{
    size_t o = 0, n = 0;
    for (const char *w = norm; *w;) {
        const char *e = strchr(w, ' ');
        size_t l = e ? (size_t)(e - w) : strlen(w);
        if (l == 1 && w != norm && e)
            inits[n++] = *w;
        else {
            if (o)
                out[o++] = ' ';
            memcpy(out + o, w, l);
            o += l;
        }
        w += l + (e != NULL);
    }
    out[o] = inits[n] = 0;
}

/* Whether names a and b may be one person: the same once their middle
 * initials are left out, and no two different sets of initials. */
static int same_person(const char *a, const char *b)
{
    char sa[NORM_BYTES], ia[NORM_BYTES], sb[NORM_BYTES], ib[NORM_BYTES];
    strip_initials(a, sa, ia);
    strip_initials(b, sb, ib);
    return !strcmp(sa, sb) && (!ia[0] || !ib[0] || !strcmp(ia, ib));
}

/* The one full name with p's surname written in article `where` (or,
 * with where CMP_NONE, given as a speaker's): 1, 0 for none, -1 for two. */
static int only_name(const names *ns, const char *surname, uint32_t where, const full_name **only)
{
    *only = NULL;
    size_t lo = 0, hi = ns->n;
    while (lo < hi) { /* the first candidate at (surname, where) or after */
        size_t mid = (lo + hi) / 2;
        int d = strcmp(ns->v[mid].surname, surname);
        if (d < 0 || (d == 0 && ns->v[mid].article < where))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < ns->n && !strcmp(ns->v[k].surname, surname) && ns->v[k].article == where; k++) {
        const full_name *f = &ns->v[k];
        if (*only && !same_person((*only)->norm, f->norm))
            return -1;
        if (!*only || strlen(f->norm) > strlen((*only)->norm))
            *only = f; /* the fuller naming: "Monica S. Lewinsky" */
    }
    return *only != NULL;
}

/* The one person with this surname found anywhere: 1, 0 for none, -1
 * for two people. */
static int only_person(const names *ns, const char *surname, const full_name **only)
{
    *only = NULL;
    for (size_t k = 0; k < ns->n; k++) {
        const full_name *f = &ns->v[k];
        if (strcmp(f->surname, surname))
            continue;
        if (*only && !same_person((*only)->norm, f->norm))
            return -1;
        if (!*only || strlen(f->norm) > strlen((*only)->norm))
            *only = f;
    }
    return *only != NULL;
}

/* A surname alone becomes the one full name it may stand for: the one
 * its own article gives (the article that says "Burke" has introduced
 * him), else the one the cluster's speakers give, else the one another
 * article that quotes the surname wrote in full ("Okafor, the mayor,
 * said" in one outlet, "Mayor Linda Okafor" in another: one person, not
 * two headings). Two candidates, and it is left alone. */
static void resolve_surname(const names *ns, uint32_t where, person *p)
{
    const full_name *only;
    int found = only_name(ns, p->norm, where, &only);
    if (found == 0)
        found = only_name(ns, p->norm, CMP_NONE, &only);
    if (found == 0)
        found = only_person(ns, p->norm, &only);
    if (found == 1) {
        p->text = only->text;
        p->norm = only->norm;
        p->words = 2;
    }
}

/* What gathers a quote group: its person, else its role as written. */
typedef struct group_key {
    const char *key;    /* NULL: unattributed */
    const char *name;
    uint8_t is_person;
    uint32_t group;
} group_key;

static int by_key(const void *a, const void *b)
{
    const group_key *x = a, *y = b;
    if (!x->key || !y->key) {
        if (x->key != y->key)
            return x->key ? -1 : 1;
    } else {
        int d = strcmp(x->key, y->key);
        if (d)
            return d;
    }
    return x->group < y->group ? -1 : x->group > y->group;
}

/* Words that make a speaker phrase a piece of a clause quotes.c misread
 * ("it was approved", "is president of the National Association of Home
 * Builders", "for developers") rather than a role: a verb of being or
 * having anywhere, or a pronoun or preposition first. */
static const char *const clause_verbs[] = {"is", "was", "are", "were", "be", "been", "has", "have", "had",
                                           "would", "will", "can", "could", "worked", NULL};
static const char *const clause_openers[] = {"it", "this", "that", "they", "you", "we", "i", "for", "including",
                                             "to", "with", "of", NULL};

/* A role phrase that reads as no one: a clause, a lone function word
 * ("a", "now") or a lone adverb ("tearfully"). Its quotes are listed as
 * unattributed rather than under a heading that names nobody. */
static int names_no_one(const phrase *p)
{
    if (p->n == 0 || in_words(clause_openers, p->norm[0]))
        return 1;
    for (size_t k = 0; k < p->n; k++)
        if (in_words(clause_verbs, p->norm[k]))
            return 1;
    if (p->n == 1) {
        size_t l = strlen(p->norm[0]);
        return p->stop[0] || (l > 4 && !strcmp(p->norm[0] + l - 2, "ly"));
    }
    return 0;
}

/* A role's key: its words' normal forms, without a leading article, and
 * without a place after "in" or "at", so "The defence ministry", "the
 * defence ministry" and "The defence ministry in Moscow" are one speaker.
 * NULL with *none set: the phrase names no one (names_no_one). */
static const char *role_key(const precis_cluster *c, const char *role, buf *scratch, arena *a, int *none)
{
    phrase p;
    read_phrase(role, strlen(role), &c->engine->stopwords, scratch, &p);
    *none = names_no_one(&p);
    if (*none)
        return NULL;
    size_t from = 0, to = p.n;
    while (from < p.n && (!strcmp(p.norm[from], "the") || !strcmp(p.norm[from], "a") || !strcmp(p.norm[from], "an")))
        from++;
    for (size_t k = from + 1; k + 1 < to; k++)
        if ((!strcmp(p.norm[k], "in") || !strcmp(p.norm[k], "at")) && p.tok[k + 1].capitalized)
            to = k;
    if (from == to)
        return arena_strndup(a, role, strlen(role));
    name_read nr;
    norm_of(&p, from, to - 1, &nr);
    size_t l = strlen(nr.norm);
    char *k = arena_alloc(a, l + 3);
    if (!k)
        return NULL;
    k[0] = 'r';
    k[1] = ':';
    memcpy(k + 2, nr.norm, l + 1);
    return k;
}

/* A speaker that is a pronoun nobody named before it resolves ("he
 * said", which quotes.c leaves as "he" with an empty key) is someone in
 * its own article: the "he" of two articles need not be one person, so
 * *key holds the article. 1 with *key set, 0 for any other speaker, -1
 * out of memory. */
static int pronoun_key(const cmp_quote *q, const cmp_quote_group *g, arena *a, const char **key)
{
    for (uint32_t k = 0; k < g->nmembers; k++) {
        const cmp_quote *m = &q[g->members[k]];
        if (m->speaker != g->speaker)
            continue;
        if (!m->via_pronoun || !m->speaker_key || m->speaker_key[0])
            return 0;
        char tmp[NORM_BYTES];
        int n = snprintf(tmp, sizeof tmp, "u:%u:%s", m->article, m->speaker);
        if (n < 0 || (size_t)n >= sizeof tmp)
            return 0; /* a pronoun is a short word: not reached */
        *key = arena_strndup(a, tmp, (size_t)n);
        return *key ? 1 : -1;
    }
    return 0;
}

static int key_group(const precis_cluster *c, const cmp_quote *q, const cmp_quote_group *g, uint32_t gi, buf *scratch, arena *a,
                     group_key *out)
{
    out->group = gi;
    out->key = out->name = NULL;
    out->is_person = 0;
    const cmp_quote *named = NULL;
    for (uint32_t k = 0; k < g->nmembers; k++) {
        const cmp_quote *m = &q[g->members[k]];
        if (m->person && (!named || m->speaker == g->speaker))
            named = m;
    }
    if (named) {
        out->is_person = 1;
        out->name = named->person;
        /* people gather by the normal form of their name */
        phrase p;
        read_phrase(named->person, strlen(named->person), &c->engine->stopwords, scratch, &p);
        name_read nr;
        if (p.n)
            norm_of(&p, 0, p.n - 1, &nr);
        else
            strcpy(nr.norm, named->person);
        char *k = arena_alloc(a, strlen(nr.norm) + 3);
        if (!k)
            return -1;
        k[0] = 'p';
        k[1] = ':';
        strcpy(k + 2, nr.norm);
        out->key = k;
        return 0;
    }
    if (!g->speaker)
        return 0;
    out->name = g->speaker;
    int pronoun = pronoun_key(q, g, a, &out->key);
    if (pronoun != 0)
        return pronoun > 0 ? 0 : -1;
    int none;
    out->key = role_key(c, g->speaker, scratch, a, &none);
    if (none) {
        out->name = NULL; /* listed with the unattributed quotes */
        return 0;
    }
    return out->key ? 0 : -1;
}

/* A person's key without middle initials, for gathering a person named
 * with and without them. */
typedef struct bare_key {
    char *bare;          /* "p:" and the name without its initials */
    const char *inits;   /* the initials left out */
    group_key *k;
} bare_key;

static int by_bare(const void *a, const void *b)
{
    return strcmp(((const bare_key *)a)->bare, ((const bare_key *)b)->bare);
}

/* One person with and without middle initials ("Rick A. Lazio", "Rick
 * Lazio") is gathered under one key and their fullest name, unless two
 * different sets of initials are found ("George H.W. Bush", "George W.
 * Bush"): two people then, each left as named. */
static int gather_initials(group_key *keys, size_t ng, arena *a)
{
    bare_key *bk = arena_alloc(a, (ng + 1) * sizeof *bk);
    if (!bk)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < ng; i++) {
        if (!keys[i].is_person)
            continue;
        char bare[NORM_BYTES], inits[NORM_BYTES];
        strip_initials(keys[i].key + 2, bare, inits);
        bk[n].bare = arena_alloc(a, strlen(bare) + 3);
        bk[n].inits = arena_strndup(a, inits, strlen(inits));
        if (!bk[n].bare || !bk[n].inits)
            return -1;
        memcpy(bk[n].bare, "p:", 2);
        strcpy(bk[n].bare + 2, bare);
        bk[n++].k = &keys[i];
    }
    qsort(bk, n, sizeof *bk, by_bare);
    for (size_t i = 0, j; i < n; i = j) {
        const char *inits = "", *fullest = bk[i].k->name;
        int clash = 0;
        for (j = i; j < n && !strcmp(bk[j].bare, bk[i].bare); j++) {
            clash |= inits[0] && bk[j].inits[0] && strcmp(inits, bk[j].inits);
            inits = bk[j].inits[0] ? bk[j].inits : inits;
            fullest = strlen(bk[j].k->name) > strlen(fullest) ? bk[j].k->name : fullest;
        }
        for (size_t k = i; k < j && !clash; k++) {
            bk[k].k->key = bk[i].bare;
            bk[k].k->name = fullest;
        }
    }
    return 0;
}

static int by_quotes_then_first(const void *a, const void *b)
{
    const cmp_speaker *x = a, *y = b;
    if (!x->name != !y->name)
        return x->name ? -1 : 1; /* unattributed last */
    if (x->ngroups != y->ngroups)
        return x->ngroups > y->ngroups ? -1 : 1;
    return x->groups[0] < y->groups[0] ? -1 : x->groups[0] > y->groups[0];
}

/* Fill a speaker's naming and article count from its groups' quotes. */
static void describe(const cmp_quote *q, const cmp_quote_group *g, uint32_t *stamp, uint32_t mark,
                     cmp_speaker *sp)
{
    sp->articles = 0;
    sp->naming = NULL;
    for (uint32_t k = 0; k < sp->ngroups; k++) {
        const cmp_quote_group *grp = &g[sp->groups[k]];
        for (uint32_t m = 0; m < grp->nmembers; m++) {
            const cmp_quote *x = &q[grp->members[m]];
            if (stamp[x->article] != mark) {
                stamp[x->article] = mark;
                sp->articles++;
            }
            int same = sp->is_person ? x->person && !strcmp(x->person, sp->name) : x->speaker == grp->speaker;
            if (same && x->speaker && (!sp->naming || strlen(x->speaker) > strlen(sp->naming)))
                sp->naming = x->speaker;
        }
    }
}

int cmp_speakers_build(const precis_cluster *c, const cmp_doc *docs, cmp_quote *q, size_t nq,
                       cmp_quote_group *g, size_t ng, arena *a, cmp_speaker **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    buf scratch = BUF_INIT;
    int rc = -1;
    person *pp = arena_calloc(a, nq + 1, sizeof *pp);
    group_key *keys = arena_calloc(a, ng + 1, sizeof *keys);
    uint32_t *stamp = arena_calloc(a, c->narticles + 1, sizeof *stamp);
    names ns = {NULL, 0, 0, a};
    if (!pp || !keys || !stamp || read_persons(c, q, nq, &scratch, a, pp) != 0 ||
        gather_full_names(c, docs, q, pp, nq, a, &ns) != 0)
        goto done;
    for (size_t i = 0; i < nq; i++) {
        if (pp[i].norm && pp[i].words == 1)
            resolve_surname(&ns, q[i].article, &pp[i]);
        q[i].person = pp[i].text;
    }
    for (size_t i = 0; i < ng; i++)
        if (key_group(c, q, &g[i], (uint32_t)i, &scratch, a, &keys[i]) != 0)
            goto done;
    if (gather_initials(keys, ng, a) != 0)
        goto done;
    qsort(keys, ng, sizeof *keys, by_key);
    cmp_speaker *sp = arena_calloc(a, ng + 1, sizeof *sp);
    uint32_t *order = arena_alloc(a, (ng + 1) * sizeof *order);
    if (!sp || !order)
        goto done;
    size_t nsp = 0;
    for (size_t i = 0; i < ng;) {
        size_t j = i;
        while (j < ng && (keys[j].key == keys[i].key || (keys[j].key && keys[i].key && !strcmp(keys[j].key, keys[i].key))))
            order[j] = keys[j].group, j++;
        cmp_speaker *s = &sp[nsp++];
        s->name = keys[i].name;
        s->is_person = keys[i].is_person;
        s->groups = order + i;
        s->ngroups = (uint32_t)(j - i);
        i = j;
    }
    for (size_t i = 0; i < nsp; i++)
        describe(q, g, stamp, (uint32_t)i + 1, &sp[i]);
    qsort(sp, nsp, sizeof *sp, by_quotes_then_first);
    for (size_t i = 0; i < nsp; i++)
        for (uint32_t k = 0; k < sp[i].ngroups; k++)
            g[sp[i].groups[k]].who = (uint32_t)i;
    *out = sp;
    *n = nsp;
    rc = 0;
done:
    buf_free(&scratch);
    return rc;
}

/*
 * compare: the cross-source view of a cluster (`precis compare`).
 *
 * Where a summary answers "what happened", the cross-source view answers
 * "how do the outlets' reports relate": which passages are the same wire
 * copy, which facts every outlet carries and which only one, which
 * quantities the outlets give differently, and who is quoted saying what.
 *
 * The stages run in this order, each filling plain structs in one arena
 * that the next stages and the renderers read:
 *
 *   tokens.c       every article's story tokens with byte offsets
 *   overlap.c      word shingles: pairwise shared share, aligned passages
 *   facts.c        near-duplicate sentence groups (model/represent) as facts
 *   numbers.c      quantities in text: digits, number words, money, dates
 *   discrepancy.c  quantities of the same thing that differ across outlets,
 *                  and the counts they give alike
 *   quotes.c       direct quotations, their speakers, merged across outlets
 *   paraphrase.c   a fact told in other words by other outlets, one fact
 *   speakers.c     who said what: each quote's speaker as one named person
 *   report_*.c     text, JSON and HTML renderings of the finished report
 *
 * Nothing here keeps global state; everything a stage allocates lives in
 * the report's arena and goes with cmp_report_free.
 */
#ifndef PRECIS_COMPARE_H
#define PRECIS_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "precis.h"

/* Above this many articles the pairwise stages (overlap, passages) would
 * take too long to be useful; precis_compare refuses such clusters. */
#define CMP_MAX_ARTICLES 500

#define CMP_NONE UINT32_MAX

/* ---- tokens.c ------------------------------------------------------- */

/* One story token of an article, in reading order. */
typedef struct cmp_tok {
    uint32_t start, end;  /* bytes of the article's text */
    uint32_t sent;        /* cluster sentence index */
    uint32_t term;        /* cluster-local term id (stem); see c->term_stop */
    uint64_t hash;        /* hash of the normal form, for shingles */
    const char *norm;     /* normal form, NUL-terminated (arena) */
    uint8_t kind;         /* TOKEN_WORD or TOKEN_NUMBER */
    uint8_t cap;          /* capitalised in the source */
} cmp_tok;

typedef struct cmp_doc {
    cmp_tok *tok;
    uint32_t ntok;
    uint32_t *sent_first; /* per sentence of the article: its first token */
} cmp_doc;

/* Tokenize the story sentences of every article; docs[i] for article i. */
int cmp_tokens_build(precis_cluster *c, arena *a, cmp_doc **docs);

/* The tokens of cluster sentence s alone, as a doc whose sent_first is
 * NULL: enough for the quantity stages, which read a sentence at a time. */
int cmp_tokens_of_sentence(const precis_cluster *c, uint32_t s, arena *a, cmp_doc *d);

/* Stem string of a cluster-local term. */
const char *cmp_term_text(const precis_cluster *c, uint32_t term);

/* The first token of d starting at or after byte b (d->ntok if none):
 * where a span found in the text (a quotation) begins in tokens. */
uint32_t cmp_tok_at(const cmp_doc *d, uint32_t b);

/* ---- overlap.c ------------------------------------------------------ */

#define CMP_SHINGLE 5          /* words per shingle */
#define CMP_PASSAGE_MIN_WORDS 12

/* A passage that two articles share: the same wire copy. */
typedef struct cmp_passage {
    uint32_t a, b;              /* articles, a < b */
    uint32_t a_start, a_end;    /* bytes in article a */
    uint32_t b_start, b_end;    /* bytes in article b */
    uint32_t words;             /* tokens in the passage (in a) */
} cmp_passage;

typedef struct cmp_overlap {
    size_t n;                   /* articles */
    uint32_t *shingles;         /* distinct shingles per article */
    double *share;              /* n*n: share of row's shingles also in column */
    double *jaccard;            /* n*n: symmetric */
    cmp_passage *pass;
    size_t npass;
} cmp_overlap;

int cmp_overlap_build(const precis_cluster *c, const cmp_doc *docs, arena *a, cmp_overlap *ov);

/* ---- facts.c -------------------------------------------------------- */

/* One fact: a group of near-duplicate sentences (model/represent), and
 * the sentences of other outlets that tell it in other words
 * (paraphrase.c). */
typedef struct cmp_fact {
    uint32_t sent;              /* the sentence shown, its head: the first of its sentences */
    uint32_t support;           /* distinct articles carrying it (near) word for word */
    uint32_t *sents;            /* the head and the near-duplicates of it in its group whose
                                   numbers agree, cluster order; one sentence may be in two
                                   facts (an outlet's one that joins two of another's) */
    uint32_t nsents;
    uint32_t *similar;      /* the other outlets' sentences that tell it, cluster order */
    uint32_t nsimilar;
} cmp_fact;

typedef struct cmp_facts {
    cmp_fact *f;                /* by support (descending), then cluster order */
    size_t n;
} cmp_facts;

int cmp_facts_build(const precis_cluster *c, const represent *r, arena *a, cmp_facts *out);

/* ---- numbers.c ------------------------------------------------------ */

typedef enum cmp_qkind {
    CMP_Q_COUNT = 0,   /* 12 targets, four warplanes, a dozen */
    CMP_Q_MONEY,       /* $5 million, 3 billion euros */
    CMP_Q_PERCENT,     /* 12%, 40 per cent */
    CMP_Q_FRACTION,    /* two-thirds, half */
    CMP_Q_DATE,        /* Oct 1, March 2011, 30 September */
    CMP_Q_YEAR,        /* 1979 */
    CMP_Q_NONE = 255   /* digits that are no quantity: a clock time, a model number */
} cmp_qkind;

typedef enum cmp_approx {
    CMP_EXACT = 0,
    CMP_MORE,          /* more than, over, at least */
    CMP_LESS,          /* fewer than, less than, under, up to */
    CMP_ABOUT          /* about, nearly, some, around, almost */
} cmp_approx;

/* One quantity found in an article. */
typedef struct cmp_quantity {
    uint32_t article, sent;
    uint32_t start, end;        /* bytes of the phrase, modifier included */
    uint32_t tok0, tok1;        /* its tokens [tok0, tok1) in the article's doc */
    double value;
    uint8_t kind, approx;
    uint8_t change;             /* a percentage of change: its unit is the subject
                                 * of the verb before it ("shares ... fell 9 percent") */
    uint32_t unit;              /* local term of the unit noun, or CMP_NONE */
    uint32_t unit_start, unit_end; /* bytes of the unit noun */
    const char *time;           /* time context word ("wednesday"), or NULL */
} cmp_quantity;

/* Parse the number phrase starting at token i of doc (a token of digits or
 * a number word). Fills q (value, kind, approx, tok0/tok1, bytes) and
 * returns the index of the first token after it, or i when there is no
 * number there. Unit and time are left for cmp_quantities_find. */
uint32_t cmp_number_parse(const char *text, const cmp_doc *d, uint32_t i, cmp_quantity *q);

/* 1 if w (a normal form) is a number word: "four", "million", "thirds". */
int cmp_is_number_word(const char *w);

/* 1 if a term's stem may be a number: digits, or a number word as the
 * stemmer leaves it ("four", "twelv", "million"). A quick test before a
 * sentence is tokenized for its quantities; it may say yes to a few other
 * words, never no to a number. */
int cmp_stem_may_be_number(const char *stem);

/* Every quantity of every article, in cluster order. */
int cmp_quantities_find(const precis_cluster *c, const cmp_doc *docs, arena *a,
                        cmp_quantity **out, size_t *n);

/* The quantities of one doc of article ai (a whole article's, or one
 * sentence's from cmp_tokens_of_sentence), appended to *out. */
int cmp_quantities_in(const precis_cluster *c, uint32_t ai, const cmp_doc *d, arena *a, cmp_quantity **out,
                      size_t *n);

/* The numbers one sentence gives: n values with their kinds (CMP_Q_*),
 * those that say how many first, then those that say when (dates and
 * years), each part ascending. */
typedef struct cmp_values {
    const double *v;
    const uint8_t *kind;
    size_t n;
} cmp_values;

/* The values of the quantities sentence s gives, in *out (arrays of arena
 * a; n = 0 when it has no term that may be a number, which is checked
 * first and cheaply). */
int cmp_sentence_values(const precis_cluster *c, uint32_t s, arena *a, cmp_values *out);

/* 1 if two sentences' values do not contradict: of the numbers that say
 * how many (counts, ages, sums, percentages, fractions), one's are all
 * among the other's, counted with repeats, and so are their dates and
 * years when both give some. "12 people died" and "14 people died"
 * contradict, and so do "nearly one-third" and "39 of 144"; "12 people
 * died, officials said on March 3" and "12 targets, two depots" against
 * "12 targets" do not: one says more. Nor do "Brokaw, 74, was diagnosed"
 * and "Brokaw, who has worked at NBC since 1966, was diagnosed": one adds
 * an age, the other a year, and neither can deny the other. */
int cmp_values_agree(const cmp_values *a, const cmp_values *b);

/* ---- discrepancy.c -------------------------------------------------- */

/* One value of a discrepancy and the mentions that give it. */
typedef struct cmp_value {
    double value;
    uint8_t approx;
    uint32_t *mentions;         /* indexes into the report's quantities */
    uint32_t nmentions;
} cmp_value;

typedef struct cmp_discrepancy {
    uint32_t unit;              /* local term of the unit noun */
    cmp_value *values;          /* by first mention in cluster order */
    uint32_t nvalues;
} cmp_discrepancy;

/* Two quantities are of the same thing when they share kind and unit
 * noun, are within a factor of CMP_DISC_MAX_RATIO, and their sentences
 * agree on what happened (shared context words and event classes such as
 * "killed"/"dead"), or their sentences are near-duplicates. A group of
 * such quantities is a discrepancy when two articles give different
 * values. */
#define CMP_DISC_MAX_RATIO 5.0
/* Only a unit's first this many mentions in a cluster are compared: real
 * reports give a count of one thing a few dozen times at most, and a page
 * that lists it thousands of times would make the pairwise test quadratic. */
#define CMP_MAX_UNIT_MENTIONS 500
/* 1 if quantities x (read from doc dx) and y (from dy) state one fact:
 * linked as above, equal, and with at least CMP_SAME_MIN_SHARED context
 * words or event classes in common. Linking alone (two shared) is enough
 * to set two counts side by side; calling two sentences one fact needs
 * more, or "a 12-year-old" links every sentence about the boy. */
#define CMP_SAME_MIN_SHARED 4
int cmp_same_quantity(const precis_cluster *c, const represent *r, const cmp_doc *dx, const cmp_quantity *x,
                      const cmp_doc *dy, const cmp_quantity *y);

int cmp_discrepancies_find(const precis_cluster *c, const represent *r, const cmp_doc *docs,
                           const cmp_quantity *q, size_t nq, arena *a, cmp_discrepancy **out,
                           size_t *n);

/* The counts two or more articles give alike ("36 civilians" in three
 * reports), each as a discrepancy of one value: the same value of the same
 * unit, linked as cmp_same_quantity links two counts (the brief's test for
 * one count stated twice), and no mention in one of the discrepancies
 * disc[0..ndisc), which already list their values' outlets. A unit's first
 * CMP_MAX_UNIT_MENTIONS mentions are compared. */
int cmp_agreements_find(const precis_cluster *c, const represent *r, const cmp_doc *docs, const cmp_quantity *q,
                        size_t nq, const cmp_discrepancy *disc, size_t ndisc, arena *a, cmp_discrepancy **out,
                        size_t *n);

/* ---- quotes.c ------------------------------------------------------- */

#define CMP_QUOTE_MIN_WORDS 4   /* shorter quoted fragments are scare quotes */
/* Only a cluster's first this many quotes are compared with each other to
 * find one remark carried by several outlets (later ones are listed as
 * they are): real clusters hold a few hundred at most, and the pairwise
 * test on a page of tens of thousands would take minutes. */
#define CMP_MAX_MERGED_QUOTES 5000

typedef struct cmp_quote {
    uint32_t article;
    uint32_t start, end;        /* bytes inside the quotation marks */
    const char *speaker;        /* as the article names them, or NULL */
    const char *speaker_key;    /* a name's last word, or the role's head, lower case */
    uint8_t via_pronoun;        /* speaker resolved from he/she/it/they */
    uint32_t group;             /* index into the report's quote groups */
    const char *person;         /* the person's name in full, or NULL (speakers.c) */
} cmp_quote;

/* A quotation as carried by one or more outlets. */
typedef struct cmp_quote_group {
    uint32_t *members;          /* indexes into quotes; members[0] is shown */
    uint32_t nmembers;
    const char *speaker;        /* the most complete speaker among members */
    uint32_t articles;          /* distinct articles */
    uint8_t wording_differs;
    uint32_t who;               /* index into the report's speakers (speakers.c) */
} cmp_quote_group;

int cmp_quotes_find(const precis_cluster *c, const cmp_doc *docs, arena *a, cmp_quote **out,
                    size_t *n);
int cmp_quotes_merge(const precis_cluster *c, const cmp_doc *docs, cmp_quote *q, size_t nq,
                     arena *a, cmp_quote_group **out, size_t *ng);

/* quotes.c's word lists, for speakers.c; w is a normal form (token.h). */
int cmp_is_title_word(const char *w);      /* "minister", "senator", "mr", "the" */
int cmp_is_speech_verb(const char *w);     /* "said", "testified", "told" */
int cmp_is_not_person_word(const char *w); /* "ministry", "moscow", "thursday" */
int cmp_is_name_particle(const char *w);   /* "al", "van", "bin" */
int cmp_is_role_noun(const char *w);       /* "analyst", "survivor", "columnist" */
/* Whether a capitalised run of n words after the lower-case words role and
 * prep is one place word and then a person's two-word name ("aide on
 * Chechnya Sergei Yastrzhembsky"; n 4 when the run's third word is an
 * initial): role names a job, prep is "on" or "in". */
int cmp_place_between_role_and_name(const char *role, const char *prep, size_t n, int third_initial);

/* ---- paraphrase.c --------------------------------------------------- */

/* How alike two facts' first sentences must be, by the cosine of their
 * content words weighted by how rare each is in the cluster, to be one
 * fact told in other words (see paraphrase.c). */
#define CMP_PARAPHRASE_MIN_SIM 0.55
/* Content words the two must share besides. */
#define CMP_PARAPHRASE_MIN_SHARED 3
/* Only the first this many facts (by support) are compared pairwise: a
 * page of thousands of sentences would make the pass quadratic. */
#define CMP_PARAPHRASE_MAX_FACTS 2000

/* Fold each fact that another outlet tells in other words into the fact
 * it tells: facts are taken in order (by support), and each takes the
 * later facts alike enough to it, whose numbers agree with its own and
 * that come from other outlets than its own words; those facts leave the
 * list and their sentences become the taker's similar. A sentence
 * that quotes or reports speech (quotes, from cmp_quotes_find) is told
 * again only by one with half the words of what was said (of the shorter
 * remark, where both have one). Support is left as it is. 0 or -1. */
int cmp_facts_paraphrases(const precis_cluster *c, const represent *r, const cmp_doc *docs, const cmp_quote *quotes,
                          size_t nquotes, arena *a, cmp_facts *facts);

/* ---- speakers.c ----------------------------------------------------- */

/* One source of quotes: a person, however each outlet names them ("Mr
 * Peskov", "Kremlin spokesman Dmitry Peskov"), or a speaker named only by
 * a role ("the defence ministry"), or (name NULL) nobody. */
typedef struct cmp_speaker {
    const char *name;           /* the person's name in full, the role as written, or NULL */
    const char *naming;         /* the fullest naming among their quotes, or NULL */
    uint8_t is_person;
    uint32_t *groups;           /* their quote groups, in the report's order */
    uint32_t ngroups;
    uint32_t articles;          /* distinct articles quoting them */
} cmp_speaker;

/* Read each quote's person (cmp_quote.person) and sort the quote groups by
 * speaker: people quoted most first, unattributed quotes last. */
int cmp_speakers_build(const precis_cluster *c, const cmp_doc *docs, cmp_quote *q, size_t nq,
                       cmp_quote_group *g, size_t ng, arena *a, cmp_speaker **out, size_t *n);

/* ---- compare.c: the whole report ------------------------------------ */

typedef struct cmp_report {
    precis_cluster *c;
    arena mem;
    cmp_doc *docs;
    represent rep;
    cmp_overlap overlap;
    cmp_facts facts;
    cmp_quantity *quant;
    size_t nquant;
    cmp_discrepancy *disc;
    size_t ndisc;
    cmp_discrepancy *agree;     /* counts given alike: one value each */
    size_t nagree;
    cmp_quote *quotes;
    size_t nquotes;
    cmp_quote_group *qgroups;
    size_t nqgroups;
    cmp_speaker *speakers;
    size_t nspeakers;
    precis_summary *summary;    /* for the HTML page; NULL in other formats */
} cmp_report;

precis_status cmp_report_build(precis_cluster *c, int with_summary, cmp_report *r,
                               precis_error *err);
void cmp_report_free(cmp_report *r);

/* ---- renderers ------------------------------------------------------ */

int cmp_render_text(const cmp_report *r, buf *out);
int cmp_render_json(const cmp_report *r, buf *out);
int cmp_render_html(const cmp_report *r, buf *out);

/* Helpers the renderers share (report_json.c). */
int cmp_json_string(buf *out, const char *s, size_t len);
/* A quantity's surface text, whitespace collapsed, into out (NUL-ended). */
void cmp_quantity_text(const cmp_report *r, const cmp_quantity *q, char *out, size_t cap);
/* Articles (as a bit per index, up to 64) or count carrying a value. */
uint32_t cmp_value_articles(const cmp_report *r, const cmp_value *v, uint32_t *list, uint32_t cap);

#endif

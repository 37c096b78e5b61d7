/*
 * precis.h: the public interface of libprecis.
 *
 * precis turns a cluster of news articles about one story into one
 * extractive summary in which every sentence is traceable to the articles
 * that carry it.
 *
 * The life of a summary:
 *
 *     precis_engine *eng;   precis_engine_new(&eng, &err);        once per thread
 *     precis_cluster *c;    precis_cluster_new(eng, "id", &c, &err);
 *     precis_cluster_add(c, "a.txt", text, len, &err);            once per article
 *     precis_summary *s;    precis_summarize(c, &opts, &s, &err);
 *     precis_render(s, PRECIS_FORMAT_JSON, &out, &outlen, &err);
 *     free(out); precis_summary_free(s); precis_cluster_free(c); precis_engine_free(eng);
 *
 * Conventions:
 *  - Every function that can fail returns a precis_status and, when given a
 *    non-NULL precis_error, fills it with a message fit to show a user.
 *  - There is no global state. An engine holds caches and is not safe to
 *    share between threads: use one engine per thread. Clusters and
 *    summaries belong to the engine that made them.
 *  - Text is UTF-8 in and out; every offset is a byte offset into the
 *    article text exactly as it was added.
 *  - Output is deterministic: the same input and options give the same bytes.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <limits.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PRECIS_VERSION "0.1.0"

/* ---- Errors --------------------------------------------------------- */

typedef enum precis_status {
    PRECIS_OK = 0,
    PRECIS_ERR_NOMEM,      /* memory ran out */
    PRECIS_ERR_IO,         /* a file or stream could not be read or written */
    PRECIS_ERR_UTF8,       /* text is not valid UTF-8 */
    PRECIS_ERR_BINARY,     /* text holds a NUL byte or other binary data */
    PRECIS_ERR_EMPTY,      /* an article, file or directory holds no text */
    PRECIS_ERR_TOO_LARGE,  /* input beyond a documented limit */
    PRECIS_ERR_JSON,       /* malformed JSON, or JSON of the wrong shape */
    PRECIS_ERR_USAGE,      /* an invalid option or argument */
    PRECIS_ERR_FORMAT,     /* a file that is not in the expected format */
    PRECIS_ERR_INTERNAL    /* a bug in precis; please report it */
} precis_status;

/* What went wrong, where. `where` names a file ("-" for standard input) or is
 * empty; `line` is 1-based, or 0 when no line applies. */
typedef struct precis_error {
    precis_status code;
    long line;
    char where[512];
    char message[512];
} precis_error;

/* A short constant name for a status, e.g. "invalid UTF-8". */
const char *precis_status_string(precis_status code);

/* Write "WHERE:LINE: MESSAGE" (parts that are unset are left out) into out,
 * truncating to cap bytes including the NUL; returns out. */
char *precis_error_format(const precis_error *err, char *out, size_t cap);

/* ---- Limits (see README, "Limits") ----------------------------------- */

#define PRECIS_MAX_ARTICLE_BYTES   ((size_t)32 << 20)  /* one article */
#define PRECIS_MAX_CLUSTER_BYTES   ((size_t)256 << 20) /* all articles of a cluster */
#define PRECIS_MAX_SENTENCE_BYTES  4096   /* longer "sentences" are cut at a word boundary */
#define PRECIS_MAX_SENTENCES       1000000 /* per cluster */
#define PRECIS_MAX_ARTICLES        100000  /* per cluster */

/* ---- Engine ---------------------------------------------------------- */

typedef struct precis_engine precis_engine;

/* Create an engine: the stemmer, stopwords and background document
 * frequencies (built into the library). Cheap enough to make once per
 * thread, too slow to make once per cluster. */
precis_status precis_engine_new(precis_engine **out, precis_error *err);
void precis_engine_free(precis_engine *engine);

/* ---- Clusters --------------------------------------------------------- */

typedef struct precis_cluster precis_cluster;

/* Start an empty cluster with an identifier (copied; may be NULL). */
precis_status precis_cluster_new(precis_engine *engine, const char *id,
                                 precis_cluster **out, precis_error *err);

/* Add one article. The text is copied, validated as UTF-8 (no NUL bytes),
 * cleaned of page furniture, split into sentences and tokenized. `doc_id`
 * names the article in attributions (copied; NULL gives "1", "2", ...).
 * An article with no story text left after cleaning, or one that is a news
 * service's budget (the day's list of stories for editors, each under its
 * slug), is an error (PRECIS_ERR_EMPTY): it is not added, only remembered
 * as left out (see precis_cluster_left_out). */
precis_status precis_cluster_add(precis_cluster *cluster, const char *doc_id,
                                 const char *text, size_t len, precis_error *err);

/* Number of articles, of sentences, and the cluster's id ("" if none). */
size_t precis_cluster_articles(const precis_cluster *cluster);
size_t precis_cluster_sentences(const precis_cluster *cluster);
const char *precis_cluster_id(const precis_cluster *cluster);

/* The articles that precis_cluster_add turned away for having no story text
 * (empty, only page furniture, notices or typesetting codes, or a news
 * service's budget): how many,
 * and the id of the i-th in the order given (NULL past the end). A caller
 * that carries on without them can say which they were; the JSON rendering
 * of a summary lists them as "left_out". */
size_t precis_cluster_left_out(const precis_cluster *cluster);
const char *precis_cluster_left_out_id(const precis_cluster *cluster, size_t i);

void precis_cluster_free(precis_cluster *cluster);

/* ---- Summaries -------------------------------------------------------- */

typedef struct precis_options {
    const char *method;     /* a name from precis_methods(); NULL = "default" */
    size_t max_words;       /* 0 = no limit; whitespace-separated words */
    size_t max_bytes;       /* 0 = no limit; bytes of the rendered text */
    size_t max_sentences;   /* 0 = no limit */
    const char *query;      /* optional: what the reader wants to know (a topic
                             * statement or question); sentences and facts about
                             * it are preferred. NULL = a generic summary. */
} precis_options;

/* Defaults: the default method and a budget of 120 words. */
void precis_options_init(precis_options *opts);

/* The names of the summarization methods, NULL-terminated, in the order
 * `precis eval` reports them. */
const char *const *precis_methods(void);
/* One line describing a method, or NULL if there is no such method. */
const char *precis_method_description(const char *name);

typedef struct precis_summary precis_summary;

/* One place where a summary sentence, or a near-duplicate of it, occurs. */
typedef struct precis_place {
    size_t article;         /* index in the order articles were added */
    const char *article_id;
    size_t start, end;      /* byte offsets into that article's text */
    int partial;            /* 1: a near-duplicate that stops short (cut off by
                               the end of its article, or a caption without a
                               final stop) and holds less than three quarters
                               of the sentence's content words: its article
                               gives only part of the sentence */
} precis_place;

/* Appended by the text and Markdown renderers to a sentence that is cut
 * (precis_summary_sentence.cut): U+2026, three bytes, counted in --bytes. */
#define PRECIS_CUT_MARK "\xE2\x80\xA6"

typedef struct precis_summary_sentence {
    const char *text;       /* the sentence's bytes from its first place (not NUL-terminated) */
    size_t len;
    int cut;                /* 1: its article stops inside this sentence (a clipped source),
                               so the text ends early; JSON says "cut":true */
    double score;           /* the method's score; comparable within one summary */
    size_t support;         /* number of distinct articles that carry it: the
                               articles of its places that are not partial */
    const precis_place *places; /* places[0] is the sentence printed, then every
                                   near-duplicate of it (not merely of its
                                   group) whose numbers do not contradict it,
                                   in text order, partial ones included */
    size_t nplaces;
    const precis_place *other_numbers; /* the near-duplicates left out of places
                                   because their numbers may contradict it:
                                   another count ("14 people died" for "12
                                   people died"), or another date or age beside
                                   the same count; in text order, not counted
                                   in support */
    size_t nother_numbers;
} precis_summary_sentence;

/* Summarize a cluster under the budget in opts (NULL = defaults). The
 * summary never exceeds max_words or max_bytes, so it holds no sentence at
 * all when every sentence is longer than the budget (precis summarize
 * reports that as an error). A cluster with no story text, only page
 * notices such as a web archive's crawl notice, is PRECIS_ERR_EMPTY, and
 * so is one whose text runs on without a sentence end for more than
 * PRECIS_MAX_SENTENCE_BYTES: the pieces it is cut into are no sentences,
 * and no summary holds one. An unknown method, or a query that is not
 * valid UTF-8, is PRECIS_ERR_USAGE. */
precis_status precis_summarize(precis_cluster *cluster, const precis_options *opts,
                               precis_summary **out, precis_error *err);

size_t precis_summary_count(const precis_summary *summary);
/* Sentence i in reading order, or NULL if i is out of range. */
const precis_summary_sentence *precis_summary_get(const precis_summary *summary, size_t i);
void precis_summary_free(precis_summary *summary);

/* ---- Rendering ---------------------------------------------------------- */

typedef enum precis_format {
    PRECIS_FORMAT_TEXT = 0,  /* one sentence per line, whitespace collapsed */
    PRECIS_FORMAT_JSON,      /* one JSON object, schema in README */
    PRECIS_FORMAT_MD         /* Markdown with numbered source notes */
} precis_format;

/* Render a summary. *out is malloc'd, NUL-terminated, and the caller frees
 * it. JSON output is a single line. */
precis_status precis_render(const precis_summary *summary, precis_format format,
                            char **out, size_t *len, precis_error *err);

/* ---- Cross-source view (precis compare) ------------------------------ */

typedef enum precis_compare_format {
    PRECIS_COMPARE_TEXT = 0, /* sections of plain text for a terminal */
    PRECIS_COMPARE_JSON,     /* one JSON object, schema in README ("precis compare") */
    PRECIS_COMPARE_HTML      /* one self-contained page: inline CSS and JS, nothing fetched */
} precis_compare_format;

/* Compare the articles of a cluster: the text they share pairwise (and
 * which passages are the same wire copy), facts by how many articles carry
 * them, quantities the articles give differently, and direct quotations
 * with their speakers. The HTML page also holds a summary (default method
 * and budget) and the articles side by side; all article text in it is
 * escaped. *out is malloc'd and NUL-terminated; the caller frees it.
 * A cluster of more than 500 articles is PRECIS_ERR_TOO_LARGE. */
precis_status precis_compare(precis_cluster *cluster, precis_compare_format format,
                             char **out, size_t *len, precis_error *err);

/* ---- Story store (precis ingest, precis stories) ----------------------
 *
 * A SQLite database of articles grouped into stories as they arrive:
 *
 *     precis_store *db;  precis_store_open("news.db", NULL, &db, &err);
 *     precis_store_add(db, &article, &err);          once per article
 *     precis_store_flush(db, &err);                  commit what is pending
 *     precis_store_stories(db, since, print_story, ctx, &err);
 *     precis_store_close(db);
 *
 * Articles are committed in batches, one transaction each: a crash loses
 * at most the batch in progress and never leaves half of one. An article
 * already stored (same URL, or same text up to white space) changes
 * nothing. Several processes may write one database; each batch waits
 * for the others (busy timeout) and sees their stories. A store, like an
 * engine, belongs to one thread. */

typedef struct precis_store precis_store;

typedef struct precis_store_options {
    int readonly;            /* open an existing database for reading only */
    int busy_timeout_ms;     /* wait for other writers this long (default 30000) */
    size_t batch;            /* articles per transaction (default 256) */
    double window_days;      /* stories active within this many days are candidates (default 3) */
    double threshold;        /* similarity needed to join a story (default 0.20) */
    long long default_time;  /* date of articles without one, Unix seconds, or PRECIS_STORE_NOW
                                (the default): the time each is stored */
} precis_store_options;

/* default_time's "when stored": not a date any article can have, so that
 * 1970-01-01T00:00:00Z (0) is a date like any other. */
#define PRECIS_STORE_NOW LLONG_MIN

void precis_store_options_init(precis_store_options *opts);

/* Open (or create, unless readonly) a story database. A file that is not a
 * precis database, a newer schema, or a corrupt file is PRECIS_ERR_FORMAT. */
precis_status precis_store_open(const char *path, const precis_store_options *opts,
                                precis_store **out, precis_error *err);

/* One article to store. Every field but body may be NULL/0. */
typedef struct precis_article_in {
    const char *id;          /* the caller's identifier */
    const char *url;         /* the same URL twice is one article */
    const char *source;      /* publisher */
    const char *title;       /* when NULL: from the HTML page, or the text's first line */
    const char *byline;
    const char *published;   /* ISO 8601 date or date-time, or Unix seconds */
    const char *body;        /* plain text (UTF-8), or an HTML page when html is set */
    size_t len;
    int html;
    const char *where;       /* file name for errors */
    long line;               /* line for errors, 0 if none */
} precis_article_in;

/* Extract, validate and queue an article; the batch is committed when full.
 * A bad article (invalid UTF-8, no text, bad date) is an error naming
 * where/line and leaves the batch as it was. */
precis_status precis_store_add(precis_store *store, const precis_article_in *article,
                               precis_error *err);
/* Commit the pending batch (a no-op when nothing is pending). */
precis_status precis_store_flush(precis_store *store, precis_error *err);

typedef struct precis_store_stats {
    size_t added;            /* articles committed by this store */
    size_t duplicates;       /* articles already present, skipped */
    size_t near_duplicates;  /* added articles that were near-copies of another */
    size_t new_stories;      /* stories started by this store */
    size_t pending;          /* queued, not yet committed */
} precis_store_stats;

void precis_store_get_stats(const precis_store *store, precis_store_stats *out);

typedef struct precis_story_article {
    long long id;            /* the database's article number */
    const char *ext_id, *url, *source, *title; /* "" when unknown */
    long long published;     /* Unix seconds */
    int near_duplicate;      /* a near-copy of an earlier article of the story */
} precis_story_article;

typedef struct precis_story {
    long long id;
    const char *headline;
    long long first, last;   /* dates of its first and last article */
    size_t narticles;
    const precis_story_article *articles; /* by date */
} precis_story;

/* Call fn for each story whose last article is at or after `since` (Unix
 * seconds; LLONG_MIN = all, those before 1970 too), most recent first. fn
 * returns non-zero to stop. */
typedef int (*precis_story_fn)(const precis_story *story, void *ctx);
precis_status precis_store_stories(precis_store *store, long long since, precis_story_fn fn,
                                   void *ctx, precis_error *err);

/* The articles of one story as a cluster, ready for precis_summarize.
 * An unknown story is PRECIS_ERR_USAGE. */
precis_status precis_store_story_cluster(precis_store *store, precis_engine *engine, long long story,
                                         precis_cluster **out, precis_error *err);

/* Parse a date: "2024-10-31", "2024-10-31T08:15:00Z" (any offset, seconds
 * and fractions optional), an RFC 2822 date ("Thu, 31 Oct 2024 08:15:00
 * GMT") or Unix seconds. 0 on success, -1 if not a date. */
int precis_parse_date(const char *text, long long *out);

/* Close the database. Articles still pending are discarded: flush first. */
void precis_store_close(precis_store *store);

#ifdef __cplusplus
}
#endif
#endif

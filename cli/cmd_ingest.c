/*
 * cmd_ingest.c: `precis ingest`, articles into a story database.
 *
 *   precis ingest --db news.db [OPTIONS] FILE... | DIR | -
 *
 * Each input is a JSON Lines stream of articles (.jsonl, .ndjson, .zst,
 * or - for standard input), an HTML page (.html, .htm, or anything that
 * starts like one) or a plain text article (the rest).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/html.h"
#include "io/io.h"
#include "precis.h"
#include "store/store.h"
#include "util.h"

static const char usage_text[] =
    "usage: precis ingest --db FILE [OPTIONS] FILE... | DIR | -\n"
    "\n"
    "Store articles in a story database, grouping them into stories as they come.\n"
    "Inputs: JSON Lines streams of articles (*.jsonl, *.ndjson, *.zst, - for\n"
    "standard input, or a file that opens like one; one {\"id\",\"url\",\"source\",\n"
    "\"published\",\"title\",\"text\"|\"html\"} per line, plain or zstd-compressed),\n"
    "HTML pages (*.html, *.htm, or one that opens like a page) and plain text\n"
    "articles (any other file; the first line is the title). A directory\n"
    "means its files. An article already stored (same URL or same text) is skipped.\n"
    "\n"
    "options:\n"
    "      --db FILE          the database (created if missing)\n"
    "      --batch N          articles per transaction (default 256)\n"
    "      --window DAYS      join only stories active within DAYS of the article\n"
    "                         (default 3, at most 36500)\n"
    "      --threshold X      similarity needed to join a story (default 0.20;\n"
    "                         0 to 10)\n"
    "      --date DATE        date of articles that have none (default: now)\n"
    "      --busy-timeout MS  wait this long for another writer (default 30000)\n"
    "      --strict           stop at the first input that cannot be read or bad article\n"
    "                         (default: report it, skip it); the articles before it\n"
    "                         are still stored\n"
    "  -v, --verbose          report each committed batch on stderr\n"
    "  -q, --quiet            no summary line\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 ok, 1 bad input (an input could not be read or some articles\n"
    "could not be used, the others being stored; or --db is not a precis database),\n"
    "2 usage, 3 internal or database error (--db cannot be opened or written; the\n"
    "batch being written is lost, the batches before it are kept).\n";

typedef struct ingest_run {
    precis_store *db;
    int strict, verbose;
    int failed;            /* some input or article was bad: exit 1 */
    int stop;              /* read no further input (--strict, or fatal) */
    int fatal;             /* the database itself, memory or a bug failed: exit 3 */
    size_t last_reported;
} ingest_run;

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcasecmp(s + n - k, suffix);
}

static int is_jsonl_name(const char *path)
{
    return !strcmp(path, "-") || has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson") ||
           has_suffix(path, ".zst") || has_suffix(path, ".jsonl.zst");
}

static void report_commit(ingest_run *r)
{
    if (!r->verbose)
        return;
    precis_store_stats st;
    precis_store_get_stats(r->db, &st);
    size_t done = st.added + st.duplicates;
    if (st.pending == 0 && done != r->last_reported) {
        errorf("precis: committed %zu articles (%zu new, %zu duplicates)\n", done, st.added,
                st.duplicates);
        r->last_reported = done;
    }
}

/* An input that cannot be read or a bad article is reported and skipped
 * (with --strict it ends the reading, and what came before it is still
 * committed). A failure of the database itself, of memory or a bug ends
 * the run: the open batch cannot be trusted to commit. */
static void handle(ingest_run *r, precis_status st, const precis_error *err)
{
    if (st == PRECIS_OK) {
        report_commit(r);
        return;
    }
    print_error(err);
    r->failed = 1;
    if (st == PRECIS_ERR_NOMEM || st == PRECIS_ERR_INTERNAL || store_db_failed(r->db))
        r->fatal = 1;
    if (r->strict || r->fatal)
        r->stop = 1;
}

static int ingest_line(void *ctx, const char *data, size_t len, const char *where, long lineno)
{
    ingest_run *r = ctx;
    precis_error err = {0};
    precis_article_in a;
    json_t *root;
    precis_status st = store_parse_jsonl(data, len, where, lineno, &a, &root, &err);
    if (st == PRECIS_OK)
        st = precis_store_add(r->db, &a, &err);
    json_decref(root);
    handle(r, st, &err);
    return r->stop;
}

/* An input that cannot be read, or an over-long line (the lines after it
 * still count). */
static int ingest_fail(void *ctx, precis_status st, const precis_error *err)
{
    ingest_run *r = ctx;
    handle(r, st, err);
    return r->stop;
}

static void ingest_jsonl(ingest_run *r, const char *path)
{
    const line_handler h = {ingest_line, ingest_fail, r};
    read_lines(path, &h);
}

/* A stream of articles whose name does not say so (split's part.aa, a feed
 * saved as "feed"): zstd data, or a first line that is a JSON object with
 * a "text" or "html", as a page is known by its content. It had been
 * stored as one plain-text article made of JSON. Only the file's head is
 * read (a stream may be larger than an article may be). */
#define JSONL_SNIFF_BYTES ((size_t)4 << 20)
static int is_jsonl_content(const char *path)
{
    static const unsigned char zstd_magic[4] = {0x28, 0xB5, 0x2F, 0xFD};
    struct stat sb;
    /* A pipe (<(zcat feed), /dev/stdin) cannot be read twice: not sniffed. */
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0; /* io_read_file says why */
    char *head = malloc(JSONL_SNIFF_BYTES);
    size_t len = head ? fread(head, 1, JSONL_SNIFF_BYTES, f) : 0;
    fclose(f);
    int is = len >= 4 && !memcmp(head, zstd_magic, 4);
    const char *p = head, *end = head + len;
    if (!is && len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        p += 3;
    while (!is && p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if (!is && p < end && *p == '{') {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        json_t *first = json_loadb(p, (size_t)((eol ? eol : end) - p), 0, NULL);
        is = json_is_object(first) && (json_object_get(first, "text") || json_object_get(first, "html"));
        json_decref(first);
    }
    free(head);
    return is;
}

static void ingest_file(ingest_run *r, const char *path, buf *text)
{
    if (is_jsonl_name(path) || is_jsonl_content(path)) {
        ingest_jsonl(r, path);
        return;
    }
    precis_error err = {0};
    precis_status st = io_read_file(path, text, &err);
    if (st == PRECIS_OK) {
        precis_article_in a;
        memset(&a, 0, sizeof a);
        a.where = path;
        a.body = text->data ? text->data : "";
        a.len = text->len;
        a.html = has_suffix(path, ".html") || has_suffix(path, ".htm") || html_sniff(a.body, a.len);
        const char *base = strrchr(path, '/');
        a.id = base ? base + 1 : path;
        st = precis_store_add(r->db, &a, &err);
    }
    handle(r, st, &err);
}

int cmd_ingest(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_BATCH, OPT_WINDOW, OPT_THRESHOLD, OPT_DATE, OPT_BUSY, OPT_STRICT };
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},         {"batch", required_argument, NULL, OPT_BATCH},
        {"window", required_argument, NULL, OPT_WINDOW}, {"threshold", required_argument, NULL, OPT_THRESHOLD},
        {"date", required_argument, NULL, OPT_DATE},     {"busy-timeout", required_argument, NULL, OPT_BUSY},
        {"strict", no_argument, NULL, OPT_STRICT},       {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},               {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    precis_store_options o;
    precis_store_options_init(&o);
    const char *db = NULL;
    ingest_run r;
    memset(&r, 0, sizeof r);
    int quiet = 0, opt;
    size_t n;
    char *end;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "vqh", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_DB: db = optarg; break;
        case OPT_BATCH:
            /* parse_size has said what is wrong when it fails (and left n unset). */
            if (parse_size("--batch", optarg, &n) != 0)
                return EXIT_USAGE;
            if (n == 0) {
                errorf("precis: --batch must be at least 1\n");
                return EXIT_USAGE;
            }
            o.batch = n;
            break;
        case OPT_WINDOW:
            o.window_days = strtod(optarg, &end);
            if (*end || end == optarg || !(o.window_days >= 0 && o.window_days <= STORE_MAX_WINDOW_DAYS)) {
                errorf("precis: --window needs a number of days (0 to %d)\n", STORE_MAX_WINDOW_DAYS);
                return EXIT_USAGE;
            }
            break;
        case OPT_THRESHOLD:
            o.threshold = strtod(optarg, &end);
            /* Bounded as precis cluster's is: a similarity is at most 1.12,
             * and "inf" or "nan" is a typo, not a setting. */
            if (*end || end == optarg || !(o.threshold >= 0 && o.threshold <= 10)) {
                errorf("precis: --threshold needs a number from 0 to 10\n");
                return EXIT_USAGE;
            }
            break;
        case OPT_DATE:
            if (precis_parse_date(optarg, &o.default_time) != 0) {
                errorf("precis: --date: '%s' is not a date (e.g. 2024-10-31)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_BUSY:
            if (parse_size("--busy-timeout", optarg, &n) != 0)
                return EXIT_USAGE;
            o.busy_timeout_ms = n > 86400000 ? 86400000 : (int)n;
            break;
        case OPT_STRICT: r.strict = 1; break;
        case 'v': r.verbose = 1; break;
        case 'q': quiet = 1; break;
        case 'h': return print_help(usage_text);
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    if (!db) {
        errorf("precis: ingest needs --db FILE\n");
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    precis_error err = {0};
    precis_status st = precis_store_open(db, &o, &r.db, &err);
    if (st != PRECIS_OK) {
        /* A file that is not a precis database (not SQLite, damaged, a
         * newer schema) is bad input, exit 1, as for every command that
         * reads one; one that cannot be opened or written (a missing
         * directory, no permission) is a database error, exit 3. */
        print_error(&err);
        return st == PRECIS_ERR_USAGE ? EXIT_USAGE : st == PRECIS_ERR_FORMAT ? EXIT_INPUT : EXIT_INTERNAL;
    }
    int nargs = argc - optind;
    char **args = operands_or_stdin(&nargs, argv + optind);
    buf text = BUF_INIT;
    for (int i = 0; i < nargs && !r.stop; i++) {
        if (!io_is_dir(args[i])) {
            ingest_file(&r, args[i], &text);
            continue;
        }
        char **paths;
        size_t np, notes;
        st = io_list_dir(args[i], &paths, &np, &notes, &err);
        say_notes_left_out(args[i], notes);
        if (st != PRECIS_OK) {
            handle(&r, st, &err);
            continue;
        }
        for (size_t k = 0; k < np && !r.stop; k++)
            ingest_file(&r, paths[k], &text);
        io_free_paths(paths, np);
    }
    buf_free(&text);
    /* What was queued before a bad input or article is good: commit it,
     * unless the database is what failed. */
    if (!store_db_failed(r.db)) {
        st = precis_store_flush(r.db, &err);
        handle(&r, st, &err);
    }
    precis_store_stats stats;
    precis_store_get_stats(r.db, &stats);
    if (!quiet)
        errorf("precis: %s: %zu articles added (%zu near-copies), %zu duplicates skipped, %zu new stories\n",
                db, stats.added, stats.near_duplicates, stats.duplicates, stats.new_stories);
    precis_store_close(r.db);
    return r.fatal ? EXIT_INTERNAL : r.failed ? EXIT_INPUT : EXIT_OK;
}

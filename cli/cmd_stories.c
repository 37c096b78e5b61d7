/*
 * cmd_stories.c: `precis stories`, the stories of a database.
 *
 *   precis stories --db news.db [--since DATE] [--format text|json] [--limit N]
 */
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "core/buf.h"
#include "precis.h"
#include "text/shown.h"
#include "text/utf8.h"
#include "util.h"

static const char usage_text[] =
    "usage: precis stories --db FILE [OPTIONS]\n"
    "\n"
    "List the stories of a database, most recently updated first, each with its\n"
    "headline and articles. The database may be written by `precis ingest` at\n"
    "the same time; the listing is a consistent snapshot.\n"
    "\n"
    "options:\n"
    "      --db FILE       the database\n"
    "      --since DATE    only stories with an article on or after DATE\n"
    "  -f, --format FMT    text (default) or json (one story per line)\n"
    "  -n, --limit N       at most N stories (0 = no limit)\n"
    "      --min-articles N  only stories of at least N articles (0 or 1 = all)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 1 the database cannot be read (missing, not a precis\n"
    "database, damaged), 2 usage, 3 internal error, out of memory or the listing\n"
    "could not be written.\n";

typedef struct list_ctx {
    int json;
    size_t limit, min_articles, shown;
} list_ctx;

static void fmt_date(long long t, int with_time, char *out, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm)) {
        snprintf(out, cap, "%lld", t);
        return;
    }
    strftime(out, cap, with_time ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d", &tm);
}

/* before, then s as a terminal should show it (text/shown.h: a control
 * character or a bidirectional override in a stored title is U+FFFD),
 * then after. -1 when memory runs out. */
static int print_shown(const char *before, const char *s, const char *after)
{
    buf b = BUF_INIT;
    int rc = shown_append(&b, s, strlen(s));
    if (rc == 0)
        printf("%s%.*s%s", before, (int)b.len, b.data ? b.data : "", after);
    buf_free(&b);
    return rc;
}

static int print_text(const precis_story *s)
{
    char a[32], b[32];
    int rc = 0;
    fmt_date(s->first, 0, a, sizeof a);
    fmt_date(s->last, 0, b, sizeof b);
    printf("story %lld: ", s->id);
    rc |= print_shown("", s->headline, "\n");
    printf("  %s", a);
    if (strcmp(a, b))
        printf(" .. %s", b);
    printf(", %zu article%s\n", s->narticles, s->narticles == 1 ? "" : "s");
    for (size_t i = 0; i < s->narticles; i++) {
        const precis_story_article *x = &s->articles[i];
        fmt_date(x->published, 0, a, sizeof a);
        printf("  - %s", a);
        if (*x->source)
            rc |= print_shown("  ", x->source, "");
        rc |= print_shown("  ", x->title, "");
        if (*x->ext_id)
            rc |= print_shown("  [", x->ext_id, "]");
        if (x->near_duplicate)
            printf("  (near-copy)");
        if (*x->url)
            rc |= print_shown("  <", x->url, ">");
        putchar('\n');
    }
    putchar('\n');
    return rc || ferror(stdout) ? -1 : 0;
}

/* s as a JSON string. precis stores only valid UTF-8, but a database may
 * have been written by another program, and jansson answers a string that
 * is not UTF-8 with NULL, which silently dropped its key from the object:
 * here each byte of no valid character is U+FFFD, as in every other JSON
 * output of precis. NULL only when memory runs out. */
static json_t *json_text(const char *s)
{
    json_t *j = json_string(s);
    if (j)
        return j;
    buf b = BUF_INIT;
    size_t len = strlen(s);
    int rc = 0;
    for (size_t i = 0; i < len && rc == 0; i++) {
        size_t n = utf8_seq_len(s + i, len - i);
        rc = n ? buf_append(&b, s + i, n) : buf_puts(&b, UTF8_REPLACEMENT);
        i += n ? n - 1 : 0;
    }
    j = rc == 0 ? json_stringn(b.data ? b.data : "", b.len) : NULL;
    buf_free(&b);
    return j;
}

static int print_json(const precis_story *s)
{
    char a[32];
    json_t *o = json_object(), *arts = json_array();
    json_object_set_new(o, "id", json_integer(s->id));
    json_object_set_new(o, "headline", json_text(s->headline));
    fmt_date(s->first, 1, a, sizeof a);
    json_object_set_new(o, "first", json_string(a));
    fmt_date(s->last, 1, a, sizeof a);
    json_object_set_new(o, "last", json_string(a));
    json_object_set_new(o, "articles_count", json_integer((json_int_t)s->narticles));
    for (size_t i = 0; i < s->narticles; i++) {
        const precis_story_article *x = &s->articles[i];
        json_t *j = json_object();
        json_object_set_new(j, "n", json_integer(x->id));
        if (*x->ext_id)
            json_object_set_new(j, "id", json_text(x->ext_id));
        if (*x->url)
            json_object_set_new(j, "url", json_text(x->url));
        if (*x->source)
            json_object_set_new(j, "source", json_text(x->source));
        json_object_set_new(j, "title", json_text(x->title));
        fmt_date(x->published, 1, a, sizeof a);
        json_object_set_new(j, "published", json_string(a));
        if (x->near_duplicate)
            json_object_set_new(j, "near_copy", json_true());
        json_array_append_new(arts, j);
    }
    json_object_set_new(o, "articles", arts);
    char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!line)
        return -1;
    puts(line);
    free(line);
    return ferror(stdout) ? -1 : 0;
}

static int on_story(const precis_story *s, void *arg)
{
    list_ctx *c = arg;
    if (s->narticles < c->min_articles)
        return 0;
    if ((c->json ? print_json(s) : print_text(s)) != 0)
        return 1;
    return c->limit && ++c->shown >= c->limit;
}

int cmd_stories(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_SINCE, OPT_MIN };
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},      {"since", required_argument, NULL, OPT_SINCE},
        {"format", required_argument, NULL, 'f'},     {"limit", required_argument, NULL, 'n'},
        {"min-articles", required_argument, NULL, OPT_MIN}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db = NULL;
    long long since = LLONG_MIN; /* every story, those dated before 1970 too */
    list_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:n:h", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_DB: db = optarg; break;
        case OPT_SINCE:
            if (precis_parse_date(optarg, &since) != 0) {
                errorf("precis: --since: '%s' is not a date (e.g. 2024-10-31)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'f':
            if (!strcmp(optarg, "json")) {
                ctx.json = 1;
            } else if (strcmp(optarg, "text") != 0) {
                errorf("precis: unknown format '%s' (text or json)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'n':
            if (parse_size("--limit", optarg, &ctx.limit) != 0)
                return EXIT_USAGE;
            break;
        case OPT_MIN:
            if (parse_size("--min-articles", optarg, &ctx.min_articles) != 0)
                return EXIT_USAGE;
            break;
        case 'h': return print_help(usage_text);
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    if (!db || optind < argc) {
        errorf("precis: stories needs --db FILE and no other arguments\n");
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    precis_store_options o;
    precis_store_options_init(&o);
    o.readonly = 1;
    precis_store *s = NULL;
    precis_error err = {0};
    precis_status st = precis_store_open(db, &o, &s, &err);
    if (st == PRECIS_OK)
        st = precis_store_stories(s, since, on_story, &ctx, &err);
    if (st != PRECIS_OK)
        print_error(&err);
    precis_store_close(s);
    /* A listing that could not be written (on_story stops at the first
     * failed story) is exit 3, as for every command, not bad input. */
    return finish_stdout(exit_code_for(st));
}

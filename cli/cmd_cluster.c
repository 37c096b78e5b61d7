/*
 * cmd_cluster.c: `precis cluster`, stories from a batch of articles with
 * no database, in one process or as map / shuffle / reduce / merge stages
 * (see src/cluster/batch.h for the method):
 *
 *   precis cluster [OPTIONS] [FILE...|-]            all stages, in memory
 *   precis cluster --map [OPTIONS] [FILE...|-]      articles -> KEY<TAB>RECORD
 *   LC_ALL=C sort                                   group the lines by key
 *   precis cluster --reduce [OPTIONS] [FILE...|-]   key groups -> links
 *   precis cluster --merge [FILE...|-]              links -> one line per article
 *
 * The staged pipeline, split across any number of processes, prints the
 * same bytes as the single process.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/batch.h"
#include "commands.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/io.h"
#include "store/store.h"
#include "util.h"

static const char usage_text[] =
    "usage: precis cluster [OPTIONS] [FILE...|-]\n"
    "       precis cluster --map [OPTIONS] [FILE...|-] | LC_ALL=C sort |\n"
    "           precis cluster --reduce [OPTIONS] | precis cluster --merge\n"
    "\n"
    "Group a batch of articles into stories without a database. Input: JSON Lines\n"
    "articles {\"id\",\"url\",\"source\",\"published\",\"title\",\"text\"|\"html\"}, plain or\n"
    "zstd. Output: one line per article, {\"id\",\"story\",\"size\",\"published\",\"title\"},\n"
    "stories numbered by their first article, articles by date then id.\n"
    "\n"
    "The same work as stages that split across processes and machines:\n"
    "  --map       each article as KEY<TAB>RECORD lines (its id, LSH band and top\n"
    "              term keys); sort or shuffle these by KEY\n"
    "  --reduce    input sorted by key: compares the articles of each key group and\n"
    "              writes what it links; any split that keeps key groups whole\n"
    "  --merge     all reducer output: joins articles by their mutual strongest\n"
    "              links, writes the stories\n"
    "The result is identical to one process however the work is split.\n"
    "\n"
    "options:\n"
    "      --window DAYS      link only articles dated within DAYS (default 3; the same\n"
    "                         value for --map and --reduce)\n"
    "      --threshold X      term cosine + 0.12 x shared names needed to link (default 0.30)\n"
    "      --date DATE        date of undated articles (default: undated, null)\n"
    "      --strict           stop at the first bad article or input that cannot be\n"
    "                         read (default: report it, skip it)\n"
    "  -q, --quiet            no summary line\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 ok, 1 bad input (a bad line or an input that cannot be read is\n"
    "reported and skipped, the other inputs are clustered; input to --reduce that\n"
    "is not sorted, or either with --strict, stops the run), 2 usage, 3 internal\n"
    "error, out of memory, or output that cannot be written.\n";

enum mode { MODE_ALL, MODE_MAP, MODE_REDUCE, MODE_MERGE };

typedef struct run {
    batch_opts opts;
    enum mode mode;
    int strict, quiet;
    int failed;                 /* some input was bad */
    int fatal;                  /* exit code that stopped the run, 0 if none */
    precis_engine *eng;
    html_doc html;
    buf out;
    /* MODE_ALL: every record and its keys */
    batch_rec *recs;
    size_t nrecs, recs_cap;
    struct keyed { char key[BATCH_KEY_LEN + 1]; uint32_t rec; } *keys;
    size_t nkeys, keys_cap;
    batch_merge *merge;
    /* MODE_REDUCE: the key group being read */
    char group_key[64];
    batch_rec *group;
    size_t ngroup, group_cap;
} run;

/* A bad line, or an input that cannot be read (what is left of it), is
 * reported and skipped, as precis ingest does: the other inputs still
 * give their stories, and the exit status says some input was lost.
 * --strict stops there; running out of memory always stops the run. */
static void report(run *r, precis_status st, const precis_error *err)
{
    if (st == PRECIS_OK)
        return;
    print_error(err);
    r->failed = 1;
    if (st == PRECIS_ERR_NOMEM || st == PRECIS_ERR_INTERNAL)
        r->fatal = EXIT_INTERNAL;
    else if (r->strict)
        r->fatal = EXIT_INPUT;
}

/* Output that cannot be written stops the run; finish_stdout says why
 * (out_write keeps the cause), as for the other commands. */
static int flush_out(run *r)
{
    if (r->out.len)
        out_write(r->out.data, r->out.len, stdout);
    buf_clear(&r->out);
    if (ferror(stdout)) {
        r->fatal = EXIT_INTERNAL;
        return -1;
    }
    return 0;
}

static void nomem(run *r)
{
    errorf("precis: cluster: out of memory\n");
    r->fatal = EXIT_INTERNAL;
}

/* ---- map, and the single process's input ------------------------------- */

static int push_record(run *r, batch_rec *rec)
{
    if (r->nrecs == r->recs_cap) {
        size_t cap = r->recs_cap ? 2 * r->recs_cap : 1024;
        batch_rec *p = realloc(r->recs, cap * sizeof *p);
        if (!p)
            return -1;
        r->recs = p;
        r->recs_cap = cap;
    }
    char keys[BATCH_MAX_KEYS][BATCH_KEY_LEN + 1];
    size_t n = batch_keys(rec, &r->opts, keys);
    if (r->nkeys + n > r->keys_cap) {
        size_t cap = r->keys_cap ? 2 * r->keys_cap : 16384;
        struct keyed *k = realloc(r->keys, cap * sizeof *k);
        if (!k)
            return -1;
        r->keys = k;
        r->keys_cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        memcpy(r->keys[r->nkeys].key, keys[i], sizeof keys[i]);
        r->keys[r->nkeys++].rec = (uint32_t)r->nrecs;
    }
    r->recs[r->nrecs++] = *rec;
    return 0;
}

/* --map: the record once per key. */
static int emit_keys(run *r, const batch_rec *rec)
{
    char keys[BATCH_MAX_KEYS][BATCH_KEY_LEN + 1];
    size_t n = batch_keys(rec, &r->opts, keys);
    buf one = BUF_INIT;
    int rc = batch_rec_format(rec, &one);
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = buf_puts(&r->out, keys[i]) || buf_putc(&r->out, '\t') || buf_append(&r->out, one.data, one.len) ||
             buf_putc(&r->out, '\n');
    buf_free(&one);
    return rc;
}

static void map_line(run *r, const char *line, size_t len, const char *where, long lineno)
{
    precis_error err = {0};
    precis_article_in a;
    json_t *root;
    batch_rec rec;
    precis_status st = store_parse_jsonl(line, len, where, lineno, &a, &root, &err);
    if (st == PRECIS_OK)
        st = batch_rec_from_article(r->eng, &r->html, &r->opts, &a, &rec, &err);
    json_decref(root);
    if (st != PRECIS_OK) {
        report(r, st, &err);
        return;
    }
    int rc = r->mode == MODE_MAP ? emit_keys(r, &rec) : push_record(r, &rec);
    if (r->mode == MODE_MAP || rc != 0)
        batch_rec_free(&rec);
    if (rc != 0)
        nomem(r);
    else if (r->out.len > (1 << 20))
        flush_out(r);
}

/* ---- reduce ----------------------------------------------------------- */

static int sink_node_text(void *ctx, const batch_rec *rec)
{
    return batch_write_node(&((run *)ctx)->out, rec);
}

static int sink_link_text(void *ctx, const char *a, const char *b, float score)
{
    return batch_write_link(&((run *)ctx)->out, a, b, score);
}

static int sink_node_merge(void *ctx, const batch_rec *rec)
{
    return batch_merge_node(((run *)ctx)->merge, rec->id, rec->t, rec->title);
}

static int sink_link_merge(void *ctx, const char *a, const char *b, float score)
{
    return batch_merge_link(((run *)ctx)->merge, a, b, score);
}

static void reduce_group(run *r)
{
    if (r->ngroup == 0)
        return;
    batch_rec **p = malloc(r->ngroup * sizeof *p);
    batch_sink sink = {sink_node_text, sink_link_text, r};
    for (size_t i = 0; p && i < r->ngroup; i++)
        p[i] = &r->group[i];
    if (!p || batch_reduce(r->group_key, p, r->ngroup, &r->opts, &sink) != 0)
        nomem(r);
    free(p);
    for (size_t i = 0; i < r->ngroup; i++)
        batch_rec_free(&r->group[i]);
    r->ngroup = 0;
    if (r->out.len > (1 << 20))
        flush_out(r);
}

static void reduce_line(run *r, const char *line, size_t len, const char *where, long lineno)
{
    precis_error err = {0};
    const char *tab = memchr(line, '\t', len);
    size_t klen = tab ? (size_t)(tab - line) : 0;
    if (!tab || klen == 0 || klen >= sizeof r->group_key) {
        error_set(&err, PRECIS_ERR_FORMAT, where, lineno, "expected KEY<TAB>RECORD from precis cluster --map");
        report(r, PRECIS_ERR_FORMAT, &err);
        return;
    }
    char key[sizeof r->group_key];
    memcpy(key, line, klen);
    key[klen] = '\0';
    int c = strcmp(key, r->group_key);
    if (c < 0 && r->group_key[0]) {
        /* A key group split in two would lose links: refuse, do not guess. */
        error_set(&err, PRECIS_ERR_FORMAT, where, lineno,
                  "input is not sorted by key (sort the --map output with LC_ALL=C sort)");
        r->failed = 1;
        r->fatal = EXIT_INPUT;
        print_error(&err);
        return;
    }
    if (c != 0) {
        reduce_group(r);
        memcpy(r->group_key, key, klen + 1);
    }
    if (r->ngroup == r->group_cap) {
        size_t cap = r->group_cap ? 2 * r->group_cap : 64;
        batch_rec *g = realloc(r->group, cap * sizeof *g);
        if (!g) {
            nomem(r);
            return;
        }
        r->group = g;
        r->group_cap = cap;
    }
    size_t rlen = len - klen - 1;
    while (rlen && (tab[rlen] == '\r' || tab[rlen] == '\t'))
        rlen--;
    precis_status st = batch_rec_parse(tab + 1, rlen, where, lineno, &r->group[r->ngroup], &err);
    if (st == PRECIS_OK)
        r->ngroup++;
    else
        report(r, st, &err);
}

/* ---- reading ---------------------------------------------------------- */

static void merge_line(run *r, const char *line, size_t len, const char *where, long lineno)
{
    precis_error err = {0};
    report(r, batch_merge_line(r->merge, line, len, where, lineno, &err), &err);
}

static int read_line(void *ctx, const char *data, size_t len, const char *where, long lineno)
{
    run *r = ctx;
    if (r->mode == MODE_REDUCE)
        reduce_line(r, data, len, where, lineno);
    else if (r->mode == MODE_MERGE)
        merge_line(r, data, len, where, lineno);
    else
        map_line(r, data, len, where, lineno);
    return r->fatal;
}

static int read_fail(void *ctx, precis_status st, const precis_error *err)
{
    run *r = ctx;
    report(r, st, err);
    return r->fatal;
}

static void read_input(run *r, const char *path)
{
    const line_handler h = {read_line, read_fail, r};
    read_lines(path, &h);
}

/* ---- the single process: group the keys in memory --------------------- */

static int cmp_keyed(const void *x, const void *y)
{
    const struct keyed *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    return c ? c : (a->rec > b->rec) - (a->rec < b->rec);
}

static void cluster_in_memory(run *r)
{
    /* No article read (empty input, or only bad lines): no keys array at
     * all, and qsort must not be handed its null pointer. */
    if (r->nkeys)
        qsort(r->keys, r->nkeys, sizeof *r->keys, cmp_keyed);
    batch_rec **p = malloc((r->nrecs ? r->nrecs : 1) * sizeof *p);
    batch_sink sink = {sink_node_merge, sink_link_merge, r};
    if (!p) {
        nomem(r);
        return;
    }
    for (size_t i = 0, j; i < r->nkeys && !r->fatal; i = j) {
        size_t n = 0;
        for (j = i; j < r->nkeys && !strcmp(r->keys[j].key, r->keys[i].key); j++)
            p[n++] = &r->recs[r->keys[j].rec];
        if (batch_reduce(r->keys[i].key, p, n, &r->opts, &sink) != 0)
            nomem(r);
    }
    free(p);
}

static void finish(run *r)
{
    if (r->mode == MODE_REDUCE)
        reduce_group(r);
    if (r->mode == MODE_ALL && !r->fatal)
        cluster_in_memory(r);
    if ((r->mode == MODE_ALL || r->mode == MODE_MERGE) && !r->fatal) {
        size_t stories, missing;
        /* Flushed before the counts are told, so that a write that fails
         * only at the flush is not reported as stories written. */
        errno = 0;
        if (batch_merge_write(r->merge, stdout, &stories, &missing) != 0 || fflush(stdout) != 0) {
            if (ferror(stdout)) {
                out_write_failed(stdout); /* for finish_stdout to say why */
                r->fatal = EXIT_INTERNAL;
            } else {
                nomem(r);
            }
        } else {
            if (missing) {
                errorf("precis: cluster: %zu articles were linked but never listed (incomplete "
                                "reducer output?)\n", missing);
                r->failed = 1;
            }
            if (!r->quiet)
                errorf("precis: cluster: %zu articles in %zu stories\n", batch_merge_count(r->merge), stories);
        }
    }
    if (!r->fatal)
        flush_out(r);
}

/* ---- options ---------------------------------------------------------- */

/* -1 to go on, or the exit code to stop with (0 after --help). */
static int parse_args(int argc, char **argv, run *r)
{
    enum { OPT_MAP = 256, OPT_REDUCE, OPT_MERGE, OPT_WINDOW, OPT_THRESHOLD, OPT_DATE, OPT_STRICT };
    static const struct option longopts[] = {
        {"map", no_argument, NULL, OPT_MAP},
        {"reduce", no_argument, NULL, OPT_REDUCE},
        {"merge", no_argument, NULL, OPT_MERGE},
        {"window", required_argument, NULL, OPT_WINDOW},
        {"threshold", required_argument, NULL, OPT_THRESHOLD},
        {"date", required_argument, NULL, OPT_DATE},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int opt, modes = 0;
    char *end;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_MAP: r->mode = MODE_MAP; modes++; break;
        case OPT_REDUCE: r->mode = MODE_REDUCE; modes++; break;
        case OPT_MERGE: r->mode = MODE_MERGE; modes++; break;
        case OPT_WINDOW:
            r->opts.window_days = strtod(optarg, &end);
            if (*end || end == optarg || !(r->opts.window_days >= 0 && r->opts.window_days <= 36500)) {
                errorf("precis: --window needs a number of days (0 to 36500)\n");
                return EXIT_USAGE;
            }
            break;
        case OPT_THRESHOLD:
            r->opts.threshold = strtod(optarg, &end);
            if (*end || end == optarg || !(r->opts.threshold >= 0 && r->opts.threshold <= 10)) {
                errorf("precis: --threshold needs a number from 0 to 10\n");
                return EXIT_USAGE;
            }
            break;
        case OPT_DATE:
            if (precis_parse_date(optarg, &r->opts.default_time) != 0) {
                errorf("precis: --date: '%s' is not a date (e.g. 2024-10-31)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_STRICT: r->strict = 1; break;
        case 'q': r->quiet = 1; break;
        case 'h': return print_help(usage_text);
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    if (modes > 1) {
        errorf("precis: --map, --reduce and --merge are separate stages: give one\n");
        return EXIT_USAGE;
    }
    return -1;
}

int cmd_cluster(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof r);
    batch_opts_init(&r.opts);
    int rc = parse_args(argc, argv, &r);
    if (rc >= 0)
        return rc;
    precis_error err = {0};
    if (r.mode == MODE_ALL || r.mode == MODE_MAP) {
        precis_status st = precis_engine_new(&r.eng, &err);
        if (st != PRECIS_OK) {
            print_error(&err);
            return exit_code_for(st);
        }
        html_doc_init(&r.html);
    }
    if ((r.mode == MODE_ALL || r.mode == MODE_MERGE) && !(r.merge = batch_merge_new())) {
        nomem(&r);
        return EXIT_INTERNAL;
    }
    int nargs = argc - optind;
    char **args = operands_or_stdin(&nargs, argv + optind);
    for (int i = 0; i < nargs && !r.fatal; i++)
        read_input(&r, args[i]);
    finish(&r);
    for (size_t i = 0; i < r.nrecs; i++)
        batch_rec_free(&r.recs[i]);
    for (size_t i = 0; i < r.ngroup; i++)
        batch_rec_free(&r.group[i]);
    free(r.recs);
    free(r.keys);
    free(r.group);
    buf_free(&r.out);
    batch_merge_free(r.merge);
    if (r.eng) {
        html_doc_free(&r.html);
        precis_engine_free(r.eng);
    }
    return finish_stdout(r.fatal ? r.fatal : r.failed ? EXIT_INPUT : EXIT_OK);
}

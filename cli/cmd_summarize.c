/*
 * cmd_summarize.c: `precis summarize`.
 *
 *   precis summarize [OPTIONS] FILE... | DIR | -
 *   precis summarize --jsonl [FILE]        one cluster per line in, one out
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/io.h"
#include "precis.h"
#include "util.h"

static const char usage_text[] =
    "usage: precis summarize [OPTIONS] FILE... | DIR | -\n"
    "       precis summarize --jsonl [OPTIONS] [FILE.jsonl[.zst] | -]\n"
    "       precis summarize --db FILE --story ID [OPTIONS]\n"
    "\n"
    "Summarize the articles of one story (each file is an article; a directory\n"
    "means its files; - or no argument reads one article from standard input).\n"
    "With --jsonl, each input line is a cluster {\"id\",\"docs\":[...]} (or docs as one\n"
    "string with ||||| separators), plain or zstd-compressed, and each output\n"
    "line is its summary as JSON, in the same order; blank lines (empty or only\n"
    "white space) are skipped, so there is one output line per non-blank line.\n"
    "\n"
    "options:\n"
    "  -w, --words N       at most N words (default 120; 0 = no limit)\n"
    "  -b, --bytes N       at most N bytes of text output (0 = no limit)\n"
    "  -n, --sentences N   at most N sentences (0 = no limit)\n"
    "  -m, --method NAME   summarization method (--list-methods)\n"
    "  -f, --format FMT    text (default), json or md\n"
    "  -q, --query TEXT    prefer what this question or topic asks about\n"
    "      --jsonl         read JSON Lines clusters\n"
    "      --strict        stop at the first bad article or cluster (default: report, skip)\n"
    "      --db FILE       with --story: a story database (precis ingest)\n"
    "      --story ID      summarize story ID of --db (see precis stories)\n"
    "      --list-methods  list the methods and exit\n"
    "  -h, --help          show this help\n"
    "\n"
    "A --bytes or --sentences budget without --words replaces the default 120\n"
    "words. With no limit at all (--words 0 alone) the method decides where the\n"
    "brief ends.\n"
    "\n"
    "Exit status: 0 ok, 1 bad input (some input could not be used, or no sentence\n"
    "fits the budget), 2 usage, 3 internal error or the output could not be written.\n";

typedef struct settings {
    precis_options opts;
    precis_format format;
    int jsonl, strict;
} settings;

static int parse_format(const char *s, precis_format *out)
{
    if (!strcmp(s, "text"))
        *out = PRECIS_FORMAT_TEXT;
    else if (!strcmp(s, "json"))
        *out = PRECIS_FORMAT_JSON;
    else if (!strcmp(s, "md") || !strcmp(s, "markdown"))
        *out = PRECIS_FORMAT_MD;
    else
        return -1;
    return 0;
}

static void list_methods(void)
{
    for (const char *const *m = precis_methods(); *m; m++)
        printf("%-10s %s\n", *m, precis_method_description(*m));
}

static int write_summary(precis_cluster *c, const settings *s, precis_format format, precis_error *err)
{
    precis_summary *sum;
    precis_status st = precis_summarize(c, &s->opts, &sum, err);
    if (st != PRECIS_OK)
        return st;
    if (precis_summary_count(sum) == 0) {
        /* Every sentence is longer than the budget: an empty brief with
         * exit 0 would look like a summary of nothing. */
        precis_summary_free(sum);
        if (s->opts.max_words)
            return error_set(err, PRECIS_ERR_EMPTY, precis_cluster_id(c), 0,
                             "no sentence fits in %zu words; give a larger --words", s->opts.max_words);
        return error_set(err, PRECIS_ERR_EMPTY, precis_cluster_id(c), 0,
                         "no sentence fits in the budget; give a larger --bytes or --words");
    }
    char *out;
    size_t len;
    st = precis_render(sum, format, &out, &len, err);
    precis_summary_free(sum);
    if (st != PRECIS_OK)
        return st;
    /* out_write keeps why a write failed, for finish_stdout to say */
    out_write(out, len, stdout);
    if (format == PRECIS_FORMAT_JSON)
        out_write("\n", 1, stdout);
    free(out);
    return PRECIS_OK;
}

/* The summary in the chosen format (files, --story), on standard output. */
static precis_status write_chosen_summary(precis_cluster *c, FILE *out, void *ctx, precis_error *err)
{
    const settings *s = ctx;
    (void)out; /* write_summary prints to stdout, which out is */
    return write_summary(c, s, s->format, err);
}

static precis_status write_jsonl_summary(precis_cluster *c, FILE *out, void *ctx, precis_error *err)
{
    (void)out; /* write_summary prints to stdout, which out is */
    return write_summary(c, ctx, PRECIS_FORMAT_JSON, err);
}

int cmd_summarize(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"words", required_argument, NULL, 'w'},   {"bytes", required_argument, NULL, 'b'},
        {"sentences", required_argument, NULL, 'n'}, {"method", required_argument, NULL, 'm'},
        {"format", required_argument, NULL, 'f'},  {"jsonl", no_argument, NULL, 'J'},
        {"strict", no_argument, NULL, 'S'},        {"list-methods", no_argument, NULL, 'L'},
        {"query", required_argument, NULL, 'q'},
        {"db", required_argument, NULL, 'D'},      {"story", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0}};
    settings s;
    memset(&s, 0, sizeof s);
    precis_options_init(&s.opts);
    int words_set = 0, format_set = 0, opt;
    const char *db = NULL, *story = NULL; /* --db/--story */
    optind = 1;
    while ((opt = getopt_long(argc, argv, "w:b:n:m:f:q:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'w':
            if (parse_size("--words", optarg, &s.opts.max_words) != 0)
                return EXIT_USAGE;
            words_set = 1;
            break;
        case 'b':
            if (parse_size("--bytes", optarg, &s.opts.max_bytes) != 0)
                return EXIT_USAGE;
            break;
        case 'n':
            if (parse_size("--sentences", optarg, &s.opts.max_sentences) != 0)
                return EXIT_USAGE;
            break;
        case 'm':
            if (!precis_method_description(optarg)) {
                errorf("precis: unknown method '%s' (see --list-methods)\n", optarg);
                return EXIT_USAGE;
            }
            s.opts.method = optarg;
            break;
        case 'f':
            format_set = 1;
            if (parse_format(optarg, &s.format) != 0) {
                errorf("precis: unknown format '%s' (text, json or md)\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'q': s.opts.query = optarg; break;
        case 'J': s.jsonl = 1; break;
        case 'D': db = optarg; break;
        case 'T': story = optarg; break;
        case 'S': s.strict = 1; break;
        case 'L': list_methods(); return finish_stdout(EXIT_OK);
        case 'h': return print_help(usage_text);
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    /* A byte or sentence budget alone replaces the default word budget. */
    if (!words_set && (s.opts.max_bytes || s.opts.max_sentences))
        s.opts.max_words = 0;
    precis_engine *eng;
    precis_error err = {0};
    precis_status st = precis_engine_new(&eng, &err);
    if (st != PRECIS_OK) {
        print_error(&err);
        return exit_code_for(st);
    }
    int rc;
    if (db || story) {
        if (!db || !story || s.jsonl || optind < argc) {
            errorf("precis: --db and --story go together, without --jsonl or files\n");
            rc = EXIT_USAGE;
        } else {
            rc = run_story_cluster(eng, db, story, stdout, write_chosen_summary, &s);
        }
    } else if (s.jsonl) {
        if (argc - optind > 1) {
            errorf("precis: --jsonl takes one input file\n");
            rc = EXIT_USAGE;
        } else if (s.format != PRECIS_FORMAT_JSON && format_set) {
            errorf("precis: --jsonl writes one JSON object per cluster; --format %s cannot go with it\n",
                    s.format == PRECIS_FORMAT_MD ? "md" : "text");
            rc = EXIT_USAGE;
        } else {
            rc = run_jsonl_clusters(eng, optind < argc ? argv[optind] : "-", s.strict, stdout, "summarize",
                                    write_jsonl_summary, &s);
        }
    } else {
        rc = run_file_cluster(eng, argc - optind, argv + optind, s.strict, stdout, write_chosen_summary, &s);
    }
    precis_engine_free(eng);
    return finish_stdout(rc);
}
